"""The hub server's logs (docs/hub.md, "Operations"): text lines, or JSON lines with
``--log-format json``.

A JSON line is one object per event: ``time`` (UTC, ISO 8601), ``level``, ``logger``,
``event``, and for a request ``request_id``, ``route`` (the template, such as
``/v1/uploads/{sha256}``: never the path as sent), ``method``, ``status`` and
``duration_ms``. Other events made while a request is handled carry its ``request_id`` too.

The promises of ``rjdesk_hub.app`` hold in both formats: the hub logs no body, no query string,
no client address and no case data; its messages hold ids and counts. An exception attached to
a record (by the hub, uvicorn or a library) is written as its type and stack frames, never its
message, which could quote data.
"""

from __future__ import annotations

import json
import logging
import sys
import traceback
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

FORMATS = ("text", "json")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# The id of the request being handled, for every line logged while it is.
request_id: ContextVar[str | None] = ContextVar("rjdesk_hub_request_id", default=None)
# What a request's access line carries besides its message (``extra=`` of the log call).
REQUEST_FIELDS = ("route", "method", "status", "duration_ms")


def new_request_id() -> str:
    """A request id made by the hub (not taken from the client, who could put anything in it)."""
    return uuid.uuid4().hex[:16]


def frames_of(tb: TracebackType | None) -> list[str]:
    """An exception's stack frames as file, line and function: not its message, and not the
    source lines either (nothing but the code's own places)."""
    return [f"{f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(tb)]


class _RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        event = getattr(record, "event", None) or record.getMessage()
        doc: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": event,
        }
        found = getattr(record, "request_id", None)
        if found is not None:
            doc["request_id"] = found
        for field in REQUEST_FIELDS:
            value = getattr(record, field, None)
            if value is not None:
                doc[field] = value
        if record.exc_info and record.exc_info[0] is not None:
            doc["error_type"] = record.exc_info[0].__name__
            doc["frames"] = frames_of(record.exc_info[2])
        return json.dumps(doc, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """The classic line; an attached exception as its type and frames, never its message."""

    def __init__(self) -> None:
        super().__init__(TEXT_FORMAT)

    def formatException(self, ei: Any) -> str:
        frames = "\n".join(f"  {frame}" for frame in frames_of(ei[2]))
        return f"{ei[0].__name__}\n{frames}"


def formatter(log_format: str) -> logging.Formatter:
    if log_format not in FORMATS:
        raise ValueError(f"log format must be one of {', '.join(FORMATS)}")
    return JsonFormatter() if log_format == "json" else TextFormatter()


def configure(log_format: str = "text", *, debug: bool = False, stream: Any = None) -> None:
    """Send the hub's and uvicorn's logs to ``stream`` (stderr) in ``log_format``."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(formatter(log_format))
    handler.addFilter(_RequestIdFilter())
    for name in ("rjdesk_hub", "uvicorn"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.DEBUG if debug else logging.INFO)
        for old in list(logger.handlers):
            if getattr(old, "_rjdesk_hub", False):
                logger.removeHandler(old)
        handler._rjdesk_hub = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.propagate = False
