"""One case as the command line reads it: shown, exported to a case file, imported from one,
or one of its PDFs saved to a file. Each is on the record in the audit log."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from rjdesk.app.cases import CaseSnapshot, open_case
from rjdesk.services import export, importer, printing
from rjdesk.services.cases import load_case
from rjdesk.services.people import SeenBefore, revolving_door
from rjdesk.store.vault import Vault
from rjdesk_protocol.calendar import LONDON

__all__ = [
    "SavedCopy",
    "SeenBefore",
    "check_case_file",
    "export_case",
    "import_case",
    "save_pdf_copy",
    "show_case",
]

Printout = Literal["agreement", "case_summary"]


@dataclass(frozen=True)
class SavedCopy:
    """A PDF filed on the case and saved outside the vault: which document, and what to tell
    the person about it (may be empty)."""

    title: str
    version: int
    message: str


def show_case(vault: Vault, ref_or_id: str) -> CaseSnapshot:
    """The case as of the vault's today, its viewing on the record."""
    today = vault.clock().astimezone(LONDON).date()
    return open_case(vault, ref_or_id, today, viewed=True)


def export_case(vault: Vault, ref_or_id: str, *, include_equality: bool = False) -> dict[str, Any]:
    """The whole case in its portable form (the case file's JSON), on the record as an
    export. Equality monitoring (special-category data) is left out unless asked for; an
    export that includes it says so in the audit log."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, ref_or_id)
        seen = revolving_door(uow.session, case)
        uow.audit(
            "export_case", entity="case", entity_id=case.id, case_reference=case.reference,
            detail="with equality monitoring" if include_equality else "",
        )  # fmt: skip
        return export.case_to_dict(
            case, today=uow.today, seen_before=seen, include_equality=include_equality
        )


def check_case_file(raw: bytes | str) -> None:
    """Refuse a case file whose structure is wrong (``CaseImportError`` names the field),
    before anything asks for a passphrase."""
    importer.parse_case_file(raw)


def import_case(vault: Vault, raw: bytes | str) -> str:
    """Import one case file as a new case; its reference."""
    with vault.unit_of_work() as uow:
        return importer.import_case(uow, raw).reference


_PRINTOUTS = {
    "agreement": printing.latest_agreement_pdf,
    "case_summary": printing.file_case_summary_pdf,
}


def save_pdf_copy(
    vault: Vault, ref_or_id: str, printout: Printout, write: Callable[[bytes], None]
) -> SavedCopy:
    """Make and file the PDF (the latest agreement, or the case summary as of today), hand its
    bytes to ``write``, and put the copy on the record. ``write`` runs inside the unit of work:
    if it raises, nothing is filed or recorded."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, ref_or_id)
        filed = _PRINTOUTS[printout](uow, case)
        write(filed.content)
        printing.record_copy(uow, case, filed.document, "saved to a file (command line)")
        return SavedCopy(filed.document.title, filed.document.version, filed.message)
