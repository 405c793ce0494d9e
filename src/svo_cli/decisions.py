"""When the boards must decide, which decisions a meeting must take, and what renewed silently (pure).

docs/rules.md, rules 16–16e: a notice deadline (or a plan's adoption) is the last day to act, and
before it each principal's board must decide (16a); the pre-meeting check lists the decisions due by
the next meeting (16b), and what passed without a notice since the last one (16d); a deadline is
listed while it can still be decided (16e). Everything here is a function of models, rows and dates:
the application layer picks the dataset's parts and the view.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from datetime import date as Day
from functools import cached_property
from typing import Any, Callable, Collection, Iterable, Mapping, NamedTuple, Sequence

from svo_cli import engine
from svo_cli.dates import ONE_DAY, DateSpec, Duration, add, parse_duration, previous_working_day, subtract
from svo_cli.engine import AgreementStatus
from svo_cli.kinds import IN_FORCE, DeadlineKind, EndReason
from svo_cli.model import Agreement, Decision, Event, Workplan
from svo_cli.obligations import Deadline, Decided, Option

DEFAULT_DECISION_LEAD = parse_duration("3 months")
# How far back a lead in meetings may reach for the window's rows (rule 16e): a body that meets four times a
# year puts its second-last meeting before a day at most about half a year before it; a year is ample.
MEETINGS_REACH = parse_duration("12 months")
DECIDED_KINDS = (DeadlineKind.NOTICE_DEADLINE, DeadlineKind.OPTION_DEADLINE, DeadlineKind.ADOPTION)  # the rows a board decides ahead of
NO_NEXT_MEETING = timedelta(days=91)  # with no later meeting known: boards meet at least this often
NO_MEETING_SINCE = timedelta(days=30)  # --since without an earlier meeting
# What previous_working_day (twice: act-by, decide-by) and month-end clamping can move a decide-by day
# past the plain arithmetic: at most a long weekend each and three days of clamping; a month is ample.
REACH_MARGIN = timedelta(days=31)


# --------------------------------------------------------------------------- 16a. when the boards decide


def decision_lead(agreement: Agreement | None, default: Duration | None = None) -> Duration:
    """The agreement's `notice.decision_lead`, else parties.yaml's (`default`), else 3 months; a plan's
    adoption (agreement None) takes parties.yaml's, else 3 months."""
    if agreement is not None and agreement.notice is not None and agreement.notice.decision_lead is not None:
        return agreement.notice.decision_lead
    return default if default is not None else DEFAULT_DECISION_LEAD


def decide_by(act_by: date, lead: Duration) -> date:
    """The last working day on or before act-by minus the lead (a lead in working days counts back)."""
    return previous_working_day(subtract(act_by, lead))


def deciders(parties: Sequence[str], groups: Mapping[str, Sequence[str]],
             order: Callable[[str | None], tuple], left: Collection[str] = ()) -> tuple[str, ...]:
    """The parties with each group expanded into its members, without repeats, in `order`, leaving out
    the parties that have left (a withdrawal given: they have nothing more to decide)."""
    gone = {m for p in left for m in groups.get(p, (p,))}
    return tuple(sorted((m for m in dict.fromkeys(m for p in parties for m in groups.get(p, (p,))) if m not in gone),
                        key=order))


class Recorded(NamedTuple):
    """A recorded decision as it applies: the principal's decision and the deadlines it concerns (the
    days from `first` through `last`: one day, a coarse `concerns:`, or every day for a plan's adoption)."""

    decided: Decided
    first: date
    last: date


def recorded(decisions: Iterable[Decision], groups: Mapping[str, Sequence[str]], as_of: date,
             first_deadline: Callable[[date], date | None] | None = None) -> tuple[Recorded, ...]:
    """The decisions taken by the as-of date (a `stage: prepared` proposal is not a decision), a group's for
    each of its members, oldest first. Without `concerns:` a decision is on the first deadline on or after
    its date (`first_deadline`; None: on every deadline, as a plan's adoption)."""
    found: list[Recorded] = []
    for d in sorted(decisions, key=lambda d: d.date.end):
        if d.stage == "prepared" or d.date.end > as_of:
            continue
        if d.concerns is not None:
            first, last = d.concerns.start, d.concerns.end
        elif first_deadline is None:
            first, last = date.min, date.max
        else:
            day = first_deadline(d.date.start)
            if day is None:
                continue  # no deadline left to decide on
            first = last = day
        for member in groups.get(d.party, (d.party,)):
            found.append(Recorded(Decided(member, d.decision or "adopt", d.date.end), first, last))
    return tuple(found)


