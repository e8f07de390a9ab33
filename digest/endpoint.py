"""The one-click unsubscribe endpoint (RFC 8058): a small ASGI app for `/unsubscribe/TOKEN`.

`POST` with the body `List-Unsubscribe=One-Click` (form-urlencoded or multipart/form-data)
unsubscribes and answers 200, never a redirect; mail providers send it without cookies, so no
CSRF token is asked for (the signed token is the authority). `GET`/`HEAD` show a confirmation
page whose button makes that POST and change nothing, so a mail scanner prefetching the link
unsubscribes nobody. A bad or tampered token gets a 400 page; bodies over `MAX_BODY` bytes a 413.
"""

import asyncio
import email.parser
import email.policy
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import parse_qs

from jinja2 import Environment, PackageLoader
from sqlite_utils import Database

from digest.unsubscribe import unsubscribe, verify_token
from rightsjobs.errors import InputError
from rightsjobs.store import open_db

PREFIX = "/unsubscribe/"
MAX_BODY = 4096
ALLOWED = "GET, HEAD, POST"
HEADERS = [
    (b"content-type", b"text/html; charset=utf-8"),
    (b"cache-control", b"no-store"),
    (b"referrer-policy", b"no-referrer"),  # the token is in the URL
    (b"x-content-type-options", b"nosniff"),
    (b"x-robots-tag", b"noindex"),
    (
        b"content-security-policy",
        b"default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
        b"frame-ancestors 'none'",
    ),
]
# state -> HTTP status of the page that reports it
STATUS = {
    "confirm": 200,
    "done": 200,
    "invalid": 400,
    "not-one-click": 400,
    "too-large": 413,
    "method": 405,
    "unavailable": 503,
}

Scope = dict
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]
log = logging.getLogger(__name__)
_pages = Environment(loader=PackageLoader("digest", "templates"), autoescape=True)


class BodyTooLarge(Exception):
    """The request body is longer than MAX_BODY."""


def is_one_click(body: bytes, content_type: str) -> bool:
    """Whether a POST body carries `List-Unsubscribe=One-Click` (RFC 8058 section 3.1)."""
    if content_type.lower().startswith("multipart/form-data"):
        head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1", "replace")
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
        if not message.is_multipart():
            return False
        return any(
            part.get_param("name", header="content-disposition") == "List-Unsubscribe"
            and (part.get_payload(decode=True) or b"").strip() == b"One-Click"
            for part in message.iter_parts()
        )
    try:
        fields = parse_qs(body.decode("ascii"), strict_parsing=True)
    except (UnicodeDecodeError, ValueError):
        return False
    return fields.get("List-Unsubscribe") == ["One-Click"]


async def read_body(scope: Scope, receive: Receive) -> bytes:
    """The request body; BodyTooLarge as soon as it is known to exceed MAX_BODY."""
    headers = dict(scope["headers"])
    declared = headers.get(b"content-length", b"0")
    if not declared.isdigit() or int(declared) > MAX_BODY:
        raise BodyTooLarge
    body = b""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return body
        body += message.get("body", b"")
        if len(body) > MAX_BODY:
            raise BodyTooLarge
        if not message.get("more_body"):
            return body


class UnsubscribeApp:
    """ASGI app for `/unsubscribe/TOKEN` over the store at `db_path`, checking with `secret`."""

    def __init__(self, db_path: str | Path, secret: str) -> None:
        self.db_path = Path(db_path)
        self.secret = secret

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = scope["method"]
        state = await self.handle(method, scope, receive)
        extra = [(b"allow", ALLOWED.encode())] if state == "method" else []
        page = _pages.get_template("unsubscribe.html.j2").render(state=state).encode("utf-8")
        await send(
            {
                "type": "http.response.start",
                "status": STATUS[state],
                "headers": [*HEADERS, *extra, (b"content-length", str(len(page)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": b"" if method == "HEAD" else page})

    async def handle(self, method: str, scope: Scope, receive: Receive) -> str:
        """Do what the request asks; the state the answer page reports."""
        token = scope["path"].removeprefix(PREFIX.rstrip("/")).removeprefix("/")
        if method not in ALLOWED.split(", "):
            return "method"
        if not token or "/" in token:
            return "invalid"
        if method in ("GET", "HEAD"):
            return await asyncio.to_thread(self.in_store, verify_token, token, "confirm")
        try:
            body = await read_body(scope, receive)
        except BodyTooLarge:
            return "too-large"
        content_type = dict(scope["headers"]).get(b"content-type", b"").decode("latin-1")
        if not is_one_click(body, content_type):
            return "not-one-click"
        return await asyncio.to_thread(self.in_store, unsubscribe, token, "done")

    def in_store(self, action: Callable[[Database, str, str], str], token: str, ok: str) -> str:
        """`action(db, token, secret)` on a connection of its own (checking the token, or
        applying it); the state to report: `ok`, invalid or unavailable."""
        try:
            db = open_db(self.db_path, create=False)
        except InputError as exc:
            log.error("unsubscribe: %s", exc)
            return "unavailable"
        try:
            action(db, token, self.secret)
        except InputError:
            return "invalid"
        except sqlite3.Error as exc:
            log.error("unsubscribe: database: %s", exc)
            return "unavailable"
        finally:
            db.close()
        return ok
