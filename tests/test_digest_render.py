"""Rendering digests: content, escaping of hostile scraped text, overrides, a real browser."""

import os
import re
import subprocess
from datetime import date
from html import escape, unescape

import pytest

from digest import render
from digest.render import environment
from matcher.fit import with_defaults
from matcher.why import Explainer
from rightsjobs.config import Settings
from rightsjobs.languages import language_name
from tests.conftest import posting_row

AS_OF = date(2026, 11, 25)
SETTINGS = Settings(sender="rightsjobs <digest@rightsjobs.example.org>")
UNSUBSCRIBE = "https://jobs.example.org/unsubscribe/TOKEN"
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]
PROFILE = {
    "id": "aigul",
    "name": "Aigul",
    "regions": ["Central Asia", "Eastern Europe"],
    "countries": [],
    "locations": [],
    "remote": "ok",
    "languages": {"en": "fluent", "ru": "native", "ne": "working"},
    "years_experience": 6,
}
# The strings of the `why` the matcher records for a match (matcher/why.py); `recorded` adds
# the facts the digest words.
MATCHER_WHY = {
    "matched_terms": ["advocacy", "campaigning"],
    "languages": "requires English, Nepali (macrolanguage): you have English (fluent)",
    "region": "Central Asia: your region (Kazakhstan)",
    "experience": "asks for 3+ years; you have 6",
    "deadline": "closes 2026-11-30",
    "summary": "Digital Campaigner at Steppe Rights Watch — Central Asia: your region; "
    "matches advocacy, campaigning",
}


def item(pid: str, title: str, **fields) -> dict:
    """A ranked digest item: a stored posting with the matcher's `why`."""
    why = {"summary": "Campaigning on free expression", "matched_terms": ["advocacy"]}
    return posting_row(pid, title, **{"why": why, **fields})


def recorded(posting: dict, profile: dict) -> dict:
    """The posting as the digest reads it from the store: its `why` with the facts the matcher
    (the real `matcher.why.Explainer`) records for this posting and profile."""
    explain, person = Explainer(), with_defaults(profile)
    why = explain(
        posting, explain.posting_key(posting), person, explain.profile_key(person), [], AS_OF
    )
    return {**posting, "why": {**posting["why"], "fit": why["fit"]}}


def digest(items: list[dict], profile: dict | None = None, period: str = "2026-W48", **kw):
    profile = profile or {"id": "aigul", "name": "Aigul"}
    return render(
        profile,
        [recorded(posting, profile) for posting in items],
        period=period,
        settings=SETTINGS,
        unsubscribe_url=UNSUBSCRIBE,
        as_of=AS_OF,
        **kw,
    )


@pytest.mark.parametrize(
    ("period", "days"),
    [
        ("2026-W48", "23–29 November 2026"),
        ("2026-W49", "30 November – 6 December 2026"),
        ("2026-W53", "28 December 2026 – 3 January 2027"),
        ("2026-11-28", "28 November 2026"),
    ],
)
def test_subject_and_headings_name_the_days_not_the_iso_week(period, days):
    rendered = digest([item("a", "Officer")] * 7, period=period)
    assert rendered.subject == f"Your human-rights jobs, {days}"
    assert re.search(rf"<h1 [^>]*>Your human-rights jobs, {days}</h1>", rendered.html)
    assert rendered.text.startswith(f"Your human-rights jobs, {days}\n")
    assert f"<title>Your human-rights jobs, {days}</title>" in rendered.html
    for part in (rendered.subject, rendered.text, rendered.html):
        assert not re.search(r"\bW\d\d\b|\bweek 20", part)
        assert "2026-11-28" not in part
    assert "7 new human-rights jobs match your profile" in rendered.text
    assert digest([], period=period).subject == f"No new human-rights jobs for you, {days}"


@pytest.mark.parametrize(
    ("code", "name"), [("ne", "Nepali"), ("ms", "Malay"), ("sw", "Swahili"), ("en", "English")]
)
def test_language_names_are_display_names(code, name):
    assert language_name(code) == name
    assert language_name("qq") == "qq"  # an unknown code is shown as given


