import random
import re
import sys

import pytest

from understand.text import (
    _FOLD,
    _LINE_SPACE,
    _SPACE_RUNS,
    MAX_CHARS,
    MAX_LINE,
    Doc,
    Guarded,
    _ByIdentity,
    _has_digit,
    clean_text,
    first_matches,
    fold,
    html_to_text,
    normalise,
    split_sentences,
    tokens,
)


def test_html_to_text_keeps_blocks_and_drops_scripts():
    html = (
        ""
        "<html><head><title>t</title></head><body><h1>Role</h1>"
        "<p>One&nbsp;two<br>three</p><script>x()</script></body></html>"
    )
    assert normalise(html_to_text(html)).split("\n") == ["Role", "", "One two", "", "three"]


def test_html_to_text_is_readable_one_block_a_line():
    """The spiders' descriptions and extraction read HTML with this one function."""
    assert html_to_text("<ul><li><p>One</p></li><li>Two\x00</li></ul>") == "• One\n\n• Two"
    assert html_to_text("<p>a \t b</p><p></p><p></p><div>c</div><svg><text>x</text></svg>") == (
        "a b\n\nc"
    )
    assert html_to_text(None) == html_to_text("") == ""


def test_clean_text_is_one_bounded_line():
    assert clean_text(" Legal&nbsp;&amp; Policy\r\n Officer\x07 ") == "Legal & Policy Officer"
    assert clean_text("x" * 600) == "x" * 500 and clean_text(None) == ""


def test_normalise_strips_control_characters():
    assert normalise("a\x00b\x0bc\x1fd\te") == "abcd e"


def test_normalise_truncates_and_cleans_whitespace():
    assert normalise("a\u200b b\r\n\r\n\r\n\tc ") == "a b\n\nc"
    assert len(normalise("x" * (MAX_CHARS + 10))) == MAX_CHARS


def test_fold_keeps_length_and_strips_accents():
    for text in ["Genève İstanbul Кишинёв", "Straße", "déjà vu"]:
        assert len(fold(text)) == len(text)
    assert fold("Genève ÉTÉ") == "geneve ete"
    assert fold("Київ й") == "київ й"


def test_split_sentences_respects_abbreviations():
    assert split_sentences("We work e.g. in Kyiv. Next one! Третье.") == [
        "We work e.g. in Kyiv.",
        "Next one!",
        "Третье.",
    ]


def test_tokens_split_on_punctuation():
    assert [t.key for t in tokens("Oslo-based, Côte d’Ivoire")] == [
        "oslo",
        "based",
        "cote",
        "d",
        "ivoire",
    ]


def test_doc_fields_read_label_forms():
    doc = Doc(
        "Closing date:\nStart\nDuty station | Accra\nDeadline\n\n3 May 2030\nPosition:Analyst"
    )
    import re

    assert next(doc.fields(re.compile(r"duty\s+station\s*[:|]"))) == (
        "Accra",
        "Duty station | Accra",
    )
    assert next(doc.fields(re.compile(r"position\s*:"))) == ("Analyst", "Position:Analyst")
    assert [v for v, _ in doc.fields(re.compile(r"(?:closing\s+date|deadline)\s*:?$"))] == [
        "Start",
        "3 May 2030",
    ]


def test_doc_fields_read_labels_behind_emoji_and_symbol_bullets():
    import re

    doc = Doc("Our team builds schools.\n📍 Lieu : Kara, Togo\n✅ Contrat : CDD\n➡️ Start: May")
    assert [v for v, _ in doc.fields(re.compile(r"(?:lieu|contrat|start)\s*:"))] == [
        "Kara, Togo",
        "CDD",
        "May",
    ]


def test_normalise_keeps_single_spaces_and_strips_line_edges():
    assert normalise(" a\u00a0\u00a0b \t\n  c\u3000d  \n\u2003e") == "a b\nc d\ne"
    assert normalise("x\u00ady\ufeffz") == "xyz"


def test_fold_matches_the_table_character_by_character():
    samples = [
        "Ὀδυσσεύς ΣΟΦΟΣ İstanbul’da",  # final sigma and dotted capital I: folded one by one
        "Réunion à Ñuñoa, Łódź — Ǆemal ǅ 𝐀 Ⅻ ﬁ ß",  # ligatures and compatibility characters
        "ЙОГУРТ Їжак ёлка ʼ´`",
    ]
    chars = {c for s in samples for c in s} | {chr(c) for c in range(0x80, 0x3000)}
    for text in [*samples, "".join(sorted(chars - {"İ", "Σ"}))]:
        assert fold(text) == "".join(fold(c) for c in text) == text.translate(_FOLD)


def test_fold_of_ascii_matches_the_table():
    assert fold("Deadline `5 May` EXCELLENT") == "deadline '5 may' excellent"


