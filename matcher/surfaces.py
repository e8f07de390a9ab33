"""How a posting writes a feature: the words an explanation shows for a matched term.

A feature is an analysed word ("offic") or an unordered pair of adjacent ones ("aid legal");
the posting's own words for it are its first occurrence in the title, else in the text ("Legal
Officer" shows "officer", never the profile's "office"), a pair as the run of words from its
first to its second word ("freedom of expression"). English ASCII text is searched directly for
words starting like the feature's words; other text, or a feature not found so, is analysed in
full.
"""

import re
from collections.abc import Iterator
from functools import cache
from itertools import chain

import numpy as np

from matcher.lexicon import fold
from matcher.text import WORD, Vectoriser, _pair_columns, map_word

Span = tuple[int, int]


def shown(original: str) -> str:
    """Words as an explanation shows them: lowercase unless written in capitals (UN, LGBTI)."""
    return original if original.isupper() else original.lower()


@cache
def _starting(head: str) -> re.Pattern:
    """`head` and the rest of the word it is in (a literal start: the regex searches fast;
    `_spans` checks that it starts the word)."""
    return re.compile(rf"{re.escape(head)}[^\W_]*")


_LETTER = re.compile(r"[^\W_]")


def _spans(word: str, folded: str, lang: str | None) -> Iterator[Span]:
    """Where the words of `folded` whose analysis holds `word` are, in order."""
    for m in _starting(word[:4]).finditer(folded):
        start = m.start()
        if start and _LETTER.match(folded, start - 1):  # inside a word
            continue
        if word in map_word(lang, m.group()):
            yield m.span()


def _only_stop_words(gap: str, lang: str | None) -> bool:
    return all(not map_word(lang, w) for w in WORD.findall(gap))


def _quick(feature: str, text: str, folded: str, lang: str | None) -> str | None:
    """How an ASCII English text (and its casefolded copy) writes a feature, searched
    directly; None if not found."""
    words = feature.split(" ")
    if len(words) == 1:
        start, end = next(_spans(words[0], folded, lang), (0, 0))
        return shown(text[start:end]) if end else None
    left, right = list(_spans(words[0], folded, lang)), list(_spans(words[1], folded, lang))
    runs = [
        (a[0], b[1])
        for first, second in ((left, right), (right, left))
        for a in first
        for b in second
        if a[1] <= b[0] and _only_stop_words(folded[a[1] : b[0]], lang)
    ]
    if not runs:
        return None
    start, end = min(runs)
    return shown(text[start:end])


def _analysed(
    text: str, lang: str | None, wanted: np.ndarray, vectoriser: Vectoriser
) -> dict[int, str]:
    """How a text writes each of the `wanted` (sorted) feature columns it has, by analysing
    it in full."""
    folded = WORD.findall(fold(text))
    originals = WORD.findall(text)
    if len(originals) != len(folded):  # folding split or joined a word: show it folded
        originals = folded
    mapped = [map_word(lang, w) for w in folded]
    origin = np.repeat(np.arange(len(folded)), [len(m) for m in mapped])
    vocab = vectoriser.vocabulary
    ids = np.array([vocab.get(t, -1) for t in chain.from_iterable(mapped)], dtype=np.int64)
    pairs = np.flatnonzero((ids[:-1] >= 0) & (ids[1:] >= 0))
    cols = np.concatenate([ids, _pair_columns(ids[pairs], ids[pairs + 1])])
    first = np.concatenate([origin, origin[pairs]])
    last = np.concatenate([origin, origin[pairs + 1]])
    at = np.minimum(np.searchsorted(wanted, cols), len(wanted) - 1)
    hits = np.flatnonzero(wanted[at] == cols)
    found, where = np.unique(cols[hits], return_index=True)
    return {
        col: " ".join(map(shown, originals[first[h] : last[h] + 1]))
        for col, h in zip(found.tolist(), hits[where].tolist(), strict=True)
    }


def surface_forms(
    posting: dict, lang: str | None, features: dict[int, str], vectoriser: Vectoriser
) -> dict[int, str]:
    """How the posting writes each of `features` (column -> feature) that it has."""
    out: dict[int, str] = {}
    texts = (posting.get("title") or "", posting.get("text") or "")
    if lang in (None, "en"):
        for text in filter(str.isascii, texts):
            folded = text.casefold()
            for col, feature in features.items():
                found = None if col in out else _quick(feature, text, folded, lang)
                if found:
                    out[col] = found
    for text in texts:
        missing = sorted(c for c in features if c not in out)
        if not missing:
            break
        out.update(_analysed(text, lang, np.array(missing, dtype=np.int64), vectoriser))
    return out
