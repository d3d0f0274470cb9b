"""A referral that joins a case the hub holds brings its details to the case (issue 15), over
the console's real app and a real hub: the hub adds a contact note it made itself, with what the
referrer typed and who it names that the case does not hold (decrypted back from the hub's
store); a closed case, an unknown or forged one, an auditor and a form without its CSRF token
are each refused with nothing written."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rjdesk.services import cases
from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_hub.referrals import partners, store
from rjdesk_hub.referrals.made import HUB_INTAKE, MADE
from rjdesk_hub.referrals.models import Referral
from rjdesk_hub.results import StoredRecord
from rjdesk_protocol.enums import ClosureReason
from tests.hub.conftest import LaptopFactory
from tests.hub.console_fixtures import hub  # noqa: F401 - fixtures
from tests.hub.console_signin import Clock, accounts_of, csrf_of, set_up_person, sign_in
from tests.hub.test_console_triage import PHONE_FORM, _banner, _client, _events, _post
from tests.laptops import CaseIds, new_case, send_changes

RECEIVED = datetime(2027, 1, 11, 15, 30, tzinfo=UTC)
CANARY = "Zebedee Quillfeather"
PARTNER_FIELDS = {
    "referrer_name": "PC Dana Whitlock",
    "referrer_role": "Neighbourhood officer",
    "referrer_phone": "01632 960001",
    "name": "Łukasz Nowak",
    "contact_how": "text",
    "contact_detail": "07700 900982",
    "contact_when": "Weekdays after 6pm, never at weekends",
    "message_ok": "no",
    "problem": "neighbour_dispute",
    "crime_reference": "NP/4471/27",
    "incident_date": "2027-01-08",
    "incident_place": "Castle Vale",
    "people": f"Łukasz Nowak (harmed), {CANARY} (responsible, the new neighbour)",
    "risks": "None known",
    "description": "The argument over the fence has started again.",
    "agreed": "yes",
}


@pytest.fixture
def clock() -> Clock:
    return Clock()  # 12 January 2027, 09:00 UTC


def _signed_in(hub: Hub, clock: Clock, name: str, role: str) -> Iterator[TestClient]:
    for made in _client(hub):
        person = set_up_person(accounts_of(made), clock, name, role)
        assert sign_in(made, person, clock).status_code == 303
        yield made


@pytest.fixture
def coordinator(hub: Hub, clock: Clock) -> Iterator[TestClient]:
    yield from _signed_in(hub, clock, "sam.coordinator", "coordinator")


@pytest.fixture
def auditor(hub: Hub, clock: Clock) -> Iterator[TestClient]:
    yield from _signed_in(hub, clock, "ada.auditor", "auditor")


@pytest.fixture
def earlier(hub: Hub, laptop: LaptopFactory) -> CaseIds:
    """A case Alex Morgan's laptop sent, with Marcia Bennett and Łukasz Nowak in it."""
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    found = new_case(alex)
    send_changes(alex, hub)
    return found


def partner_referral(hub: Hub, fields: dict[str, Any] | None = None) -> store.Received:
    with hub.db.transaction() as tx:
        partner, _token = partners.issue(
            tx.session, hub, organisation="Northshire Police", kind="police", by="acc-1",
            at=RECEIVED,
        )  # fmt: skip
        return store.receive(
            tx.session, store.sealer(hub), at=RECEIVED, channel=store.PARTNER,
            fields=fields or PARTNER_FIELDS, problem="neighbour_dispute", partner_id=partner.id,
        )  # fmt: skip


def notes_of(hub: Hub, case_id: str) -> list[StoredRecord]:
    with hub.db.reader() as session:
        query = select(m.Record.row_id).where(
            m.Record.case_id == case_id, m.Record.table_name == "contact"
        )
        ids = list(session.scalars(query))
    found = [hub.record(row_id) for row_id in ids]
    return [record for record in found if record is not None]


