"""Topical evidence reaches the posting's whole text: a posting whose strongest terms share
only a place with a profile still matches when its text holds one of the profile's topical
terms, and still does not when it holds none."""

from datetime import date

from matcher.rank import Index

AS_OF = date(2025, 3, 3)
# elsewhere (outside the person's region): one keeps the person's topic among its strongest
# words, as some posting of a real index does for most words
ELSEWHERE = ["Enforced disappearances, Lima.", "Canvas sewing in Oslo.", "Knots taught in Hanoi."]


def posting(id: str, text: str, title: str = "Harbour Assistant") -> dict:
    return {
        "id": id,
        "is_vacancy": True,
        "title": title,
        "text": text,
        "countries": ["KE"] if "Kenya" in text else ["PE"],
    }


PERSON = {
    "id": "p",
    "about": "Investigator in Kenya documenting enforced disappearances for families.",
    "keywords": ["enforced disappearances", "Kenya"],
    "regions": ["Sub-Saharan Africa"],
    "languages": {"en": "fluent"},
}


def shown(postings: list[dict]) -> list[str]:
    """Ids shown to PERSON when each posting keeps only its two strongest words and one pair,
    so that a word said once is pruned from the posting's vector."""
    others = [posting(f"x{n}", text, text) for n, text in enumerate(ELSEWHERE)]
    index = Index(postings + others, keep_terms=(2, 1))
    return [r["id"] for r in index.rank([PERSON], k=5, as_of=AS_OF)[0]]


def test_a_topical_term_outside_the_strongest_terms_is_evidence():
    texts = [
        "Kenya, Kenya, Kenya, Kenya: the assistant also logs enforced disappearances.",
        "Kenya, Kenya, Kenya, Kenya: the assistant also logs the tides.",
    ]
    ids = shown([posting(f"p{n}", text) for n, text in enumerate(texts)])
    assert "p0" in ids
    assert "p1" not in ids  # a shared place alone is no evidence


def test_whole_text_evidence_holds_for_postings_added_to_an_index():
    """The same in an index built in two parts (`Index.add`), whose presence matrix is the
    two parts' stacked."""
    texts = [
        "Kenya, Kenya, Kenya, Kenya: the assistant also logs enforced disappearances.",
        "Kenya, Kenya, Kenya, Kenya: the assistant also logs the tides.",
    ]
    others = [posting(f"x{n}", text, text) for n, text in enumerate(ELSEWHERE)]
    index = Index(others, keep_terms=(2, 1))
    index.add([posting(f"p{n}", text) for n, text in enumerate(texts)])
    ids = [r["id"] for r in index.rank([PERSON], k=5, as_of=AS_OF)[0]]
    assert "p0" in ids
    assert "p1" not in ids
