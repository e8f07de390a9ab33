"""The vacancy classifier's structure features added for issue 13, on texts written here."""

import pytest

from tests.extract_helpers import cues
from understand.text import Doc, normalise
from understand.vacancy import CUE_NAMES, model, vacancy_score


@pytest.mark.parametrize(
    "text",
    [
        "Background\nThe office opened in 2019 in the capital.",
        "Contexto y antecedentes:\nLa oficina apoya a las defensorías locales.",
        "О нас\nМы защищаем права заключённых с 2005 года.",
    ],
)
def test_a_background_heading(text):
    assert "heading: background" in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "Post title: Field Monitor",
        "Titre du poste : Chargé de suivi",
        "Duty station\nNairobi",
        "Duración: seis meses",
    ],
)
def test_a_post_details_heading(text):
    assert "heading: post details" in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "The report was published on 14 March 2031 in Nairobi.",
        "Background of the background: the location of the meeting was moved.",
    ],
)
def test_prose_is_not_structure(text):
    assert not {"heading: background", "heading: post details"} & cues(text)


def test_the_shipped_model_weighs_the_new_features():
    m = model()
    assert {"heading: background", "heading: post details"} <= set(CUE_NAMES)
    assert m.cue_w["heading: post details"] > 0  # learned, not set by hand


def test_a_posting_whose_opening_is_background_is_a_vacancy():
    text = (
        "Background\n"
        "The regional office supports national human rights institutions in five countries and "
        "works with civil society on detention monitoring and access to justice.\n"
        "Post title: Detention Monitoring Officer\n"
        "Duty station: Dakar\n"
        "Duties\n"
        "Coordinate visits to places of detention.\n"
        "Draft monthly reports for the head of office.\n"
        "Requirements\n"
        "A degree in law and three years of work in monitoring.\n"
        "Send your CV and a cover letter before 30 April 2031."
    )
    assert vacancy_score(Doc(normalise(text)))[0] >= 0.5
