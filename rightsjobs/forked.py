"""Work shared out to forked processes, each reading its part of the input from its copy of
this process's memory (the input, and the models and tables loaded so far, are never pickled;
only the results travel back)."""

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import repeat
from typing import Any, TypeVar

T = TypeVar("T")
U = TypeVar("U")
PARTS_PER_PROCESS = 4  # smaller parts even out the workers' loads


def cpus() -> int:
    """The CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def in_parts(
    work: Callable[[Sequence[Any]], T],
    items: Sequence[Any],
    processes: int,
    then: Callable[[T], U] | None = None,
) -> list[U]:
    """`work` of consecutive parts of `items`, in order, done by `processes` forked processes;
    `[work(items)]` in this process where forking is unsafe (other threads alive) or
    unavailable, for fewer than two processes, and if a worker dies (memory) or no process
    can start. `then`, when given, is applied here to each part's result as it arrives, while
    the workers go on with the next parts (it may be applied again to the whole, should a
    worker die)."""
    after: Callable[[Any], Any] = then or _same
    fork_safe = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    if processes < 2 or not fork_safe or len(items) < 2:
        return [after(work(items))]
    global _SHARED
    _SHARED = (work, items)
    step = -(-len(items) // (processes * PARTS_PER_PROCESS))
    try:
        with ProcessPoolExecutor(processes, multiprocessing.get_context("fork")) as pool:
            return [after(r) for r in pool.map(_part, range(0, len(items), step), repeat(step))]
    except (BrokenProcessPool, OSError):
        return [after(work(items))]
    finally:
        _SHARED = (_nothing, ())


def _same(result: Any) -> Any:
    """A part's result as it is."""
    return result


def _nothing(items: Sequence[Any]) -> None:
    """What a worker would do with nothing shared."""


_SHARED: tuple[Callable[[Sequence[Any]], Any], Sequence[Any]] = (_nothing, ())


def _part(start: int, size: int) -> Any:
    work, items = _SHARED  # the forked worker's copy
    return work(items[start : start + size])
