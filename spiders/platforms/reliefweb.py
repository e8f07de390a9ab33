"""ReliefWeb API v2 jobs: `GET https://api.reliefweb.int/v2/jobs?appname=APP&profile=full&...`.

The registry URL is the exact first URL, filters included (e.g. the theme "Protection and Human
Rights"). When it has no `appname`, the RELIEFWEB_APPNAME setting is added (the API needs a
pre-approved one). Pages follow `links.next.href` until `data` comes back empty (`totalCount`
alone cannot stop an offset loop), at most MAX_PAGES. `body`/`how_to_apply` are Markdown;
`country[]` carries ISO-3 codes; every reference is a list; `url_alias` is the public page.
"""

import re
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import markdown

from rightsjobs.urls import strip_tracking
from spiders.items import Location, Posting
from spiders.normalise import clean_html
from spiders.platforms.base import PlatformSpider
from spiders.platforms.common import hints, places, posting_of, with_query
from understand.contract import contract_of_label
from understand.dates import iso_date
from understand.experience import years_of_label
from understand.places import country_code
from understand.text import clean_text

MAX_PAGES = 20
LINK = re.compile(r"https?://[^\s<>()\"'\]]+")


def names(values: object) -> list[str]:
    return [
        clean_text(v.get("name")) for v in values or [] if isinstance(v, dict) and v.get("name")
    ]


class ReliefWebSpider(PlatformSpider):
    name = "reliefweb"
    platform_origins = ("https://api.reliefweb.int",)

    @classmethod
    def unconfigured(cls, source: dict, settings: Any) -> str | None:
        """The API answers nothing without an approved appname (in the URL or the setting)."""
        if "appname" in dict(parse_qsl(urlsplit(source["url"]).query)):
            return None
        if settings.get("RELIEFWEB_APPNAME"):
            return None
        return "set RELIEFWEB_APPNAME (or put appname= in the registry URL)"

    async def start(self):
        url = self.source["url"]
        if reason := self.unconfigured(self.source, self.settings):
            self.fail(reason)
            return
        if "appname" not in dict(parse_qsl(urlsplit(url).query)):
            url = with_query(url, appname=self.settings.get("RELIEFWEB_APPNAME"))
        yield self.request(url, self.parse, cb_kwargs={"page": 1})

    def parse(self, response, page: int = 1):
        payload = self.load_json(response)
        if payload is None:
            return
        data = payload.get("data") if isinstance(payload, dict) else None
        if not isinstance(data, list):
            error = payload.get("error") if isinstance(payload, dict) else None
            self.fail(f"no `data` list in the ReliefWeb answer at {response.url} ({error or ''})")
            return
        for entry in data:
            fields = entry.get("fields") if isinstance(entry, dict) else None
            if isinstance(fields, dict) and fields.get("title"):
                yield self.posting(fields, entry)
        following = ((payload.get("links") or {}).get("next") or {}).get("href")
        if data and following and page < MAX_PAGES:
            yield self.request(
                response.urljoin(following), self.parse, cb_kwargs={"page": page + 1}
            )

    def posting(self, fields: dict, entry: dict) -> Posting:
        body = fields.get("body")
        body_html = markdown.markdown(body) if body else fields.get("body-html") or ""
        how = fields.get("how_to_apply") or ""
        how_html = markdown.markdown(how) if how else fields.get("how_to_apply-html") or ""
        if how_html:
            body_html += f"\n<h2>How to apply</h2>\n{how_html}"
        html = clean_html(body_html)
        job_id = str(fields.get("id") or entry.get("id"))
        url = fields.get("url_alias") or fields.get("url") or f"https://reliefweb.int/job/{job_id}"
        sources = names(fields.get("source"))
        kinds = names(fields.get("type"))
        experience = names(fields.get("experience"))
        date = fields.get("date") or {}
        link = LINK.search(how)
        return posting_of(
            url,
            fields["title"],
            html,
            source_job_id=job_id,
            organization=sources[0] if sources else None,
            apply_url=strip_tracking(link.group().rstrip(".,;")) if link else None,
            locations=self.locations(fields),
            date_posted=iso_date(date.get("created")),
            valid_through=iso_date(date.get("closing")),
            employment_type=", ".join(kinds) or None,
            hints=hints(
                contract_type=contract_of_label(kinds),
                min_years_experience=years_of_label(experience[0]) if experience else None,
            ),
        )

    @staticmethod
    def locations(fields: dict) -> list[Location]:
        """Cities with the country when the job names one country; else one per country."""
        countries = [c for c in fields.get("country") or [] if isinstance(c, dict)]
        cities = names(fields.get("city"))
        if len(countries) == 1:
            country = countries[0]
            name, code = clean_text(country.get("name")), country_code(country.get("iso3"))
            found = [Location(raw=f"{city}, {name}", city=city, country=code) for city in cities]
            return places(found or [Location(raw=name, country=code)])
        found = [
            Location(raw=clean_text(c.get("name")), country=country_code(c.get("iso3")))
            for c in countries
        ]
        return places(found + [Location(raw=city, city=city) for city in cities])
