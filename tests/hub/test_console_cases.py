"""The console's Cases pages over its real app and a real hub whose cases came through real
bundles from real laptop vaults: the register searched by folded names, references and dates of
birth, filtered, sorted and paged, with bad input answered on the page; a case shown whole,
read-only; its documents opened with safe headers; every read in the audit log without a word
of what was typed; nothing of a name in any log line."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rjdesk.services import agreements, assessment, cases, contacts
from rjdesk.services.cases import load_case
from rjdesk.services.documents import add_attachment
from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_hub.console import ledger
from rjdesk_protocol.enums import ActionStatus, CaseType, Role, SafeguardingKind, Stage
from tests.hub.conftest import LaptopFactory
from tests.hub.console_signin import (
    Clock,
    Person,
    accounts_of,
    console_app,
    csrf_of,
    set_up_person,
    sign_in,
)
from tests.laptops import CaseIds, Laptop, new_case, send_changes
from tests.services.builders import conference, person, referral

CANARY = "Quillonbright"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


@dataclass(frozen=True)
class Office:
    hub: Hub
    alex: Laptop
    dispute: CaseIds  # Marcia Bennett and Łukasz Nowak, signed, followed up, with documents
    hate_crime: str  # Zoë Ashby (born 2 April 1990) and the canary, Alex's
    school: str  # Sam's school incident, at assessment
    letter_id: str  # a text attachment of the dispute
    photo_id: str  # a PNG of the dispute
    pdf_id: str  # the signed agreement's PDF


def full_dispute(alex: Laptop) -> tuple[CaseIds, str, str, str]:
    """A neighbour dispute with something of every kind (supporter, safeguarding, conference
    and addendum, a signed agreement with its PDF, a followed-up action, two attachments); its
    ids and those of the letter, the photo and the PDF."""
    ids = new_case(alex)
    with alex.vault.unit_of_work() as uow:
        case = load_case(uow.session, ids.case_id)
        marcia, lukasz = case.participants[0], case.participants[1]
        person(uow, case, "Pat Bennett", Role.SUPPORTER, supports=marcia, relationship="sister")
        assessment.record_safeguarding_concern(
            uow,
            case,
            kind=SafeguardingKind.ADULT,
            concern="Marcia mentioned a fall on the stairs.",
            action_taken="Passed to adult social care.",
            passed_to="Adult social care",
            participant=marcia,
        )
        held = conference(uow, case, marcia, lukasz)
        contacts.add_addendum(uow, held, "Correction: the conference started at 6.30pm.")
        draft = agreements.draft_agreement(
            uow,
            case,
            summary="Both households agree to keep the peace.",
            review_on=date(2026, 12, 1),
            actions=[
                agreements.ActionInput(
                    "Fit a spring closer to the gate.", lukasz, date(2026, 11, 3)
                )
            ],
        )
        for signer in (marcia, lukasz, None):
            agreements.sign_agreement(uow, draft, signer=signer, signed_on=date(2026, 10, 20))
        agreements.check_action(
            uow,
            draft.actions[0],
            status=ActionStatus.DONE,
            checked_on=date(2026, 11, 4),
            note="Closer fitted, seen on a visit.",
        )
        letter = add_attachment(
            uow, case, filename="letter <to> neighbours.html", content=b"<script>alert(1)</script>"
        )
        photo = add_attachment(uow, case, filename="gate.png", content=PNG, title="The gate")
        pdf = next(d for d in case.documents if d.media_type == "application/pdf")
        return ids, letter.id, photo.id, pdf.id


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def hub(tmp_path: Path, clock: Clock) -> Iterator[Hub]:
    made = Hub.init(tmp_path / "hub", name="North RJ hub", clock=clock)
    yield made
    made.close()


@pytest.fixture
def office(hub: Hub, laptop: LaptopFactory) -> Office:
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    alex.enroll(hub)
    sam.enroll(hub)
    dispute, letter, photo, pdf = full_dispute(alex)
    with alex.vault.unit_of_work() as uow:
        zoe_case = referral(uow, CaseType.HATE_CRIME)
        person(uow, zoe_case, "Zoë Ashby", Role.HARMED, born=date(1990, 4, 2))
        person(uow, zoe_case, f"{CANARY} Okafor", Role.RESPONSIBLE, phone="07700 900412")
        hate_crime = zoe_case.id
    send_changes(alex, hub)
    with sam.vault.unit_of_work() as uow:
        school = referral(uow, CaseType.SCHOOL_INCIDENT)
        person(uow, school, "Ngozi O'Brien", Role.HARMED)
        cases.move_stage(uow, school, Stage.ASSESSMENT)
        school_id = school.id
    send_changes(sam, hub)
    return Office(hub, alex, dispute, hate_crime, school_id, letter, photo, pdf)


@pytest.fixture
def client(hub: Hub) -> Iterator[TestClient]:
    console, _app = console_app(hub)
    with TestClient(console, base_url="https://testserver", follow_redirects=False) as made:
        yield made


def _person(client: TestClient, clock: Clock, role: str) -> Person:
    return set_up_person(accounts_of(client), clock, f"{role}.one", role)


@pytest.fixture
def coordinator(client: TestClient, clock: Clock) -> TestClient:
    sign_in(client, _person(client, clock, "coordinator"), clock)
    return client


@pytest.fixture
def auditor(client: TestClient, clock: Clock) -> TestClient:
    sign_in(client, _person(client, clock, "auditor"), clock)
    return client


def _references(page: httpx.Response) -> list[str]:
    assert page.status_code == 200, page.text
    return re.findall(r'<a class="govuk-link" href="/cases/[0-9a-f-]{36}">([^<]+)</a>', page.text)


def _reference(hub: Hub, case_id: str) -> str:
    with hub.db.reader() as session:
        found = session.get(m.Case, case_id)
        assert found is not None
        return found.reference


def _events(hub: Hub, action: ledger.Action) -> list[m.ConsoleAuditEvent]:
    with hub.db.reader() as session:
        query = select(m.ConsoleAuditEvent).where(m.ConsoleAuditEvent.action == action.value)
        return list(session.scalars(query.order_by(m.ConsoleAuditEvent.id)))


# -- the register ----------------------------------------------------------------------------


def test_a_folded_name_or_its_prefix_finds_the_case(
    office: Office, coordinator: TestClient
) -> None:
    dispute = office.dispute.reference
    assert _references(coordinator.get("/cases", params={"q": "lukasz"})) == [dispute]
    assert _references(coordinator.get("/cases", params={"q": "luk"})) == [dispute]
    assert _references(coordinator.get("/cases", params={"q": "ŁUKASZ nowak"})) == [dispute]
    page = coordinator.get("/cases", params={"q": "zoe"})
    assert _references(page) == [_reference(office.hub, office.hate_crime)]
    assert "Zoë Ashby" in page.text and "1 case found" in page.text
    assert _references(coordinator.get("/cases", params={"q": "nobody"})) == []


def test_a_reference_or_a_date_of_birth_finds_the_case(
    office: Office, coordinator: TestClient
) -> None:
    dispute = office.dispute.reference
    assert _references(coordinator.get("/cases", params={"q": dispute})) == [dispute]
    born = {"dob-day": "2", "dob-month": "4", "dob-year": "1990"}
    zoe = _reference(office.hub, office.hate_crime)
    assert _references(coordinator.get("/cases", params=born)) == [zoe]
    assert _references(coordinator.get("/cases", params={**born, "dob-day": "3"})) == []


def test_each_filter_narrows_the_register(office: Office, coordinator: TestClient) -> None:
    hub = office.hub
    school, zoe = _reference(hub, office.school), _reference(hub, office.hate_crime)
    dispute = office.dispute.reference
    page = coordinator.get("/cases")
    assert sorted(_references(page)) == sorted([school, zoe, dispute]) and "3 cases" in page.text
    get = coordinator.get
    assert _references(get("/cases", params={"type": "hate_crime"})) == [zoe]
    assert _references(get("/cases", params={"stage": "assessment"})) == [school]
    assert _references(get("/cases", params={"stage": "follow_up"})) == [dispute]
    assert _references(get("/cases", params={"source": "police"})) == []
    assert len(_references(get("/cases", params={"source": "housing_provider"}))) == 3
    sam = next(d.facilitator_id for d in hub.devices() if d.facilitator == "Sam Patel")
    assert _references(get("/cases", params={"facilitator": sam})) == [school]
    assert 'value="' + sam + '">Sam Patel</option>' in page.text
    day = {"from-day": "1", "from-month": "10", "from-year": "2026"}
    assert len(_references(get("/cases", params=day))) == 3
    assert _references(get("/cases", params={**day, "from-day": "2"})) == []
    until = {"to-day": "30", "to-month": "9", "to-year": "2026"}
    assert _references(get("/cases", params=until)) == []
    assert len(_references(get("/cases", params={"status": "open"}))) == 3
    assert _references(get("/cases", params={"status": "closed"})) == []


def test_not_assigned_lists_the_cases_no_facilitator_is_assigned_to(
    office: Office, coordinator: TestClient
) -> None:
    """The overview's "unassigned referrals" opens the register filtered so."""
    zoe = _reference(office.hub, office.hate_crime)
    page = coordinator.get("/cases", params={"facilitator": "none", "status": "open"})
    before = set(_references(page))
    assert zoe in before and '<option value="none" selected>Not assigned</option>' in page.text
    office.hub.assign(office.hate_crime, "Sam Patel")
    after = set(_references(coordinator.get("/cases", params={"facilitator": "none"})))
    assert after == before - {zoe}


