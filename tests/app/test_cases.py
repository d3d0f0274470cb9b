"""The case's course through rjdesk.app: referral details, flags, stage, closing, safeguarding,
and the case as the command line shows, exports, imports and prints it. Real vaults."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rjdesk.app import casefile, closing, integrity, risk
from rjdesk.app.cases import open_case
from rjdesk.domain.models import AuditEvent
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import (
    ClosureReason,
    Flag,
    Role,
    SafeguardingKind,
    Stage,
)
from rjdesk_protocol.errors import CaseImportError, NotFound, RuleViolation, ValidationError
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE, PASSPHRASE, TODAY
from tests.services.builders import person, ready_for_conference, referral


def _new_case(vault: Vault) -> str:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        person(uow, case, "Marcia Bennett", Role.BOTH)
        person(uow, case, "Łukasz Nowak", Role.BOTH)
        return case.id


def _actions(vault: Vault) -> list[str]:
    with vault.reader() as session:
        return [e.action for e in session.query(AuditEvent).order_by(AuditEvent.id)]


def test_referral_details_and_flags_are_saved_together(vault: Vault) -> None:
    case_id = _new_case(vault)
    closing.update_referral(
        vault,
        case_id,
        {"referrer_name": "  Sam Okafor ", "location": "Gate by no. 14"},
        flags=[Flag.REPEAT_REFERRAL, Flag.HATE_CRIME],
    )
    case = open_case(vault, case_id, TODAY, viewed=False).case
    assert case.referrer_name == "Sam Okafor"
    assert case.location == "Gate by no. 14"
    assert case.flags == ("hate_crime", "repeat_referral")
    assert _actions(vault)[-2:] == ["update_case", "set_flags"]


def test_a_refused_detail_saves_no_flag_either(vault: Vault) -> None:
    case_id = _new_case(vault)
    with pytest.raises(ValidationError) as refused:
        closing.update_referral(
            vault, case_id, {"received_on": date(2026, 12, 1)}, flags=[Flag.HATE_CRIME]
        )
    assert refused.value.field == "received_on"
    case = open_case(vault, case_id, TODAY, viewed=False).case
    assert case.flags == ()
    assert case.received_on == date(2026, 10, 1)


def test_flags_alone_can_be_cleared(vault: Vault) -> None:
    case_id = _new_case(vault)
    closing.update_referral(vault, case_id, {}, flags=[Flag.NOISE_NUISANCE])
    closing.update_referral(vault, case_id, {}, flags=[])
    assert open_case(vault, case_id, TODAY, viewed=False).case.flags == ()


def test_a_closed_case_keeps_its_referral(vault: Vault) -> None:
    case_id = _new_case(vault)
    closing.close_case(vault, case_id, ClosureReason.DECLINED, closed_on=date(2026, 11, 2))
    with pytest.raises(RuleViolation, match="is closed"):
        closing.update_referral(vault, case_id, {"location": "Elsewhere"})


def test_a_stage_change_is_refused_with_every_reason_then_made(vault: Vault) -> None:
    case_id = _new_case(vault)
    closing.change_stage(vault, case_id, Stage.ASSESSMENT)
    with pytest.raises(RuleViolation) as refused:
        closing.change_stage(vault, case_id, Stage.PREPARATION)
    assert str(refused.value).startswith("cannot move")
    assert "no completed risk assessment" in str(refused.value)
    case = open_case(vault, case_id, TODAY, viewed=False).case
    assert case.stage == Stage.ASSESSMENT
    assert case.blockers_to(Stage.PREPARATION)  # the window knew before asking
    assert [s.to_stage for s in case.stage_changes] == [Stage.REFERRAL, Stage.ASSESSMENT]


def test_a_stage_change_on_an_unknown_case_is_not_found(vault: Vault) -> None:
    with pytest.raises(NotFound):
        closing.change_stage(vault, "no-such-case", Stage.ASSESSMENT)


def test_closing_records_the_reason_and_the_day(vault: Vault) -> None:
    case_id = _new_case(vault)
    closing.close_case(
        vault, case_id, ClosureReason.UNSUITABLE, closed_on=date(2026, 11, 3), note="Not safe"
    )
    case = open_case(vault, case_id, TODAY, viewed=False).case
    assert (case.stage, case.closure_reason, case.closed_on) == (
        Stage.CLOSED,
        ClosureReason.UNSUITABLE,
        date(2026, 11, 3),
    )
    assert case.stage_changes[-1].note == "Not safe"
    with pytest.raises(RuleViolation, match="is closed"):
        closing.close_case(vault, case_id, ClosureReason.DECLINED)


def test_a_case_is_completed_only_after_a_conference(vault: Vault) -> None:
    case_id = _new_case(vault)
    with pytest.raises(RuleViolation, match="completed only after a conference"):
        closing.close_case(vault, case_id, ClosureReason.COMPLETED)
    with pytest.raises(ValidationError) as future:
        closing.close_case(vault, case_id, ClosureReason.DECLINED, closed_on=date(2026, 12, 1))
    assert future.value.field == "closed_on"
    with pytest.raises(ValidationError) as early:
        closing.close_case(vault, case_id, ClosureReason.DECLINED, closed_on=date(2026, 9, 1))
    assert early.value.field == "closed_on"
    assert open_case(vault, case_id, TODAY, viewed=False).case.stage == Stage.REFERRAL


def test_a_safeguarding_concern_is_recorded_about_a_person_even_when_closed(
    vault: Vault,
) -> None:
    with vault.unit_of_work() as uow:
        case, marcia, _ = ready_for_conference(uow)
        case_id, marcia_id = case.id, marcia.id
    closing.close_case(vault, case_id, ClosureReason.WITHDRAWN)
    risk.record_safeguarding_concern(
        vault,
        case_id,
        kind=SafeguardingKind.ADULT,
        concern="Disclosed being afraid at home",
        action_taken="Passed to the safeguarding lead",
        passed_to="Safeguarding lead",
        participant_id=marcia_id,
    )
    view = open_case(vault, case_id, TODAY, viewed=False).case
    (concern,) = view.safeguarding
    assert (concern.participant_id, concern.kind) == (marcia_id, SafeguardingKind.ADULT)
    assert concern.passed_to == "Safeguarding lead"
    assert "safeguarding_adult" in view.flags


def test_a_safeguarding_concern_needs_what_was_done_and_someone_of_the_case(
    vault: Vault,
) -> None:
    case_id = _new_case(vault)
    with pytest.raises(ValidationError) as missing:
        risk.record_safeguarding_concern(
            vault, case_id, kind=SafeguardingKind.CHILD, concern="A worry", action_taken=" "
        )
    assert missing.value.field == "action_taken"
    with pytest.raises(NotFound, match="no longer part of RJ-"):
        risk.record_safeguarding_concern(
            vault,
            case_id,
            kind=SafeguardingKind.CHILD,
            concern="A worry",
            action_taken="Told the lead",
            participant_id="someone-else",
        )
    assert open_case(vault, case_id, TODAY, viewed=False).case.safeguarding == ()


# -- the case as the command line reads it ------------------------------------------------------


def test_a_case_file_is_imported_shown_and_exported_on_the_record(vault: Vault) -> None:
    reference = casefile.import_case(vault, NEIGHBOUR_DISPUTE.read_bytes())
    snapshot = casefile.show_case(vault, reference.lower())
    assert snapshot.case.reference == reference
    assert snapshot.today == TODAY
    exported = casefile.export_case(vault, reference)
    assert exported["reference"] == reference
    assert _actions(vault)[-3:] == ["import_case", "view_case", "export_case"]


def test_a_broken_case_file_is_refused_before_any_unlock(tmp_path: Path) -> None:
    with pytest.raises(CaseImportError):
        casefile.check_case_file(b'{"format": "nothing"}')
    casefile.check_case_file(HATE_CRIME.read_bytes())


def test_showing_an_unknown_case_is_not_found_and_not_recorded(vault: Vault) -> None:
    before = _actions(vault)
    with pytest.raises(NotFound):
        casefile.show_case(vault, "RJ-26-XXXXX-0001")
    with pytest.raises(NotFound):
        casefile.export_case(vault, "RJ-26-XXXXX-0001")
    assert _actions(vault) == before


def test_a_pdf_copy_is_filed_and_recorded_only_when_written(vault: Vault) -> None:
    reference = casefile.import_case(vault, NEIGHBOUR_DISPUTE.read_bytes())
    written: list[bytes] = []
    saved = casefile.save_pdf_copy(vault, reference, "case_summary", written.append)
    assert written[0].startswith(b"%PDF")
    assert saved.version == 1
    assert _actions(vault)[-1] == "export_document"

    def fails(_content: bytes) -> None:
        raise OSError("disk gone")

    before = _actions(vault)
    with pytest.raises(OSError):
        casefile.save_pdf_copy(vault, reference, "agreement", fails)
    assert _actions(vault) == before


def test_a_case_without_an_agreement_has_no_agreement_pdf(vault: Vault) -> None:
    case_id = _new_case(vault)
    with pytest.raises(NotFound, match="no outcome agreement"):
        casefile.save_pdf_copy(vault, case_id, "agreement", lambda _content: None)


def test_a_whole_vault_passes_verification_on_the_record(vault: Vault) -> None:
    vault.lock()
    report = integrity.check_files(vault, PASSPHRASE)
    assert report.ok
    assert all(check.ok for check in report.checks)
    vault.unlock(PASSPHRASE)
    integrity.record_verification(vault)
    assert _actions(vault)[-1] == "verify"
