"""Ashby posting API: `api.ashbyhq.com/posting-api/job-board/{org}?includeCompensation=true`.

`{apiVersion, jobs[]}`; jobs with `isListed: false` are skipped. `employmentType` is a code
(`FullTime`, `Intern`, `Contract`); `address.postalAddress` gives the country by name.
"""

from rightsjobs.urls import strip_tracking
from spiders.items import Posting
from spiders.normalise import clean_html
from spiders.platforms.base import PlatformSpider
from spiders.platforms.common import hints, ident, place, places, text_or_none
from understand.contract import contract_of_label
from understand.dates import iso_date
from understand.places import remote_of
from understand.text import clean_text, html_to_text


def ashby_place(name: object, address: object):
    postal = (address or {}).get("postalAddress") or {} if isinstance(address, dict) else {}
    city = text_or_none(postal.get("addressLocality"))
    country = text_or_none(postal.get("addressCountry"))
    return place(text_or_none(name), city=city, country=country)


class AshbySpider(PlatformSpider):
    name = "ashby"
    platform_origins = ("https://api.ashbyhq.com",)

    def parse(self, response):
        _, jobs = self.load_list(response, "jobs", "the Ashby answer")
        for job in jobs:
            if not isinstance(job, dict) or job.get("isListed") is False:
                continue
            if job.get("title") and job.get("jobUrl"):
                yield self.posting(job)

    def posting(self, job: dict) -> Posting:
        html = clean_html(job.get("descriptionHtml"))
        others = [x for x in job.get("secondaryLocations") or [] if isinstance(x, dict)]
        locations = [ashby_place(job.get("location"), job.get("address"))] + [
            ashby_place(x.get("location"), x.get("address")) for x in others
        ]
        workplace = job.get("workplaceType")
        if job.get("isRemote") is True and str(workplace).lower() != "hybrid":
            workplace = "remote"
        employment = text_or_none(job.get("employmentType"))
        return Posting(
            url=strip_tracking(job["jobUrl"]),
            title=clean_text(job["title"]),
            description=html_to_text(html) or str(job.get("descriptionPlain") or "").strip(),
            description_html=html,
            source_job_id=ident(job.get("id")),
            apply_url=job.get("applyUrl"),
            locations=places(locations),
            remote=remote_of(job.get("location"), workplace=workplace),
            date_posted=iso_date(job.get("publishedAt")),
            employment_type=employment,
            hints=hints(contract_type=contract_of_label(employment)),
        )
