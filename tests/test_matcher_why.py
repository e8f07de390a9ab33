"""What a match shows and needs: matched terms are the posting's own words, and a match needs
topical evidence, not only a shared place or generic words."""

from datetime import date

import pytest
import scipy.sparse as sp

from matcher import Index, rank
from matcher.surfaces import Forms, written_forms

AS_OF = date(2025, 6, 2)


def posting(id: str, title: str, text: str, **fields) -> dict:
    return {
        "id": id,
        "is_vacancy": True,
        "title": title,
        "organization": "Rights Org",
        "text": text,
        "countries": ["KE"],
        "regions": ["Sub-Saharan Africa"],
        "remote": "no",
        **fields,
    }


def person(about: str, keywords: list[str], **fields) -> dict:
    return {
        "id": "p",
        "about": about,
        "keywords": keywords,
        "regions": ["Sub-Saharan Africa"],
        "languages": {"en": "fluent"},
        **fields,
    }


def results(postings: list[dict], profile: dict) -> list[dict]:
    return rank(postings, [profile], as_of=AS_OF)[0]


def why(one: dict, profile: dict) -> dict:
    """The explanation of `one` posting's match, which must be the only one."""
    [result] = results([one], profile)
    return result["why"]


def test_matched_terms_are_written_as_the_posting_writes_them():
    finance = posting(
        "fin",
        "Finance Officer",
        "The Finance Officer keeps the accounts, runs payroll and prepares budgets.",
    )
    profile = person("I ran the office: accounts, payroll and budgets.", ["office"])
    shown = why(finance, profile)
    terms = shown["matched_terms"]
    assert "officer" in terms
    assert "office" not in terms
    text = f"{finance['title']} {finance['text']}".lower()
    assert all(term in text for term in terms), terms
    assert shown["summary"].endswith(", ".join(terms[:3]))


def test_a_keyword_phrase_shows_the_postings_own_run_of_words():
    legal = posting(
        "law",
        "Lawyer",
        "You will defend Freedom of Expression cases before national courts.",
    )
    profile = person("Lawyer defending journalists.", ["freedom of expression"])
    assert "freedom of expression" in why(legal, profile)["matched_terms"]


def test_capitals_are_kept_for_acronyms_only():
    legal = posting("un", "Lawyer", "Litigation for LGBTI defenders before national courts.")
    profile = person("Lawyer for LGBTI defenders in litigation.", ["LGBTI", "litigation"])
    terms = why(legal, profile)["matched_terms"]
    assert "LGBTI" in terms and "litigation" in terms


def test_a_shared_place_alone_is_no_match():
    accountant = posting(
        "acc",
        "Accountant",
        "Bookkeeping and payroll for our Nairobi office in Kenya.",
    )
    lawyer = posting("law", "Lawyer", "Strategic litigation in Nairobi, Kenya.")
    profile = person("Human rights lawyer in Nairobi, Kenya, doing strategic litigation.", [])
    assert [r["id"] for r in results([accountant, lawyer], profile)] == ["law"]


def test_generic_words_alone_are_no_match():
    driver = posting(
        "drv",
        "Driver",
        "A team member for our international organisation, helping staff and colleagues.",
    )
    profile = person(
        "A team member of an international organisation, helping staff: a campaigner.",
        ["campaigning"],
    )
    assert results([driver], profile) == []


def test_terms_of_a_posting_in_another_language_are_its_own_words():
    french = posting(
        "fr",
        "Juriste",
        "Juriste pour le contentieux stratégique et l'aide juridique devant la Commission "
        "africaine des droits de l'homme et des peuples.",
    )
    profile = person("Lawyer doing strategic litigation and legal aid.", ["litigation"])
    terms = results([french], profile)[0]["why"]["matched_terms"]
    text = f"{french['title']} {french['text']}".lower()
    assert terms and all(term in text for term in terms), terms


LAWYER = "Strategic litigation and legal aid before national courts."


def fit_of(postings: list[dict], profile: dict) -> list[dict]:
    return [r["why"]["fit"] for r in results(postings, profile)]


def test_the_fit_is_recorded_as_facts_that_the_texts_say():
    legal = posting(
        "law",
        "Lawyer",
        LAWYER,
        languages_required=["en"],
        language_rule={"at_least": 2, "of": ["fr", "sw", "en"]},
        languages_desirable=["ru", "ar"],
        min_years_experience=3,
        seniority="senior",
    )
    profile = person(
        "Lawyer doing strategic litigation.",
        ["litigation"],
        languages={"en": "fluent", "sw": "working", "ru": "basic"},
        years_experience=2,
    )
    [why] = [r["why"] for r in results([legal], profile)]
    assert why["fit"] == {
        "languages": {
            "required": ["en"],
            "rule": {"at_least": 2, "of": ["fr", "sw", "en"]},
            "valued": ["ru"],
            "have": {"en": "fluent", "sw": "working", "ru": "basic"},
        },
        "region": {"kind": "region", "regions": ["Sub-Saharan Africa"], "countries": []},
        "experience": {"asked_years": 3, "level": "senior", "usual_years": 6, "have_years": 2},
    }
    assert why["languages"] == (
        "requires English: you have English (fluent); requires 2 of French, Swahili, English: "
        "you have Swahili (working), English (fluent); an asset you have: Russian (basic)"
    )
    assert why["region"] == "Sub-Saharan Africa: your region (Kenya)"
    assert why["experience"] == "asks for 3+ years; you have 2, one short"


