"""Lever postings: `api.lever.co/v0/postings/{site}?mode=json` (EU: `api.eu.lever.co`).

A bare JSON list, the whole board at once. `createdAt` is epoch milliseconds; `workplaceType`
is `onsite` in practice (`on-site` in the docs), `remote`, `hybrid` or `unspecified`;
`lists[].content` is bare `<li>` items; `country` is ISO-2; placeholders like `team: "-"`.
"""

from spiders.items import Posting
from spiders.normalise import clean_html
from spiders.platforms.base import PlatformSpider
from spiders.platforms.common import hints, ident, place, places, posting_of, sections, text_or_none
from understand.contract import contract_of_label
from understand.dates import iso_date
from understand.places import remote_of


class LeverSpider(PlatformSpider):
    name = "lever"
    platform_origins = ("https://api.lever.co", "https://api.eu.lever.co")

    def parse(self, response):
        data = self.load_json(response)
        if data is None:
            return
        if not isinstance(data, list):
            self.fail(f"expected a list of Lever postings at {response.url}")
            return
        for job in data:
            if isinstance(job, dict) and job.get("text") and job.get("hostedUrl"):
                yield self.posting(job)

    def posting(self, job: dict) -> Posting:
        cats = job.get("categories") or {}
        body = job.get("description") or (job.get("opening") or "") + (
            job.get("descriptionBody") or ""
        )
        lists = [
            (item.get("text"), f"<ul>{item.get('content') or ''}</ul>")
            for item in job.get("lists") or []
            if isinstance(item, dict) and item.get("content")
        ]
        html = clean_html(sections((None, body), *lists, (None, job.get("additional"))))
        names = cats.get("allLocations") or [cats.get("location")]
        country = text_or_none(job.get("country"))  # the primary location's country
        first = {cats.get("location"), names[0]}
        commitment = text_or_none(cats.get("commitment"))
        workplace = str(job.get("workplaceType") or "").lower()
        return posting_of(
            job["hostedUrl"],
            job["text"],
            html,
            source_job_id=ident(job.get("id")),
            apply_url=job.get("applyUrl"),
            locations=places(
                place(text_or_none(n), country=country if n in first else None) for n in names
            ),
            remote=remote_of(*map(str, names), workplace=workplace),
            date_posted=iso_date(job.get("createdAt")),
            employment_type=commitment,
            hints=hints(contract_type=contract_of_label(commitment)),
        )
