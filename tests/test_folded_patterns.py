"""Patterns that read folded text (`understand.text.fold`) are written folded: an "ؤ", "آ",
"ئ" or "ё" in one never matches, since folding drops the hamza, the madda and the diaeresis."""

import re

import pytest

from understand import contract, dates, experience, fields, languages, name_rules, text, vacancy
from understand.text import fold

FOLDED_READERS = {
    **{f"vacancy cue: {name}": p for name, p in vacancy._CUES},
    **{f"vacancy heading: {name}": p for name, p in vacancy._HEADINGS},
    **{f"field cue: {name}": p for name, p in fields._CUES},
    **{f"remote cue: {name}": p for name, p in fields._REMOTE_CUES},
    "language cue": languages._CUE,
    "required language": languages._REQUIRED,
    "desirable language": languages._DESIRABLE,
    "deadline sentence": dates._DEADLINE_SENTENCE,
    "deadline label": dates.DEADLINE_LABEL,
    "applying": dates._APPLY_SENTENCE,
    "before a date": dates._BEFORE_DATE,
    "until after a date": dates._UNTIL_AFTER,
    "experience": re.compile(experience._EXPERIENCE),
    "years": re.compile(experience._YEARS),
    "role words": re.compile(text.ROLE_WORDS),
    "title prefix": name_rules._PREFIX,
    "hiring before a role": name_rules._HIRING,
    **{f"contract title: {kind}": p for kind, p in contract._TITLE_KINDS},
    **{f"contract body: {kind}": p for kind, p in contract._BODY_KINDS},
    **{f"title level: {level}": p for level, p in contract._TITLE_LEVELS},
}
# Escapes and character classes may name what folding removes ("[A-Za-z]", "[её]").
_ESCAPE_OR_CLASS = re.compile(r"\\.|\[(?:\\.|[^\]])*\]")


def _unfolded(pattern: str) -> list[str]:
    """The literal words of `pattern` that folding would change: "ждём", "المؤهلات"."""
    body = _ESCAPE_OR_CLASS.sub(" ", pattern).replace("’", "'")
    return sorted({w for w in re.findall(r"[^\W\d_]+", body) if fold(w) != w})


def test_the_hamza_and_madda_fold_away():
    assert fold("المسؤوليات") == "المسووليات"
    assert fold("آشنایی") == "اشنایی"
    assert fold("النهائي") == "النهايي"
    assert fold("çalışma") == "calısma"  # Turkish "ı" stays: "cal[ıi]sma" reads both spellings


@pytest.mark.parametrize("name", sorted(FOLDED_READERS))
def test_a_pattern_of_folded_text_is_written_folded(name):
    assert _unfolded(FOLDED_READERS[name].pattern) == []
