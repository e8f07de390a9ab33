"""Configuration from the environment (CONTRACT §6)."""

from pathlib import Path

import pytest

from rightsjobs.config import load_settings, require_safe_links
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


STRONG = "0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize(
    ("env", "problem"),
    [
        ({"RIGHTSJOBS_BASE_URL": "https://jobs.example.org"}, "RIGHTSJOBS_SECRET: is unset"),
        (
            {"RIGHTSJOBS_SECRET": "change-me", "RIGHTSJOBS_BASE_URL": "https://jobs.example.org"},
            "RIGHTSJOBS_SECRET: is unset",
        ),
        (
            {"RIGHTSJOBS_SECRET": "short", "RIGHTSJOBS_BASE_URL": "https://jobs.example.org"},
            "RIGHTSJOBS_SECRET: is 5 characters",
        ),
        ({"RIGHTSJOBS_SECRET": STRONG}, "RIGHTSJOBS_BASE_URL: must be https"),
        (
            {"RIGHTSJOBS_SECRET": STRONG, "RIGHTSJOBS_BASE_URL": "http://jobs.example.org"},
            "RIGHTSJOBS_BASE_URL: must be https",
        ),
    ],
)
def test_links_for_real_mail_need_a_secret_and_https(env, problem):
    with pytest.raises(InputError, match=problem) as caught:
        require_safe_links(load_settings(env))
    assert "--insecure-links" in str(caught.value) and "\n" not in str(caught.value)


def test_a_long_secret_and_https_are_safe():
    env = {"RIGHTSJOBS_SECRET": STRONG, "RIGHTSJOBS_BASE_URL": "https://jobs.example.org/"}
    require_safe_links(load_settings(env))  # no error


@pytest.mark.parametrize("value", ["not an address", "digest@", "a@b", "x <a@b.org>\nBcc: c@d.org"])
def test_a_sender_that_is_not_an_address_is_refused(value):
    with pytest.raises(InputError, match="RIGHTSJOBS_FROM: .* is not an e-mail address"):
        load_settings({"RIGHTSJOBS_FROM": value})


def test_a_sender_with_a_display_name_is_kept():
    sender = load_settings({"RIGHTSJOBS_FROM": "Jobs Team <jobs@rights-watch.example.org>"}).sender
    assert sender == "Jobs Team <jobs@rights-watch.example.org>"
