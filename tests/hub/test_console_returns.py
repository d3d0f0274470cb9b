"""The Returns pages over the console's real app and a real hub, with figures made by hand (a
``ReturnsSource`` stands in for the engine): a coordinator produces a quarter's return (CSRF,
audited), sees each figure as a chart and its table with the suppression rule, downloads it
(audited), produces it again after a late change and reads what changed; an auditor reads and
downloads but cannot produce (refused and recorded); an admin gets 403; a wrong period or no
definition is said beside its field; the Billing page shows a statement."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime

import httpx
import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import select

from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_hub.console.returns import Definition
from rjdesk_hub.returns.result import Cell, Period, ReturnResult, Table
from tests.hub.console_fixtures import clock, hub  # noqa: F401 - fixtures
from tests.hub.console_signin import (
    Clock,
    accounts_of,
    console_app,
    csrf_of,
    set_up_person,
    sign_in,
)
from tests.hub.test_billing import RULES, _at, _partner, _referral

QUARTERLY = Definition("pcc-quarterly", "Quarterly RJ return", 1, "a" * 64, "The default")


def _n(value: int) -> Cell:
    return Cell(float(value), str(value))


LT5 = Cell(None, "<5", suppressed=True)


class HandMade:
    """Two computations of the same quarter: the second after a late police referral."""

    def __init__(self) -> None:
        self.police = 12
        self.housing = _n(8)

    def definitions(self) -> Sequence[Definition]:
        return [QUARTERLY]

    def compute(self, definition_id: str, period: Period) -> ReturnResult:
        assert definition_id == QUARTERLY.id
        sources = Table(
            id="referrals_by_source", title="Referrals by source", measure="count",
            unit="cases", rows=("Police", "Housing", "Self-referral", "Total"),
            columns=("Cases",),
            cells=((_n(self.police),), (self.housing,), (LT5,), (LT5,)), row_total=True,
            note="Cases by the date their referral was received.",
        )  # fmt: skip
        rate = Table(
            id="victims_code", title="Victims' Code information within 5 working days",
            measure="rate", unit="%", rows=("All cases",), columns=("Rate",),
            cells=((Cell(75.0, "75%"),),),
        )  # fmt: skip
        return ReturnResult(
            QUARTERLY.id, 1, QUARTERLY.title, period,
            datetime(2027, 1, 12, 9, 0, tzinfo=UTC), (sources, rate),
        )  # fmt: skip


@pytest.fixture
def source() -> HandMade:
    return HandMade()


def _client(hub: Hub, source: HandMade) -> Iterator[TestClient]:
    console, app = console_app(hub)
    app.state.returns_source = source
    with TestClient(console, base_url="https://testserver", follow_redirects=False) as made:
        yield made


def _person(hub: Hub, clock: Clock, source: HandMade, name: str, role: str) -> Iterator[TestClient]:
    for made in _client(hub, source):
        person = set_up_person(accounts_of(made), clock, name, role)
        assert sign_in(made, person, clock).status_code == 303
        yield made


@pytest.fixture
def coordinator(hub: Hub, clock: Clock, source: HandMade) -> Iterator[TestClient]:
    yield from _person(hub, clock, source, "sam.coordinator", "coordinator")


@pytest.fixture
def auditor(hub: Hub, clock: Clock, source: HandMade) -> Iterator[TestClient]:
    yield from _person(hub, clock, source, "ada.auditor", "auditor")


def _events(hub: Hub, action: str) -> list[m.ConsoleAuditEvent]:
    with hub.db.reader() as session:
        query = select(m.ConsoleAuditEvent).where(m.ConsoleAuditEvent.action == action)
        return list(session.scalars(query.order_by(m.ConsoleAuditEvent.id)))


def _produce(client: TestClient, **fields: str) -> httpx.Response:
    token = csrf_of(client.get("/returns"))
    return client.post("/returns", data={**fields, "csrf_token": token})


def test_a_coordinator_produces_a_quarter_and_sees_charts_tables_and_the_rule(
    hub: Hub, coordinator: TestClient
) -> None:
    form = coordinator.get("/returns")
    assert form.status_code == 200 and 'id="no-kept"' in form.text
    assert 'value="2026-27Q3"' in form.text  # the quarter before January 2027's
    made = _produce(coordinator, definition="pcc-quarterly", how="quarter", quarter="2026-27Q3")
    assert made.status_code == 303
    shown = coordinator.get(made.headers["location"])
    assert shown.status_code == 200
    text = shown.text
    assert text.count("<h1") == 1
    assert "2026-27 Q3 (1 Oct 2026 to 31 Dec 2026)" in text
    assert 'role="img"' in text and "Chart: Referrals by source" in text
    assert '<table class="govuk-table" id="table-referrals_by_source"' in text
    assert 'some figures suppressed: "&lt;5"' in text
    assert "A count under 5 is shown as" in text
    assert "Cases by the date their referral was received." in text
    assert "This is the first return of this definition kept for this period." in text
    (event,) = _events(hub, "return_produced")
    assert "definition=pcc-quarterly" in event.detail and "period_start=2026-10-01" in event.detail
    listed = coordinator.get("/returns")
    assert "Quarterly RJ return" in listed.text and "2026-27 Q3" in listed.text


def test_running_it_again_after_a_late_change_lists_that_change(
    coordinator: TestClient, source: HandMade
) -> None:
    _produce(coordinator, definition="pcc-quarterly", how="quarter", quarter="2026-27Q3")
    source.police = 13  # a late referral from the police
    again = _produce(coordinator, definition="pcc-quarterly", how="quarter", quarter="2026-27Q3")
    shown = coordinator.get(again.headers["location"])
    changes = shown.text.split('id="changes"', 1)[1].split("</div>", 1)[0]
    assert "Police" in changes and "12" in changes and "13" in changes
    assert "Housing" not in changes


def test_a_figure_hidden_to_protect_another_is_shown_c_and_explained(
    coordinator: TestClient, source: HandMade
) -> None:
    source.housing = Cell(None, "[c]", suppressed=True)  # 8, hidden only to protect the "<5"
    made = _produce(coordinator, definition="pcc-quarterly", how="quarter", quarter="2026-27Q3")
    where = made.headers["location"]
    text = coordinator.get(where).text  # read back from the kept (sealed) return
    table = text.split('id="table-referrals_by_source"', 1)[1].split("</table>", 1)[0]
    cells = [part.split("<", 1)[0] for part in table.split('numeric">')[2:]]
    assert cells == ["12", "[c]", "&lt;5", "&lt;5"]
    assert 'some figures suppressed: "&lt;5", "[c]"' in text
    assert "[c] (hidden to protect a small number)" in text  # the chart
    assert "[c]: hidden so that a small number elsewhere cannot be worked out by" in text
    assert "8" not in table
    csv_text = coordinator.get(f"{where}/download/csv").content.decode("utf-8-sig")
    assert "Housing,[c]" in csv_text and "[c]: hidden so that a small number" in csv_text


def test_a_return_whose_audit_event_cannot_be_written_is_not_kept(
    hub: Hub, source: HandMade
) -> None:
    """Keeping a return and recording it are one transaction: an audit write that fails (here
    the ledger refuses an account name of two lines) leaves no kept return behind."""
    from rjdesk_hub.console import returns
    from rjdesk_hub.console.ledger import Actor
    from rjdesk_hub.returns import kept

    choice = returns.read_choice(
        {"definition": "pcc-quarterly", "quarter": "2026-27Q3"}, [QUARTERLY]
    )
    assert not choice.problems
    broken = Actor(account_id="acct-1", account_name="Sam\nCoordinator")
    with pytest.raises(ValueError, match="account name"):
        returns.produce(hub, source, choice, broken)
    assert kept.kept_returns(hub) == []
    assert _events(hub, "return_produced") == []
    made = returns.produce(hub, source, choice, Actor(account_id="acct-1", account_name="Sam"))
    assert [info.id for info in kept.kept_returns(hub)] == [made.id]
    (event,) = _events(hub, "return_produced")
    assert f"kept_return={made.id}" in event.detail and "definition=pcc-quarterly" in event.detail


def test_a_date_range_works_and_a_wrong_one_is_said_beside_its_field(
    coordinator: TestClient,
) -> None:
    made = _produce(
        coordinator, definition="pcc-quarterly", how="range", **{"from": "2026-04-01"},
        to="2026-09-30",
    )  # fmt: skip
    assert made.status_code == 303
    assert "1 Apr 2026 to 30 Sep 2026" in coordinator.get(made.headers["location"]).text
    wrong = _produce(
        coordinator, definition="", how="range", **{"from": "2026-09-30"}, to="2026-04-01"
    )
    assert wrong.status_code == 400
    assert "<title>Error: Returns" in wrong.text
    assert "Choose the return to produce" in wrong.text
    assert "The last day must be the same as or after the first day" in wrong.text
    bad = _produce(coordinator, definition="pcc-quarterly", how="quarter", quarter="2026-27Q9")
    assert bad.status_code == 400 and "Choose a quarter of the financial year" in bad.text


def test_downloads_are_the_returns_files_and_are_recorded(
    hub: Hub, coordinator: TestClient
) -> None:
    made = _produce(coordinator, definition="pcc-quarterly", how="quarter", quarter="2026-27Q3")
    where = made.headers["location"]
    workbook = coordinator.get(f"{where}/download/xlsx")
    assert workbook.status_code == 200
    assert workbook.headers["cache-control"] == "no-store"
    assert "attachment" in workbook.headers["content-disposition"]
    values = [
        cell.value
        for sheet in load_workbook(io.BytesIO(workbook.content)).worksheets
        for row in sheet.iter_rows()
        for cell in row
    ]
    assert "<5" in values and 12 in values
    assert coordinator.get(f"{where}/download/csv").status_code == 200
    assert coordinator.get(f"{where}/download/pdf").content.startswith(b"%PDF")
    assert coordinator.get(f"{where}/download/docx").status_code == 404
    assert coordinator.get("/returns/not-a-kept-return").status_code == 404
    assert len(_events(hub, "return_downloaded")) == 3


def test_an_auditor_reads_and_downloads_but_cannot_produce(
    hub: Hub, coordinator: TestClient, auditor: TestClient
) -> None:
    made = _produce(coordinator, definition="pcc-quarterly", how="quarter", quarter="2026-27Q3")
    page = auditor.get("/returns")
    assert page.status_code == 200 and 'id="produce"' not in page.text
    assert auditor.get(made.headers["location"]).status_code == 200
    assert auditor.get(made.headers["location"] + "/download/csv").status_code == 200
    refused = auditor.post(
        "/returns", data={"definition": "pcc-quarterly", "quarter": "2026-27Q3",
                          "csrf_token": csrf_of(page)},
    )  # fmt: skip
    assert refused.status_code == 403 and "auditors may not produce returns" in refused.text
    assert [e.outcome for e in _events(hub, "return_produced")] == ["ok", "refused"]


def test_a_form_without_its_token_is_refused(hub: Hub, coordinator: TestClient) -> None:
    refused = coordinator.post(
        "/returns", data={"definition": "pcc-quarterly", "quarter": "2026-27Q3"}
    )
    assert refused.status_code == 403 and "This form was refused" in refused.text
    assert _events(hub, "return_produced") == []


def test_an_admin_sees_no_figures(hub: Hub, clock: Clock, source: HandMade) -> None:
    for admin in _person(hub, clock, source, "al.admin", "admin"):
        assert admin.get("/returns").status_code == 403
        assert admin.get("/billing").status_code == 403
        assert 'href="/returns"' not in admin.get("/audit").text


def test_the_billing_page_shows_each_organisations_statement(
    hub: Hub, coordinator: TestClient
) -> None:
    hub.settings = dataclasses.replace(hub.settings, billing=RULES)
    school = _partner(hub, "Eastfield School")
    for n in range(3):
        _referral(hub, school, _at(date(2026, 12, 1 + n)))
    page = coordinator.get("/billing?period=2026-27Q3")
    assert page.status_code == 200 and page.text.count("<h1") == 1
    assert "Eastfield School: £675.00" in page.text
    assert "Cases charged in the period: 3." in page.text
    assert "Zebedee" not in page.text
    empty = coordinator.get("/billing?period=2026-27Q1")
    assert 'id="no-statements"' in empty.text
    assert coordinator.get("/billing?period=soon").status_code == 400
    download = coordinator.get("/billing/download/csv?period=2026-27Q3")
    assert download.status_code == 200 and "£675.00" in download.content.decode("utf-8-sig")
    assert len(_events(hub, "billing_statement")) == 1
    hub.settings = dataclasses.replace(hub.settings, billing={"default": {"per_case": -1}})
    wrong = coordinator.get("/billing?period=2026-27Q3")
    assert "billing.default.per_case must be a price" in wrong.text


def test_the_engine_offers_the_shipped_definitions_and_counts_an_empty_hub(hub: Hub) -> None:
    from rjdesk_hub.console.returns import EngineSource

    engine = EngineSource(hub)
    offered = {d.id: d for d in engine.definitions()}
    assert set(offered) == {"rj-quarterly", "people-by-closure"}
    assert all(len(d.sha256) == 64 and d.version >= 1 for d in offered.values())
    result = engine.compute("rj-quarterly", Period(date(2026, 10, 1), date(2026, 12, 31), "Q3"))
    assert result.definition_id == "rj-quarterly" and result.tables
