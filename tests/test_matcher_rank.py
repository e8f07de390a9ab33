"""The matcher end to end: hard requirements, exclusions, seen postings, soft signals, `why`,
incremental indexing."""

import gc
import weakref
from datetime import date

import numpy as np
import pytest

from matcher import Index, fit, rank
from matcher.rank import no_collector
from matcher.search import nth_largest
from matcher.text import Vectoriser, posting_document

AS_OF = date(2025, 6, 2)
LEGAL_TEXT = (
    "We seek a human rights lawyer to lead strategic litigation before regional courts, "
    "provide legal aid to human rights defenders and draft submissions to the African "
    "Commission on Human and Peoples' Rights."
)


def posting(id: str, **fields) -> dict:
    return {
        "id": id,
        "is_vacancy": True,
        "title": "Legal Officer",
        "organization": "Justice Network",
        "text": LEGAL_TEXT,
        "countries": ["KE"],
        "regions": ["Sub-Saharan Africa"],
        "remote": "no",
        "languages_required": [],
        "languages_desirable": [],
        "language_rule": None,
        "min_years_experience": None,
        "contract_type": "unknown",
        "seniority": "unknown",
        "deadline": None,
        "posted_date": None,
        **fields,
    }


def profile(**fields) -> dict:
    return {
        "id": "jean",
        "about": "Lawyer with litigation and legal aid experience before the African Commission.",
        "keywords": ["litigation", "legal aid"],
        "regions": ["Sub-Saharan Africa"],
        "languages": {"en": "fluent", "fr": "native"},
        "years_experience": 4,
        **fields,
    }


def shown(postings: list[dict], prof: dict | None = None, **options) -> list[str]:
    options.setdefault("as_of", AS_OF)
    return [r["id"] for r in rank(postings, [prof or profile()], **options)[0]]


# Each hard requirement: (posting fields that pass, posting fields that fail, profile fields).
HARD = {
    "language required": ({"languages_required": ["en", "fr"]}, {"languages_required": ["ar"]}, {}),
    "language at working level": (
        {"languages_required": ["es"]},
        {"languages_required": ["ru"]},
        {"languages": {"en": "fluent", "es": "working", "ru": "basic"}},
    ),
    "language rule": (
        {"language_rule": {"at_least": 2, "of": ["en", "fr", "sv"]}},
        {"language_rule": {"at_least": 2, "of": ["en", "sv", "ru"]}},
        {},
    ),
    "region": (
        {"countries": ["UG"], "regions": ["Sub-Saharan Africa"]},
        {"countries": ["PE"], "regions": ["Latin America and Caribbean"]},
        {},
    ),
    "global focus": (
        {"countries": ["US"], "regions": ["Global"]},
        {"countries": ["US"], "regions": ["North America"]},
        {},
    ),
    "country": (
        {"countries": ["PE"], "regions": []},
        {"countries": ["CL"], "regions": []},
        {"regions": [], "countries": ["PE"]},
    ),
    "location": (
        {"countries": ["BE"], "regions": ["Western Europe"]},
        {"countries": ["FR"], "regions": ["Western Europe"]},
        {"locations": ["BE"]},
    ),
    "remote": (
        {"countries": [], "regions": [], "remote": "yes"},
        {"countries": [], "regions": [], "remote": "hybrid"},
        {},
    ),
    "remote only": ({"remote": "yes"}, {"remote": "no"}, {"remote": "only"}),
    "experience": ({"min_years_experience": 5}, {"min_years_experience": 6}, {}),
    "contract type": (
        {"contract_type": "consultancy"},
        {"contract_type": "internship"},
        {"contract_types": ["consultancy", "fixed-term"]},
    ),
    "seniority": ({"seniority": "mid"}, {"seniority": "unknown"}, {"seniority": ["mid"]}),
    "deadline": ({"deadline": "2025-06-02"}, {"deadline": "2025-06-01"}, {}),
    "exclude": (
        {"text": LEGAL_TEXT},
        {"text": LEGAL_TEXT + " Fundraising is part of the job."},
        {"exclude": ["fundraising"]},
    ),
}


@pytest.mark.parametrize("name", list(HARD))
def test_hard_requirement_filters(name):
    passing, failing, prof = HARD[name]
    postings = [posting("pass", **passing), posting("fail", **failing)]
    assert shown(postings, profile(**prof)) == ["pass"]


