"""Deadline rows: what each row is (its reference and key), its dates and state on the as-of date, the
explanation of coarse dates, and the one order of rows (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import date as Day
from typing import Any, Callable, NamedTuple, Sequence

from svo_cli.dates import previous_working_day
from svo_cli.i18n import Why, why
from svo_cli.kinds import Coarse, CoarseField, DeadlineKind, DeadlineState, coarse_key


class ObligationRef(NamedTuple):
    """Which obligation a deadline row is, the same across runs and revisions of the data: its kind,
    its holder (agreement or work plan id) and the item in the holder: the term number (notice
    deadlines, term ends), the principal (adoption), the assignment id, the follow-up id and its due
    day, the party and its last day (withdrawal: several may leave on one day), or the meeting day
    (agenda, meeting, minutes)."""

    kind: DeadlineKind
    holder: str
    item: tuple[str, ...]

    @property
    def key(self) -> str:
        """The obligation as one string ("notice_deadline/avtal/term-4"): calendar UIDs are made from it."""
        return "/".join((self.kind.value, self.holder, *self.item))


class Decided(NamedTuple):
    """One principal's recorded decision on a row that needs the boards' decisions."""

    party: str
    decision: str  # continue, notice, extend, adopt, revise
    date: date


@dataclass(frozen=True)
class Option:
    """One choice a row that needs the boards' decisions offers, and what it leads to (docs/rules.md,
    rule 16g; computed by decisions.options_of)."""

    choice: str  # continue, notice, withdraw, extend, lapse, adopt
    outcome: str  # bound_until, runs_on, last_day, party_last_day, extended_until, ends, adopted
    act_by: Day | None = None  # the last working day to act on this choice (None: nothing to send)
    leads_to: Day | None = None  # the day the outcome names (None: none known)
    approximate: bool = False  # leads_to rests on a coarse date
    adopted: int | None = None  # an adoption: how many of `required` have adopted
    required: int | None = None
    missing: tuple[str, ...] = ()  # an adoption: the principals with no decision recorded


@dataclass(frozen=True, slots=True)
class Deadline:
    date: date
    act_by: Day
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
    done_on: Day | None = None
    act_days_left: int = 0  # act_by - as_of in days
    earlier_overdue: int = 0  # follow-ups: earlier overdue occurrences not listed as rows
    unrecorded: int = 0  # status unrecorded: how many occurrences without a record this row counts (rule 8b)
    unrecorded_since: Day | None = None  # the due date of the oldest of them
    decide_by: Day | None = None  # notice deadlines and adoptions: the last working day for the boards to decide
    deciders: tuple[str, ...] = ()  # the party ids that must decide
    decision_overdue: bool = False  # decide_by has passed, the deadline has not, and someone is undecided
    decided: tuple[Decided, ...] = ()  # the deciders' recorded decisions on this row, in deciders' order
    undecided: tuple[str, ...] = ()  # the deciders with no decision recorded on this row
    decide_by_assumed: bool = False  # the decision lead is svo's default (3 months), not set in the data
    assumed: bool = False  # rests on a fact marked `assumed` in the data (set by the application layer)
    meeting: Day | None = None  # agenda, meeting and minutes rows: the day of the meeting they belong to
    options: tuple[Option, ...] = ()  # a decision's choices and what each leads to (rule 16g; decisions only)

    @property
    def ref(self) -> ObligationRef:
        """The obligation this row is, from the row's own fields (never from its explanation)."""
        kind = self.kind
        if kind in (DeadlineKind.NOTICE_DEADLINE, DeadlineKind.OPTION_DEADLINE, DeadlineKind.TERM_END):
            item: tuple[str, ...] = (f"term-{self.term}",)
        elif kind == DeadlineKind.ADOPTION:
            item = (self.party or "",)
        elif kind == DeadlineKind.ASSIGNMENT:
            item = (self.assignment or "",)
        elif kind == DeadlineKind.FOLLOWUP:
            item = (self.followup or "", self.date.isoformat())
        elif kind == DeadlineKind.WITHDRAWAL:
            item = (self.party or "", self.date.isoformat())
        else:  # agenda, meeting, minutes
            item = ((self.meeting or self.date).isoformat(),)
        return ObligationRef(kind, self.id, item)

    @property
    def key(self) -> str:
        """What makes this obligation the same one across runs (ObligationRef.key)."""
        return self.ref.key


def _state(day: date, act_by: date, as_of: date) -> DeadlineState:
    """Overdue after the date; due from the last working day to act (act_by) through the date;
    upcoming before act_by."""
    if day < as_of:
        return DeadlineState.OVERDUE
    return DeadlineState.DUE if act_by <= as_of else DeadlineState.UPCOMING


def make_deadline(day: date, kind: DeadlineKind, holder_id: str, title: str, as_of: date, approximate: bool,
                  reason: Why, **extra: Any) -> Deadline:
    act_by = previous_working_day(day)
    return Deadline(day, act_by, kind, holder_id, title, (day - as_of).days, _state(day, act_by, as_of),
                    approximate, reason, act_days_left=(act_by - as_of).days, **extra)


def with_coarse(reason: Why, coarse: Sequence[Coarse]) -> Why:
    """An explanation that names the coarse dates it rests on."""
    return why("coarse", text=reason, dates=coarse_dates(coarse)) if coarse else reason


def coarse_dates(coarse: Sequence[Coarse]) -> Why:
    """Coarse dates as an explanation in the reader's language: the field each rests on by its label,
    the date as written; several joined by commas."""
    parts = [why("coarse_supersession", id=c.newer, spec=c.spec) if c.field == CoarseField.SUPERSESSION
             else why(coarse_key(c.field), spec=c.spec) for c in coarse]
    joined = parts[-1]
    for part in reversed(parts[:-1]):
        joined = why("coarse_pair", a=part, b=joined)
    return joined


def sort_key(d: Deadline) -> tuple:
    """The one order of deadline rows: by date, then holder, kind and what the row is about."""
    return (d.date, d.id, d.kind, d.party or "", d.assignment or "", d.followup or "")


def check_order(rows: Sequence[Deadline], key: Callable[[Deadline], tuple] = sort_key) -> list[Deadline]:
    """Overdue first (oldest first), then by date (or by `key`: the application's order of principals)."""
    return sorted(rows, key=lambda d: (d.status != DeadlineState.OVERDUE, *key(d)))


def counts(rows: Sequence[Deadline]) -> dict[str, int]:
    return {
        "overdue": sum(1 for r in rows if r.status == DeadlineState.OVERDUE),
        "due": sum(1 for r in rows if r.status == DeadlineState.DUE),
        "upcoming": sum(1 for r in rows if r.status not in (DeadlineState.OVERDUE, DeadlineState.DUE,
                                                             DeadlineState.UNRECORDED)),
        "unrecorded": sum(r.unrecorded for r in rows if r.status == DeadlineState.UNRECORDED),
    }
