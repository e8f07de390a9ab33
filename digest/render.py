"""Build a digest e-mail (subject, plain text, HTML) from matched postings; sends nothing."""

from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import parseaddr
from functools import cache
from pathlib import Path

import css_inline
import pycountry
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined

from digest.why import why_lines
from rightsjobs.config import Settings
from rightsjobs.urls import EMAIL, link, web_url

CLOSING_SOON_DAYS = 7
CONTRACT_LABELS = {
    "permanent": "Permanent",
    "fixed-term": "Fixed-term",
    "consultancy": "Consultancy",
    "internship": "Internship",
    "fellowship": "Fellowship",
    "volunteer": "Volunteer",
}
REMOTE_LABELS = {"yes": "remote", "hybrid": "hybrid"}


@dataclass(frozen=True)
class Rendered:
    """A built e-mail: what `message.build_message` wraps and `send` delivers."""

    subject: str
    text: str
    html: str


def environment(templates_dir: str | Path | None = None) -> Environment:
    """Templates from `templates_dir` first (a maintainer's overrides), then the bundled ones.

    Everything is HTML-escaped except `*.txt.j2` templates, which produce plain text; the
    `link` filter (`{{ url | link(text) }}`) links only http(s) URLs and `mailto:` addresses.
    One environment per folder, so each template is compiled once, not once per digest (jinja2
    still reloads a template whose file changed).
    """
    return _environment(str(templates_dir) if templates_dir else None)


@cache
def _environment(templates_dir: str | None) -> Environment:
    bundled = PackageLoader("digest", "templates")
    loader = ChoiceLoader([FileSystemLoader(templates_dir), bundled]) if templates_dir else bundled
    env = Environment(
        loader=loader,
        autoescape=lambda name: not (name or "").endswith(".txt.j2"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["link"] = link
    return env


def long_date(iso: str | None) -> str | None:
    """'2027-01-15' -> '15 January 2027' (None or unparsable text as given)."""
    try:
        day = date.fromisoformat(iso) if iso else None
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}" if day else None


def period_label(period: str) -> str:
    """The days a period covers as a person writes them: '2026-W48' -> '23–29 November 2026',
    '2026-11-28' -> '28 November 2026'."""
    if "-W" not in period:
        return long_date(period) or period
    year, week = period.split("-W")
    first = date.fromisocalendar(int(year), int(week), 1)
    last = first + timedelta(days=6)
    if first.year != last.year:
        return f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"
    if first.month != last.month:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{first.day}–{last.day} {last:%B %Y}"


def subject_line(count: int, period: str) -> str:
    """'Your human-rights jobs, 23–29 November 2026' (weekly) or '..., 28 November 2026'."""
    if count == 0:
        return f"No new human-rights jobs for you, {period_label(period)}"
    return f"Your human-rights jobs, {period_label(period)}"


def _country(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def _texts(values: object) -> list[str]:
    items = values if isinstance(values, list) else []
    return [v.strip() for v in items if isinstance(v, str) and v.strip()]


def _apply(contact: object, link: str | None) -> dict | None:
    """How to apply, when the posting names a contact other than its title link."""
    if not isinstance(contact, str) or not contact.strip():
        return None
    contact = contact.strip().removeprefix("mailto:")
    if EMAIL.fullmatch(contact):
        return {"text": contact, "href": f"mailto:{contact}"}
    url = web_url(contact)
    return {"text": url, "href": url} if url and url != link else None


def view(item: dict, as_of: date) -> dict:
    """What the templates show of one posting (plain values; escaping is the template's job)."""
    link = web_url(item.get("apply_url")) or web_url(item.get("url"))
    places = _texts(item.get("locations")) or [_country(c) for c in _texts(item.get("countries"))]
    station = ", ".join(places)
    remote = REMOTE_LABELS.get(item.get("remote") or "")
    if remote:
        station = f"{station} ({remote})" if station else remote.capitalize()
    deadline = item.get("deadline")
    try:
        days_left = (date.fromisoformat(deadline) - as_of).days if deadline else None
    except ValueError:
        days_left = None
    regions = ", ".join(_texts(item.get("regions")))
    return {
        "title": (item.get("title") or "").strip() or "Untitled vacancy",
        "link": link,
        "organization": item.get("organization"),
        "duty_station": station or None,
        "regions": regions or None,
        "deadline": long_date(deadline),
        "days_left": days_left,
        "closing_soon": bool(item.get("closing_soon"))
        or (days_left is not None and 0 <= days_left <= CLOSING_SOON_DAYS),
        "extended": bool(item.get("extended")),
        "reopened": bool(item.get("reopened")),
        "contract_type": CONTRACT_LABELS.get(item.get("contract_type") or ""),
        "apply": _apply(item.get("apply_contact"), link),
        "why": why_lines(item.get("why"), f"{station}\n{regions}", _country),
    }


def render(
    profile: dict,
    items: list[dict],
    *,
    period: str,
    settings: Settings,
    unsubscribe_url: str,
    as_of: date,
    templates_dir: str | Path | None = None,
) -> Rendered:
    """Render one digest: `items` are decoded posting rows with `why` and flags, best first."""
    env = environment(templates_dir)
    subject = subject_line(len(items), period)
    context = {
        "subject": subject,
        "name": profile.get("name") or "",
        "period": period,
        "period_label": period_label(period),
        "as_of": long_date(as_of.isoformat()),
        "items": [view(item, as_of) for item in items],
        "unsubscribe_url": unsubscribe_url,
        "sender_name": parseaddr(settings.sender)[0] or "rightsjobs",
        "closing_soon_days": CLOSING_SOON_DAYS,
    }
    text = env.get_template("digest.txt.j2").render(context)
    html = env.get_template("digest.html.j2").render(context)
    css = env.loader.get_source(env, "digest.css")[0]
    return Rendered(subject=subject, text=text, html=_inliner(css).inline(html))


@cache
def _inliner(css: str) -> css_inline.CSSInliner:
    """The inliner of a style sheet, built once."""
    return css_inline.CSSInliner(extra_css=css, load_remote_stylesheets=False)
