"""Benchmark of dedup on a growing store (a script, not a test).

    .venv/bin/python bench/bench_dedup.py [--quick] [--seed N] [--copies N]

Builds a store of synthetic postings (`bench/synthetic.py`) from 2,000 organisations of
Zipf-distributed sizes (the largest holds about 12% of the postings: thousands), then, at
10,000, 50,000 and 100,000 stored postings (1/10 of each with --quick), feeds through
`record_run` (the crawl's real write path, one run per fed source):

- copies of stored postings, one per original, from other sources at other URLs: half with the
  identical description, half lightly edited (a heading, 3% of the words replaced, the end cut,
  a closing line added), titles and organisations as stored;
- negatives that must stay new postings: fresh postings, and stored texts moved to another
  country (the same advert for another duty station).

It prints recall (copies merged into their original), precision (merges that are right), the
time per fed sighting, and how many copies' originals lie beyond their organisation's 200 most
recent postings (what the organisation block alone cannot reach). Exits 1 below 0.95 recall.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]  # synthetic.py, and this checkout's rightsjobs

from synthetic import Corpus, light_edit, organisations, stored_posting  # noqa: E402

from rightsjobs.regions import country_regions  # noqa: E402
from rightsjobs.store import open_db  # noqa: E402
from rightsjobs.store.crawls import record_run, sighting_id  # noqa: E402
from rightsjobs.store.dedup import BLOCK_LIMIT, content_bands, match_key, org_key  # noqa: E402
from rightsjobs.urls import url_key  # noqa: E402

SIZES = (10_000, 50_000, 100_000)
TARGET = 0.95


def rows(posting: dict) -> tuple[dict, dict]:
    """The postings and sightings rows that ingest would have written for a synthetic posting."""
    seen = f"{posting['posted_date']}T08:00:00+00:00"
    stored = {
        "id": posting["id"],
        **{k: posting[k] for k in ("title", "organization", "description", "url")},
        **{k: posting[k] for k in ("countries", "regions", "deadline", "posted_date")},
        "locations": [],
        "is_vacancy": 1,
        "status": "open",
        "first_seen": seen,
        "last_seen": seen,
        "updated_at": seen,
        "match_key": match_key(posting["organization"], posting["title"]),
        "content_bands": content_bands(posting["description"]),
        "provider": "ats",
        "provider_rank": 1,
    }
    sighting = {
        "id": f"ats:{url_key(posting['url'])}",
        "posting_id": posting["id"],
        "source": "ats",
        "url": posting["url"],
        "url_key": url_key(posting["url"]),
        "title": posting["title"],
        "first_seen": seen,
        "last_seen": seen,
        "status": "open",
    }
    return stored, sighting


def grow(db, corpus: Corpus, orgs, start: int, stop: int) -> list[dict]:
    """Add synthetic postings start..stop-1 to the store; returns them."""
    added = [stored_posting(corpus, i, *orgs) for i in range(start, stop)]
    pairs = [rows(p) for p in added]
    with db.atomic():
        db["postings"].insert_all([p for p, _ in pairs], batch_size=500)
        db["sightings"].insert_all([s for _, s in pairs], batch_size=500)
    return added


def item(posting: dict, url: str) -> dict:
    """A posting as a spider hands it to `record_run` (feed() sets its source)."""
    understood = {
        "is_vacancy": True,
        **{k: posting[k] for k in ("title", "organization", "deadline", "posted_date")},
        "countries": posting["countries"],
        "regions": posting["regions"],
    }
    return {
        **{k: posting[k] for k in ("title", "organization", "description")},
        "url": url,
        "description_html": "",
        "apply_url": None,
        "source_job_id": None,
        "locations": [],
        "understood": understood,
    }


def moved(corpus: Corpus, posting: dict, rng: random.Random) -> dict:
    """The same advert for a duty station in another country."""
    country = rng.choice([c for c in corpus.countries if c not in posting["countries"]])
    old, new = corpus.names[posting["countries"][0]], corpus.names[country]
    return {
        **posting,
        "title": posting["title"].replace(old, new),
        "description": posting["description"].replace(old, new),
        "countries": [country],
        "regions": [country_regions()[country]],
    }


def beyond_block(db, posting: dict) -> bool:
    """Whether the posting is not among its organisation's BLOCK_LIMIT most recent."""
    key = org_key(posting["organization"])
    sql = (
        "select count(*) as n from postings where match_key >= ? and match_key < ? "
        "and last_seen > (select last_seen from postings where id = ?)"
    )
    return next(db.query(sql, [f"{key}|", f"{key}}}", posting["id"]]))["n"] >= BLOCK_LIMIT


