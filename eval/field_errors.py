"""Per-item errors of `contract_type`, `seniority` and `remote` on corpus splits, with evidence.

    python -m eval.field_errors [--split train] [--split validation] [--quiet]

Prints each field's accuracy over the gold vacancies, a confusion table (gold rows, ours
columns) and one line per wrong item: id, language, field, gold, ours and the evidence the
extractor gave (the matched rule's line, or the cue the tagger leaned on). On train the learned
taggers are out of fold: each site group is tagged by taggers fitted without it (the folds of
`eval.train_fields`), so their errors are not hidden by having seen the item. For reading errors
by kind; tune on train and validation only.
"""

from __future__ import annotations

import argparse
from collections import Counter
from unittest import mock

from eval import corpus, extract, script, train_fields
from understand import fields
from understand.fields import Tagger

FIELDS = ("contract_type", "seniority", "remote")


def out_of_fold(items: list[dict]) -> list[dict]:
    """Extraction of train items, the learned taggers of each fold fitted without its groups."""
    by_id = {i["id"]: i for i in items}
    outputs = {o["id"]: o for o in extract.run(items)}  # items no tagger labels keep these
    for train, held in train_fields.folds(train_fields.examples("train")):
        fitted = {
            f: Tagger.from_json(train_fields.fit(train, f, *train_fields.PARAMS[f]))
            for f in fields.FIELDS
        }
        with mock.patch.object(fields, "taggers", lambda fitted=fitted: fitted):
            for out in extract.run([by_id[e.id] for e in held]):
                outputs[out["id"]] = out
    return [outputs[i["id"]] for i in items]


def rows(items: list[dict], outputs: list[dict]) -> list[tuple[dict, str, str, str, str]]:
    """(item, field, gold, ours, evidence) for each labelled field of each gold vacancy."""
    found = []
    for item, out in zip(items, outputs, strict=True):
        gold = item.get("gold") or {}
        if not item["is_vacancy"] or not gold:
            continue
        for name in FIELDS:
            if name in gold:
                said = (out.get("evidence") or {}).get(name, "")
                found.append((item, name, str(gold[name]), str(out.get(name)), said))
    return found


def report(found: list[tuple[dict, str, str, str, str]], quiet: bool = False) -> list[str]:
    """Accuracy, confusion table and (unless `quiet`) the wrong items, per field."""
    lines = []
    for name in FIELDS:
        mine = [r for r in found if r[1] == name]
        wrong = [r for r in mine if r[2] != r[3]]
        lines.append(f"-- {name}: accuracy {1 - len(wrong) / max(len(mine), 1):.3f} ({len(mine)})")
        lines += confusion(Counter((r[2], r[3]) for r in mine))
        if not quiet:
            lines += [
                f"  {item['id']} [{item.get('lang')}] gold {gold} / ours {ours}: {said!r}"
                for item, _, gold, ours, said in wrong
            ]
    return lines


def confusion(counts: Counter) -> list[str]:
    """A table of counts, gold values down the side and ours across."""
    labels = sorted({g for g, _ in counts} | {o for _, o in counts})
    if not labels:
        return []
    width = max(len(v) for v in labels) + 2
    head = "gold \\ ours".ljust(width) + "".join(v[: width - 1].rjust(width) for v in labels)
    body = [
        g.ljust(width) + "".join(str(counts[g, o] or ".").rjust(width) for o in labels)
        for g in labels
    ]
    return ["  " + line for line in (head, *body)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.field_errors")
    parser.add_argument("--split", action="append", choices=("train", "validation"))
    parser.add_argument("--quiet", action="store_true", help="figures and tables only")
    args = parser.parse_args(argv)
    corpus.assign_splits(corpus.load_items())
    for split in args.split or ["train", "validation"]:
        items = corpus.split_items(split)
        outputs = out_of_fold(items) if split == "train" else extract.run(items)
        print(f"== {split}" + (" (learned taggers out of fold)" if split == "train" else ""))
        print("\n".join(report(rows(items, outputs), args.quiet)))
    return 0


if __name__ == "__main__":
    script(main)
