"""Cross-language matching: the glossary brings postings in other languages to an English
profile's words, and job-advert boilerplate of those languages says nothing about fit.
Every sentence here is written for the test."""

from datetime import date

import pytest

from matcher import rank
from matcher.text import detect_language, tokens
from tests.test_matcher_rank import posting as rank_posting

AS_OF = date(2026, 3, 1)


def posting(id: str, title: str, text: str) -> dict:
    """A remote vacancy with no place or requirement: only its words can match."""
    return rank_posting(id, title=title, text=text, countries=[], regions=[], remote="yes")


def person(about: str, keywords: list[str], languages: dict[str, str]) -> dict:
    return {
        "id": "someone",
        "about": about,
        "keywords": keywords,
        "languages": {"en": "fluent", **languages},
        "years_experience": 5,
    }


DEVELOPER = person(
    "Software developer building mobile apps and databases for civil society groups.",
    ["software developer", "mobile app", "database"],
    {"uk": "native", "ru": "native", "pt": "fluent", "ka": "native"},
)

# (language, a developer's posting, an accountant's posting of the same organisation)
DEVELOPER_POSTINGS = [
    (
        "uk",
        posting(
            "uk-dev",
            "Розробник мобільного додатку",
            "Громадська організація шукає розробника мобільного додатку для збору даних "
            "про порушення прав людини. Вимоги: досвід роботи з базами даних.",
        ),
        posting(
            "uk-acc",
            "Бухгалтер",
            "Громадська організація шукає бухгалтера для ведення фінансової звітності. "
            "Вимоги: досвід роботи бухгалтером.",
        ),
    ),
    (
        "pt",
        posting(
            "pt-dev",
            "Desenvolvedora de aplicativo móvel",
            "Procuramos uma desenvolvedora para criar um aplicativo móvel e manter a base de "
            "dados de denúncias. Requisitos: experiência com programação.",
        ),
        posting(
            "pt-acc",
            "Contador(a)",
            "Procuramos um contador para a contabilidade da associação. Requisitos: "
            "experiência em contabilidade.",
        ),
    ),
    (
        "ka",
        posting(
            "ka-dev",
            "პროგრამისტი",
            "ორგანიზაცია ეძებს პროგრამისტს მობილური აპლიკაციის და მონაცემთა ბაზის შესაქმნელად.",
        ),
        posting(
            "ka-acc",
            "ბუღალტერი",
            "ორგანიზაცია ეძებს ბუღალტერს ფინანსური ანგარიშგებისთვის.",
        ),
    ),
]


@pytest.mark.parametrize(("lang", "wanted", "other"), DEVELOPER_POSTINGS)
def test_an_english_profile_meets_a_developer_posting_in_another_language(
    lang: str, wanted: dict, other: dict
) -> None:
    shown = [r["id"] for r in rank([other, wanted], [DEVELOPER], as_of=AS_OF)[0]]
    assert shown[:1] == [wanted["id"]], lang


def test_a_legal_officer_meets_a_spanish_legal_posting_before_a_communications_one() -> None:
    lawyer = person(
        "Legal officer with five years of strategic litigation on women's rights and violence "
        "against women before national courts and the Inter-American Commission.",
        ["legal officer", "strategic litigation", "women's rights"],
        {"es": "native"},
    )
    legal = posting(
        "es-legal",
        "Oficial jurídico/a",
        "Buscamos una abogada para litigio estratégico en casos de violencia contra las "
        "mujeres ante tribunales nacionales y la Comisión Interamericana.",
    )
    comms = posting(
        "es-comms",
        "Comunicador/a",
        "Buscamos una persona comunicadora para gestionar redes sociales y contenidos "
        "audiovisuales de la organización.",
    )
    shown = [r["id"] for r in rank([comms, legal], [lawyer], as_of=AS_OF)[0]]
    assert shown[:1] == ["es-legal"]


def test_inter_american_is_written_as_one_word_or_two() -> None:
    english = tokens("the Inter-American Commission", "en")
    assert set(tokens("la Comisión Interamericana", "es")) >= {"inter", "american"}
    assert set(english) >= {"inter", "american"}


@pytest.mark.parametrize(
    ("lang", "boilerplate"),
    [
        ("es", "Fecha límite de postulación: 3 de marzo. Requisitos: experiencia de trabajo."),
        ("pt", "Prazo de inscrição até 10 de setembro; requisitos: experiência de trabalho."),
        ("fr", "Date limite de candidature : 12 avril. Emploi pendant deux mois."),
        ("ru", "Требования к кандидату: опыт работы."),
        ("uk", "Вимоги до кандидата: досвід роботи від трьох років."),
    ],
)
def test_job_advert_boilerplate_of_other_languages_is_dropped(lang: str, boilerplate: str) -> None:
    assert tokens(boilerplate, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "words"),
    [
        (
            "ca",
            "Tècnic/a de projectes de drets humans amb experiència en incidència.",
            {"offic", "project", "right", "human", "advocacy"},
        ),
        (
            "cs",
            "Hledáme koordinátora projektu pro ochranu lidských práv uprchlíků.",
            {"coordinator", "project", "protection", "human", "right", "refuge"},
        ),
        (
            "pl",
            "Poszukujemy koordynatora projektu ochrony praw człowieka dla uchodźców.",
            {"coordinator", "project", "protection", "right", "human", "refuge"},
        ),
        (
            "nl",
            "Wij zoeken een beleidsmedewerker mensenrechten voor ons onderzoek naar asiel.",
            {"policy", "offic", "human", "right", "research", "asylum"},
        ),
    ],
)
def test_sector_words_of_more_languages_meet_english_ones(lang, text, words):
    assert set(tokens(text, "?")) >= words
    assert not {"amb", "dla", "ons"} & set(tokens(text, "?"))  # function words dropped


def test_a_catalan_posting_is_read_as_catalan() -> None:
    sentence = "la fundacio busca una persona amb experiencia en els drets dels infants"
    assert detect_language(sentence.split(" ")) == "ca"
