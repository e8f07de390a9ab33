"""Candidate pairs: the cosine of each profile with only the postings its place rule may admit.

Postings are grouped into lists by region (a posting is in the list of each region it has,
Global included) and one list of remote postings. A profile's lists are its regions, the
regions of its countries and locations, Global, and remote unless `remote: no` (only remote for
`remote: only`; every posting for a profile with no place at all). That is a superset of the
postings passing the CONTRACT §3 place rule, which `fit.place_ok` then applies exactly; but it
spares the sparse products most of the postings a regional profile can never be shown.
"""

from collections.abc import Iterator

import numpy as np
import scipy.sparse as sp

from matcher import fit


class Candidates:
    """Posting vectors in region lists, on a compact set of columns."""

    def __init__(self, vectors: sp.csr_matrix, postings: fit.PostingArrays) -> None:
        used = np.unique(vectors.indices)
        self.compact = np.full(vectors.shape[1], -1, dtype=np.int32)
        self.compact[used] = np.arange(len(used), dtype=np.int32)
        x = sp.csr_matrix(
            (vectors.data, self.compact[vectors.indices], vectors.indptr),
            shape=(vectors.shape[0], len(used)),
        )
        self.member = postings.region | (
            postings.remote.astype(np.uint64) << np.uint64(fit.Codes.remote_list)
        )
        self.everything = x.T.tocsr()
        self.lists: dict[int, tuple[np.ndarray, sp.csr_matrix]] = {}
        for bit in range(64):
            members = np.flatnonzero((self.member >> np.uint64(bit)) & np.uint64(1))
            if len(members):
                self.lists[bit] = (members, x[members].T.tocsr())

    def _queries(self, queries: sp.csr_matrix) -> sp.csr_matrix:
        """Queries on the compact columns (terms no posting has are dropped)."""
        cols = self.compact[queries.indices]
        q = sp.csr_matrix(
            (np.where(cols >= 0, queries.data, 0), np.maximum(cols, 0), queries.indptr.copy()),
            shape=(queries.shape[0], self.everything.shape[0]),
        )
        q.eliminate_zeros()
        return q

    def pairs(
        self,
        queries: sp.csr_matrix,
        profiles: fit.ProfileArrays,
    ) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Per candidate list: (rows, cols, cosine) of the profile rows and posting cols that
        share a term, rows ascending. A pair comes once, from the first of the profile's lists
        that holds the posting."""
        q = self._queries(queries)
        wants = profiles.lists
        everywhere = np.flatnonzero(profiles.anywhere & ~profiles.remote_only)
        if len(everywhere):
            yield _product(q[everywhere], self.everything, everywhere, None)
        for bit, (members, matrix) in self.lists.items():
            rows = np.flatnonzero((wants >> np.uint64(bit)) & np.uint64(1))
            if len(rows):
                r, c, cos = _product(q[rows], matrix, rows, members)
                first = (self.member[c] & wants[r] & np.uint64((1 << bit) - 1)) == 0
                yield r[first], c[first], cos[first]


def _product(
    q: sp.csr_matrix, matrix: sp.csr_matrix, rows: np.ndarray, members: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    product = q @ matrix
    r = np.repeat(rows, np.diff(product.indptr))
    c = product.indices.astype(np.int64)
    return r, (members[c] if members is not None else c), product.data
