import pytest

from understand.text import Doc, normalise
from understand.vacancy import vacancy_score


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
    assert 0.5 < score <= 1 and "Vacancy" in evidence
