"""The hub's address, as a laptop is given it and a hub announces it (DESIGN §7).

A hub is reached at ``https://host[:port]`` and nothing more: no path, query, fragment or
credentials, so the address in a hub configuration cannot smuggle a password or point the
laptop at another service on the same host. Plain ``http://`` is allowed only for this machine
(127.0.0.1, localhost, [::1]), where the tests run a hub.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from rjdesk_protocol.errors import ValidationError

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_SHAPE = "must be https://host[:port] with no path, query or credentials"


def check_hub_url(url: str) -> str:
    """The hub URL without a trailing slash, or ``ValidationError`` saying in one line what is
    wrong with it. The URL itself is not echoed: it may hold a password."""
    text = url.strip()
    if not text or any(ord(char) < 0x21 or 0x7F <= ord(char) <= 0x9F for char in text):
        raise ValidationError(f"{_SHAPE} (it is empty or holds spaces)", field="hub URL")
    try:
        parts = urlsplit(text)
        host, port = parts.hostname, parts.port
    except ValueError:
        raise ValidationError(
            f"{_SHAPE} (its port is not a number from 1 to 65535)", field="hub URL"
        ) from None
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http"):
        raise ValidationError(f"{_SHAPE} (it does not start with https://)", field="hub URL")
    if parts.username is not None or parts.password is not None:
        raise ValidationError(f"{_SHAPE} (it holds a user name or password)", field="hub URL")
    if not host:
        raise ValidationError(f"{_SHAPE} (it names no host)", field="hub URL")
    if parts.path not in ("", "/") or parts.query or parts.fragment or text.endswith(("?", "#")):
        raise ValidationError(f"{_SHAPE} (it has a path, query or fragment)", field="hub URL")
    if port == 0:
        raise ValidationError(
            f"{_SHAPE} (its port is not a number from 1 to 65535)", field="hub URL"
        )
    if scheme == "http" and host.lower() not in LOCAL_HOSTS:
        raise ValidationError(
            "must use https:// (plain http:// is only for a hub on this machine, 127.0.0.1)",
            field="hub URL",
        )
    return text.rstrip("/")
