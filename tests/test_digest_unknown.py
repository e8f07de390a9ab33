"""The ambiguous window: after the message body went to the relay, no reply means `unknown`.

Real aiosmtpd on 127.0.0.1 that keeps a message and then drops the connection, or delays its
250 while the sending process is killed; such digests are never re-sent automatically.
"""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from email.message import EmailMessage

import pytest

from digest import resolve_unknown, unsubscribe
from digest.send import Mailer
from digest.unsubscribe import token_for
from rightsjobs.errors import InputError
from tests import test_digest_delivery as delivery
from tests.test_digest_cli import env_for
from tests.test_digest_delivery import AS_OF, FAST, SECRET, WEEK, digest_row, send

# The delivery tests' fixtures: a real SMTP server on 127.0.0.1, settings for it, a store.
db, smtp, settings, three = delivery.db, delivery.smtp, delivery.settings, delivery.three


def delivered(db, profile_id: str) -> set[str]:
    rows = db.query("select posting_id from deliveries where profile_id = ?", [profile_id])
    return {r["posting_id"] for r in rows}


def test_a_drop_after_the_message_is_unknown_and_never_resent(three, settings, smtp):
    smtp.drop_data = {1}  # aigul's digest is kept by the relay, which then hangs up
    summary = send(three, settings)
    assert (summary["sent"], summary["unknown"], summary["failed"]) == (2, 1, 0)
    assert smtp.data_commands == 3 and len(smtp.to("aigul@example.org")) == 1  # not retried
    row = digest_row(three, "aigul")
    assert (row["status"], row["attempts"]) == ("unknown", 1)
    assert "after the message" in row["error"]
    assert delivered(three, "aigul") == set()
    assert summary["in_doubt"] == [f"aigul:{WEEK}"]

    again = send(three, settings)
    assert (again["sent"], again["unknown"], again["in_doubt"]) == (0, 1, [f"aigul:{WEEK}"])
    next_week = send(three, settings, as_of=AS_OF + timedelta(days=7))
    assert next_week["in_doubt"] == [f"aigul:{WEEK}"]
    ids = [msg["Message-ID"] for msg in smtp.to("aigul@example.org")]
    assert ids.count(row["message_id"]) == 1  # neither run re-sent it


def test_resend_unknown_sends_exactly_one_more_copy(three, settings, smtp):
    smtp.drop_data = {1}
    send(three, settings)
    message_id = digest_row(three, "aigul")["message_id"]
    result = resolve_unknown(three, settings, resend=True, **FAST)
    assert (result["sent"], result["in_doubt"]) == (1, [])
    copies = [m for m in smtp.to("aigul@example.org") if m["Message-ID"] == message_id]
    assert len(copies) == 2
    row = digest_row(three, "aigul")
    assert (row["status"], row["attempts"]) == ("sent", 2)
    assert delivered(three, "aigul") == {"p1", "p2"}
    assert send(three, settings)["sent"] == 0
    assert resolve_unknown(three, settings, resend=True, **FAST)["sent"] == 0
    assert len(smtp.messages) == 4


def test_mark_unknown_sent_records_without_sending(three, settings, smtp):
    smtp.drop_data = {1}
    send(three, settings)
    result = resolve_unknown(three, settings, resend=False, digest_ids=[f"aigul:{WEEK}"])
    assert (result["marked_sent"], result["in_doubt"]) == (1, [])
    assert len(smtp.messages) == 3
    assert digest_row(three, "aigul")["status"] == "sent"
    assert delivered(three, "aigul") == {"p1", "p2"}
    with pytest.raises(InputError, match="not in doubt"):
        resolve_unknown(three, settings, resend=True, digest_ids=[f"aigul:{WEEK}"])


def test_resend_unknown_skips_a_person_who_unsubscribed_since(three, settings, smtp):
    smtp.drop_data = {1}
    send(three, settings)
    unsubscribe(three, token_for(three, "aigul", SECRET), SECRET)
    result = resolve_unknown(three, settings, resend=True, **FAST)
    assert result["sent"] == 0 and result["in_doubt"] == [f"aigul:{WEEK}"]
    assert result["profiles"][0]["status"] == "unsubscribed"
    assert len(smtp.messages) == 3


def test_no_reply_within_the_data_timeout_is_unknown(settings, smtp):
    smtp.hold = 1.5
    msg = EmailMessage()
    msg["Subject"] = "hello"
    msg.set_content("hello")
    with Mailer(settings, data_timeout=0.3, **FAST) as mailer:
        outcome = mailer.send(msg, "aigul@example.org")
    assert (outcome.status, outcome.attempts) == ("unknown", 1)
    assert smtp.data_commands == 1


def test_a_drop_before_the_message_is_retried_as_before(three, settings, smtp):
    smtp.drop_rcpt = {1}
    summary = send(three, settings)
    assert (summary["sent"], summary["unknown"]) == (3, 0)
    assert digest_row(three, "aigul")["attempts"] == 2
    assert len(smtp.messages) == 3


def test_a_run_killed_while_waiting_for_the_250_leaves_unknown(three, settings, smtp, tmp_path):
    smtp.hold = 20  # the relay keeps the message and takes its time to say 250
    env = os.environ | env_for(smtp, tmp_path)  # the store is tmp_path / t.db, as --db says
    args = ["digest", "--send", "--as-of", AS_OF.isoformat(), "--db", str(tmp_path / "t.db")]
    proc = subprocess.Popen(
        [sys.executable, "-m", "rightsjobs", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not smtp.messages and time.monotonic() < deadline:
            time.sleep(0.05)
        assert smtp.messages, "the digest never reached the relay"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert digest_row(three, "aigul")["status"] == "sending"

    smtp.hold = 0
    summary = send(three, settings)
    assert (summary["sent"], summary["in_doubt"]) == (2, [f"aigul:{WEEK}"])
    row = digest_row(three, "aigul")
    assert row["status"] == "unknown" and "interrupted" in row["error"]
    assert len(smtp.to("aigul@example.org")) == 1
