"""A TCP proxy on 127.0.0.1 that cuts connections on purpose: a laptop's flaky link to the hub.

``cut_after(n)`` arms the proxy to drop the connection once ``n`` more bytes have gone from
the laptop towards the hub (the upload); the cut is abrupt (a reset, as when a mobile hotspot
drops), and the proxy then lets traffic through again until armed anew.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from collections.abc import Iterator


class CuttingProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._budget: int | None = None
        self.cuts = 0
        self.forwarded = 0
        self._closed = False
        self._sockets: set[socket.socket] = set()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cut_after(self, upload_bytes: int) -> None:
        with self._lock:
            self._budget = upload_bytes

    @property
    def armed(self) -> bool:
        with self._lock:
            return self._budget is not None

    def close(self) -> None:
        self._closed = True
        with contextlib.suppress(OSError):
            self._listener.close()
        for sock in list(self._sockets):
            with contextlib.suppress(OSError):
                sock.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            except OSError:
                client.close()
                continue
            self._sockets |= {client, upstream}
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _take(self, size: int) -> int | None:
        """How much of ``size`` bytes may pass before the cut (None: all of it)."""
        with self._lock:
            if self._budget is None:
                self.forwarded += size
                return None
            allowed = min(size, self._budget)
            self._budget -= allowed
            self.forwarded += allowed
            if self._budget == 0:
                self._budget = None
                self.cuts += 1
                return allowed
            return None

    def _pump(self, source: socket.socket, target: socket.socket, upload: bool) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                allowed = self._take(len(data)) if upload else None
                if allowed is not None:
                    if allowed:
                        target.sendall(data[:allowed])
                    _reset(source)
                    _reset(target)
                    return
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    sock.close()
                self._sockets.discard(sock)


def _reset(sock: socket.socket) -> None:
    """Close with a TCP reset, not a polite FIN: the link just died."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.close()


@contextlib.contextmanager
def cutting_proxy(upstream_port: int) -> Iterator[CuttingProxy]:
    proxy = CuttingProxy(upstream_port)
    try:
        yield proxy
    finally:
        proxy.close()
