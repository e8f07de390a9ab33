"""`rightsjobs ingest`: load JSON Lines item feeds (from Scrapyd) with the crawl's pipeline."""

from collections.abc import Callable
from datetime import UTC, datetime

from sqlite_utils import Database

from rightsjobs.errors import InputError
from rightsjobs.jsonl import read_jsonl
from rightsjobs.store.crawls import record_run
from spiders.normalise import NotWebURL
from spiders.pipelines import normalise, understand_many
from spiders.platforms import SPIDERS


def ingest_feeds(
    db: Database,
    paths: tuple[str, ...],
    registry: list[dict],
    *,
    complete: bool,
    progress: Callable[[int, str], None] = lambda done, note: None,
) -> list[dict]:
    """Store each feed's items per source; only `complete` feeds close missing postings.
    `progress` hears how many items were read so far. Items are understood in one batch."""
    by_id = {s["id"]: s for s in registry}
    grouped: dict[str, list[dict]] = {}
    dropped: dict[str, int] = {}  # source -> items whose page URL is not http(s)
    read = 0
    for path in paths:
        for where, item in read_jsonl(path):
            read += 1
            progress(read, f"items read (now {path})")
            source = by_id.get(item.get("source") or "")
            if source is None:
                raise InputError(f"unknown source {item.get('source')!r}", where=f"{where}: source")
            if not item.get("url") or not isinstance(item.get("title"), str):
                raise InputError("an item needs 'url' and 'title'", where=where)
            spider = SPIDERS[source["platform"]]
            try:
                item = normalise(
                    item,
                    source=source["id"],
                    organization=source["organization"],
                    is_job=spider.is_job,
                )
            except NotWebURL:
                dropped[source["id"]] = dropped.get(source["id"], 0) + 1
                continue
            grouped.setdefault(source["id"], []).append(item)
    progress(read, "items read; understanding them")
    grouped = {sid: understand_many(items) for sid, items in grouped.items()}
    started = datetime.now(UTC)
    progress(read, "items understood; storing")
    return [
        record_run(
            db,
            by_id[sid],
            items,
            started=started,
            close_missing=complete,
            stats=drop_stats(dropped.get(sid, 0)),
        )
        for sid, items in grouped.items()
    ]


def drop_stats(count: int) -> dict | None:
    """A run's stats for items dropped for a non-http(s) URL, named as Scrapy counts them."""
    if not count:
        return None
    return {"item_dropped_count": count, f"item_dropped_reasons_count/{NotWebURL.__name__}": count}
