"""How rows are stored: JSON columns, timestamps, and whether a posting is still open."""

import json
from datetime import UTC, date, datetime

import orjson

JSON_FIELDS = (
    "countries",
    "regions",
    "languages_required",
    "languages_desirable",
    "language_rule",
    "evidence",
    "locations",
)


def now_iso() -> str:
    """The current UTC time, to the second, as stored in every *_seen / *_at column."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def encode(row: dict) -> dict:
    """JSON-encode the list/dict columns of a posting row."""
    return {
        k: json.dumps(v, ensure_ascii=False) if k in JSON_FIELDS and v is not None else v
        for k, v in row.items()
    }


def decode(row: dict) -> dict:
    """Decode the JSON columns of a stored posting row."""
    out = dict(row)
    for key in JSON_FIELDS:
        if isinstance(out.get(key), str):
            out[key] = orjson.loads(out[key])
    if out.get("is_vacancy") is not None:
        out["is_vacancy"] = bool(out["is_vacancy"])
    return out


def possibly_open(table: str = "postings") -> str:
    """SQL true for the stored vacancies of `table` (a name or alias) that may be open on the
    day bound to its one `?` parameter: those `effective_status` calls open, and no other."""
    return (
        f"{table}.is_vacancy = 1 and {table}.status = 'open' "
        f"and (ifnull({table}.deadline, '') = '' or {table}.deadline >= ?)"
    )


def effective_status(row: dict, as_of: date) -> str:
    """'open' while some source still lists the posting and its deadline has not passed."""
    if row.get("status") != "open":
        return "closed"
    deadline = row.get("deadline")
    return "closed" if deadline and deadline < as_of.isoformat() else "open"
