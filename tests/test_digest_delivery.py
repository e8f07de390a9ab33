"""Digest runs against a real SMTP server on 127.0.0.1: exactly once, retries, failures, outbox."""

import asyncio
import json
import socket
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from digest import preview, run_digests, verify_token
from digest.send import Mailer
from rightsjobs.config import Settings
from rightsjobs.profiles import validate_profile
from rightsjobs.store import encode, open_db, record_matches, seen_postings, upsert_profiles
from tests.conftest import posting_row

AS_OF = date(2026, 11, 25)  # a Wednesday in 2026-W48
WEEK = "2026-W48"
FAST = {"attempts": 3, "base_delay": 0.01}
SECRET = "0123456789abcdef0123456789abcdef-test"


class Recorder:
    """An SMTP handler that keeps what it accepts; answers 451 to chosen DATA commands
    (1-based) and 550 to chosen recipients. Misbehaving relays: `drop_rcpt` closes the
    connection at chosen RCPT commands (before the message is handed over), `drop_data` keeps
    the message of chosen DATA commands and then closes without a reply, and `hold` waits that
    many seconds before the 250."""

    def __init__(self) -> None:
        self.messages: list = []
        self.data_commands = 0
        self.rcpt_commands = 0
        self.fail_data: set[int] = set()
        self.drop_data: set[int] = set()
        self.drop_rcpt: set[int] = set()
        self.hold = 0.0
        self.reject: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.rcpt_commands += 1
        if self.rcpt_commands in self.drop_rcpt:
            server.transport.close()
            return "250 OK"  # never reaches the client
        if address in self.reject:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.data_commands += 1
        if self.data_commands in self.fail_data:
            return "451 4.3.0 try again later"
        msg = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((envelope.rcpt_tos[0], msg))
        if self.data_commands in self.drop_data:
            server.transport.close()
            return "250 OK"  # never reaches the client
        if self.hold:
            await asyncio.sleep(self.hold)
        return "250 OK"

    def to(self, address: str) -> list:
        return [msg for rcpt, msg in self.messages if rcpt == address]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(handler: Recorder, port: int, **kw) -> Controller:
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kw)
    controller.start()
    return controller


@pytest.fixture
def smtp():
    handler, port = Recorder(), free_port()
    controller = serve(handler, port)
    handler.port = port
    yield handler
    controller.stop()


@pytest.fixture
def settings(tmp_path, smtp):
    return Settings(
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        smtp_security="none",
        sender="rightsjobs <digest@rightsjobs.example.org>",
        base_url="https://jobs.example.org",
        secret=SECRET,
        outbox=tmp_path / "outbox",
        send_rate=0,
    )


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "t.db")
    yield database
    database.close()


def add_posting(db, pid: str, title: str, **fields) -> None:
    row = {"is_vacancy": 1, "status": "open", "first_seen": "2026-11-20T08:00:00+00:00"}
    db["postings"].insert(encode(posting_row(pid, title, **{**row, **fields})))


def add_profile(db, pid: str, matches: list[str], **fields) -> None:
    upsert_profiles(
        db, [validate_profile({"id": pid, "email": f"{pid}@example.org", **fields}, pid)]
    )
    record_matches(
        db,
        pid,
        [
            {"id": m, "score": 1 - i / 10, "why": {"matched_terms": [f"fits {pid}"]}}
            for i, m in enumerate(matches)
        ],
        AS_OF,
    )


@pytest.fixture
def three(db):
    """Three weekly profiles matching two postings each."""
    add_posting(db, "p1", "Digital Campaigner")
    add_posting(db, "p2", "Legal Researcher")
    add_posting(db, "p3", "Field Monitor")
    add_profile(db, "aigul", ["p1", "p2"], name="Aigul")
    add_profile(db, "bolat", ["p2", "p3"])
    add_profile(db, "chen", ["p3", "p1"])
    return db


def send(db, settings, **kw):
    return run_digests(db, settings, as_of=kw.pop("as_of", AS_OF), send=True, **FAST, **kw)


def digest_row(db, pid: str, period: str = WEEK) -> dict:
    return db["digests"].get(f"{pid}:{period}")


def test_messages_arrive_with_parts_headers_and_postings(three, settings, smtp):
    summary = send(three, settings)
    assert (summary["built"], summary["sent"], summary["failed"]) == (3, 3, 0)
    assert sorted(r for r, _ in smtp.messages) == [
        "aigul@example.org",
        "bolat@example.org",
        "chen@example.org",
    ]
    ids = [msg["Message-ID"] for _, msg in smtp.messages]
    assert len(set(ids)) == 3 and all(i.endswith("@rightsjobs.example.org>") for i in ids)
    (msg,) = smtp.to("aigul@example.org")
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert msg["Subject"] == "Your human-rights jobs, 23–29 November 2026"
    assert msg["From"] == "rightsjobs <digest@rightsjobs.example.org>"
    assert msg["To"] == "Aigul <aigul@example.org>"
    assert msg["Date"] and msg["Reply-To"]
    mailto, https = [h.strip().strip("<>") for h in msg["List-Unsubscribe"].split(",")]
    assert mailto.startswith("mailto:digest@rightsjobs.example.org?subject=unsubscribe%20")
    assert https.startswith("https://jobs.example.org/unsubscribe/")
    token = https.rsplit("/", 1)[1]
    assert verify_token(three, token, SECRET) == "aigul" and mailto.endswith(token)
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = (p.get_content() for p in msg.iter_parts())
    for part in (text, html):
        assert "Digital Campaigner" in part and "Legal Researcher" in part
        assert "Field Monitor" not in part
        assert "fits aigul" in part
    assert text.index("Digital Campaigner") < text.index("Legal Researcher")  # best first
    row = digest_row(three, "aigul")
    assert row["status"] == "sent" and row["message_id"] == msg["Message-ID"]
    assert json.loads(row["posting_ids"]) == ["p1", "p2"]
    deliveries = {(d["profile_id"], d["posting_id"]) for d in three["deliveries"].rows}
    assert len(deliveries) == 6 and ("aigul", "p1") in deliveries


def test_rerunning_the_same_period_sends_nothing(three, settings, smtp):
    send(three, settings)
    again = send(three, settings)
    assert (again["sent"], again["built"], again["already_sent"]) == (0, 0, 3)
    assert len(smtp.messages) == 3


def test_a_451_on_the_third_message_is_retried_and_all_arrive_once(three, settings, smtp):
    smtp.fail_data = {3}
    summary = send(three, settings)
    assert (summary["sent"], summary["failed"]) == (3, 0)
    assert sorted(r for r, _ in smtp.messages) == [
        f"{p}@example.org" for p in ("aigul", "bolat", "chen")
    ]
    assert smtp.data_commands == 4
    assert [digest_row(three, p)["attempts"] for p in ("aigul", "bolat", "chen")] == [1, 1, 2]
    assert send(three, settings)["sent"] == 0 and len(smtp.messages) == 3


def test_a_550_for_one_recipient_is_recorded_and_the_others_go_on(three, settings, smtp):
    smtp.reject = {"bolat@example.org"}
    summary = send(three, settings)
    assert (summary["sent"], summary["failed"]) == (2, 1)
    assert sorted(r for r, _ in smtp.messages) == ["aigul@example.org", "chen@example.org"]
    row = digest_row(three, "bolat")
    assert row["status"] == "failed" and "550" in row["error"] and row["attempts"] == 1
    assert not list(three.query("select * from deliveries where profile_id = 'bolat'"))
    again = send(three, settings)  # a permanent failure is not retried automatically
    assert (again["sent"], again["previously_failed"]) == (0, 1)
    assert len(smtp.messages) == 2


def test_a_killed_run_is_completed_with_the_same_message_id(three, settings, smtp):
    three["digests"].insert(
        {
            "id": f"aigul:{WEEK}",
            "profile_id": "aigul",
            "period": WEEK,
            "posting_ids": json.dumps(["p2"]),
            "message_id": "<killed.1@rightsjobs.example.org>",
            "status": "pending",
            "created": "2026-11-25T06:00:00+00:00",
            "attempts": 1,
        }
    )
    summary = send(three, settings)
    assert summary["sent"] == 3
    (msg,) = smtp.to("aigul@example.org")
    assert msg["Message-ID"] == "<killed.1@rightsjobs.example.org>"
    text = msg.get_body(("plain",)).get_content()
    assert "Legal Researcher" in text and "Digital Campaigner" not in text  # the same postings
    row = digest_row(three, "aigul")
    assert (row["status"], row["attempts"]) == ("sent", 2)
    assert send(three, settings)["sent"] == 0 and len(smtp.messages) == 3


