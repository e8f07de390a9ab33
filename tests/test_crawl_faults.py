"""Crawling over real HTTP on 127.0.0.1: failing sources never stop the others, and a failed
crawl neither loses nor closes what was stored before."""

import json
import subprocess
import sys

import pytest
import yaml

from rightsjobs.demo.server import Answer, LocalSite
from rightsjobs.store import open_db


def board(*titles: str, first_id: int = 1000) -> str:
    """A Greenhouse board payload (content=true) with one job per title."""
    jobs = [
        {
            "id": first_id + i,
            "internal_job_id": 500 + i,
            "title": title,
            "updated_at": "2026-11-20T10:00:00-04:00",
            "requisition_id": f"R{i}",
            "location": {"name": "Bishkek, Kyrgyzstan"},
            "absolute_url": f"https://jobs.example.org/{first_id + i}",
            "content": "&lt;p&gt;We are hiring a " + title + " to document abuses.&lt;/p&gt;",
            "departments": [],
            "offices": [],
            "metadata": None,
        }
        for i, title in enumerate(titles)
    ]
    return json.dumps({"jobs": jobs, "meta": {"total": len(jobs)}})


GOOD = {"Content-Type": "application/json"}
FAULTS = {
    "s500": Answer(500, "Internal Server Error"),
    "s429": Answer(429, "Too Many Requests", {"Retry-After": "0"}),
    "slow": Answer(200, board("Slow Job"), GOOD, delay=30),
    "truncated": Answer(200, board("Cut Job")[:120], GOOD),
    "badxml": Answer(
        200, "<rss><channel><item><title>Broken", {"Content-Type": "application/rss+xml"}
    ),
    "empty": Answer(200, json.dumps({"jobs": [], "meta": {"total": 0}}), GOOD),
    "redirect": Answer(302, "", {"Location": "/unrelated.html"}),
}
PLATFORM = {"badxml": "feed"}
ROLES = (
    "Field Researcher",
    "Finance Manager",
    "Legal Adviser on Torture Cases",
    "Digital Campaigns Officer",
    "Grants Coordinator",
    "Executive Director",
    "Protection Monitor",
    "IT Support Technician",
)


def crawl(tmp_path, site, ids=()):
    registry = [
        {
            "id": sid,
            "organization": "Steppe Rights Watch",
            "platform": PLATFORM.get(sid, "greenhouse"),
            "url": site.url(f"/{sid}/jobs"),
        }
        for sid in ["good", *FAULTS]
    ]
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump(registry), encoding="utf-8")
    args = [sys.executable, "-m", "rightsjobs", "crawl", "--sources", str(path), *ids]
    args += ["--db", str(tmp_path / "t.db"), "--set", "DOWNLOAD_TIMEOUT=12"]
    args += ["--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False"]
    args += ["--set", "RETRY_TIMES=1"]
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


@pytest.fixture
def site():
    routes = {
        f"/{sid}/jobs": Answer(200, board(role, first_id=1000 * n), GOOD)
        for n, (sid, role) in enumerate(zip(["good", *FAULTS], ROLES, strict=True), 1)
    }
    routes["/badxml/jobs"] = Answer(
        200,
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Blog</title><item>"
        "<title>Vacancy: Field Researcher in Osh</title><link>https://blog.example.org/?p=1</link>"
        "<guid isPermaLink='false'>https://blog.example.org/?p=1</guid>"
        "<description>Steppe Rights Watch is hiring a field researcher based in Osh, Kyrgyzstan. "
        "Apply by 15 January 2027.</description></item></channel></rss>",
        {"Content-Type": "application/rss+xml"},
    )
    routes["/unrelated.html"] = Answer(
        200, "<html><body>Welcome to our shop</body></html>", {"Content-Type": "text/html"}
    )
    with LocalSite(routes=routes) as server:
        yield server


def runs(tmp_path):
    db = open_db(tmp_path / "t.db")
    rows = list(db.query("select * from crawl_runs order by id"))
    return db, rows


def test_failing_sources_are_recorded_and_nothing_stored_is_lost(tmp_path, site):
    first = crawl(tmp_path, site)
    assert first.returncode == 0, first.stderr
    db, rows = runs(tmp_path)
    assert {r["source"]: r["status"] for r in rows} == {sid: "ok" for sid in ["good", *FAULTS]}
    stored = {r["id"]: r["status"] for r in db.query("select id, status from postings")}
    assert len(stored) == 1 + len(FAULTS) and set(stored.values()) == {"open"}

    site.routes.update({f"/{sid}/jobs": answer for sid, answer in FAULTS.items()})
    site.routes["/good/jobs"] = Answer(200, board("Field Researcher", "Press Officer"), GOOD)
    second = crawl(tmp_path, site)
    assert second.returncode == 1  # cron notices
    assert "Traceback" not in second.stderr
    db, rows = runs(tmp_path)
    latest = {r["source"]: r for r in rows[len(FAULTS) + 1 :]}
    assert latest["good"]["status"] == "ok" and latest["good"]["new_postings"] == 1
    assert latest["empty"]["status"] == "empty", latest["empty"]  # its error, if it failed
    for sid in ("s500", "s429", "slow", "truncated", "badxml", "redirect"):
        assert latest[sid]["status"] == "failed", (sid, latest[sid])
        assert latest[sid]["error"]
    assert "HTTP 500" in latest["s500"]["error"] and "HTTP 429" in latest["s429"]["error"]
    assert latest["good"]["errors"] == 0  # errors are counted per source, not per process
    assert latest["s500"]["errors"] >= 1
    after = {r["id"]: r["status"] for r in db.query("select id, status from postings")}
    assert {k: after[k] for k in stored} == stored  # nothing lost, nothing closed
    assert len(after) == len(stored) + 1


def test_wrong_charset_still_yields_readable_items(tmp_path, site):
    body = board("Défenseur des droits à Genève").encode("utf-8")
    site.routes["/good/jobs"] = Answer(
        200, body, {"Content-Type": "application/json; charset=iso-8859-1"}
    )
    result = crawl(tmp_path, site, ids=("good",))
    assert result.returncode == 0, result.stderr
    db, rows = runs(tmp_path)
    assert rows[-1]["status"] == "ok"
    [title] = [r["title"] for r in db.query("select title from postings")]
    assert title == "Défenseur des droits à Genève"


def test_status_flags_failed_sources_with_exit_code(tmp_path, site):
    crawl(tmp_path, site, ids=("good", "s500"))
    site.routes["/s500/jobs"] = FAULTS["s500"]
    crawl(tmp_path, site, ids=("good", "s500"))
    status = subprocess.run(
        [sys.executable, "-m", "rightsjobs", "status", "--db", str(tmp_path / "t.db")],
        capture_output=True,
        text=True,
    )
    assert status.returncode == 1
    assert "s500" in status.stdout and "last crawl failed" in status.stdout
    good_line = next(line for line in status.stdout.splitlines() if " good " in line)
    assert good_line.startswith(" ")


def test_a_second_crawl_waits_for_the_lock(tmp_path, site):
    from filelock import FileLock

    lock = FileLock(f"{tmp_path / 't.db'}.crawl.lock")
    with lock:
        result = crawl(tmp_path, site, ids=("good",))
    assert result.returncode != 0 and "another crawl is running" in result.stderr
