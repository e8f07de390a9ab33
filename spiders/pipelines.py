"""Item pipelines: normalise -> understand -> store. The same steps serve `rightsjobs ingest`."""

from dataclasses import asdict, is_dataclass
from datetime import UTC, datetime

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import NotConfigured

from rightsjobs.urls import contact, strip_tracking, web_url
from spiders.normalise import NotWebURL, clean_html, scrub
from understand import extract_many
from understand.text import clean_text, html_to_text

MAX_TEXT = 100_000
source_recorded = object()  # signal sent with `summary=` once a source's run is stored
FILL_FIELDS = (
    "title",
    "description",
    "organization",
    "apply_url",
    "locations",
    "date_posted",
    "valid_through",
)


def normalise(item: dict, *, source: str, organization: str | None, is_job: bool | None) -> dict:
    """Fill spider-level facts and make every field safe and comparable.

    Control characters are stripped from every string. Raises NotWebURL (a DropItem) when the
    page URL is not http(s); a non-http(s) `apply_url` becomes None (an e-mail address in a
    `mailto:` one is kept as the contact hint), and so does a contact hint that is neither an
    http(s) URL nor an e-mail address.
    """
    item = scrub(item)
    url = web_url(item.get("url"))
    if url is None:
        raise NotWebURL(f"{source}: not an http(s) page URL: {str(item.get('url'))[:200]!r}")
    item["source"] = source
    item["organization"] = clean_text(text_of(item.get("organization"))) or organization
    item["title"] = clean_text(text_of(item.get("title")))
    item["url"] = strip_tracking(url)
    apply = item.get("apply_url")
    apply_web = web_url(apply)
    item["apply_url"] = strip_tracking(apply_web) if apply_web else None
    hints = dict(item["hints"]) if isinstance(item.get("hints"), dict) else {}
    if "apply_url" in hints:
        hints["apply_url"] = contact(hints["apply_url"])
    elif apply and not apply_web and contact(apply):
        hints["apply_url"] = contact(apply)
    item["hints"] = {k: v for k, v in hints.items() if v is not None}
    item["description_html"] = clean_html(text_of(item.get("description_html")))
    text = text_of(item.get("description")) or html_to_text(item["description_html"])
    item["description"] = text[:MAX_TEXT]
    if item.get("is_job") is None:
        item["is_job"] = is_job
    item["locations"] = [loc for loc in item.get("locations") or [] if isinstance(loc, dict)]
    return item


def text_of(value: object) -> str:
    """A text field as a string ('' when a feed gave something else)."""
    return value if isinstance(value, str) else ""


def extraction_input(item: dict) -> dict:
    """The CONTRACT §1 record (plus platform hints) that extraction reads for an item."""
    countries = [loc["country"] for loc in item["locations"] if loc.get("country")]
    hints = {
        "is_vacancy": True if item.get("is_job") else None,
        "countries": countries or None,
        "locations": [loc["raw"] for loc in item["locations"] if loc.get("raw")] or None,
        "remote": item.get("remote") if item.get("remote") not in (None, "unknown") else None,
        "deadline": item.get("valid_through"),
        "posted_date": item.get("date_posted"),
        "apply_url": item.get("apply_url"),
        **item.get("hints", {}),
    }
    return {
        "id": item.get("source_job_id") or item["url"],
        "url": item["url"],
        "title": item["title"],
        "organization": item.get("organization"),
        "posted_date": item.get("date_posted"),
        "text": f"{item['title']}\n\n{item['description']}",
        "hints": {k: v for k, v in hints.items() if v is not None},
    }


def understand(item: dict) -> dict:
    """Attach the extraction output (`understood`) to a normalised item."""
    return understand_many([item])[0]


def understand_many(items: list[dict]) -> list[dict]:
    """`understand` for many items at once (the vacancy classifier scores them in one batch)."""
    outputs = extract_many([extraction_input(item) for item in items])
    return [{**item, "understood": out} for item, out in zip(items, outputs, strict=True)]


