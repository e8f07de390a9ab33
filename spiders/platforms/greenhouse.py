"""Greenhouse job boards: `boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true`.

One request returns the whole board. `content` is HTML escaped twice (`&lt;p&gt;`); timestamps
carry the board's local offset; `updated_at` is not the first-posted date, so `first_published`
(newer boards) wins when present.
"""

from rightsjobs.urls import strip_tracking
from spiders.items import Posting
from spiders.normalise import clean_html, unescape_twice
from spiders.platforms.base import PlatformSpider
from spiders.platforms.common import hints, ident, place, places, posting_of
from understand.contract import contract_of_label
from understand.dates import iso_date
from understand.places import remote_of
from understand.text import clean_text


class GreenhouseSpider(PlatformSpider):
    name = "greenhouse"
    # The boards API, and the board hosts `boards.greenhouse.io` redirects to (EU included).
    platform_origins = (
        "https://boards-api.greenhouse.io",
        "https://boards.greenhouse.io",
        "https://job-boards.greenhouse.io",
        "https://job-boards.eu.greenhouse.io",
    )

    def parse(self, response):
        _, jobs = self.load_list(response, "jobs", "the Greenhouse board")
        for job in jobs:
            if isinstance(job, dict) and job.get("title") and job.get("absolute_url"):
                yield self.posting(job)

    def posting(self, job: dict) -> Posting:
        html = clean_html(unescape_twice(job.get("content")))
        where = (job.get("location") or {}).get("name")
        meta = {
            clean_text(m.get("name")).lower(): m.get("value")
            for m in job.get("metadata") or []
            if isinstance(m, dict) and isinstance(m.get("value"), str)
        }
        employment = meta.get("employment type") or meta.get("commitment")
        return posting_of(
            job["absolute_url"],
            job["title"],
            html,
            source_job_id=ident(job.get("id")),
            organization=clean_text(job.get("company_name")) or None,
            apply_url=strip_tracking(job["absolute_url"]),
            locations=places([place(where)]),
            remote=remote_of(where),
            date_posted=iso_date(job.get("first_published") or job.get("updated_at")),
            valid_through=iso_date(job.get("application_deadline")),
            employment_type=employment,
            hints=hints(contract_type=contract_of_label(employment)),
        )