def test_long_lines_are_cut_at_sentence_ends():
    sentence = "Our team documents arrests across the region. "
    doc = Doc(normalise("Header\n" + sentence * 200 + "\n" + "x" * (3 * MAX_LINE)))
    assert all(len(line) <= MAX_LINE for line in doc.lines)
    assert doc.lines[0] == "Header"
    assert doc.lines[1].endswith("region.")
    assert "".join(doc.lines).replace(" ", "") == (
        "Header" + sentence * 200 + "x" * 3 * MAX_LINE
    ).replace(" ", "")


def test_lines_matching_finds_every_line_a_match_touches():
    doc = Doc("Alpha\nfluent in\nFrench\nnothing\nFLUENT")
    assert doc.lines_matching(re.compile(r"fluent\s+in\s+french")) == {1, 2}
    assert doc.lines_matching(re.compile(r"fluent")) == {1, 4}


def test_has_digit_reads_digits_as_str_isdigit_does():
    for line in ("Room 3", "Größe ²", "①", "٣ سنوات", "plain", "Genève", ""):
        assert _has_digit(line) == any(ch.isdigit() for ch in line)


def test_line_sentences_split_each_line_once_for_sentences():
    doc = Doc("Apply by e.g. mail. Or not!\nOne line")
    assert [doc.line_sentences(i) for i in range(2)] == [split_sentences(x) for x in doc.lines]
    assert doc.line_sentences(0) == ["Apply by e.g. mail.", "Or not!"]
    assert doc.sentences == ["Apply by e.g. mail.", "Or not!", "One line"]


def test_lines_matching_tells_equal_patterns_apart_by_identity():
    doc = Doc("Alpha\nfluent in\nFrench")
    first, same = re.compile("fluent"), re.compile("fluent")
    assert doc.lines_matching(first) == doc.lines_matching(same) == {1}
    assert doc.sentences_matching(first) == {1} and doc.lines_matching(re.compile("x")) == set()


def test_by_identity_computes_once_per_object_and_keeps_it():
    calls = []
    cached = _ByIdentity(lambda key: calls.append(key) or len(key), size=2)
    key = ("a", "b")
    assert cached(key) == cached(key) == 2 and calls == [key]
    assert cached(("c",)) == 1 and cached(("d",)) == 1  # the third key empties the full cache
    assert cached(key) == 2 and len(calls) == 4 and all(entry[0] for entry in cached.values())


def test_first_matches_equals_one_search_per_pattern():
    patterns = (
        re.compile(r"\bhead\s+of\b"),
        re.compile(r"\bdeputy\s+head\b"),
        re.compile(r"\b(?:intern|trainee)s?\b"),
        re.compile(r"salary"),
        re.compile(r"\b\d+\s+months?\b"),
    )
    # "deputy head of" holds two overlapping matches: both are found.
    text = "the deputy head of unit hires interns for 6 months; trainees and interns too"
    found = first_matches(patterns, text)
    assert [m and m.span() for m in found] == [
        m and m.span() for m in (p.search(text) for p in patterns)
    ]
    assert found[0].group() == "head of" and found[1].group() == "deputy head"
    assert found[2].group() == "interns" and found[3] is None
    assert first_matches(patterns, "") == [None] * len(patterns)


def test_first_matches_needs_patterns_with_the_same_flags():
    with pytest.raises(ValueError, match="flags"):
        first_matches((re.compile("a"), re.compile("b", re.I)), "ab")


def test_guarded_alternatives_match_as_the_whole_regex():
    cue = Guarded(((r"\bheadquarters\b", ""), (r"\w[-\s]based\s+(?:ngo|group)", "based")))
    assert cue.full.pattern == r"\bheadquarters\b|\w[-\s]based\s+(?:ngo|group)"
    assert cue.for_text("no seat named here").pattern == r"\bheadquarters\b"
    assert Guarded(((r"x\w+", "x"),)).for_text("none").search("xyz") is None
    for text in (
        "Our headquarters moved.\nA Paris-based\nngo hires.\nNothing here.",
        "Our headquarters moved.\nNothing about a seat.\nA Lyon based group.",
        "No seat at all.",
    ):
        doc = Doc(text)
        assert doc.lines_matching(cue) == doc.lines_matching(cue.full)
        assert doc.sentences_matching(cue) == doc.sentences_matching(cue.full)
    assert Doc("A Paris-based\nNGO hires").lines_matching(cue) == {0, 1}


def test_normalise_strips_spaces_around_line_breaks_as_the_regex_does():
    every_space = {c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()}
    assert set(_LINE_SPACE) == every_space - {"\n"}
    edges = re.compile(r"[^\S\n]+\n[^\S\n]*|\n[^\S\n]+")  # the regex it replaces
    alphabet = ["a", "é", "\n", " ", "\t", "\u00a0", "\u2003", "\u3000", "\u2028", "\x85", "\u1680"]
    rng = random.Random(13)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        spaced = edges.sub("\n", _SPACE_RUNS.sub(" ", text))
        assert normalise(text) == re.sub(r"\n{3,}", "\n\n", spaced).strip(), repr(text)
