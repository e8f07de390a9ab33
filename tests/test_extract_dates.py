import re
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from tests.extract_helpers import dl
from understand.dates import _alternation, deadline, find_dates, iso_date, posted_date
from understand.text import Doc, normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Closing date: 8 Sep 2026", date(2026, 9, 8)),
        ("due 2027-01-05", date(2027, 1, 5)),
        ("le 3 février 2025", date(2025, 2, 3)),  # French
        ("el 21 de octubre de 2024", date(2024, 10, 21)),  # Spanish
        ("до 7 марта 2023 года", date(2023, 3, 7)),  # Russian genitive month
        ("den 1 augusti 2022", date(2022, 8, 1)),  # Swedish
        ("November 30th, 2021", date(2021, 11, 30)),  # month first
        ("05-DEC-2025", date(2025, 12, 5)),
        ("15/04/2026", date(2026, 4, 15)),  # day first
        ("1st of June 2030", date(2030, 6, 1)),
    ],
)
def test_find_dates(text, expected):
    assert find_dates(text)[0][0] == expected


def test_no_dates_in_plain_words():
    assert find_dates("We may apply the rules in March of every year") == []


def test_deadline_field_and_sentence():
    assert dl("Role\nApplication deadline: 12 March 2031") == date(2031, 3, 12)
    assert dl("Applications must be received no later than 2 June 2029.") == date(2029, 6, 2)
    assert dl("Los interesados pueden postular hasta el 9 de mayo de 2028.") == date(2028, 5, 9)
    assert dl("Date limite de candidature : 30 juin 2027") == date(2027, 6, 30)


def test_deadline_label_with_value_on_next_line_skips_empty_fields():
    assert (
        dl("Closing Date:\nHardship Level\nVacancy end date\nPosting End Date\n\nMarch 3, 2030")
        is None
    )
    assert dl("Closing date:\n\nLocation\nJob Posting End Date\n\nMarch 3, 2030") == date(
        2030, 3, 3
    )


def test_deadline_without_year_uses_reference():
    assert dl("Deadline: 20 January", date(2025, 12, 1)) == date(2026, 1, 20)
    assert dl("Deadline: 20 January", date(2026, 1, 5)) == date(2026, 1, 20)
    assert dl("Deadline: 20 January") is None  # no reference: unknown rather than a guess


def test_start_dates_are_not_deadlines():
    assert dl("Start date: 1 May 2030. The contract begins on 1 June 2030.") is None


def test_application_period_gives_both_dates():
    doc = Doc(normalise("Application period: 3 May 2029 – 2 June 2029"))
    assert posted_date(doc)[0] == date(2029, 5, 3)
    assert deadline(doc, None)[0] == date(2029, 6, 2)


