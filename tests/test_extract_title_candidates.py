"""Candidate generators of the title and organisation taggers: each general rule proposes the
right value among its candidates for a sentence written here (the tagger chooses among them)."""

import pytest

from understand.name_rules import _known_hits, _without_leading_org, _without_org, tidy_title
from understand.text import Doc, fold, normalise
from understand.title import (
    _a_place_unit,
    host_labels,
    host_spans,
    org_candidates,
    title_candidates,
)


def titles(text: str, url: str | None = None) -> list[str]:
    return [c.text for c in title_candidates(Doc(normalise(text), url=url))]


def orgs(text: str, url: str | None = None) -> list[str]:
    return [c.text for c in org_candidates(Doc(normalise(text), url=url), None, None)]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a title field whose label holds a title word, in several languages, the value on the
        # same line or the next
        (
            "Avis\nIntitulé de la mission : Juriste en droit des étrangers\nDurée : 3 mois",
            "Juriste",
        ),
        (
            "Términos\nTítulo de la contratación\nAsesora en justicia transicional\nObjetivo",
            "Asesora",
        ),
        ("Оголошення\nНазва посади: Аналітик з прав дітей\nМісце: Київ", "Аналітик"),
        ("Oglas\nNaziv pozicije: Pravni savjetnik za azil\nRok: 10 dana", "Pravni savjetnik"),
        ("Обява\nДлъжност: Юрисконсулт по правата на детето\nСрок: 1 месец", "Юрисконсулт"),
        ("Elan\nVəzifə: Hüquqşünas köməkçisi\nYer: Gəncə", "Hüquqşünas"),
        ("Ledigt jobb\nBefattning: Jurist inom asylrätt\nOrt: Malmö", "Jurist"),
        ("Հայտարարություն\nՊաշտոն: Իրավաբան\nՎայր: Գյումրի", "Իրավաբան"),
    ],
)
def test_title_field_labels_in_many_languages(text: str, title: str) -> None:
    found = title_candidates(Doc(normalise(text)))
    assert [c.text for c in found if c.features.get("src=field")][0].startswith(title)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # the title stops before what the role is for or where it sits
        (
            "Accueil\n\nLe Centre recherche un chargé de plaidoyer au sein de son bureau de Dakar.",
            "chargé de plaidoyer",
        ),
        (
            "Home\n\nThe Clinic is looking for a Detention Monitor with its Athens team.",
            "Detention Monitor",
        ),
        # a verb and "to the team" before the title
        ("Новини\n\nОбʼєднання шукає в команду юриста-консультанта.", "юриста-консультанта"),
        ("Aktuality\n\nHledáme do týmu analytika pro oblast vězeňství.", "analytika"),
        ("Nieuws\n\nDe stichting zoekt een beleidsmedewerker voor twee jaar.", "beleidsmedewerker"),
    ],
)
def test_title_in_a_sentence_and_its_shorter_cuts(text: str, title: str) -> None:
    assert title in titles(text)


def test_title_without_a_trailing_parenthesis() -> None:
    text = "Careers\nData Protection Adviser (0.8 FTE) - open until filled\nWe work on privacy."
    assert "Data Protection Adviser" in titles(text)


@pytest.mark.parametrize(
    ("text", "url", "org"),
    [
        # a name with no organisation word, spelled by the site's host name
        (
            "Técnica de proyecto\n\nKuntur (miembro de una red regional) es una ONG andina.",
            "https://www.kuntur.org/empleo/tecnica",
            "Kuntur",
        ),
        # ... or by the domain of the e-mail address to apply to
        (
            "Field Researcher\n\nLantern Rights documents abuses. Write to jobs@lanternrights.org.",
            None,
            "Lantern Rights",
        ),
        # a name whose initials are an acronym the text uses
        (
            "Chargé de projet\n\nJuristes Sans Cloisons (JSC) accompagne les victimes. "
            "JSC travaille au Sahel depuis 2015. Les équipes de JSC sont à Niamey.",
            None,
            "Juristes Sans Cloisons",
        ),
    ],
)
def test_organisation_spelled_by_host_mail_or_acronym(text: str, url: str | None, org: str) -> None:
    assert org in orgs(text, url)


