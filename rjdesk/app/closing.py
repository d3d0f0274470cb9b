"""The case's course: its referral details and flags, its stage, closing it, and safeguarding
concerns (which may come at any stage, even after the case is closed)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from rjdesk.app.views import CaseView
from rjdesk.services import cases
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import ActionStatus, ClosureReason, Flag, Stage


def update_referral(
    vault: Vault,
    case_id: str,
    changes: Mapping[str, object],
    *,
    flags: Sequence[Flag] | None = None,
) -> None:
    """Correct the referral details (``changes``: field name → new value, the case's own
    names) and, when ``flags`` is given, set the flags: one unit of work, so a refused detail
    saves no flag either."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        if changes:
            cases.update_referral(uow, case, **dict(changes))
        if flags is not None:
            cases.set_flags(uow, case, [Flag(flag) for flag in flags])


def change_stage(vault: Vault, case_id: str, target: Stage, note: str = "") -> None:
    """Move the case to ``target``; refused with every reason the rules give."""
    with vault.unit_of_work() as uow:
        cases.change_stage(uow, load_case(uow.session, case_id), Stage(target), note)


def close_case(
    vault: Vault,
    case_id: str,
    reason: ClosureReason,
    *,
    closed_on: date | None = None,
    note: str = "",
) -> None:
    """Close the case with a reason (completed only after a conference or shuttle work)."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        cases.close_case(uow, case, ClosureReason(reason), closed_on=closed_on, note=note)


def reopen_case(vault: Vault, case_id: str, reason: str) -> Stage:
    """Reopen a closed case with a reason (DESIGN §2): back to the stage it had before closing,
    its signed agreements as they were. Answers that stage."""
    with vault.unit_of_work() as uow:
        return cases.reopen_case(uow, load_case(uow.session, case_id), reason)


def reopens_to(case: CaseView) -> Stage | None:
    """The stage a closed case goes back to when reopened, as its stage history shows (None:
    it arrived closed, and goes back to the furthest stage its record proves)."""
    closings = [c for c in case.stage_changes if c.to_stage == Stage.CLOSED and c.from_stage]
    # A stable sort over the history in the order recorded: of two at the same moment, the
    # later recorded is the last.
    if not closings:
        return None
    last = sorted(closings, key=lambda change: change.changed_at)[-1].from_stage
    return Stage(last) if last is not None and last != Stage.CLOSED else None


def pending_actions(case: CaseView) -> tuple[int, int]:
    """(pending, all) actions of the agreement in force: what closing would leave unchecked."""
    agreement = case.in_force_agreement
    if agreement is None:
        return 0, 0
    pending = sum(1 for action in agreement.actions if action.status == ActionStatus.PENDING)
    return pending, len(agreement.actions)


def pending_warning(case: CaseView) -> str:
    """The sentence the closing dialog shows when agreed actions are still to be followed up
    (empty when none are)."""
    pending, total = pending_actions(case)
    if not pending:
        return ""
    verb = "is" if pending == 1 else "are"
    return (
        f"{pending} of {total} agreed actions {verb} still pending: closing now leaves "
        f"{'it' if pending == 1 else 'them'} without a follow-up."
    )
