"""A referral that joins a case the hub holds brings its details to that case (issue 15).

The laptops' data model has one place for news about a case that nobody met: a contact note.
Joining adds one, made by the hub (``made.write``, the path of the hub's own cases): "Referral
R-XXXX-XXXX joined this case from the online form", what the referrer typed (who referred, the
people named and their roles, how and when to contact them safely, whether a message may be
left, the description), and who it names that the case does not hold yet. Nobody is added to the
case: the facilitator decides. The note reaches every laptop holding the case at its next sync.

A contact's kind is one of the laptops' (``ContactKind``); a new kind would need a new record
protocol, so a phone referral's note is a phone contact and a written one's (the online form, a
partner's link) an email contact, its location saying which way it came.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_hub.console.case_display import day, stamp, words
from rjdesk_hub.forms import fields as form_fields
from rjdesk_hub.ingest import utc_text
from rjdesk_hub.referrals import made
from rjdesk_hub.referrals import store as referrals
from rjdesk_hub.referrals.models import Partner, Referral
from rjdesk_hub.store import HubStore
from rjdesk_protocol.enums import ContactKind
from rjdesk_protocol.records import Record
from rjdesk_protocol.text import name_key

_CAME_BY = {
    referrals.PUBLIC: "the online form",
    referrals.PARTNER: "a partner's link",
    referrals.PHONE: "a phone call at the hub",
}
_LOCATION = {
    referrals.PUBLIC: "Online referral form",
    referrals.PARTNER: "Partner's referral link",
    referrals.PHONE: "Phone call at the hub",
}
# What the referrer typed, in the order the note lists it, with its label. The public and
# partner forms' fields (forms.fields) and a phone referral's (console.triage_form) together.
_LABELS = {
    "who": "Who is referring",
    "referrer_name": "The referrer's name",
    "referrer_role": "The referrer's job or role",
    "referrer_organisation": "The referrer's organisation",
    "referrer_phone": "The referrer's phone number",
    "referrer_email": "The referrer's email address",
    "source": "Who referred",
    "name": "The person to contact",
    "contact_how": "How to contact them",
    "contact_detail": "Their phone number or email address",
    "contact_when": "When it is safe to contact them",
    "message_ok": "May a message be left",
    "problem": "What the problem is about",
    "case_type": "The kind of case",
    "crime_reference": "The crime reference",
    "incident_date": "The incident date",
    "incident_place": "Where it happened",
    "location": "Where it happened",
    "flags": "Flags",
    "people": "The people involved and their roles",
    "risks": "Risks the referrer knows of",
    "description": "What the referrer wrote",
    "summary": "What happened",
    "consent": "They agreed to be contacted",
    "agreed": "The person agreed to be referred",
}
_CHOICES = {
    "who": form_fields.WHO,
    "contact_how": form_fields.CONTACT_HOW,
    "message_ok": form_fields.YES_NO,
    "consent": form_fields.YES_NO,
    "agreed": form_fields.YES_NO,
    "problem": form_fields.PROBLEMS,
}
_PERSON_DETAILS = (
    ("phone", "phone"),
    ("email", "email"),
    ("address", "address"),
    ("language", "language"),
)
NEXT_STEPS = (
    "Nobody named in the referral was added to the case: decide whether anyone it names "
    "should join it, and contact the person named at the safe time given."
)


def add_note(
    store: HubStore,
    referral: Referral,
    typed: Mapping[str, Any],
    *,
    case_id: str,
    author: str,
) -> str:
    """Write the note of ``referral`` (``typed``: what its referrer typed) on case ``case_id``
    as the hub's own contact record, in the caller's transaction; its id. ``made.CaseRefused``
    when it cannot be written (nothing is)."""
    session = store.session
    partner = session.get(Partner, referral.partner_id) if referral.partner_id else None
    organisation = partner.organisation if partner is not None else ""
    now = utc_text(store.tx.now)
    received = referral.received_at
    received = received if received.tzinfo else received.replace(tzinfo=UTC)
    missing = not_in_case(store, case_id, named(typed))
    fields = {
        "created_at": now,
        "updated_at": now,
        "case_id": case_id,
        "kind": (
            ContactKind.PHONE if referral.channel == referrals.PHONE else ContactKind.EMAIL
        ).value,
        "at": utc_text(received.astimezone(UTC)),
        "location": _LOCATION.get(referral.channel, "The hub")
        + (f" ({organisation})" if organisation else ""),
        "notes": note_text(
            referral.reference,
            referral.channel,
            typed,
            organisation=organisation,
            received=received,
            missing=missing,
        ),
        "next_steps": NEXT_STEPS,
        "author": (author.strip() or "The hub")[:200],
        "present": [],
    }
    contact_id = str(uuid.uuid4())
    made.write(store, case_id, [Record("contact", contact_id, "put", 0, case_id, fields)])
    return contact_id


def note_text(
    reference: str,
    channel: str,
    typed: Mapping[str, Any],
    *,
    organisation: str,
    received: datetime,
    missing: Iterable[str],
) -> str:
    """The note's text: where the referral came from, what its referrer typed, label by label,
    and the people it names that the case does not hold (nobody is added)."""
    came = _CAME_BY.get(channel, "the hub")
    if organisation:
        came += f" ({_clean(organisation)})"
    lines = [
        f"Referral {reference} joined this case from {came}, received {stamp(received)}.",
        "",
        "What the referrer told us:",
    ]
    shown = False
    for key, label in _LABELS.items():
        value = typed.get(key)
        if key == "people" and isinstance(value, list):
            people = [_person(p) for p in value if isinstance(p, dict)]
            if people:
                lines.append(f"{label}:")
                lines += [f"- {text}" for text in people]
                shown = True
            continue
        text = _shown(key, value)
        if text:
            lines.append(f"{label}: {text}")
            shown = True
    if not shown:
        lines.append("Nothing (the referral's details were deleted).")
    lines.append("")
    absent = [_clean(name) for name in missing]
    if absent:
        lines.append(f"Not in this case yet: {', '.join(absent)}.")
    lines.append("Nobody was added to the case: the facilitator decides who joins it.")
    return "\n".join(lines)


def named(typed: Mapping[str, Any]) -> list[str]:
    """The names the referral gives: the person to contact and each person listed (a
    partner's free-text list of the people involved names nobody the hub can tell apart)."""
    found = [typed["name"]] if isinstance(typed.get("name"), str) and typed["name"] else []
    people = typed.get("people")
    for person in people if isinstance(people, list) else []:
        if isinstance(person, dict) and isinstance(person.get("name"), str) and person["name"]:
            found.append(person["name"])
    return list(dict.fromkeys(" ".join(name.split()) for name in found))


def not_in_case(store: HubStore, case_id: str, names: list[str]) -> list[str]:
    """Those of ``names`` whom no person of the case is called (names folded as the laptop
    folds them: accents and case)."""
    if not names:
        return []
    people = [r for r in store.case_records([case_id]) if r.table_name == "person"]
    held = {store.fields_of(r).get("name_key") or "" for r in people}
    held |= {name_key(str(store.fields_of(r).get("name") or "")) for r in people}
    return [name for name in names if name_key(name) not in held]


def holders(session: Session, case_id: str) -> list[str]:
    """The names of the facilitators who hold the case (their laptops receive the note)."""
    query = (
        select(m.Facilitator.name)
        .join(m.Visibility, m.Visibility.facilitator_id == m.Facilitator.id)
        .where(m.Visibility.case_id == case_id)
        .order_by(m.Facilitator.name)
    )
    return [str(name) for name in session.scalars(query)]


def _shown(key: str, value: Any) -> str:
    if value is None or value in ("", []):
        return ""
    if key in _CHOICES and isinstance(value, str):
        return form_fields.label_of(_CHOICES[key], value) or words(value)
    if key in ("case_type", "source") and isinstance(value, str):
        return words(value)
    if key == "incident_date":
        return day(value) or _clean(str(value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(words(item) if isinstance(item, str) else str(item) for item in value)
    return _clean(str(value))


def _person(person: Mapping[str, Any]) -> str:
    name = _clean(str(person.get("name") or "")) or "No name given"
    role = words(person.get("role"))
    parts = [f"{name} ({role})" if role else name]
    born = day(person.get("date_of_birth"))
    if born:
        parts.append(f"born {born}")
    for key, label in _PERSON_DETAILS:
        value = person.get(key)
        if isinstance(value, str) and value.strip():
            parts.append(f"{label} {_clean(value)}")
    if person.get("interpreter"):
        parts.append("needs an interpreter")
    needs = person.get("access_needs")
    if isinstance(needs, str) and needs.strip():
        parts.append(f"access needs: {_clean(needs)}")
    return ", ".join(parts)


def _clean(text: str) -> str:
    """Text without control or format characters (bidirectional overrides), new lines kept."""
    return form_fields.clean(text)