@pytest.mark.parametrize(
    ("place", "wants", "kind", "text"),
    [
        ({}, {"regions": [], "countries": ["KE"]}, ("country", [], ["KE"]), "Kenya: your country"),
        (
            {"countries": [], "regions": ["Global"]},
            {"regions": ["Western Europe"]},
            ("global", [], []),
            "global focus (place not stated)",
        ),
        (
            {},
            {"regions": [], "locations": ["KE"]},
            ("workplace", [], ["KE"]),
            "based in Kenya, where you can work",
        ),
        ({"remote": "yes"}, {"regions": ["Western Europe"]}, ("remote", [], []), "remote"),
        (
            {},
            {"regions": []},
            (None, [], []),
            "Sub-Saharan Africa (you set no regional preference)",
        ),
        # a remote role for a person who wants none is not "remote" to them
        (
            {"remote": "yes"},
            {"regions": [], "remote": "no"},
            (None, [], []),
            "Sub-Saharan Africa (you set no regional preference)",
        ),
    ],
)
def test_each_kind_of_region_fit_is_recorded(place, wants, kind, text):
    legal = posting("law", "Lawyer", LAWYER, **place)
    shown = why(legal, person("Lawyer doing strategic litigation.", [], **wants))
    region = shown["fit"]["region"]
    assert (region["kind"], region["regions"], region["countries"]) == kind
    assert shown["region"] == text


def test_no_languages_stated_by_either_side():
    legal = posting("law", "Lawyer", LAWYER, languages_desirable=["fr"])
    profile = person("Lawyer doing strategic litigation.", [], languages={})
    [fit] = fit_of([legal], profile)
    assert fit["languages"] == {"required": [], "rule": None, "valued": [], "have": None}
    [fit] = fit_of([posting("law", "Lawyer", LAWYER)], person("Lawyer, litigation.", []))
    assert fit["languages"] == {"required": [], "rule": None, "valued": [], "have": {}}
    assert fit["experience"] == {
        "asked_years": None,
        "level": None,
        "usual_years": None,
        "have_years": None,
    }


def test_facts_are_worked_out_once_per_combination_of_fields():
    postings = [
        posting(f"law{i}", "Lawyer", f"{LAWYER} Office {i}.", min_years_experience=3)
        for i in range(3)
    ]
    fits = fit_of(postings, person("Lawyer doing strategic litigation.", []))
    assert len(fits) == 3
    for part in ("languages", "region", "experience"):
        assert all(fit[part] is fits[0][part] for fit in fits)


def test_without_texts_a_why_keeps_the_matched_terms_and_facts_alone():
    """What the match stage records: the texts' facts and the matched words, the same as with
    the texts, so that the digest words the same fit."""
    postings = [
        posting("law", "Lawyer", LAWYER, languages_required=["en"], min_years_experience=3),
        posting("aid", "Legal Aid Officer", f"{LAWYER} Legal aid clinics.", remote="yes"),
    ]
    profile = {**person("Lawyer doing strategic litigation and legal aid.", ["legal aid"])}
    index = Index(postings)
    [full] = index.rank([profile], as_of=AS_OF)
    [bare] = Index(postings).rank([profile], as_of=AS_OF, texts=False)
    assert [r["id"] for r in bare] == [r["id"] for r in full]
    assert len(full) == 2
    for with_texts, without in zip(full, bare, strict=True):
        assert without["why"] == {
            "matched_terms": with_texts["why"]["matched_terms"],
            "fit": with_texts["why"]["fit"],
        }
        assert without["score"] == with_texts["score"]


def test_a_postings_words_are_found_for_its_kept_features_in_any_entry_order():
    """`written_forms` numbers each stored entry of the posting vectors; rows whose columns
    are not in ascending order get the same words, entry for entry."""
    texts = [
        ("Legal Officer", "Strategic litigation, legal aid and Freedom of Expression cases."),
        ("Campaigner", "Campaigns for LGBTI defenders; campaigning with Amnesty's EU office."),
    ]
    index = Index([posting(f"p{i}", t, x) for i, (t, x) in enumerate(texts)])

    def words(vectors: sp.csr_matrix) -> list[dict[int, str]]:
        forms = Forms()
        numbers = written_forms(index.postings, index._langs, vectors, index.vectoriser, forms)
        return [
            {
                int(c): forms[int(n)]
                for c, n in zip(
                    vectors.indices[vectors.indptr[r] : vectors.indptr[r + 1]],
                    numbers[vectors.indptr[r] : vectors.indptr[r + 1]],
                    strict=True,
                )
                if n >= 0
            }
            for r in range(vectors.shape[0])
        ]

    vectors = index._x.copy()
    reversed_rows = vectors.copy()
    for r in range(vectors.shape[0]):
        a, b = vectors.indptr[r], vectors.indptr[r + 1]
        reversed_rows.indices[a:b] = vectors.indices[a:b][::-1]
        reversed_rows.data[a:b] = vectors.data[a:b][::-1]
    reversed_rows.has_sorted_indices = False
    found = words(vectors)
    assert found == words(reversed_rows)
    shown = set(found[0].values()) | set(found[1].values())
    assert {"litigation", "LGBTI", "Freedom of Expression".lower()} <= shown
