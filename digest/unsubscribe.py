"""Signed unsubscribe tokens (HMAC-SHA256, URL-safe) and the unsubscribe action."""

import base64
import binascii
import hashlib
import hmac

from sqlite_utils import Database

from rightsjobs.errors import InputError
from rightsjobs.store import now_iso, transaction

PURPOSE = b"rightsjobs-unsubscribe:"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(payload: str, secret: str) -> str:
    if not secret:
        raise InputError(
            "an empty secret cannot sign unsubscribe tokens", where="RIGHTSJOBS_SECRET"
        )
    mac = hmac.new(secret.encode("utf-8"), PURPOSE + payload.encode("ascii"), hashlib.sha256)
    return _b64(mac.digest())


def make_token(profile_id: str, secret: str) -> str:
    """A URL-safe token `payload.signature` naming `profile_id`, signed with `secret`."""
    payload = _b64(profile_id.encode("utf-8"))
    return f"{payload}.{_signature(payload, secret)}"


def verify_token(token: str, secret: str) -> str:
    """The profile id a token names; InputError when it is malformed or its signature is wrong."""
    payload, _, signature = token.strip().partition(".")
    expected = _signature(payload, secret) if payload.isascii() else ""
    if not (payload and expected and hmac.compare_digest(signature.encode(), expected.encode())):
        raise InputError("invalid or tampered unsubscribe token")
    try:
        return _unb64(payload).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InputError("invalid or tampered unsubscribe token") from None


def unsubscribe(db: Database, token: str, secret: str) -> str:
    """Mark the token's profile inactive (no more digests); returns its id. Idempotent."""
    profile_id = verify_token(token, secret)
    with transaction(db):
        found = db.execute(
            "update profiles set active = 0, updated = ? where id = ?", [now_iso(), profile_id]
        ).rowcount
    if not found:
        raise InputError(f"no profile {profile_id!r}", where="unsubscribe")
    return profile_id
