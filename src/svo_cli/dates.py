"""Date specs, durations, Swedish working days and electoral terms: pure date arithmetic."""

from __future__ import annotations

import calendar
import os
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from svo_cli.kinds import PeriodUnit, month_key
from svo_cli.messages import T

ONE_DAY = timedelta(days=1)

DATE_SPEC_FORMS = T("date_spec_forms")  # the forms a date spec takes, in the reader's language
DURATION_FORMS = T("duration_forms")


class DateSpecError(ValueError):
    """A text that is not a date spec; the message says what was expected, `meant` what was likely meant."""

    def __init__(self, message: str, meant: str | None = None) -> None:
        super().__init__(message)
        self.meant = meant


class DurationError(ValueError):
    """A text that is not a duration; the message says what was expected, `meant` what was likely meant."""

    def __init__(self, message: str, meant: str | None = None) -> None:
        super().__init__(message)
        self.meant = meant


# --------------------------------------------------------------------------- date specs


UNKNOWN_TEXT = "unknown"
UNKNOWN_START = date(1900, 1, 1)  # an unknown start's placeholder: before anything the register holds (rule 1a)


@dataclass(frozen=True, order=True)
class DateSpec:
    """A date as a document states it: one day, or a coarse interval of days (both ends inclusive)."""

    start: date
    end: date
    text: str

    @property
    def approximate(self) -> bool:
        """True when the spec covers more than one day (e.g. '2019' or 'vt 2025'), or is unknown."""
        return self.start != self.end or self.unknown

    @property
    def unknown(self) -> bool:
        """`valid_from: unknown`: no source states the start (rule 1a); its days are a placeholder."""
        return self.text == UNKNOWN_TEXT

    @classmethod
    def day(cls, d: date) -> "DateSpec":
        return cls(d, d, d.isoformat())

    def __str__(self) -> str:
        return self.text


_RE_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_RE_YEAR = re.compile(r"^(\d{4})$")
_RE_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RE_HALF = re.compile(r"^(\d{4})-h([12])$")
_RE_QUARTER = re.compile(r"^(\d{4})-q([1-4])$")
_RE_TERM = re.compile(r"^(vt|våren|ht|hösten)\s*(\d{4})$")


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split())).lower()


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_date_spec(text: object) -> DateSpec:
    """Parse a date spec; raise DateSpecError naming the accepted forms."""
    if isinstance(text, date):
        return DateSpec.day(text)
    if isinstance(text, str):
        return _parse_date_spec_text(text)
    raise DateSpecError(T("not_a_date_spec", text=repr(text), forms=DATE_SPEC_FORMS))


@lru_cache(maxsize=65536)
def _parse_date_spec_text(text: str) -> DateSpec:
    """Date specs repeat across files: each distinct text is parsed once (results are immutable)."""
    original = text.strip()
    s = _normalise(original)
    if m := _RE_DAY.match(s):
        y, mo, d = (int(g) for g in m.groups())
        if not 1 <= mo <= 12:
            raise DateSpecError(T("date_no_such_month", text=original, month=f"{mo:02d}"))
        _year(m.group(1), original)
        last = calendar.monthrange(y, mo)[1]
        if not 1 <= d <= last:
            raise DateSpecError(T("date_no_such_day", text=original,
                                  month=T(month_key(mo)), year=y, days=last))
        day = date(y, mo, d)
        return DateSpec(day, day, original)
    if m := _RE_YEAR.match(s):
        y = _year(m.group(1), original)
        return DateSpec(date(y, 1, 1), date(y, 12, 31), original)
    if m := _RE_MONTH.match(s):
        y, mo = _year(m.group(1), original), int(m.group(2))
        if not 1 <= mo <= 12:
            raise DateSpecError(T("month_no_such_month", text=original, month=f"{mo:02d}"))
        return DateSpec(date(y, mo, 1), _month_end(y, mo), original)
    if m := _RE_HALF.match(s):
        y, h = _year(m.group(1), original), int(m.group(2))
        return _half(y, h, original)
    if m := _RE_QUARTER.match(s):
        y, q = _year(m.group(1), original), int(m.group(2))
        first = 3 * (q - 1) + 1
        return DateSpec(date(y, first, 1), _month_end(y, first + 2), original)
    if m := _RE_TERM.match(s):
        y = _year(m.group(2), original)
        return _half(y, 1 if m.group(1) in ("vt", "våren") else 2, original)
    raise DateSpecError(T("not_a_date_spec", text=original, forms=DATE_SPEC_FORMS), meant=likely_date_spec(original))


MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "mars": 3, "march": 3,
    "mar": 3, "april": 4, "apr": 4, "maj": 5, "may": 5, "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7,
    "jul": 7, "augusti": 8, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10,
    "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_DAY_FORMS = ((r"(\d{4})-(\d{1,2})-(\d{1,2})", (1, 2, 3)), (r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", (3, 2, 1)),
              (r"(\d{4})(\d{2})(\d{2})", (1, 2, 3)), (r"(\d{4})/(\d{1,2})/(\d{1,2})", (1, 2, 3)))
_RE_DAY_MONTH_NAME = re.compile(r"(?:den\s+)?(\d{1,2})(?::[ae]|\.)?\s+([a-zåäö]+)\.?,?\s+(\d{4})")
_RE_MONTH_NAME_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_RE_MONTH_NAME = re.compile(r"([a-zåäö]+)\.?\s+(\d{4})")


def likely_date(text: str) -> date | None:
    """The day a common way of writing it most likely means: 2026-1-5, 23/11/2026, 23.11.2026, 20261123,
    "1 januari 2027", "1:a januari 2027", "January 1, 2027"."""
    s = _normalise(text)
    for pattern, (y, m, d) in _DAY_FORMS:
        match = re.fullmatch(pattern, s, re.ASCII)
        if match:
            return _day_or_none(int(match.group(y)), int(match.group(m)), int(match.group(d)))
    if (match := _RE_DAY_MONTH_NAME.fullmatch(s)) and match.group(2) in MONTHS:
        return _day_or_none(int(match.group(3)), MONTHS[match.group(2)], int(match.group(1)))
    if (match := _RE_MONTH_NAME_DAY.fullmatch(s)) and match.group(1) in MONTHS:
        return _day_or_none(int(match.group(3)), MONTHS[match.group(1)], int(match.group(2)))
    return None


def _day_or_none(year: int, month: int, day: int) -> date | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if MIN_YEAR <= year <= MAX_YEAR else None


def likely_date_spec(text: str) -> str | None:
    """The date spec a text most likely means ("1 januari 2027" → 2027-01-01, "januari 2027" → 2027-01),
    or None."""
    day = likely_date(text)
    if day is not None:
        return day.isoformat()
    match = _RE_MONTH_NAME.fullmatch(_normalise(text))
    if match and match.group(1) in MONTHS and MIN_YEAR <= int(match.group(2)) <= MAX_YEAR:
        return f"{match.group(2)}-{MONTHS[match.group(1)]:02d}"
    return None


MIN_YEAR, MAX_YEAR = 1900, 2199  # with durations capped at 200 years, no computed date overflows


def _year(text: str, original: str) -> int:
    y = int(text)
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise DateSpecError(T("year_out_of_range", text=original, year=y, low=MIN_YEAR,
                              high=MAX_YEAR))
    return y


def _half(year: int, half: int, text: str) -> DateSpec:
    if half == 1:
        return DateSpec(date(year, 1, 1), date(year, 6, 30), text)
    return DateSpec(date(year, 7, 1), date(year, 12, 31), text)


def parse_iso_date(text: str) -> date:
    """Parse an exact YYYY-MM-DD date (command-line options); raise DateSpecError otherwise."""
    spec = parse_date_spec(text)
    if spec.approximate or not _RE_DAY.match(_normalise(text)):
        raise DateSpecError(T("not_a_day", text=text))
    return spec.start


