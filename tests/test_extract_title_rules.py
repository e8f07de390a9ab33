"""The general rules and fast paths behind the title and organisation taggers (issue 13).

Every sentence here is written for the test; none is copied from the corpus or the dev set.
"""

import re

import pytest

from understand.name_rules import (
    _ORG_WORDS,
    _ROLE,
    _ROLE_RE,
    _clean_org,
    _clean_title,
    _headline,
    _known_org,
    boilerplate,
    legal_names,
    trim_title,
)
from understand.text import Doc, fold, normalise
from understand.title import (
    _NAME_NEVER_ENDS,
    _expansions,
    _noun_spans,
    _slug_title,
    _words,
    find_title_and_org,
    finished_title,
    mail_hosts,
    org_candidates,
    slug_words,
    title_candidates,
)

_WRITTEN = [
    "Senior Protection Officer (Field)",
    "Chargée de plaidoyer et juriste",
    "Coordinadora regional de proyectos",
    "Координатор програми захисту",
    "The Harbour Legal Foundation is a non-profit based in Valletta",
    "Nonprofits and officers' unions",
    "co-ordinator of the programme-officer pool",
    "Officer_2031 and manager_x",
    "სტაჟიორი იურისტი ცენტრში",
    "A quiet street with no posts at all",
    "",
]


@pytest.mark.parametrize("text", _WRITTEN)
def test_word_patterns_answer_as_the_word_bounded_regex(text):
    folded = fold(text)
    assert _ROLE_RE.search(folded) == bool(re.search(rf"\b(?:{_ROLE})\b", folded))
    org = re.compile(rf"\b(?:{_ORG_WORDS.pattern.pattern})\b")
    assert _ORG_WORDS.search(folded) == bool(org.search(folded))


@pytest.mark.parametrize(
    "role",
    [
        "Beleidsmedewerker mensenrechten",  # nl
        "Projektledare för Östafrika",  # sv
        "Koordynatorka projektu",  # pl
        "Sociální pracovník",  # cs
        "Savjetnica za ljudska prava",  # hr
        "Menaxher programi",  # sq
        "Συντονιστής προγράμματος",  # el
        "Proje uzmanı",  # tr
        "Jogász munkatárs",  # hu
        "Asiantuntija, ihmisoikeudet",  # fi
        "Mediatore interculturale",  # it
        "Animatrice de réseau",  # fr
        "Articuladora comunitária",  # pt
        "Перекладач з арабської",  # uk
        "مترجم فوري",  # ar
        "Field Mediator",  # en
        "Ofițer de comunicare",  # ro
        # a role noun that ends a compound (de, sv, no, fi)
        "Bildungsreferentin",
        "Programhandläggare",
        "Prosjektleder",
        "Teamassistenz",
        "Hankekoordinaattori",
        # Turkish with the dotless ı, Serbian Cyrillic, Azerbaijani, Armenian, Persian, Georgian
        "Proje danışmanı",
        "Araştırmacı (yarı zamanlı)",
        "Правни саветник",
        "Məsləhətçi",
        "Իրավաբան",
        "کارشناس ارشد حقوقی",
        "ბუღალტერი",
        "مسؤول التواصل",
    ],
)
def test_role_nouns_of_many_languages_are_roles(role):
    assert _ROLE_RE.search(fold(role))


@pytest.mark.parametrize("text", ["Rapport annuel 2031", "Godišnji izvještaj", "Ετήσια έκθεση"])
def test_a_report_names_no_role(text):
    assert not _ROLE_RE.search(fold(text))


def test_word_pattern_finds_hyphenated_alternatives():
    assert _ORG_WORDS.search("a small non-profit in town")
    assert not _ORG_WORDS.search("a small profit in town")


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Accept all cookies", True),
        ("Menu", True),
        ("Home > Careers", True),
        ("Job description", True),
        ("Careers", True),
        ("Legal Officer for the careers service", False),
        ("Protection Officer", False),
    ],
)
def test_boilerplate_lines(line, furniture):
    assert boilerplate(fold(line)) is furniture


def test_expansions_take_the_nearest_words_on_the_same_line():
    text = (
        "Since 2004, after long talks in three capitals and a very long preamble that goes on "
        "and on, the partners founded the Coastal Rights Monitoring Network (CRMN) together.\n"
        "(see annex) Mountain Legal Aid Society (MLAS) and then (XY) alone."
    )
    assert _expansions(text) == {
        "CRMN": "Coastal Rights Monitoring Network (CRMN)",
        "MLAS": "Mountain Legal Aid Society (MLAS)",
    }


