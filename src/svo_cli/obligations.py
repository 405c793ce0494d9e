"""Obligations shared by agreements and work plans: follow-up occurrences, deadline rows, order, counts (pure).

A follow-up's occurrences are an indexed sequence (occurrence k is due on a date computed directly from
k), so the occurrences of a window, the latest overdue ones and the one a done event completes are
found without listing everything since the first: a follow-up `every: 1 day` from 1900 costs no more
than the window asked about.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any, Callable, Sequence

from svo_cli.dates import (
    FIRST_FOUR_YEAR_ELECTION,
    ONE_DAY,
    mandate_period_end,
    mandate_period_start,
    shift,
    subtract,
)
from svo_cli.deadline import (  # noqa: F401 - the deadline rows, imported from here too
    Deadline,
    Decided,
    ObligationRef,
    Option,
    check_order,
    coarse_dates,
    counts,
    make_deadline,
    sort_key,
    with_coarse,
)
from svo_cli.i18n import Why, why
from svo_cli.kinds import Coarse, CoarseField, DeadlineKind, DeadlineState
from svo_cli.model import Followup
from svo_cli.schedule import Schedule, search
from svo_cli.terms import Timeline

Day = date  # for fields declared after a field named `date`
OVERDUE_LISTED = 10  # at most this many overdue occurrences of one follow-up are listed (see rules.md)


@dataclass(frozen=True)
class Occurrence:
    followup: str
    what: str
    due: date
    opens: date  # from this day a followup_done event can complete it
    approximate: bool
    rule: Why  # how the due date was derived
    done_on: date | None = None
    term: int | None = None
    earlier_overdue: int = 0  # overdue occurrences before this one that are not listed
    oldest_overdue: date | None = None  # the due date of the oldest of them
    unrecorded: int = 0  # this and earlier occurrences due before the record start, none recorded (rule 8b)
    oldest_unrecorded: date | None = None  # the due date of the oldest of them
    coarse: tuple[Coarse, ...] = ()  # the coarse dates the due date (or the done date) rests on


@dataclass(frozen=True)
class Life:
    """The span an obligation-holder (agreement or work plan) is in force, as follow-ups need it."""

    start: date
    last: date | None  # last day in force, when known
    schedule: Schedule | None = None  # the agreement's terms, for follow-ups before notice deadlines
    notice_date: date | None = None

    @classmethod
    def of(cls, tl: Timeline) -> "Life":
        # the notice that fixed the end (one that changed nothing does not stop the follow-ups)
        effective = tl.notice is not None and tl.notice.last_day == tl.schedule.known_end()
        notice = tl.notice.date if tl.notice is not None and effective else None
        return cls(known_start(tl.agreement, tl.as_of) if tl.agreement.valid_from.unknown else tl.start,
                   tl.final_end, tl.schedule, notice)


def known_start(a: Any, as_of: date) -> date:
    """For `valid_from: unknown` (rule 1a): the earliest day the agreement itself states — a follow-up's
    first or due date, an event, a decision, its end — else the as-of date. Follow-ups are counted from
    it: before it nothing is known, so nothing is invented (neither done nor overdue)."""
    days = [f.first.start for f in a.followups if f.first is not None]
    days += [f.due.start for f in a.followups if f.due is not None]
    days += [e.date.start for e in a.events] + [d.date.start for d in a.decisions]
    if a.valid_until is not None:
        days.append(a.valid_until.start)
    return min(days, default=as_of)


# --------------------------------------------------------------------------- one follow-up as a sequence


class Form(StrEnum):
    """The four forms of a follow-up (docs/rules.md, rule 8), chosen once from its keys."""

    EVERY = "every"  # `first` and `every`: first + k x every
    MANDATE = "mandate"  # `at: end_of_mandate_period`: the end of each four-year mandate period
    BEFORE = "before"  # `before: notice_deadline`: before each notice deadline (minus `lead`)
    DUE = "due"  # a one-off on `due`

    @classmethod
    def of(cls, followup: Followup) -> Form:
        if followup.every is not None and followup.first is not None:
            return cls.EVERY
        if followup.at == "end_of_mandate_period":
            return cls.MANDATE
        return cls.BEFORE if followup.before == "notice_deadline" else cls.DUE


class _Series:
    """Occurrences k = lo, lo + 1, … (up to hi, or without end) of one follow-up, due dates increasing."""

    def __init__(self, life: Life, followup: Followup):
        self.life, self.f = life, followup
        self.kind = Form.of(followup)
        self.lo: int | None = None
        self.hi: int | None = None  # None: no last occurrence
        # The first occurrence due on or after the record start (`tracked_from`): earlier ones without a
        # record are unrecorded, not overdue (rule 8b). None: every occurrence is before it.
        self.record_lo: int | None = None
        # Due dates already computed, by k: the searches, bounds and rows ask for the same k several
        # times (four times each on average), and each is date arithmetic from the anchor.
        self._dues: dict[int, date | None] = {}
        self._natural_dues: dict[int, date | None] = {}
        self._bounds()

    # ----------------------------------------------------------------- due dates

    def due(self, k: int) -> date | None:
        """Occurrence k's due date as its rule gives it (None: the rule gives none)."""
        dues = self._dues
        if k in dues:
            return dues[k]
        found = dues[k] = self._due(k)
        return found

    def _due(self, k: int) -> date | None:
        f = self.f
        if self.kind == Form.EVERY:
            assert f.every is not None and f.first is not None
            if not f.first.approximate:  # an exact day: first + k x every (month ends clamp)
                return shift(f.first.start, f.every, k)
            # a coarse interval moved by k x every, due on its last day
            return shift(f.first.end + ONE_DAY, f.every, k) - ONE_DAY
        if self.kind == Form.MANDATE:
            return mandate_period_end(FIRST_FOUR_YEAR_ELECTION + 4 * k)
        if self.kind == Form.BEFORE:
            schedule = self.life.schedule
            if schedule is None:
                return None
            deadline = schedule.deadline(k)
            if deadline is None:
                return None
            return subtract(deadline, f.lead) if f.lead else deadline
        assert f.due is not None
        return f.due.end

    def _natural_due(self, k: int) -> date | None:
        """For the search: before-notice occurrences follow the deadlines the terms would have."""
        if self.kind != Form.BEFORE:
            return self.due(k)
        dues = self._natural_dues
        if k in dues:
            return dues[k]
        found = dues[k] = self._natural_before(k)
        return found

    def _natural_before(self, k: int) -> date | None:
        schedule = self.life.schedule
        deadline = schedule.natural_deadline(k) if schedule is not None else None
        if deadline is None:
            return None
        return subtract(deadline, self.f.lead) if self.f.lead else deadline

    def first_from(self) -> int:
        return 1 if self.kind == Form.BEFORE else 0

    def first_due_on_or_after(self, day: date, from_k: int | None = None) -> int | None:
        """The first k (>= from_k) whose due date is on or after day."""
        start = self.first_from() if from_k is None else from_k
        if self.kind == Form.DUE:
            return 0 if start == 0 and self.due(0) >= day else None  # type: ignore[operator]

        def reached(k: int) -> bool:
            due = self._natural_due(k)
            return due is not None and due >= day

        if self.kind == Form.BEFORE:
            schedule = self.life.schedule
            return schedule.first_where(reached, start) if schedule is not None else None
        return search(reached, start, None, self._near(day))

    def _near(self, day: date) -> int | None:
        """For `every`: the occurrence due about `day` (the mean length of the period), so that the
        search starts next to the answer (a handful of due dates, not dozens)."""
        f = self.f
        if self.kind != Form.EVERY or f.every is None or f.first is None or f.every.is_working_days:
            return None
        mean_days = 365.2425 * f.every.years + 30.436875 * f.every.months + f.every.days
        if mean_days <= 0:
            return None
        return int((day - f.first.end).days / mean_days)

    def _bounds(self) -> None:
        life, f = self.life, self.f
        low = life.start
        if self.kind == Form.BEFORE and (life.schedule is None or not life.schedule.rule.exists):
            return
        lo = self.first_due_on_or_after(low)
        if lo is None:
            return
        # The last occurrence: due on or before the last day in force (and, before notice deadlines,
        # before a notice was given and only where a term has a deadline).
        limit = life.last
        if self.kind == Form.BEFORE and life.notice_date is not None:
            before_notice = life.notice_date - ONE_DAY
            limit = before_notice if limit is None else min(limit, before_notice)
        if self.kind == Form.DUE:
            hi: int | None = 0
        elif limit is None:
            hi = None
        else:
            after = self.first_due_on_or_after(limit + ONE_DAY, lo)
            hi = after - 1 if after is not None else None
        if self.kind == Form.BEFORE:
            # Occurrences exist only where the term has a notice deadline (not the term a known end
            # falls in, none on or after a supersession).
            schedule = self.life.schedule
            assert schedule is not None
            gone = schedule.first_where(lambda k: schedule.deadline(k) is None, lo)
            top = schedule.max_number
            if gone is not None:
                hi = gone - 1 if hi is None else min(hi, gone - 1)
            elif top is not None:
                hi = top if hi is None else min(hi, top)
        if hi is not None and hi < lo:
            return
        if self.kind == Form.DUE:
            due = self.due(0)
            assert due is not None
            if due < life.start or (limit is not None and due > limit) or lo != 0:
                return
        self.lo, self.hi = lo, hi
        self.record_lo = lo if f.tracked_from is None else self.first_due_on_or_after(f.tracked_from.start, lo)

    def before_record(self, k: int) -> bool:
        """Occurrence k fell due before the record start (rule 8b)."""
        return self.record_lo is None or k < self.record_lo

    def exists(self, k: int) -> bool:
        return self.lo is not None and k >= self.lo and (self.hi is None or k <= self.hi)

    # ----------------------------------------------------------------- the occurrence

    def opens(self, k: int) -> date:
        f, life = self.f, self.life
        if self.kind == Form.EVERY:
            if k == 0:
                assert f.first is not None
                return min(life.start, f.first.start)
            previous = self.due(k - 1)
            assert previous is not None
            return previous + ONE_DAY
        if self.kind == Form.MANDATE:
            return max(life.start, mandate_period_start(FIRST_FOUR_YEAR_ELECTION + 4 * (k - 1)))
        if self.kind == Form.BEFORE:
            # the day after the previous occurrence was due; the first at the agreement's start
            first = self.lo
            if first is not None and k > first:
                previous = self.due(k - 1)
                if previous is not None:
                    return previous + ONE_DAY
            return life.start
        return date.min

    def occurrence(self, k: int) -> Occurrence:
        f = self.f
        due = self.due(k)
        assert due is not None
        term = None
        coarse: tuple[Coarse, ...] = ()
        if self.kind == Form.EVERY:
            assert f.first is not None
            rule = (why("rule_every_k", every=f.every, first=str(f.first), k=k + 1) if k
                    else why("rule_every", every=f.every, first=str(f.first)))
            coarse = (Coarse(CoarseField.FIRST, str(f.first)),) if f.first.approximate else ()
        elif self.kind == Form.MANDATE:
            rule = why("rule_mandate", start=mandate_period_start(FIRST_FOUR_YEAR_ELECTION + 4 * (k - 1)), end=due)
        elif self.kind == Form.BEFORE:
            schedule = self.life.schedule
            assert schedule is not None
            t = schedule.term(k)
            term = k
            rule = (why("rule_before_notice_lead_end", lead=f.lead, deadline=t.notice_deadline, term=k,
                        end=t.counted_from) if f.lead
                    else why("rule_before_notice_end", deadline=t.notice_deadline, term=k, end=t.counted_from))
            coarse = t.coarse
        else:
            assert f.due is not None
            rule = why("rule_due", due=str(f.due))
            coarse = (Coarse(CoarseField.DUE, str(f.due)),) if f.due.approximate else ()
        return Occurrence(f.id, f.what, due, self.opens(k), bool(coarse), rule, term=term, coarse=coarse)


