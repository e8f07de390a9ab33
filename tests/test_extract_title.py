import pytest

from rightsjobs.extract.text import Doc, normalise
from rightsjobs.extract.title import find_title_and_org


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


def test_known_organisation_mentioned_repeatedly():
    text = (
        "Position overview\nUNICEF works for children. The post supports "
        "UNICEF partners in the field."
    )
    assert names(text)[1] == "UNICEF"
