"""A case as an ``rjdesk.case/1`` document: what ``case show --json`` prints.

The document is the import format, so it can be imported again, plus an ``rjdesk`` object
with what rjdesk works out (Victims' Code status, stage history, people seen before), which
an import ignores. Times are written with their UTC offset as shown in Europe/London.

Equality monitoring is special-category data: it is written only when asked for
(``include_equality``, the command line's ``--include-equality``).
"""

from __future__ import annotations

import base64
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from rjdesk.domain import rules
from rjdesk.domain.models import Agreement, Case, Consent, Participant
from rjdesk.domain.outcome_models import Equality, Feedback
from rjdesk.services.people import SeenBefore
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.enums import ConsentScope, FeedbackMoment

# The outcome facts of a case, as the file names them (the same as the vault's columns).
OUTCOME_FIELDS = (
    "intervention_type",
    "started_by",
    "justice_stage",
    "first_contact_attempted_on",
    "first_contact_made_on",
)
FEEDBACK_ANSWERS = ("satisfaction", "coping", "feels_safer", "would_recommend")
EQUALITY_ANSWERS = (
    "age_band",
    "sex",
    "gender_same_as_sex",
    "sexual_orientation",
    "ethnicity",
    "disability",
    "religion",
)


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _t(value: datetime) -> str:
    return value.astimezone(LONDON).isoformat(timespec="minutes")


