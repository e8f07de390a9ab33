"""Structured fit: CONTRACT §3 hard requirements as filters and soft signals as a multiplier.

Postings and profiles become numpy records (POSTING, PROFILE; languages, countries and regions
as bitsets of uint64 words), which compiled functions (numba) check pair by pair inside the
search (`matcher.search`). `failures` is the plain Python reference of the same hard
requirements.
"""

import math
from datetime import date

import numpy as np
import pycountry
from numba import njit

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
PROFILE_DEFAULTS = {  # what ranking reads of a profile: all but who and when to write
    k: v for k, v in profiles.DEFAULTS.items() if k not in ("name", "email", "frequency")
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


GLOBAL_BIT = Codes.global_bit
POSTING = np.dtype(
    [
        ("region", np.uint64),  # bits: focus and countries' regions (Global bit included)
        ("country", np.uint64, Codes.country_words),
        ("remote", np.bool_),  # remote == "yes"
        ("required", np.uint64, Codes.lang_words),  # languages required
        ("has_required", np.bool_),
        ("rule", np.uint64, Codes.lang_words),  # languages of the language_rule
        ("rule_n", np.int8),  # at_least of the rule, 0 without one
        ("valued", np.uint64, Codes.lang_words),  # non-English languages named anywhere
        ("text_lang", np.int16),  # bit of the description's language, -1 unknown
        ("min_years", np.float32),  # NaN unknown
        ("expected_lo", np.float32),  # expected years (NaN unknown)
        ("expected_hi", np.float32),
        ("contract", np.int8),  # index in CONTRACTS
        ("seniority", np.int8),  # index in SENIORITIES
        ("deadline", np.int64),  # ordinal, FAR_DAY when none
        ("first_day", np.int64),  # ordinal of first_seen or posted_date, NO_DAY when none
    ]
)
PROFILE = np.dtype(
    [
        ("anywhere", np.bool_),  # no regions, countries or locations
        ("wants_place", np.bool_),  # has regions or countries
        ("has_locations", np.bool_),
        ("has_countries", np.bool_),
        ("remote_only", np.bool_),
        ("remote_no", np.bool_),
        ("region", np.uint64),
        ("country", np.uint64, Codes.country_words),
        ("location", np.uint64, Codes.country_words),
        ("speaks", np.uint64, Codes.lang_words),  # languages at working level or better
        ("knows", np.uint64, Codes.lang_words),  # languages at any level
        ("has_languages", np.bool_),
        ("years", np.float32),  # NaN unknown
        ("contracts", np.int64),  # bitmask over CONTRACTS (all set when any)
        ("seniorities", np.int64),  # bitmask over SENIORITIES
        ("lists", np.uint64),  # candidate lists (see matcher.candidates)
    ]
)


def posting_records(postings: list[dict], text_langs: list[str | None]) -> np.ndarray:
    """One POSTING record per posting; `text_langs` are their descriptions' languages."""
    lw, cw = Codes.lang_words, Codes.country_words
    rows = []
    for p, text_lang in zip(postings, text_langs, strict=True):
        required = p.get("languages_required") or []
        rule = p.get("language_rule") or {}
        named = [*required, *(p.get("languages_desirable") or []), *(rule.get("of") or [])]
        lo, hi = expected_years(p)
        deadline, first = day(p.get("deadline")), day(p.get("first_seen") or p.get("posted_date"))
        minimum = p.get("min_years_experience")
        contract, seniority = p.get("contract_type") or "unknown", p.get("seniority") or "unknown"
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
                CONTRACTS.index(contract) if contract in CONTRACTS else 0,
                SENIORITIES.index(seniority) if seniority in SENIORITIES else 0,
                deadline.toordinal() if deadline else FAR_DAY,
                first.toordinal() if first else NO_DAY,
            )
        )
    return np.array(rows, dtype=POSTING)


def profile_records(profiles: list[dict]) -> np.ndarray:
    """One PROFILE record per profile."""
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
    return np.array(rows, dtype=PROFILE)


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


# --- compiled functions of one pair: p a POSTING record, q a PROFILE record --------------------
# (records, not arrays: passing a record to a compiled function costs nothing)


