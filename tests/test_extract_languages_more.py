"""Language names, cues and section headings in more languages, choices and list items.

Every sentence here was written for this test."""

import pytest

from tests.extract_helpers import langs
from understand import extract
from understand.languages import find_languages
from understand.text import Doc, normalise


@pytest.mark.parametrize(
    ("text", "required", "desirable"),
    [
        # Polish: declined names, "biegła znajomość", "mile widziana", "będzie atutem"
        ("Wymagana biegła znajomość języka angielskiego w mowie i piśmie.", ["en"], []),
        ("Mile widziana znajomość języka ukraińskiego.", [], ["uk"]),
        ("Znajomość języka niemieckiego będzie dodatkowym atutem.", [], ["de"]),
        # Romanian: "cunoașterea limbii ...", "constituie un avantaj", "obligatoriu"
        ("Cunoașterea limbii engleze reprezintă un avantaj.", [], ["en"]),
        ("Este obligatorie cunoașterea limbilor română și rusă.", ["ro", "ru"], []),
        # Arabic: a skill noun after the names ("writing and speaking"), "in the languages",
        # and a name after "and" standing alone
        ("إجادة اللغة العربية والإنجليزية كتابة ومحادثة.", ["ar", "en"], []),
        ("القدرة على التحدث باللغات العربية والفرنسية.", ["ar", "fr"], []),
        ("إجادة اللغة العربية و اللغة الإنجليزية.", ["ar", "en"], []),
        # Czech and Polish "we require": the list's first language keeps its own strength
        ("Požadujeme: znalost českého jazyka, angličtina výhodou.", ["cs"], ["en"]),
        ("Wymagamy znajomości języka angielskiego, mile widziany rosyjski.", ["en"], ["ru"]),
        # Portuguese: "obrigatórias", "necessário"
        ("Línguas obrigatórias: Inglês e Português", ["en", "pt"], []),
        ("É necessário o domínio do espanhol.", ["es"], []),
        # Turkish: "İyi derecede İngilizce bilmek", "tercih sebebidir"
        ("İyi derecede İngilizce bilmek.", ["en"], []),
        ("Arapça bilmek tercih sebebidir.", [], ["ar"]),
        # Dutch: "beheersing", "vloeiend", "een pré"
        ("Je spreekt en schrijft vloeiend Nederlands en Engels.", ["nl", "en"], []),
        ("Kennis van het Frans is een pré.", [], ["fr"]),
        # Czech: "ovládá", and a clause on an unnamed language does not reach back
        ("Dobře ovládá češtinu slovem i písmem.", ["cs"], []),
        (
            "Znalost anglického jazyka slovem i písmem, znalost dalšího jazyka je výhodou.",
            ["en"],
            [],
        ),
        # German: compounds and adjective forms, "sprechen", "ein Plus"
        ("Sehr gute Deutsch- und Englischkenntnisse.", ["de", "en"], []),
        ("Wünschenswert sind Kenntnisse der polnischen Sprache.", [], ["pl"]),
        ("Idealerweise sprechen Sie auch Italienisch.", [], ["it"]),
        ("Gute Spanischkenntnisse sind ein Plus.", [], ["es"]),
        # Italian: "costituisce titolo preferenziale"
        ("Costituisce titolo preferenziale la conoscenza del tedesco.", [], ["de"]),
        # Persian: "تسلط به زبان ... الزامی است", "مزیت"
        ("تسلط به زبان فرانسوی الزامی است", ["fr"], []),
        ("آشنایی با زبان روسی مزیت محسوب می‌شود", [], ["ru"]),
        # Ukrainian with dashes: each language with its own strength
        ("Англійська мова — обов'язково, польська — бажано.", ["en"], ["pl"]),
        # Russian and Ukrainian short adjectives and "is welcome" after the language
        ("Нужно свободно говорить по-казахски, английский желателен.", ["kk"], ["en"]),
        ("Знание турецкого языка приветствуется.", [], ["tr"]),
        ("Досконале знання української мови, німецька мова бажана.", ["uk"], ["de"]),
        ("Знання румунської мови вітається.", [], ["ro"]),
        # English preference wordings
        ("Proficiency in Thai will be considered a strong plus.", [], ["th"]),
        ("Mongolian language skills highly appreciated.", [], ["mn"]),
        ("Priority will be given to candidates who speak Somali or Swahili.", [], ["so", "sw"]),
        ("It would be great if you also speak Amharic.", [], ["am"]),
        ("Bonus points if you speak Hindi.", [], ["hi"]),
        # "and" in Georgian, Greek, Albanian and Azerbaijani joins two languages
        ("საჭიროა ქართული და რუსული ენების კარგი ცოდნა.", ["ka", "ru"], []),
        ("Απαιτείται άριστη γνώση ελληνικών και γαλλικών.", ["el", "fr"], []),
        ("Njohuri të mira të gjuhës shqipe dhe gjermane.", ["sq", "de"], []),
        ("Azərbaycan və ingilis dillərini mükəmməl bilmək.", ["az", "en"], []),
        # Macedonian "јазик" and "предност", Albanian "avantazh", Persian "امتیاز"
        ("Потребно е познавање на англиски јазик.", ["en"], []),
        ("Познавањето на турски јазик е предност.", [], ["tr"]),
        ("Njohja e gjuhës italiane është avantazh.", [], ["it"]),
        ("آشنایی با زبان عربی امتیاز محسوب می‌شود.", [], ["ar"]),
        # Indonesian: "menguasai bahasa ...", "nilai tambah"
        ("Menguasai bahasa Inggris dengan baik.", ["en"], []),
        ("Menguasai bahasa Arab menjadi nilai tambah.", [], ["ar"]),
        # Armenian sentences end with "։": a preference in the next one stays there
        (
            "Պահանջվում է անգլերենի գերազանց իմացություն։ Ֆրանսերենի իմացությունը առավելություն է։",
            ["en"],
            ["fr"],
        ),
    ],
)
def test_names_and_cues(text, required, desirable):
    assert langs(text)[:2] == (required, desirable)


