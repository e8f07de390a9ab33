"""Recruitee offers API: `{company}.recruitee.com/api/offers/` returns `{offers: [...]}`.

Dates look like `2023-07-25 17:53:46 UTC`; `location` can be "Remote job"; `careers_url` can be
on a custom domain; `remote`/`hybrid`/`on_site` are booleans. The payload carries e-mail
addresses (`mailbox_email`): no field of it that holds an e-mail address is ever copied.
"""

import re

from spiders.items import Posting
from spiders.normalise import clean_html
from spiders.platforms.base import PlatformSpider
from spiders.platforms.common import hints, ident, place, places, posting_of, sections, text_or_none
from understand.contract import contract_of_label, seniority_of_label
from understand.dates import iso_date

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|mailto:", re.I)


def no_email(value: object) -> str | None:
    """A field value, or None when it is (or contains) an e-mail address."""
    text = text_or_none(value, 500)
    return None if text is None or EMAIL.search(text) else text


class RecruiteeSpider(PlatformSpider):
    name = "recruitee"

    def parse(self, response):
        _, offers = self.load_list(response, "offers", "the Recruitee answer")
        for offer in offers:
            url = isinstance(offer, dict) and no_email(offer.get("careers_url"))
            if url and offer.get("title") and offer.get("status", "published") == "published":
                yield self.posting(offer, url)

    def posting(self, offer: dict, url: str) -> Posting:
        html = clean_html(
            sections((None, offer.get("description")), ("Requirements", offer.get("requirements")))
        )
        shown = [loc for loc in offer.get("locations") or [] if isinstance(loc, dict)]
        locations = [
            place(
                ", ".join(filter(None, (loc.get("city"), loc.get("state"), loc.get("country")))),
                city=no_email(loc.get("city")),
                country=loc.get("country_code") or loc.get("country"),
            )
            for loc in shown
        ] or [
            place(
                no_email(offer.get("location")),
                city=None if offer.get("remote") else no_email(offer.get("city")),
                country=offer.get("country_code"),
            )
        ]
        if offer.get("remote"):
            remote = "yes"
        elif offer.get("hybrid"):
            remote = "hybrid"
        else:
            remote = "no" if offer.get("on_site") else "unknown"
        employment = no_email(offer.get("employment_type_code"))
        return posting_of(
            url,
            offer["title"],
            html,
            source_job_id=ident(offer.get("id")),
            organization=no_email(offer.get("company_name")),
            apply_url=no_email(offer.get("careers_apply_url")),
            locations=places(locations),
            remote=remote,
            date_posted=iso_date(offer.get("published_at") or offer.get("created_at")),
            valid_through=iso_date(offer.get("close_at")),
            employment_type=employment,
            hints=hints(
                contract_type=contract_of_label(employment),
                seniority=seniority_of_label(offer.get("experience_code")),
            ),
        )
