"""The corpus's labels keep its written conventions (eval/corpus/README.md)."""

from eval import corpus


def item(text: str, duty_station: str | None, remote: str) -> dict:
    gold = {"duty_station": duty_station, "remote": remote}
    return {"id": "t1", "text": text, "gold": gold, "is_vacancy": True}


def test_a_stated_place_of_work_without_remote_words_must_be_remote_no():
    text = "Legal Officer. Duty station: Tbilisi. Apply by 1 May."
    assert corpus.remote_breaches([item(text, "Tbilisi", "unknown")]) == ["t1"]
    assert corpus.remote_breaches([item(text, "Tbilisi", "no")]) == []


def test_remote_words_a_country_alone_or_no_place_leave_unknown_allowed():
    hybrid = "Legal Officer in Tbilisi; hybrid work is possible."
    assert corpus.remote_breaches([item(hybrid, "Tbilisi", "unknown")]) == []
    assert corpus.remote_breaches([item("Legal Officer.", "Georgia", "unknown")]) == []
    assert corpus.remote_breaches([item("Legal Officer.", None, "unknown")]) == []


def test_every_corpus_item_keeps_the_place_and_remote_convention():
    assert corpus.remote_breaches(corpus.load_items()) == []
