"""The learned contract-type and seniority taggers (`understand.fields`), on sentences of ours."""

import pytest

from understand import extract, fields
from understand.contract import CONTRACT_TYPES, SENIORITIES
from understand.fields import (
    CUE_NAMES,
    FIELDS,
    REMOTE,
    REMOTE_CUE_NAMES,
    Tagger,
    decide,
    features,
    remote_features,
    tag_fields,
    tag_remote,
    taggers,
)
from understand.places import Places
from understand.text import Doc, normalise


def doc(text: str) -> Doc:
    return Doc(normalise(text))


def test_the_shipped_taggers_load_with_known_classes():
    loaded = taggers()
    assert set(loaded) == set(FIELDS)
    assert set(loaded["contract_type"].classes) <= set(CONTRACT_TYPES)
    assert set(loaded["seniority"].classes) <= set(SENIORITIES)
    assert len(loaded["contract_type"].classes) >= 4 and loaded["contract_type"].weights


# One sentence per cue, written for this test.
CUE_SENTENCES = {
    "internship": "Our legal team welcomes two interns each spring.",
    "fellowship": "La beca cubre el alojamiento durante la estancia.",
    "volunteer": "Ce poste est bénévole et ouvert à toutes et tous.",
    "consultancy terms": "The terms of reference are attached below.",
    "length in months": "The post is offered for eighteen months, or 18 months in all.",
    "length in days": "The assignment lasts 45 days in total.",
    "fixed or temporary": "Contrat renouvelable une fois après évaluation.",
    "a stated end": "The appointment runs initially until 30 June 2027.",
    "extension": "The contract may be renewed for a further year.",
    "open-ended": "Трудовой договор бессрочный.",
    "students or graduates": "Final-year students of law are encouraged to write to us.",
    "senior words": "You will supervise the field staff of three offices.",
    "junior words": "An entry-level role for someone starting out.",
    "director words": "The post reports to the Deputy Head of the mission.",
    "salary": "Le salaire suit la grille de l'association.",
}


def test_every_cue_has_a_sentence_here():
    assert set(CUE_SENTENCES) == set(CUE_NAMES)


@pytest.mark.parametrize(("name", "sentence"), sorted(CUE_SENTENCES.items()))
def test_each_cue_fires_on_its_sentence(name, sentence):
    feats = features(doc(sentence), "Programme Officer", None)
    assert f"c:{name}" in feats.names
    assert feats.sentences[f"c:{name}"] == sentence


# The contract cues in more languages, one sentence each, written for this test.
MORE_CUE_SENTENCES = [
    ("length in months", "Die Mitarbeit ist für 18 Monate geplant."),
    ("length in months", "L'incarico dura sei mesi a partire da aprile."),
    ("length in months", "Angażowanie trwa dwa miesiące."),
    ("length in months", "Projekti zgjat 9 muaj."),
    ("length in months", "პროექტი გაგრძელდება 6 თვე."),
    ("length in months", "يستمر العمل 6 أشهر في المكتب."),
    ("length in days", "Angažman traje do 30 dana."),
    ("length in days", "Die Schulung umfasst 12 Tage."),
    ("consultancy terms", "Технічне завдання додано до оголошення."),
    ("consultancy terms", "Shpallje për konsulent lokal."),
    ("consultancy terms", "Hledáme externí hodnotitele projektů."),
    ("fixed or temporary", "Assunzione a tempo determinato con orario pieno."),
    ("fixed or temporary", "Umowa o pracę na czas określony."),
    ("fixed or temporary", "العقد قابل للتجديد بعد التقييم."),
    ("extension", "Med möjlighet till förlängning efter ett år."),
    ("extension", "Contractul se poate prelungi cu acordul părților."),
    ("open-ended", "Offriamo un contratto a tempo indeterminato."),
    ("open-ended", "Kurum bünyesindeki kadrolara atama yapılacaktır."),
    ("internship", "Търсим практиканти за летния сезон."),
    ("internship", "Покана за студентски практики в правна клиника."),
    ("fellowship", "The fellow will join the litigation team for a year."),
    ("fellowship", "Abertas as inscrições para o programa de residência jurídica."),
    ("fellowship", "The writing residency lasts three months."),
]


