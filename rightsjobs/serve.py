"""`rightsjobs serve`: the web view and the unsubscribe endpoint, one server in this process.

One uvicorn server answers on one port: `/unsubscribe/...` goes to the one-click unsubscribe
endpoint (`digest.endpoint`), everything else to Datasette over the store, read-only, with
titled tables and canned queries. There is no child process, so a signal stops everything.

Datasette opens the file in read-only mode (`?mode=ro`), so it sees new crawls as they commit;
`immutable=True` serves a frozen snapshot instead (only for a file no one writes to, since
immutable mode ignores the WAL). Arbitrary SQL and the database download are off, and the tables
holding candidates' data (profiles, shortlists and the `matches` view of them, hidden, digests,
deliveries) are denied: the view is for recruiters and maintainers, not for browsing CVs.
"""

import errno
import signal
import socket
from collections.abc import Awaitable, Callable
from pathlib import Path

import uvicorn
import yaml
from datasette.app import Datasette

from digest.endpoint import PREFIX, UnsubscribeApp
from rightsjobs.errors import InputError

METADATA = Path(__file__).with_name("datasette_metadata.yaml")
SETTINGS = {"default_allow_sql": False, "allow_download": False}
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)

ASGIApp = Callable[[dict, Callable, Callable], Awaitable[None]]


def metadata(db_name: str) -> dict:
    """Datasette metadata for the store served under the database name `db_name`."""
    spec = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    database = spec.pop("database")
    return {**spec, "databases": {db_name: database}}


def datasette(db_path: str | Path, *, immutable: bool = False) -> Datasette:
    """Datasette over the store at `db_path`: read-only, no SQL, no download, private tables."""
    path = Path(db_path).resolve()
    files = {"immutables": [str(path)]} if immutable else {"files": [str(path)]}
    return Datasette(**files, metadata=metadata(path.stem), settings=SETTINGS)


def web_app(db_path: str | Path, secret: str, *, immutable: bool = False) -> ASGIApp:
    """The ASGI app `serve` runs: unsubscribe requests to the endpoint, the rest to Datasette."""
    unsubscribe = UnsubscribeApp(db_path, secret)
    view = datasette(db_path, immutable=immutable).app()

    async def app(scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] == "http" and (scope["path"] + "/").startswith(PREFIX):
            await unsubscribe(scope, receive, send)
        else:
            await view(scope, receive, send)

    return app


def bind(host: str, port: int) -> socket.socket:
    """A socket bound to `host:port`; InputError (one line) when the port is taken or unusable."""
    where = f"{host}:{port}"
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise InputError(f"cannot listen there ({exc.strerror or exc})", where=where) from None
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise InputError(f"port {port} is already in use", where=where) from None
        raise InputError(f"cannot listen there ({exc.strerror or exc})", where=where) from None
    return sock


class _Stopped(Exception):
    """Raised by the stop-signal handler once uvicorn has shut down gracefully."""


def _stop(signum: int, _frame: object) -> None:
    raise _Stopped(signal.Signals(signum).name)


def run(app: ASGIApp, sock: socket.socket) -> str | None:
    """Serve `app` on `sock` until SIGINT or SIGTERM; the name of the signal that stopped it.

    uvicorn handles the signal itself (finishing requests in flight, running the lifespan
    shutdown), then raises it again under the handlers found on entry: here `_stop`, so a
    signal ends the server quietly instead of killing the process or printing "Aborted!".
    """
    previous = {sig: signal.signal(sig, _stop) for sig in STOP_SIGNALS}
    config = uvicorn.Config(app, log_level="warning", lifespan="on", server_header=False)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except _Stopped as exc:
        return str(exc)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        sock.close()
    return None
