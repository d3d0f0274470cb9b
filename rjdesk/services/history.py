"""A case's history as the audit log records it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from rjdesk.domain.models import AuditEvent

ACTION_LABELS = {
    "create_case": "Case opened",
    "update_case": "Referral details changed",
    "set_flags": "Flags changed",
    "change_stage": "Stage changed",
    "reopen_case": "Case reopened",
    "add_participant": "Person added",
    "update_person": "Person's details changed",
    "delete_participant": "Person removed",
    "record_rj_information": "RJ information recorded",
    "record_risk": "Risk assessment recorded",
    "give_consent": "Consent given",
    "withdraw_consent": "Consent withdrawn",
    "record_safeguarding": "Safeguarding concern recorded",
    "record_contact": "Contact recorded",
    "add_addendum": "Addendum added",
    "draft_agreement": "Agreement drafted",
    "update_agreement": "Draft agreement changed",
    "delete_agreement": "Draft agreement discarded",
    "sign_agreement": "Agreement signed by one",
    "agreement_signed": "Agreement signed by everyone",
    "withdraw_signature": "Signature withdrawn",
    "check_action": "Action followed up",
    "add_attachment": "Attachment added",
    "delete_attachment": "Attachment removed",
    "view_document": "Document viewed",
    "view_case": "Case viewed",
    "export_case": "Case exported",
    "import_case": "Case imported",
}


def case_history(session: Session, reference: str, limit: int = 1000) -> list[AuditEvent]:
    """The newest ``limit`` events about this case, newest first."""
    query = (
        select(AuditEvent)
        .where(AuditEvent.case_reference == reference)
        .order_by(AuditEvent.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))


def describe_action(action: str) -> str:
    return ACTION_LABELS.get(action, action.replace("_", " ").capitalize())
