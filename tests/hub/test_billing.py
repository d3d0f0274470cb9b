"""Billing statements per referring organisation over a real hub's referrals: a block of 25
bought in one quarter and finished in the next (billed once), a referral accepted just after
midnight in London on the quarter's first day, crime and declined referrals left out, a referral
that joined a case already billed, a price per case by default; the rules in hub.json refused
in one sentence each; and ``rjdesk-hub billing`` writing CSV and a PDF read back with pypdf.
Every figure is stated here by hand."""

from __future__ import annotations

import csv
import dataclasses
import io
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from rjdesk_hub import Hub, config
from rjdesk_hub import models as m
from rjdesk_hub.cli import main
from rjdesk_hub.referrals import partners, store
from rjdesk_hub.referrals.models import Referral
from rjdesk_hub.returns import billing, billing_files, periods
from rjdesk_hub.returns.models import ReturnCase
from rjdesk_protocol.errors import UsageError
from tests.hub.returns.cases import case

RULES = {
    "default": {"per_case": 225},
    "organisations": {"Riverside Homes": {"block": {"cases": 25, "price": 5000}}},
}
Q2 = periods.parse_period("2026-27Q2")  # July to September 2026
Q3 = periods.parse_period("2026-27Q3")  # October to December 2026


@pytest.fixture
def hub(tmp_path: Path) -> Hub:
    made = Hub.init(tmp_path / "hub", name="North RJ hub")
    made.settings = dataclasses.replace(made.settings, billing=RULES)
    (tmp_path / "hub" / config.SETTINGS_FILE).write_bytes(made.settings.to_json())
    return made


def _partner(hub: Hub, organisation: str) -> str:
    with hub.db.transaction() as tx:
        partner, _token = partners.issue(
            tx.session, hub, organisation=organisation, kind="housing", by="c1", at=tx.now
        )
        return partner.id


def _referral(
    hub: Hub,
    partner_id: str,
    accepted_at: datetime,
    *,
    case_type: str = "neighbour_dispute",
    status: str = store.ACCEPTED,
    case_id: str | None = None,
) -> str:
    """A partner's referral, accepted at ``accepted_at`` into a new case (or ``case_id``);
    the case's reference."""
    with hub.db.transaction() as tx:
        received = store.receive(
            tx.session, store.sealer(hub), at=accepted_at - timedelta(days=2),
            channel=store.PARTNER, fields={"name": "Zebedee Quillfeather"},
            problem=case_type, partner_id=partner_id,
        )  # fmt: skip
        referral = tx.session.get(Referral, received.id)
        assert referral is not None
        if status == store.DECLINED:
            store.decline(tx.session, referral, reason="not_suitable", by="c1", at=accepted_at)
            return ""
        reference = f"H-{uuid.uuid4().hex[:6].upper()}"
        if case_id is None:
            case_id = str(uuid.uuid4())
            tx.session.add(
                m.CaseIndex(
                    case_id=case_id, reference=reference, case_type=case_type,
                    stage="referral", source="housing", received_on=accepted_at.date(),
                    updated_at=accepted_at, closed=False, facts=b"",
                )
            )  # fmt: skip
        store.accept(tx.session, referral, case_id=case_id, by="c1", at=accepted_at)
        return case_id


def _at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


@pytest.fixture
def filled(hub: Hub) -> Hub:
    riverside = _partner(hub, "Riverside Homes")
    riverside_again = _partner(hub, "Riverside Homes")  # a second link: the same organisation
    school = _partner(hub, "Eastfield School")
    # Q2: 20 of Riverside's cases (10 by each link), one crime and one declined referral.
    for n in range(20):
        _referral(hub, riverside if n % 2 else riverside_again, _at(date(2026, 7, 1 + n)))
    _referral(hub, riverside, _at(date(2026, 8, 1)), case_type="crime")
    _referral(hub, riverside, _at(date(2026, 8, 2)), status=store.DECLINED)
    # 30 September at 23:30 UTC is 1 October at 00:30 in London: Q3's first case.
    first_q3 = _referral(hub, riverside, _at(date(2026, 9, 30), 23, 30))
    for n in range(9):
        _referral(hub, riverside, _at(date(2026, 10, 2 + n)))
    _referral(hub, riverside, _at(date(2026, 11, 20)), case_id=first_q3)  # joins: not charged
    _referral(hub, riverside, _at(date(2026, 11, 21)), case_type="hate_crime")
    # Eastfield School has no rule of its own: the default, per case.
    for n in range(3):
        _referral(hub, school, _at(date(2026, 12, 1 + n)))
    _referral(hub, school, _at(date(2027, 1, 4)))  # Q4
    return hub


