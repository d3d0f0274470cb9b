"""The audit chain is anchored at the hub (docs/audit.md): with the vault's data key an insider
can make the log agree with itself, but not with the head the hub receipted. Each attack below
passes the chain check alone, and is named by ``rjdesk verify`` against the receipted anchor and
refused by the hub at the next sync. Real vaults, a real hub on 127.0.0.1."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from rjdesk.domain.models import AuditEvent, AuditHead
from rjdesk.domain.sync_models import OutboxBundle
from rjdesk.services import contacts, importer, sync
from rjdesk.services.cases import load_case
from rjdesk.store.audit import event_hash
from rjdesk.store.engine import connect_raw
from rjdesk.store.integrity import verify_files
from rjdesk.store.keys import KeyFile
from rjdesk.store.vault import Vault
from rjdesk.sync import anchor
from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_protocol.errors import BundleRefused
from rjdesk_protocol.keys import PublicKey, verify_document
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE, PASSPHRASE
from tests.sync.conftest import Laptops

ANCHOR_CHECK = "audit log against the hub's anchor"
REFUSED = r"audit log (was cut back|was rewritten|still holds)"


def _checks(vault: Vault) -> dict[str, list[str]]:
    report = verify_files(vault.key_path, vault.db_path, PASSPHRASE, anchor_check=anchor.problems)
    return {check.name: check.problems for check in report.checks}


def _raw_session(vault: Vault) -> Session:
    """What an insider with the passphrase and a SQLCipher shell can do: guards dropped."""
    key = bytes(KeyFile.read(vault.key_path).unwrap_with_passphrase(PASSPHRASE))
    engine = create_engine("sqlite://", creator=lambda: connect_raw(vault.db_path, key))
    session = Session(engine)
    triggers = session.connection().exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    )
    for (name,) in list(triggers):
        session.connection().exec_driver_sql(f"DROP TRIGGER {name}")
    return session


def _rehash_from(session: Session, first: int) -> None:
    """Recompute every hash from event ``first`` on, and the head: the chain agrees again."""
    previous = session.get(AuditEvent, first - 1)
    prev_hash = previous.hash if previous is not None else "0" * 64
    for event in session.scalars(
        select(AuditEvent).where(AuditEvent.id >= first).order_by(AuditEvent.id)
    ):
        event.prev_hash = prev_hash
        event.hash = event_hash(prev_hash, event)
        prev_hash = event.hash
        session.flush()
    head = session.get(AuditHead, 1)
    assert head is not None
    head.last_hash = prev_hash


@pytest.fixture
def anchored(live_hub: tuple[Hub, str], laptops: Laptops) -> tuple[Hub, Vault, int]:
    """A laptop with a case, a saved note and an addendum, synced: the hub holds its anchor.
    Returns the hub, the (locked) vault and the anchored number of events."""
    hub, _url = live_hub
    alex = laptops("Alex Morgan", hub)
    with alex.unit_of_work() as uow:
        case = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
        contacts.add_addendum(uow, case.contacts[0], "Rang back; all calm.")
    sync.sync_now(alex)
    with alex.reader() as session:
        found = anchor.last_receipted(session)
        bundle = session.scalars(select(OutboxBundle).where(OutboxBundle.state == "sent")).one()
        receipt: dict[str, Any] = dict(bundle.receipt or {})
    assert found is not None and found.count > 5
    # The anchor is the hub's word: its receipt, signed, kept in the vault.
    body = verify_document(receipt, PublicKey.from_minisign(hub_key_text(hub)))
    assert body["audit_head"] == {"count": found.count, "hash": found.hash}
    with hub.db.reader() as session:
        device = session.get(m.Device, alex.info().device_id)
        assert device is not None and device.audit_count == found.count
    alex.lock()
    assert _checks(alex)[ANCHOR_CHECK] == []
    return hub, alex, found.count


def hub_key_text(hub: Hub) -> str:
    return hub.public_key.to_minisign("hub")


def _sync_is_refused(vault: Vault) -> str:
    vault.unlock(PASSPHRASE)
    with vault.unit_of_work() as uow:  # new work, so that there is a bundle to send
        importer.import_case(uow, HATE_CRIME.read_bytes())
    with pytest.raises(BundleRefused, match=REFUSED) as refused:
        sync.sync_now(vault)
    return str(refused.value)


def test_an_untouched_vault_keeps_syncing_and_its_anchor_moves_on(
    anchored: tuple[Hub, Vault, int],
) -> None:
    _hub, alex, count = anchored
    alex.unlock(PASSPHRASE)
    with alex.unit_of_work() as uow:
        importer.import_case(uow, HATE_CRIME.read_bytes())
    assert sync.sync_now(alex).sent_bundles == 1
    with alex.reader() as session:
        moved = anchor.last_receipted(session)
    assert moved is not None and moved.count > count
    alex.lock()
    assert _checks(alex)[ANCHOR_CHECK] == []


def test_the_newest_events_deleted_and_the_head_copied_back(
    anchored: tuple[Hub, Vault, int],
) -> None:
    _hub, alex, count = anchored
    kept = count - 3
    with _raw_session(alex) as session:
        last = session.get(AuditEvent, kept)
        assert last is not None
        session.execute(AuditEvent.__table__.delete().where(AuditEvent.id > kept))
        head = session.get(AuditHead, 1)
        assert head is not None
        head.last_event_id, head.last_hash = kept, last.hash
        session.commit()
    checks = _checks(alex)
    assert checks["audit log chain"] == [], "the log agrees with itself"
    [problem] = checks[ANCHOR_CHECK]
    assert problem.startswith(f"the audit log was cut back: the hub receipted {count} events on ")
    assert problem.endswith(f"and the log now ends at event #{kept}")
    _sync_is_refused(alex)


def test_every_event_and_the_head_deleted(anchored: tuple[Hub, Vault, int]) -> None:
    _hub, alex, count = anchored
    with _raw_session(alex) as session:
        session.execute(AuditEvent.__table__.delete())
        session.execute(AuditHead.__table__.delete())
        session.commit()
    checks = _checks(alex)
    assert checks["audit log chain"] == []
    [problem] = checks[ANCHOR_CHECK]
    assert problem.startswith(f"the audit log was cut back: the hub receipted {count} events")
    assert problem.endswith("the log now ends at event #0")
    message = _sync_is_refused(alex)
    assert "rjdesk-hub audit-reset" in message, "the coordinator is told what a restore needs"


def test_an_event_edited_and_the_chain_rehashed(anchored: tuple[Hub, Vault, int]) -> None:
    hub, alex, count = anchored
    with _raw_session(alex) as session:
        event = session.get(AuditEvent, 4)
        assert event is not None
        event.actor = "Someone Else"
        _rehash_from(session, 4)
        session.commit()
    checks = _checks(alex)
    assert checks["audit log chain"] == []
    [problem] = checks[ANCHOR_CHECK]
    assert problem.startswith(
        f"the audit log was rewritten before the hub's anchor: event #{count} is not the one "
        "the hub receipted on "
    )
    assert "rewritten" in _sync_is_refused(alex)
    # The coordinator can accept the log as it is (a vault restored from a backup).
    hub.audit_reset(alex.info().device_id)
    assert sync.sync_now(alex).sent_bundles == 1


def test_guards_dropped_and_a_saved_note_rewritten(anchored: tuple[Hub, Vault, int]) -> None:
    _hub, alex, _count = anchored
    with _raw_session(alex) as session:
        session.connection().exec_driver_sql(
            "UPDATE contact_addendum SET text = 'Nothing happened.'"
        )
        session.commit()
    checks = _checks(alex)
    assert checks["audit log chain"] == []
    [problem] = checks["saved notes against their audit events"]
    assert problem.startswith("an addendum to contact note ")
    assert "was changed after it was saved (it does not match audit event #" in problem


def test_a_rewritten_contact_note_is_named(live_hub: tuple[Hub, str], laptops: Laptops) -> None:
    hub, _url = live_hub
    alex = laptops("Alex Morgan", hub)
    with alex.unit_of_work() as uow:
        case = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
        case = load_case(uow.session, case.id)
        contact = contacts.record_contact(
            uow,
            case,
            kind=case.contacts[0].kind,
            at=uow.now,
            present=[],
            notes="Spoke with Marcia; she wants to meet.",
        )
        contact_id = contact.id
    alex.lock()
    assert _checks(alex)["saved notes against their audit events"] == []
    with _raw_session(alex) as session:
        session.connection().exec_driver_sql(
            "UPDATE contact SET notes = 'Marcia declined.' WHERE id = ?", (contact_id,)
        )
        session.commit()
    assert _checks(alex)["saved notes against their audit events"] == [
        f"contact note {contact_id} was changed after it was saved (it does not match audit "
        f"event #{_event_of(alex, contact_id)})"
    ]


def _event_of(vault: Vault, contact_id: str) -> int:
    with _raw_session(vault) as session:
        found = session.scalar(
            select(AuditEvent.id).where(
                AuditEvent.action == "record_contact", AuditEvent.entity_id == contact_id
            )
        )
    assert found is not None
    return int(found)
