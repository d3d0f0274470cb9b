"""The case file as SQLAlchemy models (DESIGN §5).

Rows hold facts; the rules that decide what may be recorded live in ``rules.py`` and the
services. Contacts, addenda, signed agreements and audit events are also protected by triggers
in the database itself (see the migrations), so no code path can quietly rewrite them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from rjdesk.domain.base import Base, Synced, enum_column, new_id, utcnow
from rjdesk.domain.outcome_models import Equality, Feedback
from rjdesk.domain.work_models import WorkTally  # noqa: F401 - its table joins the vault's metadata
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


class VaultInfo(Base):
    """The one row describing this vault's owner and device (never leaves the laptop whole)."""

    __tablename__ = "vault_info"

    id: Mapped[int] = mapped_column(primary_key=True)
    vault_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))
    # Five Crockford base32 characters from the device key's fingerprint: the middle of every
    # case reference, so references made offline on different laptops never collide.
    device_code: Mapped[str] = mapped_column(String(8))
    facilitator_name: Mapped[str] = mapped_column(String(200))
    signing_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReferenceCounter(Base):
    """The last case number used on this device in a year."""

    __tablename__ = "reference_counter"

    year: Mapped[int] = mapped_column(primary_key=True)
    last_number: Mapped[int] = mapped_column(default=0)


class Setting(Base):
    """Vault-held settings (letterhead, idle lock time): inside the encrypted file."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class Case(Synced, Base):
    __tablename__ = "case_file"

    reference: Mapped[str] = mapped_column(String(32), unique=True)
    case_type: Mapped[CaseType] = enum_column(CaseType)
    stage: Mapped[Stage] = enum_column(Stage, default=Stage.REFERRAL, index=True)
    closure_reason: Mapped[ClosureReason | None] = enum_column(ClosureReason, nullable=True)
    closed_on: Mapped[date | None]
    received_on: Mapped[date]
    source: Mapped[ReferralSource] = enum_column(ReferralSource)
    channel: Mapped[Channel] = enum_column(Channel)
    referrer_name: Mapped[str | None] = mapped_column(String(200))
    referrer_organisation: Mapped[str | None] = mapped_column(String(200))
    referrer_phone: Mapped[str | None] = mapped_column(String(50))
    referrer_email: Mapped[str | None] = mapped_column(String(200))
    crime_reference: Mapped[str | None] = mapped_column(String(50))
    incident_date: Mapped[date | None]
    location: Mapped[str | None] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    # The level of the latest risk assessment, kept on the case for lists and filters.
    risk_level: Mapped[RiskLevel | None] = enum_column(RiskLevel, nullable=True)
    flags: Mapped[list[str]] = mapped_column(default=list)
    facilitators: Mapped[list[str]] = mapped_column(default=list)
    # Where the case came from (issue 15); None on cases made before: the facilitator's own.
    origin: Mapped[Origin | None] = enum_column(Origin, nullable=True)
    # What the funders' returns need (issue 16). The first contact dates correct what the
    # contacts say (None: worked out from them); the rest is None until the facilitator says.
    first_contact_attempted_on: Mapped[date | None]
    first_contact_made_on: Mapped[date | None]
    intervention_type: Mapped[InterventionType | None] = enum_column(
        InterventionType, nullable=True
    )
    started_by: Mapped[StartedBy | None] = enum_column(StartedBy, nullable=True)
    justice_stage: Mapped[JusticeStage | None] = enum_column(JusticeStage, nullable=True)

    participants: Mapped[list[Participant]] = relationship(
        back_populates="case", order_by="Participant.position", cascade="all, delete-orphan"
    )
    risk_assessments: Mapped[list[RiskAssessment]] = relationship(
        order_by="RiskAssessment.assessed_on", cascade="all, delete-orphan"
    )
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="case", order_by="Contact.at", cascade="all, delete-orphan"
    )
    agreements: Mapped[list[Agreement]] = relationship(
        back_populates="case", order_by="Agreement.version", cascade="all, delete-orphan"
    )
    safeguarding: Mapped[list[SafeguardingConcern]] = relationship(
        order_by="SafeguardingConcern.raised_at", cascade="all, delete-orphan"
    )
    stage_changes: Mapped[list[StageChange]] = relationship(
        order_by="StageChange.id", cascade="all, delete-orphan"
    )
    documents: Mapped[list[Document]] = relationship(
        order_by="Document.created_at", cascade="all, delete-orphan"
    )

    __table_args__ = (Index("ix_case_file_updated_at", "updated_at"),)


class StageChange(Base):
    """One move of a case between stages: the case's stage history."""

    __tablename__ = "stage_change"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    # The row's identity everywhere else (bundles, the hub): the integer id is this vault's own.
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    from_stage: Mapped[Stage | None] = enum_column(Stage, nullable=True)
    to_stage: Mapped[Stage] = enum_column(Stage)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")


