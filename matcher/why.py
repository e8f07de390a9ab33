"""Explanations of a match: how it fits, decided once and recorded as facts (`why["fit"]`,
which the digest words), and in human-readable strings."""

from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import NamedTuple

import numpy as np
from numba import njit

from matcher import fit
from matcher.text import Vectoriser
from rightsjobs.languages import language_name
from rightsjobs.regions import GLOBAL, country_names

MAX_TERMS = 5
GENERIC_IDF = 1 + np.log(2)  # idf of a feature in half of the postings: too common to tell


@cache
def _country(code: str) -> str:
    return country_names().get(code.upper(), code)


class Terms(NamedTuple):
    """The person's own words for the query terms of a batch of profiles (`terms`)."""

    names: list[str]
    name: np.ndarray  # per query term: index in `names`, -1 for a feature with no word
    telling: np.ndarray  # per query term: not in so many postings that it tells nothing
    holds_start: np.ndarray  # per name, the names it holds ("legal" in "legal aid"), as CSR
    holds: np.ndarray
    column: np.ndarray  # per query term: its feature column
    feature: list[str | None]  # per query term: its feature ("legal", "aid legal"), if known

    def matched(self, rows: np.ndarray, starts: np.ndarray, shared: np.ndarray) -> np.ndarray:
        """For each result, its profile row and the query terms it shares with its posting
        (positions in the profile's row of terms that start at `starts[row]`, heaviest in the
        cosine first, -1 pads): the query terms (indices in the batch, -1 pads) whose words
        weigh most in the match, telling ones before common ones, one per word of the person
        (a keyword rather than the words it holds)."""
        picked = np.full((len(rows), MAX_TERMS), -1, dtype=np.int64)
        _pick(rows, starts, shared, self.name, self.telling, self.holds_start, self.holds, picked)
        return picked


def terms(
    surfaces: list[dict[str, str]], starts: np.ndarray, columns: np.ndarray, vectoriser: Vectoriser
) -> Terms:
    """The `Terms` of profiles whose query terms, feature `columns`, are in rows that begin at
    `starts`; `surfaces` maps each profile's features to its own words
    (`text.profile_document`). A name holds another that is a run of its words."""
    features = [f for surface in surfaces for f in surface]
    words = [word for surface in surfaces for word in surface.values()]
    owner = np.repeat(np.arange(len(surfaces)), [len(surface) for surface in surfaces])
    known = vectoriser.columns(features)
    feature = np.flatnonzero(known >= 0)
    keys = owner[feature] * vectoriser.width + known[feature]
    order = np.argsort(keys, kind="stable")  # equal keys: the last feature wins, as in a dict
    keys, feature = keys[order], feature[order]
    rows = np.repeat(np.arange(len(surfaces)), np.diff(starts))
    wanted = rows * vectoriser.width + columns
    at = np.searchsorted(keys, wanted, side="right") - 1
    found = np.flatnonzero((at >= 0) & (keys[np.maximum(at, 0)] == wanted))
    ids: dict[str, int] = {}
    name = np.full(len(columns), -1, dtype=np.int64)
    name[found] = [ids.setdefault(words[f], len(ids)) for f in feature[at[found]].tolist()]
    feature_of: list[str | None] = [None] * len(columns)
    for term, f in zip(found.tolist(), feature[at[found]].tolist(), strict=True):
        feature_of[term] = features[f]
    names = list(ids)
    holds = set()
    multi = np.array([" " in n for n in names], dtype=bool)
    for r in np.unique(rows[found[multi[name[found]]]]).tolist():
        mine = set(name[starts[r] : starts[r + 1]].tolist()) - {-1}
        for a in mine:
            if multi[a]:
                a_words = f" {names[a].lower()} "
                holds.update((a, b) for b in mine if b != a and f" {names[b].lower()} " in a_words)
    pairs = np.array(sorted(holds), dtype=np.int64).reshape(-1, 2)
    return Terms(
        names,
        name,
        vectoriser.idf[columns] >= GENERIC_IDF,
        np.searchsorted(pairs[:, 0], np.arange(len(names) + 1)).astype(np.int64),
        pairs[:, 1].copy(),
        columns,
        feature_of,
    )


@njit(cache=True)
def _pick(
    rows: np.ndarray,
    starts: np.ndarray,
    shared: np.ndarray,
    name: np.ndarray,
    telling: np.ndarray,
    holds_start: np.ndarray,
    holds: np.ndarray,
    picked: np.ndarray,
) -> None:
    """`Terms.matched` into `picked` (query term indices, -1 pads)."""
    found = np.empty(shared.shape[1], dtype=np.int64)
    common = np.empty(shared.shape[1], dtype=np.int64)
    for i in range(len(rows)):
        n_found = n_common = 0
        for e in shared[i]:
            if e < 0:
                break
            term = starts[rows[i]] + e
            if name[term] < 0:
                continue
            if telling[term]:
                n_found = _add(found, n_found, term, name, holds_start, holds)
                if n_found == MAX_TERMS:
                    break
            elif n_found == 0:
                n_common = _add(common, n_common, term, name, holds_start, holds)
        if n_found:
            picked[i, : min(n_found, MAX_TERMS)] = found[: min(n_found, MAX_TERMS)]
        else:
            picked[i, : min(n_common, MAX_TERMS)] = common[: min(n_common, MAX_TERMS)]


