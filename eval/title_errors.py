"""Per-item title and organisation errors on corpus splits, with candidate recall.

    python -m eval.title_errors [--split train] [--split validation] [--all] [--quiet]

For each gold vacancy of a split: the gold title and organisation, our answer, and whether the
gold is among the candidates `understand.title` proposes (candidate recall: the ceiling no model
can pass). On train the shipped model is in-sample, so train also gets the grouped
cross-validation answer the way `eval.train_title` measures it (the shipped model's C, objective,
threshold and prefer_rules refitted on the other folds of sites). Tune on train and validation
only: the test split is for reporting.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files

from sklearn.model_selection import GroupKFold

from eval import corpus, script
from eval.extract import same_organization, same_title
from eval.train_title import FOLDS, _docs, _fit, _with_threshold
from understand.name_rules import _headline
from understand.text import Doc
from understand.title import (
    MODEL_FILE,
    Candidate,
    LinearModel,
    best,
    models,
    org_candidates,
    title_candidates,
)

FIELDS: dict[str, Callable[[str | None, str | None], bool]] = {
    "title": same_title,
    "organization": same_organization,
}


@dataclass
class Row:
    """One gold vacancy of a field: its candidates, gold value and our answers."""

    item: str
    site: str
    gold: str | None
    candidates: list[Candidate]
    answer: str | None = None
    cv_answer: str | None = None

    def recalled(self, same: Callable) -> bool:
        """Whether a candidate matches the gold (a null gold is matched by answering null)."""
        return self.gold is None or any(same(c.text, self.gold) for c in self.candidates)


def _org_rows(docs: list[tuple[Doc, dict, str]], titles: list[Row], model: LinearModel) -> list:
    """Organisation rows, their candidates built beside the title `model` picks."""
    rows = []
    for (doc, gold, site), title_row in zip(docs, titles, strict=True):
        top, _ = best(title_row.candidates, model)
        _, head_org, head_line, _ = _headline(doc)
        line = top.line if top and top.line is not None else head_line
        cands = org_candidates(doc, head_org, line)
        rows.append(Row(title_row.item, site, gold["organization"], cands))
    return rows


def build_rows(split: str) -> dict[str, list[Row]]:
    """Title and organisation rows of a split, answered by the shipped models."""
    docs = _docs(split)
    ids = [i["id"] for i in corpus.split_items(split) if i["is_vacancy"] and i.get("gold")]
    shipped = models()
    titles = [
        Row(key, site, gold["title"], title_candidates(doc))
        for key, (doc, gold, site) in zip(ids, docs, strict=True)
    ]
    rows = {"title": titles, "organization": _org_rows(docs, titles, shipped["title"])}
    for name, field_rows in rows.items():
        for row in field_rows:
            top, _ = best(row.candidates, shipped[name])
            row.answer = top.text if top else None
    return rows


@dataclass(frozen=True)
class Settings:
    """The shipped model's training settings."""

    c: float
    objective: str
    threshold: float
    prefer: bool


def _settings() -> dict[str, Settings]:
    data = json.loads(files("understand.data").joinpath(MODEL_FILE).read_text("utf-8"))
    return {
        name: Settings(m["C"], m["objective"], m["threshold"], m["prefer_rules"])
        for name, m in data["models"].items()
    }


def cross_validate(rows: list[Row], same: Callable, shipped: Settings, groups: dict) -> None:
    """Fill each row's `cv_answer` from a model fitted on the other folds of sites, with the
    shipped model's settings."""
    examples = [(r.candidates, r.gold, groups[r.site]) for r in rows]
    folds = GroupKFold(n_splits=FOLDS).split(examples, groups=[g for _, _, g in examples])
    for train, held in folds:
        fitted = _fit([examples[i] for i in train], same, shipped.c, shipped.objective)
        model = _with_threshold(fitted, shipped.threshold, shipped.prefer)
        for i in held:
            top, _ = best(rows[i].candidates, model)
            rows[i].cv_answer = top.text if top else None


def report(rows: list[Row], same: Callable, name: str, quiet: bool) -> list[str]:
    """Per-item lines for wrong answers, then recall and accuracy figures."""
    lines = []
    for r in rows:
        right = same(r.answer, r.gold)
        if not right and not quiet:
            recalled = "among candidates" if r.recalled(same) else "NOT among candidates"
            cv = f" | cv: {r.cv_answer!r}" if r.cv_answer is not None or r.gold is None else ""
            lines.append(f"{r.item} [{r.site}] {name}: {r.answer!r} != {r.gold!r} ({recalled}){cv}")
    n = len(rows) or 1
    recall = sum(r.recalled(same) for r in rows) / n
    accuracy = sum(same(r.answer, r.gold) for r in rows) / n
    figures = f"{name}: candidate recall {recall:.3f}, accuracy {accuracy:.3f}"
    if any(r.cv_answer is not None for r in rows):
        figures += f", grouped-cv accuracy {sum(same(r.cv_answer, r.gold) for r in rows) / n:.3f}"
    return [*lines, f"{figures} (n={len(rows)})"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.title_errors")
    parser.add_argument("--split", action="append", choices=("train", "validation", "test"))
    parser.add_argument("--quiet", action="store_true", help="figures only")
    args = parser.parse_args(argv)
    items = corpus.load_items()
    corpus.assign_splits(items)
    groups = corpus.site_groups([i for s in ("train", "validation") for i in corpus.split_items(s)])
    settings = _settings()
    for split in args.split or ["train", "validation"]:
        rows = build_rows(split)
        print(f"== {split}")
        for name, same in FIELDS.items():
            if split == "train":
                cross_validate(rows[name], same, settings[name], groups)
            print("\n".join(report(rows[name], same, name, args.quiet)))
    return 0


if __name__ == "__main__":
    script(main)
