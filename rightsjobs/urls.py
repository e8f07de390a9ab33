"""URLs: tracking parameters out, so the same link compares equal; only http(s) links."""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from markupsafe import Markup, escape

TRACKING_PREFIXES = ("utm_", "mc_", "_hs")
TRACKING_NAMES = {"gclid", "fbclid", "msclkid", "dclid", "yclid", "igshid", "ref", "ref_src", "src"}
WEB_URL = re.compile(r"https?://[^/\s?#]", re.IGNORECASE)
EMAIL = re.compile(r"[^@\s<>\"'?&/:;,()\\]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


def strip_tracking(url: str) -> str:
    """The URL without tracking query parameters or a fragment."""
    parts = urlsplit(url.strip())
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(TRACKING_PREFIXES) and k.lower() not in TRACKING_NAMES
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def url_key(url: str | None) -> str | None:
    """A comparison key for a URL: no scheme, no www., no tracking, no trailing slash, lowercase."""
    if not url or not url.startswith(("http://", "https://")):
        return None
    parts = urlsplit(strip_tracking(url))
    host = parts.netloc.lower().removeprefix("www.")
    key = f"{host}{parts.path.rstrip('/')}"
    return f"{key}?{parts.query}" if parts.query else key


def web_url(value: object) -> str | None:
    """`value` when it is an absolute http(s) URL with a host, else None.

    Surrounding whitespace is dropped and inner spaces become `%20`; any other whitespace or
    control character rejects the URL (browsers drop tabs and newlines, so " java\\nscript:" is
    `javascript:`).
    """
    if not isinstance(value, str):
        return None
    url = value.strip().replace(" ", "%20")
    if not WEB_URL.match(url) or any(c <= " " or c == "\x7f" for c in url):
        return None
    return url


def contact(value: object) -> str | None:
    """An application contact worth keeping: an http(s) URL or an e-mail address (no `mailto:`)."""
    if not isinstance(value, str):
        return None
    address = value.strip().removeprefix("mailto:")
    return address if EMAIL.fullmatch(address) else web_url(value)


def link(url: object, text: object, css_class: str | None = None) -> Markup:
    """HTML for `text` linked to `url` — only an http(s) URL or `mailto:` an e-mail address;
    anything else gives the escaped text alone. A jinja filter: `{{ url | link(text) }}`."""
    label = escape("" if text is None else text)
    href = web_url(url)
    if href is None and isinstance(url, str) and url.startswith("mailto:"):
        href = url if EMAIL.fullmatch(url.removeprefix("mailto:")) else None
    if href is None:
        return label
    attributes = Markup(' class="{}"').format(css_class) if css_class else Markup("")
    return Markup('<a href="{}"{}>{}</a>').format(href, attributes, label)
