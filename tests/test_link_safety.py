"""Hostile URLs and cells: only http(s) links in every HTML output, only http(s) URLs stored,
spreadsheet formulas neutralised in CSV, control characters never stored."""

import csv
import io
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from rightsjobs.coverage import neutralise
from rightsjobs.demo.server import Answer, LocalSite
from rightsjobs.store import open_db, record_matches, upsert_profiles
from rightsjobs.store.crawls import record_run
from rightsjobs.urls import link, web_url
from spiders.normalise import scrub
from tests.conftest import SOURCE, make_item, started
from tests.test_crawl_faults import GOOD, board
from understand.text import clean_text, strip_controls

RIGHTSJOBS = str(Path(sys.executable).with_name("rightsjobs"))
AS_OF = "2026-11-28"
HOSTILE_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "http:/evil",
    "https://",
    "https://ok.example/\x00x",
    None,
    123,
]
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f]")


def run(*args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([RIGHTSJOBS, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done


def hrefs(html: str) -> list[str]:
    return re.findall(r"""href\s*=\s*["']?([^"'\s>]*)""", html, re.I)


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_only_absolute_http_urls_pass(url):
    assert web_url(url) is None
    assert "<a" not in link(url, "Board")
    assert link(url, "<b>Board</b>") == "&lt;b&gt;Board&lt;/b&gt;"


def test_http_urls_pass_and_links_are_escaped():
    assert web_url(" https://jobs.example.org/a?b=1 ") == "https://jobs.example.org/a?b=1"
    assert web_url("HTTP://jobs.example.org/a b") == "HTTP://jobs.example.org/a%20b"
    assert str(link('https://x.example/?a="1"&b=2', "<Board>", "c")) == (
        '<a href="https://x.example/?a=&#34;1&#34;&amp;b=2" class="c">&lt;Board&gt;</a>'
    )
    assert str(link("mailto:jobs@example.org", "jobs@example.org")) == (
        '<a href="mailto:jobs@example.org">jobs@example.org</a>'
    )
    assert "<a" not in link("mailto:jobs@example.org?body=x", "x")


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_neutralised(cell):
    assert neutralise(cell) == "'" + cell
    assert neutralise("Legal " + cell) == "Legal " + cell
    assert neutralise(3.5) == 3.5


@pytest.fixture
def old_store(tmp_path) -> Path:
    """A store written before URLs were checked: a sighting whose URLs are `javascript:`."""
    path = tmp_path / "old.db"
    db = open_db(path)
    evil = make_item(
        "evil", '=HYPERLINK("http://evil.example","Click")', apply_contact="javascript:x()"
    )
    evil |= {"url": "javascript:alert(1)", "apply_url": "javascript:alert(2)"}
    good = make_item("good", "Legal Officer")
    record_run(db, SOURCE, [evil, good], started=started())
    upsert_profiles(db, [{"id": "aigul", "name": "Aigul", "email": "aigul@example.org"}])
    ids = [r["id"] for r in db.query("select id from postings order by title")]
    record_matches(
        db, "aigul", [{"id": i, "score": 0.5, "why": {}} for i in ids], date(2026, 11, 28)
    )
    db.close()
    return path


def test_old_javascript_sighting_is_text_in_coverage_html(old_store):
    html = run("coverage", "--format", "html", "--db", str(old_store), "--as-of", AS_OF).stdout
    assert hrefs(html) == ["https://jobs.example.org/good?utm_source=feed"]
    assert "javascript" not in html
    assert html.count("ngo-board") == 3  # two postings' source lines and the summary row


def test_old_javascript_posting_is_text_in_the_digest_html(old_store, tmp_path):
    out = tmp_path / "preview.html"
    run("digest", "--preview", "aigul", "--out", str(out), "--db", str(old_store), "--as-of", AS_OF)
    html = out.read_text(encoding="utf-8")
    assert "javascript" not in html
    links = hrefs(html)
    assert links[:-1] == ["https://jobs.example.org/good/apply"], links
    assert links[-1].startswith("http://127.0.0.1:8001/unsubscribe/")
    assert "HYPERLINK" in html  # the posting is still shown, as text


def test_coverage_csv_neutralises_formula_cells(old_store):
    out = run("coverage", "--format", "csv", "--db", str(old_store), "--as-of", AS_OF).stdout
    rows = {r["title"]: r for r in csv.DictReader(io.StringIO(out))}
    assert set(rows) == {'\'=HYPERLINK("http://evil.example","Click")', "Legal Officer"}


def registry(tmp_path: Path, url: str) -> str:
    entry = {"id": "srw", "organization": "Steppe Rights Watch", "platform": "greenhouse"}
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump([entry | {"url": url}]), encoding="utf-8")
    return str(path)


def stored_texts(db_path: Path) -> list[str]:
    """Every text value of the postings and sightings tables."""
    db = open_db(db_path)
    texts = [
        value
        for table in ("postings", "sightings")
        for row in db[table].rows
        for value in row.values()
        if isinstance(value, str)
    ]
    db.close()
    return texts


def test_ingest_drops_non_http_items_and_strips_control_characters(tmp_path):
    vacancy = "Vacancy: Legal\x00 Officer in Almaty, Kazakhstan.\x07 Apply by 10 January 2099."
    lines = [
        {
            "source": "srw",
            "url": "https://jobs.example.org/1",
            "title": "Legal\x00 Officer\x1b[31m",
            "description": vacancy,
            "description_html": f"<p>{vacancy}</p>",
            "apply_url": "javascript:alert(1)",
            "locations": [{"raw": "Almaty\x00", "country": "KZ"}],
            "hints": {"apply_url": "javascript:alert(2)"},
        },
        {"source": "srw", "url": "javascript:alert(3)", "title": "Evil", "description": vacancy},
        {
            "source": "srw",
            "url": "https://jobs.example.org/2",
            "title": "Field Researcher",
            "description": vacancy.replace("Legal", "Field"),
            "apply_url": "mailto:jobs@example.org",
        },
    ]
    feed = tmp_path / "feed.jl"
    feed.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    db_path = tmp_path / "t.db"
    run(
        "ingest",
        str(feed),
        "--sources",
        registry(tmp_path, "http://127.0.0.1:9/"),
        "--db",
        str(db_path),
    )
    texts = stored_texts(db_path)
    assert not [t for t in texts if CONTROLS.search(t)]
    assert not [t for t in texts if "javascript" in t]
    db = open_db(db_path)
    rows = {r["title"]: r for r in db.query("select * from postings")}
    assert set(rows) == {"Legal Officer[31m", "Field Researcher"}
    assert rows["Legal Officer[31m"]["apply_url"] is None
    assert rows["Field Researcher"]["apply_url"] is None
    assert rows["Field Researcher"]["apply_contact"] == "jobs@example.org"
    stats = json.loads(next(db.query("select stats from crawl_runs"))["stats"])
    assert stats["item_dropped_reasons_count/NotWebURL"] == 1


def test_crawl_drops_non_http_items_and_strips_nul(tmp_path):
    payload = json.loads(board("Legal\x00 Officer", "Evil Officer", "Field Researcher"))
    payload["jobs"][1]["absolute_url"] = "javascript:alert(1)"
    routes = {"/jobs": Answer(200, json.dumps(payload), GOOD)}
    db_path = tmp_path / "t.db"
    with LocalSite(routes=routes) as site:
        args = ["crawl", "--sources", registry(tmp_path, site.url("/jobs")), "--db", str(db_path)]
        run(*args, "--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False")
    texts = stored_texts(db_path)
    assert not [t for t in texts if CONTROLS.search(t) or "javascript" in t]
    db = open_db(db_path)
    titles = sorted(r["title"] for r in db.query("select title from postings"))
    assert titles == ["Field Researcher", "Legal Officer"]
    stats = json.loads(next(db.query("select stats from crawl_runs"))["stats"])
    assert stats["item_dropped_reasons_count/NotWebURL"] == 1


def test_control_characters_are_stripped_but_lines_kept():
    assert strip_controls("a\x00b\x1bc\td\r\ne\rf\x7f") == "ab" + "c\td\ne\nf\x7f"
    assert scrub({"t\x00": ["x\x00", {"y": "z\x07"}], "n": 5}) == {"t": ["x", {"y": "z"}], "n": 5}
    assert clean_text("Legal\x00 Officer&#0;") == "Legal Officer\ufffd"
