"""URL normalisation: tracking parameters out, so the same link compares equal."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PREFIXES = ("utm_", "mc_", "_hs")
TRACKING_NAMES = {"gclid", "fbclid", "msclkid", "dclid", "yclid", "igshid", "ref", "ref_src", "src"}


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
