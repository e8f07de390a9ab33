"""Benchmark of the matcher on a synthetic corpus (a script, not a test).

    .venv/bin/python bench/bench_matcher.py [--quick] [--seed N]

Ranks the top 20 of 100,000 postings for each of 10,000 profiles (1/10 of both with --quick)
and prints, in one run: index build, ranking wall and CPU time, peak memory and profiles/s for
our ranker; the same for a naive per-profile loop and for rank_bm25 (on samples, extrapolated);
ranking time at 10%, 30% and 100% of the postings; adding a week's postings to an index; and
`rightsjobs match` on a store, first and then weekly with each week's shortlists delivered,
the last after a year of digests and followed by building 1,000 digests.
"""

import argparse
import hashlib
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]  # synthetic.py, and this checkout's matcher

from synthetic import Corpus  # noqa: E402

from digest.run import run_digests  # noqa: E402
from matcher import Index, fit  # noqa: E402
from matcher.saved import load_memory  # noqa: E402
from matcher.search import search_threads  # noqa: E402
from matcher.text import WORD, profile_document  # noqa: E402
from rightsjobs.config import Settings  # noqa: E402
from rightsjobs.coverage import coverage  # noqa: E402
from rightsjobs.matching import index_folder, match_all  # noqa: E402
from rightsjobs.store import (  # noqa: E402
    encode,
    now_iso,
    open_db,
    record_deliveries,
    transaction,
    upsert_profiles,
)

K = 20
WEEK = 0.02  # share of the corpus that a week brings
WEEKS = 3  # weekly matches after the first
WEEKDAYS = timedelta(days=7)
DIGESTS = 1_000  # profiles whose digests are built after the last match