def test_known_organisation_needs_two_mentions_and_inflected_forms_count():
    once = Doc(normalise("Programme Assistant\nThe post supports UNICEF partners."))
    twice = Doc(normalise("Programme Assistant\nUNICEF works for children. UNICEF hires."))
    assert _known_org(once) == (None, "")
    assert _known_org(twice)[0] == "UNICEF"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Coordinatore logistico\nMedici del Mondo cerca un coordinatore. Medici del Mondo "
            "lavora in Grecia e in Italia.",
            "Medici del Mondo",
        ),
        (
            "Юрист\nOVD-Info ищет юриста. В OVD-Info работают волонтёры.",
            "OVD-Info",
        ),
        (
            "Programme Officer\nCrisis Group is hiring. International Crisis Group works on "
            "conflict prevention.",
            "International Crisis Group",
        ),
    ],
)
def test_sector_organisations_are_known_in_their_own_languages(text, name):
    """The list of well-known organisations holds the sector's bodies and their names in other
    languages; the longest spelling found is the answer."""
    assert _known_org(Doc(normalise(text)))[0] == name


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        # reference numbers before or after the title
        ("VA/2031/044 – Protection Officer", "Protection Officer"),
        ("Legal Adviser (Ref. HR-2031-17)", "Legal Adviser"),
        ("Research Fellow | JR-20417", "Research Fellow"),
        # posting prefixes in more languages
        ("Poste vacant : Chargé de mission", "Chargé de mission"),
        ("Vaga: Assistente jurídico", "Assistente jurídico"),
        ("Offre de stage : Stagiaire plaidoyer", "Stagiaire plaidoyer"),
        ("Vaga de estágio: Estagiário de Direito", "Estagiário de Direito"),
        ("Personel alımı: Saha Koordinatörü", "Saha Koordinatörü"),
        ("Javni konkurs: Pravni savetnik", "Pravni savetnik"),
        ("آگهی استخدام مددکار اجتماعی", "مددکار اجتماعی"),
        ("توظيف محاسب", "محاسب"),
        ("توظيف: مساعد إداري", "مساعد إداري"),
        # a trailing place set off by a comma, a dash, parentheses or "in"
        ("Field Monitor, Gulu, Uganda", "Field Monitor"),
        ("Legal Adviser (Tbilisi)", "Legal Adviser"),
        ("Head of Office in Kyiv", "Head of Office"),
        # kept: a grade, a subject after "in", a role only a place would leave empty
        ("Assistant Project Officer (P1)", "Assistant Project Officer (P1)"),
        ("Researcher in Human Rights Law", "Researcher in Human Rights Law"),
        ("Officer in Charge", "Officer in Charge"),
        ("Senior Adviser - Gender and Equality", "Senior Adviser - Gender and Equality"),
        # a head count before the role; kept: a number that is part of the role
        ("2 ASSISTANTS JURIDIQUES", "ASSISTANTS JURIDIQUES"),
        ("03 Animateurs de quartier", "Animateurs de quartier"),
        ("1. Specialist for legal aid", "Specialist for legal aid"),
        ("2) Field Monitor", "Field Monitor"),
        ("3D Visualisation Designer", "3D Visualisation Designer"),
        # a date that ends the title; kept: a date inside parentheses or one naming no role
        ("Chargée de mission 4 mai 2031", "Chargée de mission"),
        ("Legal Officer - 12/03/2031", "Legal Officer"),
        ("Intern (from 1 June 2031)", "Intern (from 1 June 2031)"),
        ("Annual meeting of 4 May 2031", "Annual meeting of 4 May 2031"),
        # a hiring prefix ending in "!", an open call
        ("We're hiring! Communications Coordinator", "Communications Coordinator"),
        ("Convocatoria abierta: Asistente administrativo/a", "Asistente administrativo/a"),
        ("Apply now: Field Researcher", "Field Researcher"),
        ("مطلوب: منسق/ة مشاريع", "منسق/ة مشاريع"),
        ("Pracovní pozice: Sociální pracovník", "Sociální pracovník"),
        ("Se busca: Abogado/a para litigio estratégico", "Abogado/a para litigio estratégico"),
        ("Výběrové řízení: Vedoucí komunikačního oddělení", "Vedoucí komunikačního oddělení"),
        # a chain of parts: the place, then the working time
        ("Advocacy Officer - Brussels", "Advocacy Officer"),
        ("Finance Assistant | Nairobi | Closing 12 Jan 2031", "Finance Assistant"),
        ("Legal Officer - Deadline: 3 May 2031", "Legal Officer"),
        ("Trainer, Port-au-Prince", "Trainer"),  # a hyphen inside a name joins it
    ],
)
def test_titles_found_in_text_are_trimmed(raw, title):
    assert trim_title(_clean_title(raw)) == title


