"""Candidate generators of the title and organisation taggers: each general rule proposes the
right value among its candidates for a sentence written here (the tagger chooses among them)."""

import pytest

from understand.text import Doc, normalise
from understand.title import org_candidates, title_candidates


def titles(text: str, url: str | None = None) -> list[str]:
    return [c.text for c in title_candidates(Doc(normalise(text), url=url))]


def orgs(text: str, url: str | None = None) -> list[str]:
    return [c.text for c in org_candidates(Doc(normalise(text), url=url), None, None)]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a title field whose label holds a title word, in several languages, the value on the
        # same line or the next
        (
            "Avis\nIntitulé de la mission : Juriste en droit des étrangers\nDurée : 3 mois",
            "Juriste",
        ),
        (
            "Términos\nTítulo de la contratación\nAsesora en justicia transicional\nObjetivo",
            "Asesora",
        ),
        ("Оголошення\nНазва посади: Аналітик з прав дітей\nМісце: Київ", "Аналітик"),
    ],
)
def test_title_field_labels_in_many_languages(text: str, title: str) -> None:
    found = title_candidates(Doc(normalise(text)))
    assert [c.text for c in found if c.features.get("src=field")][0].startswith(title)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # the title stops before what the role is for or where it sits
        (
            "Accueil\n\nLe Centre recherche un chargé de plaidoyer au sein de son bureau de Dakar.",
            "chargé de plaidoyer",
        ),
        (
            "Home\n\nThe Clinic is looking for a Detention Monitor with its Athens team.",
            "Detention Monitor",
        ),
        # a verb and "to the team" before the title
        ("Новини\n\nОбʼєднання шукає в команду юриста-консультанта.", "юриста-консультанта"),
        ("Aktuality\n\nHledáme do týmu analytika pro oblast vězeňství.", "analytika"),
        ("Nieuws\n\nDe stichting zoekt een beleidsmedewerker voor twee jaar.", "beleidsmedewerker"),
    ],
)
def test_title_in_a_sentence_and_its_shorter_cuts(text: str, title: str) -> None:
    assert title in titles(text)


def test_title_without_a_trailing_parenthesis() -> None:
    text = "Careers\nData Protection Adviser (0.8 FTE) - open until filled\nWe work on privacy."
    assert "Data Protection Adviser" in titles(text)


@pytest.mark.parametrize(
    ("text", "url", "org"),
    [
        # a name with no organisation word, spelled by the site's host name
        (
            "Técnica de proyecto\n\nKuntur (miembro de una red regional) es una ONG andina.",
            "https://www.kuntur.org/empleo/tecnica",
            "Kuntur",
        ),
        # ... or by the domain of the e-mail address to apply to
        (
            "Field Researcher\n\nLantern Rights documents abuses. Write to jobs@lanternrights.org.",
            None,
            "Lantern Rights",
        ),
        # a name whose initials are an acronym the text uses
        (
            "Chargé de projet\n\nJuristes Sans Cloisons (JSC) accompagne les victimes. "
            "JSC travaille au Sahel depuis 2015. Les équipes de JSC sont à Niamey.",
            None,
            "Juristes Sans Cloisons",
        ),
    ],
)
def test_organisation_spelled_by_host_mail_or_acronym(text: str, url: str | None, org: str) -> None:
    assert org in orgs(text, url)


def test_web_mail_spells_no_organisation() -> None:
    text = "Driver\n\nGmail Drivers Club is not the employer. Write to someone@gmail.com."
    assert "Gmail Drivers Club" not in orgs(text)
