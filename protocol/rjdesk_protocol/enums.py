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


# -- outcomes and equality monitoring (protocol 4, issue 16; DESIGN §11) ----------------------


class InterventionType(StrEnum):
    """How the parties met: a conference is direct; the others are indirect."""

    CONFERENCE = "conference"
    SHUTTLE = "shuttle"
    LETTER = "letter"
    RECORDED_AUDIO = "recorded_audio"
    RECORDED_VIDEO = "recorded_video"


DIRECT_INTERVENTIONS = frozenset({InterventionType.CONFERENCE})


class StartedBy(StrEnum):
    """Which party asked for restorative justice first."""

    HARMED = "harmed"
    RESPONSIBLE = "responsible"


class JusticeStage(StrEnum):
    """Where the case stood in the criminal justice system when RJ took place."""

    OUT_OF_COURT = "out_of_court"
    PRE_SENTENCE = "pre_sentence"
    POST_SENTENCE = "post_sentence"
    CUSTODY = "custody"
    NOT_A_CRIME = "not_a_crime"


class FeedbackMoment(StrEnum):
    END = "end"  # at the end of the intervention
    FOLLOW_UP = "follow_up"


class Satisfaction(StrEnum):
    """1 (very dissatisfied) to 5 (very satisfied), or declined to answer."""

    ONE = "1"
    TWO = "2"
    THREE = "3"
    FOUR = "4"
    FIVE = "5"
    DECLINED = "declined"


class Answer(StrEnum):
    """A yes/no question's answer; "declined to answer" is an answer."""

    YES = "yes"
    NO = "no"
    DECLINED = "declined"


# Every equality question is optional (null: not asked) and has "prefer not to say".
PREFER_NOT_TO_SAY = "prefer_not_to_say"


class AgeBand(StrEnum):
    UNDER_18 = "under_18"
    FROM_18_TO_24 = "18_24"
    FROM_25_TO_34 = "25_34"
    FROM_35_TO_44 = "35_44"
    FROM_45_TO_54 = "45_54"
    FROM_55_TO_64 = "55_64"
    FROM_65 = "65_plus"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class GenderSameAsSex(StrEnum):
    """ONS 2021: is the gender you identify with the same as your sex registered at birth?"""

    YES = "yes"
    NO = "no"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class SexualOrientation(StrEnum):
    STRAIGHT = "straight"
    GAY_OR_LESBIAN = "gay_or_lesbian"
    BISEXUAL = "bisexual"
    OTHER = "other"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class Ethnicity(StrEnum):
    """The ONS 2021 census categories for England and Wales (19, in five groups)."""

    ASIAN_BANGLADESHI = "asian_bangladeshi"
    ASIAN_CHINESE = "asian_chinese"
    ASIAN_INDIAN = "asian_indian"
    ASIAN_PAKISTANI = "asian_pakistani"
    ASIAN_OTHER = "asian_other"
    BLACK_AFRICAN = "black_african"
    BLACK_CARIBBEAN = "black_caribbean"
    BLACK_OTHER = "black_other"
    MIXED_WHITE_ASIAN = "mixed_white_asian"
    MIXED_WHITE_BLACK_AFRICAN = "mixed_white_black_african"
    MIXED_WHITE_BLACK_CARIBBEAN = "mixed_white_black_caribbean"
    MIXED_OTHER = "mixed_other"
    WHITE_BRITISH = "white_british"  # English, Welsh, Scottish, Northern Irish or British
    WHITE_IRISH = "white_irish"
    WHITE_GYPSY_OR_IRISH_TRAVELLER = "white_gypsy_or_irish_traveller"
    WHITE_ROMA = "white_roma"
    WHITE_OTHER = "white_other"
    OTHER_ARAB = "other_arab"
    OTHER_ANY = "other_any"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


ETHNIC_GROUPS: dict[str, str] = {
    "asian": "Asian, Asian British or Asian Welsh",
    "black": "Black, Black British, Black Welsh, Caribbean or African",
    "mixed": "Mixed or Multiple ethnic groups",
    "white": "White",
    "other": "Other ethnic group",
}


def ethnic_group(ethnicity: Ethnicity) -> str | None:
    """The ONS high-level group of an ethnicity ("asian", "black", …); None if not said."""
    if ethnicity is Ethnicity.PREFER_NOT_TO_SAY:
        return None
    return ethnicity.value.split("_", 1)[0]


class Disability(StrEnum):
    """ONS 2021: day-to-day activities limited by a long-term condition or illness."""

    YES_A_LOT = "yes_a_lot"
    YES_A_LITTLE = "yes_a_little"
    NO = "no"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class Religion(StrEnum):
    NO_RELIGION = "no_religion"
    CHRISTIAN = "christian"
    BUDDHIST = "buddhist"
    HINDU = "hindu"
    JEWISH = "jewish"
    MUSLIM = "muslim"
    SIKH = "sikh"
    OTHER = "other"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY
