"""Bank holidays, working days and the Victims' Code five-working-day deadline."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rjdesk_protocol.calendar import (
    FIRST_YEAR,
    LAST_YEAR,
    add_working_days,
    bank_holidays,
    easter_sunday,
    is_working_day,
    working_days_between,
)
from rjdesk_protocol.victims_code import (
    VICTIMS_CODE_WORKING_DAYS,
    VictimsCodeState,
    victims_code_status,
)

# As published on gov.uk/bank-holidays for England and Wales.
GOV_UK_BANK_HOLIDAYS = {
    2019: "01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26",
    2020: "01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28",
    2021: "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28",
    2022: "01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27",
    2023: "01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26",
    2024: "01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26",
    2025: "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26",
    2026: "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28",
    2027: "01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28",
}


def _dates(year: int, month_days: str) -> frozenset[date]:
    return frozenset(date.fromisoformat(f"{year}-{md}") for md in month_days.split())


@pytest.mark.parametrize("year", sorted(GOV_UK_BANK_HOLIDAYS))
def test_bank_holidays_match_the_gov_uk_list(year: int) -> None:
    assert bank_holidays(year) == _dates(year, GOV_UK_BANK_HOLIDAYS[year])


def test_boxing_day_2026_falls_on_a_saturday_so_monday_28th_is_the_holiday() -> None:
    holidays = bank_holidays(2026)
    assert date(2026, 12, 28) in holidays
    assert date(2026, 12, 26) not in holidays


def test_ve_day_75_moved_the_early_may_holiday_to_friday_8_may_2020() -> None:
    assert date(2020, 5, 8) in bank_holidays(2020)
    assert date(2020, 5, 4) not in bank_holidays(2020)


def test_platinum_jubilee_and_the_state_funeral_in_2022() -> None:
    holidays = bank_holidays(2022)
    assert {date(2022, 6, 2), date(2022, 6, 3), date(2022, 9, 19)} <= holidays
    assert date(2022, 5, 30) not in holidays


def test_the_coronation_was_an_extra_day_on_top_of_early_may_2023() -> None:
    assert {date(2023, 5, 1), date(2023, 5, 8)} <= bank_holidays(2023)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (1995, {date(1995, 5, 8)}),
        (1999, {date(1999, 12, 31), date(1999, 12, 27), date(1999, 12, 28)}),
        (2000, {date(2000, 1, 3)}),
        (2002, {date(2002, 6, 3), date(2002, 6, 4)}),
        (2011, {date(2011, 4, 29)}),
        (2012, {date(2012, 6, 4), date(2012, 6, 5)}),
    ],
)
def test_earlier_proclamations_and_substitutes(year: int, expected: set[date]) -> None:
    assert expected <= bank_holidays(year)


def test_moved_holidays_are_no_longer_holidays() -> None:
    assert date(1995, 5, 1) not in bank_holidays(1995)
    assert date(2002, 5, 27) not in bank_holidays(2002)
    assert date(2012, 5, 28) not in bank_holidays(2012)


def test_years_outside_the_known_range_are_refused_rather_than_guessed() -> None:
    with pytest.raises(ValueError, match="1995 to 2100"):
        bank_holidays(FIRST_YEAR - 1)
    with pytest.raises(ValueError, match="1995 to 2100"):
        bank_holidays(LAST_YEAR + 1)


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2000, date(2000, 4, 23)), (2008, date(2008, 3, 23)), (2038, date(2038, 4, 25))],
)
def test_easter_on_its_earliest_and_latest_dates(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


@given(st.integers(min_value=FIRST_YEAR, max_value=LAST_YEAR))
def test_every_year_has_at_least_eight_bank_holidays_all_on_weekdays(year: int) -> None:
    holidays = bank_holidays(year)
    assert len(holidays) >= 8
    assert all(day.weekday() < 5 and day.year == year for day in holidays)


def test_weekends_and_bank_holidays_are_not_working_days() -> None:
    assert is_working_day(date(2026, 11, 17))  # a Tuesday
    assert not is_working_day(date(2026, 11, 14))  # Saturday
    assert not is_working_day(date(2026, 11, 15))  # Sunday
    assert not is_working_day(date(2026, 12, 28))  # Boxing Day substitute


def test_adding_no_working_days_stays_on_the_same_day_even_at_a_weekend() -> None:
    assert add_working_days(date(2026, 11, 14), 0) == date(2026, 11, 14)


def test_a_friday_referral_counts_from_the_following_monday() -> None:
    assert add_working_days(date(2026, 11, 13), 1) == date(2026, 11, 16)


def test_negative_working_days_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_working_days(date(2026, 11, 10), -1)


def test_working_days_between_does_not_count_the_start_day() -> None:
    assert working_days_between(date(2026, 11, 10), date(2026, 11, 10)) == 0
    assert working_days_between(date(2026, 11, 10), date(2026, 11, 11)) == 1
    assert working_days_between(date(2026, 11, 17), date(2026, 11, 10)) == 0
    # Christmas week 2026: only 29, 30 and 31 December are working days.
    assert working_days_between(date(2026, 12, 24), date(2027, 1, 1)) == 3


def test_a_whole_year_of_working_days() -> None:
    # 2026 has 261 weekdays and all eight bank holidays fall on weekdays.
    assert working_days_between(date(2025, 12, 31), date(2026, 12, 31)) == 261 - 8


days_in_range = st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(2098, 12, 31))


@given(days_in_range, st.integers(min_value=0, max_value=300))
def test_counting_undoes_adding(start: date, days: int) -> None:
    end = add_working_days(start, days)
    assert working_days_between(start, end) == days
    if days > 0:
        assert is_working_day(end)
        # ... and it is the first such day: the day before is still one short.
        assert working_days_between(start, end - timedelta(days=1)) == days - 1


@given(days_in_range, st.integers(min_value=0, max_value=120))
def test_counting_agrees_with_walking_the_calendar(start: date, span: int) -> None:
    end = start + timedelta(days=span)
    walked = sum(is_working_day(start + timedelta(days=i)) for i in range(1, span + 1))
    assert working_days_between(start, end) == walked


# --- The Victims' Code deadline -------------------------------------------------------------

RECEIVED = date(2026, 11, 10)  # a Tuesday
DEADLINE = date(2026, 11, 17)


def test_the_deadline_is_five_working_days_after_the_referral_is_received() -> None:
    assert VICTIMS_CODE_WORKING_DAYS == 5
    assert victims_code_status(RECEIVED, None, RECEIVED).deadline == DEADLINE


def test_information_not_yet_given_is_pending_up_to_and_on_the_deadline() -> None:
    status = victims_code_status(RECEIVED, None, today=DEADLINE)
    assert status.state is VictimsCodeState.PENDING
    assert not status.breach
    assert status.working_days == 5
    assert status.describe() == "Due by 17 Nov 2026 (today is the last day)"


def test_two_days_before_the_deadline_the_facilitator_sees_the_days_left() -> None:
    status = victims_code_status(RECEIVED, None, today=date(2026, 11, 13))
    assert status.state is VictimsCodeState.PENDING
    assert status.working_days == 3
    assert status.describe() == "Due by 17 Nov 2026 (2 working days left)"


@pytest.mark.parametrize("today", [date(2026, 11, 18), date(2026, 11, 21), date(2027, 3, 1)])
def test_information_not_given_by_the_deadline_is_missing_and_a_breach(today: date) -> None:
    status = victims_code_status(RECEIVED, None, today=today)
    assert status.state is VictimsCodeState.MISSING
    assert status.breach
    assert status.given_on is None
    assert status.describe() == "Overdue: RJ information not given; the deadline was 17 Nov 2026"


def test_information_given_on_the_fifth_working_day_is_on_time() -> None:
    status = victims_code_status(RECEIVED, DEADLINE, today=date(2026, 12, 1))
    assert status.state is VictimsCodeState.MET
    assert not status.breach
    assert status.working_days == 5
    assert status.describe() == "RJ information given after 5 working days (deadline 17 Nov 2026)"


def test_information_given_on_the_sixth_working_day_is_late() -> None:
    status = victims_code_status(RECEIVED, date(2026, 11, 18), today=date(2026, 12, 1))
    assert status.state is VictimsCodeState.LATE
    assert status.breach
    assert status.working_days == 6


def test_late_information_says_how_long_it_took() -> None:
    status = victims_code_status(RECEIVED, date(2026, 11, 19), today=date(2026, 11, 19))
    assert status.describe() == (
        "Late: RJ information given after 7 working days; the deadline was 17 Nov 2026"
    )


def test_information_given_after_four_working_days() -> None:
    status = victims_code_status(date(2026, 10, 13), date(2026, 10, 19), today=date(2026, 11, 1))
    assert status.describe() == "RJ information given after 4 working days (deadline 20 Oct 2026)"


def test_information_given_the_next_working_day_reads_in_the_singular() -> None:
    status = victims_code_status(RECEIVED, date(2026, 11, 11), today=date(2026, 11, 11))
    assert status.describe() == "RJ information given after 1 working day (deadline 17 Nov 2026)"


def test_information_given_before_the_referral_date_counts_as_met_straight_away() -> None:
    status = victims_code_status(RECEIVED, date(2026, 11, 6), today=RECEIVED)
    assert status.state is VictimsCodeState.MET
    assert status.working_days == 0
    assert status.describe() == "RJ information given the same working day (deadline 17 Nov 2026)"


def test_a_christmas_eve_referral_is_due_on_5_january() -> None:
    # 25 Dec, the 28 Dec Boxing Day substitute, weekends and 1 Jan are all skipped:
    # the working days are 29, 30, 31 Dec, 4 Jan and 5 Jan.
    status = victims_code_status(date(2026, 12, 24), None, today=date(2026, 12, 24))
    assert status.deadline == date(2027, 1, 5)
    assert status.describe() == "Due by 5 Jan 2027 (5 working days left)"
    assert victims_code_status(date(2026, 12, 24), None, date(2027, 1, 6)).breach


def test_an_easter_referral_skips_good_friday_and_easter_monday() -> None:
    # Received Thursday 2 April 2026: 7, 8, 9, 10 and 13 April.
    status = victims_code_status(date(2026, 4, 2), date(2026, 4, 13), today=date(2026, 4, 20))
    assert status.deadline == date(2026, 4, 13)
    assert status.state is VictimsCodeState.MET


@given(days_in_range, st.integers(min_value=0, max_value=30), st.integers(0, 30))
def test_a_breach_is_exactly_being_given_or_still_waiting_after_the_deadline(
    received: date, given_after: int, today_after: int
) -> None:
    given_on = received + timedelta(days=given_after)
    today = received + timedelta(days=today_after)
    deadline = add_working_days(received, VICTIMS_CODE_WORKING_DAYS)
    assert victims_code_status(received, given_on, today).breach == (given_on > deadline)
    assert victims_code_status(received, None, today).breach == (today > deadline)


@given(days_in_range, st.one_of(st.none(), days_in_range), days_in_range)
def test_descriptions_are_one_line_and_carry_the_deadline(
    received: date, given_on: date | None, today: date
) -> None:
    status = victims_code_status(received, given_on, today)
    text = status.describe()
    assert "\n" not in text
    assert str(status.deadline.year) in text
