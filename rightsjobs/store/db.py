"""Opening the store, and the one way to write to it: `transaction` (`BEGIN IMMEDIATE`)."""

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from rightsjobs.errors import InputError
from rightsjobs.store.migrations import migrations

BUSY_TIMEOUT = 30.0  # seconds a write waits for another writer (crawl: RIGHTSJOBS_BUSY_TIMEOUT)
BUSY_RETRY = 0.05  # pause before retrying a BEGIN that SQLite refused without waiting


def open_db(
    path: str | Path, *, create: bool = True, busy_timeout: float = BUSY_TIMEOUT
) -> Database:
    """Open (creating and upgrading as needed) the database at `path`.

    Writes wait up to `busy_timeout` seconds for another process's write to finish.
    """
    path = Path(path)
    if not create and not path.exists():
        raise InputError(
            "no database here yet (run `rightsjobs crawl` or `demo` first)", where=str(path)
        )
    if path.parent and not path.parent.exists():
        raise InputError("its folder does not exist", where=str(path))
    try:
        db = Database(path)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        migrations.apply(db)
    except sqlite3.OperationalError as exc:
        raise InputError(f"cannot open the database ({exc})", where=str(path)) from None
    except sqlite3.DatabaseError as exc:
        raise InputError(f"not a rightsjobs database ({exc})", where=str(path)) from None
    return db


def database_file(db: Database) -> str | None:
    """The path of the database's file; None for a database in memory."""
    for _, name, path in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and path:
            return path
    return None


def is_busy(exc: sqlite3.Error) -> bool:
    """Whether SQLite refused because another connection holds the lock (SQLITE_BUSY)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return (code & 0xFF == sqlite3.SQLITE_BUSY) if code is not None else "locked" in str(exc)


def begin_immediate(db: Database) -> None:
    """Start a write transaction now, waiting (busy_timeout) for any other writer.

    A deferred `BEGIN` that reads before it writes cannot wait for the lock: SQLite refuses
    the upgrade at once. `BEGIN IMMEDIATE` takes the write lock first, through the busy
    handler; it is retried while the timeout lasts when SQLite answered busy without waiting.
    """
    timeout = db.execute("PRAGMA busy_timeout").fetchone()[0] / 1000
    deadline = time.monotonic() + timeout
    while True:
        try:
            db.conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
            if time.monotonic() >= deadline:
                where = database_file(db) or "database"
                raise InputError(
                    f"could not write: another process kept it locked for over {timeout:g} s",
                    where=where,
                ) from None
            time.sleep(BUSY_RETRY)


@contextlib.contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """Every write of the project: one `BEGIN IMMEDIATE` transaction, committed on success.

    Nested use becomes a savepoint of the open transaction (as `Database.atomic` does).
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    begin_immediate(db)
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    try:
        db.conn.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise
