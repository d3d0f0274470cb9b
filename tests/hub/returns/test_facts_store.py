"""The hub keeps each case's return facts in the transaction of every change to it, and
``load_facts`` reads them (``rjdesk_hub.returns.keep`` and ``store``): on a real hub, on SQLite and
on PostgreSQL, with records written through the hub's own store."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select, update

from rjdesk_hub import Hub
from rjdesk_hub.errors import HubDamaged
from rjdesk_hub.referrals.hub_cases import create_case
from rjdesk_hub.returns.models import ReturnCase, ReturnContact, ReturnPeople
from rjdesk_hub.returns.store import load_facts
from rjdesk_hub.store import HubStore
from tests.hub.returns.records import CASE, Row, case_file, christmas_case, contact, feedback

SECOND = "c0000000-0000-0000-0000-00000000000b"


def _write(hub: Hub, rows: list[Row], device: str = "laptop-a", *, deleted: bool = False) -> None:
    """Write rows as a laptop's bundle would have them applied, in one transaction."""
    with hub.db.transaction() as tx:
        store = HubStore(tx, hub._at_rest)
        for table, row_id, fields in rows:
            store.write(
                row_id=row_id,
                table=table,
                case_id=_case_of(table, row_id, fields),
                fields=fields,
                deleted=deleted,
                device_id=device,
                bundle_id=None,
                how="apply",
            )


def _case_of(table: str, row_id: str, fields: dict[str, Any]) -> str | None:
    if table == "person":
        return None
    if table == "case_file":
        return row_id
    if table in ("agreement_action",):
        return CASE  # the only case with agreements here
    return str(fields["case_id"])


def test_each_case_is_kept_once_and_follows_every_change(hub: Hub) -> None:
    _write(hub, list(christmas_case().rows))
    _write(hub, [case_file(SECOND, "2026-10-01", source="school", channel="online")])
    facts = load_facts(hub)
    assert [c.case_id for c in facts.cases] == [CASE, SECOND]
    christmas = facts.cases[0]
    assert christmas.victims_code_due_on == date(2027, 1, 5)
    assert christmas.first_contact_made_on == date(2027, 4, 2)
    assert christmas.partner_id is None  # a facilitator's own case: no referral made it
    assert len([p for p in facts.people if p.case_id == CASE]) == 4
    assert [c.contact_id for c in facts.contacts] == ["k1", "k2", "k3", "k4"]
    resp = next(p for p in facts.people if p.participant_id == "p-resp")
    assert (resp.ethnicity, resp.ethnic_group, resp.end_satisfaction) == (
        "white_irish",
        "white",
        "3",
    )

    # A second laptop co-working the case sends its own version of the case and a contact: it
    # is one case still, and a contact (not a table the case index reads) moves its facts.
    _write(
        hub,
        [
            case_file(CASE, "2026-12-24", stage="closed", closed_on="2027-06-02",
                      closure_reason="completed", intervention_type="shuttle"),
            contact("k0", CASE, "phone", "2026-12-24T15:00:00Z", ["p-harmed"]),
        ],
        device="laptop-b",
    )  # fmt: skip
    facts = load_facts(hub)
    assert [c.case_id for c in facts.cases] == [CASE, SECOND]
    christmas = facts.cases[0]
    assert (christmas.closed_on, christmas.intervention_type, christmas.direct) == (
        date(2027, 6, 2),
        "shuttle",
        False,
    )
    assert christmas.first_contact_attempted_on == date(2026, 12, 24)
    assert christmas.first_contact_made_on == date(2026, 12, 24)
    assert next(c.contact_id for c in facts.contacts if c.case_id == CASE) == "k0"

    # Feedback alone (another table the index does not read) reaches the people's facts.
    _write(hub, [feedback("f9", CASE, "p-supp", "end", given_on="2027-05-11", coping="declined")])
    supporter = next(p for p in load_facts(hub).people if p.participant_id == "p-supp")
    assert (supporter.end_given_on, supporter.end_coping) == (date(2027, 5, 11), "declined")

    # A case whose case row is deleted counts nowhere: no case, people or contacts are left.
    _write(hub, [case_file(CASE, "2026-12-24")], deleted=True)
    facts = load_facts(hub)
    assert [c.case_id for c in facts.cases] == [SECOND]
    assert {p.case_id for p in facts.people} == set()  # SECOND has no participants
    assert facts.contacts == ()


def test_reindex_builds_the_facts_again_for_an_upgraded_hub(hub: Hub) -> None:
    _write(hub, list(christmas_case().rows))
    _write(hub, [case_file(SECOND, "2026-10-01")])
    kept = load_facts(hub)
    with hub.db.transaction() as tx:
        for model in (ReturnContact, ReturnPeople, ReturnCase):
            tx.session.execute(delete(model))
        # A stray row of a case the hub does not have (as a hub before a removal left it).
        tx.session.add(ReturnContact(contact_id="stray", case_id="gone", kind="phone",
                                     on=date(2026, 1, 1)))  # fmt: skip
    assert load_facts(hub).cases == ()
    assert hub.reindex() == 2
    assert load_facts(hub) == kept
    assert hub.reindex() == 2  # again: nothing changes
    assert load_facts(hub) == kept


def test_the_peoples_facts_are_sealed_and_bound_to_their_case(hub: Hub, hub_dir: Path) -> None:
    _write(hub, list(christmas_case().rows))
    _write(hub, [case_file(SECOND, "2026-10-01")])
    if hub.db.engine.dialect.name == "sqlite":
        stored = b"".join(path.read_bytes() for path in hub_dir.rglob("*") if path.is_file())
        for answer in (b"white_irish", b"prefer_not_to_say", b"follow_up", b"2001-12-25"):
            assert answer not in stored
    # One case's sealed people moved onto another case's row does not open there.
    with hub.db.transaction() as tx:
        sealed = tx.session.scalar(select(ReturnPeople.sealed).where(ReturnPeople.case_id == CASE))
        tx.session.execute(
            update(ReturnPeople).where(ReturnPeople.case_id == SECOND).values(sealed=sealed)
        )
    with pytest.raises(HubDamaged) as refused:
        load_facts(hub)
    assert "\n" not in str(refused.value)
    assert "Dana" not in str(refused.value)


def test_a_case_the_hub_made_from_a_partners_referral_is_that_partners(hub: Hub) -> None:
    from tests.hub.test_hub_cases import CASE as REFERRED
    from tests.hub.test_hub_cases import COORDINATOR, PEOPLE, _referral

    by_partner, partner_id = _referral(hub)
    made = create_case(
        hub, referral_id=by_partner, case=REFERRED, people=PEOPLE, facilitator_id=None,
        actor=COORDINATOR,
    )  # fmt: skip
    public, _other = _referral(hub, "public")
    online = create_case(
        hub, referral_id=public, case=REFERRED, people=PEOPLE[:1], facilitator_id=None,
        actor=COORDINATOR,
    )  # fmt: skip
    facts = {case.case_id: case for case in load_facts(hub).cases}
    assert (facts[made].origin, facts[made].partner_id) == ("partner_link", partner_id)
    assert (facts[online].origin, facts[online].partner_id) == ("public_form", None)
    # Marcia Brown, born 1 May 1980, was 45 when the referral came on 2 Mar 2026.
    marcia = [p for p in load_facts(hub).people if p.case_id == made and p.role == "responsible"]
    assert [p.age_band for p in marcia] == ["45_54"]
