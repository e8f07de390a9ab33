"""How much of the search's list walking a MaxScore-style bound could skip (a script, not a test).

    .venv/bin/python bench/bench_pruning_bound.py [--postings N] [--profiles N] [--seed N]

Builds an index of synthetic postings (`bench/synthetic.py`), ranks the profiles, then, for each
profile, orders its terms by their most a posting could gain from them (the profile's weight
times the term's heaviest entry in the profile's lists) and counts the list entries of the terms
that would still have to be walked when the bound of the terms left, times the most any
posting's score can be, falls below the profile's true k-th score. The true k-th score is the
best threshold a real MaxScore could ever know, so the share printed is an upper bound on what
such pruning saves.
"""

import argparse
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]  # synthetic.py, and this checkout's matcher

from synthetic import Corpus  # noqa: E402

from matcher import Index, fit  # noqa: E402
from matcher.relevance import best_weight  # noqa: E402

K = 20


def list_maxima(lists) -> np.ndarray:
    """(lists, terms): the heaviest entry of each term's list in each candidate list."""
    out = np.zeros((lists.start.shape[0], lists.start.shape[1] - 1), dtype=np.float32)
    for li, start in enumerate(lists.start):
        sizes = np.diff(start)
        firsts = np.minimum(start[:-1], len(lists.weight) - 1)
        out[li] = np.where(sizes > 0, np.maximum.reduceat(lists.weight, firsts), 0)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--profiles", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    corpus = Corpus(args.seed)
    postings, profiles = corpus.postings(args.postings), corpus.profiles(args.profiles)
    today = corpus.as_of
    index = Index(postings)
    results = index.rank(profiles, K, today)
    usable = index._alive & (index._records["deadline"] >= today.toordinal())
    candidates = index._candidates(usable)
    lists = candidates.lists
    most = float(
        (best_weight(index._families) * fit.best_factor(index._records, today.toordinal())).max()
    )
    maxima = list_maxima(lists)
    q = index._batch(profiles, candidates, {}).queries
    walked = needed = 0
    for r, shown in enumerate(results):
        terms, weights = q.term[q.start[r] : q.start[r + 1]], q.weight[q.start[r] : q.start[r + 1]]
        record = q.profiles[r]
        everywhere = record["anywhere"] and not record["remote_only"]
        mine = [
            li
            for li, bit in enumerate(lists.bit)
            if everywhere == (bit < 0) and (bit < 0 or (int(record["lists"]) >> int(bit)) & 1)
        ]
        if not mine or not len(terms):
            continue
        bound = weights * maxima[mine][:, terms].max(axis=0)
        sizes = (lists.start[mine][:, terms + 1] - lists.start[mine][:, terms]).sum(axis=0)
        kth = shown[-1]["score"] if len(shown) == K else 0.0
        order = np.argsort(-bound)
        left = np.cumsum(bound[order][::-1])[::-1]  # bound of this term and those after it
        essential = np.flatnonzero(left * most >= kth)
        walked += int(sizes.sum())
        needed += int(sizes[order[essential]].sum())
    print(
        f"{len(profiles):,} profiles x {len(postings):,} postings, top {K}: "
        f"{walked / len(profiles):,.0f} list entries walked per profile; with the true k-th "
        f"score as the threshold, {needed / walked:.0%} of them would still be walked "
        f"(at most {1 - needed / walked:.0%} saved)"
    )


if __name__ == "__main__":
    main()
