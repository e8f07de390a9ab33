"""The corpus ranking evaluation: its profiles and judgments load, its scores are right."""

import json
import math
from datetime import date

import pytest

from eval import ranking
from eval.corpus import split_items
from eval.rankers import gold_posting
from matcher import fit
from rightsjobs.errors import InputError
from rightsjobs.profiles import load_profiles

JUDGED_SPLITS = ("train", "validation", "test")


@pytest.fixture(scope="module")
def profiles() -> list[dict]:
    return load_profiles(ranking.PROFILES)


@pytest.fixture(scope="module")
def judged_items() -> list[dict]:
    return [item for split in JUDGED_SPLITS for item in split_items(split)]


def test_shipped_profiles_are_invented_people_across_roles(profiles):
    assert len(profiles) >= 12
    assert all(p["email"].endswith("@example.org") for p in profiles)
    assert len({tuple(p["regions"]) for p in profiles}) >= 8


def test_every_vacancy_of_every_split_is_judged_for_every_profile(profiles, judged_items):
    judgments = ranking.load_judgments(ranking.JUDGMENTS, profiles, judged_items)
    vacancies = {i["id"] for i in judged_items if i["is_vacancy"]}
    assert set(judgments) == {p["id"] for p in profiles}
    for grades in judgments.values():
        assert vacancies <= set(grades)
    for split in JUDGED_SPLITS:
        ids = {i["id"] for i in split_items(split)}
        with_relevant = [p for p, g in judgments.items() if any(g[i] for i in g if i in ids)]
        assert len(with_relevant) >= 9, split


def test_no_relevant_grade_is_given_to_a_posting_failing_a_hard_requirement(profiles, judged_items):
    judgments = ranking.load_judgments(ranking.JUDGMENTS, profiles, judged_items)
    gold = {i["id"]: gold_posting(i) for i in judged_items}
    for profile in profiles:
        for item_id, grade in judgments[profile["id"]].items():
            if grade:
                failed = fit.failures(gold[item_id], profile, date.today(), True)
                assert not failed, (profile["id"], item_id, failed)


def write(tmp_path, data) -> object:
    path = tmp_path / "judgments.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


PEOPLE = [{"id": "ana"}]
ITEMS = [{"id": "v1"}, {"id": "v2"}]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"bob": {"v1": 1}}, "judgments.json: bob: no profile has this id"),
        ({"ana": {"v9": 1}}, "judgments.json: ana: v9: no corpus item has this id"),
        ({"ana": {"v1": 3}}, "judgments.json: ana: v1: grade 3 is not 0, 1 or 2"),
        ({"ana": {"v1": True}}, "judgments.json: ana: v1: grade True is not 0, 1 or 2"),
        ({"ana": [1]}, "judgments.json: ana: expected an object {posting id: grade}"),
        ('{"ana":\n {"v1": 1,}}', "judgments.json:2: not JSON"),
    ],
)
def test_bad_judgments_name_the_file_and_field(tmp_path, data, message):
    with pytest.raises(InputError) as caught:
        ranking.load_judgments(write(tmp_path, data), PEOPLE, ITEMS)
    assert message in str(caught.value)


def test_cli_reports_bad_judgments_in_one_line(tmp_path, capsys):
    path = write(tmp_path, {"nobody": {}})
    assert ranking.main(["--judgments", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nobody: no profile has this id" in err


def test_bm25_puts_the_posting_on_the_persons_field_first():
    postings = [
        {"id": "books", "text": "Finance assistant to keep the accounts and the payroll."},
        {"id": "refuge", "text": "Protection officer interviewing refugees and asylum seekers."},
        {"id": "press", "text": "Press officer writing statements for the media."},
    ]
    person = {"about": "Five years of refugee protection work", "keywords": ["asylum"]}
    assert ranking.bm25(postings, [person], k=2) == [["refuge", "books"]]


def test_ndcg_of_a_swapped_pair():
    got = 1 / math.log2(2) + 3 / math.log2(3)
    best = 3 / math.log2(2) + 1 / math.log2(3)
    assert ranking.ndcg_at_k(["b", "a"], {"a": 2, "b": 1}) == pytest.approx(got / best)


def test_mean_leaves_out_profiles_without_a_relevant_posting_and_the_table_says_so():
    report = ranking.Report(
        split="validation",
        items=3,
        profiles=[{"id": "ana"}, {"id": "ben"}],
        ndcg={m: [0.5, None] for m in ranking.METHODS},
        results=[[{"id": "v1"}], []],
        judged=[{"v1": 1, "v2": 2}, {"v1": 0}],
        violations=0,
        violations_on_gold=0,
    )
    assert report.mean("ranker") == 0.5
    table = ranking.format_report(report)
    assert "ben" in table and "n/a" in table and "v1(1)" in table
    assert "mean over the 1 profiles with a relevant posting" in table
