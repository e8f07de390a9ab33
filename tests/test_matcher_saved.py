"""The match index kept next to the database: reused, updated from what changed, never stale,
rebuilt (with a one-line notice) when missing, corrupt or made by another analyser."""

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from matcher import Index, saved
from rightsjobs.cli import cli
from rightsjobs.matching import index_folder, match_all
from rightsjobs.store import upsert_profiles
from rightsjobs.store.crawls import record_run
from tests.conftest import SOURCE, make_item, started

AS_OF = date(2026, 11, 28)
JOBS = {
    "1": ("Legal Officer", "Strategic litigation and legal aid for human rights defenders."),
    "2": ("Campaigner", "Digital campaigning and advocacy on freedom of expression."),
    "3": ("Researcher", "Monitoring and documenting violations; research and reporting."),
    "4": ("Finance Officer", "Accounting, payroll, budgets and audits."),
}
PROFILES = [
    {
        "id": "jean",
        "email": "jean@example.org",
        "about": "Lawyer doing strategic litigation and legal aid.",
        "keywords": ["litigation", "legal aid"],
        "regions": ["Central Asia"],
        "max_items": 10,
    },
    {
        "id": "aigul",
        "email": "aigul@example.org",
        "about": "Campaigner in digital advocacy on freedom of expression.",
        "keywords": ["campaigning", "advocacy"],
        "regions": ["Central Asia"],
        "max_items": 10,
    },
]


def item(job_id: str, title: str | None = None, text: str | None = None) -> dict:
    found = make_item(job_id, title or JOBS[job_id][0])
    found["description"] = text or JOBS[job_id][1]
    return found


def crawl(db, items: list[dict]) -> None:
    record_run(db, SOURCE, items, started=started())


@pytest.fixture
def store(db):
    crawl(db, [item(i) for i in JOBS])
    upsert_profiles(db, PROFILES)
    return db


def match(db, capsys) -> tuple[dict, str]:
    """(results by profile, what the run said on standard error)."""
    results = match_all(db, AS_OF)
    return results, capsys.readouterr().err


def ids(results: dict) -> dict[str, list[str]]:
    return {p: [r["id"] for r in shown] for p, shown in results.items()}


