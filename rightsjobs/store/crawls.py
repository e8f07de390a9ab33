"""Writing one source's crawl into the store: dedup, merge, close, and the run's record."""

import hashlib
import json
import statistics
from datetime import UTC, datetime

from sqlite_utils import Database

from rightsjobs.store.db import transaction
from rightsjobs.store.dedup import content_bands, find_posting, match_key
from rightsjobs.store.rows import decode, encode, now_iso
from rightsjobs.store.tables import upsert_sources
from rightsjobs.urls import url_key
from understand import FIELDS

SHRUNK_BELOW = 0.5  # a run finding under half its usual items closes nothing
UNCONFIGURED = "unconfigured"  # a source not crawled until the maintainer sets something
# What extraction adds to a posting row (title and organisation are handled on their own).
EXTRACTED = (*(f for f in FIELDS if f not in ("id", "title", "organization")), "evidence")


def sighting_id(source: str, item: dict) -> str:
    """A sighting's key: the platform's own id, else the page URL without tracking."""
    return f"{source}:{item.get('source_job_id') or url_key(item['url']) or item['url']}"


def posting_fields(item: dict) -> dict:
    """The posting columns an item provides (raw fields plus what extraction understood)."""
    understood = item["understood"]
    fields = {
        "title": understood.get("title") or item["title"],
        "organization": understood.get("organization") or item.get("organization"),
        "description": item["description"],
        "description_html": item["description_html"],
        "url": item["url"],
        "apply_url": item.get("apply_url"),
        "locations": item.get("locations") or [],
        **{k: understood.get(k) for k in EXTRACTED},
    }
    fields["match_key"] = match_key(fields["organization"], fields["title"])
    fields["content_bands"] = content_bands(fields["description"])
    digest = json.dumps(
        [fields["title"], fields["description"], fields["deadline"]], ensure_ascii=False
    )
    fields["content_hash"] = hashlib.sha1(digest.encode()).hexdigest()
    return fields


def merge(stored: dict, fresh: dict, takes_over: bool) -> dict:
    """What a posting becomes when a source reports it again.

    The posting shows one source's fields (its `provider`): an ATS or structured page outranks
    a blog or feed, and the provider keeps the posting until it stops listing it. Other sources
    only fill what is missing. A later deadline from any source wins (deadlines get extended).
    """
    if takes_over:
        merged = dict(fresh)
    else:
        merged = {
            k: v if stored.get(k) in (None, "", [], {}) else stored[k] for k, v in fresh.items()
        }
    deadlines = [d for d in (stored.get("deadline"), fresh.get("deadline")) if d]
    merged["deadline"] = max(deadlines) if deadlines else None
    return merged


def usual_items(db: Database, source: str) -> float | None:
    """The median item count of the source's last five healthy runs."""
    counts = [
        r["items"]
        for r in db.query(
            "select items from crawl_runs where source = ? and status = 'ok' "
            "order by id desc limit 5",
            [source],
        )
    ]
    return statistics.median(counts) if counts else None


def run_status(db: Database, source: str, items: int, failure: str | None) -> str:
    """ok, failed, empty or shrunk (only ok closes anything)."""
    if failure:
        return "failed"
    if items == 0:
        return "empty"
    usual = usual_items(db, source)
    return "shrunk" if usual and items < SHRUNK_BELOW * usual else "ok"


def run_summary(
    source_id: str,
    items: list[dict],
    *,
    started: datetime,
    status: str,
    failure: str | None,
    stats: dict | None,
    new_postings: int = 0,
    closed: int = 0,
) -> dict:
    """A crawl_runs row: what one run of a source found and how it ended."""
    finished = datetime.now(UTC)
    vacancies = sum(1 for i in items if i["understood"]["is_vacancy"])
    return {
        "source": source_id,
        "started": started.replace(microsecond=0).isoformat(),
        "finished": finished.replace(microsecond=0).isoformat(),
        "status": status,
        "items": len(items),
        "vacancies": vacancies,
        "news_skipped": len(items) - vacancies,
        "new_postings": new_postings,
        "closed": closed,
        "requests": int((stats or {}).get("downloader/request_count", 0)),
        "errors": int((stats or {}).get("log_count/ERROR", 0)),
        "duration": round((finished - started).total_seconds(), 2),
        "error": failure,
        "stats": json.dumps(stats or {}, default=str, sort_keys=True),
    }


