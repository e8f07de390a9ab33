"""The vacancy verdict: the text classifier's score weighed with what the field readers found.

A job advert states things a news item, a grant call or a training rarely states together: a
role's title, a deadline, years of experience, a contract, a level, where to apply, required
languages. The readers of those fields work in many languages, so what they find carries to
languages the text classifier (`understand.vacancy`) saw little of. A logistic model
(`data/verdict_model.json`, written by `python -m eval.train_verdict` on the corpus's train
split) combines the text classifier's log-odds with one binary signal per field found (per
kind for the contract); its probability is the posting's `vacancy_score`, a vacancy from 0.5
up. When the fields turn the text classifier's call into a vacancy, the evidence is that of the
field weighing most.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from rightsjobs.profiles import CONTRACT_TYPES
from understand.text import fold, names_role

MODEL_FILE = "verdict_model.json"
# Fields whose being found is a signal, from the extraction output.
_FIELDS = (
    "title",
    "organization",
    "countries",
    "deadline",
    "min_years_experience",
    "seniority",
    "apply_contact",
    "languages_required",
    "remote",
)
# The contract counts by kind: a fellowship or an internship says less of a job than a
# fixed-term contract does (both are often a training).
# A title naming a role ("Programme Officer", "juriste") says more than a headline found.
SIGNALS = (*_FIELDS, *(f"contract_type={kind}" for kind in CONTRACT_TYPES), "title=role")
_NOT_FOUND = (None, "", [], "unknown")
_EDGE = 1e-4  # text probabilities are clipped to [_EDGE, 1 - _EDGE] before taking log-odds


def signals(found: dict) -> list[float]:
    """Each of SIGNALS for the extraction output `found`: 1.0 for a field it holds, for its
    contract's kind and for a title that names a role, else 0.0."""
    held = [0.0 if found.get(name) in _NOT_FOUND else 1.0 for name in _FIELDS]
    kinds = [float(found.get("contract_type") == kind) for kind in CONTRACT_TYPES]
    return held + kinds + [float(names_role(fold(found.get("title") or "")))]


def log_odds(probability: float) -> float:
    """The text classifier's calibrated probability as log-odds (clipped)."""
    p = min(max(probability, _EDGE), 1 - _EDGE)
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class Verdict:
    """Weights of the text log-odds and of each signal, and the intercept."""

    text: float
    weights: tuple[float, ...]
    intercept: float

    @classmethod
    def from_json(cls, data: dict) -> Verdict:
        """The model as `eval.train_verdict` writes it; a signal it lacks weighs nothing (so
        that a new signal can be trained with extraction running on the model before it)."""
        weights = tuple(data["signals"].get(name, 0.0) for name in SIGNALS)
        return cls(data["text"], weights, data["intercept"])

    def probability(self, text_probability: float, found: dict) -> float:
        z = self.intercept + self.text * log_odds(text_probability)
        z += sum(w * s for w, s in zip(self.weights, signals(found), strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def model() -> Verdict:
    """The shipped verdict model."""
    return Verdict.from_json(
        json.loads(files("understand.data").joinpath(MODEL_FILE).read_text("utf-8"))
    )


def strongest_signal(found: dict) -> str | None:
    """The field found whose signal weighs most towards a vacancy (`contract_type` for a
    contract kind's), or None."""
    weighed = sorted(zip(model().weights, SIGNALS, signals(found), strict=True), reverse=True)
    name = next((name for weight, name, on in weighed if on and weight > 0), None)
    return name.split("=")[0] if name else None


def vacancy_probability(text_probability: float, found: dict) -> float:
    """The verdict's probability that a posting is a vacancy, rounded to 4 places."""
    return round(model().probability(text_probability, found), 4)
