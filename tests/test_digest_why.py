"""The digest's "Why it fits you" words the facts the matcher recorded with the match
(`why["fit"]`), read from the store; a match stored before those facts still renders."""

import json
import re

import pytest

from digest import preview
from rightsjobs.config import Settings
from rightsjobs.matching import match_all
from rightsjobs.profiles import validate_profile
from rightsjobs.store import record_matches, upsert_profiles
from rightsjobs.store.crawls import record_run
from tests.conftest import SOURCE, make_item, started
from tests.test_digest_delivery import AS_OF, SECRET, add_posting

SETTINGS = Settings(base_url="https://jobs.example.org", secret=SECRET)
PERSON = {
    "id": "aigul",
    "email": "aigul@example.org",
    "regions": ["Central Asia"],
    "languages": {"en": "fluent", "ru": "native"},
    "years_experience": 6,
}
# What the posting's own fields would have said (it is in Central Asia and needs Russian).
RAW_SENTENCES = (
    "Needs Russian",
    "In your region.",
    "Asks for 3 or more years of experience",
)


@pytest.fixture
def store(db):
    """A posting whose fields fit the person's region and languages, and the person."""
    add_posting(db, "p1", "Digital Campaigner", languages_required=["ru"], min_years_experience=3)
    upsert_profiles(db, [validate_profile(PERSON, "aigul")])
    return db


def shown(db, tmp_path, why: object) -> str:
    """The digest's HTML when the match is stored with this `why`."""
    record_matches(db, "aigul", [{"id": "p1", "score": 0.9, "why": why}], AS_OF)
    return preview(db, SETTINGS, "aigul", AS_OF, tmp_path / "preview.html").read_text()


def why_lines(html: str) -> list[str]:
    """The lines under "Why it fits you"."""
    return re.findall(r'<p class="why-line"[^>]*>(.*?)</p>', html)


def test_the_why_words_the_recorded_facts_not_the_postings_fields(store, tmp_path):
    fit = {
        "languages": {
            "required": ["fr"],
            "rule": {"at_least": 2, "of": ["ar", "ms", "sw"]},
            "valued": ["en"],
            "have": {"en": "fluent"},
        },
        "region": {"kind": "remote", "regions": [], "countries": []},
        "experience": {"asked_years": None, "level": "senior", "usual_years": 6, "have_years": 2},
    }
    html = shown(store, tmp_path, {"matched_terms": ["advocacy"], "fit": fit})
    assert why_lines(html) == [
        "Needs French; you listed none of them.",
        "Needs two of Arabic, Malay or Swahili; you listed none of them.",
        "Also values English (fluent), which you have.",
        "Remote, which suits you.",
        "A senior-level role, usually 6 or more years; you have 2 years.",
        "Matches your profile on advocacy.",
    ]
    for line in RAW_SENTENCES:
        assert line not in html


@pytest.mark.parametrize(
    ("kind", "names", "line"),
    [
        ("region", {"regions": ["Eastern Europe"]}, "In Eastern Europe, your region."),
        ("region", {"regions": ["Central Asia"]}, "In your region."),  # the item shows it
        ("country", {"countries": ["UZ"]}, "In Uzbekistan, a country you follow."),
        ("country", {"countries": ["KZ"]}, "In a country you follow."),
        ("global", {}, "Global in scope, so it covers your regions."),
        ("workplace", {"countries": ["KZ"]}, "Based in a country where you can work."),
    ],
)
def test_each_kind_of_region_fit_has_its_sentence(store, tmp_path, kind, names, line):
    region = {"kind": kind, "regions": [], "countries": [], **names}
    html = shown(store, tmp_path, {"fit": {"region": region}})
    assert why_lines(html) == [line]


def test_no_languages_listed_says_what_the_posting_needs_only(store, tmp_path):
    fit = {"languages": {"required": ["fr"], "rule": None, "valued": [], "have": None}}
    html = shown(store, tmp_path, {"fit": fit})
    assert why_lines(html) == ["Needs French."]


@pytest.mark.parametrize(
    "why",
    [
        {"matched_terms": ["advocacy"]},
        # the strings a match recorded before the facts
        {
            "matched_terms": ["advocacy"],
            "languages": "requires Russian: you have Russian (native)",
            "region": "Central Asia: your region (Kazakhstan)",
            "experience": "asks for 3+ years; you have 6",
        },
        {"matched_terms": ["advocacy"], "fit": "not facts"},
        {
            "matched_terms": ["advocacy", 7, None],
            "fit": {
                "languages": {"required": "ru", "rule": ["ru"], "valued": {}, "have": ["ru"]},
                "region": {"kind": 3, "regions": "Central Asia"},
                "experience": {"asked_years": "3", "level": 5, "have_years": True},
            },
        },
    ],
)
def test_a_match_without_usable_facts_says_less_and_never_fails(store, tmp_path, why):
    html = shown(store, tmp_path, why)
    assert "Digital Campaigner" in html
    assert why_lines(html) == ["Matches your profile on advocacy."]
    for line in RAW_SENTENCES:
        assert line not in html


@pytest.mark.parametrize("why", [None, [], "text"])
def test_a_match_without_a_why_shows_no_why(store, tmp_path, why):
    html = shown(store, tmp_path, why)
    assert "Digital Campaigner" in html
    assert "Why it fits you" not in html


def test_a_match_run_records_the_facts_that_the_digest_words(db, tmp_path):
    legal = make_item("1", "Legal Officer", languages_required=["ru"], min_years_experience=3)
    legal["description"] = "Strategic litigation and legal aid for human rights defenders."
    record_run(db, SOURCE, [legal], started=started())
    lawyer = {
        **PERSON,
        "about": "Lawyer doing strategic litigation and legal aid.",
        "keywords": ["litigation"],
    }
    upsert_profiles(db, [validate_profile(lawyer, "aigul")])
    match_all(db, AS_OF)
    [match] = db["matches"].rows
    fit = json.loads(match["why"])["fit"]
    assert fit["region"]["kind"] == "region"
    assert fit["languages"]["have"] == {"ru": "native"}
    expected = [
        "Needs Russian; you have Russian (native).",
        "In your region.",  # the item's regional focus already says Central Asia
        "Asks for 3 or more years of experience; you have 6 years.",
    ]
    lines = why_lines(preview(db, SETTINGS, "aigul", AS_OF, tmp_path / "p.html").read_text())
    assert lines[:3] == expected
    assert lines[3].startswith("Matches your profile on ") and "litigation" in lines[3]
    # the digest reads the facts of the match, not the posting's fields again
    db["postings"].update(match["posting_id"], {"languages_required": json.dumps(["fr"])})
    again = why_lines(preview(db, SETTINGS, "aigul", AS_OF, tmp_path / "p.html").read_text())
    assert again == lines