def test_a_block_begun_in_one_quarter_is_billed_once_and_finished_in_the_next(
    filled: Hub,
) -> None:
    (q2,) = billing.statements(filled, Q2, organisation="Riverside Homes")
    assert (q2.cases, q2.blocks, q2.block_cases_before, q2.block_left) == (20, 1, 0, 5)
    assert q2.total == 500000
    assert len(q2.lines) == 20  # the crime and the declined referral are not there
    assert q2.lines[0].note == "Block 1, case 1 of 25"

    (q3,) = billing.statements(filled, Q3, organisation="Riverside Homes")
    # 10 new cases: 5 finish block 1 (billed in Q2), 5 begin block 2 (billed now).
    assert (q3.cases, q3.blocks, q3.block_cases_before, q3.block_left) == (10, 1, 20, 20)
    assert q3.total == 500000
    assert billing.money(q3.total) == "£5,000.00"
    notes = [line.note for line in q3.lines]
    assert notes[0] == "Block 1, case 21 of 25"
    assert notes[0:5] == [f"Block 1, case {n} of 25" for n in range(21, 26)]
    assert notes[5:10] == [f"Block 2, case {n} of 25" for n in range(1, 6)]
    assert notes[10] == billing.JOINED
    assert len(q3.lines) == 11
    assert q3.lines[0].accepted_on == date(2026, 10, 1)  # London's day, not UTC's


def test_an_organisation_without_a_rule_pays_the_default_per_case(filled: Hub) -> None:
    made = {s.organisation: s for s in billing.statements(filled, Q3)}
    assert sorted(made) == ["Eastfield School", "Riverside Homes"]
    school = made["Eastfield School"]
    assert (school.cases, school.total) == (3, 67500)
    assert [line.charge for line in school.lines] == [22500, 22500, 22500]
    assert billing.money(school.total) == "£675.00"


def test_blocks_counted_from_an_agreement_day_leave_earlier_cases_uncharged(
    filled: Hub,
) -> None:
    rules = {"organisations": {"Riverside Homes": {
        "block": {"cases": 25, "price": 5000, "from": "2026-10-05"}}}}  # fmt: skip
    filled.settings = dataclasses.replace(filled.settings, billing=rules)
    (q3,) = billing.statements(filled, Q3, organisation="Riverside Homes")
    # 1, 2, 3 and 4 October are before the agreement; 5 to 10 October use block 1.
    assert (q3.cases, q3.blocks, q3.block_cases_before, q3.total) == (6, 1, 0, 500000)
    assert q3.lines[3].note.startswith("Before the block agreement")
    assert q3.lines[4].note == "Block 1, case 1 of 25"
    school = billing.statements(filled, Q3, organisation="Eastfield School")[0]
    assert school.rule is None and school.total == 0  # no default now: said, not guessed
    assert "no price is set" in billing_files.summary(school)[0]


def _facts(hub: Hub, case_id: str, received_on: date, case_type: str, *, flagged: bool) -> None:
    """The return facts the hub keeps for ``case_id`` (``returns.keep``): its type, and whether
    it is a hate crime by its type or its flags."""
    facts = dataclasses.asdict(case(case_id, received_on, case_type=case_type))
    with hub.db.transaction() as tx:
        tx.session.add(ReturnCase(**(facts | {"hate_crime": flagged})))


def test_a_case_flagged_as_a_hate_crime_is_not_billed_whatever_its_type(hub: Hub) -> None:
    """Eastfield School refers three neighbour disputes in Q3; at the hub the second is
    flagged as a hate crime (its type stays a neighbour dispute): victim-services funds pay
    for it, so the school is billed for two (£450), not three. The third has left the hub's
    facts (none kept): its indexed type, a neighbour dispute, bills it."""
    school = _partner(hub, "Eastfield School")
    days = [date(2026, 10, 5), date(2026, 10, 6), date(2026, 10, 7)]
    cases = [_referral(hub, school, _at(day)) for day in days]
    _facts(hub, cases[0], days[0], "neighbour_dispute", flagged=False)
    _facts(hub, cases[1], days[1], "neighbour_dispute", flagged=True)
    (statement,) = billing.statements(hub, Q3)
    assert (statement.cases, statement.total) == (2, 45000)
    assert [line.accepted_on for line in statement.lines] == [days[0], days[2]]
    # Facts that say crime leave it out even where the index and the referral say otherwise.
    _facts(hub, cases[2], days[2], "crime", flagged=False)
    (statement,) = billing.statements(hub, Q3)
    assert (statement.cases, statement.total) == (1, 22500)


