"""A small HTTP server on 127.0.0.1 that serves saved site snapshots (demo and tests).

Files are served from `root`, with `{{BASE}}` in text files replaced by the server's own
`http://127.0.0.1:PORT`, so snapshots can link to themselves. `routes` add or override
paths with fixed answers or callables, which is how tests stage failing servers.
"""

import mimetypes
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

TEXT_SUFFIXES = {".json", ".xml", ".html", ".txt", ".jsonl"}
CONTENT_TYPES = {".json": "application/json", ".xml": "application/xml", ".jl": "application/json"}


@dataclass
class Answer:
    """A staged HTTP answer."""

    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


Route = Answer | Callable[[str], Answer]


class QuietServer(ThreadingHTTPServer):
    """Clients that hang up early (timeouts under test) are not worth a traceback. Connections
    wait in a queue of 128, not socketserver's 5: a crawl of dozens of sources opens them all at
    once, and a refused connection fails its source (a test failed so, now and then)."""

    request_queue_size = 128

    def handle_error(self, request: object, client_address: object) -> None:
        pass


class LocalSite:
    """Context manager: `with LocalSite(root) as site: site.url("/feed/")`."""

    def __init__(
        self, root: Path | None = None, routes: dict[str, Route] | None = None, port: int = 0
    ) -> None:
        """Serve on `port` when it is free, else on any free port."""
        self.root = root
        self.routes = dict(routes or {})
        self.hits: list[str] = []
        try:
            self.server = QuietServer(("127.0.0.1", port), self._handler())
        except OSError:
            self.server = QuietServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> "LocalSite":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def answer(self, raw_path: str) -> Answer:
        """What the server says to GET/POST `raw_path`."""
        path = urlsplit(raw_path).path
        for key in (raw_path, path):
            if key in self.routes:
                route = self.routes[key]
                return route(raw_path) if callable(route) else route
        file = self._file(path)
        if file is None:
            return Answer(404, "not found", {"Content-Type": "text/plain"})
        body = file.read_bytes()
        if file.suffix in TEXT_SUFFIXES:
            body = body.replace(b"{{BASE}}", self.base.encode())
        ctype = CONTENT_TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "text/plain"
        if ctype.startswith("text/") or ctype.endswith(("json", "xml")):
            ctype += "; charset=utf-8"
        return Answer(200, body, {"Content-Type": ctype})

    def _file(self, path: str) -> Path | None:
        if self.root is None:
            return None
        root = self.root.resolve()
        target = (root / path.lstrip("/")).resolve()
        if not target.is_relative_to(root):
            return None
        if target.is_dir():
            target = next(
                (
                    target / n
                    for n in ("index.html", "index.xml", "index.json")
                    if (target / n).is_file()
                ),
                target,
            )
        return target if target.is_file() else None

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                site.hits.append(self.path)
                answer = site.answer(self.path)
                if answer.delay:
                    time.sleep(answer.delay)
                body = answer.body.encode() if isinstance(answer.body, str) else answer.body
                try:
                    self.send_response(answer.status)
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                self.do_GET()

            def log_message(self, *args: object) -> None:
                pass

        return Handler
