"""Structured fit: CONTRACT §3 hard requirements as filters and soft signals as a multiplier.

Postings and profiles become columns of numpy arrays (languages, countries and regions as
bitsets of uint64 words). The pair functions take `rows` (profile positions) and `cols`
(posting positions) of candidate pairs and return one value per pair. `failures` is the plain,
one-pair reference of the same hard requirements.
"""

import math
from dataclasses import dataclass, fields
from datetime import date

import numpy as np
import pycountry

from rightsjobs import profiles
from rightsjobs.regions import GLOBAL, country_regions, region_of, regions

LEVELS = {"basic": 1, "working": 2, "fluent": 3, "native": 4}
WORKING = LEVELS["working"]
CONTRACTS = ("unknown", *profiles.CONTRACT_TYPES)
SENIORITIES = ("unknown", *profiles.SENIORITIES)
# Years of experience a role usually asks for, when the posting states no minimum.
EXPECTED_YEARS = {"entry": (0, 3), "mid": (3, 8), "senior": (6, 15), "director": (10, 40)}
ENTRY_CONTRACTS = ("internship", "fellowship")
OVERQUALIFIED_AFTER = 10  # years above a stated minimum before a role looks too junior
PROFILE_DEFAULTS = {
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
    "max_items": 10,
}
NO_DAY = -(2**31)
FAR_DAY = 2**31 - 1


def with_defaults(profile: dict) -> dict:
    """The profile with CONTRACT §3 defaults for missing or null keys."""
    return {**PROFILE_DEFAULTS, **{k: v for k, v in profile.items() if v is not None}}


def day(value: object) -> date | None:
    """A date from a date or an ISO string ("2025-01-31" or "2025-01-31T10:00:00")."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


class Codes:
    """Fixed code lists and their bit positions: languages, countries, regions."""

    languages = [
        "??",
        *sorted(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2")),
    ]
    countries = sorted(country_regions())
    regions = list(regions())
    lang_words = -(-len(languages) // 64)
    country_words = -(-len(countries) // 64)
    lang_bit = {c: i for i, c in enumerate(languages)}
    country_bit = {c: i for i, c in enumerate(countries)}
    region_bit = {r: i for i, r in enumerate(regions)}
    global_bit = np.uint64(1 << region_bit[GLOBAL])
    remote_list = 63  # candidate list bit of remote postings (see matcher.candidates)
    assert len(regions) < remote_list


def _words(positions: list[int], n_words: int) -> list[int]:
    value = sum(1 << p for p in set(positions))
    return [(value >> (64 * i)) & (2**64 - 1) for i in range(n_words)]


def _lang_positions(codes: list[str]) -> list[int]:
    return [Codes.lang_bit.get(str(c).lower(), 0) for c in codes]


def _country_positions(codes: list[str]) -> list[int]:
    return [Codes.country_bit[c.upper()] for c in codes if c.upper() in Codes.country_bit]


def _region_value(names: list[str]) -> int:
    return sum(1 << Codes.region_bit[r] for r in set(names) if r in Codes.region_bit)


def expected_years(posting: dict) -> tuple[float, float]:
    """(low, high) years of experience the role asks for; NaNs when nothing says."""
    minimum = posting.get("min_years_experience")
    if isinstance(minimum, int | float):
        return float(minimum), float(minimum) + OVERQUALIFIED_AFTER
    if posting.get("seniority") in EXPECTED_YEARS:
        return EXPECTED_YEARS[posting["seniority"]]
    if posting.get("contract_type") in ENTRY_CONTRACTS:
        return EXPECTED_YEARS["entry"]
    return math.nan, math.nan


def posting_regions(posting: dict) -> set[str]:
    """The posting's regional focus plus the regions of its countries."""
    found = {region_of(c) for c in posting.get("countries") or []}
    return (found | set(posting.get("regions") or [])) - {None}


def _concat(cls, parts):
    return cls(**{f.name: np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(cls)})


