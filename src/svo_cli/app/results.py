"""What a command answers: typed results, as the renderers take them (counted, ordered, filtered)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Sequence

from svo_cli.decisions import Ending, Happened, Renewed
from svo_cli.diagnostics import Diagnostic
from svo_cli.engine import AgreementStatus, Detail
from svo_cli.kinds import DeadlineState
from svo_cli.minutes import ItemState, Returning
from svo_cli.model import Workplan
from svo_cli.obligations import Deadline
from svo_cli.picture import Picture
from svo_cli.workplans import AdoptionProgress, MeetingDeadlines, PlanStatus, assignment_due


@dataclass(frozen=True)
class Result:
    as_of: date
    findings: tuple[Diagnostic, ...]  # the data's findings, sorted by place

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.findings if d.is_error)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


# The order agreements are grouped in for people: what needs attention first.
STATE_ORDER = ("notice_given", "active", "upcoming", "expired", "terminated", "superseded")


def by_state(rows: Sequence[AgreementStatus]) -> tuple[tuple[str, tuple[AgreementStatus, ...]], ...]:
    """Agreements grouped by state in STATE_ORDER (states with none left out)."""
    groups = tuple((state, tuple(r for r in rows if r.status == state)) for state in STATE_ORDER)
    return tuple((state, group) for state, group in groups if group)


@dataclass(frozen=True)
class StatusResult(Result):
    rows: tuple[AgreementStatus, ...]

    @property
    def counts(self) -> dict[str, int]:
        """How many agreements are in each state (states with none left out), by state name."""
        return {state: len(group) for state, group in sorted(by_state(self.rows))}


@dataclass(frozen=True)
class DeadlinesResult(Result):
    until: date
    rows: tuple[Deadline, ...]  # for scripts: one row per missing principal's adoption
    counts: dict[str, int]  # of `people`
    people: tuple[Deadline, ...] = ()  # for people: a plan's adoption as one row
    names: dict[str, str] = field(default_factory=dict)  # party id → name


@dataclass(frozen=True)
class PlansResult(Result):
    rows: tuple[PlanStatus, ...]
    names: dict[str, str]


class Section(StrEnum):
    """The parts of the pre-meeting check's items, in their order (docs/rules.md, rule 16c)."""

    OVERDUE = "overdue"  # its date has passed
    BY_MEETING = "by_meeting"  # due by the meeting (without a meeting: in the window)
    AFTER_MEETING = "after_meeting"  # the horizon: after the meeting
    UNRECORDED = "unrecorded"  # follow-ups due before the register's records begin, with no record (rule 8b)

    @classmethod
    def of(cls, row: Deadline, meeting: date | None) -> Section:
        if row.status == DeadlineState.OVERDUE:
            return cls.OVERDUE
        if row.status == DeadlineState.UNRECORDED:
            return cls.UNRECORDED
        return cls.AFTER_MEETING if meeting is not None and row.date > meeting else cls.BY_MEETING


@dataclass(frozen=True)
class CheckSection:
    """One section's items: `rows` for scripts (one row per missing principal's adoption), `people`
    with a plan's adoption as one row. The section is a value here, never looked up by the row."""

    name: Section
    rows: tuple[Deadline, ...]
    people: tuple[Deadline, ...]


def sections_of(rows: Sequence[Deadline], people: Sequence[Deadline], meeting: date | None) -> tuple[CheckSection, ...]:
    """Items in check order split into the sections, each keeping that order (every section is present)."""
    return tuple(CheckSection(name, tuple(r for r in rows if Section.of(r, meeting) == name),
                              tuple(r for r in people if Section.of(r, meeting) == name)) for name in Section)


@dataclass(frozen=True)
class CheckResult(Result):
    until: date
    meeting: date | None
    sections: tuple[CheckSection, ...]  # overdue (oldest first), by the meeting, after it: each by date
    warnings: tuple[Diagnostic, ...]
    counts: dict[str, int]  # of the rows for people
    since: date | None = None
    decisions: tuple[Deadline, ...] = ()  # notice deadlines and adoptions whose boards must decide now
    renewed: tuple[Renewed, ...] = ()
    names: dict[str, str] = field(default_factory=dict)  # party id → name
    window: str = "horizon"  # how `until` was chosen: horizon, next_meeting, quarter, days (rule 16)
    next_meeting: date | None = None  # the body's next known meeting after this one (window next_meeting)
    ending: tuple[Ending, ...] = ()  # agreements and participations whose last day is in the window
    since_events: tuple[Happened, ...] = ()  # what the register records in (since, as-of]
    since_meeting: bool = True  # `since` is a recorded meeting (False: 30 days, none recorded)
    since_body: str | None = None  # whose meeting `since` is (the headings name it)
    body: str | None = None  # the body whose meeting it is, when known
    sources: dict[str, str] = field(default_factory=dict)  # agreement or plan id → its source, for people
    reasons: dict[str, str] = field(default_factory=dict)  # an assumed row's key → why (the data's `assumed:`)
    returning: tuple[Returning, ...] = ()  # meetings' matters returning to this meeting (rule 23)
    has_minutes: bool = False  # the data holds minutes (the returning section is shown)
    minutes_ids: tuple[str, ...] = ()  # the minutes' ids: their assignment rows are the pack's follow-up section
    changes: Any = None  # the Word pack's: app.history.ChangesResult since `since` (None: not asked for)
    register: Any = None  # the Word pack's: app.steering.SteeringResult, the steering-documents appendix

    @property
    def rows(self) -> tuple[Deadline, ...]:
        """Every item for scripts, overdue first (oldest first), then by date."""
        return tuple(r for s in self.sections for r in s.rows)

    @property
    def people(self) -> tuple[Deadline, ...]:
        return tuple(r for s in self.sections for r in s.people)

    @property
    def items(self) -> tuple[tuple[Section, Deadline], ...]:
        """Every item for scripts with its section."""
        return tuple((s.name, r) for s in self.sections for r in s.rows)

    @property
    def people_items(self) -> tuple[tuple[Section, Deadline], ...]:
        return tuple((s.name, r) for s in self.sections for r in s.people)

    def fails(self, fail_on: str) -> bool:
        """Whether the check fails (exit 1) under --fail-on: 'overdue' when anything is overdue or a
        board's decision is late, 'due' when anything at all is listed, 'never'; data errors always. Follow-ups
        without a record (rule 8b) never fail it."""
        late = any(d.decision_overdue for d in self.decisions)
        listed = any(s.rows for s in self.sections if s.name != Section.UNRECORDED)
        failing = {"overdue": self.counts["overdue"] > 0 or late, "due": listed or bool(self.decisions),
                   "never": False}[fail_on]
        return failing or bool(self.errors)

    def people_in(self, section: str) -> tuple[Deadline, ...]:
        """The rows for people in one section (overdue, by_meeting, after_meeting)."""
        return next((s.people for s in self.sections if s.name == section), ())


