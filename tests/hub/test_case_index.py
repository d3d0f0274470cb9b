"""The console's case register: found by folded names, dates of birth, phones, postcodes and
references through keyed hashes, filtered and sorted on plain facts, with nothing of a case's
content in the clear (docs/hub.md, "What the case index shows")."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select, update

from rjdesk.demo import fill_demo
from rjdesk.services import cases, contacts, people
from rjdesk.services.cases import load_case, participant_of
from rjdesk_hub import Hub, config
from rjdesk_hub import models as m
from rjdesk_hub.cli import main
from rjdesk_hub.console import index
from rjdesk_hub.console.overview_models import CaseIndexDates
from rjdesk_hub.console.register import RegisterQuery
from rjdesk_hub.crypto import AtRest
from rjdesk_hub.errors import HubDamaged
from rjdesk_protocol.enums import CaseType, ClosureReason, ContactKind, Role, Stage
from rjdesk_protocol.errors import UsageError
from tests.canary import files_holding, forms
from tests.conftest import TODAY
from tests.hub.conftest import LaptopFactory
from tests.laptops import CaseIds, Laptop, deleted, new_case, send_changes
from tests.services.builders import at, person, referral

CANARY = "Quillonbright Zephyrine"


@dataclass(frozen=True)
class Office:
    hub: Hub
    alex: Laptop
    sam: Laptop
    dispute: CaseIds  # Marcia Bennett and Łukasz Nowak, a neighbour dispute of Alex's
    hate_crime: str  # Zoë Ashby (born, phone, postcode), Alex's
    school: str  # a school incident of Sam's, moved on to assessment


def _second_case(device: Laptop) -> str:
    with device.vault.unit_of_work() as uow:
        case = referral(uow, CaseType.HATE_CRIME)
        person(
            uow,
            case,
            "Zoë Ashby",
            Role.HARMED,
            born=date(1990, 4, 2),
            phone="+44 7700 900412",
            address="14 Farnborough Road, Birmingham B35 7NL",
        )
        person(uow, case, f"{CANARY} Okafor", Role.RESPONSIBLE)
        return case.id


def _third_case(device: Laptop) -> str:
    with device.vault.unit_of_work() as uow:
        case = referral(uow, CaseType.SCHOOL_INCIDENT)
        person(uow, case, "Ngozi O'Brien", Role.HARMED, phone="07700 900999")
        cases.move_stage(uow, case, Stage.ASSESSMENT)
        return case.id


@pytest.fixture
def office(hub: Hub, laptop: LaptopFactory) -> Office:
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    alex.enroll(hub)
    sam.enroll(hub)
    dispute = new_case(alex)
    hate_crime = _second_case(alex)
    send_changes(alex, hub)
    school = _third_case(sam)
    send_changes(sam, hub)
    return Office(hub, alex, sam, dispute, hate_crime, school)


def _found(hub: Hub, **criteria: Any) -> list[str]:
    return [row.case_id for row in hub.register(RegisterQuery(**criteria)).rows]


def _facilitator_id(hub: Hub, name: str) -> str:
    return next(d.facilitator_id for d in hub.devices() if d.facilitator == name)


def test_a_case_is_found_by_a_folded_name_prefix(office: Office) -> None:
    hub, dispute = office.hub, office.dispute.case_id
    assert _found(hub, text="luk") == [dispute]  # "luk" finds Łukasz
    assert _found(hub, text="ŁUKASZ") == [dispute]
    assert _found(hub, text="zoe") == [office.hate_crime]  # "zoe" finds Zoë
    assert _found(hub, text="obrien") == []  # words, as the laptop splits them
    assert _found(hub, text="o'bri") == [office.school]
    assert _found(hub, text="nowak marcia") == [dispute]  # both words, any of its people
    assert _found(hub, text="nowak ashby") == []  # two words must both match
    assert _found(hub, text="nowakowski") == []  # a longer name is not a prefix of it


def test_a_case_is_found_by_birth_date_phone_postcode_and_reference(office: Office) -> None:
    hub, zoe = office.hub, office.hate_crime
    assert _found(hub, date_of_birth=date(1990, 4, 2)) == [zoe]
    assert _found(hub, date_of_birth=date(1990, 4, 3)) == []
    assert _found(hub, phone="07700 900412") == [zoe]  # as typed, in any UK form
    assert _found(hub, phone="0044 (0)7700-900412") == [zoe]
    assert _found(hub, phone="900412") == []  # too short to be a number: nothing
    assert _found(hub, postcode="b35 7nl") == [zoe]
    assert _found(hub, postcode="B35") == []  # an outward code alone is not indexed
    reference = office.dispute.reference
    assert _found(hub, text=reference) == [office.dispute.case_id]
    laptop_code, number = reference.lower().split("-")[-2:]
    assert _found(hub, text=f"{laptop_code} {number}") == [office.dispute.case_id]


def test_the_register_filters_sorts_pages_and_counts(office: Office) -> None:
    hub = office.hub
    everything = hub.register(RegisterQuery(sort="reference", descending=False, page_size=2))
    assert everything.total == 3 and everything.pages == 2 and len(everything.rows) == 2
    second = hub.register(RegisterQuery(sort="reference", descending=False, page=2, page_size=2))
    references = [row.reference for row in everything.rows + second.rows]
    assert references == sorted(references)
    assert _found(hub, case_types=("hate_crime",)) == [office.hate_crime]
    assert _found(hub, stages=("assessment",)) == [office.school]
    assert _found(hub, sort="stage", descending=True)[0] == office.school
    sam = _facilitator_id(hub, "Sam Patel")
    assert _found(hub, facilitator_id=sam) == [office.school]
    assert _found(hub, sources=("housing_provider",), closed=False, sort="updated") == _found(
        hub, sort="updated"
    )
    assert _found(hub, received_from=date(2026, 10, 2)) == []
    assert len(_found(hub, received_from=date(2026, 10, 1), received_to=date(2026, 10, 1))) == 3
    row = hub.register(RegisterQuery(text="zoe")).rows[0]
    assert row.facilitators == ("Alex Morgan",)
    assert row.case_type == "hate_crime" and row.stage == "referral" and not row.closed
    parties = row.facts["parties"]
    assert {"name": "Zoë Ashby", "role": "harmed"} in parties
    code = row.facts["victims_code"]
    assert code == [{"received_on": "2026-10-01", "deadline": "2026-10-08", "given_on": None}]
    assert row.facts["next_due_on"] == "2026-10-08"
    assert hub.case_facts(office.hate_crime) == row.facts


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        ({"sort": "name"}, "sorts by reference, received, updated, stage"),
        ({"page": 0}, "starts at 1"),
        ({"page_size": 201}, "1 to 200"),
        ({"received_from": date(2026, 2, 1), "received_to": date(2026, 1, 1)}, "after"),
    ],
)
def test_a_malformed_register_query_is_refused_in_one_sentence(
    hub: Hub, criteria: dict[str, Any], message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        hub.register(RegisterQuery(**criteria))


def test_no_plain_name_is_in_the_index_nor_any_hub_file(
    tmp_path: Path, laptop: LaptopFactory
) -> None:
    hub_dir = tmp_path / "hub"
    hub = Hub.init(hub_dir)
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    case_id = _second_case(alex)
    send_changes(alex, hub)
    assert _found(hub, text="quillon zeph") == [case_id]  # it is indexed
    assert _found(hub, phone="07700900412") == [case_id]
    folded = ["quillonbright", "quillonb", "zephyrine", "zephyri", "zoe ashby", "Zoë Ashby"]
    secrets = [CANARY, *folded, "07700900412", "B357NL", "1990-04-02"]
    hub.close()
    assert files_holding(hub_dir, forms(*secrets)) == []


def _snapshot(hub: Hub) -> dict[str, Any]:
    with hub.db.reader() as session:
        entries = {
            e.case_id: (
                e.reference,
                e.case_type,
                e.stage,
                e.source,
                e.received_on,
                e.updated_at,
                e.closed,
            )
            for e in session.scalars(select(m.CaseIndex))
        }
        terms = set(session.execute(select(m.CaseIndexTerm.case_id, m.CaseIndexTerm.digest)))
        holders = set(
            session.execute(
                select(m.CaseIndexFacilitator.case_id, m.CaseIndexFacilitator.facilitator_id)
            )
        )
        dates = {
            d.case_id: (d.victims_code_due_on, d.action_due_on, d.review_due_on)
            for d in session.scalars(select(CaseIndexDates))
        }
    facts = {case_id: hub.case_facts(case_id) for case_id in entries}
    return {"entries": entries, "terms": terms, "holders": holders, "facts": facts, "dates": dates}


def test_reindex_gives_the_index_merging_gave(office: Office) -> None:
    hub = office.hub
    merged = _snapshot(hub)
    assert len(merged["entries"]) == 3 and merged["terms"]
    with hub.db.transaction() as tx:
        for model in (m.CaseIndexTerm, m.CaseIndexFacilitator, m.CaseIndex):
            tx.session.execute(delete(model))
    assert hub.register(RegisterQuery()).total == 0
    assert hub.reindex(batch=2) == 3
    assert _snapshot(hub) == merged
    assert hub.reindex() == 3  # again: nothing changes
    assert _snapshot(hub) == merged


def test_reindex_of_a_demo_caseload_gives_exactly_the_index_its_merges_kept(
    hub: Hub, laptop: LaptopFactory
) -> None:
    # Many cases of every kind (contacts, agreements, actions, co-workers' people), sent in
    # several bundles so entries are kept across merges; reindexed in chunks of another size.
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    for _ in fill_demo(alex.vault, cases=40, seed=11, batch=15):
        send_changes(alex, hub)
    before = _snapshot(hub)
    noted = sorted(c for c, entry in before["entries"].items() if not entry[6])[:3]
    with alex.vault.unit_of_work() as uow:  # a later note: only its time moves the entry
        for case_id in noted:
            contacts.record_contact(
                uow,
                load_case(uow.session, case_id),
                kind=ContactKind.PHONE,
                at=at(TODAY, 9),
                present=[],
                notes="Called back.",
            )
    send_changes(alex, hub)
    merged = _snapshot(hub)
    assert len(merged["entries"]) == 40
    assert merged["dates"]  # the overview's dates due are part of what must come back
    for case_id in noted:
        assert merged["entries"][case_id][5] > before["entries"][case_id][5]
    with hub.db.transaction() as tx:
        for model in (m.CaseIndexTerm, m.CaseIndexFacilitator, CaseIndexDates, m.CaseIndex):
            tx.session.execute(delete(model))
    assert hub.reindex(batch=7) == 40
    assert _snapshot(hub) == merged


def test_an_updated_case_is_found_as_it_is_now(office: Office) -> None:
    hub, alex, ids = office.hub, office.alex, office.dispute
    with alex.vault.unit_of_work() as uow:
        case = load_case(uow.session, ids.case_id)
        lukasz = participant_of(case, ids.lukasz)
        people.update_person(
            uow, lukasz, people.PersonDetails(name="Lucas Novak", phone="07700 900123")
        )
        cases.move_stage(uow, case, Stage.ASSESSMENT)
    send_changes(alex, hub)
    assert _found(hub, text="lukasz") == []
    assert _found(hub, text="novak") == [ids.case_id]
    assert _found(hub, phone="07700900123") == [ids.case_id]
    assert set(_found(hub, stages=("assessment",))) == {ids.case_id, office.school}
    # Assigned to Sam: the facilitator filter follows; unassigned from Alex, it leaves him.
    sam, alex_id = _facilitator_id(hub, "Sam Patel"), _facilitator_id(hub, "Alex Morgan")
    hub.assign(ids.reference, "Sam Patel")
    assert ids.case_id in _found(hub, facilitator_id=sam)
    assert ids.case_id not in _found(hub, facilitator_id=alex_id)


def test_a_note_moves_a_case_to_the_top_of_recently_updated(office: Office) -> None:
    hub, alex, ids = office.hub, office.alex, office.dispute
    assert _found(hub, sort="updated")[0] == office.school
    facts = hub.case_facts(ids.case_id)
    with alex.vault.unit_of_work() as uow:
        contacts.record_contact(
            uow,
            load_case(uow.session, ids.case_id),
            kind=ContactKind.PHONE,
            at=at(date(2026, 10, 7), 10),
            present=[],
            notes="Called Marcia back.",
        )
    send_changes(alex, hub)
    assert _found(hub, sort="updated")[0] == ids.case_id
    assert hub.case_facts(ids.case_id) == facts
    merged = _snapshot(hub)
    hub.reindex()
    assert _snapshot(hub) == merged  # the time a note moved is the time reindexing finds


def test_a_closed_case_leaves_the_open_register_and_its_dates_due(office: Office) -> None:
    hub, alex, zoe = office.hub, office.alex, office.hate_crime
    assert hub.case_facts(zoe)["next_due_on"] == "2026-10-08"
    with alex.vault.unit_of_work() as uow:
        cases.close_case(uow, load_case(uow.session, zoe), ClosureReason.DECLINED)
    send_changes(alex, hub)
    assert zoe not in _found(hub, closed=False)
    assert _found(hub, closed=True) == [zoe]
    assert _found(hub, stages=("closed",), text="zoe") == [zoe]
    assert hub.case_facts(zoe)["next_due_on"] is None


def test_a_deleted_case_leaves_the_register(office: Office) -> None:
    hub, alex, ids = office.hub, office.alex, office.dispute
    base, _ = alex.records(ids.case_id, {"case_file": [ids.case_id]})
    alex.send(hub, [deleted(base[0], 1)])
    assert _found(hub, text="lukasz") == []
    assert hub.case_facts(ids.case_id) is None
    assert hub.reindex() == 2


def test_the_index_key_is_the_hubs_own_and_not_its_data_key(tmp_path: Path) -> None:
    first, second = Hub.init(tmp_path / "one"), Hub.init(tmp_path / "two")
    term = index.name_term("luk")
    _, one_keys = config.load(tmp_path / "one")
    _, two_keys = config.load(tmp_path / "two")
    ours = AtRest(one_keys.data_key).index_digest(term)
    assert ours != AtRest(two_keys.data_key).index_digest(term)  # two hubs cannot be joined
    plain_hmac = hmac.new(one_keys.data_key, term.encode(), hashlib.sha256).digest()
    assert ours != plain_hmac[: len(ours)]  # a key of its own, derived with its own label
    first.close()
    second.close()


def test_facts_moved_to_another_case_do_not_open(office: Office) -> None:
    hub = office.hub
    with hub.db.transaction() as tx:
        sealed = tx.session.get(m.CaseIndex, office.hate_crime)
        assert sealed is not None
        tx.session.execute(
            update(m.CaseIndex)
            .where(m.CaseIndex.case_id == office.dispute.case_id)
            .values(facts=sealed.facts)
        )
    with pytest.raises(HubDamaged, match="fails its authentication"):
        hub.case_facts(office.dispute.case_id)


def test_reindex_from_the_command_line_builds_an_upgraded_hubs_register(
    tmp_path: Path, laptop: LaptopFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    hub_dir = tmp_path / "hub"
    hub = Hub.init(hub_dir)
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    ids = new_case(alex)
    send_changes(alex, hub)
    with hub.db.transaction() as tx:  # as a hub from before the index would be
        for model in (m.CaseIndexTerm, m.CaseIndexFacilitator, m.CaseIndex):
            tx.session.execute(delete(model))
    hub.close()
    assert main(["--data-dir", str(hub_dir), "reindex"]) == 0
    assert capsys.readouterr().out.strip() == "Indexed 1 case(s) for the console's register."
    with Hub.open(hub_dir) as reopened:
        assert _found(reopened, text="marcia ben") == [ids.case_id]
