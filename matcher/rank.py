"""Ranking: an `Index` of postings scored against batches of profiles.

Postings are vectorised once (TF-IDF, each kept to its strongest terms). For a batch of
profiles, sparse products (profiles x postings, float32) over the postings a profile's place
rule may admit (`matcher.candidates`) give the cosine of every pair sharing a term. A pair's
score is that cosine weighed by role-family agreement (`matcher.relevance`, with a floor),
then, if it passes every hard requirement and is neither excluded nor seen, multiplied by the
soft signals (`matcher.fit`). Scoring is vectorised over pairs, and only the pairs that can
still reach a profile's top k are scored (`_two_phase`).

`Index.add` transforms new postings with the vectoriser fitted on the first ones and stacks
them: adding a week's postings costs only their own analysis. The trade-off: document
frequencies stay those of the first fit (a term unseen then counts as rare), so after the store
has changed a lot a rebuild (a new `Index`) gives slightly different, fresher weights.
"""

import gc
import multiprocessing as mp
from collections.abc import Callable
from datetime import date

import numpy as np
import scipy.sparse as sp

from matcher import fit, why
from matcher.candidates import Candidates
from matcher.relevance import MAX_WEIGHT, Families, relevance
from matcher.text import (
    WORD_SPACE,
    Vectoriser,
    block_normalise,
    posting_document,
    profile_document,
    term_features,
)

KEEP_TERMS = (32, 16)  # strongest words and pairs kept per posting (keeps products sparse)
QUERY_TERMS = (16, 8)  # strongest words and pairs kept per profile
BATCH = 1000  # profiles per sparse product
PHASE_ONE = 25  # pairs per wanted result scored before the rest (see Index._rank_batch)
MAX_GAIN = MAX_WEIGHT * fit.MAX_FACTOR  # a score is at most this times the cosine


