"""Ranking postings for candidate profiles: pure functions over plain dicts, no I/O."""

from matcher import compiled

compiled.use()  # before any module that compiles is imported

from matcher.rank import Index, rank  # noqa: E402

__all__ = ["Index", "rank"]
