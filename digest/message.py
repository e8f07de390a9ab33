"""Wrap a rendered digest in a MIME message with list headers (RFC 2369, RFC 8058)."""

import uuid
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

from digest.render import Rendered
from rightsjobs.config import Settings

# No folding below SMTP's 998-character limit: folding would RFC 2047-encode the long
# List-Unsubscribe URLs, which mail clients then cannot read.
POLICY = policy.default.clone(max_line_length=998)


def sender_address(settings: Settings) -> str:
    """The bare address of `settings.sender` ('digest@example.org')."""
    return parseaddr(settings.sender)[1]


def new_message_id(settings: Settings) -> str:
    """A unique Message-ID in the sender's domain, like '<digest.1f0c...@example.org>'."""
    domain = sender_address(settings).rpartition("@")[2] or "rightsjobs.invalid"
    return f"<digest.{uuid.uuid4().hex}@{domain}>"


def build_message(
    rendered: Rendered,
    *,
    to: str,
    settings: Settings,
    message_id: str,
    token: str,
    unsubscribe_url: str,
    date: datetime,
) -> EmailMessage:
    """A multipart/alternative message (plain text, then HTML) ready for SMTP."""
    msg = EmailMessage(policy=POLICY)
    msg["Subject"] = rendered.subject
    msg["From"] = settings.sender
    msg["Reply-To"] = settings.sender
    msg["To"] = to
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = message_id
    msg["List-Unsubscribe"] = (
        f"<mailto:{sender_address(settings)}?subject=unsubscribe%20{token}>, <{unsubscribe_url}>"
    )
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(rendered.text)
    msg.add_alternative(rendered.html, subtype="html")
    return msg