@pytest.mark.parametrize(
    ("text", "required", "desirable"),
    [
        (
            "Wymagania:\nbiegły angielski\nMile widziane:\nznajomość języka rosyjskiego",
            ["en"],
            ["ru"],
        ),
        (
            "Požadujeme:\nznalost anglického jazyka\nVýhodou:\nznalost ruského jazyka",
            ["en"],
            ["ru"],
        ),
        (
            "Wat vragen wij:\nUitstekende beheersing van het Nederlands\nPluspunten:\nDuits",
            ["nl"],
            ["de"],
        ),
        ("Anforderungen:\nSehr gute Englischkenntnisse\nVon Vorteil:\nFranzösisch", ["en"], ["fr"]),
        ("Cerințe:\ncunoașterea limbii române\nConstituie avantaj:\nlimba engleză", ["ro"], ["en"]),
        ("Pluses:\nUzbek\nTajik", [], ["uz", "tg"]),
        ("What we'd love to see:\nKyrgyz language skills", [], ["ky"]),
        # a bare language line under a requirements heading is required ...
        ("Requirements:\nLaw degree\nEnglish\nFrench", ["en", "fr"], []),
        # ... not a line of prose naming a language, nor one after a details line
        ("Assets:\nKnowledge of Greek\nOur team works in English and Turkish", [], ["el"]),
        ("Nice to have:\nPortuguese\nLocation: Maputo\nEnglish", [], ["pt"]),
    ],
)
def test_sections(text, required, desirable):
    assert langs(text)[:2] == (required, desirable)


@pytest.mark.parametrize(
    ("text", "required", "rule"),
    [
        # "one of the two official languages (X, Y)": a choice of one within its clause
        (
            "Candidates need a good command of one of the working languages (English, French).",
            [],
            {"at_least": 1, "of": ["en", "fr"]},
        ),
        (
            "Persoana trebuie să cunoască una dintre limbile oficiale (engleza, franceza).",
            [],
            {"at_least": 1, "of": ["en", "fr"]},
        ),
        # "another UN language (X or Y)": a choice of one among those in the brackets
        (
            "Fluency in English and one other UN language (French or Spanish) is required.",
            ["en"],
            {"at_least": 1, "of": ["fr", "es"]},
        ),
        # "X and Y or Z": X plus a choice between Y and Z; "/" and "lub" join a choice
        ("Znajomość języków angielskiego i rosyjskiego/ukraińskiego.", ["en"], None),
        ("Fluency in English and Russian or Kazakh.", ["en"], None),
        # "X, Y or Z" (and "and/or" in several languages): a choice of one of the whole list
        (
            "The volunteer speaks Georgian, Armenian or Azerbaijani.",
            [],
            {"at_least": 1, "of": ["ka", "hy", "az"]},
        ),
        (
            "Exige-se domínio de inglês, francês e/ou espanhol.",
            [],
            {"at_least": 1, "of": ["en", "fr", "es"]},
        ),
        (
            "Fluent Spanish and Quechua, Aymara or Guarani.",
            ["es"],
            {"at_least": 1, "of": ["qu", "ay", "gn"]},
        ),
        # "at least two of" leaves the other languages of its sentence alone
        (
            "Excellent Spanish and fluency in at least two of English, French and Portuguese.",
            ["es"],
            {"at_least": 2, "of": ["en", "fr", "pt"]},
        ),
    ],
)
def test_choices(text, required, rule):
    got_required, _, got_rule = langs(text)
    assert got_required == required
    if rule is not None:
        assert got_rule == rule
    else:
        assert got_rule is not None and got_rule["at_least"] == 1


