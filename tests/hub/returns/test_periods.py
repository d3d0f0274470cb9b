"""The period a return covers, as a coordinator types it."""

from __future__ import annotations

from datetime import date

import pytest

from rjdesk_hub.returns.periods import PeriodError, parse_period


@pytest.mark.parametrize(
    ("typed", "start", "end", "label"),
    [
        ("2026-27Q1", date(2026, 4, 1), date(2026, 6, 30), "2026-27 Q1"),
        ("2026-27Q3", date(2026, 10, 1), date(2026, 12, 31), "2026-27 Q3"),
        ("2026-27 q4", date(2027, 1, 1), date(2027, 3, 31), "2026-27 Q4"),
        ("2026-27", date(2026, 4, 1), date(2027, 3, 31), "2026-27"),
        ("2099-00Q2", date(2099, 7, 1), date(2099, 9, 30), "2099-00 Q2"),
        (
            "2026-04-01..2026-09-30",
            date(2026, 4, 1),
            date(2026, 9, 30),
            "1 Apr 2026 to 30 Sep 2026",
        ),
        (
            " 2026-05-07 .. 2026-05-07 ",
            date(2026, 5, 7),
            date(2026, 5, 7),
            "7 May 2026 to 7 May 2026",
        ),
    ],
)
def test_quarters_years_and_ranges(typed: str, start: date, end: date, label: str) -> None:
    period = parse_period(typed)
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("2026-28Q3", "'2026-28Q3' is not a financial year: the year after 2026 ends in 27"),
        ("2026-27Q5", "a financial year has quarters 1 to 4, not 5"),
        ("2026-27Q0", "a financial year has quarters 1 to 4, not 0"),
        ("Q3 2026", "'Q3 2026' is not a period: write it as"),
        ("", "'' is not a period"),
        ("2026-09-30..2026-04-01", "the period ends on 2026-04-01, before it starts on 2026-09-30"),
        ("2026-02-30..2026-03-31", "'2026-02-30' is not a day"),
    ],
)
def test_a_wrong_period_is_one_sentence(typed: str, says: str) -> None:
    with pytest.raises(PeriodError) as refused:
        parse_period(typed)
    assert str(refused.value).startswith(says)
    assert "\n" not in str(refused.value)
