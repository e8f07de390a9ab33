"""Shared fixtures: a fresh database, and a store item builder."""

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


def started() -> datetime:
    return datetime.now(UTC)
