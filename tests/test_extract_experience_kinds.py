"""Kinds of years-of-experience sentences, in several languages.

Every sentence here was written for this test."""

import pytest

from tests.extract_helpers import years_asked


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a parenthesis between the years and "experience"
        (
            "At least five (5) years of relevant (seven years with a bachelor's degree), "
            "progressively responsible professional experience, including at least two (2) "
            "years in a field post.",
            5,
        ),
        # a range starting at zero
        ("We welcome applicants with 0-2 years of professional experience.", 0),
        # Catalan
        ("Almenys 4 anys d'experiència en comunicació.", 4),
        # Ukrainian "from N years"
        ("Досвід роботи у громадському секторі від 3 років.", 3),
        # Arabic: "practical experience of three years at least"
        ("خبرة عملية لثلاث سنوات على الأقل في مجال حقوق الإنسان", 3),
        ("خبرة لا تقل عن 4 سنوات في العمل الحقوقي", 4),
        # Portuguese
        ("Experiência mínima de 2 anos em gestão de projetos sociais.", 2),
        # Czech "min." (an abbreviation, no end of sentence) and "alespoň"
        ("Praxe min. 3 roky v neziskové organizaci.", 3),
        ("Odborná praxe alespoň 2 roky.", 2),
        # a labelled field
        ("Experience: 4+ years", 4),
        ("Expérience requise : 3 ans", 3),
        ("Years of experience: 5", 5),
        ("Berufserfahrung: mindestens 3 Jahre", 3),
        # years of work asked of the applicant, with no word for experience
        ("Requirements:\n- 3 years of human rights work\n- Fluent Russian", 3),
        ("Five or more years working with refugee-led groups.", 5),
        ("You bring 2+ years working in a campaigning organisation.", 2),
        ("3 años trabajando con comunidades indígenas.", 3),
        # a bracket that holds only the minimum, and "N years minimum" after experience
        ("Mehrjährige Berufserfahrung (mindestens 4 Jahre).", 4),
        ("Relevant experience (minimum 3 years).", 3),
        ("Experiencia profesional (mínimo 3 años).", 3),
        ("Expérience professionnelle : 3 ans minimum.", 3),
        # a bracket with more words in it is an aside
        ("Experience with courts (eight years with a first degree).", None),
        # ...but not an organisation's or a project's years, a work plan or permit, or an age
        ("Our team has 10 years of work in the region.", None),
        ("The grant covers three years of work on detention monitoring.", None),
        ("Draft a 2 year work plan for the coalition.", None),
        ("Applicants need a 1-year work permit.", None),
        ("Bewerber müssen mindestens 18 Jahre alt sein.", None),
    ],
)
def test_years_kinds(text, years):
    assert years_asked(text) == years


@pytest.mark.parametrize(
    "text",
    [
        "The organisation has 20 years of experience in the region. You report to the Director.",
        "We have fifteen years of experience in strategic litigation.",
        "Nous avons 30 ans d'expérience dans la défense des droits.",
        "Die Stiftung verfügt über 15 Jahre Erfahrung in der Menschenrechtsarbeit.",
        "Wir blicken auf 25 Jahre Erfahrung in der Beratung zurück.",
        "A organização tem 20 anos de experiência na defesa de direitos.",
        "L'associazione vanta 30 anni di esperienza nell'accoglienza.",
        "Организация имеет 10 лет опыта работы в сфере прав человека.",
        "Організація має 12 років досвіду у сфері прав людини.",
        "Nadace má 12 let zkušeností s bezplatnou právní pomocí.",
        "Fundacja ma 15 lat doświadczenia w pomocy uchodźcom.",
        "Qendra ka tre vjet përvojë në ndihmën juridike.",
    ],
)
def test_the_organisation_s_own_experience_is_not_asked(text):
    assert years_asked(text) is None


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Фонд имеет 20 лет опыта. Требования: опыт работы не менее 3 лет.", 3),
        ("Die Stiftung hat 15 Jahre Erfahrung. Sie haben mindestens 2 Jahre Berufserfahrung.", 2),
        ("Fundacja ma 15 lat doświadczenia. Wymagamy co najmniej 4 lat doświadczenia.", 4),
    ],
)
def test_the_applicant_s_years_are_read_beside_the_organisation_s(text, years):
    assert years_asked(text) == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("شرایط: لیسانس حقوق و حداقل ۳ سال سابقه کار.", 3),  # Persian: "work record"
        ("واجد شرایط: ماستری در علوم اجتماعی و ۲ سال تجربه کاری.", 2),  # Dari: "experience"
    ],
)
def test_persian_and_dari_years_of_experience(text, years):
    assert years_asked(text) == years