def prune(matrix: sp.csr_matrix, keep: tuple[int, int]) -> sp.csr_matrix:
    """Keep each row's `keep` strongest words and pairs, and re-normalise the two blocks."""
    matrix = sp.csr_matrix(matrix, dtype=np.float32, copy=True)
    row = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    group = row * 2 + (matrix.indices >= WORD_SPACE)
    order = np.argsort(group * 2.0 + (1.0 - matrix.data), kind="stable")
    ranked = group[order]
    starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
    rank_in_group = np.arange(matrix.nnz) - np.repeat(starts, np.diff(np.r_[starts, matrix.nnz]))
    matrix.data[order[rank_in_group >= np.asarray(keep)[ranked % 2]]] = 0
    matrix.eliminate_zeros()
    return block_normalise(matrix)


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
        self.postings: list[dict] = []
        self.position: dict[str, int] = {}
        self._parts: list[tuple] = []
        self._alive = np.zeros(0, dtype=bool)
        self._term_cache: dict[str, np.ndarray] = {}
        self._why_keys: dict[int, tuple] = {}
        self._explainer: why.Explainer | None = None
        self.add(postings)

    def __len__(self) -> int:
        return int(self._alive.sum())

    def add(self, postings: list[dict]) -> None:
        """Index more postings; one with an id already indexed replaces the old one."""
        vacancies = [p for p in postings if p.get("is_vacancy")]
        if not vacancies:
            return
        langs, titles, docs = zip(*map(posting_document, vacancies), strict=True)
        if self.vectoriser is None:
            self.vectoriser = Vectoriser().fit(list(docs))
        full = self.vectoriser.transform(list(docs))
        families = Families.of_postings(
            full, self.vectoriser.transform(list(titles)), self.vectoriser
        )
        arrays = fit.PostingArrays.build(vacancies, list(langs))
        present = full.T.tocsr().astype(bool)
        ranked = prune(self.vectoriser.without_common(full), self.keep_terms)
        self._parts.append((ranked, present, families, arrays))
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
        self._alive = np.concatenate([self._alive, alive])
        self._stack()

    def _stack(self) -> None:
        xs, presents, families, arrays = zip(*self._parts, strict=True)
        self._x = sp.vstack(xs, format="csr")
        self._present = sp.hstack(presents, format="csr")
        self._families = Families.concat(families)
        self._arrays = fit.PostingArrays.concat(list(arrays))
        self._parts = [(self._x, self._present, self._families, self._arrays)]
        self._lists: Candidates | None = None

    def rank(
        self,
        profiles: list[dict],
        k: int = 10,
        as_of: date | None = None,
        include_closed: bool = False,
        seen: dict[str, set[str]] | None = None,
        batch: int = BATCH,
        workers: int = 1,
    ) -> list[list[dict]]:
        """Top-k postings for every profile (see `matcher.rank`).

        With `workers` > 1, batches of profiles are ranked in that many forked processes
        (where the platform can fork); the results are the same.
        """
        if not self.postings or not profiles:
            return [[] for _ in profiles]
        as_of = as_of or date.today()
        usable = self._alive.copy()
        if not include_closed:
            usable &= self._arrays.deadline >= as_of.toordinal()
        chunks = [profiles[i : i + batch] for i in range(0, len(profiles), batch)]
        job = (self, k, as_of, usable, seen or {})
        if workers > 1 and len(chunks) > 1 and "fork" in mp.get_all_start_methods():
            self._candidates()  # built once, shared with the workers
            global _JOB
            _JOB = job
            gc.freeze()  # the workers' collector would otherwise copy every shared page
            try:
                with mp.get_context("fork").Pool(workers) as pool:
                    parts = pool.map(_rank_chunk, chunks)
            finally:
                _JOB = None
                gc.unfreeze()
        else:
            parts = [_rank_chunk(chunk, job) for chunk in chunks]
        return [result for part in parts for result in part]

    def _candidates(self) -> Candidates:
        if self._lists is None:
            self._lists = Candidates(self._x, self._arrays)
        return self._lists

    def _rank_batch(
        self,
        profiles: list[dict],
        k: int,
        as_of: date,
        usable: np.ndarray,
        seen: dict[str, set[str]],
    ) -> list[list[dict]]:
        n = len(profiles)
        documents, surfaces = zip(*map(profile_document, profiles), strict=True)
        full = self.vectoriser.transform(list(documents))
        wants = Families.of_profiles(full, self.vectoriser)
        queries = prune(self.vectoriser.without_common(full), QUERY_TERMS)
        qa = fit.ProfileArrays.build(profiles)
        special = [r for r, p in enumerate(profiles) if p["exclude"] or seen.get(p.get("id"))]

        def score(rows: np.ndarray, cols: np.ndarray, cosine: np.ndarray) -> Pairs:
            """The pairs that pass, with their scores."""
            ok = usable[cols]
            rows, cols, cosine = rows[ok], cols[ok], cosine[ok]
            rel = relevance(cosine, self._families.similarity(wants, rows, cols))
            ok = rel > 0
            for check in fit.HARD_CHECKS:
                rows, cols, rel = rows[ok], cols[ok], rel[ok]
                ok = check(self._arrays, qa, rows, cols)
            rows, cols, rel = rows[ok], cols[ok], rel[ok]
            ok = self._wanted(profiles, special, seen, rows, cols)
            rows, cols, rel = rows[ok], cols[ok], rel[ok]
            return (
                rows,
                cols,
                rel * fit.soft_factor(self._arrays, qa, rows, cols, as_of.toordinal()),
            )

        found = [
            _two_phase(score, rows, cols, cosine, n, k)
            for rows, cols, cosine in self._candidates().pairs(queries, qa)
        ]
        if not found:
            return [[] for _ in profiles]
        rows, cols, best = (np.concatenate(part) for part in zip(*found, strict=True))
        picked = _top_k(rows, best, n, k)
        return self._results(
            profiles, list(surfaces), queries, rows[picked], cols[picked], best[picked], as_of
        )

    def _results(
        self,
        profiles: list[dict],
        surfaces: list[dict[str, str]],
        queries: sp.csr_matrix,
        rows: np.ndarray,
        cols: np.ndarray,
        scores: np.ndarray,
        as_of: date,
    ) -> list[list[dict]]:
        terms = why.matched_terms(surfaces, queries, self._x, rows, cols, self.vectoriser)
        explain = self._explainer
        if explain is None or explain.as_of != as_of:
            explain = self._explainer = why.Explainer(as_of)
            self._why_keys.clear()
        prof_keys = [explain.profile_key(p) for p in profiles]
        results: list[list[dict]] = [[] for _ in profiles]
        for r, c, s, t in zip(rows.tolist(), cols.tolist(), scores.tolist(), terms, strict=True):
            posting, key = self.postings[c], self._why_keys.get(c)
            if key is None:
                key = self._why_keys[c] = explain.posting_key(posting)
            results[r].append(
                {
                    "id": posting["id"],
                    "score": round(min(s, 1.0), 4),
                    "why": explain(posting, key, profiles[r], prof_keys[r], t),
                }
            )
        return results

    def _wanted(
        self,
        profiles: list[dict],
        special: list[int],
        seen: dict[str, set[str]],
        rows: np.ndarray,
        cols: np.ndarray,
    ) -> np.ndarray:
        """False for pairs whose posting has an exclude term or was already seen; `special`
        lists the profiles that have either."""
        keep = np.ones(len(rows), dtype=bool)
        bounds = np.searchsorted(rows, np.arange(len(profiles) + 1))
        for r in special:
            lo, hi = bounds[r], bounds[r + 1]
            mine = cols[lo:hi]
            for term in profiles[r]["exclude"]:
                keep[lo:hi] &= ~self._containing(term)[mine]
            done = [
                self.position[i]
                for i in seen.get(profiles[r].get("id")) or ()
                if i in self.position
            ]
            if done:
                keep[lo:hi] &= ~np.isin(mine, done)
        return keep

    def _containing(self, term: str) -> np.ndarray:
        """Which postings contain the term in title or text (as whole, folded, stemmed words)."""
        found = self._term_cache.get(term)
        if found is None:
            columns = self.vectoriser.columns(term_features(term))
            counts = np.bincount(self._present[columns].indices, minlength=len(self.postings))
            found = (counts >= len(columns)) & (len(columns) > 0)
            self._term_cache[term] = found
        return found


