"""Running the hub's HTTP API under uvicorn (``rjdesk-hub serve``, and the tests' live hub).

uvicorn's own access log is off: it would print client addresses and query strings. The app
logs one line per request (method, path, status) on ``rjdesk_hub.access`` instead.

uvicorn runs with its h11 protocol wrapped (``rjdesk_hub.limits``): a header timeout and a cap
of connections per client address, so a few thousand slow clients cannot starve enrolled
laptops. ``--limit-concurrency`` stays off on purpose: it counts idle connections too, so slow
clients would turn every laptop's request into a 503. The listening backlog is 2048 and
``serve`` raises the open-file limit to the hard limit (docs/deploying.md).

The Prometheus metrics (``rjdesk_hub.console.ops_metrics``) are served, when the operator asks
for them with ``--metrics-port``, by prometheus_client's own small server on a separate
address (127.0.0.1 unless told otherwise), never on the sync port the proxy exposes.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from wsgiref.simple_server import WSGIServer

import uvicorn
from prometheus_client import start_http_server

from rjdesk_hub.app import create_app
from rjdesk_hub.console import ops_logs
from rjdesk_hub.console.ops_metrics import HubMetrics
from rjdesk_hub.limits import AcceptOverload, ConnectionLimits, ForwardedCap, guarded_protocol
from rjdesk_hub.service import Hub

BACKLOG = 2048

log = logging.getLogger(__name__)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    return socket.create_server((host, port), family=family, backlog=BACKLOG)


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


def make_server(
    hub: Hub, *, limits: ConnectionLimits | None = None, metrics: HubMetrics | None = None
) -> uvicorn.Server:
    """A uvicorn server for ``hub``'s API (not yet running), counting into ``metrics``."""
    # uvicorn logs each request with the client's address and the query string whenever its
    # access logger has a handler anywhere (a test harness adds one): switch it off for good.
    logging.getLogger("uvicorn.access").disabled = True
    asyncio_log = logging.getLogger("asyncio")
    if _accept_overload not in asyncio_log.filters:
        asyncio_log.addFilter(_accept_overload)
    limits = limits or limits_of(hub)
    config = uvicorn.Config(
        ForwardedCap(create_app(hub, metrics=metrics), limits),
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


def configure_logging(debug: bool = False, log_format: str = "text") -> None:
    """The hub's notices and one line per request on stderr, as text or JSON lines: no bodies,
    no case data (``rjdesk_hub.console.ops_logs``)."""
    ops_logs.configure(log_format, debug=debug)


def start_metrics(metrics: HubMetrics, host: str, port: int) -> tuple[WSGIServer, str]:
    """Serve ``metrics`` on ``host:port`` (port 0: any free one) in a daemon thread; return the
    server (``shutdown()`` stops it) and the address of its ``/metrics``."""
    server, _thread = start_http_server(port, addr=host, registry=metrics.registry)
    bound_host, bound_port = str(server.server_address[0]), int(server.server_address[1])
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    return server, f"http://{shown}:{bound_port}/metrics"


def serve(
    hub: Hub,
    host: str,
    port: int,
    *,
    on_ready: Callable[[str], None],
    metrics_at: tuple[str, int] | None = None,
) -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM). ``on_ready`` gets the URL listened on;
    ``metrics_at`` (host, port): serve the Prometheus metrics there too."""
    raise_open_file_limit()
    sock = bind(host, port)
    pruned = hub.prune()
    if pruned.bundles or pruned.uploads:
        log.info(
            "pruned %d bundle ciphertexts past retention and %d stale uploads",
            pruned.bundles,
            pruned.uploads,
        )
    metrics = HubMetrics(hub.db, hub.clock) if metrics_at is not None else None
    metrics_server = None
    if metrics is not None and metrics_at is not None:
        metrics_server, metrics_url = start_metrics(metrics, *metrics_at)
        log.info("metrics served at %s", metrics_url)
    on_ready(url_of(sock))
    try:
        make_server(hub, metrics=metrics).run(sockets=[sock])
    finally:
        if metrics_server is not None:
            metrics_server.shutdown()
            metrics_server.server_close()


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
