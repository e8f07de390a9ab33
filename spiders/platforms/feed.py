"""RSS 2.0, RSS 1.0 and Atom feeds: NGO blogs and news sites that mix vacancies with news.

`is_job = None`: every item goes through the vacancy classifier in the pipeline. The body is
`content:encoded`, else `description` (Atom: `content`, else `summary`); `guid`/`id` is the
item's id; `utm_*` parameters are stripped from links. For WordPress (its `<generator>`), the
spider also reads `?paged=2`, `3`, ... while pages bring new items, up to page 5; a 404 past the
last page is the normal end. WP Job Manager's `job_listing:*` elements are read when present.
"""

from typing import Any
from urllib.parse import urljoin

from lxml import etree

from rightsjobs.urls import strip_tracking
from spiders.items import Posting
from spiders.normalise import clean_html
from spiders.platforms.base import PlatformSpider
from spiders.platforms.common import hints, place, places, with_query
from understand.contract import contract_of_label
from understand.dates import iso_date
from understand.places import remote_of
from understand.text import clean_text, html_to_text

MAX_PAGE = 5


def local(element) -> str:
    """An element's tag without its namespace, lowercased (`content:encoded` -> `encoded`)."""
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1].lower()


def children(element) -> dict[str, list]:
    found: dict[str, list] = {}
    for child in element:
        found.setdefault(local(child), []).append(child)
    return found


def text(elements: list | None) -> str:
    return (elements[0].text or "").strip() if elements else ""


def entry_posting(
    link: str, title: str, *, body: str, entry_id: str, date: str, **facts: Any
) -> Posting:
    """An RSS item or Atom entry as a Posting: `body` is its HTML, `entry_id` its guid or id,
    `facts` what else the feed gives (WP Job Manager's fields)."""
    html = clean_html(body)
    return Posting(
        url=strip_tracking(link),
        title=title,
        description=html_to_text(html),
        description_html=html,
        source_job_id=entry_id or None,
        date_posted=iso_date(date),
        **facts,
    )


class FeedSpider(PlatformSpider):
    name = "feed"
    is_job = None

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.seen: set[str] = set()

    def parse(self, response, page: int = 1):
        if page > 1 and response.status in (404, 410):
            return  # WordPress answers 404 past its last page
        root = self.load_xml(response, "invalid XML feed")
        if root is None:
            return
        kind = local(root)
        if kind == "rss":
            channel = next((c for c in root if local(c) == "channel"), root)
            entries = [self.rss_item(i) for i in channel if local(i) == "item"]
            generator = text(children(channel).get("generator"))
        elif kind == "rdf":  # RSS 1.0: items are the channel's siblings
            entries = [self.rss_item(i) for i in root if local(i) == "item"]
            generator = ""
        elif kind == "feed":
            entries = [self.atom_entry(e, response.url) for e in root if local(e) == "entry"]
            generator = text(children(root).get("generator")) + " ".join(
                g.get("uri", "") for g in children(root).get("generator", [])
            )
        else:
            self.fail(f"not an RSS or Atom feed at {response.url} (<{kind}>)")
            return
        new = 0
        for item in entries:
            if item is None or (item.source_job_id or item.url) in self.seen:
                continue
            self.seen.add(item.source_job_id or item.url)
            new += 1
            yield item
        if new and page < MAX_PAGE and "wordpress" in generator.lower():
            yield self.request(
                with_query(self.source["url"], paged=page + 1),
                self.parse,
                cb_kwargs={"page": page + 1},
                meta={"handle_httpstatus_list": [404, 410]},
            )

    def rss_item(self, item) -> Posting | None:
        fields = children(item)
        link = text(fields.get("link")) or text(fields.get("guid"))
        title = clean_text(text(fields.get("title")))
        if not link.startswith(("http://", "https://")) or not title:
            return None
        where = text(fields.get("location"))  # WP Job Manager: job_listing:location
        job_type = text(fields.get("job_type")) or None
        return entry_posting(
            link,
            title,
            body=text(fields.get("encoded")) or text(fields.get("description")),
            entry_id=text(fields.get("guid")),
            date=text(fields.get("pubdate")) or text(fields.get("date")),
            organization=clean_text(text(fields.get("company"))) or None,
            locations=places([place(where)]),
            remote=remote_of(where),
            employment_type=job_type,
            hints=hints(contract_type=contract_of_label(job_type)),
        )

    def atom_entry(self, entry, base: str) -> Posting | None:
        fields = children(entry)
        links = fields.get("link", [])
        link = next((x.get("href") for x in links if x.get("rel") in (None, "alternate")), None)
        link = urljoin(base, link) if link else None
        title = clean_text(self.inner(fields.get("title")))
        if not link or not title:
            return None
        return entry_posting(
            link,
            title,
            body=self.inner(fields.get("content")) or self.inner(fields.get("summary")),
            entry_id=text(fields.get("id")),
            date=text(fields.get("published")) or text(fields.get("updated")),
        )

    @staticmethod
    def inner(elements: list | None) -> str:
        """An Atom text construct: escaped HTML as text, or inline XHTML serialised."""
        if not elements:
            return ""
        element = elements[0]
        if element.get("type") == "xhtml":
            return "".join(etree.tostring(c, encoding="unicode") for c in element).strip()
        return (element.text or "").strip()
