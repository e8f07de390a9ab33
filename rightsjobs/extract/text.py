"""Text plumbing: html to text, normalisation, lines, sentences, folding, tokens, labelled fields.

Everything downstream works on a `Doc`, built once per posting.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from bs4 import BeautifulSoup

MAX_CHARS = 200_000  # postings are truncated to this many characters before any analysis
EVIDENCE_CHARS = 300

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BULLET = re.compile(r"^[\s•·▪◦●○■□►▸\-–—*|>]+")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])[\"”»)]?\s+(?=\S)")
# Abbreviations that end with a dot but do not end a sentence.
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|No|Nr|St|approx|incl|Art|p|pp|vs|cf|Jan|Feb|Mar|Apr|Jun"
    r"|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Prof|Sr|Jr|Ltd|Inc|Co|U\.S|U\.K|D\.C|[A-Z])\.)$"
)
_BLOCK_TAGS = "p div br li tr h1 h2 h3 h4 h5 h6 section article header footer ul ol table dt dd"


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, one block element per line."""
    soup = BeautifulSoup(html[: MAX_CHARS * 2], "lxml")
    for tag in soup(["script", "style", "noscript", "template", "svg", "head"]):
        tag.decompose()
    for tag in soup.find_all(_BLOCK_TAGS.split()):
        tag.insert_before("\n")
        tag.insert_after("\n")
    return soup.get_text()


def normalise(text: str) -> str:
    """NFC, no zero-width characters, single spaces, unix newlines, at most MAX_CHARS."""
    text = unicodedata.normalize("NFC", text[:MAX_CHARS]).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


class _FoldTable(dict):
    """str.translate table: lower case, accents stripped, one character in, one character out."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        low = ch.lower()
        if len(low) != 1:
            low = ch
        base = unicodedata.normalize("NFKD", low)
        out = base[0] if base and not unicodedata.combining(base[0]) else low
        if len(out) != 1:
            out = low
        self[code] = out
        return out


_FOLD = _FoldTable()
_FOLD.update(
    {
        ord("İ"): "i",
        ord("й"): "й",
        ord("Й"): "й",
        ord("ї"): "ї",
        ord("Ї"): "ї",
        ord("’"): "'",
        ord("‘"): "'",
        ord("ʼ"): "'",
        ord("´"): "'",
        ord("`"): "'",
    }
)


def fold(text: str) -> str:
    """Lower-cased, accent-free copy of `text` with the same length (offsets stay valid)."""
    return text.translate(_FOLD)


_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Token:
    """A word: its folded form, its original form and its offsets in the text."""

    key: str
    raw: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """Word tokens of `text` (letters and digits; punctuation and spaces separate words)."""
    folded = fold(text)
    return [
        Token(folded[m.start() : m.end()], m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(text)
    ]


def clip(text: str, limit: int = EVIDENCE_CHARS) -> str:
    """`text` on one line, cut to at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def strip_bullet(line: str) -> str:
    """A line without its leading bullet, dash or table bar."""
    return _BULLET.sub("", line).strip(" |")


def split_sentences(line: str) -> list[str]:
    """Sentences of one line (abbreviations such as "e.g." do not end a sentence)."""
    parts: list[str] = []
    for piece in _SENTENCE_END.split(line):
        if parts and _ABBREVIATIONS.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return [p.strip() for p in parts if p.strip()]


@dataclass
class Doc:
    """One posting's text, split and folded once for every extractor."""

    text: str
    title: str | None = None
    organization: str | None = None
    url: str | None = None
    lines: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.lines = [strip_bullet(line) for line in self.text.split("\n")]
        self.lines = [line for line in self.lines if line]

    @cached_property
    def sentences(self) -> list[str]:
        """Every sentence of every line, in order."""
        return [s for line in self.lines for s in split_sentences(line)]

    @cached_property
    def folded_sentences(self) -> list[str]:
        """`sentences`, folded."""
        return [fold(s) for s in self.sentences]

    @cached_property
    def folded(self) -> str:
        """The whole text, folded."""
        return fold(self.text)

    def fields(self, label: re.Pattern[str], *, max_value: int = 160) -> Iterator[tuple[str, str]]:
        """Values of lines starting with a label matching `label` (matched on folded text).

        Accepts "Label: value", "Label | value", "Labelvalue" and a label alone on its line with the
        value on the next line. Yields (value, evidence line).
        """
        for i, line in enumerate(self.lines):
            m = label.match(fold(line))
            if not m:
                continue
            value = line[m.end() :].strip(" :|\t-–—").strip()
            if not value and i + 1 < len(self.lines) and len(self.lines[i + 1]) <= max_value:
                yield self.lines[i + 1], f"{line} {self.lines[i + 1]}"
            elif value and len(value) <= max_value:
                yield value, line