def test_web_mail_spells_no_organisation() -> None:
    text = "Driver\n\nGmail Drivers Club is not the employer. Write to someone@gmail.com."
    assert "Gmail Drivers Club" not in orgs(text)


def features_of(found, text: str) -> dict[str, float]:
    return next(c.features for c in found if c.text == text)


def test_title_features_for_function_word_ends_and_first_person() -> None:
    text = "Emploi\nJe deviens juriste pour la\nJuriste en droit d'asile\nNous aidons les exilés."
    found = title_candidates(Doc(normalise(text)))
    assert features_of(found, "Je deviens juriste pour la").get("end_function") == 1.0
    assert features_of(found, "Je deviens juriste pour la").get("first_person") == 1.0
    assert "end_function" not in features_of(found, "Juriste en droit d'asile")


def test_organisation_features_for_places_boards_and_running_sentences() -> None:
    text = (
        "Programme Officer\n\nLe projet couvre la République Démocratique du Congo (RDC). "
        "La RDC compte des partenaires. En RDC, Jobs Board International lists this post."
    )
    found = org_candidates(Doc(normalise(text)), None, None)
    names = {c.text: c.features for c in found}
    assert names["République Démocratique du Congo (RDC)"].get("o_place") == 1.0
    assert names["Jobs Board International"].get("o_posting_word") == 1.0
    assert "o_place" not in names["Jobs Board International"]
    assert names["Jobs Board International lists this"].get("o_lower_last") == 1.0
    assert "o_lower_last" not in names["Jobs Board International"]


def test_title_loses_the_organisation_after_it_only_as_a_whole_word() -> None:
    assert _without_org("Legal Officer – Fjord Rights", "Fjord Rights") == "Legal Officer"
    assert _without_org("Legal Officer at Fjord Rights", "Fjord Rights") == "Legal Officer"
    assert _without_org("Data Officer, fjord rights", "Fjord Rights") == "Data Officer"
    assert _without_org("Coordinator for Fjord Rights", "Fjord Rights") == (
        "Coordinator for Fjord Rights"
    )
    assert _without_org("Officer at NewFjord Rights", "Fjord Rights") == (
        "Officer at NewFjord Rights"
    )


def test_title_loses_a_leading_organisation_only_before_a_role() -> None:
    assert _without_leading_org("Fjord Rights – Legal Officer", "Fjord Rights") == "Legal Officer"
    assert _without_leading_org("Fjord Rights (FR): Data Officer", "Fjord Rights") == "Data Officer"
    assert _without_leading_org("Fjord Rights Norge-Koordinator", "Fjord Rights") == "Koordinator"
    # what stands between names a role, or nothing after the separator does: kept
    assert _without_leading_org("Fjord Rights Officer - Oslo", "Fjord Rights") == (
        "Fjord Rights Officer - Oslo"
    )
    assert _without_leading_org("Fjord Rights - Annual Report", "Fjord Rights") == (
        "Fjord Rights - Annual Report"
    )
    assert _without_leading_org("Fjord Rightsholders – Officer", "Fjord Rights") == (
        "Fjord Rightsholders – Officer"
    )


