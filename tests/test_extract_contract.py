import pytest

from understand.contract import contract_of_label, contract_type, seniority, seniority_of_label
from understand.text import Doc, normalise


def kind(text: str, title: str | None = None, url: str | None = None) -> str:
    return contract_type(Doc(normalise(text), url=url), title, None)[0]


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("We offer a six-month placement.", "Legal Intern", "internship"),  # title word
        ("Le stagiaire appuiera l'équipe.", "Stage en communication", "internship"),  # French title
        ("Type of contract: Consultancy", "Gender Expert", "consultancy"),  # contract field
        (
            "Contract type: 18-month contract, renewable",
            "Field Officer",
            "fixed-term",
        ),  # field with a length
        (
            "Duration of contract: 1 year",
            "Project Assistant",
            "fixed-term",
        ),  # a bare length in a field
        ("Vertragslaufzeit: 18 Monate", "Referent*in", "fixed-term"),  # lengths in many languages
        ("Durata: sei mesi, da marzo", "Operatore legale", "fixed-term"),
        ("Durata: 8 mesi", "Operatore legale", "fixed-term"),
        ("Trajanje ugovora: dva mjeseca", "Pravnik", "fixed-term"),
        ("مدة العقد: سنة قابلة للتجديد", None, "fixed-term"),
        ("Czas trwania umowy: 2 lata", "Prawnik", "fixed-term"),
        ("Оголошуємо закупівлю послуг юриста для проєкту.", None, "consultancy"),
        ("Տեխնիկական առաջադրանք՝ իրավաբանի համար", None, "consultancy"),
        ("We seek two external evaluators for the grant round.", None, "consultancy"),
        ("This is a permanent position with a pension scheme.", "Accountant", "permanent"),
        ("The post is a temporary position covering parental leave.", "Editor", "fixed-term"),
        ("The network is hiring two consultants for a baseline study.", None, "consultancy"),
        ("Individuals or firms may apply with a financial proposal.", None, "consultancy"),
        (
            "Staff member / Affiliate type: IICA-1",
            "Protection Officer",
            "consultancy",
        ),  # UN individual contractor
        (
            "Becas para jóvenes juristas: la persona becaria apoyará la investigación.",
            None,
            "fellowship",
        ),
        ("This volunteer role needs four hours a week.", "Group Organiser", "volunteer"),
        ("Търсим практиканти за правната клиника.", None, "internship"),
        ("Nous accueillons un stagiaire en communication.", "Assistant", "internship"),
        # interns the person will manage make no internship
        ("Vous devrez encadrer des stagiaires et gérer des stagiaires.", "Chargé", "unknown"),
        (
            "The Temporary Relocation Platform hosts defenders.",
            "Coordinator of the Temporary Relocation Platform",
            "unknown",
        ),
        (
            "Our mission has a contract for 24 months with the donor.",
            "Officer",
            "unknown",
        ),  # not the job's contract
        (
            "You will coordinate our volunteers and oversee consultants.",
            "Manager",
            "unknown",
        ),  # staff role
        # a role that manages interns or volunteers names no internship or volunteering
        ("We offer a permanent contract.", "Volunteer Coordinator", "permanent"),
        ("We offer a permanent contract.", "Internship Programme Manager", "permanent"),
        ("Бессрочный трудовой договор.", "Координатор волонтеров", "permanent"),
        ("Nabízíme smlouvu na dobu neurčitou.", "Koordinátor/ka dobrovolníků", "permanent"),
        ("Only two hours a week.", "Volunteer Tutor", "volunteer"),
        # volunteering or internships as the field of another role
        ("Contrato a término fijo de un año.", "Oficial de Programa - Voluntariado", "fixed-term"),
        ("Un programme de volontariat.", "Volontariat international", "volunteer"),
        # a Czech or Slovak internship ("stáž"), not a Polish length of service ("staż pracy")
        ("Nabízíme stáž na 6 měsíců v pražské kanceláři.", "Asistent", "internship"),
        ("Hledáme stážistu do týmu komunikace.", None, "internship"),
        ("Wymagany staż pracy: 3 lata.", "Prawnik", "unknown"),
        # self-employed work or a civil-law contract: a consultancy
        ("Spolupráce na IČO, fakturace měsíčně.", "Koordinátor", "consultancy"),
        ("Współpraca na podstawie B2B.", "Koordynator", "consultancy"),
        ("Оформление по ГПХ.", "Координатор", "consultancy"),
    ],
)
def test_contract_type(text, title, expected):
    assert kind(text, title) == expected


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        # a role joined to "consultant" names a staff role; the body says the contract
        ("Срочный трудовой договор на один год.", "Юрист-консультант", "fixed-term"),
        ("Permanent contract.", "Psychologist-Consultant", "permanent"),
        ("We seek an evaluator.", "Consultant-Evaluator", "consultancy"),
        ("ორგანიზაცია ეძებს იურისტ-კონსულტანტს.", "იურისტ-კონსულტანტი", "unknown"),
    ],
)
def test_a_role_joined_to_consultant_is_no_consultancy(text, title, expected):
    assert kind(text, title) == expected


