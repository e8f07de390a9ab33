"""What the per-field error listers (`eval.place_errors`, `eval.date_errors`) share: the wrong
fields of gold vacancies, and a command line over the train and validation splits."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator

from eval import corpus, extract

Describe = Callable[[dict, dict, str, str], str]  # item, output, field, evidence -> lines


def wrong(items: list[dict], outputs: list[dict], fields: tuple[str, ...]) -> Iterator[tuple]:
    """(item, output, field, evidence) for each of `fields` a gold vacancy's output gets wrong."""
    for item, out in zip(items, outputs, strict=True):
        gold = item.get("gold") or {}
        if not item["is_vacancy"] or not gold:
            continue
        for name in fields:
            if name in gold and not extract.same(name, out.get(name), gold.get(name)):
                yield item, out, name, (out.get("evidence") or {}).get(name, "")


def listing(fields: tuple[str, ...], describe: Describe) -> Callable[..., list[str]]:
    """A function of (items, outputs) giving `describe`'s lines for every wrong field."""

    def errors(items: list[dict], outputs: list[dict]) -> list[str]:
        return [describe(*found) for found in wrong(items, outputs, fields)]

    return errors


def main(prog: str, errors: Callable[..., list[str]], argv: list[str] | None) -> int:
    """Print `errors` of each split asked for (train and validation by default)."""
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--split", action="append", choices=("train", "validation"))
    args = parser.parse_args(argv)
    corpus.assign_splits(corpus.load_items())
    for split in args.split or ["train", "validation"]:
        items = corpus.split_items(split)
        found = errors(items, extract.run(items))
        print(f"== {split}: {len(found)} errors")
        print("\n".join(found))
    return 0
