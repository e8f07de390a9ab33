"""Signed unsubscribe tokens (HMAC-SHA256, URL-safe), unsubscribing and re-subscribing.

A token is `PROFILE.VERSION.SIGNATURE`: the base64url profile id, the profile's subscription
version (`profiles.token_version`) and an HMAC over both and the profile's e-mail address. So
a token stops working when the address changes or the person re-subscribes (a new version),
and one cannot be made for an address without the secret.
"""

import base64
import binascii
import hashlib
import hmac

from sqlite_utils import Database

from rightsjobs.errors import InputError
from rightsjobs.store import now_iso, transaction

PURPOSE = b"rightsjobs-unsubscribe:v2:"
INVALID = "invalid, tampered or outdated unsubscribe token"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(payload: str, version: int, email: str, secret: str) -> str:
    if not secret:
        raise InputError(
            "an empty secret cannot sign unsubscribe tokens", where="RIGHTSJOBS_SECRET"
        )
    message = f"{payload}.{version}\n{email.strip().lower()}".encode()
    mac = hmac.new(secret.encode("utf-8"), PURPOSE + message, hashlib.sha256)
    return _b64(mac.digest())


def make_token(profile_id: str, secret: str, *, email: str, version: int) -> str:
    """A URL-safe token for `profile_id` at subscription `version`, bound to `email`."""
    payload = _b64(profile_id.encode("utf-8"))
    return f"{payload}.{version}.{_signature(payload, version, email, secret)}"


def _subscription(db: Database, profile_id: str) -> dict | None:
    rows = db.query(
        "select id, email, token_version, active from profiles where id = ?", [profile_id]
    )
    return next(iter(rows), None)


def token_for(db: Database, profile_id: str, secret: str) -> str:
    """The current unsubscribe token of a stored profile."""
    row = _subscription(db, profile_id)
    if row is None:
        raise InputError(f"no profile {profile_id!r}", where="unsubscribe")
    return make_token(profile_id, secret, email=row["email"] or "", version=row["token_version"])


def verify_token(db: Database, token: str, secret: str) -> str:
    """The profile id a token names; InputError when it is malformed, forged, or made for
    another address or an earlier subscription of that profile."""
    payload, _, rest = token.strip().partition(".")
    version, _, signature = rest.partition(".")
    try:
        profile_id = _unb64(payload).decode("utf-8") if payload.isascii() else ""
    except (binascii.Error, UnicodeDecodeError, ValueError):
        profile_id = ""
    row = _subscription(db, profile_id) if profile_id and version.isdigit() else None
    if row is None or int(version) != row["token_version"]:
        raise InputError(INVALID)
    expected = _signature(payload, row["token_version"], row["email"] or "", secret)
    if not hmac.compare_digest(signature.encode(), expected.encode()):
        raise InputError(INVALID)
    return profile_id


def unsubscribe(db: Database, token: str, secret: str) -> str:
    """Mark the token's profile inactive (no more digests); returns its id. Idempotent."""
    profile_id = verify_token(db, token, secret)
    with transaction(db):
        db.execute(
            "update profiles set active = 0, updated = ? where id = ?", [now_iso(), profile_id]
        )
    return profile_id


def subscribe(db: Database, profile_id: str) -> bool:
    """Re-activate an unsubscribed profile under a new subscription version, so links from
    before stop working; False (nothing changed) when it is already active."""
    with transaction(db):
        row = _subscription(db, profile_id)
        if row is None:
            raise InputError(f"no profile {profile_id!r}", where="profiles subscribe")
        if row["active"]:
            return False
        db.execute(
            "update profiles set active = 1, token_version = token_version + 1, updated = ? "
            "where id = ?",
            [now_iso(), profile_id],
        )
    return True