def _match(series: _Series, done_events: Sequence[Any]) -> tuple[dict[int, Any], list[Any]]:
    """Apply done events in order: each completes the earliest open occurrence from the record start that
    had opened by its date, else the earliest open one that had (or the one its `occurrence` names). Returns the completed occurrences (k -> event) and the
    events that matched none."""
    done: dict[int, Any] = {}
    unmatched: list[Any] = []
    lowest = series.lo
    for event in done_events:
        if series.lo is None:
            unmatched.append(event)
            continue
        if event.occurrence is not None:
            k = series.first_due_on_or_after(event.occurrence.start, series.lo)
            matched = None
            while k is not None and series.exists(k):
                due = series.due(k)
                if due is None or due > event.occurrence.end:
                    break
                if k not in done:
                    matched = k
                    break
                k += 1
        else:
            # the earliest open occurrence from the record start that had opened by the event's date; else
            # (an event before those open) the earliest open one at all (rule 8b)
            matched = None
            if series.record_lo is not None and series.record_lo > series.lo:
                k = series.record_lo
                while k in done:
                    k += 1
                if series.exists(k) and series.opens(k) <= event.date.end:
                    matched = k
            if matched is None:
                assert lowest is not None
                while lowest in done:
                    lowest += 1
                matched = lowest if series.exists(lowest) and series.opens(lowest) <= event.date.end else None
        if matched is None:
            unmatched.append(event)
        else:
            done[matched] = event
    return done, unmatched


