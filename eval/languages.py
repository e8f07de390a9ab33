"""Errors of the language fields on corpus splits, with the evidence sentence of each.

    python -m eval.languages [--split train] [--split validation] [--all]

Per wrong item: id, site, predicted and gold languages_required / languages_desirable /
language_rule, and the sentences that name a language (to read why). Tuning aid for
`understand/languages.py`; the test split is for reporting only and is not offered.
"""

from __future__ import annotations

import argparse
import json

from eval import corpus, extract, script
from understand.languages import _languages
from understand.text import split_sentences

FIELDS = ("languages_required", "languages_desirable", "language_rule")


def _mentions(text: str, limit: int = 12) -> list[str]:
    """Sentences of `text` that name a language (at most `limit`)."""
    out = []
    for line in text.splitlines():
        for sentence in split_sentences(line):
            if _languages(sentence):
                out.append(sentence.strip()[:220])
    return out[:limit]


def _same(field: str, pred, gold) -> bool:
    if field == "language_rule":
        return extract.same(field, pred, gold)
    return set(pred or []) == set(gold or [])


def report(split: str, show_all: bool = False) -> tuple[int, int]:
    """Print the wrong items of one split; return (wrong items, vacancies)."""
    items = [i for i in corpus.split_items(split) if i["is_vacancy"] and i.get("gold")]
    outputs = extract.run(items)
    wrong = 0
    for item, out in zip(items, outputs, strict=True):
        gold = item["gold"]
        bad = [f for f in FIELDS if f in gold and not _same(f, out.get(f), gold.get(f))]
        if not bad and not show_all:
            continue
        wrong += bool(bad)
        print(f"\n## {item['id']} ({item['source_site']}, {item['lang']}) {' '.join(bad)}")
        for f in FIELDS:
            print(f"  {f}: pred {json.dumps(out.get(f))} gold {json.dumps(gold.get(f))}")
        for s in _mentions(item["text"]):
            print(f"    | {s}")
    return wrong, len(items)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.languages", description=__doc__)
    parser.add_argument("--split", action="append", choices=("train", "validation"))
    parser.add_argument("--all", action="store_true", help="also show the right items")
    args = parser.parse_args(argv)
    for split in args.split or ["train", "validation"]:
        wrong, n = report(split, args.all)
        print(f"\n== {split}: {wrong} of {n} vacancies wrong on a language field")
    return 0


if __name__ == "__main__":
    script(main)
