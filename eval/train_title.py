"""Train the title and organisation taggers on the corpus's train split.

    python -m eval.train_title            # writes understand/data/title_model.json
    python -m eval.train_title --search   # grouped cross-validation over the grid only
    python -m eval.train_title --check    # retrains and compares with the shipped file

Candidates and features come from `understand.title` (the same code extraction runs). A
candidate is positive when it matches the gold label by the scoring rules of `eval.extract`
(`same_title`, `same_organization`); a title candidate by the text extraction would give for it
(`understand.title.finished_title`: "Hledáme právníka" is "právník"). For each field a logistic
regression (scikit-learn, lbfgs) is fitted on the whole train split with the settings of
SETTINGS: regularisation, objective (pointwise or pairwise), acceptance threshold and whether the
rules' answer is preferred. They were chosen with `--search`, by cross-validation grouped by site
within the train split (never on validation or test), and are fixed here as `eval.train_fields`
fixes its own: the best figures of the grid lie within one standard error of each other, so
choosing afresh on every retrain let a change to one candidate flip the settings and move
validation by more than the change itself. `--search` prints the grid's best settings and that
standard error; re-choose when the candidates or features change in kind. The artefact holds
plain numbers (weights per feature name, intercept, threshold) and the train, cross-validation
and validation accuracies, rounded so that reruns write the same bytes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from eval import script
from eval.artefacts import training_args, write_or_check
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
    finished_title,
    org_candidates,
    title_candidates,
)

OUT = REPO / "understand" / "data" / MODEL_FILE
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
OBJECTIVES = ("pointwise", "pairwise")
THRESHOLDS = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
FOLDS = 5
DIGITS = 6
SHOWN = 8  # best settings printed per field by --search


class Settings(NamedTuple):
    """A tagger's hyper-parameters."""

    c: float
    objective: str
    threshold: float
    prefer_rules: bool


# Chosen with `--search` (grouped cross-validation within train; module docstring).
SETTINGS = {
    "title": Settings(3.0, "pointwise", 0.7, False),
    "organization": Settings(0.1, "pairwise", 0.3, False),
}

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


def _folds(examples: list[Example]) -> list[tuple[list[Example], list[Example]]]:
    groups = [g for _, _, g in examples]
    return [
        ([examples[i] for i in tr], [examples[i] for i in te])
        for tr, te in GroupKFold(n_splits=FOLDS).split(examples, groups=groups)
    ]


def _held_out_hits(
    fitted: list[tuple[LinearModel, list[Example]]], same: Callable, s: Settings
) -> float:
    """How many held-out postings the fitted models, with `s`'s threshold, answer right."""
    model_of = [(_with_threshold(m, s.threshold, s.prefer_rules), held) for m, held in fitted]
    return sum(_accuracy(held, same, m) * len(held) for m, held in model_of)


def cross_validated(examples: list[Example], same: Callable, s: Settings) -> float:
    """Accuracy of the answers of models fitted with `s` on the other folds of site groups."""
    fitted = [(_fit(tr, same, s.c, s.objective), te) for tr, te in _folds(examples)]
    return round(_held_out_hits(fitted, same, s) / len(examples), DIGITS)


def search(examples: list[Example], same: Callable) -> list[tuple[float, Settings]]:
    """Grouped cross-validated accuracy of every setting of the grid, best first."""
    folds = _folds(examples)
    results = []
    for c in C_GRID:
        for objective in OBJECTIVES:
            fitted = [(_fit(tr, same, c, objective), te) for tr, te in folds]
            for t in THRESHOLDS:
                for prefer in (False, True):
                    s = Settings(c, objective, t, prefer)
                    results.append((_held_out_hits(fitted, same, s) / len(examples), s))
    return sorted(results, key=lambda r: -r[0])


