"""Work shared out to forked processes (`rightsjobs.forked`)."""

import subprocess
import sys
import threading
from pathlib import Path

from rightsjobs.forked import in_parts

REPO = Path(__file__).resolve().parent.parent

# In a fresh interpreter: threads left by other tests would keep the work in this process.
FORKED = """
import os, sys
sys.path.insert(0, sys.argv[1])
from rightsjobs.forked import in_parts

parent = os.getpid()
parts = in_parts(lambda part: [(x * 2, os.getpid()) for x in part], list(range(30)), 2)
assert len(parts) == 8, parts  # four parts a process, in order
assert [x for part in parts for x, _ in part] == [x * 2 for x in range(30)]
assert parent not in {pid for part in parts for _, pid in part}


def dies_in_a_worker(part):
    if os.getpid() != parent:
        os._exit(1)  # as the kernel's OOM killer would end it
    return sum(part)


assert in_parts(dies_in_a_worker, list(range(30)), 2) == [sum(range(30))]

# `then` runs here, on each part as it arrives, in order; on the whole after a worker died
arrived = []
assert in_parts(sum, list(range(30)), 2, then=lambda s: arrived.append(s) or -s) == [
    -s for s in arrived
]
assert len(arrived) == 8 and sum(arrived) == sum(range(30))
arrived.clear()
assert in_parts(dies_in_a_worker, list(range(30)), 2, then=lambda s: arrived.append(s) or s) == [
    sum(range(30))
]
assert arrived[-1] == sum(range(30))
"""


def test_parts_are_done_in_forked_processes_in_order_and_a_dead_worker_falls_back():
    run = subprocess.run([sys.executable, "-c", FORKED, str(REPO)], capture_output=True)
    assert run.returncode == 0, run.stderr.decode()


def test_work_stays_in_this_process_while_other_threads_run():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert in_parts(list, [1, 2, 3], 2) == [[1, 2, 3]]
    finally:
        stop.set()
        other.join()


def test_one_process_or_one_item_is_done_here():
    assert in_parts(sum, [1, 2, 3], 1) == [6]
    assert in_parts(sum, [5], 4) == [5]
    assert in_parts(sum, [1, 2, 3], 1, then=str) == ["6"]
