"""Deadline rows for a window: agreements' and plans' together, marked assumed where the data says so,
filtered to the view, with the boards' decisions (rules 16–16e)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any, Sequence

from svo_cli import engine, workplans
from svo_cli.app.loading import Checked
from svo_cli.app.requests import CHECK_DAYS_WITHOUT_MEETING, MeetingWindow, Request, UsageProblem
from svo_cli.app.results import Renewed
from svo_cli.app.views import (
    agreement_statuses,
    deadline_order,
    filter_rows,
    group_adoptions,
    groups_of,
    kept_ids,
    principal_order,
    terms_assumed,
)
from svo_cli.dates import parse_duration, previous_working_day, subtract
from svo_cli.kinds import DeadlineKind
from svo_cli.loader import Dataset
from svo_cli.obligations import Deadline


def all_deadlines(dataset: Dataset, as_of: date, until: date, decisions_until: date | None = None) -> list[Deadline]:
    """Agreement and work-plan obligations together, in the one order (obligations.sort_key), each
    marked when it rests on a fact the data marks `assumed`. With `decisions_until` (a later day), notice
    deadlines and adoptions, the rows whose boards decide ahead of them (rule 16a), through that day:
    no other row is computed past `until`, where it could never be shown."""
    rows = engine.deadlines(dataset.agreement_models(), as_of, until, groups=groups_of(dataset),
                            notices_until=decisions_until)
    rows += workplans.all_plan_deadlines(dataset.workplan_models(), dataset.groups, dataset.parties, as_of, until,
                                         adoptions_until=decisions_until)
    return sorted(mark_assumed(rows, dataset, as_of), key=deadline_order(dataset))


def mark_assumed(rows: Sequence[Deadline], dataset: Dataset, as_of: date) -> list[Deadline]:
    """`assumed` on every row that rests on an assumption: its own follow-up, assignment, meeting or
    adoption due, or (notice deadlines, term ends, withdrawals) an event that changed the terms. Each
    row is looked up by its reference (Deadline.ref), so one assumed meeting marks that meeting's
    agenda, meeting and minutes rows and no other meeting's."""
    agreements = {a.id: a for a in dataset.agreement_models()}
    plans = {p.id: p for p in dataset.workplan_models()}
    # The assumed items, once, as (kind, holder, the first part of the row's item): scanning a holder's
    # for each row made this rows x follow-ups (one file may hold thousands of follow-ups).
    assumed_items: set[tuple[DeadlineKind, str, str]] = set()
    for agreement in agreements.values():
        assumed_items |= {(DeadlineKind.FOLLOWUP, agreement.id, f.id) for f in agreement.followups if f.assumed}
    for plan in plans.values():
        assumed_items |= {(DeadlineKind.FOLLOWUP, plan.id, f.id) for f in plan.followups if f.assumed}
        assumed_items |= {(DeadlineKind.ASSIGNMENT, plan.id, x.id) for area in plan.areas
                          for x in area.assignments if x.assumed}
        assumed_items |= {(kind, plan.id, m.date.start.isoformat()) for m in plan.meetings if m.assumed
                          for kind in MEETING_KINDS}
    terms: dict[str, bool] = {}
    out: list[Deadline] = []
    for row in rows:
        ref = row.ref
        assumed: bool
        if row.kind == DeadlineKind.ADOPTION:
            adoption = plans[row.id].adoption if row.id in plans else None
            assumed = adoption is not None and bool(adoption.assumed)
        elif row.kind in TERM_KINDS:
            if row.id not in terms:
                terms[row.id] = row.id in agreements and terms_assumed(agreements[row.id], as_of)
            assumed = terms[row.id]
        else:
            assumed = (ref.kind, ref.holder, ref.item[0]) in assumed_items
        out.append(replace(row, assumed=True) if assumed else row)
    return out


MEETING_KINDS = (DeadlineKind.AGENDA, DeadlineKind.MEETING, DeadlineKind.MINUTES)
TERM_KINDS = (DeadlineKind.NOTICE_DEADLINE, DeadlineKind.TERM_END, DeadlineKind.WITHDRAWAL)


