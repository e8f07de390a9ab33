"""`digest --send` meeting another writer (say, a crawl) just after the relay accepted: the
digest is still marked sent once the writer finishes, so a rerun sends nothing."""

import pytest

from digest import run_digests
from rightsjobs.config import Settings
from rightsjobs.store import open_db
from tests.other_writer import Writer
from tests.test_digest_delivery import (
    AS_OF,
    FAST,
    Recorder,
    add_posting,
    add_profile,
    free_port,
    serve,
)


class LockingRecorder(Recorder):
    """Accepts each message only after another writer has taken the database for 2 s."""

    def __init__(self, path) -> None:
        super().__init__()
        self.path, self.writers = path, []

    async def handle_DATA(self, server, session, envelope):
        self.writers.append(Writer(self.path, seconds=2).start())
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def relay(tmp_path):
    handler, port = LockingRecorder(tmp_path / "t.db"), free_port()
    controller = serve(handler, port)
    handler.port = port
    yield handler
    controller.stop()


def test_sent_digests_are_marked_once_the_other_writer_finishes(tmp_path, relay):
    db = open_db(tmp_path / "t.db")
    add_posting(db, "p1", "Digital Campaigner")
    add_posting(db, "p2", "Legal Researcher")
    add_profile(db, "aigul", ["p1", "p2"])
    add_profile(db, "bolat", ["p2"])
    settings = Settings(
        smtp_host="127.0.0.1",
        smtp_port=relay.port,
        smtp_security="none",
        sender="rightsjobs <digest@rightsjobs.example.org>",
        base_url="https://jobs.example.org",
        secret="a-test-secret-that-is-long-enough-0123456789",
        outbox=tmp_path / "outbox",
        send_rate=0,
    )
    first = run_digests(db, settings, as_of=AS_OF, send=True, **FAST)
    assert first["sent"] == 2 and len(relay.messages) == 2
    assert len(relay.writers) == 2 and all(w.done.is_set() for w in relay.writers)
    statuses = {r["profile_id"]: r["status"] for r in db.query("select * from digests")}
    assert statuses == {"aigul": "sent", "bolat": "sent"}
    assert db["deliveries"].count == 3

    again = run_digests(db, settings, as_of=AS_OF, send=True, **FAST)
    assert again["sent"] == 0 and len(relay.messages) == 2
