"""The embedded demo: bundled site snapshots served on 127.0.0.1, crawled by the real spiders,
matched against bundled profiles, and mailed into ./outbox (never sent)."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import yaml

from digest import run_digests
from rightsjobs.config import load_settings
from rightsjobs.crawl import run_crawl
from rightsjobs.demo.server import LocalSite
from rightsjobs.matching import match_all
from rightsjobs.profiles import load_profiles
from rightsjobs.store import open_db, upsert_profiles

HERE = Path(__file__).resolve().parent
SITE = HERE / "site"
PROFILES = HERE / "profiles.yaml"
# id, organisation, platform, path on the demo server
SOURCES = (
    ("demo-steppe-greenhouse", "Steppe Rights Watch", "greenhouse",
     "/greenhouse/boards/steppe-rights-watch/jobs.json?content=true"),
    ("demo-baltic-lever", "Baltic Freedom Network", "lever",
     "/lever/baltic-freedom-network.json?mode=json"),
    ("demo-defenders-blog", None, "feed", "/blog/feed/"),
    ("demo-andean-careers", "Andean Defenders Collective", "jsonld", "/careers/"),
)  # fmt: skip
# A steady port keeps the snapshots' URLs, so a second demo run updates rather than adds.
PORT = 8765
# Our own loopback server needs no politeness delay.
FAST = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "RETRY_TIMES": 0}


def registry(base: str) -> list[dict]:
    """The demo's sources registry, pointed at the running server."""
    return [
        {"id": sid, "organization": org, "platform": platform, "url": base + path, "enabled": True}
        for sid, org, platform, path in SOURCES
    ]


def run_demo(db_path: Path, outbox: Path, as_of: date, echo: Callable[[str], None]) -> dict:
    """Crawl, match and build digests; returns the figures it printed."""
    with LocalSite(SITE, port=PORT) as site:
        sources = registry(site.base)
        registry_file = db_path.with_name(db_path.stem + "-sources.yaml")
        registry_file.write_text(yaml.safe_dump(sources, sort_keys=False), encoding="utf-8")
        echo(f"Serving the demo sites on {site.base}; registry written to {registry_file}")
        runs = run_crawl(db_path, sources, settings=FAST)
    db = open_db(db_path)
    upsert_profiles(db, load_profiles(PROFILES))
    shortlists = match_all(db, as_of)
    settings = replace(load_settings(db=str(db_path)), outbox=outbox)
    digests = run_digests(db, settings, as_of=as_of, send=False)
    figures = demo_figures(db, runs, shortlists, digests)
    for line in report(figures, outbox):
        echo(line)
    return figures


def demo_figures(db, runs: list[dict], shortlists: dict, digests: dict) -> dict:
    """What the demo found, from the store itself."""
    sightings = db["sightings"].count
    postings = db.execute("select count(*) from postings where is_vacancy = 1").fetchone()[0]
    return {
        "runs": runs,
        "vacancies": sum(r["vacancies"] for r in runs),
        "news": sum(r["news_skipped"] for r in runs),
        "postings": postings,
        "duplicates_merged": sightings - postings,
        "matches": {pid: len(s) for pid, s in shortlists.items()},
        "digests": digests,
    }


def report(figures: dict, outbox: Path) -> list[str]:
    """The demo's closing summary, line by line."""
    lines = ["", "Postings found per source:"]
    for run in figures["runs"]:
        lines.append(
            f"  {run['source']:<26} {run['status']:<6} {run['items']:>3} items, "
            f"{run['vacancies']:>3} vacancies, {run['news_skipped']:>2} news/other"
        )
    lines += [
        f"Vacancies vs news: {figures['vacancies']} vacancies, "
        f"{figures['news']} news and other posts",
        f"Duplicates merged: {figures['duplicates_merged']} "
        f"(distinct postings stored: {figures['postings']})",
        "Matches per profile: "
        + ", ".join(f"{pid} {n}" for pid, n in sorted(figures["matches"].items())),
        "Digests (not sent; open the .html in a browser):",
    ]
    for row in figures["digests"].get("profiles", []):
        if row.get("path"):
            lines.append(f"  {row['path']}")
    lines.append(f"Done. Outbox: {outbox.resolve()}")
    return lines
