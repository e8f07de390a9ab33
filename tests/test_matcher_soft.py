"""Soft signals: a role far below the person's experience, or written in a language the person
lacks, keeps little of its score, and no mix of penalties takes a score to zero or below."""

from datetime import date

import pytest

from matcher import fit

TODAY = date(2025, 9, 1).toordinal()


def factor(posting: dict, profile: dict, text_lang: str | None = "en") -> float:
    [p] = fit.posting_records([posting], [text_lang])
    [q] = fit.profile_records([{"id": "x", **profile}])
    return fit.soft_factor(p, q, TODAY)


VETERAN = {"years_experience": 16, "languages": {"en": "native", "es": "fluent"}}


def test_a_trainee_post_keeps_little_for_a_veteran():
    trainee = factor({"seniority": "entry"}, VETERAN)
    director = factor({"seniority": "director"}, VETERAN)
    assert director == pytest.approx(1.0)
    assert trainee < 0.5


def test_a_description_in_a_language_the_person_lacks_keeps_little():
    assert factor({}, VETERAN, "es") == pytest.approx(1.0)
    assert factor({}, VETERAN, "hu") < 0.5


def test_penalties_together_stop_at_the_floor():
    due = date.fromordinal(TODAY + 1).isoformat()
    worst = factor({"seniority": "entry", "deadline": due}, VETERAN, "hu")
    assert worst == pytest.approx(fit.FACTOR_FLOOR)
    assert worst > 0
