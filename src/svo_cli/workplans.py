"""Work-plan engine: state, adoption by the principals, assignments, follow-ups, meetings (pure)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from datetime import date as Day
from typing import Sequence

from svo_cli.dates import DateSpec, Duration, add, previous_working_day, subtract
from svo_cli.i18n import Why, why
from svo_cli.kinds import DeadlineKind, DeadlineState, PlanState
from svo_cli.model import Assignment, Group, Party, Workplan
from svo_cli.obligations import OVERDUE_LISTED, Deadline, Life, collect_occurrences, followup_rows, make_deadline

AFTERLIFE = Duration(years=1, text="1 year")


def expand_parties(ids: Sequence[str], groups: Sequence[Group]) -> list[str]:
    """Party ids with every group replaced by its members, in order, without repeats."""
    members = {g.id: g.members for g in groups}
    result: list[str] = []
    for pid in ids:
        for member in members.get(pid, [pid]):
            if member not in result:
                result.append(member)
    return result


@dataclass(frozen=True)
class AdoptionProgress:
    required: tuple[str, ...]
    adopted: tuple[tuple[str, date], ...]  # (party, decision day)
    missing: tuple[str, ...]
    prepared: tuple[tuple[str, date], ...]  # missing parties with a preparatory step on record
    due: date | None
    approximate: bool
    overdue: bool  # principals are missing and the due date has passed


@dataclass(frozen=True)
class MeetingDeadlines:
    date: date
    title: str
    kind: str
    agenda_by: Day | None  # moved to the previous working day when it falls on a non-working day
    minutes_final: Day | None


@dataclass(frozen=True)
class PlanStatus:
    id: str
    title: str
    body: str
    state: PlanState
    period_from: date
    period_until: date
    adoption: AdoptionProgress | None
    assignments_open: int
    assignments_overdue: int
    assignments_done: int
    next_meeting: MeetingDeadlines | None
    approximate: bool


def plan_state(plan: Workplan, as_of: date) -> PlanState:
    if as_of < plan.period.from_.start:
        return PlanState.UPCOMING
    if as_of > plan.period.until.end:
        return PlanState.ENDED
    return PlanState.ACTIVE


def adoption_progress(plan: Workplan, groups: Sequence[Group], as_of: date) -> AdoptionProgress | None:
    if plan.adoption is None:
        return None
    required = expand_parties(plan.adoption.required, groups)
    adopted: dict[str, date] = {}
    prepared: dict[str, date] = {}
    for decision in sorted(plan.decisions, key=lambda d: d.date.end):
        if decision.date.end > as_of:
            continue  # not yet taken on the as-of date
        target = adopted if decision.stage == "adopted" else prepared
        for member in expand_parties([decision.party], groups):  # a group's decision counts for its members
            target.setdefault(member, decision.date.end)
    missing = tuple(p for p in required if p not in adopted)
    due = plan.adoption.due.end if plan.adoption.due else None
    return AdoptionProgress(
        required=tuple(required),
        adopted=tuple((p, adopted[p]) for p in required if p in adopted),
        missing=missing,
        prepared=tuple((p, prepared[p]) for p in missing if p in prepared),
        due=due,
        approximate=bool(plan.adoption.due and plan.adoption.due.approximate),
        # overdue only while the plan's obligations run (rule 14), as deadlines and check report it
        overdue=(bool(missing) and due is not None and due < as_of <= (plan_life(plan).last or as_of)
                 and not unrecorded_before(plan, due, as_of)),
    )


def meeting_deadlines(plan: Workplan) -> list[MeetingDeadlines]:
    rules = plan.meeting_rules
    result = []
    for m in sorted(plan.meetings, key=lambda m: m.date.start):
        day = m.date.start
        agenda = None
        minutes = None
        if rules and rules.agenda_before is not None and m.kind == "meeting":
            agenda = previous_working_day(subtract(day, rules.agenda_before))
        if rules and rules.minutes_final_after is not None and m.kind == "meeting":
            minutes = add(day, rules.minutes_final_after)
        result.append(MeetingDeadlines(day, m.title, m.kind, agenda, minutes))
    return result


def unrecorded_before(plan: Workplan, due: date, as_of: date) -> bool:
    """An assignment or adoption due before the plan's record start (its `tracked_from`, by default the
    register's `records_from`) and before the as-of day: with no record it is unrecorded, neither done
    nor overdue (rule 8b)."""
    return plan.tracked_from is not None and due < plan.tracked_from.start and due < as_of


@dataclass(frozen=True)
class MeetingsDated:
    """One year of a plan's period: how many meetings (kind `meeting`) are dated, of the `per_year` the
    plan states (rule 15a)."""

    year: int
    dated: int
    per_year: int


def meetings_dated(plan: Workplan) -> tuple[MeetingsDated, ...]:
    """For each calendar year of the plan's period, the meetings dated against `meeting_rules.per_year`
    (none without it)."""
    rules = plan.meeting_rules
    if rules is None or rules.per_year is None:
        return ()
    years = range(plan.period.from_.start.year, plan.period.until.end.year + 1)
    counts = {y: 0 for y in years}
    for m in plan.meetings:
        if m.kind == "meeting" and m.date.start.year in counts:
            counts[m.date.start.year] += 1
    return tuple(MeetingsDated(y, counts[y], rules.per_year) for y in years)


def plan_life(plan: Workplan) -> Life:
    """A plan's obligations run one year past its period: the follow-up of its last year comes after."""
    return Life(plan.period.from_.start, add(plan.period.until.end, AFTERLIFE))


def assignment_due(plan: Workplan, assignment: Assignment) -> DateSpec | None:
    """An assignment's due term; None for one without (continuous work, or work the source only says
    starts): it is never reported overdue, since no source gives it a day (an invented "overdue" is
    worse than none)."""
    return assignment.due


def plan_deadlines(plan: Workplan, groups: Sequence[Group], parties: Sequence[Party], as_of: date,
                   until: date, adoptions_until: date | None = None) -> list[Deadline]:
    """A plan's obligations: open assignments and adoptions (overdue ones however old, while the
    plan has not ended), follow-ups, and meetings with their agenda and minutes deadlines in the
    window; adoptions through `adoptions_until` when it is given (a later day: the ones whose board
    decision can fall in the window)."""
    rows: list[Deadline] = []
    names = {p.id: p.name for p in parties}
    life = plan_life(plan)

    def keep(row: Deadline, last: date = until) -> bool:
        # In the window; or overdue while the plan's obligations still run (a year past its period).
        return row.date <= last and (row.date >= as_of or as_of <= life.last)  # type: ignore[operator]

    progress = adoption_progress(plan, groups, as_of)
    if progress is not None and progress.due is not None:
        prepared = dict(progress.prepared)
        for party in progress.missing:
            due_text = str(plan.adoption.due)  # type: ignore[union-attr]
            text = (why("adoption_prepared", name=names.get(party, party), due=due_text, prepared=prepared[party])
                    if party in prepared else why("why_adoption", name=names.get(party, party), due=due_text))
            row = make_deadline(progress.due, DeadlineKind.ADOPTION, plan.id, plan.title, as_of, progress.approximate,
                                text, party=party)
            if unrecorded_before(plan, progress.due, as_of):
                row = _unrecorded(row, progress.due, text)
            if keep(row, until if adoptions_until is None else adoptions_until):
                rows.append(row)
    for area in plan.areas:
        for a in area.assignments:
            if a.done is not None and a.done.end <= as_of:
                continue
            due = assignment_due(plan, a)
            if due is None:
                continue  # continuous: no dated obligation
            text = why("why_assignment", area=area.title,
                       what=" ".join(a.what.split()), due=str(due), owner=a.owner or "")
            row = make_deadline(due.end, DeadlineKind.ASSIGNMENT, plan.id, plan.title, as_of, due.approximate, text,
                                assignment=a.id)
            if unrecorded_before(plan, due.end, as_of):
                row = _unrecorded(row, due.end, text)
            if keep(row):
                rows.append(row)
    done_events = [e for e in plan.events if e.type == "followup_done" and e.date.end <= as_of]
    occs, _ = collect_occurrences(life, plan.followups, done_events, until, as_of=as_of, overdue_limit=OVERDUE_LISTED)
    rows += [r for r in followup_rows(occs, plan.id, plan.title, as_of) if keep(r)]
    for m in meeting_deadlines(plan):
        if m.agenda_by is not None and as_of <= m.agenda_by <= until:
            rows.append(make_deadline(m.agenda_by, DeadlineKind.AGENDA, plan.id, plan.title, as_of, False,
                                      why("why_agenda", title=m.title, date=m.date,
                                          before=plan.meeting_rules.agenda_before),  # type: ignore[union-attr]
                                      meeting=m.date))
        if as_of <= m.date <= until:
            rows.append(make_deadline(m.date, DeadlineKind.MEETING, plan.id, plan.title, as_of, False,
                                      why("why_conference" if m.kind == "conference" else "why_meeting", title=m.title), meeting=m.date))
        if m.minutes_final is not None and as_of <= m.minutes_final <= until:
            rows.append(make_deadline(m.minutes_final, DeadlineKind.MINUTES, plan.id, plan.title, as_of, False,
                                      why("why_minutes", title=m.title, date=m.date,
                                          after=plan.meeting_rules.minutes_final_after),  # type: ignore[union-attr]
                                      meeting=m.date))
    return rows


def _unrecorded(row: Deadline, due: date, text: Why) -> Deadline:
    """The row of an assignment or adoption due before the record start, with no record (rule 8b)."""
    return replace(row, status=DeadlineState.UNRECORDED, unrecorded=1, unrecorded_since=due,
                   why=why("unrecorded_plan", text=text, latest=due))


def plan_status(plan: Workplan, groups: Sequence[Group], as_of: date) -> PlanStatus:
    """A plan's state and counts. An open assignment past its due term is overdue only while the plan's
    obligations run (rule 14: a year past its period), as in `svo deadlines`; after that it is open."""
    open_, overdue, done = 0, 0, 0
    last = plan_life(plan).last
    tracked = last is None or as_of <= last
    for area in plan.areas:
        for a in area.assignments:
            if a.done is not None and a.done.end <= as_of:
                done += 1
            else:
                open_ += 1
                due = assignment_due(plan, a)
                if tracked and due is not None and due.end < as_of and not unrecorded_before(plan, due.end, as_of):
                    overdue += 1
    upcoming = [m for m in meeting_deadlines(plan) if m.date >= as_of]
    progress = adoption_progress(plan, groups, as_of)
    approximate = plan.period.from_.approximate or plan.period.until.approximate
    return PlanStatus(plan.id, plan.title, plan.body, plan_state(plan, as_of), plan.period.from_.start,
                      plan.period.until.end, progress, open_, overdue, done,
                      upcoming[0] if upcoming else None, approximate)


def all_plan_deadlines(plans: Sequence[Workplan], groups: Sequence[Group], parties: Sequence[Party],
                       as_of: date, until: date, adoptions_until: date | None = None) -> list[Deadline]:
    rows: list[Deadline] = []
    for plan in plans:
        rows += plan_deadlines(plan, groups, parties, as_of, until, adoptions_until)
    return rows

