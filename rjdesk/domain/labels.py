"""How people read the vocabularies: "Neighbour dispute", not "neighbour_dispute".

Used by the window and by the documents rjdesk prints, so both say the same thing."""

from __future__ import annotations

from rjdesk_protocol.enums import (
    ActionStatus,
    CaseType,
    Channel,
    ClosureReason,
    ConsentScope,
    ContactKind,
    Flag,
    ReferralSource,
    RiskLevel,
    Role,
    SafeguardingKind,
    Stage,
)

CASE_TYPES = {
    CaseType.NEIGHBOUR_DISPUTE: "Neighbour dispute",
    CaseType.ANTI_SOCIAL_BEHAVIOUR: "Anti-social behaviour",
    CaseType.CRIME: "Crime",
    CaseType.HATE_CRIME: "Hate crime",
    CaseType.NOISE_NUISANCE: "Noise nuisance",
    CaseType.SCHOOL_INCIDENT: "School incident",
    CaseType.BULLYING: "Bullying",
    CaseType.OFFENDER_MANAGEMENT: "Offender management",
    CaseType.COMMUNITY_INITIATIVE: "Community initiative",
    CaseType.OTHER: "Other",
}
STAGES = {
    Stage.REFERRAL: "Referral",
    Stage.ASSESSMENT: "Assessment",
    Stage.PREPARATION: "Preparation",
    Stage.INTERVENTION: "Intervention",
    Stage.AGREEMENT: "Agreement",
    Stage.FOLLOW_UP: "Follow-up",
    Stage.CLOSED: "Closed",
}
FLAGS = {
    Flag.HATE_CRIME: "Hate crime",
    Flag.SAFEGUARDING_CHILD: "Safeguarding (child)",
    Flag.SAFEGUARDING_ADULT: "Safeguarding (adult)",
    Flag.DOMESTIC_ABUSE: "Domestic abuse",
    Flag.NOISE_NUISANCE: "Noise nuisance",
    Flag.REPEAT_REFERRAL: "Repeat referral",
}
ROLES = {
    Role.HARMED: "Harmed",
    Role.RESPONSIBLE: "Responsible",
    Role.BOTH: "Harmed and responsible",
    Role.SUPPORTER: "Supporter",
    Role.PROFESSIONAL: "Professional",
    Role.INTERPRETER: "Interpreter",
}
SOURCES = {
    ReferralSource.POLICE: "Police",
    ReferralSource.HOUSING_PROVIDER: "Housing provider",
    ReferralSource.SCHOOL: "School",
    ReferralSource.PROBATION: "Probation",
    ReferralSource.YOUTH_JUSTICE: "Youth justice",
    ReferralSource.VICTIM_SERVICES: "Victim services",
    ReferralSource.LOCAL_AUTHORITY: "Local authority",
    ReferralSource.SELF: "Self-referral",
    ReferralSource.OTHER: "Other",
}
CHANNELS = {
    Channel.PHONE: "Phone",
    Channel.ONLINE: "Online form",
    Channel.EMAIL: "Email",
    Channel.IN_PERSON: "In person",
    Channel.LETTER: "Letter",
}
CONTACT_KINDS = {
    ContactKind.PHONE: "Phone call",
    ContactKind.HOME_VISIT: "Home visit",
    ContactKind.LETTER: "Letter",
    ContactKind.EMAIL: "Email",
    ContactKind.PREPARATION_MEETING: "Preparation meeting",
    ContactKind.CONFERENCE: "Conference",
    ContactKind.SHUTTLE: "Shuttle (indirect)",
    ContactKind.FOLLOW_UP: "Follow-up",
}
CLOSURE_REASONS = {
    ClosureReason.COMPLETED: "Completed",
    ClosureReason.DECLINED: "Declined",
    ClosureReason.UNSUITABLE: "Unsuitable",
    ClosureReason.WITHDRAWN: "Withdrawn",
    ClosureReason.NO_CONTACT: "No contact",
}
CONSENT_SCOPES = {
    ConsentScope.TAKE_PART: "To take part",
    ConsentScope.SHARE_WITH_OTHER_PARTY: "To share with the other party",
    ConsentScope.FEEDBACK_CONTACT: "To be contacted for feedback",
}
ACTION_STATUSES = {
    ActionStatus.PENDING: "Pending",
    ActionStatus.DONE: "Done",
    ActionStatus.NOT_DONE: "Not done",
}
# Who does an agreed action that nobody in particular took on (no owner): everyone who agreed
# it, such as "Say hello when passing". It is not the facilitator's promise.
SHARED_ACTION = "Everyone (shared)"
RISK_LEVELS = {RiskLevel.LOW: "Low", RiskLevel.MEDIUM: "Medium", RiskLevel.HIGH: "High"}
SAFEGUARDING_KINDS = {
    SafeguardingKind.CHILD: "Child at risk",
    SafeguardingKind.ADULT: "Adult at risk",
    SafeguardingKind.DOMESTIC_ABUSE: "Domestic abuse disclosed",
}


def case_type_label(value: str) -> str:
    return CASE_TYPES.get(CaseType(value), value)


def stage_label(value: str) -> str:
    return STAGES.get(Stage(value), value)


def flag_label(value: str) -> str:
    try:
        return FLAGS[Flag(value)]
    except ValueError:
        return value


def role_label(value: str) -> str:
    return ROLES.get(Role(value), value)


# Languages facilitators meet most in England and Wales, in the order the window offers them
# (English first). Case files store language codes; a language typed as words is kept as typed.
LANGUAGE_NAMES = {
    "en": "English",
    "pl": "Polish",
    "ro": "Romanian",
    "ur": "Urdu",
    "pa": "Punjabi",
    "bn": "Bengali",
    "ar": "Arabic",
    "so": "Somali",
    "tr": "Turkish",
    "ku": "Kurdish",
    "fa": "Persian (Farsi)",
    "ps": "Pashto",
    "ti": "Tigrinya",
    "pt": "Portuguese",
    "lt": "Lithuanian",
    "yue": "Cantonese",
    "zh": "Chinese",
    "vi": "Vietnamese",
    "uk": "Ukrainian",
    "ru": "Russian",
    "cy": "Welsh",
    "gu": "Gujarati",
    "ta": "Tamil",
    "es": "Spanish",
    "fr": "French",
    "bg": "Bulgarian",
    "hu": "Hungarian",
    "sq": "Albanian",
    "bfi": "British Sign Language",
}


def language_label(code: str | None) -> str:
    """``pl`` → ``Polish``; a code not in the list, or a language typed as words, as it is."""
    if not code:
        return ""
    return LANGUAGE_NAMES.get(code.strip().lower(), code)