def test_remote_postings_pass_unless_the_profile_says_no():
    remote = posting("remote", countries=[], regions=[], remote="yes")
    assert shown([remote], profile(remote="ok")) == ["remote"]
    assert shown([remote], profile(remote="no")) == []


def test_a_profile_without_places_takes_any_place():
    far = posting("far", countries=["PE"], regions=["Latin America and Caribbean"])
    assert shown([far], profile(regions=[])) == ["far"]


def test_include_closed_turns_only_the_deadline_off():
    closed = posting("closed", deadline="2020-01-01")
    french = posting("fr", deadline="2020-01-01", languages_required=["ar"])
    assert shown([closed, french], include_closed=True) == ["closed"]


def test_compiled_checks_agree_with_the_reference():
    rng = np.random.default_rng(3)
    langs, countries = ["en", "fr", "es", "ru"], ["KE", "PE", "BE", "US", "GE"]
    postings = [
        posting(
            f"p{i}",
            countries=list(rng.choice(countries, rng.integers(0, 2), replace=False)),
            regions=[] if rng.random() < 0.5 else ["Global"],
            remote=str(rng.choice(["yes", "no", "hybrid"])),
            languages_required=list(rng.choice(langs, rng.integers(0, 3), replace=False)),
            min_years_experience=int(rng.integers(0, 9)) if rng.random() < 0.5 else None,
            contract_type=str(rng.choice(fit.CONTRACTS)),
            seniority=str(rng.choice(fit.SENIORITIES)),
        )
        for i in range(60)
    ]
    profiles = [
        fit.with_defaults(
            profile(
                id=f"u{i}",
                regions=list(
                    rng.choice(
                        ["Sub-Saharan Africa", "Western Europe"], rng.integers(0, 2), replace=False
                    )
                ),
                countries=list(rng.choice(countries, rng.integers(0, 2), replace=False)),
                locations=list(rng.choice(countries, rng.integers(0, 2), replace=False)),
                remote=str(rng.choice(["ok", "only", "no"])),
                languages={
                    c: str(rng.choice(list(fit.LEVELS))) for c in langs[: rng.integers(1, 4)]
                },
                years_experience=int(rng.integers(0, 9)),
                contract_types=[] if rng.random() < 0.5 else ["consultancy", "unknown"][:1],
                seniority=[] if rng.random() < 0.5 else ["mid", "senior"],
            )
        )
        for i in range(40)
    ]
    pa = fit.posting_records(postings, [None] * len(postings))
    qa = fit.profile_records(profiles)
    pairs = [(r, c) for r in range(40) for c in range(60)]
    assert [fit.hard_ok(pa[c], qa[r]) for r, c in pairs] == [
        not fit.failures(postings[c], profiles[r], AS_OF, include_closed=True) for r, c in pairs
    ]


@pytest.mark.parametrize(
    "where, place",
    [
        ({"regions": ["Central Asia", "Eastern Europe"]}, {"countries": ["KZ", "UA"]}),
        ({"regions": []}, {"remote": "yes"}),  # anywhere: every list holds it
    ],
)
def test_a_posting_in_several_candidate_lists_is_shown_once(where, place):
    assert shown([posting("job", **place)], profile(**where)) == ["job"]


def test_non_vacancies_are_never_ranked():
    assert shown([posting("news", is_vacancy=False), posting("job")]) == ["job"]


def test_seen_postings_are_not_shown_again():
    postings = [posting("a"), posting("b")]
    assert shown(postings, seen={"jean": {"a"}}) == ["b"]
    assert sorted(shown(postings, seen={"someone else": {"a"}})) == ["a", "b"]


def test_an_unrelated_field_is_not_shown():
    finance = posting(
        "finance",
        title="Finance Officer",
        text=(
            "Finance officer for a human rights organisation: accounting, payroll, budgets, "
            "audits and procurement for the regional office."
        ),
    )
    assert shown([finance, posting("legal")]) == ["legal"]


def test_results_are_sorted_limited_and_rounded():
    postings = [posting(f"p{i}", text=LEGAL_TEXT + " more words" * i) for i in range(8)]
    results = rank(postings, [profile()], k=5, as_of=AS_OF)[0]
    scores = [r["score"] for r in results]
    assert len(results) == 5
    assert scores == sorted(scores, reverse=True)
    assert all(s == round(s, 4) for s in scores)


def test_regional_focus_ranks_higher():
    here = posting("here", countries=["KE"], regions=["Sub-Saharan Africa"])
    world = posting("world", countries=["US"], regions=["Global"])
    assert shown([world, here]) == ["here", "world"]


