"""The vacancy classifier on Cyrillic script: job titles for all genders and the Latin reading of
its n-grams, on sentences written here."""

import pytest

from tests.extract_helpers import cues
from understand.text import Doc, normalise
from understand.vacancy import features

ALL_GENDERS = "names the role for all genders"


@pytest.mark.parametrize(
    "text",
    [
        "Шукаємо координатора/ку освітніх програм у Полтаві.",  # /ку
        "Юрист/ка громадської приймальні, повна зайнятість.",  # /ка
        "Запрошуємо аналітиків/ки до дослідницької групи.",  # /ки
        "Працюватимете з керівником/кою офісу в Дніпрі.",  # /кою
        "Соціальний працівник/ця для мобільної групи.",  # /ця
        "Шукаємо працівника/цю для гарячої лінії.",  # /цю
        "Керівник/иня проєкту з доступу до правосуддя.",  # /иня
        "Шукаємо керівника/иню регіонального офісу.",  # /иню
        "Організатор/ня кампаній у Харкові.",  # /ня
        "Сотрудник/а отдела мониторинга, полный день.",  # /а
        "Ответственный/ая за мероприятия в Бишкеке.",  # /ая
        "Требуется специалист по правовой помощи, опытный/ой юрист.",  # /ой
        "Юрист(ка) для приймальні в Одесі.",  # (ка)
        "Працівник(ця) громадського центру в Ужгороді.",  # (ця)
        "Керівник(иня) програми, Львів.",  # (иня)
        "Сътрудник(а) в отдел „Правна помощ“, София.",  # (а)
        "Счетоводител (м/ж) за офиса в Пловдив.",  # (м/ж)
        "Адвокат (ж/м) для правозащитного центра.",  # (ж/м)
    ],
)
def test_cyrillic_job_titles_for_all_genders(text):
    assert ALL_GENDERS in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "Швидкість 90 км/год на трасі Київ/Житомир.",
        "Звіт за 2023/2024 рік і/або додатки до нього.",
        "Маршрут Москва/Казань, рейс до/після обіду.",
    ],
)
def test_cyrillic_slashes_that_are_not_gender_marks(text):
    assert ALL_GENDERS not in cues(text)


def test_cyrillic_is_read_in_latin_letters_for_the_n_grams():
    feats = features(Doc(normalise("Вакансія: координатор програм (Київ)")))
    assert "vakansiia" in feats.flat and "koordinator" in feats.flat
    assert "koordinator program" in feats.words
    assert "says it is a vacancy" in feats.cues  # the cues still read the Cyrillic text


def test_serbian_in_both_scripts_gives_the_same_n_grams():
    cyrillic = features(Doc("Конкурс за правника у Београду"))
    latin = features(Doc("Konkurs za pravnika u Beogradu"))
    assert cyrillic.flat == latin.flat and cyrillic.words == latin.words


def test_latin_text_is_read_as_it_is():
    feats = features(Doc("Programme officer, Nairobi"))
    assert feats.flat == " programme officer, nairobi "
