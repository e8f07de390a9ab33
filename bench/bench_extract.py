"""Benchmark of extraction speed (a script, not a test).

    .venv/bin/python bench/bench_extract.py [--stages]

Runs `understand.extract_many` over the labelled corpus's texts (`eval/corpus`) cut to 2,000
characters, the typical posting of issue 13, after a warm-up on its first five (models and
tables loaded): once in this process, printing postings per second in its CPU time and in wall
time, then again shared out to one forked process per CPU (as `extract_many` does by default
for a large batch), printing wall time and checking that the outputs are the same. Then the
CPU time of each step of the first run: title and organisation, the vacancy classifier, places,
contract, seniority and remote (fields), dates, languages, and the rest (the Doc, contact,
years, the output). Steps are timed by wrapping the functions `understand._extract` calls, so
the run is the real one with a few timer calls added. The target is 500 postings/s on one CPU.
`--stages` also splits steps into their parts: the Doc (normalising, lines) out of the rest,
title and organisation candidates (with their features) out of title/org, the vacancy features
(folding, cues) out of the vacancy classifier.
"""

import argparse
import importlib
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout

import understand  # noqa: E402
from eval.corpus import load_items  # noqa: E402
from rightsjobs import forked  # noqa: E402

CHARS = 2000
TARGET = 500
# Step name -> the functions of `understand` (as `_extract` calls them) whose time it sums.
STEPS = {
    "title/org": ("find_title_and_org",),
    "vacancy": ("vacancy_scores",),
    "places": ("find_places",),
    "fields": ("tag_fields", "tag_remote"),
    "dates": ("posted_date", "deadline"),
    "languages": ("find_languages",),
}
# With --stages: part name -> (its step, "module:function" that the step calls via the module).
PARTS = {
    "doc": ("rest", "understand:_doc"),
    "title candidates": ("title/org", "understand.title:title_candidates"),
    "org candidates": ("title/org", "understand.title:org_candidates"),
    "vacancy features": ("vacancy", "understand.vacancy:features"),
}


def _timed(step: str, func: Callable, spent: dict[str, float]) -> Callable:
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            spent[step] += time.process_time() - start

    return wrapper


def _wrap_parts(spent: dict[str, float]) -> None:
    """Time each part of PARTS by replacing its function in its module."""
    for part, (_, target) in PARTS.items():
        module, name = target.split(":")
        owner = importlib.import_module(module)
        setattr(owner, name, _timed(part, getattr(owner, name), spent))


def main() -> int:
    parser = argparse.ArgumentParser(description="Extraction speed on the labelled corpus.")
    parser.add_argument("--stages", action="store_true", help="split steps into their parts")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    records = [
        {"id": it["id"], "url": it.get("url"), "text": it["text"][:CHARS]} for it in load_items()
    ]
    spent: dict[str, float] = defaultdict(float)
    for step, names in STEPS.items():
        for name in names:
            setattr(understand, name, _timed(step, getattr(understand, name), spent))
    if args.stages:
        _wrap_parts(spent)
    understand.extract_many(records[:5])
    spent.clear()
    wall, cpu = time.perf_counter(), time.process_time()
    one = understand.extract_many(records, processes=1)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    steps = {step: spent[step] for step in STEPS}
    n, cpus = len(records), forked.cpus()
    everywhere = time.perf_counter()
    assert understand.extract_many(records, processes=cpus) == one, "processes changed outputs"
    everywhere = time.perf_counter() - everywhere
    print(f"extract_many: {n} corpus texts cut to {CHARS:,} characters")
    print(f"  in one process: CPU {cpu:6.2f} s, {n / cpu:5.0f} postings/s (target {TARGET})")
    print(f"                  wall {wall:5.2f} s, {n / wall:5.0f} postings/s")
    print(f"  shared out to {cpus} processes (the default from {understand.PARALLEL_FROM} on):")
    print(f"                  wall {everywhere:5.2f} s, {n / everywhere:5.0f} postings/s")
    print("CPU per step, in one process:")
    steps["rest"] = cpu - sum(steps.values())
    for step, seconds in steps.items():
        print(f"  {step:<10} {seconds:6.3f} s  {1000 * seconds / n:5.2f} ms/posting")
        for part in (p for p, (parent, _) in PARTS.items() if args.stages and parent == step):
            took = spent[part]
            print(f"    {part:<18} {took:6.3f} s  {1000 * took / n:5.2f} ms/posting")
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
