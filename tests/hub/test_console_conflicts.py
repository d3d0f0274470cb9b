"""The console's conflicts over its real app and a real hub, with conflicts made by real bundles
from two laptops: the list, a conflict with both values and who made each, settling each kind
at the hub (the hub's own change, sent to every laptop), settling twice, an auditor refused,
a missing CSRF token, hostile ids, the audit log, and ``rjdesk-hub conflicts --show``."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rjdesk.services import assessment
from rjdesk.services.cases import load_case
from rjdesk_hub import Hub
from rjdesk_hub.cli import main
from rjdesk_hub.console import conflicts
from rjdesk_hub.console.accounts import Accounts
from rjdesk_hub.models import ConsoleAuditEvent
from tests.hub.conftest import LaptopFactory
from tests.hub.console_fixtures import client, clock, hub  # noqa: F401 - fixtures
from tests.hub.console_signin import (
    Clock,
    Person,
    accounts_of,
    csrf_of,
    set_up_person,
    sign_in,
)
from tests.laptops import CaseIds, Laptop, deleted, edited, new_case, of, send_changes
from tests.services.builders import conference


def _person(client: TestClient, clock: Clock, name: str, role: str) -> Person:
    accounts: Accounts = accounts_of(client)
    return set_up_person(accounts, clock, name, role)


@pytest.fixture
def coordinator(client: TestClient, clock: Clock) -> Person:
    person = _person(client, clock, "sam.coordinator", "coordinator")
    assert sign_in(client, person, clock).headers["location"] == "/"
    return person


def _shared_case(hub: Hub, laptop: LaptopFactory) -> tuple[Laptop, Laptop, CaseIds]:
    """Alex makes a case and sends it; the coordinator gives it to Sam too; both work it."""
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    alex.enroll(hub)
    sam.enroll(hub)
    ids = new_case(alex)
    send_changes(alex, hub)
    hub.assign(ids.reference, sam.device_code, keep_referrer=True)
    assert sam.fetch(hub, apply=True) is not None
    alex.fetch(hub)
    return alex, sam, ids


def _summary_conflict(hub: Hub, laptop: LaptopFactory) -> tuple[Laptop, Laptop, CaseIds, str]:
    alex, sam, ids = _shared_case(hub, laptop)
    [base] = alex.records(ids.case_id, {"case_file": [ids.case_id]})[0]
    alex.send(hub, [edited(base, 1, summary="Alex's summary")])
    assert sam.send(hub, [edited(base, 1, summary="Sam's summary")])["conflicts"] == [ids.case_id]
    [conflict] = hub.conflicts()
    return alex, sam, ids, conflict.id


def _settle(client: TestClient, conflict_id: str, **form: str):  # type: ignore[no-untyped-def]
    page = client.get(f"/conflicts/{conflict_id}")
    return client.post(f"/conflicts/{conflict_id}", data={**form, "csrf_token": csrf_of(page)})


def _events(hub: Hub, action: str) -> list[ConsoleAuditEvent]:
    with hub.db.reader() as session:
        query = select(ConsoleAuditEvent).where(ConsoleAuditEvent.action == action)
        found = list(session.scalars(query.order_by(ConsoleAuditEvent.id)))
        session.expunge_all()
        return found


def test_with_no_conflicts_the_list_says_so(client: TestClient, coordinator: Person) -> None:
    page = client.get("/conflicts")
    assert page.status_code == 200
    assert "<title>Conflicts – RJ hub</title>" in page.text
    assert "There are no open conflicts." in page.text
    assert 'href="/conflicts/settled"' in page.text


def test_the_list_shows_what_each_open_conflict_is_about_and_whose_laptop_raised_it(
    client: TestClient, coordinator: Person, hub: Hub, laptop: LaptopFactory
) -> None:
    _alex, sam, ids, conflict_id = _summary_conflict(hub, laptop)
    page = client.get("/conflicts").text
    assert f'href="/cases/{ids.case_id}">{ids.reference}</a>' in page
    assert f'href="/conflicts/{conflict_id}">Case: summary' in page
    assert "Changed on two laptops" in page
    assert f"Sam Patel&#39;s laptop ({sam.device_code})" in page
    assert "12 Jan 2027, 09:" in page  # London time (GMT in January)
    assert "Sam&#39;s summary" not in page  # the values are on the conflict's own page


def test_a_field_conflict_shows_both_values_and_who_made_each(
    client: TestClient, coordinator: Person, hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam, ids, conflict_id = _summary_conflict(hub, laptop)
    page = client.get(f"/conflicts/{conflict_id}")
    assert page.status_code == 200
    text = page.text
    assert f"<title>Conflict in {ids.reference} – RJ hub</title>" in text
    assert "Alex&#39;s summary" in text and "Sam&#39;s summary" in text
    assert f"Alex Morgan&#39;s laptop ({alex.device_code})" in text  # made the hub's value
    assert f"Sam Patel&#39;s laptop ({sam.device_code})" in text  # sent the other
    assert 'name="choice" type="radio" value="hub"' in text
    assert 'name="choice" type="radio" value="incoming"' in text
    # Opening it shows case content: recorded as viewing the case, naming the conflict.
    [viewed] = _events(hub, "view_case")
    assert (viewed.account_name, viewed.case_id) == ("sam.coordinator", ids.case_id)
    assert viewed.detail == f"conflict_id={conflict_id}"


def test_settling_a_field_conflict_at_the_hub_reaches_both_laptops(
    client: TestClient, coordinator: Person, hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam, ids, conflict_id = _summary_conflict(hub, laptop)
    answer = _settle(client, conflict_id, choice="incoming", note="Sam's is right.")
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/conflicts/{conflict_id}?done=settled"
    shown = client.get(answer.headers["location"]).text
    assert "Conflict settled: the laptop&#39;s value stands." in shown
    assert "Sam&#39;s is right." in shown  # the note, kept (sealed) with the conflict
    assert 'name="choice"' not in shown  # settled: no form any more

    stored = hub.record(ids.case_id)
    assert stored is not None and stored.fields["summary"] == "Sam's summary"
    assert (stored.device_id, stored.how) == (conflicts.HUB_DEVICE, "settle")
    assert hub.conflicts() == []
    for device in (alex, sam):  # each laptop is sent the row and the closed conflict
        changes = device.fetch(hub)
        assert changes is not None
        [row] = [r for r in changes["records"] if r["id"] == ids.case_id]
        assert (row["v"], row["f"]["summary"]) == (stored.version, "Sam's summary")
        [closed] = changes["conflicts"]
        assert (closed["id"], closed["status"], closed["outcome"]) == (
            conflict_id,
            "resolved",
            "incoming",
        )

    [settled] = _events(hub, "conflict_settled")
    assert (settled.account_name, settled.outcome, settled.case_reference) == (
        "sam.coordinator",
        "ok",
        ids.reference,
    )
    assert settled.detail == (
        f"choice=incoming conflict_id={conflict_id} fields=summary kind=field note=yes"
    )
    assert "right" not in settled.detail  # the note's words are case content: never logged

    settled_list = client.get("/conflicts/settled").text
    assert "the laptop&#39;s value stands, by sam.coordinator" in settled_list


def test_a_conflict_settled_twice_says_so_and_changes_nothing(
    client: TestClient, coordinator: Person, hub: Hub, laptop: LaptopFactory
) -> None:
    _alex, _sam, ids, conflict_id = _summary_conflict(hub, laptop)
    page = client.get(f"/conflicts/{conflict_id}")
    form = {"choice": "hub", "csrf_token": csrf_of(page)}
    assert client.post(f"/conflicts/{conflict_id}", data=form).status_code == 303
    version = hub.record(ids.case_id).version  # type: ignore[union-attr]
    again = client.post(f"/conflicts/{conflict_id}", data={**form, "choice": "incoming"})
    assert again.headers["location"] == f"/conflicts/{conflict_id}?done=already"
    assert "already been settled by sam.coordinator: nothing was changed" in (
        client.get(again.headers["location"]).text
    )
    stored = hub.record(ids.case_id)
    assert stored is not None and stored.version == version
    assert stored.fields["summary"] == "Alex's summary"
    assert [e.outcome for e in _events(hub, "conflict_settled")] == ["ok", "failed"]


def test_a_conflict_a_laptop_settled_meanwhile_is_left_as_it_is(
    client: TestClient, coordinator: Person, hub: Hub, laptop: LaptopFactory
) -> None:
    _alex, sam, ids, conflict_id = _summary_conflict(hub, laptop)
    page = client.get(f"/conflicts/{conflict_id}")  # the coordinator opens it...
    choice = {"conflict": conflict_id, "outcome": "hub"}
    sam.send(hub, [], resolutions=[choice])  # ...while Sam settles it on the laptop
    answer = client.post(
        f"/conflicts/{conflict_id}", data={"choice": "incoming", "csrf_token": csrf_of(page)}
    )
    assert answer.headers["location"].endswith("?done=already")
    assert hub.record(ids.case_id).fields["summary"] == "Alex's summary"  # type: ignore[union-attr]


def test_a_deletion_against_a_change_can_be_settled_by_deleting(
    client: TestClient, coordinator: Person, hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam, ids = _shared_case(hub, laptop)
    [risk] = of(alex.case_records(ids.case_id)[0], "risk_assessment")
    alex.send(hub, [edited(risk, 1, notes="Checked again with the police.")])
    assert sam.send(hub, [deleted(risk, 1)])["conflicts"] == [risk.id]
    [conflict] = hub.conflicts()
    page = client.get(f"/conflicts/{conflict.id}").text
    assert "At the hub this risk assessment is kept" in page
    assert 'value="keep"' in page and 'value="delete"' in page
    assert _settle(client, conflict.id, choice="delete").status_code == 303
    stored = hub.record(risk.id)
    assert stored is not None and stored.deleted and stored.device_id == conflicts.HUB_DEVICE
    changes = alex.fetch(hub)
    assert changes is not None
    [row] = [r for r in changes["records"] if r["id"] == risk.id]
    assert row["op"] == "del"


def test_a_change_to_a_deleted_row_can_be_settled_by_restoring_it_with_the_change(
    client: TestClient, coordinator: Person, hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam, ids = _shared_case(hub, laptop)
    [risk] = of(alex.case_records(ids.case_id)[0], "risk_assessment")
    assert alex.send(hub, [deleted(risk, 1)])["applied"] == {risk.id: 2}
    assert sam.send(hub, [edited(risk, 1, notes="More")])["conflicts"] == [risk.id]
    [conflict] = hub.conflicts()
    page = client.get(f"/conflicts/{conflict.id}").text
    assert "At the hub this risk assessment is deleted" in page
    assert "Restore the risk assessment, with the other laptop&#39;s changes" in page
    assert _settle(client, conflict.id, choice="keep").status_code == 303
    stored = hub.record(risk.id)
    assert stored is not None and not stored.deleted and stored.fields["notes"] == "More"
    changes = alex.fetch(hub)
    assert changes is not None
    [row] = [r for r in changes["records"] if r["id"] == risk.id]
    assert (row["op"], row["f"]["notes"]) == ("put", "More")


def test_a_rule_conflict_shows_the_rule_and_is_settled_as_dealt_with_and_a_note(
    client: TestClient, coordinator: Person, hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam, ids = _shared_case(hub, laptop)
    with alex.vault.unit_of_work() as uow:
        case = load_case(uow.session, ids.case_id)
        marcia = next(p for p in case.participants if p.id == ids.marcia)
        assessment.withdraw_consent(uow, marcia, withdrawn_on=date(2026, 10, 18))
    with sam.vault.unit_of_work() as uow:
        case = load_case(uow.session, ids.case_id)
        conference(uow, case, *case.participants, on=date(2026, 10, 20))
    send_changes(alex, hub)
    send_changes(sam, hub)
    [conflict] = hub.conflicts()
    page = client.get(f"/conflicts/{conflict.id}")
    assert "The rule it breaks" in page.text
    assert "withdrew consent to take part on 18 Oct 2026" in page.text
    assert f"recorded by Sam Patel&#39;s laptop ({sam.device_code})" in page.text
    assert 'name="choice" type="checkbox" value="acknowledged"' in page.text

    unticked = _settle(client, conflict.id, note="Spoke to Marcia.")
    assert unticked.status_code == 400
    assert "govuk-error-summary" in unticked.text and "<title>Error: Conflict in" in unticked.text
    assert "Confirm that the problem has been dealt with." in unticked.text
    assert "Spoke to Marcia." in unticked.text  # what was typed stays in the form
    assert hub.conflicts() != []

    done = _settle(client, conflict.id, choice="acknowledged", note="Spoke to Marcia.")
    assert done.status_code == 303
    assert hub.conflicts() == []
    assert "Spoke to Marcia." in client.get(f"/conflicts/{conflict.id}").text
    for device in (alex, sam):
        changes = device.fetch(hub)
        assert changes is not None
        assert [(c["id"], c["status"]) for c in changes["conflicts"]] == [(conflict.id, "resolved")]


def test_an_auditor_sees_the_values_but_no_form_and_their_post_is_refused(
    client: TestClient, clock: Clock, hub: Hub, laptop: LaptopFactory
) -> None:
    _alex, _sam, ids, conflict_id = _summary_conflict(hub, laptop)
    auditor = _person(client, clock, "ann.auditor", "auditor")
    sign_in(client, auditor, clock)
    page = client.get(f"/conflicts/{conflict_id}")
    assert page.status_code == 200 and "Sam&#39;s summary" in page.text
    assert 'name="choice"' not in page.text and "Settle conflict" not in page.text
    answer = client.post(
        f"/conflicts/{conflict_id}", data={"choice": "incoming", "csrf_token": csrf_of(page)}
    )
    assert answer.status_code == 403
    assert "auditors may not settle conflicts" in answer.text
    assert [c.id for c in hub.conflicts()] == [conflict_id]
    assert hub.record(ids.case_id).fields["summary"] == "Alex's summary"  # type: ignore[union-attr]
    [refused] = _events(hub, "conflict_settled")
    assert (refused.account_name, refused.outcome) == ("ann.auditor", "refused")


def test_a_settling_form_without_its_csrf_token_is_refused(
    client: TestClient, coordinator: Person, hub: Hub, laptop: LaptopFactory
) -> None:
    _alex, _sam, _ids, conflict_id = _summary_conflict(hub, laptop)
    answer = client.post(f"/conflicts/{conflict_id}", data={"choice": "incoming"})
    assert answer.status_code == 403
    forged = client.post(
        f"/conflicts/{conflict_id}", data={"choice": "incoming", "csrf_token": "x" * 43}
    )
    assert forged.status_code == 403
    assert [c.id for c in hub.conflicts()] == [conflict_id]


def test_a_choice_that_does_not_fit_the_conflict_is_refused_with_the_reason(
    client: TestClient, coordinator: Person, hub: Hub, laptop: LaptopFactory
) -> None:
    _alex, _sam, _ids, conflict_id = _summary_conflict(hub, laptop)
    answer = _settle(client, conflict_id, choice="delete")
    assert answer.status_code == 400
    assert "Choose which value stands." in answer.text
    assert 'href="#choice"' in answer.text
    assert [c.id for c in hub.conflicts()] == [conflict_id]


@pytest.mark.parametrize(
    "forged", ["00000000-0000-0000-0000-000000000000", "..%2F..%2Fetc", "<script>", "x" * 300]
)
def test_an_unknown_or_forged_conflict_id_is_not_found(
    client: TestClient, coordinator: Person, forged: str
) -> None:
    assert client.get(f"/conflicts/{forged}").status_code == 404
    page = client.get("/conflicts")
    answer = client.post(
        f"/conflicts/{forged}", data={"choice": "hub", "csrf_token": csrf_of(page)}
    )
    assert answer.status_code == 404


def test_someone_not_signed_in_is_sent_to_sign_in(client: TestClient) -> None:
    for path in ("/conflicts", "/conflicts/settled", "/conflicts/abc"):
        answer = client.get(path)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/sign-in")


def test_the_command_line_shows_both_values_of_a_conflict(
    hub: Hub, laptop: LaptopFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    alex, sam, ids, conflict_id = _summary_conflict(hub, laptop)
    data_dir = str(hub.data_dir)
    assert main(["--data-dir", data_dir, "conflicts", "--show", conflict_id]) == 0
    out = capsys.readouterr().out
    assert f"Conflict {conflict_id}" in out and ids.reference in out
    assert "at the hub: Alex's summary" in out and "other:      Sam's summary" in out
    assert f"Alex Morgan's laptop ({alex.device_code})" in out
    assert f"Sam Patel's laptop ({sam.device_code})" in out
    assert main(["--data-dir", data_dir, "conflicts", "--show", "no-such-id"]) == 1
    assert "no conflict no-such-id is at the hub" in capsys.readouterr().err