def test_posted_date_sources():
    assert posted_date(Doc(normalise("Senior Editor\n\nMonday, March 4, 2030\n\nWe seek...")))[
        0
    ] == date(2030, 3, 4)
    assert posted_date(Doc(normalise("Date of issuance: 11 Feb 2028")))[0] == date(2028, 2, 11)
    assert posted_date(Doc(normalise("Bogotá, 14 de julio de 2027.- La organización abrió...")))[
        0
    ] == date(2027, 7, 14)
    assert posted_date(Doc(normalise("We were founded on 3 May 1999 and work widely.")))[0] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Applications close on 14 March 2031.", date(2031, 3, 14)),
        ("This vacancy closes on 2 April 2031; interviews follow in May.", date(2031, 4, 2)),
        ("Applications must be received by 9 May 2031.", date(2031, 5, 9)),
        ("Send the documents no later than 30 June 2031.", date(2031, 6, 30)),
        ("We will consider applications received until 11 July 2031.", date(2031, 7, 11)),
        ("Please submit your CV and two references before 1 August 2031.", date(2031, 8, 1)),
        ("Apply by Friday, 5 September 2031 via our website.", date(2031, 9, 5)),
        ("Write to hr@example.org by 3 October 2031.", date(2031, 10, 3)),
        ("Applications received after 4 November 2031 will not be read.", date(2031, 11, 4)),
        ("Date limite de dépôt des candidatures : 6 décembre 2031", date(2031, 12, 6)),
        ("Merci d'envoyer votre candidature avant le 7 janvier 2032.", date(2032, 1, 7)),
        ("La fecha límite es el 8 de febrero de 2032.", date(2032, 2, 8)),
        ("Recibimos postulaciones hasta el 9 de marzo de 2032.", date(2032, 3, 9)),
        ("Резюме принимаются до 15 января 2032 года.", date(2032, 1, 15)),
        # applications that "close" on a date, in Spanish, French and Portuguese
        ("Las postulaciones cierran el 20 de febrero de 2032.", date(2032, 2, 20)),
        ("Les candidatures seront closes le 21 février 2032.", date(2032, 2, 21)),
        ("Clôture des candidatures le 22 février 2032.", date(2032, 2, 22)),
        ("As inscrições encerram em 23 de fevereiro de 2032.", date(2032, 2, 23)),
        ("Applications will be accepted through March 15th, 2032.", date(2032, 3, 15)),
        ("آخر موعد لتقديم الطلبات 10 فبراير 2032.", date(2032, 2, 10)),
        # a time and a weekday between the preposition and the date
        ("Send your CV to hr@example.org by 9am on Monday 12 April 2032.", date(2032, 4, 12)),
        ("Apply before 17:00 CET on 3 May 2032.", date(2032, 5, 3)),
        ("Envoyez votre CV avant 12h le 7 juin 2032.", date(2032, 6, 7)),
        # "bis" alone and "bis zum" before a German date
        ("Ihre Bewerbung senden Sie bis 4. Juli 2032 an das Team.", date(2032, 7, 4)),
        ("Schick deine Bewerbung bis zum 9. August 2032 per Post.", date(2032, 8, 9)),
        ("Envoyez votre candidature d'ici le 2 septembre 2032.", date(2032, 9, 2)),
        # a numeric date with spaces after the dots, broken over lines
        ("Pošlete nám životopis do\n14. 10. 2032 na naši adresu.", date(2032, 10, 14)),
        # the end of an application period given under its label
        ("Período de inscrições: 3 de maio de 2032 a 21 de maio de 2032", date(2032, 5, 21)),
    ],
)
def test_deadline_phrasings(text, expected):
    assert dl(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The consultant will submit the final report by 30 June 2031.",  # not about applying
        "The contract runs until 31 December 2031; apply online.",  # another clause's date
        "Training sessions will be held until 20 March 2031.",
    ],
)
def test_other_dates_after_by_or_until_are_not_deadlines(text):
    assert dl(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("do 15. března 2025", date(2025, 3, 15)),  # Czech genitive month (CLDR names)
        ("até 31 de outubro de 2024", date(2024, 10, 31)),  # Portuguese
        ("bis zum 3. Mai 2026", date(2026, 5, 3)),  # German
        ("до 14 листопада 2025 року", date(2025, 11, 14)),  # Ukrainian
        ("entro il 20 settembre 2027", date(2027, 9, 20)),  # Italian
        ("do 9 października 2026", date(2026, 10, 9)),  # Polish
    ],
)
def test_month_names_come_from_the_locale_data(text, expected):
    assert find_dates(text)[0][0] == expected


@pytest.mark.parametrize(
    "text",
    ["5 out of 10 defenders were detained", "She led 3 teams in two regions", "Article 5 III"],
)
def test_short_words_are_not_month_abbreviations(text):
    assert find_dates(text) == []


