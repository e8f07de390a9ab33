"""Rendering digests: content, escaping of hostile scraped text, overrides, a real browser."""

import subprocess
from datetime import date

import pytest

from digest import render
from rightsjobs.config import Settings

AS_OF = date(2026, 11, 25)
SETTINGS = Settings(sender="rightsjobs <digest@rightsjobs.example.org>")
UNSUBSCRIBE = "https://jobs.example.org/unsubscribe/TOKEN"
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


def item(pid: str, title: str, **fields) -> dict:
    return {
        "id": pid,
        "title": title,
        "organization": "Steppe Rights Watch",
        "url": f"https://jobs.example.org/{pid}",
        "apply_url": f"https://jobs.example.org/{pid}/apply",
        "locations": ["Almaty, Kazakhstan"],
        "countries": ["KZ"],
        "regions": ["Central Asia"],
        "remote": "no",
        "contract_type": "fixed-term",
        "deadline": "2026-12-20",
        "why": {"summary": "Campaigning on free expression", "matched_terms": ["advocacy"]},
        **fields,
    }


def digest(items: list[dict], **kw):
    return render(
        {"id": "aigul", "name": "Aigul"},
        items,
        period="2026-W48",
        settings=SETTINGS,
        unsubscribe_url=UNSUBSCRIBE,
        as_of=AS_OF,
        **kw,
    )


def test_subject_counts_and_names_the_week():
    assert digest([item("a", "Officer")] * 7).subject == (
        "7 new human-rights jobs for you — week 2026-W48"
    )
    assert digest([item("a", "Officer")]).subject.startswith("1 new human-rights job for")
    assert digest([]).subject.startswith("No new human-rights jobs")


def test_each_posting_shows_its_facts_and_why_in_both_parts():
    rendered = digest(
        [
            item(
                "a",
                "Digital Campaigner",
                deadline="2026-11-30",
                why={"summary": "Fits your advocacy work", "languages": "Russian: native"},
            )
        ]
    )
    for part in (rendered.text, rendered.html):
        for text in (
            "Digital Campaigner",
            "Steppe Rights Watch",
            "Almaty, Kazakhstan",
            "Central Asia",
            "30 November 2026",
            "Fixed-term",
            "Fits your advocacy work",
            "Russian: native",
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


def test_html_renders_in_a_real_browser(tmp_path, chromium):
    rendered = digest([item("a", "Digital Campaigner"), item("b", HOSTILE[1], extended=True)])
    page = tmp_path / "digest.html"
    page.write_text(rendered.html, encoding="utf-8")
    dom = subprocess.run(
        [
            *chromium,
            "--window-size=390,844",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert "Digital Campaigner" in dom
    assert "Deadline extended" in dom
    assert "Unsubscribe" in dom
    assert "&lt;img src=x onerror=alert(1)&gt;" in dom
    assert "<img" not in dom
