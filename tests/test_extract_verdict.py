"""The vacancy verdict: the text classifier's score weighed with the fields found."""

import json
from pathlib import Path

import pytest

from understand import extract
from understand.text import Doc, normalise
from understand.vacancy import vacancy_scores
from understand.verdict import (
    MODEL_FILE,
    SIGNALS,
    Verdict,
    log_odds,
    model,
    signals,
    strongest_signal,
)

REPO = Path(__file__).resolve().parent.parent

ADVERT = """Programme Officer (Central Asia)

The Civic Space Network is recruiting a Programme Officer based in Bishkek, Kyrgyzstan.
Full-time, fixed-term contract of 12 months.
Requirements: at least 3 years of experience in human rights work; fluent Russian and English.
Deadline for applications: 15 January 2027. Send your CV to jobs@example.org."""

NEWS = """Annual report launched

The Civic Space Network presented its annual report on the state of civic freedoms at a
meeting with partners. The report finds that restrictions on assembly grew in the region.
Members of the network discussed the findings and their plans for the coming year."""


def test_signals_say_which_fields_were_found():
    found = {
        "title": "Programme Officer",
        "organization": None,
        "countries": ["KG"],
        "deadline": "2027-01-15",
        "min_years_experience": 0,
        "contract_type": "fellowship",
        "seniority": "mid",
        "apply_contact": "",
        "languages_required": [],
        "remote": "no",
    }
    assert dict(zip(SIGNALS, signals(found), strict=True)) == {
        "title": 1.0,
        "organization": 0.0,
        "countries": 1.0,
        "deadline": 1.0,
        "min_years_experience": 1.0,  # zero years is a value found
        "seniority": 1.0,
        "apply_contact": 0.0,
        "languages_required": 0.0,
        "remote": 1.0,
        "contract_type=permanent": 0.0,  # the contract by its kind
        "contract_type=fixed-term": 0.0,
        "contract_type=consultancy": 0.0,
        "contract_type=internship": 0.0,
        "contract_type=fellowship": 1.0,
        "contract_type=volunteer": 0.0,
        "title=role": 1.0,  # the title names a role
    }
    assert not any(signals({"contract_type": "unknown"}))
    assert signals({"title": "Annual report launched"})[SIGNALS.index("title=role")] == 0.0
    assert signals({"title": "Juriste stagiaire"})[SIGNALS.index("title=role")] == 1.0


def test_the_shipped_model_weighs_every_signal():
    weights = json.loads((REPO / "understand" / "data" / MODEL_FILE).read_text())["signals"]
    assert sorted(weights) == sorted(SIGNALS)


def test_a_verdict_that_trusts_the_text_alone_keeps_its_probability():
    alone = Verdict(1.0, (0.0,) * len(SIGNALS), 0.0)
    assert alone.probability(0.3, {"deadline": "2027-01-15"}) == pytest.approx(0.3)
    assert log_odds(0.0) < -9 and log_odds(1.0) > 9  # clipped, never infinite


def test_fields_found_raise_the_verdict_of_the_same_text_score():
    none_found = model().probability(0.45, {})
    all_found = model().probability(
        0.45, {**dict.fromkeys(SIGNALS, "x"), "contract_type": "fixed-term"}
    )
    assert all_found > 0.5 > none_found


def test_an_advert_stating_its_fields_is_a_vacancy_and_a_news_item_is_not():
    advert, news = extract({"id": "a", "text": ADVERT}), extract({"id": "n", "text": NEWS})
    assert advert["is_vacancy"] and advert["vacancy_score"] >= 0.5
    assert not news["is_vacancy"] and news["vacancy_score"] < 0.5


def test_the_verdict_reads_the_title_the_text_gives_not_the_records_own():
    """A feed item's own title is always there: the verdict's title signal must not depend
    on it, so a record with a title scores as the same text with that title first."""
    headline = "Civic freedoms in 2026: what the report found"  # no role's title in the text
    body = NEWS.split("\n\n", 1)[1]
    titled = extract({"id": "n", "title": headline, "text": body})
    untitled = extract({"id": "n", "text": f"{headline}\n\n{body}"})
    assert titled["title"] == headline and untitled["title"] is None
    assert titled["vacancy_score"] == untitled["vacancy_score"]


def test_a_platform_that_lists_only_jobs_decides():
    out = extract({"id": "n", "text": NEWS, "hints": {"is_vacancy": True}})
    assert out["is_vacancy"] and out["vacancy_score"] >= 0.9
    assert out["evidence"]["is_vacancy"] == "(platform data)"


def test_fields_that_turn_the_call_give_the_evidence():
    """The text classifier alone says no to this Turkish posting; the fields it states say
    yes, and the evidence is the sentence of the field that weighs most."""
    text = (
        "Program Asistanı\n\nDernek, İstanbul ofisinde insan hakları alanında çalışmaktadır.\n"
        "En az 1 yıl iş geçmişi. İyi derecede İngilizce bilgisi gereklidir.\n"
        "Son başvuru tarihi: 15 Mayıs 2027. iletisim@example.org"
    )
    out = extract({"id": "tr", "text": text})
    alone, _ = vacancy_scores([Doc(normalise(text))])[0]
    assert alone < 0.5 <= out["vacancy_score"]
    assert out["evidence"]["is_vacancy"] == out["evidence"][strongest_signal(out)]


def test_a_call_the_fields_overturn_keeps_no_evidence_for_it():
    out = extract({"id": "j", "text": "Join us\n\nWe are hiring. Apply now."})
    alone, _ = vacancy_scores([Doc(normalise("Join us\n\nWe are hiring. Apply now."))])[0]
    assert alone >= 0.5 > out["vacancy_score"]
    assert "is_vacancy" not in out["evidence"]


def test_the_strongest_signal_names_a_field_of_the_output(monkeypatch):
    """A contract kind's signal points at the contract's evidence, `contract_type`, and the
    title's role at the title's; a signal weighing against a vacancy is never the evidence."""
    assert strongest_signal({"contract_type": "consultancy"}) == "contract_type"
    assert strongest_signal({"title": "Legal Officer"}) == "title"
    assert strongest_signal({}) is None
    against = Verdict(1.0, tuple(-1.0 for _ in SIGNALS), 0.0)
    monkeypatch.setattr("understand.verdict.model", lambda: against)
    assert strongest_signal({"title": "Legal Officer", "contract_type": "consultancy"}) is None
