from collections import Counter

import pytest

from eval.extract import same_organization
from understand.text import Doc, normalise
from understand.title import (
    _expansions,
    _spelled_names,
    balanced,
    best,
    find_title_and_org,
    host_name,
    models,
    org_candidates,
    role_after_verb,
    slug_words,
    title_candidates,
)

# Cases the rules answered and the learned taggers (issue 13) answer otherwise on text alone:
# "Kenya Asst Programme" taken as a name. Left visible until the taggers learn them.
_LEARNED_DIFFERS = pytest.mark.xfail(strict=True, reason="learned tagger differs (issue 13)")


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
        pytest.param(
            "Kenya Asst Programme Officer\n\nDuties follow.",
            "Assistant Programme Officer",
            None,
            marks=_LEARNED_DIFFERS,
        ),
        # the role named most often in the body
        (
            "Hardship Level: B\nThe Shelter Officer reports to the manager. The "
            "Shelter Officer visits sites.",
            "Shelter Officer",
            None,
        ),
        # name with its acronym, recurring
        pytest.param(
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
        # kinds of body in Serbian, Hungarian, Albanian and Ukrainian, before their verb
        (
            "Saradnik\n\nЦентар за права детета расписује конкурс за сарадника.",
            "Центар за права детета",
        ),
        ("Jogász\n\nA Szivárvány Egyesület jogászt keres.", "A Szivárvány Egyesület"),
        (
            "Jurist\n\nShoqata për të Drejtat e Grave kërkon një jurist.",
            "Shoqata për të Drejtat e Grave",
        ),
        ("Юрист\n\nСпілка адвокатів півдня шукає юриста.", "Спілка адвокатів півдня"),
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


# --- learned taggers on text alone (issue 13): pages written here for each error kind ---------


@pytest.mark.parametrize(
    ("text", "url", "title", "org"),
    [
        # page furniture (skip link, breadcrumb, date, cookie banner, menu) before the title
        (
            "Skip to main content\nHome › Careers › Open positions\n14 May 2031\n"
            "We use cookies to improve your experience. Accept all cookies\nMenu\n"
            "Digital Security Coordinator\nLisbon, Portugal\n"
            "The Lusitania Press Freedom Foundation defends journalists across Southern Europe. "
            "The Lusitania Press Freedom Foundation is recruiting a Digital Security Coordinator "
            "to train partner newsrooms.",
            "https://lusitania-press.example/careers/digital-security-coordinator-2031",
            "Digital Security Coordinator",
            "Lusitania Press Freedom Foundation",
        ),
        # "We are ..." gives no name: better none than "We"
        (
            "Community Organiser\n"
            "We are a small team working with tenants on housing rights. We are looking for "
            "someone who listens.\nSend a letter explaining your interest.",
            "https://example.org/jobs/community-organiser",
            "Community Organiser",
            None,
        ),
        # an organisation known by its acronym, named in full once
        (
            "Observatoire des libertés publiques\n"
            "Chargé·e de plaidoyer\n"
            "L'Observatoire des droits des détenus (ODD) recherche un·e chargé·e de plaidoyer. "
            "L'ODD documente les conditions de détention ; l'ODD publie un rapport annuel.",
            "https://odd.example/offres/charge-de-plaidoyer",
            "Chargé·e de plaidoyer",
            "Observatoire des droits des détenus (ODD)",
        ),
    ],
)
def test_text_only_pages(text, url, title, org):
    assert names(text, url=url) == (title, org)


def test_labelled_sentence_is_not_an_organisation():
    """ "JOB DESCRIPTION: The X Office ... is seeking" gives the name, not the label with it."""
    text = (
        "Legal Analyst\nJOB DESCRIPTION: The Regional Office of the Harbour Justice Commission "
        "(HJC) is seeking a Legal Analyst for its trial monitoring unit.\n"
        "HJC publishes quarterly reports, and HJC trains defence lawyers."
    )
    title, org = names(text, url="https://jobs.example.net/vacancy/legal-analyst-5512")
    assert title == "Legal Analyst"
    assert ":" not in org and same_organization(org, "Harbour Justice Commission (HJC)")


def test_url_slug_words_and_host():
    assert slug_words("https://x.example/job/view/12345/senior-legal-adviser-p4-998877") == [
        "senior",
        "legal",
        "adviser",
    ]
    assert slug_words("https://x.example/vacancy/senior-legal-adviser?id=5") == [
        "senior",
        "legal",
        "adviser",
    ]
    assert host_name("https://careers.rightsnet.org.uk/jobs/7") == "rightsnet"
    # a blog, a talent portal or an app names a section or a service, not the site's owner
    assert host_name("https://blog.civicwatch.es/2024/04/x") == "civicwatch"
    assert host_name("https://talents.rightscouncil.int/job/9") == "rightscouncil"


def test_a_name_the_host_spells_is_found_after_its_article():
    page = "Seeking translators\n\nThe Lantern Collective opens two posts this spring."
    assert _spelled_names(page, {"lanterncollective"}, Counter()) == ["Lantern Collective"]
    # a host that spells the article too keeps it
    assert _spelled_names(page, {"thelanterncollective"}, Counter()) == ["The Lantern Collective"]


def test_acronym_expansions_and_balanced_names():
    text = "La Red de Defensoras del Sur (RDS) acompaña a 40 colectivos. La RDS es regional."
    assert _expansions(text) == {"RDS": "Red de Defensoras del Sur (RDS)"}
    assert balanced("Fonds «Droit et Loi»") and not balanced("Fonds «Droit")


def test_shipped_models_load_and_rank_written_candidates():
    trained = models()
    assert set(trained) == {"title", "organization"}
    doc = Doc(
        normalise(
            "Accept cookies\n12 March 2031\nProtection Officer\n"
            "The Amber Coast Refugee Council (ACRC) runs legal clinics. ACRC is growing."
        )
    )
    top, p = best(title_candidates(doc), trained["title"])
    assert top is not None and top.text == "Protection Officer" and p >= trained["title"].threshold
    org, _ = best(org_candidates(doc, None, top.line), trained["organization"])
    assert org is not None and org.text == "Amber Coast Refugee Council (ACRC)"


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # the title on the first line is no organisation, nor is a name ending with a role
        ("Programme Manager\n\nWe are hiring a programme manager in Nairobi.", None),
        ("Programme Manager\n\nYou will manage occasional interns and volunteers in Berlin.", None),
        (
            "Programme Manager\n\nRights Forum International is hiring a programme manager.",
            "Rights Forum International",
        ),
        (
            "Legal Aid Programme Officer\n\nThe Justice Network seeks a Legal Aid Programme "
            "Officer for its Kampala office.",
            "Justice Network",
        ),
        # "our organisation" in any language names nobody
        ("Юрист\n\nНашей организации требуется юрист в Москве.", None),
        ("Koordinátor\n\nNaše organizace hledá koordinátora do Brna.", None),
        ("Abogada\n\nNuestra organización busca una abogada en Lima.", None),
    ],
)
def test_a_role_is_no_organisation(text, org):
    assert names(text)[1] == org


