import pytest

from tests.extract_helpers import langs


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


@pytest.mark.parametrize(
    ("text", "required", "desirable"),
    [
        # a list joined by commas and "or" before "is desirable" is desirable as a whole
        ("Fluent English; Tamil, Sinhala or Malay is desirable.", ["en"], ["ta", "si", "ms"]),
        ("Strong French. Hausa, Wolof or Arabic is a plus.", ["fr"], ["ha", "wo", "ar"]),
        ("Excellent Spanish; Italian and German are desirable.", ["es"], ["it", "de"]),
        ("Somali or Amharic would be valued.", [], ["so", "am"]),
        # a leading "Desirable:" label governs the list after it, not the clause before it
        ("Desirable: Kurdish, Farsi or Turkish.", [], ["ku", "fa", "tr"]),
        ("Required: Greek; desirable: Bulgarian.", ["el"], ["bg"]),
        # requirement words alone make a language sentence
        ("Georgian and Azerbaijani are both essential for the post.", ["ka", "az"], []),
        ("Polish is a must.", ["pl"], []),
        ("Knowledge of Romanian is mandatory.", ["ro"], []),
        ("Le portugais est obligatoire.", ["pt"], []),
        ("El árabe es imprescindible.", ["ar"], []),
        ("Знание казахского языка обязательно.", ["kk"], []),
        ("Spanish is required. Some knowledge of Portuguese is desirable.", ["es"], ["pt"]),
        # a trailing clause without a cue keeps the decision before it
        (
            "Arabic is required; Kurdish is desirable, since many partners speak Kurdish.",
            ["ar"],
            ["ku"],
        ),  # fmt: skip
        # "nativo" and "dominio" decide their own clause; "inglés de trabajo" is a language
        ("Portugués nativo; el inglés es deseable.", ["pt"], ["en"]),
        ("Dominio del francés y buen nivel de inglés de trabajo.", ["fr", "en"], []),
        # lower-case language names in Spanish and French
        ("Se valorará el conocimiento del aimara o del guaraní.", [], ["ay", "gn"]),
        ("Le français est exigé ; le bambara est un atout.", ["fr"], ["bm"]),
        (
            "Fluency in Kinyarwanda is required; Lingala or Tigrinya is an asset.",
            ["rw"],
            ["ln", "ti"],
        ),  # fmt: skip
        # Arabic and Georgian cues
        ("إتقان اللغة العربية مطلوب، ويُفضل معرفة اللغة الفرنسية.", ["ar"], ["fr"]),
        ("ქართული ენის ცოდნა სავალდებულოა, რუსული ენის ცოდნა სასურველია.", ["ka"], ["ru"]),
    ],
)
def test_requirement_and_preference_phrasings(text, required, desirable):
    assert langs(text) == (required, desirable, None)


@pytest.mark.parametrize(
    "text",
    [
        "Experience with Russian-speaking communities is essential.",  # a compound, not a language
        "Applications in English or French are welcome.",  # not a skill
        "The annual report is published in Spanish and English.",
        "We need a Field Coordinator for our office in Tbilisi; travel is essential.",
    ],
)
def test_no_language_requirement(text):
    assert langs(text) == ([], [], None)


def test_desirable_section_makes_its_languages_desirable():
    text = (
        "Essential\nExcellent written Portuguese\nDegree in law\n"
        "Desirable\nMaster's degree\nFluent Spanish\n"
        "What we offer\nA friendly team. Excellent Italian is a requirement."
    )  # the section ends at the next heading
    assert langs(text) == (["pt", "it"], ["es"], None)


def test_posting_without_languages_gives_empty_lists():
    text = (
        "Finance Assistant\nWe are hiring a Finance Assistant for our Nairobi office.\n"
        "Requirements: a degree in accounting and two years of experience.\nApply by 1 May."
    )
    assert langs(text) == ([], [], None)


def test_a_document_in_a_language_is_not_a_language_skill():
    assert langs("A motivation letter in Portuguese is required.") == ([], [], None)
    assert langs("Reports are due in Arabic; Arabic is mandatory.") == (["ar"], [], None)
