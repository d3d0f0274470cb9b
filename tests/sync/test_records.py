"""Records: a whole case read as records, through JSON and back, is the case it was."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from rjdesk.domain.base import Base
from rjdesk.services import agreements, importer
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.sync import records
from rjdesk.sync.records import Record
from rjdesk_protocol.enums import SignatureMethod
from rjdesk_protocol.errors import InvalidBundle
from tests.conftest import NEIGHBOUR_DISPUTE
from tests.documents.samples import signature_png
from tests.laptops import case_records
from tests.services.builders import conference, ready_for_conference


def test_every_synced_table_is_in_the_metadata_in_an_order_that_respects_references() -> None:
    for name in records.SYNCED_TABLES:
        own = records.TABLE_ORDER[name]
        for key in Base.metadata.tables[name].foreign_keys:
            target = key.column.table.name
            if target in records.TABLE_ORDER and target != name:
                assert records.TABLE_ORDER[target] < own, f"{name} refers to {target}"


def test_a_whole_case_survives_the_trip_through_json(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case_id = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id
    found, blobs = case_records(vault, case_id, version=0)
    tables = {r.table for r in found}
    assert {"person", "case_file", "participant", "consent", "contact", "agreement"} <= tables
    assert {"agreement_action", "signature", "stage_change", "risk_assessment"} <= tables
    wire = json.loads(json.dumps([r.to_json() for r in found]))
    back = [Record.from_json(item) for item in wire]
    assert back == found
    with vault.reader() as session:
        for record in back:
            source = records.table(record.table)
            key = source.c[records.id_column(record.table)]
            row = session.execute(select(source).where(key == record.id)).mappings().one()
            values = records.decode_fields(record, blobs)
            for name, value in values.items():
                assert row[name] == value, f"{record.table}.{name}"
            assert records.LOCAL_COLUMNS.isdisjoint(record.fields)
    contact = next(r for r in back if r.table == "contact" and r.fields["kind"] == "conference")
    assert len(records.present_of(contact) or []) == 3
    stamped = next(r for r in back if r.table == "case_file").fields["updated_at"]
    assert stamped.endswith("Z") and isinstance(
        records.decode_fields(back[1], blobs)["updated_at"], datetime
    )


def test_binary_values_travel_as_blobs_named_by_their_hash(vault: Vault) -> None:
    image = signature_png()
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = ready_for_conference(uow)
        conference(uow, case, marcia, lukasz)
        draft = agreements.draft_agreement(
            uow, case, actions=[agreements.ActionInput("Keep the gate shut.", lukasz)]
        )
        agreements.sign_agreement(
            uow,
            draft,
            signer=marcia,
            signed_on=date(2026, 10, 20),
            method=SignatureMethod.CAPTURED,
            image=image,
        )
        case_id = case.id
    found, blobs = case_records(vault, case_id, version=0)
    signature = next(r for r in found if r.table == "signature")
    digest = signature.fields["image"]["$blob"]
    assert blobs[digest] == image
    assert records.decode_fields(signature, blobs)["image"] == image
    with pytest.raises(InvalidBundle, match="attachment the bundle does not carry"):
        records.decode_fields(signature, {})


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"t": "audit_event", "id": "x", "op": "put", "v": 0, "f": {}}, "does not sync"),
        ({"t": "case_file", "id": "", "op": "put", "v": 0, "f": {}}, "no valid id"),
        ({"t": "case_file", "id": "x", "op": "drop", "v": 0, "f": {}}, "unknown operation"),
        ({"t": "case_file", "id": "x", "op": "put", "v": -1, "f": {}}, "no valid version"),
        ({"t": "case_file", "id": "x", "op": "put", "v": 0, "f": []}, "no fields"),
        ("a string", "not a JSON object"),
    ],
)
def test_a_malformed_record_is_refused_with_its_reason(data: object, reason: str) -> None:
    with pytest.raises(InvalidBundle, match=reason):
        Record.from_json(data)


@pytest.mark.parametrize(
    ("name", "value", "reason"),
    [
        ("received_on", "14/10/2026", "malformed value"),
        ("stage", "somewhere", "malformed value"),
        ("updated_at", "2026-10-14T10:00:00", "malformed value"),
    ],
)
def test_a_malformed_value_is_refused(name: str, value: str, reason: str) -> None:
    record = Record("case_file", "x", "put", 0, "x", {name: value})
    with pytest.raises(InvalidBundle, match=reason):
        records.decode_fields(record, {})


def test_only_the_rows_of_the_asked_cases_are_read(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        first = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id
        other, _marcia, _lukasz = ready_for_conference(uow)
        other_id = other.id
    with vault.reader() as session:
        rows = records.case_rows(session, [first])
        theirs = records.case_rows(session, [other_id])
        case = load_case(session, first)
        people = {p.person_id for p in case.participants}
    assert set(rows["person"]) == people
    assert not set(rows["participant"]) & set(theirs["participant"])
    assert rows["case_file"] == [first]
