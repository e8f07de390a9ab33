"""`rightsjobs digest`, `status` and `profiles subscribe` on the command line, with a real
SMTP server on 127.0.0.1: safe links required for mail, digests in doubt reported and resolved."""

from click.testing import CliRunner

from digest.unsubscribe import token_for
from rightsjobs.cli import cli
from tests import test_digest_delivery as delivery
from tests.test_cli import one_line_error
from tests.test_digest_delivery import AS_OF, SECRET, WEEK, digest_row

# The delivery tests' fixtures: a real SMTP server on 127.0.0.1, settings for it, a store.
db, smtp, settings, three = delivery.db, delivery.smtp, delivery.settings, delivery.three


def env_for(smtp, tmp_path, **extra) -> dict:
    return {
        "RIGHTSJOBS_DB": str(tmp_path / "t.db"),
        "RIGHTSJOBS_SMTP_HOST": "127.0.0.1",
        "RIGHTSJOBS_SMTP_PORT": str(smtp.port),
        "RIGHTSJOBS_SMTP_SECURITY": "none",
        "RIGHTSJOBS_SECRET": SECRET,
        "RIGHTSJOBS_BASE_URL": "https://jobs.example.org",
        "RIGHTSJOBS_SEND_RATE": "0",
        "RIGHTSJOBS_OUTBOX": str(tmp_path / "outbox"),
    } | extra


def run(env: dict, *args: str):
    return CliRunner().invoke(cli, list(args), env=env)


def digest(env: dict, *args: str):
    return run(env, "digest", "--as-of", AS_OF.isoformat(), *args)


def test_send_refuses_the_default_secret(three, smtp, tmp_path):
    env = env_for(smtp, tmp_path, RIGHTSJOBS_SECRET=None)
    one_line_error(digest(env, "--send"), "RIGHTSJOBS_SECRET", "--insecure-links")
    one_line_error(digest(env | {"RIGHTSJOBS_SECRET": "change-me"}, "--send"), "RIGHTSJOBS_SECRET")
    assert not smtp.messages and three["digests"].count == 0


def test_send_refuses_an_http_base_url(three, smtp, tmp_path):
    env = env_for(smtp, tmp_path, RIGHTSJOBS_BASE_URL="http://jobs.example.org")
    result = digest(env, "--send")
    assert result.exit_code == 1
    one_line_error(result, "RIGHTSJOBS_BASE_URL", "https")
    assert not smtp.messages


def test_insecure_links_allows_a_local_test(three, smtp, tmp_path):
    env = env_for(smtp, tmp_path, RIGHTSJOBS_SECRET=None, RIGHTSJOBS_BASE_URL=None)
    result = digest(env, "--send", "--insecure-links")
    assert result.exit_code == 0, result.output
    assert len(smtp.messages) == 3
    assert "http://127.0.0.1:8001/unsubscribe/" in smtp.messages[0][1]["List-Unsubscribe"]


def test_the_outbox_needs_no_secret(three, smtp, tmp_path):
    result = digest(env_for(smtp, tmp_path, RIGHTSJOBS_SECRET=None))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "outbox" / f"aigul-{WEEK}.eml").exists() and not smtp.messages


def test_digests_in_doubt_are_reported_and_resolved(three, settings, smtp, tmp_path):
    env = env_for(smtp, tmp_path)
    smtp.drop_data = {1}
    first = digest(env, "--send")
    assert first.exit_code == 1
    assert f"aigul:{WEEK}: unknown" in first.output
    assert f"in doubt: aigul:{WEEK}" in first.output and "--resend-unknown" in first.output

    status = run(env, "status")
    assert status.exit_code == 1 and f"aigul:{WEEK}" in status.output
    assert "1 digest in doubt" in status.output

    one_line_error(digest(env, "--resend-unknown", "--mark-unknown-sent"), "one of")
    one_line_error(digest(env, "bolat:2026-W48"), "--resend-unknown")
    one_line_error(digest(env, "--mark-unknown-sent", f"bolat:{WEEK}"), "not in doubt")
    marked = digest(env, "--mark-unknown-sent", f"aigul:{WEEK}")
    assert marked.exit_code == 0, marked.output
    assert digest_row(three, "aigul")["status"] == "sent" and len(smtp.messages) == 3
    assert run(env, "status").exit_code == 0


def test_resend_unknown_on_the_command_line(three, smtp, tmp_path):
    env = env_for(smtp, tmp_path)
    smtp.drop_data = {1}
    digest(env, "--send")
    one_line_error(digest(env | {"RIGHTSJOBS_SECRET": "x"}, "--resend-unknown"), "SECRET")
    result = digest(env, "--resend-unknown")
    assert result.exit_code == 0, result.output
    assert len(smtp.to("aigul@example.org")) == 2 and len(smtp.messages) == 4
    assert digest(env, "--send").exit_code == 0 and len(smtp.messages) == 4


def test_profiles_subscribe_reactivates_with_fresh_links(three, smtp, tmp_path):
    env = env_for(smtp, tmp_path)
    old = token_for(three, "aigul", SECRET)
    assert run(env, "profiles", "unsubscribe", old).exit_code == 0
    result = run(env, "profiles", "subscribe", "aigul")
    assert result.exit_code == 0 and "subscribed aigul" in result.output
    one_line_error(run(env, "profiles", "unsubscribe", old), "unsubscribe token")
    assert "already subscribed" in run(env, "profiles", "subscribe", "aigul").output
    one_line_error(run(env, "profiles", "subscribe", "nobody"), "nobody")
