"""Relevance: the text cosine weighed by agreement of role families, and its floor.

Each role family (matcher/data/families.yaml) has cue words; a posting's families are the one or
two whose cues weigh most in its TF-IDF vector (the title counts three times), a profile's are
all the families its `about` and keywords touch, scaled so the strongest is 1.
"""

import numpy as np
import scipy.sparse as sp
from numba import njit

from matcher.lexicon import families, family_affinity, family_cues, learned_cues
from matcher.text import Vectoriser, term_features

UNKNOWN = -1.0  # agreement of a pair where either side shows no family
SECOND_FAMILY = 0.5  # a posting's second family counts when it weighs this much of the first
OFF_FIELD = 0.4  # weight of the cosine when the families do not agree at all
IN_FIELD = 2.0  # weight of the cosine when they fully agree (tuned: `eval.tune_ranker`)
NEUTRAL = 0.8  # weight of the cosine when a side shows no family
STRONG_TEXT = 0.2  # cosine that keeps a posting of an unrelated field
FLOOR = 0.005  # minimum relevance of a result


def cue_matrix(
    vectoriser: Vectoriser, learned: dict[str, list[tuple[str, float]]]
) -> sp.csr_matrix:
    """Feature column x family weights: the listed cues (analysed like English text) and the
    `learned` ones (already analysed words); weights of a word listed twice add up."""
    names = families()
    keys, cols, vals = [], [], []
    for f, cues in enumerate(family_cues().values()):
        for cue, weight in cues:
            keys.append(term_features(cue)[-1])
            cols.append(f)
            vals.append(weight)
    for family, words in learned.items():
        for word, weight in words:
            keys.append(word)
            cols.append(names.index(family))
            vals.append(weight)
    return sp.csr_matrix(
        (vals, (vectoriser.columns(keys, add_words=True), cols)),
        shape=(vectoriser.width, len(names)),
        dtype=np.float32,
    )


def _cue_matrix(vectoriser: Vectoriser) -> sp.csr_matrix:
    """`cue_matrix` with the shipped learned cues, kept on the vectoriser."""
    if vectoriser.cues is None:
        vectoriser.cues = cue_matrix(vectoriser, learned_cues())
    return vectoriser.cues


FAMILY = np.dtype([("top", np.int64, 2), ("weight", np.float32, 2)])


def posting_families(
    vectors: sp.csr_matrix, titles: sp.csr_matrix, vectoriser: Vectoriser
) -> np.ndarray:
    """FAMILY records: the one or two role families of each posting, with weights summing to
    1 (or 0), from the postings' vectors and, counting again, their titles' vectors."""
    scores = ((vectors + titles) @ _cue_matrix(vectoriser)).toarray()
    top = np.argsort(-scores, axis=1, kind="stable")[:, :2]
    weight = np.take_along_axis(scores, top, axis=1)
    weight[:, 1] = np.where(weight[:, 1] >= SECOND_FAMILY * weight[:, 0], weight[:, 1], 0)
    total = weight.sum(axis=1, keepdims=True)
    out = np.zeros(len(top), dtype=FAMILY)
    out["top"] = top
    out["weight"] = np.divide(weight, total, out=np.zeros_like(weight), where=total > 0)
    return out


def profile_families(vectors: sp.csr_matrix, vectoriser: Vectoriser) -> np.ndarray:
    """Records of one field, `want`: each profile's suitability for every family, its
    strongest family at 1 and the others as much as one of the person's families makes them
    suitable (`family_affinity`)."""
    scores = (vectors @ _cue_matrix(vectoriser)).toarray().astype(np.float32)
    peak = scores.max(axis=1, keepdims=True)
    wants = np.divide(scores, peak, out=np.zeros_like(scores), where=peak > 0)
    out = np.zeros(len(wants), dtype=[("want", np.float32, len(families()))])
    out["want"] = (wants[:, :, None] * family_affinity()[None]).max(axis=1)
    return out


def best_weight(postings: np.ndarray) -> np.ndarray:
    """The highest weight `relevance` can give the cosine of each posting (FAMILY records)."""
    return np.where(postings["weight"][:, 0] > 0, IN_FIELD, NEUTRAL)


@njit(cache=True)
def similarity(posting, profile) -> np.float32:
    """Agreement in [0, 1] of a posting's FAMILY record and a profile's `profile_families`
    record; UNKNOWN when either side shows no family."""
    first, second = posting.weight[0], posting.weight[1]
    if first > 0:
        for want in profile.want:
            if want > 0:
                return first * profile.want[posting.top[0]] + second * profile.want[posting.top[1]]
    return np.float32(UNKNOWN)


@njit(cache=True)
def relevance(cosine: np.float32, family: np.float32) -> np.float32:
    """Cosine weighed by family agreement; 0 below the floor or for an unrelated field."""
    weight = NEUTRAL if family == UNKNOWN else OFF_FIELD + (IN_FIELD - OFF_FIELD) * family
    rel = np.float32(cosine * weight)
    if rel < FLOOR or (family == 0 and cosine < STRONG_TEXT):
        return np.float32(0)
    return rel
