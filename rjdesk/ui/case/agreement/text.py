"""What the Agreement tab says about a version: a headline and a plain sentence or two."""

from __future__ import annotations

from datetime import date

from rjdesk.app.views import AgreementView, CaseView
from rjdesk.ui.case.agreement.models import day
from rjdesk_protocol.enums import AgreementStatus, Stage


def signed_on(agreement: AgreementView) -> date | None:
    """When the last signature went in: the day the version was signed by everyone."""
    return max((s.signed_on for s in agreement.signatures), default=None)


def version_label(agreement: AgreementView, case: CaseView) -> str:
    """How the version list names a version: "Version 1: signed 4 Nov 2026 (in force)"."""
    number = f"Version {agreement.version}"
    if agreement.status == AgreementStatus.DRAFT:
        return f"{number}: draft"
    if agreement.status == AgreementStatus.SUPERSEDED:
        return f"{number}: superseded"
    in_force = " (in force)" if agreement is case.in_force_agreement else ""
    return f"{number}: signed {day(signed_on(agreement))}{in_force}"


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def still_to_sign(case: CaseView, agreement: AgreementView) -> list[str]:
    """The names of those whose signature the version still needs (the facilitator last)."""
    signed = {s.participant_id for s in agreement.signatures}
    names = [p.name for p in case.parties if p.id not in signed]
    if None not in signed:
        names.append("you (the facilitator)")
    return names


def _draft(case: CaseView, agreement: AgreementView, unsaved: bool) -> tuple[str, str]:
    number, signatures = agreement.version, len(agreement.signatures)
    missing = still_to_sign(case, agreement)
    waiting = f"Still to sign: {_and(missing)}." if missing else ""
    if signatures:
        headline = (
            f"Version {number}: a draft signed by {signatures} of {signatures + len(missing)} "
            "— it can no longer be changed"
        )
        detail = (
            "Changing it would change what they signed; to change it, discard this draft and "
            f"start again. {waiting}"
        )
    else:
        headline = f"Version {number}: a draft, not signed yet"
        first = "Save your changes first; then " if unsaved else "When it is right, "
        detail = f"{first}each person signs it, on screen or on paper. {waiting}"
    in_force = case.in_force_agreement
    if in_force is not None:
        detail += f" Version {in_force.version} stays in force until everyone has signed this one."
    return headline, detail


def describe_state(
    case: CaseView, agreement: AgreementView | None, *, unsaved: bool = False
) -> tuple[str, str]:
    """A headline (what this version is) and a detail (what can or cannot be done with it)."""
    if agreement is None:
        headline = "No agreement yet"
        detail = (
            "Write down what was agreed (who does what, by when) and save the draft; then each "
            "person signs it, on screen or on paper."
        )
        if not any(contact.kind.is_intervention for contact in case.contacts):
            detail += (
                " Record the conference or shuttle work under Contacts first: nobody can sign "
                "before that."
            )
    elif agreement.status == AgreementStatus.DRAFT:
        headline, detail = _draft(case, agreement, unsaved)
    elif agreement.status == AgreementStatus.SIGNED:
        headline = (
            f"Version {agreement.version}: signed by everyone on {day(signed_on(agreement))} "
            "— it cannot be changed; start a new version to change it"
        )
        detail = "Follow up each action: select it, then record whether it was done."
        latest = case.latest_agreement
        if latest is not None and latest is not agreement:
            headline = (
                f"Version {agreement.version}: signed by everyone on "
                f"{day(signed_on(agreement))} — it cannot be changed"
            )
            detail = (
                f"It stays in force until version {latest.version} (a draft) is signed by "
                "everyone. " + detail
            )
    else:
        newer = next((a for a in case.agreements if a.supersedes_id == agreement.id), None)
        by = f" by version {newer.version}" if newer is not None else ""
        headline = f"Version {agreement.version}: replaced{by}"
        detail = "It is kept as it was signed and cannot be changed."
    if case.stage == Stage.CLOSED:
        detail = "The case is closed: nothing here can be changed. " + detail
    return headline, detail.strip()
