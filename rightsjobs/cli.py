"""The `rightsjobs` command line: one command per stage, each ending with a one-line summary."""

import os
import signal
import sqlite3
import sys
from datetime import date
from pathlib import Path

import click

from rightsjobs import __version__
from rightsjobs.config import load_settings, progress_every
from rightsjobs.errors import InputError
from rightsjobs.jsonl import dumps, read_postings_input
from rightsjobs.progress import Progress
from spiders.registry import BUNDLED_REGISTRY

# A group run with no arguments shows its help (click >= 8.2 raises this; 8.1 just exits).
NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())
EXTRACT_BATCH = 2000  # `extract` writes its output a batch of postings at a time


class Group(click.Group):
    """Turns user errors into one line on stderr and a non-zero exit, never a traceback.

    A closed standard output (`rightsjobs export | head -1`) is left to `main()`, which ends
    the run silently.
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise
        except InputError as exc:
            raise click.ClickException(str(exc)) from None
        except sqlite3.Error as exc:
            raise click.ClickException(f"database: {exc}") from None
        except OSError as exc:
            raise click.ClickException(f"{exc.filename or ''}: {exc.strerror or exc}") from None


db_option = click.option(
    "--db",
    "db",
    metavar="PATH",
    help="Database file (default ./rightsjobs.db, or $RIGHTSJOBS_DB).",
)


sources_option = click.option(
    "--sources",
    "sources_file",
    type=click.Path(dir_okay=False),
    default=str(BUNDLED_REGISTRY),
    show_default="bundled spiders/sources.yaml",
    help="Sources registry (YAML).",
)


as_of_option = click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Pretend today is this date (YYYY-MM-DD).",
)


def day(value) -> date:
    """The --as-of value as a date (today when absent)."""
    return value.date() if value else date.today()


def settings_for(db: str | None):
    return load_settings(db=db)


def open_store(db: str | None, *, create: bool = True):
    from rightsjobs.store import open_db

    return open_db(settings_for(db).db_path, create=create)


def summary(text: str) -> None:
    """The closing one-line summary every command prints (on stderr, so stdout stays data)."""
    click.secho(text, err=True, fg="green")


@click.group(cls=Group)
@click.version_option(__version__, prog_name="rightsjobs")
def cli() -> None:
    """Human-rights job vacancies: collect, understand, match, mail.

    Typical cron pipeline: crawl, then match, then digest --send.
    """


# --- collect -------------------------------------------------------------------------------


@cli.command()
@sources_option
@click.argument("ids", nargs=-1)
@click.option("--http-cache", is_flag=True, help="Replay responses from .scrapy/ (development).")
@click.option(
    "--set",
    "overrides",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override a Scrapy setting, e.g. --set DOWNLOAD_DELAY=2.",
)
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log.")
@db_option
def crawl(
    sources_file: str,
    ids: tuple[str, ...],
    http_cache: bool,
    overrides: tuple[str, ...],
    verbose: bool,
    db: str | None,
):
    """Crawl the registry's enabled sources (or the IDs given) into the database.

    Example: rightsjobs crawl --sources sources.yaml hrw-greenhouse
    """
    from rightsjobs.crawl import run_crawl
    from spiders.registry import load_registry, select

    sources = select(load_registry(sources_file), ids)
    if not sources:
        raise InputError("no enabled sources to crawl", where=sources_file)
    settings = settings_for(db)
    try:
        with Progress("crawling", len(sources), every=settings.progress_every) as bar:
            runs = run_crawl(
                settings.db_path,
                sources,
                http_cache=http_cache,
                verbose=verbose,
                settings=parse_overrides(overrides),
                progress=lambda run: bar.echo(run_line(run)),
                heartbeat=lambda now: bar.update(now["done"], waiting_note(now)),
            )
    except KeyboardInterrupt:  # before Scrapy took over the signals: nothing crawled yet
        click.echo("interrupted before crawling started; nothing was crawled", err=True)
        sys.exit(128 + signal.SIGINT)
    failed = [r for r in runs if r["status"] == "failed"]
    signum = next((r["signal"] for r in runs if r.get("signal")), None)
    stopped = f" (interrupted by {signal.Signals(signum).name})" if signum else ""
    unconfigured = sum(r["status"] == "unconfigured" for r in runs)
    summary(
        f"crawled {len(runs)} sources: {sum(r['vacancies'] for r in runs)} vacancies, "
        f"{sum(r['new_postings'] for r in runs)} new, {sum(r['closed'] for r in runs)} closed, "
        f"{len(failed)} failed{stopped}" + (f", {unconfigured} not configured" * bool(unconfigured))
    )
    if signum:
        sys.exit(128 + signum)  # as a shell reports a command a signal stopped: 130, 143
    if failed:
        sys.exit(1)


def parse_overrides(pairs: tuple[str, ...]) -> dict[str, str]:
    """NAME=VALUE pairs as a dict (Scrapy converts the values by setting type)."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.isupper():
            raise InputError(f"expected NAME=VALUE, got {pair!r}", where="--set")
        out[name] = value
    return out


