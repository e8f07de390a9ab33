"""Ranking postings for candidate profiles: pure functions over plain dicts, no I/O."""

from matcher.rank import Index, rank

__all__ = ["Index", "rank"]
