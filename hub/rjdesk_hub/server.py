"""Running the hub's HTTP API under uvicorn (``rjdesk-hub serve``, and the tests' live hub).

uvicorn's own access log is off: it would print client addresses and query strings. The app
logs one line per request (method, path, status) on ``rjdesk_hub.access`` instead.

uvicorn runs with its h11 protocol wrapped (``rjdesk_hub.limits``): a header timeout and a cap
of connections per client address, so a few thousand slow clients cannot starve enrolled
laptops. ``--limit-concurrency`` stays off on purpose: it counts idle connections too, so slow
clients would turn every laptop's request into a 503. The listening backlog is 2048 and
``serve`` raises the open-file limit to the hard limit (docs/deploying.md).

``serve`` also serves the console (``rjdesk_hub.console``) on its own port, under the same
limits, in a second uvicorn server on a thread of the same process: the same hub, the same
store. The sync API stays on the main thread, where uvicorn handles Ctrl+C and SIGTERM; when it
stops, the console stops too.
"""

from __future__ import annotations

import logging
import socket
import sys
import threading
from collections.abc import Callable

import uvicorn
from starlette.types import ASGIApp

from rjdesk_hub.app import create_app
from rjdesk_hub.limits import AcceptOverload, ConnectionLimits, ForwardedCap, guarded_protocol
from rjdesk_hub.service import Hub
from rjdesk_protocol.errors import RjdeskError

BACKLOG = 2048

log = logging.getLogger(__name__)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    return socket.create_server((host, port), family=family, backlog=BACKLOG)


def _listen(host: str, port: int, option: str) -> socket.socket:
    """``bind``, or one sentence saying why not (a port already taken, most often)."""
    try:
        return bind(host, port)
    except OSError as exc:
        raise RjdeskError(
            f"cannot listen on {host} port {port} ({exc.strerror}): choose another with {option}"
        ) from None


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def limits_of(hub: Hub) -> ConnectionLimits:
    return ConnectionLimits(
        per_address=hub.settings.max_connections_per_address,
        trusted_proxy=hub.settings.trusted_proxy,
    )


_accept_overload = AcceptOverload()


def make_server(hub: Hub, *, limits: ConnectionLimits | None = None) -> uvicorn.Server:
    """A uvicorn server for ``hub``'s API (not yet running)."""
    limits = limits or limits_of(hub)
    return _server_for(ForwardedCap(create_app(hub), limits), limits)


def make_console_server(hub: Hub, *, limits: ConnectionLimits | None = None) -> uvicorn.Server:
    """A uvicorn server for ``hub``'s console (not yet running)."""
    from rjdesk_hub.console.web import create_console_app  # noqa: PLC0415 - only when serving it

    limits = limits or limits_of(hub)
    return _server_for(ForwardedCap(create_console_app(hub), limits), limits)


def _server_for(app: ASGIApp, limits: ConnectionLimits) -> uvicorn.Server:
    # uvicorn logs each request with the client's address and the query string whenever its
    # access logger has a handler anywhere (a test harness adds one): switch it off for good.
    logging.getLogger("uvicorn.access").disabled = True
    asyncio_log = logging.getLogger("asyncio")
    if _accept_overload not in asyncio_log.filters:
        asyncio_log.addFilter(_accept_overload)
    config = uvicorn.Config(
        app,
        http=guarded_protocol(limits),
        access_log=False,
        log_config=None,
        lifespan="off",
        server_header=False,
        # uvicorn would otherwise take X-Forwarded-For from 127.0.0.1 as the client's address
        # (its default), before ForwardedCap could count it against the configured proxy.
        proxy_headers=False,
        timeout_graceful_shutdown=10,
    )
    return uvicorn.Server(config)


def configure_logging(debug: bool = False) -> None:
    """One line per request and the hub's notices on stderr: no bodies, no case data."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for name in ("rjdesk_hub", "uvicorn"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.DEBUG if debug else logging.INFO)
        logger.addHandler(handler)
        logger.propagate = False


def serve(
    hub: Hub,
    host: str,
    port: int,
    *,
    on_ready: Callable[[str], None],
    console: tuple[str, int] | None = None,
    on_console_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM). ``on_ready`` gets the URL listened on;
    with ``console`` (host, port) the console is served there too and ``on_console_ready``
    gets its URL."""
    raise_open_file_limit()
    sock = _listen(host, port, "--port")
    console_sock = _listen(*console, "--console-port") if console is not None else None
    pruned = hub.prune()
    if pruned.bundles or pruned.uploads:
        log.info(
            "pruned %d bundle ciphertexts past retention and %d stale uploads",
            pruned.bundles,
            pruned.uploads,
        )
    if console_sock is None:
        on_ready(url_of(sock))
        make_server(hub).run(sockets=[sock])
        return
    console_server = make_console_server(hub)
    console_thread = threading.Thread(
        target=console_server.run, kwargs={"sockets": [console_sock]}, daemon=True
    )
    console_thread.start()
    on_ready(url_of(sock))
    if on_console_ready is not None:
        on_console_ready(url_of(console_sock))
    try:
        make_server(hub).run(sockets=[sock])
    finally:
        console_server.should_exit = True
        console_thread.join(timeout=15)
        console_sock.close()


def raise_open_file_limit() -> None:
    """Each connection is a file descriptor: take the soft limit (often 1024) up to the hard
    one, so a flood of connections runs into the per-address cap rather than into EMFILE."""
    try:
        import resource  # noqa: PLC0415 - POSIX only
    except ImportError:  # Windows: no such limit
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        target = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        except (ValueError, OSError):
            return
        log.info("open-file limit raised from %d to %d", soft, target)