def decided_on(day: date, who: Sequence[str], decisions: Iterable[Recorded]) -> tuple[tuple[Decided, ...], tuple[str, ...]]:
    """Of the deciders `who`, the latest recorded decision of each on the deadline `day` (in their order),
    and those with none."""
    latest: dict[str, Decided] = {}
    wanted = set(who)
    for r in decisions:
        if r.first <= day <= r.last and r.decided.party in wanted:
            latest[r.decided.party] = r.decided
    return tuple(latest[p] for p in who if p in latest), tuple(p for p in who if p not in latest)


@dataclass(frozen=True)
class Holder:
    """What a holder's rows need for the boards' decisions (rule 16a): who must decide, what they
    decided, and the lead before act-by (and whether it is svo's default)."""

    deciders: tuple[str, ...]
    recorded: tuple[Recorded, ...] = ()
    lead: Duration = DEFAULT_DECISION_LEAD
    lead_assumed: bool = True
    # A lead in meetings (notice.decision_meetings): the count-th last of these days on or before act-by;
    # `lead` (assumed) while fewer are known.
    meeting_count: int = 0
    meetings: tuple[date, ...] = ()
    meetings_assumed: bool = False


def holder_decide_by(act_by: date, holder: Holder) -> tuple[date, bool]:
    """The decide-by day of a row and whether it rests on an assumption: with a lead in meetings, the
    count-th last meeting on or before act-by (the meeting before the one before the last day, for two),
    when the meetings known are all there can be (rule 16a: no gap of more than NO_NEXT_MEETING from
    act-by back to it); else, or with none asked for, act-by minus the lead (with meetings asked for:
    an assumption)."""
    if holder.meeting_count:
        counted = meetings_back(act_by, holder.meetings, holder.meeting_count)
        if counted is not None:
            return counted, holder.meetings_assumed
        return decide_by(act_by, holder.lead), True
    return decide_by(act_by, holder.lead), holder.lead_assumed


def meetings_back(day: date, meetings: Sequence[date], count: int) -> date | None:
    """The count-th last meeting on or before `day`, or None when fewer are known or one may be missing:
    a gap of more than NO_NEXT_MEETING between `day` and the last of them, or between two of them
    (a body meets at least that often; a longer gap means meetings the data does not list)."""
    held = sorted(m for m in meetings if m <= day)[-count:]
    if len(held) < count:
        return None
    if any(later - earlier > NO_NEXT_MEETING for earlier, later in zip(held, [*held[1:], day])):
        return None
    return held[0]


def with_decisions(rows: Sequence[Deadline], holders: Mapping[str, Holder], as_of: date) -> list[Deadline]:
    """Rows that need the boards' decisions (DECIDED_KINDS) carry when the boards must decide, who must,
    who has decided what, who has not, and whether the decide-by day has passed with someone undecided.
    A row for one principal (an adoption's, for scripts) has that principal as its only decider."""
    out: list[Deadline] = []
    for row in rows:
        holder = holders.get(row.id)
        if row.kind not in DECIDED_KINDS or holder is None:
            out.append(row)
            continue
        day, assumed = holder_decide_by(row.act_by, holder)
        who = (row.party,) if row.party else holder.deciders
        decided, undecided = decided_on(row.date, who, holder.recorded)
        out.append(replace(row, decide_by=day, deciders=who, decided=decided, undecided=undecided,
                           decide_by_assumed=assumed,
                           decision_overdue=bool(undecided) and day < as_of <= row.date))
    return out


def notice_decided(row: Deadline) -> bool:
    """A principal decided to give notice (or withdraw) and no notice is recorded yet: the row stays."""
    return any(d.decision == "notice" for d in row.decided)


# --------------------------------------------------------------------------- 16g. each decision's options


def first_by_id(items: Iterable[Any]) -> dict[str, Any]:
    """Items (agreements, plans, minutes) by id, the first of an id as a walk of them finds it (two files
    with one id are a finding of their own, SVO202)."""
    found: dict[str, Any] = {}
    for item in items:
        found.setdefault(item.id, item)
    return found