@pytest.mark.parametrize(
    ("required_heading", "assets_heading"),
    [
        ("Требования к кандидату:", "Будет плюсом:"),
        ("Вимоги до кандидата:", "Буде перевагою:"),
        ("Requisitos obrigatórios:", "Requisitos desejáveis:"),
        ("Compétences requises :", "Serait un plus :"),
        ("Das bringen Sie mit:", "Idealerweise bringen Sie mit:"),
        ("Cerințe obligatorii:", "Constituie avantaj:"),
        ("Must have:", "Good to have:"),
        ("Requirements", "Additional assets"),
        ("Profile", "Advantages"),
    ],
)
def test_short_labels_open_requirements_and_assets_sections(required_heading, assets_heading):
    text = f"{required_heading}\nArmenian\nFive years in the field\n{assets_heading}\nGreek\nA car"
    assert langs(text)[:2] == (["hy"], ["el"])


@pytest.mark.parametrize(
    ("text", "required", "desirable"),
    [
        # a clause after a semicolon decides for itself alone
        ("Good command of English; Arabic is an asset.", ["en"], ["ar"]),
        ("İyi derecede İngilizce bilgisi; Arapça bilgisi tercih sebebidir.", ["en"], ["ar"]),
        # a level word after a lower-case name, and Greek names in prose's cases
        ("Requisitos: inglês intermediário desejável.", [], ["en"]),
        ("Άριστη γνώση αγγλικών. Η γνώση γαλλικών θα εκτιμηθεί.", ["en"], ["fr"]),
        # "fließend" written with ß is a proficiency cue
        ("Du sprichst fließend Deutsch und Englisch.", ["de", "en"], []),
        # the Romanian genitive
        ("Cunoașterea limbii franceze constituie un avantaj.", [], ["fr"]),
        # German "verhandlungssicher" and "fließend" require their clause; the asset after the
        # comma is the next clause's alone
        (
            "Verhandlungssicheres Deutsch und Englisch, Französisch von Vorteil.",
            ["de", "en"],
            ["fr"],
        ),
        (
            "Fließende Deutsch- und Englischkenntnisse, Russischkenntnisse wünschenswert.",
            ["de", "en"],
            ["ru"],
        ),
        # a preference after "and" is that language's alone (Portuguese "desejável")
        ("Inglês fluente e espanhol desejável.", ["en"], ["es"]),
        # a name before "being", and a lower-case name after "también"
        ("Excellent English, with French being an advantage.", ["en"], ["fr"]),
        (
            "Dominio del español y del inglés, preferiblemente también francés.",
            ["es", "en"],
            ["fr"],
        ),
        # Armenian "գերազանց" (excellent) after the genitive, and "և" (and) between two names
        ("Հայերենի գերազանց իմացություն։", ["hy"], []),
        (
            "հայերենի և անգլերենի գերազանց իմացություն, ռուսերենի իմացությունը ցանկալի է։",
            ["hy", "en"],
            ["ru"],
        ),
    ],
)
def test_clauses_levels_and_cases(text, required, desirable):
    assert langs(text)[:2] == (required, desirable)


def test_a_cefr_level_decides_its_own_clause():
    text = "Language requirements: Swedish (C1), Finnish (B2) desirable."
    assert langs(text)[:2] == (["sv"], ["fi"])


def test_language_switcher_lines_are_not_requirements():
    text = "Assets:\nKnowledge of Greek\nEnglish\nFrançais\nРусский\nEN | FR | ES"
    assert langs(text)[:2] == ([], ["el"])


