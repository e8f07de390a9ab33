"""Build each active profile's digest for its period and deliver it at most once.

A digest whose body reached the relay without a reply (or whose run died waiting for it) is
`unknown`: never re-sent automatically, only by `resolve_unknown` on the maintainer's word.
"""

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.utils import formataddr
from pathlib import Path

from filelock import FileLock, Timeout
from sqlite_utils import Database

from digest.message import build_message, new_message_id
from digest.render import render
from digest.send import PERMANENT, SENT, UNKNOWN, Mailer
from digest.unsubscribe import token_for
from rightsjobs.config import Settings, require_safe_links
from rightsjobs.errors import InputError
from rightsjobs.store import (
    changes_since,
    database_file,
    decode,
    effective_status,
    hidden_postings,
    now_iso,
    record_deliveries,
    recorded_matches,
    transaction,
)

STATUS_COUNTS = {
    "sent": "sent",
    "outbox": "outbox",
    "empty": "empty_skipped",
    "failed": "failed",
    "failed-temporary": "failed",
    "already-sent": "already_sent",
    "previously-failed": "previously_failed",
    "no-email": "no_email",
    "deferred": "deferred",
    "unknown": "unknown",
    "marked-sent": "marked_sent",
    "unsubscribed": "unsubscribed",
}
RETRYABLE = ("pending", "failed-temporary")
IN_DOUBT = ("sending", "unknown")
INTERRUPTED = "interrupted while the relay had the message; it may have been delivered"
WEEK = re.compile(r"\d{4}-W\d{2}")


@dataclass
class Plan:
    """One digest to build: a fresh one, or an attempted one to re-send unchanged."""

    profile: dict
    period: str
    items: list[dict]
    message_id: str
    fresh: bool

    @property
    def id(self) -> str:
        return f"{self.profile['id']}:{self.period}"

    @property
    def posting_ids(self) -> list[str]:
        return [item["id"] for item in self.items]


def period_for(profile: dict, as_of: date, period: str | None = None) -> str | None:
    """`2026-W48` (weekly) or `2026-11-28` (daily) at `as_of`; a given `period` applies only
    to profiles of its frequency (None for the others)."""
    weekly = profile.get("frequency", "weekly") == "weekly"
    if period is not None:
        return period if bool(WEEK.fullmatch(period)) == weekly else None
    if weekly:
        year, week, _ = as_of.isocalendar()
        return f"{year}-W{week:02d}"
    return as_of.isoformat()


def _check_period(period: str) -> None:
    try:
        if WEEK.fullmatch(period):
            date.fromisocalendar(int(period[:4]), int(period[6:]), 1)
        else:
            date.fromisoformat(period)
    except ValueError:
        raise InputError(
            f"expected an ISO week like 2026-W48 or a day like 2026-11-28, got {period!r}",
            where="period",
        ) from None


def _deliveries(db: Database, profile_id: str, postings: list[dict]) -> dict[str, dict]:
    """The profile's deliveries of these postings (not its whole history, which grows weekly)."""
    rows = db.query(
        "select * from deliveries where profile_id = ? "
        "and posting_id in (select value from json_each(?))",
        [profile_id, json.dumps([p["id"] for p in postings])],
    )
    return {r["posting_id"]: r for r in rows}


def _matched(db: Database, profile_id: str, ids: list[str] | None = None) -> list[dict]:
    """Decoded postings with the match's `why`: the profile's matches best first, or `ids`."""
    why = recorded_matches(db, profile_id)
    wanted = list(why) if ids is None else ids
    rows = {
        r["id"]: r
        for r in db.query(
            "select * from postings where id in (select value from json_each(?))",
            [json.dumps(wanted)],
        )
    }
    return [{**decode(rows[i]), "why": why.get(i, {})} for i in wanted if i in rows]


def new_items(db: Database, profile: dict, as_of: date) -> list[dict]:
    """The profile's matches still open at `as_of` and not delivered before (unless their
    deadline was extended or they reopened since: then flagged), best first, ≤ max_items."""
    matched = _matched(db, profile["id"])
    hidden, delivered = hidden_postings(db, profile["id"]), _deliveries(db, profile["id"], matched)
    items = []
    for posting in matched:
        if posting["id"] in hidden or effective_status(posting, as_of) != "open":
            continue
        changes = changes_since(posting, delivered.get(posting["id"]))
        if posting["id"] in delivered and not any(changes.values()):
            continue
        items.append({**posting, **changes})
        if len(items) >= profile.get("max_items", 10):
            break
    return items


