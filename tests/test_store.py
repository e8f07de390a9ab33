"""The store: idempotent schema, incremental crawl writes, closing only on healthy runs."""

import json

import pytest

from rightsjobs.store import effective_status, open_db
from rightsjobs.store.crawls import record_run
from tests.conftest import SOURCE, make_item, started


def run(db, items, **kw):
    return record_run(db, SOURCE, items, started=started(), **kw)


def postings(db):
    return {r["id"]: r for r in db.query("select * from postings")}


def test_schema_is_created_once_and_reopened_without_change(tmp_path):
    path = tmp_path / "x.db"
    open_db(path).close()
    db = open_db(path)
    assert {
        "sources",
        "postings",
        "sightings",
        "crawl_runs",
        "profiles",
        "shortlists",
        "digests",
    } <= set(db.table_names())
    assert db.view_names() == ["matches"]
    names = [r["name"] for r in db.query("select name from _sqlite_migrations")]
    assert len(names) == len(set(names))


def test_recrawl_updates_last_seen_and_never_duplicates(db):
    items = [make_item("1", "Researcher"), make_item("2", "Campaigner")]
    first = run(db, items)
    assert first["new_postings"] == 2 and first["status"] == "ok"
    before = postings(db)
    second = run(db, items)
    assert second["new_postings"] == 0
    assert db["postings"].count == 2 and db["sightings"].count == 2
    after = postings(db)
    assert all(after[k]["first_seen"] == before[k]["first_seen"] for k in after)
    assert db["crawl_runs"].count == 2


def test_changed_fields_are_updated(db):
    run(db, [make_item("1", "Researcher")])
    summary = run(db, [make_item("1", "Senior Researcher")])
    assert summary["updated"] == 1
    assert [r["title"] for r in db.query("select title from postings")] == ["Senior Researcher"]


def test_healthy_crawl_closes_what_disappeared(db):
    run(db, [make_item("1", "Researcher"), make_item("2", "Campaigner")])
    summary = run(db, [make_item("1", "Researcher")])
    assert summary["closed"] == 1
    status = {r["title"]: r["status"] for r in db.query("select title, status from postings")}
    assert status == {"Researcher": "open", "Campaigner": "closed"}


@pytest.mark.parametrize(
    ("items", "failure", "expected"),
    [([], None, "empty"), ([make_item("1", "Researcher")], "HTTP 500 at /jobs", "failed")],
)
def test_unhealthy_crawl_closes_nothing(db, items, failure, expected):
    run(db, [make_item("1", "Researcher"), make_item("2", "Campaigner")])
    summary = run(db, items, failure=failure)
    assert summary["status"] == expected and summary["closed"] == 0
    assert {r["status"] for r in db.query("select status from postings")} == {"open"}


def test_a_crawl_that_lost_most_items_is_shrunk_and_closes_nothing(db):
    items = [make_item(str(i), f"Officer {i}") for i in range(10)]
    run(db, items)
    summary = run(db, items[:3])
    assert summary["status"] == "shrunk" and summary["closed"] == 0


def test_reappearing_posting_is_reopened(db):
    run(db, [make_item("1", "Researcher"), make_item("2", "Campaigner")])
    run(db, [make_item("1", "Researcher")])
    summary = run(db, [make_item("1", "Researcher"), make_item("2", "Campaigner")])
    assert summary["reopened"] == 1
    row = next(db.query("select * from postings where title = 'Campaigner'"))
    assert row["status"] == "open" and row["reopened_at"]


def test_news_items_are_not_stored_as_postings(db):
    news = make_item("9", "Statement on a trial", is_vacancy=False)
    summary = run(db, [make_item("1", "Researcher"), news])
    assert summary["news_skipped"] == 1 and db["postings"].count == 1


def test_same_job_on_two_sources_is_one_posting_with_two_sightings(db):
    run(db, [make_item("1", "Researcher")])
    other = {**SOURCE, "id": "blog", "platform": "feed"}
    item = make_item("blog-77", "Researcher")
    item["apply_url"] = "https://jobs.example.org/1/apply?utm_campaign=x"
    record_run(db, other, [item], started=started())
    assert db["postings"].count == 1
    assert {r["source"] for r in db.query("select source from sightings")} == {"ngo-board", "blog"}


def test_interrupted_write_leaves_the_database_as_it_was(db):
    run(db, [make_item("1", "Researcher")])
    broken = make_item("2", "Campaigner")
    del broken["description"]
    with pytest.raises(KeyError):
        run(db, [make_item("3", "Lawyer"), broken])
    assert db["postings"].count == 1 and db["crawl_runs"].count == 1


def test_later_deadline_from_any_source_wins(db):
    run(db, [make_item("1", "Researcher")])
    other = {**SOURCE, "id": "blog", "platform": "feed"}
    item = make_item("b1", "Researcher", deadline="2027-02-01")
    item["apply_url"] = "https://jobs.example.org/1/apply"
    record_run(db, other, [item], started=started())
    row = next(db.query("select deadline from postings"))
    assert row["deadline"] == "2027-02-01"