@dataclass(frozen=True)
class Choices:
    """What the options of a dataset's rows are computed from: the agreements (for the engine's timelines,
    supersessions included) and group membership. What a row looks up among all the agreements is
    computed once, on first use, so that the options of n rows take time in proportion to n."""

    agreements: Sequence[Agreement]
    groups: Mapping[str, Sequence[str]] | None = None

    @cached_property
    def superseded(self) -> Mapping[str, engine.Supersession]:
        return engine.supersessions(self.agreements)

    @cached_property
    def others(self) -> Mapping[str, Agreement] | None:
        return engine.by_id(self.agreements)

    @cached_property
    def by_id(self) -> Mapping[str, Agreement]:
        return first_by_id(self.agreements)

    def agreement(self, agreement_id: str) -> Agreement | None:
        return self.by_id.get(agreement_id)

    def timeline(self, a: Agreement, as_of: date, through: date) -> engine.Timeline:
        """`a`'s timeline among the agreements (`engine.timeline_of`), with the lookups computed once."""
        return engine.timeline_of(a, self.agreements, as_of, through=through, groups=self.groups,
                                  superseded=self.superseded, others=self.others)


def notice_options(row: Deadline, choices: Choices) -> tuple[Option, ...]:
    """A notice deadline's two choices, each as the engine computes it: `continue` (no notice: bound until
    the binding-until of the day after the deadline, or it runs on, or it ends anyway on its known end) and
    `notice` by act-by (the agreement's last day, had a notice been given on the deadline); under
    `notice.effect: withdrawal` the choice is `withdraw` and leads to that party's last day."""
    a = choices.agreement(row.id)
    if a is None:
        return ()
    after = row.date + ONE_DAY
    tl = choices.timeline(a, after, through=after)
    status = engine.status_of(tl)
    if status.status in IN_FORCE and status.open_ended and tl.final_end is None:
        keep = Option("continue", "runs_on", None, None, tl.approximate)
    elif status.status in IN_FORCE and status.binding_until is not None:
        keep = Option("continue", "bound_until", None, status.binding_until, tl.approximate)
    else:
        keep = Option("continue", "ends", None, tl.final_end, tl.approximate)
    withdrawal = a.notice is not None and a.notice.effect == "withdrawal"
    party = row.party or next(iter((*row.undecided, *row.deciders, *a.parties)), None)
    event = Event.model_construct(date=DateSpec.day(row.date), type="notice", by=party)
    given = a.model_copy(update={"events": [*a.events, event]})
    noticed = choices.timeline(given, row.date, through=row.date)
    if withdrawal:
        last = next((w.last_day for w in noticed.withdrawals if w.party == party), None)
        give = Option("withdraw", "party_last_day", row.act_by, last, noticed.approximate)
    else:
        give = Option("notice", "last_day", row.act_by, noticed.final_end, noticed.approximate)
    return keep, give


def adoption_options(row: Deadline, choices: Choices) -> tuple[Option, ...]:
    """A plan's adoption: one choice, `adopt` by act-by, with how far the principals have come (k of n,
    the missing ones)."""
    adopted = sum(1 for d in row.decided if d.decision == "adopt")
    return (Option("adopt", "adopted", row.act_by, None, row.approximate, adopted=adopted,
                   required=len(row.deciders), missing=tuple(row.undecided)),)


def extension_options(act_by: date, extended_until: date | None, lapses_on: date | None,
                      approximate: bool = False) -> tuple[Option, ...]:
    """An option to extend (issue 21's clause): `extend` by act-by → until the extended end, `lapse` (do
    nothing) → it ends on its present end. A deadline kind for options registers a rule in OPTION_RULES
    that calls this with the engine's two days."""
    return (Option("extend", "extended_until", act_by, extended_until, approximate),
            Option("lapse", "ends", None, lapses_on, approximate))


def option_to_extend_options(row: Deadline, choices: Choices) -> tuple[Option, ...]:
    """An option deadline (rule 2a): `extend` by act-by → the end of the next term, `lapse` → the end of
    the term the row is for."""
    a = choices.agreement(row.id)
    if a is None or row.term is None:
        return ()
    tl = choices.timeline(a, row.date, through=row.date)
    s = tl.schedule
    return extension_options(row.act_by, s.natural(row.term + 1).end, s.natural(row.term).end, tl.approximate)


# The rule computing each decided row kind's options: a new kind of decision (an option to extend) is one entry.
OPTION_RULES: dict[DeadlineKind, Callable[[Deadline, Choices], tuple[Option, ...]]] = {
    DeadlineKind.NOTICE_DEADLINE: notice_options,
    DeadlineKind.OPTION_DEADLINE: option_to_extend_options,
    DeadlineKind.ADOPTION: adoption_options,
}


def options_of(row: Deadline, choices: Choices) -> tuple[Option, ...]:
    """A row's options (rule 16g): none for a kind without a rule."""
    rule = OPTION_RULES.get(row.kind)
    return rule(row, choices) if rule is not None else ()


