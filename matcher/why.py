"""Human-readable explanations of a match, shown by the digest as they are."""

from datetime import date
from functools import cache

import numpy as np
import pycountry
import scipy.sparse as sp

from matcher import fit
from matcher.lexicon import fold
from matcher.text import WORD, Vectoriser, detect_language, map_word, pair, term_features
from rightsjobs.regions import GLOBAL, country_names

MAX_TERMS = 5


@cache
def language_name(code: str) -> str:
    found = pycountry.languages.get(alpha_2=code)
    return found.name if found else code


def _country(code: str) -> str:
    return country_names().get(code.upper(), code)


def _surfaces(profile: dict) -> list[tuple[str, str]]:
    """(feature, words as the person wrote them): keywords first, then words of `about`."""
    out = [(f, kw) for kw in profile["keywords"] for f in term_features(kw)]
    about = profile["about"]
    spans = [m.span() for m in WORD.finditer(about)]
    lang = detect_language([fold(about[a:b]) for a, b in spans])
    stream = [(t, a, b) for a, b in spans for t in map_word(lang, fold(about[a:b]))]
    out += [(t, about[a:b]) for t, a, b in stream]
    for (x, a, _), (y, _, b) in zip(stream, stream[1:], strict=False):
        if b - a < 40:
            out.append((pair(x, y), about[a:b]))
    return out


def matched_terms(profiles: list[dict], queries: sp.csr_matrix, postings: sp.csr_matrix,
                  rows: np.ndarray, cols: np.ndarray, vectoriser: Vectoriser) -> list[list[str]]:
    """For each (profile row, posting col): the person's words that weigh most in the match."""
    if len(rows) == 0:
        return []
    used = sorted(set(rows.tolist()))
    surfaces = {r: _surfaces(profiles[r]) for r in used}
    flat = [pair_ for r in used for pair_ in surfaces[r]]
    columns = iter(vectoriser.columns([f for f, _ in flat]).tolist())
    names: dict[int, dict[int, str]] = {}
    for r in used:
        mine = names[r] = {}
        for _feature, surface in surfaces[r]:
            mine.setdefault(next(columns), surface if surface.isupper() else surface.lower())
    shared = queries[rows].multiply(postings[cols]).tocsr()
    result_of = np.repeat(np.arange(len(rows)), np.diff(shared.indptr))
    order = np.lexsort((-shared.data, result_of))
    ranked = result_of[order]
    starts = np.searchsorted(ranked, np.arange(len(rows) + 1))
    best = shared.indices[order].tolist()
    out = []
    for i, r in enumerate(rows.tolist()):
        mine, found = names[r], []
        for col in best[starts[i]:min(starts[i + 1], starts[i] + 3 * MAX_TERMS)]:
            name = mine.get(col)
            if name and not any(name in other for other in found):
                found = [o for o in found if o not in name] + [name]
                if len(found) == MAX_TERMS:
                    break
        out.append(found)
    return out


def _languages(posting: dict, profile: dict) -> str:
    mine = profile["languages"]

    def yours(codes: list[str]) -> str:
        have = [f"{language_name(c)} ({mine[c]})" for c in codes if c in mine]
        return ", ".join(have) if have else "none of them"

    parts = []
    required = posting.get("languages_required") or []
    if required:
        names = ", ".join(language_name(c) for c in required)
        parts.append(f"requires {names}: you have {yours(required)}")
    rule = posting.get("language_rule") or {}
    if rule.get("of"):
        names = ", ".join(language_name(c) for c in rule["of"])
        parts.append(f"requires {rule.get('at_least')} of {names}: you have {yours(rule['of'])}")
    desirable = [c for c in posting.get("languages_desirable") or [] if c in mine]
    if desirable:
        parts.append(f"an asset you have: {yours(desirable)}")
    return "; ".join(parts) or "no language requirement stated"


def _region(posting: dict, profile: dict) -> str:
    countries = posting.get("countries") or []
    where = ", ".join(_country(c) for c in countries) or "place not stated"
    found = fit.posting_regions(posting)
    mine = [r for r in profile["regions"] if r in found]
    if mine:
        return f"{', '.join(mine)}: your region ({where})"
    mine = [_country(c) for c in countries if c in profile["countries"]]
    if mine:
        return f"{', '.join(mine)}: your country"
    if GLOBAL in found and (profile["regions"] or profile["countries"]):
        return f"global focus ({where})"
    mine = [_country(c) for c in countries if c in profile["locations"]]
    if mine:
        return f"based in {', '.join(mine)}, where you can work"
    if posting.get("remote") == "yes":
        return "remote"
    regions = ", ".join(sorted(found)) or where
    return f"{regions} (you set no regional preference)"


def _experience(posting: dict, profile: dict) -> str:
    minimum, years = posting.get("min_years_experience"), profile["years_experience"]
    level = posting.get("seniority")
    if minimum is not None:
        asked = f"asks for {minimum}+ years"
    elif level in fit.EXPECTED_YEARS:
        usual = fit.EXPECTED_YEARS[level][0]
        asked = f"{level}-level role" + (f", usually {usual}+ years" if usual else "")
    else:
        asked = "no minimum stated"
    if years is None:
        return asked
    short = minimum is not None and years < minimum
    return f"{asked}; you have {years}{', one short' if short else ''}"


def _deadline(posting: dict, as_of: date) -> str:
    deadline = fit.day(posting.get("deadline"))
    if deadline is None:
        return "no deadline stated"
    left = (deadline - as_of).days
    if left < 0:
        return f"closed on {deadline.isoformat()}"
    if left == 0:
        return f"closes today ({deadline.isoformat()})"
    return f"closes {deadline.isoformat()} ({left} day{'s' if left != 1 else ''} left)"


class Explainer:
    """Builds the `why` of results as of a date, reusing the texts that repeat across results."""

    def __init__(self, as_of: date) -> None:
        self.as_of = as_of
        self._cache: dict[tuple, str] = {}

    def _cached(self, kind, make, posting: dict, profile: dict, key: tuple) -> str:
        full = (kind, *key)
        text = self._cache.get(full)
        if text is None:
            text = self._cache[full] = make(posting, profile)
        return text

    def __call__(self, posting: dict, profile: dict, terms: list[str]) -> dict:
        """The `why` of one result: matched terms, languages, region, experience, deadline and
        a one-line summary."""
        rule = posting.get("language_rule") or {}
        languages = self._cached("l", _languages, posting, profile, (
            tuple(posting.get("languages_required") or ()), rule.get("at_least"),
            tuple(rule.get("of") or ()), tuple(posting.get("languages_desirable") or ()),
            tuple(profile["languages"].items())))
        region = self._cached("r", _region, posting, profile, (
            tuple(posting.get("countries") or ()), tuple(posting.get("regions") or ()),
            posting.get("remote"), tuple(profile["regions"]), tuple(profile["countries"]),
            tuple(profile["locations"])))
        experience = self._cached("e", _experience, posting, profile, (
            posting.get("min_years_experience"), posting.get("seniority"),
            profile["years_experience"]))
        deadline = self._cached("d", lambda p, _: _deadline(p, self.as_of), posting, profile,
                                (str(posting.get("deadline")),))
        title = posting.get("title") or "Untitled role"
        org = posting.get("organization")
        summary = f"{_short(title, 70)}{f' at {_short(org, 40)}' if org else ''}"
        summary += f" — {region.split(' (')[0]}"
        if terms:
            summary += f"; matches {', '.join(terms[:3])}"
        return {"matched_terms": terms, "languages": languages, "region": region,
                "experience": experience, "deadline": deadline, "summary": summary}


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
