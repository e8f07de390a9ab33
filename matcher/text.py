"""Text analysis and the TF-IDF vectoriser.

A text is folded (lowercase, no accents), split into words and its language guessed; words of a
known language go through the glossary to English, stop words are dropped and English words are
lightly stemmed. The features are these words and their adjacent pairs, a pair being unordered
so that "droits humains" meets "human rights".

The vectoriser keeps a vocabulary of words and hashes each pair from its two words' numbers into
a fixed number of buckets, so a corpus of long adverts does not grow a vocabulary of millions of
pairs. A row is a block of words and a block of pairs, each TF-IDF weighted (sublinear tf,
smoothed idf), l2-normalised and scaled by BLOCK_WEIGHTS: the cosine of two rows is 0.75 * the
words' cosine + 0.25 * the pairs'.
"""

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from itertools import chain, compress, count, repeat
from operator import is_
from typing import Any, NamedTuple

import numpy as np
import scipy.sparse as sp
from numba import njit

from matcher.lexicon import fold, glossary, stop_words
from rightsjobs.forked import cpus, in_parts

WORD = re.compile(r"[^\W\d_][^\W_]+")
TITLE_WEIGHT = 3
WORD_SPACE = 2**22  # columns for words; pairs come after them
PAIR_BUCKETS = 2**21
BLOCK_WEIGHTS = (0.75**0.5, 0.25**0.5)  # words, pairs
MAX_DF = 0.5  # features in more postings than this share say little about fit...
MIN_DOCUMENTS = 1000  # ...once there are enough postings to tell
PARALLEL_FROM = 5000  # postings from which `analyse_postings` uses every CPU
DETECT = "?"  # `tokens(lang=DETECT)` guesses the language

FUNCTION_WORDS = {
    "en": "the and of to in for with is are will be this that by from",
    "fr": "le la les des et du une pour dans est sur avec aux qui",
    "es": "el los las del por con una que se su al y",
    "pt": "os do da dos para com uma em nao ao pela",
    "de": "der die das und mit fur von ist den zu ein eine im auf",
    "sv": "och att det som av med till pa ar inom har",
    "it": "il della di per che gli delle dei nel sono",
    "cs": "jako nebo jsou bude jsme pro ze",
    "pl": "dla jest oraz sie przez jak lub jestesmy",
    "nl": "het een voor zijn wij naar bij",
    "tr": "ile icin olarak olan veya",
    "ca": "els amb dels pel als aquesta aquest seva",
}
CYRILLIC_WORDS = {  # function words that tell languages written in Cyrillic apart
    "ru": "что это как который также быть будет чтобы",
    "bg": "като към във ще със които който която това трябва",
    "uk": "що це як який або також бути буде",
}
_FUNCTION = {w: lang for lang, words in FUNCTION_WORDS.items() for w in words.split()}
_CYRILLIC = {w: lang for lang, words in CYRILLIC_WORDS.items() for w in words.split()}
SCRIPTS = (  # (first code point, last code point, language)
    (0x0400, 0x04FF, "ru"),
    (0x10A0, 0x10FF, "ka"),
    (0x0600, 0x06FF, "ar"),
    (0x0530, 0x058F, "hy"),
    (0x0590, 0x05FF, "he"),
    (0x0370, 0x03FF, "el"),
)
UKRAINIAN_LETTERS = set("іїєґ")
KIN = {"bg": "ru", "be": "ru"}  # a language without a glossary reads through its kin's


def _script(word: str) -> str | None:
    code = ord(word[0])
    if code < 0x80:
        return None
    for first, last, lang in SCRIPTS:
        if first <= code <= last:
            return lang
    return None


def detect_language(words: list[str]) -> str | None:
    """Best guess of the ISO 639-1 language of folded words, from script and function words
    (a tie goes to the language seen first)."""
    head = words[:400]
    if "".join(head).isascii():  # no script to look at: only function words vote
        votes = Counter(filter(None, map(_FUNCTION.get, head)))
    else:
        votes = Counter(lang for lang in (_script(w) or _FUNCTION.get(w) for w in head) if lang)
    if not votes:
        return None
    best = max(votes, key=votes.__getitem__)
    if best == "ru":  # Cyrillic: Ukrainian letters, else the function words decide
        if any(ch in UKRAINIAN_LETTERS for w in head for ch in w):
            return "uk"
        cyrillic = Counter(lang for lang in map(_CYRILLIC.get, head) if lang)
        return max(cyrillic, key=cyrillic.__getitem__) if cyrillic else best
    return best