def clock(fn, *args, **kwargs):
    """(result, wall seconds, CPU seconds) of a call."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - wall, time.process_time() - cpu


def traced(fn, *args, **kwargs):
    """(result, peak MiB allocated during the call)."""
    tracemalloc.start()
    out = fn(*args, **kwargs)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return out, peak


def naive(index: Index, profiles: list[dict], as_of) -> list[list[str]]:
    """One profile at a time: cosine with every posting, then the hard requirements checked in
    Python posting by posting, best first, until k pass."""
    out = []
    for profile in profiles:
        query = index.vectoriser.transform([profile_document(profile)[0]])
        scores = (query @ index._x.T).toarray().ravel()
        shown = []
        for j in np.argsort(-scores):
            if scores[j] <= 0 or len(shown) == K:
                break
            if not fit.failures(index.postings[j], profile, as_of):
                shown.append(index.postings[j]["id"])
        out.append(shown)
    return out


def bm25(postings: list[dict], profiles: list[dict]) -> tuple[float, float, int]:
    """(index seconds, seconds per profile, profiles timed) of rank_bm25's BM25Okapi, text only."""
    from rank_bm25 import BM25Okapi

    def words(text: str) -> list[str]:
        return WORD.findall(text.lower())

    model, build, _ = clock(BM25Okapi, [words(f"{p['title']} {p['text']}") for p in postings])
    sample = profiles[: max(5, min(50, len(profiles) // 200))]
    _, wall, _ = clock(
        lambda: [
            np.argpartition(-model.get_scores(words(f"{q['about']} {' '.join(q['keywords'])}")), K)[
                :K
            ]
            for q in sample
        ]
    )
    return build, wall / len(sample), len(sample)


def stored(posting: dict) -> dict:
    """A synthetic posting as a row of the store's postings table."""
    row = {k: v for k, v in posting.items() if k != "text"}
    digest = f"{posting['title']}|{posting['text']}|{posting['deadline']}"
    return encode(
        {
            **row,
            "description": posting["text"],
            "status": "open",
            "content_hash": hashlib.sha1(digest.encode()).hexdigest(),
        }
    )


def from_store(postings: list[dict], profiles: list[dict], as_of) -> None:
    """Print `rightsjobs match` timings on a store: the first run (which builds and saves the
    index), then WEEKS runs seven days apart, each after a digest delivered every shortlist
    and a week of changes (2% new postings, 1% closed, 0.5% rewritten, and those whose
    deadline passed) that update the saved index; with how many profiles each run searched
    in full (the others only among the postings they kept and the week's new ones). The last
    run has a year of deliveries behind it (`a_year_delivered`), and DIGESTS profiles' digests
    are then built (`digests`)."""
    week = int(len(postings) * WEEK)
    with tempfile.TemporaryDirectory() as folder:
        db = open_db(Path(folder) / "bench.db")
        db["postings"].insert_all(map(stored, postings[: -week * WEEKS]), batch_size=5000)
        upsert_profiles(db, [{**p, "max_items": K} for p in profiles])
        print(f"\nmatch from the store ({len(profiles):,} profiles, top {K}, `rightsjobs match`):")
        for run in range(WEEKS + 1):
            day = as_of + run * WEEKDAYS
            if run:
                a_week(db, postings, week, run)
            if run == WEEKS:
                a_year_delivered(db, [p["id"] for p in profiles])
            steps: dict[str, float] = {}
            results, wall, _ = clock(match_all, db, day, steps)
            built = digests(db, folder, sorted(results)[:DIGESTS], day) if run == WEEKS else ""
            deliver(db, results)
            parts = ", ".join(f"{step} {t:.1f} s" for step, t in steps.items())
            open_now = db.execute(
                "select count(*) from postings where status = 'open' "
                "and (ifnull(deadline, '') = '' or deadline >= ?)",
                [day.isoformat()],
            ).fetchone()
            full = load_memory(index_folder(db)).searched_in_full
            name = f"{run} week{'s' * (run > 1)} later" if run else "first run, no saved index"
            if run == WEEKS:
                name += ", after a year of digests"
            print(
                f"  {name} ({open_now[0]:,} open postings, {db['deliveries'].count:,} "
                f"deliveries, {full:,} profiles searched in full):"
                f" {wall:.1f} s wall ({parts})"
            )
            if built:
                print(built)
        print(whole_coverage(db, day))
        db.close()


def whole_coverage(db, day) -> str:
    """A line on the time `rightsjobs coverage` takes for the whole store after the year of
    digests (each posting given one sighting first: the bench stores postings directly)."""
    with transaction(db):
        db.execute(
            "insert into sightings (posting_id, source, url, first_seen, status) "
            "select id, 'bench', 'https://bench.example/' || id, "
            "ifnull(first_seen, '2024-01-01T00:00:00+00:00'), status from postings"
        )
    report, wall, cpu = clock(coverage, db, as_of=day)
    reached = sum(p["digests"] for p in report["postings"])
    return (
        f"  listing coverage of the whole store ({len(report['postings']):,} postings, "
        f"{reached:,} digests reached in all): {wall:.1f} s wall, {cpu:.1f} s CPU"
    )


def digests(db, folder: str, profile_ids: list[str], day) -> str:
    """A line on the time `rightsjobs digest` takes to build these profiles' digests into an
    outbox (real e-mails, written as files; nothing sent), before their delivery is recorded."""
    settings = Settings(db_path=Path(folder) / "bench.db", outbox=Path(folder) / "outbox")
    done, wall, cpu = clock(
        run_digests, db, settings, as_of=day, send=False, profile_ids=profile_ids
    )
    return (
        f"  then the digests of {len(profile_ids):,} of these profiles ({done['outbox']:,} "
        f"written to the outbox, nothing sent): {wall:.1f} s wall, {cpu:.1f} s CPU, "
        f"{wall / len(profile_ids) * 1000:.1f} ms a profile"
    )


def deliver(db, results: dict[str, list[dict]]) -> None:
    """Record every shortlist as delivered, as the weekly digest does."""
    with transaction(db):
        for pid, shortlist in results.items():
            record_deliveries(db, pid, "bench", shortlist, now_iso())


def a_year_delivered(db, profile_ids: list[str]) -> None:
    """Give the store the deliveries of the year of weekly digests before these weeks: K
    postings a week to each profile, of postings closed long since (as many a week as arrive,
    each delivered to an equal share of the profiles)."""
    weeks = 52 - WEEKS
    closing = max(1, int(db["postings"].count * WEEK))
    per_posting = max(1, len(profile_ids) * K // closing)
    old = [f"closed-{w}-{i}" for w in range(weeks) for i in range(closing)]
    with db.atomic():
        db.conn.executemany(
            "insert into postings (id, is_vacancy, status, deadline) values (?, 1, 'closed', ?)",
            ((pid, "2024-01-01") for pid in old),
        )
        db.conn.executemany(
            "insert or ignore into deliveries (profile_id, posting_id, digest_id, status, sends) "
            "values (?, ?, 'bench', 'sent', 1)",
            (
                (profile_ids[(i * per_posting + j) % len(profile_ids)], pid)
                for i, pid in enumerate(old)
                for j in range(per_posting)
            ),
        )


def a_week(db, postings: list[dict], week: int, run: int) -> None:
    """The `run`-th week of changes in the store: the next `week` postings held back arrive,
    half as many of the first still open close and a quarter as many are rewritten."""
    arriving = postings[len(postings) - week * (WEEKS - run + 1) :][:week]
    first = (run - 1) * week
    with db.atomic():
        db["postings"].insert_all(map(stored, arriving), batch_size=5000)
        closed = [p["id"] for p in postings[first : first + week // 2]]
        marks = ",".join("?" * len(closed))
        db.execute(f"update postings set status = 'closed' where id in ({marks})", closed)
        for p in postings[first + week // 2 : first + week // 2 + week // 4]:
            db["postings"].update(p["id"], stored({**p, "text": p["text"] + " rewritten anew"}))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1/10 of the corpus")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    scale = 0.1 if args.quick else 1.0
    n_postings, n_profiles = int(100_000 * scale), int(10_000 * scale)

    corpus = Corpus(args.seed)
    (postings, profiles), gen, _ = clock(
        lambda: (corpus.postings(n_postings), corpus.profiles(n_profiles))
    )
    as_of = corpus.as_of
    print(
        f"corpus: {n_postings:,} postings, {n_profiles:,} profiles, generated in {gen:.1f} s "
        f"(seed {args.seed}, as of {as_of})"
    )

    week = int(n_postings * WEEK)
    Index(postings[:100])  # compile (or load) the build's compiled parts, as a run would once
    index, build, _ = clock(Index, postings[: n_postings - week])
    _, add, _ = clock(index.add, postings[n_postings - week :])
    _, forms, _ = clock(index.write)  # as before a save; a one-off ranking finds them as shown
    index.rank(profiles[:50], K, as_of)  # compile (or load) the search; build the lists
    results, wall, cpu = clock(index.rank, profiles, K, as_of, threads=1)
    threads = search_threads()
    results_n, wall_n, cpu_n = clock(index.rank, profiles, K, as_of)
    assert results_n == results, "the number of threads changed the results"
    _, peak = traced(index.rank, profiles[:1000], K, as_of)
    ours_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10
    shown = sum(map(len, results)) / n_profiles
    print(
        f"\nindex build ({n_postings - week:,} postings): {build:.1f} s; "
        f"add a week ({week:,} postings): {add:.2f} s; how all {n_postings:,} write their "
        f"kept words (found before a save): {forms:.1f} s"
    )
    _, rebuild, _ = clock(Index, postings)
    print(f"full rebuild instead ({n_postings:,} postings): {rebuild:.1f} s")

    ours = n_profiles / min(wall, wall_n)
    print(
        f"\nour ranker: {n_profiles:,} profiles x {n_postings:,} postings, top {K}, "
        f"{shown:.1f} results/profile:"
    )
    print(
        f"  search in 1 thread:  {wall:.1f} s wall, {cpu:.1f} s CPU, "
        f"{n_profiles / wall:,.0f} profiles/s"
    )
    print(
        f"  search in {threads} threads: {wall_n:.1f} s wall, {cpu_n:.1f} s CPU, "
        f"{n_profiles / wall_n:,.0f} profiles/s (the default; same results)"
    )
    print(f"  peak memory allocated while ranking 1,000 profiles (tracemalloc): {peak:,.0f} MiB")
    print(
        f"  peak resident memory so far (corpus, index, ranking; before the baselines): "
        f"{ours_rss:,.0f} MiB"
    )

    from_store(postings, profiles, as_of)

    sample = profiles[: max(10, n_profiles // 200)]
    _, naive_wall, _ = clock(naive, index, sample, as_of)
    naive_rate = len(sample) / naive_wall
    print(
        f"naive per-profile loop: {len(sample)} profiles in {naive_wall:.1f} s, "
        f"{naive_rate:.1f} profiles/s (~{n_profiles / naive_rate / 60:.0f} min for all; "
        f"our best is {ours / naive_rate:,.0f}x faster)"
    )

    bm25_build, per_profile, timed = bm25(postings, profiles)
    print(
        f"rank_bm25 BM25Okapi (text only): index {bm25_build:.1f} s; {timed} profiles timed, "
        f"{per_profile:.2f} s each, {1 / per_profile:.1f} profiles/s "
        f"(~{n_profiles * per_profile / 3600:.1f} h for all, extrapolated; "
        f"our best is {ours * per_profile:,.0f}x faster)"
    )

    print(f"\ngrowth ({n_profiles:,} profiles, top {K}, {threads} threads):")
    for share in (0.1, 0.3, 1.0):
        n = int(n_postings * share)
        part = index if share == 1.0 else Index(postings[:n])
        part.rank(profiles[:50], K, as_of)
        _, t, c = clock(part.rank, profiles, K, as_of)
        print(
            f"  {n:>7,} postings: {t:6.1f} s wall, {c:6.1f} s CPU, "
            f"{c / n_profiles * 1000:.2f} ms CPU per profile"
        )
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10
    print(
        f"\npeak resident memory of the whole run (with the baselines' models and the growth "
        f"indexes): {maxrss:,.0f} MiB; "
        f"load average {os.getloadavg()[0]:.2f} at the end"
    )


if __name__ == "__main__":
    main()
