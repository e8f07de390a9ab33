"""What each profile's last search found, kept so that the next search can skip most postings.

A weekly match ranks nearly the same profiles against nearly the same postings. The score of
an unchanged pair never rises as days pass (freshness fades, a deadline nears:
`fit.soft_factor`), and an index brought up to date keeps its rows and weights (new and
changed postings get new rows). So a profile that kept its best KEEP·k postings and a floor
(what every other posting scored at most) needs only those and the postings indexed since:
when the best k of them beat the floor they are its exact top k (`matcher.search.Kept`).

A profile is searched in full, and keeps anew, when it is new or changed, when a posting it
was shown may be offered again (one it had seen is usable and no longer seen), when its kept
postings no longer beat its floor (each week's digest uses up k of them, and scores fall with
time), or when the index was rebuilt, the day went back, or k changed. Keeping more costs the
search little: its time goes to walking the lists, not to the ranking of what they give.
`matcher.saved` keeps a Memory beside the index between runs.
"""

import hashlib
from dataclasses import dataclass, field

import numpy as np
import orjson

from matcher.search import Found, Kept, nothing_kept

KEEP = 8  # postings kept per place of the shortlist: weeks of digests before a full search


def fingerprint(profile: dict) -> str:
    """A hash of the profile as the search reads it (any change means a full search)."""
    return hashlib.sha1(orjson.dumps(profile, option=orjson.OPT_SORT_KEYS, default=str)).hexdigest()


@dataclass
class Entry:
    """One profile's kept postings (positions, best first), its floor, the positions of the
    postings it had been shown (sorted), and whether the search that made it was a full one."""

    fingerprint: str
    posting: np.ndarray
    floor_score: float
    floor_posting: int
    seen: np.ndarray
    full: bool = True


@dataclass
class Memory:
    """Each profile's `Entry`, valid for the index `lineage` with `rows` rows, on day `day`
    (an ordinal), for a top `k`."""

    lineage: str = ""
    rows: int = 0
    day: int = 0
    k: int = 0
    entries: dict[str, Entry] = field(default_factory=dict)

    @property
    def searched_in_full(self) -> int:
        """How many of its profiles the search that made it searched in full."""
        return sum(entry.full for entry in self.entries.values())

    def serves(self, lineage: str, day: int, k: int) -> bool:
        """Whether what it holds can serve a search of this index on this day."""
        return bool(self.entries) and (self.lineage, self.k) == (lineage, k) and day >= self.day

    def kept(
        self,
        profiles: list[dict],
        seen: list[np.ndarray],
        usable: np.ndarray,
        since: tuple[np.ndarray, np.ndarray, np.ndarray],
    ) -> Kept:
        """The `Kept` of a batch of profiles (their seen positions, sorted): the kept postings
        still usable of each profile whose entry serves, and `since`, the lists of the
        postings indexed since (`Candidates.since`)."""
        empty = nothing_kept(len(profiles))
        lengths, postings = [0], []
        floor_score, floor_posting = empty.floor_score, empty.floor_posting
        for r, (profile, shown) in enumerate(zip(profiles, seen, strict=True)):
            entry = self.entries.get(profile.get("id"))
            if (
                entry is None
                or entry.fingerprint != fingerprint(profile)
                or not np.isin(entry.seen[usable[entry.seen]], shown, assume_unique=True).all()
            ):
                lengths.append(0)
                continue
            mine = entry.posting[usable[entry.posting]]
            postings.append(mine)
            lengths.append(len(mine))
            floor_score[r], floor_posting[r] = entry.floor_score, entry.floor_posting
        return Kept(
            np.cumsum(lengths, dtype=np.int64),
            np.concatenate([np.zeros(0, dtype=np.int64), *postings]),
            floor_score,
            floor_posting,
            *since,
        )

    def remembered(self, profiles: list[dict], seen: list[np.ndarray], found: Found) -> dict:
        """The entries of a batch of profiles from what their search found."""
        out = {}
        for r, (profile, shown) in enumerate(zip(profiles, seen, strict=True)):
            best = found.best[r]
            out[profile.get("id")] = Entry(
                fingerprint(profile),
                best[best >= 0],
                float(found.floor_score[r]),
                int(found.floor_posting[r]),
                shown,
                bool(found.full[r]),
            )
        return out
