"""Ranking: an `Index` of postings searched for batches of profiles.

Postings are vectorised once (TF-IDF, each kept to its strongest terms) and put in inverted
lists by place (`matcher.candidates`). A batch of profiles is vectorised the same way and
searched by the compiled `matcher.search.top_k`, which scores only the pairs that can reach a
profile's top k; `why` is then written for each result (`matcher.why`).

`Index.add` transforms new postings with the vectoriser fitted on the first ones and stacks
them: adding a week's postings costs only their own analysis. The trade-off: document
frequencies stay those of the first fit (a term unseen then counts as rare), so after the store
has changed a lot a rebuild (a new `Index`) gives slightly different, fresher weights.
"""

import gc
import secrets
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from numba import njit

from matcher import fit, why
from matcher.candidates import Candidates
from matcher.memory import KEEP, Memory
from matcher.relevance import best_weight, posting_families, profile_families
from matcher.search import Found, Kept, Queries, top_k
from matcher.surfaces import UNKNOWN, Forms, forms_of, written_at, written_forms
from matcher.text import (
    WORD_SPACE,
    Analysed,
    Vectoriser,
    analyse_postings,
    block_normalise,
    profile_document,
    term_features,
)
from matcher.topics import untopical_columns

KEEP_TERMS = (64, 16)  # strongest words and pairs kept per posting (keeps products sparse)
QUERY_TERMS = (24, 8)  # strongest words and pairs kept per profile
BATCH = 1000  # profiles analysed and searched together


class Batch(NamedTuple):
    """Profiles (with defaults), their search input, their own words for its terms, the
    positions of the postings each was shown (sorted), and what each kept (or None)."""

    profiles: list[dict]
    queries: Queries
    terms: why.Terms
    seen: list[np.ndarray]
    kept: Kept | None


def prune(matrix: sp.csr_matrix, keep: tuple[int, int]) -> sp.csr_matrix:
    """Keep each row's `keep` strongest words and pairs, and re-normalise the two blocks."""
    matrix = sp.csr_matrix(matrix, dtype=np.float32, copy=True)
    _drop_weakest(matrix.indptr, matrix.indices, matrix.data, *keep)
    matrix.eliminate_zeros()
    return block_normalise(matrix)


def counted(
    postings: list[dict], vectoriser: Vectoriser
) -> tuple[list[Analysed], sp.csr_matrix, sp.csr_matrix]:
    """The postings analysed in parts, and their raw counts (whole documents, titles): each
    part is counted here as it arrives, while the next ones are analysed."""
    parts, counts = zip(
        *analyse_postings(
            postings, fit.posting_records, then=lambda a: (a, vectoriser.part_counts(a))
        ),
        strict=True,
    )
    return list(parts), *vectoriser.stacked(counts)


@njit(cache=True)
def _drop_weakest(
    indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, words: int, pairs: int
) -> None:
    """Set to 0 all but each row's `words` strongest words and `pairs` strongest pairs (ties
    to the earlier column position), ordered by the float64 key `2 * block + (1 - weight)`."""
    longest = np.max(np.diff(indptr)) if len(indptr) > 1 else 0
    members = np.empty(longest, dtype=np.int64)
    keys = np.empty(longest)
    for r in range(len(indptr) - 1):
        for block, keep in ((0, words), (1, pairs)):
            group, n = 2 * r + block, 0
            for i in range(indptr[r], indptr[r + 1]):
                if (indices[i] >= WORD_SPACE) == block:
                    members[n] = i
                    keys[n] = group * 2.0 + np.float64(np.float32(1.0) - data[i])
                    n += 1
            if n > keep:  # the keep-th smallest key; of the keys equal to it, the first kept
                kth = np.partition(keys[:n], keep - 1)[keep - 1] if keep else -np.inf
                room = keep
                for m in range(n):
                    room -= keys[m] < kth
                for m in range(n):
                    if keys[m] > kth:
                        data[members[m]] = 0
                    elif keys[m] == kth:
                        if room > 0:
                            room -= 1
                        else:
                            data[members[m]] = 0


