"""Import a case file in the ``rjdesk.case/1`` format (docs/case-format.md).

The file is checked against its JSON Schema, then built through the same services the GUI
uses, in one transaction: every rule of DESIGN §2 applies, judged at the dates the file gives.
Anything wrong refuses the whole file with one line naming the field (``contacts[4].present``)
and the reason; nothing is imported.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import cache
from typing import Any, TypeVar

import jsonschema
from jsonschema.exceptions import ValidationError as SchemaError
from jsonschema.exceptions import best_match
from sqlalchemy import select

from rjdesk.domain import rules
from rjdesk.domain.models import Agreement, Case, Participant
from rjdesk.resources import resource_path
from rjdesk.services import (
    agreements,
    assessment,
    case_text,
    cases,
    contacts,
    import_history,
    import_outcomes,
    people,
)
from rjdesk.store.unit import UnitOfWork
from rjdesk_protocol.calendar import LONDON
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
    SignatureMethod,
    Stage,
)
from rjdesk_protocol.errors import CaseImportError, RjdeskError, RuleViolation, ValidationError

FORMAT = "rjdesk.case/1"
FACILITATOR_KEY = "facilitator"
T = TypeVar("T")


@cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resource_path("schema", "rjdesk.case-1.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


_path = case_text.json_path


def _schema_message(error: SchemaError) -> tuple[str, str]:
    path = _path(error.absolute_path)
    validator = str(error.validator)
    value: Any = error.validator_value
    instance: Any = error.instance
    schema: Any = error.schema
    if validator == "required":
        missing = next((name for name in value if name not in instance), value[0])
        return _path([*error.absolute_path, missing]), "is missing"
    if validator == "additionalProperties":
        extra = sorted(set(instance) - set(schema.get("properties", {})))
        return _path([*error.absolute_path, extra[0]]), "is not a field of this format"
    if validator == "enum":
        return path, "must be one of: " + ", ".join(str(v) for v in value)
    if validator == "const":
        return path, f"must be {value!r}"
    if validator == "type":
        kinds = value if isinstance(value, list) else [value]
        return path, "must be " + " or ".join(_TYPE_WORDS.get(str(k), str(k)) for k in kinds)
    if validator == "pattern":
        return path, _PATTERN_WORDS.get(value, "is not in the expected form")
    if validator in ("minLength", "minItems"):
        return path, "must not be empty"
    if validator == "uniqueItems":
        return path, "lists the same item twice"
    if validator == "not":
        return path, "give either the single or the list form (risk_assessment(s), agreement(s))"
    if validator == "oneOf":
        return path, "must be a date (YYYY-MM-DD) or null"
    return path, "is not valid here"


_TYPE_WORDS = {
    "string": "text",
    "object": "an object",
    "array": "a list",
    "boolean": "true or false",
    "null": "null",
    "integer": "a whole number",
}
_PATTERN_WORDS = {
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "must be a date (YYYY-MM-DD)",
    "^[A-Za-z0-9_-]{1,40}$": "must be a key of letters, digits, - or _ (at most 40)",
}


def parse_case_file(raw: bytes | str) -> dict[str, Any]:
    """Parse and check a case file's structure; raises ``CaseImportError`` naming the field."""
    document = case_text.load(raw)
    if not isinstance(document, dict):
        raise CaseImportError("", "a case file is a JSON object")
    if document.get("format") != FORMAT:
        raise CaseImportError("format", f"must be {FORMAT!r} (is this an rjdesk case file?)")
    case_text.check_text(document)
    error = best_match(_validator().iter_errors(document), key=_error_depth)
    if error is not None:
        raise CaseImportError(*_schema_message(error))
    return document


def _error_depth(error: SchemaError) -> tuple[int, int]:
    # Prefer the most specific (deepest) error: "contacts[2].kind" over "contacts".
    return (-len(error.absolute_path), 0)


