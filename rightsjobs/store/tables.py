"""The reads and writes of each stage on the store's tables (sources, postings, sightings,
profiles, matches, deliveries, hidden)."""

import json
from collections.abc import Iterable
from datetime import date

from sqlite_utils import Database

from rightsjobs.store.db import transaction
from rightsjobs.store.rows import decode, now_iso


def upsert_sources(db: Database, sources: Iterable[dict]) -> None:
    """Record registry entries (so crawl runs and sightings can name them)."""
    rows = [
        {
            "id": s["id"],
            "organization": s.get("organization"),
            "platform": s["platform"],
            "url": s["url"],
            "enabled": int(s.get("enabled", True)),
            "verified": s.get("verified"),
        }
        for s in sources
    ]
    with transaction(db):
        db["sources"].upsert_all(rows, pk="id", alter=True)


def posting_rows(db: Database, *, source: str | None = None) -> list[dict]:
    """Every stored vacancy (decoded), optionally only those a source carries."""
    sql = "select * from postings where is_vacancy = 1"
    params: list = []
    if source:
        sql += " and id in (select posting_id from sightings where source = ?)"
        params.append(source)
    return [decode(r) for r in db.query(sql + " order by first_seen, id", params)]


def sightings_by_posting(db: Database) -> dict[str, list[dict]]:
    """Sightings grouped by posting id, earliest first."""
    grouped: dict[str, list[dict]] = {}
    for s in db.query("select * from sightings order by first_seen, source"):
        grouped.setdefault(s["posting_id"], []).append(s)
    return grouped


def upsert_profiles(db: Database, profiles: Iterable[dict]) -> int:
    """Insert or update profiles by id; returns how many.

    A new profile starts active; reloading one never re-subscribes a person who unsubscribed.
    """
    stamp = now_iso()
    rows = [
        {
            "id": p["id"],
            "name": p.get("name"),
            "email": p.get("email"),
            "data": json.dumps(p, ensure_ascii=False),
            "updated": stamp,
        }
        for p in profiles
    ]
    with transaction(db):
        db["profiles"].upsert_all(rows, pk="id")
        db.execute("update profiles set active = 1 where active is null")
    return len(rows)


def active_profiles(db: Database) -> list[dict]:
    """Profiles that still want digests, as loaded from YAML."""
    return [
        json.loads(r["data"])
        for r in db.query("select data from profiles where active = 1 order by id")
    ]


def record_matches(db: Database, profile_id: str, results: list[dict], as_of: date) -> None:
    """Replace a profile's stored matches with this ranking."""
    stamp = now_iso()
    rows = [
        {
            "profile_id": profile_id,
            "posting_id": r["id"],
            "rank": i,
            "score": r["score"],
            "why": json.dumps(r["why"], ensure_ascii=False),
            "as_of": as_of.isoformat(),
            "matched_at": stamp,
        }
        for i, r in enumerate(results, 1)
    ]
    with transaction(db):
        db.execute("delete from matches where profile_id = ?", [profile_id])
        if rows:
            db["matches"].insert_all(rows, pk=("profile_id", "posting_id"))


def changes_since(posting: dict, delivery: dict | None) -> dict[str, bool]:
    """Whether a posting delivered before has a later deadline or reopened since."""
    if delivery is None:
        return {"extended": False, "reopened": False}
    old, new = delivery.get("deadline"), posting.get("deadline")
    sent, reopened = delivery.get("sent_at"), posting.get("reopened_at")
    return {
        "extended": bool(old and new and new > old),
        "reopened": bool(sent and reopened and reopened > sent),
    }


def hidden_postings(db: Database, profile_id: str) -> set[str]:
    rows = db.query("select posting_id from hidden where profile_id = ?", [profile_id])
    return {r["posting_id"] for r in rows}


def seen_postings(db: Database, profile_id: str) -> set[str]:
    """Postings never to offer the profile again: delivered and unchanged since, or hidden."""
    seen = hidden_postings(db, profile_id)
    rows = db.query(
        "select d.posting_id, d.deadline as delivered_deadline, d.sent_at, p.deadline, "
        "p.reopened_at from deliveries d left join postings p on p.id = d.posting_id "
        "where d.profile_id = ?",
        [profile_id],
    )
    for r in rows:
        delivery = {"deadline": r["delivered_deadline"], "sent_at": r["sent_at"]}
        if not any(changes_since(r, delivery).values()):
            seen.add(r["posting_id"])
    return seen
