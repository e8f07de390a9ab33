from rightsjobs.eval_extract import format_scores, same, same_organization, same_title, score


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
