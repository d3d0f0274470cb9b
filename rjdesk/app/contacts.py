"""Contacts: the contemporaneous note of each call, visit, meeting and conference, and the
addenda that amend a note without changing it.

Each function owns its unit of work and answers with the frozen view of the contact; a refusal
(a conference without consent, a time in the future, an empty addendum) is the typed error the
services raise, whose sentence the window shows as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rjdesk.app.view_builders import contact_view, participant_views
from rjdesk.app.views import ContactView
from rjdesk.domain.models import Case, Contact
from rjdesk.services import contacts
from rjdesk.services.cases import load_case, participant_of
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import ContactKind
from rjdesk_protocol.errors import NotFound

__all__ = ["add_addendum", "record_contact"]


def _contact(case: Case, contact_id: str) -> Contact:
    found = next((c for c in case.contacts if c.id == contact_id), None)
    if found is None:
        raise NotFound(f"that contact is not part of {case.reference}")
    return found


def _view(case: Case, contact: Contact) -> ContactView:
    return contact_view(contact, participant_views(case.participants))


def record_contact(
    vault: Vault,
    case_id: str,
    *,
    kind: ContactKind,
    at: datetime,
    present_ids: Sequence[str],
    notes: str,
    next_steps: str = "",
    location: str = "",
) -> ContactView:
    """Save the note of a contact with the people present (by participant id). It is never
    edited afterwards. A conference or shuttle contact needs a completed risk assessment and
    the consent of everyone present that day, and moves the case on to the agreement stage."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        contact = contacts.record_contact(
            uow,
            case,
            kind=kind,
            at=at,
            present=[participant_of(case, pid) for pid in present_ids],
            notes=notes,
            next_steps=next_steps,
            location=location,
        )
        uow.session.flush()
        return _view(case, contact)


def add_addendum(vault: Vault, case_id: str, contact_id: str, text: str) -> ContactView:
    """Add to a saved note, keeping the original as it was. Answers the contact with its
    addenda, the new one last."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        contact = _contact(case, contact_id)
        contacts.add_addendum(uow, contact, text)
        uow.session.flush()
        return _view(case, contact)