@pytest.mark.parametrize(
    ("chosen", "tidy"),
    [
        ("Referent (m/w/d) für Menschenrechtsbildung", "Referent für Menschenrechtsbildung"),
        ("Chargé·e de plaidoyer (H/F/X)", "Chargé·e de plaidoyer"),
        ("Projektleitung (w/d/m) in Teilzeit", "Projektleitung"),
        ("Part-time Legal Officer", "Legal Officer"),
        ("Juriste à temps partiel", "Juriste"),
        ("Field Coordinator (0.8 FTE)", "Field Coordinator"),
        ("Une chargée de mission", "chargée de mission"),
        ("Trial Monitor - Based in Arusha, Tanzania", "Trial Monitor"),
        ("Assistant(e) de programme basé(e)", "Assistant(e) de programme"),  # "à Bamako" trimmed
        ("Chargé·e de mission basé·e à Dakar", "Chargé·e de mission"),
        ("Legal Officer based", "Legal Officer"),
        ("Community-based Protection Officer", "Community-based Protection Officer"),
        # a paired article and weekly hours
        ("un/una Responsabile comunicazione", "Responsabile comunicazione"),
        ("Um/a Assessor(a) de imprensa", "Assessor(a) de imprensa"),
        ("Beleidsadviseur migratie (32 uur)", "Beleidsadviseur migratie"),
        ("Projektreferent*in (30 Stunden/Woche)", "Projektreferent*in"),
        # a Slavic role in the case a recruiting sentence gives it, and a call for a role
        ("юриста по миграционному праву", "юрист по миграционному праву"),
        ("právníka/právničku do poradny", "právník/právnička do poradny"),
        ("Оглас за избор на правен советник", "правен советник"),
        ("Конкурс на замещение должности аналитика", "аналитик"),
        ("Konkurs za poziciju koordinatora u Nišu", "koordinator u Nišu"),
        ("Оглас за радно место координатора", "координатор"),
        ("Coordinadora jurídica", "Coordinadora jurídica"),  # a Spanish feminine keeps its -a
        ("Koordinátorka projektu", "Koordinátorka projektu"),  # a Czech feminine nominative
        # a West Slavic "-ista" is nominative; a Russian "-иста" is the genitive of "-ист"
        ("Stážista/stážistka pro lidská práva", "Stážista/stážistka pro lidská práva"),
        ("Specjalista ds. rzecznictwa", "Specjalista ds. rzecznictwa"),
        ("специалиста по защите данных", "специалист по защите данных"),
        # nothing but the working time, or no role left: kept
        ("Part-time work", "Part-time work"),
        ("Un Ponte Per", "Un Ponte Per"),
    ],
)
def test_a_chosen_title_loses_gender_marks_working_time_and_its_base(chosen, tidy) -> None:
    assert tidy_title(chosen) == tidy


def test_a_headline_role_loses_its_place_after_a_slavic_preposition() -> None:
    text = "Право на захист шукає юриста у Харкові\n\nВимоги: досвід роботи від 2 років."
    assert "юриста" in titles(text)
    assert not any(t.endswith(" у") for t in titles(text))


def test_an_arabic_job_announcement_label_is_no_part_of_the_title() -> None:
    assert "منسق مشروع" in titles("إعلان وظيفة: منسق مشروع\n\nتعلن المنظمة عن حاجتها.")


def test_a_slavic_posting_puts_its_title_role_in_the_nominative() -> None:
    # "koordinátora" holds no letter only Czech has: the posting's text says it is Czech
    assert tidy_title("koordinátora", "Hledáme koordinátora do Brna. Nabízíme plný úvazek.") == (
        "koordinátor"
    )
    assert tidy_title("koordinátora", "Buscamos koordinátora en Lima.") == "koordinátora"


def test_a_place_office_or_team_is_no_organisation() -> None:
    assert _a_place_unit("Berlin office")
    assert _a_place_unit("Nairobi team")
    assert not _a_place_unit("Nairobi Office")  # a name in title case may be one
    assert not _a_place_unit("Fjord Rights office")
    assert not _a_place_unit("UNHCR")
    assert _a_place_unit("Remote (Europe)")  # a work arrangement given as a location
    assert _a_place_unit("Home-based")
    assert _a_place_unit("République Démocratique du Congo")  # a place alone
    assert not _a_place_unit("Kenya Human Rights Commission")
    assert _a_place_unit("Nairobi office with up to two")  # a place's office, then more words
    assert _a_place_unit("Recife (PE)")  # a place with its state in brackets


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a lower-case kind of body before the name
        ("L'association Droits Devant recrute un·e juriste à Lyon.", "Droits Devant"),
        # an elided article or preposition inside a name
        ("L'association Terre d'Accueil recrute un·e juriste à Lyon.", "Terre d'Accueil"),
    ],
)
def test_names_after_a_kind_of_body_and_with_elisions(text, name) -> None:
    candidates = {c.text for c in org_candidates(Doc(normalise(text)), None, 0)}
    assert name in candidates


