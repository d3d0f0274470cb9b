"""The console's "Facilitators and laptops" pages and the breach log, over the real console app
and a real hub, with laptops enrolled and cases sent through real bundles: the list and when
each laptop was last seen; retiring (its last bundle accepted, nothing new sent, never enrolled
again); reporting one lost (its next request refused, a breach entry listing its cases and
people, the names sealed at rest); the DPO's decision; what other roles are refused; the audit
log."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_hub.app import NOT_AUTHORISED, create_app
from rjdesk_hub.errors import EnrollmentRefused
from tests.hub.conftest import LaptopFactory
from tests.hub.console_fixtures import clock, hub  # noqa: F401 - fixtures
from tests.hub.console_signin import (
    Clock,
    Person,
    accounts_of,
    console_app,
    csrf_of,
    set_up_person,
    sign_in,
)
from tests.hub.server import signed
from tests.laptops import Laptop, new_case, send_changes

BREACH_PATH = re.compile(r"^/breaches/([0-9a-f-]{36})\?done=reported$")


@pytest.fixture
def console(hub: Hub) -> Iterator[TestClient]:
    app, _ = console_app(hub)
    with TestClient(app, base_url="https://testserver", follow_redirects=False) as made:
        yield made


def _client_as(console: TestClient, person: Person, clock: Clock) -> TestClient:
    """Another browser on the same console, signed in as ``person``."""
    client = TestClient(console.app, base_url="https://testserver", follow_redirects=False)
    answer = sign_in(client, person, clock)
    assert answer.status_code == 303 and answer.headers["location"] == "/", answer.text
    return client


@pytest.fixture
def people(console: TestClient, clock: Clock) -> dict[str, Person]:
    accounts = accounts_of(console)
    return {
        role: set_up_person(accounts, clock, f"{role}.one", role)
        for role in ("coordinator", "supervisor", "auditor")
    }


ClientAs = Callable[[str], TestClient]


@pytest.fixture
def client_as(console: TestClient, people: dict[str, Person], clock: Clock) -> ClientAs:
    """A browser signed in as the person of a role ("supervisor")."""
    return lambda role: _client_as(console, people[role], clock)


@pytest.fixture
def coordinator(console: TestClient, people: dict[str, Person], clock: Clock) -> TestClient:
    return _client_as(console, people["coordinator"], clock)


def _post(client: TestClient, page: str, action: str, **fields: str) -> httpx.Response:
    form = client.get(page)
    assert form.status_code == 200, form.text
    return client.post(action, data={"csrf_token": csrf_of(form), **fields})


def _row(html: str, code: str) -> str:
    [row] = [part for part in html.split("<tr") if f"Laptop {code}" in part]
    return row


def _events(hub: Hub) -> list[tuple[str, str, str, str]]:
    with hub.db.reader() as session:
        rows = session.scalars(select(m.ConsoleAuditEvent).order_by(m.ConsoleAuditEvent.id))
        return [(e.action, e.outcome, e.account_name, e.device_id) for e in rows]


def _second_laptop(hub: Hub, laptop: LaptopFactory, first: Laptop) -> Laptop:
    other = laptop(first.name)
    with hub.db.reader() as session:
        owner = session.get(m.Device, first.device_id)
        assert owner is not None
        facilitator_id = owner.facilitator_id
    other.enroll(hub, same_facilitator=facilitator_id)
    return other


def test_the_list_shows_each_facilitator_s_laptops_and_marks_one_unseen_for_a_week(
    hub: Hub,
    laptop: LaptopFactory,
    console: TestClient,
    people: dict[str, Person],
    clock: Clock,
) -> None:
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    new_case(alex)
    send_changes(alex, hub)  # a bundle: alex's laptop was seen now
    spare = _second_laptop(hub, laptop, alex)  # sent alex's open case whole, not yet fetched
    clock.advance(days=8)
    with TestClient(create_app(hub)) as api:  # the spare laptop asks the hub something
        assert signed(api, spare.signing_key, spare.device_id, "GET", "/v1/device").is_success

    coordinator = _client_as(console, people["coordinator"], clock)
    page = coordinator.get("/laptops")
    assert page.status_code == 200
    assert "<title>Facilitators and laptops – RJ hub</title>" in page.text
    assert page.text.count("<h1") == 1 and "Alex Morgan" in page.text
    assert 'href="/laptops/enrol"' in page.text  # a coordinator enrols laptops
    first, second = _row(page.text, alex.device_code), _row(page.text, spare.device_code)
    assert "Not seen for over a week" in first and "12 January 2027 at 09:0" in first
    assert "Not seen for over a week" not in second and "20 January 2027" in second
    assert "1 whole case" in second  # alex's open case, queued for the new laptop
    assert "Active" in first and "Active" in second

    one = coordinator.get(f"/laptops/{spare.device_id}")
    assert one.status_code == 200 and f"Laptop {spare.device_code}" in one.text
    assert "Retire this laptop" in one.text and "Report this laptop lost" in one.text
    assert coordinator.get("/laptops/no-such-laptop").status_code == 404


def test_a_retired_laptop_delivers_its_last_bundle_but_is_sent_nothing_new(
    hub: Hub, laptop: LaptopFactory, coordinator: TestClient
) -> None:
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    alex.enroll(hub)
    sam.enroll(hub)
    replacement = _second_laptop(hub, laptop, alex)
    new_case(alex)
    send_changes(alex, hub)

    page = f"/laptops/{alex.device_id}/retire"
    done = _post(coordinator, page, page)
    assert done.status_code == 303
    assert done.headers["location"] == f"/laptops/{alex.device_id}?done=retired"
    shown = coordinator.get(done.headers["location"]).text
    assert f"Laptop {alex.device_code} was retired." in shown and "govuk-tag--grey" in shown
    assert "Retire this laptop" not in shown  # once is enough; reporting it lost stays

    # Its last bundle is still accepted...
    late = new_case(alex)
    receipt = send_changes(alex, hub)
    assert late.case_id in receipt["applied"]
    # ...but a case assigned to its facilitator goes to the other laptop only.
    theirs = new_case(sam)
    send_changes(sam, hub)
    assigned = hub.assign(theirs.reference, "Alex Morgan")
    assert assigned.devices == 1
    assert alex.fetch(hub) is None
    delivered = replacement.fetch(hub)
    assert delivered is not None
    assert theirs.case_id in {c["id"] for c in delivered["cases"]}
    # And it can never enrol again.
    with pytest.raises(EnrollmentRefused, match="was retired"):
        alex.enroll(hub)
    assert ("laptop_retired", "ok", "coordinator.one", alex.device_id) in _events(hub)
    # Retiring it again is refused with a sentence, not an error page.
    again = coordinator.post(page, data={"csrf_token": csrf_of(coordinator.get("/laptops"))})
    assert again.status_code == 409 and "already retired" in again.text


def test_a_laptop_reported_lost_is_refused_and_its_breach_entry_lists_cases_and_people(
    hub: Hub, laptop: LaptopFactory, coordinator: TestClient, tmp_path: Path
) -> None:
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    ids = new_case(alex)
    send_changes(alex, hub)
    facts = hub.case_facts(ids.case_id)
    assert facts is not None
    names = [p["name"] for p in facts["parties"]]
    assert len(names) >= 2

    confirm = coordinator.get(f"/laptops/{alex.device_id}/report-lost")
    assert confirm.status_code == 200 and ids.reference in confirm.text
    assert "revoked at once" in confirm.text
    done = coordinator.post(
        f"/laptops/{alex.device_id}/report-lost", data={"csrf_token": csrf_of(confirm)}
    )
    assert done.status_code == 303
    found = BREACH_PATH.match(done.headers["location"])
    assert found, done.headers["location"]
    breach_id = found.group(1)

    # Its next request is refused, with the sentence every refusal gets.
    with TestClient(create_app(hub)) as api:
        refused = signed(api, alex.signing_key, alex.device_id, "GET", "/v1/inbox?after=0")
    assert refused.status_code == 403 and refused.json() == {"error": NOT_AUTHORISED}

    entry = coordinator.get(done.headers["location"])
    assert entry.status_code == 200
    assert f"Laptop {alex.device_code} was revoked and this breach-log entry opened." in entry.text
    assert ids.reference in entry.text and "Alex Morgan" in entry.text
    for name in names:
        assert name in entry.text
    assert "15 January 2027 at 09:" in entry.text  # decision due 72 hours after the report
    log = coordinator.get("/breaches")
    assert f"/breaches/{breach_id}" in log.text and "Awaiting decision" in log.text
    assert "72 hours left" in log.text or "71 hours left" in log.text
    listed = coordinator.get("/laptops")
    assert "Lost" in _row(listed.text, alex.device_code)

    # The names are sealed at rest: no file of the hub holds them in plain.
    hub.close()
    for path in (tmp_path / "hub").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for name in names:
                assert name.encode() not in data, f"{name} in {path.name}"

    events = _events(Hub.open(tmp_path / "hub"))
    assert ("laptop_lost", "ok", "coordinator.one", alex.device_id) in events
    assert ("view_breach", "ok", "coordinator.one", alex.device_id) in events


def test_a_supervisor_records_the_dpo_decision_and_a_coordinator_cannot(
    hub: Hub, laptop: LaptopFactory, coordinator: TestClient, client_as: ClientAs
) -> None:
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    new_case(alex)
    send_changes(alex, hub)
    page = f"/laptops/{alex.device_id}/report-lost"
    breach = _post(coordinator, page, page).headers["location"].split("?")[0]
    decision = f"{breach}/decision"

    viewed = coordinator.get(breach)
    shown = viewed.text
    assert "Record the decision" not in shown and "A supervisor records it here" in shown
    tried = coordinator.post(
        decision,
        data={"csrf_token": csrf_of(viewed), "notify_ico": "no", "reason": "Encrypted disk."},
    )
    assert tried.status_code == 403

    supervisor = client_as("supervisor")
    empty = _post(supervisor, breach, decision)
    assert empty.status_code == 400
    text = empty.text
    assert "<title>Error: " in text and "There is a problem" in text
    assert "Select whether the ICO is to be notified" in text
    assert "Enter why the data protection officer decided this" in text

    reason = "The vault is encrypted and the passphrase was not with it: risk unlikely."
    done = _post(supervisor, breach, decision, notify_ico="no", reason=reason)
    assert done.status_code == 303
    answer = supervisor.get(done.headers["location"])
    after = answer.text
    assert "decision was recorded" in after and "supervisor.one" in after
    assert "The vault is encrypted and the passphrase was not with it" in after
    again = supervisor.post(
        decision, data={"csrf_token": csrf_of(answer), "notify_ico": "yes", "reason": "Changed."}
    )
    assert again.status_code == 400 and "cannot be changed" in again.text
    events = _events(hub)
    assert ("breach_decided", "ok", "supervisor.one", alex.device_id) in events
    assert ("breach_decided", "refused", "coordinator.one", "") in events
    with hub.db.reader() as session:
        assert session.scalar(select(m.ConsoleAuditEvent.detail).where(
            m.ConsoleAuditEvent.action == "breach_decided",
            m.ConsoleAuditEvent.outcome == "ok",
        )).endswith("notify_ico=no")  # fmt: skip


def test_an_auditor_sees_laptops_but_cannot_retire_or_report_one_lost(
    hub: Hub, laptop: LaptopFactory, coordinator: TestClient, client_as: ClientAs
) -> None:
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    auditor = client_as("auditor")
    listed = auditor.get("/laptops")
    assert listed.status_code == 200 and alex.device_code in listed.text
    assert "Enrol a laptop with a code" not in listed.text
    shown = auditor.get(f"/laptops/{alex.device_id}")
    assert "Retire this laptop" not in shown.text and "Report this laptop lost" not in shown.text
    for path in ("retire", "report-lost"):
        target = f"/laptops/{alex.device_id}/{path}"
        assert auditor.get(target).status_code == 403
        posted = auditor.post(target, data={"csrf_token": csrf_of(shown)})
        assert posted.status_code == 403
        assert "auditors may not revoke laptops" in posted.text
    # A coordinator's form without its CSRF token is refused too; a forged id is not found.
    bare = coordinator.post(f"/laptops/{alex.device_id}/report-lost", data={})
    assert bare.status_code == 403 and "This form was refused" in bare.text
    forged = _post(coordinator, "/laptops", "/laptops/NOT-A-LAPTOP/report-lost")
    assert forged.status_code == 404
    assert coordinator.get("/breaches/00000000-0000-0000-0000-000000000000").status_code == 404

    with hub.db.reader() as session:
        device = session.get(m.Device, alex.device_id)
        assert device is not None and device.revoked_at is None
    events = _events(hub)
    assert ("laptop_retired", "refused", "auditor.one", "") in events
    assert ("laptop_lost", "refused", "auditor.one", "") in events
    assert not any(e[0] in {"laptop_retired", "laptop_lost"} and e[1] == "ok" for e in events)