def test_the_column_headers_sort_and_keep_the_query(
    office: Office, coordinator: TestClient
) -> None:
    page = coordinator.get("/cases", params={"q": "", "type": "", "sort": "reference"})
    references = _references(page)
    assert references == sorted(references)
    assert re.search(
        r'aria-sort="ascending">\s*<a[^>]*href="[^"]*sort=reference&amp;order=desc', page.text
    )
    assert page.text.count('aria-sort="none"') == 2
    backwards = _references(
        coordinator.get("/cases", params={"sort": "reference", "order": "desc"})
    )
    assert backwards == sorted(references, reverse=True)
    staged = _references(coordinator.get("/cases", params={"sort": "stage", "order": "desc"}))
    assert staged[0] == office.dispute.reference  # follow-up is the furthest on
    filtered = coordinator.get("/cases", params={"stage": "referral"})
    assert "stage=referral&amp;sort=reference" in filtered.text  # a header keeps the filter


def test_the_register_pages_through_many_cases(
    hub: Hub, laptop: LaptopFactory, coordinator: TestClient
) -> None:
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    with alex.vault.unit_of_work() as uow:
        for number in range(27):
            person(uow, referral(uow), f"Person {number:02d} Example", Role.HARMED)
    send_changes(alex, hub)
    first = coordinator.get("/cases", params={"q": "example", "sort": "reference"})
    assert len(_references(first)) == 25 and "27 cases found" in first.text
    assert 'aria-label="Pages of cases"' in first.text
    assert re.search(
        r'href="/cases\?q=example&amp;sort=reference&amp;order=asc&amp;page=2"', first.text
    )
    second = coordinator.get("/cases", params={"q": "example", "sort": "reference", "page": "2"})
    assert len(_references(second)) == 2
    assert set(_references(first)).isdisjoint(_references(second))
    assert 'aria-current="page"' in second.text
    beyond = coordinator.get("/cases", params={"page": "99"})
    assert beyond.status_code == 200 and "There is no page 99" in beyond.text
    assert coordinator.get("/cases", params={"page": "x"}).status_code == 200


