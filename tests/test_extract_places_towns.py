"""Towns the city table does not hold, named right after a duty-station cue or in a location
field, looked up in GeoNames' towns (`data/towns.tsv`)."""

import pytest

from understand.places import find_places, town_country
from understand.text import Doc, normalise


def places(text: str):
    return find_places(Doc(normalise(text)), {}, None, None, None)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "A Associação Vozes do Cerrado procura assistente de projetos com atuação em "
            "Campo Grande. Requisitos: formação superior.",
            "BR",
        ),
        (
            "O Instituto Raízes contrata educador(a) social para atuar na cidade de Juazeiro do "
            "Norte. Carga horária de 40 horas semanais.",
            "BR",
        ),
        # the organisation opens the clause, but "para trabajar en" speaks of the worker
        ("La Fundación Tierra Firme busca abogado/a para trabajar en Tarija.", "BO"),
        (
            "L'association Droits Partagés recrute un animateur juridique pour son antenne de "
            "Saint-Étienne. Poste en CDI.",
            "FR",
        ),
        ("The Justice Collective is hiring a paralegal to work from our office in Fresno.", "US"),
        ("Project officer\n\nLocation: Gelsenkirchen, North Rhine-Westphalia\n\nWe seek", "DE"),
        # a header line of a town and its state (a state code, or the state's name)
        ("Staff Attorney\n\nFresno, CA\n\nWe are hiring a staff attorney.", "US"),
        ("Policy Associate\n\nBakersfield, California, United States Full-time\n\nWe hire.", "US"),
        # an organisation's possessive before its offices
        ("This position will be based in Tor's offices in Gelsenkirchen.", "DE"),
    ],
)
def test_a_town_after_a_cue_or_in_a_location_field_is_the_duty_station(text, country):
    found = places(text)
    assert (found.countries, found.remote) == ([country], "no")


@pytest.mark.parametrize(
    "text",
    [
        # a capitalised run is a town only as a whole: "Human" alone is a name of Uman (Ukraine)
        "The two positions are located in the Human Rights Service of the mission.",
        # a region is no town, though Tunisia has a town called Africa
        "Programme officer\n\nLocation: Africa\n\nWe are hiring.",
        # a state code after a town of two countries' towns decides nothing (Cambridge: GB, US)
        "Organizer\n\nCambridge, MA | Full-time\n\nJoin us.",
        # a lower-case word after the cue is no town
        "The consultant will work in close cooperation with the team.",
    ],
)
def test_no_town_where_the_words_name_none(text):
    assert places(text).countries == []


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Campo Grande, MS", "BR"),
        ("Juazeiro do Norte (CE)", "BR"),
        ("Reggio Emilia.", "IT"),
        ("Quetzaltenango", "GT"),
        ("Springfield", "US"),  # every Springfield of GeoNames' table is in the United States
    ],
)
def test_town_country_reads_the_opening_run_of_capitalised_words(text, country):
    assert town_country(text) == country


@pytest.mark.parametrize(
    "text",
    [
        "the office",  # not capitalised
        "Reggio Emilia Romagna Parma Modena",  # a run of five words is no town's name
        "Human Rights Watch",  # the whole run names no town
        # no country holds nine tenths of the people of the towns of that name
        "Córdoba",  # Argentina and Spain
        "Valencia",  # Spain and Venezuela
    ],
)
def test_town_country_answers_none_where_no_single_town_is_named(text):
    assert town_country(text) is None
