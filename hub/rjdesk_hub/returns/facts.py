"""What a return counts: one row per case, per participant and per contact, with no name, no
free text and nothing that identifies a person (docs/returns.md).

``rjdesk_hub.returns.extract`` makes them from a case's records at the hub and keeps them in the
transaction of every change (so each case counts once, however many laptops worked it); the
engine (``rjdesk_hub.returns.engine``) counts them; issue 17's tombstone keeps the same fields
for an erased case, so returns still count it in the periods it belongs to.

Field names are what return definitions name (``where``, ``by``, ``placed_by``, ``from``/``to``):
keep them stable, and add rather than rename.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class CaseFacts:
    """One case. Dates are London days; a date is None while it has not happened."""

    case_id: str
    case_type: str  # enums.CaseType
    source: str  # enums.ReferralSource
    channel: str  # enums.Channel
    origin: str  # enums.Origin ("facilitator" when the case has none)
    hate_crime: bool  # the case type or its flags
    received_on: date  # the referral's receipt: the Victims' Code clock starts here
    # The Victims' Code: information about RJ within 5 working days of receipt, for the first
    # harmed person (None: no harmed person in the case yet).
    victims_code_due_on: date | None
    victims_code_informed_on: date | None  # the earliest RJ information date of a harmed person
    first_contact_attempted_on: date | None  # as corrected on the laptop, else from the contacts
    first_contact_made_on: date | None
    assessed_on: date | None  # the first risk assessment
    intervention_on: date | None  # the first conference or shuttle contact
    intervention_type: str | None  # enums.InterventionType
    direct: bool | None  # a conference (None: no intervention type recorded)
    started_by: str | None  # enums.StartedBy
    justice_stage: str | None  # enums.JusticeStage
    stage: str  # enums.Stage, now
    stage_reached: str  # the furthest stage of the process the case reached (before closing)
    closed_on: date | None
    closure_reason: str | None  # enums.ClosureReason
    agreements_signed: int  # signed agreements (any version)
    actions_agreed: int  # actions of the agreement in force (the latest signed)
    actions_done: int
    actions_not_done: int
    partner_id: str | None  # the referring organisation (hub_partner), when it came by a link


@dataclass(frozen=True)
class PersonFacts:
    """One participant of a case (a person in two cases is two rows, as funders count them),
    with their equality monitoring and their feedback. Every answer None: not asked."""

    case_id: str
    participant_id: str
    role: str  # enums.Role
    age_band: str | None  # enums.AgeBand: given, or from the date of birth on the case's receipt
    sex: str | None
    gender_same_as_sex: str | None
    sexual_orientation: str | None
    ethnicity: str | None
    ethnic_group: str | None  # enums.ethnic_group of the ethnicity
    disability: str | None
    religion: str | None
    # Feedback at the end of the intervention and at follow-up (enums.Satisfaction, enums.Answer).
    end_given_on: date | None
    end_satisfaction: str | None
    end_coping: str | None
    end_feels_safer: str | None
    end_would_recommend: str | None
    follow_up_given_on: date | None
    follow_up_satisfaction: str | None
    follow_up_coping: str | None
    follow_up_feels_safer: str | None
    follow_up_would_recommend: str | None


@dataclass(frozen=True)
class ContactFacts:
    """One contact with the parties."""

    case_id: str
    contact_id: str
    kind: str  # enums.ContactKind
    on: date


@dataclass(frozen=True)
class Facts:
    """Everything a return may count (all cases; the engine places them in a period)."""

    cases: tuple[CaseFacts, ...]
    people: tuple[PersonFacts, ...]
    contacts: tuple[ContactFacts, ...]
