from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from svo_cli.dates import (
    DateSpecError,
    Duration,
    DurationError,
    add,
    add_working_days,
    election_years_between,
    is_working_day,
    mandate_period_end,
    parse_date_spec,
    parse_duration,
    parse_iso_date,
    previous_working_day,
    shift,
    subtract,
    term_end,
)

# ---------------------------------------------------------------- date specs


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("2018-01-01", date(2018, 1, 1), date(2018, 1, 1)),
        ("2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2022-H1", date(2022, 1, 1), date(2022, 6, 30)),
        ("2022-H2", date(2022, 7, 1), date(2022, 12, 31)),
        ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31)),
        ("2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
        ("vt 2025", date(2025, 1, 1), date(2025, 6, 30)),
        ("VT 2025", date(2025, 1, 1), date(2025, 6, 30)),
        ("våren 2025", date(2025, 1, 1), date(2025, 6, 30)),
        ("ht 2022", date(2022, 7, 1), date(2022, 12, 31)),
        ("hösten 2022", date(2022, 7, 1), date(2022, 12, 31)),
        ("va\u030aren 2025", date(2025, 1, 1), date(2025, 6, 30)),  # decomposed å, as PDFs give it
    ],
)
def test_date_specs_cover_the_stated_days(text, start, end):
    spec = parse_date_spec(text)
    assert (spec.start, spec.end) == (start, end)
    assert spec.approximate == (start != end)


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("2023-02-30", "February 2023 has 28 days"),
        ("2024-02-30", "February 2024 has 29 days"),
        ("2023-13-01", "no month 13"),
        ("2023-00", "no month 00"),
        ("spring 2025", "expected YYYY-MM-DD"),
        ("2025-Q5", "expected"),
        ("", "expected"),
        ("9999-12-31", "outside 1900-2199"),
        ("0001", "outside 1900-2199"),
    ],
)
def test_bad_date_specs_say_what_was_expected(text, fragment):
    with pytest.raises(DateSpecError, match=fragment):
        parse_date_spec(text)


def test_iso_date_option_takes_only_days():
    assert parse_iso_date("2026-05-04") == date(2026, 5, 4)
    with pytest.raises(DateSpecError):
        parse_iso_date("2026")


# ---------------------------------------------------------------- durations


@pytest.mark.parametrize(
    "text, expected",
    [
        ("P2Y", Duration(years=2)),
        ("P12M", Duration(months=12)),
        ("P2W", Duration(days=14)),
        ("P14D", Duration(days=14)),
        ("P1Y6M", Duration(years=1, months=6)),
        ("12 months", Duration(months=12)),
        ("12 månader", Duration(months=12)),
        ("tolv månader", Duration(months=12)),
        ("1 year", Duration(years=1)),
        ("2 år", Duration(years=2)),
        ("två år", Duration(years=2)),
        ("2 weeks", Duration(days=14)),
        ("två veckor", Duration(days=14)),
        ("14 dagar", Duration(days=14)),
        ("5 working days", Duration(working_days=5)),
        ("5 arbetsdagar", Duration(working_days=5)),
    ],
)
def test_durations_in_iso_english_and_swedish(text, expected):
    parsed = parse_duration(text)
    assert (parsed.years, parsed.months, parsed.days, parsed.working_days) == (
        expected.years, expected.months, expected.days, expected.working_days)


@pytest.mark.parametrize("text", ["12", "P", "twelve moons", "-1 year", "P1000Y", "1 fortnight"])
def test_bad_durations_are_refused(text):
    with pytest.raises(DurationError):
        parse_duration(text)


# ---------------------------------------------------------------- calendar arithmetic (issue examples)


def test_notice_deadline_examples_from_the_rules():
    assert subtract(date(2021, 12, 31), parse_duration("12 months")) == date(2020, 12, 31)
    assert subtract(date(2024, 2, 29), parse_duration("12 months")) == date(2023, 2, 28)


