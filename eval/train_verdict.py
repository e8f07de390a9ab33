"""Train the vacancy verdict and write `understand/data/verdict_model.json`.

    python -m eval.train_verdict            # train, print scores, write the artefact
    python -m eval.train_verdict --search   # grouped cross-validation over the grid only
    python -m eval.train_verdict --check    # retrain and fail unless the artefact is identical

Run after `eval.train_vacancy`, `eval.train_title` and `eval.train_fields`: the verdict reads
their output. Training data: the corpus's train split. Each posting is described as at run time
(`understand.verdict`): the text classifier's calibrated probability as log-odds and one signal
per field the extraction finds in the text alone. The text probabilities of the train split
are out of fold (the grouped cross-validation of `eval.train_vacancy`, calibrated by the same
Platt scaling), so that the verdict learns how far to trust the text classifier on postings it
has not seen. A logistic regression is fitted on them; C was chosen with
`--search` on a cross-validation grouped by site group within train. The validation split is
printed as a check, beside the text classifier alone; the test split is never read here.
"""

from __future__ import annotations

import json
import math

import numpy as np
from sklearn.linear_model import LogisticRegression

from eval import corpus, script, train_vacancy
from eval.artefacts import training_args, write_or_check
from eval.paths import REPO
from understand import _doc, extract_many
from understand.vacancy import vacancy_scores
from understand.verdict import MODEL_FILE, SIGNALS, Verdict, log_odds, signals

ARTEFACT = REPO / "understand" / "data" / MODEL_FILE
FOLDS = 5
C = 0.3  # chosen by grouped cross-validation within the train split (`--search`)
GRID = (0.1, 0.3, 1.0, 3.0)


def _record(item: dict) -> dict:
    """A corpus item as the extraction input the evaluation gives (id, url, text)."""
    return {k: item[k] for k in ("id", "url", "text") if item.get(k)}


def design(outputs: list[dict], text_probabilities: list[float]) -> np.ndarray:
    """Rows of [text log-odds, signals...] of these extraction outputs."""
    return np.array(
        [[log_odds(p), *signals(o)] for p, o in zip(text_probabilities, outputs, strict=True)]
    )


def out_of_fold_probabilities() -> tuple[list[dict], list[float]]:
    """Train items and their text classifier's out-of-fold calibrated probabilities."""
    params = (
        train_vacancy.C,
        train_vacancy.OWN_WEIGHT,
        train_vacancy.CHAR_N,
        train_vacancy.CUE_SCALE,
    )
    exs = train_vacancy.examples(corpus.split_items("train"), train_vacancy.CHAR_N)
    scores, held = train_vacancy.out_of_fold(exs, *params)
    slope, offset = train_vacancy.platt(scores, [e.label for e in held])
    probabilities = [round(1 / (1 + math.exp(-(slope * s + offset))), 4) for s in scores]
    return [e.item for e in held], probabilities


def fitted(x: np.ndarray, y: np.ndarray, c: float) -> LogisticRegression:
    """The verdict's logistic regression fitted on rows of `design`."""
    return LogisticRegression(C=c, max_iter=1000).fit(x, y)


def grouped_cv_f1(x: np.ndarray, y: np.ndarray, groups: list[str], c: float) -> float:
    """F1 of out-of-fold calls (probability >= 0.5), folds by site group."""
    order = sorted(set(groups))
    fold = np.array([order.index(g) % FOLDS for g in groups])
    calls = np.zeros(len(y), dtype=bool)
    for k in range(FOLDS):
        model = fitted(x[fold != k], y[fold != k], c)
        calls[fold == k] = model.predict_proba(x[fold == k])[:, 1] >= 0.5
    return train_vacancy.f1(list(calls), list(y))


def model_dict(model: LogisticRegression) -> dict:
    w = model.coef_[0]
    return {
        "text": round(float(w[0]), 4),
        "signals": {name: round(float(v), 4) for name, v in zip(SIGNALS, w[1:], strict=True)},
        "intercept": round(float(model.intercept_[0]), 4),
    }


def main(argv: list[str] | None = None) -> int:
    args = training_args(argv, "eval.train_verdict", __doc__, ARTEFACT)
    items, probabilities = out_of_fold_probabilities()
    x = design(extract_many([_record(i) for i in items]), probabilities)
    y = np.array([bool(i["is_vacancy"]) for i in items])
    group_of = corpus.site_groups(corpus.load_items())
    groups = [group_of[i["source_site"]] for i in items]
    text_alone = train_vacancy.f1(list(x[:, 0] >= 0), list(y))
    if args.search:
        print(f"text classifier alone: cv F1 {text_alone:.3f}")
        for c in GRID:
            print(f"C={c}: cv F1 {grouped_cv_f1(x, y, groups, c):.3f}")
        return 0
    model = fitted(x, y, C)
    data = model_dict(model)
    valid = corpus.split_items("validation")
    v_text = [p for p, _ in vacancy_scores([_doc(_record(i)) for i in valid])]
    outputs = extract_many([_record(i) for i in valid])
    vy = [bool(i["is_vacancy"]) for i in valid]
    verdict = Verdict.from_json(data)
    calls = [verdict.probability(p, o) >= 0.5 for p, o in zip(v_text, outputs, strict=True)]
    figures = {
        "cv_f1": round(grouped_cv_f1(x, y, groups, C), 3),
        "cv_f1_text_alone": round(text_alone, 3),
        "validation_f1": round(train_vacancy.f1(calls, vy), 3),
        "validation_f1_text_alone": round(train_vacancy.f1([p >= 0.5 for p in v_text], vy), 3),
    }
    print(", ".join(f"{k} {v}" for k, v in figures.items()))
    text = json.dumps(data, indent=1, sort_keys=True) + "\n"
    return write_or_check(args.out, text, check=args.check)


if __name__ == "__main__":
    script(main)