def test_languages_are_shown_by_their_display_names():
    posting = item(
        "a",
        "Protection Officer",
        languages_required=["en", "ne"],
        languages_desirable=["ms", "ru"],
        language_rule={"at_least": 2, "of": ["fr", "ar", "ms"]},
        why=MATCHER_WHY,
    )
    rendered = digest([posting], profile=PROFILE)
    for part in (rendered.text, rendered.html):
        assert "macrolanguage" not in part
        assert "Needs English and Nepali; you have English (fluent) and Nepali (working)." in part
        assert "Needs two of French, Arabic or Malay; you listed none of them." in part
        assert "Also values Russian (native), which you have." in part
    both = item("b", "Officer", language_rule={"at_least": 2, "of": ["en", "ru"]})
    assert "Needs English and Russian; you have English (fluent) and Russian (native)." in (
        digest([both], profile=PROFILE).text
    )


def test_title_organisation_place_and_deadline_are_shown_once():
    posting = item("a", "Digital Campaigner", deadline="2026-11-30", why=MATCHER_WHY)
    rendered = digest([posting], profile=PROFILE)
    body = rendered.html.split("<body", 1)[1]
    for part in (rendered.text, body):
        for fact in (
            "Digital Campaigner",
            "Steppe Rights Watch",
            "Almaty, Kazakhstan",
            "Central Asia",
            "30 November 2026",
        ):
            assert part.count(fact) == 1, (fact, part)
        assert "2026-11-30" not in part
        assert "days left" not in part


def test_the_why_says_in_plain_words_how_the_posting_fits():
    posting = item(
        "a",
        "Digital Campaigner",
        languages_required=["en"],
        min_years_experience=3,
        why=MATCHER_WHY,
    )
    rendered = digest([posting], profile=PROFILE)
    lines = (
        "Why it fits you",
        "Needs English; you have English (fluent).",
        "In your region.",
        "Asks for 3 or more years of experience; you have 6 years.",
        "Matches your profile on advocacy and campaigning.",
    )
    for part in (rendered.text, rendered.html):
        for line in lines:
            assert line in part
        assert "3+" not in part
        assert ": your region" not in part
    assert "   - In your region.\n" in rendered.text
    # a region the item does not show yet is named; a role anywhere says so
    elsewhere = digest([item("b", "Researcher", regions=[], locations=[])], profile=PROFILE)
    assert "In Central Asia, your region." in elsewhere.text
    junior = {**PROFILE, "years_experience": 1}
    entry = digest([item("d", "Intern", seniority="entry")], profile=junior).text
    assert "An entry-level role; you have 1 year." in entry
    anywhere = item("c", "Analyst", countries=[], locations=[], regions=["Global"])
    assert "Global in scope, so it covers your regions." in digest([anywhere], PROFILE).text
    nowhere = {**PROFILE, "regions": []}
    for who, posting, line in (
        ({**nowhere, "countries": ["KZ"]}, item("e", "Monitor"), "In a country you follow."),
        ({**nowhere, "locations": ["KZ"]}, item("f", "Monitor"), "Based in a country where"),
        (nowhere, item("g", "Editor", countries=[], remote="yes"), "Remote, which suits you."),
    ):
        assert line in digest([posting], profile=who).text
    assert "In your region" not in digest([item("h", "Monitor")], profile=nowhere).text


def test_each_posting_shows_its_facts_and_why_in_both_parts():
    rendered = digest(
        [
            item(
                "a",
                "Digital Campaigner",
                deadline="2026-11-30",
                languages_required=["ru"],
            )
        ],
        profile=PROFILE,
    )
    for part in (rendered.text, rendered.html):
        for text in (
            "Digital Campaigner",
            "Steppe Rights Watch",
            "Almaty, Kazakhstan",
            "Central Asia",
            "30 November 2026",
            "Fixed-term",
            "Needs Russian; you have Russian (native).",
            "Matches your profile on advocacy.",
        ):
            assert text in part
        assert "closing within 7 days" in part.lower()
        assert UNSUBSCRIBE in part
    assert 'href="https://jobs.example.org/a/apply"' in rendered.html
    assert "max-width: 600px" in rendered.html
    assert "<style" not in rendered.html  # inlined


