"""What a case's page shows, made from the hub's stored records (decrypted: case data, never to
be logged). Plain functions over plain values, apart from the routes and the database
(``console.cases`` reads the rows; ``cases_web`` renders), so the bench can time them alone.

``build(rows, ...)`` takes a case's live rows as ``(table, row id, fields)`` and answers a
``CaseView`` of display-ready text: dates as "1 Oct 2026", times in Europe/London, enum values
as words. Rows the hub set aside (``rjdesk-hub check``) are not opened here: the page lists them
by table and reason only (docs/hub.md, "Checking stored records"); deleted rows are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from rjdesk_hub.console.case_display import (
    as_date,
    as_int,
    as_lines,
    as_text,
    day,
    media_type,
    moment,
    size,
    words,
)
from rjdesk_hub.console.case_parts import (
    Addendum,
    AgreedAction,
    Agreement,
    CaseView,
    Concern,
    Consent,
    Contact,
    Document,
    Item,
    Person,
    Risk,
    Signature,
    StageChange,
    VictimsCode,
)
from rjdesk_protocol.enums import Role
from rjdesk_protocol.victims_code import format_day, victims_code_status

# A case's row as the page reads it: (table, row id, current fields).
Row = tuple[str, str, dict[str, Any]]


# -- building it --------------------------------------------------------------------------------


def _by_table(rows: Iterable[Row]) -> dict[str, dict[str, dict[str, Any]]]:
    found: dict[str, dict[str, dict[str, Any]]] = {}
    for table, row_id, fields in rows:
        found.setdefault(table, {})[row_id] = fields
    return found


def _ordered(rows: dict[str, dict[str, Any]], *keys: str) -> list[tuple[str, dict[str, Any]]]:
    """Rows by the first of ``keys`` that they hold (text order: ISO dates and times sort)."""

    def key(item: tuple[str, dict[str, Any]]) -> tuple[str, ...]:
        return (*(str(item[1].get(k) or "") for k in keys), item[0])

    return sorted(rows.items(), key=key)


def build(case_id: str, rows: Sequence[Row], *, today: date, blobs: frozenset[str]) -> CaseView:
    """The case's page from its live rows (its people's included). ``today`` (London) is what
    the Victims' Code state is measured against; ``blobs`` the attachments the hub holds."""
    tables = _by_table(rows)
    case = tables.get("case_file", {}).get(case_id, {})
    people = tables.get("person", {})
    participants = dict(
        sorted(
            tables.get("participant", {}).items(),
            key=lambda i: (as_int(i[1].get("position")), i[0]),
        )
    )
    names = {
        pid: as_text(people.get(as_text(p.get("person_id")), {}).get("name")) or "Someone unnamed"
        for pid, p in participants.items()
    }
    agreements = tables.get("agreement", {})
    stage = as_text(case.get("stage"))
    return CaseView(
        case_id=case_id,
        reference=as_text(case.get("reference")),
        case_type=words(case.get("case_type")),
        stage=words(stage),
        stage_value=stage,
        summary=_summary(case),
        victims_code=_victims_code(case, participants, names, today),
        people=tuple(_people(participants, people, names)),
        risks=tuple(
            Risk(
                assessed_on=day(r.get("assessed_on")),
                assessed_by=as_text(r.get("assessed_by")),
                level=words(r.get("level")),
                factors=as_lines(r.get("factors")),
                notes=as_text(r.get("notes")),
            )
            for _, r in _ordered(tables.get("risk_assessment", {}), "assessed_on", "created_at")
        ),
        concerns=tuple(
            Concern(
                raised_at=moment(c.get("raised_at")),
                kind=words(c.get("kind")),
                about=names.get(as_text(c.get("participant_id")), ""),
                concern=as_text(c.get("concern")),
                action_taken=as_text(c.get("action_taken")),
                passed_to=as_text(c.get("passed_to")),
                recorded_by=as_text(c.get("recorded_by")),
            )
            for _, c in _ordered(tables.get("safeguarding_concern", {}), "raised_at")
        ),
        consents=tuple(
            Consent(
                who=names.get(as_text(c.get("participant_id")), ""),
                scope=words(c.get("scope")),
                given_on=day(c.get("given_on")),
                given_by=names.get(as_text(c.get("given_by_id")), ""),
                withdrawn_on=day(c.get("withdrawn_on")),
                withdrawal_note=as_text(c.get("withdrawal_note")),
            )
            for _, c in _ordered(tables.get("consent", {}), "given_on", "created_at")
        ),
        contacts=tuple(_contacts(tables, names)),
        agreements=tuple(_agreements(tables, agreements, names)),
        stages=tuple(
            StageChange(
                changed_at=moment(s.get("changed_at")),
                from_stage=words(s.get("from_stage")),
                to_stage=words(s.get("to_stage")),
                changed_by=as_text(s.get("changed_by")),
                note=as_text(s.get("note")),
            )
            for _, s in _ordered(tables.get("stage_change", {}), "changed_at")
        ),
        documents=tuple(_documents(tables, blobs)),
    )


