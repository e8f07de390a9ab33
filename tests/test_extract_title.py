import pytest

from understand.text import Doc, normalise
from understand.title import find_title_and_org


def names(text: str, **kw):
    out = find_title_and_org(Doc(normalise(text), **kw))
    return out.title, out.organization


@pytest.mark.parametrize(
    ("text", "title", "org"),
    [
        # "Vacancy at ORG: TITLE" headline
        (
            "Vacancy at Rights Forum: Finance Manager\n\nMarch 2, 2030\n\nThe Forum...",
            "Finance Manager",
            "Rights Forum",
        ),
        # "ORG is looking for TITLE" headline
        (
            "Open Justice Network is looking for a Litigation Officer\n\nWe seek...",
            "Litigation Officer",
            "Open Justice Network",
        ),
        # dash after "Vacancy at ORG"; an apposition after the organisation is dropped
        (
            "Vacancy at Fjord Rights – Legal Adviser\n"
            "Fjord Rights, a foundation that funds lawyers, is recruiting a Legal Adviser.",
            "Legal Adviser",
            "Fjord Rights",
        ),
        (
            "Intro\nThe Delta Law Centre, which litigates land cases, is hiring two paralegals.",
            None,
            "Delta Law Centre",
        ),
        # "TITLE at ORG" headline
        (
            "Media Officer at Press Freedom Alliance\n\nAbout the role...",
            "Media Officer",
            "Press Freedom Alliance",
        ),
        # prefix removed, org from the line under the title
        (
            "Job opening: Data Analyst\nNordic Human Rights Institute\nOslo, Norway",
            "Data Analyst",
            "Nordic Human Rights Institute",
        ),
        # labelled title and organisation
        (
            "Job Title: Security Adviser\nOrganization: Digital Defenders Fund\nLocation: Remote",
            "Security Adviser",
            "Digital Defenders Fund",
        ),
        # several numbered titles are joined
        ("Job title 1: Driver\nJob title 2: Cook\nThe centre is hiring.", "Driver; Cook", None),
        # French body sentence, organisation as the sentence's subject, its city dropped
        (
            "Le Centre pour la justice à Dakar recrute un·e Juriste en droit pénal "
            "pour son équipe.",
            "Juriste en droit pénal",
            "Centre pour la justice",
        ),
        # Spanish "para el cargo de"
        (
            "La Fundación Andina abre la convocatoria para el cargo de "
            "Coordinadora de Proyectos, con sede en Quito.",
            "Coordinadora de Proyectos",
            "Fundación Andina",
        ),
        # a place name before the role is dropped, abbreviations expanded
        ("Kenya Asst Programme Officer\n\nDuties follow.", "Assistant Programme Officer", None),
        # the role named most often in the body
        (
            "Hardship Level: B\nThe Shelter Officer reports to the manager. The "
            "Shelter Officer visits sites.",
            "Shelter Officer",
            None,
        ),
        # name with its acronym, recurring
        (
            "Intro text.\nThe Baltic Media Foundation (BMF) supports journalists. "
            "BMF works widely. BMF grants.",
            None,
            "Baltic Media Foundation (BMF)",
        ),
        # Georgian "X-ის ვაკანსია" gives the nominative X-ი
        ("ადვოკატის ვაკანსია", "ადვოკატი", None),
    ],
)
def test_title_and_organization(text, title, org):
    got_title, got_org = names(text)
    if title is not None:
        assert got_title == title
    assert got_org == org


def test_record_title_and_org_win_and_are_cleaned():
    got = names(
        "Body text.",
        title="Vacancy: Policy Lead - Fair Trials Group",
        organization="Fair Trials Group",
    )
    assert got == ("Policy Lead", "Fair Trials Group")


def test_record_title_that_is_a_headline():
    got = names(
        "The Collective seeks a Protection Officer.",
        title="Rights Collective seeks a Protection Officer",
    )
    assert got == ("Protection Officer", "Rights Collective")


def test_known_organisation_mentioned_repeatedly():
    text = (
        "Position overview\nUNICEF works for children. The post supports "
        "UNICEF partners in the field."
    )
    assert names(text)[1] == "UNICEF"


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # a name with an organisation word opening one of the first sentences
        (
            "Programme Officer\n\nNile Rights Network supports lawyers in three countries.",
            "Nile Rights Network",
        ),
        (
            "Oficial de Programa\n\nLa Fundación Río Claro (River Rights Foundation) acompaña a "
            "comunidades.",
            "Fundación Río Claro (River Rights Foundation)",
        ),
        ("Research Assistant\n\nThe Delta Data Lab invites students to apply.", "Delta Data Lab"),
        # "NAME is an (independent) charity / organisation"
        ("Policy Officer\n\nOpen Square is an independent charity based in Leeds.", "Open Square"),
        # a sentence in a script without capitals is not a name
        ("იურისტი\nორგანიზაცია ეძებს იურისტს ქუთაისში, გთხოვთ გამოგზავნოთ CV.", None),
    ],
)
def test_organisation_opening_the_text(text, org):
    assert names(text)[1] == org


@pytest.mark.parametrize(
    "text",
    [
        "River Watch is hiring a Field Monitor in Gulu, Uganda.",
        "River Watch is hiring a Field Monitor, Uganda.",
        "River Watch is hiring a Field Monitor in Uganda.",
    ],
)
def test_headline_title_loses_its_place(text):
    assert names(text + "\nApply now.")[0] == "Field Monitor"
