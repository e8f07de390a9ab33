"""Spiders fetch only from their source's origin, over real HTTP on 127.0.0.1.

One crawl runs every case: each platform's registry URL redirecting to another port or another
host, and the follow-up links of ReliefWeb (`links.next.href`), Amnesty (detail links) and
JSON-LD (job links) pointing at another port, another host, a local file and a `data:` URL.
Every forbidden target serves a valid payload titled SECRET, so a fetch would be stored.
"""

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from rightsjobs.crawl import crawl_settings
from rightsjobs.demo.server import Answer, LocalSite
from spiders.middlewares import fetchable_origins, origin
from spiders.platforms import SPIDERS
from tests.spider_helpers import FIXTURES, crawl_cli, crawl_results

SECRET = "SECRET Internal Page"
# A golden case per platform whose first answer is served by the redirect targets.
TRAP_CASES = {
    "amnesty": "results-grid-details",
    "ashby": "job-board",
    "bamboohr": "list-then-details",
    "feed": "atom",
    "greenhouse": "board-with-2026-fields",
    "jsonld": "listing-carries-postings",
    "lever": "postings",
    "personio": "positions",
    "recruitee": "offers",
    "reliefweb": "protection-theme-paged",
    "smartrecruiters": "list-then-details",
    "uncareers": "list-by-page",
    "workable": "widget-with-details",
}
LINKING = ("reliefweb", "amnesty", "jsonld")  # platforms whose payloads carry links to follow
TARGETS = ("port", "host", "file", "data")
DROP_STAT = {
    "port": "rightsjobs/offsite_dropped",
    "host": "rightsjobs/offsite_dropped",
    "file": "rightsjobs/bad_scheme_dropped",
    "data": "rightsjobs/bad_scheme_dropped",
}
HTML = {"Content-Type": "text/html; charset=utf-8"}
JSON = {"Content-Type": "application/json"}


def reliefweb_page(title: str, following: str | None = None) -> str:
    """A ReliefWeb API answer with one job and, optionally, a next-page link."""
    fields = {
        "id": 9001,
        "title": title,
        "body": "Steppe Rights Watch is hiring to document abuses.",
        "url_alias": f"https://reliefweb.int/job/9001/{quote(title)}",
        "source": [{"name": "Steppe Rights Watch"}],
        "date": {"created": "2026-11-20T00:00:00+00:00"},
    }
    links = {"next": {"href": following}} if following else {}
    return json.dumps({"data": [{"id": "9001", "fields": fields}], "links": links})


def amnesty_detail(title: str) -> str:
    return (
        f"<html><body><h1>{title} (REF1)</h1><div class='earcu_posdescription'>"
        "<p>Document abuses.</p></div></body></html>"
    )


def jsonld_page(title: str) -> str:
    posting = {"@type": "JobPosting", "title": title, "description": "Document abuses."}
    return (
        f"<html><head><script type='application/ld+json'>{json.dumps(posting)}</script>"
        "</head><body></body></html>"
    )


SECRET_BODY = {
    "reliefweb": reliefweb_page(SECRET),
    "amnesty": amnesty_detail(SECRET) + "<!-- /1/description/ -->",  # a detail link's mark
    "jsonld": jsonld_page(SECRET),
}
SECRET_TYPE = {"reliefweb": "application/json", "amnesty": "text/html", "jsonld": "text/html"}


def forbidden(target: str, platform: str, site: LocalSite, trap: LocalSite, files: Path) -> str:
    """A URL of the `target` kind that serves `platform`'s SECRET payload."""
    path = f"/trap/{platform}/jobs/1/description/"
    if target == "port":
        return trap.url(path)
    if target == "host":
        return site.base.replace("127.0.0.1", "localhost") + path
    if target == "file":
        return (files / path.strip("/") / "index.html").as_uri()
    return f"data:{SECRET_TYPE[platform]},{quote(SECRET_BODY[platform], safe='/')}"


def listing(platform: str, bad: str, site: LocalSite) -> Answer:
    """The registry URL's answer: a payload linking to `bad` (and, for the HTML platforms,
    to one good page on the source's own origin)."""
    if platform == "reliefweb":
        return Answer(200, reliefweb_page("Protection Officer", bad), JSON)
    good = f"/{platform}/jobs/7/description/"
    page = amnesty_detail if platform == "amnesty" else jsonld_page
    site.routes[good] = Answer(200, page("Field Researcher"), HTML)
    links = f"<a href='{good}'>Field Researcher</a><a href=\"{bad}\">Secret</a>"
    return Answer(200, f"<html><body>{links}</body></html>", HTML)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """Crawl every case once; yields (runs by source, sightings, hits on site and trap)."""
    folder = tmp_path_factory.mktemp("origin")
    files = folder / "files"
    with LocalSite() as site, LocalSite() as trap:
        registry = []
        for platform, case in TRAP_CASES.items():
            [response] = (FIXTURES / platform / case).glob("response.*")
            payload = Answer(200, response.read_bytes(), JSON if response.suffix == ".json" else {})
            for target in ("port", "host"):
                sid = f"redirect-{platform}-{target}"
                path = f"/trap/{platform}/jobs/1/description/"
                site.routes[path] = trap.routes[path] = payload
                bad = forbidden(target, platform, site, trap, files)
                site.routes[f"/{sid}"] = Answer(302, "", {"Location": bad})
                query = "?appname=test" if platform == "reliefweb" else ""
                registry.append(
                    {"id": sid, "platform": platform, "url": site.url(f"/{sid}{query}")}
                )
        for platform in LINKING:
            secret = Answer(200, SECRET_BODY[platform], {"Content-Type": SECRET_TYPE[platform]})
            path = f"/trap/{platform}/jobs/1/description/"
            site.routes[path] = trap.routes[path] = secret
            page = files / path.strip("/") / "index.html"
            page.parent.mkdir(parents=True)
            page.write_text(SECRET_BODY[platform], encoding="utf-8")
            for target in TARGETS:
                sid = f"link-{platform}-{target}"
                bad = forbidden(target, platform, site, trap, files)
                site.routes[f"/{sid}"] = listing(platform, bad, site)
                query = "?appname=test" if platform == "reliefweb" else ""
                registry.append(
                    {"id": sid, "platform": platform, "url": site.url(f"/{sid}{query}")}
                )
        for entry in registry:
            entry["organization"] = "Steppe Rights Watch"
        result = crawl_cli(folder, registry)
        runs, seen = crawl_results(folder)
        yield result, runs, seen, list(site.hits), list(trap.hits)


