"""Another process writing to the same database, as a crawl or a digest run may meet it."""

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path


class Writer:
    """Another process's write: `BEGIN IMMEDIATE` plus an insert on its own connection, held
    in a thread until `release()`, `seconds` pass or `until()` turns true, then committed."""

    def __init__(
        self, path: Path, until: Callable[[], bool] | None = None, seconds: float = 600
    ) -> None:
        self.path, self.until, self.seconds = path, until or (lambda: False), seconds
        self.held, self.released, self.done = (threading.Event() for _ in range(3))
        self.thread = threading.Thread(target=self._hold, daemon=True)

    def start(self) -> "Writer":
        self.thread.start()
        assert self.held.wait(10), "the other writer never got the lock"
        return self

    def release(self) -> None:
        self.released.set()
        assert self.done.wait(10)

    def _hold(self) -> None:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.execute("create table if not exists other_writer (at real)")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("insert into other_writer values (?)", [time.time()])
        self.held.set()
        deadline = time.monotonic() + self.seconds
        while not (self.released.wait(0.05) or self.until() or time.monotonic() > deadline):
            pass
        conn.execute("COMMIT")
        conn.close()
        self.done.set()