def join(client: TestClient, referral_id: str, case_id: str, **extra: str) -> Any:
    path = f"/referrals/{referral_id}/accept"
    return _post(client, path, path, join=case_id, **PHONE_FORM, **extra)


def _status(hub: Hub, referral_id: str) -> str:
    with hub.db.reader() as session:
        found = session.get(Referral, referral_id)
        assert found is not None
        return found.status


def test_joining_adds_the_referrers_details_to_the_case_as_the_hubs_note(
    hub: Hub, coordinator: TestClient, earlier: CaseIds
) -> None:
    referral = partner_referral(hub)
    before = {record.row_id for record in notes_of(hub, earlier.case_id)}
    answer = join(coordinator, referral.id, earlier.case_id)
    assert answer.status_code == 303
    banner = _banner(coordinator.get("/referrals"))
    assert f"{referral.reference} joined {earlier.reference}." in banner
    assert "Alex Morgan receives it at the next sync" in banner

    (note,) = [r for r in notes_of(hub, earlier.case_id) if r.row_id not in before]
    assert (note.device_id, note.how, note.version) == (HUB_INTAKE, MADE, 1)
    fields = note.fields
    assert fields["kind"] == "email" and fields["present"] == []
    assert fields["at"] == "2027-01-11T15:30:00Z"
    assert fields["location"] == "Partner's referral link (Northshire Police)"
    assert fields["author"] == "sam.coordinator" or fields["author"]
    text = fields["notes"]
    assert text.startswith(
        f"Referral {referral.reference} joined this case from a partner's link "
        "(Northshire Police), received 11 Jan 2027, 15:30."
    )
    for line in (
        "The referrer's name: PC Dana Whitlock",
        "The referrer's job or role: Neighbourhood officer",
        "The person to contact: Łukasz Nowak",
        "How to contact them: Text message",
        "Their phone number or email address: 07700 900982",
        "When it is safe to contact them: Weekdays after 6pm, never at weekends",
        "May a message be left: No",
        "What the problem is about: A falling out with a neighbour",
        "The crime reference: NP/4471/27",
        "The incident date: 8 Jan 2027",
        "Where it happened: Castle Vale",
        f"The people involved and their roles: Łukasz Nowak (harmed), {CANARY} (responsible",
        "What the referrer wrote: The argument over the fence has started again.",
        "Nobody was added to the case: the facilitator decides who joins it.",
    ):
        assert line in text, line
    # Łukasz Nowak is in the case already: the note lists nobody as missing.
    assert "Not in this case yet" not in text
    assert "decide whether anyone it names" in fields["next_steps"]

    assert _status(hub, referral.id) == store.ACCEPTED
    with hub.db.reader() as session:
        kept = session.get(Referral, referral.id)
        assert kept is not None and kept.sealed is not None and kept.case_id == earlier.case_id
    (event,) = _events(hub, "referral_accepted")
    assert event.case_id == earlier.case_id and "joined=yes" in event.detail
    assert "note=yes" in event.detail
    assert CANARY not in event.detail and "Whitlock" not in event.detail
    # The coordinator sees the note on the case's page at the hub, as a laptop will.
    page = coordinator.get(f"/cases/{earlier.case_id}")
    assert page.status_code == 200
    assert f"Referral {referral.reference} joined this case" in page.text
    assert "PC Dana Whitlock" in page.text


