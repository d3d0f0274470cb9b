"""The vault is safe across threads by itself: the window's database and network lanes share
one ``Vault``, and locking it never cuts a unit of work of either in half."""

from __future__ import annotations

import threading
import time

import pytest

from rjdesk.services import importer
from rjdesk.services.cases import load_case, update_referral
from rjdesk.store.vault import Vault
from rjdesk_protocol.errors import VaultLocked
from tests.conftest import FACILITATOR, NEIGHBOUR_DISPUTE, PASSPHRASE


@pytest.fixture
def neighbour_case(vault: Vault) -> str:
    with vault.unit_of_work() as uow:
        return importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id


def _reopened(vault: Vault) -> Vault:
    again = Vault(vault.data_dir)
    again.unlock(PASSPHRASE)
    return again


def test_the_lock_waits_for_a_unit_of_work_in_flight_and_it_commits_whole(
    vault: Vault, neighbour_case: str
) -> None:
    inside = threading.Event()
    errors: list[BaseException] = []

    def write() -> None:
        try:
            with vault.unit_of_work() as uow:
                case = load_case(uow.session, neighbour_case)
                update_referral(uow, case, location="Gate Road")
                inside.set()
                time.sleep(0.3)  # the lock arrives now, half way through
                update_referral(uow, case, summary="Both halves of one unit of work.")
        except BaseException as error:
            errors.append(error)

    writer = threading.Thread(target=write)
    writer.start()
    assert inside.wait(5)
    started = time.monotonic()
    vault.lock()
    assert time.monotonic() - started > 0.1, "the lock waited for the unit of work"
    writer.join(5)
    assert not writer.is_alive() and errors == []
    assert not vault.is_unlocked
    with pytest.raises(VaultLocked), vault.reader():
        pass
    reopened = _reopened(vault)
    with reopened.reader() as session:
        case = load_case(session, neighbour_case)
        assert case.location == "Gate Road"
        assert case.summary == "Both halves of one unit of work."
    reopened.lock()


def test_a_unit_of_work_started_after_the_lock_is_refused(
    vault: Vault, neighbour_case: str
) -> None:
    vault.lock()
    refused: list[BaseException] = []

    def write() -> None:
        try:
            with vault.unit_of_work() as uow:
                update_referral(uow, load_case(uow.session, neighbour_case), location="Too late")
        except VaultLocked as error:
            refused.append(error)

    writer = threading.Thread(target=write)
    writer.start()
    writer.join(5)
    assert len(refused) == 1
    reopened = _reopened(vault)
    with reopened.reader() as session:
        assert load_case(session, neighbour_case).location != "Too late"
    reopened.lock()


def test_a_unit_of_work_may_call_the_vault_again_without_a_deadlock(vault: Vault) -> None:
    seen: list[str] = []

    def nested() -> None:
        with vault.unit_of_work() as uow:
            uow.audit("nested_read")
            seen.append(vault.info().facilitator_name)  # takes the vault's lock again
            with vault.reader():
                seen.append(vault.facilitator_name())

    worker = threading.Thread(target=nested)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "no deadlock"
    assert seen == [FACILITATOR, FACILITATOR]