def _clean(mapping: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty optional fields, as a person writing the file would."""
    return {k: v for k, v in mapping.items() if v not in (None, "", [], {})}


def case_to_dict(
    case: Case,
    *,
    today: date,
    seen_before: dict[str, list[SeenBefore]] | None = None,
    include_equality: bool = False,
) -> dict[str, Any]:
    """The case as a case file; its equality monitoring only with ``include_equality``."""
    key = {p.id: p.key for p in case.participants}
    document: dict[str, Any] = {
        "format": "rjdesk.case/1",
        "reference": case.reference,
        "case_type": str(case.case_type),
        "stage": str(case.stage),
        "referral": _clean(
            {
                "received_on": _d(case.received_on),
                "source": str(case.source),
                "channel": str(case.channel),
                "referrer": _clean(
                    {
                        "name": case.referrer_name,
                        "organisation": case.referrer_organisation,
                        "phone": case.referrer_phone,
                        "email": case.referrer_email,
                    }
                ),
                "crime_reference": case.crime_reference,
                "incident_date": _d(case.incident_date),
                "location": case.location,
                "summary": case.summary,
            }
        )
        | {"summary": case.summary},
        "flags": list(case.flags),
        "facilitators": list(case.facilitators),
        "participants": [_participant(p, key) for p in case.participants],
    }
    risk = [_risk(ra) for ra in case.risk_assessments]
    if len(risk) == 1:
        document["risk_assessment"] = risk[0]
    elif risk:
        document["risk_assessments"] = risk
    document["consents"] = _consents(case, key)
    document["safeguarding"] = [
        _clean(
            {
                "kind": str(s.kind),
                "raised_at": _t(s.raised_at),
                "participant": key.get(s.participant_id or ""),
                "concern": s.concern,
                "action_taken": s.action_taken,
                "passed_to": s.passed_to,
                "recorded_by": s.recorded_by,
            }
        )
        for s in case.safeguarding
    ]
    document["contacts"] = [
        _clean(
            {
                "kind": str(c.kind),
                "at": _t(c.at),
                "location": c.location,
                "present": [key[p.id] for p in c.present],
                "notes": c.notes,
                "next_steps": c.next_steps,
                "author": c.author,
                "addenda": [
                    {"written_at": _t(a.written_at), "author": a.author, "text": a.text}
                    for a in c.addenda
                ],
            }
        )
        for c in case.contacts
    ]
    agreements = [_agreement(a, key) for a in case.agreements]
    if len(agreements) == 1:
        document["agreement"] = agreements[0]
    elif agreements:
        document["agreements"] = agreements
    if case.closure_reason:
        document["closure"] = _clean(
            {"reason": str(case.closure_reason), "closed_on": _d(case.closed_on)}
        )
    document["outcomes"] = _clean({name: _value(getattr(case, name)) for name in OUTCOME_FIELDS})
    document["feedback"] = [
        _feedback(f, key)
        for p in case.participants
        for f in sorted(p.feedback, key=lambda f: list(FeedbackMoment).index(f.moment))
    ]
    if include_equality:
        document["equality"] = [
            _equality(p.equality, key) for p in case.participants if p.equality is not None
        ]
    document["rjdesk"] = _derived(case, key, today, seen_before or {})
    return _clean(document) | {"participants": document["participants"]}


def _participant(p: Participant, key: dict[str, str | None]) -> dict[str, Any]:
    person = p.person
    return _clean(
        {
            "key": p.key,
            "role": str(p.role),
            "person": _clean(
                {
                    "name": person.name,
                    "date_of_birth": _d(person.date_of_birth),
                    "phone": person.phone,
                    "email": person.email,
                    "address": person.address,
                    "language": person.language,
                    "interpreter": person.interpreter or None,
                    "access_needs": person.access_needs,
                }
            ),
            "rj_information_given_on": _d(p.rj_information_given_on),
            "supports": key.get(p.supports_id or ""),
            "relationship": p.relationship_to_supported,
            "organisation": p.organisation,
        }
    )


def _value(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _feedback(found: Feedback, key: dict[str, str | None]) -> dict[str, Any]:
    answers = {name: _value(getattr(found, name)) for name in FEEDBACK_ANSWERS}
    return {
        "participant": key[found.participant_id],
        "moment": str(found.moment),
        "given_on": _d(found.given_on),
    } | _clean(answers | {"comment": found.comment})


def _equality(found: Equality, key: dict[str, str | None]) -> dict[str, Any]:
    answers = {name: _value(getattr(found, name)) for name in EQUALITY_ANSWERS}
    return {"participant": key[found.participant_id]} | _clean(answers)


def _risk(ra: Any) -> dict[str, Any]:
    return _clean(
        {
            "assessed_on": _d(ra.assessed_on),
            "level": str(ra.level),
            "factors": list(ra.factors),
            "notes": ra.notes,
            "assessed_by": ra.assessed_by,
        }
    )


def _consents(case: Case, key: dict[str, str | None]) -> list[dict[str, Any]]:
    groups: dict[tuple[Any, ...], list[Consent]] = defaultdict(list)
    for p in case.participants:
        for c in p.consents:
            groups[(p.id, c.given_on, c.given_by_id, c.withdrawn_on, c.withdrawal_note)].append(c)
    out = []
    for (pid, given_on, given_by, withdrawn_on, note), rows in groups.items():
        out.append(
            _clean(
                {
                    "participant": key[pid],
                    "given_on": _d(given_on),
                    "scope": [str(s) for s in ConsentScope if s in {c.scope for c in rows}],
                    "given_by": key.get(given_by or ""),
                    "withdrawn_on": _d(withdrawn_on),
                    "withdrawal_note": note,
                }
            )
        )
    return out


def _agreement(a: Agreement, key: dict[str, str | None]) -> dict[str, Any]:
    actions = [
        # "due": null is meaningful (an ongoing action), so it is always written.
        _clean(
            {
                "by": key[x.owner_id] if x.owner_id else "facilitator",
                "action": x.description,
                "status": str(x.status),
                "checked_on": _d(x.checked_on),
                "check_note": x.check_note,
            }
        )
        | {"due": _d(x.due_on)}
        for x in a.actions
    ]
    signatures = [
        _clean(
            {
                "participant": key[s.participant_id] if s.participant_id else "facilitator",
                "signed_on": _d(s.signed_on),
                "method": str(s.method),
                "image": base64.b64encode(s.image).decode() if s.image else None,
            }
        )
        for s in a.signatures
    ]
    body = {
        "version": a.version,
        "status": str(a.status),
        "agreed_on": _d(a.agreed_on),
        "summary": a.summary,
        "review_on": _d(a.review_on),
        "signatures": signatures,
    }
    return _clean(body) | {"actions": actions}


def _derived(
    case: Case, key: dict[str, str | None], today: date, seen: dict[str, list[SeenBefore]]
) -> dict[str, Any]:
    return {
        "id": case.id,
        "risk_level": str(case.risk_level) if case.risk_level else None,
        "victims_code": [
            {
                "participant": key[p.id],
                "state": str(status.state),
                "deadline": status.deadline.isoformat(),
                "working_days": status.working_days,
                "breach": status.breach,
                "description": status.describe(),
            }
            for p, status in rules.victims_code(case, today)
        ],
        "victims_code_breach": rules.victims_code_breached(case, today),
        "stage_history": [
            {
                "from": str(s.from_stage) if s.from_stage else None,
                "to": str(s.to_stage),
                "at": _t(s.changed_at),
                "by": s.changed_by,
                "note": s.note,
            }
            for s in case.stage_changes
        ],
        "seen_before": {
            key[pid]: [
                {
                    "reference": m.case_reference,
                    "name": m.name,
                    "role": str(m.role),
                    "matched_on": m.matched_on,
                }
                for m in matches
            ]
            for pid, matches in seen.items()
        },
    }
