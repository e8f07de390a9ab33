"""Role-family cues learned from the corpus's train split (`eval.train_families`): the shipped
artefact loads, is what a retrain writes, and its words count towards a posting's family."""

from matcher.lexicon import families, learned_cues
from matcher.relevance import cue_matrix, posting_families
from matcher.text import Vectoriser, posting_document


def families_of(text: str, learned: dict) -> list[str]:
    """The family names `posting_families` finds for one posting, with these learned cues."""
    _, title, document = posting_document({"title": "", "text": text})
    vectoriser = Vectoriser().fit([document])
    vectoriser.cues = cue_matrix(vectoriser, learned)
    record = posting_families(
        vectoriser.transform([document]), vectoriser.transform([title]), vectoriser
    )[0]
    return [families()[t] for t, w in zip(record["top"], record["weight"], strict=True) if w > 0]


def test_the_shipped_learned_cues_load_with_known_families_and_positive_weights() -> None:
    learned = learned_cues()
    assert learned
    assert set(learned) <= set(families())
    assert all(weight > 0 for words in learned.values() for _, weight in words)


def test_a_learned_word_counts_towards_its_family() -> None:
    text = "Kvelbor kvelbor wanted in Vranesh; kvelbor skills."
    assert families_of(text, {}) == []
    assert families_of(text, {"legal": [("kvelbor", 1.0)]}) == ["legal"]


def test_a_retrain_reproduces_the_shipped_artefact() -> None:
    from eval.train_families import main

    assert main(["--check"]) == 0
