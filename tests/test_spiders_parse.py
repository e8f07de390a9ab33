"""Golden cases: each platform spider on saved responses, compared field by field.

Cases live in `tests/fixtures/<platform>/<case>/` (see `tests/spider_helpers.py`); the bodies
follow the real payloads' structure in our own words.
"""

import json

import pytest

from spiders.platforms import SPIDERS
from tests.spider_helpers import FIXTURES, cases, run_case

CASES = cases()


def config(case) -> dict:
    path = case / "case.json"
    return json.loads(path.read_text()) if path.exists() else {}


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_golden_case(case):
    items, spider, unanswered = run_case(case)
    assert not unanswered, f"unexpected requests: {[(r.method, r.url) for r in unanswered]}"
    failure = config(case).get("failure")
    if failure:
        assert spider.failure and failure in spider.failure
    else:
        assert spider.failure is None
    expected = json.loads((case / "expected.json").read_text())
    assert [item["url"] for item in items] == [item["url"] for item in expected]
    for got, want in zip(items, expected, strict=True):
        for name in want:
            assert got[name] == want[name], f"{want['url']}: {name}"
        assert got == want


def test_every_platform_has_a_fixture_case():
    covered = {case.parent.name for case in CASES}
    assert set(SPIDERS) <= covered, f"no fixture case for {sorted(set(SPIDERS) - covered)}"


def test_fixture_folders_are_named_after_platforms():
    assert {p.name for p in FIXTURES.iterdir() if p.is_dir()} <= set(SPIDERS)


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case_folder_is_complete(case):
    assert (case / "expected.json").is_file()
    if config(case).get("first_url", "") is not None:
        assert len(list(case.glob("response.*"))) == 1
    for entry in config(case).get("follow", []):
        assert (case / entry["file"]).is_file(), entry["file"]


def test_only_feeds_leave_the_vacancy_decision_to_the_classifier():
    assert {name for name, cls in SPIDERS.items() if cls.is_job is not True} == {"feed"}
    assert SPIDERS["feed"].is_job is None
