from datetime import date

import pytest

from understand import extract, extract_many
from understand.text import Doc, normalise
from understand.vacancy import CUE_NAMES, features, model, vacancy_score, vacancy_scores


def is_vacancy(text: str) -> bool:
    return vacancy_score(Doc(normalise(text)), None)[0] >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Job opening: Paralegal. Send your CV to the clinic by 3 May.",
        "The Baltic Media Foundation is looking for a Grants Officer to join its Riga team.",
        "Call for applications: Visiting Fellowship in transitional justice, "
        "five months, with a stipend.",
        "Terms of Reference – national consultant for an evaluation of our legal aid project.",
        "Volunteer opportunity: we need volunteer interpreters for our weekend advice sessions.",
        "Offre d'emploi : chargé·e de communication, CDD de 6 mois, candidature avant le 2 avril.",
        "Se busca abogada para clínica jurídica; enviar hoja de vida antes del 10 de junio.",
        "Фонд ищет бухгалтера. Резюме направляйте до 1 декабря.",
        "Area Lead\nBuild links with members.\nSupport local events.\nProvide "
        "monthly updates.\nMaintain the contact list.",
    ],
)
def test_vacancies(text):
    assert is_vacancy(text)


@pytest.mark.parametrize(
    "text",
    [
        "The court jailed two activists for ten years on Tuesday, their lawyers said.",
        "Joint statement: we call on the government to lift the ban on peaceful assemblies.",
        "Call for proposals: grants of up to 20,000 EUR for community media. "
        "Registered NGOs may apply.",
        "According to the job description, the new deputy will answer to the "
        "minister, which critics dislike.",
        "My internship at the tribunal taught me a lot about international criminal law.",
        "The board has appointed a new executive director, who took up her post in May.",
        "River Rights Trust appoints Ana Sample as director; she was chosen from 90 applications.",
        "As their fellowship ends, we asked our three fellows what they learned this year.",
        "Ombudsman: other titles, similar occupations and the usual career path explained.",
        "Share your story: we are collecting short videos from community defenders.",
        "Join our webinar on online harassment of journalists — register now.",
        "Call for applications: winter school on asylum law, tuition fee 400 EUR. Apply by 1 May.",
        "Charities announced a hiring freeze and job cuts; advertised vacancies were withdrawn.",
    ],
)
def test_not_vacancies(text):
    assert not is_vacancy(text)


def test_score_is_a_probability_with_evidence():
    score, evidence = vacancy_score(Doc("Vacancy: Driver. Apply by 3 May."), None)
    assert 0.5 < score <= 1 and evidence in ("Vacancy: Driver.", "Apply by 3 May.")


# Issue 13: the kinds of error seen on real postings nobody here had seen, in texts written for
# this test (not taken from the corpus): each was misjudged by the hand-weighted rules.
NOT_NOW = (
    "Work with us\nThank you for your interest in joining the Lakeside Rights Centre. There are "
    "currently no open positions in our team. New roles will be announced on this page and in "
    "our newsletter, so please check back in the spring."
)
GRANT_CALL = (
    "Small Grants 2027 for community initiatives\nThe Danube Civic Fund supports local groups "
    "that defend minority rights.\nWho can apply:\nregistered associations based in the region\n"
    "informal groups with a partner organisation\nRequirements:\nexperience of at least one year "
    "of community work\na budget between 5,000 and 15,000 EUR\nHow to apply: send the form to "
    "the fund's office. Application deadline: 20 March 2027."
)
TRAINING_CALL = (
    "Digital Safety Academy 2027\nA five-day course for young human rights defenders in "
    "Tbilisi, with experienced trainers.\nRequirements:\nexperience of work with a civil society "
    "group\nknowledge of English\nHow to apply: send your CV and a motivation letter to the "
    "organisers. Application deadline: 1 June 2027. Travel and accommodation are covered."
)
MEMBERSHIP_CALL = (
    "Join the Northern Network for Refugee Support\nWe welcome new members: organisations and "
    "individuals who share our values.\nRequirements:\ncommitment to the network's charter\n"
    "experience of work with refugees\nHow to apply: send your application with a letter of "
    "motivation to the secretariat before 30 April. The annual fee is 30 EUR."
)
RUSSIAN_VACANCY = (
    "Юрист по уголовным делам\nПравозащитная группа «Открытый дом» помогает задержанным на "
    "акциях и их семьям, обжалует приговоры и собирает данные о нарушениях в колониях.\n"
    "Чем предстоит заниматься: готовить жалобы и ходатайства, представлять интересы "
    "подзащитных в судах, консультировать родственников.\nЧто для нас важно: опыт судебной "
    "работы от двух лет, статус адвоката.\nЗанятость полная, офис в Казани."
)
CZECH_VACANCY = (
    "Sociální pracovník/pracovnice do poradny v Brně\nPoradna pro občany rozšiřuje tým.\n"
    "Náplň práce:\nposkytování sociálního poradenství klientům\nvedení spisové dokumentace\n"
    "Požadujeme:\nvysokoškolské vzdělání v oboru sociální práce\nznalost angličtiny výhodou\n"
    "Nabízíme plný úvazek, nástup dle dohody a pět týdnů dovolené."
)