@pytest.mark.parametrize(
    ("rules", "sentence"),
    [
        ([], "hub.json's billing must be an object"),
        ({"default": {"per_case": -5}}, "billing.default.per_case must be a price in pounds"),
        ({"default": {"per_case": "lots"}}, "billing.default.per_case must be a price"),
        ({"default": {"per_case": 1.005}}, "billing.default.per_case must be a price"),
        ({"default": {"per_case": 225, "block": {}}}, 'must have either "per_case"'),
        ({"organisations": {"X": {"block": {"cases": 0, "price": 1}}}}, "block.cases must be"),
        ({"organisations": {"X": {"block": {"cases": 5, "price": 1, "from": "soon"}}}},
         "block.from must be a day"),
        ({"orgs": {}}, 'has an unknown setting "orgs"'),
    ],
)  # fmt: skip
def test_a_mistake_in_the_rules_is_one_sentence_naming_where(rules: object, sentence: str) -> None:
    with pytest.raises(billing.BillingRulesRefused) as refused:
        billing.rules_from(rules)
    assert sentence in str(refused.value)
    assert str(refused.value).endswith('(see docs/hub.md, "Billing").')
    assert "\n" not in str(refused.value)


def test_prices_in_pounds_and_pence() -> None:
    rules = billing.rules_from({"default": {"per_case": 187.5}})
    assert rules.default == billing.PerCase(18750)
    assert billing.money(123456789) == "£1,234,567.89"


def test_the_rules_survive_hub_json(hub: Hub) -> None:
    again = config.HubSettings.from_json(hub.settings.to_json())
    assert again.billing == RULES


def test_periods_are_financial_year_quarters_or_two_days() -> None:
    assert (Q3.start, Q3.end, Q3.label) == (date(2026, 10, 1), date(2026, 12, 31), "2026-27 Q3")
    q4 = periods.parse_period("2026-27Q4")
    assert (q4.start, q4.end) == (date(2027, 1, 1), date(2027, 3, 31))
    q1 = periods.parse_period("2026-27 q1")
    assert (q1.start, q1.end) == (date(2026, 4, 1), date(2026, 6, 30))
    both = periods.parse_period("2026-04-01:2026-09-30")
    assert (both.start, both.end) == (date(2026, 4, 1), date(2026, 9, 30))
    for wrong in ("2026Q3", "2026-28Q3", "2026-27Q5", "2026-09-30:2026-04-01", ""):
        with pytest.raises(UsageError):
            periods.parse_period(wrong)


def test_the_command_writes_csv_and_a_pdf_with_no_name(
    filled: Hub, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = str(tmp_path / "hub")
    filled.close()
    out = tmp_path / "q3.csv"
    assert main(["--data-dir", data_dir, "billing", "--period", "2026-27Q3", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Riverside Homes: 11 referral(s), £5,000.00" in printed
    assert "Eastfield School: 3 referral(s), £675.00" in printed
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert rows[0] == list(billing_files.HEADER)
    totals = {row[0]: row for row in rows if row[1] == "Total"}
    assert totals["Riverside Homes"][4] == "£5,000.00"
    assert totals["Riverside Homes"][5] == "1 block(s)"
    assert totals["Eastfield School"][4] == "£675.00"
    assert len(rows) == 1 + 11 + 1 + 3 + 1
    assert "Zebedee" not in out.read_text(encoding="utf-8-sig")

    pdf = tmp_path / "riverside.pdf"
    argv = ["--data-dir", data_dir, "billing", "--period", "2026-27Q3",
            "--organisation", "Riverside Homes", "-o", str(pdf)]  # fmt: skip
    assert main(argv) == 0
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Billing statement: Riverside Homes" in text
    assert "Blocks to bill for this period: 1" in text
    assert "Total for the period: £5,000.00" in text
    assert "Block 2, case 5 of 25" in text
    assert "Zebedee" not in text and "Eastfield" not in text

    with Hub.open(Path(data_dir)) as reopened, reopened.db.reader() as session:
        events = session.query(m.ConsoleAuditEvent).filter_by(action="billing_statement").all()
    assert len(events) == 2 and events[0].account_name == "rjdesk-hub command line"


def test_the_command_refuses_a_wrong_period_or_file_in_one_line(
    filled: Hub, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = str(tmp_path / "hub")
    filled.close()
    assert main(["--data-dir", data_dir, "billing", "--period", "Q3", "-o", "x.csv"]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "financial-year quarter such as 2026-27Q3" in err
    assert main(["--data-dir", data_dir, "billing", "--period", "2026-27Q3", "-o", "x.xlsx"]) != 0
    assert "must end in .csv or .pdf" in capsys.readouterr().err