def run_line(run: dict) -> str:
    """The line a finished source gets."""
    if run["status"] == "unconfigured":
        return f"- {run['source']}: not configured, not crawled — {run['error']}"
    mark = {"ok": "✓", "failed": "✗"}.get(run["status"], "!")
    line = (
        f"{mark} {run['source']}: {run['status']}, {run['items']} items "
        f"({run['vacancies']} vacancies, {run['news_skipped']} not vacancies), "
        f"{run['new_postings']} new, {run['closed']} closed, {run['duration']}s"
    )
    return line + (f" — {run['error']}" if run.get("error") else "")


def waiting_note(now: dict) -> str:
    """What a running crawl is waiting on, for its progress line."""
    running = now["running"]
    names = ", ".join(running[:3]) + (f" and {len(running) - 3} more" if len(running) > 3 else "")
    return f"sources done, {now['items']} items so far; waiting on {names}"


@cli.command()
@click.argument("feeds", nargs=-1, required=True, type=click.Path(dir_okay=False))
@sources_option
@click.option(
    "--complete",
    is_flag=True,
    help="Each feed is a whole, healthy crawl: close postings its source no longer lists.",
)
@db_option
def ingest(feeds: tuple[str, ...], sources_file: str, complete: bool, db: str | None):
    """Load JSON Lines feeds written by spiders run elsewhere (e.g. on Scrapyd).

    Example: rightsjobs ingest items/greenhouse/hrw-greenhouse.jl
    """
    from rightsjobs.ingest import ingest_feeds
    from spiders.registry import load_registry

    every = settings_for(db).progress_every
    with Progress("ingesting", every=every) as bar:
        runs = ingest_feeds(
            open_store(db),
            feeds,
            load_registry(sources_file),
            complete=complete,
            progress=bar.update,
        )
    for run in runs:
        click.echo(run_line(run), err=True)
    summary(
        f"ingested {len(feeds)} feeds: {sum(r['vacancies'] for r in runs)} vacancies, "
        f"{sum(r['new_postings'] for r in runs)} new"
    )


# --- understand and rank (stateless, JSON Lines) -------------------------------------------


@cli.command()
@click.argument("file", default="-")
@as_of_option
@click.option("--evidence", is_flag=True, help="Add each field's source sentence to the output.")
def extract(file: str, as_of, evidence: bool):
    """Read postings (JSON Lines) and write what they say, one line each (CONTRACT §1).

    Example: rightsjobs extract posts.jsonl > understood.jsonl
    """
    from understand import extract_many

    records = read_postings_input(file)
    vacancies = 0
    with Progress("extracting", len(records), every=progress_every()) as bar:
        for start in range(0, len(records), EXTRACT_BATCH):
            batch = records[start : start + EXTRACT_BATCH]
            for out in extract_many(batch, day(as_of) if as_of else None):
                if not evidence:
                    out.pop("evidence", None)
                vacancies += bool(out["is_vacancy"])
                click.echo(dumps(out))
            bar.update(start + len(batch), "posts")
    summary(f"extracted {len(records)} posts: {vacancies} vacancies")


