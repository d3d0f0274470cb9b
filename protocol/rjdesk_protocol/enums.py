"""Closed vocabularies of the case file (DESIGN §5). Values are what is stored and exchanged."""

from __future__ import annotations

from enum import StrEnum


class CaseType(StrEnum):
    NEIGHBOUR_DISPUTE = "neighbour_dispute"
    ANTI_SOCIAL_BEHAVIOUR = "anti_social_behaviour"
    CRIME = "crime"
    HATE_CRIME = "hate_crime"
    NOISE_NUISANCE = "noise_nuisance"
    SCHOOL_INCIDENT = "school_incident"
    BULLYING = "bullying"
    OFFENDER_MANAGEMENT = "offender_management"
    COMMUNITY_INITIATIVE = "community_initiative"
    OTHER = "other"


class Stage(StrEnum):
    """The RJ Council practitioner stages, in order."""

    REFERRAL = "referral"
    ASSESSMENT = "assessment"
    PREPARATION = "preparation"
    INTERVENTION = "intervention"
    AGREEMENT = "agreement"
    FOLLOW_UP = "follow_up"
    CLOSED = "closed"

    @property
    def order(self) -> int:
        return list(Stage).index(self)


class ClosureReason(StrEnum):
    COMPLETED = "completed"
    DECLINED = "declined"
    UNSUITABLE = "unsuitable"
    WITHDRAWN = "withdrawn"
    NO_CONTACT = "no_contact"


class Flag(StrEnum):
    HATE_CRIME = "hate_crime"
    SAFEGUARDING_CHILD = "safeguarding_child"
    SAFEGUARDING_ADULT = "safeguarding_adult"
    DOMESTIC_ABUSE = "domestic_abuse"
    NOISE_NUISANCE = "noise_nuisance"
    REPEAT_REFERRAL = "repeat_referral"


class ReferralSource(StrEnum):
    POLICE = "police"
    HOUSING_PROVIDER = "housing_provider"
    SCHOOL = "school"
    PROBATION = "probation"
    YOUTH_JUSTICE = "youth_justice"
    VICTIM_SERVICES = "victim_services"
    LOCAL_AUTHORITY = "local_authority"
    SELF = "self"
    OTHER = "other"


class Channel(StrEnum):
    PHONE = "phone"
    ONLINE = "online"
    EMAIL = "email"
    IN_PERSON = "in_person"
    LETTER = "letter"


class Origin(StrEnum):
    """Where a case came from (issue 15): the facilitator's own referral on their laptop, or a
    case the hub made from the online form, a partner's link or a phone call taken at the hub.
    A case without one (made before there was an origin) is the facilitator's own."""

    FACILITATOR = "facilitator"
    PUBLIC_FORM = "public_form"
    PARTNER_LINK = "partner_link"
    HUB_PHONE = "hub_phone"


class Role(StrEnum):
    HARMED = "harmed"
    RESPONSIBLE = "responsible"
    BOTH = "both"
    SUPPORTER = "supporter"
    PROFESSIONAL = "professional"
    INTERPRETER = "interpreter"

    @property
    def is_party(self) -> bool:
        """Harmed, responsible or both: the people the case is about."""
        return self in (Role.HARMED, Role.RESPONSIBLE, Role.BOTH)

    @property
    def is_harmed(self) -> bool:
        return self in (Role.HARMED, Role.BOTH)

    @property
    def is_responsible(self) -> bool:
        return self in (Role.RESPONSIBLE, Role.BOTH)

    @property
    def consents(self) -> bool:
        """Whether this role gives informed consent to take part (professionals do not)."""
        return self not in (Role.PROFESSIONAL, Role.INTERPRETER)


# A supporter whose relationship is one of these can consent for a participant under 18.
PARENT_OR_CARER = frozenset(
    {"parent", "mother", "father", "carer", "guardian", "foster carer", "step-parent"}
)


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class ConsentScope(StrEnum):
    TAKE_PART = "take_part"
    SHARE_WITH_OTHER_PARTY = "share_with_other_party"
    FEEDBACK_CONTACT = "feedback_contact"


class ContactKind(StrEnum):
    PHONE = "phone"
    HOME_VISIT = "home_visit"
    LETTER = "letter"
    EMAIL = "email"
    PREPARATION_MEETING = "preparation_meeting"
    CONFERENCE = "conference"
    SHUTTLE = "shuttle"
    FOLLOW_UP = "follow_up"

    @property
    def is_intervention(self) -> bool:
        """A conference or indirect (shuttle) work between the parties."""
        return self in (ContactKind.CONFERENCE, ContactKind.SHUTTLE)


class SafeguardingKind(StrEnum):
    CHILD = "child"
    ADULT = "adult"
    DOMESTIC_ABUSE = "domestic_abuse"

    @property
    def flag(self) -> Flag:
        return {
            SafeguardingKind.CHILD: Flag.SAFEGUARDING_CHILD,
            SafeguardingKind.ADULT: Flag.SAFEGUARDING_ADULT,
            SafeguardingKind.DOMESTIC_ABUSE: Flag.DOMESTIC_ABUSE,
        }[self]


class AgreementStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"
    SUPERSEDED = "superseded"


class ActionStatus(StrEnum):
    PENDING = "pending"
    DONE = "done"
    NOT_DONE = "not_done"


class SignatureMethod(StrEnum):
    PAPER = "paper"
    CAPTURED = "captured"


class SignerCapacity(StrEnum):
    PARTY = "party"
    WITNESS = "witness"
    FACILITATOR = "facilitator"


class DocumentKind(StrEnum):
    AGREEMENT_PDF = "agreement_pdf"
    CASE_SUMMARY_PDF = "case_summary_pdf"
    ATTACHMENT = "attachment"
