"""Tune the ranker's hand-set weights on the train split's graded judgments.

    NUMBA_DISABLE_JIT=1 python -m eval.tune_ranker [--rounds N]

The weights (`matcher.fit` W_*, `matcher.relevance` field weights) are compiled into the
search, so they can only be varied with the compiler off (the search then runs as plain
Python: slow, but the corpus is small). Coordinate ascent from the shipped values: each weight in
turn takes the value of its grid that gives the best mean nDCG@10 on the train split (postings
extracted, as users get them; ties keep the current value), for `--rounds` rounds. Prints the
path, then train and validation nDCG@10 of the shipped and of the tuned weights. The test split
is never read. Write a chosen value into the source by hand.
"""

from __future__ import annotations

import argparse
import os
import sys

from eval import script
from eval.corpus import load_items, split_items
from eval.rankers import K, extracted_posting, ndcg_at_k
from eval.ranking import JUDGMENTS, PROFILES, load_judgments
from rightsjobs.profiles import load_profiles

# (module, name) -> values tried
GRID: dict[tuple[str, str], tuple[float, ...]] = {
    ("fit", "W_REGION"): (0.0, 0.075, 0.15, 0.3, 0.5),
    ("fit", "W_LANGUAGE"): (0.0, 0.05, 0.1, 0.2, 0.3),
    ("fit", "W_TEXT_LANGUAGE"): (0.0, 0.2, 0.35, 0.5, 0.7),
    ("fit", "W_UNDER"): (0.0, 0.15, 0.3, 0.5, 0.7),
    ("fit", "W_OVER"): (0.0, 0.15, 0.3, 0.5, 0.7),
    ("relevance", "OFF_FIELD"): (0.1, 0.2, 0.4, 0.6),
    ("relevance", "IN_FIELD"): (1.0, 1.2, 1.5, 2.0),
    ("relevance", "NEUTRAL"): (0.6, 0.8, 1.0),
    ("relevance", "STRONG_TEXT"): (0.1, 0.2, 0.3, 0.5),
}


class Split:
    """A split's extracted postings, and each profile's judgments on them."""

    def __init__(self, name: str, profiles: list[dict], judgments: dict[str, dict]):
        items = split_items(name)
        ids = {i["id"] for i in items}
        self.postings = [extracted_posting(i) for i in items]
        self.judged = [
            {i: g for i, g in judgments.get(p["id"], {}).items() if i in ids} for p in profiles
        ]

    def ndcg(self, profiles: list[dict]) -> float:
        from matcher import rank

        results = rank(self.postings, profiles, k=K, include_closed=True)
        values = [
            ndcg_at_k([r["id"] for r in shown], wanted)
            for shown, wanted in zip(results, self.judged, strict=True)
            if any(wanted.values())
        ]
        return sum(values) / len(values) if values else 0.0


def _modules() -> dict:
    """The modules whose weights are tuned, with the search made to run uncompiled: one
    thread, and record arrays (whose rows have attributes, as compiled records do)."""
    import numpy as np

    from matcher import fit, relevance, search

    compiled = search._search

    def plain(*args):
        return compiled(*(a.view(np.recarray) if _structured(a) else a for a in args))

    search._search, search.search_threads = plain, lambda: 1
    return {"fit": fit, "relevance": relevance}


def _structured(value: object) -> bool:
    return getattr(getattr(value, "dtype", None), "names", None) is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.tune_ranker", description=__doc__)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    if os.environ.get("NUMBA_DISABLE_JIT") != "1":
        print("run with NUMBA_DISABLE_JIT=1 (the weights are compiled in)", file=sys.stderr)
        return 2
    profiles = load_profiles(PROFILES)
    judgments = load_judgments(JUDGMENTS, profiles, load_items())
    train, validation = (Split(s, profiles, judgments) for s in ("train", "validation"))
    modules = _modules()
    shipped = {key: getattr(modules[key[0]], key[1]) for key in GRID}

    def use(values: dict) -> None:
        for (module, name), value in values.items():
            setattr(modules[module], name, value)

    current = dict(shipped)
    best = train.ndcg(profiles)
    print(f"shipped: train {best:.3f}")
    for round_ in range(1, args.rounds + 1):
        for key, values in GRID.items():
            for value in values:
                if value == current[key]:
                    continue
                use({**current, key: value})
                score = train.ndcg(profiles)
                if score > best + 1e-9:
                    best, current[key] = score, value
            use(current)
            print(f"round {round_} {key[1]:<16} = {current[key]:<6} train {best:.3f}")
    tuned = dict(current)
    for label, values in (("shipped", shipped), ("tuned", tuned)):
        use(values)
        print(
            f"{label}: train {train.ndcg(profiles):.3f}, validation "
            f"{validation.ndcg(profiles):.3f}  "
            + ", ".join(f"{k[1]}={v}" for k, v in values.items() if shipped[k] != v)
        )
    return 0


if __name__ == "__main__":
    script(main)
