"""Configuration from the environment (CONTRACT §6)."""

from pathlib import Path

import pytest

from rightsjobs.config import load_settings
from rightsjobs.errors import InputError


def test_defaults_and_overrides():
    assert load_settings({}).db_path == Path("rightsjobs.db")
    env = {
        "RIGHTSJOBS_DB": "/data/jobs.db",
        "RIGHTSJOBS_SMTP_HOST": "mail.example.org",
        "RIGHTSJOBS_SMTP_PORT": "465",
        "RIGHTSJOBS_SMTP_SECURITY": "SSL",
        "RIGHTSJOBS_FROM": "Jobs <jobs@example.org>",
        "RIGHTSJOBS_BASE_URL": "https://jobs.example.org/",
    }
    settings = load_settings(env)
    assert settings.db_path == Path("/data/jobs.db")
    assert (settings.smtp_host, settings.smtp_port, settings.smtp_security) == (
        "mail.example.org",
        465,
        "ssl",
    )
    assert settings.base_url == "https://jobs.example.org"
    assert load_settings(env, db="other.db").db_path == Path("other.db")


@pytest.mark.parametrize(
    ("name", "value"),
    [("RIGHTSJOBS_SMTP_PORT", "smtp"), ("RIGHTSJOBS_SMTP_SECURITY", "tls1.0")],
)
def test_bad_values_name_the_variable(name, value):
    with pytest.raises(InputError, match=name):
        load_settings({name: value})