@njit(cache=True)
def _common(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two bitsets (uint64 words) share a bit."""
    for w in range(len(a)):  # noqa: SIM110 (compiled code: no generators)
        if a[w] & b[w]:
            return True
    return False


@njit(cache=True)
def _has_bit(bits: np.ndarray, position: int) -> bool:
    """Whether a bitset has the bit at `position` (False for a negative one)."""
    if position < 0:
        return False
    return (bits[position // 64] >> np.uint64(position % 64)) & np.uint64(1) != 0


@njit(cache=True)
def _popcount(value: np.uint64) -> int:
    n = 0
    while value:
        value &= value - np.uint64(1)
        n += 1
    return n


@njit(cache=True)
def place_ok(p, q) -> bool:
    """Region/country/location/remote rule of CONTRACT §3."""
    if q.remote_only:
        return p.remote
    if q.anywhere or (p.remote and not q.remote_no):
        return True
    if q.wants_place:
        if p.region & (q.region | GLOBAL_BIT):
            return True
        if q.has_countries and _common(p.country, q.country):
            return True
    return q.has_locations and _common(p.country, q.location)


@njit(cache=True)
def languages_ok(p, q) -> bool:
    """Every required language at working level or better, and the language rule met."""
    if p.has_required:
        for w in range(len(p.required)):
            if p.required[w] & ~q.speaks[w]:
                return False
    if p.rule_n > 0:
        met = 0
        for w in range(len(p.rule)):
            met += _popcount(p.rule[w] & q.speaks[w])
        return met >= p.rule_n
    return True


@njit(cache=True)
def hard_ok(p, q) -> bool:
    """All CONTRACT §3 hard requirements but the deadline, exclusions and postings seen:
    place, contract type and seniority, experience (years >= minimum - 1; unknown passes)
    and languages."""
    return (
        place_ok(p, q)
        and (q.contracts >> p.contract) & 1 == 1
        and (q.seniorities >> p.seniority) & 1 == 1
        and not q.years < p.min_years - 1
        and languages_ok(p, q)
    )


# W_REGION, W_LANGUAGE and W_TEXT_LANGUAGE: chosen by every fold of `eval.tune_ranker --folds 4`
W_REGION = 0.5  # the posting's focus is one the person asked for
W_LANGUAGE = 0.3  # the posting names a non-English language the person has
W_TEXT_LANGUAGE = 0.9  # penalty: the description is in a language the person lacks
W_UNDER = 0.30  # penalty: fewer years than the role usually asks for
W_OVER = 0.7  # (tuned) penalty: far more years than the role asks for
W_FRESH = 0.05  # first seen within the last week
W_HURRY = 0.15  # penalty: the deadline is only days away
FACTOR_FLOOR = 0.05  # the least soft_factor: penalties together keep a pair's score above 0


def best_factor(postings: np.ndarray, today: int) -> np.ndarray:
    """The highest `soft_factor` each posting (POSTING records) can have for any profile."""
    placed = (postings["region"] != 0) | postings["country"].any(axis=1)
    age = today - postings["first_day"]
    left = postings["deadline"] - today
    hurry = np.where(
        (left >= 0) & (left <= 2), W_HURRY, np.where((left > 2) & (left <= 6), W_HURRY / 2, 0)
    )
    return (
        1
        + W_REGION * placed
        + W_LANGUAGE * postings["valued"].any(axis=1)
        + W_FRESH * np.clip(1 - (age - 7) / 38, 0, 1)
        - hurry
    )


@njit(cache=True)
def region_match(p, q) -> bool:
    """The posting's regions or countries are among the profile's regions or countries."""
    return p.region & q.region != 0 or (q.has_countries and _common(p.country, q.country))


@njit(cache=True)
def soft_factor(p, q, today: int) -> float:
    """The multiplier (FACTOR_FLOOR..1.85) that soft signals apply to a pair's text relevance."""
    factor = 1.0
    if region_match(p, q):
        factor += W_REGION
    if _common(p.valued, q.knows):
        factor += W_LANGUAGE
    if p.text_lang >= 0 and q.has_languages:
        knows, speaks = _has_bit(q.knows, p.text_lang), _has_bit(q.speaks, p.text_lang)
        factor -= W_TEXT_LANGUAGE * (1 - 0.5 * knows - 0.5 * speaks)
    if not (np.isnan(q.years) or np.isnan(p.expected_lo)):
        under = min(max((p.expected_lo - q.years) / 4, 0.0), 1.0)
        over = min(max((q.years - p.expected_hi) / 8, 0.0), 1.0)
        factor -= W_UNDER * under + W_OVER * over
    age = today - p.first_day
    factor += W_FRESH * min(max(1 - (age - 7) / 38, 0.0), 1.0)
    left = p.deadline - today
    if 0 <= left <= 2:
        factor -= W_HURRY
    elif 2 < left <= 6:
        factor -= W_HURRY / 2
    return max(factor, FACTOR_FLOOR)


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