@pytest.mark.parametrize(("name", "sentence"), MORE_CUE_SENTENCES)
def test_contract_cues_read_many_languages(name, sentence):
    assert f"c:{name}" in features(doc(sentence), "Programme Officer", None).names


def test_cues_skip_the_page_menu():
    text = "\n".join(
        ["Home", "About us", "Volunteer", "Donate", "Contact", "Grants Officer"]
        + ["We are looking for a grants officer to join our Nairobi team this spring."]
    )
    assert "c:volunteer" not in features(doc(text), "Grants Officer", None).names


@pytest.mark.parametrize(
    "sentence",
    [
        "We defend the rights of tenants in the capital.",
        "Обязанности: консультирование граждан и подготовка жалоб.",  # consulting is a duty
        "The lawyer gives consultations to detainees' families.",
        "Send your letter to the committee by 12 May 2027.",  # a deadline, not a contract's end
        "You will share an office with fellow campaigners.",  # "fellow" before people: colleagues
        "Contar con residencia mínima de tres años en el municipio.",  # where one lives
        "Advice on immigration-residency questions for clients.",
    ],
)
def test_a_neutral_sentence_fires_no_cue(sentence):
    feats = features(doc(sentence), None, None)
    assert not {n for n in feats.names if n.startswith("c:")}


def test_title_words_are_folded_stems_and_years_are_banded():
    feats = features(doc("Lieu : Dakar."), "Coordinateur régional", 7)
    assert {"t:coord", "t:regio", "y:6+"} <= feats.names
    assert "t:none" in features(doc("Lieu : Dakar."), None, None).names


@pytest.mark.parametrize(
    ("title", "text", "contract", "level"),
    [
        (
            "Legal Intern",
            "A six-month internship for students of law in our office.",
            "internship",
            "entry",
        ),
        (
            "Consultant for a baseline study",
            "Terms of reference. The consultant submits the deliverables within 40 days.",
            "consultancy",
            None,
        ),
        (
            "Senior Programme Manager",
            "You will manage a team of six. Permanent position, full-time.",
            None,
            "senior",
        ),
        (
            "Executive Director",
            "The director leads the secretariat and reports to the board.",
            None,
            "director",
        ),
    ],
)
def test_the_taggers_tag_postings_written_here(title, text, contract, level):
    (got_contract, contract_evidence), (got_level, _) = tag_fields(doc(text), title, {}, None)
    if contract:
        assert got_contract == contract and contract_evidence
    if level:
        assert got_level == level


def test_platform_labels_win_over_the_taggers():
    (contract, why), (level, level_why) = tag_fields(
        doc("A six-month internship for students."),
        "Legal Intern",
        {"contract_type": "permanent", "seniority": "senior"},
        None,
    )
    assert (contract, why, level, level_why) == (
        "permanent",
        "(platform data)",
        "senior",
        "(platform data)",
    )


def test_extract_wires_the_taggers_in():
    out = extract(
        {
            "id": "f1",
            "title": "Human Rights Fellowship",
            "text": "The fellowship lasts ten months. Recent graduates may apply by e-mail.",
        }
    )
    assert out["contract_type"] == "fellowship" and out["seniority"] == "entry"
    assert out["evidence"]["contract_type"]


def test_the_rules_answer_stands_for_classes_the_corpus_holds_few_of():
    text = (
        "Permanent contract, full-time, after a six-month probation period. The salary follows "
        "our published scale."
    )
    (contract, evidence), _ = tag_fields(doc(text), "Finance Officer", {}, None)
    assert contract == "permanent" and "Permanent contract" in evidence