def test_a_record_title_keeps_its_place_and_reference():
    """A platform's own title is kept as published: its place tells two postings apart."""
    assert _clean_title("Field Researcher in Osh") == "Field Researcher in Osh"
    assert _clean_title("Legal Adviser (Ref. HR-2031-17)") == "Legal Adviser (Ref. HR-2031-17)"


def test_an_organisation_noun_before_a_quoted_name_is_no_name_alone():
    doc = Doc(normalise("Юрист\nОбщественный фонд «Правда и закон» ищет юриста в Оше."))
    texts = {c.text for c in org_candidates(doc, None, 0)}
    assert "Общественный фонд «Правда и закон»" in texts
    assert "Общественный фонд" not in texts


def test_slug_title_stops_before_the_organisation_and_a_place():
    url = "https://rights.example/jobs/adviser-on-detention-issues-at-harbour-legal-foundation"
    assert _slug_title(slug_words(url)) == "Adviser on detention issues"
    url = "https://rights.example/vacancy/assistant-project-officer-warszawa-5521"
    assert _slug_title(slug_words(url)) == "Assistant project officer"


def test_recruitment_notice_gives_the_role_after_it():
    doc = Doc(
        normalise(
            "Avis de recrutement\nRECRUTEMENT D’UN CONSULTANT NATIONAL chargé de l’étude "
            "des prisons afin de préparer le rapport annuel."
        )
    )
    texts = [fold(c.text) for c in title_candidates(doc)]
    assert "consultant national charge de l'etude des prisons" in texts


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        # the role follows the sentence's second cue, not its first
        (
            "Fundacja Wolne Słowo poszukuje osoby na stanowisko koordynatora projektu.",
            "koordynatora projektu",
        ),
        ("Spolek Otevřené dveře hledá koordinátora projektu.", "koordinatora projektu"),
    ],
)
def test_a_role_after_each_recruiting_cue_is_a_candidate(sentence, role):
    doc = Doc(normalise(f"Oferta\n\n{sentence}"))
    assert role in [fold(c.text) for c in title_candidates(doc)]


@pytest.mark.parametrize("verb", ["søger", "soger", "søker"])
def test_a_danish_or_norwegian_recruiting_verb_gives_the_role_after_it(verb):
    doc = Doc(normalise(f"Rettighedshuset {verb} praktikant til vores kontor i Aarhus"))
    assert any(fold(c.text).startswith("praktikant") for c in title_candidates(doc))


