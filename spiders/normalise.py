"""Normalising what platforms give us: HTML sanitised and flattened, control characters out,
dates in ISO form."""

import html as htmllib
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

import nh3
import pycountry
from bs4 import BeautifulSoup
from scrapy.exceptions import DropItem

MAX_HTML = 300_000
BLOCK_TAGS = ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table")
ALLOWED_TAGS = {
    "p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "u", "a", "h1", "h2", "h3", "h4",
    "h5", "h6", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "span", "div",
}  # fmt: skip
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # C0 but tab, LF (and CR: made LF)


class NotWebURL(DropItem):
    """An item whose page URL is not http(s): never stored (Scrapy counts it as dropped)."""


def strip_controls(text: str) -> str:
    """`text` without NUL and the other C0 control characters except tab and newline (a CR,
    alone or before LF, becomes one newline as in HTML)."""
    return CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def scrub(value: object) -> object:
    """`value` with control characters stripped from every string inside it (dicts, lists)."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [scrub(v) for v in value]
    return value


def clean_html(raw: str | None) -> str:
    """Sanitised HTML: no scripts, styles, event handlers or foreign tags; bounded size."""
    if not raw:
        return ""
    return nh3.clean(
        strip_controls(raw[:MAX_HTML]), tags=ALLOWED_TAGS, attributes={"a": {"href"}}
    ).strip()


def unescape_twice(raw: str | None) -> str:
    """Undo HTML that a platform escaped as text (Greenhouse's `&lt;p&gt;`)."""
    text = raw or ""
    return htmllib.unescape(text) if "&lt;" in text[:2000] else text


def html_to_text(raw: str | None) -> str:
    """Readable plain text from HTML: one line per block, blank lines collapsed."""
    if not raw:
        return ""
    soup = BeautifulSoup(strip_controls(raw[:MAX_HTML]), "html.parser")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    for li in soup.find_all("li"):
        li.insert(0, "• ")
    text = soup.get_text()
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines())
    text = re.sub(r"^•\n+", "• ", "\n".join(lines), flags=re.M)  # <li><p>...</p></li>
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def clean_text(value: str | None, limit: int = 500) -> str:
    """A one-line field (title, organisation): entities decoded, whitespace folded, bounded."""
    text = strip_controls(htmllib.unescape(value or ""))
    return re.sub(r"\s+", " ", text).strip()[:limit]


def iso_date(value: object) -> str | None:
    """A date as `YYYY-MM-DD` from epoch ms/s (UTC), ISO-8601 (with or without zone), RFC 822,
    or `2023-07-25 17:53:46 UTC`. A value with an offset keeps the calendar date it was written
    in: a deadline of `2027-01-31T23:59:00-05:00` is the 31st where the employer is."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) or (isinstance(value, str) and value.isdigit()):
        number = float(value)
        seconds = number / 1000 if number > 1e11 else number
        return datetime.fromtimestamp(seconds, UTC).date().isoformat()
    text = str(value).strip()
    if text.endswith(" UTC"):
        text = text[:-4].replace(" ", "T") + "+00:00"
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            match = re.match(r"(\d{4}-\d{2}-\d{2})", text)
            return match.group(1) if match else _written_date(text)
    return parsed.date().isoformat()


def _written_date(text: str) -> str | None:
    """`8 September 2026`, `8 Sep 2026` or `September 8, 2026` (English month names)."""
    text = re.sub(r"\s+", " ", text.replace(",", ", ")).strip().rstrip(".")
    for fmt in ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


COUNTRY_ALIASES = {
    "uk": "GB", "u.k.": "GB", "great britain": "GB", "england": "GB", "scotland": "GB",
    "wales": "GB", "northern ireland": "GB", "usa": "US", "u.s.": "US", "u.s.a.": "US",
    "united states of america": "US", "turkey": "TR", "russia": "RU", "kosovo": "XK",
    "palestine": "PS", "occupied palestinian territory": "PS", "opt": "PS",
    "state of palestine": "PS", "drc": "CD", "dr congo": "CD",
    "democratic republic of the congo": "CD", "democratic republic of congo": "CD",
    "republic of the congo": "CG", "ivory coast": "CI", "burma": "MM", "macedonia": "MK",
    "swaziland": "SZ", "cape verde": "CV", "east timor": "TL", "holland": "NL",
    "south korea": "KR", "republic of korea": "KR", "north korea": "KP", "uae": "AE",
    "vatican": "VA", "micronesia": "FM", "brunei": "BN",
}  # fmt: skip


@lru_cache(maxsize=2048)
def country_code(value: str | None, *, codes: bool = True) -> str | None:
    """ISO 3166-1 alpha-2 for a country name or an alpha-2/alpha-3 code, else None.

    Pass `codes=False` for free text, where `CA` or `IN` is more likely a US state.
    """
    text = re.sub(r"^the\s+", "", re.sub(r"\s+", " ", (value or "").strip()), flags=re.I)
    key = text.lower()
    if not key or len(key) > 60:
        return None
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    if len(key) <= 3:
        if not codes or not key.isalpha():
            return None
        found = pycountry.countries.get(alpha_2=key.upper()) or pycountry.countries.get(
            alpha_3=key.upper()
        )
        return found.alpha_2 if found else None
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return None