@dataclass(frozen=True)
class CalendarResult(Result):
    until: date
    rows: tuple[Deadline, ...]
    remind: int | tuple[int, ...] | None  # days before every event (None: 14 before act-by, 28 and 7 before decide-by)
    sources: dict[str, str]
    on: str = "act-by"  # events on the last working day to act, or on the legal deadline ("deadline")
    deciding: tuple[Deadline, ...] = ()  # rows with a decide-by event: someone (the --party's) undecided
    names: dict[str, str] = field(default_factory=dict)  # party id → name


@dataclass(frozen=True)
class ReportResult(Result):
    until: date
    meeting: date | None
    items: tuple[Deadline, ...]  # as in svo check: overdue first, then by date
    statuses: tuple[AgreementStatus, ...]
    plans: tuple[PlanStatus, ...]
    picture: Picture
    party_names: dict[str, str]
    overdue: tuple[Deadline, ...] = ()
    coming: tuple[Deadline, ...] = ()  # due by the meeting (without one: in the window)
    after: tuple[Deadline, ...] = ()  # due after the meeting, through the window's end
    unrecorded: tuple[Deadline, ...] = ()  # follow-ups due before the register's records begin, no record (rule 8b)
    decisions: tuple[Deadline, ...] = ()
    renewed: tuple[Renewed, ...] = ()
    since: date | None = None
    body: str | None = None  # the body whose meeting the report prepares (SVO, LGVO), when known
    window: str = "horizon"  # as CheckResult.window
    next_meeting: date | None = None
    ending: tuple[Ending, ...] = ()
    since_events: tuple[Happened, ...] = ()
    since_meeting: bool = True
    since_body: str | None = None  # as CheckResult.since_body
    sources: dict[str, str] = field(default_factory=dict)  # as CheckResult.sources
    reasons: dict[str, str] = field(default_factory=dict)  # as CheckResult.reasons
    changes: Any = None  # as CheckResult.changes (the Word document only)
    register: Any = None  # as CheckResult.register (the Word document only)

    @property
    def by_state(self) -> tuple[tuple[str, tuple[AgreementStatus, ...]], ...]:
        return by_state(self.statuses)

    @property
    def state_counts(self) -> dict[str, int]:
        return {state: len(group) for state, group in self.by_state}


@dataclass(frozen=True)
class AgreementResult(Result):
    detail: Detail
    citation: str = ""  # the source document by its title in the register, section and registry number
    names: dict[str, str] = field(default_factory=dict)  # party and group id → name, for people


@dataclass(frozen=True)
class PlanResult(Result):
    plan: Workplan
    status: PlanStatus
    progress: AdoptionProgress | None
    meetings: tuple[MeetingDeadlines, ...]
    rows: tuple[Deadline, ...]
    names: dict[str, str]
    citation: str = ""

    @property
    def assignments(self) -> tuple[tuple[str, Any, Any], ...]:
        """Every assignment with its area's title and its due term (None: continuous work)."""
        return tuple((area.title, a, assignment_due(self.plan, a)) for area in self.plan.areas
                     for a in area.assignments)


@dataclass(frozen=True)
class MinutesResult(Result):
    """`svo show <minutes-id>`: the meeting's items where they stand, each with its follow-up chain, and
    what this meeting said about earlier meetings' items."""

    minutes: Any  # model.Minutes
    states: tuple[ItemState, ...]  # the items this meeting decided (root items)
    follow_ups: tuple[tuple[Any, ItemState | None], ...]  # (this meeting's item that follows, the item it follows)
    next_meeting: date | None
    citation: str = ""


@dataclass(frozen=True)
class TimelineResult(Result):
    picture: Picture


# svo validate's result, ValidateResult, is kept with what computes it (app/loading.py), so the pre-commit
# hook's validate never imports the engine's result types.
