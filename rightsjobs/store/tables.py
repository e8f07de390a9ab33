"""The reads and writes of each stage on the store's tables (sources, postings, sightings,
profiles, matches, deliveries, hidden)."""

import json
from collections.abc import Iterable
from datetime import date

import orjson
from sqlite_utils import Database

from rightsjobs.store.db import transaction
from rightsjobs.store.rows import decode, now_iso, possibly_open


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
    record_all_matches(db, {profile_id: results}, as_of)


def record_all_matches(db: Database, shortlists: dict[str, list[dict]], as_of: date) -> None:
    """Make the stored shortlist of every profile in `shortlists` (profile id -> ranking)
    this ranking, in one transaction (all or none). A profile's list is one row (`shortlists`,
    read a match per row through the `matches` view), written only when it changed: a list
    stored the same is left as it is, with the `as_of` and `matched_at` of the run that wrote
    it; an empty one is deleted. Other profiles' lists are kept."""
    stamp, day = now_iso(), as_of.isoformat()
    rows = [
        (pid, orjson.dumps([[r["id"], r["score"], r["why"]] for r in results]).decode())
        for pid, results in shortlists.items()
        if results
    ]
    with transaction(db):
        db.conn.executemany(
            "delete from shortlists where profile_id = ?",
            [(pid,) for pid, results in shortlists.items() if not results],
        )
        db.conn.executemany(  # SQLite compares, so that a list stored the same is not written
            "insert into shortlists (profile_id, results, as_of, matched_at) values (?, ?, ?, ?) "
            "on conflict (profile_id) do update set results = excluded.results, "
            "as_of = excluded.as_of, matched_at = excluded.matched_at "
            "where results is not excluded.results",
            [(pid, results, day, stamp) for pid, results in rows],
        )


def recorded_matches(db: Database, profile_id: str) -> dict[str, dict]:
    """The profile's stored matches, best first: posting id -> the match's `why`."""
    row = db.execute("select results from shortlists where profile_id = ?", [profile_id]).fetchone()
    return {posting: why or {} for posting, _score, why in orjson.loads(row[0])} if row else {}


def record_deliveries(
    db: Database, profile_id: str, digest_id: str, postings: list[dict], sent_at: str
) -> None:
    """Record that a sent digest carried these postings to the profile: each delivery keeps
    the latest digest, the deadline it showed and when, and counts the digests (`sends`)."""
    db.conn.executemany(
        "insert into deliveries "
        "(profile_id, posting_id, digest_id, deadline, status, sent_at, sends) "
        "values (?, ?, ?, ?, 'sent', ?, 1) on conflict (profile_id, posting_id) do update set "
        "digest_id = excluded.digest_id, deadline = excluded.deadline, status = 'sent', "
        "sent_at = excluded.sent_at, sends = sends + 1",
        [(profile_id, p["id"], digest_id, p.get("deadline"), sent_at) for p in postings],
    )


def changes_since(posting: dict, delivery: dict | None) -> dict[str, bool]:
    """Whether a posting delivered before has a later deadline or reopened since."""
    if delivery is None:
        return {"extended": False, "reopened": False}
    extended, reopened = _changes(
        delivery.get("deadline"),
        delivery.get("sent_at"),
        posting.get("deadline"),
        posting.get("reopened_at"),
    )
    return {"extended": extended, "reopened": reopened}


def _changes(
    delivered_deadline: str | None, sent_at: str | None, deadline: str | None, reopened: str | None
) -> tuple[bool, bool]:
    """(extended, reopened) of `changes_since`, from the four values it compares."""
    return (
        bool(delivered_deadline and deadline and deadline > delivered_deadline),
        bool(sent_at and reopened and reopened > sent_at),
    )


# `_changes` in SQL, of a delivery `d` and its posting `p` (NULL when gone): true when either
# is true, for the same values (an empty or NULL date compares as no date).
CHANGED_SINCE_DELIVERY = (
    "coalesce(d.deadline <> '' and p.deadline <> '' and p.deadline > d.deadline, 0) "
    "or coalesce(d.sent_at <> '' and p.reopened_at <> '' and p.reopened_at > d.sent_at, 0)"
)


def hidden_postings(db: Database, profile_id: str) -> set[str]:
    """Postings the profile asked never to see again."""
    return seen_by_profile(db, [profile_id], delivered=False)[profile_id]


def seen_postings(db: Database, profile_id: str) -> set[str]:
    """Postings never to offer the profile again: delivered and unchanged since, or hidden."""
    return seen_by_profile(db, [profile_id])[profile_id]


def seen_by_profile(
    db: Database, profile_ids: list[str], *, delivered: bool = True, open_on: date | None = None
) -> dict[str, set[str]]:
    """`seen_postings` of many profiles (the hidden ones alone without `delivered`). With
    `open_on`, of the delivered postings only those that may still be open that day
    (`possibly_open`), which is all a match needs: read from the open postings, so in a time
    that follows them and not the deliveries of every week before."""
    seen: dict[str, set[str]] = {pid: set() for pid in profile_ids}
    wanted = [json.dumps(profile_ids)]
    in_list = "profile_id in (select value from json_each(?))"
    hidden = db.execute(f"select profile_id, posting_id from hidden where {in_list}", wanted)
    for profile_id, posting_id in hidden:
        seen[profile_id].add(posting_id)
    if not delivered:
        return seen
    # Grouped by profile in SQL: 10,000 rows to split rather than 400,000 to loop over.
    listed = "d.profile_id, group_concat(d.posting_id, char(31))"
    unchanged = f"not ({CHANGED_SINCE_DELIVERY})"
    if open_on is None:
        rows = db.execute(
            f"select {listed} from deliveries d left join postings p on p.id = d.posting_id "
            f"where d.{in_list} and {unchanged} group by d.profile_id",
            wanted,
        )
    else:  # a cross join keeps the open postings the outer loop
        rows = db.execute(
            f"select {listed} from postings p cross join deliveries d on d.posting_id = p.id "
            f"where {possibly_open('p')} and {unchanged} group by d.profile_id",
            [open_on.isoformat()],
        )
    for profile_id, posting_ids in rows:
        if profile_id in seen:
            seen[profile_id].update(posting_ids.split("\x1f"))
    return seen