# The remote tagger: one sentence per cue about where the work is done, written for this test.
REMOTE_CUE_SENTENCES = {
    "remote words": "The whole team collaborates remotely across four time zones.",
    "work from home": "Staff may work from home on Fridays.",
    "hybrid words": "Nous proposons un mode de travail hybride.",
    "office or on site": "The role is office-based, with a desk in Kampala.",
    "field work": "Much of the year is spent in the field with partner groups.",
    "place of work words": "Duty station to be confirmed at interview.",
    "relocation": "Candidates must be willing to relocate within three months.",
    "travel": "Up to 30% travel within the region is expected.",
    "full-time hours": "This is a full-time post of 37 hours per week.",
}
# The same cues in other languages, one sentence each, written for this test.
MORE_REMOTE_CUE_SENTENCES = [
    ("remote words", "El puesto admite teletrabajo parcial."),
    ("remote words", "Работа удаленно возможна по согласованию."),
    ("work from home", "Die Stelle erlaubt Homeoffice an zwei Tagen."),
    ("work from home", "Możliwa praca z domu w piątki."),
    ("office or on site", "La persona trabajará en la oficina de Quito."),
    ("office or on site", "Die Arbeit findet vor Ort in Leipzig statt."),
    ("field work", "Le poste implique de longues périodes sur le terrain."),
    ("field work", "Se requiere trabajo de campo en comunidades rurales."),
    ("place of work words", "Lieu de travail : à préciser."),
    ("place of work words", "Miejsce pracy: biuro fundacji."),
    ("relocation", "Se ofrece apoyo para la reubicación de la familia."),
    ("travel", "Des déplacements fréquents sont à prévoir."),
    ("travel", "Посада передбачає відрядження."),
    ("full-time hours", "Die Stelle umfasst 30 Stunden pro Woche."),
    ("full-time hours", "Contrat à temps plein dès septembre."),
]


def test_every_remote_cue_has_a_sentence_here():
    assert set(REMOTE_CUE_SENTENCES) == set(REMOTE_CUE_NAMES)


@pytest.mark.parametrize(
    ("name", "sentence"), sorted(REMOTE_CUE_SENTENCES.items()) + MORE_REMOTE_CUE_SENTENCES
)
def test_each_remote_cue_fires_on_its_sentence(name, sentence):
    feats = remote_features(doc(sentence), Places())
    assert f"w:{name}" in feats.names
    assert feats.sentences[f"w:{name}"] == sentence


def test_remote_features_carry_the_rules_answers():
    places = Places(remote="hybrid", remote_cue="yes")
    assert {"rr:hybrid", "rq:yes"} <= remote_features(doc("Nothing here."), places).names
    assert {"rr:unknown", "rq:none"} <= remote_features(doc("Nothing here."), Places()).names


def test_the_shipped_remote_tagger_has_the_remote_classes():
    assert set(taggers()["remote"].classes) == set(REMOTE)


def test_a_platform_remote_label_wins_over_the_tagger():
    text = "Project Officer\nDuty station: Nairobi, Kenya. Field work in the region."
    record = {"id": "r1", "text": text, "hints": {"remote": "yes"}}
    out = extract(record)
    assert out["remote"] == "yes"
    assert out["evidence"]["remote"] == "(platform data)"


def test_a_stated_duty_station_with_field_work_is_not_remote():
    text = "Project Officer\nDuty station: Nairobi, Kenya.\nThe officer is often in the field."
    assert extract({"id": "r2", "text": text})["remote"] == "no"


def test_a_wholly_remote_role_stays_remote():
    text = "Research Analyst\nThis is a fully remote position; you can work from anywhere."
    assert extract({"id": "r3", "text": text})["remote"] == "yes"


def test_a_tagger_that_did_not_beat_the_rules_leaves_the_field_to_them():
    always = {"classes": ["internship", "unknown"], "intercept": [5.0, 0.0], "weights": {}}
    used, unused = Tagger.from_json(always), Tagger.from_json({**always, "beats_rules": False})
    assert decide(used, set(), "unknown") == "internship"
    assert decide(unused, set(), "unknown") == "unknown"  # the rules found nothing: unknown
    assert decide(unused, set(), "permanent") == "permanent"


def test_a_remote_tagger_that_did_not_beat_the_rules_leaves_remote_to_them(monkeypatch):
    says_yes = {"classes": ["no", "yes"], "intercept": [0.0, 5.0], "weights": {}}
    text = "Research Analyst\nThe Research Analyst joins our programme team."
    places = Places(remote="unknown")
    for beats_rules, remote in ((True, "yes"), (False, "unknown")):
        tagger = Tagger.from_json({**says_yes, "beats_rules": beats_rules})
        monkeypatch.setattr(fields, "taggers", lambda t=tagger: {"remote": t})
        assert tag_remote(doc(text), {}, places)[0] == remote
