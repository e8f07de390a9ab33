"""Per-item errors of the text vacancy classifier on the train split (out of fold) and validation.

    python -m eval.vacancy_errors [--split train] [--split validation]

Train items are scored out of fold (the grouped cross-validation of `eval.train_vacancy`);
validation items by the model fitted on the whole train split, as `eval.train_vacancy` fits it.
For each split: F1, precision and recall, overall and per language group, then one line per
false positive or false negative with id, language, post type, score (log-odds before
calibration), the cues that fired with their learned weight, and the opening line. An item is
called a vacancy as the application calls it: calibrated probability at least 0.5, through the
Platt scaling `eval.train_vacancy` fits on the out-of-fold scores (so the figures are those of
`make eval` and `eval.train_vacancy`). For reading errors by kind; tune on train and validation
only.
"""

from __future__ import annotations

import argparse

from eval import corpus, script
from eval.train_vacancy import (
    CHAR_N,
    CUE_SCALE,
    OWN_WEIGHT,
    C,
    Example,
    decisions,
    examples,
    fit,
    out_of_fold,
    platt,
)

# Languages read together, so that each group has enough items for a figure.
LANGUAGE_GROUPS = {
    "en": ("en",),
    "fr es pt it ro ca": ("fr", "es", "pt", "it", "ro", "ca"),
    "de nl sv": ("de", "nl", "sv"),
    "ru uk bg sr ky": ("ru", "uk", "bg", "sr", "ky", "mk"),
    "pl cs hr bs": ("pl", "cs", "hr", "bs", "sk", "sl"),
    "ar fa tr az ka hy sq hu": ("ar", "fa", "tr", "az", "ka", "hy", "sq", "hu"),
}


def prf(pred: list[bool], gold: list[bool]) -> tuple[float, float, float, int]:
    """F1, precision, recall of the vacancy class, and the number of items."""
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return f1, precision, recall, len(pred)


def group_of(lang: str) -> str:
    return next((g for g, langs in LANGUAGE_GROUPS.items() if lang in langs), "other")


def figures(calls: list[bool], exs: list[Example]) -> list[str]:
    """F1, precision and recall overall and per language group, of these calls."""
    rows = [("all", calls, [e.label for e in exs])]
    for name in [*LANGUAGE_GROUPS, "other"]:
        pairs = [(c, e.label) for c, e in zip(calls, exs, strict=True)]
        mine = [p for p, e in zip(pairs, exs, strict=True) if group_of(e.item["lang"]) == name]
        if mine:
            rows.append((name, [p for p, _ in mine], [g for _, g in mine]))
    return [
        "{:26} F1 {:.3f}  P {:.3f}  R {:.3f}  n {}".format(name, *prf(pred, gold))
        for name, pred, gold in rows
    ]


def errors(
    scores: list[float], calls: list[bool], exs: list[Example], cue_w: dict[str, float]
) -> list[str]:
    """One line per wrong call, false positives first, each kind by score."""
    wrong = [(s, e) for s, c, e in zip(scores, calls, exs, strict=True) if c != e.label]
    lines = []
    for s, e in sorted(wrong, key=lambda p: (p[1].label, -p[0])):
        item = e.item
        kind = "FN" if e.label else "FP"
        fired = ", ".join(f"{n} {cue_w.get(n, 0.0):+.1f}" for n in e.feats.cues)
        opening = item["text"].strip().split("\n", 1)[0][:70]
        lines.append(
            f"{kind} {item['id']} {item['lang']} {item['post_type']} {s:+.2f} "
            f"[{len(item['text'])} chars] {opening!r}\n    cues: {fired}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.vacancy_errors")
    parser.add_argument("--split", action="append", choices=("train", "validation"))
    args = parser.parse_args(argv)
    params = (C, OWN_WEIGHT, CHAR_N, CUE_SCALE)
    exs = examples(corpus.split_items("train"), CHAR_N)
    data = fit(exs, *params)
    folded, folded_exs = out_of_fold(exs, *params)
    slope, offset = platt(folded, [e.label for e in folded_exs])
    for split in args.split or ["train", "validation"]:
        if split == "train":
            scores, held = folded, folded_exs
        else:
            held = [e for e in examples(corpus.split_items(split), CHAR_N) if not e.own]
            scores = list(decisions(data, held))
        calls = [slope * s + offset >= 0 for s in scores]
        found = errors(scores, calls, held, data["cues"])
        print(f"== {split} ({'out of fold' if split == 'train' else 'model of train'})")
        print(f"a vacancy from score {-offset / slope:+.2f} up (calibrated probability 0.5)")
        print("\n".join(figures(calls, held)))
        print(f"-- {len(found)} errors")
        print("\n".join(found))
    return 0


if __name__ == "__main__":
    script(main)
