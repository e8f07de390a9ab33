"""The labelled corpus of real postings (`eval/corpus/`), split once by source site.

    python -m eval.corpus            # counts per split, language and kind; checks the split file

Items live in `eval/corpus/parts/*.jsonl` (one labelled posting per line: `id`, `url`,
`source_site`, `lang`, `provenance`, `post_type`, `is_vacancy`, `text`, `gold`; README there).
Every site belongs to exactly one split, recorded in `eval/corpus/splits.csv`: a site already
there keeps its split; a new site is placed by a hash of its name (60% train, 20% validation,
20% test), so adding items never moves a site from one split to another. Sites are grouped
first, so that a group never straddles two splits: a mirror and its original (SAME_SITE), and
sites whose items share most of their text (an organisation's template posted on two boards).
"""

import csv
import hashlib
import json
import re
from collections import Counter
from pathlib import Path

from eval import script
from eval.paths import REPO
from understand.fields import remote_features
from understand.places import Places, country_code
from understand.text import Doc, normalise

CORPUS = REPO / "eval" / "corpus"
SPLITS = ("train", "validation", "test")
# Mirrors and test copies of a site, kept in their original's split.
SAME_SITE = {
    "ohchr.un-icc.cloud": "ohchr.org",
    "web.test.ohchr.un-icc.cloud": "ohchr.org",
    "staging.daleel-madani.org": "daleel-madani.org",
}
# The remote tagger's cues of remote or hybrid work (the place-and-remote convention, README).
REMOTE_WORK = {"w:remote words", "w:work from home", "w:hybrid words"}
SHINGLE = 5  # words per shingle when comparing texts
SHARED = 0.2  # items sharing this share of the smaller one's shingles: one template


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


def _shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {hash(tuple(words[i : i + SHINGLE])) for i in range(max(0, len(words) - SHINGLE + 1))}


def site_groups(items: list[dict]) -> dict[str, str]:
    """Each site's group: the alphabetically first site it is tied to by SAME_SITE or by a
    near-duplicate item (union-find over the sites)."""
    parent = {i["source_site"]: i["source_site"] for i in items}

    def root(site: str) -> str:
        while parent[site] != site:
            parent[site] = parent[parent[site]]
            site = parent[site]
        return site

    def join(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for mirror, original in SAME_SITE.items():
        if mirror in parent and original in parent:
            join(mirror, original)
    shingled = [(i["source_site"], _shingles(i["text"])) for i in items]
    for n, (site_a, a) in enumerate(shingled):
        for site_b, b in shingled[n + 1 :]:
            if site_a != site_b and a and b and len(a & b) >= SHARED * min(len(a), len(b)):
                join(site_a, site_b)
    return {site: root(site) for site in parent}


def assign_splits(items: list[dict], folder: Path = CORPUS) -> dict[str, str]:
    """The split of every site, adding new sites to `splits.csv` (existing ones never move): a
    new site joins its group's split, or the split its group's name hashes to."""
    splits = read_splits(folder)
    new = sorted({i["source_site"] for i in items} - set(splits))
    if new:
        groups = site_groups(items)
        placed = {groups[s]: split for s, split in splits.items() if s in groups}
        for site in new:
            splits[site] = placed.setdefault(groups[site], hashed_split(groups[site]))
        with (folder / "splits.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")  # the file's own line ends
            writer.writerow(["site", "split"])
            writer.writerows(sorted(splits.items()))
    return splits


def split_items(split: str, folder: Path = CORPUS) -> list[dict]:
    """The corpus items of one split (train, validation or test)."""
    splits = read_splits(folder)
    return [i for i in load_items(folder) if splits.get(i["source_site"]) == split]


def remote_breaches(items: list[dict]) -> list[str]:
    """Vacancies against the place-and-remote convention (README): a gold duty station that is
    a place of work, not only a country, in a text that says nothing of remote or hybrid work
    makes remote "no"; "unknown" is for texts naming no place of work."""
    return [
        i["id"]
        for i in items
        if (gold := i.get("gold"))
        and gold.get("remote") == "unknown"
        and gold.get("duty_station")
        and not country_code(gold["duty_station"], codes=False)
        and not REMOTE_WORK & remote_features(Doc(normalise(i["text"])), Places()).names
    ]


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
    if breaches := remote_breaches(items):
        print(f"remote 'unknown' beside a stated duty station (the README's rule): {breaches}")
        return 1
    return 0


if __name__ == "__main__":
    script(main)