# --------------------------------------------------------------------------- durations


@dataclass(frozen=True)
class Duration:
    """A length of time: calendar years, months and days, or a number of working days."""

    years: int = 0
    months: int = 0
    days: int = 0
    working_days: int = 0
    text: str = ""

    def __str__(self) -> str:
        return self.text or self.canonical()

    def canonical(self) -> str:
        if self.working_days:
            return f"{self.working_days} working days"
        parts = [f"{self.years}Y" if self.years else "", f"{self.months}M" if self.months else ""]
        parts.append(f"{self.days}D" if self.days or not any(parts) else "")
        return "P" + "".join(parts)

    @property
    def is_working_days(self) -> bool:
        return self.working_days > 0


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
    "nio": 9, "tio": 10, "elva": 11, "tolv": 12,
}
_UNITS = {
    "day": "days", "days": "days", "dag": "days", "dagar": "days",
    "week": "weeks", "weeks": "weeks", "vecka": "weeks", "veckor": "weeks",
    "month": "months", "months": "months", "månad": "months", "månader": "months",
    "year": "years", "years": "years", "år": "years",
    "working day": "working", "working days": "working", "workday": "working",
    "workdays": "working", "arbetsdag": "working", "arbetsdagar": "working",
}
_RE_ISO_DURATION = re.compile(r"^p(?:(\d+)y)?(?:(\d+)m)?(?:(\d+)w)?(?:(\d+)d)?$")
_RE_WORDS_DURATION = re.compile(r"^(\d+|[a-zåäö]+)\s*([a-zåäö ]+?)$")
MAX_DURATION_YEARS = 200
_RE_LONG_NUMBER = re.compile(r"\d{7}")


def parse_duration(text: object) -> Duration:
    """Parse a duration; raise DurationError naming the accepted forms."""
    if isinstance(text, str):
        return _parse_duration_text(text)
    raise DurationError(T("not_a_duration", text=repr(text), forms=DURATION_FORMS))


@lru_cache(maxsize=4096)
def _parse_duration_text(text: str) -> Duration:
    original = text.strip()
    s = _normalise(original)
    if _RE_LONG_NUMBER.search(s):  # no number of more digits fits in 200 years (nor in int() of a long text)
        raise DurationError(T("duration_too_long", text=original, years=MAX_DURATION_YEARS))
    if (m := _RE_ISO_DURATION.match(s)) and any(m.groups()):
        y, mo, w, d = (int(g) if g else 0 for g in m.groups())
        return _checked(Duration(years=y, months=mo, days=7 * w + d, text=original))
    if m := _RE_WORDS_DURATION.match(s):
        count_text, unit_text = m.groups()
        count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS.get(count_text)
        unit = _UNITS.get(unit_text.strip())
        if count is not None and unit is not None:
            if unit == "working":
                return _checked(Duration(working_days=count, text=original))
            if unit == "weeks":
                return _checked(Duration(days=7 * count, text=original))
            return _checked(Duration(**{unit: count}, text=original))
    raise DurationError(T("not_a_duration", text=original, forms=DURATION_FORMS), meant=likely_duration(s))


# Abbreviations and near misses of the units, as people write them: "12 mån", "2 å", "3 mnd".
_UNIT_ABBREVIATIONS = {
    "mån": "months", "mån.": "months", "mnd": "months", "mnd.": "months", "m": "months", "mo": "months",
    "mos": "months", "mon": "months", "månad.": "months", "månader.": "months",
    "å": "years", "år.": "years", "y": "years", "yr": "years", "yrs": "years", "år,": "years",
    "v": "weeks", "v.": "weeks", "vk": "weeks", "veck": "weeks", "w": "weeks", "wk": "weeks", "wks": "weeks",
    "d": "days", "d.": "days", "dgr": "days", "dag.": "days",
    "arb.dagar": "working", "arbetsd": "working", "arbetsd.": "working", "arb dagar": "working",
}
_CANONICAL = {"years": ("year", "years"), "months": ("month", "months"), "weeks": ("week", "weeks"),
              "days": ("day", "days"), "working": ("working day", "working days")}