def test_term_end_is_start_plus_length_minus_one_day():
    assert term_end(date(2021, 3, 1), parse_duration("3 years")) == date(2024, 2, 29)
    assert term_end(date(2018, 1, 1), parse_duration("4 years")) == date(2021, 12, 31)


def test_shift_is_computed_from_the_anchor_not_chained():
    # Chaining +1 month from 31 January drifts to the 28th/29th; from the anchor it does not.
    anchor = date(2024, 1, 31)
    month = parse_duration("1 month")
    assert shift(anchor, month, 2) == date(2024, 3, 31)
    chained = add(add(anchor, month), month)
    assert chained == date(2024, 3, 29)


# ---------------------------------------------------------------- working days


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 1, 1),  # nyårsdagen
        date(2026, 1, 6),  # trettondedag jul
        date(2026, 4, 3),  # långfredagen
        date(2026, 4, 6),  # annandag påsk
        date(2026, 5, 1),
        date(2026, 5, 14),  # Kristi himmelfärd
        date(2026, 6, 19),  # midsommarafton (a Friday)
        date(2026, 12, 24),  # julafton
        date(2026, 12, 25),
        date(2026, 12, 26),
        date(2026, 12, 31),  # nyårsafton
        date(2025, 6, 6),  # nationaldagen on a Friday
        date(2026, 11, 21),  # a Saturday
        date(2026, 11, 22),  # a Sunday
    ],
)
def test_non_working_days(day):
    assert not is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [date(2026, 4, 2), date(2026, 12, 23), date(2026, 12, 30), date(2026, 6, 18), date(2026, 10, 30)],
)
def test_half_days_and_ordinary_days_are_working_days(day):
    # Skärtorsdagen, the days before julafton/nyårsafton/midsommarafton and allhelgonaafton are
    # shortened days in some workplaces, but they are working days.
    assert is_working_day(day)


def test_act_by_is_never_later_than_the_deadline():
    assert previous_working_day(date(2026, 12, 31)) == date(2026, 12, 30)  # nyårsafton
    assert previous_working_day(date(2027, 12, 31)) == date(2027, 12, 30)  # nyårsafton on a Friday
    assert previous_working_day(date(2026, 12, 26)) == date(2026, 12, 23)  # julafton, juldagen, annandag
    assert previous_working_day(date(2026, 4, 6)) == date(2026, 4, 2)  # påsk
    assert previous_working_day(date(2026, 6, 20)) == date(2026, 6, 18)  # midsommar
    assert previous_working_day(date(2026, 11, 23)) == date(2026, 11, 23)


def test_working_days_after():
    # Five working days after Friday 2026-12-18: 21, 22, 23, 28, 29 December.
    assert add_working_days(date(2026, 12, 18), 5) == date(2026, 12, 29)
    # Two working days before Tuesday 2026-04-07: Monday is annandag påsk, Friday långfredag.
    assert add_working_days(date(2026, 4, 7), -2) == date(2026, 4, 1)


# ---------------------------------------------------------------- electoral terms


def test_council_terms_end_on_14_october_of_election_years():
    assert mandate_period_end(2022) == date(2022, 10, 14)
    assert election_years_between(date(2018, 1, 1), date(2031, 1, 1)) == [2018, 2022, 2026, 2030]
    assert election_years_between(date(2018, 10, 15), date(2026, 10, 13)) == [2022]


# ---------------------------------------------------------------- properties

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
lengths = st.builds(
    lambda y, m, d: Duration(years=y, months=m, days=d),
    st.integers(0, 5), st.integers(0, 24), st.integers(0, 40),
).filter(lambda d: d.years or d.months or d.days)


@given(days, lengths, st.integers(0, 30))
def test_consecutive_terms_are_contiguous(start, length, k):
    first_of_k = shift(start, length, k)
    last_of_k = shift(start, length, k + 1) - timedelta(days=1)
    assert last_of_k >= first_of_k
    assert shift(start, length, k + 1) == last_of_k + timedelta(days=1)


