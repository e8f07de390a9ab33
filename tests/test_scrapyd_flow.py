"""Beyond one machine: `scrapy crawl PLATFORM -a source=ID` writes a feed (as on Scrapyd) and
`rightsjobs ingest` stores it with the same pipeline as `rightsjobs crawl`."""

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from rightsjobs.demo.server import Answer, LocalSite
from rightsjobs.store import open_db
from tests.test_crawl_faults import GOOD, board

ROOT = Path(__file__).resolve().parent.parent


def test_scrapy_crawl_feed_then_ingest(tmp_path):
    routes = {"/jobs": Answer(200, board("Field Researcher", "Legal Officer"), GOOD)}
    with LocalSite(routes=routes) as site:
        registry = tmp_path / "sources.yaml"
        entry = {
            "id": "srw",
            "organization": "Steppe Rights Watch",
            "platform": "greenhouse",
            "url": site.url("/jobs"),
        }
        registry.write_text(yaml.safe_dump([entry]), encoding="utf-8")
        feed = tmp_path / "items.jl"
        scrapy = [sys.executable, "-m", "scrapy", "crawl", "greenhouse"]
        scrapy += ["-a", "source=srw", "-a", f"sources={registry}", "-s", "RIGHTSJOBS_STORE=0"]
        scrapy += ["-s", "DOWNLOAD_DELAY=0", "-O", f"{feed}:jsonlines", "--loglevel", "ERROR"]
        env = {**os.environ, "RIGHTSJOBS_DB": str(tmp_path / "scrapyd-side.db")}
        done = subprocess.run(
            scrapy, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    assert [item["title"] for item in lines] == ["Field Researcher", "Legal Officer"]
    assert all(item["source"] == "srw" for item in lines)
    assert not (tmp_path / "scrapyd-side.db").exists()  # the store pipeline stayed off

    db_path = tmp_path / "t.db"
    for _ in range(2):  # ingesting twice never duplicates
        ingest = [sys.executable, "-m", "rightsjobs", "ingest", str(feed)]
        ingest += ["--sources", str(registry), "--db", str(db_path)]
        done = subprocess.run(ingest, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
    db = open_db(db_path)
    assert sorted(r["title"] for r in db.query("select title from postings")) == [
        "Field Researcher",
        "Legal Officer",
    ]
    assert db["sightings"].count == 2