def collect_occurrences(life: Life, followups: Sequence[Followup], done_events: Sequence[Any],
                        through: date, as_of: date | None = None,
                        overdue_limit: int | None = None) -> tuple[list[Occurrence], list[Any]]:
    """Occurrences up to `through` with done events (dated on or before the as-of date) applied.

    A followup_done event completes the earliest open occurrence of its follow-up that had opened by the
    event's date (or the one named by `occurrence`). Returns the occurrences and the events that matched
    none. With `as_of` and `overdue_limit`, only the window [as_of, through], every done occurrence and
    the latest `overdue_limit` overdue ones are listed; the oldest listed overdue occurrence counts the
    ones left out (`earlier_overdue`).
    """
    result: list[Occurrence] = []
    unmatched: list[Any] = []
    by_followup: dict[str, list[Any]] = {}  # grouped once: per follow-up, a scan made this follow-ups x events
    for e in done_events:
        by_followup.setdefault(e.followup, []).append(e)
    for followup in followups:
        events = by_followup.get(followup.id, [])
        series = _Series(life, followup)
        done, missed = _match(series, events)
        unmatched += missed
        if series.lo is None:
            continue

        def listed(k: int) -> Occurrence:
            occ = series.occurrence(k)
            event = done.get(k)
            if event is not None:
                done_on = (Coarse(CoarseField.FOLLOWUP_DONE, str(event.date)),) if event.date.approximate else ()
                coarse = occ.coarse + done_on
                occ = replace(occ, done_on=event.date.end, coarse=coarse, approximate=bool(coarse))
            return occ

        last = series.first_due_on_or_after(through + ONE_DAY, series.lo)
        top = series.hi if last is None else (last - 1 if series.hi is None else min(series.hi, last - 1))
        if top is not None and top < series.lo:
            continue
        if as_of is None or overdue_limit is None:
            k = series.lo
            while top is None or k <= top:  # top is None only for an unbounded series without `through`
                occ = listed(k)
                before = series.before_record(k) and occ.done_on is None and (as_of is None or occ.due < as_of)
                result.append(replace(occ, unrecorded=1, oldest_unrecorded=occ.due) if before else occ)
                k += 1
                if top is None:
                    break
            continue
        first_now = series.first_due_on_or_after(as_of, series.lo)
        window_from = first_now if first_now is not None else (top + 1 if top is not None else series.lo)
        # the window: every occurrence due in [as_of, through]
        window = [listed(k) for k in range(window_from, (top if top is not None else window_from - 1) + 1)]
        # before it: every done occurrence, the latest overdue ones, and those before the record start
        # without a record as one occurrence that counts them (rule 8b)
        past_top = window_from - 1 if top is None else min(window_from - 1, top)
        record_lo = series.record_lo if series.record_lo is not None else past_top + 1
        tracked_lo = max(series.lo, record_lo)
        done_before = sorted(k for k in done if series.lo <= k <= past_top)
        overdue: list[int] = []
        k = past_top
        while k >= tracked_lo and len(overdue) < overdue_limit:
            if k not in done:
                overdue.append(k)
            k -= 1
        overdue.reverse()
        total_overdue = (past_top - tracked_lo + 1) - sum(1 for k in done_before if k >= tracked_lo)
        rows = sorted(set(done_before) | set(overdue))
        listed_rows = [listed(k) for k in rows]
        if overdue and total_overdue > len(overdue):
            oldest = tracked_lo
            while oldest in done:
                oldest += 1
            i = rows.index(overdue[0])
            listed_rows[i] = replace(listed_rows[i], earlier_overdue=total_overdue - len(overdue),
                                     oldest_overdue=series.due(oldest))
        result += _unrecorded(series, done, series.lo, min(tracked_lo - 1, past_top), listed)
        result += listed_rows + window
    known = {f.id for f in followups}
    unmatched += [e for e in done_events if e.followup not in known]
    return result, unmatched


