"""An agreement's term sequence (pure): terms computed directly from their number.

A `Schedule` is a few segments (the initial term, and one per extension), each renewing from its
anchor (term k of a segment starts at anchor + (k - 1) x every), so the term on any date, the term
with a given number and the first term whose notice deadline is on or after a date are all computed
in a handful of date computations, however many terms lie between (`search`: exponential, then binary).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Iterable, Iterator, NamedTuple

from svo_cli.dates import (
    ONE_DAY,
    DateSpec,
    Duration,
    add,
    end_of_period,
    last_end_of_period_on_or_before,
    shift,
    subtract,
)
from svo_cli.kinds import Coarse, EndReason, PeriodUnit
from svo_cli.model import Agreement

HORIZON = date(2600, 12, 31)  # no term is computed past this day: data years end in 2199, durations
# are at most 200 years and windows at most 100 years, so no question a command can ask reaches it


@dataclass(frozen=True)
class Term:
    number: int
    start: date
    end: date | None  # last day in force, latest reading of a coarse date; None = open-ended
    end_earliest: date | None  # earliest reading of the same end, for counting deadlines back
    notice_deadline: date | None
    approximate: bool
    counted_from: date | None = None  # the term end the notice deadline was counted back from
    coarse: tuple[Coarse, ...] = ()  # the coarse dates this term rests on ("valid_until vt 2021")


def unique(items: Iterable[Coarse]) -> tuple[Coarse, ...]:
    return tuple(dict.fromkeys(items))


# --------------------------------------------------------------------------- notice rules


@dataclass(frozen=True)
class NoticeRule:
    """An agreement's notice clause, as the arithmetic needs it."""

    before_end: Duration | None = None
    period: Duration | None = None
    to_end_of: PeriodUnit | None = None

    @classmethod
    def of(cls, agreement: Agreement) -> "NoticeRule":
        """The clause whose deadline each term has: the option's when the agreement renews only by an
        option to extend (rule 2a: the last day to use it, the term end without `before_end`), else the
        notice clause's."""
        option = agreement.renewal.option if agreement.renewal is not None else None
        if option is not None and agreement.valid_until is not None:
            return cls(option.before_end if option.before_end is not None else Duration(text="0 days"))
        n = agreement.notice
        return cls(n.before_end, n.period, PeriodUnit(n.to_end_of) if n.to_end_of else None) if n else cls()

    @property
    def exists(self) -> bool:
        return self.before_end is not None or self.period is not None

    def end_after(self, day: date) -> date | None:
        """The last day in force after notice on `day`, counting the notice period (and running to the
        end of the calendar period `to_end_of` names); None without a period."""
        if self.period is None:
            return None
        end = add(day, self.period)
        return end_of_period(end, self.to_end_of) if self.to_end_of else end

    def deadline(self, term_end: date) -> date | None:
        """The last day on which notice ends a term ending on `term_end` (its earliest reading)."""
        if self.before_end is not None:
            return subtract(term_end, self.before_end)
        if self.period is not None:
            return self._last_notice_day(term_end)
        return None

    def _last_notice_day(self, term_end: date) -> date:
        """The last day d whose notice runs out on or before term_end: d + period <= term_end (or, with
        `to_end_of`, the end of the calendar period containing d + period is on or before term_end)."""
        assert self.period is not None
        limit = last_end_of_period_on_or_before(term_end, self.to_end_of) if self.to_end_of else term_end
        day = subtract(limit, self.period)
        while add(day + ONE_DAY, self.period) <= limit:  # month ends clamp: a few days at most
            day += ONE_DAY
        while add(day, self.period) > limit:
            day -= ONE_DAY
        return day


# --------------------------------------------------------------------------- the schedule


class NaturalTerm(NamedTuple):
    """A term as the renewal rule gives it, before an end cuts it short."""

    start: date
    end: date | None  # latest reading; None = open-ended
    end_earliest: date | None  # earliest reading, for counting deadlines back
    start_coarse: tuple[Coarse, ...]  # the coarse dates its start rests on
    end_coarse: tuple[Coarse, ...]  # the coarse dates its end rests on


