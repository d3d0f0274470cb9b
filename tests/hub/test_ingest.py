"""Acceptance at the hub (docs/sync-protocol.md): each check in order, a refusal changes nothing,
and the receipt verifies and is the same, byte for byte, for a repeat."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from rjdesk.domain.models import Case
from rjdesk.services.documents import add_attachment
from rjdesk.sync.records import Record
from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_protocol.errors import InvalidBundle
from rjdesk_protocol.wire import verify_receipt
from tests.hub.conftest import LaptopFactory
from tests.hub.test_poison import contact
from tests.laptops import Laptop, new_case, of


def _enrolled_with_case(hub: Hub, laptop: LaptopFactory) -> tuple[Laptop, list[Record], dict]:
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    new_case(alex)
    found, blobs = alex.changes()
    return alex, found, blobs


def test_a_bundle_is_accepted_and_its_receipt_verifies(hub: Hub, laptop: LaptopFactory) -> None:
    alex, found, blobs = _enrolled_with_case(hub, laptop)
    sealed = alex.seal(found, blobs)
    text = hub.ingest(sealed, via="network")
    sha = hashlib.sha256(sealed).hexdigest()
    receipt = verify_receipt(
        text, hub.public_key, bundle_id=alex.bundle_ids[sha], bundle_sha256=sha
    )
    assert receipt["device_id"] == alex.device_id and receipt["sequence"] == 1
    assert receipt["applied"] == {r.id: 1 for r in found}
    assert receipt["conflicts"] == []
    assert hub.devices()[0].last_sequence == 1
    case_file = hub.record(of(found, "case_file")[0].id)
    assert case_file is not None and case_file.version == 1 and case_file.how == "apply"
    assert case_file.fields == of(found, "case_file")[0].fields
    with pytest.raises(Exception, match="another bundle"):
        verify_receipt(text, hub.public_key, bundle_id="other", bundle_sha256=sha)


def test_the_same_bundle_twice_gets_the_same_receipt_and_no_new_rows(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, found, blobs = _enrolled_with_case(hub, laptop)
    sealed = alex.seal(found, blobs)
    first = hub.ingest(sealed, via="file")
    counts = hub.counts()
    assert hub.ingest(sealed, via="network") == first
    assert hub.counts() == counts


def test_an_older_sequence_is_refused(hub: Hub, laptop: LaptopFactory) -> None:
    alex, found, blobs = _enrolled_with_case(hub, laptop)
    alex.send(hub, found, blobs, sequence=5)
    with pytest.raises(
        InvalidBundle, match=r"sequence 5 is not newer than the last accepted \(5\)"
    ):
        hub.ingest(alex.seal(found, blobs, sequence=5), via="network")
    with pytest.raises(InvalidBundle, match="sequence 2 is not newer"):
        hub.ingest(alex.seal(found, blobs, sequence=2), via="network")


def test_sequence_numbers_may_be_as_large_as_the_format_allows(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, found, blobs = _enrolled_with_case(hub, laptop)
    assert alex.send(hub, found, blobs, sequence=2**63 - 1)["sequence"] == 2**63 - 1
    assert hub.devices()[0].last_sequence == 2**63 - 1


def test_a_bundle_id_used_for_other_content_is_refused(hub: Hub, laptop: LaptopFactory) -> None:
    alex, found, blobs = _enrolled_with_case(hub, laptop)
    alex.send(hub, found, blobs, bundle_id="b-1")
    with pytest.raises(InvalidBundle, match="bundle id b-1 was already used for a different"):
        hub.ingest(alex.seal(found[:2], blobs, bundle_id="b-1"), via="network")


def test_an_unenrolled_device_is_refused(hub: Hub, laptop: LaptopFactory) -> None:
    alex, found, blobs = _enrolled_with_case(hub, laptop)
    stranger = laptop("Stranger")
    stranger.config = alex.config  # it knows the hub's public keys, but was never enrolled
    with pytest.raises(InvalidBundle, match=f"device {stranger.device_id} is not enrolled"):
        hub.ingest(stranger.seal(found, blobs), via="network")
    assert hub.counts()["records"] == 0


def test_a_revoked_device_is_refused(hub: Hub, laptop: LaptopFactory) -> None:
    alex, found, blobs = _enrolled_with_case(hub, laptop)
    hub.revoke(alex.device_id)
    with pytest.raises(InvalidBundle, match=f"device {alex.device_id} was revoked on"):
        hub.ingest(alex.seal(found, blobs), via="network")


def test_a_bundle_sealed_for_another_hub_is_refused(
    hub: Hub, laptop: LaptopFactory, tmp_path: Path
) -> None:
    alex, found, blobs = _enrolled_with_case(hub, laptop)
    with Hub.init(tmp_path / "other") as other:
        to_other = alex.seal(found, blobs, age_recipient=other.age_recipient)
        for_other_key = alex.seal(found, blobs, hub_key_id=other.key_id)
    with pytest.raises(InvalidBundle, match="not encrypted for this key"):
        hub.ingest(to_other, via="network")
    with pytest.raises(InvalidBundle, match="sealed for another hub"):
        hub.ingest(for_other_key, via="network")


def test_a_bundle_signed_by_another_device_is_refused(hub: Hub, laptop: LaptopFactory) -> None:
    alex, found, blobs = _enrolled_with_case(hub, laptop)
    sam = laptop("Sam Patel")
    sam.enroll(hub)
    sam.device_id = alex.device_id  # Sam's key, Alex's name on the manifest
    with pytest.raises(InvalidBundle, match="signature does not verify"):
        hub.ingest(sam.seal(found, blobs), via="network")


@pytest.mark.parametrize("where", [0, 40, 200, -17, -1])
def test_a_tampered_bundle_is_refused_and_nothing_is_applied(
    hub: Hub, laptop: LaptopFactory, where: int
) -> None:
    alex, found, blobs = _enrolled_with_case(hub, laptop)
    sealed = bytearray(alex.seal(found, blobs))
    sealed[where] ^= 0x01
    with pytest.raises(InvalidBundle, match="refused"):
        hub.ingest(bytes(sealed), via="network")
    assert hub.counts() == {"devices": 1, "cases": 0, "records": 0, "bundles": 0}
    assert hub.devices()[0].last_sequence == 0


def test_a_record_that_is_another_table_at_the_hub_is_refused_alone(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, found, blobs = _enrolled_with_case(hub, laptop)
    alex.send(hub, found[:1], blobs)  # the person
    person = found[0]
    case_id = of(found, "case_file")[0].id
    clash = contact(person.id, case_id, [])
    receipt = alex.send(hub, [*found[1:], clash], blobs)
    assert [item["id"] for item in receipt["refused"]] == [person.id], receipt["refused"]
    assert "is a person at the hub" in receipt["refused"][0]["reason"]
    assert set(receipt["applied"]) == {r.id for r in found[1:]}
    assert hub.record(person.id) is not None and hub.record(person.id).table == "person"


def test_malformed_changes_are_refused_with_their_reason(hub: Hub, laptop: LaptopFactory) -> None:
    alex, found, blobs = _enrolled_with_case(hub, laptop)
    case = of(found, "case_file")[0]
    bad_value = Record("case_file", case.id, "put", 0, case.id, {**case.fields})
    bad_value.fields["received_on"] = "1/2/26"
    receipt = alex.send(hub, [bad_value], blobs)
    assert receipt["refused"] == [
        {
            "id": case.id,
            "table": "case_file",
            "case": case.fields["reference"],
            "reason": f"case_file {case.id}: received_on is not a date (YYYY-MM-DD)",
        }
    ]
    assert receipt["applied"] == {} and hub.counts()["records"] == 0
    twice = [found[1], found[1]]
    with pytest.raises(InvalidBundle, match="appears twice"):
        hub.ingest(alex.seal(twice, blobs), via="network")
    with pytest.raises(InvalidBundle, match="resolutions are malformed"):
        hub.ingest(alex.seal(found, blobs, resolutions=[{"id": 1}]), via="network")


def test_an_accepted_bundle_is_kept_as_it_arrived(hub: Hub, laptop: LaptopFactory) -> None:
    alex, found, blobs = _enrolled_with_case(hub, laptop)
    sealed = alex.seal(found, blobs)
    receipt = hub.ingest(sealed, via="file")
    with hub.db.reader() as session:
        bundle = session.scalars(select(m.Bundle)).one()
        assert bundle.ciphertext == sealed
        assert (bundle.via, bundle.size, bundle.receipt) == ("file", len(sealed), receipt)
        assert bundle.keep_until - bundle.received_at == timedelta(days=400)


def test_only_the_blobs_its_records_refer_to_are_stored(hub: Hub, laptop: LaptopFactory) -> None:
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    ids = new_case(alex)
    with alex.vault.unit_of_work() as uow:
        case = uow.session.get(Case, ids.case_id)
        assert case is not None
        add_attachment(uow, case, filename="letter.txt", content=b"a letter to the neighbours")
    found, blobs = alex.changes()
    (kept,) = blobs
    stray = b"bytes no record names"
    stray_sha = hashlib.sha256(stray).hexdigest()
    alex.send(hub, found, {**blobs, stray_sha: stray})
    with hub.db.reader() as session:
        stored = set(session.scalars(select(m.Blob.sha256)))
    assert stored == {kept}
