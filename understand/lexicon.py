"""Multilingual name lookup: names from a table (countries, cities, languages, regions) in text.

Names and text are tokenised the same way (`text.tokens`) and looked up greedily, longest first,
up to `MAX_WORDS` words. Words in Cyrillic and Georgian are reduced to a crude stem so inflected
forms ("в Казахстане", "Кыргызстана", "საქართველოში") find their base name; an Arabic word is also
tried without a one-letter prefix (و ب ل ف) and the article ال.
"""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from understand.text import WORD, fold, tokens

MAX_WORDS = 6
_SEEN_LIMIT = 200_000  # words remembered per index by the quick "could name something" test
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_GEORGIAN = re.compile(r"[\u10a0-\u10ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_CYRILLIC_ENDING = re.compile(
    r"(ами|ями|ого|его|ому|ему|ыми|ими|ою|ею|ові|еві|ая|яя|ой|ей|ий|ый|ие|ые|ую|юю|ах|ях|ам|ям|ом"
    r"|ем|им|ым|ої|ій|а|я|е|и|і|ї|у|ю|о|ы|ь|й|є)$"
)
_GEORGIAN_ENDING = re.compile(r"(ში|ის|ზე|დან|ით|ად|თან|მდე|ს)$")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A folded word reduced to the stem used for lookups (Cyrillic and Georgian only)."""
    if _CYRILLIC.match(word) and len(word) > 4:
        stripped = _CYRILLIC_ENDING.sub("", word)
        return stripped if len(stripped) >= 4 else word
    if _GEORGIAN.match(word) and len(word) > 4:
        stripped = _GEORGIAN_ENDING.sub("", word)
        stripped = stripped[:-1] if stripped.endswith("ი") else stripped
        return stripped if len(stripped) >= 3 else word
    return word


@lru_cache(maxsize=65536)
def _variants(word: str) -> tuple[str, ...]:
    """The lookup keys a text word may stand for."""
    if _ARABIC.match(word):
        out = [word]
        bare = word[1:] if word[:1] in "وبلف" and len(word) > 4 else word
        for w in (bare, word):
            if w.startswith("ال") and len(w) > 4:
                out.append(w[2:])
        out.append(bare)
        return tuple(dict.fromkeys(out))
    return (stem(word),)


@dataclass(frozen=True)
class Hit:
    """A name found in text: its value and its character span."""

    value: str
    start: int
    end: int
    raw: str


class NameIndex:
    """Names mapped to values; `find` returns every non-overlapping longest match in a text.

    `mode` per name: "exact" (case-sensitive, for acronyms such as "US"), "capital" (the first
    word must start with a capital letter, for proper names in Latin script) or "any".
    """

    def __init__(self) -> None:
        self._names: dict[tuple[str, ...], list[tuple[str, str, tuple[str, ...]]]] = {}
        self._prefixes: set[tuple[str, ...]] = set()
        self._firsts: set[str] = set()  # first words of names, to skip other words quickly
        # Each name's longest word: a text can name something only if it has one of them (those
        # of `_anchors_capital` are first words that must begin with a capital letter).
        self._anchors: set[str] = set()
        self._anchors_capital: set[str] = set()
        self._anchor_keys: set[str] = set()  # both, to pass over most words at once
        # Words of texts already seen, and those of them that are anchors: a text without an
        # anchor is answered by set operations, without tokens.
        self._seen: set[str] = set()
        self._anchored: set[str] = set()

    def add(self, name: str, value: str, mode: str = "capital") -> None:
        toks = tokens(name)
        if not toks or len(toks) > MAX_WORDS:
            return
        key = tuple(stem(t.key) for t in toks)
        self._prefixes.update(key[:n] for n in range(1, len(key) + 1))
        self._firsts.add(key[0])
        longest = max(range(len(key)), key=lambda j: len(key[j]))
        capital = longest == 0 and mode != "any"
        (self._anchors_capital if capital else self._anchors).add(key[longest])
        self._anchor_keys.add(key[longest])
        self._seen.clear()
        self._anchored.clear()
        entries = self._names.setdefault(key, [])
        entry = (value, mode, tuple(t.raw for t in toks))
        if entry not in entries:
            entries.append(entry)

    def find(self, text: str) -> list[Hit]:
        if not self.may_name(text):
            return []
        folded = fold(text)
        spans = [m.span() for m in WORD.finditer(text)]
        keys = [_variants(folded[a:b]) for a, b in spans]
        return list(self._scan(spans, keys, text))

    def may_name(self, text: str) -> bool:
        """Whether `text` may name something: it has the longest word of a known name."""
        words = set(WORD.findall(text))
        if new := words - self._seen:
            if len(self._seen) > _SEEN_LIMIT:
                self._seen.clear()
                self._anchored.clear()
            anchors, capital, either = self._anchors, self._anchors_capital, self._anchor_keys
            for word in new:
                # An ASCII word is its own key (lower-cased): no stem, no Arabic variant.
                keys = (word.lower(),) if word.isascii() else _variants(fold(word))
                if either.isdisjoint(keys):
                    continue
                if any(k in anchors or (k in capital and word[0].isupper()) for k in keys):
                    self._anchored.add(word)
            self._seen.update(new)
        return not words.isdisjoint(self._anchored)

    def _scan(
        self, spans: list[tuple[int, int]], keys: list[tuple[str, ...]], text: str
    ) -> Iterator[Hit]:
        """Longest matches, left to right, trying only words that start a known name."""
        firsts = self._firsts
        free = 0  # the first word not inside a name found
        for i in [i for i, k in enumerate(keys) if not firsts.isdisjoint(k)]:
            if i < free:
                continue
            runs = self._prefix_runs(keys, i)
            for n in range(len(runs), 0, -1):
                if not (named := [c for c in runs[n - 1] if c in self._names]):
                    continue  # only the beginnings of longer names
                raws = tuple(text[a:b] for a, b in spans[i : i + n])
                if found := next(self._match(raws, named), None):
                    start, end = spans[i][0], spans[i + n - 1][1]
                    yield Hit(found, start, end, text[start:end])
                    free = i + n
                    break

    def _prefix_runs(self, keys: list[tuple[str, ...]], i: int) -> list[list[tuple[str, ...]]]:
        """For n = 1, 2, ...: the key tuples that the n words from `i` may stand for (every
        combination of their keys, in order) and that begin a known name; as long as there are
        some. Names' prefixes are all known, so each run extends the one before."""
        runs: list[list[tuple[str, ...]]] = []
        run: list[tuple[str, ...]] = [()]
        prefixes = self._prefixes
        while i + len(runs) < len(keys) and len(runs) < MAX_WORDS:
            words = keys[i + len(runs)]
            run = [p + (k,) for p in run for k in words if p + (k,) in prefixes]
            if not run:
                break
            runs.append(run)
        return runs

    def _match(self, raws: tuple[str, ...], combos: list[tuple[str, ...]]) -> Iterator[str]:
        """Values of the names that words `raws` spell (as one of their key tuples `combos`, each
        a name's)."""
        for combo in combos:
            for value, mode, spelt in self._names[combo]:
                if mode == "exact" and raws != spelt:
                    continue
                if mode == "capital" and not raws[0][:1].isupper():
                    continue
                yield value