def test_a_phone_referral_names_the_people_the_case_does_not_hold(
    hub: Hub, coordinator: TestClient, earlier: CaseIds
) -> None:
    with hub.db.transaction() as tx:
        referral = store.receive(
            tx.session, store.sealer(hub), at=RECEIVED, channel=store.PHONE,
            problem="neighbour_dispute", fields={
                "case_type": "neighbour_dispute", "source": "self",
                "summary": "Shouting over the fence every night.",
                "people": [
                    {"name": "LUKASZ NOWAK", "role": "harmed"},
                    {"name": CANARY, "role": "responsible", "phone": "07700 900123",
                     "date_of_birth": "1980-04-03"},
                ],
            },
        )  # fmt: skip
    assert join(coordinator, referral.id, earlier.case_id).status_code == 303
    (note,) = [r for r in notes_of(hub, earlier.case_id) if r.device_id == HUB_INTAKE]
    text = note.fields["notes"]
    assert note.fields["kind"] == "phone"
    assert "joined this case from a phone call at the hub" in text
    assert "What happened: Shouting over the fence every night." in text
    assert f"- {CANARY} (" in text and "born 3 Apr 1980" in text and "phone 07700 900123" in text
    # The folded name matches Łukasz Nowak in the case; the other is named, and not added.
    assert f"Not in this case yet: {CANARY}." in text
    assert "Not in this case yet: LUKASZ" not in text
    with hub.db.reader() as session:
        people = session.scalars(select(m.Record).where(m.Record.table_name == "person"))
        assert all(p.device_id != HUB_INTAKE for p in people)


def test_a_closed_case_is_refused_and_nothing_is_written(
    hub: Hub, coordinator: TestClient, laptop: LaptopFactory
) -> None:
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    closed = new_case(alex)
    with alex.vault.unit_of_work() as uow:
        case = cases.load_case(uow.session, closed.case_id)
        cases.close_case(uow, case, ClosureReason.DECLINED)
    send_changes(alex, hub)
    referral = partner_referral(hub)
    answer = join(coordinator, referral.id, closed.case_id)
    assert answer.status_code == 400
    assert f"{closed.reference} is closed, so the referral cannot join it" in answer.text
    assert CANARY in answer.text or "Łukasz" in answer.text  # the typed details are shown again
    assert not [r for r in notes_of(hub, closed.case_id) if r.device_id == HUB_INTAKE]
    assert _status(hub, referral.id) == store.NEW
    assert not _events(hub, "referral_accepted")


def test_an_unknown_or_forged_case_is_refused_and_nothing_is_written(
    hub: Hub, coordinator: TestClient, earlier: CaseIds
) -> None:
    referral = partner_referral(hub)
    for forged in ("00000000-0000-4000-8000-000000000000", "x" * 400, "' OR 1=1 --"):
        answer = join(coordinator, referral.id, forged)
        assert answer.status_code == 400, forged
        assert "Choose a case the hub holds, or a new case." in answer.text
    with hub.db.reader() as session:
        made = session.scalars(select(m.Record).where(m.Record.device_id == HUB_INTAKE))
        assert list(made) == []
    assert _status(hub, referral.id) == store.NEW


def test_an_auditor_and_a_form_without_its_token_write_nothing(
    hub: Hub, coordinator: TestClient, auditor: TestClient, earlier: CaseIds
) -> None:
    referral = partner_referral(hub)
    path = f"/referrals/{referral.id}/accept"
    token_less = coordinator.post(path, data={"join": earlier.case_id, **PHONE_FORM})
    assert token_less.status_code in (400, 403)
    token = csrf_of(auditor.get(f"/referrals/{referral.id}"))  # the auditor may read it
    data = {"join": earlier.case_id, **PHONE_FORM, "csrf_token": token}
    assert auditor.post(path, data=data).status_code == 403
    assert not [r for r in notes_of(hub, earlier.case_id) if r.device_id == HUB_INTAKE]
    assert _status(hub, referral.id) == store.NEW


def test_a_case_nobody_holds_says_who_will_receive_the_note(
    hub: Hub, coordinator: TestClient, earlier: CaseIds
) -> None:
    hub.unassign(earlier.reference, "Alex Morgan")
    referral = partner_referral(hub)
    assert join(coordinator, referral.id, earlier.case_id).status_code == 303
    banner = _banner(coordinator.get("/referrals"))
    assert "which has no facilitator yet: they receive it when the case is assigned" in banner
