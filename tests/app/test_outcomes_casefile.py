"""Outcomes in the case file: an export carries the returns' facts, feedback and (asked for)
equality monitoring, and importing it gives them back; a file that breaks their rules is
refused naming the field."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rjdesk.app import casefile, outcomes
from rjdesk.app.outcomes import EqualityAnswers
from rjdesk.services import importer
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import (
    AgeBand,
    Answer,
    Disability,
    FeedbackMoment,
    InterventionType,
    JusticeStage,
    Satisfaction,
    StartedBy,
)
from rjdesk_protocol.errors import CaseImportError
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE, TODAY

SHARED_EXAMPLES = Path("/work/shared/examples")


def _filled(vault: Vault) -> str:
    with vault.unit_of_work() as uow:
        case_id = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id
    view = outcomes.outcomes_of(vault, case_id, TODAY)
    lukasz, zoe = view.participants[1].participant_id, view.participants[2].participant_id
    outcomes.set_returns_facts(
        vault, case_id, intervention_type=InterventionType.CONFERENCE,
        started_by=StartedBy.RESPONSIBLE, justice_stage=JusticeStage.OUT_OF_COURT,
        first_contact_attempted_on=date(2026, 10, 15), first_contact_made_on=date(2026, 10, 16),
    )  # fmt: skip
    outcomes.record_feedback(
        vault, case_id, lukasz, FeedbackMoment.FOLLOW_UP, given_on=TODAY,
        satisfaction=Satisfaction.THREE, coping=Answer.NO, feels_safer=Answer.YES,
        would_recommend=None, comment="Still some noise.\nBetter than before.",
    )  # fmt: skip
    outcomes.record_equality(
        vault,
        case_id,
        zoe,
        EqualityAnswers(age_band=AgeBand.FROM_25_TO_34, disability=Disability.NO),
    )
    return case_id


def _as_new(document: dict[str, Any]) -> bytes:
    copy = {k: v for k, v in document.items() if k not in ("reference", "rjdesk")}
    return json.dumps(copy).encode()


def test_an_exported_case_imports_with_its_outcomes(vault: Vault) -> None:
    case_id = _filled(vault)
    document = casefile.export_case(vault, case_id, include_equality=True)
    reference = casefile.import_case(vault, _as_new(document))
    before = outcomes.outcomes_of(vault, case_id, TODAY)
    after = outcomes.outcomes_of(vault, reference, TODAY)
    assert after.intervention_type is InterventionType.CONFERENCE
    assert after.started_by is StartedBy.RESPONSIBLE
    assert after.justice_stage is JusticeStage.OUT_OF_COURT
    assert after.first_contact_attempted.recorded == date(2026, 10, 15)
    assert after.first_contact_made.recorded == date(2026, 10, 16)
    for old, new in zip(before.participants, after.participants, strict=True):
        assert old.name == new.name
        assert [(f.moment, f.given_on, f.satisfaction, f.coping, f.feels_safer,
                 f.would_recommend, f.comment) for f in old.feedback] == [
            (f.moment, f.given_on, f.satisfaction, f.coping, f.feels_safer,
             f.would_recommend, f.comment) for f in new.feedback
        ]  # fmt: skip
        assert (old.equality.age_band, old.equality.disability, old.equality.recorded) == (
            new.equality.age_band, new.equality.disability, new.equality.recorded,
        )  # fmt: skip
    assert after.participants[2].equality.recorded


def test_an_export_without_equality_imports_without_it(vault: Vault) -> None:
    case_id = _filled(vault)
    document = casefile.export_case(vault, case_id)
    assert "equality" not in document
    reference = casefile.import_case(vault, _as_new(document))
    after = outcomes.outcomes_of(vault, reference, TODAY)
    assert not any(p.equality.recorded for p in after.participants)
    assert after.participants[1].feedback_at(FeedbackMoment.FOLLOW_UP) is not None


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        (
            {"feedback": [{"participant": "y", "moment": "end", "given_on": "2026-11-01",
                           "satisfaction": "4"}]},
            "feedback[0]", "working capacity",
        ),
        (
            {"feedback": [{"participant": "zz", "moment": "end", "given_on": "2026-11-01"}]},
            "feedback[0].participant", "no participant with key 'zz'",
        ),
        (
            {"feedback": [{"participant": "v", "moment": "end", "given_on": "2026-11-21",
                           "coping": "yes"}]},
            "feedback[0].given_on", "is in the future",
        ),
        (
            {"feedback": [{"participant": "v", "moment": "end", "given_on": "2026-11-01",
                           "satisfaction": "6"}]},
            "feedback[0].satisfaction", "",
        ),
        (
            {"equality": [{"participant": "v", "sex": "male"},
                          {"participant": "v", "religion": "muslim"}]},
            "equality[1].participant", "given twice",
        ),
        (
            {"outcomes": {"first_contact_attempted_on": "2026-11-10",
                          "first_contact_made_on": "2026-11-09"}},
            "outcomes.first_contact_made_on", "before the first contact attempted",
        ),
    ],
)  # fmt: skip
def test_a_case_file_breaking_the_outcome_rules_is_refused_naming_the_field(
    vault: Vault, change: dict[str, Any], field: str, reason: str
) -> None:
    document = json.loads(HATE_CRIME.read_text("utf-8")) | change
    with pytest.raises(CaseImportError) as refused:
        casefile.import_case(vault, json.dumps(document))
    assert refused.value.field == field
    assert reason in str(refused.value)


def test_the_shared_examples_still_import(vault: Vault) -> None:
    examples = sorted(SHARED_EXAMPLES.glob("*.json"))
    if not examples:
        pytest.skip("no shared examples on this machine")
    for example in examples:
        assert casefile.import_case(vault, example.read_bytes()).startswith("RJ-")
