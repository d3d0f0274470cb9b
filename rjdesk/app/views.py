"""Frozen views of a case: what the window reads, with no session and no lazy loading.

A view mirrors its model's columns under the same names, so the window reads ``case.stage`` or
``participant.person.name`` as before, but it is plain data: built in one unit of work on the
database thread and read on the GUI thread, it can never touch the database. The links between
people (who supports whom, who gave a consent, who owns an action, who signed) point at the
case's own participant views. What the window shows of the rules of the RJ process (who the
parties are, which agreement is in force, the Victims' Code, the next step, who has still to
sign) is answered when the view is built; why a stage may not be entered is asked of the view
(``blockers_to``) when the window offers the move.

They are built by ``rjdesk.app.case_reader`` (opening a case) and ``rjdesk.app.view_builders``
(after a change). The views satisfy the rules' facts (``rjdesk_protocol.facts`` and
``rjdesk.domain.facts``), so the very rules the services apply read views too.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from rjdesk.domain import rules
from rjdesk.domain.guidance import NextStep
from rjdesk_protocol.enums import (
    ActionStatus,
    AgreementStatus,
    CaseType,
    Channel,
    ClosureReason,
    ConsentScope,
    ContactKind,
    DocumentKind,
    InterventionType,
    JusticeStage,
    Origin,
    ReferralSource,
    RiskLevel,
    Role,
    SafeguardingKind,
    SignatureMethod,
    SignerCapacity,
    Stage,
    StartedBy,
)
from rjdesk_protocol.victims_code import VictimsCodeStatus


@dataclass(frozen=True, slots=True, eq=False)
class PersonView:
    id: str
    name: str
    date_of_birth: date | None
    phone: str | None
    email: str | None
    address: str | None
    language: str | None
    interpreter: bool
    access_needs: str


@dataclass(frozen=True, slots=True, eq=False)
class ConsentView:
    id: str
    participant_id: str
    scope: ConsentScope
    given_on: date
    given_by_id: str | None
    withdrawn_on: date | None
    withdrawal_note: str
    created_at: datetime
    # Set once the case's participants exist (a consent may be given by another of them).
    given_by: ParticipantView | None = None

    def in_force_on(self, day: date) -> bool:
        """Given on or before ``day`` and not withdrawn by then."""
        if self.given_on > day:
            return False
        return self.withdrawn_on is None or self.withdrawn_on > day


@dataclass(frozen=True, slots=True, eq=False)
class ParticipantView:
    id: str
    case_id: str
    person_id: str
    key: str | None
    position: int
    role: Role
    supports_id: str | None
    relationship_to_supported: str | None
    organisation: str | None
    rj_information_given_on: date | None
    person: PersonView
    consents: tuple[ConsentView, ...]
    # Set once every participant of the case has its view.
    supports: ParticipantView | None = None

    @property
    def name(self) -> str:
        return self.person.name


@dataclass(frozen=True, slots=True, eq=False)
class RiskAssessmentView:
    id: str
    case_id: str
    assessed_on: date
    assessed_by: str
    level: RiskLevel
    factors: tuple[str, ...]
    notes: str
    created_at: datetime


@dataclass(frozen=True, slots=True, eq=False)
class SafeguardingView:
    id: str
    participant_id: str | None
    kind: SafeguardingKind
    raised_at: datetime
    concern: str
    action_taken: str
    passed_to: str
    recorded_by: str


@dataclass(frozen=True, slots=True, eq=False)
class AddendumView:
    id: str
    contact_id: str
    written_at: datetime
    author: str
    text: str


@dataclass(frozen=True, slots=True, eq=False)
class ContactView:
    id: str
    case_id: str
    kind: ContactKind
    at: datetime
    location: str
    notes: str
    next_steps: str
    author: str
    # Set once the contact's view exists, when it has anyone present or any addendum.
    present: tuple[ParticipantView, ...] = ()
    addenda: tuple[AddendumView, ...] = ()


@dataclass(frozen=True, slots=True, eq=False)
class ActionView:
    id: str
    agreement_id: str
    position: int
    owner_id: str | None
    owner: ParticipantView | None
    description: str
    due_on: date | None
    status: ActionStatus
    checked_on: date | None
    check_note: str


@dataclass(frozen=True, slots=True, eq=False)
class SignatureView:
    id: str
    agreement_id: str
    participant_id: str | None
    participant: ParticipantView | None
    signer_name: str
    capacity: SignerCapacity
    method: SignatureMethod
    signed_on: date
    created_at: datetime


@dataclass(frozen=True, slots=True, eq=False)
class AgreementView:
    id: str
    case_id: str
    version: int
    status: AgreementStatus
    agreed_on: date | None
    summary: str
    review_on: date | None
    supersedes_id: str | None
    signed_at: datetime | None
    actions: tuple[ActionView, ...]
    signatures: tuple[SignatureView, ...]
    # Who has still to sign this version (empty once it is signed).
    missing_signatures: tuple[str, ...]


@dataclass(frozen=True, slots=True, eq=False)
class DocumentView:
    id: str
    case_id: str
    agreement_id: str | None
    kind: DocumentKind
    title: str
    filename: str
    media_type: str
    sha256: str
    size: int
    version: int
    created_by: str
    created_at: datetime


@dataclass(frozen=True, slots=True, eq=False)
class StageChangeView:
    uid: str
    from_stage: Stage | None
    to_stage: Stage
    changed_at: datetime
    changed_by: str
    note: str


@dataclass(frozen=True, slots=True, eq=False)
class CaseView:
    id: str
    reference: str
    case_type: CaseType
    stage: Stage
    closure_reason: ClosureReason | None
    closed_on: date | None
    received_on: date
    source: ReferralSource
    channel: Channel
    referrer_name: str | None
    referrer_organisation: str | None
    referrer_phone: str | None
    referrer_email: str | None
    crime_reference: str | None
    incident_date: date | None
    location: str | None
    summary: str
    risk_level: RiskLevel | None
    flags: tuple[str, ...]
    facilitators: tuple[str, ...]
    origin: Origin | None  # None: made before cases said where they came from (the facilitator's)
    # What the funders' returns count (issue 16); the first contact dates are the corrections
    # only (rjdesk.app.outcomes works out the rest from the contacts).
    first_contact_attempted_on: date | None
    first_contact_made_on: date | None
    intervention_type: InterventionType | None
    started_by: StartedBy | None
    justice_stage: JusticeStage | None
    created_at: datetime
    updated_at: datetime
    participants: tuple[ParticipantView, ...]
    risk_assessments: tuple[RiskAssessmentView, ...]
    contacts: tuple[ContactView, ...]
    agreements: tuple[AgreementView, ...]
    safeguarding: tuple[SafeguardingView, ...]
    stage_changes: tuple[StageChangeView, ...]
    documents: tuple[DocumentView, ...]
    # What the rules say about the case on ``today``, answered when the view was built.
    today: date
    parties: tuple[ParticipantView, ...]
    latest_agreement: AgreementView | None
    in_force_agreement: AgreementView | None
    victims_code: tuple[tuple[ParticipantView, VictimsCodeStatus], ...]
    next: NextStep | None

    def participant(self, participant_id: str) -> ParticipantView:
        return next(p for p in self.participants if p.id == participant_id)

    def blockers_to(self, stage: Stage) -> tuple[str, ...]:
        """Why the case may not move to ``stage`` on the view's day (empty when it may): the
        rules read the view as they read a case being changed, so asked only when the window
        offers a move, of the one stage it offers."""
        if stage == self.stage:
            return ()
        return tuple(rules.stage_change_blockers(self, stage, self.today))

    @property
    def victims_code_breached(self) -> bool:
        return any(status.breach for _, status in self.victims_code)


def _fill_slots_directly(view: type) -> None:
    """Give a frozen view an ``__init__`` that fills its slots through their descriptors.

    A frozen dataclass's own ``__init__`` sets each field with ``object.__setattr__`` by name,
    which costs about twice as much, and building its views is the largest part of opening a
    case (about eighty for a busy one). The parameters and defaults are the dataclass's own;
    setting a field afterwards is still refused (``dataclasses.FrozenInstanceError``).
    """
    fields = dataclasses.fields(view)
    namespace: dict[str, Any] = {f"_set_{f.name}": getattr(view, f.name).__set__ for f in fields}
    parameters = []
    for f in fields:
        if f.default is dataclasses.MISSING:
            parameters.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            parameters.append(f"{f.name}=_default_{f.name}")
    body = "".join(f"    _set_{f.name}(self, {f.name})\n" for f in fields)
    exec(f"def __init__(self, {', '.join(parameters)}):\n{body}", namespace)  # noqa: S102
    init = namespace["__init__"]
    init.__qualname__ = f"{view.__qualname__}.__init__"
    view.__init__ = init  # type: ignore[misc]


for _view in (PersonView, ConsentView, ParticipantView, RiskAssessmentView, SafeguardingView,
              AddendumView, ContactView, ActionView, SignatureView, AgreementView, DocumentView,
              StageChangeView, CaseView):  # fmt: skip
    _fill_slots_directly(_view)
