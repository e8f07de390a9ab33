"""Source health from the crawl_runs table: what `status` and `sources list` show."""

from sqlite_utils import Database

from rightsjobs.ingest import usual_items


def last_runs(db: Database) -> dict[str, dict]:
    """The latest crawl run of each source."""
    sql = (
        "select * from crawl_runs where id in "
        "(select max(id) from crawl_runs group by source) order by source"
    )
    return {r["source"]: r for r in db.query(sql)}


def flag(run: dict | None, usual: float | None) -> str | None:
    """Why a source needs a maintainer's look, or None."""
    if run is None:
        return "never crawled"
    if run["status"] == "failed":
        return f"last crawl failed: {run['error'] or 'unknown error'}"
    if run["status"] == "empty":
        return "last crawl found no items (site changed? board emptied?)"
    if run["status"] == "shrunk":
        return f"last crawl found {run['items']} items, usually {usual:g}"
    return None


def source_health(db: Database) -> list[dict]:
    """One row per enabled source known to the store, flagged when it needs a look."""
    runs = last_runs(db)
    rows = []
    for source in db.query("select id from sources where enabled = 1 order by id"):
        sid = source["id"]
        run = runs.get(sid)
        usual = usual_items(db, sid)
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
                "flag": flag(run, usual),
            }
        )
    return rows