@pytest.mark.parametrize(
    ("params", "message", "target"),
    [
        (
            {"dob-day": "31", "dob-month": "2", "dob-year": "1990"},
            "Date of birth must be a real date",
            "dob-day",
        ),
        ({"dob-day": "3", "dob-year": "1990"}, "Date of birth must include a month", "dob-month"),
        (
            {"from-day": "x", "from-month": "1", "from-year": "2026"},
            "Received from must be a real date",
            "from-day",
        ),
        ({"stage": "lost"}, "Choose a stage from the list", "stage"),
        ({"type": "<script>"}, "Choose a type from the list", "type"),
        ({"facilitator": "someone-else"}, "Choose a facilitator from the list", "facilitator"),
        (
            {
                "from-day": "2",
                "from-month": "1",
                "from-year": "2026",
                "to-day": "1",
                "to-month": "1",
                "to-year": "2026",
            },
            "Received to must be the same as or after received from",
            "to-day",
        ),
    ],
)
def test_bad_input_is_an_error_summary_on_the_page(
    office: Office, coordinator: TestClient, params: dict[str, str], message: str, target: str
) -> None:
    page = coordinator.get("/cases", params=params)
    assert page.status_code == 200
    assert "<title>Error: Cases – RJ hub</title>" in page.text
    assert 'class="govuk-error-summary"' in page.text
    assert f'<a href="#{target}">{message}</a>' in page.text
    assert f'id="{target}"' in page.text
    assert "govuk-error-message" in page.text
    assert (
        "<script>"
        not in page.text.split("</head>")[1]
        .replace('<script type="module"', "")
        .split("<script src")[0]
    )
    assert _references(page) == []  # nothing searched
    assert _events(office.hub, ledger.Action.SEARCH) == []