@pytest.mark.parametrize(
    ("chosen", "title"),
    [
        ("Steppe Watch seeks Field Researcher", "Field Researcher"),
        ("Wir suchen Referent*in für Menschenrechte!", "Referent*in für Menschenrechte"),
        ("Fundación Andina busca coordinadora de proyecto", "coordinadora de proyecto"),
        ("Harbour Rights offers position of project manager", "project manager"),
        ("Valley Legal Aid Vacancy for Field Officer", "Field Officer"),
        ("Udruga Most traži koordinatora volontera", "koordinatora volontera"),
        # what follows the verb names no role, or there is no verb: the title stands
        ("Baltic Rights seeks partners", "Baltic Rights seeks partners"),
        ("Recruitment Officer", "Recruitment Officer"),
        ("Hiring", "Hiring"),
    ],
)
def test_a_chosen_headline_keeps_the_role_after_its_recruiting_verb(chosen, title):
    assert role_after_verb(chosen) == title


@pytest.mark.parametrize(
    "text",
    [
        "Программа стажировок 2027\n\nЦентр приглашает студентов на летнюю стажировку в Москве.",
        "Програма стажування 2027\n\nЦентр запрошує студентів на літнє стажування у Львові.",
    ],
)
def test_an_internship_programme_in_the_genitive_plural_is_a_title(text):
    assert names(text)[0] == text.split("\n")[0]


def test_coordonnateur_is_a_role():
    text = "Coordonnateur de projet\n\nL'OMCT recherche un coordonnateur pour son bureau de Tunis."
    assert names(text)[0] == "Coordonnateur de projet"