def unmatched_done(life: Life, followups: Sequence[Followup], done_events: Sequence[Any]) -> list[Any]:
    """The done events that complete no occurrence, as `collect_occurrences` finds them, without listing
    the occurrences (the event replay asks only this): follow-ups no event names are not looked at."""
    by_followup: dict[str, list[Any]] = {}
    for e in done_events:
        by_followup.setdefault(e.followup, []).append(e)
    unmatched: list[Any] = []
    for followup in followups:
        events = by_followup.get(followup.id)
        if events:
            unmatched += _match(_Series(life, followup), events)[1]
    known = {f.id for f in followups}
    return unmatched + [e for e in done_events if e.followup not in known]


def _unrecorded(series: _Series, done: dict[int, Any], first: int, last: int,
                listed: Callable[[int], Occurrence]) -> list[Occurrence]:
    """The occurrences first..last (due before the record start and before the day) that no record
    completes, as one: the latest of them, counting all (rule 8b). None when every one is recorded."""
    missing = (last - first + 1) - sum(1 for k in done if first <= k <= last)
    if last < first or missing <= 0:
        return []
    latest = last
    while latest in done:
        latest -= 1
    oldest = first
    while oldest in done:
        oldest += 1
    return [replace(listed(latest), unrecorded=missing, oldest_unrecorded=series.due(oldest))]