@njit(cache=True)
def _add(
    terms: np.ndarray,
    n: int,
    term: int,
    name: np.ndarray,
    holds_start: np.ndarray,
    holds: np.ndarray,
) -> int:
    """Add a term to the first n unless its name or a name holding it is there, dropping the
    terms whose names it holds; the new count."""
    new = name[term]
    for other in terms[:n]:
        if (
            name[other] == new
            or new in holds[holds_start[name[other]] : holds_start[name[other] + 1]]
        ):
            return n
    inside = holds[holds_start[new] : holds_start[new + 1]]
    kept = 0
    for other in terms[:n]:
        if name[other] not in inside:
            terms[kept] = other
            kept += 1
    terms[kept] = term
    return kept + 1


def _language_facts(posting: dict, profile: dict) -> dict:
    """The languages the posting asks for or values, and the person's level of each."""
    mine = profile["languages"]
    required = list(posting.get("languages_required") or ())
    rule = posting.get("language_rule") or {}
    of, at_least = list(rule.get("of") or ()), rule.get("at_least")
    valued = [c for c in posting.get("languages_desirable") or () if c in mine]
    return {
        "required": required,
        "rule": {"at_least": at_least if isinstance(at_least, int) else 1, "of": of}
        if of
        else None,
        "valued": valued,
        "have": {c: mine[c] for c in (*required, *of, *valued) if c in mine} if mine else None,
    }


def _languages(facts: dict) -> str:
    have = facts["have"] or {}

    def yours(codes: list[str]) -> str:
        found = [f"{language_name(c)} ({have[c]})" for c in codes if c in have]
        return ", ".join(found) if found else "none of them"

    def names(codes: list[str]) -> str:
        return ", ".join(language_name(c) for c in codes)

    parts = []
    if facts["required"]:
        parts.append(f"requires {names(facts['required'])}: you have {yours(facts['required'])}")
    rule = facts["rule"]
    if rule:
        of = rule["of"]
        parts.append(f"requires {rule['at_least']} of {names(of)}: you have {yours(of)}")
    if facts["valued"]:
        parts.append(f"an asset you have: {yours(facts['valued'])}")
    return "; ".join(parts) or "no language requirement stated"


def _place(posting: dict) -> tuple:
    """What the region text needs of a posting: countries, their names, regions, remote."""
    countries = tuple(posting.get("countries") or ())
    names = tuple(_country(c) for c in countries)
    return countries, names, fit.posting_regions(posting), posting.get("remote") == "yes"


def _region_facts(place: tuple, profile: dict) -> dict:
    """How the posting's place fits the person: the first of their regions it is in, the
    countries they follow, a global focus, the countries they can work in, remote work."""
    countries, _, found, remote = place

    def facts(kind: str | None, regions: Sequence[str] = (), codes: Sequence[str] = ()) -> dict:
        return {"kind": kind, "regions": list(regions), "countries": list(codes)}

    mine = [r for r in profile["regions"] if r in found]
    if mine:
        return facts("region", regions=mine)
    mine = [c for c in countries if c in profile["countries"]]
    if mine:
        return facts("country", codes=mine)
    if GLOBAL in found and (profile["regions"] or profile["countries"]):
        return facts("global")
    mine = [c for c in countries if c in profile["locations"]]
    if mine:
        return facts("workplace", codes=mine)
    if remote and profile["remote"] != "no":
        return facts("remote")
    return facts(None)


def _region(facts: dict, place: tuple) -> str:
    _, names, found, _ = place
    where = ", ".join(names) or "place not stated"
    kind, countries = facts["kind"], ", ".join(_country(c) for c in facts["countries"])
    if kind == "region":
        return f"{', '.join(facts['regions'])}: your region ({where})"
    if kind == "country":
        return f"{countries}: your country"
    if kind == "global":
        return f"global focus ({where})"
    if kind == "workplace":
        return f"based in {countries}, where you can work"
    if kind == "remote":
        return "remote"
    return f"{', '.join(sorted(found)) or where} (you set no regional preference)"


def _experience_facts(posting: dict, profile: dict) -> dict:
    """The years the posting asks for, its level and the years that level usually takes, and
    the person's years."""
    level = posting.get("seniority")
    level = level if level in fit.EXPECTED_YEARS else None
    return {
        "asked_years": posting.get("min_years_experience"),
        "level": level,
        "usual_years": fit.EXPECTED_YEARS[level][0] if level else None,
        "have_years": profile["years_experience"],
    }


