"""The labelled corpus of real postings (`eval/corpus/`), split once by source site.

    python -m eval.corpus            # counts per split, language and kind; checks the split file

Items live in `eval/corpus/parts/*.jsonl` (one labelled posting per line: `id`, `url`,
`source_site`, `lang`, `provenance`, `post_type`, `is_vacancy`, `text`, `gold`; README there).
Every site belongs to exactly one split, recorded in `eval/corpus/splits.csv`: a site already
there keeps its split; a new site is placed by a hash of its name (60% train, 20% validation,
20% test), so adding items never moves a site from one split to another.
"""

import csv
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

from eval.paths import REPO

CORPUS = REPO / "eval" / "corpus"
SPLITS = ("train", "validation", "test")


def load_items(folder: Path = CORPUS) -> list[dict]:
    """Every labelled item of the corpus's part files, in file and line order."""
    items = []
    for path in sorted((folder / "parts").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            items += [json.loads(line) for line in fh if line.strip()]
    return items


def hashed_split(site: str) -> str:
    """Where a site not yet in the split file goes: a stable hash of its name."""
    bucket = int(hashlib.sha1(site.encode("utf-8")).hexdigest(), 16) % 10
    return "train" if bucket < 6 else "validation" if bucket < 8 else "test"


def read_splits(folder: Path = CORPUS) -> dict[str, str]:
    path = folder / "splits.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["site"]: row["split"] for row in csv.DictReader(fh)}


def assign_splits(items: list[dict], folder: Path = CORPUS) -> dict[str, str]:
    """The split of every site, adding new sites to `splits.csv` (existing ones never move)."""
    splits = read_splits(folder)
    new = sorted({i["source_site"] for i in items} - set(splits))
    if new:
        splits.update({site: hashed_split(site) for site in new})
        with (folder / "splits.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["site", "split"])
            writer.writerows(sorted(splits.items()))
    return splits


def split_items(split: str, folder: Path = CORPUS) -> list[dict]:
    """The corpus items of one split (train, validation or test)."""
    splits = read_splits(folder)
    return [i for i in load_items(folder) if splits.get(i["source_site"]) == split]


def main() -> int:
    items = load_items()
    splits = assign_splits(items)
    for split in SPLITS:
        chosen = [i for i in items if splits[i["source_site"]] == split]
        sites = {i["source_site"] for i in chosen}
        vacancies = sum(bool(i["is_vacancy"]) for i in chosen)
        langs = Counter(i["lang"] for i in chosen).most_common()
        print(
            f"{split:<10} {len(chosen):>4} items, {vacancies:>4} vacancies, {len(sites):>3} sites; "
            + ", ".join(f"{lang} {n}" for lang, n in langs)
        )
    print(
        f"{'all':<10} {len(items):>4} items; kinds: {dict(Counter(i['post_type'] for i in items))}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
