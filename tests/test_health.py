"""Source health: what `rightsjobs status` flags for cron."""

import json

from rightsjobs.health import source_health
from rightsjobs.store.crawls import record_run
from tests.conftest import SOURCE, make_item, started


def crawl(db, items, *, failure=None, filled=True):
    stats = {
        "field/description/filled" if filled else "field/description/missing": len(items),
        "field/title/filled": len(items),
    }
    return record_run(db, SOURCE, items, started=started(), failure=failure, stats=stats)


def health(db):
    [row] = source_health(db)
    return row


def test_a_healthy_source_is_not_flagged(db):
    crawl(db, [make_item("1", "Researcher")])
    crawl(db, [make_item("1", "Researcher")])
    row = health(db)
    assert row["status"] == "ok" and row["flag"] is None and row["usual"] == 1


def test_failed_empty_and_shrunk_runs_are_flagged(db):
    items = [make_item(str(i), f"Officer {i}") for i in range(6)]
    crawl(db, items)
    crawl(db, [], failure="HTTP 503 at /jobs")
    assert "last crawl failed: HTTP 503" in health(db)["flag"]
    crawl(db, [])
    assert "no items" in health(db)["flag"]
    crawl(db, items[:2])
    assert health(db)["flag"] == "last crawl found 2 items, usually 6"


def test_a_field_that_vanished_is_flagged(db):
    crawl(db, [make_item("1", "Researcher")])
    crawl(db, [make_item("1", "Researcher")], filled=False)
    assert "description" in health(db)["flag"]


def test_stats_json_is_kept(db):
    crawl(db, [make_item("1", "Researcher")])
    row = next(db.query("select stats from crawl_runs"))
    assert json.loads(row["stats"])["field/title/filled"] == 1