def feed(db, stage: int, fed: list[tuple[dict, str | None]]) -> tuple[dict, float]:
    """Feed items (with the posting each must merge into, or None) from two sources; returns
    counts and seconds per sighting."""
    counts = {"copies": 0, "found": 0, "merges": 0, "right": 0}
    wall = 0.0
    for n, source in enumerate((f"board-{stage}", f"blog-{stage}")):
        batch = fed[n::2]
        items = [{**it, "source": source} for it, _ in batch]
        start = time.perf_counter()
        record_run(
            db,
            {"id": source, "platform": "bench", "url": f"https://{source}.example/"},
            items,
            started=datetime.now(UTC),
            close_missing=False,
        )
        wall += time.perf_counter() - start
        for it, (_, original) in zip(items, batch, strict=True):
            got = db["sightings"].get(sighting_id(source, it))["posting_id"]
            merged = db["sightings"].count_where("posting_id = ?", [got]) > 1
            counts["copies"] += original is not None
            counts["found"] += got == original
            counts["merges"] += merged
            counts["right"] += merged and got == original
    return counts, wall / len(fed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1/10 of each store size")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--copies", type=int, default=1000, help="copies fed at each size")
    args = parser.parse_args(argv)
    sizes = [s // 10 for s in SIZES] if args.quick else list(SIZES)
    copies = args.copies // 10 if args.quick else args.copies
    corpus, rng = Corpus(seed=args.seed), random.Random(args.seed)
    orgs = organisations(corpus)
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    worst = 1.0
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "bench.db")
        stored: list[dict] = []
        used: set[str] = set()
        for stage, size in enumerate(sizes):
            start = time.perf_counter()
            stored += grow(db, corpus, orgs, len(stored), size)
            built = time.perf_counter() - start
            biggest = next(
                db.query(
                    "select count(*) as n from postings where id glob 'p[0-9]*' "
                    "group by organization order by n desc limit 1"
                )
            )["n"]
            originals = rng.sample([p for p in stored if p["id"] not in used], copies)
            used.update(p["id"] for p in originals)
            fed = [
                (
                    item(
                        p if i % 2 == 0 else {**p, "description": light_edit(corpus, p["text"])},
                        f"https://copy-{stage}.example/job/{i}",
                    ),
                    p["id"],
                )
                for i, p in enumerate(originals)
            ]
            beyond = sum(beyond_block(db, p) for p in originals)
            fresh = [
                stored_posting(corpus, len(SIZES) * 10**6 + stage * 10**5 + i, *orgs)
                for i in range(copies // 4)
            ]
            relocated = [moved(corpus, p, rng) for p in rng.sample(stored, copies // 4)]
            fed += [
                (item(p, f"https://new-{stage}.example/job/{i}"), None)
                for i, p in enumerate(fresh + relocated)
            ]
            rng.shuffle(fed)
            counts, per_sighting = feed(db, stage, fed)
            recall = counts["found"] / counts["copies"]
            precision = counts["right"] / counts["merges"] if counts["merges"] else 1.0
            worst = min(worst, recall)
            size_mib = sum(f.stat().st_size for f in Path(tmp).iterdir()) / 2**20
            print(
                f"{size:>7,} stored postings (largest organisation {biggest:,}; added in "
                f"{built:.1f} s; store {size_mib:,.0f} MiB)\n"
                f"  fed {len(fed):,} sightings: {counts['copies']:,} copies (half identical, half "
                f"edited; {beyond:,} beyond their organisation's {BLOCK_LIMIT} most recent), "
                f"{len(fed) - counts['copies']:,} new jobs\n"
                f"  recall {recall:.3f}  precision {precision:.3f}  "
                f"({counts['found']:,} found, {counts['merges'] - counts['right']:,} wrong "
                f"merges)  {per_sighting * 1000:.1f} ms per sighting"
            )
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    if worst < TARGET:
        print(f"recall {worst:.3f} is below the target of {TARGET}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
