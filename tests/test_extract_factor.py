"""`understand.factor.factored`: the same matches, span for span, as the pattern it regroups."""

import re

import pytest

from understand import contract, fields, languages, places
from understand.factor import factored
from understand.text import fold

TEXTS = [
    "Fluent English and good knowledge of French; Arabic is an asset (يفضل). Level B2 or C1.",
    "We seek a strong writer, solid in speaking. Strong\tcommand of Russian: владение русским.",
    "internship, stage de 6 mois, 12 months fixed-term; consultancy based in Geneva, Kyiv.",
    "ab1 a2 c12 c1x xb2 b2 one-year two-year 6 months, a month, one two",
    "The post was filled, until the position is filled; 6 months, a good level.",
    "homework, network: work trips, worked; a trip (trips) to lavoro, travail-work.",
    "",
]
PATTERNS = [
    r"fluen|flytande|\b(?:strong|solid)\s|speak|(?:ability|able)\s+to",
    r"\b(?:a|an)\s+\w+|\b[abc][12]\b|x?b2",
    r"(?=[^\W\d_])(?:\d+|one|two|o\w*)",
    r"\b(?:\d+|one|two)\s+months?|\bo\w+",
    r"a??b|ab|a",
    r"\b(?:(?<!until\sthe\s)(?:position|post)\s+(?:is|was)\s+filled|one)\b",
    r"(?=[^\W\d_])(?:fluent|good\s+\w+|b2)",
    r"\b(?:one|\w+-year|two|o\w+|(?:\d+\s+)?months?)\b",
    r"\b(?:work\w*|trip|lavor\w*)\b",  # `\b` moved behind the few first literals
    r"\Bork|\Btrip|\Bs\b",
    "|".join(f"(?:{p.pattern})" for p in contract._BODY_PATTERNS),
    languages._ANY_CUE.pattern,
    places._STRONG_SENTENCE.pattern,
    *(p.pattern for p in fields._CUE_PATTERNS),
]


@pytest.mark.parametrize("source", PATTERNS)
def test_factored_finds_the_same_spans(source: str) -> None:
    pattern = re.compile(source)
    fast = factored(pattern)
    for text in TEXTS + [fold(t) for t in TEXTS]:
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in fast.finditer(text)] == expected
        for pos in range(len(text)):
            same = pattern.match(text, pos)
            assert (same and same.span()) == (
                fast.match(text, pos) and fast.match(text, pos).span()
            )


def test_patterns_with_groups_or_ignorecase_come_back_unchanged() -> None:
    grouped, caseless = re.compile(r"(a)|b"), re.compile(r"a|b", re.IGNORECASE)
    assert factored(grouped) is grouped
    assert factored(caseless) is caseless


def test_factored_keeps_the_source_text() -> None:
    pattern = re.compile(r"\b(?:fluent|flytande|speak)\b")
    fast = factored(pattern)
    assert fast is not pattern and fast.pattern == pattern.pattern and fast.flags == pattern.flags
