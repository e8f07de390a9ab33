"""Ranking quality on the development set: nDCG@10 of the ranker and of a plain TF-IDF baseline.

    .venv/bin/python -m eval.rankers [--gold] [--profiles P] [--judgments J] [POSTINGS ...]

Postings go through extraction (`understand.extract`), or with --gold the set's gold
labels stand in for it. Hard-requirement violations are counted against the gold labels.
"""

import argparse
import json
import math
import re
from datetime import date
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from eval import script
from eval.paths import DEV_SET as DEV
from matcher import fit, rank
from matcher.lexicon import fold
from rightsjobs.profiles import load_profiles

K = 10


def ndcg_at_k(ranked_ids: list[str], judgments: dict[str, int], k: int = K) -> float:
    """Normalised discounted cumulative gain (gain 2^grade - 1) of the first k ids."""
    gains = [2 ** judgments.get(i, 0) - 1 for i in ranked_ids[:k]]
    ideal = sorted((2**g - 1 for g in judgments.values()), reverse=True)[:k]
    best = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    got = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    return got / best if best > 0 else 0.0


def load_lines(paths: list[Path]) -> list[dict]:
    return [
        json.loads(line) for path in paths for line in path.open(encoding="utf-8") if line.strip()
    ]


def gold_posting(line: dict) -> dict:
    """The gold labels of a dev-set line as an extraction output."""
    return {
        **(line.get("gold") or {}),
        "id": line["id"],
        "is_vacancy": line["is_vacancy"],
        "text": line["text"],
    }


def extracted_posting(line: dict) -> dict:
    from understand import extract

    record = {
        k: line[k]
        for k in ("id", "url", "title", "organization", "posted_date", "text")
        if line.get(k)
    }
    return {**extract(record), "text": line["text"]}


def baseline(postings: list[dict], profiles: list[dict], k: int = K) -> list[list[str]]:
    """Plain TF-IDF cosine of `about` + keywords against the posting text, nothing else."""
    vectoriser = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    docs = vectoriser.fit_transform([p["text"] for p in postings])
    queries = vectoriser.transform(
        [f"{q.get('about', '')} {' '.join(q.get('keywords', []))}" for q in profiles]
    )
    scores = (queries @ docs.T).toarray()
    return [[postings[j]["id"] for j in np.argsort(-row, kind="stable")[:k]] for row in scores]


def contains(text: str, term: str) -> bool:
    """Whether a term occurs in the text as whole words, case and accents folded."""
    return re.search(rf"(?<!\w){re.escape(fold(term))}(?!\w)", fold(text)) is not None


def violations(results: list[list[dict]], profiles: list[dict], gold: dict[str, dict]) -> int:
    """Results that fail a hard requirement (or are no vacancy) according to the gold labels."""
    count = 0
    for profile, shown in zip(profiles, results, strict=True):
        for result in shown:
            posting = gold[result["id"]]
            text = f"{posting.get('title') or ''}\n{posting['text']}"
            excluded = any(contains(text, t) for t in profile.get("exclude") or [])
            count += (not posting["is_vacancy"]) or bool(
                fit.failures(posting, profile, date.today(), True, excluded)
            )
    return count


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "postings", nargs="*", type=Path, default=[DEV / "postings.jsonl", DEV / "seed-blog.jsonl"]
    )
    parser.add_argument("--profiles", type=Path, default=DEV / "profiles.yaml")
    parser.add_argument("--judgments", type=Path, default=DEV / "judgments.json")
    parser.add_argument("--gold", action="store_true", help="use gold labels, not extraction")
    args = parser.parse_args(argv)

    lines = load_lines(args.postings)
    profiles = load_profiles(args.profiles)
    judgments = json.loads(args.judgments.read_text(encoding="utf-8"))
    postings = [gold_posting(x) if args.gold else extracted_posting(x) for x in lines]
    results = rank(postings, profiles, k=K, include_closed=True)
    plain = baseline([gold_posting(x) for x in lines], profiles)

    ours, base = [], []
    print(f"{'profile':<12} {'ranker':>7} {'baseline':>9}  top results")
    for profile, shown, other in zip(profiles, results, plain, strict=True):
        wanted = judgments.get(profile["id"], {})
        ours.append(ndcg_at_k([r["id"] for r in shown], wanted))
        base.append(ndcg_at_k(other, wanted))
        top = " ".join(f"{r['id']}({wanted.get(r['id'], 0)})" for r in shown[:6])
        print(f"{profile['id']:<12} {ours[-1]:>7.3f} {base[-1]:>9.3f}  {top}")
    gold = {x["id"]: gold_posting(x) for x in lines}
    mean, base_mean = float(np.mean(ours)), float(np.mean(base))
    print(
        f"nDCG@{K}: ranker {mean:.3f}, baseline {base_mean:.3f}, gain {mean - base_mean:+.3f}"
        f" ({'gold labels' if args.gold else 'extracted'}; {len(postings)} posts,"
        f" {len(profiles)} profiles)"
    )
    print(f"hard-requirement violations (per gold labels): {violations(results, profiles, gold)}")


if __name__ == "__main__":
    script(main)
