"""`rightsjobs export`: one JSON object per distinct posting, with where it was seen."""

from collections.abc import Iterator
from datetime import date

from sqlite_utils import Database

from rightsjobs.store import effective_status, posting_rows, sightings_by_posting
from understand import FIELDS as CONTRACT_FIELDS

FIELDS = (*CONTRACT_FIELDS, "url", "apply_url")


def export_rows(
    db: Database, *, source: str | None, include_all: bool, as_of: date
) -> Iterator[dict]:
    """CONTRACT §1 fields plus first_seen, last_seen, status and sightings."""
    sightings = sightings_by_posting(db)
    for row in posting_rows(db, source=source):
        status = effective_status(row, as_of)
        if status != "open" and not include_all:
            continue
        yield {
            **{k: row.get(k) for k in FIELDS},
            "first_seen": row["first_seen"],
            "last_seen": row["last_seen"],
            "status": status,
            "sightings": [
                {k: s[k] for k in ("source", "url", "first_seen", "last_seen")}
                for s in sightings.get(row["id"], [])
            ],
        }
