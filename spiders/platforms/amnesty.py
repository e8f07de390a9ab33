"""Amnesty International's careers site (careers.amnesty.org), an eArcu ATS.

The results page embeds a `_gridhandler` URL in an inline script; the grid lists links to
`/.../{id}/description/` pages (and a `scroller_movenext` link to its next page). A results
page without the script is read for those links directly. A detail page has an `h1` "Title
(reference)", label/value pairs ("Closing Date:" as `D Month YYYY`, "Location:", "Contract
Type:"), the description in `div.earcu_posdescription` and an "Apply for this role" link.
"""

import re

from rightsjobs.urls import strip_tracking
from spiders.items import Posting
from spiders.normalise import clean_html
from spiders.platforms.base import PlatformSpider
from spiders.platforms.common import hints, html_page, place, places
from understand.contract import contract_of_label
from understand.dates import iso_date
from understand.places import remote_of
from understand.text import clean_text, html_to_text

MAX_GRID_PAGES = 10
MAX_DETAILS = 200
GRID_URL = re.compile(r"""['"]([^'"\s]*_gridhandler[^'"\s]*)['"]""")
JOB_ID = re.compile(r"/(\d+)/description/?")
DETAIL_LINKS = '//a[contains(@href, "/description/")]/@href'
DESCRIPTION = (
    '//div[contains(concat(" ", normalize-space(@class), " "), " earcu_posdescription ")]',
    '//div[contains(@class, "earcu_posdescriptionContainer")]',
    '//div[contains(@class, "earcu_posdescription")]',
)


def labelled(page, label: str) -> str | None:
    """The value shown after a label element ("Closing Date:" -> "8 September 2026")."""
    node = page.xpath(
        f'//*[normalize-space(text())="{label}"]/following-sibling::*[1]//text()'
    ).getall()
    return clean_text(" ".join(node)) or None


class AmnestySpider(PlatformSpider):
    name = "amnesty"
    platform_origins = ("https://careers.amnesty.org",)

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.details: set[str] = set()

    def parse(self, response):
        page = html_page(response)
        if page is None:
            self.fail(f"expected the eArcu results page (HTML) at {response.url}")
            return
        script = " ".join(page.xpath('//script[contains(., "_gridhandler")]/text()').getall())
        grid = GRID_URL.search(script)
        if grid:
            yield self.request(response.urljoin(grid.group(1)), self.parse_grid)
        elif page.xpath(DETAIL_LINKS):
            yield from self.parse_grid(response)
        else:
            self.fail(f"no `_gridhandler` URL or vacancy links on the results page {response.url}")

    def parse_grid(self, response, page: int = 1):
        grid = html_page(response)
        if grid is None:
            self.fail(f"expected the eArcu vacancy grid (HTML) at {response.url}")
            return
        for href in grid.xpath(DETAIL_LINKS).getall():
            url = strip_tracking(response.urljoin(href))
            if url not in self.details and len(self.details) < MAX_DETAILS:
                self.details.add(url)
                yield self.request(url, self.parse_detail)
        following = grid.xpath(
            '//a[contains(@class, "scroller_movenext")][not(@disabled)]/@href'
        ).get()
        if following and page < MAX_GRID_PAGES:
            url = response.urljoin(following)
            yield self.request(url, self.parse_grid, cb_kwargs={"page": page + 1})

    def parse_detail(self, response):
        page = html_page(response)
        if page is None:
            return
        heading = clean_text(" ".join(page.xpath("//h1//text()").getall()))
        title = re.sub(r"\s*\([^()]*\)\s*$", "", heading) or heading
        if not title:
            self.crawler.stats.inc_value("rightsjobs/amnesty/no_title")
            return
        html = ""
        for path in DESCRIPTION:
            html = clean_html(" ".join(page.xpath(path).getall()))
            if html:
                break
        apply = (
            page.xpath('//a[contains(normalize-space(.), "Apply for this role")]/@href').get()
            or page.xpath('//a[contains(@class, "apply")]/@href').get()
        )
        where = labelled(page, "Location:")
        kind = labelled(page, "Contract Type:")
        job_id = JOB_ID.search(response.url)
        yield Posting(
            url=strip_tracking(response.url),
            title=title,
            description=html_to_text(html),
            description_html=html,
            source_job_id=job_id.group(1) if job_id else None,
            apply_url=strip_tracking(response.urljoin(apply)) if apply else None,
            locations=places(place(p) for p in re.split(r"\s*[;/]\s*|\s+or\s+", where or "")),
            remote=remote_of(where),
            valid_through=iso_date(labelled(page, "Closing Date:")),
            employment_type=kind,
            hints=hints(contract_type=contract_of_label(kind)),
        )