def _date(value: Any, field: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CaseImportError(field, "is not a real date") from None


def _datetime(value: str, field: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise CaseImportError(field, "is not a real date and time") from None
    # A time without an offset is what a facilitator's watch said: Europe/London.
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=LONDON)


@contextmanager
def _at(field: str) -> Iterator[None]:
    """Turn a service's refusal into an import error naming the file's field."""
    try:
        yield
    except CaseImportError:
        raise
    except ValidationError as exc:
        raise CaseImportError(f"{field}.{exc.field}" if exc.field else field, exc.reason) from None
    except RjdeskError as exc:
        raise CaseImportError(field, str(exc)) from None


class _Builder:
    def __init__(self, uow: UnitOfWork, document: dict[str, Any]) -> None:
        self.uow = uow
        self.doc = document
        self.by_key: dict[str, Participant] = {}
        self.case: Case

    def participant(self, key: str, field: str) -> Participant:
        if key not in self.by_key:
            raise CaseImportError(field, f"no participant with key {key!r} in this file")
        return self.by_key[key]

    def build(self) -> Case:
        self.referral()
        self.participants()
        self.risk()
        self.consents()
        self.safeguarding()
        self.contacts()
        self.agreements()
        import_outcomes.apply(self.uow, self.case, self.doc, self.participant, _date)
        self.finish()
        return self.case

    def referral(self) -> None:
        doc, ref = self.doc, self.doc["referral"]
        referrer = ref.get("referrer") or {}
        reference = doc.get("reference")
        if reference and self.uow.session.scalar(
            select(Case.id).where(Case.reference == reference)
        ):
            raise CaseImportError("reference", "a case with this reference is already in the vault")
        referral = cases.Referral(
            case_type=CaseType(doc["case_type"]),
            received_on=_need(_date(ref["received_on"], "referral.received_on")),
            source=ReferralSource(ref["source"]),
            channel=Channel(ref["channel"]),
            summary=ref.get("summary") or "",
            referrer_name=referrer.get("name"),
            referrer_organisation=referrer.get("organisation"),
            referrer_phone=referrer.get("phone"),
            referrer_email=referrer.get("email"),
            crime_reference=ref.get("crime_reference"),
            incident_date=_date(ref.get("incident_date"), "referral.incident_date"),
            location=ref.get("location"),
            flags=[Flag(f) for f in doc.get("flags", [])],
        )
        with _at("referral"):
            self.case = cases.create_case(self.uow, referral, reference=reference)
        if doc.get("facilitators"):
            self.case.facilitators = list(dict.fromkeys(doc["facilitators"]))

    def participants(self) -> None:
        entries = self.doc["participants"]
        seen: set[str] = set()
        for index, entry in enumerate(entries):
            field = f"participants[{index}]"
            if entry["key"] == FACILITATOR_KEY:
                raise CaseImportError(
                    f"{field}.key", "'facilitator' is reserved for the facilitator"
                )
            if entry["key"] in seen:
                raise CaseImportError(f"{field}.key", f"the key {entry['key']!r} is used twice")
            seen.add(entry["key"])
        # Supporters refer to the people they support, so parties go in first.
        order = sorted(range(len(entries)), key=lambda i: entries[i]["role"] == "supporter")
        for index in order:
            self.add_participant(index, entries[index])

    def add_participant(self, index: int, entry: dict[str, Any]) -> None:
        field = f"participants[{index}]"
        person = entry["person"]
        role = Role(entry["role"])
        supports = None
        if entry.get("supports") is not None:
            supports = self.participant(entry["supports"], f"{field}.supports")
        elif role == Role.SUPPORTER:
            raise CaseImportError(f"{field}.supports", "a supporter must name who they support")
        details = people.PersonDetails(
            name=person["name"],
            date_of_birth=_date(person.get("date_of_birth"), f"{field}.person.date_of_birth"),
            phone=person.get("phone"),
            email=person.get("email"),
            address=person.get("address"),
            language=person.get("language"),
            interpreter=bool(person.get("interpreter", False)),
            access_needs=person.get("access_needs") or "",
        )
        given = _date(entry.get("rj_information_given_on"), f"{field}.rj_information_given_on")
        with _at(field):
            participant, _ = people.add_participant(
                self.uow,
                self.case,
                details,
                role,
                supports=supports,
                relationship=entry.get("relationship"),
                organisation=entry.get("organisation"),
                rj_information_given_on=given,
                key=entry["key"],
                position=index,
            )
        self.by_key[entry["key"]] = participant

    def risk(self) -> None:
        doc = self.doc
        entries = doc.get("risk_assessments") or []
        named = "risk_assessments"
        if "risk_assessment" in doc:
            entries, named = [doc["risk_assessment"]], "risk_assessment"
        for index, entry in enumerate(entries):
            field = named if named == "risk_assessment" else f"{named}[{index}]"
            with _at(field):
                assessment.record_risk_assessment(
                    self.uow,
                    self.case,
                    assessed_on=_need(_date(entry["assessed_on"], f"{field}.assessed_on")),
                    level=RiskLevel(entry["level"]),
                    factors=entry.get("factors", []),
                    notes=entry.get("notes") or "",
                    assessed_by=entry.get("assessed_by"),
                )

    def consents(self) -> None:
        for index, entry in enumerate(self.doc.get("consents", [])):
            field = f"consents[{index}]"
            participant = self.participant(entry["participant"], f"{field}.participant")
            given_by = None
            if entry.get("given_by") is not None:
                given_by = self.participant(entry["given_by"], f"{field}.given_by")
            scopes = [ConsentScope(s) for s in entry["scope"]]
            with _at(field):
                assessment.give_consent(
                    self.uow,
                    participant,
                    scopes=scopes,
                    given_by=given_by,
                    given_on=_need(_date(entry["given_on"], f"{field}.given_on")),
                )
            withdrawn = _date(entry.get("withdrawn_on"), f"{field}.withdrawn_on")
            if withdrawn is not None:
                with _at(f"{field}.withdrawn_on"):
                    assessment.withdraw_consent(
                        self.uow,
                        participant,
                        withdrawn_on=withdrawn,
                        scopes=scopes,
                        note=entry.get("withdrawal_note") or "",
                        given_by=given_by,
                    )

    def safeguarding(self) -> None:
        for index, entry in enumerate(self.doc.get("safeguarding", [])):
            field = f"safeguarding[{index}]"
            who = None
            if entry.get("participant") is not None:
                who = self.participant(entry["participant"], f"{field}.participant")
            with _at(field):
                concern = assessment.record_safeguarding_concern(
                    self.uow,
                    self.case,
                    kind=SafeguardingKind(entry["kind"]),
                    concern=entry["concern"],
                    action_taken=entry["action_taken"],
                    passed_to=entry.get("passed_to") or "",
                    participant=who,
                    raised_at=_datetime(entry["raised_at"], f"{field}.raised_at"),
                )
            if entry.get("recorded_by"):
                concern.recorded_by = entry["recorded_by"]

    def contacts(self) -> None:
        entries = self.doc.get("contacts", [])
        times = [_datetime(entry["at"], f"contacts[{i}].at") for i, entry in enumerate(entries)]
        for index in sorted(range(len(entries)), key=lambda i: times[i]):
            entry, field = entries[index], f"contacts[{index}]"
            present = [
                self.participant(key, f"{field}.present[{n}]")
                for n, key in enumerate(entry.get("present", []))
            ]
            with _at(field):
                contact = contacts.record_contact(
                    self.uow,
                    self.case,
                    kind=ContactKind(entry["kind"]),
                    at=times[index],
                    present=present,
                    notes=entry["notes"],
                    next_steps=entry.get("next_steps") or "",
                    location=entry.get("location") or "",
                    author=entry.get("author"),
                )
            for n, addendum in enumerate(entry.get("addenda", [])):
                with _at(f"{field}.addenda[{n}]"):
                    row = contacts.add_addendum(self.uow, contact, addendum["text"])
                if addendum.get("written_at"):
                    row.written_at = _datetime(
                        addendum["written_at"], f"{field}.addenda[{n}].written_at"
                    )
                if addendum.get("author"):
                    row.author = addendum["author"]

    def agreements(self) -> None:
        doc = self.doc
        if "agreement" in doc:
            self.agreement(doc["agreement"], "agreement")
        for index, entry in enumerate(doc.get("agreements", [])):
            self.agreement(entry, f"agreements[{index}]")

    def agreement(self, entry: dict[str, Any], field: str) -> None:
        actions = []
        for n, action in enumerate(entry["actions"]):
            owner = None
            if action["by"] != FACILITATOR_KEY:
                owner = self.participant(action["by"], f"{field}.actions[{n}].by")
            due = _date(action.get("due"), f"{field}.actions[{n}].due")
            actions.append(agreements.ActionInput(action["action"], owner, due))
        with _at(field):
            row = agreements.draft_agreement(
                self.uow,
                self.case,
                actions=actions,
                summary=entry.get("summary") or "",
                agreed_on=_date(entry.get("agreed_on"), f"{field}.agreed_on"),
                review_on=_date(entry.get("review_on"), f"{field}.review_on"),
            )
        if entry.get("version") not in (None, row.version):
            raise CaseImportError(f"{field}.version", f"expected version {row.version} here")
        for n, signature in enumerate(entry.get("signatures", [])):
            self.sign(row, signature, f"{field}.signatures[{n}]")
        if entry.get("status") in ("signed", "superseded") and rules.missing_signatures(
            self.case, row
        ):
            missing = "; ".join(rules.missing_signatures(self.case, row))
            raise CaseImportError(f"{field}.signatures", f"a signed agreement lacks: {missing}")
        for n, action in enumerate(entry["actions"]):
            if action.get("status", "pending") != "pending" or action.get("checked_on"):
                with _at(f"{field}.actions[{n}]"):
                    agreements.check_action(
                        self.uow,
                        row.actions[n],
                        status=ActionStatus(action.get("status", "pending")),
                        checked_on=_need(
                            _date(action.get("checked_on"), f"{field}.actions[{n}].checked_on"),
                            f"{field}.actions[{n}].checked_on",
                        ),
                        note=action.get("check_note") or "",
                    )

    def sign(self, agreement: Agreement, entry: dict[str, Any], field: str) -> None:
        signer = None
        if entry["participant"] != FACILITATOR_KEY:
            signer = self.participant(entry["participant"], f"{field}.participant")
        image = None
        if entry.get("image"):
            try:
                image = base64.b64decode(entry["image"], validate=True)
            except (binascii.Error, ValueError):
                raise CaseImportError(f"{field}.image", "is not base64") from None
        with _at(field):
            agreements.sign_agreement(
                self.uow,
                agreement,
                signer=signer,
                method=SignatureMethod(entry["method"]),
                signed_on=_need(_date(entry["signed_on"], f"{field}.signed_on")),
                image=image,
                file_pdf=False,  # signed elsewhere: filed when first printed here
            )

    def finish(self) -> None:
        doc, case, today = self.doc, self.case, self.uow.today
        closure = doc.get("closure")
        stated = Stage(doc["stage"]) if doc.get("stage") else None
        if closure:
            with _at("closure"):
                cases.close_case(
                    self.uow,
                    case,
                    ClosureReason(closure["reason"]),
                    closed_on=_date(closure.get("closed_on"), "closure.closed_on"),
                    note=closure.get("note") or "",
                )
        if stated is not None:
            blockers = rules.stage_consistency_blockers(case, stated, today)
            if blockers:
                raise CaseImportError(
                    "stage", f"{stated!s} disagrees with the file: " + "; ".join(blockers)
                )
        target = stated or rules.implied_stage(case)
        if target != case.stage:
            cases.move_stage(self.uow, case, target, "imported")
        import_history.date_from_file(case)


def _need(value: T | None, field: str = "") -> T:
    if value is None:
        raise CaseImportError(field, "is missing")
    return value


def import_case(uow: UnitOfWork, raw: bytes | str) -> Case:
    """Import one case file inside the caller's unit of work (roll it back on any error)."""
    document = parse_case_file(raw)
    try:
        case = _Builder(uow, document).build()
    except CaseImportError:
        raise
    except (RuleViolation, ValidationError) as exc:  # a refusal not tied to one field
        raise CaseImportError("", str(exc)) from None
    uow.audit("import_case", entity="case", entity_id=case.id, case_reference=case.reference)
    return case
