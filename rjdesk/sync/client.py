"""The laptop's HTTP client for the hub (docs/sync-protocol.md, "HTTP").

Every request is signed with the device key. Uploads go in chunks and resume where the hub
says it stands, so a connection dropped halfway through a large bundle (scans of signed
agreements) costs at most one chunk. Transient failures (the connection dropped, the hub busy)
are retried with exponential backoff; a retry that made progress earns a fresh set of attempts.
"""

from __future__ import annotations

import hashlib
import json
import ssl
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
import truststore

from rjdesk_protocol import wire as protocol
from rjdesk_protocol.errors import BundleRefused, HubUnreachable, SyncError
from rjdesk_protocol.keys import SigningKey

Progress = Callable[[int, int], None]
_PAUSE_STEP = 0.1  # seconds: how soon a pause between retries notices it should stop


class _Transient(Exception):
    """A failure worth retrying: the connection, or the hub for a moment."""


class HubClient:
    def __init__(
        self,
        base_url: str,
        device_id: str,
        key: SigningKey,
        *,
        transport: httpx.BaseTransport | None = None,
        attempts: int = 6,
        backoff: float = 0.5,
        max_backoff: float = 8.0,
        timeout: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> None:
        """``should_stop``: asked before each retry and during the pauses between them (the
        case file was locked, the window closed): then no more attempts are made."""
        self.base_url = base_url.rstrip("/")
        self.device_id = device_id
        self._key = key
        self._attempts = max(1, attempts)
        self._backoff, self._max_backoff = backoff, max_backoff
        self._sleep = sleep
        self._should_stop = should_stop
        self._http = httpx.Client(
            base_url=self.base_url,
            transport=transport,
            timeout=timeout,
            follow_redirects=False,
            verify=_system_trust() if transport is None else True,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- requests --------------------------------------------------------------------------

    def _send(
        self,
        method: str,
        path: str,
        *,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        auth: bool = True,
    ) -> httpx.Response:
        all_headers = dict(headers or {})
        if auth:
            all_headers |= protocol.auth_headers(self._key, self.device_id, method, path, body)
        try:
            response = self._http.request(method, path, content=body, headers=all_headers)
        except httpx.TransportError as exc:
            untrusted = _certificate_problem(exc)
            if untrusted is not None:
                raise SyncError(
                    f"the hub at {self.base_url} showed a certificate this laptop does not "
                    f"trust ({untrusted}); nothing was sent: ask IT to check the hub's "
                    "certificate, or a network that inspects HTTPS"
                ) from None
            raise _Transient(type(exc).__name__) from exc
        if response.status_code >= 500:
            raise _Transient(f"HTTP {response.status_code}")
        return response

    def _retrying(
        self, work: Callable[[], Any], what: str, progressed: Callable[[], bool] = lambda: False
    ) -> Any:
        """Run ``work`` until it succeeds, retrying transient failures with backoff. A failure
        after progress (``progressed()``) starts a fresh count of attempts."""
        delay = self._backoff
        failures = 0
        while True:
            try:
                return work()
            except _Transient as exc:
                if progressed():
                    failures, delay = 0, self._backoff
                failures += 1
                if failures >= self._attempts:
                    raise HubUnreachable(
                        f"the hub at {self.base_url} stopped answering while {what} "
                        f"({exc}); nothing is lost: the next sync carries on"
                    ) from None
                self._pause(delay)
                delay = min(delay * 2, self._max_backoff)

    def _pause(self, seconds: float) -> None:
        """Wait before a retry, in short steps, giving up as soon as ``should_stop`` says so."""
        waited = 0.0
        while True:
            if self._should_stop():
                raise SyncError("the sync stopped because the case file was locked") from None
            if waited >= seconds:
                return
            step = min(_PAUSE_STEP, seconds - waited)
            self._sleep(step)
            waited += step

    # -- the protocol ------------------------------------------------------------------------

    def hub_info(self) -> dict[str, Any]:
        """The hub's key id and name; HubUnreachable at once when it does not answer (offline
        is the normal state of a laptop: no point retrying for a minute)."""
        try:
            response = self._send("GET", f"{protocol.API_PREFIX}/hub", auth=False)
        except _Transient:
            raise HubUnreachable(
                f"the hub at {self.base_url} did not answer: the laptop may be offline"
            ) from None
        return dict(_json(response, "asking who the hub is"))

    def upload(self, content: bytes, progress: Progress | None = None) -> str:
        """Send a sealed bundle; the hub's receipt text (not yet verified) when it took it."""
        sha = hashlib.sha256(content).hexdigest()
        path = f"{protocol.API_PREFIX}/uploads/{sha}"
        state = {"received": -1, "high": 0, "high_at_failure": 0}

        def attempt() -> str:
            if state["received"] < 0:
                state["received"] = int(_json(self._send("GET", path), "uploading")["received"])
            while state["received"] < len(content):
                start = state["received"]
                chunk = content[start : start + protocol.CHUNK_BYTES]
                response = self._send(
                    "PUT", path, body=chunk, headers={protocol.UPLOAD_OFFSET_HEADER: str(start)}
                )
                if response.status_code in (413, 429):  # a limit of the hub's: one line
                    raise SyncError(f"the hub refused the upload: {_error(response)}")
                if response.status_code == 409:  # the hub holds another amount: go from there
                    state["received"] = int(_json(response, "uploading", ok=(409,))["received"])
                    continue
                state["received"] = int(_json(response, "uploading")["received"])
                state["high"] = max(state["high"], state["received"])
                if progress is not None:
                    progress(state["received"], len(content))
            response = self._send("POST", f"{path}/complete")
            if response.status_code == 422:
                raise BundleRefused(
                    f"the hub refused the bundle: {_error(response)}", _last_sequence(response)
                )
            if response.status_code == 403:
                raise _refused(response)
            if response.status_code != 200:
                raise SyncError(f"the hub did not take the bundle: {_error(response)}")
            return response.text

        def resumable() -> str:
            try:
                return str(attempt())
            except _Transient:
                state["received"] = -1  # ask the hub where it stands before going on
                raise

        def progressed() -> bool:
            moved = state["high"] > state["high_at_failure"]
            state["high_at_failure"] = state["high"]
            return moved

        return str(self._retrying(resumable, "receiving a bundle", progressed))

    def device_state(self) -> dict[str, int] | None:
        """The hub's numbers for this laptop (``last_sequence``, ``inbox_sequence``); None from
        a hub too old to say."""
        path = f"{protocol.API_PREFIX}/device"
        response = self._retrying(lambda: self._send("GET", path), "asking what the hub has")
        if response.status_code == 404:
            return None
        found = _json(response, "asking what the hub has")
        return {name: int(found[name]) for name in ("last_sequence", "inbox_sequence")}

    def resend_everything(self) -> int:
        """Ask the hub to send this laptop, whole, every case it should hold (its vault was
        restored from an older copy); how many cases it queued."""
        path = f"{protocol.API_PREFIX}/resend"
        response = self._retrying(lambda: self._send("POST", path), "asking for every case")
        return int(_json(response, "asking for every case")["queued"])

    def inbox(self, after: int) -> tuple[int, bytes] | None:
        """The next hub bundle after ``after`` (confirming that one), or None."""
        path = f"{protocol.API_PREFIX}/inbox?after={after}"

        def attempt() -> tuple[int, bytes] | None:
            response = self._send("GET", path)
            if response.status_code == 204:
                return None
            if response.status_code == 403:
                raise _refused(response)
            if response.status_code != 200:
                raise SyncError(f"the hub could not send this laptop's updates: {_error(response)}")
            return int(response.headers[protocol.INBOX_SEQUENCE_HEADER]), response.content

        result: tuple[int, bytes] | None = self._retrying(attempt, "sending updates")
        return result


class CodeRefused(SyncError):
    """The hub refused the enrolment code (wrong, used, expired or spent): its sentence says
    what to do, and belongs beside the code's field."""


ENROL_PATH = f"{protocol.API_PREFIX}/enrol"


def enrol_with_code(
    base_url: str,
    code: str,
    request: dict[str, Any],
    *,
    transport: httpx.BaseTransport | None = None,
    timeout: float = 30.0,
) -> dict[str, Any]:
    """Send this laptop's enrolment ``request`` with a one-time ``code`` to the hub at
    ``base_url`` (unsigned: the hub does not know this laptop's key yet); the hub's signed
    configuration, not yet verified. ``CodeRefused`` for the code, ``HubUnreachable`` when
    nothing answers, ``SyncError`` for the rest."""
    url = base_url.rstrip("/")
    with httpx.Client(
        base_url=url,
        transport=transport,
        timeout=timeout,
        follow_redirects=False,
        verify=_system_trust() if transport is None else True,
    ) as http:
        try:
            response = http.post(ENROL_PATH, json={"code": code, "request": request})
        except httpx.TransportError as exc:
            untrusted = _certificate_problem(exc)
            if untrusted is not None:
                raise SyncError(
                    f"the hub at {url} showed a certificate this laptop does not trust "
                    f"({untrusted}): ask IT to check the hub's certificate"
                ) from None
            raise HubUnreachable(
                f"nothing answered at {url}: check the hub address and that this laptop is online"
            ) from None
    if response.status_code in (400, 403, 410) and _is_hub(response):
        raise CodeRefused(_error(response))
    if response.status_code == 429:
        raise CodeRefused(_error(response))
    if response.status_code == 404 or not _is_hub(response):
        raise SyncError(f"{url} is not an rjdesk hub that enrols with codes: check the hub address")
    if response.status_code != 200:
        raise SyncError(f"the hub refused to enrol this laptop: {_error(response)}")
    return _json(response, "enrolling")


def _is_hub(response: httpx.Response) -> bool:
    """Whether an answer is the hub's JSON (not some other web server's page)."""
    return str(response.headers.get("content-type", "")).startswith("application/json")


def _system_trust() -> ssl.SSLContext:
    """Certificates are checked against the operating system's trust store (Windows, macOS,
    the Linux CA bundle), so a hub whose certificate comes from the organisation's own CA works
    as it does in the browser."""
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def _certificate_problem(exc: BaseException) -> str | None:
    """What was wrong with the hub's certificate, when that is why the connection failed."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return str(seen.verify_message or "it does not verify")
        if "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return "it does not verify"
        seen = seen.__cause__ or seen.__context__
    return None


def _last_sequence(response: httpx.Response) -> int | None:
    try:
        value = response.json().get("last_sequence")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _error(response: httpx.Response) -> str:
    try:
        message = response.json().get("error")
    except (ValueError, AttributeError):
        message = None
    return str(message or f"HTTP {response.status_code}")


def _refused(response: httpx.Response, now: float | None = None) -> SyncError:
    """The hub's uniform 403 says nothing of why; a laptop whose clock is too far from the
    hub's (its ``Date`` header) can at least tell that much itself."""
    try:
        hub_time = parsedate_to_datetime(response.headers.get("date", "")).timestamp()
    except (TypeError, ValueError, IndexError):
        hub_time = None
    off = (time.time() if now is None else now) - hub_time if hub_time is not None else 0.0
    if abs(off) > protocol.MAX_CLOCK_SKEW_SECONDS:
        hours = abs(off) / 3600
        way = "ahead of" if off > 0 else "behind"
        return SyncError(
            f"this laptop's clock is {hours:.0f} hours {way} the hub's: set its date, time "
            "and time zone correctly, then sync again"
        )
    return SyncError(f"the hub refused this laptop: {_error(response)}")


def _json(response: httpx.Response, what: str, ok: tuple[int, ...] = (200,)) -> dict[str, Any]:
    if response.status_code == 403:
        raise _refused(response)
    if response.status_code not in ok:
        raise SyncError(f"the hub answered {response.status_code} while {what}: {_error(response)}")
    try:
        data = response.json()
    except json.JSONDecodeError:
        raise SyncError(f"the hub's answer while {what} was not understood") from None
    if not isinstance(data, dict):
        raise SyncError(f"the hub's answer while {what} was not understood")
    return data
