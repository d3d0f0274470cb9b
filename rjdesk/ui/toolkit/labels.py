"""How the window names things: the vocabularies (shared with the printed documents) and the
fields a refusal may name."""

from __future__ import annotations

from rjdesk.domain.labels import (
    ACTION_STATUSES,
    CASE_TYPES,
    CHANNELS,
    CLOSURE_REASONS,
    CONSENT_SCOPES,
    CONTACT_KINDS,
    FLAGS,
    RISK_LEVELS,
    ROLES,
    SAFEGUARDING_KINDS,
    SHARED_ACTION,
    SOURCES,
    STAGES,
    case_type_label,
    flag_label,
    role_label,
    stage_label,
)

__all__ = [
    "ACTION_STATUSES",
    "CASE_TYPES",
    "CHANNELS",
    "CLOSURE_REASONS",
    "CONSENT_SCOPES",
    "CONTACT_KINDS",
    "FIELDS",
    "FLAGS",
    "RISK_LEVELS",
    "ROLES",
    "SAFEGUARDING_KINDS",
    "SHARED_ACTION",
    "SOURCES",
    "STAGES",
    "case_type_label",
    "field_label",
    "flag_label",
    "role_label",
    "stage_label",
]

# The fields the services name in a ValidationError, as a facilitator calls them.
FIELDS = {
    "received_on": "The date the referral was received",
    "incident_date": "The incident date",
    "date_of_birth": "The date of birth",
    "rj_information_given_on": "The date RJ information was given",
    "assessed_on": "The assessment date",
    "given_on": "The date consent was given",
    "withdrawn_on": "The date consent was withdrawn",
    "closed_on": "The closing date",
    "signed_on": "The signing date",
    "checked_on": "The date checked",
    "at": "The date and time of the contact",
    "name": "The name",
    "notes": "The notes",
    "text": "The addendum",
    "concern": "The concern",
    "action_taken": "What was done",
    "scope": "What is consented to",
    "image": "The signature",
    "file": "The file",
    "key": "The key",
    # The Outcomes tab's (issue 16), as its forms call them.
    "first_contact_attempted_on": "The date of the first contact attempted",
    "first_contact_made_on": "The date first contact was made",
    "coping": "Better able to cope and recover",
    "would_recommend": "Would recommend the service",
    "comment": "The comment",
    "gender_same_as_sex": "Gender same as sex at birth",
}


def field_label(field: str) -> str:
    if field in FIELDS:
        return FIELDS[field]
    if field.startswith("actions["):
        return f"Action {int(field[8 : field.index(']')]) + 1}"
    return field.replace("_", " ").capitalize()
