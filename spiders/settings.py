"""Scrapy settings: polite by default. The only place spiders read configuration."""

from rightsjobs import __version__
from rightsjobs.config import load_settings

BOT_NAME = "rightsjobs"
SPIDER_MODULES = ["spiders.platforms"]
NEWSPIDER_MODULE = "spiders.platforms"

USER_AGENT = (
    f"rightsjobs/{__version__} (+https://github.com/rightsjobs/rightsjobs; job-vacancy aggregator)"
)
ROBOTSTXT_OBEY = True

# Only http(s) on the source's own origin (or its platform's API hosts) is ever fetched,
# redirects included; robots.txt answering 5xx or nothing means "disallow all" (RFC 9309).
DOWNLOADER_MIDDLEWARES = {
    "spiders.middlewares.OriginGuardMiddleware": 40,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "spiders.middlewares.RobotsMiddleware": 100,
}
# Defence in depth: no handler for local files, data: URLs, S3 or FTP.
DOWNLOAD_HANDLERS = {"file": None, "data": None, "s3": None, "ftp": None}

# Politeness: one request at a time per site, adapting to the server's latency.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Failure handling: retry transient errors with Scrapy's backoff, give up on slow servers.
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
REDIRECT_MAX_TIMES = 5

# Development: `rightsjobs crawl --http-cache` replays responses from .scrapy/httpcache.
HTTPCACHE_ENABLED = False
HTTPCACHE_EXPIRATION_SECS = 6 * 3600
HTTPCACHE_DIR = "httpcache"

ITEM_PIPELINES = {
    "spiders.pipelines.NormalisePipeline": 100,
    "spiders.pipelines.UnderstandPipeline": 200,
    "spiders.pipelines.StorePipeline": 900,
}

# Log counts (`log_count/ERROR`, read into crawl_runs.errors) per source, not per process.
EXTENSIONS = {
    "scrapy.extensions.logcount.LogCount": None,
    "spiders.extensions.SourceLogCount": 0,
}
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

# Items are stored by StorePipeline; on Scrapyd set RIGHTSJOBS_STORE=0 and ingest the feeds.
RIGHTSJOBS_STORE = True
_config = load_settings()
RIGHTSJOBS_DB = str(_config.db_path)
RELIEFWEB_APPNAME = _config.reliefweb_appname
