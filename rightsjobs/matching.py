"""The match stage: rank every active profile against the store's open postings.

The postings' index is kept next to the database (`<db>.index/`, see `matcher.saved`) and
brought up to date from the postings that changed, opened or closed since it was saved, so a
weekly match analyses only the week's postings; beside it, what each profile's search found
(`matcher.memory`), so that most profiles are searched only among the postings they kept and
the week's new ones.
"""

import hashlib
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import date
from pathlib import Path

import click
import orjson
from sqlite_utils import Database

from matcher import saved
from matcher.rank import no_collector
from rightsjobs.store import (
    active_profiles,
    database_file,
    decode,
    effective_status,
    possibly_open,
    record_all_matches,
    seen_by_profile,
)

UNREAD = ("description_html", "evidence")  # columns the matcher never reads
VOLATILE = ("last_seen", "updated_at", "status", "reopened_at")  # no effect on what is indexed


def open_postings(db: Database, as_of: date) -> tuple[list[dict], dict[str, str]]:
    """Stored vacancies still open at `as_of` (without the columns the matcher never reads),
    and the fingerprint of each (see `fingerprint`)."""
    columns = [c for c in db["postings"].columns_dict if c not in UNREAD]
    listed = ", ".join(f"[{c}]" for c in columns)
    rows = db.execute(  # the closed ones left in SQL; `effective_status` decides
        f"select {listed} from postings where {possibly_open()}", [as_of.isoformat()]
    ).fetchall()
    first_seen, id_ = columns.index("first_seen"), columns.index("id")
    # By first_seen (none first), then id; sorted here because SQLite's sorter copies every
    # whole row, descriptions included (0.7 s of the query's 1.9 s for 86,000 postings).
    rows.sort(key=lambda r: (r[first_seen] or "", r[id_]))
    hashed = sorted(c for c in columns if c not in VOLATILE)
    postings, marks = [], {}
    for values in rows:
        row = dict(zip(columns, values, strict=True))
        if effective_status(row, as_of) == "open":
            marks[row["id"]] = fingerprint(row, hashed)
            posting = decode(row)
            posting["text"] = posting.get("description") or ""  # as the matcher reads it
            postings.append(posting)
    return postings, marks


def fingerprint(row: dict, columns: list[str]) -> str:
    """A hash of what the index holds of a stored posting: these columns of its row (all but
    those that change on every crawl), the description only without a `content_hash` (which
    stands for title, description and deadline)."""
    skip = "description" if row.get("content_hash") else None
    return hashlib.sha1(orjson.dumps([row[c] for c in columns if c != skip])).hexdigest()


def index_folder(db: Database) -> Path | None:
    """Where the database's match index is kept: `<db>.index`; None for a database in memory."""
    path = database_file(db)
    return Path(f"{path}.index") if path else None


def match_all(
    db: Database,
    as_of: date,
    timings: dict[str, float] | None = None,
    progress: Callable[[int, str], None] | None = None,
) -> dict[str, list[dict]]:
    """Rank and record every active profile's shortlist (all or none); returns results by
    profile id. `timings`, when given, receives the seconds each step took; `progress` hears
    (profiles ranked, the step under way)."""
    with no_collector():  # see `matcher.rank.no_collector`
        return _match_all(db, as_of, timings, progress)


def _match_all(
    db: Database,
    as_of: date,
    timings: dict[str, float] | None,
    progress: Callable[[int, str], None] | None,
) -> dict[str, list[dict]]:
    steps: dict[str, float] = {}
    last = time.perf_counter()
    report = progress or (lambda done, step: None)

    def lap(step: str) -> None:
        nonlocal last
        steps[step], last = time.perf_counter() - last, time.perf_counter()

    profiles = active_profiles(db)
    ids, path = [p["id"] for p in profiles], database_file(db)
    wait = db.execute("PRAGMA busy_timeout").fetchone()[0] / 1000  # the same on both
    # SQLite reads without the GIL: what each profile has seen is read on a connection of
    # its own while the postings are (0.8 s of 2.9 s saved for 10,000 profiles).
    with ThreadPoolExecutor(1) as reader:
        seeing = reader.submit(_seen, path, ids, as_of, wait) if path else None
        postings, stored_marks = open_postings(db, as_of)
        seen = seeing.result() if seeing else seen_by_profile(db, ids, open_on=as_of)
    lap("read the store")
    report(0, f"profiles ranked; updating the index of {len(postings)} open postings")
    folder = index_folder(db)
    index, marks = saved.current(
        folder, postings, lambda p: stored_marks[p["id"]], lambda line: click.echo(line, err=True)
    )
    lap("load and update the index")
    memory = saved.load_memory(folder)
    ranked = index.rank(
        profiles,
        k=max([p["max_items"] for p in profiles] or [10]),
        as_of=as_of,
        seen=seen,
        progress=lambda done: report(done, "profiles ranked"),
        memory=memory,
        texts=False,  # the digest words the facts: the matches keep those alone
    )
    saved.save_memory(folder, memory)
    lap("rank")
    report(len(profiles), "profiles ranked; recording the matches")
    results = {
        profile["id"]: shortlist[: profile["max_items"]]
        for profile, shortlist in zip(profiles, ranked, strict=True)
    }
    record_all_matches(db, results, as_of)
    lap("record the matches")
    if timings is not None:
        timings.update(steps)
    return results


def _seen(path: str, profile_ids: list[str], as_of: date, wait: float) -> dict[str, set[str]]:
    """`seen_by_profile` of the open postings, read from the database at `path` on a
    connection of its own (waiting up to `wait` seconds for a lock, as the store's does)."""
    with closing(sqlite3.connect(path, timeout=wait)) as connection:
        return seen_by_profile(Database(connection), profile_ids, open_on=as_of)