def test_an_attempt_left_from_an_earlier_week_is_sent_before_the_new_one(three, settings, smtp):
    three["digests"].insert(
        {
            "id": "aigul:2026-W47",
            "profile_id": "aigul",
            "period": "2026-W47",
            "posting_ids": json.dumps(["p1"]),
            "message_id": "<w47@rightsjobs.example.org>",
            "status": "failed-temporary",
            "attempts": 4,
        }
    )
    send(three, settings, profile_ids=["aigul"])
    first, second = smtp.to("aigul@example.org")
    assert first["Message-ID"] == "<w47@rightsjobs.example.org>"
    assert "Digital Campaigner" not in second.get_body(("plain",)).get_content()  # delivered in W47
    assert digest_row(three, "aigul", "2026-W47")["status"] == "sent"


def test_escaped_hostile_titles_in_both_parts(db, settings, smtp):
    add_posting(db, "x1", "<script>alert(1)</script>", organization="<img src=x onerror=alert(1)>")
    add_posting(db, "x2", "Officer", url="javascript:alert(1)", apply_url=None)
    add_profile(db, "aigul", ["x1", "x2"])
    send(db, settings)
    (msg,) = smtp.messages[0][1:]
    text, html = (p.get_content() for p in msg.iter_parts())
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html


def test_extended_or_reopened_postings_come_back_marked(three, settings, smtp):
    send(three, settings, profile_ids=["aigul"])
    assert seen_postings(three, "aigul") == {"p1", "p2"}
    sends = {p: three["deliveries"].get(("aigul", p))["sends"] for p in ("p1", "p2")}
    assert sends == {"p1": 1, "p2": 1}
    three["postings"].update("p1", {"deadline": "2027-01-10"})
    hours_ago = [(datetime.now(UTC) - timedelta(hours=h)).isoformat() for h in (2, 1)]
    three["deliveries"].update(("aigul", "p2"), {"sent_at": hours_ago[0]})
    three["postings"].update("p2", {"reopened_at": hours_ago[1]})  # reopened after delivery
    add_posting(three, "p4", "Programme Officer")
    three["hidden"].insert({"profile_id": "aigul", "posting_id": "p4", "at": "2026-11-26"})
    assert seen_postings(three, "aigul") == {"p4"}
    record_matches(
        three, "aigul", [{"id": p, "score": 0.5, "why": {}} for p in ("p1", "p2", "p4")], AS_OF
    )
    next_week = AS_OF + timedelta(days=7)
    summary = send(three, settings, profile_ids=["aigul"], as_of=next_week)
    assert summary["sent"] == 1
    msg = smtp.to("aigul@example.org")[1]
    for part in (p.get_content() for p in msg.iter_parts()):
        assert "deadline extended" in part.lower() and "10 January 2027" in part
        assert "reopened" in part.lower()
        assert "Programme Officer" not in part
    assert three["deliveries"].get(("aigul", "p1"))["deadline"] == "2027-01-10"
    sends = {p: three["deliveries"].get(("aigul", p))["sends"] for p in ("p1", "p2")}
    assert sends == {"p1": 2, "p2": 2}  # each carried by both digests
    assert seen_postings(three, "aigul") == {"p1", "p2", "p4"}


def test_closed_postings_are_left_out_and_empty_periods_send_nothing(db, settings, smtp):
    add_posting(db, "old", "Expired Role", deadline="2026-11-01")
    add_posting(db, "gone", "Removed Role", status="closed")
    add_profile(db, "aigul", ["old", "gone"])
    summary = send(db, settings)
    assert (summary["empty_skipped"], summary["sent"]) == (1, 0) and not smtp.messages
    summary = send(db, settings, send_empty=True)
    assert summary["sent"] == 1
    assert smtp.messages[0][1]["Subject"].startswith("No new human-rights jobs")


