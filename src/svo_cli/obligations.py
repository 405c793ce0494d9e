"""Obligations shared by agreements and work plans: follow-up occurrences, deadline rows, order, counts (pure)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Sequence

from svo_cli.dates import (
    ONE_DAY,
    Duration,
    add,
    election_years_between,
    mandate_period_end,
    mandate_period_start,
    previous_working_day,
    shift,
    subtract,
)
from svo_cli.i18n import Why, why
from svo_cli.kinds import DeadlineKind, DeadlineState
from svo_cli.model import Followup
from svo_cli.terms import Term, Timeline

MANDATE_PERIOD = Duration(years=4, days=1, text="4 years")


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


@dataclass(frozen=True)
class Life:
    """The span an obligation-holder (agreement or work plan) is in force, as follow-ups need it."""

    start: date
    last: date | None  # last day in force, when known
    terms: tuple[Term, ...] = ()
    notice_date: date | None = None

    @classmethod
    def of(cls, tl: Timeline) -> "Life":
        return cls(tl.start, tl.final_end, tl.terms, tl.notice.date if tl.notice else None)


def occurrences(life: Life, followup: Followup, through: date) -> list[Occurrence]:
    """Occurrences of one follow-up due while the holder is in force, up to `through`."""
    last = min(through, life.last) if life.last else through
    found: list[Occurrence] = []
    if followup.every is not None and followup.first is not None:
        first = followup.first
        k = 0
        previous_due: date | None = None
        while k < 100_000:
            start = shift(first.start, followup.every, k)
            due = shift(first.end + ONE_DAY, followup.every, k) - ONE_DAY
            if due > last:
                break
            opens = previous_due + ONE_DAY if previous_due else min(life.start, start)
            rule = (why("rule_every_k", every=followup.every, first=str(first), k=k + 1) if k
                    else why("rule_every", every=followup.every, first=str(first)))
            if due >= life.start:
                found.append(Occurrence(followup.id, followup.what, due, opens, first.approximate, rule))
            previous_due = due
            k += 1
    elif followup.at == "end_of_mandate_period":
        for year in election_years_between(life.start, last):
            due = mandate_period_end(year)
            opens = max(life.start, mandate_period_start(year - 4))
            rule = why("rule_mandate", start=mandate_period_start(year - 4), end=due)
            found.append(Occurrence(followup.id, followup.what, due, opens, False, rule))
    elif followup.before == "notice_deadline":
        for term in life.terms:
            if term.notice_deadline is None:
                continue
            due = subtract(term.notice_deadline, followup.lead) if followup.lead else term.notice_deadline
            if life.notice_date is not None and due >= life.notice_date:
                continue
            if due > last or due < life.start:
                continue
            rule = (why("rule_before_notice_lead", lead=followup.lead, deadline=term.notice_deadline,
                        term=term.number) if followup.lead
                    else why("rule_before_notice", deadline=term.notice_deadline, term=term.number))
            found.append(Occurrence(followup.id, followup.what, due, term.start, term.approximate,
                                    rule, term=term.number))
    elif followup.due is not None:
        due = followup.due.end
        if due <= through:
            found.append(Occurrence(followup.id, followup.what, due, date.min, followup.due.approximate,
                                    why("rule_due", due=str(followup.due))))
    if followup.tracked_from is not None:
        found = [o for o in found if o.due >= followup.tracked_from.start]
    return found


def _matches(occ: Occurrence, event: Any) -> bool:
    if event.occurrence is not None:
        return event.occurrence.start <= occ.due <= event.occurrence.end
    return occ.opens <= event.date.end


def collect_occurrences(life: Life, followups: Sequence[Followup], done_events: Sequence[Any],
                        through: date) -> tuple[list[Occurrence], list[Any]]:
    """Occurrences up to `through` with done events (dated on or before the as-of date) applied.

    A followup_done event completes the earliest open occurrence of its follow-up that had opened by
    the event's date (or the one named by `occurrence`). Returns the occurrences and the events that
    matched none.
    """
    result: list[Occurrence] = []
    unmatched: list[Any] = []
    for followup in followups:
        # A follow-up may be done before it falls due: look at least one period past each done event.
        latest_done = max((e.date.end for e in done_events if e.followup == followup.id), default=None)
        horizon = through
        if latest_done is not None:
            reach = (add(latest_done, followup.every) if followup.every is not None
                     else add(latest_done, MANDATE_PERIOD) if followup.at is not None else latest_done)
            horizon = max(horizon, reach)
        occs = occurrences(life, followup, horizon)
        for event in (e for e in done_events if e.followup == followup.id):
            for i, occ in enumerate(occs):
                if occ.done_on is None and _matches(occ, event):
                    occs[i] = replace(occ, done_on=event.date.end)
                    break
            else:
                unmatched.append(event)
        result += [o for o in occs if o.due <= through]
    known = {f.id for f in followups}
    unmatched += [e for e in done_events if e.followup not in known]
    return result, unmatched


@dataclass(frozen=True)
class Deadline:
    date: date
    act_by: date
    kind: DeadlineKind
    id: str
    title: str
    days_left: int
    status: DeadlineState
    approximate: bool
    why: Why  # how this date arose: rendered in words by i18n.explain
    term: int | None = None
    followup: str | None = None
    party: str | None = None
    assignment: str | None = None
    done_on: date | None = None



def _state(day: date, as_of: date) -> DeadlineState:
    if day < as_of:
        return DeadlineState.OVERDUE
    return DeadlineState.DUE if day == as_of else DeadlineState.UPCOMING


def make_deadline(day: date, kind: DeadlineKind, holder_id: str, title: str, as_of: date, approximate: bool,
                  reason: Why, **extra: Any) -> Deadline:
    return Deadline(day, previous_working_day(day), kind, holder_id, title, (day - as_of).days,
                    _state(day, as_of), approximate, reason, **extra)


def followup_rows(occs: Sequence[Occurrence], holder_id: str, title: str, as_of: date,
                  include_done: bool = False) -> list[Deadline]:
    rows = []
    for occ in occs:
        if occ.done_on is not None and not include_done:
            continue
        text = (why("followup_done", what=occ.what, rule=occ.rule, done=occ.done_on) if occ.done_on
                else why("followup", what=occ.what, rule=occ.rule))
        row = make_deadline(occ.due, DeadlineKind.FOLLOWUP, holder_id, title, as_of, occ.approximate, text,
                            term=occ.term, followup=occ.followup, done_on=occ.done_on)
        rows.append(replace(row, status=DeadlineState.DONE) if occ.done_on is not None else row)
    return rows




def sort_key(d: Deadline) -> tuple:
    """The one order of deadline rows: by date, then holder, kind and what the row is about."""
    return (d.date, d.id, d.kind, d.party or "", d.assignment or "", d.followup or "")


def check_order(rows: Sequence[Deadline]) -> list[Deadline]:
    """Overdue first (oldest first), then by date."""
    return sorted(rows, key=lambda d: (d.status != DeadlineState.OVERDUE, *sort_key(d)))


def counts(rows: Sequence[Deadline]) -> dict[str, int]:
    return {
        "overdue": sum(1 for r in rows if r.status == DeadlineState.OVERDUE),
        "due": sum(1 for r in rows if r.status == DeadlineState.DUE),
        "upcoming": sum(1 for r in rows if r.status not in (DeadlineState.OVERDUE, DeadlineState.DUE)),
    }