def test_deadlines_in_french_and_spanish_prose():
    text = "Merci d'envoyer votre candidature pour le lundi 17 août 2020 au plus tard."
    assert dl(text) == date(2020, 8, 17)
    assert dl("Envíe su CV antes del 7 de enero de 2022.") == date(2022, 1, 7)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-09-08", "2026-09-08"),
        ("2027-01-31T23:59:00-05:00", "2027-01-31"),  # the calendar date where it was written
        ("2026-10-07T03:59:59.000Z", "2026-10-07"),
        ("2023-07-25 17:53:46 UTC", "2023-07-25"),
        ("Tue, 01 Sep 2026 10:00:00 +0000", "2026-09-01"),  # RFC 822 (feeds)
        (1780000000000, "2026-05-28"),  # epoch milliseconds
        ("1780000000", "2026-05-28"),  # epoch seconds, as text
        ("8 September 2026", "2026-09-08"),
        ("September 8, 2026", "2026-09-08"),
        ("8 sept. 2026", "2026-09-08"),  # platforms' dates read like the text's
        ("8 septembre 2026", "2026-09-08"),
        ("31 de enero de 2027", "2027-01-31"),
        ("15/01/2027", "2027-01-15"),
        ("Closing Date: 15 January 2027", "2027-01-15"),
        ("8 September", None),  # no year, no reference
        ("99999999999999999999", None),  # beyond any calendar: None, not an exception
        (1e20, None),
        ("soon", None),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_iso_date_reads_what_platforms_write(value, expected):
    assert iso_date(value) == expected


def test_iso_date_in_a_zone_reads_the_moment_there():
    """UN deadlines are 23:59:59 in New York, already the next day in UTC."""
    new_york = ZoneInfo("America/New_York")
    assert iso_date("2026-10-07T03:59:59.000Z", new_york) == "2026-10-06"
    assert iso_date("2026-10-07T03:59:59", new_york) == "2026-10-07"  # no offset: as written


def test_month_tree_matches_as_the_longest_first_alternation():
    names = ["mar", "marzo", "mars", "march", "may", "mai", "maio", "sept", "september", "sep"]
    listed = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    text = "marzo, mars 3, march 2027, mar. 5, mayo, maio 9, septembre, sep 1, sept 2, septembers"
    for tail in (r"", r"\.?(?!\w)", r"\s+\d"):
        tree = re.compile(f"(?:{_alternation(names)}){tail}")
        alternation = re.compile(f"(?:{listed}){tail}")
        assert [m.span() for m in tree.finditer(text)] == [
            m.span() for m in alternation.finditer(text)
        ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۱۵ اردیبهشت ۱۴۱۰", date(2031, 5, 5)),  # Persian month names, Persian digits
        ("15 اردیبهشت‌ماه 1410", date(2031, 5, 5)),
        ("۲۰ حمل ۱۴۱۰", date(2031, 4, 9)),  # Dari month names (Afghanistan)
        ("۱ دی ۱۴۰۹", date(2030, 12, 22)),
        ("30 مهر 1410", date(2031, 10, 22)),  # months 7-12 have 30 days
        ("29 اسفند 1409", date(2031, 3, 20)),
        ("آخرین مهلت: ۱۴۱۰/۰۲/۱۵", date(2031, 5, 5)),  # year first: a solar year
        ("2031/05/15", date(2031, 5, 15)),  # a Gregorian one stays Gregorian
    ],
)
def test_solar_calendar_dates_are_read(text, expected):
    assert [d for d, _, _ in find_dates(text)] == [expected]


def test_a_year_first_lunar_date_in_arabic_is_not_read_as_solar():
    assert find_dates("آخر موعد للتقديم 1447/05/10هـ") == []  # Hijri 1447 is 2025, not 2068


def test_a_day_past_the_end_of_a_solar_month_is_no_date():
    assert find_dates("31 مهر 1410") == []  # Mehr, the seventh month, has 30 days


def test_a_solar_month_name_without_a_date_is_no_date():
    assert find_dates("میزان تحصیلات: لیسانس، ۱۴۰۴ نفر") == []  # "میزان" is also "level"


@pytest.mark.parametrize(
    "text",
    [
        "کارشناس حقوقی\n\nمهلت ارسال درخواست: ۱۵ اردیبهشت ۱۴۱۰",
        "مسئول پروژه\n\nتاریخ ختم اعلان: ۱۵ اردیبهشت ۱۴۱۰",
    ],
)
def test_persian_and_dari_deadline_labels(text):
    assert deadline(Doc(normalise(text)), None)[0] == date(2031, 5, 5)
