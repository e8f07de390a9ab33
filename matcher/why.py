"""Human-readable explanations of a match, shown by the digest as they are."""

from datetime import date
from functools import cache

import numpy as np
import pycountry

from matcher import fit
from matcher.text import Vectoriser
from rightsjobs.regions import GLOBAL, country_names

MAX_TERMS = 5
GENERIC_IDF = 1 + np.log(2)  # idf of a feature in half of the postings: too common to tell


@cache
def language_name(code: str) -> str:
    found = pycountry.languages.get(alpha_2=code)
    return found.name if found else code


def _country(code: str) -> str:
    return country_names().get(code.upper(), code)


def matched_terms(
    surfaces: list[dict[str, str]], rows: np.ndarray, shared: np.ndarray, vectoriser: Vectoriser
) -> list[list[str]]:
    """For each result, its profile row and the feature columns it shares with the posting
    (heaviest in the cosine first, -1 pads): the person's words that weigh most in the match.

    `surfaces` maps each profile's features to its own words (`text.profile_document`)."""
    words_of: dict[int, _Words] = {}
    out = []
    for r, cols in zip(rows.tolist(), shared.tolist(), strict=True):
        words = words_of.get(r)
        if words is None:
            words = words_of[r] = _Words(surfaces[r], vectoriser)
        out.append(words.matched(cols))
    return out


class _Words:
    """One person's words for the feature columns of their profile."""

    def __init__(self, surface: dict[str, str], vectoriser: Vectoriser) -> None:
        features = list(surface)
        columns = vectoriser.known_columns(features).tolist()
        self.names = {
            col: (surface[f], bool(vectoriser.idf[col] >= GENERIC_IDF))
            for f, col in zip(features, columns, strict=True)
            if col >= 0
        }
        low = {name: name.lower() for name in surface.values()}
        self.holds = {  # name -> the other names it holds ("legal" in "legal aid")
            a: inside
            for a, a_low in low.items()
            if (inside := {b for b, b_low in low.items() if b != a and b_low in a_low})
        }

    def matched(self, cols: list[int]) -> list[str]:
        """The names of the first columns (-1 ends them), telling ones before common ones."""
        found: list[str] = []
        common: list[str] = []
        for col in cols:
            if col < 0:
                break
            name, telling = self.names.get(col, ("", False))
            if name and telling:
                self._add(found, name)
                if len(found) == MAX_TERMS:
                    break
            elif name and not found:
                self._add(common, name)
        return (found or common)[:MAX_TERMS]

    def _add(self, names: list[str], name: str) -> None:
        """Add a name unless it or a name holding it is there; drop the names it holds."""
        if name in names:
            return
        if self.holds:
            if any(name in self.holds.get(other, ()) for other in names):
                return
            inside = self.holds.get(name)
            if inside:
                names[:] = [other for other in names if other not in inside]
        names.append(name)


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


def _place(posting: dict) -> tuple:
    """What the region text needs of a posting: countries, their names, regions, remote."""
    countries = tuple(posting.get("countries") or ())
    names = tuple(_country(c) for c in countries)
    return countries, names, fit.posting_regions(posting), posting.get("remote") == "yes"


def _region(place: tuple, profile: dict) -> str:
    countries, names, found, remote = place
    where = ", ".join(names) or "place not stated"
    mine = [r for r in profile["regions"] if r in found]
    if mine:
        return f"{', '.join(mine)}: your region ({where})"
    mine = [n for c, n in zip(countries, names, strict=True) if c in profile["countries"]]
    if mine:
        return f"{', '.join(mine)}: your country"
    if GLOBAL in found and (profile["regions"] or profile["countries"]):
        return f"global focus ({where})"
    mine = [n for c, n in zip(countries, names, strict=True) if c in profile["locations"]]
    if mine:
        return f"based in {', '.join(mine)}, where you can work"
    if remote:
        return "remote"
    return f"{', '.join(sorted(found)) or where} (you set no regional preference)"


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
    """Builds the `why` of results, reusing the texts that repeat across results.

    The texts depend on a few fields of the posting and of the profile: `posting_key` and
    `profile_key` number each distinct combination once.
    """

    def __init__(self) -> None:
        self._numbers: dict[tuple, int] = {}
        self._texts: dict[tuple[int, int], str] = {}

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
        deadline and a one-line summary."""
        texts = self._texts
        key = (post_key[1], prof_key[1])
        region = texts.get(key)
        if region is None:
            region = texts[key] = _region(post_key[5], profile)
        key = (post_key[0], prof_key[0])
        languages = texts.get(key)
        if languages is None:
            languages = texts[key] = _languages(posting, profile)
        key = (post_key[2], prof_key[2])
        experience = texts.get(key)
        if experience is None:
            experience = texts[key] = _experience(posting, profile)
        key = (post_key[3], as_of.toordinal())
        deadline = texts.get(key)
        if deadline is None:
            deadline = texts[key] = _deadline(posting, as_of)
        summary = f"{post_key[4]} — {region.split(' (')[0]}"
        if terms:
            summary += f"; matches {', '.join(terms[:3])}"
        return {
            "matched_terms": terms,
            "languages": languages,
            "region": region,
            "experience": experience,
            "deadline": deadline,
            "summary": summary,
        }


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
