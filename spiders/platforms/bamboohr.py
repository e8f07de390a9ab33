"""BambooHR careers: `{sub}.bamboohr.com/careers/list`, then `/careers/{id}/detail` per job.

The list (`{meta.totalCount, result[]}`) has string ids and no description; the detail gives
`result.jobOpening{description, datePosted, ...}`. `locationType` is 0 on site, 1 remote,
2 hybrid; `location.state` sometimes holds a country. The public page is `/careers/{id}`.
"""

from urllib.parse import urlsplit

from spiders.items import Posting
from spiders.normalise import clean_html
from spiders.platforms.base import PlatformSpider
from spiders.platforms.common import hints, place, text_or_none
from understand.contract import contract_of_label
from understand.dates import iso_date
from understand.text import clean_text, html_to_text

MAX_DETAILS = 300
LOCATION_TYPES = {"0": "no", "1": "yes", "2": "hybrid"}


def bamboo_place(job: dict):
    for key in ("atsLocation", "location"):
        loc = job.get(key) or {}
        parts = [
            text_or_none(loc.get(k))
            for k in ("city", "state", "province", "addressCountry", "country")
        ]
        parts = [p for p in dict.fromkeys(parts) if p]
        if parts:
            country = text_or_none(loc.get("country") or loc.get("addressCountry"))
            return place(", ".join(parts), city=text_or_none(loc.get("city")), country=country)
    return None


class BambooHRSpider(PlatformSpider):
    name = "bamboohr"

    def parse(self, response):
        _, result = self.load_list(response, "result", "the BambooHR careers list")
        base = response.url.split("?")[0].rstrip("/").removesuffix("/list")
        for job in result[:MAX_DETAILS]:
            if isinstance(job, dict) and job.get("id") and job.get("jobOpeningName"):
                yield self.request(
                    f"{base}/{job['id']}/detail", self.parse_detail, cb_kwargs={"listed": job}
                )

    def parse_detail(self, response, listed: dict):
        data = self.load_json(response)
        if data is None:
            return
        opening = ((data.get("result") or {}) if isinstance(data, dict) else {}).get("jobOpening")
        if not isinstance(opening, dict):
            self.fail(f"no `result.jobOpening` in the BambooHR detail at {response.url}")
            return
        job = {**listed, **{k: v for k, v in opening.items() if v not in (None, "", {})}}
        html = clean_html(job.get("description"))
        parts = urlsplit(response.url)
        page = f"{parts.scheme}://{parts.netloc}{parts.path.removesuffix('/detail')}"
        location = bamboo_place(job)
        remote = LOCATION_TYPES.get(str(job.get("locationType")), "unknown")
        employment = text_or_none(job.get("employmentStatusLabel"))
        yield Posting(
            url=page,
            title=clean_text(job["jobOpeningName"]),
            description=html_to_text(html),
            description_html=html,
            source_job_id=str(listed["id"]),
            apply_url=page,
            locations=[location] if location else [],
            remote="yes" if job.get("isRemote") is True else remote,
            date_posted=iso_date(job.get("datePosted")),
            employment_type=employment,
            hints=hints(contract_type=contract_of_label(employment)),
        )