def test_well_known_organisation_named_twice_far_apart() -> None:
    filler = "Applicants describe their work on asylum in detail. " * 40
    text = f"Protection Officer\nUNHCR is hiring. {filler}Contracts are issued by UNHCR."
    found = _known_hits(text, fold(text))
    assert [h.raw for h in found] == ["UNHCR", "UNHCR"]
    assert text[found[1].start : found[1].end] == "UNHCR"
    assert _known_hits("UNHCR alone", fold("UNHCR alone")) == []


def test_organisation_part_of_a_longer_candidate_and_the_rules_answer() -> None:
    text = "Vacancy at Harbour Forum: Finance Manager\n\nJuly 2, 2031\n\nThe Forum hires."
    found = org_candidates(Doc(normalise(text)), "Harbour Forum", 0)
    names = {c.text: c.features for c in found}
    assert names["Forum"].get("o_part_of_other") == 1.0
    assert "o_part_of_other" not in names["Harbour Forum"]
    assert names["Harbour Forum"].get("o_chain") == 1.0


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # the subject of a recruiting verb, whole or cut at a comma or a full stop
        ("Open Rights Lab is looking for a part-time researcher.", "Open Rights Lab"),
        ("The Baltic Press Desk is offering a three-month internship.", "Baltic Press Desk"),
        ("Le Collectif Rive Sud propose un stage de six mois.", "Collectif Rive Sud"),
        ("A Rede Sul está com vaga aberta para assessora jurídica.", "A Rede Sul"),
        ("Za projekt azila, Mreža pravne pomoći traži dva pravnika.", "Mreža pravne pomoći"),
        ("Qendra Ligjore Vendore është në kërkim të një juristi.", "Qendra Ligjore Vendore"),
        ("Fundacja Praw Lokatorów ogłosiła nabór na prawnika.", "Fundacja Praw Lokatorów"),
        ("BOLOGNA. La Cooperativa Sole Nuovo apre una nuova selezione per educatori.",
         "Cooperativa Sole Nuovo"),
        # a labelled host organisation or department
        ("Volunteering offer\nHosting organization: Youth Rights Circle\nDuration: 10 months",
         "Youth Rights Circle"),
        ("Vakansiya\nDepartament/İdarə: Hüquqi Yardım Mərkəzi\nYer: Bakı", "Hüquqi Yardım Mərkəzi"),
    ],
)  # fmt: skip
def test_recruiting_subjects_and_host_labels_are_organisation_candidates(text, org):
    found = org_candidates(Doc(normalise(text)), None, None)
    sources = {"src=o_seeker", "src=o_label"}
    assert org in [c.text for c in found if sources & c.features.keys()]


@pytest.mark.parametrize(
    ("text", "url", "name"),
    [
        # lower-case words and articles inside the name
        (
            "Offre de stage\nLe Défenseur des enfants recrute un stagiaire juriste.",
            "https://www.defenseurdesenfants.example/stage",
            "Défenseur des enfants",
        ),
        # a hyphenated host spells the content words
        (
            "Chargé de projet\nLa Maison de la Paix engage un chargé de projet.",
            "https://maison-paix.example/emploi",
            "Maison de la Paix",
        ),
        # the host is the second label
        (
            "Coordinator\nGreen Steppe Watch is hiring.",
            "https://careers.greensteppewatch.example/jobs/1",
            "Green Steppe Watch",
        ),
    ],
)
def test_a_name_the_host_spells_word_for_word_is_a_candidate(text, url, name):
    assert name in host_spans(normalise(text), host_labels(url))
    assert name in orgs(text, url)


def test_host_spans_need_the_whole_host_and_a_capital_start():
    text = "we defend children. Défenseur des droits de l'enfant"
    assert host_spans(text, {"defenseurdesenfants"}) == []
    assert host_spans("terre des jeunes", {"terredesjeunes"}) == []
    assert host_labels("https://contenu.terredesjeunes.org/x") == {"contenu", "terredesjeunes"}