def _experience(facts: dict) -> str:
    minimum, years, level = facts["asked_years"], facts["have_years"], facts["level"]
    if minimum is not None:
        asked = f"asks for {minimum}+ years"
    elif level:
        usual = facts["usual_years"]
        asked = f"{level}-level role" + (f", usually {usual}+ years" if usual else "")
    else:
        asked = "no minimum stated"
    if years is None:
        return asked
    short = minimum is not None and years < minimum
    return f"{asked}; you have {years}{', one short' if short else ''}"


def _deadline(posting: dict, as_of: date) -> str:
    """The deadline as of a day, without counting the days left: a stored match keeps its
    `why` from week to week, and the digest counts the days on the day it is sent."""
    deadline = fit.day(posting.get("deadline"))
    if deadline is None:
        return "no deadline stated"
    if deadline < as_of:
        return f"closed on {deadline.isoformat()}"
    return f"closes {'today, ' if deadline == as_of else ''}{deadline.isoformat()}"


class Explainer:
    """Builds the `why` of results, reusing the texts and facts that repeat across results.

    The texts and facts depend on a few fields of the posting and of the profile: `posting_key`
    and `profile_key` number each distinct combination once. Results with the same combination
    share one facts dict: read them, do not change them.
    """

    def __init__(self) -> None:
        self._numbers: dict[tuple, int] = {}
        self._texts: dict[tuple[int, int], str | tuple] = {}
        self._fits: dict[tuple[int, int], dict] = {}

    def _number(self, *parts) -> int:
        return self._numbers.setdefault(parts, len(self._numbers))

    def posting_key(self, posting: dict) -> tuple:
        rule = posting.get("language_rule") or {}
        title, org = posting.get("title") or "Untitled role", posting.get("organization")
        return (
            self._number(
                "l",
                tuple(posting.get("languages_required") or ()),
                rule.get("at_least"),
                tuple(rule.get("of") or ()),
                tuple(posting.get("languages_desirable") or ()),
            ),
            self._number(
                "r",
                tuple(posting.get("countries") or ()),
                tuple(posting.get("regions") or ()),
                posting.get("remote"),
            ),
            self._number("e", posting.get("min_years_experience"), posting.get("seniority")),
            self._number("d", str(posting.get("deadline"))),
            f"{_short(title, 70)}{f' at {_short(org, 40)}' if org else ''}",
            _place(posting),
        )

    def profile_key(self, profile: dict) -> tuple:
        return (
            self._number("L", tuple(profile["languages"].items())),
            self._number(
                "R",
                tuple(profile["regions"]),
                tuple(profile["countries"]),
                tuple(profile["locations"]),
                profile["remote"],
            ),
            self._number("E", profile["years_experience"]),
        )

    def __call__(
        self,
        posting: dict,
        post_key: tuple,
        profile: dict,
        prof_key: tuple,
        terms: list[str],
        as_of: date,
    ) -> dict:
        """The `why` of one result as of a day: matched terms, languages, region, experience,
        deadline and a one-line summary, and `fit`, the facts the language, region and
        experience texts say (docs/email.md, "The facts behind why it fits")."""
        why = self.facts(posting, post_key, profile, prof_key, terms)
        fit, texts = why["fit"], self._texts
        key = (post_key[1], prof_key[1])
        region = texts.get(key)
        if region is None:
            text = _region(fit["region"], post_key[5])
            region = texts[key] = (text, text.split(" (")[0])
        key = (post_key[0], prof_key[0])
        languages = texts.get(key)
        if languages is None:
            languages = texts[key] = _languages(fit["languages"])
        key = (post_key[2], prof_key[2])
        experience = texts.get(key)
        if experience is None:
            experience = texts[key] = _experience(fit["experience"])
        key = (post_key[3], as_of.toordinal())
        deadline = texts.get(key)
        if deadline is None:
            deadline = texts[key] = _deadline(posting, as_of)
        summary = f"{post_key[4]} — {region[1]}"
        if terms:
            summary += f"; matches {', '.join(terms[:3])}"
        return {
            "matched_terms": terms,
            "languages": languages,
            "region": region[0],
            "experience": experience,
            "deadline": deadline,
            "summary": summary,
            "fit": fit,
        }

    def facts(
        self, posting: dict, post_key: tuple, profile: dict, prof_key: tuple, terms: list[str]
    ) -> dict:
        """The `why` of one result without its texts: the matched terms and `fit`, the facts
        that the texts of `__call__` say and that a digest words (what the match stage
        records). Each part of the facts is worked out once per combination of fields."""
        fits = self._fits
        key = (post_key[0], prof_key[0])
        languages = fits.get(key)
        if languages is None:
            languages = fits[key] = _language_facts(posting, profile)
        key = (post_key[1], prof_key[1])
        region = fits.get(key)
        if region is None:
            region = fits[key] = _region_facts(post_key[5], profile)
        key = (post_key[2], prof_key[2])
        experience = fits.get(key)
        if experience is None:
            experience = fits[key] = _experience_facts(posting, profile)
        fit = {"languages": languages, "region": region, "experience": experience}
        return {"matched_terms": terms, "fit": fit}


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
