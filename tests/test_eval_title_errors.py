"""`eval.title_errors`: candidate recall and accuracy of the title tagger, per item."""

from eval.extract import same_title
from eval.title_errors import Row, report
from understand.title import Candidate


def test_report_counts_candidate_recall_beside_accuracy() -> None:
    rows = [
        Row("x1", "a.org", "Field Officer", [Candidate("Field Officer")], "Field Officer"),
        Row("x2", "b.org", "Legal Adviser", [Candidate("Legal Adviser")], "About us"),
        Row("x3", "c.org", "Driver", [Candidate("Menu")], "Menu", cv_answer="Menu"),
    ]
    lines = report(rows, same_title, "title", quiet=False)
    assert lines[0].startswith("x2 [b.org] title: 'About us' != 'Legal Adviser' (among")
    assert "NOT among candidates" in lines[1] and "cv: 'Menu'" in lines[1]
    assert lines[-1] == (
        "title: candidate recall 0.667, accuracy 0.333, grouped-cv accuracy 0.000 (n=3)"
    )
