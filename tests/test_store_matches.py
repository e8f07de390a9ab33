"""Recording the matches writes only what changed since the last run, all or none."""

import sqlite3
from datetime import date

import pytest

from rightsjobs.store import record_all_matches

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


def test_a_second_record_of_the_same_ranking_writes_no_row(db):
    record_all_matches(db, shortlists(), DAY)
    before, changes = stored(db), db.conn.total_changes
    record_all_matches(db, shortlists(), LATER)
    assert db.conn.total_changes == changes
    assert stored(db) == before


def test_a_partial_change_ends_as_a_full_rewrite_would(db, tmp_path):
    from rightsjobs.store import open_db

    record_all_matches(db, shortlists(), DAY)
    later = shortlists()
    a = later["a"]
    a[0]["why"] = why("closes 2026-12-27")  # why changed
    a[1]["score"] = 0.95  # rescored
    a[1], a[2] = a[2], a[1]  # ranks swapped
    a.append({"id": "p9", "score": 0.1, "why": why("no deadline stated")})  # new
    del later["b"][0]  # gone
    changes = db.conn.total_changes
    record_all_matches(db, later, LATER)
    assert db.conn.total_changes - changes == 5  # 3 rewritten, 1 inserted, 1 deleted

    fresh = open_db(tmp_path / "fresh.db")
    record_all_matches(fresh, later, LATER)
    assert stored(db) == stored(fresh)
    days = dict(
        ((r[0], r[1]), r[2])
        for r in db.execute("select profile_id, posting_id, as_of from matches")
    )
    assert days == {
        ("a", "p1"): "2026-12-08",
        ("a", "p2"): "2026-12-08",
        ("a", "p3"): "2026-12-08",
        ("a", "p9"): "2026-12-08",
    }


def test_unchanged_rows_keep_the_day_that_wrote_them_and_other_profiles_are_kept(db):
    record_all_matches(db, shortlists(), DAY)
    a_only = {"a": shortlists()["a"][:1]}
    record_all_matches(db, a_only, LATER)
    rows = {
        (r[0], r[1]): r[2] for r in db.execute("select profile_id, posting_id, as_of from matches")
    }
    assert rows == {("a", "p1"): "2026-12-01", ("b", "p1"): "2026-12-01"}


def test_a_failure_while_recording_keeps_the_previous_matches(db):
    record_all_matches(db, shortlists(), DAY)
    before = stored(db)
    broken = shortlists()
    del broken["a"][0]  # a deletion and an update happen before the failing insert
    broken["a"][0]["score"] = 0.3
    broken["a"].append({"id": "p9", "score": {"not": "a number"}, "why": why("x")})
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