@dataclass(frozen=True)
class Segment:
    """A term and the renewals that follow it: the initial term, or a term changed by an extension."""

    number: int
    start: date
    end: date | None  # latest reading; None = open-ended
    end_earliest: date | None
    start_coarse: tuple[Coarse, ...]
    end_coarse: tuple[Coarse, ...]


def _average_days(every: Duration) -> float:
    return every.years * 365.2425 + every.months * 30.436875 + every.days


class Beyond(Exception):
    """A computed date would leave the calendar (after 9999-12-31)."""


def _shift(anchor: date, every: Duration, times: int) -> date:
    try:
        result = shift(anchor, every, times)
    except (OverflowError, ValueError):
        raise Beyond() from None
    if result > HORIZON:
        raise Beyond()
    return result


def _first_in(test: Callable[[int], bool | None], low: int, high: int) -> int | None:
    """Bisection for the first k in [low, high] where test(k) is not False (test(high) is not False);
    None when that k's test says None."""
    while low < high:
        middle = (low + high) // 2
        if test(middle) is not False:
            high = middle
        else:
            low = middle + 1
    return low if test(low) else None


def search(pred: Callable[[int], bool], lo: int, hi: int | None, guess: int | None = None) -> int | None:
    """The first k in [lo, hi] (hi None: unbounded) with pred(k), for pred monotone (False ... True):
    exponential then binary search, so a few dozen evaluations whatever the range (a handful when
    `guess` is near the answer)."""

    def test(k: int) -> bool | None:  # None: beyond the calendar (counts as "stop")
        try:
            return pred(k)
        except Beyond:
            return None
        except (OverflowError, ValueError):
            return None

    if guess is not None and lo < guess:
        at_guess = test(guess)
        if at_guess is False:
            lo = guess  # the answer lies after the guess
        else:  # at or before the guess: step back until false, then bisect
            step, upper = 1, guess
            while True:
                probe = max(lo, upper - step)
                if probe == lo or test(probe) is False:
                    break
                upper, step = probe, step * 2
            if probe == lo and test(lo):
                return lo
            return _first_in(test, probe + 1, upper)
    first = test(lo)
    if first:
        return lo
    if first is None:
        return None
    previous, step = lo, 1
    while True:
        probe = previous + step
        if hi is not None and probe > hi:
            probe = hi
        if probe <= previous:
            return None
        result = test(probe)
        if result is not False:
            return _first_in(test, previous + 1, probe)
        if hi is not None and probe == hi:
            return None
        previous, step = probe, step * 2


