"""The next sensible thing to do on a case: the button in the case header.

A facilitator juggling thirty cases should not have to remember where each one is. This looks
at what the case holds and names one next step, and which part of the case it is done in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rjdesk.domain import rules
from rjdesk.domain.facts import ParticipantFacts
from rjdesk.domain.rules import AnyCase
from rjdesk_protocol.enums import ActionStatus, AgreementStatus, Stage
from rjdesk_protocol.victims_code import VictimsCodeStatus

# Where a step is done: the tabs of the case workspace.
OVERVIEW, PEOPLE, RISK, CONTACTS, AGREEMENT = "overview", "people", "risk", "contacts", "agreement"


@dataclass(frozen=True)
class NextStep:
    label: str
    pane: str
    why: str = ""
    stage: Stage | None = None  # set when the step is moving the case on


def next_step(
    case: AnyCase,
    today: date,
    *,
    victims_code: Iterable[tuple[ParticipantFacts, VictimsCodeStatus]] | None = None,
) -> NextStep | None:
    """One next step for the case, or None when it is closed. ``victims_code`` is the case's
    ``rules.victims_code`` on ``today`` when the caller has worked it out already."""
    if case.stage == Stage.CLOSED:
        return None
    if victims_code is None:
        victims_code = rules.victims_code(case, today)
    for participant, status in victims_code:
        if status.given_on is None:
            return NextStep(
                f"Record RJ information for {participant.name}", PEOPLE, status.describe()
            )
    parties = rules.parties(case)
    if not parties:
        return NextStep("Add the people", PEOPLE, "No harmed or responsible person yet.")
    if case.stage == Stage.REFERRAL:
        return NextStep("Start the assessment", OVERVIEW, stage=Stage.ASSESSMENT)
    if rules.completed_risk_assessment(case, today) is None:
        return NextStep("Record the risk assessment", RISK,
                        "A conference needs a completed risk assessment.")  # fmt: skip
    if case.stage == Stage.ASSESSMENT:
        return NextStep("Move to preparation", OVERVIEW, stage=Stage.PREPARATION)
    if case.stage == Stage.PREPARATION:
        waiting = [p for p in parties if rules.consent_gaps(p, today)]
        if waiting:
            return NextStep("Record consent", RISK, "Waiting for: " + rules.names(waiting))
        return NextStep("Move to intervention", OVERVIEW, stage=Stage.INTERVENTION)
    if case.stage == Stage.INTERVENTION:
        return NextStep("Record the conference", CONTACTS,
                        "Or shuttle work, if the parties are not meeting.")  # fmt: skip
    latest = rules.latest_agreement(case)
    if case.stage == Stage.AGREEMENT:
        if latest is None or latest.status != AgreementStatus.DRAFT:
            return NextStep("Write the agreement", AGREEMENT)
        missing = rules.missing_signatures(case, latest)
        return NextStep("Collect signatures", AGREEMENT, "Still to sign: " + ", ".join(missing))
    in_force = rules.in_force_agreement(case)
    actions = in_force.actions if in_force else []
    pending = [a for a in actions if a.status == ActionStatus.PENDING]
    overdue = [a for a in pending if a.due_on is not None and a.due_on < today]
    if overdue:
        return NextStep("Follow up the actions", AGREEMENT, f"{len(overdue)} action(s) overdue.")
    if pending:
        return NextStep("Check on the actions", AGREEMENT, f"{len(pending)} action(s) open.")
    return NextStep("Close the case", OVERVIEW, "Every agreed action has been checked.")
