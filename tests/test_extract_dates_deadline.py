"""Which date is the closing date, in several languages, and which dates are not.

Every sentence here was written for this test."""

from datetime import date

import pytest

from tests.extract_helpers import dl
from understand.dates import posted_date
from understand.text import Doc, normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # key = value metadata
        ('title = "Officer"\nclosing_date = "June 3, 2024"', date(2024, 6, 3)),
        ("Application ends: 04/11/2026", date(2026, 11, 4)),
        # French
        ("Clôture des candidatures : 4 mars 2019\nPrise de poste : 1 avril 2019", date(2019, 3, 4)),
        ("Envoyez votre candidature pour le mardi 4 mai 2021.", date(2021, 5, 4)),
        ("Au plus tard :\n12 octobre 2022 à midi.", date(2022, 10, 12)),
        # Spanish
        ("Las postulaciones se reciben antes del 19 de marzo de 2023.", date(2023, 3, 19)),
        # Russian
        ("Резюме принимаются до 21 апреля 2025 года.", date(2025, 4, 21)),
        # Ukrainian "дедлайн", German "Bewerbungsschluss" and "Bewerbung ... bis", Polish "do dnia"
        ("Дедлайн: 12 березня 2031 року.", date(2031, 3, 12)),
        ("Bewerbungsschluss ist der 12. März 2031.", date(2031, 3, 12)),
        ("Bitte senden Sie Ihre Bewerbung bis zum 12. März 2031.", date(2031, 3, 12)),
        ("Zgłoszenia prosimy przesyłać do dnia 12 marca 2031 r.", date(2031, 3, 12)),
        # Portuguese
        ("As candidaturas podem ser enviadas até 14 de outubro de 2024.", date(2024, 10, 14)),
        ("As inscrições seguem até o dia 9 de maio de 2023 por e-mail.", date(2023, 5, 9)),
        ("Prazo limite para envio das propostas: 9 de maio de 2023", date(2023, 5, 9)),
        # Italian
        (
            "Inviare il curriculum all'indirizzo indicato entro il 12 gennaio 2025.",
            date(2025, 1, 12),
        ),
        # Czech
        ("Životopis nám pošlete do 3. června 2024 na adresu níže.", date(2024, 6, 3)),
        # Polish: "zgłoszenia" and "aplikacje" are applications, "do" is "by"
        ("Zgłoszenia prosimy wysyłać do 6 marca 2026 r.", date(2026, 3, 6)),
        ("Aplikacje przyjmujemy do 17.04.2025.", date(2025, 4, 17)),
        # Catalan
        ("Termini per presentar la candidatura: fins el 10/03/2024", date(2024, 3, 10)),
        # Dutch, Turkish, Greek, Danish, Norwegian, Finnish, Hungarian (year first), Indonesian
        ("Reageren kan tot en met 14 april 2031 via het formulier.", date(2031, 4, 14)),
        ("Stuur je sollicitatie uiterlijk 2 mei 2031.", date(2031, 5, 2)),
        ("Reageer voor 2 mei 2031 met je cv.", date(2031, 5, 2)),
        ("Son başvuru tarihi: 9 Mayıs 2031", date(2031, 5, 9)),
        ("Προθεσμία υποβολής αιτήσεων: 20 Απριλίου 2031", date(2031, 4, 20)),
        ("Ansøgningsfrist: 3. april 2031", date(2031, 4, 3)),
        ("Søknadsfrist: 3. april 2031", date(2031, 4, 3)),
        ("Lähetä hakemuksesi viimeistään 3.4.2031.", date(2031, 4, 3)),
        ("Jelentkezési határidő: 2031. április 3.", date(2031, 4, 3)),
        ("Batas akhir pendaftaran: 3 April 2031", date(2031, 4, 3)),
        # Levantine Arabic month names (Syria, Lebanon, Jordan, Iraq, Palestine)
        ("آخر موعد للتقديم: 15 شباط 2031", date(2031, 2, 15)),
        ("ترسل الطلبات حتى 3 تشرين الأول 2031", date(2031, 10, 3)),
        # Georgian label "last term"
        ("განაცხადის ბოლო ვადა: 10.05.2019", date(2019, 5, 10)),
        # a Georgian year-first date after "the last term is", and a Ukrainian label and dash
        ("განაცხადების მიღების ბოლო ვადაა 2031 წლის 10 სექტემბერი.", date(2031, 9, 10)),
        ("Кінцевий термін подання заявок — 20 червня 2031 року.", date(2031, 6, 20)),
        # Serbian months in the genitive, in both scripts
        ("Prijave sa biografijom šaljite do 4. oktobra 2031. godine.", date(2031, 10, 4)),
        ("Пријаве се подносе до 12. децембра 2031. године.", date(2031, 12, 12)),
        # until after the date: Hungarian "-ig", Georgian "until" in the month's case
        ("Jelentkezés fényképes önéletrajzzal 2031. szeptember 8-ig.", date(2031, 9, 8)),
        ("რეზიუმე გამოგზავნეთ 2031 წლის 6 ოქტომბრამდე.", date(2031, 10, 6)),
        # Armenian year first, after "until"; Albanian "deri më"; Greek "έως τις"
        ("Դիմումներն ընդունվում են մինչև 2031 թ. հունիսի 14-ը։", date(2031, 6, 14)),
        ("Aplikimet dërgohen deri më 9 qershor 2031.", date(2031, 6, 9)),
        ("Τα βιογραφικά αποστέλλονται έως τις 3 Ιουλίου 2031.", date(2031, 7, 3)),
        # a Turkish CV "until" a date; a Persian deadline label with a year-first date
        ("Özgeçmişlerin 11 Ekim 2031 tarihine kadar iletilmesi gerekir.", date(2031, 10, 11)),
        ("مهلت ارسال درخواست: 2031/11/02", date(2031, 11, 2)),
        # an event date named before the closing date in the same sentence
        (
            "Deadline extended: the information session is on 3 May 2024 and applications "
            "close on 20 May 2024.",
            date(2024, 5, 20),
        ),
    ],
)
def test_deadline_in_languages(text, expected):
    assert dl(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the end of a contract period, not a closing date
        "Contrato desde el 1 de marzo hasta el 31 de diciembre de 2025.",
        "Срок контракта: с 1 марта по 31 декабря 2025 года.",
        "Le contrat court du 1er mars au 31 décembre 2025.",
        "Die Stelle ist zunächst bis zum 31.12.2030 befristet.",  # a contract's end
        "De cursus loopt tot en met 14 april 2031; meld je aan via het formulier.",  # a course
        "يستمر التدريب حتى 3 آذار 2031 في عمّان.",  # a training runs until a date
        # a start date and a training date
        "Start date: 1 September 2024. The training takes place until 5 September 2024.",
    ],
)
def test_dates_that_are_not_the_deadline(text):
    assert dl(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date on the line after an unfinished sentence about applying
        ("Envieu el CV a feina@example.org\nFins el 08/05/2024", date(2024, 5, 8)),
        ("Pošlete nám svůj životopis do\n12. dubna 2024 na adresu níže.", date(2024, 4, 12)),
        # validity and due-date labels
        ("Date de validité\n30/06/2023", date(2023, 6, 30)),
        ("Échéance : 2 octobre 2020", date(2020, 10, 2)),
        # a period of applications ends on the closing date
        ("La recepción de aspirantes será del 3 al 14 de junio de 2024.", date(2024, 6, 14)),
    ],
)
def test_deadline_across_lines_and_labels(text, expected):
    assert dl(text) == expected


def test_posted_date_from_key_value_metadata():
    doc = Doc(normalise('title = "Legal Officer"\ncreated_at = "May 2, 2024"'))
    assert posted_date(doc)[0] == date(2024, 5, 2)
