"""Saving a crawl's results: into the store, else into a JSON Lines feed beside it.

A crawl never loses what it found: when the database cannot be written (another process
kept it locked past the busy timeout, say), the items go to `<db>.unstored-SOURCE-TIME.jl`,
which `rightsjobs ingest` loads later, and the run is recorded as failed when possible.
"""

import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from rightsjobs.errors import InputError
from rightsjobs.store.crawls import record_failed_run, record_run, run_summary
from rightsjobs.store.db import BUSY_TIMEOUT, open_db

NOT_RECORDED = "this run is not recorded in crawl_runs (the database stayed locked)"


def spill(db_path: Path, source_id: str, items: list[dict]) -> Path:
    """Write `items` as a JSON Lines feed next to the database (whole, or not at all)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    feed = Path(f"{db_path}.unstored-{source_id}-{stamp}.jl")
    partial = feed.with_name(feed.name + ".partial")
    with partial.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
    os.replace(partial, feed)
    return feed


def save_run(
    db_path: Path,
    source: dict,
    items: list[dict],
    *,
    started: datetime,
    failure: str | None,
    stats: dict | None,
    busy_timeout: float = BUSY_TIMEOUT,
) -> dict:
    """Store one source's crawl and return its summary; a store that refuses the write makes
    the run `failed`, with its items kept in a feed named in the summary's error."""
    try:
        db = open_db(db_path, busy_timeout=busy_timeout)
        try:
            return record_run(db, source, items, started=started, failure=failure, stats=stats)
        finally:
            db.close()
    except (InputError, sqlite3.Error) as exc:
        problem = f"database not written ({exc})"
    except Exception as exc:  # a bug must not lose the items either (the write rolled back)
        problem = f"database not written ({type(exc).__name__}: {exc})"
    if items:
        try:
            feed = spill(db_path, source["id"], items)
            problem += f"; {len(items)} items kept in {feed} (load with `rightsjobs ingest {feed}`)"
        except OSError as exc:
            problem += f"; its {len(items)} items are lost too: {exc.strerror or exc}"
    error = f"{failure}; {problem}" if failure else problem
    summary = run_summary(
        source["id"], items, started=started, status="failed", failure=error, stats=stats
    )
    try:
        db = open_db(db_path, busy_timeout=busy_timeout)
        try:
            record_failed_run(db, source, summary)
        finally:
            db.close()
    except (InputError, sqlite3.Error):
        summary["error"] += f"; {NOT_RECORDED}"
    return summary