def record_run(
    db: Database,
    source: dict,
    items: list[dict],
    *,
    started: datetime,
    failure: str | None = None,
    stats: dict | None = None,
    close_missing: bool = True,
) -> dict:
    """Store one source's crawl in a single transaction and return its summary."""
    stamp = now_iso()
    sid = source["id"]
    counts = {"new_postings": 0, "updated": 0, "closed": 0, "reopened": 0}
    with transaction(db):
        upsert_sources(db, [source])
        status = run_status(db, sid, len(items), failure)
        seen: set[str] = set()
        for item in items:
            if item["understood"]["is_vacancy"]:
                seen.add(store_sighting(db, sid, item, stamp, counts))
        if status == "ok" and close_missing:
            counts["closed"] = close_missing_sightings(db, sid, seen, stamp)
        summary = run_summary(
            sid,
            items,
            started=started,
            status=status,
            failure=failure,
            stats=stats,
            new_postings=counts["new_postings"],
            closed=counts["closed"],
        )
        db["crawl_runs"].insert(summary, pk="id")
    return {**summary, "updated": counts["updated"], "reopened": counts["reopened"]}


def record_failed_run(db: Database, source: dict, summary: dict) -> None:
    """Record a failed run whose items were not stored (nothing else changes)."""
    with transaction(db):
        upsert_sources(db, [source])
        db["crawl_runs"].insert({**summary, "status": "failed"}, pk="id")


def record_unconfigured(db: Database, source: dict, reason: str) -> dict:
    """Record that a source was not crawled for want of configuration; its summary."""
    summary = run_summary(
        source["id"], [], started=datetime.now(UTC), status=UNCONFIGURED, failure=reason, stats=None
    )
    with transaction(db):
        upsert_sources(db, [source])
        db["crawl_runs"].insert(summary, pk="id")
    return summary


def owner_lists(db: Database, posting_id: str, owner: str | None) -> bool:
    """Whether the source whose fields a posting shows still lists it."""
    sql = "select 1 from sightings where posting_id = ? and source = ? and status = 'open'"
    return owner is not None and bool(list(db.query(sql, [posting_id, owner])))


def store_sighting(db: Database, source: str, item: dict, stamp: str, counts: dict) -> str:
    """Upsert the sighting and its posting; returns the sighting id."""
    sight_id = sighting_id(source, item)
    sightings, postings = db["sightings"], db["postings"]
    existing = next(sightings.rows_where("id = ?", [sight_id]), None)
    posting_id = existing["posting_id"] if existing else find_posting(db, item)
    rank = 1 if item.get("is_job") else 0  # a platform that only lists jobs outranks a feed
    fresh = {**posting_fields(item), "provider": source, "provider_rank": rank}
    stored = next(postings.rows_where("id = ?", [posting_id]), None) if posting_id else None
    if stored is None:
        posting_id = posting_id or "p-" + hashlib.sha1(sight_id.encode()).hexdigest()[:12]
        row = {**fresh, "id": posting_id, "first_seen": stamp, "updated_at": stamp}
        counts["new_postings"] += 1
    else:
        owner, owner_rank = stored.get("provider"), stored.get("provider_rank") or 0
        takes_over = owner == source or rank > owner_rank or not owner_lists(db, posting_id, owner)
        row = merge(decode(stored), fresh, takes_over)
        row.update(id=posting_id, first_seen=stored["first_seen"], updated_at=stored["updated_at"])
        if not takes_over:
            row.update(provider=owner, provider_rank=owner_rank)
        if row["content_hash"] != stored["content_hash"]:
            row["updated_at"] = stamp
            counts["updated"] += 1
        if stored["status"] == "closed":
            row["reopened_at"] = stamp
            counts["reopened"] += 1
    row.update(last_seen=stamp, status="open")
    postings.upsert(encode(row), pk="id", alter=True)
    sightings.upsert(
        {
            "id": sight_id,
            "posting_id": posting_id,
            "source": source,
            "url": item["url"],
            "url_key": url_key(item["url"]),
            "apply_key": url_key(item.get("apply_url")),
            "source_job_id": item.get("source_job_id"),
            "title": item["title"],
            "first_seen": existing["first_seen"] if existing else stamp,
            "last_seen": stamp,
            "status": "open",
        },
        pk="id",
    )
    return sight_id


def close_missing_sightings(db: Database, source: str, seen: set[str], stamp: str) -> int:
    """Close the source's sightings this healthy run did not see, then postings left with none."""
    gone = [
        r["id"]
        for r in db.query("select id from sightings where source = ? and status = 'open'", [source])
        if r["id"] not in seen
    ]
    for sight_id in gone:
        db["sightings"].update(sight_id, {"status": "closed", "last_seen": stamp})
    cursor = db.execute(
        "update postings set status = 'closed', updated_at = ? where status = 'open' and id not in "
        "(select posting_id from sightings where status = 'open')",
        [stamp],
    )
    return cursor.rowcount
