"""Per-item errors of `deadline` and `posted_date` on corpus splits, with the extractor's evidence.

    python -m eval.date_errors [--split train] [--split validation]

One block per wrong item: id, language, field, predicted and gold values and the sentence the
extractor read the date from. For reading errors by kind; tune on train and validation only.
"""

from __future__ import annotations

import argparse

from eval import corpus, extract, script

FIELDS = ("deadline", "posted_date")


def date_errors(items: list[dict], outputs: list[dict]) -> list[str]:
    """Lines describing each wrong `deadline` or `posted_date` of a gold vacancy."""
    lines = []
    for item, out in zip(items, outputs, strict=True):
        gold = item.get("gold") or {}
        if not item["is_vacancy"] or not gold:
            continue
        for name in FIELDS:
            if name in gold and not extract.same(name, out.get(name), gold.get(name)):
                said = (out.get("evidence") or {}).get(name, "")
                lines.append(
                    f"{item['id']} [{item['lang']}] {name}: {out.get(name)} != {gold.get(name)}\n"
                    f"    evidence: {said[:300]!r}"
                )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.date_errors")
    parser.add_argument("--split", action="append", choices=("train", "validation"))
    args = parser.parse_args(argv)
    corpus.assign_splits(corpus.load_items())
    for split in args.split or ["train", "validation"]:
        items = corpus.split_items(split)
        found = date_errors(items, extract.run(items))
        print(f"== {split}: {len(found)} errors")
        print("\n".join(found))
    return 0


if __name__ == "__main__":
    script(main)
