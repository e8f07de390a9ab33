"""Why a posting fits a person, in plain words, for a digest item.

The matcher decides the fit once and records it with the match (`why["fit"]`, described in
docs/email.md); this module only words those facts. It says only what the item's other lines
(title, organisation, duty station, regional focus, deadline, contract) do not: how the
languages, region and experience fit, and which of the person's own words the posting matches.
A `why` stored before the facts were recorded gives the matched words alone.
"""

from collections.abc import Callable

from rightsjobs.languages import language_name

MAX_TERMS = 5
COUNTS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def joined(words: list[str], last: str = "and") -> str:
    """['a'] -> 'a'; ['a', 'b', 'c'] -> 'a, b and c'."""
    return f"{', '.join(words[:-1])} {last} {words[-1]}" if len(words) > 1 else "".join(words)


def _texts(value: object) -> list[str]:
    return [c for c in value if isinstance(c, str) and c] if isinstance(value, list) else []


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _part(facts: object, name: str) -> dict:
    part = facts.get(name) if isinstance(facts, dict) else None
    return part if isinstance(part, dict) else {}


def _languages(facts: dict) -> list[str]:
    have = facts.get("have")
    have = (
        {c: level for c, level in have.items() if isinstance(level, str)}
        if isinstance(have, dict)
        else None
    )

    def named(codes: list[str], last: str = "and") -> str:
        return joined([language_name(c) for c in codes], last)

    def levels(codes: list[str]) -> list[str]:
        return [f"{language_name(c)} ({have[c]})" for c in codes if have and c in have]

    def yours(codes: list[str]) -> str:
        if have is None:
            return ""
        return (
            f"; you have {joined(levels(codes))}" if levels(codes) else "; you listed none of them"
        )

    out = []
    required = _texts(facts.get("required"))
    if required:
        out.append(f"Needs {named(required)}{yours(required)}.")
    rule = _part(facts, "rule")
    of = _texts(rule.get("of"))
    if of:
        n = _count(rule.get("at_least")) or 1
        some = f"{COUNTS.get(n, str(n))} of {named(of, 'or')}" if n < len(of) else named(of)
        out.append(f"Needs {some}{yours(of)}.")
    valued = levels(_texts(facts.get("valued")))
    if valued:
        out.append(f"Also values {joined(valued)}, which you have.")
    return out


def _unsaid(names: list[str], said: str) -> list[str]:
    return [n for n in names if n.lower() not in said.lower()]


def _region(facts: dict, said: str, country: Callable[[str], str]) -> list[str]:
    kind = facts.get("kind")
    if kind == "region":
        named = _unsaid(_texts(facts.get("regions")), said)
        return [f"In {joined(named)}, your region." if named else "In your region."]
    if kind == "country":
        named = _unsaid([country(c) for c in _texts(facts.get("countries"))], said)
        return [
            f"In {joined(named)}, a country you follow." if named else "In a country you follow."
        ]
    if kind == "global":
        return ["Global in scope, so it covers your regions."]
    if kind == "workplace":
        return ["Based in a country where you can work."]
    if kind == "remote":
        return ["Remote, which suits you."]
    return []


def _experience(facts: dict) -> list[str]:
    minimum, years = _count(facts.get("asked_years")), _count(facts.get("have_years"))
    level, usual = facts.get("level"), _count(facts.get("usual_years"))
    if minimum is not None:
        asked = f"Asks for {minimum} or more years of experience"
    elif isinstance(level, str) and level:
        article = "An" if level[0] in "aeiou" else "A"
        asked = f"{article} {level}-level role" + (
            f", usually {usual} or more years" if usual else ""
        )
    else:
        return []
    if years is None:
        return [f"{asked}."]
    return [f"{asked}; you have {years} year{'' if years == 1 else 's'}."]


def _terms(why: dict) -> list[str]:
    words = [t.strip() for t in _texts(why.get("matched_terms")) if t.strip()]
    return [f"Matches your profile on {joined(words[:MAX_TERMS])}."] if words else []


def why_lines(why: object, said: str, country: Callable[[str], str]) -> list[str]:
    """Plain sentences on how a posting fits a person, from the `why` its match recorded;
    `said` is the text the item's other lines already show (names in it are not repeated),
    `country` names a country code."""
    why = why if isinstance(why, dict) else {}
    facts = _part(why, "fit")
    return [
        *_languages(_part(facts, "languages")),
        *_region(_part(facts, "region"), said, country),
        *_experience(_part(facts, "experience")),
        *_terms(why),
    ]
