"""The laptop's hub client: it checks the hub's certificate against the system's trust store and
says so in one line when it does not trust it (not "offline", which would send IT looking for
the wrong fault), and its retries stop as soon as the case file is locked."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from rjdesk.sync.client import HubClient
from rjdesk_protocol.errors import HubUnreachable, SyncError
from rjdesk_protocol.keys import SigningKey


def _certificate(folder: Path) -> tuple[Path, Path]:
    """A self-made CA's certificate for 127.0.0.1 (it is its own CA): cert and key files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test hub CA")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "hub.pem", folder / "hub.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


class _Hub(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps({"name": "TLS hub", "key_id": "00"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def https_hub(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    cert_file, key_file = _certificate(tmp_path)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hub)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}", cert_file
    finally:
        server.shutdown()
        server.server_close()


def _client(url: str) -> HubClient:
    return HubClient(url, "device", SigningKey.generate(), attempts=1, timeout=10)


def test_an_untrusted_certificate_is_named_as_such_not_as_offline(
    https_hub: tuple[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    url, _cert = https_hub
    # Only the system's authorities (an empty extra list): the test CA is not among them.
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "none.pem"))
    with _client(url) as client, pytest.raises(SyncError) as refused:
        client.hub_info()
    message = str(refused.value)
    assert not isinstance(refused.value, HubUnreachable)
    assert "certificate this laptop does not trust" in message and "\n" not in message
    assert "offline" not in message


def test_a_certificate_from_an_authority_the_system_trusts_is_accepted(
    https_hub: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The system's trust store is what counts: OpenSSL's SSL_CERT_FILE stands in for an
    organisation's CA installed on the laptop."""
    url, cert = https_hub
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    with _client(url) as client:
        assert client.hub_info()["name"] == "TLS hub"


def test_retries_stop_as_soon_as_the_case_file_is_locked() -> None:
    """A hub that keeps failing is retried with pauses; locking (closing the window) ends the
    retries at once instead of minutes later."""
    attempts: list[str] = []
    pauses: list[float] = []
    locked = {"now": False}

    def failing(request: httpx.Request) -> httpx.Response:
        attempts.append(request.url.path)
        raise httpx.ConnectError("dropped", request=request)

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        if sum(pauses) >= 1.0:
            locked["now"] = True  # the facilitator locks a second into the pauses

    client = HubClient(
        "http://127.0.0.1:9",
        "device",
        SigningKey.generate(),
        transport=httpx.MockTransport(failing),
        attempts=6,
        backoff=0.5,
        sleep=pause,
        should_stop=lambda: locked["now"],
    )
    with client, pytest.raises(SyncError, match="case file was locked"):
        client.inbox(0)
    assert len(attempts) == 2  # locked during the second pause: no third attempt, nor a sixth
    assert max(pauses) <= 0.1 + 1e-9  # paused in short steps
    assert sum(pauses) < 1.6