def stem(word: str) -> str:
    """A light English stemmer: campaigns/campaigning/campaigner -> campaign."""
    if len(word) <= 4 or not word.isascii():
        return word
    for old, new in (("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ise", "ize")):
        if word.endswith(old):
            word = word[: -len(old)] + new
            break
    if word.endswith("ies") and len(word) > 5:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix, keep in (("ing", 4), ("ed", 4), ("er", 5)):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) >= 5:
        word = word[:-1]
    return word


def _lookup(table: dict[str, tuple[str, ...]], word: str) -> tuple[str, ...] | None:
    """The glossary entry whose stem is the longest prefix of word (at most 4 letters left)."""
    candidates = [word]
    if word.startswith("ال") and len(word) > 4:  # Arabic article
        candidates.append(word[2:])
    for cand in candidates:
        for n in range(len(cand), max(2, len(cand) - 5), -1):
            hit = table.get(cand[:n])
            if hit:
                return hit
    return None


_CACHE: dict[str | None, dict[str, tuple[str, ...]]] = {}


def map_word(lang: str | None, word: str) -> tuple[str, ...]:
    """Stemmed English words for one folded word of a text in `lang`; () for a stop word."""
    cache = _CACHE.setdefault(lang, {})
    hit = cache.get(word)
    if hit is not None:
        return hit
    stops, table = stop_words(), glossary()
    if word in stops:
        out: tuple[str, ...] = ()
    else:
        english = None
        lang = lang if lang in table else KIN.get(lang)
        if lang and lang != "en":
            english = _lookup(table[lang], word)
        english = english or table["en"].get(word) or (word,)
        out = tuple(stem(w) for w in english if w not in stops)
    if len(cache) > 500_000:
        cache.clear()
    cache[word] = out
    return out


def tokens(text: str, lang: str | None = DETECT) -> list[str]:
    """The mapped, stemmed words of a text, in order."""
    words = WORD.findall(fold(text))
    return mapped(words, detect_language(words) if lang == DETECT else lang)


def mapped(words: list[str], lang: str | None) -> list[str]:
    """The mapped, stemmed words of folded words of a text in `lang`, in order."""
    hits = list(map(_CACHE.setdefault(lang, {}).get, words))
    if None in hits:
        hits = [map_word(lang, w) if h is None else h for w, h in zip(words, hits, strict=True)]
    return list(chain.from_iterable(hits))


def pair(a: str, b: str) -> str:
    """The feature of two adjacent words, in alphabetical order."""
    return f"{a} {b}" if a <= b else f"{b} {a}"


def features(words: list[str]) -> list[str]:
    """Words and adjacent pairs, as strings ("legal", "aid legal")."""
    return words + [pair(a, b) for a, b in zip(words, words[1:], strict=False)]


def term_features(term: str) -> list[str]:
    """The features that show a term occurs: its word, or each pair of its adjacent words."""
    words = tokens(term, "en")
    return words if len(words) == 1 else features(words)[len(words) :]


Document = list[list[str]]  # segments of words; pairs never straddle two segments


def _posting_words(posting: dict) -> tuple[str | None, list[str], list[str]]:
    """(language of the description, title words, description words) of a posting."""
    title, body = posting.get("title") or "", posting.get("text") or ""
    body_words = WORD.findall(fold(body))
    head = body_words if len(body) <= 3000 else WORD.findall(fold(body[:3000]))
    lang = detect_language(head if body else WORD.findall(fold(title)))
    return lang, tokens(title, lang), mapped(body_words, lang)


def posting_document(posting: dict) -> tuple[str | None, Document, Document]:
    """(language of the description, title, whole document) of a posting; the title counts
    TITLE_WEIGHT times in the whole."""
    lang, title_words, body_words = _posting_words(posting)
    return lang, [title_words], [title_words] * TITLE_WEIGHT + [body_words]


