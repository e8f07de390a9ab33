"""SMTP delivery: one connection per batch, retries with backoff, permanent failures recorded."""

import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage

from digest.message import sender_address
from rightsjobs.config import Settings

SENT, TEMPORARY, PERMANENT = "sent", "temporary", "permanent"


@dataclass(frozen=True)
class Outcome:
    """What became of one message: `status` is sent, temporary or permanent.

    `stop` says the relay itself is unusable (unreachable after every retry, TLS or login
    refused, our sender rejected): the rest of the batch should wait for the next run.
    """

    status: str
    attempts: int
    error: str | None = None
    stop: bool = False


class Relay(Exception):
    """The relay cannot be used at all: a configuration problem, not a recipient one."""


def _code(exc: Exception) -> int:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return max(code for code, _ in exc.recipients.values())
    return getattr(exc, "smtp_code", 0) or 0


def _describe(exc: Exception) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{rcpt}: {code} {reply.decode('utf-8', 'replace')}"
            for rcpt, (code, reply) in exc.recipients.items()
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        reply = exc.smtp_error
        text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
        return f"{exc.smtp_code} {text}"
    return f"{type(exc).__name__}: {exc}"


class Mailer:
    """Sends messages over one SMTP connection, reconnecting after any failure.

    `attempts` tries per message, waiting `base_delay`, 2×, 4× ... seconds between them;
    at most `settings.send_rate` messages a second (≤ 0: no limit).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        attempts: int = 4,
        base_delay: float = 2.0,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.attempts = max(1, attempts)
        self.base_delay = base_delay
        self.timeout = timeout
        self.sleep = sleep
        self._smtp: smtplib.SMTP | None = None
        self._last_send: float | None = None

    def __enter__(self) -> "Mailer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Say QUIT (or just drop a broken connection)."""
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        if not s.smtp_host:
            raise Relay("RIGHTSJOBS_SMTP_HOST is not set")
        context = ssl.create_default_context()
        smtp = None
        try:
            if s.smtp_security == "ssl":
                smtp = smtplib.SMTP_SSL(
                    s.smtp_host, s.smtp_port, timeout=self.timeout, context=context
                )
            else:
                smtp = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=self.timeout)
            if s.smtp_security == "starttls":
                smtp.starttls(context=context)
            if s.smtp_user:
                smtp.login(s.smtp_user, s.smtp_password or "")
            return smtp
        except OSError as exc:
            if smtp is not None:
                smtp.close()
            relay_problem = isinstance(
                exc, smtplib.SMTPAuthenticationError | smtplib.SMTPNotSupportedError | ssl.SSLError
            ) or (isinstance(exc, smtplib.SMTPResponseException) and exc.smtp_code >= 500)
            if relay_problem:
                raise Relay(_describe(exc)) from exc
            raise

    def _pace(self) -> None:
        if self.settings.send_rate <= 0:
            return
        if self._last_send is not None:
            wait = self._last_send + 1 / self.settings.send_rate - time.monotonic()
            if wait > 0:
                self.sleep(wait)
        self._last_send = time.monotonic()

    def send(self, msg: EmailMessage, to: str) -> Outcome:
        """Deliver `msg` to the single address `to`, retrying temporary failures."""
        self._pace()
        error, unreachable = None, False
        for attempt in range(1, self.attempts + 1):
            if attempt > 1:
                self.sleep(self.base_delay * 2 ** (attempt - 2))
            try:
                if self._smtp is None:
                    self._smtp = self._connect()
                self._smtp.send_message(msg, from_addr=sender_address(self.settings), to_addrs=[to])
                return Outcome(SENT, attempt)
            except Relay as exc:
                return Outcome(TEMPORARY, attempt, str(exc), stop=True)
            except smtplib.SMTPSenderRefused as exc:
                self.close()
                if exc.smtp_code >= 500:
                    return Outcome(TEMPORARY, attempt, _describe(exc), stop=True)
                error, unreachable = _describe(exc), False
            except (smtplib.SMTPRecipientsRefused, smtplib.SMTPResponseException) as exc:
                self.close()
                if _code(exc) >= 500:
                    return Outcome(PERMANENT, attempt, _describe(exc))
                error, unreachable = _describe(exc), False
            except smtplib.SMTPNotSupportedError as exc:
                self.close()
                return Outcome(PERMANENT, attempt, _describe(exc))
            except OSError as exc:
                self.close()
                error, unreachable = _describe(exc), True
        return Outcome(TEMPORARY, self.attempts, error, stop=unreachable)
