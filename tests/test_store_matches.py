"""Recording the matches writes only the shortlists that changed since the last run, all or
none; the `matches` view reads them back a match per row."""

import sqlite3
from datetime import date

import orjson
import pytest

from rightsjobs.store import record_all_matches, recorded_matches

DAY, LATER = date(2026, 12, 1), date(2026, 12, 8)
FIT = {"languages": {"required": ["en"], "have": {"en": "native"}}, "region": {"kind": None}}


def why(deadline: str, terms: tuple[str, ...] = ("advocacy",)) -> dict:
    return {
        "matched_terms": list(terms),
        "deadline": deadline,
        "summary": "Officer — Kyiv",
        "fit": FIT,
    }


def shortlists() -> dict[str, list[dict]]:
    return {
        "a": [
            {"id": "p1", "score": 0.9, "why": why("closes 2026-12-20")},
            {"id": "p2", "score": 0.8, "why": why("no deadline stated")},
            {"id": "p3", "score": 0.7, "why": why("no deadline stated", ("rights", "Genève"))},
        ],
        "b": [{"id": "p1", "score": 0.5, "why": why("closes 2026-12-20")}],
    }


def stored(db) -> list[tuple]:
    return list(
        db.execute(
            "select profile_id, posting_id, rank, score, why from matches "
            "order by profile_id, posting_id"
        )
    )


def days(db) -> dict[tuple[str, str], str]:
    return {
        (r[0], r[1]): r[2] for r in db.execute("select profile_id, posting_id, as_of from matches")
    }


def test_a_second_record_of_the_same_ranking_writes_no_row(db):
    record_all_matches(db, shortlists(), DAY)
    before, changes = stored(db), db.conn.total_changes
    record_all_matches(db, shortlists(), LATER)
    assert db.conn.total_changes == changes
    assert stored(db) == before


def test_the_matches_read_back_as_recorded_a_row_each(db):
    record_all_matches(db, shortlists(), DAY)
    assert stored(db) == [
        ("a", "p1", 1, 0.9, orjson.dumps(why("closes 2026-12-20")).decode()),
        ("a", "p2", 2, 0.8, orjson.dumps(why("no deadline stated")).decode()),
        ("a", "p3", 3, 0.7, orjson.dumps(why("no deadline stated", ("rights", "Genève"))).decode()),
        ("b", "p1", 1, 0.5, orjson.dumps(why("closes 2026-12-20")).decode()),
    ]
    assert list(recorded_matches(db, "a")) == ["p1", "p2", "p3"]  # best first
    assert recorded_matches(db, "a")["p3"]["matched_terms"] == ["rights", "Genève"]
    assert recorded_matches(db, "nobody") == {}


def test_a_changed_list_is_rewritten_alone_and_ends_as_a_full_rewrite_would(db, tmp_path):
    from rightsjobs.store import open_db

    record_all_matches(db, shortlists(), DAY)
    later = shortlists()
    a = later["a"]
    a[0]["why"] = why("closes 2026-12-27")  # why changed
    a[1]["score"] = 0.95  # rescored
    a[1], a[2] = a[2], a[1]  # ranks swapped
    a.append({"id": "p9", "score": 0.1, "why": why("no deadline stated")})  # new
    changes = db.conn.total_changes
    record_all_matches(db, later, LATER)
    assert db.conn.total_changes - changes == 1  # a's list; b's is the same

    fresh = open_db(tmp_path / "fresh.db")
    record_all_matches(fresh, later, LATER)
    assert stored(db) == stored(fresh)
    assert days(db) == {
        ("a", "p1"): "2026-12-08",
        ("a", "p3"): "2026-12-08",
        ("a", "p2"): "2026-12-08",
        ("a", "p9"): "2026-12-08",
        ("b", "p1"): "2026-12-01",
    }


def test_an_empty_list_deletes_the_profile_s_matches_and_others_are_kept(db):
    record_all_matches(db, shortlists(), DAY)
    record_all_matches(db, {"a": [], "c": []}, LATER)
    assert days(db) == {("b", "p1"): "2026-12-01"}
    assert db["shortlists"].count == 1


def test_a_failure_while_recording_keeps_the_previous_matches(db):
    record_all_matches(db, shortlists(), DAY)
    before = stored(db)
    broken: dict = {**shortlists(), "b": []}  # a deletion and an update before the failure
    broken["a"][0]["score"] = 0.3
    broken[("not", "an id")] = shortlists()["b"]  # type: ignore[index]
    with pytest.raises(sqlite3.ProgrammingError):
        record_all_matches(db, broken, LATER)
    assert stored(db) == before


def test_the_match_reads_only_postings_open_on_its_day(db):
    from rightsjobs.matching import open_postings

    rows = [
        ("due-later", "open", "2026-12-09"),
        ("due-today", "open", "2026-12-08"),
        ("past", "open", "2026-12-07"),
        ("no-deadline", "open", None),
        ("blank-deadline", "open", ""),
        ("delisted", "closed", "2026-12-31"),
    ]
    db["postings"].insert_all(
        {"id": i, "title": i, "is_vacancy": 1, "status": s, "deadline": d, "first_seen": i}
        for i, s, d in rows
    )
    db["postings"].insert({"id": "unstamped", "title": "x", "is_vacancy": 1, "status": "open"})
    postings, marks = open_postings(db, LATER)
    wanted = {"due-later", "due-today", "no-deadline", "blank-deadline", "unstamped"}
    assert {p["id"] for p in postings} == set(marks) == wanted
    in_order = ["unstamped", "blank-deadline", "due-later", "due-today", "no-deadline"]
    assert [p["id"] for p in postings] == in_order  # by first_seen (none first), then id


def test_upgrading_keeps_each_profile_s_matches_in_rank_order(tmp_path):
    from sqlite_utils import Database

    from rightsjobs.store import migrations, open_db

    old = Database(tmp_path / "old.db")
    migrations.apply(old, stop_before="m011_shortlists")
    columns = ("profile_id", "posting_id", "rank", "score", "why", "as_of", "matched_at")
    rows = [  # out of order; a's second match kept from the week before
        ("a", "p3", 3, 0.7, why("x", ("rights",)), "2026-12-08", "2026-12-08T06:00:00+00:00"),
        ("a", "p1", 1, 0.9, why("y"), "2026-12-08", "2026-12-08T06:00:00+00:00"),
        ("b", "p1", 1, 0.5, None, "2026-12-01", "2026-12-01T06:00:00+00:00"),
        ("a", "p2", 2, 0.8, why("z"), "2026-12-01", "2026-12-01T06:00:00+00:00"),
    ]
    for row in rows:
        match = dict(zip(columns, row, strict=True))
        match["why"] = orjson.dumps(match["why"]).decode() if match["why"] else None
        old["matches"].insert(match)
    old.close()

    db = open_db(tmp_path / "old.db")
    assert list(recorded_matches(db, "a")) == ["p1", "p2", "p3"]
    assert recorded_matches(db, "a")["p3"] == why("x", ("rights",))
    assert recorded_matches(db, "b") == {"p1": {}}
    assert [(r[0], r[1], r[2], r[3]) for r in stored(db)] == [
        ("a", "p1", 1, 0.9),
        ("a", "p2", 2, 0.8),
        ("a", "p3", 3, 0.7),
        ("b", "p1", 1, 0.5),
    ]
    assert days(db)[("a", "p2")] == "2026-12-08"  # a list keeps its latest day
