"""The title trainer's fixed settings and its grid search measure the same way."""

from eval.extract import same_title
from eval.train_title import Settings, _finished, cross_validated, search
from understand.text import Doc, normalise
from understand.title import Candidate


def _examples() -> list:
    """Twenty postings of ten sites: the right title carries a heading feature, a wrong one a
    date feature; three postings of the last sites have their right title without it."""
    examples = []
    for n in range(20):
        right = Candidate("Legal Officer", {"heading": 1.0, "words": 2.0})
        wrong = Candidate("Closing date", {"date": 1.0, "words": 2.0})
        if n >= 17:
            right = Candidate("Legal Officer", {"words": 2.0})
        examples.append(([wrong, right], "Legal Officer", f"site{n // 2}"))
    return examples


def test_the_search_is_best_first_and_agrees_with_the_fixed_settings_figure():
    results = search(_examples(), same_title)
    figures = [acc for acc, _ in results]
    assert figures == sorted(figures, reverse=True)
    assert len(results) == len({s for _, s in results})  # every setting once
    for acc, settings in (results[0], results[-1]):
        assert cross_validated(_examples(), same_title, settings) == round(acc, 6)


def test_a_high_threshold_answers_nothing_and_is_scored_as_a_miss():
    settings = Settings(1.0, "pointwise", 0.9, False)
    low = Settings(1.0, "pointwise", 0.0, False)
    assert cross_validated(_examples(), same_title, settings) < cross_validated(
        _examples(), same_title, low
    )


def test_candidates_are_labelled_by_the_title_extraction_would_give():
    text = "Hledáme právníka/právničku do týmu rovného zacházení. Náplň práce na této pozici."
    doc = Doc(normalise(text))
    raw = Candidate("Hledáme právníka/právničku do týmu rovného zacházení")
    (finished,) = _finished([raw], doc)
    # the recruiting verb goes and the role is put in the nominative, as extraction does
    assert finished.text == "právník/právnička do týmu rovného zacházení"
    assert same_title(finished.text, "Právník/právnička do týmu rovného zacházení")
    assert not same_title(raw.text, "Právník/právnička do týmu rovného zacházení")
