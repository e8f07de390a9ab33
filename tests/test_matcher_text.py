"""Text analysis, role families and the evaluation measure of the matcher."""

import numpy as np
import pytest

from eval.rankers import contains, ndcg_at_k
from matcher.lexicon import families, family_affinity, fold
from matcher.relevance import posting_families
from matcher.text import Vectoriser, detect_language, features, stem, term_features, tokens


def test_fold_strips_accents_and_case():
    assert fold("Défenseur·e des Droits") == "defenseur·e des droits"
    assert fold("Ёлка") == "елка"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The officer will lead the work of the team", "en"),
        ("Le chargé de plaidoyer travaille avec les partenaires", "fr"),
        ("El abogado trabajará con los defensores del pueblo", "es"),
        ("Правозащитник будет работать в Казахстане", "ru"),
        ("Правозахисник працюватиме в Україні", "uk"),
        ("იურისტის ვაკანსია", "ka"),
        ("برنامج زمالة الشباب", "ar"),
        ("Hledáme právníka, který bude pracovat s obhájci lidských práv a se svědky", "cs"),
        ("Търсим юрист, който ще работи със защитници на правата на човека", "bg"),
        ("Ищем юриста, который будет работать для защиты прав человека, что важно", "ru"),
        ("Szukamy prawnika do pracy z obrońcami praw człowieka oraz dla ofiar", "pl"),
        ("Wij zoeken een jurist voor het werk met de verdedigers van mensenrechten", "nl"),
        ("İnsan hakları savunucuları ile çalışacak bir avukat arıyoruz", "tr"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(fold(text).split()) == lang


def test_each_function_word_tells_one_language():
    from matcher.text import CYRILLIC_WORDS, FUNCTION_WORDS

    for table in (FUNCTION_WORDS, CYRILLIC_WORDS):
        words = [w for listed in table.values() for w in listed.split()]
        assert len(words) == len(set(words))


def test_other_languages_map_to_english_stems():
    assert tokens("abogados y derechos humanos", "es") == ["lawyer", "right", "human"]
    assert tokens("Campaigners campaigning") == ["campaign", "campaign"]
    assert "lawyer" in tokens("იურისტის ვაკანსია")
    assert tokens("адвокат", "bg") == tokens("адвокат", "ru") != tokens("адвокат", "cs")


def test_pairs_are_unordered():
    assert features(tokens("droits humains", "fr"))[-1] == features(tokens("human rights"))[-1]


def test_term_features():
    assert term_features("Fundraising") == [stem("fundraising")]
    assert term_features("legal aid") == ["aid legal"]
    assert term_features("head of office") == ["head offic"]


def test_vectoriser_rows_are_unit_length_and_words_weigh_most():
    docs = [[tokens("legal aid lawyer litigation")], [tokens("finance officer budget")]]
    matrix = Vectoriser().fit(docs).transform(docs)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    assert np.allclose(norms, 1, atol=1e-5)
    assert (matrix @ matrix.T).toarray()[0, 1] == 0


def test_families_of_postings_follow_the_title():
    docs = [
        [tokens("Protection Officer")] * 3 + [tokens("refugees asylum casework budget")],
        [tokens("Finance Officer")] * 3 + [tokens("accounting payroll budget")],
    ]
    vectoriser = Vectoriser().fit(docs)
    found = posting_families(
        vectoriser.transform(docs), vectoriser.transform([d[:1] for d in docs]), vectoriser
    )
    names = [families()[t] for t in found["top"][:, 0]]
    assert names == ["protection_casework", "finance_admin_hr_it"]


def test_family_affinity_is_symmetric_with_a_unit_diagonal():
    affinity = family_affinity()
    assert np.array_equal(affinity, affinity.T)
    assert np.all(np.diag(affinity) == 1)


def test_contains_matches_whole_words():
    assert contains("We need a Fundraising lead", "fundraising")
    assert not contains("Fundraisers welcome", "fundraising")


def test_ndcg_at_k():
    judgments = {"a": 2, "b": 1}
    assert ndcg_at_k(["a", "b", "c"], judgments) == pytest.approx(1.0)
    assert ndcg_at_k(["b", "a"], judgments) == pytest.approx(
        (1 + 3 / np.log2(3)) / (3 + 1 / np.log2(3))
    )
    assert ndcg_at_k(["c", "d"], judgments) == 0
    assert ndcg_at_k(["x"] * 10 + ["a"], judgments, k=10) == 0
    assert ndcg_at_k(["a"], {}) == 0