@pytest.mark.parametrize(
    "text", [NOT_NOW, GRANT_CALL, TRAINING_CALL, MEMBERSHIP_CALL], ids=lambda t: t[:20]
)
def test_issue13_not_vacancies(text):
    assert not is_vacancy(text)


@pytest.mark.parametrize("text", [RUSSIAN_VACANCY, CZECH_VACANCY], ids=lambda t: t[:20])
def test_issue13_vacancies(text):
    assert is_vacancy(text)


def test_shipped_model_loads_and_reads_its_cues():
    m = model()
    assert m.chars.vocab and m.words and set(m.cue_w) == set(CUE_NAMES)
    assert m.platt[0] > 0  # calibration keeps the order of scores
    # learned, not set by hand: a stated vacancy pushes up, a grant call pushes down
    assert m.cue_w["says it is a vacancy"] > 0 > m.cue_w["grant call"]


def test_batch_scores_equal_single_scores_and_name_their_evidence():
    docs = [Doc(normalise(t)) for t in (CZECH_VACANCY, GRANT_CALL, NOT_NOW, "")]
    batch = vacancy_scores(docs)
    assert batch == [vacancy_score(d) for d in docs]
    assert batch[0][0] >= 0.5 > batch[1][0]
    assert batch[1][1] in GRANT_CALL.replace("\n", " ") or batch[1][1] in GRANT_CALL
    assert vacancy_scores([]) == []


def test_headings_are_structure_features():
    feats = features(Doc(normalise("Officer\nProfil recherché :\nx\nRequisitos\nDeadline: 3 May")))
    assert {"heading: requirements", "deadline field"} <= set(feats.cues)
    prose = features(Doc("Requirements of the new law were debated until the deadline: May."))
    assert not {"heading: requirements", "deadline field"} & set(prose.cues)


def test_extract_many_is_extract_of_each():
    records = [
        {"id": "r1", "title": "Paralegal", "text": CZECH_VACANCY},
        {"id": "r2", "text": GRANT_CALL},
        {"id": "r3", "text": RUSSIAN_VACANCY, "hints": {"is_vacancy": True}},
    ]
    as_of = date(2027, 1, 10)
    assert extract_many(records, as_of) == [extract(r, as_of) for r in records]
    assert [o["is_vacancy"] for o in extract_many(records, as_of)] == [True, False, True]


@pytest.mark.parametrize(
    "sentence",
    [
        "Zurzeit haben wir leider keine freien Stellen.",
        "Derzeit gibt es keine offenen Stellen in unserem Verein.",
        "Im Moment haben wir keine Stellenangebote.",
    ],
)
def test_a_german_page_saying_there_is_no_job_now_says_so(sentence):
    feats = features(Doc(normalise(f"Karriere\n\n{sentence}")))
    assert "says there is no vacancy now" in feats.cues


@pytest.mark.parametrize(
    "text",
    [
        # Greek, Hungarian, Finnish and Slovak: the corpus has few postings in them
        "Θέση εργασίας: Νομικός Σύμβουλος\n\nΗ οργάνωση Δίκαιο Τώρα αναζητά νομικό σύμβουλο για "
        "το γραφείο της στην Πάτρα.\nΚαθήκοντα: νομική συνδρομή σε αιτούντες άσυλο.\n"
        "Απαιτούμενα προσόντα: πτυχίο Νομικής.\nΣτείλτε βιογραφικό έως 3 Μαρτίου 2031.",
        "Álláshirdetés: jogász\n\nA Szabad Szó Egyesület jogászt keres szegedi irodájába.\n"
        "Feladatok: ügyfelek tanácsadása.\nElvárások: jogi diploma.\n"
        "Jelentkezés önéletrajzzal 2031. március 3-ig.",
        "Avoin työpaikka: Järjestösihteeri\n\nOikeudet Ensin ry hakee järjestösihteeriä "
        "Tampereelle.\nTehtävät: jäsenviestintä ja tapahtumat.\nEdellytämme sopivaa tutkintoa.\n"
        "Hakemukset viimeistään 3.3.2031.",
        "Výberové konanie: Sociálny pracovník\n\nCentrum Pomoc hľadá sociálneho pracovníka do "
        "Nitry.\nPožiadavky: VŠ vzdelanie.\nŽivotopis posielajte do 3. marca 2031.",
    ],
    ids=["el", "hu", "fi", "sk"],
)
def test_vacancies_in_languages_the_corpus_has_little_of(text):
    assert is_vacancy(text)


@pytest.mark.parametrize(
    "text",
    [
        # the same verbs of seeking in news: the police seek, families seek asylum
        "Η αστυνομία αναζητά τους δράστες\n\nΟργανώσεις καταδίκασαν την επίθεση στο κέντρο "
        "φιλοξενίας. Η αστυνομία αναζητά δύο άνδρες.",
        "A rendőrség keresi a tüntetőket\n\nA jogvédők szerint az eljárás sérti a gyülekezési "
        "szabadságot. A rendőrség három aktivistát keres.",
        "Yhä useampi perhe hakee turvapaikkaa\n\nJärjestöt arvostelevat päätöstä rajoittaa "
        "perheenyhdistämistä. Tilanne on järjestön mukaan vakava.",
    ],
    ids=["el", "hu", "fi"],
)
def test_news_with_verbs_of_seeking_is_no_vacancy(text):
    assert not is_vacancy(text)
