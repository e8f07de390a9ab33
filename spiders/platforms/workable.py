"""Workable widget API: `apply.workable.com/api/v1/widget/accounts/{sub}?details=true`.

One answer, `{name, description, jobs[]}`, with every job and its HTML description. Dates are
date-only; `created_at` can be years older than `published_on`; hidden locations are skipped.
"""

from spiders.items import Posting
from spiders.normalise import clean_html
from spiders.platforms.base import PlatformSpider
from spiders.platforms.common import hints, place, places, posting_of, text_or_none
from understand.contract import contract_of_label, seniority_of_label
from understand.dates import iso_date


class WorkableSpider(PlatformSpider):
    name = "workable"
    platform_origins = ("https://apply.workable.com",)

    def parse(self, response):
        data, jobs = self.load_list(response, "jobs", "the Workable widget answer")
        organization = text_or_none(data.get("name"))
        for job in jobs:
            url = isinstance(job, dict) and (job.get("url") or job.get("shortlink"))
            if url and job.get("title"):
                yield self.posting(job, url, organization)

    def posting(self, job: dict, url: str, organization: str | None) -> Posting:
        html = clean_html(job.get("description"))
        shown = [loc for loc in job.get("locations") or [] if not loc.get("hidden")]
        locations = [
            place(
                ", ".join(filter(None, (loc.get("city"), loc.get("region"), loc.get("country")))),
                city=loc.get("city"),
                country=loc.get("countryCode") or loc.get("country"),
            )
            for loc in shown
        ]
        if not locations and not job.get("locations"):
            parts = (job.get("city"), job.get("state"), job.get("country"))
            locations = [
                place(
                    ", ".join(filter(None, parts)), city=job.get("city"), country=job.get("country")
                )
            ]
        employment = text_or_none(job.get("employment_type"))
        return posting_of(
            url,
            job["title"],
            html,
            source_job_id=text_or_none(job.get("shortcode")),
            organization=organization,
            apply_url=job.get("application_url"),
            locations=places(locations),
            remote="yes" if job.get("telecommuting") is True else "unknown",
            date_posted=iso_date(job.get("published_on") or job.get("created_at")),
            employment_type=employment,
            hints=hints(
                contract_type=contract_of_label(employment),
                seniority=seniority_of_label(job.get("experience")),
            ),
        )
