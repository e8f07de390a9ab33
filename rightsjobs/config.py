"""Configuration: the one place that reads RIGHTSJOBS_* environment variables (CONTRACT §6)."""

import os
import re
from dataclasses import dataclass
from email.utils import formataddr, parseaddr
from pathlib import Path

from rightsjobs.errors import InputError

DEFAULT_DB = "rightsjobs.db"
SECURITY_MODES = ("starttls", "ssl", "none")
DEFAULT_SECRET = "change-me"
MIN_SECRET_LENGTH = 32


@dataclass(frozen=True)
class Settings:
    """Everything configurable by environment, with defaults for a local run."""

    db_path: Path = Path(DEFAULT_DB)
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_security: str = "starttls"
    sender: str = "rightsjobs <digest@rightsjobs.invalid>"
    base_url: str = "http://127.0.0.1:8001"
    secret: str = DEFAULT_SECRET
    reliefweb_appname: str | None = None
    outbox: Path = Path("outbox")
    send_rate: float = 5.0
    progress_every: float = 10.0


ADDRESS = re.compile(
    r"[^@\s<>()\[\],;:\\\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+"
)


def _sender(value: str) -> str:
    """RIGHTSJOBS_FROM checked: one address, with or without a display name."""
    name, address = parseaddr(value)
    if "\n" in value or "\r" in value or not ADDRESS.fullmatch(address):
        raise InputError(
            f"{value!r} is not an e-mail address (e.g. 'rightsjobs <digest@example.org>')",
            where="RIGHTSJOBS_FROM",
        )
    return formataddr((name, address)) if name else address


def _number(env: dict[str, str], name: str, default: str) -> float:
    value = env.get(name, default)
    try:
        return float(value)
    except ValueError:
        raise InputError(f"must be a number, got {value!r}", where=name) from None


def progress_every(env: dict[str, str] | None = None) -> float:
    """RIGHTSJOBS_PROGRESS_SECONDS: seconds between progress lines in a log (for commands
    that need no other setting)."""
    return _number(dict(os.environ if env is None else env), "RIGHTSJOBS_PROGRESS_SECONDS", "10")


def load_settings(env: dict[str, str] | None = None, db: str | None = None) -> Settings:
    """Build Settings from the environment; `db` (the --db option) wins over RIGHTSJOBS_DB."""
    env = dict(os.environ if env is None else env)
    port = env.get("RIGHTSJOBS_SMTP_PORT", "587")
    if not port.isdigit():
        raise InputError(f"must be a port number, got {port!r}", where="RIGHTSJOBS_SMTP_PORT")
    security = env.get("RIGHTSJOBS_SMTP_SECURITY", "starttls").lower()
    if security not in SECURITY_MODES:
        raise InputError(
            f"must be one of {', '.join(SECURITY_MODES)}, got {security!r}",
            where="RIGHTSJOBS_SMTP_SECURITY",
        )
    send_rate = _number(env, "RIGHTSJOBS_SEND_RATE", "5")
    return Settings(
        db_path=Path(db or env.get("RIGHTSJOBS_DB") or DEFAULT_DB),
        smtp_host=env.get("RIGHTSJOBS_SMTP_HOST") or None,
        smtp_port=int(port),
        smtp_user=env.get("RIGHTSJOBS_SMTP_USER") or None,
        smtp_password=env.get("RIGHTSJOBS_SMTP_PASSWORD") or None,
        smtp_security=security,
        sender=_sender(env.get("RIGHTSJOBS_FROM") or Settings.sender),
        base_url=(env.get("RIGHTSJOBS_BASE_URL") or Settings.base_url).rstrip("/"),
        secret=env.get("RIGHTSJOBS_SECRET") or Settings.secret,
        reliefweb_appname=env.get("RELIEFWEB_APPNAME") or None,
        outbox=Path(env.get("RIGHTSJOBS_OUTBOX") or "outbox"),
        send_rate=send_rate,
        progress_every=progress_every(env),
    )


def require_safe_links(settings: Settings) -> None:
    """Refuse (InputError) unsubscribe links unfit for real mail: a default or short secret
    (anyone could forge tokens) or a base URL that is not https."""
    hint = "or pass --insecure-links for a local test"
    if settings.secret == DEFAULT_SECRET:
        raise InputError(
            f"is unset or the placeholder {DEFAULT_SECRET!r}; set a random key "
            f"(openssl rand -hex 32), {hint}",
            where="RIGHTSJOBS_SECRET",
        )
    if len(settings.secret) < MIN_SECRET_LENGTH:
        raise InputError(
            f"is {len(settings.secret)} characters; use at least {MIN_SECRET_LENGTH} random "
            f"ones (openssl rand -hex 32), {hint}",
            where="RIGHTSJOBS_SECRET",
        )
    if not settings.base_url.lower().startswith("https://"):
        raise InputError(
            f"must be https for unsubscribe links in real mail, got {settings.base_url!r}; {hint}",
            where="RIGHTSJOBS_BASE_URL",
        )
