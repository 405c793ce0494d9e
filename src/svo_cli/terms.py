"""Terms and timelines: an agreement's terms, renewals, notices and end as known on a date (pure).

Terms are never generated one after another. An agreement's term sequence is a `Schedule`: a few
segments (the initial term, and one per extension), each renewing from its anchor (term k of a
segment starts at anchor + (k - 1) x every), so the term on any date, the term with a given number and
the first term whose notice deadline is on or after a date are all computed directly, in a handful of
date computations, however many terms lie between.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence

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
from svo_cli.kinds import EndReason
from svo_cli.model import Agreement, Event

HISTORY_TERMS = 100  # a timeline lists at most this many terms before the as-of date (see rules.md)
HORIZON = date(2600, 12, 31)  # no term is computed past this day: data years end in 2199, durations
# are at most 200 years and windows at most 100 years, so no question a command can ask reaches it

GroupMembers = Mapping[str, Sequence[str]]
Day = date  # for fields declared after a field named `date`


@dataclass(frozen=True)
class Term:
    number: int
    start: date
    end: date | None  # last day in force, latest reading of a coarse date; None = open-ended
    end_earliest: date | None  # earliest reading of the same end, for counting deadlines back
    notice_deadline: date | None
    approximate: bool
    counted_from: date | None = None  # the term end the notice deadline was counted back from
    coarse: tuple[str, ...] = ()  # the coarse dates this term rests on ("valid_until vt 2021")


@dataclass(frozen=True)
class NoticeGiven:
    date: date
    by: str | None
    late: bool  # given after the notice deadline of the term it was given in: the agreement renews first
    effective_term: int  # the term the notice ends
    given_in_term: int = 0  # the term in force (or the first term) on the notice date
    last_day: Day | None = None  # the last day in force it gives
    missed_deadline: Day | None = None  # when late: the last notice deadline before the notice date
    effective_deadline: Day | None = None  # the notice deadline of the term it ends
    approximate: bool = False


@dataclass(frozen=True)
class WithdrawalGiven:
    """A party's notice under `notice.effect: withdrawal`: it leaves, the others go on."""

    party: str
    date: date  # the notice date (latest reading of a coarse date)
    last_day: Day  # the party's last day as a party
    term: int  # the term whose end (or early end) is its last day
    approximate: bool
    coarse: tuple[str, ...] = ()


def _coarse(name: str, spec: DateSpec | None) -> tuple[str, ...]:
    return (f"{name} {spec}",) if spec is not None and spec.approximate else ()


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def group_members(groups: Any) -> dict[str, tuple[str, ...]]:
    """Group membership as a mapping group id -> member ids, from a mapping or from Group models."""
    if not groups:
        return {}
    if isinstance(groups, Mapping):
        return {k: tuple(v) for k, v in groups.items()}
    return {g.id: tuple(g.members) for g in groups}


def expand(ids: Iterable[str], groups: GroupMembers) -> set[str]:
    """Party ids with every group replaced by its members."""
    result: set[str] = set()
    for pid in ids:
        result.update(groups.get(pid, (pid,)))
    return result


# --------------------------------------------------------------------------- notice rules


@dataclass(frozen=True)
class NoticeRule:
    """An agreement's notice clause, as the arithmetic needs it."""

    before_end: Duration | None = None
    period: Duration | None = None
    to_end_of: str | None = None

    @classmethod
    def of(cls, agreement: Agreement) -> "NoticeRule":
        n = agreement.notice
        return cls(n.before_end, n.period, n.to_end_of) if n else cls()

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


@dataclass(frozen=True)
class _Segment:
    """A term and the renewals that follow it: the initial term, or a term changed by an extension."""

    number: int
    start: date
    end: date | None  # latest reading; None = open-ended
    end_earliest: date | None
    start_coarse: tuple[str, ...]
    end_coarse: tuple[str, ...]


def _average_days(every: Duration) -> float:
    return every.years * 365.2425 + every.months * 30.436875 + every.days


class _Beyond(Exception):
    """A computed date would leave the calendar (after 9999-12-31)."""


def _shift(anchor: date, every: Duration, times: int) -> date:
    try:
        result = shift(anchor, every, times)
    except (OverflowError, ValueError):
        raise _Beyond() from None
    if result > HORIZON:
        raise _Beyond()
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


