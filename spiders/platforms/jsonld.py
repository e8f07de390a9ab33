"""schema.org JobPosting JSON-LD on career pages (alltheplaces' StructuredDataSpider, for jobs).

The registry URL is a listing page or a sitemap. The spider takes the JobPostings the listing
itself carries, then follows links (or sitemap `<loc>`s) on the registry URL's origin (scheme,
host and port) that look like job pages and reads JobPosting from every `application/ld+json`
block there: `@graph`, `@type` as a list, several blocks, `jobLocation` as a list,
`addressCountry` as a name, code or Country, `jobLocationType: TELECOMMUTE`, entity-escaped
descriptions, `validThrough` without a zone.
Malformed JSON (trailing commas, control characters, stray or missing closing braces) is
repaired by `loads_tolerant`. Site-specific subclasses may override `pre_process_data` and
`post_process_item`.
"""

import json
import re
from urllib.parse import urljoin, urlsplit

from rightsjobs.urls import strip_tracking
from spiders.items import Posting
from spiders.middlewares import origin
from spiders.normalise import clean_html, unescape_twice
from spiders.platforms.base import PlatformSpider
from spiders.platforms.common import hints, html_page, place, places
from understand.contract import contract_of_label
from understand.dates import iso_date
from understand.text import clean_text, html_to_text

MAX_DETAIL_PAGES = 150
MAX_SITEMAPS = 5
JOB_PATH = re.compile(
    r"job|career|vacanc|position|opening|opportunit|recruit|stelle|emploi|empleo|offre|"
    r"consultan|internship|/jobs?/",
    re.I,
)
NOT_A_PAGE = re.compile(r"\.(pdf|docx?|xlsx?|jpe?g|png|gif|svg|zip|css|js|xml|rss)$", re.I)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TRAILING_COMMA = re.compile(r",\s*([}\]])")


def loads_tolerant(raw: str) -> object:
    """JSON as found in the wild: tolerates trailing commas, control characters, HTML comment
    or CDATA wrappers, and stray or missing closing braces. Raises ValueError if hopeless."""
    text = raw.strip()
    text = re.sub(r"^(<!--|/\*\s*<!\[CDATA\[\s*\*/|//\s*<!\[CDATA\[)", "", text).strip()
    text = re.sub(r"(-->|/\*\s*\]\]>\s*\*/|//\s*\]\]>)$", "", text).strip().rstrip(";")
    text = CONTROL.sub(" ", text)
    decoder = json.JSONDecoder(strict=False)  # raw newlines and tabs inside strings
    for candidate in (text, TRAILING_COMMA.sub(r"\1", text)):
        try:
            return decoder.raw_decode(candidate)[0]  # ignores trailing braces or junk
        except ValueError:
            continue
    return decoder.raw_decode(close_brackets(TRAILING_COMMA.sub(r"\1", text)))[0]


def close_brackets(text: str) -> str:
    """Append the closing brackets a truncated JSON text is missing."""
    stack, in_string, escaped = [], False, False
    for char in text:
        if in_string:
            escaped = char == "\\" and not escaped
            if char == '"' and not escaped:
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            stack.append("}" if char == "{" else "]")
        elif char in "}]" and stack:
            stack.pop()
    return text + ('"' if in_string else "") + "".join(reversed(stack))


def types(node: dict) -> list[str]:
    kind = node.get("@type") or []
    return [str(k).rsplit("/", 1)[-1] for k in (kind if isinstance(kind, list) else [kind])]


def job_postings(data: object, depth: int = 0):
    """Every JobPosting node in a JSON-LD document (lists, `@graph`, nested containers)."""
    if depth > 6:
        return
    if isinstance(data, list):
        for node in data:
            yield from job_postings(node, depth + 1)
    elif isinstance(data, dict):
        if "JobPosting" in types(data):
            yield data
            return
        for value in data.values():
            if isinstance(value, dict | list):
                yield from job_postings(value, depth + 1)


def as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def name_of(value: object) -> str | None:
    """A text value that may be given as a string or as `{"name": ...}`."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("value") or value.get("@id")
    return clean_text(str(value)) or None if value is not None else None


def identifier(value: object) -> str | None:
    """`identifier` as text, or a PropertyValue's `value` (not its `name`, the issuer)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("value") or value.get("@id")
    return clean_text(str(value)) or None if value is not None else None


