"""A laptop can die at any moment: what was saved stays saved, and whole.

A child process works on a real vault and is killed with SIGKILL at a random moment. The child
tells the parent (through a pipe) only what has *returned* from a commit; all of that must be
there afterwards, whole, and the vault must pass its integrity checks. CI runs a meaningful
number of rounds; `pytest -m slow` runs many more.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from rjdesk.domain.models import Case
from rjdesk.services import cases, contacts, people
from rjdesk.services.cases import load_case
from rjdesk.store.integrity import verify_files
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import CaseType, Channel, ContactKind, ReferralSource, Role
from rjdesk_protocol.errors import WrongPassphrase
from tests.conftest import FACILITATOR, PASSPHRASE
from tests.store.test_outbox import queued_but_gone, unqueued_rows

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")

OTHER_PASSPHRASE = "the other passphrase of the two"


def _run_child(work: Callable[[int], None], seconds: float) -> list[str]:
    """Fork a child running ``work(write_fd)``, SIGKILL it after ``seconds``, return its lines."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read_fd)
        try:
            work(write_fd)
        finally:
            os._exit(0)
    os.close(write_fd)
    time.sleep(seconds)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    chunks = []
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    text = b"".join(chunks).decode()
    # A line cut by the kill was not reported whole: only complete lines count.
    return text.split("\n")[:-1]


def _commit_cases_forever(data_dir: Path, round_number: int) -> Callable[[int], None]:
    def work(out: int) -> None:
        vault = Vault(data_dir)
        vault.unlock(PASSPHRASE)
        number = 0
        while True:
            number += 1
            with vault.unit_of_work() as uow:
                case = cases.create_case(
                    uow,
                    cases.Referral(
                        case_type=CaseType.NEIGHBOUR_DISPUTE,
                        received_on=date(2026, 11, 2),
                        source=ReferralSource.HOUSING_PROVIDER,
                        channel=Channel.PHONE,
                        summary=f"round {round_number} case {number}: hedge and bins",
                    ),
                )
                harmed, _ = people.add_participant(
                    uow,
                    case,
                    people.PersonDetails(name=f"Harmed {round_number}-{number}"),
                    Role.HARMED,
                )
                people.add_participant(
                    uow,
                    case,
                    people.PersonDetails(name=f"Responsible {round_number}-{number}"),
                    Role.RESPONSIBLE,
                )
                contacts.record_contact(
                    uow,
                    case,
                    kind=ContactKind.PHONE,
                    at=datetime.now(UTC),
                    present=[harmed],
                    notes=f"First call, round {round_number} case {number}.",
                )
                reference = case.reference
            os.write(out, f"{reference}\n".encode())

    return work


def _check_whole(data_dir: Path, this_round: list[str], earlier: list[str]) -> None:
    report = verify_files(data_dir / "vault.key", data_dir / "cases.db", PASSPHRASE)
    assert report.ok, [(c.name, c.problems) for c in report.checks if not c.ok]
    vault = Vault(data_dir)
    vault.unlock(PASSPHRASE)
    try:
        with vault.reader() as session:
            present = set(session.scalars(select(Case.reference)))
            assert set(earlier) <= present, "a case committed in an earlier round was lost"
            for reference in this_round:
                case = load_case(session, reference)
                assert len(case.participants) == 2, reference
                assert len(case.contacts) == 1, reference
                assert case.contacts[0].notes.startswith("First call"), reference
            # A change and its outbox entry are one transaction: whatever survived the kill is
            # queued for the hub, and nothing is queued that did not survive.
            assert unqueued_rows(session) == [] and queued_but_gone(session) == []
    finally:
        vault.lock()


def _kill_while_committing(data_dir: Path, rounds: int, seed: int) -> None:
    Vault.create(data_dir, facilitator_name=FACILITATOR, passphrase=PASSPHRASE)[0].lock()
    rng = random.Random(seed)
    all_committed: list[str] = []
    for round_number in range(rounds):
        # From 20 ms (often still unlocking) to 400 ms (dozens of commits in).
        committed = _run_child(
            _commit_cases_forever(data_dir, round_number), rng.uniform(0.02, 0.4)
        )
        _check_whole(data_dir, committed, all_committed)
        all_committed.extend(committed)
    assert all_committed, "the child never got to commit: the test proved nothing"


def test_cases_whose_commit_returned_survive_a_kill_at_any_moment(data_dir: Path) -> None:
    _kill_while_committing(data_dir, rounds=50, seed=1)


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_cases_survive_many_more_kills(data_dir: Path) -> None:
    _kill_while_committing(data_dir, rounds=400, seed=2)


def _works(data_dir: Path, passphrase: str) -> bool:
    vault = Vault(data_dir)
    try:
        vault.unlock(passphrase)
    except WrongPassphrase:
        return False
    vault.lock()
    return True


def _kill_while_changing_passphrase(data_dir: Path, rounds: int, seed: int) -> None:
    Vault.create(data_dir, facilitator_name=FACILITATOR, passphrase=PASSPHRASE)[0].lock()
    rng = random.Random(seed)
    current = PASSPHRASE
    changes = 0
    for _ in range(rounds):
        done = _run_child(
            _change_passphrase_forever_from(data_dir, current), rng.uniform(0.01, 0.2)
        )
        changes += len(done)
        works = [p for p in (PASSPHRASE, OTHER_PASSPHRASE) if _works(data_dir, p)]
        assert len(works) == 1, f"exactly one passphrase must open the vault, not {len(works)}"
        if done:
            # The last change that returned is in force, or the one in flight after it.
            assert works[0] in (
                done[-1],
                PASSPHRASE if done[-1] != PASSPHRASE else OTHER_PASSPHRASE,
            )
        current = works[0]
        leftovers = list(data_dir.glob(".vault.key.*"))
        assert not leftovers, "an unlock cleans up what a killed write left behind"
    assert changes > rounds, "the child barely ran: the test proved nothing"


def _change_passphrase_forever_from(data_dir: Path, current: str) -> Callable[[int], None]:
    other = OTHER_PASSPHRASE if current == PASSPHRASE else PASSPHRASE

    def work(out: int) -> None:
        now, then = current, other
        while True:
            Vault(data_dir).change_passphrase(now, then)
            os.write(out, f"{then}\n".encode())
            now, then = then, now

    return work


def test_a_passphrase_change_killed_at_any_moment_leaves_exactly_one_working(
    data_dir: Path,
) -> None:
    _kill_while_changing_passphrase(data_dir, rounds=30, seed=3)


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_passphrase_changes_survive_many_more_kills(data_dir: Path) -> None:
    _kill_while_changing_passphrase(data_dir, rounds=300, seed=4)