class Person(Synced, Base):
    """Someone taking part in a case. The ``*_key`` columns serve "seen before" matching."""

    __tablename__ = "person"

    name: Mapped[str] = mapped_column(String(200))
    date_of_birth: Mapped[date | None]
    phone: Mapped[str | None] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(35))
    interpreter: Mapped[bool] = mapped_column(default=False)
    access_needs: Mapped[str] = mapped_column(Text, default="")
    name_key: Mapped[str] = mapped_column(String(200), index=True, default="")
    phone_key: Mapped[str | None] = mapped_column(String(20), index=True)
    postcode_key: Mapped[str | None] = mapped_column(String(10), index=True)
    address_key: Mapped[str | None] = mapped_column(String(40), index=True)


class Participant(Synced, Base):
    """A person's role in one case (harmed, responsible, both, supporter, professional...)."""

    __tablename__ = "participant"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    # The participant's key inside an imported case file ("a", "v"...), kept for round trips.
    key: Mapped[str | None] = mapped_column(String(40))
    # Where they are listed in the case (the order the facilitator or the file gave).
    position: Mapped[int] = mapped_column(default=0)
    role: Mapped[Role] = enum_column(Role)
    supports_id: Mapped[str | None] = mapped_column(ForeignKey("participant.id"))
    relationship_to_supported: Mapped[str | None] = mapped_column(String(100))
    organisation: Mapped[str | None] = mapped_column(String(200))
    # Victims' Code: when this harmed person was given information about RJ.
    rj_information_given_on: Mapped[date | None]

    case: Mapped[Case] = relationship(back_populates="participants")
    person: Mapped[Person] = relationship(lazy="joined")
    supports: Mapped[Participant | None] = relationship(remote_side="Participant.id")
    consents: Mapped[list[Consent]] = relationship(
        back_populates="participant",
        foreign_keys="Consent.participant_id",
        order_by="Consent.given_on",
        cascade="all, delete-orphan",
    )
    # Removing a participant takes their feedback and equality answers with them.
    feedback: Mapped[list[Feedback]] = relationship(
        order_by="Feedback.moment", cascade="all, delete-orphan"
    )
    equality: Mapped[Equality | None] = relationship(cascade="all, delete-orphan")

    __table_args__ = (UniqueConstraint("case_id", "key"),)

    @property
    def name(self) -> str:
        return self.person.name


class RiskAssessment(Synced, Base):
    __tablename__ = "risk_assessment"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    assessed_on: Mapped[date]
    assessed_by: Mapped[str] = mapped_column(String(200))
    level: Mapped[RiskLevel] = enum_column(RiskLevel)
    factors: Mapped[list[str]] = mapped_column(default=list)
    notes: Mapped[str] = mapped_column(Text, default="")


class Consent(Synced, Base):
    """Consent of one participant for one scope; withdrawal is recorded on the same row.

    ``given_by_id`` is empty when the participant consented for themself, or names the parent or
    carer (a supporter in the case) who consented for a participant under 18.
    """

    __tablename__ = "consent"

    participant_id: Mapped[str] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    scope: Mapped[ConsentScope] = enum_column(ConsentScope)
    given_on: Mapped[date]
    given_by_id: Mapped[str | None] = mapped_column(ForeignKey("participant.id"))
    withdrawn_on: Mapped[date | None]
    withdrawal_note: Mapped[str] = mapped_column(Text, default="")

    participant: Mapped[Participant] = relationship(
        back_populates="consents", foreign_keys=[participant_id]
    )
    given_by: Mapped[Participant | None] = relationship(foreign_keys=[given_by_id])

    def in_force_on(self, day: date) -> bool:
        """Given on or before ``day`` and not withdrawn by then."""
        if self.given_on > day:
            return False
        return self.withdrawn_on is None or self.withdrawn_on > day


class SafeguardingConcern(Synced, Base):
    __tablename__ = "safeguarding_concern"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[str | None] = mapped_column(ForeignKey("participant.id"))
    kind: Mapped[SafeguardingKind] = enum_column(SafeguardingKind)
    raised_at: Mapped[datetime]
    concern: Mapped[str] = mapped_column(Text)
    action_taken: Mapped[str] = mapped_column(Text)
    passed_to: Mapped[str] = mapped_column(String(200), default="")
    recorded_by: Mapped[str] = mapped_column(String(200))


