"""UN Careers (UN Secretariat, incl. OHCHR and OCHA): the careers.un.org public JSON API.

The registry URL is the list endpoint (`.../api/public/opening/jo/list/filteredV2/en`), fetched
with POST and a JSON body (`sortBy` is required: without it the API answers 500). The answer is
`{status, data: {list[], count}}`; pages go by page number until the list is empty or `count`
items were read, at most MAX_PAGES. `endDate` is 23:59:59 New York time, so dates are taken in
that zone (UTC would give the day after the deadline). The public page is
`/jobSearchDescription/{jobId}?language=en` on the registry URL's host.
"""

import json
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from spiders.items import Posting
from spiders.normalise import clean_html
from spiders.platforms.base import PlatformSpider
from spiders.platforms.common import hints, place, places, text_or_none
from understand.contract import seniority_of_label
from understand.dates import iso_date
from understand.text import clean_text, html_to_text

MAX_PAGES = 20
PER_PAGE = 100
NEW_YORK = ZoneInfo("America/New_York")
# The main duty stations, so that a posting there carries its country.
DUTY_STATIONS = {
    "NEW YORK": "US", "GENEVA": "CH", "VIENNA": "AT", "NAIROBI": "KE", "BANGKOK": "TH",
    "BEIRUT": "LB", "ADDIS ABABA": "ET", "SANTIAGO": "CL", "BONN": "DE", "THE HAGUE": "NL",
    "BRINDISI": "IT", "VALENCIA": "ES", "ENTEBBE": "UG", "AMMAN": "JO", "DAKAR": "SN",
    "PANAMA CITY": "PA", "BRUSSELS": "BE", "KABUL": "AF", "BAGHDAD": "IQ", "JUBA": "SS",
    "BANGUI": "CF", "KINSHASA": "CD", "GOMA": "CD", "BAMAKO": "ML", "PORT-AU-PRINCE": "HT",
    "MOGADISHU": "SO", "TRIPOLI": "LY", "INCHEON CITY": "KR",
}  # fmt: skip
CATEGORIES = {"CON": "consultancy", "INT": "internship"}


def body(page: int) -> str:
    return json.dumps(
        {
            "filterConfig": {"keyword": "", "ds": [], "jc": [], "jle": []},
            "pagination": {
                "page": page,
                "itemPerPage": PER_PAGE,
                "sortBy": "startDate",
                "sortDirection": -1,
            },
        }
    )


class UNCareersSpider(PlatformSpider):
    name = "uncareers"
    platform_origins = ("https://careers.un.org",)

    async def start(self):
        yield self.list_request(0, read=0)

    def list_request(self, page: int, read: int):
        return self.request(
            self.source["url"],
            self.parse,
            method="POST",
            body=body(page),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            cb_kwargs={"page": page, "read": read},
            dont_filter=True,
        )

    def parse(self, response, page: int = 0, read: int = 0):
        payload = self.load_json(response)
        if payload is None:
            return
        data = payload.get("data") if isinstance(payload, dict) else None
        found = data.get("list") if isinstance(data, dict) else None
        if not isinstance(found, list):
            self.fail(f"no `data.list` in the UN Careers answer at {response.url}")
            return
        parts = urlsplit(response.url)
        site = f"{parts.scheme}://{parts.netloc}"
        for job in found:
            if (
                isinstance(job, dict)
                and job.get("jobId")
                and (job.get("postingTitle") or job.get("jobTitle"))
            ):
                yield self.posting(job, site)
        read += len(found)
        count = data.get("count") if isinstance(data.get("count"), int) else None
        if found and (count is None or read < count) and page + 1 < MAX_PAGES:
            yield self.list_request(page + 1, read=read)

    def posting(self, job: dict, site: str) -> Posting:
        title = clean_text(job.get("postingTitle") or job.get("jobTitle"))
        if title.isupper():
            title = title.title()
        html = clean_html(job.get("jobDescription"))
        page = f"{site}/jobSearchDescription/{job['jobId']}?language=en"
        stations = [
            clean_text(s.get("description"))
            for s in job.get("dutyStation") or []
            if isinstance(s, dict) and s.get("description")
        ]
        level = text_or_none((job.get("jl") or {}).get("name")) or text_or_none(job.get("jobLevel"))
        category = text_or_none((job.get("jc") or {}).get("name"))
        return Posting(
            url=page,
            title=title,
            description=html_to_text(html),
            description_html=html,
            source_job_id=str(job["jobId"]),
            organization=text_or_none((job.get("dept") or {}).get("name")),
            apply_url=page,
            locations=places(
                place(s.title(), country=DUTY_STATIONS.get(s.upper())) for s in stations
            ),
            remote="yes" if any("HOME" in s.upper() for s in stations) else "unknown",
            date_posted=iso_date(job.get("startDate"), NEW_YORK),
            valid_through=iso_date(job.get("endDate"), NEW_YORK),
            employment_type=", ".join(filter(None, (category, level))) or None,
            hints=hints(
                contract_type=CATEGORIES.get(str(job.get("categoryCode") or "").upper()),
                seniority=seniority_of_label(level),
            ),
        )