def followup_rows(occs: Sequence[Occurrence], holder_id: str, title: str, as_of: date,
                  include_done: bool = False) -> list[Deadline]:
    rows = []
    for occ in occs:
        if occ.done_on is not None and not include_done:
            continue
        text = (why("followup_done", what=occ.what, rule=occ.rule, done=occ.done_on) if occ.done_on
                else why("why_followup", what=occ.what, rule=occ.rule))
        if occ.earlier_overdue:
            text = why("earlier_overdue", text=text, n=occ.earlier_overdue, oldest=occ.oldest_overdue)
        if occ.unrecorded:
            text = (why("why_unrecorded", what=occ.what, rule=occ.rule, n=occ.unrecorded, oldest=occ.oldest_unrecorded,
                        latest=occ.due) if occ.unrecorded > 1
                    else why("unrecorded_one", what=occ.what, rule=occ.rule, latest=occ.due))
        row = make_deadline(occ.due, DeadlineKind.FOLLOWUP, holder_id, title, as_of, occ.approximate,
                            with_coarse(text, occ.coarse), term=occ.term, followup=occ.followup,
                            done_on=occ.done_on, earlier_overdue=occ.earlier_overdue, unrecorded=occ.unrecorded,
                            unrecorded_since=occ.oldest_unrecorded)
        if occ.done_on is not None:
            row = replace(row, status=DeadlineState.DONE)
        elif occ.unrecorded:
            row = replace(row, status=DeadlineState.UNRECORDED)
        rows.append(row)
    return rows