def test_contract_type_from_url_path():
    assert (
        kind(
            "Support local groups.",
            "Area Lead",
            "https://example.org/get-involved/volunteer/area-lead/",
        )
        == "volunteer"
    )


def test_contract_hint_wins():
    assert contract_type(Doc("Consultant"), "Consultant", "permanent")[0] == "permanent"


@pytest.mark.parametrize(
    ("title", "contract", "expected"),
    [
        ("Human Rights Officer, P-2", "unknown", "entry"),  # grade wins over title words
        ("Political Affairs Officer (P4)", "unknown", "senior"),
        ("Chief of Section, D-1", "unknown", "director"),
        ("Programme Assistant, GS-6", "unknown", "entry"),
        ("National Officer NO-C", "unknown", "mid"),
        ("Senior Legal Adviser", "unknown", "senior"),
        ("Team Leader, Legal Aid", "unknown", "senior"),
        ("Jefa de Proyecto", "unknown", "mid"),  # like "chef de projet"
        ("Jefa de Oficina", "unknown", "senior"),
        ("Responsable du pôle juridique", "unknown", "senior"),
        ("Executive Director", "unknown", "director"),
        ("Associate Researcher", "unknown", "entry"),
        ("Asst Finance Officer", "unknown", "entry"),
        ("Campaigns Officer", "unknown", "mid"),
        ("Chargée de mission plaidoyer", "unknown", "mid"),
        ("Directora de programas", "unknown", "director"),
        ("Deputy Director, Programmes", "unknown", "senior"),  # a director's deputy
        ("Directeur adjoint des programmes", "unknown", "senior"),
        ("Заместитель директора", "unknown", "senior"),
        ("Cheffe de projet droits des femmes", "unknown", "mid"),  # a project manager
        ("Jefe de Proyecto, Tegucigalpa", "unknown", "mid"),
        ("Grants Manager", "unknown", "senior"),  # a manager title names a senior post
        ("Data Analyst", "unknown", "mid"),  # analysts and lawyers are professional posts
        ("Staff Lawyer", "unknown", "mid"),
        ("Conseillère juridique migrations", "unknown", "mid"),  # an adviser, in French
        ("Capo progetto diritti dei minori", "unknown", "mid"),
        ("Senior Programme Manager", "unknown", "senior"),
        ("Head of Campaigns", "unknown", "senior"),
        ("Regional Coordinator", "unknown", "unknown"),  # a function names no level
        ("Data Protection Specialist", "unknown", "unknown"),
        ("Researcher, Eastern Africa", "unknown", "unknown"),
        ("Chef d'équipe juridique", "unknown", "senior"),
        ("Chef de mission adjoint", "unknown", "unknown"),  # not a project manager
        ("Research Fellow", "fellowship", "entry"),  # fellowships and internships are entry level
        ("Group Coordinator", "volunteer", "unknown"),  # volunteer roles have no level
        ("Researcher; Translator", "unknown", "unknown"),  # several roles
        ("Consultant", "consultancy", "unknown"),
    ],
)
def test_seniority(title, contract, expected):
    assert seniority(Doc(title), title, contract, None)[0] == expected


def test_grade_field_counts():
    assert seniority(Doc("Legal Officer\nGrade: P-3"), "Legal Officer", "unknown", None)[0] == "mid"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Permanent, full-time position based in our Kampala office.", "permanent"),
        ("This is a permanent and full-time role.", "permanent"),
        ("We offer a permanent full-time job with pension.", "permanent"),
        ("Contrato por tiempo indefinido, jornada completa.", "permanent"),
        ("Contrato a término indefinido.", "permanent"),
        ("We offer an 18-month contract with health cover.", "fixed-term"),
        ("It is a two-year contract, renewable subject to funding.", "fixed-term"),
        ("A 9-month renewable contract.", "fixed-term"),
        ("Contrat à durée déterminée, temps plein.", "fixed-term"),
        ("Nous proposons un contrat de 6 mois.", "fixed-term"),
        ("Contrato a término fijo.", "fixed-term"),
        ("Срочный трудовой договор на 6 месяцев.", "fixed-term"),
        ("Трудовой договор на неопределенный срок.", "permanent"),
        ("Безстроковий трудовий договір.", "permanent"),
        ("Contrato por obra y servicio de 12 meses.", "fixed-term"),
        ("Contrato por tiempo determinado, jornada completa.", "fixed-term"),
        ("Abrimos convocatoria para practicantes del área de litigio.", "internship"),
        ("The organisation has a permanent presence in Geneva.", "unknown"),
        ("The project has a three-year budget.", "unknown"),
    ],
)
def test_contract_type_body_phrasings(text, expected):
    assert kind(text, "Officer") == expected