def meeting_window(dataset: Dataset, as_of: date, window: MeetingWindow,
                   body: str | None = None) -> tuple[date | None, date]:
    """The meeting to prepare for and the window's last day: the meeting plus the horizon (default 0),
    or the date plus the horizon (default 30) when there is no meeting (docs/rules.md, rule 16)."""
    if window.meeting is not None and window.next_meeting:
        raise UsageProblem("meeting_and_next")
    meeting = window.meeting
    if window.next_meeting:
        plans = [p for p in dataset.workplan_models() if body is None or p.body.casefold() == body.casefold()]
        meeting = workplans.next_meeting(plans, as_of)
        if meeting is None:
            raise UsageProblem("no_next_meeting", date=as_of.isoformat())
    if meeting is not None and meeting < as_of:
        raise UsageProblem("meeting_before", meeting=meeting.isoformat(), date=as_of.isoformat())
    if window.horizon is not None:
        days = window.horizon
    else:
        days = 0 if meeting else CHECK_DAYS_WITHOUT_MEETING
    return meeting, (meeting or as_of) + timedelta(days=days)


def rows_in(loaded: Checked, request: Request, until: date,
          decisions_ahead: bool = False) -> tuple[tuple[Deadline, ...], tuple[Deadline, ...]]:
    """Deadline rows in the view (one per missing principal, for scripts) and the same for people
    (a plan's adoption as one row). With `decisions_ahead`, a notice deadline (or adoption) later than the
    window is listed too when its boards must decide within the window: a deadline is never first shown
    after the day to decide on it has passed."""
    dataset, day = loaded.dataset, request.as_of
    reach = _decision_reach(dataset, until) if decisions_ahead else None
    rows = filter_rows(all_deadlines(dataset, day, until, decisions_until=reach), dataset, request.filters)
    rows = with_decisions(rows, dataset, day)
    if reach is not None:
        rows = [r for r in rows if r.date <= until or (r.decide_by is not None and r.decide_by <= until)]
    return tuple(rows), tuple(group_adoptions(rows, dataset, day))


def window_and_decisions(loaded: Checked, request: Request, meeting: date | None, until: date) -> tuple[
        tuple[Deadline, ...], tuple[Deadline, ...], tuple[Deadline, ...]]:
    """What `check` and `report` show: the rows of the window through `until` (as rows_in gives them) and
    the decisions ahead: every notice deadline (and plan adoption) not yet passed whose decide-by falls by
    the end of the window or before the next known meeting after this one, soonest decision first. The
    rows are computed once, and past the window only notice deadlines and adoptions (the decisions')."""
    dataset, day = loaded.dataset, request.as_of
    limit = _decisions_limit(dataset, request, meeting, until)
    found = filter_rows(all_deadlines(dataset, day, until, decisions_until=_decision_reach(dataset, limit)),
                        dataset, request.filters)
    found = with_decisions(found, dataset, day)
    rows = [r for r in found if r.date <= until]
    return tuple(rows), tuple(group_adoptions(rows, dataset, day)), _decisions_among(found, dataset, day, limit)


def default_since(dataset: Dataset, as_of: date, body: str | None = None) -> date:
    """The last work-plan meeting before the date, else 30 days before it."""
    days = [m.date.start for p in dataset.workplan_models() for m in p.meetings
            if m.kind == "meeting" and m.date.start < as_of and (body is None or p.body.casefold() == body.casefold())]
    return max(days) if days else as_of - timedelta(days=30)


DEFAULT_DECISION_LEAD = "3 months"


NO_NEXT_MEETING = timedelta(days=91)


def _lead(dataset: Dataset, agreement: Any | None) -> Any:
    if agreement is not None and agreement.notice is not None and agreement.notice.decision_lead is not None:
        return agreement.notice.decision_lead
    if dataset.parties_file is not None and dataset.parties_file.model.decision_lead is not None:
        return dataset.parties_file.model.decision_lead
    return parse_duration(DEFAULT_DECISION_LEAD)


