"""Running the spiders of a registry in this process: one lock, one reactor, one summary each."""

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from twisted.internet.task import LoopingCall

from rightsjobs.errors import InputError
from rightsjobs.store import BUSY_TIMEOUT, open_db, upsert_sources
from rightsjobs.store.crawls import record_unconfigured
from rightsjobs.store.saving import save_run
from spiders.pipelines import source_recorded, store_unsaved
from spiders.platforms import SPIDERS


class StoppableProcess(CrawlerProcess):
    """Scrapy's process (first SIGINT/SIGTERM: graceful stop, second: at once) that remembers
    the signal that stopped it."""

    signum: int | None = None

    def _signal_shutdown(self, signum: int, frame: Any) -> None:
        self.signum = signum
        super()._signal_shutdown(signum, frame)


def interruption(summary: dict, signum: int | None) -> int | None:
    """The signal that interrupted this run, if any."""
    return signum if (summary.get("error") or "").startswith("interrupted") else None


def crawl_settings(db_path: Path, *, http_cache: bool = False, verbose: bool = False) -> Settings:
    """The project's Scrapy settings, pointed at this database."""
    settings = Settings()
    settings.setmodule("spiders.settings", priority="project")
    settings.set("RIGHTSJOBS_DB", str(db_path), priority="cmdline")
    settings.set("HTTPCACHE_ENABLED", http_cache, priority="cmdline")
    settings.set("LOG_LEVEL", "INFO" if verbose else "ERROR", priority="cmdline")
    settings.set("LOG_INSTALL_ROOT_HANDLER", verbose, priority="cmdline")
    return settings


def waiting_on(crawlers: list[tuple[Crawler, dict]], summaries: dict[str, dict]) -> dict:
    """The sources still running and the items scraped so far, for a progress line."""
    return {
        "done": len(summaries),
        "running": [s["id"] for _, s in crawlers if s["id"] not in summaries],
        "items": sum((c.stats.get_value("item_scraped_count") or 0) for c, _ in crawlers),
    }


def run_crawl(
    db_path: Path,
    sources: list[dict],
    *,
    http_cache: bool = False,
    verbose: bool = False,
    settings: dict | None = None,
    progress: Callable[[dict], None] | None = None,
    heartbeat: Callable[[dict], None] | None = None,
) -> list[dict]:
    """Crawl `sources` into the database; returns one run summary per source.

    Holds `<db>.crawl.lock` so two crawls (say, overlapping cron runs) never interleave.
    `progress` gets each source's summary as it is stored; `heartbeat`, every second while
    spiders run, what the crawl is waiting on (`waiting_on`).
    Every source gets a summary and a crawl_runs row, also when the crawl is interrupted
    (SIGINT/SIGTERM: `failed`, "interrupted", with `signal` set in the summary).
    """
    lock = FileLock(f"{db_path}.crawl.lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise InputError(
            "another crawl is running on this database", where=lock.lock_file
        ) from None
    try:
        scrapy_settings = crawl_settings(db_path, http_cache=http_cache, verbose=verbose)
        for key, value in (settings or {}).items():
            scrapy_settings.set(key, value, priority="cmdline")
        busy_timeout = scrapy_settings.getfloat("RIGHTSJOBS_BUSY_TIMEOUT", BUSY_TIMEOUT)
        summaries: dict[str, dict] = {}

        def recorded(summary: dict) -> None:
            summaries[summary["source"]] = summary
            if progress:
                progress(summary)

        db = open_db(db_path, busy_timeout=busy_timeout)
        upsert_sources(db, sources)
        for source in sources:
            if reason := SPIDERS[source["platform"]].unconfigured(source, scrapy_settings):
                recorded(record_unconfigured(db, source, reason))
        db.close()

        started = datetime.now(UTC)
        process = StoppableProcess(scrapy_settings)
        crawlers = []
        for source in sources:
            if source["id"] in summaries:  # not configured: not crawled
                continue
            crawler = process.create_crawler(SPIDERS[source["platform"]])
            crawler.signals.connect(recorded, signal=source_recorded)
            process.crawl(crawler, source=source)
            crawlers.append((crawler, source))
        if crawlers:
            beat = LoopingCall(lambda: heartbeat(waiting_on(crawlers, summaries)))
            if heartbeat:
                beat.start(1.0, now=False)
            process.start()
            if beat.running:
                beat.stop()
        reason = "interrupted" if process.signum else "stopped before its results were stored"
        for crawler, source in crawlers:
            if source["id"] not in summaries:  # stopped at once: the spider never closed
                crawler.signals.send_catch_log(store_unsaved, reason=reason)
            if source["id"] not in summaries:  # no store pipeline took it (or it crashed)
                recorded(
                    save_run(
                        db_path,
                        source,
                        [],
                        started=started,
                        failure=reason,
                        stats=crawler.stats.get_stats() if crawler.stats else None,
                        busy_timeout=busy_timeout,
                    )
                )
    finally:
        lock.release()
    return [
        {**summaries[s["id"]], "signal": interruption(summaries[s["id"]], process.signum)}
        for s in sources
    ]