def test_marks_for_extended_and_reopened_postings():
    rendered = digest([item("a", "Researcher", extended=True), item("b", "Lawyer", reopened=True)])
    for part in (rendered.text, rendered.html):
        assert "deadline extended" in part.lower()
        assert "reopened" in part.lower()
        assert "closing within" not in part.lower()


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_text_is_escaped_in_html_and_literal_in_text(payload):
    rendered = digest(
        [
            item(
                "a",
                payload,
                organization=payload,
                locations=[payload],
                why={"summary": payload, "matched_terms": [payload]},
                apply_contact=payload,
            )
        ]
    )
    assert "<script" not in rendered.html.lower()
    assert "<img" not in rendered.html.lower()
    assert payload.replace("<", "&lt;").replace(">", "&gt;") in rendered.html
    assert payload in rendered.text


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<b>x</b>", " java\nscript:x", "//evil.example"]
)
def test_only_http_links_become_links(url):
    rendered = digest([item("a", "Officer", url=url, apply_url=url, apply_contact=url)])
    assert "javascript" not in rendered.html
    assert "data:" not in rendered.html
    hrefs = [part.split('"')[0] for part in rendered.html.split('href="')[1:]]
    assert hrefs == [UNSUBSCRIBE]


def test_templates_can_be_overridden_from_a_folder(tmp_path):
    (tmp_path / "digest.txt.j2").write_text("Custom {{ items|length }} for {{ name }}\n")
    rendered = digest([item("a", "Officer")], templates_dir=tmp_path)
    assert rendered.text == "Custom 1 for Aigul\n"
    assert "Officer" in rendered.html  # the bundled HTML template still applies


def test_templates_are_compiled_once_and_an_edited_override_is_read_again(tmp_path):
    override = tmp_path / "digest.txt.j2"
    override.write_text("First {{ name }}\n")
    assert digest([item("a", "Officer")], templates_dir=tmp_path).text == "First Aigul\n"
    assert environment(tmp_path) is environment(str(tmp_path))
    assert environment() is environment(None)
    override.write_text("Second {{ name }}\n")
    later = override.stat().st_mtime + 2
    os.utime(override, (later, later))
    assert digest([item("a", "Officer")], templates_dir=tmp_path).text == "Second Aigul\n"


# Headless Chromium's window is at least 500 px wide, so the digest is laid out in an iframe as
# wide as the phone or desktop window; the probe, appended to the digest, writes the laid-out
# widths, the elements a hostile text could inject and the text shown on the outer page.
PROBE = """<script id="probe">
const box = document.querySelector(".container").getBoundingClientRect();
Object.assign(parent.document.body.dataset, {
  viewport: window.innerWidth,
  overflow: document.documentElement.scrollWidth > window.innerWidth,
  container: Math.round(box.width),
  injected: document.querySelectorAll("img, script:not(#probe)").length,
});
parent.document.getElementById("shown").textContent = document.body.innerText;
</script>"""


def in_window(html: str, width: int) -> str:
    """A page showing `html` in a `width` px wide frame, with the probe."""
    framed = escape(html.replace("</body>", f"{PROBE}</body>"), quote=True)
    return (
        '<!DOCTYPE html><html><body style="margin:0"><pre id="shown"></pre>'
        f'<iframe srcdoc="{framed}" style="width:{width}px;height:2000px;border:0"></iframe>'
        "</body></html>"
    )


@pytest.mark.parametrize(("width", "container"), [(390, range(360, 391)), (1280, range(600, 601))])
def test_html_renders_in_a_real_browser(tmp_path, chromium, width, container):
    rendered = digest(
        [
            item("a", "Digital Campaigner", languages_required=["en", "ne"], why=MATCHER_WHY),
            item("b", HOSTILE[1], extended=True, organization="Organisation" * 12),
        ],
        profile=PROFILE,
    )
    page = tmp_path / "window.html"
    page.write_text(in_window(rendered.html, width), encoding="utf-8")
    dom = subprocess.run(
        [*chromium, "--window-size=1400,900", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert f'data-viewport="{width}"' in dom
    assert 'data-overflow="false"' in dom  # nothing wider than the window, even long words
    assert int(re.search(r'data-container="(\d+)"', dom)[1]) in container
    assert 'data-injected="0"' in dom
    shown = unescape(re.search(r'<pre id="shown">(.*?)</pre>', dom, re.S)[1])
    for text in (
        "Digital Campaigner",
        "Why it fits you",
        "Needs English and Nepali",
        "Deadline extended",
        "Unsubscribe",
        HOSTILE[1],  # shown as text
    ):
        assert text in shown