def _resumed(db: Database, profile: dict, row: dict) -> Plan:
    """An attempted digest again, with the same posting ids and Message-ID."""
    postings = _matched(db, profile["id"], json.loads(row["posting_ids"]))
    delivered = _deliveries(db, profile["id"], postings)
    items = [
        {**posting, **changes_since(posting, delivered.get(posting["id"]))} for posting in postings
    ]
    return Plan(profile, row["period"], items, row["message_id"], fresh=False)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", text)


class _Run:
    """One `run_digests` call: its settings, mailer and summary."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        *,
        as_of: date,
        mailer: Mailer | None,
        templates_dir: str | Path | None,
    ) -> None:
        self.db, self.settings, self.as_of = db, settings, as_of
        self.mailer, self.templates_dir = mailer, templates_dir
        counts = ["built", *dict.fromkeys(STATUS_COUNTS.values())]
        self.summary: dict = {key: 0 for key in counts} | {"profiles": []}
        self.stopped: str | None = None

    def finished(self) -> dict:
        """The summary, with `in_doubt`: the ids of every digest whose fate is now unknown."""
        self.summary["in_doubt"] = [row["id"] for row in digests_in_doubt(self.db)]
        return self.summary

    def note(self, profile: dict, period: str, status: str, items: int = 0, **extra) -> None:
        self.summary[STATUS_COUNTS[status]] += 1
        self.summary["profiles"].append(
            {"profile_id": profile["id"], "period": period, "status": status, "items": items}
            | extra
        )

    def message(self, plan: Plan) -> EmailMessage:
        token = token_for(self.db, plan.profile["id"], self.settings.secret)
        url = f"{self.settings.base_url.rstrip('/')}/unsubscribe/{token}"
        rendered = render(
            plan.profile,
            plan.items,
            period=plan.period,
            settings=self.settings,
            unsubscribe_url=url,
            as_of=self.as_of,
            templates_dir=self.templates_dir,
        )
        to = formataddr((plan.profile.get("name") or "", plan.profile["email"]))
        return build_message(
            rendered,
            to=to,
            settings=self.settings,
            message_id=plan.message_id,
            token=token,
            unsubscribe_url=url,
            date=datetime.now(UTC),
        )

    def record(self, plan: Plan, **fields) -> None:
        row = {"id": plan.id, "profile_id": plan.profile["id"], "period": plan.period} | fields
        with transaction(self.db):
            self.db["digests"].upsert(row, pk="id")

    def to_outbox(self, plan: Plan, msg: EmailMessage) -> None:
        """Write `.eml` and `.html`; a digest already attempted keeps its status."""
        base = self.settings.outbox / f"{_safe_name(plan.profile['id'])}-{plan.period}"
        _write_atomic(base.with_name(base.name + ".eml"), msg.as_bytes())
        html = msg.get_body(("html",)).get_content()
        _write_atomic(base.with_name(base.name + ".html"), html.encode("utf-8"))
        fields = {"path": str(base) + ".eml"}
        if plan.fresh:
            fields |= self._identity(plan) | {"status": "outbox", "created": now_iso()}
        self.record(plan, **fields)
        self.note(plan.profile, plan.period, "outbox", len(plan.items), path=fields["path"])

    @staticmethod
    def _identity(plan: Plan) -> dict:
        return {"posting_ids": json.dumps(plan.posting_ids), "message_id": plan.message_id}

    def deliver(self, plan: Plan, msg: EmailMessage) -> None:
        """Record `pending` (committed), `sending` just before the body goes, then `sent`
        with its deliveries, `unknown` when no reply came after the body, or failed."""
        if plan.fresh:
            self.record(
                plan,
                **self._identity(plan),
                status="pending",
                created=now_iso(),
                sent_at=None,
                attempts=0,
                error=None,
                path=None,
            )
        outcome = self.mailer.send(
            msg, plan.profile["email"], before_body=lambda: self.record(plan, status="sending")
        )
        attempts = (self.db["digests"].get(plan.id)["attempts"] or 0) + outcome.attempts
        extra = {"message_id": plan.message_id}
        if outcome.status == SENT:
            self.mark_sent(plan, attempts)
            self.note(plan.profile, plan.period, "sent", len(plan.items), **extra)
            return
        if outcome.status == UNKNOWN:
            self.record(plan, status="unknown", attempts=attempts, error=outcome.error)
            self.note(plan.profile, plan.period, "unknown", len(plan.items), error=outcome.error)
            return
        status = "failed" if outcome.status == PERMANENT else "failed-temporary"
        self.record(plan, status=status, attempts=attempts, error=outcome.error)
        self.note(plan.profile, plan.period, status, len(plan.items), error=outcome.error, **extra)
        if outcome.stop:
            self.stopped = outcome.error

    def mark_sent(self, plan: Plan, attempts: int) -> None:
        """Commit `sent` and the `deliveries` rows of its postings together."""
        stamp = now_iso()
        with transaction(self.db):
            self.record(plan, status="sent", sent_at=stamp, attempts=attempts, error=None)
            record_deliveries(self.db, plan.profile["id"], plan.id, plan.items, stamp)

    def handle(self, plan: Plan) -> None:
        try:
            msg = self.message(plan)
        except ValueError as exc:  # e.g. a line break in the address: never sendable
            self.record(plan, **self._identity(plan), status="failed", error=str(exc))
            self.note(plan.profile, plan.period, "failed", len(plan.items), error=str(exc))
            return
        self.summary["built"] += 1
        if self.mailer is None:
            self.to_outbox(plan, msg)
        else:
            self.deliver(plan, msg)

    def profile(self, profile: dict, period: str | None, send_empty: bool) -> None:
        """Attempts left from earlier periods first (when sending), then this period's digest.

        `period` is None for a profile whose frequency the requested period does not fit.
        """
        if not profile.get("email"):
            if period:
                self.note(profile, period, "no-email")
            return
        if self.mailer is not None:
            leftovers = list(
                self.db.query(
                    "select * from digests where profile_id = ? and status in (?, ?) "
                    "and period != ? order by created, id",
                    [profile["id"], *RETRYABLE, period or ""],
                )
            )
            for row in leftovers:
                if not self.stopped:
                    self.handle(_resumed(self.db, profile, row))
        if period is None:
            return
        if self.stopped:
            self.note(profile, period, "deferred", error=self.stopped)
            return
        rows = list(
            self.db.query("select * from digests where id = ?", [f"{profile['id']}:{period}"])
        )
        existing = rows[0] if rows else None
        status = existing["status"] if existing else None
        if status == "sent":
            items = len(json.loads(existing["posting_ids"] or "[]"))
            self.note(profile, period, "already-sent", items, message_id=existing["message_id"])
        elif status == "failed":
            self.note(profile, period, "previously-failed", error=existing["error"])
        elif status in IN_DOUBT:
            items = len(json.loads(existing["posting_ids"] or "[]"))
            self.note(profile, period, "unknown", items, error=existing["error"])
        elif status in RETRYABLE:
            self.handle(_resumed(self.db, profile, existing))
        else:
            items = new_items(self.db, profile, self.as_of)
            if not items and not send_empty:
                self.note(profile, period, "empty")
                return
            self.handle(Plan(profile, period, items, new_message_id(self.settings), fresh=True))

    def resolve(self, row: dict) -> None:
        """Re-send a digest in doubt (with a mailer), or record it as sent (without)."""
        found = list(
            self.db.query("select data, active from profiles where id = ?", [row["profile_id"]])
        )
        profile = json.loads(found[0]["data"]) if found else {"id": row["profile_id"]}
        plan = _resumed(self.db, profile, row)
        if self.mailer is None:
            self.mark_sent(plan, row["attempts"] or 0)
            self.note(profile, plan.period, "marked-sent", len(plan.items))
        elif not (found and found[0]["active"]):
            self.note(profile, plan.period, "unsubscribed", len(plan.items))
        elif not profile.get("email"):
            self.note(profile, plan.period, "no-email", len(plan.items))
        elif self.stopped:
            self.note(profile, plan.period, "deferred", error=self.stopped)
        else:
            self.handle(plan)


def _profiles(db: Database, profile_ids: list[str] | None, *, active: bool = True) -> list[dict]:
    sql = "select id, data from profiles" + (" where active = 1" if active else "")
    found = {r["id"]: json.loads(r["data"]) for r in db.query(sql + " order by id")}
    if profile_ids is None:
        return list(found.values())
    missing = [pid for pid in profile_ids if pid not in found]
    if missing:
        what = "active profile" if active else "profile"
        raise InputError(f"no {what} {', '.join(map(repr, missing))}", where="profiles")
    return [found[pid] for pid in profile_ids]


def digests_in_doubt(db: Database) -> list[dict]:
    """Digests that may or may not have reached their reader (`unknown`, or `sending`: a run
    died or is still waiting for the relay's reply), oldest first."""
    sql = "select * from digests where status in (?, ?) order by created, id"
    return list(db.query(sql, list(IN_DOUBT)))


def _mark_interrupted(db: Database) -> None:
    """`sending` rows left by a run that died waiting for the relay become `unknown`
    (call only while holding the send lock, so no live run owns them)."""
    with transaction(db):
        db.execute(
            "update digests set status = 'unknown', error = ? where status = 'sending'",
            [INTERRUPTED],
        )


def _check_sending(settings: Settings, insecure_links: bool) -> None:
    if not settings.smtp_host:
        raise InputError("set RIGHTSJOBS_SMTP_HOST to send", where="digest")
    if not insecure_links:
        require_safe_links(settings)


@contextlib.contextmanager
def _send_lock(db: Database) -> Iterator[None]:
    """Hold `<db>.digest.lock`, so overlapping `digest --send` runs never mail twice."""
    path = database_file(db)
    if not path:
        yield
        return
    lock = FileLock(f"{path}.digest.lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise InputError("another digest run is sending", where=lock.lock_file) from None
    try:
        yield
    finally:
        lock.release()


def run_digests(
    db: Database,
    settings: Settings,
    *,
    as_of: date,
    send: bool,
    period: str | None = None,
    profile_ids: list[str] | None = None,
    send_empty: bool = False,
    templates_dir: str | Path | None = None,
    attempts: int = 4,
    base_delay: float = 2.0,
    insecure_links: bool = False,
    progress: Callable[[int, str], None] = lambda done, note: None,
) -> dict:
    """Build (and with `send`, mail) each active profile's digest; returns counts, rows and
    `in_doubt` (the ids of every digest whose fate is unknown). `progress` hears how many
    profiles are done before each next one.

    Without `send` the messages go to `settings.outbox` and count as not sent. A `sent`
    digest is never sent again; a `pending`/`failed-temporary` one is re-sent unchanged; an
    `unknown` one is only reported. Sending needs safe unsubscribe links (a real secret and
    an https base URL) unless `insecure_links`.
    """
    if period is not None:
        _check_period(period)
    if send:
        _check_sending(settings, insecure_links)
    profiles = _profiles(db, profile_ids)
    with contextlib.ExitStack() as stack:
        mailer = None
        if send:
            stack.enter_context(_send_lock(db))
            _mark_interrupted(db)
            mailer = stack.enter_context(Mailer(settings, attempts=attempts, base_delay=base_delay))
        run = _Run(db, settings, as_of=as_of, mailer=mailer, templates_dir=templates_dir)
        for done, profile in enumerate(profiles):
            progress(done, "digests built" + (", sending" if send else ""))
            run.profile(profile, period_for(profile, as_of, period), send_empty)
    return run.finished()


def resolve_unknown(
    db: Database,
    settings: Settings,
    *,
    resend: bool,
    digest_ids: list[str] | None = None,
    as_of: date | None = None,
    templates_dir: str | Path | None = None,
    attempts: int = 4,
    base_delay: float = 2.0,
    insecure_links: bool = False,
) -> dict:
    """The maintainer's decision on digests in doubt (all, or `digest_ids`): `resend` them
    (same postings and Message-ID; not to people who unsubscribed since), or record them as
    sent without sending. Returns the same summary as `run_digests`."""
    if resend:
        _check_sending(settings, insecure_links)
    with contextlib.ExitStack() as stack:
        stack.enter_context(_send_lock(db))
        _mark_interrupted(db)
        rows = {row["id"]: row for row in digests_in_doubt(db)}
        for digest_id in digest_ids or []:
            if digest_id not in rows:
                found = list(db.query("select status from digests where id = ?", [digest_id]))
                state = f"its status is {found[0]['status']}" if found else "no such digest"
                raise InputError(f"{digest_id} is not in doubt ({state})", where="digest")
        mailer = None
        if resend:
            mailer = stack.enter_context(Mailer(settings, attempts=attempts, base_delay=base_delay))
        run = _Run(
            db, settings, as_of=as_of or date.today(), mailer=mailer, templates_dir=templates_dir
        )
        for digest_id in digest_ids or list(rows):
            run.resolve(rows[digest_id])
    return run.finished()


def preview(
    db: Database,
    settings: Settings,
    profile_id: str,
    as_of: date,
    path: str | Path,
    *,
    templates_dir: str | Path | None = None,
) -> Path:
    """Write the HTML of the profile's next digest to `path` (nothing is recorded or sent)."""
    profile = _profiles(db, [profile_id], active=False)[0]
    token = token_for(db, profile_id, settings.secret)
    rendered = render(
        profile,
        new_items(db, profile, as_of),
        period=period_for(profile, as_of),
        settings=settings,
        unsubscribe_url=f"{settings.base_url.rstrip('/')}/unsubscribe/{token}",
        as_of=as_of,
        templates_dir=templates_dir,
    )
    path = Path(path)
    _write_atomic(path, rendered.html.encode("utf-8"))
    return path
