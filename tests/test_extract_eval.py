from eval.extract import (
    INPUT_KEYS,
    demo_records,
    format_scores,
    main,
    same,
    same_organization,
    same_title,
    score,
)
from understand import extract


def test_title_comparison():
    assert same_title("Associate Legal Officer", "associate legal officer.")
    assert same_title("Hungary Associate Legal Officer", "Associate Legal Officer")
    assert not same_title("Officer", "Associate Legal Officer")
    assert same_title(None, None) and not same_title("x", None)


def test_organization_comparison():
    assert same_organization("UNHCR", "UNHCR - United Nations High Commissioner for Refugees")
    assert same_organization(
        "Front Line Defenders et la Commission", "Front Line Defenders / Commission"
    )
    assert not same_organization("UN", "UN Women")


def test_other_comparisons():
    assert same("apply_contact", "https://www.x.org/jobs/", "x.org/jobs")
    assert same(
        "language_rule", {"at_least": 2, "of": ["ru", "en"]}, {"at_least": 2, "of": ["en", "ru"]}
    )
    assert same("countries", ["GE", "AM"], ["AM", "GE"])
    assert not same("deadline", None, "2030-01-01")


def test_score():
    gold = [
        {
            "id": "a",
            "is_vacancy": True,
            "gold": {"title": "Driver", "regions": ["Central Asia"], "countries": ["KG"]},
        },
        {"id": "b", "is_vacancy": False, "gold": None},
    ]
    outputs = [
        {
            "is_vacancy": True,
            "title": "Driver",
            "regions": ["Central Asia", "Global"],
            "countries": ["KG"],
        },
        {"is_vacancy": True, "title": None, "regions": [], "countries": []},
    ]
    result = score(gold, outputs)
    assert result["is_vacancy_f1"] == 2 / 3
    assert result["title_accuracy"] == 1.0 and result["countries_accuracy"] == 1.0
    assert result["regions_micro_f1"] == 2 / 3
    assert "is_vacancy F1" in format_scores(result)


def test_fields_missing_from_every_label_are_not_scored():
    gold = [{"id": "a", "is_vacancy": True, "gold": {"title": "Driver"}}]
    result = score(gold, [{"is_vacancy": True, "title": "Driver", "apply_contact": "x@y.org"}])
    assert result["title_accuracy"] == 1.0 and "apply_contact_accuracy" not in result
    assert "apply_contact" not in format_scores(result)


def test_demo_records_are_built_without_platform_hints():
    records = demo_records()
    assert len(records) == 42 and sum(r["is_vacancy"] for r in records) == 34
    assert all("hints" not in r and r["text"].startswith(r["title"]) for r in records)
    assert all(r["text"].strip() != r["title"] for r in records)  # every item has a body


def test_demo_scores(capsys):
    records = demo_records()
    result = score(records, [extract({k: r[k] for k in INPUT_KEYS if k in r}) for r in records])
    # an outside check of the learned classifier, never tuned on (issue 13): one miss allowed
    assert result["is_vacancy_f1"] >= 0.95
    for field in ("deadline", "contract_type", "min_years_experience", "countries"):
        assert result[f"{field}_accuracy"] >= 0.9, field
    for field in ("languages_required", "languages_desirable"):
        assert result[f"{field}_micro_f1"] >= 0.9, field
    assert main(["--demo"]) == 0 and "gold vacancies: 34" in capsys.readouterr().out
