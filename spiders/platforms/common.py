"""What several platform spiders share: the posting of a record, locations, structured hints,
sections, paging URLs.

Reading a value (a location string, an employment type, a date) is `understand`'s job: the
spiders call its functions."""

from collections.abc import Iterable
from urllib.parse import unquote_plus, urlencode, urlsplit, urlunsplit

from parsel import Selector

from rightsjobs.urls import strip_tracking
from spiders.items import Location, Posting
from understand.places import city_and_country, country_code
from understand.text import clean_text, html_to_text


def posting_of(url: str, title: str, html: str, **fields: object) -> Posting:
    """A Posting of a platform's record: its URL without tracking, its title cleaned, its
    description read from the sanitised `html`; `fields` are the other Posting fields."""
    return Posting(
        url=strip_tracking(url),
        title=clean_text(title),
        description=html_to_text(html),
        description_html=html,
        **fields,
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
    guessed_city, guessed_code = city_and_country(raw)
    return Location(raw=raw, city=city or guessed_city, country=code or guessed_code)


def places(locations: Iterable[Location | None]) -> list[Location]:
    """The given locations without blanks and repeats, in order."""
    seen, result = set(), []
    for loc in locations:
        if loc is not None and (loc.raw, loc.country) not in seen:
            seen.add((loc.raw, loc.country))
            result.append(loc)
    return result


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