@cli.command()
@click.option("--profiles", "profiles_file", required=True, type=click.Path(dir_okay=False))
@click.option("--postings", "postings_file", required=True)
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 1000))
@as_of_option
@click.option("--include-closed", is_flag=True, help="Ignore deadlines (rank an archive).")
def rank(profiles_file: str, postings_file: str, top: int, as_of, include_closed: bool):
    """Rank postings (JSON Lines) for each profile; one JSON line per profile (CONTRACT §2).

    Example: rightsjobs rank --profiles people.yaml --postings posts.jsonl --top 5
    """
    from matcher import rank as run_rank
    from rightsjobs.profiles import load_profiles
    from understand import extract_many
    from understand.text import html_to_text

    profiles = load_profiles(profiles_file)
    records = read_postings_input(postings_file)
    today = day(as_of)
    postings = [
        {**out, "text": r.get("text") or html_to_text(r.get("html"))}
        for r, out in zip(records, extract_many(records, as_of=today), strict=True)
    ]
    shortlists = run_rank(postings, profiles, k=top, as_of=today, include_closed=include_closed)
    for profile, results in zip(profiles, shortlists, strict=True):
        click.echo(dumps({"profile": profile["id"], "results": results}))
    summary(
        f"ranked {len(records)} postings for {len(profiles)} profiles: "
        f"{sum(len(r) for r in shortlists)} results"
    )


# --- the store -----------------------------------------------------------------------------


@cli.command()
@as_of_option
@db_option
def match(as_of, db: str | None):
    """Rank every active profile against the store's open postings and record the matches.

    Example: rightsjobs match --as-of 2026-11-28
    """
    from rightsjobs.matching import match_all
    from rightsjobs.store import active_profiles

    store = open_store(db, create=False)
    total = len(active_profiles(store))
    steps: dict[str, float] = {}
    with Progress("matching", total, every=settings_for(db).progress_every) as bar:
        results = match_all(store, day(as_of), steps, progress=bar.update)
    if len(results) <= 50:  # one line per profile reads well for a few; a summary for many
        for profile_id, shortlist in results.items():
            click.echo(f"{profile_id}: {len(shortlist)} matches", err=True)
    # Each step's time, for a maintainer's log: a step that grows week after week shows here.
    click.echo(
        "time taken: " + ", ".join(f"{step} {t:.1f} s" for step, t in steps.items()), err=True
    )
    summary(f"matched {len(results)} profiles: {sum(len(s) for s in results.values())} matches")