@pytest.mark.parametrize(
    ("title", "years", "expected"),
    [
        ("Media Trainer", None, "unknown"),  # a function names no level
        ("Media Trainer", 4, "mid"),  # unless the experience asked says it
        ("Юрист по правам беженцев", 3, "mid"),
        ("Field Researcher", 2, "unknown"),
        ("Field Researcher", 7, "senior"),
        ("Regional Advocacy Officer", 6, "senior"),  # a mid title asking for six years or more
        ("Regional Advocacy Officer", 4, "mid"),
        ("Programme Assistant", 8, "entry"),  # only a mid title is moved up
    ],
)
def test_seniority_from_title_and_years(title, years, expected):
    assert seniority(Doc(title), title, "unknown", None, years)[0] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Permanent", "permanent"),
        ("fulltime_fixed_term", "fixed-term"),
        ("Contract - Full-Time", "fixed-term"),
        ("CONTRACTOR", "consultancy"),
        ("Consultancy", "consultancy"),
        ("Internship", "internship"),
        ("Stage", "internship"),
        ("Volunteer Opportunity", "volunteer"),
        ("Fellowship", "fellowship"),
        ("Regular", "permanent"),
        (["Job", "Consultancy"], "consultancy"),
        (["FULL_TIME"], None),
        ("Job", None),
        (None, None),
    ],
)
def test_contract_of_label(value, expected):
    assert contract_of_label(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Mid-Senior level", "mid"),
        ("mid_senior_level", "mid"),
        ("senior_level", "senior"),
        ("entry-level", "entry"),
        ("Director", "director"),
        ("executive", "director"),
        ("experienced", "mid"),
        ("P-2", "entry"),
        ("P-3", "mid"),
        ("P-4", "senior"),  # as a P4 in a title (see test_seniority)
        ("P-5", "senior"),
        ("D-1", "director"),
        ("ASG", "director"),
        ("GS-5", "entry"),
        ("NO-C", "mid"),
        ("CON", None),
        ("Not Applicable", None),
        (None, None),
    ],
)
def test_seniority_of_label(value, expected):
    assert seniority_of_label(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Type de contrat : consultance", "consultancy"),
        ("Employment type: Contractor", "consultancy"),
        ("Employment type: Full-time", "unknown"),
    ],
)
def test_a_contract_field_is_read_like_a_platform_label(text, expected):
    assert kind(f"Project Officer\n\n{text}\n\nWe seek a project officer.") == expected


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        # contract lengths and end dates said the ways real postings say them
        ("Nabízíme smlouvu na dobu určitou a flexibilní pracovní dobu.", None, "fixed-term"),
        ("Oferujemy umowę o pracę na czas określony.", None, "fixed-term"),
        ("Ugovor o radu na određeno vrijeme od šest mjeseci.", None, "fixed-term"),
        ("Si offre un contratto a tempo determinato.", None, "fixed-term"),
        ("Contratação por prazo determinado de um ano.", None, "fixed-term"),
        ("Wij bieden een arbeidsovereenkomst voor twee jaar.", None, "fixed-term"),
        ("Tjänsten är en projektanställning på heltid.", None, "fixed-term"),
        ("Employment is limited to the duration of the programme.", None, "fixed-term"),
        ("The contract will be for 2 years, depending on results.", None, "fixed-term"),
        ("Position: Full-time, contract, initially for 9 months.", None, "fixed-term"),
        ("We are recruiting for a short-term position in our field office.", None, "fixed-term"),
        ("Duration of contract: until 30 June 2027", None, "fixed-term"),
        ("Laufzeit: Mai bis Dezember 2025", None, "fixed-term"),
        ("Short-term Elections Analyst", "Short-term Elections Analyst", "fixed-term"),
        ("Nabízíme pracovní poměr na dobu neurčitou.", None, "permanent"),
        ("Umowa o pracę na czas nieokreślony.", None, "permanent"),
        ("Contratto a tempo indeterminato, full time.", None, "permanent"),
        ("Een vast contract na een proeftijd.", None, "permanent"),
        # fee-based and tendered work
        ("Terms of Reference: mapping of legal aid providers", None, "consultancy"),
        ("Termes de référence pour une évaluation finale", None, "consultancy"),
        ("Wir bieten eine Tätigkeit auf Honorarbasis.", None, "consultancy"),
        ("Contratação como Microempreendedor Individual (MEI).", None, "consultancy"),
        ("Contrato de prestação de serviços por seis meses.", None, "consultancy"),
        ("Se ofrece contrato de prestación de servicios por cuatro meses.", None, "consultancy"),
        ("Forma współpracy: umowa zlecenie.", None, "consultancy"),
        ("Nous recherchons un·e consultant·e pour un an.", None, "consultancy"),
        ("You will work as an independent contractor for twelve months.", None, "consultancy"),
        ("We need help with our website.", "Web developers (contractors)", "consultancy"),
        ("Tipi i kontratës: shërbimi", None, "consultancy"),
        ("The officer will help in drafting terms of reference for studies.", None, "unknown"),
        # internships and volunteer roles in more languages
        ("Biuro oferuje praktyki zawodowe dla studentów prawa.", None, "internship"),
        ("Szukamy osób do wolontariatu w schronisku.", None, "volunteer"),
        ("Wir suchen Unterstützung.", "Ehrenamtliche Sprachmittler*innen", "volunteer"),
        ("Het team zoekt een nieuwe vrijwilliger.", "Vrijwilliger fondsenwerving", "volunteer"),
        ("The ideal volunteer would speak some Arabic.", None, "volunteer"),
        ("Помощник депутата на общественных началах.", None, "volunteer"),
    ],
)
def test_contract_type_in_more_wordings(text, title, expected):
    assert kind(text, title) == expected


