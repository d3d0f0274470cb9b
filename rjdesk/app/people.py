"""The people in a case: adding and removing them, their details, the Victims' Code's RJ
information, and the other cases they have been seen in.

Each function owns its unit of work; a refusal is the typed error the services raise, whose
sentence the window shows. Whether someone may be removed is a question (``removal_refusal``),
answered by the same rule the removal itself obeys.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rjdesk.services import people
from rjdesk.services.cases import load_case, participant_of
from rjdesk.services.people import PersonDetails, SeenBefore
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import Role
from rjdesk_protocol.errors import RjdeskError

__all__ = [
    "Added",
    "PersonDetails",
    "SeenBefore",
    "add_participant",
    "record_rj_information",
    "removal_refusal",
    "remove_participant",
    "seen_before",
    "update_person",
]


@dataclass(frozen=True)
class Added:
    """Someone just added to a case, and the other cases they were seen in."""

    participant_id: str
    seen_before: tuple[SeenBefore, ...]


def add_participant(
    vault: Vault,
    case_id: str,
    details: PersonDetails,
    role: Role,
    *,
    supports_id: str | None = None,
    relationship: str | None = None,
    organisation: str | None = None,
) -> Added:
    """Add someone to the case (a supporter names the participant they support); a person seen
    before in another case flags this one as a repeat referral."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        supports = participant_of(case, supports_id) if supports_id else None
        participant, matches = people.add_participant(
            uow, case, details, role, supports=supports, relationship=relationship,
            organisation=organisation,
        )  # fmt: skip
        return Added(participant.id, tuple(matches))


def update_person(vault: Vault, case_id: str, participant_id: str, details: PersonDetails) -> None:
    """Change a participant's details (name, date of birth, how to reach them, needs)."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        people.update_person(uow, participant_of(case, participant_id), details)


def record_rj_information(vault: Vault, case_id: str, participant_id: str, given_on: date) -> None:
    """Victims' Code: the day this harmed person was given information about RJ."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        people.record_rj_information(uow, participant_of(case, participant_id), given_on)


def removal_refusal(vault: Vault, case_id: str, participant_id: str) -> RjdeskError | None:
    """Why this person may not be removed (the refusal ``remove_participant`` would raise), or
    None when they may be: asked before the facilitator is asked to confirm."""
    with vault.reader() as session:
        case = load_case(session, case_id)
        return people.removal_refusal(participant_of(case, participant_id))


def remove_participant(vault: Vault, case_id: str, participant_id: str) -> None:
    """Remove someone added by mistake; refused once anything in the case records them."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        people.remove_participant(uow, participant_of(case, participant_id))


def seen_before(vault: Vault, case_id: str) -> dict[str, list[SeenBefore]]:
    """For each participant of the case (by id), the other cases they or their address appear
    in; professionals and interpreters are left out."""
    with vault.reader() as session:
        return people.revolving_door(session, load_case(session, case_id))
