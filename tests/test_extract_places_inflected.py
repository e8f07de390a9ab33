"""Inflected place names in Albanian, Armenian, Azerbaijani, Kyrgyz, Swedish, Czech, Polish and
the Serbian/Croatian/Bosnian languages, and "Rome" naming the Roma."""

import pytest

from understand.places import LOCATION_LABEL, find_places, places_in
from understand.text import Doc, normalise


def places(text: str):
    return find_places(Doc(normalise(text)), {}, None, None, None)


def codes(text: str) -> list[str]:
    return list(dict.fromkeys(h.value for h in places_in(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Punë në qytetin e Tiranës për dy vjet", ["AL"]),  # Albanian genitive of a city
        ("Projekti zbatohet në të gjithë Shqipërinë", ["AL"]),  # accusative of the country
        ("Zyra jonë në Durrësin e ri", ["AL"]),  # masculine city, definite accusative
        ("Trajnim në Kosovë dhe në Maqedoninë e Veriut", ["XK", "MK"]),
        ("Posao u Hrvatskoj, sa sjedištem u Zagrebu", ["HR"]),  # Croatian locative
        ("Projekt u Bosni i Hercegovini i Crnoj Gori", ["BA", "ME"]),  # agreeing words
        ("Kancelarija u Sarajevu", ["BA"]),  # neuter city in the locative
        ("rad u Osječko-baranjskoj županiji", ["HR"]),  # a county, inflected
        ("Layihə Bakıda və Gəncədə həyata keçiriləcək", ["AZ"]),  # Azerbaijani locative
        ("Azərbaycanın regionlarında", ["AZ"]),  # genitive by vowel harmony
        ("Робота в офісі у Харкові", ["UA"]),  # Ukrainian locative: the stem's і becomes о
        ("Проєкт у Миколаєві та Львові", ["UA"]),
        ("Աշխատանք Հայաստանում և Երևանից դուրս", ["AM"]),  # Armenian locative and ablative
        ("Иш орду Бишкекте, Кыргызстандын түштүгүндө", ["KG"]),  # Kyrgyz locative and genitive
        ("Tjänsten är placerad på Stockholms kontor i Sveriges huvudstad", ["SE"]),  # genitive
        ("Hledáme právníka do naší kanceláře v Brně", ["CZ"]),  # Czech locative (the table's)
        ("Praca w biurze w Łodzi, trzy dni w tygodniu", ["PL"]),  # Polish locative
        ("Miesto výkonu práce: Banská Bystrica", ["SK"]),
    ],
)
def test_inflected_places(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ovo je dobra prilika za sve nas.",  # no name in it, though words end like names
        "Kushtet e punës janë të mira.",
        "Bu gün yeni layihə başlayır.",
    ],
)
def test_ordinary_words_are_no_places(text):
    assert codes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # another language's form of a place that spells a language or a people in English
        "Knowledge of Armenian or Azerbaijani is preferred.",  # Azerbaijani "Azerbaijanı"
        "Fluent Nepali and Somali are an asset.",  # Albanian "the Nepal", Albanian Somalia
        "The clinic supports Pakistani and Omani workers.",
        "Outreach to Romani families in the district.",  # Azerbaijani "Romanı" (Rome)
    ],
)
def test_a_form_that_names_a_language_or_a_people_is_no_place(text):
    assert codes(text) == []


def test_a_country_named_in_its_own_language_stays_a_place():
    assert codes("Polska przyjęła wielu uchodźców.") == ["PL"]
    assert codes("Programme in Somalia and Pakistan") == ["SO", "PK"]


@pytest.mark.parametrize(
    "text",
    [
        "Projekt podrške za Rome i Egipćane u lokalnim zajednicama",  # Croatian: for the Roma
        "Qendra për të Drejtat e Grave Rome kërkon një koordinator.",  # Albanian adjective
        "Programi i mbështetjes së fëmijëve Rome",  # at the end of a line
    ],
)
def test_rome_naming_the_roma_is_no_city(text):
    assert codes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The post is based in Rome.",
        "Offices in Geneva and Rome",
        "Our Rome office is hiring.",
        "A Rome-based network seeks a researcher.",
        "Lieu : Rome, Italie",
        "Location:\nRome",
    ],
)
def test_rome_the_city_where_a_place_is_expected(text):
    assert "IT" in codes(text)


def test_inflected_header_place_is_the_duty_station():
    text = "Thirrje për koordinator lokal\n\nPrizren, Kosovë\n\nNe kërkojmë një koordinator."
    assert places(text).countries == ["XK"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pozicija je u Rijeci.", ["HR"]),  # a table city, in the Croatian locative
        ("Zyra jonë ndodhet në Shkodër.", ["AL"]),
        ("Puna kryhet në Gjakovë.", ["XK"]),
        ("Աշխատավայրը՝ Գյումրի", ["AM"]),
        ("Tjänsten finns i Västra Götalands län", ["SE"]),  # a county, its code mark dropped
    ],
)
def test_cities_and_regions_in_the_new_languages(text, expected):
    assert codes(text) == expected


def test_a_city_of_the_table_is_medium_evidence():
    p = places("Koordinator projekta\n\nRad se obavlja u Osijeku, uz podršku tima.")
    assert (p.countries, p.remote) == (["HR"], "no")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Asistent projekta\nMjesto rada: Mostar\nRok: 10 dana", ["BA"]),
        ("Koordinator\nMesto rada: Kragujevac", ["RS"]),
        ("Zyrtar programi\nVendi i punës: Vlorë", ["AL"]),
        ("Hüquqşünas\nİş yeri: GƏNCƏ şəhəri", ["AZ"]),  # in capitals, dotless ı or not
        ("Юрист\nМясто на работа: гр. София", ["BG"]),
        ("იურისტი\nსამუშაო ადგილი: ბათუმი", ["GE"]),
        ("Իրավաբան\nԱշխատավայրը՝ Վանաձոր", ["AM"]),
    ],
)
def test_location_fields_in_the_new_languages(text, expected):
    p = places(text)
    assert (p.countries, p.remote) == (expected, "no")


def test_a_field_label_needs_its_colon():
    assert LOCATION_LABEL.match("lokacija: zagreb")
    assert not LOCATION_LABEL.match("lokacija projekta je vazna za nas")


def test_dotless_i_in_capitals():
    assert codes("TƏRTƏR RAYONU, BAKI") == ["AZ"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La sede di lavoro è a Berlino.", ["DE"]),  # CLDR's Italian name of a table city
        ("محل کار: کابل", ["AF"]),  # Persian spelling
        ("Takim në Romë", ["IT"]),  # Albanian, where "Rome" would be the Roma
        ("Գրասենյակը Ստոկհոլմում է", ["SE"]),  # Armenian name, inflected
        ("Posao u Briselu", ["BE"]),  # Bosnian name, in the locative
    ],
)
def test_city_names_from_cldr(text, expected):
    assert codes(text) == expected


def test_cldr_adds_no_short_names():
    assert codes("Along the Rim of the valley") == []  # Croatian "Rim" (Rome) is too short
