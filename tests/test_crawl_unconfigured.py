"""A source that needs a setting the maintainer has not given is reported, not failed."""

import os
import subprocess
import sys

import yaml

from rightsjobs.demo.server import Answer, LocalSite
from rightsjobs.store import open_db
from tests.test_crawl_faults import GOOD, board


def run(*args: str, env: dict) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "rightsjobs", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)


def test_reliefweb_without_an_appname_is_not_configured_and_cron_stays_quiet(tmp_path):
    routes = {"/good/jobs": Answer(200, board("Field Researcher"), GOOD)}
    with LocalSite(routes=routes) as site:
        registry = [
            {"id": "good", "platform": "greenhouse", "url": site.url("/good/jobs")},
            {"id": "rw", "platform": "reliefweb", "url": site.url("/v2/jobs?profile=full")},
        ]
        path = tmp_path / "sources.yaml"
        path.write_text(yaml.safe_dump(registry), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "RELIEFWEB_APPNAME"}
        db = str(tmp_path / "t.db")
        crawl = run(
            "crawl", "--sources", str(path), "--db", db, "--set", "DOWNLOAD_DELAY=0", env=env
        )
        assert crawl.returncode == 0, crawl.stderr
        assert "rw: not configured, not crawled — set RELIEFWEB_APPNAME" in crawl.stderr
        assert "0 failed, 1 not configured" in crawl.stderr
        status = run("status", "--db", db, env=env)
    assert status.returncode == 0, status.stdout + status.stderr
    assert "unconfigured" in status.stdout and "set RELIEFWEB_APPNAME" in status.stdout
    runs = {r["source"]: r for r in open_db(db)["crawl_runs"].rows}
    assert {s: r["status"] for s, r in runs.items()} == {"good": "ok", "rw": "unconfigured"}
    assert runs["rw"]["requests"] == 0  # nothing fetched for it
