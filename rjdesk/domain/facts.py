"""The read-only facts of a case that the laptop's rules and guidance look at.

The protocol's facts (``rjdesk_protocol.facts``) cover what both sides check (people, consent,
risk); these add what only the laptop asks about (stages, contacts, agreements, the Victims'
Code). The ORM models (``rjdesk.domain.models``) have these attributes, and so do the frozen
views the window reads (``rjdesk.app.views``), so the very same rule runs on a case loaded for a
write and on a case read for the window: there is no second copy of any rule.

A case is generic in the kind of its participants and agreements, so a rule that picks some of
them out (the parties, the agreement in force) hands back the caller's own objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol, TypeVar

from rjdesk_protocol.enums import ActionStatus, AgreementStatus, ClosureReason, ContactKind, Stage
from rjdesk_protocol.facts import ParticipantFacts as SharedParticipantFacts
from rjdesk_protocol.facts import RiskAssessmentFacts


class ParticipantFacts(SharedParticipantFacts, Protocol):
    @property
    def rj_information_given_on(self) -> date | None: ...


class ContactFacts(Protocol):
    @property
    def kind(self) -> ContactKind: ...


class ActionFacts(Protocol):
    @property
    def status(self) -> ActionStatus: ...

    @property
    def due_on(self) -> date | None: ...


class SignatureFacts(Protocol):
    @property
    def participant_id(self) -> str | None: ...


class AgreementFacts(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def version(self) -> int: ...

    @property
    def status(self) -> AgreementStatus: ...

    @property
    def actions(self) -> Sequence[ActionFacts]: ...

    @property
    def signatures(self) -> Sequence[SignatureFacts]: ...


P_co = TypeVar("P_co", bound=ParticipantFacts, covariant=True)
A_co = TypeVar("A_co", bound=AgreementFacts, covariant=True)


class CaseFacts(Protocol[P_co, A_co]):
    @property
    def stage(self) -> Stage: ...

    @property
    def closure_reason(self) -> ClosureReason | None: ...

    @property
    def received_on(self) -> date: ...

    @property
    def participants(self) -> Sequence[P_co]: ...

    @property
    def risk_assessments(self) -> Sequence[RiskAssessmentFacts]: ...

    @property
    def contacts(self) -> Sequence[ContactFacts]: ...

    @property
    def agreements(self) -> Sequence[A_co]: ...