def likely_duration(text: str) -> str | None:
    """The duration a text most likely means ("12 mån" → "12 months", "tolv månder" → "12 months"), or None."""
    import difflib

    m = _RE_WORDS_DURATION.match(_normalise(text))
    if not m:
        return None
    count_text, unit_text = m.groups()
    count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS.get(count_text)
    unit_text = unit_text.strip()
    unit = _UNIT_ABBREVIATIONS.get(unit_text)
    if unit is None:
        close = difflib.get_close_matches(unit_text, list(_UNITS), n=1, cutoff=0.75)
        unit = _UNITS[close[0]] if close else None
    if count is None or unit is None:
        return None
    return f"{count} {_CANONICAL[unit][count != 1]}"


def _checked(duration: Duration) -> Duration:
    total_years = duration.years + duration.months / 12 + duration.days / 365
    total_years += duration.working_days / 250
    if total_years > MAX_DURATION_YEARS:
        raise DurationError(T("duration_too_long", text=duration.text, years=MAX_DURATION_YEARS))
    return duration


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_length(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def _plus(d: date, months: int, days: int) -> date:
    """d plus a number of months (day clamped to the month's end) and then days: the arithmetic of
    dateutil's relativedelta(months=..., days=...), without building one (a hot path)."""
    if months:
        years, month0 = divmod(d.month - 1 + months, 12)
        year, month = d.year + years, month0 + 1
        d = date(year, month, min(d.day, _month_length(year, month)))
    return d + timedelta(days=days) if days else d


def add(d: date, duration: Duration) -> date:
    """d plus duration, calendar-correct (month ends clamp: 2024-02-29 + 1 year = 2025-02-28)."""
    if duration.is_working_days:
        return add_working_days(d, duration.working_days)
    return _plus(d, 12 * duration.years + duration.months, duration.days)


def subtract(d: date, duration: Duration) -> date:
    """d minus duration, calendar-correct (2024-02-29 - 12 months = 2023-02-28).

    Working days count back: the N-th working day before d.
    """
    if duration.is_working_days:
        return add_working_days(d, -duration.working_days)
    return _plus(d, -(12 * duration.years + duration.months), -duration.days)


def shift(d: date, duration: Duration, times: int) -> date:
    """d plus `times` x duration, computed from the anchor d in one step (never chained)."""
    if duration.is_working_days:
        return add_working_days(d, times * duration.working_days)
    return _plus(d, times * (12 * duration.years + duration.months), times * duration.days)


def term_end(start: date, length: Duration) -> date:
    """Last day of a term of `length` starting on `start`: start + length - 1 day."""
    return add(start, length) - ONE_DAY


# --------------------------------------------------------------------------- working days

WORKING_DAY_EVES = ("Midsummer Eve", "Christmas Eve", "New Year's Eve")


@lru_cache(maxsize=1)
def _swedish_calendar() -> tuple[Any, str, str]:
    """The `holidays` library's Sweden class and its PUBLIC and BANK categories, imported lazily (only
    working-day arithmetic needs them) and alone: `holidays.countries` imports every one of its ~250
    country modules when it is imported (0.08 s), so the Swedish module is loaded from its file under
    its own name, with the library's core, and nothing else."""
    import importlib.util
    import sys

    from holidays.constants import BANK, PUBLIC  # the library's core, countries loaded lazily

    name = "holidays.countries.sweden"
    module = sys.modules.get(name)
    if module is None:
        import holidays

        location = os.path.join(os.path.dirname(holidays.__file__), "countries", "sweden.py")
        spec = importlib.util.spec_from_file_location(name, location)
        if spec is None or spec.loader is None:  # pragma: no cover - a broken installation
            from holidays.countries.sweden import Sweden

            return Sweden, PUBLIC, BANK
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:  # pragma: no cover - leave no half-loaded module behind
            sys.modules.pop(name, None)
            raise
    return module.Sweden, PUBLIC, BANK


@lru_cache(maxsize=512)
def non_working_holidays(year: int) -> frozenset[date]:
    """Swedish public holidays plus midsommarafton, julafton and nyårsafton in `year` (rule 9).

    The years svo's dates can name (and a margin) come from `holidays_se`, a table the library wrote
    (`python -m svo_cli.holidays_se` rewrites it; a test holds it to the library): importing the
    library's calendars costs more than a pre-commit run's checks. Other years ask the library.
    """
    from svo_cli.holidays_se import days_of

    tabled = days_of(year)
    return tabled if tabled is not None else library_holidays(year)


def library_holidays(year: int) -> frozenset[date]:
    """Rule 9's non-working days of `year` as the `holidays` library gives them, with its categories
    set explicitly: the PUBLIC category (Sundays excluded; weekends are handled separately) and, from
    the BANK category, only the three eves that are whole days off. Half days ("from 2pm") remain
    working days."""
    sweden, public_category, bank_category = _swedish_calendar()
    public = sweden(years=year, categories=(public_category,), include_sundays=False, language="en_US")
    bank = sweden(years=year, categories=(bank_category,), include_sundays=False, language="en_US")
    eves = {d for d, name in bank.items() if any(n in name.split("; ") for n in WORKING_DAY_EVES)}
    return frozenset(public.keys()) | frozenset(eves)


def is_working_day(d: date) -> bool:
    """Monday to Friday, except Swedish public holidays and the three eves."""
    return d.weekday() < 5 and d not in non_working_holidays(d.year)


def previous_working_day(d: date) -> date:
    """The last working day on or before d (a deadline is never moved later)."""
    while not is_working_day(d):
        d -= ONE_DAY
    return d


def _weekdays_before(d: date) -> int:
    """Monday-to-Friday days from a fixed Monday (0001-01-01) up to, not including, d."""
    days = d.toordinal() - 1  # 0001-01-01 is a Monday
    weeks, rest = divmod(days, 7)
    return 5 * weeks + min(rest, 5)


@lru_cache(maxsize=1024)
def _weekday_holidays(year: int) -> tuple[int, ...]:
    """The ordinals of the holidays of `year` that fall on Monday to Friday (the ones that cost a
    working day), sorted."""
    return tuple(sorted(h.toordinal() for h in non_working_holidays(year) if h.weekday() < 5))


class _HolidayIndex:
    """Weekday holidays of a contiguous span of years as one sorted list, so that counting working
    days up to any day is a subtraction and a bisection (the span grows as dates need it)."""

    def __init__(self) -> None:
        self.first = self.last = 0
        self.ordinals: list[int] = []

    def cover(self, first_year: int, last_year: int) -> None:
        first_year, last_year = max(1, first_year), min(9999, last_year)
        if not self.ordinals and self.first == 0:
            self.first, self.last = first_year, first_year - 1
        if first_year < self.first:
            head = [o for y in range(first_year, self.first) for o in _weekday_holidays(y)]
            self.ordinals[:0] = head
            self.first = first_year
        if last_year > self.last:
            self.ordinals += [o for y in range(self.last + 1, last_year + 1) for o in _weekday_holidays(y)]
            self.last = last_year

    def holidays_upto(self, d: date) -> int:
        return bisect_right(self.ordinals, d.toordinal())

    def working_upto(self, d: date) -> int:
        """Working days from 0001-01-01 through d (only differences of these counts mean anything)."""
        return _weekdays_before(d + ONE_DAY) - bisect_right(self.ordinals, d.toordinal())


_HOLIDAYS = _HolidayIndex()


def working_days_between(first: date, last: date) -> int:
    """The number of working days in [first, last] (0 when last < first): weekdays are counted
    arithmetically and the weekday holidays between are subtracted (O(log) once the years are known)."""
    if last < first:
        return 0
    _HOLIDAYS.cover(first.year - 1, last.year + 1)
    return _HOLIDAYS.working_upto(last) - _HOLIDAYS.working_upto(first - ONE_DAY)


def add_working_days(d: date, n: int) -> date:
    """The n-th working day after d (n > 0), or before d (n < 0); d itself for n = 0.

    Never counted day by day: the answer is the first day whose working-day count (weekdays minus
    weekday holidays, both counted directly) reaches the target, found by bisection.
    """
    if n == 0:
        return d
    span = timedelta(days=abs(n) * 7 // 5 + 30 + (abs(n) // 250 + 1) * 20)  # more than enough days
    index = _HOLIDAYS
    if n > 0:
        index.cover(d.year - 1, (d + span).year + 1)
        target = index.working_upto(d) + n
    else:
        index.cover((d - span).year - 1, d.year + 1)
        target = index.working_upto(d - ONE_DAY) + n + 1
    # The first day whose count reaches the target (a working day). From the day with enough weekdays
    # alone, move on by the holidays passed until nothing changes: each step stays at or before the
    # answer, so the fixed point is the answer (a few steps: one per run of holidays crossed).
    day = _nth_weekday(target)
    while True:
        later = _nth_weekday(target + index.holidays_upto(day))
        if later == day:
            return day
        day = later


def _nth_weekday(count: int) -> date:
    """The first day with `count` weekdays from 0001-01-01 through it."""
    weeks, rest = divmod(count - 1, 5)
    return date.fromordinal(1 + 7 * weeks + rest)


def add_working_days_slowly(d: date, n: int) -> date:
    """The same as add_working_days, one day at a time (a reference for tests)."""
    step = ONE_DAY if n >= 0 else -ONE_DAY
    remaining = abs(n)
    while remaining:
        d += step
        if is_working_day(d):
            remaining -= 1
    return d


# --------------------------------------------------------------------------- ends of periods

def end_of_period(d: date, unit: PeriodUnit) -> date:
    """The last day of the calendar month, quarter, half-year or year that contains d."""
    months = PeriodUnit(unit).months
    last_month = ((d.month - 1) // months + 1) * months
    return _month_end(d.year, last_month)


def last_end_of_period_on_or_before(d: date, unit: PeriodUnit) -> date:
    """The latest last day of a month (quarter, half-year, year) that is on or before d."""
    end = end_of_period(d, unit)
    if end == d:
        return d
    months = PeriodUnit(unit).months
    first_month = ((d.month - 1) // months) * months + 1
    return date(d.year, first_month, 1) - ONE_DAY


# --------------------------------------------------------------------------- electoral terms

FIRST_FOUR_YEAR_ELECTION = 1994


def election_years_between(first: date, last: date) -> list[int]:
    """General-election years y (every fourth year, 1994, ..., 2018, 2022, ...) with
    first <= mandate_period_end(y) <= last."""
    years = []
    y = max(FIRST_FOUR_YEAR_ELECTION, first.year)
    y += (FIRST_FOUR_YEAR_ELECTION - y) % 4
    while y <= last.year:
        if first <= mandate_period_end(y) <= last:
            years.append(y)
        y += 4
    return years


def mandate_period_end(election_year: int) -> date:
    """Last day of the council term ending in `election_year`.

    A municipal or regional council's term runs from 15 October of the election year
    (Kommunallagen 5 kap. 9 §), so the term ending in an election year ends on 14 October.
    """
    return date(election_year, 10, 14)


def mandate_period_start(election_year: int) -> date:
    """First day of the council term that starts after the election in `election_year`."""
    return date(election_year, 10, 15)


UNKNOWN = DateSpec(UNKNOWN_START, UNKNOWN_START, UNKNOWN_TEXT)
UNKNOWN_WORDS = frozenset({"unknown", "okänt", "okänd", "ej angivet", "ej angiven"})
