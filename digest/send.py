"""SMTP delivery: one connection per batch, retries with backoff, permanent failures recorded.

The transaction is split (MAIL, RCPT, DATA) so a failure is known to come from before or
after the message body was handed over. Before, the usual rules apply (4xx and lost
connections are retried, 5xx is permanent); after, a missing reply is *unknown*: the relay
may have kept the message, so it is never retried.
"""

import re
import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage

from digest.message import sender_address
from rightsjobs.config import Settings

SENT, TEMPORARY, PERMANENT, UNKNOWN = "sent", "temporary", "permanent", "unknown"
LEADING_DOT = re.compile(rb"(?m)^\.")


@dataclass(frozen=True)
class Outcome:
    """What became of one message: `status` is sent, temporary, permanent or unknown (the
    body went to the relay and no reply came back: maybe delivered, never retried).

    `stop` says the relay itself is unusable (unreachable after every retry, TLS or login
    refused, our sender rejected): the rest of the batch should wait for the next run.
    """

    status: str
    attempts: int
    error: str | None = None
    stop: bool = False


class Relay(Exception):
    """The relay cannot be used at all: a configuration problem, not a recipient one."""


class Ambiguous(Exception):
    """The message body went to the relay but no reply came back."""


def _flatten(msg: EmailMessage, international: bool) -> bytes:
    """The message as SMTP DATA: CRLF lines, leading dots doubled, ending with CRLF.CRLF."""
    data = msg.as_bytes(policy=msg.policy.clone(linesep="\r\n", utf8=international))
    data = LEADING_DOT.sub(b"..", data)
    return data + (b"" if data.endswith(b"\r\n") else b"\r\n") + b".\r\n"


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
    at most `settings.send_rate` messages a second (≤ 0: no limit). `timeout` bounds each
    command's reply, `data_timeout` the reply to the message body (RFC 5321 allows a relay
    10 minutes there; no reply in time leaves the message unknown).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        attempts: int = 4,
        base_delay: float = 2.0,
        timeout: float = 30.0,
        data_timeout: float = 120.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.attempts = max(1, attempts)
        self.base_delay = base_delay
        self.timeout = timeout
        self.data_timeout = data_timeout
        self.sleep = sleep
        self.clock = clock
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

    def _drop(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
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
            wait = self._last_send + 1 / self.settings.send_rate - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last_send = self.clock()

    def _transact(
        self, smtp: smtplib.SMTP, msg: EmailMessage, to: str, before_body: Callable[[], None]
    ) -> None:
        """MAIL, RCPT, DATA; `before_body` runs after DATA's 354, just before the body goes.

        Raises smtplib errors for refusals and lost connections before the body, Ambiguous
        when the body was sent and no reply came.
        """
        sender = sender_address(self.settings)
        smtp.ehlo_or_helo_if_needed()
        international = not (sender.isascii() and to.isascii())
        options: tuple[str, ...] = ()
        if international:
            if not smtp.has_extn("smtputf8"):
                raise smtplib.SMTPNotSupportedError("the relay does not support SMTPUTF8")
            options = ("SMTPUTF8", "BODY=8BITMIME")
        code, reply = smtp.mail(sender, options)
        if code != 250:
            raise smtplib.SMTPSenderRefused(code, reply, sender)
        code, reply = smtp.rcpt(to)
        if code not in (250, 251):
            raise smtplib.SMTPRecipientsRefused({to: (code, reply)})
        smtp.putcmd("data")
        code, reply = smtp.getreply()
        if code != 354:
            raise smtplib.SMTPDataError(code, reply)
        data = _flatten(msg, international)
        before_body()
        try:
            smtp.sock.settimeout(self.data_timeout)
            smtp.send(data)
            code, reply = smtp.getreply()
        except OSError as exc:  # includes SMTPServerDisconnected and timeouts
            raise Ambiguous(
                f"no reply after the message was handed over ({_describe(exc)}); "
                "the relay may have delivered it"
            ) from exc
        if code != 250:
            raise smtplib.SMTPDataError(code, reply)
        smtp.sock.settimeout(self.timeout)

    def send(
        self, msg: EmailMessage, to: str, *, before_body: Callable[[], None] = lambda: None
    ) -> Outcome:
        """Deliver `msg` to the single address `to`, retrying failures before the body.

        `before_body` runs each time the relay is ready for the body (to record that the
        message's fate is about to become uncertain).
        """
        self._pace()
        error, unreachable = None, False
        for attempt in range(1, self.attempts + 1):
            if attempt > 1:
                self.sleep(self.base_delay * 2 ** (attempt - 2))
            try:
                if self._smtp is None:
                    self._smtp = self._connect()
                self._transact(self._smtp, msg, to, before_body)
                return Outcome(SENT, attempt)
            except Ambiguous as exc:
                self._drop()  # no QUIT: a late reply would only be read as its answer
                return Outcome(UNKNOWN, attempt, str(exc))
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