def test_every_platform_is_covered():
    assert set(TRAP_CASES) == set(SPIDERS)


def test_crawl_ends_without_traceback(crawled):
    result, runs, *_ = crawled
    assert "Traceback" not in result.stderr
    assert len(runs) == 2 * len(TRAP_CASES) + len(LINKING) * len(TARGETS), result.stderr


def test_the_other_port_is_never_contacted(crawled):
    *_, trap_hits = crawled
    assert trap_hits == []  # not even for robots.txt


@pytest.mark.parametrize("target", ["port", "host"])
@pytest.mark.parametrize("platform", sorted(TRAP_CASES))
def test_redirect_off_origin_is_not_followed(crawled, platform, target):
    _, runs, seen, site_hits, _ = crawled
    sid = f"redirect-{platform}-{target}"
    run = runs[sid]
    assert not any(hit.startswith(f"/trap/{platform}/") for hit in site_hits)
    assert [s for s in seen if s["source"] == sid] == []
    assert run["stats"].get("rightsjobs/offsite_dropped") == 1
    assert run["status"] == "failed"
    assert "not fetched (redirected): off the source's origin" in run["error"]
    assert site_hits.count(f"/{sid}" + ("?appname=test" if platform == "reliefweb" else "")) == 1


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("platform", LINKING)
def test_links_off_origin_are_not_fetched(crawled, platform, target):
    _, runs, seen, site_hits, _ = crawled
    sid = f"link-{platform}-{target}"
    run = runs[sid]
    titles = {s["title"] for s in seen if s["source"] == sid}
    assert SECRET not in titles
    assert titles == {"Protection Officer" if platform == "reliefweb" else "Field Researcher"}
    assert not any(hit.startswith(f"/trap/{platform}/") for hit in site_hits)
    assert run["stats"].get(DROP_STAT[target]) == 1
    # A page the spider meant to read was refused: the crawl is incomplete and closes nothing.
    # JSON-LD only follows links on the source's origin, so its run stays healthy.
    if platform == "jsonld":
        assert run["status"] == "ok", run["error"]
    else:
        assert run["status"] == "failed"
        assert "not fetched: " in run["error"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8000/jobs", ("http", "127.0.0.1", 8000)),
        (
            "HTTPS://Boards-API.Greenhouse.io/v1/boards/x/jobs",
            ("https", "boards-api.greenhouse.io", 443),
        ),
        ("http://example.org./feed/", ("http", "example.org", 80)),
        ("file:///etc/passwd", None),
        ("data:text/html,<h1>x</h1>", None),
        ("ftp://example.org/jobs", None),
        ("http://example.org:notaport/", None),
        ("/relative/jobs", None),
    ],
)
def test_origin(url, expected):
    assert origin(url) == expected


def test_fetchable_origins_are_the_source_its_https_form_and_the_platform_hosts():
    assert fetchable_origins("http://127.0.0.1:8000/jobs") == {("http", "127.0.0.1", 8000)}
    assert fetchable_origins("http://example.org/feed/", ("https://api.example.net",)) == {
        ("http", "example.org", 80),
        ("https", "example.org", 443),
        ("https", "api.example.net", 443),
    }
    assert ("http", "example.org", 80) not in fetchable_origins("https://example.org/")


def test_every_platform_spider_declares_https_api_origins():
    for spider in SPIDERS.values():
        assert all(origin(known)[0] == "https" for known in spider.platform_origins), spider.name


def test_no_download_handler_for_local_files(tmp_path):
    """Defence in depth: even a spider without a source (`scrapy fetch`) cannot read them."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "fetch", "-s", "RIGHTSJOBS_STORE=0", secret.as_uri()],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,  # the Scrapy project (scrapy.cfg)
        timeout=120,
    )
    assert SECRET not in result.stdout
    assert "Unsupported URL scheme 'file'" in result.stderr
    handlers = crawl_settings(tmp_path / "t.db").getdict("DOWNLOAD_HANDLERS")
    assert {scheme: handlers.get(scheme, "on") for scheme in ("file", "data", "s3", "ftp")} == {
        "file": None,
        "data": None,
        "s3": None,
        "ftp": None,
    }
