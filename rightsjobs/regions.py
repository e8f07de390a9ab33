"""The region taxonomy: every ISO 3166-1 alpha-2 code mapped to one region (regions.csv)."""

import csv
from functools import cache
from importlib.resources import files

GLOBAL = "Global"


@cache
def country_regions() -> dict[str, str]:
    """Map of alpha-2 code to region name."""
    with files("rightsjobs.data").joinpath("regions.csv").open(encoding="utf-8") as fh:
        return {row["alpha2"]: row["region"] for row in csv.DictReader(fh)}


@cache
def country_names() -> dict[str, str]:
    """Map of alpha-2 code to the English short name used in regions.csv."""
    with files("rightsjobs.data").joinpath("regions.csv").open(encoding="utf-8") as fh:
        return {row["alpha2"]: row["country"] for row in csv.DictReader(fh)}


@cache
def regions() -> tuple[str, ...]:
    """Every region name, plus Global, sorted."""
    return tuple(sorted(set(country_regions().values()) | {GLOBAL}))


def region_of(country: str) -> str | None:
    """The region of an alpha-2 country code, or None for an unknown code."""
    return country_regions().get(country.upper())
