"""Tune the ranker's hand-set weights on the train split's graded judgments.

    python -m eval.tune_ranker [--rounds N] [--folds F]

The weights (`matcher.fit` W_*, `matcher.relevance` field weights) are compiled into the
search, so the search itself cannot try other values. Instead every pair that can score (no
hard requirement failed, topical evidence, a shared term) is taken apart once
(`eval.ranking_losses.pair_parts`: cosine, role-family agreement, records), and a weight
setting rescores the pairs with the plain Python versions of `relevance.relevance` and
`fit.soft_factor` (`py_func`, which read the module's weights when called): the same top 10
as the search, in seconds. The first line says whether the shipped weights reproduce the
search's nDCG@10.

Coordinate ascent from the shipped values: each weight in turn takes the value of its grid that
gives the best mean nDCG@10 on the train split (postings extracted, as users get them; ties
keep the current value), for `--rounds` rounds. With `--folds F` the train profiles are first
dealt into F groups and the ascent is run F times on all groups but one and scored on the one
left out (grouped cross-validation: a move that suits only the people it was fitted on shows
there). Prints the path, then train and validation nDCG@10 of the shipped and of the tuned
weights. The test split is never read. Write a chosen value into the source by hand.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Iterable
from datetime import date
from types import ModuleType

import numpy as np

from eval import script
from eval.corpus import load_items, split_items
from eval.rankers import K, extracted_posting, ndcg_at_k
from eval.ranking import JUDGMENTS, PROFILES, load_judgments
from eval.ranking_losses import pair_parts
from matcher import fit, relevance
from matcher.rank import Index
from rightsjobs.profiles import load_profiles

MODULES: dict[str, ModuleType] = {"fit": fit, "relevance": relevance}
# (module, name) -> values tried
GRID: dict[tuple[str, str], tuple[float, ...]] = {
    ("fit", "W_REGION"): (0.0, 0.075, 0.15, 0.3, 0.5),
    ("fit", "W_LANGUAGE"): (0.0, 0.05, 0.1, 0.2, 0.3),
    ("fit", "W_TEXT_LANGUAGE"): (0.0, 0.2, 0.35, 0.5, 0.7, 0.9),
    ("fit", "W_UNDER"): (0.0, 0.15, 0.3, 0.5, 0.7),
    ("fit", "W_OVER"): (0.0, 0.15, 0.3, 0.5, 0.7, 0.9),
    ("relevance", "OFF_FIELD"): (0.1, 0.2, 0.4, 0.6),
    ("relevance", "IN_FIELD"): (1.0, 1.2, 1.5, 2.0, 3.0),
    ("relevance", "NEUTRAL"): (0.6, 0.8, 1.0),
    ("relevance", "STRONG_TEXT"): (0.1, 0.2, 0.3, 0.5),
}

Weights = dict[tuple[str, str], float]


class Split:
    """A split's extracted postings, indexed once: each profile's pairs that can score, as
    (posting position, cosine, family agreement, POSTING record, PROFILE record), and its
    judgments."""

    def __init__(self, name: str, profiles: list[dict], judgments: dict[str, dict]) -> None:
        items = split_items(name)
        ids = {i["id"] for i in items}
        self.today = date.today()
        self.index = Index([extracted_posting(i) for i in items])
        self.ids = [p["id"] for p in self.index.postings]
        self.judged = [
            {i: g for i, g in judgments.get(p["id"], {}).items() if i in ids} for p in profiles
        ]
        postings = self.index._records.view(np.recarray)
        people = fit.profile_records(profiles).view(np.recarray)
        self.pairs = [
            [
                (j, np.float32(part.cos), np.float32(part.fam), postings[j], people[r])
                for j, part in enumerate(map(parts.get, self.ids))
                if not part.fails and part.topical and part.cos > 0
            ]
            for r, parts in enumerate(pair_parts(self.index, profiles, self.today))
        ]
        self.searched = self.mean(
            [[r["id"] for r in shown] for shown in self.index.rank(profiles, K, self.today, True)]
        )

    def scored(self) -> list[int]:
        """The profiles with a relevant posting in the split (nDCG is undefined without)."""
        return [r for r, wanted in enumerate(self.judged) if any(wanted.values())]

    def ranked(self, r: int) -> list[str]:
        """Profile r's top K posting ids under the modules' current weights, as the search
        scores them (ties to the earlier posting)."""
        today = self.today.toordinal()
        scores = []
        for j, cos, fam, p, q in self.pairs[r]:
            rel = relevance.relevance.py_func(cos, fam)
            if rel > 0:
                soft = np.float32(fit.soft_factor.py_func(p, q, today))
                scores.append((-np.float32(rel * soft), j))
        return [self.ids[j] for _, j in sorted(scores)[:K]]

    def mean(self, rankings: list[list[str]], only: Iterable[int] | None = None) -> float:
        """Mean nDCG@K of these rankings (one per profile) over the scored profiles (of `only`)."""
        rows = self.scored() if only is None else only
        values = [ndcg_at_k(rankings[r], self.judged[r]) for r in rows]
        return sum(values) / len(values) if values else 0.0

    def ndcg(self, only: Iterable[int] | None = None) -> float:
        """Mean nDCG@K under the current weights over the scored profiles (of `only`)."""
        rows = list(self.scored() if only is None else only)
        rankings = {r: self.ranked(r) for r in rows}
        return self.mean([rankings.get(r, []) for r in range(len(self.judged))], rows)


def use(values: Weights) -> None:
    """Set the modules' weights."""
    for (module, name), value in values.items():
        setattr(MODULES[module], name, value)


