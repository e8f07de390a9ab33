import pytest

from tests.extract_helpers import years_asked
from understand.experience import years_of_label


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("At least four years of professional experience in advocacy.", 4),  # words
        ("Minimum 6 years relevant work experience.", 6),  # digits
        ("Eight (8) years' experience in programme management.", 8),  # digits in brackets
        ("7+ years experience with NGOs.", 7),
        ("Experience of at least 3 years in litigation.", 3),  # number after "experience"
        ("Au moins cinq ans d'expérience dans le domaine humanitaire.", 5),  # French
        ("Mínimo 2 años de experiencia laboral.", 2),  # Spanish
        ("Опыт работы не менее 4 лет в правозащитной сфере.", 4),  # Russian
        ("Minst 2 års erfarenhet av projektledning.", 2),  # Swedish
        ("Mindestens 3 Jahre Berufserfahrung.", 3),  # German
        ("Nejméně 4 roky praxe v sociální práci.", 4),  # Czech "praxe"
        ("Praxe v oboru alespoň 2 roky.", 2),  # Czech, the number after "praxe"
        ("Mindestens fünf Jahre Berufspraxis in der Rechtsberatung.", 5),  # German "Berufspraxis"
        ("The contract runs for 2 years.", None),  # a contract duration
        ("Candidates must be at least 21 years old.", None),  # an age
        ("Founded in 2001, we have worked for 20 years in the region.", None),  # not a requirement
        ("The assignment lasts 25 working days.", None),
        # a stated minimum of years of some practice, without the word "experience"
        ("A minimum of 4 years of investigative journalism or documentation work.", 4),
        ("A law degree and no less than 8 years of legal practice.", 8),
        ("Candidates should have at least six years working with refugee communities.", 6),
        ("At least a year of research experience.", 1),  # "a year" is one
        # durations and studies are not experience
        ("The organisation has operated for at least 20 years in the region.", None),
        ("Applicants must have at least 2 years of university studies.", None),
        ("The fellowship lasts a minimum of 2 years of full-time work.", None),
        ("Must be at least 18 years of age.", None),
        # Arabic
        ("خبرة لا تقل عن 5 سنوات في مجال حقوق الإنسان.", 5),
        # Dutch, Portuguese, Romanian, Polish, Czech and Turkish words for years and experience
        ("Je hebt 2-4 jaar werkervaring in de advocatuur.", 2),
        ("Experiência de no mínimo 3 anos em direitos humanos.", 3),
        ("Experiență profesională de minim 4 ani în domeniul juridic.", 4),
        ("Oczekujemy co najmniej 5 lat doświadczenia w organizacji pozarządowej.", 5),
        ("Nabízíme práci pro lidi s alespoň 3 roky zkušeností v terénu.", 3),
        ("Alanında en az 6 yıl deneyim sahibi olmak.", 6),
        # number words and the words for years and experience of more languages
        ("Du har minst fyra års erfarenhet av folkbildning.", 4),  # sv
        ("Du har mindst fem års erfaring fra en NGO.", 5),  # da
        ("Edellytämme vähintään kahden vuoden työkokemusta.", 2),  # fi
        ("Legalább 4 év szakmai tapasztalat szükséges.", 4),  # hu
        ("Pengalaman minimal 3 tahun di bidang advokasi.", 3),  # id
        ("Προϋπηρεσία τουλάχιστον 2 ετών σε οργάνωση.", 2),  # el
        ("Esperienza di almeno quattro anni nella tutela dei diritti.", 4),  # it
        ("Najmanje pet godina radnog iskustva u civilnom društvu.", 5),  # hr
        ("Minimaal drie jaar ervaring met fondsenwerving.", 3),  # nl
        ("Požiadavky: prax minimálne 2 roky v mimovládnej organizácii.", 2),  # sk "prax"
        ("Experiență de cel puțin doi ani în advocacy.", 2),  # ro
        ("Услови: диплома по право и најмалку четири години работно искуство.", 4),  # mk
        ("Изисквания: поне пет години професионален опит в областта.", 5),  # bg
        ("حداقل سه سال سابقه کار در حوزه حقوق بشر", 3),  # fa
        ("Kërkesat: të paktën katër vjet përvojë pune.", 4),  # sq
        ("Ən azı üç il iş təcrübəsi tələb olunur.", 3),  # az
        ("სავალდებულოა სამი წლის სამუშაო გამოცდილება.", 3),  # ka
        ("Պահանջվում է առնվազն չորս տարվա աշխատանքային փորձ։", 4),  # hy
        ("Legalább három év szakmai tapasztalat.", 3),  # hu
        ("Ծրագիրը երկու տարի փորձարկվել է։", None),  # hy "tested", not experience
        # a house, not years
        ("Proje 3 ev ziyareti içerir; deneyim aranmaz.", None),
    ],
)
def test_min_years(text, years):
    assert years_asked(text) == years


def test_general_requirement_wins_over_management_requirement():
    text = (
        "Requirements: at least 3 years of supervisory experience; minimum of "
        "6 years of work experience in human rights."
    )
    assert years_asked(text) == 6


def test_in_lieu_alternative_is_not_the_main_minimum():
    text = (
        "A minimum of five years of progressively responsible experience is required. "
        "A first-level degree with two additional years of qualifying "
        "experience may be accepted in lieu of the advanced degree."
    )
    assert years_asked(text) == 5


def test_supervising_requirement_is_specialised():
    text = (
        "Al menos cinco años de experiencia en la gestión de proyectos.\n"
        "Como mínimo dos años de experiencia supervisando equipos."
    )
    assert years_asked(text) == 5


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("We ask for 3-6 years of relevant experience in refugee protection.", 3),
        ("Between 5 and 8 years of professional experience in campaigning.", 5),
        ("A minimum of two to four years of experience with civil society groups.", 2),
        ("At least 7–10 years' experience in strategic litigation.", 7),
        ("Se requieren de 3 a 5 años de experiencia en monitoreo.", 3),
        ("Требуется опыт работы от 3 до 5 лет в некоммерческом секторе.", 3),
    ],
)
def test_a_range_of_years_gives_its_lower_bound(text, years):
    assert years_asked(text) == years


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5-9 years", 5),
        ("10+ years", 10),
        ("0-2 years", 0),
        ("2-5", 2),
        ("lt-1", 0),
        ("Less than 1 year", 0),
        ("three years", 3),
        ("cinco años", 5),
        ("", None),
        (None, None),
    ],
)
def test_years_of_label(value, expected):
    assert years_of_label(value) == expected


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Requirements\n* 5+ years in finance management in an NGO\n* Fluent English", 5),
        ("What you bring: seven or more years in strategic communications.", 7),
        ("Profil : 3 ans ou plus dans la gestion de projets.", 3),
        ("Requisitos: 4 años o más en proyectos de derechos humanos.", 4),
    ],
)
def test_years_or_more_are_a_stated_minimum(text, years):
    assert years_asked(text) == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Požadujeme:\n- praxi v sociální oblasti min. 1 rok", 1),
        ("Wymagania:\n- min. 2 lata doświadczenia w pracy z młodzieżą", 2),
    ],
)
def test_a_single_year_in_czech_and_min_with_a_dot(text, years):
    assert years_asked(text) == years


@pytest.mark.parametrize(
    "text",
    [
        "Требования: опыт работы не менее года в НКО.",
        "Вимоги: досвід роботи від року.",
        "Požadujeme praxi minimálně rok.",
        "A year's experience in litigation is required.",
    ],
)
def test_a_year_without_a_figure_is_one(text):
    assert years_asked(text) == 1
