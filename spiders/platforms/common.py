"""What several platform spiders share: places, remote status, structured hints, paging URLs."""

import re
from collections.abc import Iterable
from urllib.parse import unquote_plus, urlencode, urlsplit, urlunsplit

from parsel import Selector

from spiders.items import Location
from spiders.normalise import clean_text, country_code

# Parts of a place that name no city: remote markers, regions, placeholders.
NOT_A_CITY = re.compile(
    r"(remote|hybrid|home[- ]?based|telecommut\w*|anywhere|worldwide|global|multiple( locations)?|"
    r"various|flexible|international|europe|africa|asia|americas|emea|apac|latam|mena|tbd|n/?a|-)"
    r"( \w+)?",
    re.I,
)
WORKPLACE = {
    "onsite": "no",
    "on-site": "no",
    "on_site": "no",
    "office": "no",
    "remote": "yes",
    "hybrid": "hybrid",
}
CONTRACT_RULES = (
    (r"intern|trainee|stagi", "internship"),
    (r"volunt", "volunteer"),
    (r"fellow", "fellowship"),
    (r"consult|freelan|contractor|individual contract", "consultancy"),
    (r"fixed|temporar|contract|seasonal|short[-_ ]term", "fixed-term"),
    (r"permanent|indefinite|open[-_ ]ended|regular", "permanent"),
)
SENIORITY_RULES = (
    (r"director|executive|chief|head of", "director"),
    (r"mid[-_ ]?senior", "mid"),
    (r"senior|principal|lead", "senior"),
    (r"mid|experienced|associate|intermediate|professional", "mid"),
    (r"intern|entry|junior|student|graduate|trainee", "entry"),
)


def place(
    raw: str | None, *, city: str | None = None, country: str | None = None
) -> Location | None:
    """A Location as shown, with the city and ISO country guessed from `City, Region, Country`
    text when the platform does not give them. None when there is nothing to show."""
    raw = clean_text(raw, 200)
    city = clean_text(city, 100) or None
    code = country_code(country) if country else None
    if not raw:
        raw = ", ".join(p for p in (city, clean_text(country)) if p)
        if not raw:
            return None
    parts = [p.strip() for p in re.split(r",|;|\s[-–|/]\s|\(|\)", raw) if p.strip()]
    named = [p for p in parts if not NOT_A_CITY.fullmatch(p)]
    if code is None:
        code = next(filter(None, (country_code(p, codes=False) for p in reversed(named))), None)
    if city is None and named and country_code(named[0], codes=False) is None:
        city = named[0]
    return Location(raw=raw, city=city, country=code)


def places(locations: Iterable[Location | None]) -> list[Location]:
    """The given locations without blanks and repeats, in order."""
    seen, result = set(), []
    for loc in locations:
        if loc is not None and (loc.raw, loc.country) not in seen:
            seen.add((loc.raw, loc.country))
            result.append(loc)
    return result


def remote_from_text(*texts: str | None) -> str:
    """`yes`/`hybrid` when a location or flag says so, else `unknown`."""
    text = " ".join(t for t in texts if t).lower()
    if "hybrid" in text:
        return "hybrid"
    if re.search(r"remote|home[- ]?based|telecommut|work from home", text):
        return "yes"
    return "unknown"


def _rule(rules: tuple, values: tuple) -> str | None:
    words: list[str] = []
    for value in values:
        words.extend(value if isinstance(value, list | tuple) else [value])
    text = " ".join(str(w) for w in words if w).lower()
    if not text:
        return None
    return next((label for pattern, label in rules if re.search(pattern, text)), None)


def contract_type(*values: object) -> str | None:
    """permanent | fixed-term | consultancy | internship | fellowship | volunteer from a
    platform's employment type, or None when it says nothing about the contract
    (`Full-time`, `Job`)."""
    return _rule(CONTRACT_RULES, values)


def seniority(*values: object) -> str | None:
    """entry | mid | senior | director from a platform's experience level."""
    return _rule(SENIORITY_RULES, values)


def min_years(value: object) -> int | None:
    """The lower bound of an experience range: `5-9 years` -> 5, `10+` -> 10, `lt-1` -> 0."""
    text = str(value or "").lower()
    if re.search(r"\blt\b|less than|under|<", text):
        return 0
    match = re.search(r"\d+", text)
    return int(match.group()) if match else None


def hints(**facts: object) -> dict:
    """The structured facts that are known (None and empty values left out)."""
    return {key: value for key, value in facts.items() if value not in (None, "", [])}


def sections(*parts: tuple[str | None, str | None]) -> str:
    """HTML of titled sections, skipping empty ones: [(title, html), ...]."""
    html = []
    for title, body in parts:
        if body and body.strip():
            html.append(f"<h3>{clean_text(title)}</h3>\n{body.strip()}" if title else body.strip())
    return "\n".join(html)


def with_query(url: str, **params: object) -> str:
    """`url` with the given query parameters set, replacing existing ones; the other
    parameters keep their original spelling (`filter%5Bvalue%5D=...` stays as it was)."""
    parts = urlsplit(url)
    kept = [
        pair
        for pair in parts.query.split("&")
        if pair and unquote_plus(pair.split("=", 1)[0]) not in params
    ]
    kept += [urlencode({key: str(value)}) for key, value in params.items()]
    return urlunsplit(parts._replace(query="&".join(kept)))


def text_or_none(value: object, limit: int = 200) -> str | None:
    """A one-line text value, with placeholders (`-`, ``) as None."""
    if value is None or isinstance(value, dict | list):
        return None
    text = clean_text(str(value), limit)
    return None if text in ("", "-", "--", "n/a", "N/A") else text


def ident(value: object) -> str | None:
    """A platform id as text (ids come as numbers or strings), None when missing."""
    return None if value is None or value == "" else str(value)


def html_page(response) -> Selector | None:
    """The response read as HTML, whatever its content type said (a JSON or plain-text answer
    must not break XPath), or None when it has no text at all."""
    try:
        text = response.text
    except AttributeError:
        return None
    return Selector(text=text, type="html") if text.strip() else None
