"""Fast paths of the title and organisation taggers answer as the slow patterns they guard
(issue 13: extraction speed). Every sentence here is written for the test."""

import re
from collections import Counter

import pytest

from understand.name_rules import (
    _CAMEL,
    _SEEKS,
    _TITLE_AT,
    _header,
    _headline,
    _role_line,
    seeks,
    title_at,
    trim_title,
)
from understand.text import Doc, fold
from understand.title import _ACRONYM, _WORD, _shape, _spelled_names, _word_count

_LINES = [
    "The Riverbank Legal Centre is looking for a Paralegal",
    "Harbour Rights Network\tseeks\tan Advocacy Officer",
    "HARBOUR RIGHTS NETWORK IS HIRING: Data Analyst",
    "Ассоциация юристов ищет координатора проекта",
    "seeking a volunteer",  # the verb opens the line: no organisation before it
    "We are seeking",  # nothing after the verb
    "Field Monitor at Northbank Relief Trust",
    "Field Monitor AT Northbank Relief Trust",
    "Programme Assistant @ Coastline Aid",
    "Chargé de mission chez Terre Commune",
    "Protection Officer – Gulu, Uganda",
    "Meet us at the fair",
    "at Northbank Relief Trust",
    "Ref. 2031-17 Legal Adviser",
    "",
]


@pytest.mark.parametrize("line", _LINES)
def test_prefiltered_patterns_answer_as_the_full_ones(line):
    folded = fold(line)
    full, fast = _SEEKS.match(folded), seeks(folded)
    assert (fast and fast.groupdict()) == (full and full.groupdict())
    full, fast = _TITLE_AT.match(line), title_at(line)
    assert (fast and fast.groupdict()) == (full and full.groupdict())


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("Legal Adviser 2", "Legal Adviser 2"),  # one digit is no reference number
        ("VA/2031/044 – Legal Adviser", "Legal Adviser"),
        ("Legal Adviser (Ref. HR-2031-17)", "Legal Adviser"),
        ("Field Monitor in Gulu", "Field Monitor"),
        ("Field Monitor", "Field Monitor"),
        ("Community Mobiliser (Part time)", "Community Mobiliser (Part time)"),
    ],
)
def test_trim_title_skips_only_what_cannot_match(raw, title):
    assert trim_title(raw) == title


def test_header_lines_are_read_once_per_posting():
    doc = Doc("Vacancy\nCase Worker\nCoastline Aid\n\nWe support families on the coast.")
    _headline(doc)
    _role_line(doc)
    assert _header(doc) is _header(doc)
    assert _header(Doc(doc.text)) == _header(doc)  # a fresh posting reads its own lines


def test_shape_features_of_a_written_title():
    assert _shape("Senior Protection Officer (Field), 2031", "") == {
        "words=8": 1.0,
        "capital=0.7": 1.0,  # "(Field)," and "2031" start with no capital
        "digit": 1.0,
        "date": 1.0,
        "comma": 1.0,
        "paren": 1.0,
        "role": 1.0,
    }
    assert _shape("ORGANISATION", "o_") == {
        "o_words=1": 1.0,
        "o_capital=more": 1.0,
        "o_upper": 1.0,
        "o_org_word": 1.0,
    }
    assert _shape("", "o_") == {"o_words=1": 1.0, "o_capital=0.3": 1.0}


def test_spelled_names_by_host_and_by_acronym():
    head = (
        "Tidewater runs legal clinics.\n"
        "The Avocats Sans Frontières team (ASF) works with ASF partners.\n"
        "× Marker line\nPartners of Tidewater"
    )
    uses = Counter({"ASF": 2})
    assert _spelled_names(head, {"tidewater"}, uses) == [
        "Tidewater",
        "The Avocats Sans Frontières",
    ]
    assert _spelled_names(head, set(), Counter()) == []


@pytest.mark.parametrize("word", ["asf", "as", "a", "asf-x", "", "ab", "aba", "x_y"])
def test_word_count_counts_as_a_counter_of_all_words(word):
    folded = fold("ASF, asf-ASF asfx _asf_ xasf «asf» ab ababa aba-aba l'asf x_y ab.")
    assert _word_count(word, folded) == Counter(_WORD.findall(folded))[word]


def test_capitals_found_first_match_as_the_patterns_written_with_the_boundary_first():
    text = "UNDP-ABC and xUN (OHCHR) HRW, UN_X ÉCOLE ЮНИСЕФ\nGuardianProject aNGO XNet A"
    assert _ACRONYM.findall(text) == re.findall(r"\b[A-ZА-Я][A-ZА-Я&\-]{1,9}\b", text)
    assert _CAMEL.findall(text) == re.findall(r"\b[A-Z][a-z]+[A-Z]\w+\b", text)