def with_options(rows: Sequence[Deadline], choices: Choices) -> tuple[Deadline, ...]:
    """The rows, each carrying its options."""
    return tuple(replace(r, options=options_of(r, choices)) for r in rows)


# --------------------------------------------------------------------------- 16e. shown while decidable


def decision_reach(limit: date, leads: Iterable[Duration]) -> date:
    """The last day a deadline can lie on and still have its decision fall by `limit`: no later
    deadline's decide-by can (rows past it are never computed; rows before it that decide later are
    left out by the caller)."""
    return max((add(limit, lead) for lead in leads), default=limit) + REACH_MARGIN


# --------------------------------------------------------------------------- 16b. decisions needed now


def decisions_limit(as_of: date, meeting: date | None, until: date, meetings: Iterable[date]) -> date:
    """The last day a decision needed now may fall on: the end of the window or, when a meeting is known
    after this one (after the as-of date without one), the day of the first such (a decision due that day
    is too late to leave to it), whichever is later. With none known this may be the last meeting before
    a board must decide: a quarter past it."""
    later = [day for day in meetings if day > (meeting or as_of)]
    if later:
        return max(until, min(later))
    return max(until, (meeting or as_of) + NO_NEXT_MEETING)


def decisions_among(rows: Sequence[Deadline], as_of: date, limit: date) -> tuple[Deadline, ...]:
    """The rows whose deadline has not passed and whose decide-by falls by `limit` (late ones too) while
    someone is undecided or a notice was decided but not yet given, soonest decision first, then by
    deadline and id."""
    found = [r for r in rows if r.decide_by is not None and r.date >= as_of and r.decide_by <= limit
             and (r.undecided or notice_decided(r))]
    return tuple(sorted(found, key=lambda r: (r.decide_by, r.date, r.id)))


# --------------------------------------------------------------------------- 16 and 16d. meetings, since


def meeting_days(plans: Iterable[Workplan], body: str | None = None) -> list[date]:
    """The days of the plans' meetings of kind `meeting` (not conferences), of one body when given."""
    return [m.date.start for p in plans for m in p.meetings
            if m.kind == "meeting" and (body is None or p.body.casefold() == body.casefold())]


def next_meeting(days: Iterable[date], as_of: date) -> date | None:
    """The first meeting on or after the as-of date."""
    return min((d for d in days if d >= as_of), default=None)


def default_since(days: Iterable[date], as_of: date) -> date:
    """The last meeting before the as-of date, else 30 days before it."""
    return max((d for d in days if d < as_of), default=as_of - NO_MEETING_SINCE)


@dataclass(frozen=True)
class Renewed:
    """A notice deadline that passed in (since, as-of] without a notice in time: the agreement is bound
    for another term."""

    id: str
    title: str
    date: Day  # the notice deadline that passed
    term: int  # the term now certain
    binding_until: Day | None
    approximate: bool


def renewed(agreements: Sequence[Agreement], as_of: date, since: date, statuses: Mapping[str, AgreementStatus],
            groups: Mapping[str, Sequence[str]] | None = None,
            keep: Collection[str] | None = None) -> tuple[Renewed, ...]:
    """Each notice deadline in (since, as-of) that passed without a notice in time where the agreement
    goes on past that term (a known end after it, no supersession by the day after it), for the
    agreements in `keep` (None: all); by deadline, then id. On its own day a deadline has not passed
    (notice can still be given), and a deadline of a term two or more ahead counts as any other (a notice
    period longer than a term): the terms are looked up by their deadlines, not walked from today."""
    superseded, others = engine.supersessions(agreements), engine.by_id(agreements)
    found: list[Renewed] = []
    if as_of - since <= timedelta(days=1):
        return ()
    for a in agreements:
        if keep is not None and a.id not in keep:
            continue
        tl = engine.timeline_of(a, agreements, as_of, through=as_of, groups=groups, superseded=superseded,
                                others=others)
        s = tl.schedule
        for k in s.deadline_terms(since + timedelta(days=1), as_of - timedelta(days=1)):
            term = s.term(k)
            deadline = term.notice_deadline
            if deadline is None or term.end is None:
                continue
            if tl.final_end is not None and tl.final_end <= term.end:
                continue  # it ends with this term: notice was given in time, or it ends anyway
            if tl.superseded_on is not None and tl.superseded_on <= term.end + timedelta(days=1):
                continue
            status = statuses.get(a.id)
            found.append(Renewed(a.id, a.title, deadline, term.number + 1,
                                 status.binding_until if status else None, term.approximate))
    return tuple(sorted(found, key=lambda r: (r.date, r.id)))


