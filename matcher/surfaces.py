"""How a posting writes a feature: the words an explanation shows for a matched term.

A feature is an analysed word ("offic") or an unordered pair of adjacent ones ("aid legal");
the posting's own words for it are its first occurrence in the title, else in the text ("Legal
Officer" shows "officer", never the profile's "office"), a pair as the run of words from its
first to its second word ("freedom of expression").

They are found once, when a posting is indexed, for every feature its vector keeps (a match
can only share those): numbered `Forms`, and for each stored entry of the posting vectors the
number of its form (`written_forms`), which ranking reads (`written_at`).
"""

from collections.abc import Sequence
from functools import partial
from itertools import chain, repeat
from operator import itemgetter

import numpy as np
import scipy.sparse as sp
from numba import njit

from matcher.lexicon import fold
from matcher.text import PARALLEL_FROM, WORD, Vectoriser, map_word, pair_column
from rightsjobs.forked import cpus, in_parts

NONE = -1  # the form number of a feature the posting does not write
UNKNOWN = -2  # ... of one not yet looked for

Written = tuple[tuple[str, ...], str, int]  # (mapped words, as shown, how many mapped)
_WRITTEN: dict[str | None, dict[str, Written]] = {}


def shown(original: str) -> str:
    """Words as an explanation shows them: lowercase unless written in capitals (UN, LGBTI)."""
    return original if original.isupper() else original.lower()


def _words(text: str, lang: str | None) -> list[Written]:
    """The words of a text as written, each with its mapped words and how it is shown."""
    cache = _WRITTEN.setdefault(lang, {})
    originals = WORD.findall(text)
    hits = list(map(cache.get, originals))
    if None in hits:
        if len(cache) > 500_000:
            cache.clear()
        for i in (i for i, hit in enumerate(hits) if hit is None):
            original = originals[i]
            folded = WORD.findall(fold(original))
            mapped = tuple(chain.from_iterable(map_word(lang, w) for w in folded))
            hits[i] = cache[original] = (mapped, shown(original), len(mapped))
    return hits


def _part_forms(
    rows: range,
    postings: list[dict],
    langs: list[str | None],
    vectors: sp.csr_matrix,
    vocabulary: dict[str, int],
) -> tuple[list[str], np.ndarray]:
    """`written_forms` of some rows, numbered in a table of their own: every word of their
    titles and texts read at once, the first place of each feature found in compiled code."""
    written: list[Written] = []
    lengths = []  # words of each title and text, in turn
    for j in rows:
        for text in (postings[j].get("title") or "", postings[j].get("text") or ""):
            words = _words(text, langs[j])
            written += words
            lengths.append(len(words))
    mapped = list(chain.from_iterable(map(itemgetter(0), written)))
    ids = np.fromiter(map(vocabulary.get, mapped, repeat(-1)), np.int64, len(mapped))
    origin = np.repeat(np.arange(len(written)), list(map(itemgetter(2), written)))
    segment = np.repeat(np.arange(len(lengths)), lengths)[origin]  # pairs stay in one
    entries = vectors[rows.start : rows.stop]
    if entries.has_sorted_indices:  # as `Index` makes them
        by_column = np.arange(entries.nnz)
    else:
        row = np.repeat(np.arange(len(rows)), np.diff(entries.indptr))
        by_column = np.lexsort((entries.indices, row))  # each row's columns ascending
    first = np.full(entries.nnz, -1, dtype=np.int64)
    last = np.full(entries.nnz, -1, dtype=np.int64)
    _first_places(
        ids, origin, segment, entries.indptr.astype(np.int64),
        entries.indices[by_column].astype(np.int64), by_column, first, last,
    )  # fmt: skip
    as_shown = list(map(itemgetter(1), written))
    found = np.flatnonzero(first >= 0)
    forms = list(map(as_shown.__getitem__, first[found].tolist()))
    for i in np.flatnonzero(first[found] != last[found]).tolist():  # pairs: their run of words
        a, b = first[found[i]], last[found[i]]
        forms[i] += f" {as_shown[b]}" if b == a + 1 else " " + " ".join(as_shown[a + 1 : b + 1])
    table = {form: i for i, form in enumerate(dict.fromkeys(forms))}
    number = np.full(entries.nnz, NONE, dtype=np.int32)
    number[found] = np.fromiter(map(table.__getitem__, forms), np.int32, len(forms))
    return list(table), number


