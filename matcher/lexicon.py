"""The bundled vocabularies (matcher/data/): glossary, role families, stop words."""

import json
import unicodedata
from functools import cache
from importlib.resources import files

import numpy as np
import yaml
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

STRONG, WEAK = 1.0, 0.3


def fold(text: str) -> str:
    """Lowercase and strip accents (é -> e, ё -> е); other scripts are kept."""
    text = text.casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _data(name: str) -> str:
    return files("matcher.data").joinpath(name).read_text(encoding="utf-8")


@cache
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words plus matcher/data/stopwords.txt."""
    words = set(ENGLISH_STOP_WORDS)
    for line in _data("stopwords.txt").splitlines():
        if not line.startswith("#"):
            words.update(fold(w) for w in line.split())
    return frozenset(words)


@cache
def glossary() -> dict[str, dict[str, tuple[str, ...]]]:
    """Language -> {folded stem: English words}."""
    raw = yaml.safe_load(_data("glossary.yaml"))
    return {
        lang: {fold(k): tuple(fold(v).split()) for k, v in entries.items()}
        for lang, entries in raw.items()
    }


@cache
def _families_data() -> dict:
    return yaml.safe_load(_data("families.yaml"))


@cache
def family_cues() -> dict[str, list[tuple[str, float]]]:
    """Family -> [(English cue phrase, weight)], strong cues weigh 1, weak ones 0.3."""
    return {
        family: [(cue, STRONG) for cue in groups.get("strong", [])]
        + [(cue, WEAK) for cue in groups.get("weak", [])]
        for family, groups in _families_data().items()
        if family != "related"
    }


LEARNED_CUES = "learned_cues.json"


@cache
def learned_cues() -> dict[str, list[tuple[str, float]]]:
    """Family -> [(analysed word, weight)] learned from the corpus's train split by
    `python -m eval.train_families` (words of any language, as `matcher.text.tokens` gives
    them); {} when the artefact is absent."""
    path = files("matcher.data").joinpath(LEARNED_CUES)
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    known = set(family_cues())
    return {
        family: [(word, float(weight)) for word, weight in words.items()]
        for family, words in data["cues"].items()
        if family in known
    }


def families() -> tuple[str, ...]:
    """The role family names, in a fixed order (columns of family matrices)."""
    return tuple(family_cues())


@cache
def family_affinity() -> np.ndarray:
    """(family, family) suitability: 1 on the diagonal, `related` pairs both ways, else 0."""
    names = families()
    out = np.eye(len(names), dtype=np.float32)
    for a, b, value in _families_data()["related"]:
        out[names.index(a), names.index(b)] = out[names.index(b), names.index(a)] = value
    return out
