"""The leading block of page furniture that `Doc.start` skips (sentences written for the tests)."""

from understand.text import Doc, furniture_end
from understand.vacancy import head

_MENU_PAGE = """Lantern Rights Network
Home
About us
Our work
News
Donate
Home » About » Jobs
Field Researcher (Caucasus)
Posted 3 May 2026
Lantern Rights Network seeks a field researcher to document detention conditions."""


def test_a_menu_and_breadcrumb_before_the_posting_are_skipped():
    doc = Doc(_MENU_PAGE)
    assert doc.lines[doc.start] == "Field Researcher (Caucasus)"
    assert doc.text[doc.start_char :].startswith("Field Researcher (Caucasus)")


def test_the_vacancy_model_reads_the_posting_not_the_menu():
    assert head(Doc(_MENU_PAGE)).startswith("Field Researcher (Caucasus)")
    assert head(Doc(_MENU_PAGE), "Field Researcher").startswith("Field Researcher\nField")


def test_skip_links_cookie_lines_and_language_lists_are_furniture():
    lines = [
        "Aller au contenu principal",
        "Nous utilisons des cookies pour mesurer l'audience du site.",
        "FR | EN | ES",
        "Chargé·e de plaidoyer",
        "Lieu : Dakar",
    ]
    assert furniture_end(lines) == 3
    assert furniture_end(["Zum Inhalt springen", "Startseite", "Referentin für Asylrecht"]) == 2


def test_menus_in_other_languages_are_furniture():
    lines = ["Главная", "О нас", "Новости", "Контакты", "Юрист правозащитного центра"]
    assert furniture_end(lines) == 4


def test_short_requirement_bullets_stay():
    lines = ["Requirements", "Law degree", "Fluent Spanish", "Driving licence", "Team spirit"]
    assert furniture_end(lines) == 0


def test_a_title_before_short_menu_like_lines_stays():
    lines = ["Media Officer", "Press", "Events", "Newsletter", "Deadline: 1 June 2026"]
    assert furniture_end(lines) == 0


def test_short_field_labels_and_dates_stay():
    lines = ["Location", "Tbilisi", "Deadline", "12/06/2026", "Contact", "Search"]
    assert furniture_end(lines) == 0


def test_a_role_that_ends_a_menu_run_is_kept():
    lines = ["Home", "News", "Contact", "Volunteer", "We need help at our shelter this winter."]
    assert furniture_end(lines) == 3


def test_two_menu_words_are_not_enough():
    assert furniture_end(["Home", "Contact", "Campaigns assistant wanted"]) == 0
    assert Doc("Home\nContact\nAssistant").start == 0


def test_a_page_of_only_furniture_keeps_everything():
    assert Doc("Skip to content\nHome\nNews").start == 0


def test_a_title_with_a_bar_is_not_a_breadcrumb():
    lines = ["Home", "News", "Contact", "Media | Communications Officer", "Kyiv, full time"]
    assert furniture_end(lines) == 3
