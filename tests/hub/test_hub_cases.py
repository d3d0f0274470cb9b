"""Cases the hub makes itself (issue 15, ``referrals.hub_cases``), over a real hub database and
a real laptop's keys: an accepted referral becomes a case with a reference from the hub's own
series, whose records pass the protocol's checks, which the case index finds by a folded name,
which is queued whole for the assigned facilitator's laptop (in a hub bundle the laptop opens
with the hub's key), with the referral accepted and the audit log saying who did it. Refused
input (an unknown case type, a supporter of nobody, a date of birth to come, a referral decided
already, an unknown facilitator) writes nothing at all."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_hub.console import ledger
from rjdesk_hub.console.register import RegisterQuery
from rjdesk_hub.referrals import partners
from rjdesk_hub.referrals import store as referrals
from rjdesk_hub.referrals.hub_cases import HUB_INTAKE, CaseRefused, create_case
from rjdesk_hub.referrals.models import Referral
from rjdesk_hub.referrals.series import hub_code
from rjdesk_protocol import schema
from rjdesk_protocol.records import Record
from rjdesk_protocol.references import REFERENCE_PATTERN, device_code_for
from tests.hub.conftest import LaptopFactory

COORDINATOR = ledger.Actor(account_id="acc-1", account_name="Jo Coordinator", address="10.0.0.9")
CASE: dict[str, Any] = {
    "case_type": "neighbour_dispute",
    "received_on": "2026-03-02",
    "summary": "Noise through the party wall, and words on the stairs.",
    "referrer_name": "PC Lee",
    "crime_reference": "CR/123/26",
}
PEOPLE: list[dict[str, Any]] = [
    {"key": "a", "name": "Łukasz Nowak", "role": "harmed", "phone": "07700 900123"},
    {"key": "b", "name": "Marcia Brown", "role": "responsible", "date_of_birth": "1980-05-01"},
    {
        "key": "c",
        "name": "Ann Brown",
        "role": "supporter",
        "supports": "b",
        "relationship": "sister",
    },
]


def _referral(hub: Hub, channel: str = referrals.PARTNER) -> tuple[str, str]:
    """A referral received at the hub (through a partner's link): its id and the partner's."""
    at = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    with hub.db.transaction() as tx:
        partner, _token = partners.issue(
            tx.session, hub, organisation="Northshire Police", kind="police", by="acc-1", at=at
        )
        received = referrals.receive(
            tx.session,
            referrals.sealer(hub),
            at=at,
            channel=channel,
            fields={"name": "Łukasz Nowak"},
            problem="neighbour_dispute",
            partner_id=partner.id if channel == referrals.PARTNER else None,
        )
        return received.id, partner.id


def _facilitator(hub: Hub, name: str) -> str:
    return next(d.facilitator_id for d in hub.devices() if d.facilitator == name)


def _counts(hub: Hub) -> dict[str, int]:
    with hub.db.reader() as session:
        return {
            "cases": session.scalar(select(func.count()).select_from(m.Case)) or 0,
            "records": session.scalar(select(func.count()).select_from(m.Record)) or 0,
            "events": session.scalar(select(func.count()).select_from(m.ConsoleAuditEvent)) or 0,
            "deliveries": session.scalar(select(func.count()).select_from(m.Delivery)) or 0,
            "index": session.scalar(select(func.count()).select_from(m.CasePerson)) or 0,
        }


def test_an_accepted_referral_becomes_a_hub_case_on_the_facilitators_laptop(
    hub: Hub, laptop: LaptopFactory
) -> None:
    priya = laptop("Priya Shah")
    priya.enroll(hub)
    referral_id, _partner = _referral(hub)
    facilitator = _facilitator(hub, "Priya Shah")

    case_id = create_case(
        hub,
        referral_id=referral_id,
        case=CASE,
        people=PEOPLE,
        facilitator_id=facilitator,
        actor=COORDINATOR,
    )

    # The hub's own series: RJ-YY-<hub code>-0001, the code no device has.
    with hub.db.reader() as session:
        case = session.get(m.Case, case_id)
        assert case is not None
        code = hub_code(session, hub.public_key.raw)
        rows = list(session.scalars(select(m.Record).where(m.Record.case_id == case_id)))
        referral = session.get(Referral, referral_id)
        events = list(session.scalars(select(m.ConsoleAuditEvent).order_by(m.ConsoleAuditEvent.id)))
    found = REFERENCE_PATTERN.match(case.reference)
    assert found is not None
    assert found.group(2) == code == device_code_for(hub.public_key.raw)
    assert code != priya.device_code
    assert case.reference.endswith("-0001")
    # Written as the hub's own versions.
    assert {row.device_id for row in rows} == {HUB_INTAKE}
    # The referral is accepted as this case, by the coordinator.
    assert referral is not None
    assert (referral.status, referral.case_id, referral.decided_by) == (
        "accepted",
        case_id,
        "acc-1",
    )
    # The audit log: assigned, then accepted, with the case and its reference, by name.
    accepted = [e for e in events if e.action == ledger.Action.REFERRAL_ACCEPTED.value]
    assert len(accepted) == 1
    assert (accepted[0].case_id, accepted[0].case_reference) == (case_id, case.reference)
    assert accepted[0].account_name == "Jo Coordinator"
    assert f"referral_id={referral_id}" in accepted[0].detail
    assert "origin=partner_link" in accepted[0].detail
    assert "Nowak" not in accepted[0].detail  # ids and counts only
    assert any(e.action == ledger.Action.ASSIGN.value and e.case_id == case_id for e in events)

    # Indexed at once: found in the register by a folded name, assigned to Priya.
    page = hub.register(RegisterQuery(text="lukasz"))
    assert [row.reference for row in page.rows] == [case.reference]
    facts = hub.case_facts(case_id)
    assert facts is not None

    # Queued whole for Priya's laptop: the hub bundle (signed by the hub, opened with its key)
    # carries every record, each passing the protocol's checks, with where it came from.
    changes = priya.fetch(hub)
    assert changes is not None
    assert [c["id"] for c in changes["cases"]] == [case_id]
    records = [Record.from_json(item) for item in changes["records"]]
    assert all(schema.check_record(record) is None for record in records)
    tables = sorted(record.table for record in records)
    assert tables == ["case_file", *["participant"] * 3, *["person"] * 3, "stage_change"]
    case_file = next(r for r in records if r.table == "case_file")
    assert case_file.fields["reference"] == case.reference
    assert case_file.fields["origin"] == "partner_link"
    assert case_file.fields["referrer_organisation"] == "Northshire Police"
    assert case_file.fields["source"] == "police"
    assert case_file.fields["facilitators"] == ["Priya Shah"]
    assert case_file.fields["stage"] == "referral"
    ann = next(r for r in records if r.table == "participant" and r.fields["key"] == "c")
    marcia = next(r for r in records if r.table == "participant" and r.fields["key"] == "b")
    assert ann.fields["supports_id"] == marcia.id


def test_the_hub_series_counts_on_and_avoids_every_device_code(
    hub: Hub, laptop: LaptopFactory
) -> None:
    first = create_case(
        hub, referral_id=None, case=CASE, people=PEOPLE[:1], facilitator_id=None, actor=COORDINATOR
    )
    second = create_case(
        hub, referral_id=None, case=CASE, people=PEOPLE[:1], facilitator_id=None, actor=COORDINATOR
    )
    with hub.db.transaction() as tx:
        references = [tx.session.get(m.Case, c).reference for c in (first, second)]  # type: ignore[union-attr]
        # A device holding the code the hub's key gives pushes the hub to the next of its series.
        own = device_code_for(hub.public_key.raw)
        facilitator = m.Facilitator(id="f-x", name="Someone", created_at=tx.now)
        tx.session.add(facilitator)
        tx.session.flush()
        tx.session.add(
            m.Device(
                id="device-x",
                facilitator_id="f-x",
                device_code=own,
                name="Someone",
                signing_key="",
                age_recipient="",
                enrolled_at=tx.now,
                schema_version="",
            )
        )
        tx.session.flush()
        moved = hub_code(tx.session, hub.public_key.raw)
    assert [r.rsplit("-", 1)[1] for r in references] == ["0001", "0002"]
    assert moved != own
    assert REFERENCE_PATTERN.match(f"RJ-26-{moved}-0001")
    # A phone call typed at the hub (no referral record): origin "hub_phone", by phone.
    with hub.db.reader() as session:
        row = session.scalars(
            select(m.Record).where(m.Record.row_id == first, m.Record.table_name == "case_file")
        ).one()
    with hub.db.transaction() as tx:
        from rjdesk_hub.store import HubStore

        fields = HubStore(tx, hub._at_rest).fields_of(row)
    assert (fields["origin"], fields["channel"], fields["source"]) == (
        "hub_phone",
        "phone",
        "other",
    )
    assert fields["facilitators"] == []


@pytest.mark.parametrize(
    ("case", "people", "field"),
    [
        ({**CASE, "case_type": "burglary"}, PEOPLE, "case_type"),
        (CASE, [*PEOPLE[:2], {**PEOPLE[2], "supports": "nobody"}], "people.2.supports"),
        (
            CASE,
            [{**PEOPLE[0], "role": "supporter", "supports": "c"}, *PEOPLE[1:]],
            "people.0.supports",
        ),
        (CASE, [{**PEOPLE[0], "supports": "b"}, PEOPLE[1]], "people.0.supports"),
        (CASE, [PEOPLE[0], {**PEOPLE[1], "key": "a"}], "people.1.key"),
        (CASE, [{**PEOPLE[0], "role": "judge"}], "people.0.role"),
        (CASE, [{**PEOPLE[0], "date_of_birth": "2999-01-01"}], "people.0.date_of_birth"),
        (CASE, [{**PEOPLE[0], "name": "  "}], "people.0.name"),
        ({**CASE, "incident_date": "2026-04-01"}, PEOPLE, "incident_date"),
        ({**CASE, "received_on": "2999-01-01"}, PEOPLE, "received_on"),
        ({**CASE, "summary": "x" * 100_001}, PEOPLE, "summary"),
        ({**CASE, "location": "a \u202e b"}, PEOPLE, "location"),
        (CASE, [{**PEOPLE[0], "phone": "0" * 51}], "people.0.phone"),
        ({**CASE, "referrer_name": "two\nlines"}, PEOPLE, "referrer_name"),
    ],
)
def test_refused_input_writes_nothing(
    hub: Hub, case: dict[str, Any], people: list[dict[str, Any]], field: str
) -> None:
    referral_id, _partner = _referral(hub)
    before = _counts(hub)
    with pytest.raises(CaseRefused) as refused:
        create_case(
            hub, referral_id=referral_id, case=case, people=people, facilitator_id=None,
            actor=COORDINATOR,
        )  # fmt: skip
    assert refused.value.field == field
    assert str(refused.value).endswith(".")
    assert "case_file" not in str(refused.value)
    assert "Traceback" not in str(refused.value)
    assert _counts(hub) == before
    with hub.db.reader() as session:
        referral = session.get(Referral, referral_id)
        assert referral is not None and referral.status == "new" and referral.case_id is None


def test_a_decided_referral_or_an_unknown_facilitator_is_refused(hub: Hub) -> None:
    referral_id, _partner = _referral(hub)
    with pytest.raises(CaseRefused, match="Choose a facilitator"):
        create_case(
            hub, referral_id=referral_id, case=CASE, people=PEOPLE, facilitator_id="forged-id",
            actor=COORDINATOR,
        )  # fmt: skip
    create_case(
        hub, referral_id=referral_id, case=CASE, people=PEOPLE, facilitator_id=None,
        actor=COORDINATOR,
    )  # fmt: skip
    before = _counts(hub)
    with pytest.raises(CaseRefused, match="already been decided"):
        create_case(
            hub, referral_id=referral_id, case=CASE, people=PEOPLE, facilitator_id=None,
            actor=COORDINATOR,
        )  # fmt: skip
    with pytest.raises(CaseRefused, match="no longer at the hub"):
        create_case(
            hub, referral_id="no-such-referral", case=CASE, people=PEOPLE, facilitator_id=None,
            actor=COORDINATOR,
        )  # fmt: skip
    assert _counts(hub) == before


def test_a_public_referral_is_from_the_online_form(hub: Hub) -> None:
    referral_id, _partner = _referral(hub, referrals.PUBLIC)
    case_id = create_case(
        hub, referral_id=referral_id, case={**CASE, "received_on": date(2026, 3, 2)},
        people=PEOPLE[:1], facilitator_id=None, actor=COORDINATOR,
    )  # fmt: skip
    with hub.db.transaction() as tx:
        from rjdesk_hub.store import HubStore

        store = HubStore(tx, hub._at_rest)
        record = store.record(case_id)
        assert record is not None
        fields = store.fields_of(record)
    assert (fields["origin"], fields["channel"], fields["source"]) == (
        "public_form",
        "online",
        "self",
    )
    assert fields["referrer_organisation"] == None  # noqa: E711 - the JSON null


def test_a_laptop_of_the_previous_protocol_is_not_sent_the_origin() -> None:
    fields = {"reference": "RJ-26-ABCDE-0001", "origin": "hub_phone"}
    assert schema.fields_for("2", "case_file", fields) == {"reference": "RJ-26-ABCDE-0001"}
    assert schema.fields_for("0004", "case_file", fields) == {"reference": "RJ-26-ABCDE-0001"}
    assert schema.fields_for("3", "case_file", fields) == fields
    assert schema.fields_for("", "case_file", fields) == fields
    assert schema.fields_for("2", "person", {"name": "x"}) == {"name": "x"}
