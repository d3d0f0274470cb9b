"""A computed return written as a file a funder or a coordinator opens: CSV, XLSX or PDF
(docs/returns.md, "Outputs").

Every writer reads a ``ReturnResult`` and prints each cell's ``shown`` text (a suppressed cell
has no value to print, only its mark, "<5" or "[c]"); every file is written atomically and
owner-only (``rjdesk_protocol.atomic``), since a return is for the funder, not for everyone on
the server. The format is the file's extension.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rjdesk_hub.returns.result import ReturnResult
from rjdesk_protocol.atomic import atomic_write
from rjdesk_protocol.errors import UsageError

FORMATS = (".csv", ".xlsx", ".pdf")


def render(result: ReturnResult, file_format: str) -> bytes:
    """The bytes of ``result`` as ``file_format`` (".csv", ".xlsx" or ".pdf")."""
    # Imported here: each writer loads its library (reportlab, openpyxl) only when asked.
    from rjdesk_hub.returns.outputs import csv_out, pdf_out, xlsx_out  # noqa: PLC0415

    writers: dict[str, Callable[[ReturnResult], bytes]] = {
        ".csv": csv_out.render,
        ".xlsx": xlsx_out.render,
        ".pdf": pdf_out.render,
    }
    return writers[file_format](result)


def format_of(path: Path) -> str:
    """The output format ``path``'s extension names, or a ``UsageError`` saying which exist."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(
            f"cannot tell the format of {path.name}: name the output file .xlsx, .csv or .pdf"
        )
    return suffix


def write_return(result: ReturnResult, path: Path) -> None:
    """Write ``result`` to ``path`` in the format its extension names: atomically, owner-only.

    An output that cannot be written (no such folder, no permission, a full disk) is a
    ``UsageError`` naming the file, and any earlier file at ``path`` is left as it was.
    """
    data = render(result, format_of(path))
    try:
        atomic_write(path, data)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise UsageError(f"cannot write {path}: {reason}") from None