def _train(train: list[Example], valid: list[Example], same: Callable, s: Settings) -> dict:
    model = _with_threshold(_fit(train, same, s.c, s.objective), s.threshold, s.prefer_rules)
    return {
        "C": s.c,
        "objective": s.objective,
        "threshold": s.threshold,
        "prefer_rules": s.prefer_rules,
        "intercept": model.intercept,
        "accuracy": {
            "train": round(_accuracy(train, same, model), 4),
            "train_grouped_cv": round(cross_validated(train, same, s), 4),
            "validation": round(_accuracy(valid, same, model), 4),
        },
        "weights": model.weights,
    }


def _examples() -> tuple[dict[str, list[tuple[Doc, dict, str]]], dict, dict[str, str]]:
    """(the Docs per split, their title examples per split, each site's group)."""
    groups = site_groups([i for s in ("train", "validation") for i in split_items(s)])
    sets = {s: _docs(s) for s in ("train", "validation")}
    titles = {
        s: [(_finished(title_candidates(d), d), g["title"], groups[site]) for d, g, site in docs]
        for s, docs in sets.items()
    }
    return sets, titles, groups


def _finished(candidates: list[Candidate], doc: Doc) -> list[Candidate]:
    """The candidates with the text extraction would give for each (`finished_title`): a
    candidate is right or wrong by what the user would see."""
    return [replace(c, text=finished_title(c.text, doc)) for c in candidates]


def _model(trained: dict) -> LinearModel:
    return LinearModel(
        trained["weights"], trained["intercept"], trained["threshold"], trained["prefer_rules"]
    )


def _org_examples(sets: dict, titles: dict, groups: dict, title_model: LinearModel) -> dict:
    """Organisation examples per split: candidates around the title the title model picks."""
    orgs: dict[str, list[Example]] = {}
    for s, docs in sets.items():
        orgs[s] = []
        for (doc, gold, site), (cands, _, _) in zip(docs, titles[s], strict=True):
            top, _ = best(cands, title_model)
            _, head_org, head_line, _ = _headline(doc)
            line = top.line if top and top.line is not None else head_line
            orgs[s].append(
                (org_candidates(doc, head_org, line), gold["organization"], groups[site])
            )
    return orgs


def build() -> dict:
    """The artefact's content, trained from the corpus."""
    sets, titles, groups = _examples()
    title_model = _train(titles["train"], titles["validation"], same_title, SETTINGS["title"])
    orgs = _org_examples(sets, titles, groups, _model(title_model))
    org_model = _train(
        orgs["train"], orgs["validation"], same_organization, SETTINGS["organization"]
    )
    return {
        "about": "Title and organisation taggers written by `python -m eval.train_title` from "
        "the corpus train split (eval/corpus): logistic weights per feature of "
        "understand/title.py.",
        "models": {"title": title_model, "organization": org_model},
    }


def _print_search(field: str, examples: list[Example], same: Callable) -> None:
    """The best settings of the grid and where the shipped ones stand among them."""
    results = search(examples, same)
    top = results[0][0]
    se = math.sqrt(top * (1 - top) / len(examples))
    shipped = next(n for n, (_, s) in enumerate(results) if s == SETTINGS[field])
    near = sum(1 for acc, _ in results if acc >= top - se)
    print(
        f"{field}: {len(results)} settings, best cv accuracy {top:.4f}, standard error {se:.4f}"
        f" ({len(examples)} postings); {near} settings within one standard error of the best;"
        f" the shipped settings rank {shipped + 1} ({results[shipped][0]:.4f})"
    )
    for acc, s in results[:SHOWN]:
        print(f"  {acc:.4f}  {s}")


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = training_args(argv, "eval.train_title", __doc__.split("\n")[0], OUT)
    if args.search:
        sets, titles, groups = _examples()
        _print_search("title", titles["train"], same_title)
        title = _train(titles["train"], titles["validation"], same_title, SETTINGS["title"])
        orgs = _org_examples(sets, titles, groups, _model(title))
        _print_search("organization", orgs["train"], same_organization)
        return 0
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