# --------------------------------------------------------------------------- what ends, what happened since


@dataclass(frozen=True)
class Ending:
    """An agreement, or one party's participation (`party`), whose known last day falls in a window."""

    id: str
    title: str
    party: str | None
    last_day: Day
    reason: str  # notice, withdrawal, withdrawn (fewer than two remain), terminated, superseded, capped, fixed
    approximate: bool


def ending(agreements: Sequence[Agreement], as_of: date, until: date,
           groups: Mapping[str, Sequence[str]] | None = None, keep: Collection[str] | None = None) -> tuple[Ending, ...]:
    """Every agreement in `keep` (None: all) whose known last day is in [as-of, until], and every party's
    withdrawal whose last day is; by last day, then id and party."""
    superseded, others = engine.supersessions(agreements), engine.by_id(agreements)
    found: list[Ending] = []
    for a in agreements:
        if keep is not None and a.id not in keep:
            continue
        tl = engine.timeline_of(a, agreements, as_of, through=as_of, groups=groups, superseded=superseded,
                                others=others)
        for w in tl.withdrawals:
            if as_of <= w.last_day <= until:
                found.append(Ending(a.id, a.title, w.party, w.last_day, "withdrawal", tl.approximate))
        end = tl.final_end
        if end is None or not as_of <= end <= until:
            continue
        if tl.ended_by_withdrawals:
            reason = "withdrawn"
        elif tl.end_reason is not None and tl.end_reason != EndReason.FIXED:
            reason = tl.end_reason.value
        elif tl.option_lapsed:
            reason = "option_lapsed"
        else:
            reason = "capped" if a.renewal is not None and a.renewal.max is not None else "fixed"
        found.append(Ending(a.id, a.title, None, end, reason, tl.approximate))
    return tuple(sorted(found, key=lambda e: (e.last_day, e.id, e.party or "")))


@dataclass(frozen=True)
class Happened:
    """Something the register records as happened: a notice, withdrawal, termination, extension, decision,
    adoption or follow-up done."""

    date: Day
    kind: str  # notice, withdrawal, terminated, extended, decision, adoption, followup_done
    id: str
    title: str
    party: str | None = None
    decision: str | None = None  # a decision's: continue, notice, extend, adopt, revise
    reference: str | None = None


AGREEMENT_EVENTS = ("notice", "terminated", "extended", "decision", "followup_done")


def happened(agreements: Sequence[Agreement], plans: Sequence[Workplan], since: date, as_of: date,
             keep: Collection[str] | None = None) -> tuple[Happened, ...]:
    """What the register records in (since, as-of] (a coarse date counts as its last day): the agreements'
    notices (withdrawals under `notice.effect: withdrawal`), terminations, extensions, decision events and
    decisions, follow-ups done; the plans' adoptions (not proposals) and follow-ups done. By date, id."""
    found: list[Happened] = []

    def within(spec: Any) -> bool:
        return since < spec.end <= as_of

    for a in agreements:
        if keep is not None and a.id not in keep:
            continue
        withdrawal = a.notice is not None and a.notice.effect == "withdrawal"
        for e in a.events:
            if e.type in AGREEMENT_EVENTS and within(e.date):
                kind: str = "withdrawal" if e.type == "notice" and withdrawal else e.type
                found.append(Happened(e.date.end, kind, a.id, a.title, e.by, None, e.reference))
        for d in a.decisions:
            if d.stage == "adopted" and within(d.date):
                found.append(Happened(d.date.end, "decision", a.id, a.title, d.party, d.decision, d.reference))
    for p in plans:
        if keep is not None and p.id not in keep:
            continue
        for d in p.decisions:
            if d.stage == "adopted" and within(d.date):
                found.append(Happened(d.date.end, "adoption", p.id, p.title, d.party, d.decision or "adopt",
                                      d.reference))
        for pe in p.events:
            if pe.type in ("followup_done", "adopted") and within(pe.date):
                found.append(Happened(pe.date.end, "adoption" if pe.type == "adopted" else pe.type, p.id, p.title, None, None, pe.reference))
        for area in p.areas:  # assignments recorded done (their id where a registry number goes)
            for x in area.assignments:
                if x.done is not None and within(x.done):
                    found.append(Happened(x.done.end, "assignment_done", p.id, p.title, None, None, x.id))
    return tuple(sorted(found, key=lambda h: (h.date, h.id, h.kind, h.party or "")))