@dataclass
class PostingArrays:
    """One entry per posting."""

    region: np.ndarray  # uint64 bits: focus and countries' regions (Global bit included)
    country: np.ndarray  # (n, words) uint64
    remote: np.ndarray  # bool: remote == "yes"
    required: np.ndarray  # (n, words) uint64 languages required
    has_required: np.ndarray  # bool
    rule: np.ndarray  # (n, words) uint64 languages of the language_rule
    rule_n: np.ndarray  # int8 at_least of the rule, 0 without one
    valued: np.ndarray  # (n, words) uint64 non-English languages named anywhere
    text_lang: np.ndarray  # int16 bit of the description's language, -1 unknown
    min_years: np.ndarray  # float32, NaN unknown
    expected_lo: np.ndarray  # float32 expected years (NaN unknown)
    expected_hi: np.ndarray
    contract: np.ndarray  # int8 index in CONTRACTS
    seniority: np.ndarray  # int8 index in SENIORITIES
    deadline: np.ndarray  # int64 ordinal, FAR_DAY when none
    first_day: np.ndarray  # int64 ordinal of first_seen or posted_date, NO_DAY when none

    @classmethod
    def build(cls, postings: list[dict], text_langs: list[str | None]) -> "PostingArrays":
        lw, cw = Codes.lang_words, Codes.country_words
        rows = []
        for p, text_lang in zip(postings, text_langs, strict=True):
            required = p.get("languages_required") or []
            rule = p.get("language_rule") or {}
            named = [*required, *(p.get("languages_desirable") or []), *(rule.get("of") or [])]
            lo, hi = expected_years(p)
            deadline, first = (
                day(p.get("deadline")),
                day(p.get("first_seen") or p.get("posted_date")),
            )
            minimum = p.get("min_years_experience")
            rows.append(
                (
                    _region_value(list(posting_regions(p))),
                    _words(_country_positions(p.get("countries") or []), cw),
                    p.get("remote") == "yes",
                    _words(_lang_positions(required), lw),
                    bool(required),
                    _words(_lang_positions(rule.get("of") or []), lw),
                    int(rule.get("at_least") or 0),
                    _words(_lang_positions([c for c in named if c != "en"]), lw),
                    Codes.lang_bit.get(text_lang, -1) if text_lang else -1,
                    float(minimum) if isinstance(minimum, int | float) else math.nan,
                    lo,
                    hi,
                    CONTRACTS.index(p.get("contract_type") or "unknown")
                    if (p.get("contract_type") or "unknown") in CONTRACTS
                    else 0,
                    SENIORITIES.index(p.get("seniority") or "unknown")
                    if (p.get("seniority") or "unknown") in SENIORITIES
                    else 0,
                    deadline.toordinal() if deadline else FAR_DAY,
                    first.toordinal() if first else NO_DAY,
                )
            )
        cols = list(zip(*rows, strict=True)) if rows else [[] for _ in fields(cls)]
        dtypes = (
            np.uint64,
            np.uint64,
            bool,
            np.uint64,
            bool,
            np.uint64,
            np.int8,
            np.uint64,
            np.int16,
            np.float32,
            np.float32,
            np.float32,
            np.int8,
            np.int8,
            np.int64,
            np.int64,
        )
        shapes = {"country": cw, "required": lw, "rule": lw, "valued": lw}
        out = {}
        for f, col, dtype in zip(fields(cls), cols, dtypes, strict=True):
            arr = np.array(col, dtype=dtype)
            if f.name in shapes:
                arr = arr.reshape(len(rows), shapes[f.name])
            out[f.name] = arr
        return cls(**out)

    @classmethod
    def concat(cls, parts: list["PostingArrays"]) -> "PostingArrays":
        return _concat(cls, parts)


@dataclass
class ProfileArrays:
    """One entry per profile."""

    anywhere: np.ndarray  # bool: no regions, countries or locations
    wants_place: np.ndarray  # bool: has regions or countries
    has_locations: np.ndarray
    has_countries: np.ndarray
    remote_only: np.ndarray
    remote_no: np.ndarray
    region: np.ndarray  # uint64 bits
    country: np.ndarray  # (n, words) uint64
    location: np.ndarray  # (n, words) uint64
    speaks: np.ndarray  # (n, words) uint64: languages at working level or better
    knows: np.ndarray  # (n, words) uint64: languages at any level
    has_languages: np.ndarray  # bool
    years: np.ndarray  # float32, NaN unknown
    contracts: np.ndarray  # int64 bitmask over CONTRACTS (all set when any)
    seniorities: np.ndarray  # int64 bitmask over SENIORITIES
    lists: np.ndarray  # uint64 candidate lists (see matcher.candidates)

    @classmethod
    def build(cls, profiles: list[dict]) -> "ProfileArrays":
        lw, cw = Codes.lang_words, Codes.country_words
        rows = []
        for p in map(with_defaults, profiles):
            langs = p["languages"]
            speaks = [c for c, level in langs.items() if LEVELS.get(level, 0) >= WORKING]
            years = p["years_experience"]
            rows.append(
                (
                    not (p["regions"] or p["countries"] or p["locations"]),
                    bool(p["regions"] or p["countries"]),
                    bool(p["locations"]),
                    bool(p["countries"]),
                    p["remote"] == "only",
                    p["remote"] == "no",
                    _region_value(p["regions"]),
                    _words(_country_positions(p["countries"]), cw),
                    _words(_country_positions(p["locations"]), cw),
                    _words([Codes.lang_bit[c] for c in speaks if c in Codes.lang_bit], lw),
                    _words([Codes.lang_bit[c] for c in langs if c in Codes.lang_bit], lw),
                    bool(langs),
                    float(years) if years is not None else math.nan,
                    _mask(p["contract_types"], CONTRACTS),
                    _mask(p["seniority"], SENIORITIES),
                    _lists(p),
                )
            )
        cols = list(zip(*rows, strict=True)) if rows else [[] for _ in fields(cls)]
        dtypes = (
            bool,
            bool,
            bool,
            bool,
            bool,
            bool,
            np.uint64,
            np.uint64,
            np.uint64,
            np.uint64,
            np.uint64,
            bool,
            np.float32,
            np.int64,
            np.int64,
            np.uint64,
        )
        shapes = {"country": cw, "location": cw, "speaks": lw, "knows": lw}
        out = {}
        for f, col, dtype in zip(fields(cls), cols, dtypes, strict=True):
            arr = np.array(col, dtype=dtype)
            if f.name in shapes:
                arr = arr.reshape(len(rows), shapes[f.name])
            out[f.name] = arr
        return cls(**out)