class JsonLdSpider(PlatformSpider):
    name = "jsonld"

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.followed: set[str] = set()
        self.sitemaps = 0

    def parse(self, response):
        """The registry URL: a sitemap, or a listing page (with or without JobPostings)."""
        head = response.body[:1000].lower()
        if b"<urlset" in head or b"<sitemapindex" in head:
            yield from self.parse_sitemap(response)
            return
        page = html_page(response)
        if page is None:
            self.fail(f"expected an HTML page or a sitemap at {response.url}")
            return
        items = list(self.parse_page(response, page))
        yield from items
        covered = {item.url for item in items}
        listing = urlsplit(response.url).path.rstrip("/")
        for href in page.xpath("//a/@href").getall():
            url = self.job_link(response, href)
            if url and url not in covered and urlsplit(url).path.rstrip("/") != listing:
                yield from self.follow(url)

    def parse_sitemap(self, response):
        root = self.load_xml(response, "invalid sitemap XML")
        if root is None:
            return
        locs = [(e.text or "").strip() for e in root.iter("{*}loc")]
        if root.tag.endswith("sitemapindex"):
            for loc in locs:
                if self.sitemaps < MAX_SITEMAPS and self.fetchable(loc):
                    self.sitemaps += 1
                    yield self.request(loc, self.parse_sitemap)
            return
        for loc in locs:
            url = self.job_link(response, loc)
            if url:
                yield from self.follow(url)

    def follow(self, url: str):
        if url not in self.followed and len(self.followed) < MAX_DETAIL_PAGES:
            self.followed.add(url)
            yield self.request(url, self.parse_detail)

    def parse_detail(self, response):
        page = html_page(response)
        if page is not None:
            yield from self.parse_page(response, page)

    def parse_page(self, response, page):
        """Postings from every ld+json block of an HTML page."""
        for block in page.xpath(
            '//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]/text()'
        ).getall():
            try:
                data = loads_tolerant(block)
            except ValueError:
                self.crawler.stats.inc_value("rightsjobs/jsonld/unreadable")
                continue
            for node in job_postings(self.pre_process_data(data)):
                item = self.posting(node, response)
                if item is not None:
                    yield self.post_process_item(item, node, response)

    def pre_process_data(self, data: object) -> object:
        """Hook for a site's quirks before JobPostings are looked for."""
        return data

    def post_process_item(self, item: Posting, node: dict, response) -> Posting:
        """Hook for a site's quirks after a Posting was read."""
        return item

    def job_link(self, response, href: str) -> str | None:
        """The absolute URL of a link on the source's origin that looks like a job page."""
        url = strip_tracking(urljoin(response.url, href.strip()))
        path = urlsplit(url).path
        if NOT_A_PAGE.search(path) or not JOB_PATH.search(path):
            return None
        return url if self.fetchable(url) else None

    def fetchable(self, url: str) -> bool:
        """Whether `url` is http(s) on the source's origin; counts the links left out."""
        where = origin(url)
        if where in self.origins:
            return True
        dropped = "offsite_dropped" if where else "bad_scheme_dropped"
        self.crawler.stats.inc_value(f"rightsjobs/{dropped}")
        return False

    def posting(self, node: dict, response) -> Posting | None:
        title = clean_text(name_of(node.get("title")) or name_of(node.get("name")))
        if not title:
            return None
        html = clean_html(unescape_twice(str(node.get("description") or "")))
        url = node.get("url") if isinstance(node.get("url"), str) else None
        employment = [clean_text(str(e)) for e in as_list(node.get("employmentType")) if e]
        remote = "yes" if "TELECOMMUTE" in str(node.get("jobLocationType", "")).upper() else None
        return Posting(
            url=strip_tracking(urljoin(response.url, url) if url else response.url),
            title=title,
            description=html_to_text(html),
            description_html=html,
            source_job_id=identifier(node.get("identifier")),
            organization=name_of(node.get("hiringOrganization")),
            locations=places(self.location(loc) for loc in as_list(node.get("jobLocation"))),
            remote=remote or "unknown",
            date_posted=iso_date(node.get("datePosted")),
            valid_through=iso_date(node.get("validThrough")),
            employment_type=", ".join(employment) or None,
            hints=hints(contract_type=contract_of_label(employment)),
        )

    @staticmethod
    def location(node: object):
        if isinstance(node, str):
            return place(node)
        if not isinstance(node, dict):
            return None
        address = node.get("address") or {}
        if isinstance(address, str):
            return place(address)
        if not isinstance(address, dict):
            return place(name_of(node))
        city = name_of(address.get("addressLocality"))
        country = name_of(address.get("addressCountry"))
        parts = [city, name_of(address.get("addressRegion")), country]
        return place(", ".join(p for p in parts if p), city=city, country=country)
