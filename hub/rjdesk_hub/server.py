"""Running the hub's HTTP API under uvicorn (``rjdesk-hub serve``, and the tests' live hub).

uvicorn's own access log is off: it would print client addresses and query strings. The app
logs one line per request (method, path, status) on ``rjdesk_hub.access`` instead.

uvicorn runs with its h11 protocol wrapped (``rjdesk_hub.limits``): a header timeout and a cap
of connections per client address, so a few thousand slow clients cannot starve enrolled
laptops. ``--limit-concurrency`` stays off on purpose: it counts idle connections too, so slow
clients would turn every laptop's request into a 503. The listening backlog is 2048 and
``serve`` raises the open-file limit to the hard limit (docs/deploying.md).

``serve`` also serves the console (``rjdesk_hub.console``) and the referral forms
(``rjdesk_hub.forms``) each on its own port, under the same limits, in uvicorn servers on
threads of the same process: the same hub, the same store. The sync API stays on the main
thread, where uvicorn handles Ctrl+C and SIGTERM; when it stops, the others stop too.

The Prometheus metrics (``rjdesk_hub.console.ops_metrics``) are served, when the operator asks
for them with ``--metrics-port``, by prometheus_client's own small server on a separate
address (127.0.0.1 unless told otherwise), never on the sync port the proxy exposes.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable
from wsgiref.simple_server import WSGIServer

import uvicorn
from prometheus_client import start_http_server
from starlette.types import ASGIApp

from rjdesk_hub.app import create_app
from rjdesk_hub.console import ops_logs
from rjdesk_hub.console.ops_metrics import HubMetrics
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


def make_server(
    hub: Hub, *, limits: ConnectionLimits | None = None, metrics: HubMetrics | None = None
) -> uvicorn.Server:
    """A uvicorn server for ``hub``'s API (not yet running), counting into ``metrics``."""
    limits = limits or limits_of(hub)
    return _server_for(ForwardedCap(create_app(hub, metrics=metrics), limits), limits)


def make_forms_server(
    hub: Hub, *, limits: ConnectionLimits | None = None, exit_url: str | None = None
) -> uvicorn.Server:
    """A uvicorn server for ``hub``'s referral forms (not yet running); ``exit_url``: where
    "Leave this site quickly" goes (the tests' own page; by default a neutral public site)."""
    from rjdesk_hub.forms.web import DEFAULT_EXIT_URL, create_forms_app  # noqa: PLC0415

    limits = limits or limits_of(hub)
    app = create_forms_app(hub, exit_url=exit_url or DEFAULT_EXIT_URL)
    return _server_for(ForwardedCap(app, limits), limits)


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
    console: tuple[str, int] | None = None,
    on_console_ready: Callable[[str], None] | None = None,
    metrics_at: tuple[str, int] | None = None,
    forms: tuple[str, int] | None = None,
    on_forms_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM). ``on_ready`` gets the URL listened on;
    with ``console`` (host, port) the console is served there too and ``on_console_ready``
    gets its URL; likewise ``forms`` and ``on_forms_ready`` for the referral forms;
    ``metrics_at`` (host, port): serve the Prometheus metrics there too. Untriaged referrals
    past their age are deleted at start and once a day (``referrals.retention``)."""
    from rjdesk_hub.referrals.retention import DailyCleanUp  # noqa: PLC0415

    raise_open_file_limit()
    sock = _listen(host, port, "--port")
    console_sock = _listen(*console, "--console-port") if console is not None else None
    forms_sock = _listen(*forms, "--forms-port") if forms is not None else None
    cleaning = DailyCleanUp(hub).start()
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
    beside: list[tuple[uvicorn.Server, threading.Thread, socket.socket]] = []
    for side_sock, make in ((console_sock, make_console_server), (forms_sock, make_forms_server)):
        if side_sock is not None:
            side = make(hub)
            thread = threading.Thread(target=side.run, kwargs={"sockets": [side_sock]}, daemon=True)
            thread.start()
            beside.append((side, thread, side_sock))
    on_ready(url_of(sock))
    if console_sock is not None and on_console_ready is not None:
        on_console_ready(url_of(console_sock))
    if forms_sock is not None and on_forms_ready is not None:
        on_forms_ready(url_of(forms_sock))
    try:
        make_server(hub, metrics=metrics).run(sockets=[sock])
    finally:
        cleaning.stop()
        for side, thread, side_sock in beside:
            side.should_exit = True
            thread.join(timeout=15)
            side_sock.close()
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
