"""Relevance: the text cosine weighed by agreement of role families, and its floor.

Each role family (matcher/data/families.yaml) has cue words; a posting's families are the one or
two whose cues weigh most in its TF-IDF vector (the title counts three times), a profile's are
all the families its `about` and keywords touch, scaled so the strongest is 1.
"""

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from matcher.lexicon import families, family_affinity, family_cues
from matcher.text import Vectoriser, term_features

UNKNOWN = -1.0  # agreement of a pair where either side shows no family
SECOND_FAMILY = 0.5  # a posting's second family counts when it weighs this much of the first
OFF_FIELD = 0.4  # weight of the cosine when the families do not agree at all
IN_FIELD = 1.2  # weight of the cosine when they fully agree
NEUTRAL = 0.8  # weight of the cosine when a side shows no family
STRONG_TEXT = 0.2  # cosine that keeps a posting of an unrelated field
FLOOR = 0.005  # minimum relevance of a result
MAX_WEIGHT = max(IN_FIELD, NEUTRAL)


def _cue_matrix(vectoriser: Vectoriser) -> sp.csr_matrix:
    """Feature column x family weights of the cues (kept on the vectoriser)."""
    if vectoriser.cues is None:
        keys, cols, vals = [], [], []
        for f, cues in enumerate(family_cues().values()):
            for cue, weight in cues:
                keys.append(term_features(cue)[-1])
                cols.append(f)
                vals.append(weight)
        vectoriser.cues = sp.csr_matrix(
            (vals, (vectoriser.columns(keys), cols)),
            shape=(vectoriser.width, len(families())),
            dtype=np.float32,
        )
    return vectoriser.cues


@dataclass
class Families:
    """The one or two role families of each posting, with weights summing to 1 (or 0)."""

    top: np.ndarray  # (n, 2) int64 family index
    weight: np.ndarray  # (n, 2) float32

    @classmethod
    def of_postings(
        cls, vectors: sp.csr_matrix, titles: sp.csr_matrix, vectoriser: Vectoriser
    ) -> "Families":
        """From the postings' vectors and, counting again, their titles' vectors."""
        scores = ((vectors + titles) @ _cue_matrix(vectoriser)).toarray()
        top = np.argsort(-scores, axis=1, kind="stable")[:, :2]
        weight = np.take_along_axis(scores, top, axis=1)
        weight[:, 1] = np.where(weight[:, 1] >= SECOND_FAMILY * weight[:, 0], weight[:, 1], 0)
        total = weight.sum(axis=1, keepdims=True)
        weight = np.divide(weight, total, out=np.zeros_like(weight), where=total > 0)
        return cls(top.astype(np.int64), weight.astype(np.float32))

    @classmethod
    def concat(cls, parts: list["Families"]) -> "Families":
        return cls(
            np.concatenate([p.top for p in parts]), np.concatenate([p.weight for p in parts])
        )

    @staticmethod
    def of_profiles(vectors: sp.csr_matrix, vectoriser: Vectoriser) -> np.ndarray:
        """(profiles, families) suitability: the person's strongest family at 1, the others
        as much as one of the person's families makes them suitable (`family_affinity`)."""
        scores = (vectors @ _cue_matrix(vectoriser)).toarray().astype(np.float32)
        peak = scores.max(axis=1, keepdims=True)
        wants = np.divide(scores, peak, out=np.zeros_like(scores), where=peak > 0)
        return (wants[:, :, None] * family_affinity()[None]).max(axis=1)

    def similarity(self, wants: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Agreement in [0, 1] of profile rows and posting cols; UNKNOWN without families."""
        flat, base = wants.ravel(), rows * wants.shape[1]
        w_first, w_second = self.weight[:, 0][cols], self.weight[:, 1][cols]
        sim = (
            w_first * flat[base + self.top[:, 0][cols]]
            + w_second * flat[base + self.top[:, 1][cols]]
        )
        informed = (wants.max(axis=1) > 0)[rows] & (w_first > 0)
        return np.where(informed, sim, np.float32(UNKNOWN)).astype(np.float32)


def relevance(cosine: np.ndarray, family: np.ndarray) -> np.ndarray:
    """Cosine weighed by family agreement; 0 below the floor or for an unrelated field."""
    weight = np.where(family == UNKNOWN, NEUTRAL, OFF_FIELD + (IN_FIELD - OFF_FIELD) * family)
    rel = (cosine * weight).astype(np.float32)
    rel[(rel < FLOOR) | ((family == 0) & (cosine < STRONG_TEXT))] = 0
    return rel
