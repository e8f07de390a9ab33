"""Candidate lists: inverted lists of the posting vectors, one set per place.

Postings are grouped into lists by region (a posting is in the list of each region it has,
Global included) and one list of remote postings; list 0 holds every posting. A profile's
lists are its regions, the regions of its countries and locations, Global, and remote unless
`remote: no` (only remote for `remote: only`; list 0 for a profile with no place at all). That
is a superset of the postings passing the CONTRACT §3 place rule, which `fit.place_ok` then
applies exactly; but it spares the search most of the postings a regional profile can never be
shown. Only the postings that may be shown at all (open, not replaced) are in the lists.

The lists of all the postings are built only once a profile needs a full search (`complete`):
a weekly search that its memory serves reads the lists of the postings indexed since
(`since`) and each kept posting's own vector, not these.
"""

from typing import NamedTuple

import numpy as np
import scipy.sparse as sp

from matcher import fit


class Lists(NamedTuple):
    """Inverted lists over compact term columns: list l's postings of term t are
    `posting[start[l, t]:start[l, t + 1]]`, with their weights in `weight`; and each posting's
    own vector, its terms (ascending) `term[term_start[j]:term_start[j + 1]]`."""

    start: np.ndarray  # (lists, terms + 1) int64
    posting: np.ndarray  # int32 posting positions
    weight: np.ndarray  # float32
    bit: np.ndarray  # (lists,) int64: the list's bit in a PROFILE record's `lists`; -1 for list 0
    member: np.ndarray  # (postings,) uint64: bits of the lists holding each posting
    term_start: np.ndarray  # (postings + 1,) int64
    term: np.ndarray  # int32 compact term columns
    term_weight: np.ndarray  # float32
    topical: np.ndarray  # (terms,) bool: the term is topical evidence (`matcher.topics`)
    column: np.ndarray  # (terms,) int64: the feature column of each term
    holds_start: np.ndarray  # CSR row pointers over postings of `holds`:
    holds: np.ndarray  # the feature columns each posting holds anywhere (ascending)
    complete: bool  # start, posting and weight hold the lists (else they are empty: `complete`)


class Candidates:
    """The lists of an index, and the map of its feature columns to their compact terms."""

    def __init__(
        self,
        vectors: sp.csr_matrix,
        postings: np.ndarray,
        usable: np.ndarray,
        untopical: np.ndarray,
        present: sp.csr_matrix,
    ) -> None:
        """Lists of the `usable` postings (`postings` are their fit.POSTING records);
        `untopical` are the sorted feature columns that are no topical evidence; `present`
        says which feature columns each posting holds in its whole text (before pruning)."""
        self.usable = usable
        if not present.has_sorted_indices:
            present.sort_indices()
        seen = np.zeros(vectors.shape[1], dtype=bool)
        seen[vectors.indices] = True
        used = np.flatnonzero(seen)
        self.columns = used  # the feature column of each compact term
        self.compact = np.full(vectors.shape[1], -1, dtype=np.int32)
        self.compact[used] = np.arange(len(used), dtype=np.int32)
        x = sp.csr_matrix(
            (vectors.data, self.compact[vectors.indices], vectors.indptr),
            shape=(vectors.shape[0], len(used)),
        )
        x.sort_indices()
        member = postings["region"] | (
            postings["remote"].astype(np.uint64) << np.uint64(fit.Codes.remote_list)
        )
        self._x = x
        self._groups = [(-1, usable)]
        for bit in range(64):
            members = usable & ((member >> np.uint64(bit)) & np.uint64(1) == 1)
            if members.any():
                self._groups.append((bit, members))
        self.lists = Lists(
            np.zeros((len(self._groups), 1), dtype=np.int64),
            np.zeros(0, dtype=np.int32),
            np.zeros(0, dtype=np.float32),
            np.array([bit for bit, _ in self._groups], dtype=np.int64),
            member,
            x.indptr.astype(np.int64),
            x.indices.astype(np.int32),
            x.data.astype(np.float32),
            ~np.isin(used, untopical, assume_unique=True),
            used.astype(np.int64),
            present.indptr,
            present.indices,
            False,
        )

    def complete(self) -> None:
        """Build the lists of all the usable postings, if not built yet (a full search reads
        them)."""
        if not self.lists.complete:
            start, posting, weight = self.since(0)
            self.lists = self.lists._replace(
                start=start, posting=posting, weight=weight, complete=True
            )

    def since(self, first: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The `start`, `posting` and `weight` of `Lists` for the same lists holding only the
        usable postings from position `first` on: each list's rows turned to columns, so the
        work is the size of the lists (not once per list over all postings)."""
        starts, postings_of, weights = [], [], []
        offset = 0
        for _, members in self._groups:
            rows = np.flatnonzero(members[first:]) + first
            inverted = self._x[rows].tocsc()  # each term's postings, ascending
            starts.append(inverted.indptr.astype(np.int64) + offset)
            postings_of.append(rows[inverted.indices].astype(np.int32))
            weights.append(inverted.data.astype(np.float32))
            offset += inverted.nnz
        return np.stack(starts), np.concatenate(postings_of), np.concatenate(weights)

    def queries(self, queries: sp.csr_matrix) -> sp.csr_matrix:
        """Queries on the compact columns (terms no posting has are dropped)."""
        cols = self.compact[queries.indices]
        q = sp.csr_matrix(
            (np.where(cols >= 0, queries.data, 0), np.maximum(cols, 0), queries.indptr.copy()),
            shape=(queries.shape[0], len(self.columns)),
        )
        q.eliminate_zeros()
        return q
