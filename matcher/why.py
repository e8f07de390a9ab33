"""Human-readable explanations of a match, shown by the digest as they are."""

from datetime import date
from functools import cache

import numpy as np
import pycountry
import scipy.sparse as sp

from matcher import fit
from matcher.text import WORD_SPACE, Vectoriser
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
    surfaces: list[dict[str, str]],
    queries: sp.csr_matrix,
    postings: sp.csr_matrix,
    rows: np.ndarray,
    cols: np.ndarray,
    vectoriser: Vectoriser,
) -> list[list[str]]:
    """For each (profile row, posting col): the person's words that weigh most in the match.

    `surfaces` maps each profile's features to its own words (`text.profile_document`)."""
    if len(rows) == 0:
        return []
    words = vectoriser.words()
    pair_names = {}
    for r in sorted(set(rows.tolist())):
        pairs = [f for f in surfaces[r] if " " in f]
        pair_names.update(zip(vectoriser.columns(pairs).tolist(), pairs, strict=True))
    shared = queries[rows].multiply(postings[cols]).tocsr()
    result_of = np.repeat(np.arange(len(rows)), np.diff(shared.indptr))
    order = np.lexsort((-shared.data, result_of))
    best = shared.indices[order].tolist()
    starts = np.searchsorted(result_of[order], np.arange(len(rows) + 1)).tolist()
    telling = vectoriser.idf >= GENERIC_IDF
    out = []
    for i, r in enumerate(rows.tolist()):
        mine, found, common = surfaces[r], [], []
        for col in best[starts[i] : starts[i + 1]]:
            name = mine.get(words[col] if col < WORD_SPACE else pair_names.get(col, ""))
            if name and telling[col]:
                _add(found, name)
                if len(found) == MAX_TERMS:
                    break
            elif name and not found:
                _add(common, name)
        out.append((found or common)[:MAX_TERMS])
    return out


def _add(names: list[str], name: str) -> None:
    """Add a name unless a longer one holds it; drop the shorter names it holds."""
    low = name.lower()
    if not any(low in other.lower() for other in names):
        names[:] = [o for o in names if o.lower() not in low] + [name]


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
    """Builds the `why` of results as of a date, reusing the texts that repeat across results.

    The texts depend on a few fields of the posting and of the profile: `posting_key` and
    `profile_key` number each distinct combination once.
    """

    def __init__(self, as_of: date) -> None:
        self.as_of = as_of
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
            -1,
        )

    def _text(self, make, key: tuple[int, int], posting: dict, profile: dict) -> str:
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = make(posting, profile)
        return text

    def __call__(
        self, posting: dict, post_key: tuple, profile: dict, prof_key: tuple, terms: list[str]
    ) -> dict:
        """The `why` of one result: matched terms, languages, region, experience, deadline and
        a one-line summary."""
        region = self._text(
            lambda _, prof: _region(post_key[5], prof), (post_key[1], prof_key[1]), posting, profile
        )
        summary = f"{post_key[4]} — {region.split(' (')[0]}"
        if terms:
            summary += f"; matches {', '.join(terms[:3])}"
        return {
            "matched_terms": terms,
            "languages": self._text(_languages, (post_key[0], prof_key[0]), posting, profile),
            "region": region,
            "experience": self._text(_experience, (post_key[2], prof_key[2]), posting, profile),
            "deadline": self._text(
                lambda p, _: _deadline(p, self.as_of), (post_key[3], prof_key[3]), posting, profile
            ),
            "summary": summary,
        }


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
