"""Extraction gives the same output in every process."""

import os
import subprocess
import sys
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_extraction_is_the_same_whatever_the_string_hashes():
    """The taggers summed their weights in a set's order, which Python's hash seed sets: a
    near tie between two seniority classes (corpus item m008) went either way by process."""
    script = (
        "import json, sys; from eval import corpus; from understand import extract_many; "
        "items = [i for i in corpus.load_items() if i['id'] in ('m008', 'b030', 'k023')]; "
        "out = extract_many([{'id': i['id'], 'url': i.get('url'), 'text': i['text']} "
        "for i in items]); print(json.dumps(out, sort_keys=True))"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    ]
    assert runs[0] and runs[0] == runs[1] == runs[2]


def test_a_batch_shared_out_to_processes_gives_each_record_its_own_output():
    """`extract_many` forks workers for a large batch: the outputs come back whole, in the
    records' order, as one process gives them (the vacancy classifier scores each part as a
    batch of its own)."""
    from eval import corpus
    from understand import PARALLEL_FROM, extract_many

    assert threading.active_count() == 1  # else extract_many keeps the work in this process
    items = corpus.load_items()[: PARALLEL_FROM + 7]
    records = [{"id": i["id"], "url": i.get("url"), "text": i["text"][:2000]} for i in items]
    alone = extract_many(records, processes=1)
    assert [o["id"] for o in alone] == [i["id"] for i in items]
    assert extract_many(records, processes=3) == alone
    assert extract_many(records) == alone  # the default: one process per CPU
