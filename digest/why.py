"""Why a posting fits a person, in plain words, for a digest item.

Built from the posting's facts and the profile, it says only what the item's other lines
(title, organisation, duty station, regional focus, deadline, contract) do not: how the
languages, region and experience fit, and which of the person's own words the posting matches.
"""

from collections.abc import Callable

from matcher.fit import EXPECTED_YEARS, posting_regions
from rightsjobs.languages import language_name
from rightsjobs.regions import GLOBAL

MAX_TERMS = 5
COUNTS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def joined(words: list[str], last: str = "and") -> str:
    """['a'] -> 'a'; ['a', 'b', 'c'] -> 'a, b and c'."""
    return f"{', '.join(words[:-1])} {last} {words[-1]}" if len(words) > 1 else "".join(words)


def _codes(value: object) -> list[str]:
    return [c for c in value if isinstance(c, str) and c] if isinstance(value, list) else []


def _languages(posting: dict, mine: dict[str, str]) -> list[str]:
    def named(codes: list[str], last: str = "and") -> str:
        return joined([language_name(c) for c in codes], last)

    def have(codes: list[str]) -> list[str]:
        return [f"{language_name(c)} ({mine[c]})" for c in codes if c in mine]

    def yours(codes: list[str]) -> str:
        if not mine:
            return ""
        return f"; you have {joined(have(codes))}" if have(codes) else "; you listed none of them"

    out = []
    required = _codes(posting.get("languages_required"))
    if required:
        out.append(f"Needs {named(required)}{yours(required)}.")
    rule = posting.get("language_rule")
    of = _codes(rule.get("of")) if isinstance(rule, dict) else []
    if of:
        n = rule.get("at_least") if isinstance(rule.get("at_least"), int) else 1
        some = f"{COUNTS.get(n, str(n))} of {named(of, 'or')}" if n < len(of) else named(of)
        out.append(f"Needs {some}{yours(of)}.")
    valued = have(_codes(posting.get("languages_desirable")))
    if valued:
        out.append(f"Also values {joined(valued)}, which you have.")
    return out


def _unsaid(names: list[str], said: str) -> list[str]:
    return [n for n in names if n.lower() not in said.lower()]


def _region(posting: dict, profile: dict, said: str, country: Callable[[str], str]) -> list[str]:
    found = posting_regions(posting)
    countries = _codes(posting.get("countries"))
    regions = [r for r in profile.get("regions") or [] if r in found]
    if regions:
        named = _unsaid(regions, said)
        return [f"In {joined(named)}, your region." if named else "In your region."]
    followed = [country(c) for c in countries if c in (profile.get("countries") or [])]
    if followed:
        named = _unsaid(followed, said)
        return [
            f"In {joined(named)}, a country you follow." if named else "In a country you follow."
        ]
    if GLOBAL in found and (profile.get("regions") or profile.get("countries")):
        return ["Global in scope, so it covers your regions."]
    if any(c in (profile.get("locations") or []) for c in countries):
        return ["Based in a country where you can work."]
    if posting.get("remote") == "yes" and profile.get("remote") in ("ok", "only"):
        return ["Remote, which suits you."]
    return []


def _experience(posting: dict, profile: dict) -> list[str]:
    minimum, years = posting.get("min_years_experience"), profile.get("years_experience")
    level = posting.get("seniority")
    if isinstance(minimum, int):
        asked = f"Asks for {minimum} or more years of experience"
    elif level in EXPECTED_YEARS:
        usual = EXPECTED_YEARS[level][0]
        article = "An" if level[0] in "aeiou" else "A"
        asked = f"{article} {level}-level role" + (
            f", usually {usual} or more years" if usual else ""
        )
    else:
        return []
    if not isinstance(years, int):
        return [f"{asked}."]
    return [f"{asked}; you have {years} year{'' if years == 1 else 's'}."]


def _terms(why: object) -> list[str]:
    terms = why.get("matched_terms") if isinstance(why, dict) else None
    words = [t.strip() for t in terms or [] if isinstance(t, str) and t.strip()]
    return [f"Matches your profile on {joined(words[:MAX_TERMS])}."] if words else []


def why_lines(posting: dict, profile: dict, said: str, country: Callable[[str], str]) -> list[str]:
    """Plain sentences on how `posting` fits `profile`; `said` is the text the item's other
    lines already show (names in it are not repeated), `country` names a country code."""
    mine = profile.get("languages") if isinstance(profile.get("languages"), dict) else {}
    return [
        *_languages(posting, mine),
        *_region(posting, profile, said, country),
        *_experience(posting, profile),
        *_terms(posting.get("why")),
    ]
