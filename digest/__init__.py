"""Digests: render matched postings as e-mail, send them at most once, honour unsubscribes."""

from digest.render import Rendered, render
from digest.run import digests_in_doubt, preview, resolve_unknown, run_digests
from digest.unsubscribe import make_token, subscribe, token_for, unsubscribe, verify_token

__all__ = [
    "Rendered",
    "digests_in_doubt",
    "make_token",
    "preview",
    "render",
    "resolve_unknown",
    "run_digests",
    "subscribe",
    "token_for",
    "unsubscribe",
    "verify_token",
]
