"""The console's overview, over its real app and a real hub whose cases came from real laptop
vaults through real bundles: what is unassigned, due, missed and overdue as the hub's clock
moves (across the Christmas bank holidays), laptops not seen for a week, each facilitator's
open cases; an administrator sees no figure; each view is recorded."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rjdesk.services import agreements, cases, people
from rjdesk_hub import Hub
from rjdesk_hub.console import overview
from rjdesk_hub.console.overview_models import CaseIndexDates
from rjdesk_hub.models import ConsoleAuditEvent
from rjdesk_protocol.enums import CaseType, Channel, ReferralSource, Role
from tests.hub.console_signin import Clock, accounts_of, console_app, set_up_person, sign_in
from tests.laptops import Laptop, send_changes
from tests.services.builders import conference, person, ready_for_conference

# Monday 21 December 2026: five working days later, with Christmas Day (Friday) and Boxing
# Day's substitute (Monday 28th) off, is Wednesday 30 December (28th without the holidays).
RECEIVED = date(2026, 12, 21)
DEADLINE = date(2026, 12, 30)


@dataclass(frozen=True)
class Office:
    hub: Hub
    clock: Clock
    alex: Laptop
    sam: Laptop
    waiting: str  # the reference of a referral whose harmed person is not yet told about RJ
    told: str  # a referral whose harmed person was told the same day
    agreed: str  # a signed agreement: its action due 18 Nov and its review on 1 Dec


def _referral(device: Laptop, *, told_on: date | None) -> str:
    with device.vault.unit_of_work() as uow:
        case = cases.create_case(
            uow,
            cases.Referral(
                case_type=CaseType.NEIGHBOUR_DISPUTE,
                received_on=RECEIVED,
                source=ReferralSource.HOUSING_PROVIDER,
                channel=Channel.PHONE,
                summary="Shouting over the fence.",
            ),
        )
        harmed = person(uow, case, "Marcia Bennett", Role.HARMED)
        person(uow, case, "Łukasz Nowak", Role.RESPONSIBLE)
        if told_on is not None:
            people.record_rj_information(uow, harmed, told_on)
        return case.reference


def _signed_agreement(device: Laptop) -> str:
    with device.vault.unit_of_work() as uow:
        case, marcia, lukasz = ready_for_conference(uow)
        people.record_rj_information(uow, marcia, date(2026, 10, 2))
        people.record_rj_information(uow, lukasz, date(2026, 10, 2))
        conference(uow, case, marcia, lukasz)
        agreement = agreements.draft_agreement(
            uow,
            case,
            summary="Both households agree to keep the peace.",
            review_on=date(2026, 12, 1),
            actions=[agreements.ActionInput("Fit a closer.", lukasz, date(2026, 11, 18))],
        )
        for signer in (marcia, lukasz, None):
            agreements.sign_agreement(uow, agreement, signer=signer, signed_on=date(2026, 10, 20))
        return case.reference


@pytest.fixture
def clock() -> Clock:
    found = Clock()
    found.now = datetime(2026, 12, 22, 10, 0, tzinfo=UTC)
    return found


@pytest.fixture
def office(tmp_path: Path, clock: Clock, vault_template: Path) -> Iterator[Office]:
    hub = Hub.init(
        tmp_path / "hub", name="North RJ hub", url="https://hub.example.org", clock=clock
    )
    alex = Laptop(tmp_path / "alex", "Alex Morgan", today=RECEIVED, template=vault_template)
    sam = Laptop(tmp_path / "sam", "Sam Patel", today=RECEIVED, template=vault_template)
    alex.enroll(hub)
    sam.enroll(hub)
    waiting = _referral(alex, told_on=None)
    told = _referral(alex, told_on=RECEIVED)
    send_changes(alex, hub)
    agreed = _signed_agreement(sam)
    send_changes(sam, hub)
    try:
        yield Office(hub, clock, alex, sam, waiting, told, agreed)
    finally:
        alex.close()
        sam.close()
        hub.close()


def _figures(hub: Hub, at: datetime) -> overview.Overview:
    with hub.db.reader() as session:
        return overview.build(session, at)


def _counts(found: overview.Overview) -> dict[str, int]:
    return {key: figure.count for key, figure in found.figures.items()}


def test_victims_code_information_is_due_then_missed_across_the_christmas_bank_holidays(
    office: Office,
) -> None:
    # On the 29th the deadline is the 30th (two bank holidays pushed it on): due, not missed.
    found = _figures(office.hub, datetime(2026, 12, 29, 9, tzinfo=UTC))
    assert found.figures["victims_code_due"].count == 1
    assert found.figures["victims_code_due"].reference_names == (office.waiting,)
    assert found.figures["victims_code_missed"].count == 0
    # On the deadline itself it is still due; the next working day it is missed.
    assert (
        _counts(_figures(office.hub, datetime(2026, 12, 30, 17, tzinfo=UTC)))["victims_code_due"]
        == 1
    )
    later = _figures(office.hub, datetime(2026, 12, 31, 9, tzinfo=UTC))
    assert later.figures["victims_code_missed"].reference_names == (office.waiting,)
    assert later.figures["victims_code_due"].count == 0
    # Eight days before the deadline it is not due yet (more than 2 working days ahead).
    assert (
        _counts(_figures(office.hub, datetime(2026, 12, 22, 9, tzinfo=UTC)))["victims_code_due"]
        == 0
    )


def test_the_case_whose_harmed_person_was_told_is_never_counted(office: Office) -> None:
    for day in (22, 29, 31):
        found = _figures(office.hub, datetime(2026, 12, day, 9, tzinfo=UTC))
        for key in ("victims_code_due", "victims_code_missed"):
            assert office.told not in found.figures[key].reference_names


def test_agreed_actions_and_reviews_are_overdue_only_after_their_day(office: Office) -> None:
    before = _counts(_figures(office.hub, datetime(2026, 11, 18, 12, tzinfo=UTC)))
    assert before["actions_overdue"] == 0 and before["reviews_overdue"] == 0
    action_late = _figures(office.hub, datetime(2026, 11, 19, 9, tzinfo=UTC))
    assert action_late.figures["actions_overdue"].reference_names == (office.agreed,)
    assert action_late.figures["reviews_overdue"].count == 0
    both = _counts(_figures(office.hub, datetime(2026, 12, 2, 9, tzinfo=UTC)))
    assert both["actions_overdue"] == 1 and both["reviews_overdue"] == 1


def test_a_referral_is_unassigned_until_a_facilitator_is_assigned(office: Office) -> None:
    hub = office.hub
    found = _figures(hub, office.clock.now)
    assert found.figures["unassigned"].count == 3
    alex = next(d.facilitator_id for d in hub.devices() if d.facilitator == "Alex Morgan")
    hub.assign(office.waiting, alex)
    after = _figures(hub, office.clock.now)
    assert after.figures["unassigned"].count == 2
    assert office.waiting not in after.figures["unassigned"].reference_names
    workload = {row.name: row.open_cases for row in after.workload}
    assert workload == {"Alex Morgan": 2, "Sam Patel": 1}
    assert next(row for row in after.workload if row.name == "Alex Morgan").href == (
        f"/cases?status=open&facilitator={alex}"
    )


def test_laptops_not_seen_for_a_week_are_listed(office: Office) -> None:
    assert _figures(office.hub, datetime(2026, 12, 29, 9, tzinfo=UTC)).unseen == ()
    later = _figures(office.hub, datetime(2026, 12, 29, 11, tzinfo=UTC))
    assert {laptop.facilitator for laptop in later.unseen} == {"Alex Morgan", "Sam Patel"}
    assert later.figures["laptops_unseen"].count == 2
    office.hub.revoke(office.sam.device_id)
    revoked = _figures(office.hub, datetime(2026, 12, 29, 11, tzinfo=UTC))
    assert [laptop.facilitator for laptop in revoked.unseen] == ["Alex Morgan"]


def test_the_dates_are_plain_in_the_index_and_rebuilt_by_reindex(office: Office) -> None:
    hub = office.hub
    with hub.db.reader() as session:
        kept = {row.case_id: row for row in session.scalars(select(CaseIndexDates))}
    assert {
        (row.victims_code_due_on, row.action_due_on, row.review_due_on) for row in kept.values()
    } == {
        (DEADLINE, None, None),
        (None, None, None),
        (None, date(2026, 11, 18), date(2026, 12, 1)),
    }
    with hub.db.transaction() as tx:
        tx.session.query(CaseIndexDates).delete()
    assert hub.reindex() == 3
    with hub.db.reader() as session:
        assert len(list(session.scalars(select(CaseIndexDates)))) == 3


# -- the page --------------------------------------------------------------------------------

COUNT = re.compile(r'id="figure-([a-z-]+)".*?rj-count">(\d+)<', re.S)


@pytest.fixture
def client(office: Office) -> Iterator[TestClient]:
    console, _app = console_app(office.hub)
    with TestClient(console, base_url="https://testserver", follow_redirects=False) as made:
        yield made


def _signed_in(client: TestClient, clock: Clock, role: str, name: str) -> None:
    who = set_up_person(accounts_of(client), clock, name, role)
    assert sign_in(client, who, clock).status_code == 303


def test_the_page_shows_each_figure_with_a_link_and_is_recorded(
    office: Office, client: TestClient
) -> None:
    office.clock.now = datetime(2026, 12, 31, 9, tzinfo=UTC)
    _signed_in(client, office.clock, "coordinator", "sam.coordinator")
    answer = client.get("/")
    assert answer.status_code == 200
    counts = dict(COUNT.findall(answer.text))
    assert counts["victims-code-missed"] == "1" and counts["victims-code-due"] == "0"
    assert counts["actions-overdue"] == "1" and counts["reviews-overdue"] == "1"
    assert counts["unassigned"] == "3" and counts["laptops-unseen"] == "2"
    assert counts["conflicts"] == "0" and counts["set-aside"] == "0"
    assert re.search(rf'href="/cases/[0-9a-f-]{{36}}">{office.waiting}<', answer.text)
    assert 'href="/cases?status=open&amp;facilitator=none"' in answer.text
    assert 'href="/conflicts"' in answer.text and 'href="/laptops"' in answer.text
    assert "31 December 2026" in answer.text
    # Case references, never a person's name.
    assert "Marcia" not in answer.text and "Nowak" not in answer.text
    with office.hub.db.reader() as session:
        viewed = session.scalars(
            select(ConsoleAuditEvent).where(ConsoleAuditEvent.action == "view_overview")
        ).all()
    assert [(event.account_name, event.outcome) for event in viewed] == [("sam.coordinator", "ok")]


def test_a_coordinator_has_no_audit_item_in_the_navigation(
    office: Office, client: TestClient
) -> None:
    _signed_in(client, office.clock, "coordinator", "sam.coordinator")
    answer = client.get("/")
    assert 'href="/cases"' in answer.text and 'href="/audit"' not in answer.text


def test_an_administrator_sees_what_they_can_do_and_no_figure(
    office: Office, client: TestClient
) -> None:
    _signed_in(client, office.clock, "admin", "ada.admin")
    answer = client.get("/")
    assert answer.status_code == 200
    assert "administrator" in answer.text and "rjdesk-hub user add" in answer.text
    assert "rj-count" not in answer.text and office.waiting not in answer.text
    assert 'href="/audit"' in answer.text and 'href="/cases"' not in answer.text
    with office.hub.db.reader() as session:
        viewed = session.scalars(
            select(ConsoleAuditEvent).where(ConsoleAuditEvent.action == "view_overview")
        ).all()
    assert viewed == []


def test_a_stranger_gets_no_figure(client: TestClient) -> None:
    answer = client.get("/")
    assert answer.status_code == 303 and answer.headers["location"] == "/sign-in"
