"""The README's first command, end to end: crawl the bundled sites over HTTP, match, mail."""

import json
import subprocess
import sys
import time
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest

from rightsjobs.store import open_db

EXPECTED = json.loads(
    (Path(__file__).resolve().parent.parent / "rightsjobs/demo/expected.json").read_text("utf-8")
)
SOURCE_OF = {
    "greenhouse": "demo-steppe-greenhouse",
    "lever": "demo-baltic-lever",
    "blog": "demo-defenders-blog",
    "careers": "demo-andean-careers",
}


def demo(tmp_path):
    args = [sys.executable, "-m", "rightsjobs", "demo", "--db", str(tmp_path / "demo.db")]
    args += ["--outbox", str(tmp_path / "outbox")]
    started = time.monotonic()
    done = subprocess.run(args, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return done, time.monotonic() - started


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("demo")
    done, seconds = demo(tmp_path)
    return tmp_path, done, seconds, open_db(tmp_path / "demo.db")


def posting_of(db, key: str) -> str:
    """The posting id of an expected.json key like `blog/feed/index.xml:4518`."""
    path, native = key.split(":", 1)
    source = SOURCE_OF[path.split("/")[0]]
    sql = (
        "select posting_id from sightings where source = ? "
        "and (source_job_id = ? or source_job_id like ? or url like ?)"
    )
    rows = list(db.query(sql, [source, native, f"%?p={native}", f"%/{native}%"]))
    assert len(rows) == 1, key
    return rows[0]["posting_id"]


def test_every_source_is_crawled_healthily(ran):
    _, done, seconds, db = ran
    runs = {r["source"]: r for r in db.query("select * from crawl_runs")}
    for kind, count in EXPECTED["per_source_items"].items():
        assert runs[SOURCE_OF[kind]]["status"] == "ok"
        assert runs[SOURCE_OF[kind]]["items"] == count
    assert seconds < 60


def test_vacancies_news_and_duplicates(ran):
    _, done, _, db = ran
    news = sum(r["news_skipped"] for r in db.query("select news_skipped from crawl_runs"))
    assert news == EXPECTED["news_items"]
    assert (
        db.execute("select count(*) from postings").fetchone()[0] == EXPECTED["vacancies_distinct"]
    )
    for a, b in EXPECTED["duplicate_pairs"]:
        assert posting_of(db, a) == posting_of(db, b), (a, b)
    for a, b in EXPECTED["same_title_not_duplicates"]:
        assert posting_of(db, a) != posting_of(db, b), (a, b)
    assert f"Duplicates merged: {len(EXPECTED['duplicate_pairs'])}" in done.stderr


def test_closed_postings_are_not_matched(ran):
    _, _, _, db = ran
    closed = {posting_of(db, key) for key in EXPECTED["closed_as_of_2026-11-28"]}
    matched = {r["posting_id"] for r in db.query("select posting_id from matches")}
    assert matched and not closed & matched


def test_each_profile_gets_a_digest_with_its_matches(ran):
    tmp_path, done, _, db = ran
    profiles = [r["id"] for r in db.query("select id from profiles")]
    assert len(profiles) >= 5
    for pid in profiles:
        titles = [
            r["title"]
            for r in db.query(
                "select p.title from matches m join postings p on p.id = m.posting_id "
                "where m.profile_id = ? order by m.rank",
                [pid],
            )
        ]
        assert titles, f"{pid} has no matches"
        [eml] = (tmp_path / "outbox").glob(f"{pid}-*.eml")
        message = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
        assert message.get_content_type() == "multipart/alternative"
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert titles[0].split(" (")[0] in text
        assert eml.with_suffix(".html").is_file()
        assert "List-Unsubscribe" in message and "<html" in html.lower()
        assert str(eml) in done.stderr or eml.name in done.stderr


def test_rerunning_the_demo_duplicates_nothing(ran):
    tmp_path, _, _, db = ran
    counts = {
        "postings": "select count(*) from postings",
        "open sightings": "select count(*) from sightings where status = 'open'",
        "profiles": "select count(*) from profiles",
        "digests": "select count(*) from digests",
    }
    before = {name: db.execute(sql).fetchone()[0] for name, sql in counts.items()}
    demo(tmp_path)
    db = open_db(tmp_path / "demo.db")
    assert {name: db.execute(sql).fetchone()[0] for name, sql in counts.items()} == before