_JOB: tuple | None = None  # what forked workers rank (see Index.rank)
Pairs = tuple[np.ndarray, np.ndarray, np.ndarray]  # rows, cols, values


def _rank_chunk(profiles: list[dict], job: tuple | None = None) -> list[list[dict]]:
    index, k, as_of, usable, seen = job or _JOB
    return index._rank_batch([fit.with_defaults(p) for p in profiles], k, as_of, usable, seen)


def _two_phase(
    score: Callable[[np.ndarray, np.ndarray, np.ndarray], "Pairs"],
    rows: np.ndarray,
    cols: np.ndarray,
    cosine: np.ndarray,
    n_rows: int,
    k: int,
) -> "Pairs":
    """The exact top k of each row by `score`, scoring as few pairs as possible: first each
    row's PHASE_ONE * k strongest cosines, then only the other pairs whose best possible score
    (MAX_GAIN * cosine) could still beat the row's k-th score."""
    first = cosine >= _nth_largest(rows, cosine, n_rows, PHASE_ONE * k)[rows]
    r1, c1, s1 = score(rows[first], cols[first], cosine[first])
    top = _top_k(r1, s1, n_rows, k)
    r1, c1, s1 = r1[top], c1[top], s1[top]
    counts = np.bincount(r1, minlength=n_rows)
    kth = np.zeros(n_rows, dtype=np.float32)
    full = np.flatnonzero(counts == k)
    kth[full] = s1[np.cumsum(counts)[full] - 1]
    rest = ~first & (cosine * MAX_GAIN >= kth[rows])
    r2, c2, s2 = score(rows[rest], cols[rest], cosine[rest])
    return np.concatenate([r1, r2]), np.concatenate([c1, c2]), np.concatenate([s1, s2])


def _nth_largest(rows: np.ndarray, values: np.ndarray, n_rows: int, n: int) -> np.ndarray:
    """Each row's n-th largest value (rows sorted); 0 for a row with at most n values."""
    bounds = np.searchsorted(rows, np.arange(n_rows + 1))
    out = np.zeros(n_rows, dtype=values.dtype)
    for r in np.flatnonzero(np.diff(bounds) > n).tolist():
        seg = values[bounds[r] : bounds[r + 1]]
        out[r] = np.partition(seg, len(seg) - n)[len(seg) - n]
    return out


def _top_k(rows: np.ndarray, score: np.ndarray, n_rows: int, k: int) -> np.ndarray:
    """Positions of the k best scores of each row, row by row, best first."""
    order = np.lexsort((-score, rows))
    ranked = rows[order]
    starts = np.searchsorted(ranked, np.arange(n_rows))
    return order[np.arange(len(order)) - starts[ranked] < k]


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
