"""Train the contract-type, seniority and remote taggers; write `understand/data/fields_model.json`.

    python -m eval.train_fields            # train, print scores, write the artefact
    python -m eval.train_fields --search   # grouped cross-validation over the grid only
    python -m eval.train_fields --check    # retrain and fail unless the artefact is identical

Training data: the vacancies of the corpus's train split (`eval/corpus/`) with their labels.
Features are those `understand.fields.features` reads at run time, given the title and minimum
years the rest of the understanding step finds (never the labelled ones), and for `remote` those
`understand.fields.remote_features` reads over what `understand.places` finds; features seen in
fewer than `MIN_DF` training postings are dropped. Each field is a multinomial logistic regression.
Hyper-parameters were chosen with `--search` on a cross-validation grouped by site group within
train (a site, its mirrors and sites sharing its template never straddle two folds); the
validation split is printed as a check, and the test split is never read here. A tagger is
marked to be used (`beats_rules`) only when its out-of-fold hits beat the rules' by more than
the standard error of their paired difference; otherwise the rules decide the field. Same data, same
artefact: features are sorted and numbers rounded.
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import product

import numpy as np
from sklearn.linear_model import LogisticRegression

from eval import corpus, script
from eval.artefacts import training_args, write_or_check
from eval.paths import REPO
from understand import _doc
from understand.contact import apply_contact
from understand.experience import min_years
from understand.fields import (
    FIELDS,
    MODEL_FILE,
    Tagger,
    decide,
    features,
    remote_features,
)
from understand.places import find_places
from understand.title import find_title_and_org

ARTEFACT = REPO / "understand" / "data" / MODEL_FILE
FOLDS = 5
MIN_DF = 2
# Chosen by grouped cross-validation within the train split (`--search`).
# Per field: C, the scale of the rules' answers (above 1 they are regularised less), balanced
# class weights.
PARAMS = {
    "contract_type": (3.0, 1.0, False),
    "seniority": (0.3, 1.0, False),
    "remote": (0.3, 2.0, True),
}
GRID = {"C": (0.3, 1.0, 3.0), "rule_scale": (1.0, 2.0, 4.0), "balanced": (False, True)}
# Which features each tagger reads, also chosen by that cross-validation: the title's words help
# seniority but not the contract, the cues about contracts help the contract but not seniority.
_SENIORITY_CUES = {
    f"c:{name}"
    for name in (
        "senior words", "junior words", "director words", "students or graduates", "internship",
        "fellowship", "volunteer",
    )
}  # fmt: skip


_REMOTE_PREFIXES = ("rr:", "rq:", "w:")


def reads(field: str, name: str) -> bool:
    """Whether `field`'s tagger reads the feature `name`: the remote tagger reads the features
    of `understand.fields.remote_features` only, and the others none of them."""
    if name.startswith(_REMOTE_PREFIXES):
        return field == "remote"
    if field == "remote":
        return False
    if field == "contract_type":
        return not name.startswith("t:")
    return not name.startswith("c:") or name in _SENIORITY_CUES


_RULES = ("rc:", "rs:", "rr:")  # the rules' answers, scaled by `rule_scale`


class Example:
    """One labelled vacancy: its feature names, labels and site group."""

    def __init__(self, item: dict, group: str):
        doc = _doc({k: item[k] for k in ("id", "url", "text") if k in item})
        found = find_title_and_org(doc)
        title = found.title
        years = min_years(doc)[0]
        self.names = features(doc, title, years if isinstance(years, int) else None).names
        contact = apply_contact(doc, None)[0]
        places = find_places(doc, {}, title, found.title_line, contact)
        self.names |= remote_features(doc, places).names
        self.labels = {f: item["gold"].get(f) or "unknown" for f in FIELDS}
        self.group = group
        self.id = item["id"]


def examples(split: str) -> list[Example]:
    """The split's labelled vacancies, as examples."""
    groups = corpus.site_groups(corpus.load_items())
    return [
        Example(i, groups[i["source_site"]])
        for i in corpus.split_items(split)
        if i["is_vacancy"] and i.get("gold")
    ]


