"""`rightsjobs serve`: Datasette and the unsubscribe endpoint on one port, as a real process."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest

from digest.unsubscribe import token_for
from rightsjobs.cli import cli
from rightsjobs.serve import datasette, metadata
from rightsjobs.store import open_db, upsert_profiles
from rightsjobs.store.crawls import record_run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ATS = "https://boards.greenhouse.io/humanrightswatch/jobs/4501001"


def item(url: str, source: str, **extra) -> dict:
    title, org = "Researcher, Asia Division", "Human Rights Watch"
    return {
        "url": url,
        "title": title,
        "description": "Research on Cambodia, Laos and Vietnam.",
        "description_html": "",
        "organization": org,
        "locations": [],
        "source_job_id": None,
        "source": source,
        "understood": {"is_vacancy": True, "title": title, "organization": org},
        **extra,
    }


def build(path: Path) -> None:
    """A store where HRW's greenhouse board and ReliefWeb list one job, plus a private profile."""
    db = open_db(path)
    now = datetime.now(UTC)
    board = {"id": "hrw-greenhouse", "platform": "greenhouse", "url": "https://gh.example/"}
    record_run(db, board, [item(ATS, "hrw-greenhouse")], started=now)
    reliefweb = {"id": "reliefweb", "platform": "reliefweb", "url": "https://rw.example/"}
    copy = item("https://reliefweb.int/job/1", "reliefweb", apply_url=ATS + "?utm_source=rw")
    record_run(db, reliefweb, [copy], started=now)
    upsert_profiles(db, [{"id": "aigul", "email": "aigul@example.org"}])
    db.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, ""


SECRET = "a-test-secret-that-is-long-enough-0123456789"


def start_serve(path: Path, port: int) -> subprocess.Popen:
    """`rightsjobs serve` as a real process, in its own session so its group can be checked."""
    env = {**os.environ, "RIGHTSJOBS_SECRET": SECRET}
    args = [sys.executable, "-m", "rightsjobs", "serve", "--db", str(path), "--port", str(port)]
    return subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )


def wait_until_up(base: str, proc: subprocess.Popen) -> None:
    for _ in range(300):
        try:
            if fetch(base + "/-/versions.json")[0] == 200:
                return
        except OSError:
            pass
        if proc.poll() is not None:
            pytest.fail(f"serve exited {proc.returncode}: {proc.stderr.read().decode()}")
        time.sleep(0.1)
    pytest.fail("serve did not start")


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def kill_group(proc: subprocess.Popen) -> None:
    if group_alive(proc.pid):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "rightsjobs.db"
    build(path)
    return path


@pytest.fixture(scope="module")
def site(store):
    port = free_port()
    proc = start_serve(store, port)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, proc)
        yield base
    finally:
        kill_group(proc)


def test_datasette_is_read_only_and_private(store):
    ds = datasette(store)
    assert ds.setting("default_allow_sql") is False and ds.setting("allow_download") is False
    assert ds.databases["rightsjobs"].is_mutable  # read-only mode, sees new crawls
    assert not datasette(store, immutable=True).databases["rightsjobs"].is_mutable
    host = next(p for p in cli.commands["serve"].params if p.name == "host")
    assert host.default == "127.0.0.1"
    tables = metadata("jobs")["databases"]["jobs"]["tables"]
    assert tables["_sqlite_migrations"]["hidden"] and tables["profiles"]["allow"] is False


def test_one_click_unsubscribe_on_the_same_port(site, store):
    db = open_db(store, create=False)
    token = token_for(db, "aigul", SECRET)
    db.close()
    request = urllib.request.Request(
        f"{site}/unsubscribe/{token}",
        data=b"List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200 and response.headers["Location"] is None
    db = open_db(store, create=False)
    assert db["profiles"].get("aigul")["active"] == 0
    db.close()


def test_a_busy_port_fails_with_one_line(store):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = start_serve(store, port)
        try:
            _, err = proc.communicate(timeout=60)
        finally:
            kill_group(proc)
    assert proc.returncode == 1
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1 and str(port) in lines[0] and "in use" in lines[0], lines


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_serve_and_leaves_no_process(store, sig):
    port = free_port()
    proc = start_serve(store, port)
    try:
        wait_until_up(f"http://127.0.0.1:{port}", proc)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err.decode()
        for _ in range(50):  # a child would outlive its parent briefly at most
            if not group_alive(proc.pid):
                break
            time.sleep(0.1)
        assert not group_alive(proc.pid), "a process of serve is still running"
        with socket.socket() as again:  # nothing listens there any more
            again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            again.bind(("127.0.0.1", port))
    finally:
        kill_group(proc)


def test_coverage_query_over_http(site):
    status, page = fetch(site + "/rightsjobs/coverage_by_organization?organization=watch")
    assert status == 200
    assert "Human Rights Watch" in page and "Researcher, Asia Division" in page
    assert "hrw-greenhouse (first)" in page and "reliefweb" in page


def test_search_and_privacy(site):
    status, page = fetch(site + "/rightsjobs/postings.json?_search=cambodia&_col=title")
    assert status == 200 and "Researcher, Asia Division" in page
    for table in ("profiles", "shortlists", "matches", "hidden", "digests", "deliveries"):
        assert fetch(f"{site}/rightsjobs/{table}")[0] == 403, table
    assert fetch(site + "/rightsjobs.json?sql=select+email+from+profiles")[0] == 403
    assert fetch(site + "/rightsjobs.db")[0] == 403


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_a_recruiter_reads_the_coverage_page_in_a_browser(site, tmp_path):
    url = site + "/rightsjobs/coverage_by_organization?organization=human+rights"
    dom = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    ).stdout
    assert "Coverage by organisation" in dom
    assert "Human Rights Watch" in dom and "Researcher, Asia Division" in dom
    assert "hrw-greenhouse (first)" in dom and "reliefweb" in dom
