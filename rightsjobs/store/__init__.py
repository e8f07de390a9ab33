"""The SQLite store (written with sqlite-utils): one file that every stage reads and writes.

    db.py          open_db (creating and upgrading), transaction (every write: BEGIN IMMEDIATE)
    migrations.py  every schema change, in order
    rows.py        how rows are stored: JSON columns, timestamps, open or closed
    tables.py      each stage's reads and writes (sources, profiles, matches, deliveries...)
    crawls.py      storing one source's crawl: sightings, postings, closing, the run's record
    saving.py      a crawl's store step that never loses items (spilled to a feed if locked)
    dedup.py       which stored posting an incoming sighting is

The names below are the store's API for the other stages.
"""

from rightsjobs.store.db import BUSY_TIMEOUT, database_file, open_db, transaction
from rightsjobs.store.migrations import migrations
from rightsjobs.store.rows import (
    JSON_FIELDS,
    decode,
    effective_status,
    encode,
    now_iso,
    possibly_open,
)
from rightsjobs.store.tables import (
    active_profiles,
    changes_since,
    hidden_postings,
    posting_rows,
    record_all_matches,
    record_deliveries,
    record_matches,
    recorded_matches,
    seen_by_profile,
    seen_postings,
    sightings_by_posting,
    upsert_profiles,
    upsert_sources,
)

__all__ = [
    "BUSY_TIMEOUT",
    "JSON_FIELDS",
    "active_profiles",
    "changes_since",
    "database_file",
    "decode",
    "effective_status",
    "encode",
    "hidden_postings",
    "migrations",
    "now_iso",
    "open_db",
    "posting_rows",
    "possibly_open",
    "record_all_matches",
    "record_deliveries",
    "record_matches",
    "recorded_matches",
    "seen_by_profile",
    "seen_postings",
    "sightings_by_posting",
    "transaction",
    "upsert_profiles",
    "upsert_sources",
]