def with_decisions(rows: Sequence[Deadline], dataset: Dataset, as_of: date) -> list[Deadline]:
    """Notice deadlines and adoptions carry when the boards must decide (the last working day on or
    before act-by minus the decision lead), who decides, and whether that day has passed."""
    agreements = {a.id: a for a in dataset.agreement_models()}
    groups = groups_of(dataset)
    party = principal_order(dataset)
    out: list[Deadline] = []
    for row in rows:
        if row.kind not in (DeadlineKind.NOTICE_DEADLINE, DeadlineKind.ADOPTION):
            out.append(row)
            continue
        agreement = agreements.get(row.id)
        decide_by = previous_working_day(subtract(row.act_by, _lead(dataset, agreement)))
        if agreement is not None:
            deciders = tuple(sorted(dict.fromkeys(m for p in agreement.parties for m in groups.get(p, (p,))),
                                    key=party))
        else:
            deciders = (row.party,) if row.party else ()
        out.append(replace(row, decide_by=decide_by, deciders=deciders,
                        decision_overdue=decide_by < as_of <= row.date))
    return out


def _lead_days(lead: Any) -> int:
    return 366 * lead.years + 31 * lead.months + lead.days + 2 * getattr(lead, "working_days", 0)


def _decision_reach(dataset: Dataset, limit: date) -> date:
    """The last day a deadline can lie on and still have its decision fall by `limit`."""
    leads = [_lead(dataset, a) for a in dataset.agreement_models()] + [_lead(dataset, None)]
    return limit + timedelta(days=max(_lead_days(x) for x in leads) + 40)


def _decisions_limit(dataset: Dataset, request: Request, meeting: date | None, until: date) -> date:
    """The last day a decision ahead may fall on: the end of the window, or before the next known meeting."""
    day, body = request.as_of, request.filters.body
    later = [m.date.start for p in dataset.workplan_models() for m in p.meetings
             if m.kind == "meeting" and m.date.start > (meeting or day)
             and (body is None or p.body.casefold() == body.casefold())]
    # Up to the next known meeting; when none is known, this may be the last meeting before a board
    # must decide: look a quarter past it (boards meet at least that often).
    return max(until, min(later) - timedelta(days=1)) if later else max(until, (meeting or day) + NO_NEXT_MEETING)


def _decisions_among(rows: Sequence[Deadline], dataset: Dataset, day: date, limit: date) -> tuple[Deadline, ...]:
    """The decisions ahead among rows with their decisions (with_decisions): the notice deadlines and
    adoptions not yet passed whose decide-by falls by `limit`, soonest decision first."""
    people = group_adoptions([r for r in rows if r.decide_by is not None], dataset, day)
    found = [r for r in people if r.decide_by is not None and r.date >= day and r.decide_by <= limit]
    return tuple(sorted(found, key=lambda r: (r.decide_by, r.date, r.id)))


def renewed(loaded: Checked, request: Request, since: date) -> tuple[Renewed, ...]:
    """Notice deadlines that passed in (since, as-of] without a notice in time: each agreement is now bound
    for the next term."""
    dataset, day = loaded.dataset, request.as_of
    keep = kept_ids(dataset, request.filters)
    agreements = dataset.agreement_models()
    statuses = {s.id: s for s in agreement_statuses(dataset, day)}
    superseded = engine.supersessions(agreements)  # once: per agreement it made this quadratic
    groups = groups_of(dataset)
    found: list[Renewed] = []
    for a in agreements:
        if keep is not None and a.id not in keep:
            continue
        tl = engine.timeline_of(a, agreements, day, through=day, since=since, groups=groups, superseded=superseded)
        for term in tl.terms:
            deadline = term.notice_deadline
            if deadline is None or not since < deadline <= day or term.end is None:
                continue
            if tl.final_end is not None and tl.final_end <= term.end:
                continue  # it ends with this term: notice was given in time, or it ends anyway
            if tl.superseded_on is not None and tl.superseded_on <= term.end + timedelta(days=1):
                continue
            status = statuses.get(a.id)
            found.append(Renewed(a.id, a.title, deadline, term.number + 1,
                                 status.binding_until if status else None, term.approximate))
    return tuple(sorted(found, key=lambda r: (r.date, r.id)))
