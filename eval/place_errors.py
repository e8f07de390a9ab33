"""Per-item errors of `countries` and `remote` on corpus splits, with the extractor's evidence.

    python -m eval.place_errors [--split train] [--split validation]

One block per wrong item: id, site, field, predicted and gold values, the evidence sentence the
extractor used, and the gold duty station. For reading errors by kind; tune on train and
validation only.
"""

from __future__ import annotations

import argparse

from eval import corpus, extract, script

FIELDS = ("countries", "remote")


def place_errors(items: list[dict], outputs: list[dict]) -> list[str]:
    """Lines describing each wrong `countries` or `remote` of a gold vacancy."""
    lines = []
    for item, out in zip(items, outputs, strict=True):
        gold = item.get("gold") or {}
        if not item["is_vacancy"] or not gold:
            continue
        for name in FIELDS:
            if name in gold and not extract.same(name, out.get(name), gold.get(name)):
                said = (out.get("evidence") or {}).get(name, "")
                lines.append(
                    f"{item['id']} [{item['source_site']}] {name}: {out.get(name)} != "
                    f"{gold.get(name)} (duty station: {gold.get('duty_station')})\n"
                    f"    evidence: {said!r}"
                )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.place_errors")
    parser.add_argument("--split", action="append", choices=("train", "validation"))
    args = parser.parse_args(argv)
    corpus.assign_splits(corpus.load_items())
    for split in args.split or ["train", "validation"]:
        items = corpus.split_items(split)
        found = place_errors(items, extract.run(items))
        print(f"== {split}: {len(found)} errors")
        print("\n".join(found))
    return 0


if __name__ == "__main__":
    script(main)
