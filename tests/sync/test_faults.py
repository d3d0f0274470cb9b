"""What can go wrong between a laptop and the hub, tried on purpose against a real hub on
127.0.0.1: tampered, forged, replayed and misdirected bundles; a link that drops mid-upload;
a laptop killed between the upload and recording it (issue 5)."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from sqlalchemy import select

from rjdesk.domain.sync_models import OutboxBundle
from rjdesk.services import contacts, documents, importer, sync
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.sync import outgoing
from rjdesk_hub import Hub
from rjdesk_protocol.bundle import seal
from rjdesk_protocol.enums import ContactKind
from rjdesk_protocol.errors import BundleRefused, InvalidBundle
from rjdesk_protocol.keys import AgeIdentity, SigningKey, decrypt, encrypt
from tests.conftest import NEIGHBOUR_DISPUTE, PASSPHRASE, TODAY
from tests.laptops import make_laptop
from tests.services.builders import at
from tests.sync.conftest import Laptops, patient_client
from tests.sync.proxy import cutting_proxy

MiB = 1024 * 1024


def _case_with_scan(vault: Vault, size: int = int(1.3 * MiB), seed: int = 1) -> str:
    """The neighbour dispute with a scanned signed agreement attached (a large bundle)."""
    scan = b"\xff\xd8\xff\xe0" + random.Random(seed).randbytes(size)
    with vault.unit_of_work() as uow:
        case = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
        documents.add_attachment(uow, case, filename="signed-agreement.jpg", content=scan)
        return case.id


def _sealed(vault: Vault) -> OutboxBundle:
    with vault.unit_of_work() as uow:
        bundle = outgoing.build_bundle(uow)
        assert bundle is not None
        return bundle


def _refused(hub: Hub, data: bytes) -> str:
    before = hub.counts()
    with pytest.raises(InvalidBundle) as refusal:
        hub.ingest(data, via="file")
    assert hub.counts() == before, "a refused bundle changes nothing"
    reason = str(refusal.value)
    assert reason and "\n" not in reason
    return reason


def _members(hub: Hub, data: bytes) -> dict[str, bytes]:
    plain = decrypt(data, AgeIdentity.from_text(hub.export_age_identity()))
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as archive:
        return {m.name: archive.extractfile(m).read() for m in archive}  # type: ignore[union-attr]


def _archive(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o600
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def test_a_tampered_or_forged_bundle_is_refused_with_its_reason_and_changes_nothing(
    live_hub: tuple[Hub, str], laptops: Laptops, tmp_path: Path
) -> None:
    hub, _url = live_hub
    alex = laptops("Alex Morgan", hub)
    case_id = _case_with_scan(alex)
    bundle = _sealed(alex)
    data = bundle.content
    assert len(data) >= MiB

    rng = random.Random(5)
    # The age header (every 7th byte of the first 200), the last 64 KiB, 40 evenly spaced
    # offsets, and random ones to make 200.
    chosen = {*range(0, 200, 7), *(len(data) - 1 - i for i in range(0, 64 * 1024, 4099))}
    chosen |= set(range(0, len(data), len(data) // 40))
    while len(chosen) < 200:
        chosen.add(rng.randrange(len(data)))
    offsets = sorted(chosen)[:200] if len(chosen) > 200 else sorted(chosen)
    assert len(offsets) == 200
    reasons = set()
    for offset in offsets:
        flipped = bytearray(data)
        flipped[offset] ^= 0x20
        reasons.add(_refused(hub, bytes(flipped)))
    assert any("damaged or was changed" in r for r in reasons), reasons
    for cut in range(0, len(data), 64 * 1024):
        _refused(hub, data[:cut])

    # A manifest signature moved over from another bundle of the same laptop.
    with alex.unit_of_work() as uow:
        contacts.add_addendum(uow, load_case(uow.session, case_id).contacts[0], "Another visit.")
    other = _members(hub, _sealed(alex).content)
    moved = _members(hub, data)
    moved["manifest.json.minisig"] = other["manifest.json.minisig"]
    reason = _refused(hub, encrypt(_archive(moved), hub.age_recipient))
    assert "signature does not verify" in reason

    # A device the hub never enrolled, signing with its own key.
    stranger = SigningKey.generate()
    members = _members(hub, data)
    _manifest, forged = seal(
        kind="device", sender="0b5e55ed-0000-4000-8000-000000000000", recipient=hub.key_id,
        sequence=1, schema_version="0004", hub_key_id=hub.key_id,
        changes=members["changes.json"],
        blobs={n.removeprefix("blobs/"): d for n, d in members.items() if n.startswith("blobs/")},
        signing_key=stranger, age_recipient=hub.age_recipient,
    )  # fmt: skip
    assert "not enrolled" in _refused(hub, forged)

    # A revoked laptop.
    lost = laptops("Lost Laptop", hub)
    _case_with_scan(lost, size=1000, seed=2)
    lost_bundle = _sealed(lost).content
    hub.revoke(lost.info().device_id)
    assert "revoked" in _refused(hub, lost_bundle)

    # A laptop of another hub, and a bundle sealed for another hub's key.
    other_hub = Hub.init(tmp_path / "other-hub", name="Other hub", url="http://127.0.0.1:9")
    try:
        elsewhere = make_laptop(tmp_path / "elsewhere", "Sam Elsewhere", other_hub)
        _case_with_scan(elsewhere, size=1000, seed=3)
        assert "not encrypted for this" in _refused(hub, _sealed(elsewhere).content)
        elsewhere.lock()
        info = alex.info()
        _manifest, misdirected = seal(
            kind="device", sender=info.device_id, recipient=other_hub.key_id,
            sequence=99, schema_version="0004", hub_key_id=other_hub.key_id,
            changes=members["changes.json"], blobs={},
            signing_key=SigningKey.from_raw(info.signing_key), age_recipient=hub.age_recipient,
        )  # fmt: skip
        assert "another hub" in _refused(hub, misdirected)
    finally:
        other_hub.close()

    # And the bundle as it was sealed is taken: the refusals were about the damage.
    receipt = hub.ingest(data, via="file")
    assert bundle.bundle_id in receipt


def test_a_replayed_bundle_gets_the_same_receipt_and_an_older_one_is_refused(
    live_hub: tuple[Hub, str], laptops: Laptops
) -> None:
    hub, _url = live_hub
    alex = laptops("Alex Morgan", hub)
    case_id = _case_with_scan(alex, size=300_000)
    first = _sealed(alex)
    client = patient_client(alex)
    receipt = client.upload(first.content)
    counts = hub.counts()
    assert client.upload(first.content) == receipt, "the same bundle again: the same receipt"
    assert hub.counts() == counts, "and no duplicate rows"
    with alex.unit_of_work() as uow:
        stored = uow.session.get(OutboxBundle, first.bundle_id)
        assert stored is not None
        outgoing.mark_sent(uow, stored, json.loads(receipt))

    # A stale bundle: #2 waits for the network, #3 goes by USB stick and arrives first.
    with alex.unit_of_work() as uow:
        contacts.add_addendum(uow, load_case(uow.session, case_id).contacts[0], "Visit booked.")
    stale = _sealed(alex)
    exported = sync.export_bundle(alex)
    hub.ingest(exported.content, via="file")
    with pytest.raises(BundleRefused, match="not newer"):
        client.upload(stale.content)

    # The same bundle id with other content.
    info = alex.info()
    _manifest, reused = seal(
        kind="device", sender=info.device_id, recipient=hub.key_id, sequence=exported.sequence + 1,
        schema_version="0004", hub_key_id=hub.key_id, changes=b'{"records":[],"resolutions":[]}',
        blobs={}, signing_key=SigningKey.from_raw(info.signing_key),
        age_recipient=hub.age_recipient, bundle_id=exported.bundle_id,
    )  # fmt: skip
    with pytest.raises(BundleRefused, match="already used"):
        client.upload(reused)
    client.close()
    assert sync.sync_now(alex).sent_bundles == 1, "the export, confirmed with its own receipt"
    assert hub.counts() == {**counts, "bundles": 2, "records": hub.counts()["records"]}


def _cut_and_sync(rounds: int, seed: int, hub: Hub, url: str, alex: Vault) -> None:
    rng = random.Random(seed)
    case_id = _case_with_scan(alex, size=400_000, seed=seed)
    contact_ids: list[str] = []
    port = int(url.rsplit(":", 1)[1])
    with cutting_proxy(port) as proxy:
        for number in range(rounds):
            with alex.unit_of_work() as uow:
                case = load_case(uow.session, case_id)
                contact = contacts.record_contact(
                    uow, case, kind=ContactKind.PHONE, at=at(TODAY, 9), present=[],
                    notes=f"Round {number}: rang to see how the week went.",
                )  # fmt: skip
                contact_ids.append(contact.id)
                if number % 3 == 0:
                    documents.add_attachment(
                        uow, case, filename=f"letter-{number}.jpg",
                        content=b"\xff\xd8\xff" + rng.randbytes(rng.randint(300_000, 700_000)),
                    )  # fmt: skip
            with alex.reader() as session:
                pending = outgoing.pending_change_count(session)
            proxy.cut_after(rng.randint(0, 800_000 if number % 3 == 0 else 20_000))
            client = patient_client(alex, proxy.url)
            for _attempt in range(10):
                try:
                    sync.sync_now(alex, client=client)
                    break
                except sync.SyncError:  # the hub's "who are you" answer was cut: try again
                    continue
            client.close()
            assert pending > 0
    with alex.reader() as session:
        assert outgoing.pending_change_count(session) == 0
        sent = session.scalars(select(OutboxBundle).where(OutboxBundle.state == "sent")).all()
        pending_bundles = outgoing.pending_bundles(session)
    assert pending_bundles == []
    assert hub.counts()["bundles"] == len(sent), "exactly one copy of each bundle at the hub"
    assert sorted(b.sequence for b in sent) == list(range(1, len(sent) + 1))
    for contact_id in contact_ids:
        assert hub.record(contact_id) is not None, "every change arrived"
    assert proxy.cuts >= rounds // 2, "the proxy really cut the link"


def test_a_link_cut_at_random_points_of_the_upload_loses_and_doubles_nothing(
    live_hub: tuple[Hub, str], laptops: Laptops
) -> None:
    hub, url = live_hub
    _cut_and_sync(30, 11, hub, url, laptops("Alex Morgan", hub))


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_a_link_cut_many_more_times_loses_and_doubles_nothing(
    live_hub: tuple[Hub, str], laptops: Laptops
) -> None:
    hub, url = live_hub
    _cut_and_sync(300, 12, hub, url, laptops("Alex Morgan", hub))


def _rjdesk(vault: Vault, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    child_env = {
        **os.environ,
        "RJDESK_INSECURE_FAST_KDF": "1",
        "RJDESK_DATA_DIR": str(vault.data_dir),
        "RJDESK_PASSPHRASE": PASSPHRASE,
        "RJDESK_TODAY": TODAY.isoformat(),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "rjdesk", *args],
        env=child_env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_a_laptop_killed_between_upload_and_recording_it_syncs_without_duplicates(
    live_hub: tuple[Hub, str], laptops: Laptops
) -> None:
    hub, _url = live_hub
    alex = laptops("Alex Morgan", hub)
    _case_with_scan(alex, size=200_000)
    alex.lock()
    killed = _rjdesk(alex, "sync", RJDESK_FAULT="after-upload")
    assert killed.returncode == 137, killed.stderr
    after_kill = hub.counts()
    assert after_kill["bundles"] == 1, "the hub took the bundle before the laptop died"

    alex.unlock(PASSPHRASE)
    with alex.reader() as session:
        [pending] = outgoing.pending_bundles(session)
    alex.lock()
    again = _rjdesk(alex, "sync")
    assert again.returncode == 0, again.stderr
    assert "Sent" in again.stdout
    assert hub.counts() == after_kill, "the same bundle, the same receipt: nothing doubled"
    alex.unlock(PASSPHRASE)
    with alex.reader() as session:
        assert outgoing.pending_bundles(session) == []
        assert outgoing.pending_change_count(session) == 0
        done = session.get(OutboxBundle, pending.bundle_id)
        assert done is not None and done.state == "sent"
