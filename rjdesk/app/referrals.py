"""New referrals: a case and the people it names, created at once, and the draft of a referral
not finished yet.

The draft is plain values (``ReferralDraft``), written as one JSON text: the wizard reads its
widgets into a draft and fills them from one, so a lock in the middle of a phone call loses
nothing (the text is kept encrypted in the vault until the unlock).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, TypeVar

from rjdesk.services import cases, drafts
from rjdesk.services.cases import Referral
from rjdesk.services.people import PersonDetails, SeenBefore, add_participant
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import CaseType, Channel, Flag, ReferralSource, Role

__all__ = [
    "DRAFT_KEY",
    "Created",
    "NewPerson",
    "PersonDetails",
    "PersonSeenBefore",
    "Referral",
    "ReferralDraft",
    "create_case",
    "discard_draft",
    "load_draft",
    "save_draft",
]


@dataclass(frozen=True)
class NewPerson:
    """Someone the referral names, before the case exists: ``key`` lets a supporter name
    whom they support (``supports``) before either has a participant id."""

    key: str
    details: PersonDetails
    role: Role
    supports: str | None = None
    relationship: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class PersonSeenBefore:
    """Someone of the new case who appears in other cases."""

    name: str
    matches: tuple[SeenBefore, ...]


@dataclass(frozen=True)
class Created:
    """The new case, and who in it was seen before."""

    case_id: str
    reference: str
    seen_before: tuple[PersonSeenBefore, ...] = ()


def create_case(vault: Vault, referral: Referral, people: Sequence[NewPerson]) -> Created:
    """The case and everyone in it, in one unit of work: a refusal saves nothing, not even the
    case. Supporters are added after everyone else, so the person they support exists whatever
    order they were listed in; each keeps their place in the list."""
    with vault.unit_of_work() as uow:
        case = cases.create_case(uow, referral)
        added: dict[str, Any] = {}
        seen: list[PersonSeenBefore] = []
        order = sorted(enumerate(people), key=lambda item: item[1].role == Role.SUPPORTER)
        for position, person in order:
            participant, matches = add_participant(
                uow, case, person.details, person.role,
                supports=added.get(person.supports) if person.supports else None,
                relationship=person.relationship, organisation=person.organisation,
                position=position,
            )  # fmt: skip
            added[person.key] = participant
            if matches:
                seen.append(PersonSeenBefore(participant.name, tuple(matches)))
        return Created(case.id, case.reference, tuple(seen))


# -- the draft of a referral not finished yet ----------------------------------------------------


@dataclass(frozen=True)
class ReferralDraft:
    """What has been typed into a new referral so far, as typed (not yet checked)."""

    received_on: date
    case_type: CaseType | None = None
    source: ReferralSource | None = None
    channel: Channel | None = None
    referrer_name: str = ""
    referrer_organisation: str = ""
    referrer_phone: str = ""
    referrer_email: str = ""
    crime_reference: str = ""
    incident_date: date | None = None
    location: str = ""
    summary: str = ""
    flags: tuple[Flag, ...] = ()
    people: tuple[NewPerson, ...] = ()
    page: int = 0  # the wizard's page it was on

    @property
    def typed(self) -> bool:
        """Whether anything has been typed or anyone listed (choices alone are not kept)."""
        texts = (*self._texts().values(), self.summary)
        return any(text.strip() for text in texts) or bool(self.people)

    def _texts(self) -> dict[str, str]:
        return {name: getattr(self, attribute) for name, attribute in _TEXTS.items()}

    def to_json(self) -> str:
        """The draft as one text (the format drafts have had since the wizard kept them)."""
        return json.dumps(
            {
                "texts": self._texts(),
                "summary": self.summary,
                "combos": {
                    "caseType": _value(self.case_type),
                    "source": _value(self.source),
                    "channel": _value(self.channel),
                },
                "received_on": self.received_on.isoformat(),
                "incident_date": self.incident_date.isoformat() if self.incident_date else None,
                "flags": [flag.value for flag in self.flags],
                "people": [_person_json(person) for person in self.people],
                "page": self.page,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> ReferralDraft | None:
        """The draft written by ``to_json``; None when the text is damaged."""
        try:
            data = json.loads(text)
            texts, combos = data.get("texts", {}), data.get("combos", {})
            incident = data.get("incident_date")
            return cls(
                received_on=date.fromisoformat(data["received_on"]),
                case_type=_enum(CaseType, combos.get("caseType")),
                source=_enum(ReferralSource, combos.get("source")),
                channel=_enum(Channel, combos.get("channel")),
                incident_date=date.fromisoformat(incident) if incident else None,
                summary=str(data.get("summary", "")),
                flags=tuple(Flag(value) for value in data.get("flags", [])),
                people=tuple(_person_from_json(person) for person in data.get("people", [])),
                page=int(data.get("page", 0)),
                **{attribute: str(texts.get(name, "")) for name, attribute in _TEXTS.items()},
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


# The draft's text fields, by the names its JSON has always used for them.
_TEXTS = {
    "referrerName": "referrer_name",
    "referrerOrganisation": "referrer_organisation",
    "referrerPhone": "referrer_phone",
    "referrerEmail": "referrer_email",
    "crimeReference": "crime_reference",
    "location": "location",
}


def _value(choice: CaseType | ReferralSource | Channel | None) -> str | None:
    return choice.value if choice is not None else None


_Choice = TypeVar("_Choice", CaseType, ReferralSource, Channel)


def _enum(kind: type[_Choice], value: str | None) -> _Choice | None:
    return kind(value) if value is not None else None


def _person_json(person: NewPerson) -> dict[str, Any]:
    details = asdict(person.details)
    if person.details.date_of_birth is not None:
        details["date_of_birth"] = person.details.date_of_birth.isoformat()
    return {"key": person.key, "details": details, "role": person.role.value,
            "supports": person.supports, "relationship": person.relationship,
            "organisation": person.organisation}  # fmt: skip


def _person_from_json(data: dict[str, Any]) -> NewPerson:
    details = dict(data["details"])
    if details.get("date_of_birth"):
        details["date_of_birth"] = date.fromisoformat(details["date_of_birth"])
    return NewPerson(
        key=str(data["key"]),
        details=PersonDetails(**details),
        role=Role(data["role"]),
        supports=data.get("supports"),
        relationship=data.get("relationship"),
        organisation=data.get("organisation"),
    )


# Where the window keeps the referral's draft among the vault's drafts.
DRAFT_KEY = "wizard/referral"


def save_draft(vault: Vault, draft: ReferralDraft) -> None:
    """Keep the draft, encrypted in the vault (a draft with nothing typed removes it)."""
    with vault.unit_of_work() as uow:
        drafts.save_drafts(uow, {DRAFT_KEY: (None, draft.to_json() if draft.typed else "")})


def load_draft(vault: Vault) -> ReferralDraft | None:
    """The draft kept in the vault, if there is one (and it is readable)."""
    with vault.reader() as session:
        text = drafts.load_drafts(session).get(DRAFT_KEY)
    return ReferralDraft.from_json(text) if text else None


def discard_draft(vault: Vault) -> None:
    """Forget the draft once the referral is saved for real, or given up."""
    with vault.unit_of_work() as uow:
        drafts.discard_drafts(uow, [DRAFT_KEY])