def test_a_senior_title_is_no_fellowship_of_the_body():
    text = "We run fellowship programmes and publish research.\nThe lead shapes our advocacy."
    assert kind(text, "Advocacy Lead") == "unknown"
    assert kind(text, "Programme Intern") == "internship"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Regional Adviser (Central Asia)", "mid"),  # an adviser is mid unless called senior
        ("Senior Policy Advisor", "senior"),
        ("Head of Mission", "director"),  # heads of a mission, unit or office
        ("Deputy Head of Office", "director"),
        ("Head of Communications", "senior"),
        ("Asistent de proiect", "entry"),  # assistants in more languages
        ("Assistente de comunicação", "entry"),
        ("Projektassistenz", "entry"),
        ("İnsan Hakları Uzman Yardımcısı", "entry"),
        # levels in Serbian, Turkish, Georgian, Armenian, Persian, Arabic, Hungarian, Albanian
        ("Viši savetnik za ljudska prava", "senior"),
        ("Mlađi istraživač", "entry"),
        ("Kıdemli Hukuk Danışmanı", "senior"),
        ("Genel Müdür", "director"),
        ("უფროსი მკვლევარი", "senior"),
        ("Ավագ մասնագետ", "senior"),
        ("کارشناس ارشد برنامه", "senior"),
        ("باحث قانوني أول", "senior"),
        ("مدير تنفيذي", "director"),
        ("مسؤول اتصال", "mid"),
        ("Kommunikációs asszisztens", "entry"),
        ("Zyrtar për monitorim", "mid"),
        ("Drejtoria e Programeve", "unknown"),  # a directorate, not a director
        ("Ծրագրի օգնական", "entry"),
    ],
)
def test_seniority_of_more_titles(title, expected):
    assert seniority(Doc(title), title, "unknown", None)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Turkish, Greek and Albanian postings, with sentences written here
        ("Derneğimiz İstanbul ofisinde staj programı için hukuk öğrencisi arıyor.", "internship"),
        ("Derneğimiz gönüllü olarak çalışacak bir koordinatör arıyor.", "volunteer"),
        ("Η οργάνωση αναζητά εθελοντές διερμηνείς για την Αθήνα.", "volunteer"),
        ("Η οργάνωση προσφέρει θέση πρακτικής άσκησης για φοιτητές νομικής.", "internship"),
        ("Θέση: Πρακτική άσκηση στο νομικό τμήμα.", "internship"),
        ("Dernek, belirli süreli sözleşme ile çalışacak bir proje asistanı arıyor.", "fixed-term"),
        ("Kërkojmë koordinator projekti me kontratë me afat të caktuar në Tiranë.", "fixed-term"),
        # open-ended contracts in Norwegian, Danish, Ukrainian, Turkish, Greek, Romanian,
        # Hungarian and Finnish
        ("Det er en fast stilling i 100 % ved kontoret i Bergen.", "permanent"),
        ("Stillingen er en fastansættelse på fuld tid.", "permanent"),
        ("Пропонуємо постійну роботу в офісі в Одесі.", "permanent"),
        ("Dernek, belirsiz süreli sözleşme ile bir avukat arıyor.", "permanent"),
        ("Σύμβαση αορίστου χρόνου, πλήρης απασχόληση.", "permanent"),
        ("Oferim un contract pe perioadă nedeterminată.", "permanent"),
        ("Határozatlan idejű munkaszerződést kínálunk.", "permanent"),
        ("Tarjoamme toistaiseksi voimassa olevan työsuhteen.", "permanent"),
        # Serbian and Macedonian Cyrillic, Arabic, Persian, Azerbaijani, Hungarian, Georgian,
        # Armenian
        ("Уговор о раду на одређено време од шест месеци.", "fixed-term"),
        ("Вработување на неопределено време во Скопје.", "permanent"),
        ("عقد محدد المدة لستة أشهر.", "fixed-term"),
        ("عقد عمل غير محدد المدة.", "permanent"),
        ("مدة الاستشارة أربعون يوم عمل.", "consultancy"),
        ("قرارداد موقت شش ماهه", "fixed-term"),
        ("Müddətli əmək müqaviləsi altı ay üçün bağlanır.", "fixed-term"),
        ("Határozott idejű szerződés hat hónapra.", "fixed-term"),
        ("უვადო შრომითი ხელშეკრულება.", "permanent"),
        ("Պայմանագիրը կնքվում է որոշակի ժամկետով։", "fixed-term"),
        ("Dernek, bağımsız danışman arıyor.", "consultancy"),
        ("Тражимо доброволце за правно саветовалиште.", "volunteer"),
        ("Ищем стажиста в юридический отдел.", "internship"),
        ("Primamo dva studenta prava na stručnu praksu od tri meseca.", "internship"),
        # a Serbian "pripravnik" is a trainee employee, hired for a fixed term by law
        ("Prijem pripravnika u radni odnos na određeno vreme.", "fixed-term"),
    ],
)
def test_contract_type_in_more_languages(text, expected):
    assert kind(text) == expected


