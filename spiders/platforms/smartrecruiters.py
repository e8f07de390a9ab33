"""SmartRecruiters Posting API: `api.smartrecruiters.com/v1/companies/{id}/postings`.

The list (`{offset, limit, totalFound, content[]}`, at most 100 a page) has no description, so
each posting costs one detail request (`.../postings/{id}`, built from the list URL). Pages
follow `offset` up to MAX_PAGES. `country` is lowercase ISO-2; an unknown company id gives an
empty list, not a 404.
"""

from urllib.parse import parse_qsl, urlsplit, urlunsplit

from spiders.normalise import clean_html
from spiders.platforms.base import PlatformSpider
from spiders.platforms.common import hints, ident, place, posting_of, sections, with_query
from understand.contract import contract_of_label, seniority_of_label
from understand.dates import iso_date
from understand.text import clean_text

MAX_PAGES = 10
SECTIONS = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")
# SmartRecruiters' default employment type, often left on fixed-term roles: it says nothing.
DEFAULT_KIND = "permanent"


class SmartRecruitersSpider(PlatformSpider):
    name = "smartrecruiters"
    platform_origins = ("https://api.smartrecruiters.com",)

    def parse(self, response, page: int = 1):
        data, content = self.load_list(response, "content", "the SmartRecruiters answer")
        parts = urlsplit(response.url)
        base = urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))
        for posting in content:
            if isinstance(posting, dict) and posting.get("id"):
                yield self.request(f"{base}/{posting['id']}", self.parse_detail)
        offset = int(dict(parse_qsl(parts.query)).get("offset") or data.get("offset") or 0)
        following = offset + len(content)
        if content and following < int(data.get("totalFound") or 0) and page < MAX_PAGES:
            url = with_query(response.url, offset=following)
            yield self.request(url, self.parse, cb_kwargs={"page": page + 1})

    def parse_detail(self, response):
        job = self.load_json(response)
        if not isinstance(job, dict) or not job.get("name"):
            if job is not None:
                self.fail(f"not a SmartRecruiters posting at {response.url}")
            return
        found = ((job.get("jobAd") or {}).get("sections")) or {}
        html = clean_html(
            sections(
                *(
                    ((found.get(key) or {}).get("title"), (found.get(key) or {}).get("text"))
                    for key in SECTIONS
                )
            )
        )
        loc = job.get("location") or {}
        company = job.get("company") or {}
        kind = job.get("typeOfEmployment") or {}
        if loc.get("remote") is True:
            remote = "yes"
        elif loc.get("hybrid") is True:
            remote = "hybrid"
        else:
            remote = "no" if loc.get("remote") is False and "hybrid" in loc else "unknown"
        where = loc.get("fullLocation") or ", ".join(
            filter(
                None, (loc.get("city"), loc.get("region"), str(loc.get("country") or "").upper())
            )
        )
        url = job.get("postingUrl") or (
            f"https://jobs.smartrecruiters.com/{company.get('identifier', '')}/{job.get('id')}"
        )
        yield posting_of(
            url,
            job["name"],
            html,
            source_job_id=ident(job.get("id")),
            organization=clean_text(company.get("name")) or None,
            apply_url=job.get("applyUrl"),
            locations=[
                x for x in [place(where, city=loc.get("city"), country=loc.get("country"))] if x
            ],
            remote=remote,
            date_posted=iso_date(job.get("releasedDate")),
            employment_type=clean_text(kind.get("label")) or None,
            hints=hints(
                contract_type=contract_of_label(kind.get("id"))
                if kind.get("id") != DEFAULT_KIND
                else None,
                seniority=seniority_of_label((job.get("experienceLevel") or {}).get("id")),
            ),
        )
