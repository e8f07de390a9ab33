"""The web view: Datasette on a small store, read over HTTP and in headless Chromium."""

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest

from rightsjobs.ingest import record_run
from rightsjobs.serve import metadata, serve_command_args
from rightsjobs.store import open_db

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
    db["profiles"].insert({"id": "aigul", "email": "aigul@example.org", "data": "{}"})
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


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "rightsjobs.db"
    build(path)
    port = free_port()
    args = serve_command_args(path, port=port)
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if fetch(base + "/-/versions.json")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        else:
            pytest.fail("datasette did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        os.unlink(args[args.index("--metadata") + 1])


def command(**kw) -> list[str]:
    """serve_command_args without leaving its metadata file behind."""
    args = serve_command_args("x/rightsjobs.db", **kw)
    os.unlink(args[args.index("--metadata") + 1])
    return args


def test_command_is_local_read_only_and_private():
    args = command()
    assert args[args.index("--host") + 1] == "127.0.0.1" and "-i" not in args
    assert args[-6:] == [
        "--setting",
        "default_allow_sql",
        "off",
        "--setting",
        "allow_download",
        "off",
    ]
    assert "-i" in command(immutable=True)
    tables = metadata("jobs")["databases"]["jobs"]["tables"]
    assert tables["_sqlite_migrations"]["hidden"] and tables["profiles"]["allow"] is False


def test_coverage_query_over_http(site):
    status, page = fetch(site + "/rightsjobs/coverage_by_organization?organization=watch")
    assert status == 200
    assert "Human Rights Watch" in page and "Researcher, Asia Division" in page
    assert "hrw-greenhouse (first)" in page and "reliefweb" in page


def test_search_and_privacy(site):
    status, page = fetch(site + "/rightsjobs/postings.json?_search=cambodia&_col=title")
    assert status == 200 and "Researcher, Asia Division" in page
    for table in ("profiles", "matches", "hidden", "digests", "deliveries"):
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