def fit(
    train: list[Example], field: str, c: float, rule_scale: float = 1.0, balanced: bool = False
) -> dict:
    """One field's tagger, as the JSON-ready dict `understand.fields.Tagger.from_json` reads."""
    df = Counter(n for e in train for n in e.names if reads(field, n))
    names = sorted(n for n, k in df.items() if k >= MIN_DF)
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(train), len(names)))
    for r, e in enumerate(train):
        for n in e.names & index.keys():
            x[r, index[n]] = rule_scale if n[:3] in _RULES else 1.0
    y = np.array([e.labels[field] for e in train])
    lr = LogisticRegression(
        C=c, max_iter=5000, tol=1e-8, class_weight="balanced" if balanced else None
    )
    lr.fit(x, y)
    classes = [str(k) for k in lr.classes_]
    coef = lr.coef_ if len(classes) > 2 else np.vstack([-lr.coef_[0], lr.coef_[0]])
    icpt = lr.intercept_ if len(classes) > 2 else np.array([-lr.intercept_[0], lr.intercept_[0]])
    weights = {}
    for n, i in index.items():
        scale = rule_scale if n[:3] in _RULES else 1.0
        w = [round(float(v) * scale, 4) for v in coef[:, i]]
        if any(w):
            weights[n] = w
    return {
        "classes": classes,
        "intercept": [round(float(v), 4) for v in icpt],
        "weights": weights,
    }


def hits(tagger: dict, field: str, exs: list[Example]) -> list[bool]:
    """Per example, whether the tagger gives its label, through the run-time code."""
    t = Tagger.from_json(tagger)
    if field == "remote" and t.beats_rules:
        return [t.tag(e.names) == e.labels[field] for e in exs]
    return [decide(t, e.names, _rule(field, e)) == e.labels[field] for e in exs]


def accuracy(tagger: dict, field: str, exs: list[Example]) -> float:
    """Share of examples whose label the tagger gives."""
    return float(np.mean(hits(tagger, field, exs))) if exs else 0.0


def _rule(field: str, e: Example) -> str:
    prefix = {"contract_type": "rc:", "seniority": "rs:", "remote": "rr:"}[field]
    return next(n[3:] for n in e.names if n.startswith(prefix))


def folds(exs: list[Example]) -> list[tuple[list[Example], list[Example]]]:
    """(training, held-out) examples per fold, grouped by site group."""
    groups = sorted({e.group for e in exs})
    fold_of = {g: n % FOLDS for n, g in enumerate(groups)}
    return [
        ([e for e in exs if fold_of[e.group] != k], [e for e in exs if fold_of[e.group] == k])
        for k in range(FOLDS)
    ]


def out_of_fold(exs: list[Example], field: str, c: float, *params) -> tuple[np.ndarray, np.ndarray]:
    """Per example, in fold order (folds grouped by site group): whether its out-of-fold tag
    is right, and whether the rules' answer is."""
    tagger: list[bool] = []
    rules: list[bool] = []
    for train, held in folds(exs):
        tagger += hits(fit(train, field, c, *params), field, held)
        rules += [_rule(field, e) == e.labels[field] for e in held]
    return np.array(tagger, dtype=float), np.array(rules, dtype=float)


def cross_validated(exs: list[Example], field: str, c: float, *params) -> float:
    """Accuracy of out-of-fold tags."""
    return float(out_of_fold(exs, field, c, *params)[0].mean())


def beats_rules(tagger: np.ndarray, rules: np.ndarray) -> bool:
    """Whether the tagger's out-of-fold hits beat the rules' by more than the standard error of
    the paired difference: a gain of a posting or two is noise, and the rules then decide."""
    diff = tagger - rules
    return bool(diff.mean() > diff.std(ddof=1) / np.sqrt(len(diff)))


def rules_accuracy(field: str, exs: list[Example]) -> float:
    """What the rules alone score, for comparison."""
    return sum(_rule(field, e) == e.labels[field] for e in exs) / len(exs)


def main(argv: list[str] | None = None) -> int:
    args = training_args(argv, "eval.train_fields", __doc__, ARTEFACT)
    train = examples("train")
    if args.search:
        for field, *params in product(FIELDS, *GRID.values()):
            figure = cross_validated(train, field, *params)
            print(f"{field} C, rule_scale, balanced = {params}: cv accuracy {figure:.3f}")
        return 0
    valid = examples("validation")
    data = {}
    for field in FIELDS:
        data[field] = fit(train, field, *PARAMS[field])
        tagger, rules = out_of_fold(train, field, *PARAMS[field])
        data[field]["beats_rules"] = beats = beats_rules(tagger, rules)  # else the rules decide
        print(
            f"{field}: cv accuracy {tagger.mean():.3f} (rules {rules.mean():.3f}"
            f"{'' if beats else ', which decide it'}),"
            f" validation {accuracy(data[field], field, valid):.3f}"
            f" (rules {rules_accuracy(field, valid):.3f}), n_train {len(train)}"
        )
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    return write_or_check(args.out, text, check=args.check)


if __name__ == "__main__":
    script(main)