KEPT = Path(__file__).resolve().parent / "data" / ".kept"  # built indexes (see `kept_index`)
_UNDERSTAND = Path(__file__).resolve().parent
# What an index's build reads, beside the libraries: this package's code and data, and the
# region table of the shared core.
INDEX_INPUTS = (
    *sorted(_UNDERSTAND.glob("*.py")),
    *sorted(_UNDERSTAND.glob("data/*.csv")),
    _UNDERSTAND.parent / "rightsjobs" / "regions.py",
    _UNDERSTAND.parent / "rightsjobs" / "data" / "regions.csv",
)


def kept_index(
    name: str,
    build: Callable[[], NameIndex],
    inputs: Iterable[Path] = INDEX_INPUTS,
    folder: Path = KEPT,
) -> NameIndex:
    """The index `build` makes, kept in `folder` (a pickle beside the package's own data, so
    written and read only by this installation) and read from there while nothing it was built
    from changed: its file's name holds a hash of the `inputs` files' bytes, of the versions
    of Python, pycountry and babel, and of the format. Reading it takes a tenth of a second
    where building the place index takes more than one. An index not kept (a read-only
    folder) is built each time."""
    digest = hashlib.sha256(f"{sys.version}|{version('pycountry')}|{version('babel')}|1".encode())
    for path in inputs:
        digest.update(path.read_bytes())
    path = folder / f"{name}-{digest.hexdigest()[:16]}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError):
        pass
    index = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(index, pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)  # whole or not at all, whoever else writes it
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return index


def load_table(name: str) -> list[tuple[str, list[str]]]:
    """Rows of a bundled `data/NAME` CSV of (value, "name|name|...")."""
    with files("understand.data").joinpath(name).open(encoding="utf-8") as fh:
        reader = csv.reader(fh)
        next(reader)
        return [(value, [n for n in names.split("|") if n]) for value, names in reader]


def name_mode(name: str) -> str:
    """ "exact" for acronyms in capitals, "capital" for other capitalised names, else "any"."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) <= 5 and all(c.isupper() for c in letters):
        return "exact"
    return "capital" if letters and letters[0].isupper() else "any"