@njit(cache=True)
def _first_places(
    ids: np.ndarray,
    origin: np.ndarray,
    segment: np.ndarray,
    indptr: np.ndarray,
    columns: np.ndarray,
    entry: np.ndarray,
    first: np.ndarray,
    last: np.ndarray,
) -> None:
    """For each wanted entry, the first and last word (positions in `origin`'s numbering)
    of its feature's first place: row r's wanted feature columns are `columns[indptr[r]:
    indptr[r + 1]]` (ascending, entry numbers `entry`); its words are the tokens (`ids`,
    -1 for none) of segments 2r (title) and 2r + 1 (text), a pair never crossing two."""
    for i in range(len(ids)):
        c = ids[i]
        if c < 0:
            continue
        r = segment[i] // 2
        a, b = indptr[r], indptr[r + 1]
        _place(columns, entry, a, b, c, origin[i], origin[i], first, last)
        if i + 1 < len(ids) and segment[i + 1] == segment[i] and ids[i + 1] >= 0:
            pair = pair_column(c, ids[i + 1])
            _place(columns, entry, a, b, pair, origin[i], origin[i + 1], first, last)


@njit(cache=True)
def _place(
    columns: np.ndarray,
    entry: np.ndarray,
    a: int,
    b: int,
    column: int,
    start: int,
    end: int,
    first: np.ndarray,
    last: np.ndarray,
) -> None:
    """Record (start, end) for `column` if it is wanted in columns[a:b] and has no place yet."""
    at = a + np.searchsorted(columns[a:b], column)
    if at < b and columns[at] == column and first[entry[at]] < 0:
        first[entry[at]] = start
        last[entry[at]] = end


class Forms:
    """Distinct forms, numbered, kept as one buffer of UTF-8 (a form is decoded only when
    shown): `data` holds them end to end, form i ending at `ends[i]`."""

    def __init__(self, data: np.ndarray | None = None, ends: np.ndarray | None = None) -> None:
        self.data = np.zeros(0, np.uint8) if data is None else data
        self.ends = np.zeros(0, np.int64) if ends is None else ends
        self._bytes: bytes | None = None  # `data` as bytes, made when first decoded

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, number: int) -> str:
        start = self.ends[number - 1] if number else 0
        return self.data[start : self.ends[number]].tobytes().decode()

    def decoded(self, numbers: np.ndarray) -> dict[int, str]:
        """These forms (NONE and UNKNOWN left out) by number."""
        numbers = np.unique(numbers[numbers >= 0])
        ends = self.ends[numbers]
        starts = np.where(numbers > 0, self.ends[numbers - 1], 0)
        if self._bytes is None:
            self._bytes = self.data.tobytes()
        data = self._bytes
        return {
            n: data[a:b].decode()
            for n, a, b in zip(numbers.tolist(), starts.tolist(), ends.tolist(), strict=True)
        }

    def extend(self, forms: list[str]) -> int:
        """Add these forms; returns the number of the first."""
        first = len(self.ends)
        encoded = [form.encode() for form in forms]
        ends = np.cumsum([len(self.data), *map(len, encoded)], dtype=np.int64)[1:]
        self.data = np.concatenate([self.data, np.frombuffer(b"".join(encoded), np.uint8)])
        self.ends = np.concatenate([self.ends, ends])
        self._bytes = None
        return first


def written_forms(
    postings: list[dict],
    langs: list[str | None],
    vectors: sp.csr_matrix,
    vectoriser: Vectoriser,
    forms: Forms,
) -> np.ndarray:
    """How each posting (row of `vectors`, in its `langs`) writes each feature its row
    stores: for every stored entry, the number of its form, added to `forms`, NONE where it
    has none. Many postings are shared out to every CPU (`rightsjobs.forked`)."""
    processes = cpus() if len(postings) >= PARALLEL_FROM else 1
    work = partial(
        _part_forms,
        postings=postings,
        langs=langs,
        vectors=vectors,
        vocabulary=vectoriser.vocabulary,
    )
    numbered = [np.zeros(0, np.int32)]
    for table, numbers in in_parts(work, range(len(postings)), processes):
        first = forms.extend(table)
        numbered.append(np.where(numbers == NONE, NONE, numbers + first).astype(np.int32))
    return np.concatenate(numbered)


@njit(cache=True)
def written_at(
    indptr: np.ndarray,
    indices: np.ndarray,
    forms: np.ndarray,
    postings: np.ndarray,
    columns: np.ndarray,
) -> np.ndarray:
    """The form numbers (`forms`, aligned with the entries of a CSR matrix) of the feature
    `columns[i, m]` of posting `postings[i]`; NONE for a column < 0 or not stored."""
    out = np.full(columns.shape, NONE, dtype=np.int32)
    for i in range(len(postings)):
        a, b = indptr[postings[i]], indptr[postings[i] + 1]
        for m in range(columns.shape[1]):
            c = columns[i, m]
            if c < 0:
                continue
            for e in range(a, b):
                if indices[e] == c:
                    out[i, m] = forms[e]
                    break
    return out


def forms_of(numbers: Sequence[int], forms: dict[int, str]) -> list[str]:
    """The distinct forms of these numbers (`Forms.decoded`), in order (NONE and UNKNOWN left
    out)."""
    return list(dict.fromkeys(forms[n] for n in numbers if n >= 0))