class Analysed(NamedTuple):
    """Postings analysed into numbers (see `analyse_postings`)."""

    langs: list[str | None]  # each posting's description language
    words: list[str]  # the distinct words, in order of first appearance
    ids: np.ndarray  # int64 positions in `words`: each posting's title words, then its text's
    title: np.ndarray  # (postings,) int64 number of title words
    body: np.ndarray  # (postings,) int64 number of description words
    extra: object  # `also(postings, langs)`


def _nothing(postings: list[dict], langs: list[str | None]) -> None:
    """No `extra` for analysed postings."""


def analyse_postings(
    postings: list[dict],
    also: Callable[[list[dict], list[str | None]], object] = _nothing,
    processes: int | None = None,
    then: Callable[[Analysed], Any] | None = None,
) -> list:
    """The words of the postings' `posting_document`s, numbered, in consecutive parts (in
    order); `also` is called on each part's postings and languages. Many postings
    (PARALLEL_FROM or more, by default) are shared out to `processes` forked processes
    (default: one per CPU; `rightsjobs.forked`); the results are the same. `then`, when
    given, is applied in this process to each part as it arrives (while the next parts are
    analysed): the list is then of what it returns."""
    if processes is None:
        processes = cpus() if len(postings) >= PARALLEL_FROM else 1
    if processes >= 2:
        glossary(), stop_words()  # loaded once, here, rather than in each worker
    return in_parts(partial(_analyse, also=also), postings, processes, then)


def _analyse(postings: Sequence[dict], also: Callable) -> Analysed:
    postings = list(postings)
    langs, title, body = zip(*map(_posting_words, postings), strict=True) if postings else ((),) * 3
    flat = list(chain.from_iterable(chain.from_iterable(zip(title, body, strict=True))))
    words = list(dict.fromkeys(flat))
    ids = np.fromiter(map(dict(zip(words, count())).__getitem__, flat), np.int64, len(flat))
    return Analysed(
        list(langs),
        words,
        ids,
        np.fromiter(map(len, title), np.int64, len(title)),
        np.fromiter(map(len, body), np.int64, len(body)),
        also(postings, list(langs)),
    )


_FOLDED: dict[str, str] = {}
_WRITTEN: dict[str | None, dict[str, tuple[tuple[str, ...], str]]] = {}


def _folded(original: str) -> str:
    """`fold` of one word as written (remembered)."""
    word = _FOLDED.get(original)
    if word is None:
        if len(_FOLDED) > 500_000:
            _FOLDED.clear()
        word = _FOLDED[original] = fold(original)
    return word


def _written(lang: str | None, original: str) -> tuple[tuple[str, ...], str]:
    """(mapped words, how an explanation shows it) of a word as written (remembered)."""
    cache = _WRITTEN.setdefault(lang, {})
    hit = cache.get(original)
    if hit is None:
        word = _folded(original)
        if len(cache) > 500_000:
            cache.clear()
        hit = cache[original] = (map_word(lang, word), original if original.isupper() else word)
    return hit


def profile_document(profile: dict) -> tuple[Document, dict[str, str]]:
    """A profile's `about` and, twice, each of its keywords; and the person's own words for its
    features: a one-word keyword or a keyword's word pair shows as the keyword, other features
    as the word they came from."""
    surfaces: dict[str, str] = {}

    def words_of(originals: list[str], lang: str | None) -> list[str]:
        out: list[str] = []
        for original in originals:
            mapped_words, shown = _written(lang, original)
            out += mapped_words
            for t in mapped_words:
                surfaces.setdefault(t, shown)
        return out

    about = WORD.findall(profile.get("about") or "")
    keywords = []
    for keyword in profile.get("keywords") or []:
        kw_words = words_of(WORD.findall(keyword), "en")
        keywords.append(kw_words)
        for f in kw_words if len(kw_words) == 1 else features(kw_words)[len(kw_words) :]:
            surfaces[f] = keyword
    lang = detect_language([_folded(w) for w in about])
    return [words_of(about, lang)] + keywords * 2, surfaces


