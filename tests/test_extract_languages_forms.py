"""Language names in more forms and languages: CLDR names of the newer corpus languages with their
requirement and preference words, speaking verbs, skill compounds, names put aside ("non-English",
"without German") and adjectives that are no languages.

Every sentence here was written for this test."""

import pytest

from tests.extract_helpers import langs


@pytest.mark.parametrize(
    ("text", "required", "desirable"),
    [
        # Albanian, Armenian, Bulgarian, Serbian (both scripts), Croatian, Azerbaijani, Kyrgyz,
        # Hungarian and Swedish: a required and a desirable language
        (
            "Njohuri të mira të anglishtes janë të detyrueshme; njohja e italishtes është "
            "përparësi.",
            ["en"],
            ["it"],
        ),
        (
            "Անգլերենի իմացությունը պարտադիր է, ռուսերենի իմացությունը ցանկալի է։",
            ["en"],
            ["ru"],
        ),
        (
            "Отлично владеене на английски език е задължително; владеенето на немски език е "
            "предимство.",
            ["en"],
            ["de"],
        ),
        ("Знање енглеског језика је обавезно.", ["en"], []),
        (
            "Obavezno je odlično znanje engleskog jezika, a poznavanje njemačkog jezika je "
            "prednost.",
            ["en"],
            ["de"],
        ),
        (
            "İngilis dilini səlis bilmək mütləqdir; alman dilini bilmək üstünlükdür.",
            ["en"],
            ["de"],
        ),
        ("Кыргыз жана орус тилдерин эркин билүү милдеттүү.", ["ky", "ru"], []),
        ("Kiváló angol és német nyelvtudás szükséges.", ["en", "de"], []),
        ("Stabil angol nyelvtudás; a francia nyelvtudás előnyt jelent.", ["en"], ["fr"]),
        ("Flytande svenska krävs; kunskaper i tyska är meriterande.", ["sv"], ["de"]),
        # a country's name is no language, even where a locale names a language after it
        ("Hon bor i Belarus och arbetar med flyktingar; flytande ryska krävs.", ["ru"], []),
    ],
)
def test_newer_languages(text, required, desirable):
    assert langs(text)[:2] == (required, desirable)


@pytest.mark.parametrize(
    ("text", "required", "desirable"),
    [
        # speaking and writing verbs, "connaît", "un bon ..."
        ("Vous devez parler et écrire l'espagnol.", ["es"], []),
        ("Capacidad para hablar portugués con soltura.", ["pt"], []),
        ("Connaît l'italien.", ["it"], []),
        ("Un bon allemand écrit est attendu.", ["de"], []),
        ("Applicants must have two years of work and good English.", ["en"], []),
        ("You speak perfect French; conversational Arabic would be a plus.", ["fr"], ["ar"]),
        # a Spanish level after the name ("inglés alto", "francés medio")
        ("Requisitos: tres años de experiencia, inglés alto.", ["en"], []),
        ("Perfil: francés medio y portugués nativo.", ["fr", "pt"], []),
        # words after a name that keep it the language
        ("Knowledge of correct Spanish usage.", ["es"], []),
        ("Vorausgesetzt wird, dass die Person Französisch spricht.", ["fr"], []),
        ("Arabischkenntnisse sind hilfreich.", [], ["ar"]),
        # a CEFR level after a name makes a line about the language
        ("Türkçe (C1)", ["tr"], []),
        # but an organisation's working language with no cue is no requirement
        ("The team works in Swedish but the reports are in English.", [], []),
    ],
)
def test_more_cues(text, required, desirable):
    assert langs(text)[:2] == (required, desirable)


@pytest.mark.parametrize(
    ("text", "required", "desirable"),
    [
        # a compound with a skill is the language; one with "speaking" is a demonym
        ("Sehr gute Spanisch-Kenntnisse", ["es"], []),
        ("Experience with Russian-speaking communities; fluent English.", ["en"], []),
        # names put aside: "non-", "other than", "without"
        ("Fluency in a non-Arabic language is a plus.", [], []),
        (
            "Fluent Portuguese; knowledge of languages other than Portuguese is an asset.",
            ["pt"],
            [],
        ),
        ("Open to candidates without German or Dutch; fluent English is required.", ["en"], []),
        # a list in brackets takes the strength of its clause as a whole
        (
            "Fluent Portuguese; knowledge of local languages (Swahili, Somali) would be an asset.",
            ["pt"],
            ["sw", "so"],
        ),
        (
            "Fluent Portuguese; knowledge of local languages (Swahili, Somali) is required.",
            ["pt", "sw", "so"],
            [],
        ),
        # lower-case adjectives joined by "and" before their noun are no languages
        (
            "Sehr gute Kenntnisse der französischen und belgischen Sozialpolitik sowie "
            "fließendes Deutsch.",
            ["de"],
            [],
        ),
        # the language of the people served is no requirement, also at the head of a list
        (
            "Fluent Swedish is required for work with Kurdish and Somali communities.",
            ["sv"],
            [],
        ),
        ("Fluent English; experience with Arabic and Somali communities.", ["en"], []),
        ("Fluent English and French; experience with Somali communities.", ["en", "fr"], []),
        # lower-case names before the word "language" are the languages
        ("Sehr gute Kenntnisse der deutschen und englischen Sprache.", ["de", "en"], []),
        (
            "The Russian presence in the region is well known; fluent English is required.",
            ["en"],
            [],
        ),
    ],
)
def test_names_that_are_and_are_not_asked_for(text, required, desirable):
    assert langs(text)[:2] == (required, desirable)
