"""Train the title and organisation taggers on the corpus's train split.

    python -m eval.train_title            # writes understand/data/title_model.json
    python -m eval.train_title --check    # retrains and compares with the shipped file

Candidates and features come from `understand.title` (the same code extraction runs). A
candidate is positive when it matches the gold label by the scoring rules of `eval.extract`
(`same_title`, `same_organization`). For each field a logistic regression (scikit-learn, lbfgs)
is fitted; its regularisation, class weighting and acceptance threshold are chosen by
cross-validation grouped by site within the train split (never on validation or test), then the
model is refitted on the whole train split. The artefact holds plain numbers (weights per feature
name, intercept, threshold) and the train, cross-validation and validation accuracies, rounded so
that reruns write the same bytes.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from eval import script
from eval.artefacts import write_or_check
from eval.corpus import site_groups, split_items
from eval.extract import same_organization, same_title
from eval.paths import REPO
from understand import _doc
from understand.name_rules import _headline
from understand.text import Doc
from understand.title import (
    MODEL_FILE,
    Candidate,
    LinearModel,
    best,
    org_candidates,
    title_candidates,
)

OUT = REPO / "understand" / "data" / MODEL_FILE
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
OBJECTIVES = ("pointwise", "pairwise")
THRESHOLDS = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
FOLDS = 5
DIGITS = 6

Example = tuple[list[Candidate], str | None, str]  # candidates, gold value, site group


def _docs(split: str) -> list[tuple[Doc, dict, str]]:
    """(text-only Doc, gold labels, site) of each gold vacancy of a split."""
    items = [i for i in split_items(split) if i["is_vacancy"] and i.get("gold")]
    return [
        (_doc({k: i[k] for k in ("id", "url", "text")}), i["gold"], i["source_site"]) for i in items
    ]


def _pairs(examples: list[Example], same: Callable) -> tuple[list[dict], list[int]]:
    """Feature differences (right minus wrong candidate, and the reverse) within each posting."""
    rows, labels = [], []
    for cands, gold, _ in examples:
        right = [c.features for c in cands if same(c.text, gold)]
        wrong = [c.features for c in cands if not same(c.text, gold)]
        for r in right:
            for w in wrong:
                diff = {k: r.get(k, 0.0) - w.get(k, 0.0) for k in r.keys() | w.keys()}
                diff = {k: v for k, v in diff.items() if v}
                rows += [diff, {k: -v for k, v in diff.items()}]
                labels += [1, 0]
    return rows, labels


def _fit(examples: list[Example], same: Callable, c: float, objective: str) -> LinearModel:
    """A logistic model: "pointwise" (is this candidate right?) or "pairwise" (is this
    candidate better than that one of the same posting?, scored without intercept)."""
    if objective == "pairwise":
        rows, labels = _pairs(examples, same)
    else:
        rows = [cand.features for cands, _, _ in examples for cand in cands]
        labels = [int(same(cand.text, gold)) for cands, gold, _ in examples for cand in cands]
    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform(rows)
    if len(set(labels)) < 2:
        return LinearModel({}, -30.0, 0.5)
    clf = LogisticRegression(
        C=c,
        class_weight="balanced" if objective == "pointwise" else None,
        fit_intercept=objective == "pointwise",
        max_iter=5000,
    ).fit(x, labels)
    weights = {
        name: round(float(w), DIGITS)
        for name, w in zip(vectoriser.get_feature_names_out(), clf.coef_[0], strict=True)
        if round(float(w), DIGITS)
    }
    intercept = round(float(clf.intercept_[0]), DIGITS) if objective == "pointwise" else 0.0
    return LinearModel(dict(sorted(weights.items())), intercept, 0.5)


def _accuracy(examples: list[Example], same: Callable, model: LinearModel) -> float:
    hits = 0
    for cands, gold, _ in examples:
        top, _ = best(cands, model)
        hits += same(top.text if top else None, gold)
    return hits / len(examples) if examples else 0.0


def _with_threshold(model: LinearModel, threshold: float, prefer: bool = False) -> LinearModel:
    return LinearModel(model.weights, model.intercept, threshold, prefer)


def _choose(examples: list[Example], same: Callable) -> tuple[float, str | None, float, float]:
    """(C, objective, threshold, prefer_rules, accuracy) best in site-grouped cross-validation."""
    groups = [g for _, _, g in examples]
    folds = list(GroupKFold(n_splits=FOLDS).split(examples, groups=groups))
    results = []
    for c in C_GRID:
        for objective in OBJECTIVES:
            fitted = [
                (_fit([examples[i] for i in tr], same, c, objective), [examples[i] for i in te])
                for tr, te in folds
            ]
            for t in THRESHOLDS:
                for prefer in (False, True):
                    hits = sum(
                        _accuracy(held, same, _with_threshold(m, t, prefer)) * len(held)
                        for m, held in fitted
                    )
                    results.append((round(hits / len(examples), DIGITS), -c, objective, t, prefer))
    score, neg_c, objective, threshold, prefer = max(results)
    return -neg_c, objective, threshold, prefer, score


def _train(train: list[Example], valid: list[Example], same: Callable) -> dict:
    c, objective, threshold, prefer, cv = _choose(train, same)
    model = _with_threshold(_fit(train, same, c, objective), threshold, prefer)
    return {
        "C": c,
        "objective": objective,
        "threshold": threshold,
        "prefer_rules": prefer,
        "intercept": model.intercept,
        "accuracy": {
            "train": round(_accuracy(train, same, model), 4),
            "train_grouped_cv": round(cv, 4),
            "validation": round(_accuracy(valid, same, model), 4),
        },
        "weights": model.weights,
    }


def build() -> dict:
    """The artefact's content, trained from the corpus."""
    groups = site_groups([i for s in ("train", "validation") for i in split_items(s)])
    sets = {s: _docs(s) for s in ("train", "validation")}
    titles = {
        s: [(title_candidates(d), g["title"], groups[site]) for d, g, site in docs]
        for s, docs in sets.items()
    }
    title_model = _train(titles["train"], titles["validation"], same_title)
    fitted = LinearModel(
        title_model["weights"],
        title_model["intercept"],
        title_model["threshold"],
        title_model["prefer_rules"],
    )
    orgs = {}
    for s, docs in sets.items():
        orgs[s] = []
        for (doc, gold, site), (cands, _, _) in zip(docs, titles[s], strict=True):
            top, _ = best(cands, fitted)
            _, head_org, head_line, _ = _headline(doc)
            line = top.line if top and top.line is not None else head_line
            orgs[s].append(
                (org_candidates(doc, head_org, line), gold["organization"], groups[site])
            )
    org_model = _train(orgs["train"], orgs["validation"], same_organization)
    return {
        "about": "Title and organisation taggers written by `python -m eval.train_title` from "
        "the corpus train split (eval/corpus): logistic weights per feature of "
        "understand/title.py.",
        "models": {"title": title_model, "organization": org_model},
    }


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.train_title", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--check", action="store_true", help="compare with the shipped artefact")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the artefact")
    args = parser.parse_args(argv)
    text = _dump(build())
    for name, m in json.loads(text)["models"].items():
        print(
            f"{name:13} C={m['C']} objective={m['objective']} threshold={m['threshold']}"
            f" prefer_rules={m['prefer_rules']}"
            f" features={len(m['weights'])} accuracy={m['accuracy']}"
        )
    return write_or_check(args.out, text, check=args.check)


if __name__ == "__main__":
    script(main)