def test_desirable_language_the_person_has_ranks_higher():
    plain = posting("plain")
    french = posting("french", languages_desirable=["fr"])
    assert shown([plain, french]) == ["french", "plain"]


def test_advert_in_a_language_the_person_lacks_ranks_lower():
    swedish = posting(
        "sv",
        text="Vi söker en jurist med erfarenhet av rättsprocesser och "
        "rättshjälp för mänskliga rättigheter. " + LEGAL_TEXT,
    )
    assert shown([swedish, posting("en")]) == ["en", "sv"]


def test_experience_close_to_the_requirement_ranks_higher():
    senior = posting("director", seniority="director")
    fitting = posting("mid", seniority="mid")
    assert shown([senior, fitting]) == ["mid", "director"]


def test_fresh_postings_and_deadlines_far_enough_rank_higher():
    old = posting("old", posted_date="2025-01-01")
    fresh = posting("fresh", posted_date="2025-06-01")
    assert shown([old, fresh]) == ["fresh", "old"]
    rushed = posting("rushed", deadline="2025-06-03")
    relaxed = posting("relaxed", deadline="2025-07-30")
    assert shown([rushed, relaxed]) == ["relaxed", "rushed"]


def test_why_explains_the_match():
    result = rank(
        [posting("a", languages_required=["en"], min_years_experience=3, deadline="2025-06-12")],
        [profile()],
        as_of=AS_OF,
    )[0][0]
    why = result["why"]
    assert set(why) == {
        *("matched_terms", "languages", "region", "experience", "deadline", "summary"),
        "fit",
    }
    assert {"litigation", "legal"} <= set(why["matched_terms"])
    assert why["languages"] == "requires English: you have English (fluent)"
    assert why["region"] == "Sub-Saharan Africa: your region (Kenya)"
    assert why["experience"] == "asks for 3+ years; you have 4"
    assert why["deadline"] == "closes 2025-06-12"
    assert why["summary"].startswith("Legal Officer at Justice Network — Sub-Saharan Africa")


def test_why_stays_the_same_from_day_to_day_until_the_deadline():
    """A stored match keeps its why across weekly runs: nothing in it counts days."""
    week_later = date(2025, 6, 9)
    ranked = [
        rank([posting("a", deadline="2025-06-12")], [profile()], as_of=day)[0][0]["why"]
        for day in (AS_OF, week_later)
    ]
    assert ranked[0] == ranked[1]
    last_day = rank([posting("a", deadline="2025-06-12")], [profile()], as_of=date(2025, 6, 12))[0][
        0
    ]["why"]
    assert last_day["deadline"] == "closes today, 2025-06-12"


def test_why_for_a_language_rule_and_an_unstated_deadline():
    rule = {"at_least": 2, "of": ["en", "sv", "fr"]}
    why = rank([posting("a", language_rule=rule, seniority="senior")], [profile()], as_of=AS_OF)[0][
        0
    ]["why"]
    assert why["languages"] == (
        "requires 2 of English, Swedish, French: you have English (fluent), French (native)"
    )
    assert why["experience"] == "senior-level role, usually 6+ years; you have 4"
    assert why["deadline"] == "no deadline stated"


def test_matched_terms_show_a_keyword_rather_than_its_words():
    clinic = posting("clinic", text="Our legal aid clinic: lawyers who give legal aid.")
    others = [
        posting("finance", title="Finance Officer", text="Budgets, accounts and payroll."),
        posting("press", title="Press Officer", text="Media work and press releases."),
    ]
    person = profile(about="A lawyer giving legal aid to detainees.", keywords=["legal aid"])
    terms = rank([clinic, *others], [person], as_of=AS_OF)[0][0]["why"]["matched_terms"]
    assert "legal aid" in terms
    assert not {"legal", "aid"} & set(terms)


def test_matched_words_are_those_of_the_text_indexed_last():
    index = Index([posting("a"), posting("b", countries=["UG"])])

    def terms() -> list[str]:
        shown = index.rank([profile()], as_of=AS_OF)[0]
        return next(r["why"]["matched_terms"] for r in shown if r["id"] == "a")

    assert "litigation" in terms()
    index.add([posting("a", text=LEGAL_TEXT.replace("litigation", "LITIGATION"))])
    assert "LITIGATION" in terms() and "litigation" not in terms()