def _search(pred: Callable[[int], bool], lo: int, hi: int | None, guess: int | None = None) -> int | None:
    """The first k in [lo, hi] (hi None: unbounded) with pred(k), for pred monotone (False ... True):
    exponential then binary search, so a few dozen evaluations whatever the range (a handful when
    `guess` is near the answer)."""

    def test(k: int) -> bool | None:  # None: beyond the calendar (counts as "stop")
        try:
            return pred(k)
        except _Beyond:
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

    def __init__(self, every: Duration | None, rule: NoticeRule, first: _Segment, cap: int | None):
        self.every = every
        self.rule = rule
        self.segments: list[_Segment] = [first]
        self.cap = cap  # the last allowed term number (renewal.max + 1)
        # The end the agreement's own terms and events give:
        self.own_last: int | None = None
        self.own_end: date | None = None  # None: the natural end of own_last
        self.own_end_earliest: date | None = None
        self.own_coarse: tuple[str, ...] = ()
        self.own_reason: EndReason | None = None
        # After supersession (`finish`):
        self.cut: date | None = None  # deadlines on or after this day do not count
        self.final: int | None = None
        self.final_end: date | None = None
        self.final_end_earliest: date | None = None
        self.final_coarse: tuple[str, ...] = ()
        self.reason: EndReason | None = None
        self._finished = False
        self._natural: dict[int, tuple[date, date | None, date | None, tuple[str, ...], tuple[str, ...]]] = {}
        self._deadlines: dict[int, date | None] = {}
        self.reset_own_end()

    # ----------------------------------------------------------------- structure

    def _segment_index(self, number: int) -> int:
        if len(self.segments) == 1:
            return 0
        return max(0, bisect_right([s.number for s in self.segments], number) - 1)

    def natural(self, k: int) -> tuple[date, date | None, date | None, tuple[str, ...], tuple[str, ...]]:
        """Term k as the renewal rule gives it (before an end cuts it short): start, end, earliest end,
        and the coarse dates its start and its end rest on."""
        found = self._natural.get(k)
        if found is None:
            found = self._natural[k] = self._compute_natural(k)
        return found

    def _compute_natural(self, k: int) -> tuple[date, date | None, date | None, tuple[str, ...], tuple[str, ...]]:
        s = self.segments[self._segment_index(k)]
        j = k - s.number
        if j == 0:
            return s.start, s.end, s.end_earliest, s.start_coarse, s.end_coarse
        assert self.every is not None and s.end is not None and s.end_earliest is not None
        anchor, anchor_earliest = s.end + ONE_DAY, s.end_earliest + ONE_DAY
        return (_shift(anchor, self.every, j - 1), _shift(anchor, self.every, j) - ONE_DAY,
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
        except _Beyond:
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
            found = _search(pred, lo, hi, near)
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
        end_earliest = self.natural(k)[2]
        found = self._deadlines[k] = self.rule.deadline(end_earliest) if end_earliest is not None else None
        return found

    def deadline(self, k: int) -> date | None:
        """Term k's notice deadline: none for the last allowed renewal or a term a known end falls in (it
        ends anyway), none on or after a supersession. A fixed term keeps the deadline its own clause
        states ("uppsägning ska ske senast …"): a silent miss is worse than a notice that changes little."""
        fixed_term = self.every is None and k == self.own_last
        if fixed_term and self.final_end is not None:
            natural_end = self.natural(k)[1]
            if natural_end is not None and self.final_end < natural_end:
                return None  # ended earlier by a notice or a termination: nothing left to give notice on
        if self.own_last is not None and k >= self.own_last and not fixed_term:
            return None
        if self._finished and self.final is not None and k > self.final:
            return None
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

        k = self.first_where(reached, guess=self._near_deadline(day))
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
            except _Beyond:
                return
            if found is None or found > last:
                return
            yield k
            k += 1

    def end_of(self, k: int) -> date | None:
        """Term k's last day: the known last day for the term it falls in."""
        start, end = self.natural(k)[:2]
        if self._finished and k == self.final and self.final_end is not None and self.final_end >= start:
            return self.final_end
        if not self._finished and k == self.own_last and self.own_end is not None:
            return self.own_end
        return end

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
        coarse = _unique(coarse)
        return Term(k, start, end, end_earliest, deadline, bool(coarse),
                    counted_from=self.natural(k)[2] if deadline is not None else None, coarse=coarse)

    # ----------------------------------------------------------------- the end

    def known_end(self) -> date | None:
        """The agreement's own last day, when its terms and events fix it."""
        if self.own_last is None:
            return None
        return self.own_end if self.own_end is not None else self.natural(self.own_last)[1]

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
            except _Beyond:  # the cap lies beyond the calendar: it never takes effect
                cap = 0
            if cap:
                self.own_last, self.own_reason = cap, EndReason.FIXED
                return
        self.own_last, self.own_reason = None, None

    def fix_end(self, k: int, end: date, end_earliest: date | None, coarse: tuple[str, ...],
                reason: EndReason) -> None:
        self.own_last, self.own_end, self.own_end_earliest = k, end, end_earliest
        self.own_coarse, self.own_reason = coarse, reason

    def extend(self, k: int, until: DateSpec, coarse: tuple[str, ...]) -> None:
        start, _, _, start_coarse, _ = self.natural(k)
        self.segments = [s for s in self.segments if s.number < k]
        self._natural, self._deadlines = {}, {}
        self.segments.append(_Segment(k, start, until.end, until.start, start_coarse, coarse))
        if self.own_reason in (EndReason.NOTICE, EndReason.TERMINATED) or self.every is None:
            # After a notice (or without renewal) the extension fixes the new final day.
            self.own_last, self.own_end, self.own_end_earliest = k, None, None
            self.own_coarse, self.own_reason = (), self.own_reason or EndReason.FIXED
        else:
            self.reset_own_end()

    def finish(self, start: date, superseded_on: date | None, coarse: tuple[str, ...]) -> None:
        """Apply a supersession (the newer agreement's first day) over the agreement's own end."""
        own = self.known_end()
        self.final, self.final_end, self.final_end_earliest = self.own_last, own, self.own_end_earliest
        self.final_coarse, self.reason = self.own_coarse, self.own_reason
        if self.own_last is not None and self.own_end_earliest is None:
            self.final_end_earliest = self.natural(self.own_last)[2]
        if superseded_on is not None:
            self.cut = superseded_on
            if own is None or superseded_on <= own:
                last = superseded_on - ONE_DAY
                self.final = self.number_at(last) if superseded_on > start else 1
                self.final_end = self.final_end_earliest = last
                self.final_coarse, self.reason = coarse, EndReason.SUPERSEDED
        self._finished = True


# --------------------------------------------------------------------------- timelines


@dataclass(frozen=True)
class Timeline:
    """An agreement's terms as known on `as_of` (events after as_of have not happened yet).

    `terms` lists the terms of the window asked for; `schedule` computes any other term directly."""

    agreement: Agreement
    as_of: date
    start: date  # first day in force (earliest reading of valid_from)
    terms: tuple[Term, ...]
    final_end: date | None  # last day in force, when known
    end_reason: EndReason | None
    notice: NoticeGiven | None
    superseded_on: date | None  # first day superseded by a newer agreement
    approximate: bool
    schedule: Schedule = field(compare=False, repr=False, hash=False, default=None)  # type: ignore[assignment]
    withdrawals: tuple[WithdrawalGiven, ...] = ()
    coarse: tuple[str, ...] = ()  # every coarse date the timeline rests on
    ignored_terminations: tuple[IgnoredTermination, ...] = ()  # `terminated` after the known end
    ended_by_withdrawals: bool = False
    final_coarse: tuple[str, ...] = ()  # the coarse dates the known end rests on
    terminated_on: date | None = None  # the date of the `terminated` event that fixed the end

    def term_on(self, day: date) -> Term | None:
        """The term in force on day, or None."""
        if day < self.start or (self.final_end is not None and day > self.final_end):
            return None
        return self.schedule.term(self.schedule.number_at(day))

    def term(self, number: int) -> Term:
        return self.schedule.term(number)


class NumberedEvent(NamedTuple):
    """An event and its place in the agreement's `events` list: findings about it are located by the
    number it carries, never by searching the list for an equal event (quadratic: red-team H6)."""

    position: int
    event: Event

    @property
    def type(self) -> str:
        return self.event.type

    @property
    def date(self) -> Any:
        return self.event.date

    @property
    def followup(self) -> str | None:
        return self.event.followup

    @property
    def occurrence(self) -> Any:
        return self.event.occurrence


class IgnoredTermination(NamedTuple):
    """A `terminated` event dated after the end already known (it changes nothing), and that end."""

    position: int  # in the agreement's `events`
    event: Event
    known_end: date


def numbered_events_until(agreement: Agreement, as_of: date) -> list[NumberedEvent]:
    """Events that have happened by as_of with their places, in date order (stable for equal dates)."""
    return sorted((NumberedEvent(i, e) for i, e in enumerate(agreement.events) if e.date.end <= as_of),
                  key=lambda n: n.event.date.end)


class _Builder:
    """Applies an agreement's events, in date order, to its schedule."""

    def __init__(self, agreement: Agreement, groups: GroupMembers):
        self.agreement = agreement
        self.groups = groups
        a = agreement
        every = a.renewal.every if a.renewal and a.valid_until else None
        until = a.valid_until
        first = _Segment(1, a.valid_from.start, until.end if until else None, until.start if until else None,
                         _coarse("valid_from", a.valid_from), _coarse("valid_until", until))
        cap = a.renewal.max + 1 if every is not None and a.renewal and a.renewal.max is not None else None
        self.schedule = Schedule(every, NoticeRule.of(a), first, cap)
        self.notice: NoticeGiven | None = None
        self.first_notice: NoticeGiven | None = None
        self.withdrawals: list[WithdrawalGiven] = []
        self.ignored: list[IgnoredTermination] = []
        self.coarse: list[str] = list(first.start_coarse + first.end_coarse)
        self.by_withdrawals = False
        self.terminated_on: date | None = None

    def notice_effect(self, spec: DateSpec) -> tuple[int, date, date, int, bool] | None:
        """What a notice dated `spec` does: (the term it ends, its last day in force and that day's
        earliest reading, the term it was given in, whether it is late), or None when it cannot end
        anything (given after the end, or after the last notice deadline there is)."""
        s = self.schedule
        day = spec.end  # a coarse date counts as its latest day: never "in time" by accident
        known = s.known_end()
        if known is not None and day > known:
            return None
        current = s.number_at(day)
        _, end, end_earliest, _, _ = s.natural(current)
        rule = s.rule
        if end is None:  # open-ended: in force through the notice period
            last = rule.end_after(day) or day
            return current, last, rule.end_after(spec.start) or spec.start, current, False
        assert end_earliest is not None
        if s.every is None:  # a fixed term: it ends at its end, or earlier with a notice period
            early = rule.end_after(day)
            if early is not None and early < end:
                return current, early, rule.end_after(spec.start) or early, current, False
            return current, end, end_earliest, current, False
        if not rule.exists:  # no notice rule: the notice ends the term it is given in
            return current, end, end_earliest, current, False
        k = s.first_deadline_on_or_after(day)
        if k is None:
            return None
        _, end_k, end_earliest_k, _, _ = s.natural(k)
        assert end_k is not None and end_earliest_k is not None
        return k, end_k, end_earliest_k, current, k > current

    def apply_notice(self, event: Event) -> None:
        s = self.schedule
        self.coarse += _coarse("notice", event.date)
        notice_rule = self.agreement.notice
        if notice_rule is not None and notice_rule.effect == "withdrawal":
            self.apply_withdrawal(event)
            return
        effect = self.notice_effect(event.date)
        if effect is None:
            return
        k, last, last_earliest, current, late = effect
        missed = None
        if late:
            missed = next((d for j in range(k - 1, current - 1, -1) if (d := s.natural_deadline(j)) is not None), None)
        ends_deadline = s.natural_deadline(k) if s.every is not None else None
        record = NoticeGiven(event.date.end, event.by, late, k, current, last, missed, ends_deadline,
                             event.date.approximate)
        known = s.known_end()
        if known is None or last < known:
            s.fix_end(k, last, last_earliest, _coarse("notice", event.date), EndReason.NOTICE)
            self.notice = record
            self.by_withdrawals = False
        elif self.first_notice is None:
            self.first_notice = record

    def apply_withdrawal(self, event: Event) -> None:
        s = self.schedule
        party = event.by
        if party is None or any(w.party == party for w in self.withdrawals):
            return  # without `by` nobody leaves (validate reports it); a second notice changes nothing
        effect = self.notice_effect(event.date)
        if effect is not None:
            k, last = effect[0], effect[1]
        else:
            known = s.known_end()
            if known is None:
                return
            k, last = s.number_at(known), known  # it leaves when the agreement ends anyway
        coarse = _coarse("notice", event.date)  # the term's coarse dates are added once the schedule is final
        self.withdrawals.append(WithdrawalGiven(party, event.date.end, last, k, bool(coarse), _unique(coarse)))
        members = expand(self.agreement.parties, self.groups)
        gone: set[str] = set()
        for w in sorted(self.withdrawals, key=lambda w: w.last_day):
            gone |= expand([w.party], self.groups)
            if len(members - gone) < 2:
                known = s.known_end()
                if known is None or w.last_day < known:
                    s.fix_end(w.term, w.last_day, w.last_day, w.coarse, EndReason.NOTICE)
                    self.by_withdrawals = True
                break

    def apply_extension(self, event: Event) -> None:
        assert event.until is not None
        s = self.schedule
        coarse = _coarse("extended until", event.until) + _coarse("extended", event.date)
        self.coarse += coarse
        s.extend(s.number_at(event.date.end), event.until, coarse)

    def apply_termination(self, event: Event, position: int) -> None:
        s = self.schedule
        spec = event.effective or event.date
        coarse = _coarse("terminated", event.date) + _coarse("terminated effective", event.effective)
        self.coarse += coarse
        last = spec.end
        known = s.known_end()
        if known is not None and last >= known:
            if last > known:
                self.ignored.append(IgnoredTermination(position, event, known))  # only brings the end forward: nothing (validate warns)
            return
        s.fix_end(s.number_at(last), last, spec.start, coarse, EndReason.TERMINATED)
        self.by_withdrawals = False
        self.terminated_on = event.date.end


def timeline(agreement: Agreement, as_of: date, through: date | None = None,
             superseded_on: date | None = None, since: date | None = None, groups: Any = None,
             superseded_coarse: str | None = None) -> Timeline:
    """The agreement's terms as known on as_of. `terms` lists the terms from the one containing
    `since` (default: at most HISTORY_TERMS terms before as_of) through the one containing `through`
    (default as_of) and every term whose notice deadline is on or before it, and one renewal beyond."""
    builder = _Builder(agreement, group_members(groups))
    for position, event in numbered_events_until(agreement, as_of):
        if event.type == "notice":
            builder.apply_notice(event)
        elif event.type == "extended":
            builder.apply_extension(event)
        elif event.type == "terminated":
            builder.apply_termination(event, position)
    s = builder.schedule
    supersession_coarse = (f"supersession {superseded_coarse}",) if superseded_coarse else ()
    s.finish(agreement.valid_from.start, superseded_on, supersession_coarse)
    if superseded_on is not None:
        builder.coarse += supersession_coarse
    # Withdrawals rest on their terms too (known only once the schedule is final).
    withdrawals = tuple(WithdrawalGiven(w.party, w.date, w.last_day, w.term, bool(c), c)
                        for w in builder.withdrawals
                        for c in [_unique(w.coarse + s.term(w.term).coarse)])
    terms = _window(s, as_of, through if through is not None else as_of, since)
    coarse = _unique(builder.coarse)
    notice = builder.notice or builder.first_notice
    return Timeline(agreement, as_of, agreement.valid_from.start, terms, s.final_end, s.reason, notice,
                    superseded_on, bool(coarse), s, withdrawals, coarse, tuple(builder.ignored),
                    builder.by_withdrawals and s.reason == EndReason.NOTICE, _unique(s.final_coarse),
                    builder.terminated_on if s.reason == EndReason.TERMINATED else None)


def _window(s: Schedule, as_of: date, through: date, since: date | None) -> tuple[Term, ...]:
    """The terms a command shows: those in force from `since` (default: at most HISTORY_TERMS terms
    before as_of) through `through`, one renewal beyond, every term whose notice deadline falls in
    [as_of, through], the term holding the next notice deadline after it, and the last term when the
    end is known. Never more than the window holds, however long the notice period."""
    top = s.max_number
    now = s.number_at(as_of)
    lo = s.number_at(since) if since is not None else max(1, now - HISTORY_TERMS)
    hi = max(now, s.number_at(through))
    numbers = set(range(min(lo, hi), hi + 1))
    if s.every is not None:
        numbers.add(hi + 1)  # one renewal beyond: its notice deadline may be the next one
    numbers.update(s.deadline_terms(as_of, through))
    following = s.first_deadline_on_or_after(through + ONE_DAY) if through < HORIZON else None
    if following is not None:
        numbers.add(following)
    if top is not None:
        numbers.add(top)
    terms = []
    for k in sorted(numbers):
        if top is not None and k > top:
            break
        try:
            terms.append(s.term(k))
        except _Beyond:
            break
    return tuple(terms)


@dataclass(frozen=True)
class Supersession:
    day: date  # the first day the newer agreement is in force
    by: str
    coarse: str | None  # the newer agreement's coarse valid_from, when it is coarse


def supersessions(agreements: Iterable[Agreement]) -> dict[str, Supersession]:
    """For each superseded id, the earliest first day of a newer agreement listing it."""
    result: dict[str, Supersession] = {}
    for newer in agreements:
        for old in newer.supersedes:
            start = newer.valid_from.start
            if old not in result or start < result[old].day:
                coarse = f"{newer.id} valid_from {newer.valid_from}" if newer.valid_from.approximate else None
                result[old] = Supersession(start, newer.id, coarse)
    return result


def superseded_dates(agreements: Iterable[Agreement]) -> dict[str, date]:
    """For each superseded id, the first day a newer agreement listing it is in force."""
    return {k: v.day for k, v in supersessions(agreements).items()}
