"""Shared fixtures: a fresh database, a store item builder, and headless Chromium."""

import os
import shutil
from datetime import UTC, datetime

import pytest

from rightsjobs.store import open_db

SOURCE = {
    "id": "ngo-board",
    "organization": "Steppe Rights Watch",
    "platform": "greenhouse",
    "url": "http://127.0.0.1:9/jobs",
}


@pytest.fixture
def chromium(tmp_path) -> list[str]:
    """The headless Chromium command line; skips without Chromium, but fails in CI (CI=true),
    where .ci/run installs it (scripts/install-chromium.sh), so browser tests never go unrun."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI: .ci/run should install it")
        pytest.skip("chromium is not installed (scripts/install-chromium.sh installs it)")
    return [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ]


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "rightsjobs.db")
    yield database
    database.close()


def make_item(job_id: str, title: str, **understood) -> dict:
    """A normalised, understood crawl item as the pipeline hands it to the store."""
    return {
        "url": f"https://jobs.example.org/{job_id}?utm_source=feed",
        "title": title,
        "description": f"{title}: a role defending human rights.",
        "description_html": f"<p>{title}</p>",
        "source_job_id": job_id,
        "organization": "Steppe Rights Watch",
        "apply_url": f"https://jobs.example.org/{job_id}/apply",
        "locations": [],
        "understood": {
            "is_vacancy": True,
            "title": title,
            "organization": "Steppe Rights Watch",
            "countries": ["KZ"],
            "regions": ["Central Asia"],
            "deadline": "2027-01-15",
            **understood,
        },
    }


def posting_row(pid: str, title: str, **fields) -> dict:
    """A posting as the store's rows give it to the digest: Steppe Rights Watch, in Almaty."""
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
        **fields,
    }


def started() -> datetime:
    return datetime.now(UTC)