def test_incremental_add_scores_like_a_rebuild_with_the_same_vectoriser():
    first = [posting(f"a{i}", text=LEGAL_TEXT + f" case {i} " * i) for i in range(5)]
    week = [
        posting("b1", title="Litigation Lawyer"),
        posting("b2", countries=["UG"]),
        posting("a0", title="Legal Adviser"),
    ]  # a0 is replaced
    grown = Index(first)
    grown.add(week)
    rebuilt = Index(first + week, vectoriser=grown.vectoriser)
    profiles = [profile(), profile(id="other", keywords=["lawyer"], years_experience=9)]
    assert grown.rank(profiles, as_of=AS_OF) == rebuilt.rank(profiles, as_of=AS_OF)
    assert len(grown) == 7


def test_threads_and_batches_give_the_same_results():
    postings = [posting(f"p{i}", text=LEGAL_TEXT + " word" * i) for i in range(6)]
    profiles = [profile(id=f"u{i}", years_experience=i) for i in range(5)]
    index = Index(postings)
    assert index.rank(profiles, as_of=AS_OF, batch=2, threads=2) == index.rank(
        profiles, as_of=AS_OF, threads=1
    )


def test_multilingual_postings_meet_english_profiles():
    french = posting(
        "fr",
        title="Juriste",
        text=(
            "Juriste pour le contentieux stratégique et l'aide juridique devant la Commission "
            "africaine des droits de l'homme et des peuples."
        ),
    )
    assert shown([french]) == ["fr"]
    lang, _, _ = posting_document(french)
    assert lang == "fr"


def test_an_empty_index_ranks_nothing():
    assert rank([], [profile()], as_of=AS_OF) == [[]]
    assert Index([posting("x")], vectoriser=Vectoriser().fit([[["legal"]]])).rank([]) == []


@pytest.mark.parametrize("size", [1, 2, 7, 200, 1001])
def test_nth_largest_selects_like_a_sort(size):
    values = np.random.default_rng(size).integers(0, 20, size).astype(np.float32)  # many ties
    before = values.copy()
    for n in {1, size // 2 + 1, size}:
        assert nth_largest(values, n) == np.sort(values)[-n]
    assert np.array_equal(values, before)


def test_ranking_leaves_the_garbage_collector_as_it_found_it():
    index = Index([posting("a")])
    index.rank([profile()], as_of=AS_OF)
    assert gc.isenabled()
    gc.disable()
    try:
        index.rank([profile()], as_of=AS_OF)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_survives_a_paused_collector_is_not_left_for_the_next_young_collection():
    with no_collector():
        kept = [{"n": [n]} for n in range(50_000)]
    assert gc.isenabled()
    assert any(o is kept for o in gc.get_objects(generation=2))  # old: no young walk finds it


def test_an_index_that_ranked_is_freed_without_the_garbage_collector():
    # No reference cycles: what is kept after a match stays in the oldest generation, which
    # is rarely collected, so an index in a cycle would hold its gigabytes for long.
    gc.disable()
    try:
        index = Index([posting("a"), posting("b")])
        index.rank([profile(), profile(exclude=["asia"])], as_of=AS_OF)
        alive = weakref.ref(index)
        del index
        assert alive() is None
    finally:
        gc.enable()


def test_an_exclude_word_no_posting_has_excludes_nothing_and_is_not_learnt():
    index = Index([posting("a")])
    words = len(index.vectoriser.vocabulary)
    results = index.rank([profile(exclude=["quidditch", "legal quidditch"])], as_of=AS_OF)
    assert [r["id"] for r in results[0]] == ["a"]
    assert len(index.vectoriser.vocabulary) == words


def test_exclude_terms_are_found_in_postings_added_to_an_index():
    """`exclude` reads every part of an index built in parts, a phrase only where all its
    words are, and each term once for all the profiles that name it."""
    index = Index([posting("old"), posting("old-fund", text=LEGAL_TEXT + " Fundraising too.")])
    index.add(
        [
            posting("new"),
            posting("new-fund", text=LEGAL_TEXT + " Some fundraising events."),
            posting("new-street", text=LEGAL_TEXT + " Street fundraising in teams."),
        ]
    )
    people = [
        profile(id="a", exclude=["fundraising"]),
        profile(id="b", exclude=["street fundraising"]),
        profile(id="c", exclude=["fundraising", "quidditch"]),
    ]
    shown_to = [sorted(r["id"] for r in found) for found in index.rank(people, as_of=AS_OF)]
    assert shown_to == [
        ["new", "old"],
        ["new", "new-fund", "old", "old-fund"],
        ["new", "old"],
    ]
