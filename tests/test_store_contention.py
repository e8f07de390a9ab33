"""Another writer holding the database: every write waits for it (BEGIN IMMEDIATE plus
busy_timeout), and a crawl that still cannot write fails loudly and keeps its items."""

import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from rightsjobs.demo.server import Answer, LocalSite
from rightsjobs.errors import InputError
from rightsjobs.store import open_db, transaction, upsert_sources
from tests.conftest import SOURCE
from tests.other_writer import Writer
from tests.test_crawl_faults import GOOD, board


def test_a_transaction_waits_for_another_writer_then_commits(tmp_path):
    db = open_db(tmp_path / "t.db")
    Writer(tmp_path / "t.db", seconds=1.5).start()
    began = time.monotonic()
    upsert_sources(db, [SOURCE])  # reads the schema, then writes: must not fail at once
    assert time.monotonic() - began >= 1.0
    assert [r["id"] for r in db.query("select id from sources")] == ["ngo-board"]


def test_nested_transactions_are_savepoints(tmp_path):
    db = open_db(tmp_path / "t.db")
    with transaction(db):
        upsert_sources(db, [SOURCE])
        with pytest.raises(ValueError), transaction(db):
            db["sources"].update("ngo-board", {"verified": "inner"})
            raise ValueError
    assert db["sources"].get("ngo-board")["verified"] is None


def test_a_lock_held_past_the_timeout_is_one_clear_error(tmp_path):
    db = open_db(tmp_path / "t.db", busy_timeout=0.5)
    writer = Writer(tmp_path / "t.db").start()
    try:
        with pytest.raises(InputError, match="another process kept it locked"):
            upsert_sources(db, [SOURCE])
    finally:
        writer.release()
    assert not db.conn.in_transaction


# --- a crawl whose store step meets another writer -----------------------------------------


def crawl(tmp_path: Path, site: LocalSite, *extra: str) -> subprocess.CompletedProcess:
    registry = [
        {"id": "good", "organization": "Steppe Rights Watch", "platform": "greenhouse"}
        | {"url": site.url("/good/jobs")}
    ]
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump(registry), encoding="utf-8")
    args = [sys.executable, "-m", "rightsjobs", "crawl", "--sources", str(path)]
    args += ["--db", str(tmp_path / "t.db"), "--set", "DOWNLOAD_DELAY=0"]
    args += ["--set", "AUTOTHROTTLE_ENABLED=False", *extra]
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


def locked_when_fetched(tmp_path: Path, **writer) -> tuple[dict, list[Writer]]:
    """Routes whose board answer first makes another writer take the database's lock."""
    started: list[Writer] = []

    def answer(_path: str) -> Answer:
        started.append(Writer(tmp_path / "t.db", **writer).start())
        return Answer(200, board("Field Researcher", "Legal Adviser"), GOOD)

    return {"/good/jobs": answer}, started


def postings(tmp_path: Path) -> list[str]:
    db = open_db(tmp_path / "t.db")
    return sorted(r["title"] for r in db.query("select title from postings"))


def test_crawl_waits_for_a_writer_that_finishes_within_the_timeout(tmp_path):
    routes, writers = locked_when_fetched(tmp_path, seconds=3)
    with LocalSite(routes=routes) as site:
        done = crawl(tmp_path, site)
    assert done.returncode == 0, done.stderr
    assert writers and writers[0].done.is_set()
    assert postings(tmp_path) == ["Field Researcher", "Legal Adviser"]
    runs = list(open_db(tmp_path / "t.db").query("select status, items from crawl_runs"))
    assert runs == [{"status": "ok", "items": 2}]
    assert not list(tmp_path.glob("*.jl"))


def test_crawl_that_cannot_write_fails_and_keeps_its_items(tmp_path):
    routes, writers = locked_when_fetched(tmp_path)
    with LocalSite(routes=routes) as site:
        done = crawl(tmp_path, site, "--set", "RIGHTSJOBS_BUSY_TIMEOUT=1")
        writers[0].release()
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    [feed] = tmp_path.glob("t.db.unstored-good-*.jl")
    assert str(feed) in done.stderr and "1 failed" in done.stderr
    assert "not recorded in crawl_runs" in done.stderr
    db = open_db(tmp_path / "t.db")
    assert postings(tmp_path) == [] and db["sightings"].count == 0  # nothing half-written
    assert db["crawl_runs"].count == 0

    registry = str(tmp_path / "sources.yaml")
    again = [sys.executable, "-m", "rightsjobs", "ingest", str(feed), "--sources", registry]
    loaded = subprocess.run(
        [*again, "--db", str(tmp_path / "t.db")], capture_output=True, text=True, timeout=60
    )
    assert loaded.returncode == 0, loaded.stderr
    assert postings(tmp_path) == ["Field Researcher", "Legal Adviser"]


def test_the_failed_run_is_recorded_once_the_database_frees_up(tmp_path):
    def spilled() -> bool:
        return bool(list(tmp_path.glob("t.db.unstored-good-*.jl")))

    routes, writers = locked_when_fetched(tmp_path, until=spilled)
    with LocalSite(routes=routes) as site:
        done = crawl(tmp_path, site, "--set", "RIGHTSJOBS_BUSY_TIMEOUT=2")
    assert done.returncode == 1, done.stderr
    [feed] = tmp_path.glob("t.db.unstored-good-*.jl")
    [run] = open_db(tmp_path / "t.db").query("select * from crawl_runs")
    assert run["status"] == "failed" and run["items"] == 2
    assert "database" in run["error"] and str(feed) in run["error"]
    assert postings(tmp_path) == []
