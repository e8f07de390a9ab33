"""`eval.date_errors`: one block per wrong deadline or posted date of a gold vacancy."""

from eval.date_errors import date_errors


def test_lists_wrong_dates_of_vacancies_only() -> None:
    items = [
        {"id": "x1", "lang": "en", "is_vacancy": True,
         "gold": {"deadline": "2024-05-01", "posted_date": None}},
        {"id": "x2", "lang": "fr", "is_vacancy": False, "gold": None},
    ]  # fmt: skip
    outputs = [
        {"deadline": "2024-06-30", "posted_date": None,
         "evidence": {"deadline": "Contract until 30 June 2024."}},
        {"deadline": "2024-01-01", "posted_date": None, "evidence": {}},
    ]  # fmt: skip
    lines = date_errors(items, outputs)
    assert lines == [
        "x1 [en] deadline: 2024-06-30 != 2024-05-01\n    evidence: 'Contract until 30 June 2024.'"
    ]
