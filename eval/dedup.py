"""Pairwise precision and recall of dedup on a labelled set of postings.

    python -m eval.dedup [FILE]

FILE (default `eval/data/dedup_pairs.jsonl`) holds one posting per line: the fields `same_job`
compares plus `id`, `source` and `cluster` (postings of one cluster are one job). Every pair of
postings counts: a pair in one cluster is a positive. Two figures are reported: `same_job` on every
pair, and the clusters the store forms when the postings are ingested source by source
(`record_run` -> `find_posting`, so blocking and the candidate lookups are measured too).
"""

import itertools
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from eval import script
from eval.paths import DATA
from rightsjobs.store import migrations
from rightsjobs.store.crawls import record_run, sighting_id
from rightsjobs.store.dedup import same_job

DEFAULT = DATA / "dedup_pairs.jsonl"


def load(path: Path) -> list[dict]:
    """The labelled postings of a JSON Lines file."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def metrics(postings: list[dict], predicted: set[tuple[str, str]]) -> dict:
    """Pairwise precision, recall and F1 of predicted same-job pairs (ids sorted in each pair)."""
    truth = {
        (a["id"], b["id"])
        for a, b in itertools.combinations(postings, 2)
        if a["cluster"] == b["cluster"]
    }
    tp, fp, fn = len(truth & predicted), len(predicted - truth), len(truth - predicted)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def pairwise(postings: list[dict]) -> tuple[set[tuple[str, str]], list[dict]]:
    """`same_job` on every pair: the pairs it merges and the pairs it gets wrong, with reasons."""
    merged, errors = set(), []
    for a, b in itertools.combinations(postings, 2):
        same, score, reason = same_job(a, b)
        if same:
            merged.add((a["id"], b["id"]))
        if same != (a["cluster"] == b["cluster"]):
            kind = "false merge" if same else "missed"
            errors.append({"kind": kind, "a": a["id"], "b": b["id"], "score": score, "why": reason})
    return merged, errors


def item(posting: dict) -> dict:
    """A labelled posting as the item a spider pipeline hands to `record_run`."""
    understood = {
        "is_vacancy": True,
        **{k: posting.get(k) for k in ("title", "organization", "deadline", "posted_date")},
        "countries": posting.get("countries") or [],
        "regions": posting.get("regions") or [],
    }
    fields = ("title", "organization", "description", "url", "apply_url", "source_job_id")
    return {
        **{k: posting.get(k) for k in fields},
        "description_html": "",
        "locations": posting.get("locations") or [],
        "source": posting["source"],
        "understood": understood,
    }


def stored(postings: list[dict]) -> set[tuple[str, str]]:
    """Ingest the postings source by source into an empty store; the pairs it keeps together."""
    db = Database(memory=True)
    migrations.apply(db)
    by_source: dict[str, list[dict]] = {}
    for posting in postings:
        by_source.setdefault(posting["source"], []).append(posting)
    cluster_of = {}
    for source, rows in by_source.items():
        items = [item(p) for p in rows]
        record_run(
            db,
            {"id": source, "platform": "eval", "url": f"https://{source}.example/"},
            items,
            started=datetime.now(UTC),
        )
        for posting, it in zip(rows, items, strict=True):
            sid = sighting_id(source, it)
            cluster_of[posting["id"]] = db["sightings"].get(sid)["posting_id"]
    return {
        (a["id"], b["id"])
        for a, b in itertools.combinations(postings, 2)
        if cluster_of[a["id"]] == cluster_of[b["id"]]
    }


def score(path: str | Path = DEFAULT) -> dict:
    """Precision/recall of `same_job` over every pair (top level) and of the store's clusters."""
    postings = load(Path(path))
    merged, errors = pairwise(postings)
    return {
        "postings": len(postings),
        "clusters": len({p["cluster"] for p in postings}),
        "pairs": len(postings) * (len(postings) - 1) // 2,
        **metrics(postings, merged),
        "store": metrics(postings, stored(postings)),
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    """Print the figures and every wrongly decided pair."""
    args = sys.argv[1:] if argv is None else argv
    result = score(args[0] if args else DEFAULT)
    print(
        f"{result['postings']} postings, {result['clusters']} jobs, {result['pairs']} pairs\n"
        f"same_job:  precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
        f"F1 {result['f1']:.3f}  (tp {result['tp']}, fp {result['fp']}, fn {result['fn']})"
    )
    s = result["store"]
    print(
        f"store:     precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}  "
        f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"
    )
    for e in result["errors"]:
        print(f"  {e['kind']}: {e['a']} ~ {e['b']}  score {e['score']:.2f}  ({e['why']})")
    return 0


if __name__ == "__main__":
    script(main)