@cli.command()
@click.option("--send", is_flag=True, help="Send over SMTP (otherwise write to the outbox).")
@as_of_option
@click.option("--week", metavar="YYYY-Www", help="Rebuild this ISO week's digests.")
@click.option("--preview", "preview_profile", metavar="PROFILE", help="Write one HTML preview.")
@click.option("--out", type=click.Path(dir_okay=False), help="Where --preview writes.")
@click.option("--send-empty", is_flag=True, help="Also mail profiles with no new postings.")
@click.option(
    "--outbox", type=click.Path(file_okay=False), help="Outbox folder (default ./outbox)."
)
@click.option(
    "--insecure-links",
    is_flag=True,
    help="Send even with the default or a short RIGHTSJOBS_SECRET or an http base URL "
    "(local tests only: anyone could forge the unsubscribe links).",
)
@click.option(
    "--resend-unknown",
    is_flag=True,
    help="Re-send the digests in doubt (all, or the IDs given), same postings and Message-ID.",
)
@click.option(
    "--mark-unknown-sent",
    is_flag=True,
    help="Record the digests in doubt (all, or the IDs given) as sent, without sending.",
)
@click.argument("digest_ids", nargs=-1, metavar="[PROFILE:PERIOD]...")
@db_option
def digest(
    send,
    as_of,
    week,
    preview_profile,
    out,
    send_empty,
    outbox,
    insecure_links,
    resend_unknown,
    mark_unknown_sent,
    digest_ids,
    db,
):
    """Build this period's digests from the recorded matches; with --send, mail them.

    A digest handed to the relay without a reply is "in doubt" and never re-sent on its own:
    check the relay's log, then --resend-unknown or --mark-unknown-sent (optionally naming
    digests like aigul:2026-W48).

    Example: rightsjobs digest --send
    """
    from dataclasses import replace

    from digest import preview, resolve_unknown, run_digests

    if resend_unknown and mark_unknown_sent:
        raise InputError("use one of --resend-unknown and --mark-unknown-sent", where="digest")
    if digest_ids and not (resend_unknown or mark_unknown_sent):
        raise InputError(
            "digest ids are taken only with --resend-unknown or --mark-unknown-sent",
            where="digest",
        )
    period = parse_week(week)
    settings = settings_for(db)
    if outbox:
        settings = replace(settings, outbox=Path(outbox))
    store = open_store(db, create=False)
    today = day(as_of)
    if preview_profile:
        path = Path(out or f"{preview_profile}-preview.html")
        preview(store, settings, preview_profile, today, path)
        summary(f"preview written to {path}")
        return
    if (send or resend_unknown) and not settings.smtp_host:
        raise InputError("set RIGHTSJOBS_SMTP_HOST to send", where="digest --send")
    if resend_unknown or mark_unknown_sent:
        result = resolve_unknown(
            store,
            settings,
            resend=resend_unknown,
            digest_ids=list(digest_ids) or None,
            as_of=today,
            insecure_links=insecure_links,
        )
    else:
        total = store["profiles"].count_where("active = 1")
        with Progress("digests", total, every=settings.progress_every) as bar:
            result = run_digests(
                store,
                settings,
                as_of=today,
                send=send,
                period=period,
                send_empty=send_empty,
                insecure_links=insecure_links,
                progress=bar.update,
            )
    for row in result.get("profiles", []):
        line = f"{row['profile_id']}:{row['period']}: {row['status']} ({row['items']} postings)"
        click.echo(line + (f" — {row['error']}" if row.get("error") else ""), err=True)
    marked = f"{result['marked_sent']} marked sent, " if mark_unknown_sent else ""
    summary(
        f"digests: {result['built']} built, {result['sent']} sent, {result['outbox']} in outbox, "
        f"{result['failed']} failed, {result['unknown']} unknown, {marked}"
        f"{result['already_sent']} already sent"
    )
    if result["in_doubt"]:
        click.secho(
            f"in doubt: {', '.join(result['in_doubt'])} — the relay may or may not have "
            "delivered them; check its log, then `rightsjobs digest --resend-unknown ID` "
            "or `--mark-unknown-sent ID`",
            err=True,
            fg="yellow",
        )
    if result["failed"] or result["in_doubt"]:
        sys.exit(1)


def parse_week(week: str | None) -> str | None:
    """Validate an ISO week like 2026-W48."""
    if week is None:
        return None
    try:
        date.fromisocalendar(int(week[:4]), int(week.split("W")[1]), 1)
    except (ValueError, IndexError):
        raise InputError(
            f"expected an ISO week like 2026-W48, got {week!r}", where="--week"
        ) from None
    return week


@cli.command()
@click.option("--source", help="Only postings this source carries.")
@click.option("--all", "include_all", is_flag=True, help="Closed postings too.")
@as_of_option
@db_option
def export(source: str | None, include_all: bool, as_of, db: str | None):
    """Write stored postings as JSON Lines, one per distinct job, with their sightings.

    Example: rightsjobs export --source hrw-greenhouse > hrw.jsonl
    """
    from rightsjobs.exporting import export_rows

    store = open_store(db, create=False)
    count = 0
    for row in export_rows(store, source=source, include_all=include_all, as_of=day(as_of)):
        click.echo(dumps(row))
        count += 1
    summary(f"exported {count} postings")


# --- sources, profiles, health -------------------------------------------------------------


@cli.group()
def sources() -> None:
    """The sources registry: list with health, or check a file."""


