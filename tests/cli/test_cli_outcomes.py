"""`case show --json` and outcomes: feedback and the returns' facts are part of the case file;
equality monitoring (special-category data) is left out unless `--include-equality` is given."""

from __future__ import annotations

import json
from datetime import date

from rjdesk.app import outcomes
from rjdesk.app.outcomes import EqualityAnswers
from rjdesk.services import importer
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import (
    Answer,
    Ethnicity,
    FeedbackMoment,
    InterventionType,
    Religion,
    Satisfaction,
    SexualOrientation,
)
from tests.conftest import NEIGHBOUR_DISPUTE, TODAY, CliRunner


def _case_with_outcomes(vault: Vault) -> str:
    with vault.unit_of_work() as uow:
        case = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
        case_id, reference = case.id, case.reference
    view = outcomes.outcomes_of(vault, case_id, TODAY)
    marcia = view.participants[0].participant_id
    outcomes.set_returns_facts(
        vault, case_id, intervention_type=InterventionType.CONFERENCE, started_by=None,
        justice_stage=None, first_contact_attempted_on=None, first_contact_made_on=None,
    )  # fmt: skip
    outcomes.record_feedback(
        vault, case_id, marcia, FeedbackMoment.END, given_on=date(2026, 11, 4),
        satisfaction=Satisfaction.FIVE, coping=Answer.YES, feels_safer=None,
        would_recommend=Answer.DECLINED, comment="It helped.",
    )  # fmt: skip
    outcomes.record_equality(
        vault, case_id, marcia,
        EqualityAnswers(
            ethnicity=Ethnicity.MIXED_WHITE_BLACK_CARIBBEAN, religion=Religion.SIKH,
            sexual_orientation=SexualOrientation.PREFER_NOT_TO_SAY,
        ),
    )  # fmt: skip
    return reference


def test_case_show_json_leaves_equality_out_unless_asked(vault: Vault, cli: CliRunner) -> None:
    reference = _case_with_outcomes(vault)
    vault.lock()
    shown = cli("case", "show", reference, "--json")
    assert shown.code == 0, shown.stderr
    document = json.loads(shown.stdout)
    assert "equality" not in document
    for answer in ("mixed_white_black_caribbean", "sikh", "prefer_not_to_say"):
        assert answer not in shown.stdout
    assert document["outcomes"] == {"intervention_type": "conference"}
    assert document["feedback"] == [
        {
            "participant": "a",
            "moment": "end",
            "given_on": "2026-11-04",
            "satisfaction": "5",
            "coping": "yes",
            "would_recommend": "declined",
            "comment": "It helped.",
        }
    ]

    with_equality = cli("case", "show", reference, "--json", "--include-equality")
    assert with_equality.code == 0, with_equality.stderr
    assert json.loads(with_equality.stdout)["equality"] == [
        {
            "participant": "a",
            "sexual_orientation": "prefer_not_to_say",
            "ethnicity": "mixed_white_black_caribbean",
            "religion": "sikh",
        }
    ]


def test_include_equality_without_json_is_a_usage_error(vault: Vault, cli: CliRunner) -> None:
    reference = _case_with_outcomes(vault)
    vault.lock()
    refused = cli("case", "show", reference, "--include-equality")
    assert refused.code == 2
    assert refused.stderr.strip().count("\n") == 0
    assert "--include-equality goes with --json" in refused.stderr
    assert "sikh" not in refused.stdout + refused.stderr


def test_the_help_says_why_equality_is_left_out(cli: CliRunner) -> None:
    shown = cli("case", "show", "--help")
    assert shown.code == 0
    assert "special-category" in " ".join(shown.stdout.split())
