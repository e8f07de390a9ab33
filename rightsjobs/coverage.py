"""Listing coverage: which sources carry an organisation's postings, how late, and how well.

`coverage(db, org=..., as_of=...)` builds a plain dict; `to_table`, `to_json`, `to_csv` and
`to_html` render it.
"""

import csv
import io
import json
import statistics
from datetime import date, datetime

from jinja2 import Environment, PackageLoader
from sqlite_utils import Database

from rightsjobs.health import last_runs
from rightsjobs.store import decode, effective_status
from rightsjobs.urls import link

MISSING = {
    "deadline": lambda p: not p.get("deadline"),
    "location": lambda p: not p.get("countries") and p.get("remote") != "yes",
    "languages": lambda p: (
        not (p.get("languages_required") or p.get("languages_desirable") or p.get("language_rule"))
    ),
    "experience": lambda p: p.get("min_years_experience") is None,
}
JSON_COLUMNS = ("countries", "languages_required", "languages_desirable", "language_rule")
POSTING_COLUMNS = ", ".join(
    ("id", "organization", "title", "status", "deadline", "remote", "min_years_experience")
    + JSON_COLUMNS
)
# Sent digests that carried each of the postings in the JSON list bound to `?`: the `sends`
# that each profile's delivery of it counts (see `digest.run`).
DIGESTS_REACHED = """
select posting_id, sum(sends) as n from deliveries
where posting_id in (select value from json_each(?))
group by posting_id
"""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet reads as a formula
CSV_COLUMNS = (
    "organization",
    "title",
    "posting_id",
    "status",
    "deadline",
    "missing",
    "digests",
    "source",
    "url",
    "first_seen",
    "lag_hours",
    "source_open",
)


def hours_between(start: str, end: str) -> float:
    """Hours from one stored ISO timestamp to another, to 0.1."""
    delta = datetime.fromisoformat(end) - datetime.fromisoformat(start)
    return round(delta.total_seconds() / 3600, 1)


def duration(hours: float | None) -> str:
    """'5h', '2d 3h', or '-' when unknown."""
    if hours is None:
        return "-"
    days, rest = divmod(int(hours + 0.5), 24)
    return f"{days}d {rest}h" if days else f"{rest}h"


def lag_text(hours: float) -> str:
    """A source's lag behind the first one: 'first', '+5h' or '+2d 3h'."""
    return "first" if hours <= 0 else f"+{duration(hours)}"


def posting_entry(row: dict, sightings: list[dict], digests: int, as_of: date) -> dict:
    """One posting of the report: its sources with their lag, status, gaps and reach."""
    fields = decode(row)
    earliest = sightings[0]["first_seen"]
    return {
        "id": row["id"],
        "organization": row["organization"],
        "title": row["title"],
        "status": effective_status(row, as_of),
        "deadline": row["deadline"],
        "first_seen": earliest,
        "sources": [
            {
                "source": s["source"],
                "url": s["url"],
                "first_seen": s["first_seen"],
                "lag_hours": hours_between(earliest, s["first_seen"]),
                "open": s["status"] == "open",
            }
            for s in sightings
        ],
        "missing": [name for name, absent in MISSING.items() if absent(fields)],
        "digests": digests,
    }


def source_summary(db: Database, postings: list[dict], sector: dict[str, set[str]]) -> list[dict]:
    """Per source: postings carried, share of the sector's open postings, freshness."""
    sector_open = set().union(*sector.values()) if sector else set()
    runs = last_runs(db)
    last_ok = {
        r["source"]: r["f"]
        for r in db.query(
            "select source, max(finished) as f from crawl_runs where status = 'ok' group by source"
        )
    }
    names = {r["id"]: r for r in db.query("select id, organization, platform from sources")}
    carried: dict[str, list[tuple[dict, dict]]] = {}
    for p in postings:
        for s in p["sources"]:
            carried.setdefault(s["source"], []).append((p, s))
    summary = []
    for source in sorted(carried):
        pairs = carried[source]
        lags = [s["lag_hours"] for p, s in pairs if len(p["sources"]) > 1]
        summary.append(
            {
                "source": source,
                "organization": names.get(source, {}).get("organization"),
                "platform": names.get(source, {}).get("platform"),
                "postings": len(pairs),
                "open": sum(p["status"] == "open" and s["open"] for p, s in pairs),
                "sector_share": round(len(sector.get(source, ())) / len(sector_open), 3)
                if sector_open
                else None,
                "last_ok_crawl": last_ok.get(source),
                "last_run_status": runs[source]["status"] if source in runs else None,
                "median_lag_hours": round(statistics.median(lags), 1) if lags else None,
            }
        )
    return summary


