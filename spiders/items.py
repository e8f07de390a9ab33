"""The one item schema every spider yields, aligned with schema.org JobPosting."""

from dataclasses import dataclass, field


@dataclass
class Location:
    """A place as the site showed it, with what we could normalise from it."""

    raw: str
    city: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2


@dataclass
class Posting:
    """A job posting (or, from a mixed feed, a post that may be one) seen on one source.

    Spiders fill what the platform gives; `source` is set by the pipeline from the spider.
    `description` is plain text, `description_html` sanitized HTML. Dates are ISO strings
    (`YYYY-MM-DD` or full ISO-8601 with offset) as normalised by the spider.
    """

    url: str
    title: str
    description: str = ""
    description_html: str = ""
    source_job_id: str | None = None
    organization: str | None = None
    apply_url: str | None = None
    locations: list[Location] = field(default_factory=list)
    remote: str = "unknown"  # yes | no | hybrid | unknown
    date_posted: str | None = None
    valid_through: str | None = None
    employment_type: str | None = None
    source: str | None = None
    is_job: bool | None = None  # True when the platform only lists jobs; None for mixed feeds
    hints: dict = field(default_factory=dict)  # platform facts: contract_type, seniority, ...