def test_a_search_is_audited_by_its_fields_and_count_never_its_words(
    office: Office, coordinator: TestClient
) -> None:
    coordinator.get("/cases")
    coordinator.get(
        "/cases",
        params={
            "q": "lukasz",
            "postcode": "B35 7NL",
            "dob-day": "2",
            "dob-month": "4",
            "dob-year": "1990",
        },
    )
    coordinator.get("/cases", params={"q": "luk", "stage": "follow_up"})
    first, second, third = _events(office.hub, ledger.Action.SEARCH)
    assert first.detail == "results=3"
    assert second.detail == "fields=date_of_birth,postcode,text results=0"
    assert third.detail == "fields=stage,text results=1"
    assert third.account_name == "coordinator.one" and third.outcome == "ok"
    for event in (first, second, third):
        for typed in ("luk", "lukasz", "B35", "1990", "follow_up"):
            assert typed.lower() not in (event.detail + event.case_reference).lower().replace(
                "fields=", ""
            ).replace("stage", "")


def test_an_auditor_reads_the_register_but_has_no_checkboxes(
    office: Office, auditor: TestClient
) -> None:
    page = auditor.get("/cases")
    assert len(_references(page)) == 3
    assert 'name="case"' not in page.text
    assert "Reassign selected cases" not in page.text
    assert 'action="/cases/reassign"' not in page.text
    shown = auditor.get(f"/cases/{office.dispute.case_id}")
    assert shown.status_code == 200 and "Change who holds this case" not in shown.text


def test_a_coordinator_can_select_cases_to_reassign(
    office: Office, coordinator: TestClient
) -> None:
    page = coordinator.get("/cases")
    form = re.search(
        r'<form method="post" action="/cases/reassign"[^>]*>(.*?)</form>', page.text, re.S
    )
    assert form, "the results are not inside the reassign form"
    body = form.group(1)
    assert f'value="{csrf_of(page)}"' in body
    assert len(re.findall(r'name="case" type="checkbox" value="[0-9a-f-]{36}"', body)) == 3
    assert f'<span class="govuk-visually-hidden">Select {office.dispute.reference}</span>' in body
    assert "Reassign selected cases" in body


