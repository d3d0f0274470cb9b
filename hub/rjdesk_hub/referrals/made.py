"""Writing the hub's own records (issue 15): a case the hub makes from a referral
(``hub_cases``) and the note a referral that joins a case brings to it (``joining``) are
written by one path.

The records are checked as a laptop's bundle is (``validate.refusals``: the declared schema and
the references) and by the case rules (``rules.check_case``), then written as the hub's own
versions (device ``HUB_INTAKE``, ``how`` ``MADE``) in the caller's transaction, where the
store's commit hook indexes them and delivery queues them for every laptop holding the case. A
refusal raises ``CaseRefused`` before anything is written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rjdesk_hub.rules import check_case
from rjdesk_hub.store import HubStore
from rjdesk_hub.validate import refusals
from rjdesk_protocol.records import TABLE_ORDER, Record

HUB_INTAKE = "hub:intake"  # the "device" of the hub's own cases (conflicts.HUB_DEVICE: settling)
MADE = "made"  # ``hub_record.how`` of a row the hub made


class CaseRefused(ValueError):
    """What the coordinator typed cannot become a case: the message is one sentence to show,
    ``field`` the form's field it is about ("" for the whole form, "people.N.name" for a
    person's)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def write(store: HubStore, case_id: str, records: Sequence[Record]) -> None:
    """Check ``records`` (all of case ``case_id``) and write them as the hub's own versions;
    ``CaseRefused`` with the first problem, nothing written."""
    ordered = sorted(records, key=lambda record: TABLE_ORDER[record.table])
    refused = refusals(store, ordered, {})
    if refused:
        raise first_refusal(refused, ordered)
    breaches = check_case(case_id, [(r.table, r.id, r.fields) for r in ordered])
    if breaches:
        raise CaseRefused(breaches[0].message)
    for record in ordered:
        store.write(
            row_id=record.id,
            table=record.table,
            case_id=record.case_id,
            fields=record.fields,
            deleted=False,
            device_id=HUB_INTAKE,
            bundle_id=None,
            how=MADE,
        )


def first_refusal(refused: Mapping[str, str], records: Sequence[Record]) -> CaseRefused:
    """The first refusal as a sentence about a field ("The location holds a bidirectional
    override."), without the record's table and id."""
    people = [r.id for r in records if r.table == "person"]
    for record in records:
        if record.id not in refused:
            continue
        reason = refused[record.id]
        name, _, problem = reason.partition(": ")[2].partition(" ")
        if not problem:
            return CaseRefused(f"The case cannot be made: {reason}.")
        words = name.replace("_", " ")
        if record.table == "case_file":
            return CaseRefused(f"The {words} {problem}.", name)
        if record.table == "person":
            where = f"people.{people.index(record.id)}.{name}"
            return CaseRefused(f"A person's {words} {problem}.", where)
        return CaseRefused(f"The case cannot be made: {words} {problem}.")
    return CaseRefused("The case cannot be made.")
