"""Downloader middlewares: fetch only from a source's own origin; read robots.txt per RFC 9309.

`OriginGuardMiddleware` sees every request a spider makes, redirects included, and drops any
URL that is not http(s) on the registry entry's origin (scheme, host and port of its `url`),
the https form of that host, or one of the platform's known API origins
(`PlatformSpider.platform_origins`). `RobotsMiddleware` treats a robots.txt answering 5xx, or
not answering at all, as "disallow all" and fails the run; 4xx means "allow all".
"""

from urllib.parse import urlsplit

from scrapy import Request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http.request import NO_CALLBACK
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler
from twisted.internet.defer import Deferred

Origin = tuple[str, str, int]
DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: str) -> Origin | None:
    """(scheme, host, port) of an http(s) URL, the default port filled in; None otherwise."""
    try:
        parts = urlsplit(url.strip())
        scheme, host, port = parts.scheme.lower(), parts.hostname, parts.port
    except ValueError:  # a port that is not a number, a bad IPv6 literal
        return None
    if scheme not in DEFAULT_PORTS or not host:
        return None
    return scheme, host.lower().rstrip("."), port or DEFAULT_PORTS[scheme]


def fetchable_origins(url: str, platform_origins: tuple[str, ...] = ()) -> frozenset[Origin]:
    """The origins a source's crawl may fetch from: its registry `url`'s own (plus the https
    form of a plain http host on port 80) and the platform's known API origins."""
    own = origin(url)
    found = {own, *(origin(known) for known in platform_origins)}
    if own is not None and own[0] == "http" and own[2] == 80:
        found.add(("https", own[1], 443))
    return frozenset(o for o in found if o is not None)


def show(origins: frozenset[Origin]) -> str:
    """Origins as URLs, for messages: `http://127.0.0.1:8000, https://api.example.org:443`."""
    return ", ".join(sorted(f"{scheme}://{host}:{port}" for scheme, host, port in origins))


class OffOrigin(IgnoreRequest):
    """A request dropped because its URL is not on an origin the source may fetch from."""


class OriginGuardMiddleware:
    """Drops requests to other schemes or origins, counting `rightsjobs/bad_scheme_dropped`
    and `rightsjobs/offsite_dropped`. The request's errback receives `OffOrigin`."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        allowed = getattr(self.crawler.spider, "origins", None)
        if allowed is None:  # not a platform spider: nothing to compare with
            return
        target = origin(request.url)
        if target in allowed:
            return
        stats = self.crawler.stats
        if target is None:
            stats.inc_value("rightsjobs/bad_scheme_dropped")
            what = "not an http(s) URL"
        else:
            stats.inc_value("rightsjobs/offsite_dropped")
            what = "off the source's origin"
        via = " (redirected)" if request.meta.get("redirect_urls") else ""
        message = f"not fetched{via}: {what}; allowed: {show(allowed)}"
        self.crawler.spider.logger.warning("%s at %s", message, request.url[:200])
        raise OffOrigin(message)


class DisallowAll(RobotParser):
    """The robots.txt of a host that answered 5xx or not at all: nothing may be fetched."""

    @classmethod
    def from_crawler(cls, crawler, robotstxt_body: bytes) -> "DisallowAll":
        return cls()

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        return False


class RobotsMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware with RFC 9309's answers to a robots.txt that fails.

    2xx: the rules apply. 4xx, or redirects we may not follow: allow all. 5xx after
    Scrapy's retries, a timeout or a refused connection: disallow all, and the run fails with
    the reason, so nothing is closed until the site recovers.
    """

    async def robot_parser(self, request: Request) -> RobotParser | None:
        netloc = urlparse_cached(request).netloc
        if netloc not in self._parsers:
            self._parsers[netloc] = waiting = Deferred()
            parser = await self.fetch(f"{urlparse_cached(request).scheme}://{netloc}/robots.txt")
            self._parsers[netloc] = parser
            self._stats.inc_value("robotstxt/request_count")
            waiting.callback(parser)
        parser = self._parsers[netloc]
        if isinstance(parser, Deferred):
            return await maybe_deferred_to_future(parser)
        return parser

    async def fetch(self, url: str) -> RobotParser | None:
        """The parser for the robots.txt at `url` (None: allow all)."""
        robots = Request(
            url,
            priority=self.DOWNLOAD_PRIORITY,
            meta={"dont_obey_robotstxt": True},
            callback=NO_CALLBACK,
        )
        try:
            response = await self.crawler.engine.download_async(robots)
        except IgnoreRequest:  # redirected off the origin or too often: unavailable, allow all
            return None
        except Exception as exc:  # a timeout, a refused connection, a DNS failure: unreachable
            self._stats.inc_value(f"robotstxt/exception_count/{type(exc).__name__}")
            return self.disallow(f"robots.txt unreachable ({type(exc).__name__})", url)
        self._stats.inc_value("robotstxt/response_count")
        self._stats.inc_value(f"robotstxt/response_status_count/{response.status}")
        if response.status >= 500:
            return self.disallow(f"robots.txt answered HTTP {response.status}", url)
        if not 200 <= response.status < 300:
            return None
        return build_from_crawler(self._parserimpl, self.crawler, response.body)

    def disallow(self, why: str, url: str) -> DisallowAll:
        """Disallow every URL of the host and fail the run with the reason."""
        self._stats.inc_value("rightsjobs/robots_disallow_all")
        reason = f"{why} at {url}: nothing crawled until it recovers (RFC 9309)"
        spider = self.crawler.spider
        if hasattr(spider, "fail"):
            spider.fail(reason)
        else:
            spider.logger.error(reason)
        return DisallowAll()