@pytest.mark.parametrize(
    ("line", "title", "expected"),
    [
        ("Policy Officer (Senior)", "Policy Officer", "senior"),
        ("Chargé·e de plaidoyer (junior) – Lyon", "Chargé·e de plaidoyer", "entry"),
        ("Referent*in (Senior) für Menschenrechte", "Referent*in", "senior"),
        ("Policy Officer (80%)", "Policy Officer", "mid"),  # an aside naming no level
    ],
)
def test_a_level_in_brackets_after_the_title_counts(line, title, expected):
    doc = Doc(normalise(f"{line}\n\nWe are looking for a colleague."))
    assert seniority(doc, title, "unknown", None)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "La personne encadrera occasionnellement des stagiaires.",
        "Supervisará ocasionalmente a practicantes de derecho.",
        "Coordinará el voluntariado de la organización.",
        "Координатор руководит волонтерской программой центра.",
        "Budete vést stážisty a koordinovat dobrovolnický program.",
    ],
)
def test_interns_and_volunteers_the_person_manages_are_no_contract(text):
    doc = Doc(normalise(f"Coordinator\n\n{text}"))
    assert contract_type(doc, "Coordinator", None)[0] == "unknown"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Le pôle encadre des stagiaires. Il s’agit d’un stage de six mois.", "internship"),
        ("Buscamos practicantes de derecho para prácticas profesionales.", "internship"),
        ("Mission de bénévolat auprès des personnes exilées.", "volunteer"),
    ],
)
def test_a_later_mention_of_the_person_s_own_internship_still_counts(text, kind):
    doc = Doc(normalise(f"Annonce\n\n{text}"))
    assert contract_type(doc, None, None)[0] == kind


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Vedoucí právního oddělení", "senior"),  # Czech: head of a department
        ("Vedúci projektu", "senior"),  # Slovak
        ("Kierownik projektu", "senior"),  # Polish
    ],
)
def test_heads_of_a_team_in_west_slavic_languages(title, expected):
    assert seniority(Doc(title), title, "unknown", None)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Условия: договор гражданско-правового характера на 3 месяца.",
        "Умови: цивільно-правовий договір на пів року.",
        "Оформление по договору возмездного оказания услуг.",
    ],
)
def test_a_civil_law_service_contract_is_a_consultancy(text):
    doc = Doc(normalise(f"Юрист\n\n{text}"))
    assert contract_type(doc, "Юрист", None)[0] == "consultancy"