def rebuilt(db, capsys) -> dict:
    """Results of a match with the saved index removed."""
    for path in sorted(index_folder(db).rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    return match(db, capsys)[0]


def test_the_index_is_saved_then_reused(store, capsys):
    first, said = match(store, capsys)
    assert said.count("rebuilding the match index") == 1
    folder = index_folder(store)
    assert folder == Path(f"{store.conn.execute('pragma database_list').fetchone()[2]}.index")
    assert (folder / "CURRENT").is_file()
    second, said = match(store, capsys)
    assert "rebuilding" not in said
    assert second == first
    legal = next(
        r["id"] for r in store.query("select id from postings where title = 'Legal Officer'")
    )
    assert ids(first)["jean"][0] == legal


def test_changes_since_the_save_are_applied(store, capsys):
    match(store, capsys)
    posting_ids = {r["title"]: r["id"] for r in store.query("select id, title from postings")}
    # a week: job 2 rewritten as a legal role, job 3 gone (closed), job 5 new
    crawl(
        store,
        [
            item("1"),
            item("2", "Litigation Lawyer", "Litigation lawyer for strategic cases."),
            item("4"),
            item("5", "Paralegal", "Paralegal giving legal aid in litigation."),
        ],
    )
    results, said = match(store, capsys)
    assert "rebuilding" not in said
    jean = ids(results)["jean"]
    new_id = next(r["id"] for r in store.query("select id from postings where title = 'Paralegal'"))
    assert new_id in jean
    assert posting_ids["Researcher"] not in sum(ids(results).values(), [])
    rewritten = next(r for r in results["jean"] if r["id"] == posting_ids["Campaigner"])
    assert {"litigation", "strategic"} <= set(rewritten["why"]["matched_terms"])  # new words
    assert "campaigning" not in rewritten["why"]["matched_terms"]
    assert sorted(ids(rebuilt(store, capsys))["jean"]) == sorted(jean)


def test_a_corrupt_index_is_rebuilt_with_one_line(store, capsys):
    first, _ = match(store, capsys)
    folder = index_folder(store)
    generation = folder / (folder / "CURRENT").read_text()
    (generation / "x_indices.npy").write_bytes(b"\x93NUMPY garbage")
    (generation / "records.npy").write_bytes((generation / "records.npy").read_bytes()[:100])
    results, said = match(store, capsys)
    assert results == first
    assert said.count("\n") == 1
    assert "rebuilding the match index" in said and "unreadable" in said
    assert "Traceback" not in said


def test_a_missing_generation_is_rebuilt(store, capsys):
    first, _ = match(store, capsys)
    folder = index_folder(store)
    (folder / "CURRENT").write_text("g-never-written")
    (folder / "tmp-g-half-written").mkdir()
    results, said = match(store, capsys)
    assert results == first
    assert "rebuilding the match index" in said


def test_another_analyser_version_is_rebuilt(store, capsys):
    match(store, capsys)
    folder = index_folder(store)
    meta = folder / (folder / "CURRENT").read_text() / "meta.json"
    data = json.loads(meta.read_text())
    data["analyser"] = "0" * 16
    meta.write_text(json.dumps(data))
    _, said = match(store, capsys)
    assert "the text analysis changed" in said


def test_a_loaded_index_ranks_like_the_saved_one(tmp_path):
    postings = [
        {
            "id": i,
            "is_vacancy": True,
            "title": title,
            "text": text,
            "countries": ["KZ"],
            "regions": ["Central Asia"],
        }
        for i, (title, text) in JOBS.items()
    ]
    index = Index(postings)
    saved.save(index, tmp_path, {p["id"]: "same" for p in postings})
    loaded, marks = saved.load(tmp_path)
    assert marks == {p["id"]: "same" for p in postings}
    back, _ = saved.current(tmp_path, postings, lambda p: "same", print)
    assert back.rank(PROFILES, as_of=AS_OF) == index.rank(PROFILES, as_of=AS_OF)
    assert len(loaded) == len(index)


def test_rightsjobs_match_says_once_that_it_rebuilds(store):
    path = store.conn.execute("pragma database_list").fetchone()[2]
    args = ["match", "--db", path, "--as-of", AS_OF.isoformat()]
    first = CliRunner().invoke(cli, args)
    again = CliRunner().invoke(cli, args)
    assert first.exit_code == again.exit_code == 0, first.output
    assert first.output.count("rebuilding the match index") == 1
    assert "rebuilding" not in again.output
    assert "Traceback" not in first.output + again.output
    steps = ("read the store", "load and update the index", "rank", "record the matches")
    took = next(line for line in again.output.splitlines() if line.startswith("time taken: "))
    assert [part.rsplit(" ", 2)[0] for part in took[12:].split(", ")] == list(steps)


def test_how_postings_write_their_words_is_saved_and_found_again_for_a_changed_text(store, capsys):
    folder = index_folder(store)
    folder.mkdir()
    (folder / "surfaces.json").write_text("{}")  # what an older version kept beside
    first, _ = match(store, capsys)
    assert not (folder / "surfaces.json").exists()
    legal = ids(first)["jean"][0]
    loaded, _ = saved.load(folder)
    assert "litigation" in [loaded.forms[i] for i in range(len(loaded.forms))]
    terms = {r["id"]: r["why"]["matched_terms"] for r in match(store, capsys)[0]["jean"]}
    assert "litigation" in terms[legal]  # read from the saved index
    shouting = JOBS["1"][1].replace("litigation", "LITIGATION")
    crawl(store, [item(i) for i in JOBS if i != "1"] + [item("1", text=shouting)])
    terms = {r["id"]: r["why"]["matched_terms"] for r in match(store, capsys)[0]["jean"]}
    assert "LITIGATION" in terms[legal] and "litigation" not in terms[legal]


def test_damaged_forms_are_rebuilt_with_one_line(store, capsys):
    first, _ = match(store, capsys)
    folder = index_folder(store)
    generation = folder / (folder / "CURRENT").read_text()
    numbers = np.load(generation / "x_forms.npy")
    np.save(generation / "x_forms.npy", numbers + 10**6)
    results, said = match(store, capsys)
    assert results == first
    assert "rebuilding the match index" in said and "form numbers out of range" in said


def test_a_change_of_fields_alone_is_seen_and_a_warm_match_equals_a_cold_one(store, capsys):
    first, _ = match(store, capsys)
    legal = ids(first)["jean"][0]
    folder = index_folder(store)
    generation = (folder / "CURRENT").read_text()
    store.execute("update postings set last_seen = '2026-11-27T00:00:00+00:00'")
    store.conn.commit()
    same, said = match(store, capsys)
    assert same == first and "rebuilding" not in said
    assert (folder / "CURRENT").read_text() == generation  # volatile columns: nothing to save
    store.execute(
        "update postings set countries = '[\"FR\"]', regions = '[\"Europe\"]' where id = ?",
        [legal],
    )
    store.conn.commit()
    warm, said = match(store, capsys)
    assert "rebuilding" not in said
    assert (folder / "CURRENT").read_text() != generation
    assert legal not in ids(warm)["jean"]  # jean looks in Central Asia only
    assert warm == rebuilt(store, capsys)


def test_what_each_profile_kept_is_saved_and_a_damaged_file_costs_only_a_full_search(store, capsys):
    first, _ = match(store, capsys)
    folder = index_folder(store)
    memory = saved.load_memory(folder)
    assert set(memory.entries) == {"jean", "aigul"} and memory.day == AS_OF.toordinal()
    assert memory.lineage == saved.load(folder)[0].lineage
    kept = memory.entries["jean"].posting.tolist()
    assert kept[: len(first["jean"])] == [
        saved.load(folder)[0].position[r["id"]] for r in first["jean"]
    ]
    again, _ = match(store, capsys)
    assert again == first and saved.load_memory(folder).searched_in_full == 0
    (folder / saved.MEMORY).write_bytes(b"not a zip file")
    assert saved.load_memory(folder).entries == {}
    after, said = match(store, capsys)
    assert after == first and said == ""
    assert saved.load_memory(folder).searched_in_full == 2


def test_the_matches_keep_the_matched_terms_and_the_facts_the_digest_words(store, capsys):
    results, _ = match(store, capsys)
    stored = {
        (r["profile_id"], r["posting_id"]): json.loads(r["why"])
        for r in store.query("select profile_id, posting_id, why from matches")
    }
    assert stored == {(p, r["id"]): r["why"] for p, shown in results.items() for r in shown}
    assert stored and all(set(why) == {"matched_terms", "fit"} for why in stored.values())
