"""The `rightsjobs` command line: one command per stage, each ending with a one-line summary."""

import signal
import sqlite3
import sys
from datetime import date
from pathlib import Path

import click

from rightsjobs import __version__
from rightsjobs.config import load_settings
from rightsjobs.errors import InputError
from rightsjobs.jsonl import dumps, read_postings_input
from rightsjobs.registry import BUNDLED_REGISTRY


class Group(click.Group):
    """Turns user errors into one line on stderr and a non-zero exit, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            raise click.ClickException(str(exc)) from None
        except sqlite3.Error as exc:
            raise click.ClickException(f"database: {exc}") from None
        except OSError as exc:
            raise click.ClickException(f"{exc.filename or ''}: {exc.strerror or exc}") from None


def db_option(fn):
    return click.option(
        "--db",
        "db",
        metavar="PATH",
        help="Database file (default ./rightsjobs.db, or $RIGHTSJOBS_DB).",
    )(fn)


def sources_option(fn):
    return click.option(
        "--sources",
        "sources_file",
        type=click.Path(dir_okay=False),
        default=str(BUNDLED_REGISTRY),
        show_default="bundled spiders/sources.yaml",
        help="Sources registry (YAML).",
    )(fn)


def as_of_option(fn):
    return click.option(
        "--as-of",
        "as_of",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        help="Pretend today is this date (YYYY-MM-DD).",
    )(fn)


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
    from rightsjobs.registry import load_registry, select

    sources = select(load_registry(sources_file), ids)
    if not sources:
        raise InputError("no enabled sources to crawl", where=sources_file)
    try:
        runs = run_crawl(
            settings_for(db).db_path,
            sources,
            http_cache=http_cache,
            verbose=verbose,
            settings=parse_overrides(overrides),
            progress=print_run,
        )
    except KeyboardInterrupt:  # before Scrapy took over the signals: nothing crawled yet
        click.echo("interrupted before crawling started; nothing was crawled", err=True)
        sys.exit(128 + signal.SIGINT)
    failed = [r for r in runs if r["status"] == "failed"]
    signum = next((r["signal"] for r in runs if r.get("signal")), None)
    stopped = f" (interrupted by {signal.Signals(signum).name})" if signum else ""
    summary(
        f"crawled {len(runs)} sources: {sum(r['vacancies'] for r in runs)} vacancies, "
        f"{sum(r['new_postings'] for r in runs)} new, {sum(r['closed'] for r in runs)} closed, "
        f"{len(failed)} failed{stopped}"
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


def print_run(run: dict) -> None:
    """One progress line per finished source."""
    mark = {"ok": "✓", "failed": "✗"}.get(run["status"], "!")
    line = (
        f"{mark} {run['source']}: {run['status']}, {run['items']} items "
        f"({run['vacancies']} vacancies, {run['news_skipped']} not vacancies), "
        f"{run['new_postings']} new, {run['closed']} closed, {run['duration']}s"
    )
    click.echo(line + (f" — {run['error']}" if run.get("error") else ""), err=True)


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
    from rightsjobs.feeds import ingest_feeds
    from rightsjobs.registry import load_registry

    runs = ingest_feeds(open_store(db), feeds, load_registry(sources_file), complete=complete)
    for run in runs:
        print_run(run)
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
    from rightsjobs.extract import extract as run_extract

    records = read_postings_input(file)
    vacancies = 0
    for record in records:
        out = run_extract(record, as_of=day(as_of) if as_of else None)
        if not evidence:
            out.pop("evidence", None)
        vacancies += bool(out["is_vacancy"])
        click.echo(dumps(out))
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
    from rightsjobs.extract import extract as run_extract
    from rightsjobs.profiles import load_profiles
    from spiders.normalise import html_to_text

    profiles = load_profiles(profiles_file)
    records = read_postings_input(postings_file)
    today = day(as_of)
    postings = [
        {**run_extract(r, as_of=today), "text": r.get("text") or html_to_text(r.get("html"))}
        for r in records
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
    from rightsjobs.shortlists import match_all

    results = match_all(open_store(db, create=False), day(as_of))
    for profile_id, shortlist in results.items():
        click.echo(f"{profile_id}: {len(shortlist)} matches", err=True)
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
@db_option
def digest(send, as_of, week, preview_profile, out, send_empty, outbox, db):
    """Build this period's digests from the recorded matches; with --send, mail them.

    Example: rightsjobs digest --send
    """
    from dataclasses import replace

    from digest import preview, run_digests

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
    if send and not settings.smtp_host:
        raise InputError("set RIGHTSJOBS_SMTP_HOST to send", where="digest --send")
    result = run_digests(
        store,
        settings,
        as_of=today,
        send=send,
        period=period,
        send_empty=send_empty,
    )
    for row in result.get("profiles", []):
        click.echo(f"{row['profile_id']}: {row['status']} ({row['items']} postings)", err=True)
    summary(
        f"digests: {result['built']} built, {result['sent']} sent, {result['outbox']} in outbox, "
        f"{result['failed']} failed, {result['already_sent']} already sent"
    )
    if result["failed"]:
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
    from rightsjobs.registry import load_registry

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
    """Validate a sources registry file.

    Example: rightsjobs sources check my-sources.yaml
    """
    from rightsjobs.registry import load_registry

    registry = load_registry(file)
    summary(f"{file}: {len(registry)} sources, all valid")


@cli.group()
def profiles() -> None:
    """Candidate profiles: load, list, unsubscribe."""


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


@cli.command()
@db_option
def status(db: str | None):
    """Per-source health of the last crawls; exits 1 when a source needs a look (for cron).

    Example: rightsjobs status || mail -s 'rightsjobs: sources need a look' ops@example.org
    """
    from rightsjobs.health import source_health

    rows = source_health(open_store(db, create=False))
    for row in rows:
        mark = "!" if row["flag"] else " "
        click.echo(
            f"{mark} {row['source']:<32} {row['status']:<7} {row['items']:>5} items "
            f"(usual {row['usual'] if row['usual'] is not None else '-'}), "
            f"last ok {row['last_ok'] or 'never'}" + (f" — {row['flag']}" if row["flag"] else "")
        )
    flagged = [r for r in rows if r["flag"]]
    summary(f"{len(rows)} sources, {len(flagged)} need a look")
    if flagged:
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
@click.option("--port", default=8001, show_default=True, type=int)
@db_option
def serve(host: str, port: int, db: str | None):
    """Browse the database in Datasette (read-only), with coverage queries.

    Example: rightsjobs serve --port 8001
    """
    import subprocess

    from rightsjobs.serve import serve_command_args

    path = settings_for(db).db_path
    open_store(db, create=False).close()
    summary(f"serving {path} on http://{host}:{port}/ (Ctrl-C stops)")
    subprocess.run(serve_command_args(path, host=host, port=port), check=False)


# --- demo and evaluation -------------------------------------------------------------------


@cli.command()
@click.option("--outbox", type=click.Path(file_okay=False), default="outbox", show_default=True)
@click.option("--as-of", "as_of", default="2026-11-28", show_default=True, help="The demo's today.")
@db_option
def demo(outbox: str, as_of: str, db: str | None):
    """Run the whole pipeline on the bundled demo sites, served on 127.0.0.1.

    Example: rightsjobs demo --db demo.db
    """
    from rightsjobs.demo import run_demo

    path = Path(db or "demo.db")
    run_demo(path, Path(outbox), date.fromisoformat(as_of), echo=lambda m: click.echo(m, err=True))


def main() -> None:
    cli(prog_name="rightsjobs")
