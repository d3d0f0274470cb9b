"""Mistakes put right travel like any change (issue 13): a case reopened on one laptop is open
again at the hub and on the co-working laptop, with the reason in its stage history; a
withdrawn signature is gone at the hub and on the other laptop. A real hub on 127.0.0.1."""

from __future__ import annotations

from rjdesk.app import agreements, closing
from rjdesk.services import importer, sync
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk_hub import Hub
from rjdesk_hub import models as hub_models
from rjdesk_protocol.enums import AgreementStatus, ClosureReason, Stage
from tests.conftest import NEIGHBOUR_DISPUTE, TODAY
from tests.sync.conftest import Laptops


def _co_worked(hub: Hub, laptops: Laptops) -> tuple[Vault, Vault, str]:
    """Alex's neighbour case (in follow-up), co-worked by Priya: both laptops have it."""
    alex = laptops("Alex Morgan", hub)
    priya = laptops("Priya Shah", hub)
    with alex.unit_of_work() as uow:
        case = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
        case_id, reference = case.id, case.reference
    sync.sync_now(alex)
    hub.assign(reference, priya.info().device_id, keep_referrer=True)
    assert case_id in sync.sync_now(priya).received_cases
    return alex, priya, case_id


def _closed_at_hub(hub: Hub, case_id: str) -> bool:
    with hub.db.transaction() as tx:
        found = tx.session.get(hub_models.Case, case_id)
        assert found is not None
        return bool(found.closed)


def test_a_reopened_case_is_open_again_at_the_hub_and_on_the_other_laptop(
    live_hub: tuple[Hub, str], laptops: Laptops
) -> None:
    hub, _url = live_hub
    alex, priya, case_id = _co_worked(hub, laptops)
    closing.close_case(alex, case_id, ClosureReason.COMPLETED, closed_on=TODAY)
    sync.sync_now(alex)
    sync.sync_now(priya)
    assert _closed_at_hub(hub, case_id)
    with priya.reader() as session:
        assert load_case(session, case_id).stage == Stage.CLOSED

    assert closing.reopen_case(alex, case_id, "Marcia reports the bins are back") == (
        Stage.FOLLOW_UP
    )
    report = sync.sync_now(alex)
    assert report.conflicts_at_hub == 0
    sync.sync_now(priya)

    assert not _closed_at_hub(hub, case_id)
    assert hub.conflicts() == []
    for vault in (alex, priya):
        with vault.reader() as session:
            case = load_case(session, case_id)
            assert (case.stage, case.closure_reason, case.closed_on) == (
                Stage.FOLLOW_UP,
                None,
                None,
            )
            last = case.stage_changes[-1]
            assert (last.from_stage, last.to_stage) == (Stage.CLOSED, Stage.FOLLOW_UP)
            assert last.note == "reopened: Marcia reports the bins are back"
            signed = [a for a in case.agreements if a.status == AgreementStatus.SIGNED]
            assert [a.version for a in signed] == [1], "the signed agreement stays as it was"


def test_a_withdrawn_signature_is_gone_at_the_hub_and_on_the_other_laptop(
    live_hub: tuple[Hub, str], laptops: Laptops
) -> None:
    hub, _url = live_hub
    alex, priya, case_id = _co_worked(hub, laptops)
    draft = agreements.new_version(alex, case_id)
    agreements.sign(alex, case_id, draft.id, signer_id=None, signed_on=TODAY)
    with alex.reader() as session:
        case = load_case(session, case_id)
        [signature_id] = [s.id for a in case.agreements if a.id == draft.id for s in a.signatures]
    sync.sync_now(alex)
    sync.sync_now(priya)
    stored = hub.record(signature_id)
    assert stored is not None and not stored.deleted

    agreements.withdraw_signature(alex, case_id, signature_id, reason="Signed the wrong copy")
    sync.sync_now(alex)
    sync.sync_now(priya)

    stored = hub.record(signature_id)
    assert stored is not None and stored.deleted
    assert hub.conflicts() == []
    for vault in (alex, priya):
        with vault.reader() as session:
            case = load_case(session, case_id)
            [version_2] = [a for a in case.agreements if a.id == draft.id]
            assert version_2.status == AgreementStatus.DRAFT
            assert version_2.signatures == []
