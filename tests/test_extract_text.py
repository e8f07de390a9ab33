from rightsjobs.extract.text import (
    MAX_CHARS,
    Doc,
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
