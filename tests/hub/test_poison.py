"""No poison at the hub (issue 11, item 6): each record that would stop another laptop from
receiving is refused on its own, over HTTP on a real hub, named in the receipt with its case
reference and reason; the rest of its bundle is accepted and nothing refused is stored."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from rjdesk.sync.records import Record
from rjdesk_hub import Hub
from rjdesk_protocol.wire import CHUNK_BYTES
from tests.hub.conftest import LaptopFactory
from tests.hub.server import running_hub, signed
from tests.laptops import Laptop, edited, new_case, of

STAMP = "2026-11-20T12:00:00.000000Z"


@pytest.fixture
def live(tmp_path: Path, db_url: str | None) -> Iterator[tuple[Hub, httpx.Client]]:
    with (
        running_hub(tmp_path / "hub", db_url=db_url) as (hub, url),
        httpx.Client(base_url=url, timeout=60) as client,
    ):
        yield hub, client


def upload(client: httpx.Client, device: Laptop, sealed: bytes) -> httpx.Response:
    """Upload a sealed bundle in chunks and complete it, as a laptop does."""
    sha = hashlib.sha256(sealed).hexdigest()
    for offset in range(0, len(sealed), CHUNK_BYTES):
        chunk = sealed[offset : offset + CHUNK_BYTES]
        answer = signed(
            client,
            device.signing_key,
            device.device_id,
            "PUT",
            f"/v1/uploads/{sha}",
            body=chunk,
            headers={"Upload-Offset": str(offset)},
        )
        assert answer.status_code < 300, answer.text
    return signed(
        client, device.signing_key, device.device_id, "POST", f"/v1/uploads/{sha}/complete"
    )


def contact(row_id: str, case_id: str, present: list[str], **changes: Any) -> Record:
    fields: dict[str, Any] = {
        "created_at": STAMP,
        "updated_at": STAMP,
        "case_id": case_id,
        "kind": "phone",
        "at": STAMP,
        "location": "",
        "notes": "Rang to arrange a visit.",
        "next_steps": "",
        "author": "Alex Morgan",
        "present": present,
        **changes,
    }
    return Record("contact", row_id, "put", 0, case_id, fields)


def test_each_poison_is_refused_with_its_reason_and_the_rest_is_applied(
    live: tuple[Hub, httpx.Client], laptop: LaptopFactory
) -> None:
    hub, client = live
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    ids = new_case(alex)
    found, blobs = alex.changes()
    first = alex.seal(found, blobs)
    assert alex.take_receipt(upload(client, alex, first).text, first).get("refused") is None
    other = new_case(alex)  # a second case, also at the hub
    found2, blobs2 = alex.changes()
    second = alex.seal(found2, blobs2)
    alex.take_receipt(upload(client, alex, second).text, second)
    participant = next(p for p in of(found, "participant") if p.id == ids.marcia)
    lukasz = next(p for p in of(found, "participant") if p.id == ids.lukasz)
    case = of(found, "case_file")[0]

    poisons = {
        "no-person": (
            Record(
                "participant",
                "no-person",
                "put",
                0,
                ids.case_id,
                {**participant.fields, "person_id": "nobody", "key": "zz"},
            ),
            "person_id names a person that neither the hub nor this bundle has",
        ),
        "object-as-text": (
            contact("object-as-text", ids.case_id, [], notes={"$evil": 1}),
            "notes is not text",
        ),
        "huge-text": (
            contact("huge-text", ids.case_id, [], notes="x" * (20 * 1024 * 1024)),
            "notes is longer than 100,000 characters",
        ),
        "unknown-present": (
            contact("unknown-present", ids.case_id, ["someone-else"]),
            "present names a participant that neither the hub nor this bundle has",
        ),
        "other-case-present": (
            contact("other-case-present", other.case_id, [ids.marcia]),
            "present names a participant of another case",
        ),
        "case-disagrees": (
            Record(
                "contact",
                "case-disagrees",
                "put",
                0,
                other.case_id,
                contact("x", ids.case_id, []).fields,
            ),
            f"says it is of case {other.case_id} but its case_id is {ids.case_id}",
        ),
        "missing-fields": (
            Record("contact", "missing-fields", "put", 0, ids.case_id, {"case_id": ids.case_id}),
            "has no created_at, which it must have",
        ),
        "same-reference": (
            Record(
                "case_file",
                "same-reference",
                "put",
                0,
                "same-reference",
                {**case.fields, "reference": other.reference},
            ),
            f"has reference {other.reference}, which another case has",
        ),
        ids.lukasz: (
            Record(
                "participant",
                ids.lukasz,
                "put",
                alex.versions[ids.lukasz],
                other.case_id,
                {**lukasz.fields, "case_id": other.case_id},
            ),
            "but the hub has it in another case",
        ),
    }
    good = contact("a-good-note", ids.case_id, [ids.marcia, ids.lukasz])
    fine_edit = edited(case, alex.versions[case.id], summary="Both households agreed to meet.")
    bundle = [record for record, _reason in poisons.values()] + [good, fine_edit]
    sealed = alex.seal(bundle, blobs)
    answer = upload(client, alex, sealed)
    assert answer.status_code == 200, answer.text
    receipt = alex.take_receipt(answer.text, sealed)

    refused = {item["id"]: item for item in receipt["refused"]}
    assert set(refused) == set(poisons)
    for row_id, (record, reason) in poisons.items():
        item = refused[row_id]
        assert reason in item["reason"], (row_id, item["reason"])
        assert item["table"] == record.table
        assert "\n" not in item["reason"]
    assert refused["no-person"]["case"] == ids.reference
    assert refused["same-reference"]["case"] == other.reference
    assert set(receipt["applied"]) == {"a-good-note", case.id}
    for row_id in poisons:
        assert row_id not in receipt["conflicts"]
        stored = hub.record(row_id)
        if row_id == ids.lukasz:
            assert stored is not None and stored.case_id == ids.case_id
        else:
            assert stored is None, row_id
    kept = hub.record(case.id)
    assert kept is not None and kept.fields["summary"] == "Both households agreed to meet."


def test_a_record_naming_a_refused_record_is_refused_too(
    live: tuple[Hub, httpx.Client], laptop: LaptopFactory
) -> None:
    hub, client = live
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    new_case(alex)
    found, blobs = alex.changes()
    bad_person = next(r for r in found if r.table == "person")
    broken = edited(bad_person, 0, name="Line\x07break")
    rest = [r for r in found if r.id != bad_person.id]
    sealed = alex.seal([broken, *rest], blobs)
    receipt = alex.take_receipt(upload(client, alex, sealed).text, sealed)
    refused = {item["id"]: item["reason"] for item in receipt["refused"]}
    assert "name holds a control character" in refused[bad_person.id]
    participants = [p.id for p in of(found, "participant") if p.fields["person_id"] == broken.id]
    assert participants and all("person_id names a person" in refused[p] for p in participants)
    consents = [c.id for c in of(found, "consent") if c.fields["participant_id"] in participants]
    assert consents and all("names a record that is refused" in refused[c] for c in consents)
    assert hub.record(bad_person.id) is None
    assert of(found, "case_file")[0].id in receipt["applied"]
