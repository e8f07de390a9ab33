"""`eval.field_errors`: accuracy, confusion table and wrong items per field."""

from collections import Counter

from eval.field_errors import confusion, report, rows


def test_rows_and_report_list_only_the_wrong_items():
    items = [
        {"id": "x1", "lang": "en", "is_vacancy": True, "gold": {"contract_type": "fixed-term"}},
        {"id": "x2", "lang": "fr", "is_vacancy": True, "gold": {"contract_type": "internship"}},
        {"id": "x3", "lang": "fr", "is_vacancy": False, "gold": None},
    ]
    outputs = [
        {"contract_type": "fixed-term", "evidence": {"contract_type": "Duration: 1 year"}},
        {"contract_type": "unknown", "evidence": {}},
        {"contract_type": "volunteer"},
    ]
    lines = report(rows(items, outputs))
    assert "-- contract_type: accuracy 0.500 (2)" in lines
    assert "  x2 [fr] gold internship / ours unknown: ''" in lines
    assert not any("x1" in line or "x3" in line for line in lines)
    assert "-- seniority: accuracy 1.000 (0)" in lines


def test_confusion_puts_gold_down_the_side():
    table = confusion(Counter({("yes", "yes"): 2, ("yes", "no"): 1}))
    assert table[0].split()[-2:] == ["no", "yes"]
    assert table[2].split() == ["yes", "1", "2"]
