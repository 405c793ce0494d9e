"""Deadline rows for a window: agreements' and plans' together, marked assumed where the data says so,
filtered to the view, with the boards' decisions (rules 16–16e)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property
from typing import Any, Callable, Collection, Mapping, Sequence

from svo_cli import decisions, engine, minutes, workplans
from svo_cli.app.loading import Checked
from svo_cli.app.requests import CHECK_DAYS_WITHOUT_MEETING, MeetingWindow, Request, UsageProblem
from svo_cli.app.views import (
    agreement_statuses,
    deadline_order,
    filter_rows,
    group_adoptions,
    groups_of,
    kept_ids,
    meeting_body,
    principal_order,
    terms_assumed,
)
from svo_cli.dates import Duration
from svo_cli.decisions import Renewed
from svo_cli.kinds import DeadlineKind
from svo_cli.loader import Dataset
from svo_cli.model import Agreement, Workplan
from svo_cli.model_minutes import Minutes
from svo_cli.obligations import Deadline
from svo_cli.terms import Supersession


def all_deadlines(dataset: Dataset, as_of: date, until: date, decisions_until: date | None = None,
                  known: Lookups | None = None) -> list[Deadline]:
    """Agreement and work-plan obligations together, in the one order (obligations.sort_key), each
    marked when it rests on a fact the data marks `assumed`. With `decisions_until` (a later day), notice
    deadlines and adoptions, the rows whose boards decide ahead of them (rule 16a), through that day:
    no other row is computed past `until`, where it could never be shown."""
    rows = engine.deadlines(dataset.agreement_models(), as_of, until, groups=groups_of(dataset),
                            notices_until=decisions_until)
    rows += workplans.all_plan_deadlines(dataset.workplan_models(), dataset.groups, dataset.parties, as_of, until,
                                         adoptions_until=decisions_until)
    rows += minutes.minutes_deadlines(dataset.minutes_models(), dataset.workplan_models(), as_of, until)
    return sorted(mark_assumed(rows, dataset, as_of, known), key=deadline_order(dataset))


@dataclass(frozen=True)
class Lookups:
    """What marking rows (`mark_assumed`) and finding who decides them (`holders`) look up among all of a
    dataset's agreements and plans on a day, each made once, when first needed: then each row, or each
    page of `svo site`, is a lookup, not a walk of the register. By id, the first file of an id (as a
    search finds it; two files with one id are a finding of their own, SVO202); the assumed items are
    every file's, as every file's rows are listed."""

    dataset: Dataset
    as_of: date

    @cached_property
    def choices(self) -> decisions.Choices:
        """The agreements' own lookups (supersessions, by id), shared with the decisions' options."""
        return decisions.Choices(self.dataset.agreement_models(), groups_of(self.dataset))

    @property
    def agreements(self) -> Sequence[Agreement]:
        return self.choices.agreements

    @property
    def agreement(self) -> Mapping[str, Agreement]:
        return self.choices.by_id

    @cached_property
    def plan(self) -> Mapping[str, Workplan]:
        return decisions.first_by_id(self.dataset.workplan_models())

    @cached_property
    def minutes(self) -> Mapping[str, Minutes]:
        return decisions.first_by_id(self.dataset.minutes_models())

    @cached_property
    def assumed(self) -> frozenset[tuple[DeadlineKind, str, str]]:
        """The assumed items as (kind, holder, the first part of a row's item): scanning a holder's for
        each row made marking rows × follow-ups (one file may hold thousands of follow-ups)."""
        found: set[tuple[DeadlineKind, str, str]] = set()
        for agreement in self.agreements:  # every file: each file's rows are listed, so any file's mark counts
            found |= {(DeadlineKind.FOLLOWUP, agreement.id, f.id) for f in agreement.followups if f.assumed}
        plans = self.dataset.workplan_models()
        for plan in plans:
            found |= {(DeadlineKind.FOLLOWUP, plan.id, f.id) for f in plan.followups if f.assumed}
            found |= {(DeadlineKind.ASSIGNMENT, plan.id, x.id) for area in plan.areas
                      for x in area.assignments if x.assumed}
            found |= {(kind, plan.id, m.date.start.isoformat()) for m in plan.meetings if m.assumed
                      for kind in MEETING_KINDS}
        if self.dataset.minutes:  # meetings' assignments: the item's own assumption, or an assumed next meeting
            found |= {(DeadlineKind.ASSIGNMENT, held, item) for held, item in
                      minutes.assumed_rows(self.dataset.minutes_models(), plans, self.as_of)}
        return frozenset(found)

    @property
    def others(self) -> Mapping[str, Agreement] | None:
        """engine.by_id: the agreements by id, for those that end with another (None: none does)."""
        return self.choices.others

    @property
    def superseded(self) -> Mapping[str, Supersession]:
        return self.choices.superseded

    def meeting_days(self, body: str | None) -> tuple[date, ...]:
        """decisions.meeting_days of the plans, sorted: a walk of every plan's meetings, made once a body."""
        if body not in self._meeting_days:
            self._meeting_days[body] = tuple(sorted(decisions.meeting_days(self.dataset.workplan_models(), body)))
        return self._meeting_days[body]

    @cached_property
    def _meeting_days(self) -> dict[str | None, tuple[date, ...]]:
        return {}


def mark_assumed(rows: Sequence[Deadline], dataset: Dataset, as_of: date, known: Lookups | None = None) -> list[Deadline]:
    """`assumed` on every row that rests on an assumption: its own follow-up, assignment, meeting or
    adoption due, or (notice deadlines, term ends, withdrawals) an event that changed the terms. Each
    row is looked up by its reference (Deadline.ref), so one assumed meeting marks that meeting's
    agenda, meeting and minutes rows and no other meeting's. `known`: the dataset's lookups on as_of,
    when the caller has them."""
    known = Lookups(dataset, as_of) if known is None else known
    agreements, plans, assumed_items = known.agreement, known.plan, known.assumed
    terms: dict[tuple[str, bool], bool] = {}
    out: list[Deadline] = []
    for row in rows:
        ref = row.ref
        assumed: bool
        if row.kind == DeadlineKind.ADOPTION:
            adoption = (plans[row.id].adoption if row.id in plans
                        else agreements[row.id].adoption if row.id in agreements else None)
            assumed = adoption is not None and bool(adoption.assumed)
        elif row.kind in TERM_KINDS:
            notice = row.kind != DeadlineKind.TERM_END  # a notice deadline or withdrawal rests on the notice rule too
            if (row.id, notice) not in terms:
                terms[row.id, notice] = row.id in agreements and terms_assumed(agreements[row.id], as_of, notice=notice)
            assumed = terms[row.id, notice]
        else:
            assumed = (ref.kind, ref.holder, ref.item[0]) in assumed_items
        out.append(replace(row, assumed=True) if assumed else row)
    return out


MEETING_KINDS = (DeadlineKind.AGENDA, DeadlineKind.MEETING, DeadlineKind.MINUTES)
TERM_KINDS = (DeadlineKind.NOTICE_DEADLINE, DeadlineKind.OPTION_DEADLINE, DeadlineKind.TERM_END,
              DeadlineKind.WITHDRAWAL)


@dataclass(frozen=True)
class CheckWindow:
    """The meeting a check prepares for and its window: through `until`, chosen as `reason` says —
    `horizon` (--horizon), `next_meeting` (the day before the body's next known meeting, `next_meeting`),
    `quarter` (the meeting + 91 days: no later meeting known) or `days` (no meeting: the date + 30)."""

    meeting: date | None
    until: date
    reason: str
    next_meeting: date | None = None


def meeting_window(dataset: Dataset, as_of: date, window: MeetingWindow,
                   body: str | None = None) -> CheckWindow:
    """The meeting to prepare for and the window's last day (docs/rules.md, rule 16): with --horizon, the
    meeting (or the date) plus it; else through the day before the next known meeting after this one (of
    `body`, any body without), else the meeting plus 91 days; without a meeting, the date plus 30 days."""
    if window.meeting is not None and window.next_meeting:
        raise UsageProblem("meeting_and_next")
    meeting = window.meeting
    days = decisions.meeting_days(dataset.workplan_models(), body)
    if window.next_meeting:
        meeting = decisions.next_meeting(days, as_of)
        if meeting is None:
            raise UsageProblem("no_next_meeting", date=as_of.isoformat())
    if meeting is not None and meeting < as_of:
        raise UsageProblem("meeting_before", meeting=meeting.isoformat(), date=as_of.isoformat())
    if window.horizon is not None:
        return CheckWindow(meeting, (meeting or as_of) + timedelta(days=window.horizon), "horizon")
    if meeting is None:
        return CheckWindow(None, as_of + timedelta(days=CHECK_DAYS_WITHOUT_MEETING), "days")
    later = min((d for d in days if d > meeting), default=None)
    if later is not None:
        return CheckWindow(meeting, later - timedelta(days=1), "next_meeting", later)
    return CheckWindow(meeting, meeting + decisions.NO_NEXT_MEETING, "quarter")


def default_since(dataset: Dataset, as_of: date, body: str | None = None) -> tuple[date, bool]:
    """The last meeting before the date (of the body, when given) — a work plan's meeting or a meeting
    whose minutes the register holds — else 30 days before it; and whether a meeting was found."""
    days = decisions.meeting_days(dataset.workplan_models(), body) + [
        m.date.start for m in dataset.minutes_models() if body is None or m.body.casefold() == body.casefold()]
    return decisions.default_since(days, as_of), any(d < as_of for d in days)


def since_body(dataset: Dataset, since: date, found: bool) -> str | None:
    """The body whose meeting `since` is (the check's headings name it: "since LGVO's meeting …")."""
    if not found:
        return None
    bodies = sorted({p.body for p in dataset.workplan_models() for m in p.meetings
                     if m.kind == "meeting" and m.date.start == since}
                    | {m.body for m in dataset.minutes_models() if m.date.start == since})
    return "/".join(bodies) or None


def rows_in(loaded: Checked, request: Request, until: date,
            decisions_ahead: bool = False) -> tuple[tuple[Deadline, ...], tuple[Deadline, ...]]:
    """Deadline rows in the view (one per missing principal, for scripts) and the same for people
    (a plan's adoption as one row). With `decisions_ahead`, a notice deadline (or adoption) later than the
    window is listed too when its boards must decide within the window (rule 16e)."""
    dataset, day = loaded.dataset, request.as_of
    reach = decision_reach(dataset, until) if decisions_ahead else None
    rows = filter_rows(all_deadlines(dataset, day, until, decisions_until=reach), dataset, request.filters)
    rows = with_decisions(rows, dataset, day)
    if reach is not None:
        rows = [r for r in rows if r.date <= until or (r.decide_by is not None and r.decide_by <= until)]
    return tuple(rows), tuple(group_adoptions(rows, dataset, day))


def window_and_decisions(loaded: Checked, request: Request, meeting: date | None, until: date) -> tuple[
        tuple[Deadline, ...], tuple[Deadline, ...], tuple[Deadline, ...]]:
    """What `check` and `report` show: the rows of the window through `until` (as rows_in gives them) and
    the decisions needed now (rule 16b). The rows are computed once, and past the window only notice
    deadlines and adoptions (the decisions')."""
    dataset, day = loaded.dataset, request.as_of
    known = Lookups(dataset, day)
    body = meeting_body(dataset, meeting, request.filters.body)  # another body's meeting is not this one's next
    limit = decisions.decisions_limit(day, meeting, until, decisions.meeting_days(dataset.workplan_models(), body))
    found = filter_rows(all_deadlines(dataset, day, until, decisions_until=decision_reach(dataset, limit), known=known),
                        dataset, request.filters)
    found = with_decisions(found, dataset, day, known)
    rows = [r for r in found if r.date <= until]
    people_deciding = group_adoptions([r for r in found if r.decide_by is not None], dataset, day)
    needed = decisions.decisions_among(people_deciding, day, limit)
    return tuple(rows), tuple(group_adoptions(rows, dataset, day)), decisions.with_options(needed, known.choices)


def _default_lead(dataset: Dataset) -> Duration | None:
    """parties.yaml's decision_lead (None: the default)."""
    return dataset.parties_file.model.decision_lead if dataset.parties_file is not None else None


def with_decisions(rows: Sequence[Deadline], dataset: Dataset, as_of: date,
                   known: Lookups | None = None) -> list[Deadline]:
    """The rows with their decisions (rule 16a: decisions.with_decisions on the holders of the rows that
    need them)."""
    wanted = {r.id for r in rows if r.kind in decisions.DECIDED_KINDS}
    return decisions.with_decisions(rows, holders(dataset, as_of, wanted, known), as_of)


def holders(dataset: Dataset, as_of: date, wanted: Collection[str],
            known: Lookups | None = None) -> dict[str, decisions.Holder]:
    """Who decides each wanted agreement's and plan's rows, what they decided, and the lead: an agreement's
    parties (groups expanded, parties that have given their withdrawal left out) and its `decisions:`,
    each on the first notice deadline on or after it unless it says which (`concerns:`); a plan's required
    principals and its adoption decisions."""
    if not wanted:
        return {}
    known = Lookups(dataset, as_of) if known is None else known
    default = _default_lead(dataset)
    groups, order = groups_of(dataset), principal_order(dataset)
    found: dict[str, decisions.Holder] = {}
    agreements = known.agreements
    for a in (known.agreement[i] for i in sorted(wanted) if i in known.agreement):
        left: tuple[str, ...] = ()
        first_deadline = None
        option = a.renewal.option if a.renewal is not None and a.valid_until is not None else None
        if a.decisions or (a.notice is not None and a.notice.effect == "withdrawal"):
            tl = engine.timeline_of(a, agreements, as_of, through=as_of, groups=groups,
                                    superseded=known.superseded, others=known.others)
            left = tuple(w.party for w in tl.withdrawals)
            first_deadline = _first_deadline(tl.schedule, natural=option is not None)
        lead_set = (a.notice is not None and a.notice.decision_lead is not None) or default is not None
        by_meetings = a.notice.decision_meetings if a.notice is not None else None
        who = (option.by or a.parties) if option else (a.notice.by or a.parties) if a.notice else a.parties
        found[a.id] = decisions.Holder(decisions.deciders(who, groups, order, left),
                                       decisions.recorded(a.decisions, groups, as_of, first_deadline),
                                       decisions.decision_lead(a, default), not lead_set,
                                       by_meetings.count if by_meetings else 0,
                                       known.meeting_days(by_meetings.body) if by_meetings else (),
                                       bool(by_meetings and by_meetings.assumed))
    for plan in (known.plan[i] for i in sorted(wanted) if i in known.plan):
        if plan.adoption is not None:
            found[plan.id] = decisions.Holder(decisions.deciders(plan.adoption.required, groups, order),
                                              decisions.recorded(plan.decisions, groups, as_of),
                                              decisions.decision_lead(None, default), default is None)
    return found


def _first_deadline(schedule: Any, natural: bool = False) -> Callable[[date], date | None]:
    """The first notice deadline on or after a day (the deadline a decision without `concerns:` is on);
    `natural`: of every term, also one whose option to extend is used already (rule 2a: a decision to
    extend stays on the deadline it was taken for, never moves to the next one)."""
    def first(day: date) -> date | None:
        if natural:
            k = schedule.first_where(lambda n: (d := schedule.natural_deadline(n)) is not None and d >= day)
            return schedule.natural_deadline(k) if k is not None else None
        k = schedule.first_deadline_on_or_after(day)
        return schedule.deadline(k) if k is not None else None
    return first


def decision_reach(dataset: Dataset, limit: date) -> date:
    """The last day a deadline can lie on and still have its decision fall by `limit` (any lead in use)."""
    default = _default_lead(dataset)
    leads = {decisions.decision_lead(a, default) for a in dataset.agreement_models()}
    if any(a.notice is not None and a.notice.decision_meetings is not None for a in dataset.agreement_models()):
        leads.add(decisions.MEETINGS_REACH)  # a lead in meetings reaches back as far as they are apart
    return decisions.decision_reach(limit, leads | {decisions.decision_lead(None, default)})


def renewed(loaded: Checked, request: Request, since: date) -> tuple[Renewed, ...]:
    """Rule 16d for the view: notice deadlines that passed in (since, as-of] without a notice in time."""
    dataset, day = loaded.dataset, request.as_of
    statuses = {s.id: s for s in agreement_statuses(dataset, day)}
    return decisions.renewed(dataset.agreement_models(), day, since, statuses, groups_of(dataset),
                             kept_ids(dataset, request.filters))


def ending(loaded: Checked, request: Request, until: date) -> tuple[decisions.Ending, ...]:
    """What ends in the window (as-of through `until`), for the view."""
    dataset = loaded.dataset
    return decisions.ending(dataset.agreement_models(), request.as_of, until, groups_of(dataset),
                            kept_ids(dataset, request.filters))


def happened(loaded: Checked, request: Request, since: date) -> tuple[decisions.Happened, ...]:
    """What the register records in (since, as-of], for the view (a party's own, under --party)."""
    dataset = loaded.dataset
    found = decisions.happened(dataset.agreement_models(), dataset.workplan_models(), since, request.as_of,
                               kept_ids(dataset, request.filters))
    if request.filters.party:
        wanted = set(groups_of(dataset).get(request.filters.party, ())) | {request.filters.party}
        groups = groups_of(dataset)
        found = tuple(h for h in found if h.party is None or h.party in wanted
                      or wanted & set(groups.get(h.party, ())))
    return found