@pytest.mark.parametrize(
    "text",
    [
        "Excelente conocimiento de la legislación portuguesa.",
        "Znajomość prawa niemieckiego i unijnego.",
        "Cunoașterea legislației muncii române.",
        "Ottima conoscenza del diritto francese.",
    ],
)
def test_a_name_after_its_noun_is_an_adjective(text):
    assert langs(text) == ([], [], None)


@pytest.mark.parametrize(
    ("text", "required"),
    [
        # speaking, level and Slavic adjective words may come before a lower-case name
        ("Hablar portugués con fluidez.", ["pt"]),
        ("Dobra znajomość niemieckiego.", ["de"]),
        ("Свободный французский.", ["fr"]),
        # a languages label, and written/spoken after the name
        ("Idiomas: portugués, alemán.", ["pt", "de"]),
        ("Domínio do espanhol falado e escrito.", ["es"]),
        ("Capacidad para trabajar en francés.", ["fr"]),
    ],
)
def test_lower_case_names_in_skill_sentences(text, required):
    assert langs(text)[:2] == (required, [])


def test_a_details_line_naming_the_posting_language_is_not_a_skill():
    text = "Nice to have:\nGreek\nLocation: Athens\nLanguage: English"
    assert langs(text)[:2] == ([], ["el"])


def test_a_statement_of_working_languages_is_not_a_skill():
    text = (
        "Languages: Spanish and Portuguese are the working languages of the Commission. "
        "Fluency in Spanish is required. Knowledge of Portuguese is desirable."
    )
    assert langs(text)[:2] == (["es"], ["pt"])


@pytest.mark.parametrize(
    ("text", "required"),
    [
        ("Post: Programme Assistant\nDuty station: Dakar\nWorking language: French", ["fr"]),
        ("Poste : Chargée de plaidoyer\nLieu : Lomé\nLangue de travail : Français", ["fr"]),
        ("Cargo: Asistente\nSede: Quito\nIdioma de trabajo: español", ["es"]),
        ("Должность: юрист\nГород: Бишкек\nРабочий язык: русский", ["ru"]),
    ],
)
def test_a_label_of_the_jobs_working_language_requires_it(text, required):
    assert langs(text)[:2] == (required, [])


def test_an_organisations_working_languages_still_ask_for_nothing():
    text = "Les langues de travail du réseau sont le français et le wolof. Lieu : Dakar"
    assert langs(text)[:2] == ([], [])


def test_a_czech_adjective_before_a_lower_case_name():
    assert langs("Výborná a pokročilá angličtina slovem i písmem.")[:2] == (["en"], [])


@pytest.mark.parametrize(
    "text", ["Ottimo inglese scritto e parlato.", "Buen inglés, imprescindible."]
)
def test_a_quality_adjective_before_a_lower_case_name(text):
    assert langs(text)[:2] == (["en"], [])


def test_a_list_with_or_in_an_assets_section_is_no_choice():
    text = "Assets:\n* Speaking Hindi, Urdu or Bengali with partners."
    required, desirable, rule = langs(text)
    assert (required, rule) == ([], None)
    assert desirable == ["hi", "ur", "bn"]


@pytest.mark.parametrize(
    ("title", "required", "rule"),
    [
        ("Tercüman (Arapça)", ["ar"], None),
        ("Interprète pachto – Marseille", ["ps"], None),
        ("Interpreter (Tigrinya / Amharic)", [], {"at_least": 1, "of": ["ti", "am"]}),
        ("Arabic speaker for our helpline", ["ar"], None),
        # no role whose work is a language: a title's language is no requirement
        ("Arabic Programme Officer", [], None),
    ],
)
def test_a_title_naming_a_language_role(title, required, rule) -> None:
    out = find_languages(Doc(normalise(f"{title}\n\nThe post is based in Lyon.")), title)
    assert (out.required, out.rule) == (required, rule)


def test_a_bracketed_language_of_the_title_line_counts_when_the_title_drops_it() -> None:
    text = "TERCÜMAN (ARAPÇA)\n\nGaziantep ofisimiz için tercüman arıyoruz."
    out = extract({"id": "t", "url": "https://example.org/ilan", "text": text})
    assert out["languages_required"] == ["ar"]


def test_another_language_stated_as_an_asset_is_no_choice() -> None:
    text = "Fluent English; another UN language (Arabic, Russian) would be an asset."
    assert langs(text) == (["en"], ["ar", "ru"], None)