@contextmanager
def no_collector() -> Iterator[None]:
    """Pause Python's cyclic garbage collector. Ranking, indexing and reading or writing the
    store's postings and matches make millions of small objects (rows, results, their `why`,
    tokens) and no cycles; each full collection would walk the whole heap, the index's
    postings included (seconds at 100,000 postings). Reference counting frees them as usual.
    What survives (the results) is then moved to the oldest generation: left in the youngest,
    the first collection after would walk all of it (1.0 s for a weekly match's 2 million
    objects)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():  # nobody else keeps objects frozen
                gc.freeze()  # every tracked object to the permanent generation,
                gc.unfreeze()  # and from there to the oldest
            gc.enable()


class Index:
    """Vectorised postings (vacancies only) ready to rank for many profiles."""

    def __init__(
        self,
        postings: list[dict],
        vectoriser: Vectoriser | None = None,
        keep_terms: tuple[int, int] = KEEP_TERMS,
    ) -> None:
        self.vectoriser = vectoriser
        self.keep_terms = keep_terms
        self.lineage = secrets.token_hex(8)  # rows keep their positions while it stays
        self.postings: list[dict] = []
        self.position: dict[str, int] = {}
        self._parts: list[tuple] = []
        self._alive = np.zeros(0, dtype=bool)
        self._term_cache: dict[str, np.ndarray] = {}
        self._explain = why.Explainer()
        self._why_keys: list[tuple | None] = []  # `Explainer.posting_key`s, made when shown
        self._langs: list[str | None] = []  # each posting's language
        self.forms = Forms()  # how the postings write their features (`matcher.surfaces`)
        self._written_rows = np.zeros(0, dtype=bool)  # rows whose forms are in `_written`
        self.add(postings)

    def __len__(self) -> int:
        return int(self._alive.sum())

    def add(self, postings: list[dict]) -> None:
        """Index more postings; one with an id already indexed replaces the old one."""
        with no_collector():
            self._add(postings)

    def _add(self, postings: list[dict]) -> None:
        vacancies = [p for p in postings if p.get("is_vacancy")]
        if not vacancies:
            return
        if self.vectoriser is None:
            self.vectoriser = Vectoriser()
        parts, counts, title_counts = counted(vacancies, self.vectoriser)
        langs = [lang for part in parts for lang in part.langs]
        records = np.concatenate([part.extra for part in parts])
        del parts  # their words are counted: freed before the work below
        if not self.vectoriser.n:
            self.vectoriser.fit_counts(counts)
        full = self.vectoriser.weigh(counts)
        families = posting_families(full, self.vectoriser.weigh(title_counts), self.vectoriser)
        present = full.astype(bool)  # rows: postings, as `ranked`: stacked, not merged
        present.sort_indices()
        ranked = prune(self.vectoriser.without_common(full), self.keep_terms)
        written = np.full(ranked.nnz, UNKNOWN, dtype=np.int32)  # found when needed: `write`
        self._parts.append((ranked, written, present, families, records))
        start = len(self.postings)
        last = {p["id"]: i for i, p in enumerate(vacancies)}  # a later duplicate wins
        alive = np.array([last[p["id"]] == i for i, p in enumerate(vacancies)], dtype=bool)
        for i in np.flatnonzero(alive).tolist():
            old = self.position.get(vacancies[i]["id"])
            if old is not None:
                self._alive[old] = False
            self.position[vacancies[i]["id"]] = start + i
        self._term_cache.clear()
        self.postings.extend(vacancies)
        self._langs.extend(langs)
        self._why_keys.extend([None] * len(vacancies))
        self._alive = np.concatenate([self._alive, alive])
        self._written_rows = np.concatenate([self._written_rows, np.zeros(len(alive), bool)])
        self._stack()

    def write(self, rows: np.ndarray | None = None) -> None:
        """Find how these live postings (positions; default: every live one) write the
        features their vectors keep, where not yet found (`matcher.surfaces`): for the
        postings shown, or for all before the index is saved."""
        wanted = self._alive & ~self._written_rows
        if rows is not None:
            asked = np.zeros(len(wanted), dtype=bool)
            asked[rows] = True
            wanted &= asked
        rows = np.flatnonzero(wanted)
        if not len(rows):
            return
        x = self._x
        numbers = written_forms(
            [self.postings[j] for j in rows.tolist()],
            [self._langs[j] for j in rows.tolist()],
            x[rows],
            self.vectoriser,
            self.forms,
        )
        lengths = x.indptr[rows + 1] - x.indptr[rows]
        firsts = np.repeat(x.indptr[rows] - np.cumsum(lengths) + lengths, lengths)
        self._written[firsts + np.arange(len(numbers))] = numbers
        self._written_rows[rows] = True

    def remove(self, ids: Iterable[str]) -> None:
        """Never rank these postings again (their rows stay, dead, until a rebuild)."""
        for posting_id in ids:
            j = self.position.pop(posting_id, None)
            if j is not None:
                self._alive[j] = False
                self.postings[j] = {"id": posting_id}
                self._why_keys[j] = ()

    @property
    def dead(self) -> int:
        """Rows of replaced or removed postings."""
        return len(self.postings) - len(self)

    def _stack(self) -> None:
        if len(self._parts) == 1:  # as loaded or built: nothing to copy
            self._x, self._written, self._present, self._families, self._records = self._parts[0]
        else:
            xs, written, presents, families, records = zip(*self._parts, strict=True)
            self._x = sp.vstack(xs, format="csr")  # entries stay in order: `_written` too
            self._written = np.concatenate(written)
            self._present = sp.vstack(presents, format="csr")
            self._families = np.concatenate(families)
            self._records = np.concatenate(records)
        self._parts = [(self._x, self._written, self._present, self._families, self._records)]
        self._lists: Candidates | None = None

    def rank(
        self,
        profiles: list[dict],
        k: int = 10,
        as_of: date | None = None,
        include_closed: bool = False,
        seen: dict[str, set[str]] | None = None,
        batch: int = BATCH,
        threads: int | None = None,
        progress: Callable[[int], None] | None = None,
        memory: Memory | None = None,
        texts: bool = True,
    ) -> list[list[dict]]:
        """Top-k postings for every profile (see `matcher.rank`), searched by `threads`
        threads (default: one per CPU); `progress` hears how many profiles are done. With a
        `memory` (`matcher.memory`), what it kept spares most of the search where it serves,
        and it then holds what this search found. Without `texts`, a `why` holds only the
        matched terms and the facts (`why.Explainer.facts`).

        Batches are pipelined: while the compiled search (which releases the GIL) runs on one
        batch, Python analyses the next and writes the `why` of the previous."""
        if not self.postings or not profiles:
            return [[] for _ in profiles]
        as_of = as_of or date.today()
        usable = self._alive.copy()
        if not include_closed:
            usable &= self._records["deadline"] >= as_of.toordinal()
        candidates = self._candidates(usable)
        gain = best_weight(self._families) * fit.best_factor(self._records, as_of.toordinal())
        gain = (gain * 1.001).astype(np.float32)  # above float32 rounding of the scores
        keep, since = k, None
        if memory is not None:
            keep = KEEP * k
            if include_closed or not memory.serves(self.lineage, as_of.toordinal(), k):
                memory.entries = {}
            if memory.entries:  # the lists of the postings indexed since
                since = candidates.since(memory.rows)
        if since is None:  # every profile is searched in full
            candidates.complete()
        self._containing(sorted({t for p in profiles for t in p.get("exclude") or ()}))

        def searched(analysed: Batch) -> Found:
            while True:  # a loop, not a recursion: a closure of its own would be a cycle
                found = top_k(
                    analysed.queries,
                    candidates.lists,
                    self._records,
                    self._families,
                    gain,
                    as_of.toordinal(),
                    k,
                    threads,
                    analysed.kept,
                    keep,
                )
                if not found.undone.any():
                    return found
                candidates.complete()  # a profile needs a full search: all postings' lists

        remembered: dict = {}
        out: list[list[dict]] = []
        waiting: tuple[Batch, Future] | None = None
        with no_collector(), ThreadPoolExecutor(1) as search:
            for i in range(0, len(profiles), batch):
                ready = self._batch(profiles[i : i + batch], candidates, seen or {})
                if since is not None:
                    ready = ready._replace(
                        kept=memory.kept(ready.profiles, ready.seen, usable, since)
                    )
                running = search.submit(searched, ready)
                if waiting:
                    out.extend(self._results(*waiting, as_of, k, memory, remembered, texts))
                    if progress:
                        progress(len(out))
                waiting = (ready, running)
            out.extend(self._results(*waiting, as_of, k, memory, remembered, texts))
        if memory is not None:
            memory.lineage, memory.rows, memory.day = self.lineage, len(usable), as_of.toordinal()
            memory.k, memory.entries = k, remembered
        return out

    def _candidates(self, usable: np.ndarray) -> Candidates:
        """The candidate lists of the usable postings (kept while they stay the same)."""
        if self._lists is None or not np.array_equal(self._lists.usable, usable):
            untopical = untopical_columns(self.vectoriser)
            self._lists = Candidates(self._x, self._records, usable, untopical, self._present)
        return self._lists

    def _batch(
        self, profiles: list[dict], candidates: Candidates, seen: dict[str, set[str]]
    ) -> Batch:
        """Profiles analysed for the search."""
        profiles = [fit.with_defaults(p) for p in profiles]
        documents, surfaces = zip(*map(profile_document, profiles), strict=True)
        full = self.vectoriser.transform(list(documents))
        pruned = prune(self.vectoriser.without_common(full), QUERY_TERMS)
        q = candidates.queries(pruned)
        terms = sorted({term for p in profiles for term in p["exclude"]})
        term_row = {term: i for i, term in enumerate(terms)}
        seen_rows = [self._seen(p, seen) for p in profiles]
        queries = Queries(
            q.indptr.astype(np.int64),
            q.indices.astype(np.int32),
            q.data.astype(np.float32),
            fit.profile_records(profiles),
            profile_families(full, self.vectoriser),
            self._containing(terms),
            _starts([len(p["exclude"]) for p in profiles]),
            np.array([term_row[t] for p in profiles for t in p["exclude"]], dtype=np.int64),
            _starts([len(s) for s in seen_rows]),
            np.concatenate([np.zeros(0, dtype=np.int64), *seen_rows]),
        )
        return Batch(
            profiles,
            queries,
            why.terms(
                list(surfaces), queries.start, candidates.columns[q.indices], self.vectoriser
            ),
            seen_rows,
            None,
        )

    def _results(
        self,
        batch: Batch,
        search: Future,
        as_of: date,
        k: int,
        memory: Memory | None,
        remembered: dict,
        texts: bool,
    ) -> list[list[dict]]:
        """The results of a batch, `why` included (with its `texts` or not), once its search
        is done (what the search found goes into `remembered` when there is a `memory`)."""
        found: Found = search.result()
        if memory is not None:
            remembered.update(memory.remembered(batch.profiles, batch.seen, found))
        best, scores, shared = found.best[:, :k], found.scores[:, :k], found.shared
        rows, ranks = np.nonzero(best >= 0)
        cols, scores, shared = best[rows, ranks], scores[rows, ranks], shared[rows, ranks]
        profiles = batch.profiles
        self.write(cols)
        picked = batch.terms.matched(rows, batch.queries.start, shared)
        columns = np.where(picked >= 0, batch.terms.column[picked], -1)
        written = written_at(self._x.indptr, self._x.indices, self._written, cols, columns)
        explain, why_keys, forms = self._explain, self._why_keys, self.forms.decoded(written)
        prof_keys = [explain.profile_key(p) for p in profiles]
        results: list[list[dict]] = [[] for _ in profiles]
        for r, c, s, w in zip(
            rows.tolist(), cols.tolist(), scores.tolist(), written.tolist(), strict=True
        ):
            posting, key = self.postings[c], why_keys[c]
            if key is None:
                key = why_keys[c] = explain.posting_key(posting)
            terms = forms_of(w, forms)
            results[r].append(
                {
                    "id": posting["id"],
                    "score": round(min(s, 1.0), 4),
                    "why": explain(posting, key, profiles[r], prof_keys[r], terms, as_of)
                    if texts
                    else explain.facts(posting, key, profiles[r], prof_keys[r], terms),
                }
            )
        return results

    def _seen(self, profile: dict, seen: dict[str, set[str]]) -> np.ndarray:
        """Sorted positions of the postings the profile was already shown."""
        done = seen.get(profile.get("id")) or ()
        return np.sort(np.array([self.position[i] for i in done if i in self.position], np.int64))

    def _containing(self, terms: list[str]) -> np.ndarray:
        """(terms, postings) bool: which postings contain each term in title or text (as
        whole, folded, stemmed words). The terms not found before are found together, in one
        pass over the presence matrix."""
        n = len(self.postings)
        columns: dict[str, np.ndarray] = {}
        for term in terms:
            if term in self._term_cache or term in columns:
                continue
            features = self.vectoriser.columns(term_features(term))
            if len(features) == 0 or (features < 0).any():  # a word no posting has
                self._term_cache[term] = np.zeros(n, dtype=bool)
            else:
                columns[term] = features
        if columns:
            present = self._present
            wanted = np.unique(np.concatenate(list(columns.values())))
            sought = np.zeros(present.shape[1], dtype=bool)
            sought[wanted] = True
            at = np.flatnonzero(sought[present.indices])
            held = present.indices[at]
            order = np.argsort(held, kind="stable")
            held, rows = held[order], np.searchsorted(present.indptr, at[order], side="right") - 1
            first, last = np.searchsorted(held, wanted), np.searchsorted(held, wanted, "right")
            for term, features in columns.items():
                i = np.searchsorted(wanted, features)
                spans = zip(first[i].tolist(), last[i].tolist(), strict=True)
                holding = np.concatenate([rows[a:b] for a, b in spans])
                self._term_cache[term] = np.bincount(holding, minlength=n) >= len(features)
        return np.array([self._term_cache[t] for t in terms], dtype=bool).reshape(len(terms), n)


def _starts(lengths: list[int]) -> np.ndarray:
    """CSR row pointers of rows of these lengths."""
    return np.cumsum([0, *lengths], dtype=np.int64)


def rank(
    postings: list[dict],
    profiles: list[dict],
    k: int = 10,
    as_of: date | None = None,
    include_closed: bool = False,
    seen: dict[str, set[str]] | None = None,
) -> list[list[dict]]:
    """One list per profile, in order, of at most k {"id", "score", "why"}, best first.

    `postings` are extraction outputs with `text` (is_vacancy false ones are never ranked);
    `profiles` validated profile dicts; `seen` maps a profile id to posting ids not to show.
    """
    return Index(postings).rank(profiles, k, as_of, include_closed, seen)
