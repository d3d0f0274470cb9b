"""Equality monitoring is special-category data: it is on no PDF rjdesk makes. Distinctive
answers are planted for everyone in a case with a signed agreement; the agreement and the case
summary are then made through the application layer and read back with pypdf."""

from __future__ import annotations

from datetime import date

from rjdesk.app import casefile, outcomes
from rjdesk.app.outcomes import EqualityAnswers
from rjdesk.domain.outcome_labels import EQUALITY_LABELS, EQUALITY_QUESTIONS, PREFER_NOT_TO_SAY
from rjdesk.services import importer
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import (
    AgeBand,
    Answer,
    Disability,
    Ethnicity,
    FeedbackMoment,
    GenderSameAsSex,
    Religion,
    Satisfaction,
    Sex,
    SexualOrientation,
)
from tests.conftest import NEIGHBOUR_DISPUTE, TODAY
from tests.documents.pdf_text import text

PLANTED = (
    EqualityAnswers(
        age_band=AgeBand.FROM_55_TO_64, sex=Sex.FEMALE,
        ethnicity=Ethnicity.MIXED_WHITE_BLACK_CARIBBEAN, religion=Religion.SIKH,
        sexual_orientation=SexualOrientation.BISEXUAL,
        disability=Disability.YES_A_LOT, gender_same_as_sex=GenderSameAsSex.NO,
    ),
    EqualityAnswers(
        ethnicity=Ethnicity.WHITE_ROMA, religion=Religion.BUDDHIST,
        sexual_orientation=SexualOrientation.GAY_OR_LESBIAN, disability=Disability.YES_A_LITTLE,
    ),
    EqualityAnswers(
        age_band=AgeBand.PREFER_NOT_TO_SAY, ethnicity=Ethnicity.WHITE_GYPSY_OR_IRISH_TRAVELLER,
        religion=Religion.PREFER_NOT_TO_SAY, sex=Sex.PREFER_NOT_TO_SAY,
    ),
)  # fmt: skip


def _printed(vault: Vault, reference: str) -> dict[str, str]:
    read: dict[str, str] = {}
    for printout in ("agreement", "case_summary"):
        made: list[bytes] = []
        casefile.save_pdf_copy(vault, reference, printout, made.append)  # type: ignore[arg-type]
        read[printout] = text(made[0])
    return read


def test_no_equality_answer_or_question_is_on_the_agreement_or_the_case_summary(
    vault: Vault,
) -> None:
    with vault.unit_of_work() as uow:
        case = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
        case_id, reference = case.id, case.reference
    people = outcomes.outcomes_of(vault, case_id, TODAY).participants
    for person, answers in zip(people, PLANTED, strict=True):
        outcomes.record_equality(vault, case_id, person.participant_id, answers)
    outcomes.record_feedback(
        vault, case_id, people[0].participant_id, FeedbackMoment.END, given_on=date(2026, 11, 4),
        satisfaction=Satisfaction.FIVE, coping=Answer.YES, feels_safer=Answer.YES,
        would_recommend=Answer.YES, comment="Quokka-flavoured feedback comment",
    )  # fmt: skip

    read = _printed(vault, reference)
    assert "Marcia Bennett" in read["agreement"] and "Marcia Bennett" in read["case_summary"]
    planted_labels = {
        EQUALITY_LABELS[name][getattr(answers, name)]
        for answers in PLANTED
        for name in EQUALITY_LABELS
        if getattr(answers, name) is not None
    }
    assert "Roma" in planted_labels and PREFER_NOT_TO_SAY in planted_labels
    codes = {
        str(getattr(answers, name))
        for answers in PLANTED
        for name in EQUALITY_LABELS
        if getattr(answers, name) is not None
    }
    words = planted_labels | codes | set(EQUALITY_QUESTIONS.values())
    words |= {"Equality", "equality", "Ethnic", "ethnic", "Religion", "Sexual", "Disab"}
    # "Yes" and "No" answer other things on an agreement too; every other answer is distinctive.
    words = {word for word in words if word.lower() not in {"yes", "no"}}
    for printout, whole in read.items():
        found = sorted(word for word in words if word in whole)
        assert found == [], f"{printout} shows {found}"
        # Feedback is not on them either: the summary is for handover, not for monitoring.
        assert "Quokka" not in whole, printout
