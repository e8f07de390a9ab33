"""Running platform spiders offline on saved responses (city-scrapers' `file_response`).

A golden case is a folder `tests/fixtures/<platform>/<case>/` with `url.txt` (the registry
URL), `response.<json|xml|html>` (the answer to the first request), `expected.json` (every
item, as `dataclasses.asdict`) and, optionally, `case.json`:

    {"settings": {...},                 # crawler settings, e.g. RELIEFWEB_APPNAME
     "first_url": "...",                # when the first request differs from url.txt
                                        # (null: the spider must make no request at all)
     "failure": "substring",            # the spider must record a failure containing it
     "follow": [{"url": "...", "file": "detail-1.json",
                 "method": "POST", "json": {...}, "status": 404}]}

Every follow-up request the spider makes must match a `follow` entry (method, URL and, when
given, the JSON body), or the case fails: nothing is fetched that the test did not expect.
"""

import asyncio
import json
from dataclasses import asdict
from pathlib import Path

from scrapy import Request
from scrapy.http import HtmlResponse, TextResponse, XmlResponse
from scrapy.utils.test import get_crawler

from spiders.items import Posting
from spiders.platforms import SPIDERS

FIXTURES = Path(__file__).parent / "fixtures"
RESPONSE_TYPES = {".html": HtmlResponse, ".xml": XmlResponse, ".json": TextResponse}
MAX_STEPS = 200


def file_response(path: str | Path, url: str, request: Request | None = None, status: int = 200):
    """A Scrapy response for `url` whose body is the file at `path` (type from its suffix)."""
    path = Path(path)
    kind = RESPONSE_TYPES.get(path.suffix, TextResponse)
    headers = {"Content-Type": "application/json"} if path.suffix == ".json" else {}
    return kind(
        url=url,
        body=path.read_bytes(),
        encoding="utf-8",
        request=request or Request(url),
        status=status,
        headers=headers,
    )


def make_spider(platform: str, url: str, settings: dict | None = None):
    """A spider of `platform` for a one-entry registry, attached to a test crawler."""
    cls = SPIDERS[platform]
    crawler = get_crawler(cls, settings or {})
    source = {"id": f"test-{platform}", "platform": platform, "url": url, "organization": None}
    spider = cls.from_crawler(crawler, source=source)
    crawler.spider = spider
    return spider


def start_requests(spider) -> list[Request]:
    """What the spider's `async def start()` yields."""

    async def collect():
        return [request async for request in spider.start()]

    return asyncio.run(collect())


def outputs(result) -> list:
    """A callback's result as a list (callbacks yield, return one object, or return None)."""
    if result is None:
        return []
    if isinstance(result, Request | Posting | dict):
        return [result]
    return list(result)


def run_callbacks(spider, first: list[tuple[Request, object]], resolve):
    """Feed responses to callbacks breadth-first.

    `first` pairs requests with their responses; `resolve(request)` answers a follow-up request
    with a response or None (unanswered). Returns (items, unanswered requests).
    """
    items, unanswered, queue, steps = [], [], list(first), 0
    while queue:
        steps += 1
        assert steps <= MAX_STEPS, "the spider keeps requesting pages"
        request, response = queue.pop(0)
        for out in outputs(request.callback(response, **request.cb_kwargs)):
            if isinstance(out, Request):
                answer = resolve(out)
                if answer is None:
                    unanswered.append(out)
                else:
                    queue.append((out, answer))
            else:
                items.append(out)
    return items, unanswered


def request_matches(request: Request, entry: dict) -> bool:
    if request.method != entry.get("method", "GET") or request.url != entry["url"]:
        return False
    return "json" not in entry or json.loads(request.body or b"null") == entry["json"]


def run_case(case: Path):
    """Run one golden case; returns (items as dicts, spider, unanswered requests)."""
    platform = case.parent.name
    config = json.loads((case / "case.json").read_text()) if (case / "case.json").exists() else {}
    url = (case / "url.txt").read_text().strip()
    spider = make_spider(platform, url, config.get("settings"))
    requests = start_requests(spider)
    first_url = config.get("first_url", url)
    if first_url is None:  # the spider must refuse to start
        assert requests == [], "the spider should not have made a request"
        return [], spider, []
    assert [r.url for r in requests] == [first_url], "the first request is the registry URL"
    [response_file] = case.glob("response.*")

    def resolve(request: Request):
        for entry in config.get("follow", []):
            if request_matches(request, entry):
                status = entry.get("status", 200)
                return file_response(case / entry["file"], request.url, request, status)
        return None

    first = [(requests[0], file_response(response_file, first_url, requests[0]))]
    items, unanswered = run_callbacks(spider, first, resolve)
    return [asdict(item) for item in items], spider, unanswered


def cases() -> list[Path]:
    """Every golden case folder, sorted."""
    return sorted(p.parent for p in FIXTURES.glob("*/*/url.txt"))


FAST = ("DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "DOWNLOAD_TIMEOUT=5", "RETRY_TIMES=0")


def crawl_cli(folder: Path, registry: list[dict], *settings: str):
    """`rightsjobs crawl` in a subprocess on a registry written to `folder`, into
    `folder/t.db`, with FAST settings and then `settings` (NAME=VALUE) as `--set`."""
    import subprocess
    import sys

    import yaml

    path = folder / "sources.yaml"
    path.write_text(yaml.safe_dump(registry), encoding="utf-8")
    args = [sys.executable, "-m", "rightsjobs", "crawl", "--sources", str(path)]
    args += ["--db", str(folder / "t.db")]
    for setting in (*FAST, *settings):
        args += ["--set", setting]
    return subprocess.run(args, capture_output=True, text=True, timeout=300)


def crawl_results(folder: Path) -> tuple[dict[str, dict], list[dict]]:
    """The last crawl run of each source (its `stats` parsed) and every stored sighting
    (source, url, title, ...), from `folder/t.db`."""
    from rightsjobs.store import open_db

    db = open_db(folder / "t.db")
    runs = {}
    for row in db.query("select * from crawl_runs order by id"):
        runs[row["source"]] = {**row, "stats": json.loads(row["stats"] or "{}")}
    seen = list(db.query("select * from sightings"))
    db.close()
    return runs, seen
