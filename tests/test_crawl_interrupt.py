"""A crawl stopped by SIGINT/SIGTERM, or sent round a redirect loop, is a recorded failure with
a non-zero exit, and keeps what it found; never "0 failed" and exit 0."""

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from rightsjobs.demo.server import Answer, LocalSite
from rightsjobs.store import open_db
from tests.test_crawl_faults import GOOD, board

CASE = Path(__file__).parent / "fixtures" / "jsonld" / "listing-carries-postings"
HTML = {"Content-Type": "text/html; charset=utf-8"}


def command(tmp_path: Path, site: LocalSite, sources: dict[str, str]) -> list[str]:
    registry = [
        {"id": sid, "organization": "Equal Futures", "platform": platform}
        | {"url": site.url(f"/{sid}/jobs")}
        for sid, platform in sources.items()
    ]
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump(registry), encoding="utf-8")
    args = [sys.executable, "-m", "rightsjobs", "crawl", "--sources", str(path)]
    args += ["--db", str(tmp_path / "t.db"), "--set", "DOWNLOAD_DELAY=0"]
    return [*args, "--set", "AUTOTHROTTLE_ENABLED=False", "--set", "RETRY_ENABLED=False"]


def runs(tmp_path: Path) -> dict[str, dict]:
    return {r["source"]: r for r in open_db(tmp_path / "t.db").query("select * from crawl_runs")}


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


@pytest.fixture
def slow_site():
    """`fast`: a board answered at once; `slow`: a careers page whose postings arrive at
    once but whose last job page takes a minute."""
    routes = {
        "/fast/jobs": Answer(200, board("Field Researcher"), GOOD),
        "/slow/jobs": Answer(200, (CASE / "response.html").read_bytes(), HTML),
        "/jobs/finance-manager": Answer(200, "<html></html>", HTML),
        "/jobs/volunteer-translator": Answer(200, "<html></html>", HTML),
        "/jobs/programme-officer-latam": Answer(200, "<html></html>", HTML, delay=60),
    }
    with LocalSite(routes=routes) as site:
        yield site


@pytest.mark.parametrize(
    ("signals", "code"),
    [
        ([signal.SIGINT], 130),
        ([signal.SIGINT, signal.SIGINT], 130),  # the second Ctrl-C stops at once
        ([signal.SIGTERM], 143),
    ],
)
def test_an_interrupted_crawl_is_recorded_as_failed_and_keeps_its_items(
    tmp_path, slow_site, signals, code
):
    args = command(tmp_path, slow_site, {"fast": "greenhouse", "slow": "jsonld"})
    proc = subprocess.Popen(
        [*args, "--set", f"DOWNLOAD_TIMEOUT={10 * len(signals)}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(lambda: "/jobs/programme-officer-latam" in slow_site.hits)
        wait_for(lambda: (tmp_path / "t.db").exists() and "fast" in runs(tmp_path))
        began = time.monotonic()
        for signum in signals:
            proc.send_signal(signum)
            time.sleep(0.5)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == code, err
    if len(signals) == 2:
        assert time.monotonic() - began < 15  # did not wait for the slow page
    assert "Traceback" not in err
    assert f"1 failed (interrupted by {signal.Signals(signals[0]).name})" in err
    recorded = runs(tmp_path)
    assert recorded["fast"]["status"] == "ok"
    assert recorded["slow"]["status"] == "failed"
    assert recorded["slow"]["error"].startswith("interrupted")
    titles = {r["title"] for r in open_db(tmp_path / "t.db").query("select title from postings")}
    assert {"Field Researcher", "Finance Manager"} <= titles  # what it found is kept


@pytest.mark.parametrize("hops", [["/loop/jobs"], ["/loop/other", "/loop/jobs"]])
def test_a_redirect_loop_is_a_failed_run(tmp_path, hops):
    routes = {"/fast/jobs": Answer(200, board("Field Researcher"), GOOD)}
    path = "/loop/jobs"
    for target in hops:
        routes[path] = Answer(302, "", {"Location": target})
        path = target
    with LocalSite(routes=routes) as site:
        done = subprocess.run(
            command(tmp_path, site, {"fast": "greenhouse", "loop": "greenhouse"}),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1, done.stderr
    assert "1 failed" in done.stderr and "Traceback" not in done.stderr
    loop = runs(tmp_path)["loop"]
    assert loop["status"] == "failed"
    assert loop["error"].startswith("redirect loop at http://127.0.0.1:")
