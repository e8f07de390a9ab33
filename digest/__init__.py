"""Digests: render matched postings as e-mail, send them exactly once, honour unsubscribes."""

from digest.render import Rendered, render
from digest.run import preview, run_digests, seen_postings
from digest.unsubscribe import make_token, unsubscribe, verify_token

__all__ = [
    "Rendered",
    "make_token",
    "preview",
    "render",
    "run_digests",
    "seen_postings",
    "unsubscribe",
    "verify_token",
]
