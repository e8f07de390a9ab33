"""Train the vacancy classifier and write `understand/data/vacancy_model.json`.

    python -m eval.train_vacancy            # train, print scores, write the artefact
    python -m eval.train_vacancy --search   # grouped cross-validation over the grid only
    python -m eval.train_vacancy --check    # retrain and fail unless the artefact is identical

Training data: the corpus's train split (`eval/corpus/`) and the project's own short texts
(`understand/data/vacancy_train.jsonl`). Features are those `understand.vacancy.features` reads
at run time (character n-grams, word uni/bigrams, cues, structure); terms seen in fewer than
`MIN_DF` training texts are dropped. A logistic regression (balanced classes) is fitted on them;
its scores are calibrated by Platt scaling fitted on out-of-fold scores of a cross-validation
grouped by site group (a site, its mirrors and sites sharing its template never straddle two
folds; the own texts are always on the training side). Hyper-parameters were chosen with
`--search` on that cross-validation; the validation split is printed as a check, and the test
split is never read here. Same data, same artefact: vocabularies are sorted and numbers rounded.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from itertools import product

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from eval import corpus, script
from eval.artefacts import training_args, write_or_check
from eval.paths import REPO
from understand.text import Doc, normalise
from understand.vacancy import CUE_NAMES, MODEL_FILE, Features, Model, char_grams, features

OWN_TEXTS = REPO / "understand" / "data" / "vacancy_train.jsonl"
ARTEFACT = REPO / "understand" / "data" / MODEL_FILE
FOLDS = 5
MIN_DF = 2
# Chosen by grouped cross-validation within the train split (`--search`).
C = 16.0
CHAR_N = (4,)
OWN_WEIGHT = 1.0  # sample weight of the project's own short texts against real postings
CUE_SCALE = 1.0  # cue features' value: above 1, they are regularised less than the n-grams
GRID = {
    "C": (1.0, 4.0, 16.0),
    "char_n": ((3, 4), (2, 3, 4), (4,)),  # at most 4: run-time n-gram keys are 64-bit
    "own_weight": (0.5, 1.0),
    "cue_scale": (1.0, 2.0, 4.0),
}


class Example:
    """One training text: its features, label, group (site group or "own") and corpus item."""

    def __init__(
        self, text: str, label: bool, group: str, item: dict | None, char_n: tuple[int, ...]
    ):
        self.feats = features(Doc(normalise(text)))
        self.char_counts = Counter(char_grams(self.feats.flat, char_n))
        self.word_counts = Counter(self.feats.words)
        self.label, self.group, self.item = label, group, item
        self.own = item is None


def examples(items: list[dict], char_n: tuple[int, ...]) -> list[Example]:
    """Corpus items (grouped by site group) and the own texts, as examples."""
    groups = corpus.site_groups(corpus.load_items())
    out = [
        Example(i["text"], bool(i["is_vacancy"]), groups[i["source_site"]], i, char_n)
        for i in items
    ]
    with OWN_TEXTS.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return out + [Example(r["text"], bool(r["is_vacancy"]), "own", None, char_n) for r in rows]


def _vocabulary(counts: list[Counter[str]]) -> tuple[list[str], np.ndarray]:
    """Terms in at least MIN_DF texts, sorted, and their smoothed idf."""
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    terms = sorted(t for t, n in df.items() if n >= MIN_DF)
    dfs = np.array([df[t] for t in terms], dtype=np.float64)
    return terms, np.log((1 + len(counts)) / (1 + dfs)) + 1


def _tfidf(counts: list[Counter[str]], terms: list[str], idf: np.ndarray) -> sparse.csr_matrix:
    """Rows of sublinear TF-IDF, L2-normalised, as `Model._block` computes them."""
    index = {t: i for i, t in enumerate(terms)}
    rows, cols, vals = [], [], []
    for r, c in enumerate(counts):
        for t in c.keys() & index.keys():
            rows.append(r)
            cols.append(index[t])
            vals.append((1 + math.log(c[t])) * idf[index[t]])
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(len(counts), len(terms)))
    m.sort_indices()  # the same order whatever the string hashes: the same sums, bit for bit
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    return sparse.diags(1 / np.where(norms > 0, norms, 1)) @ m


def _cues(feats: list[Features]) -> sparse.csr_matrix:
    return sparse.csr_matrix(
        [[1.0 if name in f.cues else 0.0 for name in CUE_NAMES] for f in feats]
    )


def fit(
    train: list[Example], c: float, own_weight: float, char_n: tuple[int, ...], cue_scale: float
) -> dict:
    """The model, as the JSON-ready dict `understand.vacancy.Model.from_json` reads."""
    feats = [e.feats for e in train]
    chars = [e.char_counts for e in train]
    words = [e.word_counts for e in train]
    char_terms, char_idf = _vocabulary(chars)
    word_terms, word_idf = _vocabulary(words)
    x = sparse.hstack(
        [
            _tfidf(chars, char_terms, char_idf),
            _tfidf(words, word_terms, word_idf),
            cue_scale * _cues(feats),
        ]
    ).tocsr()
    y = np.array([e.label for e in train])
    weights = np.array([own_weight if e.own else 1.0 for e in train])
    # Balanced classes, on top of the sample weights.
    for label in (False, True):
        weights[y == label] *= weights.sum() / (2 * weights[y == label].sum())
    lr = LogisticRegression(C=c, solver="liblinear", max_iter=5000, random_state=0)
    lr.fit(x, y, sample_weight=weights)
    w = lr.coef_[0]
    nc, nw = len(char_terms), len(word_terms)
    return {
        "char_n": list(char_n),
        "chars": _block(char_terms, char_idf, w[:nc]),
        "words": _block(word_terms, word_idf, w[nc : nc + nw]),
        "cues": {
            name: round(float(v) * cue_scale, 4)
            for name, v in zip(CUE_NAMES, w[nc + nw :], strict=True)
        },
        "intercept": round(float(lr.intercept_[0]), 4),
        "platt": [1.0, 0.0],
    }


def _block(terms: list[str], idf: np.ndarray, w: np.ndarray) -> dict:
    return {
        "terms": terms,
        "idf": [round(float(v), 4) for v in idf],
        "weights": [round(float(v), 5) for v in w],
    }


def decisions(data: dict, exs: list[Example]) -> np.ndarray:
    """Uncalibrated scores of examples under a model dict, through the run-time code."""
    return Model.from_json(data).decision([e.feats for e in exs])


def out_of_fold(exs: list[Example], *params) -> tuple[list[float], list[Example]]:
    """Out-of-fold scores of the corpus examples (grouped folds by site group), and those examples
    in the order of the scores."""
    groups = sorted({e.group for e in exs if not e.own})
    fold_of = {g: n % FOLDS for n, g in enumerate(groups)}
    scores: list[float] = []
    held_all: list[Example] = []
    for k in range(FOLDS):
        held = [e for e in exs if not e.own and fold_of[e.group] == k]
        train = [e for e in exs if e.own or fold_of[e.group] != k]
        scores += list(decisions(fit(train, *params), held))
        held_all += held
    return scores, held_all


def f1(pred: list[bool], gold: list[bool]) -> float:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def platt(scores: list[float], labels: list[bool]) -> list[float]:
    """Slope and offset mapping scores to calibrated probabilities."""
    lr = LogisticRegression(C=1e4, max_iter=1000, tol=1e-10)
    lr.fit(np.array(scores).reshape(-1, 1), np.array(labels))
    return [round(float(lr.coef_[0][0]), 4), round(float(lr.intercept_[0]), 4)]


def train(
    c: float = C, own_weight: float = OWN_WEIGHT, char_n=CHAR_N, cue_scale: float = CUE_SCALE
) -> tuple[dict, dict]:
    """The model dict and its figures (grouped CV F1 within train, validation F1)."""
    exs = examples(corpus.split_items("train"), char_n)
    params = (c, own_weight, char_n, cue_scale)
    scores, held = out_of_fold(exs, *params)
    labels = [e.label for e in held]
    data = fit(exs, *params)
    data["platt"] = platt(scores, labels)
    valid = examples(corpus.split_items("validation"), char_n)
    valid = [e for e in valid if not e.own]
    v_scores = decisions(data, valid)
    slope, offset = data["platt"]

    def says(score: float) -> bool:  # the run-time decision: calibrated probability >= 0.5
        return slope * score + offset >= 0

    figures = {
        "cv_f1": round(f1(list(map(says, scores)), labels), 3),
        "validation_f1": round(f1(list(map(says, v_scores)), [e.label for e in valid]), 3),
        "n_train": len(exs),
    }
    return data, figures


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = training_args(argv, "eval.train_vacancy", __doc__, ARTEFACT)
    if args.search:
        cache: dict = {}
        for c, char_n, own, cue in product(*GRID.values()):
            exs = cache.setdefault(char_n, examples(corpus.split_items("train"), char_n))
            scores, held = out_of_fold(exs, c, own, char_n, cue)
            labels = [e.label for e in held]
            slope, offset = platt(scores, labels)
            f = f1([slope * s + offset >= 0 for s in scores], labels)
            print(f"C={c} char_n={char_n} own_weight={own} cue_scale={cue}: cv F1 {f:.3f}")
        return 0
    data, figures = train()
    text = dumps(data)
    print(", ".join(f"{k} {v}" for k, v in figures.items()))
    return write_or_check(args.out, text, check=args.check)


if __name__ == "__main__":
    script(main)
