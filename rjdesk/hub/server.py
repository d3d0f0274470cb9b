"""Running the hub's HTTP API under uvicorn (``rjdesk hub serve``, and the tests' live hub).

uvicorn's own access log is off: it would print client addresses and query strings. The app
logs one line per request (method, path, status) on ``rjdesk.hub.access`` instead.
"""

from __future__ import annotations

import logging
import socket
import sys
from collections.abc import Callable

import uvicorn

from rjdesk.hub.app import create_app
from rjdesk.hub.service import Hub

log = logging.getLogger(__name__)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    return socket.create_server((host, port), family=family, backlog=128)


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def make_server(hub: Hub) -> uvicorn.Server:
    """A uvicorn server for ``hub``'s API (not yet running)."""
    # uvicorn logs each request with the client's address and the query string whenever its
    # access logger has a handler anywhere (a test harness adds one): switch it off for good.
    logging.getLogger("uvicorn.access").disabled = True
    config = uvicorn.Config(
        create_app(hub),
        access_log=False,
        log_config=None,
        lifespan="off",
        server_header=False,
        timeout_graceful_shutdown=10,
    )
    return uvicorn.Server(config)


def configure_logging(debug: bool = False) -> None:
    """One line per request and the hub's notices on stderr: no bodies, no case data."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for name in ("rjdesk.hub", "uvicorn"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.DEBUG if debug else logging.INFO)
        logger.addHandler(handler)
        logger.propagate = False


def serve(hub: Hub, host: str, port: int, *, on_ready: Callable[[str], None]) -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM). ``on_ready`` gets the URL listened on."""
    sock = bind(host, port)
    pruned = hub.prune()
    if pruned.bundles or pruned.uploads:
        log.info(
            "pruned %d bundle ciphertexts past retention and %d stale uploads",
            pruned.bundles,
            pruned.uploads,
        )
    on_ready(url_of(sock))
    make_server(hub).run(sockets=[sock])