contact_present = Table(
    "contact_present",
    Base.metadata,
    Column("contact_id", ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True),
    Column("participant_id", ForeignKey("participant.id"), primary_key=True),
)


class Contact(Synced, Base):
    """A contemporaneous record of a contact: never edited once saved, only added to."""

    __tablename__ = "contact"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ContactKind] = enum_column(ContactKind)
    at: Mapped[datetime]
    location: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(200))

    case: Mapped[Case] = relationship(back_populates="contacts")
    present: Mapped[list[Participant]] = relationship(
        secondary=contact_present, order_by="Participant.position"
    )
    addenda: Mapped[list[ContactAddendum]] = relationship(
        back_populates="contact",
        order_by="ContactAddendum.written_at",
        cascade="all, delete-orphan",
    )


class ContactAddendum(Synced, Base):
    __tablename__ = "contact_addendum"

    contact_id: Mapped[str] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    written_at: Mapped[datetime] = mapped_column(default=utcnow)
    author: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)

    contact: Mapped[Contact] = relationship(back_populates="addenda")


class Agreement(Synced, Base):
    """One version of the outcome agreement. Once signed it is frozen; changes supersede it."""

    __tablename__ = "agreement"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(default=1)
    status: Mapped[AgreementStatus] = enum_column(AgreementStatus, default=AgreementStatus.DRAFT)
    agreed_on: Mapped[date | None]
    summary: Mapped[str] = mapped_column(Text, default="")
    review_on: Mapped[date | None]
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("agreement.id"))
    signed_at: Mapped[datetime | None]

    case: Mapped[Case] = relationship(back_populates="agreements")
    actions: Mapped[list[AgreementAction]] = relationship(
        back_populates="agreement",
        order_by="AgreementAction.position",
        cascade="all, delete-orphan",
    )
    signatures: Mapped[list[Signature]] = relationship(
        order_by="Signature.created_at", cascade="all, delete-orphan"
    )

    __table_args__ = (UniqueConstraint("case_id", "version"),)


class AgreementAction(Synced, Base):
    """Who does what by when. ``due_on`` empty means ongoing; follow-up updates the status."""

    __tablename__ = "agreement_action"

    agreement_id: Mapped[str] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("participant.id"))
    description: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None]
    status: Mapped[ActionStatus] = enum_column(ActionStatus, default=ActionStatus.PENDING)
    checked_on: Mapped[date | None]
    check_note: Mapped[str] = mapped_column(Text, default="")

    owner: Mapped[Participant | None] = relationship()
    agreement: Mapped[Agreement] = relationship(back_populates="actions")


class Signature(Synced, Base):
    """A signer of one agreement version; ``participant_id`` empty means the facilitator."""

    __tablename__ = "signature"

    agreement_id: Mapped[str] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[str | None] = mapped_column(ForeignKey("participant.id"))
    signer_name: Mapped[str] = mapped_column(String(200))
    capacity: Mapped[SignerCapacity] = enum_column(SignerCapacity)
    method: Mapped[SignatureMethod] = enum_column(SignatureMethod)
    signed_on: Mapped[date]
    image: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))

    participant: Mapped[Participant | None] = relationship()


class Document(Synced, Base):
    """A generated PDF or an attachment, stored inside the encrypted database with its hash."""

    __tablename__ = "document"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    agreement_id: Mapped[str | None] = mapped_column(ForeignKey("agreement.id"))
    kind: Mapped[DocumentKind] = enum_column(DocumentKind)
    title: Mapped[str] = mapped_column(String(200))
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    version: Mapped[int] = mapped_column(default=1)
    created_by: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))


class Draft(Base):
    """Text typed into a form but not yet saved, kept inside the encrypted vault while the app
    is locked (DESIGN §4: no plain file ever holds it). Local to this laptop; never synced."""

    __tablename__ = "draft"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    case_id: Mapped[str | None] = mapped_column(
        ForeignKey("case_file.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime]


class AuditEvent(Base):
    """Append-only, hash-chained record of who did what (DESIGN §4).

    ``hash`` is SHA-256 over the previous event's hash and this event's fields, so an edited or
    deleted row breaks the chain at a row ``verify`` can name. ``detail`` holds identifiers and
    field names, never case content.
    """

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(200))
    device_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[str] = mapped_column(String(36), default="")
    case_reference: Mapped[str] = mapped_column(String(32), default="")
    outcome: Mapped[str] = mapped_column(String(20), default="ok")
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The chain's latest event, updated with every append: deleting the newest rows shows."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_event_id: Mapped[int]
    last_hash: Mapped[str] = mapped_column(String(64))
