"""Requirement strength of a language from its own sentence and its section heading.

Every sentence here was written for this test."""

import pytest

from tests.extract_helpers import langs


@pytest.mark.parametrize(
    ("text", "required", "desirable"),
    [
        # a list continued after a comma keeps the strength of its start, not a later clause's
        (
            "Complete fluency in English, Georgian and Russian, and a working knowledge of "
            "Armenian is an asset.",
            ["en", "ka", "ru"],
            ["hy"],
        ),
        (
            "Maîtrise parfaite du français, de l'arabe et de l'anglais, une connaissance de "
            "l'espagnol serait un atout.",
            ["fr", "ar", "en"],
            ["es"],
        ),
        # a bracket with its own strength is an aside: it does not reach the clause around it
        (
            "You write fluent Spanish and Portuguese (some Italian would be an advantage).",
            ["es", "pt"],
            ["it"],
        ),
        ("Excellent Arabic and French (English is an asset) are needed.", ["ar", "fr"], ["en"]),
        # a preference in brackets right after the language
        ("Candidates should read and speak Portuguese (preferred).", [], ["pt"]),
        # a "Preferred qualifications ..." heading governs the lines under it ...
        (
            "Preferred qualifications include:\n• Fluency in Spanish\n• Knowledge of Italian\n"
            "Required qualifications:\n• Excellent command of English",
            ["en"],
            ["es", "it"],
        ),
        # ... and a "Required languages" heading the short lines under it
        ("Lenguas requeridas\nFrancés\nPerfil del puesto", ["fr"], []),
        ("Langues requises\nAnglais, allemand", ["en", "de"], []),
        # a languages heading ends an assets section
        (
            "Assets\n• Experience with donors\nLanguages\n• Fluent Ukrainian and English",
            ["uk", "en"],
            [],
        ),
        # Arabic: "the necessary languages: ...; ... desirable"
        ("اللغات الضرورية: الإنجليزية؛ اللغة العربية مرغوب فيها", ["en"], ["ar"]),
        # French adverb of fluency
        ("Vous parlez couramment l'allemand.", ["de"], []),
        # Czech: knowledge required, advantage desirable
        (
            "Výborná znalost češtiny. Znalost anglického jazyka je výhodou.",
            ["cs"],
            ["en"],
        ),
    ],
)
def test_strength(text, required, desirable):
    got_required, got_desirable, _ = langs(text)
    assert (got_required, got_desirable) == (required, desirable)


def test_portuguese_at_least_rule():
    text = "Ser fluente em pelo menos dois destes idiomas: espanhol, inglês, francês."
    assert langs(text) == ([], [], {"at_least": 2, "of": ["es", "en", "fr"]})


@pytest.mark.parametrize(
    ("text", "required", "rule"),
    [
        (
            "Excellent written English and either French or Arabic.",
            ["en"],
            {"at_least": 1, "of": ["fr", "ar"]},
        ),
        (
            "Свободное владение русским языком и либо английским, либо французским.",
            ["ru"],
            {"at_least": 1, "of": ["en", "fr"]},
        ),
    ],
)
def test_either_or_after_a_required_language(text, required, rule):
    assert langs(text) == (required, [], rule)


@pytest.mark.parametrize(
    "heading",
    ["Qualifications and experience", "Required skills & competencies", "Profil et compétences"],
)
def test_a_two_word_requirements_heading_ends_an_assets_section(heading):
    text = f"Desirable\n• Experience with donors\n{heading}\n• Fluent Russian"
    assert langs(text)[:2] == (["ru"], [])


def test_a_two_word_assets_heading_opens_an_assets_section():
    text = "Desirable skills and experience\n• Knowledge of Kazakh\n• Project management"
    assert langs(text)[:2] == ([], ["kk"])


@pytest.mark.parametrize(
    ("text", "required", "desirable"),
    [
        # a later clause's preference does not reach back over a list continued with commas
        (
            "Complete fluency in English, Georgian and Russian, the working languages of the "
            "office; Spanish is an asset.",
            ["en", "ka", "ru"],
            ["es"],
        ),
        # but a list opened after a semicolon takes the preference that follows it
        (
            "Fluent English; French, Spanish or Arabic would be an asset.",
            ["en"],
            ["fr", "es", "ar"],
        ),
    ],
)
def test_list_continuation(text, required, desirable):
    assert langs(text)[:2] == (required, desirable)


@pytest.mark.parametrize(
    "heading",
    ["What you'll bring", "Profil souhaité", "Your profile", "Tu perfil", "The ideal candidate"],
)
def test_more_requirements_headings_end_an_assets_section(heading):
    text = f"Nice to have\n• Experience with donors\n{heading}\n• Fluent Russian"
    assert langs(text)[:2] == (["ru"], [])


@pytest.mark.parametrize(
    "text",
    [
        "Chargé\n\nAtouts : connaissance de l'arabe ou du wolof.",
        "Chargé\n\nLa connaissance de l'arabe et du wolof sont des atouts.",
    ],
)
def test_atouts_in_the_plural_make_languages_desirable(text):
    required, desirable, _ = langs(text)
    assert (required, set(desirable)) == ([], {"ar", "wo"})


@pytest.mark.parametrize(
    ("text", "required", "desirable"),
    [
        (
            "Требования: свободное владение русским, знание английского будет преимуществом.",
            ["ru"],
            ["en"],
        ),
        ("Вимоги: знання англійської буде перевагою.", [], ["en"]),
        ("Изисквания: английски ще бъде предимство.", [], ["en"]),
    ],
)
def test_a_cyrillic_name_before_its_verb_is_the_language(text, required, desirable):
    assert langs(text)[:2] == (required, desirable)


@pytest.mark.parametrize(
    ("text", "required", "desirable"),
    [
        (
            "Requisiti: almeno 2 anni di esperienza, ottima conoscenza dell'italiano e "
            "dell'inglese; la conoscenza del francese o dell'arabo costituisce titolo "
            "preferenziale.",
            ["it", "en"],
            ["fr", "ar"],
        ),
        (
            "Wir erwarten: mindestens zwei Jahre Berufserfahrung, sehr gute Deutsch- und "
            "Englischkenntnisse; Arabischkenntnisse sind von Vorteil.",
            ["de", "en"],
            ["ar"],
        ),
    ],
)
def test_at_least_n_years_is_no_language_rule(text, required, desirable):
    assert langs(text) == (required, desirable, None)


@pytest.mark.parametrize(
    ("text", "required", "desirable"),
    [
        (
            "Požadujeme: aktivní znalost ukrajinského jazyka, znalost ruského jazyka výhodou.",
            ["uk"],
            ["ru"],
        ),
        ("Požadujeme: znalost španělského a arabského jazyka.", ["es", "ar"], []),
        ("Požiadavky: znalosť maďarského jazyka je výhodou.", [], ["hu"]),
        ("Wymagania: znajomość języka ukraińskiego.", ["uk"], []),
    ],
)
def test_czech_slovak_and_polish_adjective_forms(text, required, desirable):
    assert langs(text)[:2] == (required, desirable)


@pytest.mark.parametrize(
    "text",
    ["Bilingual English/French required.", "Profil bilingue français/anglais exigé."],
)
def test_bilingual_asks_for_both_languages(text):
    required, _, rule = langs(text)
    assert (set(required), rule) == ({"en", "fr"}, None)