def _lists(p: dict) -> int:
    """Candidate lists of a profile: the regions of its places, Global, remote."""
    remote = 1 << Codes.remote_list
    if p["remote"] == "only":
        return remote
    places = [region_of(c) for c in p["countries"] + p["locations"]]
    value = _region_value(p["regions"] + [r for r in places if r])
    if p["regions"] or p["countries"]:
        value |= int(Codes.global_bit)
    return value | (remote if p["remote"] != "no" else 0)


def _mask(allowed: list[str], names: tuple[str, ...]) -> int:
    if not allowed:
        return 2 ** len(names) - 1
    return sum(1 << names.index(a) for a in allowed if a in names)


def _common(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether two stacks of bitsets share a bit, row by row."""
    return (a & b).any(axis=1)


def _has_bit(bits: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """Whether bits[i] has bit positions[i] set (False where the position is negative)."""
    pos = np.maximum(positions, 0).astype(np.int64)
    word = bits[np.arange(len(pos)), pos // 64]
    return ((word >> (pos % 64).astype(np.uint64)) & np.uint64(1)).astype(bool) & (positions >= 0)


def popcount(bits: np.ndarray) -> np.ndarray:
    """Set bits per row of a (n, words) uint64 array."""
    return np.bitwise_count(bits).sum(axis=1)


# --- hard requirements over pairs --------------------------------------------------------------


def place_ok(p: PostingArrays, q: ProfileArrays, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Region/country/location/remote rule of CONTRACT §3."""
    remote = p.remote[cols]
    ok = q.anywhere[rows] | (remote & ~q.remote_no[rows])
    todo = np.flatnonzero(~ok & q.wants_place[rows])
    r, c = rows[todo], cols[todo]
    hit = (p.region[c] & (q.region[r] | Codes.global_bit)) != 0
    with_countries = np.flatnonzero(~hit & q.has_countries[r])
    hit[with_countries] = _common(p.country[c[with_countries]], q.country[r[with_countries]])
    ok[todo] = hit
    todo = np.flatnonzero(~ok & q.has_locations[rows])
    ok[todo] = _common(p.country[cols[todo]], q.location[rows[todo]])
    return np.where(q.remote_only[rows], remote, ok)


def languages_ok(
    p: PostingArrays, q: ProfileArrays, rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """Every required language at working level or better, and the language rule met."""
    ok = np.ones(len(rows), dtype=bool)
    todo = np.flatnonzero(p.has_required[cols])
    ok[todo] = ~_common(p.required[cols[todo]], ~q.speaks[rows[todo]])
    todo = np.flatnonzero(p.rule_n[cols] > 0)
    met = popcount(p.rule[cols[todo]] & q.speaks[rows[todo]])
    ok[todo] &= met >= p.rule_n[cols[todo]]
    return ok


def experience_ok(
    p: PostingArrays, q: ProfileArrays, rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """years_experience >= min_years_experience - 1 (unknown on either side passes)."""
    minimum, years = p.min_years[cols], q.years[rows]
    return ~(years < minimum - 1)


def kind_ok(p: PostingArrays, q: ProfileArrays, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Contract type and seniority in the profile's lists when given."""
    contract = (q.contracts[rows] >> p.contract[cols].astype(np.int64)) & 1
    seniority = (q.seniorities[rows] >> p.seniority[cols].astype(np.int64)) & 1
    return (contract & seniority).astype(bool)


HARD_CHECKS = (place_ok, kind_ok, experience_ok, languages_ok)


# --- soft signals over pairs -------------------------------------------------------------------

W_REGION = 0.15  # the posting's focus is one the person asked for
W_LANGUAGE = 0.10  # the posting names a non-English language the person has
W_TEXT_LANGUAGE = 0.35  # penalty: the description is in a language the person lacks
W_UNDER = 0.30  # penalty: fewer years than the role usually asks for
W_OVER = 0.15  # penalty: far more years than the role asks for
W_FRESH = 0.05  # first seen within the last week
W_HURRY = 0.15  # penalty: the deadline is only days away
MAX_FACTOR = 1 + W_REGION + W_LANGUAGE + W_FRESH


def region_match(
    p: PostingArrays, q: ProfileArrays, rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """The posting's regions or countries are among the profile's regions or countries."""
    hit = (p.region[cols] & q.region[rows]) != 0
    todo = np.flatnonzero(~hit & q.has_countries[rows])
    hit[todo] = _common(p.country[cols[todo]], q.country[rows[todo]])
    return hit


def soft_factor(
    p: PostingArrays, q: ProfileArrays, rows: np.ndarray, cols: np.ndarray, today: int
) -> np.ndarray:
    """The multiplier (about 0.3..1.3) that soft signals apply to a pair's text relevance."""
    factor = 1 + W_REGION * region_match(p, q, rows, cols)
    factor += W_LANGUAGE * _common(p.valued[cols], q.knows[rows])
    text_lang = p.text_lang[cols]
    todo = np.flatnonzero((text_lang >= 0) & q.has_languages[rows])
    r, lang = rows[todo], text_lang[todo]
    lacking = 1 - 0.5 * _has_bit(q.knows[r], lang) - 0.5 * _has_bit(q.speaks[r], lang)
    factor[todo] -= W_TEXT_LANGUAGE * lacking
    years = q.years[rows]
    under = np.clip((p.expected_lo[cols] - years) / 4, 0, 1)
    over = np.clip((years - p.expected_hi[cols]) / 8, 0, 1)
    factor -= np.nan_to_num(W_UNDER * under + W_OVER * over)
    age = today - p.first_day[cols]
    factor += W_FRESH * np.clip(1 - (age - 7) / 38, 0, 1)
    left = p.deadline[cols] - today
    factor -= W_HURRY * np.where(
        (left >= 0) & (left <= 2), 1.0, np.where((left > 2) & (left <= 6), 0.5, 0.0)
    )
    return factor.astype(np.float32)


# --- the one-pair reference --------------------------------------------------------------------


def failures(
    posting: dict, profile: dict, as_of: date, include_closed: bool = False, excluded: bool = False
) -> list[str]:
    """Names of the CONTRACT §3 hard requirements a posting fails for a profile.

    `excluded` says whether one of the profile's exclude terms occurs in the posting (the caller
    decides how terms are matched).
    """
    prof = with_defaults(profile)
    langs = prof["languages"]
    speaks = {c for c, level in langs.items() if LEVELS.get(level, 0) >= WORKING}
    out = []
    rule = posting.get("language_rule") or {}
    if not set(posting.get("languages_required") or []) <= speaks or (
        rule and len(speaks & set(rule.get("of") or [])) < int(rule.get("at_least") or 0)
    ):
        out.append("languages")
    if not _place_ok(posting, prof):
        out.append("place")
    minimum, years = posting.get("min_years_experience"), prof["years_experience"]
    if minimum is not None and years is not None and years < minimum - 1:
        out.append("experience")
    if (
        prof["contract_types"]
        and (posting.get("contract_type") or "unknown") not in prof["contract_types"]
    ):
        out.append("contract_type")
    if prof["seniority"] and (posting.get("seniority") or "unknown") not in prof["seniority"]:
        out.append("seniority")
    deadline = day(posting.get("deadline"))
    if not include_closed and deadline and deadline < as_of:
        out.append("deadline")
    if excluded:
        out.append("exclude")
    return out


def _place_ok(posting: dict, prof: dict) -> bool:
    remote = posting.get("remote") == "yes"
    if prof["remote"] == "only":
        return remote
    if not (prof["regions"] or prof["countries"] or prof["locations"]):
        return True
    if remote and prof["remote"] != "no":
        return True
    countries = set(posting.get("countries") or [])
    if prof["regions"] or prof["countries"]:
        found = posting_regions(posting)
        if GLOBAL in found or found & set(prof["regions"]) or countries & set(prof["countries"]):
            return True
    return bool(countries & set(prof["locations"]))
