"""Where the ranker loses nDCG on a corpus split: the relevant postings missing from each
profile's top 10, with the parts of their scores, and the grade-0 results shown above them.

    python -m eval.ranking_losses [--split train|validation] [--gold] [--profile ID]

With --gold the postings' gold labels stand in for extraction (what the relevance scoring
alone costs). A pair's parts, recomputed in plain Python as the compiled search makes them:
`cos` the pruned TF-IDF cosine, `topical` whether they show topical evidence, `fam` the
role-family agreement (-1 when a side shows none), `rel` the weighed cosine, `soft` the fit
multiplier and `score` = rel * soft; `fails` the hard requirements failed on the labels ranked.
Each miss gets one kind, and the kinds are counted at the end. The test split is not offered:
it is for reporting, never for looking into.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np
import scipy.sparse as sp

from eval import script
from eval.corpus import load_items, split_items
from eval.rankers import K, extracted_posting, gold_posting, ndcg_at_k
from eval.ranking import JUDGMENTS, PROFILES, load_judgments
from matcher import fit, relevance
from matcher.rank import QUERY_TERMS, Index, prune
from matcher.text import profile_document
from matcher.topics import untopical_columns
from rightsjobs.profiles import load_profiles


@dataclass
class Pair:
    """The score parts of one posting for one profile."""

    cos: float
    topical: bool
    fam: float
    rel: float
    soft: float
    fails: list[str]

    @property
    def score(self) -> float:
        return 0.0 if self.fails else self.rel * self.soft

    def kind(self) -> str:
        """Why the pair scores nothing, or 'outscored' when it scores but too little."""
        if self.fails:
            return "hard requirement: " + "+".join(self.fails)
        if self.cos <= 0:
            return "no shared term"
        if not self.topical:
            return "no topical term shared"
        if self.fam == 0 and self.cos < relevance.STRONG_TEXT:
            return "unrelated role family"
        if self.rel <= 0:
            return "below the floor"
        return "outscored"

    def __str__(self) -> str:
        return (
            f"score {self.score:.4f} cos {self.cos:.3f}{'' if self.topical else ' (untopical)'}"
            f" fam {self.fam:+.2f} rel {self.rel:.4f} soft {self.soft:.2f}"
            + (f" fails {'+'.join(self.fails)}" if self.fails else "")
        )


def pair_parts(index: Index, profiles: list[dict], today: date) -> list[dict[str, Pair]]:
    """Every vacancy's Pair for each profile, by posting id."""
    vec = index.vectoriser
    profiles = [fit.with_defaults(p) for p in profiles]
    full = vec.transform([profile_document(p)[0] for p in profiles])
    queries = prune(vec.without_common(full), QUERY_TERMS)
    cosines = (queries @ index._x.T).toarray()
    evidence = _evidence(index, queries)
    wants = relevance.profile_families(full, vec)
    records = fit.profile_records(profiles)
    out = []
    for r, profile in enumerate(profiles):
        pairs = {}
        for j, posting in enumerate(index.postings):
            cos = np.float32(cosines[r, j] if evidence[r, j] else 0.0)
            fam = relevance.similarity(index._families[j], wants[r])
            excluded = any(index._containing(t)[j] for t in profile["exclude"])
            pairs[posting["id"]] = Pair(
                cos=float(cosines[r, j]),
                topical=bool(evidence[r, j]),
                fam=float(fam),
                rel=float(relevance.relevance(cos, fam)),
                soft=float(fit.soft_factor(index._records[j], records[r], today.toordinal())),
                fails=fit.failures(posting, profile, today, True, excluded),
            )
        out.append(pairs)
    return out


def _evidence(index: Index, queries: sp.csr_matrix) -> np.ndarray:
    """(profiles, postings) bool: the pair shares a topical term among the posting's strongest
    terms, or the posting's whole text holds one of the profile's topical terms that some
    posting keeps (as `matcher.search` decides)."""
    kept = np.zeros(queries.shape[1], dtype=bool)
    kept[index._x.indices] = True
    kept[untopical_columns(index.vectoriser)] = False
    topical = sp.csr_matrix(queries.multiply(kept[None, :]), dtype=bool)
    strongest = (topical @ index._x.T.astype(bool)).toarray()
    return strongest | (topical @ index._present.T).toarray()


def title(posting: dict) -> str:
    return (posting.get("title") or posting["text"].split("\n")[0])[:60]


def report(split: str, gold: bool, only: str | None = None) -> str:
    """The losses of every profile (or of `only`), then the kinds of misses counted."""
    items = split_items(split)
    news = {i["id"] for i in items if not i["is_vacancy"]}
    profiles = load_profiles(PROFILES)
    judgments = load_judgments(JUDGMENTS, profiles, load_items())
    postings = {i["id"]: gold_posting(i) if gold else extracted_posting(i) for i in items}
    today = date.today()
    index = Index(list(postings.values()))
    results = index.rank(profiles, K, today, include_closed=True)
    kinds: Counter[str] = Counter()
    lines = []
    for profile, shown, pairs in zip(
        profiles, results, pair_parts(index, profiles, today), strict=True
    ):
        wanted = {i: g for i, g in judgments.get(profile["id"], {}).items() if i in postings}
        if (only and profile["id"] != only) or not any(wanted.values()):
            continue
        scores = {r["id"]: r["score"] for r in shown}
        lines.append(f"== {profile['id']}  nDCG@{K} {ndcg_at_k(list(scores), wanted):.3f}")
        for n, i in enumerate(scores, 1):
            what = "news" if i in news else wanted.get(i, 0)
            lines.append(f"  {n:>2}. {i}({what}) {title(postings[i])!r}  {pairs[i]}")
        missed = [i for i, g in wanted.items() if g and i not in scores]
        for i in sorted(missed, key=lambda i: (-wanted[i], i)):
            lines.append(_missed(i, wanted, pairs.get(i), scores, postings[i], kinds))
    lines.append("kinds of misses: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    return "\n".join(lines)


def _missed(
    i: str, wanted: dict, part: Pair | None, scores: dict, posting: dict, kinds: Counter
) -> str:
    """The line of a missed relevant posting (its kind counted in `kinds`)."""
    kind = part.kind() if part else "not ranked as a vacancy"
    kinds[kind.split(":")[0]] += 1
    floor = part.score if part else 0.0
    above = [x for x, s in scores.items() if not wanted.get(x) and s > floor]
    return (
        f"  MISSED {i}({wanted[i]}) {title(posting)!r}  {part or ''}  [{kind}]"
        f"  grade-0 or news above: {' '.join(above) or '-'}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.ranking_losses", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--split", choices=("train", "validation"), default="train")
    parser.add_argument("--gold", action="store_true", help="rank the gold labels")
    parser.add_argument("--profile", help="only this profile")
    args = parser.parse_args(argv)
    print(report(args.split, args.gold, args.profile))
    return 0


if __name__ == "__main__":
    script(main)