def _summary(case: dict[str, Any]) -> tuple[Item, ...]:
    closed = words(case.get("closure_reason"))
    if closed and case.get("closed_on"):
        closed = f"{closed}, on {day(case.get('closed_on'))}"
    referrer = ", ".join(
        part
        for part in (
            as_text(case.get("referrer_name")),
            as_text(case.get("referrer_organisation")),
            as_text(case.get("referrer_phone")),
            as_text(case.get("referrer_email")),
        )
        if part
    )
    items = [
        Item("Reference", as_text(case.get("reference"))),
        Item("Type", words(case.get("case_type"))),
        Item("Stage", words(case.get("stage"))),
        Item("Closed", closed),
        Item("Received", day(case.get("received_on"))),
        Item("Source", words(case.get("source"))),
        Item("How it came", words(case.get("channel"))),
        Item("Referrer", referrer),
        Item("Crime reference", as_text(case.get("crime_reference"))),
        Item("Incident date", day(case.get("incident_date"))),
        Item("Location", as_text(case.get("location"))),
        Item("Risk level", words(case.get("risk_level"))),
        Item("Flags", ", ".join(words(f) for f in as_lines(case.get("flags")))),
        Item(
            "Facilitators (as the laptop names them)", ", ".join(as_lines(case.get("facilitators")))
        ),
        Item("Summary", as_text(case.get("summary")), multiline=True),
    ]
    return tuple(item for item in items if item.value)


def _victims_code(
    case: dict[str, Any],
    participants: dict[str, dict[str, Any]],
    names: dict[str, str],
    today: date,
) -> tuple[VictimsCode, ...]:
    received = as_date(case.get("received_on"))
    if received is None:
        return ()
    found = []
    for pid, participant in participants.items():
        try:
            harmed = Role(as_text(participant.get("role"))).is_harmed
        except ValueError:
            continue
        if not harmed:
            continue
        given = as_date(participant.get("rj_information_given_on"))
        try:
            status = victims_code_status(received, given, today)
        except ValueError:  # a year the bank-holiday calendar does not know
            continue
        found.append(
            VictimsCode(
                name=names[pid],
                deadline=format_day(status.deadline),
                given_on=format_day(given) if given else "",
                state=status.describe(),
                breach=status.breach,
            )
        )
    return tuple(found)


def _people(
    participants: dict[str, dict[str, Any]],
    people: dict[str, dict[str, Any]],
    names: dict[str, str],
) -> Iterable[Person]:
    for pid, participant in participants.items():
        person = people.get(as_text(participant.get("person_id")), {})
        supports = names.get(as_text(participant.get("supports_id")), "")
        relationship = as_text(participant.get("relationship_to_supported"))
        if supports and relationship:
            supports = f"{supports} ({relationship})"
        interpreter = person.get("interpreter")
        details = [
            Item("Role", words(participant.get("role"))),
            Item("Supports", supports),
            Item("Organisation", as_text(participant.get("organisation"))),
            Item("Date of birth", day(person.get("date_of_birth"))),
            Item("Phone", as_text(person.get("phone"))),
            Item("Email", as_text(person.get("email"))),
            Item("Address", as_text(person.get("address")), multiline=True),
            Item("Language", as_text(person.get("language"))),
            Item("Interpreter needed", "Yes" if interpreter is True else ""),
            Item("Access needs", as_text(person.get("access_needs")), multiline=True),
            Item("RJ information given", day(participant.get("rj_information_given_on"))),
        ]
        yield Person(
            participant_id=pid,
            name=names[pid],
            role=words(participant.get("role")),
            details=tuple(item for item in details if item.value),
        )