@pytest.mark.parametrize(
    ("line", "title", "organization"),
    [
        # paired articles are one article, and a contract or "for its office" ends the role
        (
            "L'association Terre Solidaire recrute un(e) chargé(e) de plaidoyer en CDI à Lyon.",
            "chargé(e) de plaidoyer",
            "L'association Terre Solidaire",
        ),
        (
            "La Corporación Caminos de Paz busca un/a coordinador/a de proyectos para su sede en "
            "Medellín.",
            "coordinador/a de proyectos",
            "La Corporación Caminos de Paz",
        ),
        # "ab sofort" between the verb and a gendered article
        (
            "Der Flüchtlingsrat Nordhafen e.V. sucht ab sofort eine*n Berater*in für "
            "Asylverfahrensberatung.",
            "Berater*in für Asylverfahrensberatung",
            "Der Flüchtlingsrat Nordhafen e.V.",
        ),
        # an article is a word of its own: the "a" of "analista" stays
        (
            "O Instituto Terra Viva contrata analista de projetos para atuar em Belém.",
            "analista de projetos",
            "O Instituto Terra Viva",
        ),
        # "Join X as Y"
        (
            "Join the Coalition for Open Courts as our next Communications Lead!",
            "Communications Lead",
            "Coalition for Open Courts",
        ),
        (
            "Rejoignez Avocats du Littoral en tant que juriste en droit des étrangers.",
            "juriste en droit des étrangers",
            "Avocats du Littoral",
        ),
    ],
)
def test_a_headline_gives_the_role_and_who_hires(line, title, organization):
    assert _headline(Doc(normalise(line)))[:2] == (title, organization)


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Der Flüchtlingsrat Nordhafen e.V.", "Flüchtlingsrat Nordhafen"),
        ("Centro de Defensa Comunitaria, A.C.", "Centro de Defensa Comunitaria"),
        ("Open Law gGmbH", "Open Law"),
        ("Justice Works, Inc.", "Justice Works"),
        ("Ligue des Droits asbl", "Ligue des Droits"),
        ("Harbour Rights Watch", "Harbour Rights Watch"),
    ],
)
def test_a_legal_form_is_no_part_of_the_name(raw, name):
    assert _clean_org(raw) == name


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Centar za ljudska prava iz Sarajeva", "Centar za ljudska prava"),
        ("Фонд «Право и защита» из Москвы", "Фонд «Право и защита»"),
        ("Ligue des droits à Genève", "Ligue des droits"),
        ("Fundacja z pasją", "Fundacja z pasją"),  # "z" before no place: with
    ],
)
def test_a_trailing_place_after_a_preposition_is_no_part_of_the_name(raw, name):
    assert _clean_org(raw, drop_place=True) == name


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Poradna pro menšinová práva, z. s. – Olomouc", ["Poradna pro menšinová práva"]),
        (
            "Referente, Rete Italiana per la Pace Onlus",
            ["Rete Italiana per la Pace", "Referente, Rete Italiana per la Pace"],
        ),
        (
            "Geschäftsstelle der Initiative Offene Archive e.V.",
            [
                "Geschäftsstelle der Initiative Offene Archive",
                "Initiative Offene Archive",
            ],
        ),
        (
            "Das Forum Gleichbehandlung Nordheide e. V. (FGN) sucht",
            ["Das Forum Gleichbehandlung Nordheide"],
        ),
        ("Harbour Justice Works, Inc.", ["Harbour Justice Works"]),
        ("Ligue des Droits ASBL", ["Ligue des Droits"]),  # "Droits" alone is no name
        ("We publish the APS data every year.", []),  # a word form needs punctuation or the end
        ("Amnesty International", []),
    ],
)
def test_the_words_before_a_legal_form_are_a_name(line, names):
    assert [name for name, _ in legal_names(line)] == names


def test_a_name_before_a_legal_form_is_an_organisation_candidate():
    doc = Doc(
        normalise(
            "Koordinátor/ka dobrovolníků\n"
            "Poradna pro menšinová práva, z. s. – Olomouc\n"
            "Hledáme posilu do týmu."
        )
    )
    named = {c.text: c.features for c in org_candidates(doc, None, 0)}
    assert named["Poradna pro menšinová práva"].get("src=o_legal") == 1.0


def test_organisation_candidates_never_end_with_a_function_word():
    doc = Doc(
        normalise(
            "Chargé de programme\n"
            "Le Programme de soutien aux défenseurs du Sahel a été créé en 2030. O Instituto "
            "sobre a memória abre vagas. The Office for the Rule of Law in the region hires."
        )
    )
    ends = [_words(c.text)[-1] for c in org_candidates(doc, None, 0)]
    assert ends and not set(ends) & _NAME_NEVER_ENDS


def test_mail_hosts_are_evidence_for_the_organisation():
    text = (
        "Legal Analyst\nThe Harbour Rights Watch (HRW) documents detention.\n"
        "Send your letter to jobs@hrw.example or to a.person@gmail.com, not info@example.org."
    )
    assert mail_hosts(text) == {"hrw"}
    named = {c.text: c.features for c in org_candidates(Doc(normalise(text)), None, 0)}
    assert named["Harbour Rights Watch (HRW)"].get("o_mail") == 1.0


def test_parts_of_the_first_line_are_marked():
    doc = Doc(normalise("Detention Monitor | Harbour Rights Watch\nMenu\nDetention Monitor\nText."))
    by_text = {c.text: c.features for c in title_candidates(doc)}
    assert by_text["Detention Monitor"].get("in_first_line") == 1.0
    assert "in_first_line" not in by_text["Detention Monitor | Harbour Rights Watch"]
    orgs = {c.text: c.features for c in org_candidates(doc, None, 0)}
    assert orgs["Harbour Rights Watch"].get("o_in_first_line") == 1.0


@pytest.mark.parametrize("separator", [">", "›", "»"])
def test_the_last_step_of_a_breadcrumb_is_a_title_candidate(separator):
    line = f"Home {separator} Careers {separator} Legal Intern (Summer 2031)"
    doc = Doc(normalise(f"{line}\n\nThe clinic offers a summer internship to law students."))
    assert "Legal Intern" in {c.text for c in title_candidates(doc)}


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        # a record that carries its own title: the rules' organisation is never a fragment
        ("We are a small legal clinic.\nWe are looking for a Case Worker.", None),
        (
            "ROLE PROFILE: The Northern Office is seeking a Case Worker.\nDuties follow.",
            "Northern Office",
        ),
    ],
)
def test_organisation_of_a_titled_record_is_never_a_fragment(
    text: str, organization: str | None
) -> None:
    names = find_title_and_org(Doc(normalise(text), title="Case Worker"))
    assert names.organization == organization