def test_a_name_typed_into_a_search_is_in_no_log_line(
    office: Office, coordinator: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        page = coordinator.get("/cases", params={"q": CANARY.lower(), "phone": "07700 900412"})
        assert _references(page) == [_reference(office.hub, office.hate_crime)]
        coordinator.get(f"/cases/{office.hate_crime}")
    # The hub's own lines (the test's HTTP client logs the address it asked for: not the hub's).
    hubs = [r for r in caplog.records if r.name.startswith(("rjdesk_hub", "uvicorn", "fastapi"))]
    assert any("/cases" in record.getMessage() for record in hubs)
    for record in hubs:
        line = record.getMessage().lower()
        assert CANARY.lower() not in line and "900412" not in line and "okafor" not in line


def test_a_stranger_is_sent_to_sign_in(office: Office, client: TestClient) -> None:
    for path in (
        "/cases",
        f"/cases/{office.dispute.case_id}",
        f"/cases/{office.dispute.case_id}/documents/{office.pdf_id}",
    ):
        answer = client.get(path)
        assert answer.status_code == 303 and answer.headers["location"] == "/sign-in", path


def test_an_admin_may_not_read_cases(office: Office, client: TestClient, clock: Clock) -> None:
    sign_in(client, _person(client, clock, "admin"), clock)
    assert client.get("/cases").status_code == 403
    assert client.get(f"/cases/{office.dispute.case_id}").status_code == 403
    assert (
        client.get(f"/cases/{office.dispute.case_id}/documents/{office.pdf_id}").status_code == 403
    )


# -- a case ----------------------------------------------------------------------------------


def test_a_case_shows_everything_the_hub_holds(office: Office, coordinator: TestClient) -> None:
    page = coordinator.get(f"/cases/{office.dispute.case_id}")
    assert page.status_code == 200
    text = page.text
    assert f"<title>Case {office.dispute.reference} – RJ hub</title>" in text
    assert text.count("<h1") == 1
    for shown in (
        "Neighbour dispute",  # type
        "Follow-up",  # stage
        "Housing provider",  # source
        "1 Oct 2026",  # received
        "Dispute over a shared gate",  # summary
        "Marcia Bennett",
        "Łukasz Nowak",
        "Harmed and responsible",
        "Pat Bennett",
        "Marcia Bennett (sister)",  # whom the supporter supports
        "No history of violence",  # risk factor
        "Marcia mentioned a fall on the stairs.",  # safeguarding
        "Take part",  # consent
        "Both spoke about the last months",  # the conference's note
        "Correction: the conference started at 6.30pm.",  # its addendum
        "Both households agree to keep the peace.",  # the agreement
        "Fit a spring closer to the gate.",  # an agreed action
        "Closer fitted, seen on a visit.",  # its follow-up
        "Signed on paper",  # signatures
        "Alex Morgan",  # the facilitator, who signed and holds it
        "Referred it",  # how Alex holds it
        "The gate",  # a document
        "Victims’ Code",
    ):
        assert shown in text, shown
    code = next(d.code for d in office.hub.devices() if d.facilitator == "Alex Morgan")
    assert f'<th scope="row" class="govuk-table__header">{code}</th>' in text  # the laptop
    assert f'href="/cases/{office.dispute.case_id}/assign">Change who holds this case' in text
    assert f'href="/cases/{office.dispute.case_id}/documents/{office.pdf_id}"' in text
    for anchor in (
        "summary",
        "people",
        "risk",
        "consents",
        "contacts",
        "agreements",
        "stages",
        "documents",
        "holders",
    ):
        assert f'href="#{anchor}"' in text and f'id="{anchor}"' in text
    # The hostile file name is text, not markup.
    assert "<to>" not in text and "letter &lt;to&gt; neighbours.html" in text


def test_a_case_view_is_audited_with_its_id_and_reference(
    office: Office, coordinator: TestClient
) -> None:
    coordinator.get(f"/cases/{office.dispute.case_id}")
    (event,) = _events(office.hub, ledger.Action.VIEW_CASE)
    assert event.case_id == office.dispute.case_id
    assert event.case_reference == office.dispute.reference
    assert event.account_name == "coordinator.one" and event.detail == ""


def test_an_assigned_case_shows_who_holds_it_and_how(
    office: Office, coordinator: TestClient
) -> None:
    office.hub.assign(office.hate_crime, "Sam Patel")
    office.hub.assign(office.hate_crime, "Alex Morgan")
    text = coordinator.get(f"/cases/{office.hate_crime}").text
    holders = text.split('id="holders"')[1]
    assert re.search(r"Sam Patel</th>\s*<td[^>]*>Assigned</td>", holders)
    assert re.search(r"Alex Morgan</th>\s*<td[^>]*>Co-worker</td>", holders)
    assert "No longer holds it" in holders and "A coordinator (rjdesk-hub command line)" in holders


@pytest.mark.parametrize(
    "path",
    [
        "/cases/00000000-0000-4000-8000-000000000000",
        "/cases/not-a-case",
        "/cases/..%2F..%2Fetc",
        "/cases/00000000-0000-4000-8000-000000000000/documents/00000000-0000-4000-8000-000000000001",
    ],
)
def test_an_unknown_or_malformed_case_is_the_404_page(
    office: Office, coordinator: TestClient, path: str
) -> None:
    answer = coordinator.get(path)
    assert answer.status_code == 404
    assert "Page not found" in answer.text and "Traceback" not in answer.text
    assert _events(office.hub, ledger.Action.VIEW_CASE) == []


def test_a_deleted_case_is_not_found(office: Office, coordinator: TestClient) -> None:
    from tests.laptops import deleted

    base, _ = office.alex.records(office.hate_crime, {"case_file": [office.hate_crime]})
    office.alex.send(office.hub, [deleted(base[0], 1)])
    assert coordinator.get(f"/cases/{office.hate_crime}").status_code == 404


def test_a_set_aside_record_is_named_not_shown(office: Office, coordinator: TestClient) -> None:
    with office.hub.db.transaction() as tx:
        contact = tx.session.scalars(
            select(m.Record).where(
                m.Record.case_id == office.dispute.case_id, m.Record.table_name == "contact"
            )
        ).first()
        assert contact is not None
        tx.session.add(
            m.SetAside(
                row_id=contact.row_id,
                table_name="contact",
                case_id=office.dispute.case_id,
                reason="contact: notes is longer than 100,000 characters",
                set_aside_at=tx.now,
            )
        )
    text = coordinator.get(f"/cases/{office.dispute.case_id}").text
    assert 'id="set-aside"' in text and "notes is longer than 100,000 characters" in text
    assert "Both spoke about the last months" not in text


# -- documents -------------------------------------------------------------------------------


def test_a_pdf_or_an_image_opens_in_the_page_in_a_sandbox(
    office: Office, coordinator: TestClient
) -> None:
    base = f"/cases/{office.dispute.case_id}/documents"
    pdf = coordinator.get(f"{base}/{office.pdf_id}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"].startswith("inline; ")
    assert pdf.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in pdf.headers["content-security-policy"]
    photo = coordinator.get(f"{base}/{office.photo_id}")
    assert photo.content == PNG and photo.headers["content-type"] == "image/png"
    assert (
        photo.headers["content-disposition"]
        == "inline; filename=\"gate.png\"; filename*=UTF-8''gate.png"
    )
    (first, second) = _events(office.hub, ledger.Action.OPEN_DOCUMENT)
    assert (
        first.case_id == office.dispute.case_id and first.detail == f"document_id={office.pdf_id}"
    )
    assert second.case_reference == office.dispute.reference


def test_any_other_document_is_downloaded_never_shown(
    office: Office, coordinator: TestClient
) -> None:
    letter = coordinator.get(f"/cases/{office.dispute.case_id}/documents/{office.letter_id}")
    assert letter.status_code == 200 and letter.content == b"<script>alert(1)</script>"
    disposition = letter.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="letter _to_ neighbours.html"')
    assert "filename*=UTF-8''letter%20%3Cto%3E%20neighbours.html" in disposition
    assert "sandbox" in letter.headers["content-security-policy"]
    assert letter.headers["x-content-type-options"] == "nosniff"


def test_a_document_is_opened_only_through_its_own_case(
    office: Office, coordinator: TestClient
) -> None:
    other = coordinator.get(f"/cases/{office.hate_crime}/documents/{office.pdf_id}")
    assert other.status_code == 404  # a document of another case, under this one's address
    not_a_document = coordinator.get(
        f"/cases/{office.dispute.case_id}/documents/{office.dispute.marcia}"
    )
    assert not_a_document.status_code == 404  # a participant's id is not a document
    assert _events(office.hub, ledger.Action.OPEN_DOCUMENT) == []


def test_a_case_with_nothing_yet_says_so(
    hub: Hub, laptop: LaptopFactory, coordinator: TestClient
) -> None:
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    with alex.vault.unit_of_work() as uow:
        case_id = referral(uow).id
    send_changes(alex, hub)
    text = coordinator.get(f"/cases/{case_id}").text
    for sentence in (
        "No one is recorded on this case yet.",
        "No risk assessment is recorded.",
        "No consent is recorded.",
        "No contact is recorded.",
        "No agreement is recorded.",
        "No document is filed on this case.",
    ):
        assert sentence in text
