import json
import time
from datetime import date
from pathlib import Path

import pytest

from understand import FIELDS, extract

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "extract_cases.jsonl")
    .read_text("utf-8")
    .splitlines()
]


# A case the title and seniority taggers relearnt on the corpus answer wrongly (own-fr: the
# title is cut, seniority unknown).
LEARNED_DIFFERS = {"own-fr"}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            c,
            marks=pytest.mark.xfail(strict=True, reason="learned taggers differ (issue 13)")
            if c["record"]["id"] in LEARNED_DIFFERS
            else (),
        )
        for c in CASES
    ],
    ids=[c["record"]["id"] for c in CASES],
)
def test_full_postings(case):
    out = extract(case["record"])
    assert {k: out[k] for k in case["expected"]} == case["expected"]


def test_output_has_exactly_the_contract_fields_and_short_evidence():
    out = extract(CASES[0]["record"])
    assert set(out) == {*FIELDS, "evidence"}
    assert out["evidence"] and all(len(v) <= 300 for v in out["evidence"].values())
    assert set(out["evidence"]) <= set(FIELDS)
    assert 0 <= out["vacancy_score"] <= 1


def test_deterministic():
    assert extract(CASES[0]["record"]) == extract(CASES[0]["record"])


@pytest.mark.parametrize(
    "record",
    [
        {},
        {"id": "x"},
        {"id": 7, "text": None, "html": None, "hints": "not a dict", "posted_date": "garbage"},
        {"id": "x", "text": ""},
        {"id": "x", "text": "\x00\ufeff<script>alert(1)</script> {{7*7}} __import__('os')"},
    ],
)
def test_robust_to_missing_and_hostile_fields(record):
    out = extract(record)
    assert set(out) == {*FIELDS, "evidence"}
    assert out["is_vacancy"] in (True, False)


def test_html_is_used_when_text_is_absent():
    html = (
        "<html><body><h1>Vacancy: Legal Officer</h1><p>Location: Accra, "
        "Ghana</p><script>x</script></body></html>"
    )
    out = extract({"id": "h", "html": html})
    assert (out["title"], out["countries"]) == ("Legal Officer", ["GH"])


def test_hints_win_over_text():
    record = {
        "id": "hinted",
        "text": "Vacancy: Officer. Location: Kabul. Deadline: 1 May 2030.",
        "hints": {
            "is_vacancy": True, "countries": ["DE"], "remote": "yes", "deadline": "2031-02-01",
            "posted_date": "2031-01-01", "contract_type": "permanent", "seniority": "senior",
            "min_years_experience": 4, "apply_url": "https://ats.example/9",
        },
    }  # fmt: skip
    out = extract(record)
    assert (out["countries"], out["remote"], out["deadline"], out["posted_date"]) == (
        ["DE"],
        "yes",
        "2031-02-01",
        "2031-01-01",
    )
    assert (out["contract_type"], out["seniority"], out["min_years_experience"]) == (
        "permanent",
        "senior",
        4,
    )
    assert out["apply_contact"] == "https://ats.example/9" and out["is_vacancy"]


def test_record_posted_date_resolves_a_deadline_without_year():
    out = extract(
        {"id": "y", "posted_date": "2030-12-10", "text": "Vacancy: Clerk. Closing date: 5 January."}
    )
    assert (out["posted_date"], out["deadline"]) == ("2030-12-10", "2031-01-05")


def test_as_of_resolves_a_deadline_without_year():
    out = extract(
        {"id": "y", "text": "Vacancy: Clerk. Closing date: 5 January."}, as_of=date(2032, 1, 2)
    )
    assert out["deadline"] == "2032-01-05"


def test_huge_input_is_bounded():
    out = extract({"id": "big", "text": "Vacancy: Analyst\n" + "word " * 200_000})
    assert out["title"] == "Analyst"


@pytest.mark.parametrize(
    "text",
    [
        "Vacancy: Analyst\n" + "Fluent Dutch is desirable; apply by 5 May 2031. " * 4_000,
        "a" * 200_000,  # one word: no regex may go quadratic on it
        "12 " * 70_000,
        "Заявки до 10 декабря 2031 года; свободное владение русским языком. " * 3_000,
        "اللغة العربية مطلوبة. آخر موعد 10 فبراير 2031. " * 4_000,
        "Desirable:\n" * 20_000,
    ],
)
def test_long_texts_stay_fast(text):
    """About 0.05-0.1 s; super-linear work takes seconds on every try. The best of three tries
    is timed, as `timeit` advises: one try alone has taken over a second in the full suite on a
    shared machine (a pause of the process, not of the code: alone it took 0.1 s). Each try
    reads a text of its own, so that no cache answers for it."""
    extract({"id": "warm", "text": "Vacancy: Clerk. Fluent English. Deadline: 5 May 2031."})
    tries = []
    for n in range(3):
        started = time.perf_counter()
        extract({"id": f"long-{n}", "text": f"{n}\n{text}"[:200_000]})
        tries.append(time.perf_counter() - started)
    assert min(tries) < 1.0
