"""Running the spiders of a registry in this process: one lock, one reactor, one summary each."""

from collections.abc import Callable
from pathlib import Path

from filelock import FileLock, Timeout
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from rightsjobs.errors import InputError
from rightsjobs.store import open_db, upsert_sources
from spiders.pipelines import source_recorded
from spiders.platforms import SPIDERS


def crawl_settings(db_path: Path, *, http_cache: bool = False, verbose: bool = False) -> Settings:
    """The project's Scrapy settings, pointed at this database."""
    settings = Settings()
    settings.setmodule("spiders.settings", priority="project")
    settings.set("RIGHTSJOBS_DB", str(db_path), priority="cmdline")
    settings.set("HTTPCACHE_ENABLED", http_cache, priority="cmdline")
    settings.set("LOG_LEVEL", "INFO" if verbose else "ERROR", priority="cmdline")
    settings.set("LOG_INSTALL_ROOT_HANDLER", verbose, priority="cmdline")
    return settings


def run_crawl(
    db_path: Path,
    sources: list[dict],
    *,
    http_cache: bool = False,
    verbose: bool = False,
    settings: dict | None = None,
    progress: Callable[[dict], None] | None = None,
) -> list[dict]:
    """Crawl `sources` into the database; returns one run summary per source.

    Holds `<db>.crawl.lock` so two crawls (say, overlapping cron runs) never interleave.
    """
    lock = FileLock(f"{db_path}.crawl.lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise InputError(
            "another crawl is running on this database", where=lock.lock_file
        ) from None
    try:
        db = open_db(db_path)
        upsert_sources(db, sources)
        db.close()
        scrapy_settings = crawl_settings(db_path, http_cache=http_cache, verbose=verbose)
        for key, value in (settings or {}).items():
            scrapy_settings.set(key, value, priority="cmdline")
        summaries: list[dict] = []

        def recorded(summary: dict) -> None:
            summaries.append(summary)
            if progress:
                progress(summary)

        process = CrawlerProcess(scrapy_settings)
        for source in sources:
            crawler = process.create_crawler(SPIDERS[source["platform"]])
            crawler.signals.connect(recorded, signal=source_recorded)
            process.crawl(crawler, source=source)
        process.start()
    finally:
        lock.release()
    return summaries
