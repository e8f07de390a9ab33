import pytest

from rightsjobs.extract.languages import find_languages
from rightsjobs.extract.text import Doc, normalise


def langs(text: str):
    out = find_languages(Doc(normalise(text)))
    return out.required, out.desirable, out.rule


@pytest.mark.parametrize(
    ("text", "required", "desirable", "rule"),
    [
        # proficiency cue makes languages required
        ("Excellent written and spoken English and Arabic.", ["en", "ar"], [], None),
        # "is an asset" makes its segment desirable
        ("Fluent French is essential; Portuguese is an asset.", ["fr"], ["pt"], None),
        # an undecided segment takes the decision that follows it
        ("German, Dutch or Polish would be an advantage.", [], ["de", "nl", "pl"], None),
        # "preferably X" is desirable for X alone
        (
            "Working knowledge of Ukrainian, English and preferably Romanian.",
            ["uk", "en"],
            ["ro"],
            None,
        ),
        # "at least N of" becomes a rule and empties both lists
        (
            "Proficiency in at least two of the following: Kazakh, Russian, English.",
            [],
            [],
            {"at_least": 2, "of": ["kk", "ru", "en"]},
        ),
        # "X or Y" required is a rule of one
        (
            "Fluency in Spanish or Portuguese is required.",
            [],
            [],
            {"at_least": 1, "of": ["es", "pt"]},
        ),
        # French sentence
        (
            "Maîtrise de l'anglais exigée, la connaissance de l'espagnol est un atout.",
            ["en"],
            ["es"],
            None,
        ),
        # Spanish sentence
        ("Se requiere dominio del francés; el árabe es deseable.", ["fr"], ["ar"], None),
        # a preference attached to the last language alone
        ("Dominio del español e inglés intermedio deseable.", ["es"], ["en"], None),
        (
            "Langues : excellente maîtrise de l'arabe ; l'anglais serait un plus.",
            ["ar"],
            ["en"],
            None,
        ),
        # Russian inflected names
        (
            "Свободное владение таджикским и русским языками, знание узбекского языка желательно.",
            ["tg", "ru"],
            ["uz"],
            None,
        ),
        # a language named without a skill cue is not a requirement
        ("Drafting of alerts (in English, French or Spanish) for partners.", [], [], None),
        # demonyms before nouns are not languages
        ("Knowledge of the Georgian context and Armenian politics.", [], [], None),
        # "another regional language" names no language
        ("Knowledge of another regional language desirable.", [], [], None),
    ],
)
def test_language_rules(text, required, desirable, rule):
    assert langs(text) == (required, desirable, rule)


def test_un_style_language_paragraph():
    text = (
        "Languages\nEnglish and French are the working languages of the Secretariat. For this post,"
        " fluency in English is required. Knowledge of Thai is desirable."
    )
    assert langs(text) == (["en"], ["th"], None)


def test_languages_heading_lines():
    assert langs("Languages\nEnglish - fluent\nItalian - desirable") == (["en"], ["it"], None)
