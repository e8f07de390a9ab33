"""Deadline labels in more languages, bylines and other posting dates, and their look-alikes.

Every sentence here was written for this test."""

from datetime import date

import pytest

from tests.extract_helpers import dl
from understand.dates import posted_date
from understand.text import Doc, normalise


def pd(text: str) -> date | None:
    """The posting date read from `text`."""
    return posted_date(Doc(normalise(text)))[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Croatian / Serbian / Bosnian "deadline for applying"
        ("Koordinator programa\nRok za prijavu: 14.03.2022.", date(2022, 3, 14)),
        ("Prijave šaljite na adresu ureda, rok za prijave je 2. 9. 2021.", date(2021, 9, 2)),
        # Albanian "the deadline for applying"; "within the date"
        ("Afati i aplikimit: 9 Shkurt 2024", date(2024, 2, 9)),
        ("Kandidatët dërgojnë CV-në brenda datës: 05/12/2023", date(2023, 12, 5)),
        # Azerbaijani "last application date"
        ("Son Müraciət Tarixi: 12 mart 2024", date(2024, 3, 12)),
        # Polish "deadline for sending / submitting"
        ("Termin nadsyłania zgłoszeń: 30 czerwca 2023", date(2023, 6, 30)),
        ("Termin na wysłanie CV: wtorek, 7 maja 2024 roku.", date(2024, 5, 7)),
        # Czech and Slovak "deadline for sending / submitting", Slovak "closing"
        ("Stážista\nTermín pro zaslání přihlášek: 20. ledna 2027.", date(2027, 1, 20)),
        ("Termín na podanie žiadostí: 3. 2. 2027", date(2027, 2, 3)),
        ("Koordinátor\nUzávierka prihlášok: 15.03.2027", date(2027, 3, 15)),
        # a call for proposals' own words for its applications
        ("Submit your technical and financial proposal by 20 January 2027.", date(2027, 1, 20)),
        ("Officer\nCloses: 28/02/27", date(2027, 2, 28)),
        ("Les offres doivent parvenir avant le 8 mars 2027.", date(2027, 3, 8)),
        # Bulgarian "deadline for applying"
        ("Срок за кандидатстване: 11.04.2025 г.", date(2025, 4, 11)),
        # Armenian "deadline for applying"
        ("Դիմելու վերջնաժամկետ: 20.01.2024", date(2024, 1, 20)),
        # Turkish and Azerbaijani put "until" after the date
        ("Başvurular 3 Mart 2025 tarihine kadar e-posta ile iletilmelidir.", date(2025, 3, 3)),
        ("Müraciətlər 15 may 2024 tarixinədək qəbul edilir.", date(2024, 5, 15)),
        # a contract end in the same page as the closing date
        (
            "Un CDD à mi-temps jusqu'au 31/08/2022.\n"
            "Envoyez votre CV à l'adresse indiquée jusqu'au 15/03/2022.",
            date(2022, 3, 15),
        ),
    ],
)
def test_deadline_labels_in_more_languages(text, expected):
    assert dl(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the date a post is to be filled by is its start
        "Poste à pourvoir au plus tard le 2 septembre 2024.",
        # a fixed-term or open-ended contract's dates
        "Contrat CDD jusqu'au 30/09/2023, renouvelable.",
        # a Turkish date before "kadar" that is not about applying
        "Proje 30 Haziran 2025 tarihine kadar sürecektir.",
        # "rok" alone is a term of another kind ("term of the contract")
        "Ugovor na rok od 12 mjeseci, od 01.02.2024.",
    ],
)
def test_dates_that_look_like_deadlines_but_are_not(text):
    assert dl(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bylines, also below a site's navigation
        ("Jobs\nCampaign Officer\n(Posted 4 February 2019)\nWe are hiring.", date(2019, 2, 4)),
        (
            "Home\nAbout\nNews\nJobs\nContact\nDonate\nBlog\nPress\nLegal Adviser\n"
            "Posted on March 3, 2022",
            date(2022, 3, 3),
        ),
        ("Researcher wanted\nPosted by editor on 11/28/09", date(2009, 11, 28)),
        ("date 2024-08-19 Programme Officer", date(2024, 8, 19)),
        # a date and the post's category; a dateline
        ("Feb 9, 2023 | Careers\nField Officer", date(2023, 2, 9)),
        ("Intro\nLisboa, 3 de maio de 2022 – A associação procura um técnico.", date(2022, 5, 3)),
        # a document's number and date
        ("Anunț de selecție\nNr. 4 din 17.03.2021", date(2021, 3, 17)),
        ("Stellenausschreibung Nr. 12/2020 vom 02.11.2020", date(2020, 11, 2)),
        # Azerbaijani "announcement date"
        ("Elan tarixi: 2 aprel 2024", date(2024, 4, 2)),
        # a call's issue date
        ("Call issued: 21 October 2020", date(2020, 10, 21)),
        # a date alone below a title, under a long navigation
        (
            "Home\nAbout\nNews\nPress\nBlog\nDonate\nJobs\nTeam\nContact\nData Analyst\n"
            "October 2, 2021\nWe are looking for an analyst.",
            date(2021, 10, 2),
        ),
    ],
)
def test_posted_dates_in_bylines_and_references(text, expected):
    assert pd(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a date alone under a deadline label, or after an unfinished "by"
        "Project Officer\nLocation\nTbilisi\nDeadline\nMay 30, 2024\nAbout us",
        "Please send your CV to the office by\nJuly 4th, 2023.\nProject Assistant",
        # a date alone under a label naming another date
        "Field Coordinator\nTarget start date\n2024-09-01\nAbout the role",
        "Coordinador de campo\nFecha de inicio estimada\n01/09/2024\nFunciones",
        # a byline word that is not the post's date
        "Posted to Nairobi from 1 June 2024\nProgramme Lead",
        # a contract number and date far below the top
        "Title\n" + "Line of text.\n" * 10 + "Contract no. 5 of 12.01.2024",
    ],
)
def test_dates_that_are_not_the_posting_date(text):
    assert pd(text) is None