def test_max_items_and_profiles_without_email(db, settings, smtp):
    for i in range(5):
        add_posting(db, f"p{i}", f"Role {i}")
    add_profile(db, "aigul", [f"p{i}" for i in range(5)], max_items=2)
    upsert_profiles(db, [validate_profile({"id": "noemail"}, "x")])
    summary = send(db, settings)
    assert (summary["sent"], summary["no_email"]) == (1, 1)
    assert json.loads(digest_row(db, "aigul")["posting_ids"]) == ["p0", "p1"]


def test_outbox_mode_writes_files_and_counts_as_not_sent(three, settings, smtp):
    summary = run_digests(three, settings, as_of=AS_OF, send=False)
    assert (summary["outbox"], summary["sent"], summary["built"]) == (3, 0, 3)
    eml = settings.outbox / f"aigul-{WEEK}.eml"
    msg = message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Digital Campaigner" in (settings.outbox / f"aigul-{WEEK}.html").read_text()
    assert not [p for p in settings.outbox.iterdir() if p.name.startswith(".")]  # no temp files
    assert digest_row(three, "aigul")["status"] == "outbox"
    assert not smtp.messages and three["deliveries"].count == 0
    assert send(three, settings)["sent"] == 3  # a later --send still sends them
    assert len(smtp.messages) == 3


def test_a_week_given_rebuilds_weekly_profiles_only(three, settings, smtp):
    add_profile(three, "daily", ["p1"], frequency="daily")
    summary = send(three, settings, period="2026-W47")
    assert summary["sent"] == 3 and not smtp.to("daily@example.org")
    assert digest_row(three, "aigul", "2026-W47")["status"] == "sent"
    send(three, settings)
    (daily,) = smtp.to("daily@example.org")
    assert daily["Subject"] == "Your human-rights jobs, 25 November 2026"


def test_an_unreachable_relay_defers_the_batch_to_the_next_run(three, settings, smtp):
    down = replace(settings, smtp_port=free_port())
    summary = send(three, down)
    assert (summary["failed"], summary["deferred"], summary["sent"]) == (1, 2, 0)
    row = digest_row(three, "aigul")
    assert row["status"] == "failed-temporary" and row["attempts"] == 3
    summary = send(three, settings)
    assert summary["sent"] == 3
    assert smtp.to("aigul@example.org")[0]["Message-ID"] == row["message_id"]


def test_starttls_required_but_not_offered_stops_without_sending(three, settings, smtp):
    summary = send(three, replace(settings, smtp_security="starttls"))
    assert (summary["sent"], summary["failed"], summary["deferred"]) == (0, 1, 2)
    assert "STARTTLS" in digest_row(three, "aigul")["error"]
    assert not smtp.messages


def test_login_when_a_user_is_set(three, settings):
    logins = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        logins.append((auth_data.login, auth_data.password))
        return AuthResult(success=auth_data.password == b"pw")

    handler, port = Recorder(), free_port()
    controller = serve(handler, port, authenticator=authenticator, auth_require_tls=False)
    try:
        relay = replace(settings, smtp_port=port, smtp_user="mailer", smtp_password="pw")
        assert send(three, relay)["sent"] == 3
        assert logins == [(b"mailer", b"pw")] and len(handler.messages) == 3
    finally:
        controller.stop()


class StillClock:
    """A clock that only the mailer's own pauses move: a slow machine changes nothing."""

    def __init__(self) -> None:
        self.now, self.pauses = 100.0, []

    def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.now += seconds


def test_send_rate_spaces_messages(settings, smtp):
    clock = StillClock()
    mailer = Mailer(replace(settings, send_rate=4), sleep=clock.sleep, clock=lambda: clock.now)
    with mailer:
        for n in range(3):
            msg = EmailMessage()
            msg["Subject"] = f"message {n}"
            msg.set_content("hello")
            assert mailer.send(msg, "aigul@example.org").status == "sent"
    assert clock.pauses == [0.25, 0.25]
    assert len(smtp.messages) == 3


def test_preview_writes_the_html(three, settings, tmp_path):
    path = preview(three, settings, "aigul", AS_OF, tmp_path / "aigul.html")
    assert "Digital Campaigner" in path.read_text()
    assert three["digests"].count == 0
