"""Progress of long steps on standard error: alive on a terminal, plain lines in a log.

On a terminal one line is rewritten in place as the step advances; in a log (cron's output
file) a plain line is written at most every `every` seconds, so a slow step still shows it is
alive without flooding the log. Data never goes here: standard output stays data.
"""

import sys
import time
from collections.abc import Callable
from typing import TextIO

DEFAULT_EVERY = 10.0  # seconds between plain progress lines in a log


class Progress:
    """`update(done, note)` as a step advances; `close()` (or leaving the `with`) ends it."""

    def __init__(
        self,
        label: str,
        total: int | None = None,
        *,
        every: float = DEFAULT_EVERY,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label, self.total, self.every, self.clock = label, total, every, clock
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.started = self.last = clock()
        self.shown = False

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def text(self, done: int, note: str) -> str:
        count = f"{done}/{self.total}" if self.total is not None else str(done)
        elapsed = int(self.clock() - self.started)
        return f"{self.label}: {count}{f' {note}' if note else ''} ({elapsed} s)"

    def update(self, done: int, note: str = "") -> None:
        """Report `done` (of `total`); shown when enough time passed since the last report."""
        now = self.clock()
        if now - self.last < (0.2 if self.live else self.every):
            return
        self.last = now
        if self.live:
            self.stream.write(f"\r\033[K{self.text(done, note)}")
        else:
            self.stream.write(self.text(done, note) + "\n")
        self.stream.flush()
        self.shown = True

    def echo(self, line: str) -> None:
        """A line of its own (say, a finished source), written above the live line."""
        if self.live and self.shown:
            self.stream.write("\r\033[K")
            self.shown = False
        self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Clear the live line (the step's own closing summary follows)."""
        if self.live and self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