def _pair_columns(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """`pair_column` of each pair of word columns."""
    out = np.empty(len(left), dtype=np.int64)
    _pair_columns_into(np.asarray(left, np.int64), np.asarray(right, np.int64), out)
    return out


@njit(cache=True)
def _pair_columns_into(left: np.ndarray, right: np.ndarray, out: np.ndarray) -> None:
    for i in range(len(left)):
        out[i] = pair_column(left[i], right[i])


@njit(cache=True)
def pair_column(left: int, right: int) -> int:
    """The column of the pair of two word columns: a hash of the two, unordered, into one of
    PAIR_BUCKETS columns after the words'."""
    lo, hi = np.uint64(min(left, right)), np.uint64(max(left, right))
    mixed = (lo * np.uint64(0x9E3779B97F4A7C15)) ^ (hi * np.uint64(0xBF58476D1CE4E5B9))
    mixed ^= mixed >> np.uint64(31)
    return WORD_SPACE + np.int64(mixed % np.uint64(PAIR_BUCKETS))


class Vectoriser:
    """TF-IDF over words and hashed word pairs; document frequencies come from `fit`."""

    width = WORD_SPACE + PAIR_BUCKETS

    def __init__(self) -> None:
        self.vocabulary: dict[str, int] = {}
        self.df = np.zeros(self.width, dtype=np.int64)  # document frequencies of the fit
        self.n = 0  # documents of the fit
        self.idf = np.ones(self.width, dtype=np.float32)
        self.common = np.zeros(self.width, dtype=bool)
        self.cues: sp.csr_matrix | None = None  # family cue matrix, see matcher.relevance

    def _ids(self, words: list[str]) -> np.ndarray:
        """The words' columns (int64); new words are numbered in order of first appearance."""
        vocab = self.vocabulary
        ids = list(map(vocab.get, words))
        if None in ids:
            new = dict.fromkeys(compress(words, map(is_, ids, repeat(None))))
            if len(vocab) + len(new) > WORD_SPACE:
                raise ValueError("vocabulary full: build a new Index")
            vocab.update(zip(new, range(len(vocab), len(vocab) + len(new)), strict=True))
            ids = list(map(vocab.__getitem__, words))
        return np.array(ids, dtype=np.int64)

    def counts(self, documents: list[Document]) -> sp.csr_matrix:
        """Raw term counts, one row per document."""
        lengths = [len(words) for doc in documents for words in doc]
        segments_of = [len(doc) for doc in documents]
        ids_a = self._ids(list(chain.from_iterable(chain.from_iterable(documents))))
        seg = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        doc = np.repeat(np.repeat(np.arange(len(documents)), segments_of), lengths)
        joined = np.flatnonzero(seg[:-1] == seg[1:])
        cols = np.concatenate([ids_a, _pair_columns(ids_a[joined], ids_a[joined + 1])])
        rows = np.concatenate([doc, doc[joined]])
        out = sp.csr_matrix(
            (np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(len(documents), self.width)
        )
        out.sum_duplicates()
        return out

    def part_counts(self, part: Analysed) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """Raw term counts of a part of analysed postings' whole documents (the title counting
        TITLE_WEIGHT times) and of their titles alone: the same as `counts` of their
        `posting_document`s, words numbered in the same order (parts counted in their order,
        then `stacked`)."""
        ids = self._ids(part.words)[part.ids]
        lengths = np.stack([part.title, part.body], axis=1).ravel()  # title, text, title...
        seg = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
        joined = np.flatnonzero(seg[:-1] == seg[1:])
        seg = np.concatenate([seg, seg[joined]])
        cols = np.concatenate([ids, _pair_columns(ids[joined], ids[joined + 1])])
        in_title = seg % 2 == 0
        rows = seg // 2

        def matrix(data: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> sp.csr_matrix:
            out = sp.csr_matrix((data, (rows, cols)), shape=(len(part.title), self.width))
            out.sum_duplicates()
            return out

        weight = np.where(in_title, np.float32(TITLE_WEIGHT), np.float32(1))
        ones = np.ones(int(in_title.sum()), dtype=np.float32)
        return matrix(weight, rows, cols), matrix(ones, rows[in_title], cols[in_title])

    @staticmethod
    def stacked(
        counted: Iterable[tuple[sp.csr_matrix, sp.csr_matrix]],
    ) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """The `part_counts` of consecutive parts, stacked (whole documents, titles)."""
        whole, titles = zip(*counted, strict=True)
        return sp.vstack(whole, format="csr"), sp.vstack(titles, format="csr")

    def fit(self, documents: list[Document]) -> "Vectoriser":
        """Document frequencies; a feature in more than MAX_DF of the documents weighs 0."""
        self.fit_counts(self.counts(documents))
        return self

    def fit_counts(self, counts: sp.csr_matrix) -> None:
        """`fit` from the documents' `counts`."""
        self.set_frequencies(np.bincount(counts.indices, minlength=self.width), counts.shape[0])

    def set_frequencies(self, df: np.ndarray, n: int) -> None:
        """Weights from the document frequency of every column among n documents."""
        self.df, self.n = df, n
        seen = np.flatnonzero(df)  # most columns are unseen: all of these weigh the same
        self.idf = np.full(self.width, np.log(1 + n) + 1, dtype=np.float32)
        self.idf[seen] = (np.log((1 + n) / (1 + df[seen])) + 1).astype(np.float32)
        self.common = (df > MAX_DF * n) if n >= MIN_DOCUMENTS else np.zeros(self.width, bool)

    def transform(self, documents: list[Document]) -> sp.csr_matrix:
        """Rows of float32 weights, unit length."""
        return self.weigh(self.counts(documents))

    def weigh(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        """`transform` from the documents' `counts` (which it changes)."""
        counts.data = (1 + np.log(counts.data)) * self.idf[counts.indices]
        return block_normalise(counts)

    def without_common(self, matrix: sp.csr_matrix) -> sp.csr_matrix:
        """The rows without features common to more than MAX_DF of the fitted documents
        (re-normalised): these say little about fit and make every pair a candidate."""
        matrix = matrix.copy()
        matrix.data[self.common[matrix.indices]] = 0
        matrix.eliminate_zeros()
        return block_normalise(matrix)

    def columns(self, feature_list: list[str], add_words: bool = False) -> np.ndarray:
        """The column of each feature ("word" or "word word"); -1 for one with a word outside
        the vocabulary, unless `add_words` adds such words to it."""
        split = [f.split(" ") for f in feature_list]

        def ids(words: list[str]) -> np.ndarray:
            if add_words:
                return self._ids(words)
            return np.array([self.vocabulary.get(w, -1) for w in words], dtype=np.int64)

        first, last = ids([p[0] for p in split]), ids([p[-1] for p in split])
        is_pair = np.array([len(p) == 2 for p in split], dtype=bool)
        out = first.copy()
        out[is_pair] = _pair_columns(first[is_pair], last[is_pair])
        out[(first < 0) | (last < 0)] = -1
        return out


def block_normalise(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """Scale each row's word block and pair block to unit length times BLOCK_WEIGHTS."""
    matrix = sp.csr_matrix(matrix, dtype=np.float32)
    matrix.data = _block_scaled(matrix.indptr, matrix.indices, matrix.data, *BLOCK_WEIGHTS)
    return matrix


@njit(cache=True)
def _block_scaled(
    indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, words: float, pairs: float
) -> np.ndarray:
    """`block_normalise`'s new data: each row's squares summed per block in float64, in order."""
    out = np.empty(len(data), dtype=np.float32)
    for r in range(len(indptr) - 1):
        word_sum = pair_sum = 0.0
        for i in range(indptr[r], indptr[r + 1]):
            value = np.float64(data[i])
            if indices[i] >= WORD_SPACE:
                pair_sum += value * value
            else:
                word_sum += value * value
        word_scale = words / max(np.sqrt(word_sum), 1e-12)
        pair_scale = pairs / max(np.sqrt(pair_sum), 1e-12)
        for i in range(indptr[r], indptr[r + 1]):
            scale = pair_scale if indices[i] >= WORD_SPACE else word_scale
            out[i] = np.float32(np.float64(data[i]) * scale)
    return out
