"""Risk and consent: risk and safety assessments, consent given and withdrawn, safeguarding.

Each function owns its unit of work and answers with frozen views of what it recorded; a
refusal is the typed error the services raise (``RuleViolation``, ``ValidationError``,
``NotFound``), whose sentence the window shows as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from rjdesk.app.view_builders import participant_views, risk_assessment_view, safeguarding_view
from rjdesk.app.views import ParticipantView, RiskAssessmentView, SafeguardingView
from rjdesk.services import assessment
from rjdesk.services.cases import load_case, participant_of
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import ConsentScope, RiskLevel, SafeguardingKind

__all__ = [
    "give_consent",
    "record_risk_assessment",
    "record_safeguarding_concern",
    "withdraw_consent",
]


def record_risk_assessment(
    vault: Vault,
    case_id: str,
    *,
    assessed_on: date,
    level: RiskLevel,
    factors: Sequence[str],
    notes: str = "",
    assessed_by: str | None = None,
) -> RiskAssessmentView:
    """Record a risk and safety assessment (by the facilitator unless ``assessed_by`` is
    named). One without factors is saved but does not count as completed."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        recorded = assessment.record_risk_assessment(
            uow,
            case,
            assessed_on=assessed_on,
            level=level,
            factors=factors,
            notes=notes,
            assessed_by=assessed_by,
        )
        uow.session.flush()
        return risk_assessment_view(recorded)


def give_consent(
    vault: Vault,
    case_id: str,
    participant_id: str,
    *,
    scopes: Sequence[ConsentScope],
    given_on: date,
    given_by_id: str | None = None,
) -> ParticipantView:
    """Record a participant's informed consent to each scope. ``given_by_id`` names the parent
    or carer consenting for someone under 18. Answers the participant with their consents."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        person = participant_of(case, participant_id)
        giver = participant_of(case, given_by_id) if given_by_id else None
        assessment.give_consent(uow, person, scopes=scopes, given_on=given_on, given_by=giver)
        uow.session.flush()
        return participant_views(case.participants)[person.id]


def withdraw_consent(
    vault: Vault,
    case_id: str,
    participant_id: str,
    *,
    withdrawn_on: date,
    scopes: Sequence[ConsentScope] | None = None,
    note: str = "",
    given_by_id: str | None = None,
) -> ParticipantView:
    """Withdraw consent in force (every scope unless named); ``given_by_id`` withdraws what
    that parent or carer gave rather than the person's own. Answers the participant."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        person = participant_of(case, participant_id)
        giver = participant_of(case, given_by_id) if given_by_id else None
        assessment.withdraw_consent(
            uow,
            person,
            withdrawn_on=withdrawn_on,
            scopes=list(scopes) if scopes is not None else None,
            note=note,
            given_by=giver,
        )
        uow.session.flush()
        return participant_views(case.participants)[person.id]


def record_safeguarding_concern(
    vault: Vault,
    case_id: str,
    *,
    kind: SafeguardingKind,
    concern: str,
    action_taken: str,
    passed_to: str = "",
    participant_id: str | None = None,
    raised_at: datetime | None = None,
) -> SafeguardingView:
    """Record a safeguarding concern with what was done about it; it flags the case, and may
    be recorded on a closed case too. ``participant_id`` names whom it is about, if anyone."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        about = participant_of(case, participant_id) if participant_id else None
        entry = assessment.record_safeguarding_concern(
            uow,
            case,
            kind=kind,
            concern=concern,
            action_taken=action_taken,
            passed_to=passed_to,
            participant=about,
            raised_at=raised_at,
        )
        uow.session.flush()
        return safeguarding_view(entry)