@given(days, st.integers(1, 36))
def test_subtracting_months_lands_in_the_right_month_and_never_later(end, months):
    result = subtract(end, Duration(months=months))
    assert result < end
    total = end.year * 12 + end.month - months
    assert result.year * 12 + result.month == total
    assert result.day <= end.day


@settings(max_examples=300)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)))
def test_previous_working_day_is_a_working_day_on_or_before(day):
    found = previous_working_day(day)
    assert found <= day
    assert is_working_day(found)
    assert (day - found).days < 10
    probe = found + timedelta(days=1)
    while probe <= day:
        assert not is_working_day(probe)
        probe += timedelta(days=1)


@settings(max_examples=200)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)), st.integers(1, 30))
def test_n_working_days_after_counts_exactly_n(day, n):
    result = add_working_days(day, n)
    counted = sum(1 for i in range(1, (result - day).days + 1) if is_working_day(day + timedelta(days=i)))
    assert counted == n
    assert is_working_day(result)


@settings(max_examples=500)
@given(days, st.integers(0, 5), st.integers(0, 30), st.integers(0, 60), st.integers(-40, 40))
def test_fast_calendar_arithmetic_equals_relativedelta(day, years, months, extra_days, times):
    from dateutil.relativedelta import relativedelta

    duration = Duration(years=years, months=months, days=extra_days)
    expected = day + relativedelta(years=times * years, months=times * months, days=times * extra_days)
    if date(1900, 1, 1) <= expected <= date(2500, 1, 1):
        assert shift(day, duration, times) == expected
    assert add(day, duration) == day + relativedelta(years=years, months=months, days=extra_days)
    assert subtract(day, duration) == day - relativedelta(years=years, months=months, days=extra_days)


@pytest.mark.rule(id="9")
def test_working_days_import_no_holidays_module_and_the_library_only_its_swedish_one():
    """svo's years come from the table (no `holidays` module at all); the library, asked for the years
    outside it, imports only its Swedish module (its countries package imports all ~250)."""
    import subprocess
    import sys

    probe = ("import sys; from svo_cli.dates import non_working_holidays, library_holidays; "
             "non_working_holidays(2026); print(sorted(m for m in sys.modules if m.startswith('holidays')));"
             "library_holidays(2026); print(sorted(m for m in sys.modules if m.startswith('holidays.countries')))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.splitlines() == ["[]", "['holidays.countries.sweden']"]


@pytest.mark.rule(id="9")
def test_the_holiday_table_is_the_library_s_days_for_every_year_it_holds():
    """The table is what the library says, PUBLIC plus the three whole-day eves of BANK, year by year
    (a new `holidays` release that changes a day fails here: `python -m svo_cli.holidays_se` rewrites it)."""
    from pathlib import Path

    import holidays

    from svo_cli import holidays_se
    from svo_cli.dates import WORKING_DAY_EVES, non_working_holidays

    assert holidays_se.table_text() == Path(holidays_se.__file__).read_text(encoding="utf-8"), \
        "the holiday table is stale: run python -m svo_cli.holidays_se"
    for year in (1952, 1953, 2026, 2100, 2101):
        public = holidays.Sweden(years=year, categories=(holidays.PUBLIC,), include_sundays=False, language="en_US")
        bank = holidays.Sweden(years=year, categories=(holidays.BANK,), include_sundays=False, language="en_US")
        eves = {d for d, name in bank.items() if any(n in name.split("; ") for n in WORKING_DAY_EVES)}
        assert non_working_holidays(year) == frozenset(public.keys()) | frozenset(eves)
    assert non_working_holidays(holidays_se.LAST_YEAR + 1) == frozenset()  # the library's, asked
    assert len(non_working_holidays(2026)) == 16
