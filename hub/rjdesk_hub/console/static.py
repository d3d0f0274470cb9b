"""The console's built assets (``static/``, made by ``packaging/console-assets/build.sh``).

They are read once when the console starts and served from memory, only by their exact names
(no path from a request ever reaches the file system). Pages link to them with ``?v=`` and the
first 16 hex digits of their SHA-256, so a browser may keep them for a year: a new build changes
the address. A request with any other version (or none) is served but revalidated.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

STATIC_PATH = "/static"
LONG_CACHE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
}


@dataclass(frozen=True)
class Asset:
    """One built file: its bytes, media type and version."""

    body: bytes
    media_type: str
    version: str


class Assets:
    """The built files, by name: the ``static`` folder of each of ``packages`` (the console's
    by default; the referral forms add their own beside it)."""

    def __init__(self, *packages: str) -> None:
        self.files: dict[str, Asset] = {}
        for package in packages or ("rjdesk_hub.console",):
            self._read(package)

    def _read(self, package: str) -> None:
        folder = resources.files(package).joinpath("static")
        for entry in folder.iterdir():
            media_type = next(
                (kind for suffix, kind in _TYPES.items() if entry.name.endswith(suffix)), None
            )
            if media_type is None or not entry.is_file():
                continue
            body = entry.read_bytes()
            version = hashlib.sha256(body).hexdigest()[:16]
            self.files[entry.name] = Asset(body, media_type, version)

    def url(self, name: str) -> str:
        """The address of ``name`` with its version (for templates: ``static_url('x.css')``)."""
        return f"{STATIC_PATH}/{name}?v={self.files[name].version}"

    def response(self, request: Request, name: str) -> Response:
        """``name``'s bytes, long-cached when asked for at its current version; the console's 404
        page when there is no such file."""
        asset = self.files.get(name)
        if asset is None:
            raise HTTPException(404)
        etag = f'"{asset.version}"'
        cache = LONG_CACHE if request.query_params.get("v") == asset.version else REVALIDATE
        headers = {"cache-control": cache, "etag": etag}
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=headers)
        return Response(asset.body, media_type=asset.media_type, headers=headers)