class Schedule:
    """An agreement's term sequence with its known end: every term computed directly from its number."""

    def __init__(self, every: Duration | None, rule: NoticeRule, first: Segment, cap: int | None):
        self.every = every
        self.rule = rule
        self.segments: list[Segment] = [first]
        self.cap = cap  # the last allowed term number (renewal.max + 1)
        self.settled = 0  # terms 1 … settled have had their option to extend used: no deadline left (rule 2a)
        self.cut_latest: date | None = None  # the supersession day's latest reading (rule 5)
        # The end the agreement's own terms and events give:
        self.own_last: int | None = None
        self.own_end: date | None = None  # None: the natural end of own_last
        self.own_end_earliest: date | None = None
        self.own_coarse: tuple[Coarse, ...] = ()
        self.own_reason: EndReason | None = None
        # After supersession (`finish`):
        self.cut: date | None = None  # deadlines on or after this day do not count
        self.final: int | None = None
        self.final_end: date | None = None
        self.final_end_earliest: date | None = None
        self.final_coarse: tuple[Coarse, ...] = ()
        self.reason: EndReason | None = None
        self._finished = False
        self._natural: dict[int, NaturalTerm] = {}
        self._deadlines: dict[int, date | None] = {}
        self.reset_own_end()

    # ----------------------------------------------------------------- structure

    def _segment_index(self, number: int) -> int:
        if len(self.segments) == 1:
            return 0
        return max(0, bisect_right([s.number for s in self.segments], number) - 1)

    def natural(self, k: int) -> NaturalTerm:
        """Term k as the renewal rule gives it (before an end cuts it short)."""
        found = self._natural.get(k)
        if found is None:
            found = self._natural[k] = self._compute_natural(k)
        return found

    def _compute_natural(self, k: int) -> NaturalTerm:
        s = self.segments[self._segment_index(k)]
        j = k - s.number
        if j == 0:
            return NaturalTerm(s.start, s.end, s.end_earliest, s.start_coarse, s.end_coarse)
        assert self.every is not None and s.end is not None and s.end_earliest is not None
        anchor, anchor_earliest = s.end + ONE_DAY, s.end_earliest + ONE_DAY
        return NaturalTerm(_shift(anchor, self.every, j - 1), _shift(anchor, self.every, j) - ONE_DAY,
                           _shift(anchor_earliest, self.every, j) - ONE_DAY, s.end_coarse, s.end_coarse)

    @property
    def max_number(self) -> int | None:
        """The last term there is (None: renewals without end)."""
        if self._finished and self.final is not None:
            return self.final
        if self.own_last is not None:
            return self.own_last
        if self.every is None or self.segments[-1].end is None:
            return self.segments[-1].number
        return None

    def _renewals_until(self, anchor: date, day: date) -> int:
        """The largest n >= 0 with anchor + n x every <= day (anchor <= day): estimated, then corrected
        (the estimate is off by a step or two; a bisection bounds the correction in any case)."""
        assert self.every is not None
        day = min(day, HORIZON)
        n = max(0, int((day - anchor).days / _average_days(self.every)))
        low, high = max(0, n - 2), n + 2  # the answer is in [low, high) when the estimate is close
        if low and not self._before_or_on(anchor, low, day):
            low = 0
        while self._before_or_on(anchor, high, day):
            low, high = high, 2 * high + 1
        while high - low > 1:  # shift(anchor, low) <= day < shift(anchor, high)
            middle = (low + high) // 2
            if self._before_or_on(anchor, middle, day):
                low = middle
            else:
                high = middle
        return low

    def _before_or_on(self, anchor: date, n: int, day: date) -> bool:
        try:
            return _shift(anchor, self.every, n) <= day  # type: ignore[arg-type]
        except Beyond:
            return False

    def number_at(self, day: date) -> int:
        """The number of the term containing day, clamped to the terms there are (1 before the start,
        the last term after the end)."""
        i = bisect_right([s.start for s in self.segments], day) - 1
        if i < 0:
            return 1
        s = self.segments[i]
        if s.end is None or day <= s.end or self.every is None:
            k = s.number
        else:
            k = s.number + 1 + self._renewals_until(s.end + ONE_DAY, day)
            if i + 1 < len(self.segments):
                k = min(k, self.segments[i + 1].number - 1)
        top = self.max_number
        return k if top is None else min(k, top)

    def first_where(self, pred: Callable[[int], bool], from_number: int = 1, guess: int | None = None) -> int | None:
        """The first term number >= from_number with pred true (pred monotone within each segment);
        `guess`, a number near the answer, only makes the search shorter."""
        top = self.max_number
        for i, s in enumerate(self.segments):
            hi = self.segments[i + 1].number - 1 if i + 1 < len(self.segments) else top
            if top is not None and hi is not None:
                hi = min(hi, top)
            lo = max(s.number, from_number)
            if hi is not None and lo > hi:
                continue
            near = guess if guess is not None and lo < guess and (hi is None or guess <= hi) else None
            found = search(pred, lo, hi, near)
            if found is not None:
                return found
        return None

    def _near_deadline(self, day: date) -> int | None:
        """A term number near the first one whose notice deadline is on or after day: the term that
        contains day plus the notice length."""
        length = self.rule.before_end or self.rule.period
        if length is None or self.every is None:
            return None
        try:
            if length.is_working_days:
                ahead = day + timedelta(days=length.working_days * 7 // 5 + length.working_days // 40)
            else:
                ahead = add(day, length)
        except (OverflowError, ValueError):
            return None
        return self.number_at(min(ahead, HORIZON))

    # ----------------------------------------------------------------- deadlines and ends

    def natural_deadline(self, k: int) -> date | None:
        if k in self._deadlines:
            return self._deadlines[k]
        end_earliest = self.natural(k).end_earliest
        found = self._deadlines[k] = self.rule.deadline(end_earliest) if end_earliest is not None else None
        return found

    def deadline(self, k: int) -> date | None:
        """Term k's notice deadline: none for the last allowed renewal or a term a known end falls in (it
        ends anyway), none on or after a supersession. A fixed term keeps the deadline its own clause
        states ("uppsägning ska ske senast …"): a silent miss is worse than a notice that changes little."""
        fixed_term = self.every is None and k == self.own_last
        if fixed_term and self.rule.before_end is None:
            return None  # only an early-termination period: a fixed term ends at its end whatever is done (rule 3)
        if fixed_term and self.final_end is not None:
            natural_end = self.natural(k).end
            if natural_end is not None and self.final_end < natural_end:
                return None  # ended earlier by a notice or a termination: nothing left to give notice on
        if self.own_last is not None and k >= self.own_last and not fixed_term:
            return None
        if k <= self.settled:
            return None
        if self._finished and self.final is not None and k > self.final:
            return None
        if (self._finished and self.reason == EndReason.SUPERSEDED and k == self.final and self.cut_latest is not None
                and (end := self.natural(k).end) is not None and self.cut_latest <= end + ONE_DAY):
            return None  # superseded by the day after it ends, even at the latest: it ends anyway (rule 5)
        found = self.natural_deadline(k)
        if found is None or (self.cut is not None and found >= self.cut):
            return None
        return found

    def first_deadline_on_or_after(self, day: date) -> int | None:
        """The first term whose notice deadline is on or after day (None: no such term)."""
        if not self.rule.exists:
            return None

        def reached(k: int) -> bool:
            found = self.natural_deadline(k)
            return found is not None and found >= day

        k = self.first_where(reached, from_number=self.settled + 1, guess=self._near_deadline(day))
        return k if k is not None and self.deadline(k) is not None else None

    def deadline_terms(self, first: date, last: date) -> Iterator[int]:
        """Numbers of the terms whose notice deadline is in [first, last], in order."""
        yield from self._walk(self.first_deadline_on_or_after(first), self.deadline, last)

    def _walk(self, k: int | None, day_of: Callable[[int], date | None], last: date) -> Iterator[int]:
        """Term numbers from k on, while the term's day (deadline, end) is known and on or before last."""
        top = self.max_number
        while k is not None and (top is None or k <= top):
            try:
                found = day_of(k)
            except Beyond:
                return
            if found is None or found > last:
                return
            yield k
            k += 1

    def end_of(self, k: int) -> date | None:
        """Term k's last day: the known last day for the term it falls in."""
        start, end = self.natural(k).start, self.natural(k).end
        if self._finished and k == self.final and self.final_end is not None and self.final_end >= start:
            return self.final_end
        if not self._finished and k == self.own_last and self.own_end is not None:
            return self.own_end
        return end

    def end_earliest_of(self, k: int) -> date | None:
        """Term k's last day, its earliest reading (a coarse end is certain only through its first day)."""
        natural = self.natural(k)
        if self._finished and k == self.final and self.final_end is not None and self.final_end >= natural.start:
            return self.final_end_earliest or self.final_end
        if not self._finished and k == self.own_last and self.own_end is not None:
            return self.own_end_earliest or self.own_end
        return natural.end_earliest

    def ending_terms(self, first: date, last: date) -> Iterator[int]:
        """Numbers of the terms that end in [first, last], in order."""

        def reached(k: int) -> bool:
            end = self.end_of(k)
            return end is not None and end >= first

        yield from self._walk(self.first_where(reached), self.end_of, last)

    def term(self, k: int) -> Term:
        start, end, end_earliest, start_coarse, end_coarse = self.natural(k)
        deadline = self.deadline(k)
        coarse = start_coarse + end_coarse
        if self._finished and k == self.final and self.final_end is not None and self.final_end >= start:
            end, end_earliest = self.final_end, self.final_end_earliest
            coarse += self.final_coarse
        coarse = unique(coarse)
        return Term(k, start, end, end_earliest, deadline, bool(coarse),
                    counted_from=self.natural(k).end_earliest if deadline is not None else None, coarse=coarse)

    # ----------------------------------------------------------------- the end

    def known_end(self) -> date | None:
        """The agreement's own last day, when its terms and events fix it."""
        if self.own_last is None:
            return None
        return self.own_end if self.own_end is not None else self.natural(self.own_last).end

    def reset_own_end(self) -> None:
        """The end that follows from the terms alone: a fixed term's end, the last allowed renewal."""
        self.own_end = self.own_end_earliest = None
        self.own_coarse = ()
        last = self.segments[-1]
        if self.every is None:
            self.own_last = last.number if last.end is not None else None
            self.own_reason = EndReason.FIXED if last.end is not None else None
            return
        if self.cap is not None:
            cap = max(self.cap, last.number)
            try:
                self.natural(cap)
            except Beyond:  # the cap lies beyond the calendar: it never takes effect
                cap = 0
            if cap:
                self.own_last, self.own_reason = cap, EndReason.FIXED
                return
        self.own_last, self.own_reason = None, None

    def fix_end(self, k: int, end: date, end_earliest: date | None, coarse: tuple[Coarse, ...],
                reason: EndReason) -> None:
        self.own_last, self.own_end, self.own_end_earliest = k, end, end_earliest
        self.own_coarse, self.own_reason = coarse, reason

    def extend(self, k: int, until: DateSpec, coarse: tuple[Coarse, ...]) -> None:
        natural = self.natural(k)
        self.segments = [s for s in self.segments if s.number < k]
        self._natural, self._deadlines = {}, {}
        self.segments.append(Segment(k, natural.start, until.end, until.start, natural.start_coarse, coarse))
        if self.own_reason in (EndReason.NOTICE, EndReason.TERMINATED) or self.every is None:
            # After a notice (or without renewal) the extension fixes the new final day.
            self.own_last, self.own_end, self.own_end_earliest = k, None, None
            self.own_coarse, self.own_reason = (), self.own_reason or EndReason.FIXED
        else:
            self.reset_own_end()

    def finish(self, start: date, superseded_on: date | None, coarse: tuple[Coarse, ...],
               superseded_latest: date | None = None) -> None:
        """Apply a supersession (the newer agreement's first day; `superseded_latest`, the latest reading
        of a coarse one) over the agreement's own end."""
        self.cut_latest = superseded_latest if superseded_latest is not None else superseded_on
        own = self.known_end()
        self.final, self.final_end, self.final_end_earliest = self.own_last, own, self.own_end_earliest
        self.final_coarse, self.reason = self.own_coarse, self.own_reason
        if self.own_last is not None and self.own_end_earliest is None:
            self.final_end_earliest = self.natural(self.own_last).end_earliest
        if superseded_on is not None:
            self.cut = superseded_on
            if own is None or superseded_on <= own:
                last = superseded_on - ONE_DAY
                self.final = self.number_at(last) if superseded_on > start else 1
                self.final_end = self.final_end_earliest = last
                self.final_coarse, self.reason = coarse, EndReason.SUPERSEDED
        self._finished = True
