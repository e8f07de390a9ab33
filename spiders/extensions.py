"""Scrapy extensions: log counts per source.

Scrapy's own `LogCount` installs one handler per crawler on the root logger, so in a crawl of
several sources every crawler counts every source's messages. `SourceLogCount` counts only the
messages that Scrapy or the spider tied to this crawler's spider (`extra={"spider": ...}`, as
`spider.logger` and Scrapy's engine, scraper and middlewares do), in the same
`log_count/LEVEL` stats that `crawl_runs.errors` reads.
"""

import logging

from scrapy import Spider, signals
from scrapy.crawler import Crawler


class SourceLogHandler(logging.Handler):
    """Counts the records of one crawler's spider by level into that crawler's stats."""

    def __init__(self, crawler: Crawler, level: int | str) -> None:
        super().__init__(level=level)
        self.crawler = crawler

    def emit(self, record: logging.LogRecord) -> None:
        spider, crawler = getattr(record, "spider", None), getattr(record, "crawler", None)
        if crawler is self.crawler or (spider is not None and spider is self.crawler.spider):
            self.crawler.stats.inc_value(f"log_count/{record.levelname}")


class SourceLogCount:
    """Replaces `scrapy.extensions.logcount.LogCount` (see the module's docstring)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.handler: SourceLogHandler | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "SourceLogCount":
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Spider) -> None:
        self.handler = SourceLogHandler(self.crawler, self.crawler.settings.get("LOG_LEVEL"))
        logging.root.addHandler(self.handler)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.handler:
            logging.root.removeHandler(self.handler)
            self.handler = None
