"""The compiled search: the exact top k postings of each profile, scored pair by pair.

Profiles are shared out to one thread per CPU. For each, the cosines with the postings
sharing a term are summed term by term over the profile's candidate lists
(`matcher.candidates`). A pair's score is its cosine weighed by role-family
agreement (`matcher.relevance`), kept only if it passes every hard requirement, shows topical
evidence (`matcher.topics`: one of the profile's topical terms among the posting's strongest,
or else anywhere in its text, looked up only for a pair about to enter the top k) and is not
blocked (excluded or seen), times the soft signals (`matcher.fit`). The strongest cosines are
scored first; after them, a pair is scored only when its best possible score (its cosine
times the posting's `gain`) could still beat the profile's k-th, so most pairs never are.
A profile that kept postings from its last search (`Kept`, `matcher.memory`) is searched first
only among those and the postings indexed since, and in full only when they do not suffice.
"""

import os
from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple

import numpy as np
from numba import njit

from matcher import fit
from matcher.candidates import Lists
from matcher.relevance import relevance, similarity

FIRST = 10  # pairs per wanted result scored before the bound applies


class Queries(NamedTuple):
    """A batch of profiles: their pruned vectors on the compact terms (CSR rows), their
    records, and what each must not be shown: postings with one of its exclude terms
    (`excluded[t, j]` for its terms t = `exclude[exclude_start[r]:exclude_start[r + 1]]`) and
    postings it has seen (`seen[seen_start[r]:seen_start[r + 1]]`, sorted)."""

    start: np.ndarray  # int64 CSR row pointers
    term: np.ndarray  # int32
    weight: np.ndarray  # float32
    profiles: np.ndarray  # fit.PROFILE records
    families: np.ndarray  # relevance.profile_families records
    excluded: np.ndarray  # (terms, postings) bool
    exclude_start: np.ndarray  # int64
    exclude: np.ndarray  # int64 rows of `excluded`
    seen_start: np.ndarray  # int64
    seen: np.ndarray  # int64 posting positions