def as_dict(item: object) -> dict:
    """A Posting dataclass (or any item) as a plain dict."""
    return asdict(item) if is_dataclass(item) else ItemAdapter(item).asdict()


class CrawlerPipeline:
    """A pipeline that reaches its spider and stats through the crawler."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)


class NormalisePipeline(CrawlerPipeline):
    """Merges the spider's source facts into each item and sanitises it."""

    def process_item(self, item):
        spider = self.crawler.spider
        item = normalise(
            as_dict(item),
            source=spider.source_id,
            organization=spider.organization,
            is_job=spider.is_job,
        )
        stats = self.crawler.stats
        for name in FILL_FIELDS:
            stats.inc_value(f"field/{name}/{'filled' if item.get(name) else 'missing'}")
        return item


class UnderstandPipeline(CrawlerPipeline):
    """Runs extraction on each item; counts vacancies and news."""

    def process_item(self, item):
        item = understand(item)
        kind = "vacancies" if item["understood"]["is_vacancy"] else "news"
        self.crawler.stats.inc_value(f"rightsjobs/{kind}")
        return item


class StorePipeline(CrawlerPipeline):
    """Buffers a source's items and writes them in one transaction when its spider closes.

    A run is `failed` when the spider recorded a failure, was interrupted, went round a
    redirect loop, or did not finish; `empty` with no items; `shrunk` when it found under half
    its usual items; only an `ok` run closes the postings that disappeared from the source.
    When the database cannot be written, the items go to a feed beside it (`save_run`).
    """

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self.items: list[dict] = []
        self.started = datetime.now(UTC)
        self.saved = False
        self.redirect_loop: str | None = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("RIGHTSJOBS_STORE", True):
            raise NotConfigured("items go to a feed; `rightsjobs ingest` stores them")
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(pipeline.request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(pipeline.store_unsaved, signal=store_unsaved)
        return pipeline

    def process_item(self, item):
        self.items.append(item)
        return item

    def request_dropped(self, request) -> None:
        """A redirect back to a URL of its own chain was dropped as seen: a redirect loop."""
        if request.url in request.meta.get("redirect_urls", ()) and not self.redirect_loop:
            self.redirect_loop = request.url

    def failure(self, spider, reason: str) -> str | None:
        """Why this run failed, or None."""
        stats = self.crawler.stats.get_stats()
        crashed = sorted(k for k in stats if k.startswith("spider_exceptions/"))
        if reason == "shutdown":
            return "interrupted" + (f" ({spider.failure})" if spider.failure else "")
        if spider.failure:
            return spider.failure
        if reason != "finished":
            return f"stopped: {reason}"
        if self.redirect_loop:
            return f"redirect loop at {self.redirect_loop}"
        if crashed:
            return f"parse error ({crashed[0].split('/', 1)[1]})"
        return None

    def spider_closed(self, spider, reason: str) -> None:
        """Write the run once Scrapy knows why the spider stopped."""
        self.save(spider, self.failure(spider, reason))

    def store_unsaved(self, reason: str) -> None:
        """Save a run whose spider never closed (the crawl was stopped at once)."""
        if not self.saved:
            self.save(self.crawler.spider, reason)

    def save(self, spider, failure: str | None) -> None:
        from pathlib import Path

        from rightsjobs.store import BUSY_TIMEOUT
        from rightsjobs.store.saving import save_run

        self.saved = True
        settings = self.crawler.settings
        summary = save_run(
            Path(settings.get("RIGHTSJOBS_DB")),
            spider.source,
            self.items,
            started=self.started,
            failure=failure,
            stats=self.crawler.stats.get_stats(),
            busy_timeout=settings.getfloat("RIGHTSJOBS_BUSY_TIMEOUT", BUSY_TIMEOUT),
        )
        self.crawler.signals.send_catch_log(source_recorded, summary=summary)


store_unsaved = object()  # signal (with `reason=`) to save a run whose spider never closed
