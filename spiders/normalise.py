"""Making what platforms give us safe to store: HTML sanitised, control characters out, page
URLs checked. Reading values (HTML to text, one-line fields, dates, places) is `understand`'s."""

import html as htmllib

import nh3
from scrapy.exceptions import DropItem

from understand.text import strip_controls

MAX_HTML = 300_000
ALLOWED_TAGS = {
    "p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "u", "a", "h1", "h2", "h3", "h4",
    "h5", "h6", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "span", "div",
}  # fmt: skip


class NotWebURL(DropItem):
    """An item whose page URL is not http(s): never stored (Scrapy counts it as dropped)."""


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
