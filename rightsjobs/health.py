"""Source health from the crawl_runs table: what `status` and `sources list` show."""

import json

from sqlite_utils import Database

from rightsjobs.store.crawls import UNCONFIGURED, usual_items


def last_runs(db: Database) -> dict[str, dict]:
    """The latest crawl run of each source."""
    sql = (
        "select * from crawl_runs where id in "
        "(select max(id) from crawl_runs group by source) order by source"
    )
    return {r["source"]: r for r in db.query(sql)}


def fill_rates(run: dict) -> dict[str, float]:
    """Share of a run's items that had each field (from the pipeline's field/* stats)."""
    stats = json.loads(run.get("stats") or "{}")
    rates = {}
    for key, filled in stats.items():
        if key.startswith("field/") and key.endswith("/filled"):
            name = key.split("/")[1]
            total = filled + stats.get(f"field/{name}/missing", 0)
            rates[name] = filled / total if total else 0.0
    for key in stats:
        if key.startswith("field/") and key.endswith("/missing"):
            rates.setdefault(key.split("/")[1], 0.0)
    return rates


def lost_fields(run: dict, previous: dict | None) -> list[str]:
    """Fields most items had in the previous healthy run and few have now."""
    if previous is None:
        return []
    before, now = fill_rates(previous), fill_rates(run)
    return sorted(f for f, rate in before.items() if rate >= 0.8 and now.get(f, 0.0) < 0.2)


def flag(run: dict | None, usual: float | None, previous: dict | None = None) -> str | None:
    """Why a source needs a maintainer's look, or None."""
    if run is None:
        return "never crawled"
    if run["status"] == UNCONFIGURED:
        return None  # a setting the maintainer chose not to give: shown, not alarmed on
    if run["status"] == "failed":
        return f"last crawl failed: {run['error'] or 'unknown error'}"
    if run["status"] == "empty":
        return "last crawl found no items (site changed? board emptied?)"
    if run["status"] == "shrunk":
        return f"last crawl found {run['items']} items, usually {usual:g}"
    lost = lost_fields(run, previous)
    if lost:
        return f"fields now mostly missing: {', '.join(lost)} (page layout changed?)"
    return None


def source_health(db: Database) -> list[dict]:
    """One row per enabled source known to the store, flagged when it needs a look."""
    runs = last_runs(db)
    rows = []
    for source in db.query("select id from sources where enabled = 1 order by id"):
        sid = source["id"]
        run = runs.get(sid)
        usual = usual_items(db, sid)
        previous = next(
            db.query(
                "select * from crawl_runs where source = ? and status = 'ok' and id < ? "
                "order by id desc limit 1",
                [sid, run["id"] if run else 0],
            ),
            None,
        )
        last_ok = next(
            db.query(
                "select max(finished) as f from crawl_runs where source = ? and status = 'ok'",
                [sid],
            )
        )["f"]
        rows.append(
            {
                "source": sid,
                "status": run["status"] if run else "-",
                "items": run["items"] if run else 0,
                "usual": usual,
                "last_ok": last_ok,
                "flag": flag(run, usual, previous),
                "note": run["error"] if run and run["status"] == UNCONFIGURED else None,
            }
        )
    return rows
