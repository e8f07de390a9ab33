"""Personio XML feed: `{company}.jobs.personio.de/xml?language=en` (also `.jobs.personio.com`).

`<workzag-jobs><position>...`; no paging. An empty `<workzag-jobs/>` is a valid empty board;
anything else (an HTML page after a redirect to personio.de, a 404 page) fails the run. Elements
may be missing or empty; CDATA has leading whitespace; keywords are comma-separated. The job
page is `https://{company host}/job/{id}`, built from the registry URL.
"""

from urllib.parse import urlsplit

from spiders.items import Posting
from spiders.normalise import clean_html
from spiders.platforms.base import PlatformSpider
from spiders.platforms.common import hints, place, places, sections
from understand.contract import contract_of_label, seniority_of_label
from understand.dates import iso_date
from understand.experience import years_of_label
from understand.places import remote_of
from understand.text import clean_text, html_to_text


def value(position, path: str) -> str | None:
    found = position.find(path)
    return clean_text(found.text) or None if found is not None and found.text else None


class PersonioSpider(PlatformSpider):
    name = "personio"

    def parse(self, response):
        root = self.load_xml(response, "not a Personio XML feed")
        if root is None:
            return
        if root.tag != "workzag-jobs":
            self.fail(f"not a Personio XML feed at {response.url} (<{root.tag}>)")
            return
        parts = urlsplit(response.url)
        for position in root.iterfind("position"):
            job_id, title = value(position, "id"), value(position, "name")
            if job_id and title:
                yield self.posting(position, job_id, title, f"{parts.scheme}://{parts.netloc}")

    def posting(self, position, job_id: str, title: str, site: str) -> Posting:
        html = clean_html(
            sections(
                *(
                    (value(d, "name"), (d.findtext("value") or "").strip())
                    for d in position.iterfind("jobDescriptions/jobDescription")
                )
            )
        )
        offices = [value(position, "office")] + [
            clean_text(o.text) for o in position.iterfind("additionalOffices/office") if o.text
        ]
        offices = [o for o in offices if o]
        employment = value(position, "employmentType")
        schedule = value(position, "schedule")
        return Posting(
            url=f"{site}/job/{job_id}",
            title=title,
            description=html_to_text(html),
            description_html=html,
            source_job_id=job_id,
            apply_url=f"{site}/job/{job_id}",
            locations=places(place(o) for o in offices),
            remote=remote_of(*offices),
            date_posted=iso_date(value(position, "createdAt")),
            employment_type=", ".join(filter(None, (employment, schedule))) or None,
            hints=hints(
                contract_type=contract_of_label(employment),
                seniority=seniority_of_label(value(position, "seniority")),
                min_years_experience=years_of_label(value(position, "yearsOfExperience")),
            ),
        )