def _contacts(
    tables: dict[str, dict[str, dict[str, Any]]], names: dict[str, str]
) -> Iterable[Contact]:
    addenda: dict[str, list[dict[str, Any]]] = {}
    for _, addendum in _ordered(tables.get("contact_addendum", {}), "written_at"):
        addenda.setdefault(as_text(addendum.get("contact_id")), []).append(addendum)
    for contact_id, contact in _ordered(tables.get("contact", {}), "at"):
        present = contact.get("present")
        yield Contact(
            contact_id=contact_id,
            at=moment(contact.get("at")),
            kind=words(contact.get("kind")),
            location=as_text(contact.get("location")),
            present=tuple(names.get(p, "") for p in as_lines(present) if names.get(p)),
            author=as_text(contact.get("author")),
            notes=as_text(contact.get("notes")),
            next_steps=as_text(contact.get("next_steps")),
            addenda=tuple(
                Addendum(
                    moment(a.get("written_at")), as_text(a.get("author")), as_text(a.get("text"))
                )
                for a in addenda.get(contact_id, [])
            ),
        )


def _agreements(
    tables: dict[str, dict[str, dict[str, Any]]],
    agreements: dict[str, dict[str, Any]],
    names: dict[str, str],
) -> Iterable[Agreement]:
    actions: dict[str, list[dict[str, Any]]] = {}
    for _, action in sorted(
        tables.get("agreement_action", {}).items(),
        key=lambda i: (as_int(i[1].get("position")), i[0]),
    ):
        actions.setdefault(as_text(action.get("agreement_id")), []).append(action)
    signatures: dict[str, list[dict[str, Any]]] = {}
    for _, signature in _ordered(tables.get("signature", {}), "signed_on", "created_at"):
        signatures.setdefault(as_text(signature.get("agreement_id")), []).append(signature)
    ordered = sorted(agreements.items(), key=lambda i: (-as_int(i[1].get("version")), i[0]))
    for agreement_id, agreement in ordered:
        earlier = agreements.get(as_text(agreement.get("supersedes_id")))
        yield Agreement(
            agreement_id=agreement_id,
            version=as_int(agreement.get("version")),
            status=words(agreement.get("status")),
            agreed_on=day(agreement.get("agreed_on")),
            review_on=day(agreement.get("review_on")),
            signed_at=moment(agreement.get("signed_at")),
            summary=as_text(agreement.get("summary")),
            supersedes=f"version {as_int(earlier.get('version'))}" if earlier else "",
            actions=tuple(
                AgreedAction(
                    description=as_text(a.get("description")),
                    owner=names.get(as_text(a.get("owner_id")), ""),
                    due_on=day(a.get("due_on")) or "Ongoing",
                    status=words(a.get("status")),
                    checked_on=day(a.get("checked_on")),
                    check_note=as_text(a.get("check_note")),
                )
                for a in actions.get(agreement_id, [])
            ),
            signatures=tuple(
                Signature(
                    signer_name=as_text(s.get("signer_name")),
                    capacity=words(s.get("capacity")),
                    method="Captured on the laptop"
                    if s.get("method") == "captured"
                    else "Signed on paper",
                    signed_on=day(s.get("signed_on")),
                )
                for s in signatures.get(agreement_id, [])
            ),
        )


def blob_of(fields: dict[str, Any]) -> str:
    """The SHA-256 of a document's content as its record names it ("" if none)."""
    content = fields.get("content")
    digest = content.get("$blob") if isinstance(content, dict) else None
    return digest if isinstance(digest, str) else ""


def _documents(
    tables: dict[str, dict[str, dict[str, Any]]], blobs: frozenset[str]
) -> Iterable[Document]:
    for document_id, document in _ordered(tables.get("document", {}), "created_at"):
        yield Document(
            document_id=document_id,
            title=as_text(document.get("title")) or as_text(document.get("filename")) or "Untitled",
            kind=words(document.get("kind")),
            filename=as_text(document.get("filename")),
            media_type=media_type(document.get("media_type")),
            size=size(document.get("size")),
            version=as_int(document.get("version")),
            created_by=as_text(document.get("created_by")),
            created_at=moment(document.get("created_at")),
            stored=blob_of(document) in blobs,
        )