def changes(values: Weights, shipped: Weights) -> str:
    """The weights that differ from the shipped ones, as `NAME=value, ...`."""
    return ", ".join(f"{k[1]}={v}" for k, v in values.items() if shipped[k] != v)


def ascend(
    split: Split, start: Weights, rounds: int, rows: list[int], say: bool = False
) -> tuple[Weights, float]:
    """Coordinate ascent of the weights over GRID on the profiles `rows` of the split."""
    current = dict(start)
    use(current)
    best = split.ndcg(rows)
    for round_ in range(1, rounds + 1):
        for key, values in GRID.items():
            for value in values:
                if value == current[key]:
                    continue
                use({**current, key: value})
                score = split.ndcg(rows)
                if score > best + 1e-9:
                    best, current[key] = score, value
            use(current)
            if say:
                print(f"round {round_} {key[1]:<16} = {current[key]:<6} train {best:.3f}")
    return current, best


def cross_validate(split: Split, shipped: Weights, rounds: int, folds: int) -> None:
    """Print the held-out nDCG@K of the shipped weights and of weights tuned without the
    held-out profiles, fold by fold (profiles dealt in turn) and over all folds."""
    rows = split.scored()
    before, after = [], []
    for fold in range(folds):
        out = rows[fold::folds]
        tuned, _ = ascend(split, shipped, rounds, [r for r in rows if r not in out])
        for values, scores in ((shipped, before), (tuned, after)):
            use(values)
            scores += [split.ndcg([r]) for r in out]
        n = len(out)
        print(
            f"fold {fold + 1}: {n} profiles held out, shipped {np.mean(before[-n:]):.3f},"
            f" tuned on the others {np.mean(after[-n:]):.3f}  {changes(tuned, shipped)}"
        )
    print(f"folds: shipped {np.mean(before):.3f}, tuned {np.mean(after):.3f} (held-out profiles)")
    use(shipped)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.tune_ranker", description=__doc__)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--folds", type=int, default=0, help="grouped cross-validation first")
    args = parser.parse_args(argv)
    profiles = load_profiles(PROFILES)
    judgments = load_judgments(JUDGMENTS, profiles, load_items())
    train, validation = (Split(s, profiles, judgments) for s in ("train", "validation"))
    shipped = {key: getattr(MODULES[key[0]], key[1]) for key in GRID}
    rescored = train.ndcg()
    same = math.isclose(rescored, train.searched, abs_tol=1e-9)
    print(
        f"shipped: train {rescored:.3f} (the search: {train.searched:.3f}"
        f"{'' if same else ', NOT REPRODUCED'})"
    )
    rows = train.scored()
    if args.folds > 1:
        cross_validate(train, shipped, args.rounds, args.folds)
    tuned, _ = ascend(train, shipped, args.rounds, rows, say=True)
    for label, values in (("shipped", shipped), ("tuned", tuned)):
        use(values)
        print(
            f"{label}: train {train.ndcg():.3f}, validation {validation.ndcg():.3f}  "
            + changes(values, shipped)
        )
    use(shipped)
    return 0


if __name__ == "__main__":
    script(main)
