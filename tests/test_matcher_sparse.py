"""The compiled row operations of the index equal their plain numpy definitions."""

import numpy as np
import scipy.sparse as sp

from matcher.rank import prune
from matcher.text import BLOCK_WEIGHTS, WORD_SPACE, block_normalise


def matrix(seed: int) -> sp.csr_matrix:
    """Rows of words and pairs with repeated weights (ties), and an empty row."""
    rng = np.random.default_rng(seed)
    rows = []
    for r in range(40):
        n = 0 if r == 7 else int(rng.integers(1, 90))
        cols = np.concatenate(
            [rng.choice(5000, n, replace=False), WORD_SPACE + rng.choice(5000, n, replace=False)]
        )
        weights = rng.choice([0.05, 0.1, 0.1, 0.2, 0.5], 2 * n) * rng.random(2 * n).round(1)
        rows.append(
            sp.csr_matrix((weights + 0.01, (np.zeros(2 * n, int), cols)), (1, 2 * WORD_SPACE))
        )
    return sp.vstack(rows, format="csr").astype(np.float32)


def reference_normalise(m: sp.csr_matrix) -> sp.csr_matrix:
    m = sp.csr_matrix(m, dtype=np.float32)
    row = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
    group = row * 2 + (m.indices >= WORD_SPACE)
    norms = np.sqrt(np.bincount(group, m.data.astype(np.float64) ** 2, minlength=2 * m.shape[0]))
    scale = np.asarray(BLOCK_WEIGHTS)[group % 2] / np.maximum(norms[group], 1e-12)
    m.data = (m.data * scale).astype(np.float32)
    return m


def reference_prune(m: sp.csr_matrix, keep: tuple[int, int]) -> sp.csr_matrix:
    m = sp.csr_matrix(m, dtype=np.float32, copy=True)
    row = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
    group = row * 2 + (m.indices >= WORD_SPACE)
    order = np.argsort(group * 2.0 + (1.0 - m.data), kind="stable")
    ranked = group[order]
    starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
    rank_in_group = np.arange(m.nnz) - np.repeat(starts, np.diff(np.r_[starts, m.nnz]))
    m.data[order[rank_in_group >= np.asarray(keep)[ranked % 2]]] = 0
    m.eliminate_zeros()
    return reference_normalise(m)


def same(a: sp.csr_matrix, b: sp.csr_matrix) -> bool:
    return all(
        np.array_equal(x, y)
        for x, y in zip((a.indptr, a.indices, a.data), (b.indptr, b.indices, b.data), strict=True)
    )


def test_block_normalise_is_the_numpy_definition_bit_for_bit():
    for seed in range(3):
        m = matrix(seed)
        assert same(block_normalise(m), reference_normalise(m))


def test_prune_keeps_what_the_stable_sort_keeps_ties_included():
    for seed in range(3):
        m = block_normalise(matrix(seed))
        for keep in ((5, 3), (32, 16), (1, 0)):
            pruned = prune(m, keep)
            assert same(pruned, reference_prune(m, keep))
            assert pruned.nnz < m.nnz