def test_effective_status_closes_past_deadlines():
    from datetime import date

    row = {"status": "open", "deadline": "2026-11-27"}
    assert effective_status(row, date(2026, 11, 28)) == "closed"
    assert effective_status({**row, "deadline": "2026-11-28"}, date(2026, 11, 28)) == "open"
    assert effective_status({**row, "deadline": None}, date(2026, 11, 28)) == "open"


def test_stats_are_kept_per_run(db):
    run(db, [make_item("1", "Researcher")], stats={"downloader/request_count": 3})
    row = next(db.query("select * from crawl_runs"))
    assert row["requests"] == 3 and json.loads(row["stats"])["downloader/request_count"] == 3


def test_reloading_profiles_keeps_an_unsubscribe(db):
    from rightsjobs.store import active_profiles, upsert_profiles

    upsert_profiles(db, [{"id": "a", "email": "a@example.org"}, {"id": "b"}])
    db.execute("update profiles set active = 0 where id = 'a'")
    upsert_profiles(db, [{"id": "a", "email": "a@example.org"}, {"id": "b"}])
    assert [p["id"] for p in active_profiles(db)] == ["b"]


def test_list_fields_survive_repeated_crawls_and_merges(db):
    for _ in range(3):
        run(db, [make_item("1", "Researcher")])
        other = {**SOURCE, "id": "blog", "platform": "feed"}
        item = make_item("b1", "Researcher")
        item["apply_url"] = "https://jobs.example.org/1/apply"
        record_run(db, other, [item], started=started())
    [row] = list(db.query("select countries, regions from postings"))
    assert json.loads(row["countries"]) == ["KZ"]
    assert json.loads(row["regions"]) == ["Central Asia"]


def test_an_ats_listing_outranks_a_blog_copy_whatever_the_order(db):
    blog = {**SOURCE, "id": "blog", "platform": "feed"}
    copy = make_item("b1", "We are hiring: Researcher!")
    copy["apply_url"] = "https://jobs.example.org/1/apply"
    original = {**make_item("1", "Researcher"), "is_job": True}
    record_run(db, blog, [copy], started=started())
    for _ in range(2):
        run(db, [original])
        record_run(db, blog, [copy], started=started())
        [row] = list(db.query("select title, provider from postings"))
        assert row == {"title": "Researcher", "provider": "ngo-board"}


def test_matches_of_many_profiles_are_replaced_in_one_step(db):
    from datetime import date

    from rightsjobs.store import record_all_matches, seen_by_profile

    why = {"matched_terms": ["advocacy"]}
    first = {
        "a": [{"id": "p1", "score": 0.9, "why": why}],
        "b": [{"id": "p2", "score": 0.5, "why": why}],
    }
    record_all_matches(db, first, date(2026, 12, 1))
    record_all_matches(db, {"a": [{"id": "p3", "score": 0.7, "why": why}]}, date(2026, 12, 2))
    rows = sorted((r["profile_id"], r["posting_id"], r["rank"]) for r in db["matches"].rows)
    assert rows == [("a", "p3", 1), ("b", "p2", 1)]  # a replaced, b kept
    db["hidden"].insert({"profile_id": "b", "posting_id": "p9", "at": "2026-12-01"})
    assert seen_by_profile(db, ["a", "b"]) == {"a": set(), "b": {"p9"}}


def test_seen_postings_for_a_match_are_only_those_that_may_still_be_open(db):
    from datetime import date

    from rightsjobs.store import seen_by_profile

    run(db, [make_item("1", "Researcher")])
    past = make_item("2", "Campaigner", deadline="2026-11-30")
    run(db, [past, make_item("3", "Lawyer"), make_item("4", "Press officer")])  # 1 closed
    ids = {r["title"]: r["id"] for r in db.query("select id, title from postings")}
    db["postings"].update(ids["Press officer"], {"is_vacancy": 0})
    db["deliveries"].insert_all(
        {"profile_id": "a", "posting_id": pid, "digest_id": "d1", "sent_at": "2026-12-01"}
        for pid in [*ids.values(), "gone-from-the-store"]
    )
    db["deliveries"].insert({"profile_id": "b", "posting_id": ids["Lawyer"], "digest_id": "d2"})
    assert seen_by_profile(db, ["a"])["a"] == {*ids.values(), "gone-from-the-store"}
    assert seen_by_profile(db, ["a"], open_on=date(2026, 12, 5)) == {"a": {ids["Lawyer"]}}


def test_the_sql_and_python_rules_for_a_changed_delivery_agree(db):
    from itertools import product

    from rightsjobs.store.tables import CHANGED_SINCE_DELIVERY, _changes

    sql = (
        f"select coalesce({CHANGED_SINCE_DELIVERY}, 0) "
        "from (select ? as deadline, ? as sent_at) d, (select ? as deadline, ? as reopened_at) p"
    )
    values = [None, "", "2026-12-01", "2026-12-10", "2026-12-10T09:00:00+00:00"]
    for case in product(values, repeat=4):
        [(changed,)] = db.execute(sql, case).fetchall()
        assert bool(changed) == any(_changes(*case)), case
