"""Titles cut out of announcement sentences, organisations named in scripts without capitals,
and the features that tell a headline or a funder from what is wanted (sentences written here)."""

import pytest

from understand.text import Doc, normalise
from understand.title import georgian_titles, org_candidates, title_candidates


def title_cands(text: str) -> dict[str, dict[str, float]]:
    return {c.text: c.features for c in title_candidates(Doc(normalise(text)))}


def org_cands(text: str) -> dict[str, dict[str, float]]:
    return {c.text: c.features for c in org_candidates(Doc(normalise(text)), None, None)}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Fundația Drept Egal anunță concurs de angajare pentru postul de Jurist Comunitar",
            "Jurist Comunitar",
        ),
        ("Instituto Aurora abre edital para educadores populares", "educadores populares"),
        (
            "Центр Правова Ініціатива оголошує конкурс для відбору регіонального аналітика",
            "регіонального аналітика",
        ),
        (
            "Fundacja Wolne Sądy ogłasza nabór na stanowisko asystenta prawnego",
            "asystenta prawnego",
        ),
        ("Applications are open for the role of Grants Coordinator", "Grants Coordinator"),
        (
            "L'Observatoire cherche une personne au poste de chargée de plaidoyer",
            "chargée de plaidoyer",
        ),
        ("A Rede abre seleção para a vaga de analista de dados", "analista de dados"),
    ],
)
def test_title_cut_out_of_an_announcement(text: str, title: str) -> None:
    found = title_cands(f"{text}\n\nMore about the work follows here.")
    assert "src=after_verb" in found[title]


def test_georgian_role_in_the_genitive_is_given_in_the_nominative() -> None:
    sentence = "ორგანიზაცია აცხადებს კონკურსს საველე მონიტორის პოზიციაზე"
    assert georgian_titles(sentence) == ["მონიტორი", "საველე მონიტორი"]
    assert "src=genitive" in title_cands(sentence + ".\n\nდეტალები")["საველე მონიტორი"]


def test_a_georgian_role_starts_after_the_announcing_verb() -> None:
    sentence = "ცენტრი აცხადებს უფროსი იურისტის ვაკანსიას"
    assert georgian_titles(sentence) == ["იურისტი", "უფროსი იურისტი"]


def test_a_verb_ending_a_line_and_a_role_after_a_verb_are_features() -> None:
    found = title_cands(
        "Juristes Solidaires recrute\n\nJuristes Solidaires recrute un juriste stagiaire."
    )
    assert found["Juristes Solidaires recrute"].get("verb_inside")
    assert found["juriste stagiaire"].get("role_after_verb")


def test_terms_of_reference_name_the_posting_not_the_role() -> None:
    found = title_cands("Terms of Reference for the evaluation\n\nEvaluation consultant")
    assert found["Terms of Reference for the evaluation"].get("posting_word")


def test_a_quoted_role_in_a_heading_is_a_candidate() -> None:
    found = title_cands("Чому варто стати «Волонтер громадської приймальні»\n\nДеталі")
    assert "src=quoted" in found["Волонтер громадської приймальні"]


def test_organisation_before_its_noun_in_a_script_without_capitals() -> None:
    found = org_cands("დღეს ქალთა უფლებების ცენტრი გთავაზობთ სტაჟირებას.\n\nსხვა ტექსტი")
    assert "ქალთა უფლებების ცენტრი" in found


def test_the_subject_of_an_announcing_verb_is_an_organisation_candidate() -> None:
    found = org_cands("მთის ქალთა ქსელი აცხადებს კონკურსს იურისტის პოზიციაზე.\n\nდეტალები")
    assert "src=o_announcer" in found["მთის ქალთა ქსელი"]


def test_announcer_label_in_georgian() -> None:
    found = org_cands("ვაკანსია\nგამომცხადებელი: სამართლებრივი დახმარების ფონდი\nვადა: 2026")
    assert "src=o_label" in found["სამართლებრივი დახმარების ფონდი"]


@pytest.mark.parametrize(
    ("text", "funder"),
    [
        (
            "The Riverside Rights Centre seeks an officer. The project is funded by the Northern "
            "Liberty Foundation.",
            "Northern Liberty Foundation",
        ),
        (
            "ცენტრი აცხადებს კონკურსს, Open Plains Fund მიერ მხარდაჭერილი პროექტის ფარგლებში.",
            "Open Plains Fund",
        ),
    ],
)
def test_a_funder_is_marked(text: str, funder: str) -> None:
    found = org_cands(text)
    assert found[funder].get("o_funder")
    assert not any(f.get("o_funder") for name, f in found.items() if "Riverside" in name)