@pytest.mark.parametrize(
    ("line", "name", "not_name"),
    [
        ("Правозащитный центр ищет координатора", None, "Правозащитный центр ищет"),
        ("Фонд «Открытый диалог» объявляет конкурс", "Фонд «Открытый диалог»", None),
        ("Nadace Otevřená společnost hledá koordinátora", None, "Nadace Otevřená společnost hledá"),
        # nor into an auxiliary or what the organisation does
        ("The Human Rights Data Lab is looking for an analyst", None, "Human Rights Data Lab is"),
        ("About us: Zambia Rights Forum defends freedom of assembly.", "Zambia Rights Forum",
         "Zambia Rights Forum defends"),
        ("L'Association Voix Libres soutient les exilés", None, "Association Voix Libres soutient"),
        ("تعلن منظمة حقوق للجميع عن حاجتها لمنسق مشاريع", "منظمة حقوق للجميع", None),
    ],
)  # fmt: skip
def test_an_organisation_name_never_runs_on_into_its_verb(line, name, not_name):
    spans = _noun_spans(line, fold(line))
    assert not_name not in spans
    assert name is None or name in spans


def test_a_recruiting_subject_never_reaches_back_into_the_sentence_before():
    text = (
        "Legal Intern\n\nAt Justice Beyond Borders, we believe every refugee deserves a lawyer. "
        "We are looking for a legal intern for our Athens office."
    )
    assert find_title_and_org(Doc(normalise(text))).organization is None
    # an abbreviation's dot is no sentence end: "e.V. sucht"
    line = "Der Flüchtlingsrat Nordhafen e.V. sucht eine Beraterin."
    assert find_title_and_org(Doc(normalise(line))).organization == "Flüchtlingsrat Nordhafen"


@pytest.mark.parametrize(
    ("text", "title", "org"),
    [
        ("Advocacy Officer - Full Time - Brussels\n\nThe Network seeks an officer.",
         "Advocacy Officer", None),
        ("NEW JOB: Communications Assistant at the Refugee Law Centre\n\nThe Centre seeks one.",
         "Communications Assistant", "Refugee Law Centre"),
        # a place in parentheses is no acronym: a role before it names no organisation
        ("Apply now: Field Researcher (Myanmar)\n\nWe seek a field researcher.",
         "Field Researcher", None),
    ],
)  # fmt: skip
def test_headline_parts_and_who_hires(text, title, org):
    names = find_title_and_org(Doc(normalise(text)))
    assert names.title == title
    assert org is None or names.organization == org


def test_cercasi_introduces_the_role():
    text = "Cercasi operatore legale\n\nL'associazione cerca un operatore legale a Torino."
    assert find_title_and_org(Doc(normalise(text))).title == "operatore legale"


@pytest.mark.parametrize(
    ("chosen", "title"),
    [
        ("Program Officer, Civic Education. Tbilisi, Georgia", "Program Officer, Civic Education"),
        # an abbreviation or an acronym ends no sentence
        ("Dyrektor/ka ds. operacyjnych (COO)", "Dyrektor/ka ds. operacyjnych (COO)"),
        ("Correspondent for NZME. News", "Correspondent for NZME. News"),
    ],
)  # fmt: skip
def test_a_chosen_title_keeps_its_first_sentence(chosen, title):
    assert finished_title(chosen, Doc(normalise(chosen))) == title


@pytest.mark.parametrize(
    ("text", "title", "org"),
    [
        ("Pozice: Projektový manažer/ka\nZaměstnavatel: Organizace pro pomoc uprchlíkům\n"
         "Místo: Praha", "Projektový manažer/ka", "Organizace pro pomoc uprchlíkům"),
        ("Puesto: Coordinadora de proyectos\nInstitución: Fundación Derechos Ya\nLugar: Quito",
         "Coordinadora de proyectos", "Fundación Derechos Ya"),
    ],
)  # fmt: skip
def test_title_and_employer_fields_in_more_languages(text, title, org):
    names = find_title_and_org(Doc(normalise(text)))
    assert (names.title, names.organization) == (title, org)
