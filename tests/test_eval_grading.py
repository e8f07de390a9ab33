"""The grading helper: failing pairs are set apart, hand grades are read, old grades kept."""

import pytest

from eval import grading

PERSON = {
    "id": "rosa",
    "about": "Paralegal helping tenants.",
    "keywords": ["housing"],
    "regions": ["Western Europe"],
    "languages": {"en": "fluent"},
    "years_experience": 2,
}


def item(item_id: str, is_vacancy: bool = True, **gold) -> dict:
    labels = {"title": "Housing rights caseworker", "countries": ["IE"], **gold}
    return {
        "id": item_id,
        "lang": "en",
        "is_vacancy": is_vacancy,
        "text": "Tenants' rights caseworker wanted in Dublin to advise families facing eviction.",
        "gold": labels if is_vacancy else None,
    }


def test_pending_lists_passing_pairs_and_names_the_failures():
    items = [
        item("ok"),
        item("far", countries=["CL"]),
        item("senior", min_years_experience=8),
        item("news", is_vacancy=False),
        item("done"),
    ]
    got = grading.pending(items, [PERSON], {"rosa": {"done": 1}})
    assert [(p["id"], [x["id"] for x in ok], failed) for p, ok, failed in got] == [
        ("ok", ["rosa"], {}),
        ("far", [], {"rosa": ["place"]}),
        ("senior", [], {"rosa": ["experience"]}),
    ]


def test_describe_flags_a_text_language_the_person_lacks():
    posting = {**item("ok")["gold"], "id": "ok", "text": "Se busca abogada para inquilinos."}
    block = grading.describe(posting, "es", [PERSON])
    assert block.startswith("### ok [es] Housing rights caseworker")
    assert "? rosa (does not speak es): housing" in block


def test_hand_grades_are_read_and_never_overwrite(tmp_path):
    path = tmp_path / "grades.txt"
    path.write_text("# person item grade\nrosa ok 2\n\nrosa far 0  # abroad\n", encoding="utf-8")
    judgments = {"rosa": {"ok": 2}}
    for row in grading.read_grades(path, {"rosa"}, {"ok", "far"}):
        grading.record(judgments, *row)
    assert judgments == {"rosa": {"ok": 2, "far": 0}}
    with pytest.raises(SystemExit, match="already graded 2, not 1"):
        grading.record(judgments, "rosa", "ok", 1)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("rosa: ok 2", "grades.txt:2: no profile 'rosa:'"),
        ("rosa nowhere 1", "grades.txt:2: no item 'nowhere' in the split"),
        ("rosa ok 3", "grades.txt:2: grade '3' is not 0, 1 or 2"),
        ("rosa ok", "grades.txt:2: expected `profile item grade`"),
    ],
)
def test_a_bad_grade_line_stops_with_its_file_and_line(tmp_path, line, problem):
    path = tmp_path / "grades.txt"
    path.write_text(f"rosa far 0\n{line}\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=problem):
        grading.read_grades(path, {"rosa"}, {"ok", "far"})
