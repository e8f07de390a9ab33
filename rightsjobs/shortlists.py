"""The match stage: rank every active profile against the store's open postings."""

from datetime import date

from sqlite_utils import Database

from digest.run import seen_postings
from matcher import rank
from rightsjobs.store import active_profiles, effective_status, posting_rows, record_matches


def rankable(row: dict) -> dict:
    """A stored posting as the matcher reads it (extraction fields plus plain text)."""
    return {**row, "text": row.get("description") or ""}


def open_postings(db: Database, as_of: date) -> list[dict]:
    """Stored vacancies still open at `as_of`."""
    return [rankable(r) for r in posting_rows(db) if effective_status(r, as_of) == "open"]


def match_all(db: Database, as_of: date) -> dict[str, list[dict]]:
    """Rank and record every active profile's shortlist; returns results by profile id."""
    profiles = active_profiles(db)
    postings = open_postings(db, as_of)
    seen = {p["id"]: seen_postings(db, p["id"]) for p in profiles}
    ranked = rank(
        postings,
        profiles,
        k=max([p["max_items"] for p in profiles] or [10]),
        as_of=as_of,
        seen=seen,
    )
    results = {}
    for profile, shortlist in zip(profiles, ranked, strict=True):
        shortlist = shortlist[: profile["max_items"]]
        record_matches(db, profile["id"], shortlist, as_of)
        results[profile["id"]] = shortlist
    return results