@sources.command("list")
@sources_option
@db_option
def sources_list(sources_file: str, db: str | None):
    """Show the registry's sources with their last crawl's health.

    Example: rightsjobs sources list
    """
    from rightsjobs.health import last_runs
    from spiders.registry import load_registry

    registry = load_registry(sources_file)
    path = settings_for(db).db_path
    runs = last_runs(open_store(db)) if path.exists() else {}
    for s in registry:
        run = runs.get(s["id"])
        health = (
            f"{run['status']} {run['finished']} ({run['vacancies']} vacancies)"
            if run
            else "never crawled"
        )
        state = "on " if s["enabled"] else "off"
        click.echo(f"{state} {s['id']:<32} {s['platform']:<16} {health}")
    summary(f"{len(registry)} sources, {sum(s['enabled'] for s in registry)} enabled")


@sources.command("check")
@click.argument("file", type=click.Path(dir_okay=False))
def sources_check(file: str):
    """Validate a sources registry file: one line per bad entry, exit 1 if any.

    Example: rightsjobs sources check my-sources.yaml
    """
    from spiders.registry import check_registry

    registry, errors = check_registry(file)
    for error in errors:
        click.secho(str(error), err=True, fg="red")
    if errors:
        raise click.ClickException(
            f"{file}: {len(errors)} bad entries, {len(registry)} valid sources"
        )
    summary(f"{file}: {len(registry)} sources, all valid")


@cli.group()
def profiles() -> None:
    """Candidate profiles: load, list, unsubscribe, subscribe again."""


@profiles.command("load")
@click.argument("file", type=click.Path(dir_okay=False))
@db_option
def profiles_load(file: str, db: str | None):
    """Insert or update the profiles of a YAML file, by id.

    Example: rightsjobs profiles load people.yaml
    """
    from rightsjobs.profiles import load_profiles
    from rightsjobs.store import upsert_profiles

    count = upsert_profiles(open_store(db), load_profiles(file))
    summary(f"loaded {count} profiles")


@profiles.command("list")
@db_option
def profiles_list(db: str | None):
    """Show stored profiles and whether they still receive digests."""
    store = open_store(db, create=False)
    rows = list(store.query("select id, name, email, active from profiles order by id"))
    for row in rows:
        state = "active" if row["active"] else "unsubscribed"
        click.echo(f"{row['id']:<20} {state:<13} {row['email'] or '-'}")
    summary(f"{len(rows)} profiles")


@profiles.command("unsubscribe")
@click.argument("token")
@db_option
def profiles_unsubscribe(token: str, db: str | None):
    """Apply a signed unsubscribe token (from a digest's List-Unsubscribe link)."""
    from digest import unsubscribe

    settings = settings_for(db)
    profile_id = unsubscribe(open_store(db, create=False), token, settings.secret)
    summary(f"unsubscribed {profile_id}")


@profiles.command("subscribe")
@click.argument("profile_id")
@db_option
def profiles_subscribe(profile_id: str, db: str | None):
    """Re-subscribe a profile that unsubscribed; unsubscribe links sent before stop working.

    Example: rightsjobs profiles subscribe aigul
    """
    from digest import subscribe

    if subscribe(open_store(db, create=False), profile_id):
        summary(f"subscribed {profile_id} again (earlier unsubscribe links no longer work)")
    else:
        summary(f"{profile_id} is already subscribed")


