"""The plain, read-only facts of a case that the rules of DESIGN §2 look at.

The laptop's models (``rjdesk.domain.models``) have these attributes, and so do the plain
objects the hub makes from a merged case's records (``rjdesk_hub.rules``): the rules that both
sides check are written against these protocols, so the hub checks them without the laptop's
database schema. Nothing here imports SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from rjdesk_protocol.enums import ConsentScope, Role


class PersonFacts(Protocol):
    @property
    def date_of_birth(self) -> date | None: ...


class ConsentFacts(Protocol):
    @property
    def scope(self) -> ConsentScope: ...

    @property
    def withdrawn_on(self) -> date | None: ...

    @property
    def given_by(self) -> ParticipantFacts | None: ...

    def in_force_on(self, day: date) -> bool: ...


class ParticipantFacts(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def role(self) -> Role: ...

    @property
    def name(self) -> str: ...

    @property
    def person(self) -> PersonFacts: ...

    @property
    def consents(self) -> Sequence[ConsentFacts]: ...

    @property
    def relationship_to_supported(self) -> str | None: ...


class RiskAssessmentFacts(Protocol):
    @property
    def assessed_on(self) -> date: ...

    @property
    def assessed_by(self) -> str: ...

    @property
    def factors(self) -> Sequence[str]: ...


class CaseFacts(Protocol):
    @property
    def risk_assessments(self) -> Sequence[RiskAssessmentFacts]: ...
