"""Topical evidence: the terms that show what a job is about, as opposed to where it is.

A place name (a country, region or subdivision such as "Nairobi City") or a word every posting
of the sector shares (matcher/data/generic.txt) is not topical; a word pair is topical when one
of its words is. A result needs at least one shared topical term: a posting whose only overlap
with a profile is "Kenya" or "international organisation" is not shown (`matcher.search` looks
for the profile's topical terms in the posting's whole text, not only in its strongest terms).
Role-family cues are always topical (a phrase cue's words may be generic on their own:
"support" in "psychosocial support").
"""

from functools import cache

import numpy as np
import pycountry

from matcher.lexicon import _data, family_cues
from matcher.text import Vectoriser, _pair_columns, tokens
from rightsjobs.regions import country_names, regions


@cache
def untopical_words() -> frozenset[str]:
    """The analysed (folded, stemmed) words that are place names or sector-generic."""
    names = [*country_names().values(), *regions()]
    names += [s.name for s in pycountry.subdivisions]
    generic = [w for line in _data("generic.txt").splitlines() if not line.startswith("#")
               for w in line.split()]  # fmt: skip
    words = {t for text in names + generic for t in tokens(text, "en")}
    cues = [tokens(cue, "en") for cues in family_cues().values() for cue, _ in cues]
    return frozenset(words - {cue[0] for cue in cues if len(cue) == 1})


def untopical_columns(vectoriser: Vectoriser) -> np.ndarray:
    """Sorted feature columns of the untopical words the vocabulary holds and of their pairs."""
    vocab = vectoriser.vocabulary
    ids = np.array(sorted(vocab[w] for w in untopical_words() if w in vocab), dtype=np.int64)
    left, right = np.meshgrid(ids, ids)
    return np.union1d(ids, _pair_columns(left.ravel(), right.ravel()))
