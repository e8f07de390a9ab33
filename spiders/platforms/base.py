"""What every platform spider shares: its registry entry, error bookkeeping, JSON and XML
loading."""

import json
from typing import Any

import scrapy
from lxml import etree
from scrapy.http import Response
from twisted.python.failure import Failure

from spiders.middlewares import fetchable_origins

# XML as sent: no entity expansion, no fetching of external DTDs.
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


class PlatformSpider(scrapy.Spider):
    """A spider for one platform, run once per registry source.

    Construct with `source` (a registry entry dict) or, from `scrapy crawl NAME`, with
    `-a source=ID -a sources=FILE`. `is_job` tells the pipeline whether everything this
    platform lists is a job (ATS boards) or must go through the vacancy classifier (feeds).
    Subclasses implement `parse` and yield `spiders.items.Posting` objects.

    Only `origins` are ever fetched (`spiders.middlewares.OriginGuardMiddleware`): the
    registry `url`'s origin and `platform_origins`, the platform's known API hosts.
    """

    is_job: bool | None = True
    platform_origins: tuple[str, ...] = ()

    def __init__(self, source: dict | str | None = None, sources: str | None = None, **kw: Any):
        if isinstance(source, str):
            # imported here: the registry module itself lists the platform spiders
            from spiders.registry import BUNDLED_REGISTRY, load_registry, select

            source = select(load_registry(sources or BUNDLED_REGISTRY), [source])[0]
        if not isinstance(source, dict):
            raise ValueError("a platform spider needs a source (-a source=ID -a sources=FILE)")
        super().__init__(**kw)
        self.source = source
        self.source_id: str = source["id"]
        self.organization: str | None = source.get("organization")
        self.failure: str | None = None
        self.origins = fetchable_origins(source["url"], self.platform_origins)

    @classmethod
    def unconfigured(cls, source: dict, settings: Any) -> str | None:
        """What the maintainer must set before this source can be crawled, or None."""
        return None

    async def start(self):
        """The registry's `url` is the exact first URL fetched."""
        yield self.request(self.source["url"], self.parse)

    def request(self, url: str, callback, **kw: Any) -> scrapy.Request:
        """A request whose failure (HTTP error, timeout, refused) marks this crawl failed."""
        return scrapy.Request(url, callback=callback, errback=self.on_error, **kw)

    def on_error(self, failure: Failure) -> None:
        response = getattr(failure.value, "response", None)
        what = f"HTTP {response.status}" if response is not None else failure.getErrorMessage()
        self.fail(f"{what} at {failure.request.url}" if hasattr(failure, "request") else what)

    def fail(self, reason: str) -> None:
        """Mark this run failed (nothing gets closed) and keep the first reason."""
        self.logger.error("%s: %s", self.source_id, reason)
        self.crawler.stats.inc_value("rightsjobs/failures")
        if self.failure is None:
            self.failure = reason[:500]

    def load_json(self, response: Response) -> Any:
        """The response body as JSON, or None after marking the run failed.

        JSON is UTF-8 by standard, so the bytes are tried before a declared charset, which
        servers often get wrong; the declared charset is the fallback.
        """
        try:
            try:
                return json.loads(response.body)
            except UnicodeDecodeError:
                return json.loads(response.text)
        except (ValueError, AttributeError) as exc:
            self.fail(f"not valid JSON at {response.url} ({str(exc)[:80]})")
            return None

    def load_list(self, response: Response, key: str, what: str) -> tuple[dict, list]:
        """The response's JSON object and the list under `key`; an empty object and list after
        marking the run failed (`what` names the answer in the reason)."""
        data = self.load_json(response)
        if data is None:
            return {}, []
        items = data.get(key) if isinstance(data, dict) else None
        if not isinstance(items, list):
            self.fail(f"no `{key}` list in {what} at {response.url}")
            return {}, []
        return data, items

    def load_xml(self, response: Response, unreadable: str) -> Any:
        """The response body's XML root element, or None after marking the run failed
        (`unreadable` words the reason: "invalid XML feed")."""
        try:
            return etree.fromstring(response.body, XML_PARSER)
        except etree.XMLSyntaxError as exc:
            self.fail(f"{unreadable} at {response.url} ({str(exc)[:80]})")
            return None
