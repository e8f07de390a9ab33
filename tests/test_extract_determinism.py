"""Extraction gives the same output in every process."""

import os
import subprocess
import sys
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


SHARED_OUT = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
import understand
from eval import corpus

batch = understand._extract_batch


def with_pid(records, as_of):  # which process extracted each record
    return [{**out, "pid": os.getpid()} for out in batch(records, as_of)]


understand._extract_batch = with_pid
items = corpus.load_items()[: understand.PARALLEL_FROM + 7]
records = [{"id": i["id"], "url": i.get("url"), "text": i["text"][:2000]} for i in items]
alone = understand.extract_many(records, processes=1)
shared = understand.extract_many(records, processes=3)
assert len({out.pop("pid") for out in shared[1:]}) >= 2  # the first is read before the fork
assert {out.pop("pid") for out in alone} == {shared[0].pop("pid")} == {os.getpid()}
assert [o["id"] for o in alone] == [i["id"] for i in items]
assert shared == alone
"""


def test_a_batch_shared_out_to_processes_gives_each_record_its_own_output():
    """`extract_many` forks workers for a large batch: the outputs come back whole, in the
    records' order, as one process gives them (the vacancy classifier scores each part as a
    batch of its own)."""
    run = subprocess.run([sys.executable, "-c", SHARED_OUT, str(REPO)], capture_output=True)
    assert run.returncode == 0, run.stderr.decode()