def coverage(db: Database, *, org: str | None = None, as_of: date) -> dict:
    """Coverage of the postings whose organisation contains `org` (any case), or of all.

    `sources[].sector_share` is the share of the whole store's distinct open postings that the
    source still lists; `median_lag_hours` is taken over the postings it shares with another
    source (its lag behind the first source to list them).
    """
    sightings: dict[str, list[dict]] = {}
    sql = "select posting_id, source, url, first_seen, status from sightings"
    for s in db.query(sql + " order by first_seen, source"):
        sightings.setdefault(s["posting_id"], []).append(s)
    needle = (org or "").casefold()
    chosen: list[tuple[dict, list[dict]]] = []
    sector: dict[str, set[str]] = {}  # source -> open postings it still lists
    for row in db.query(f"select {POSTING_COLUMNS} from postings where is_vacancy = 1"):
        seen = sightings.get(row["id"])
        if not seen:
            continue
        if effective_status(row, as_of) == "open":
            for s in seen:
                if s["status"] == "open":
                    sector.setdefault(s["source"], set()).add(row["id"])
        if needle in (row["organization"] or "").casefold():
            chosen.append((row, seen))
    ids = json.dumps([row["id"] for row, _ in chosen])
    digests = {r["posting_id"]: r["n"] for r in db.query(DIGESTS_REACHED, [ids])}
    postings = [posting_entry(r, seen, digests.get(r["id"], 0), as_of) for r, seen in chosen]
    postings.sort(key=lambda p: p["first_seen"], reverse=True)
    postings.sort(key=lambda p: (p["organization"] or "").casefold())
    return {
        "as_of": as_of.isoformat(),
        "organization": org,
        "totals": {
            "postings": len(postings),
            "open": sum(p["status"] == "open" for p in postings),
            "sector_open": len(set().union(*sector.values())) if sector else 0,
            "missing": {name: sum(name in p["missing"] for p in postings) for name in MISSING},
        },
        "postings": postings,
        "sources": source_summary(db, postings, sector),
    }


def to_json(report: dict) -> str:
    """The report as indented JSON."""
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def neutralise(cell: object) -> object:
    """A CSV cell a spreadsheet will not run: text starting like a formula gets a `'` first."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


def to_csv(report: dict) -> str:
    """One CSV row per (posting, source); formula-like text cells are neutralised."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for p in report["postings"]:
        for s in p["sources"]:
            row = {
                "organization": p["organization"],
                "title": p["title"],
                "posting_id": p["id"],
                "status": p["status"],
                "deadline": p["deadline"],
                "missing": " ".join(p["missing"]),
                "digests": p["digests"],
                "source": s["source"],
                "url": s["url"],
                "first_seen": s["first_seen"],
                "lag_hours": s["lag_hours"],
                "source_open": int(s["open"]),
            }
            writer.writerow({k: neutralise(v) for k, v in row.items()})
    return out.getvalue()


def when(stamp: str | None) -> str:
    """A stored timestamp as 'YYYY-MM-DD HH:MM' (UTC)."""
    return stamp[:16].replace("T", " ") if stamp else "-"


def percent(share: float | None) -> str:
    """0.25 -> '25%'."""
    return "-" if share is None else f"{share:.0%}"


def headline(report: dict) -> str:
    """'Coverage of "amnesty" as of 2024-11-20: 3 postings (2 open) on 3 sources'."""
    t = report["totals"]
    scope = f'"{report["organization"]}"' if report["organization"] else "all organisations"
    return (
        f"Coverage of {scope} as of {report['as_of']}: {t['postings']} postings "
        f"({t['open']} open) on {len(report['sources'])} sources"
    )


def to_table(report: dict) -> str:
    """A plain-text report: each posting with its sources, then a table of sources."""
    lines = [headline(report), ""]
    for p in report["postings"]:
        reach = f"in {p['digests']} digest{'' if p['digests'] == 1 else 's'}"
        facts = [p["status"], f"deadline {p['deadline'] or '-'}", reach]
        if p["missing"]:
            facts.append("missing: " + ", ".join(p["missing"]))
        lines += [f"{p['organization']} · {p['title']}", "  " + " · ".join(facts)]
        for s in p["sources"]:
            gone = "" if s["open"] else "  (no longer listed)"
            lines.append(
                f"  {s['source']:<22} {when(s['first_seen'])}  {lag_text(s['lag_hours'])}{gone}"
            )
        lines.append("")
    header = (
        "source",
        "postings",
        "open",
        "sector share",
        "last ok crawl",
        "last run",
        "median lag",
    )
    rows = [
        (
            s["source"],
            str(s["postings"]),
            str(s["open"]),
            percent(s["sector_share"]),
            when(s["last_ok_crawl"]),
            s["last_run_status"] or "-",
            duration(s["median_lag_hours"]),
        )
        for s in report["sources"]
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        lines.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            ).rstrip()
        )
    return "\n".join(lines) + "\n"


def to_html(report: dict) -> str:
    """A standalone HTML page (jinja2, autoescaped; template `templates/coverage.html.j2`)."""
    env = Environment(loader=PackageLoader("rightsjobs", "templates"), autoescape=True)
    env.filters.update(lag=lag_text, duration=duration, when=when, percent=percent, link=link)
    return env.get_template("coverage.html.j2").render(report=report, headline=headline(report))
