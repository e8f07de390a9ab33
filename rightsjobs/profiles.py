"""Candidate profiles (CONTRACT §3): load a YAML file and validate every key."""

from pathlib import Path

import pycountry

from rightsjobs.errors import InputError
from rightsjobs.regions import country_regions, regions
from rightsjobs.yamlfile import load_yaml

LEVELS = ("native", "fluent", "working", "basic")
REMOTE = ("ok", "only", "no")
CONTRACT_TYPES = ("permanent", "fixed-term", "consultancy", "internship", "fellowship", "volunteer")
SENIORITIES = ("entry", "mid", "senior", "director")
FREQUENCIES = ("weekly", "daily")
LIST_KEYS = ("keywords", "exclude")
DEFAULTS = {
    "name": None,
    "email": None,
    "about": "",
    "keywords": [],
    "exclude": [],
    "regions": [],
    "countries": [],
    "locations": [],
    "remote": "ok",
    "languages": {},
    "years_experience": None,
    "contract_types": [],
    "seniority": [],
    "frequency": "weekly",
    "max_items": 10,
}


def _strings(value: object, problem: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(problem)
    return [v.strip() for v in value if v.strip()]


def _choices(value: object, allowed: tuple[str, ...]) -> list[str]:
    items = _strings(value, f"must be a list of: {', '.join(allowed)}")
    for item in items:
        if item not in allowed:
            raise ValueError(f"{item!r} is not one of: {', '.join(allowed)}")
    return items


def _countries(value: object) -> list[str]:
    codes = [c.upper() for c in _strings(value, "must be a list of ISO 3166-1 alpha-2 codes")]
    for code in codes:
        if code not in country_regions():
            raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    return codes


def _regions(value: object) -> list[str]:
    canonical = {r.lower(): r for r in regions()}
    out = []
    for name in _strings(value, "must be a list of region names"):
        if name.lower() not in canonical:
            raise ValueError(f"{name!r} is not a region (one of: {', '.join(regions())})")
        out.append(canonical[name.lower()])
    return out


def _languages(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError("must be a mapping of ISO 639-1 code to level, e.g. {en: fluent}")
    out = {}
    for code, level in value.items():
        code = str(code).lower()
        if len(code) != 2 or pycountry.languages.get(alpha_2=code) is None:
            raise ValueError(f"{code!r} is not an ISO 639-1 language code")
        if level not in LEVELS:
            raise ValueError(f"{code}: level {level!r} is not one of: {', '.join(LEVELS)}")
        out[code] = level
    return out


def _one_of(allowed: tuple[str, ...]):
    def check(value: object) -> str:
        if value not in allowed:
            raise ValueError(f"{value!r} is not one of: {', '.join(allowed)}")
        return value

    return check


def _count(minimum: int):
    def check(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise ValueError(f"must be a whole number ≥ {minimum}, got {value!r}")
        return value

    return check


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("must be text")
    return value.strip()


def _email(value: object) -> str:
    text = _text(value)
    if "@" not in text or " " in text:
        raise ValueError(f"{text!r} is not an e-mail address")
    return text


CHECKS = {
    "name": _text,
    "email": _email,
    "about": _text,
    "keywords": lambda v: _strings(v, "must be a list of terms"),
    "exclude": lambda v: _strings(v, "must be a list of terms"),
    "regions": _regions,
    "countries": _countries,
    "locations": _countries,
    "remote": _one_of(REMOTE),
    "languages": _languages,
    "years_experience": _count(0),
    "contract_types": lambda v: _choices(v, CONTRACT_TYPES),
    "seniority": lambda v: _choices(v, SENIORITIES),
    "frequency": _one_of(FREQUENCIES),
    "max_items": _count(1),
}


def validate_profile(raw: object, where: str) -> dict:
    """One profile with defaults filled; errors name the profile and the key."""
    if not isinstance(raw, dict):
        raise InputError("each profile must be a mapping", where=where)
    pid = raw.get("id")
    if not isinstance(pid, str | int) or not str(pid).strip():
        raise InputError("missing required key 'id'", where=where)
    pid = str(pid).strip()
    where = f"{where}: profile {pid!r}"
    profile = {"id": pid, **DEFAULTS}
    for key, value in raw.items():
        if key == "id":
            continue
        if key not in CHECKS:
            raise InputError(
                f"unknown key (known: id, {', '.join(CHECKS)})", where=f"{where}: {key}"
            )
        if value is None:
            continue
        try:
            profile[key] = CHECKS[key](value)
        except ValueError as exc:
            raise InputError(str(exc), where=f"{where}: {key}") from None
    return profile


def load_profiles(path: str | Path) -> list[dict]:
    """Load a YAML file holding one profile or a list of them."""
    data = load_yaml(path)
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not data:
        raise InputError("expected a list of profiles (or one profile)", where=str(path))
    profiles, seen = [], set()
    for number, raw in enumerate(data, 1):
        profile = validate_profile(raw, f"{path}: #{number}")
        if profile["id"] in seen:
            raise InputError(f"duplicate profile id {profile['id']!r}", where=f"{path}: #{number}")
        seen.add(profile["id"])
        profiles.append(profile)
    return profiles