@cli.command()
@db_option
def status(db: str | None):
    """Per-source health of the last crawls and digests in doubt; exits 1 when a source or
    a digest needs a look (for cron).

    Example: rightsjobs status || mail -s 'rightsjobs: sources need a look' ops@example.org
    """
    from digest import digests_in_doubt
    from rightsjobs.health import source_health

    store = open_store(db, create=False)
    rows = source_health(store)
    for row in rows:
        mark = "!" if row["flag"] else " "
        click.echo(
            f"{mark} {row['source']:<32} {row['status']:<7} {row['items']:>5} items "
            f"(usual {row['usual'] if row['usual'] is not None else '-'}), "
            f"last ok {row['last_ok'] or 'never'}"
            + (f" — {row['flag'] or row['note']}" if row["flag"] or row["note"] else "")
        )
    flagged = [r for r in rows if r["flag"]]
    doubt = digests_in_doubt(store)
    for row in doubt:
        click.echo(f"! digest {row['id']:<25} {row['status']:<7} — {row['error'] or ''}")
    text = f"{len(rows)} sources, {len(flagged)} need a look"
    if doubt:
        plural = "s" if len(doubt) != 1 else ""
        text += (
            f"; {len(doubt)} digest{plural} in doubt (check the relay's log, then "
            "rightsjobs digest --resend-unknown or --mark-unknown-sent)"
        )
    summary(text)
    if flagged or doubt:
        sys.exit(1)


# --- recruiters ----------------------------------------------------------------------------


@cli.command()
@click.option("--org", help="Organisation name (case-insensitive substring).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "html"]),
    default="table",
    show_default=True,
)
@as_of_option
@db_option
def coverage(org: str | None, fmt: str, as_of, db: str | None):
    """Which sources carry each posting of an organisation, and how fast.

    Example: rightsjobs coverage --org "Amnesty International" --format html > coverage.html
    """
    from rightsjobs import coverage as cov

    report = cov.coverage(open_store(db, create=False), org=org, as_of=day(as_of))
    click.echo(getattr(cov, f"to_{fmt}")(report), nl=False)
    summary(f"coverage: {len(report['postings'])} postings across {len(report['sources'])} sources")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535))
@db_option
def serve(host: str, port: int, db: str | None):
    """Browse the database in Datasette (read-only) and answer one-click unsubscribes.

    One server on one port: /unsubscribe/TOKEN is the endpoint the digests' links point at
    (RIGHTSJOBS_BASE_URL), everything else the read-only web view. SIGINT or SIGTERM stops it.

    Example: rightsjobs serve --port 8001
    """
    from rightsjobs.config import Settings
    from rightsjobs.serve import bind, run, web_app

    settings = settings_for(db)
    open_store(db, create=False).close()
    sock = bind(host, port)
    if settings.secret == Settings.secret:
        click.echo(
            "warning: RIGHTSJOBS_SECRET is the default, so anyone can forge unsubscribe links",
            err=True,
        )
    summary(f"serving {settings.db_path} on http://{host}:{port}/ (Ctrl-C stops)")
    stopped_by = run(web_app(settings.db_path, settings.secret), sock)
    summary(f"serve: stopped by {stopped_by}" if stopped_by else "serve: stopped")


# --- demo and evaluation -------------------------------------------------------------------


@cli.command()
@click.option("--outbox", type=click.Path(file_okay=False), default="outbox", show_default=True)
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default="2026-11-28",
    show_default=True,
    help="The demo's today (YYYY-MM-DD).",
)
@db_option
def demo(outbox: str, as_of, db: str | None):
    """Run the whole pipeline on the bundled demo sites, served on 127.0.0.1.

    Example: rightsjobs demo --db demo.db
    """
    from rightsjobs.demo import run_demo

    path = Path(db or "demo.db")
    run_demo(path, Path(outbox), as_of.date(), echo=lambda m: click.echo(m, err=True))


def main() -> None:
    """The console script: any user error is one line on stderr and exit code 1 (usage errors
    included); a closed standard output ends the run silently (exit 1, Python's recipe)."""
    try:
        code = cli.main(prog_name="rightsjobs", standalone_mode=False)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # silence the final flush
        sys.exit(1)
    except NO_ARGS_IS_HELP as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx else "rightsjobs"
        fail(f"{where}: {exc.format_message()}")
    except click.ClickException as exc:
        fail(exc.format_message())
    except click.Abort:
        fail("aborted")
    sys.exit(code if isinstance(code, int) else 0)


def fail(message: str) -> None:
    """Print `Error: message` as one line on stderr and exit 1."""
    click.echo("Error: " + " ".join(message.splitlines()), err=True)
    sys.exit(1)