def search_threads() -> int:
    """Threads the search uses by default: one per CPU this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class Kept(NamedTuple):
    """What each profile of a batch kept from its last search (`matcher.shortlists`): its
    best postings then, still usable (`posting[start[r]:start[r + 1]]`), and its floor, a
    (score, posting) that every other posting indexed then scored at most (positions break
    ties as in the ranking; a score of 0 when there was no other); a negative floor score for
    a profile that kept nothing. `since_*` are the `Lists` fields `start`, `posting` and
    `weight` holding only the postings indexed since. Scores of an unchanged pair never rise
    as days pass (`fit.soft_factor`), so a profile's new top k is its kept and new postings'
    top k whenever that beats its floor; otherwise it is searched in full."""

    start: np.ndarray  # int64
    posting: np.ndarray  # int64
    floor_score: np.ndarray  # float32
    floor_posting: np.ndarray  # int64
    since_start: np.ndarray
    since_posting: np.ndarray
    since_weight: np.ndarray


class Found(NamedTuple):
    """What `top_k` found: each profile's best `keep` posting positions (-1 pads) and scores,
    best first, ties going to the earlier posting; for each of the first k, the profile's
    terms it shares with the posting (positions in the profile's row of terms), the heaviest
    in the cosine first (-1 pads); each profile's new floor (see `Kept`), and whether it was
    searched in full; and which needed a full search that lists not `complete` left undone
    (their results are empty: search them again with complete lists)."""

    best: np.ndarray
    scores: np.ndarray
    shared: np.ndarray
    floor_score: np.ndarray
    floor_posting: np.ndarray
    full: np.ndarray
    undone: np.ndarray


def nothing_kept(profiles: int) -> Kept:
    """A `Kept` for profiles that kept nothing (each is searched in full)."""
    empty = np.zeros(0, dtype=np.int64)
    return Kept(
        np.zeros(profiles + 1, dtype=np.int64),
        empty,
        np.full(profiles, -1, dtype=np.float32),
        np.full(profiles, -1, dtype=np.int64),
        np.zeros((1, 1), dtype=np.int64),
        np.zeros(0, dtype=np.int32),
        np.zeros(0, dtype=np.float32),
    )


def top_k(
    queries: Queries,
    lists: Lists,
    postings: np.ndarray,
    families: np.ndarray,
    gain: np.ndarray,
    today: int,
    k: int,
    threads: int | None = None,
    kept: Kept | None = None,
    keep: int | None = None,
) -> Found:
    """Each profile's best `keep` (default k) postings, and for the first k of them the terms
    they share with it (see `Found`), using what profiles `kept` where it suffices.

    `postings` are fit.POSTING records, `families` their relevance.FAMILY records and `gain`
    the most a posting's score can be (float32) times its cosine. The profiles are shared out
    to `threads` threads (default: one per CPU), which run the compiled search side by side."""
    n = len(queries.start) - 1
    keep = max(keep or k, k)
    kept = kept or nothing_kept(n)
    best = np.full((n, keep), -1, dtype=np.int64)
    scores = np.zeros((n, keep), dtype=np.float32)
    widest = int(np.diff(queries.start).max(initial=0))
    shared = np.full((n, k, widest), -1, dtype=np.int64)
    floor_score = np.zeros(n, dtype=np.float32)
    floor_posting = np.zeros(n, dtype=np.int64)
    full = np.zeros(n, dtype=np.bool_)
    undone = np.zeros(n, dtype=np.bool_)
    threads = max(1, min(threads or search_threads(), n))
    # plain arrays and records only: compiled signatures then hold no Python class
    args = (*queries, *lists, *kept, postings, families, gain, today, k)
    args += (best, scores, shared, floor_score, floor_posting, full, undone)
    if threads == 1:
        _search(*args, 0, 1)
    else:
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(lambda part: _search(*args, part, threads), range(threads)))
    return Found(best, scores, shared, floor_score, floor_posting, full, undone)


@njit(nogil=True, cache=True)
def _search(
    q_start: np.ndarray,
    q_term: np.ndarray,
    q_weight: np.ndarray,
    profiles: np.ndarray,
    wants: np.ndarray,
    excluded: np.ndarray,
    exclude_start: np.ndarray,
    exclude: np.ndarray,
    seen_start: np.ndarray,
    seen: np.ndarray,
    l_start: np.ndarray,
    l_posting: np.ndarray,
    l_weight: np.ndarray,
    l_bit: np.ndarray,
    member: np.ndarray,
    term_start: np.ndarray,
    term: np.ndarray,
    term_weight: np.ndarray,
    topical: np.ndarray,
    column: np.ndarray,
    holds_start: np.ndarray,
    holds: np.ndarray,
    complete: bool,
    kept_start: np.ndarray,
    kept_posting: np.ndarray,
    kept_floor: np.ndarray,
    kept_floor_posting: np.ndarray,
    since_start: np.ndarray,
    since_posting: np.ndarray,
    since_weight: np.ndarray,
    postings: np.ndarray,
    families: np.ndarray,
    gain: np.ndarray,
    today: int,
    k: int,
    best: np.ndarray,
    scores: np.ndarray,
    shared: np.ndarray,
    floor_score: np.ndarray,
    floor_posting: np.ndarray,
    full: np.ndarray,
    undone: np.ndarray,
    part: int,
    parts: int,
) -> None:
    """Fill rows part, part + parts, ... of the outputs (the GIL released). The parameters
    are the fields of `Queries`, `Lists` and `Kept` in order, then those of `top_k`."""
    total = np.zeros(len(postings), dtype=np.float32)
    evidence = np.zeros(len(postings), dtype=np.bool_)
    touched = np.empty(len(postings), dtype=np.int64)
    keep = best.shape[1]
    for r in range(part, len(best), parts):
        a, b = q_start[r], q_start[r + 1]
        q_t, q_w = q_term[a:b], q_weight[a:b]
        blocked = exclude[exclude_start[r] : exclude_start[r + 1]]
        shown = seen[seen_start[r] : seen_start[r + 1]]
        topics_of = column[q_t[topical[q_t]]]
        fs, fp = kept_floor[r], kept_floor_posting[r]
        for kept in (True, False):  # the kept and newly indexed postings first, if any
            if kept and fs < 0:
                continue
            if kept:
                found = _cosines(
                    q_t, q_w, profiles[r], since_start, since_posting, since_weight, l_bit,
                    member, topical, total, evidence, touched,
                )  # fmt: skip
                found = _kept_cosines(
                    q_t, q_w, kept_posting[kept_start[r] : kept_start[r + 1]], term_start, term,
                    term_weight, topical, total, evidence, touched, found,
                )  # fmt: skip
            else:
                if not complete:  # left to a search with the lists of all postings
                    undone[r] = True
                    break
                found = _cosines(
                    q_t, q_w, profiles[r], l_start, l_posting, l_weight, l_bit, member, topical,
                    total, evidence, touched,
                )  # fmt: skip
                fs, fp = np.float32(0), np.int64(len(postings))  # a full search: no floor yet
                full[r] = True
            filled = _best(
                profiles[r], wants[r], touched[:found], total, evidence, gain, topics_of,
                holds_start, holds, postings, families, excluded, blocked, shown, today,
                best[r], scores[r],
            )  # fmt: skip
            # exact when its k-th beats the floor, or when nothing else passed
            done = _better(scores[r, k - 1], best[r, k - 1], fs, fp) if filled >= k else fs == 0
            if filled == keep and _better(scores[r, keep - 1], best[r, keep - 1], fs, fp):
                fs, fp = scores[r, keep - 1], best[r, keep - 1]  # all others score at most this
            if done or not kept:
                break
            best[r] = -1
            scores[r] = 0
        floor_score[r], floor_posting[r] = fs, fp
        for i in range(k):
            j = best[r, i]
            if j >= 0:
                c, d = term_start[j], term_start[j + 1]
                _shared(q_t, q_w, term[c:d], term_weight[c:d], shared[r, i])


@njit(cache=True)
def _kept_cosines(
    q_term: np.ndarray,
    q_weight: np.ndarray,
    kept: np.ndarray,
    term_start: np.ndarray,
    term: np.ndarray,
    term_weight: np.ndarray,
    topical: np.ndarray,
    total: np.ndarray,
    evidence: np.ndarray,
    touched: np.ndarray,
    found: int,
) -> int:
    """Add the kept postings to `total`, `evidence` and `touched` as `_cosines` does (the
    same sums in the same order, so the same float32 cosines), from their own vectors;
    returns the new number touched."""
    for j in kept:
        c, d = term_start[j], term_start[j + 1]
        cosine, evident = np.float32(0), False
        for e in range(len(q_term)):
            at = c + np.searchsorted(term[c:d], q_term[e])
            if at < d and term[at] == q_term[e]:
                cosine += q_weight[e] * term_weight[at]
                evident = evident or topical[q_term[e]]
        if cosine != 0 and total[j] == 0:
            total[j], evidence[j] = cosine, evident
            touched[found] = j
            found += 1
    return found


@njit(cache=True)
def _cosines(
    q_term: np.ndarray,
    q_weight: np.ndarray,
    profile,
    l_start: np.ndarray,
    l_posting: np.ndarray,
    l_weight: np.ndarray,
    l_bit: np.ndarray,
    member: np.ndarray,
    topical: np.ndarray,
    total: np.ndarray,
    evidence: np.ndarray,
    touched: np.ndarray,
) -> int:
    """Sum a profile's cosines (its terms and weights, its PROFILE record) with the postings
    of its lists into `total`, and mark in `evidence` the postings sharing a topical term
    with it; the postings touched go to the front of `touched`, and their number is returned.
    A posting in several of the profile's lists counts in the first only."""
    mine = profile.lists
    everywhere = profile.anywhere and not profile.remote_only
    found = 0
    for li in range(len(l_bit)):
        bit = l_bit[li]
        if everywhere != (bit < 0) or (bit >= 0 and not (mine >> np.uint64(bit)) & np.uint64(1)):
            continue
        earlier = mine & ((np.uint64(1) << np.uint64(max(bit, 0))) - np.uint64(1))
        for e in range(len(q_term)):
            t, w = q_term[e], q_weight[e]
            for i in range(l_start[li, t], l_start[li, t + 1]):
                j = l_posting[i]
                if earlier and member[j] & earlier:
                    continue
                if total[j] == 0:
                    touched[found] = j
                    found += 1
                total[j] += w * l_weight[i]
                if topical[t]:
                    evidence[j] = True
    return found


@njit(cache=True)
def _best(
    profile,
    wants,
    touched: np.ndarray,
    total: np.ndarray,
    evidence: np.ndarray,
    gain: np.ndarray,
    words: np.ndarray,
    holds_start: np.ndarray,
    holds: np.ndarray,
    postings: np.ndarray,
    families: np.ndarray,
    excluded: np.ndarray,
    exclude: np.ndarray,
    seen: np.ndarray,
    today: int,
    best: np.ndarray,
    scores: np.ndarray,
) -> int:
    """Fill `best` and `scores` with a profile's top postings among `touched`, given their
    cosines in `total` and topical evidence in `evidence` (both cleared after), the most each
    can score (cosine times `gain`) and the profile's topical `words` (see `Topics`); returns
    how many it filled."""
    cosine, evident = total[touched], evidence[touched]
    total[touched] = 0
    evidence[touched] = False
    bound = cosine * gain[touched]
    topics = Topics(evident, words, holds_start, holds)
    k = len(best)
    threshold = np.float32(0)
    if len(bound) > FIRST * k:
        threshold = nth_largest(bound, FIRST * k)
    filled = 0
    for first in (True, False):
        for i in range(len(touched)):
            if (bound[i] >= threshold) != first or (filled == k and bound[i] < scores[k - 1]):
                continue
            j = touched[i]
            rel = relevance(cosine[i], similarity(families[j], wants))
            if rel <= 0 or not fit.hard_ok(postings[j], profile):
                continue
            s = np.float32(rel * np.float32(fit.soft_factor(postings[j], profile, today)))
            if filled == k and not _better(s, j, scores[k - 1], best[k - 1]):
                continue
            if not topics.evident[i] and not _holds_any(topics, j):
                continue
            if _blocked(excluded, exclude, seen, j):
                continue
            at = min(filled, k - 1)
            while at > 0 and _better(s, j, scores[at - 1], best[at - 1]):
                scores[at], best[at] = scores[at - 1], best[at - 1]
                at -= 1
            scores[at], best[at] = s, j
            filled = min(filled + 1, k)
    return filled


class Topics(NamedTuple):
    """A profile's topical evidence: whether each touched posting shares a topical term
    with it among its strongest terms (`evident`); else whether the posting's whole text holds
    one of the profile's topical terms (feature columns `words`; `start` and `holds` list
    the feature columns each posting holds, ascending)."""

    evident: np.ndarray  # bool, by touched posting
    words: np.ndarray  # int64 feature columns
    start: np.ndarray
    holds: np.ndarray


@njit(cache=True)
def _holds_any(topics: Topics, j: int) -> bool:
    """Whether posting j's whole text holds one of the profile's topical terms."""
    lo, hi = topics.start[j], topics.start[j + 1]
    held = topics.holds[lo:hi]
    for c in topics.words:
        at = np.searchsorted(held, c)
        if at < len(held) and held[at] == c:
            return True
    return False


@njit(cache=True)
def nth_largest(values: np.ndarray, n: int) -> np.float32:
    """The n-th largest of the values (1 <= n <= len(values)), by Wirth's selection on a
    copy (np.partition would cost seconds of compiling)."""
    a = values.copy()
    k, lo, hi = len(a) - n, 0, len(a) - 1
    while lo < hi:
        pivot, i, j = a[k], lo, hi
        while i <= j:
            while a[i] < pivot:
                i += 1
            while pivot < a[j]:
                j -= 1
            if i <= j:
                a[i], a[j] = a[j], a[i]
                i, j = i + 1, j - 1
        if j < k:
            lo = i
        if k < i:
            hi = j
    return a[k]


@njit(cache=True)
def _better(s: np.float32, j: int, other_s: np.float32, other_j: int) -> bool:
    return s > other_s or (s == other_s and j < other_j)


@njit(cache=True)
def _blocked(excluded: np.ndarray, exclude: np.ndarray, seen: np.ndarray, j: int) -> bool:
    """Whether posting j has one of the exclude terms or was seen."""
    for t in exclude:
        if excluded[t, j]:
            return True
    return len(seen) > 0 and seen[min(np.searchsorted(seen, j), len(seen) - 1)] == j


@njit(cache=True)
def _shared(
    q_term: np.ndarray,
    q_weight: np.ndarray,
    terms: np.ndarray,
    weights: np.ndarray,
    out: np.ndarray,
) -> None:
    """Which of a profile's terms (q_term, q_weight) a posting has (its ascending terms and
    their weights), as positions in q_term, into `out` by their weight in the cosine."""
    weight = np.zeros(len(out), dtype=np.float32)
    n = 0
    for e in range(len(q_term)):
        at = np.searchsorted(terms, q_term[e])
        if at == len(terms) or terms[at] != q_term[e]:
            continue
        w = q_weight[e] * weights[at]
        at, n = n, n + 1
        while at > 0 and w > weight[at - 1]:
            weight[at], out[at] = weight[at - 1], out[at - 1]
            at -= 1
        weight[at], out[at] = w, e
