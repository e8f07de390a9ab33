"""robots.txt per RFC 9309, over real HTTP on 127.0.0.1: a 5xx or unreachable robots.txt means
"disallow all" (the run fails with the reason, nothing is fetched); a 4xx means "allow all"."""

import json

from rightsjobs.demo.server import Answer, LocalSite
from tests.spider_helpers import crawl_cli, crawl_results

TEXT = {"Content-Type": "text/plain"}
DISALLOW_ALL = "User-agent: *\nDisallow: /\n"


def board(title: str) -> Answer:
    """A one-job Greenhouse board."""
    job = {
        "id": 4242,
        "title": title,
        "updated_at": "2026-11-20T10:00:00-04:00",
        "location": {"name": "Bishkek, Kyrgyzstan"},
        "absolute_url": "https://jobs.example.org/4242",
        "content": "&lt;p&gt;Document abuses.&lt;/p&gt;",
    }
    return Answer(200, json.dumps({"jobs": [job]}), {"Content-Type": "application/json"})


def source(sid: str, site: LocalSite) -> dict:
    return {
        "id": sid,
        "organization": "Steppe Rights Watch",
        "platform": "greenhouse",
        "url": site.url("/jobs"),
    }


def test_robots_5xx_or_unreachable_disallows_all_and_fails_the_run(tmp_path):
    down = {"/robots.txt": Answer(503, "Service Unavailable", TEXT), "/jobs": board("A")}
    slow = {"/robots.txt": Answer(200, "", TEXT, delay=4), "/jobs": board("B")}
    with LocalSite(routes=down) as s503, LocalSite(routes=slow) as hung:
        result = crawl_cli(
            tmp_path,
            [source("down", s503), source("hung", hung)],
            "RETRY_TIMES=1",
            "DOWNLOAD_TIMEOUT=2",
        )
        hits_503, hits_hung = list(s503.hits), list(hung.hits)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert hits_503 == ["/robots.txt", "/robots.txt"]  # retried once, then given up
    assert "/jobs" not in hits_hung
    runs, seen = crawl_results(tmp_path)
    assert seen == []
    assert runs["down"]["status"] == "failed"
    assert runs["down"]["error"].startswith(
        f"robots.txt answered HTTP 503 at {s503.url('/robots.txt')}: nothing crawled"
    )
    assert "RFC 9309" in runs["down"]["error"]
    assert runs["hung"]["status"] == "failed"
    assert runs["hung"]["error"].startswith(
        f"robots.txt unreachable (DownloadTimeoutError) at {hung.url('/robots.txt')}: nothing"
    )
    for run in runs.values():
        assert run["stats"]["rightsjobs/robots_disallow_all"] == 1
        assert run["stats"]["robotstxt/forbidden"] == 1


def test_robots_4xx_allows_all_whatever_its_body_says(tmp_path):
    routes = {"/robots.txt": Answer(404, DISALLOW_ALL, TEXT), "/jobs": board("Field Researcher")}
    with LocalSite(routes=routes) as site:
        result = crawl_cli(tmp_path, [source("gone", site)])
        hits = list(site.hits)
    assert result.returncode == 0, result.stderr
    assert hits == ["/robots.txt", "/jobs"]
    runs, seen = crawl_results(tmp_path)
    assert runs["gone"]["status"] == "ok"
    assert [s["title"] for s in seen] == ["Field Researcher"]


def test_robots_2xx_rules_still_apply(tmp_path):
    routes = {"/robots.txt": Answer(200, DISALLOW_ALL, TEXT), "/jobs": board("Field Researcher")}
    with LocalSite(routes=routes) as site:
        result = crawl_cli(tmp_path, [source("closed", site)])
        hits = list(site.hits)
    assert result.returncode == 1
    assert hits == ["/robots.txt"]
    runs, _ = crawl_results(tmp_path)
    assert "Forbidden by robots.txt" in runs["closed"]["error"]
