"""A referral half-typed into the wizard, as one draft text (JSON), so that a lock in the
middle of a phone call loses nothing: the main window keeps it encrypted in the vault and the
wizard reopens with it after the unlock."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Any

from rjdesk.services.people import PersonDetails
from rjdesk.ui.case.people.participant_dialog import ParticipantEntry
from rjdesk.ui.toolkit.dates import from_qdate, to_qdate
from rjdesk_protocol.enums import Role

if TYPE_CHECKING:
    from rjdesk.ui.referral.wizard import ReferralWizard

_TEXT_FIELDS = ("referrerName", "referrerOrganisation", "referrerPhone", "referrerEmail",
                "crimeReference", "location")  # fmt: skip
_COMBOS = ("caseType", "source", "channel")


def wizard_draft(wizard: ReferralWizard) -> str | None:
    """Everything typed so far, or None when nothing has been typed."""
    ui = wizard.ui
    texts = {name: getattr(ui, name).text() for name in _TEXT_FIELDS}
    summary = ui.summary.toPlainText()
    people = [_person(p.key, p.entry) for p in wizard.people.people]
    if not (any(t.strip() for t in texts.values()) or summary.strip() or people):
        return None
    return json.dumps(
        {
            "texts": texts,
            "summary": summary,
            "combos": {name: getattr(ui, name).currentData() for name in _COMBOS},
            "received_on": from_qdate(ui.receivedOn.date()).isoformat(),
            "incident_date": from_qdate(ui.incidentDate.date()).isoformat()
            if ui.incidentKnown.isChecked() else None,
            "flags": [flag.value for flag, box in wizard.flag_boxes.items() if box.isChecked()],
            "people": people,
            "page": wizard.currentId(),
        }
    )  # fmt: skip


def _person(key: str, entry: ParticipantEntry) -> dict[str, Any]:
    details = asdict(entry.details)
    if entry.details.date_of_birth is not None:
        details["date_of_birth"] = entry.details.date_of_birth.isoformat()
    return {"key": key, "details": details, "role": entry.role.value, "supports": entry.supports,
            "relationship": entry.relationship, "organisation": entry.organisation}  # fmt: skip


def restore_wizard(wizard: ReferralWizard, text: str) -> None:
    """Fill the wizard from a draft made by ``wizard_draft`` (a damaged one is ignored)."""
    try:
        data = json.loads(text)
    except ValueError:
        return
    ui = wizard.ui
    for name, value in data.get("texts", {}).items():
        if name in _TEXT_FIELDS:
            getattr(ui, name).setText(value)
    ui.summary.setPlainText(data.get("summary", ""))
    for name, value in data.get("combos", {}).items():
        if name in _COMBOS and value is not None:
            combo = getattr(ui, name)
            combo.setCurrentIndex(combo.findData(value))
    if data.get("received_on"):
        ui.receivedOn.setDate(to_qdate(date.fromisoformat(data["received_on"])))
    if data.get("incident_date"):
        ui.incidentKnown.setChecked(True)
        ui.incidentDate.setDate(to_qdate(date.fromisoformat(data["incident_date"])))
    for flag, box in wizard.flag_boxes.items():
        box.setChecked(flag.value in data.get("flags", []))
    for person in data.get("people", []):
        details = dict(person["details"])
        if details.get("date_of_birth"):
            details["date_of_birth"] = date.fromisoformat(details["date_of_birth"])
        entry = ParticipantEntry(PersonDetails(**details), Role(person["role"]),
                                 person.get("supports"), person.get("relationship"),
                                 person.get("organisation"))  # fmt: skip
        wizard.people.add(entry)
    for _ in range(int(data.get("page", 0))):
        wizard.next()


def wipe_wizard(wizard: ReferralWizard) -> None:
    """Blank every field before the wizard goes (its deletion waits for the event loop)."""
    ui = wizard.ui
    for name in _TEXT_FIELDS:
        getattr(ui, name).clear()
    ui.summary.clear()
    ui.checkSummary.clear()
    while wizard.people.people:
        wizard.people.remove(0)
