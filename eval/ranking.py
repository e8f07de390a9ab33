"""Ranking quality on the corpus of real postings: nDCG@10 of the ranker beside TF-IDF and BM25.

    python -m eval.ranking [--split train|validation|test] [--profiles P] [--judgments J]

The profiles (`eval/corpus/profiles.yaml`) are invented people written for this evaluation;
`eval/corpus/judgments.json` grades every vacancy of the three splits for each (0 not relevant,
1 relevant, 2 closely fits; a posting failing a hard requirement is 0; `eval.grading` helps
grade new items). Train is for tuning the ranker's weights, validation for choosing, test for
reporting. Every item of a split, vacancies and news alike, is a candidate. Rankings compared:
- ranker: `matcher.rank` over `understand.extract` outputs (the `rightsjobs rank` path), with
  `include_closed` since the postings are old;
- ranker on gold: the same over the gold labels, so that what extraction costs shows apart from
  what relevance scoring costs;
- tfidf: plain TF-IDF cosine of `about` + keywords against the posting text;
- bm25: Okapi BM25 (rank_bm25) of the same query against the same text.
The mean is over the profiles with at least one relevant posting in the split (nDCG is undefined
without one); hard-requirement violations are counted against the gold labels.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rank_bm25 import BM25Okapi
from sklearn.feature_extraction.text import TfidfVectorizer

from eval import script
from eval.corpus import CORPUS, SPLITS, load_items, split_items
from eval.rankers import K, baseline, extracted_posting, gold_posting, ndcg_at_k, violations
from matcher import rank
from rightsjobs.errors import InputError
from rightsjobs.profiles import load_profiles

PROFILES = CORPUS / "profiles.yaml"
JUDGMENTS = CORPUS / "judgments.json"
GRADES = (0, 1, 2)
METHODS = ("ranker", "ranker on gold", "tfidf", "bm25")


def load_judgments(path: Path, profiles: list[dict], items: list[dict]) -> dict[str, dict]:
    """Graded judgments {profile id: {item id: grade}}, checked against profiles and items."""
    where = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", where=where) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg}", where=f"{where}:{exc.lineno}") from None
    if not isinstance(data, dict):
        raise InputError("expected an object {profile id: {posting id: grade}}", where=where)
    known_profiles = {p["id"] for p in profiles}
    known_items = {i["id"] for i in items}
    for pid, grades in data.items():
        if pid not in known_profiles:
            raise InputError("no profile has this id", where=f"{where}: {pid}")
        if not isinstance(grades, dict):
            raise InputError("expected an object {posting id: grade}", where=f"{where}: {pid}")
        for item_id, grade in grades.items():
            if item_id not in known_items:
                raise InputError("no corpus item has this id", where=f"{where}: {pid}: {item_id}")
            if isinstance(grade, bool) or grade not in GRADES:
                raise InputError(
                    f"grade {grade!r} is not 0, 1 or 2", where=f"{where}: {pid}: {item_id}"
                )
    return data


def bm25(postings: list[dict], profiles: list[dict], k: int = K) -> list[list[str]]:
    """Okapi BM25 of `about` + keywords against the posting text (the TF-IDF baseline's words)."""
    analyse = TfidfVectorizer(stop_words="english").build_analyzer()
    index = BM25Okapi([analyse(p["text"]) or [""] for p in postings])
    out = []
    for profile in profiles:
        query = analyse(f"{profile.get('about', '')} {' '.join(profile.get('keywords', []))}")
        scores = index.get_scores(query)
        out.append([postings[j]["id"] for j in np.argsort(-scores, kind="stable")[:k]])
    return out


@dataclass
class Report:
    """nDCG@K per profile and method (None: no relevant posting), and the ranker's results."""

    split: str
    items: int
    profiles: list[dict]
    ndcg: dict[str, list[float | None]]
    results: list[list[dict]]
    judged: list[dict[str, int]]
    violations: int
    violations_on_gold: int

    def mean(self, method: str) -> float:
        values = [v for v in self.ndcg[method] if v is not None]
        return float(np.mean(values)) if values else 0.0


def evaluate(
    split: str, profiles_path: Path = PROFILES, judgments_path: Path = JUDGMENTS
) -> Report:
    """Rank the split's items for every profile by each method and score them."""
    items = split_items(split)
    profiles = load_profiles(profiles_path)
    judgments = load_judgments(judgments_path, profiles, load_items())
    ids = {i["id"] for i in items}
    judged = [{i: g for i, g in judgments.get(p["id"], {}).items() if i in ids} for p in profiles]
    gold = [gold_posting(i) for i in items]
    ours = rank([extracted_posting(i) for i in items], profiles, k=K, include_closed=True)
    on_gold = rank(gold, profiles, k=K, include_closed=True)
    rankings = {
        "ranker": [[r["id"] for r in shown] for shown in ours],
        "ranker on gold": [[r["id"] for r in shown] for shown in on_gold],
        "tfidf": baseline(gold, profiles),
        "bm25": bm25(gold, profiles),
    }
    ndcg = {
        method: [
            ndcg_at_k(ranked, wanted) if any(wanted.values()) else None
            for ranked, wanted in zip(ranked_lists, judged, strict=True)
        ]
        for method, ranked_lists in rankings.items()
    }
    by_id = {g["id"]: g for g in gold}
    return Report(
        split=split,
        items=len(items),
        profiles=profiles,
        ndcg=ndcg,
        results=ours,
        judged=judged,
        violations=violations(ours, profiles, by_id),
        violations_on_gold=violations(on_gold, profiles, by_id),
    )


def format_report(report: Report) -> str:
    """The per-profile table, the means and the violations, as printed by `python -m eval`."""
    head = (
        f"{'profile':<10} {'rel':>3} " + " ".join(f"{m:>14}" for m in METHODS) + "  ranker's top 5"
    )
    lines = [head]
    for n, profile in enumerate(report.profiles):
        wanted = report.judged[n]
        cells = " ".join(
            f"{'n/a' if report.ndcg[m][n] is None else format(report.ndcg[m][n], '.3f'):>14}"
            for m in METHODS
        )
        top = " ".join(f"{r['id']}({wanted.get(r['id'], 0)})" for r in report.results[n][:5])
        relevant = sum(1 for g in wanted.values() if g)
        lines.append(f"{profile['id']:<10} {relevant:>3} {cells}  {top or '-'}")
    scored = sum(1 for v in report.ndcg["ranker"] if v is not None)
    means = ", ".join(f"{m} {report.mean(m):.3f}" for m in METHODS)
    lines.append(
        f"nDCG@{K} mean over the {scored} profiles with a relevant posting"
        f" ({report.items} items, {len(report.profiles)} profiles): {means}"
    )
    lines.append(
        f"hard-requirement violations (per gold labels): ranker {report.violations},"
        f" ranker on gold {report.violations_on_gold}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.ranking", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--split", choices=SPLITS, default="validation")
    parser.add_argument("--profiles", type=Path, default=PROFILES)
    parser.add_argument("--judgments", type=Path, default=JUDGMENTS)
    args = parser.parse_args(argv)
    try:
        print(format_report(evaluate(args.split, args.profiles, args.judgments)))
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    script(main)
