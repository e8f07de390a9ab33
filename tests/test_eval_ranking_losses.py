"""The loss diagnosis: its score parts are the ranker's own, and each miss gets one kind."""

from datetime import date

import pytest

from eval import ranking_losses
from eval.corpus import split_items
from eval.rankers import gold_posting
from eval.ranking import PROFILES
from eval.ranking_losses import Pair, pair_parts
from matcher.rank import Index
from rightsjobs.profiles import load_profiles


def pair(**changes) -> Pair:
    parts = {"cos": 0.1, "topical": True, "fam": 1.0, "rel": 0.2, "soft": 1.1, "fails": []}
    return Pair(**{**parts, **changes})


@pytest.mark.parametrize(
    ("changes", "kind"),
    [
        ({"fails": ["place", "languages"]}, "hard requirement: place+languages"),
        ({"cos": 0.0, "rel": 0.0}, "no shared term"),
        ({"topical": False, "rel": 0.0}, "no topical term shared"),
        ({"fam": 0.0, "cos": 0.05, "rel": 0.0}, "unrelated role family"),
        ({"rel": 0.0}, "below the floor"),
        ({}, "outscored"),
    ],
)
def test_each_miss_gets_one_kind(changes, kind):
    assert pair(**changes).kind() == kind


def test_a_failed_requirement_scores_nothing():
    assert pair(fails=["seniority"]).score == 0
    assert pair().score == pytest.approx(0.22)


def test_recomputed_parts_give_the_ranker_scores():
    profiles = load_profiles(PROFILES)
    index = Index([gold_posting(i) for i in split_items("validation")])
    today = date.today()
    shown = index.rank(profiles, 10, today, include_closed=True)
    parts = pair_parts(index, profiles, today)
    checked = 0
    for results, pairs in zip(shown, parts, strict=True):
        for result in results:
            assert pairs[result["id"]].score == pytest.approx(result["score"], abs=2e-4)
            checked += 1
    assert checked > 50


def test_the_report_names_misses_and_counts_kinds():
    text = ranking_losses.report("validation", gold=True)
    assert text.startswith("== ")
    assert text.splitlines()[-1].startswith("kinds of misses: ")
