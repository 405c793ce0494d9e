"""One function per command: a request in, a result out (the CLI picks the renderer and writes)."""

from __future__ import annotations

import difflib
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Sequence

from svo_cli import engine, minutes, obligations, workplans
from svo_cli.app.loading import ERRORS, EVERYTHING, Checked, load
from svo_cli.app.pack import assumption_reasons, sources_of
from svo_cli.app.requests import CALENDAR_WITHIN_DAYS, MeetingWindow, Request, UsageProblem, Window, window_end
from svo_cli.app.results import (
    AgreementResult,
    CalendarResult,
    CheckResult,
    DeadlinesResult,
    MinutesResult,
    PlanResult,
    PlansResult,
    ReportResult,
    StatusResult,
    TimelineResult,
    sections_of,
)
from svo_cli.app.rows import (
    Lookups,
    default_since,
    ending,
    happened,
    mark_assumed,
    meeting_window,
    renewed,
    rows_in,
    since_body,
    window_and_decisions,
    with_decisions,
)
from svo_cli.app.views import (
    agreement_statuses,
    check_filters,
    deadline_order,
    groups_of,
    kept,
    kept_ids,
    meeting_body,
    names_of,
    ordered_progress,
    plan_status,
    plan_statuses,
    source_line,
    terms_assumed,
    timeline_picture,
)
from svo_cli.decisions import notice_decided
from svo_cli.kinds import DeadlineState
from svo_cli.obligations import check_order, counts


def _load_for(request: Request, checks: str = ERRORS) -> Checked:
    loaded = load(request, checks)
    check_filters(loaded.dataset, request.filters)
    return loaded


def status(request: Request) -> StatusResult:
    loaded = _load_for(request)
    return StatusResult(request.as_of, loaded.findings,
                        kept(agreement_statuses(loaded.dataset, request.as_of), loaded.dataset, request.filters))


def deadlines(request: Request, window: Window) -> DeadlinesResult:
    until = window_end(request.as_of, window)
    loaded = _load_for(request)
    rows, people = rows_in(loaded, request, until, decisions_ahead=True)
    return DeadlinesResult(request.as_of, loaded.findings, until, rows, counts(people), people,
                           names_of(loaded.dataset))


def plans(request: Request) -> PlansResult:
    loaded = _load_for(request)
    rows = kept(plan_statuses(loaded.dataset, request.as_of), loaded.dataset, request.filters)
    return PlansResult(request.as_of, loaded.findings, rows, names_of(loaded.dataset))


def check(request: Request, window: MeetingWindow, since: date | None = None, pack: bool = False) -> CheckResult:
    """The meeting's questions: which decisions must be taken now, what is overdue, what falls due by the
    meeting and until the next one, what ends, and what renewed silently or was recorded since the last
    meeting. For the Word pack (`pack`), also what the data's changes since then did (git) and the
    steering-documents appendix."""
    loaded = _load_for(request, EVERYTHING)
    dataset, day = loaded.dataset, request.as_of
    span = meeting_window(dataset, day, window, request.filters.body)
    meeting, until = span.meeting, span.until
    since, since_meeting = ((since, True) if since is not None
                            else default_since(dataset, day, request.filters.body))
    if since > day:
        raise UsageProblem("since_after", since=since.isoformat(), date=day.isoformat())
    rows, people, ahead = window_and_decisions(loaded, request, meeting, until)
    order = deadline_order(dataset)
    rows, people = tuple(check_order(rows, order)), tuple(check_order(people, order))
    warnings = tuple(d for d in loaded.findings if not d.is_error)
    return CheckResult(day, loaded.findings, until, meeting, sections_of(rows, people, meeting), warnings,
                       counts(people), since, ahead, renewed(loaded, request, since), names_of(dataset),
                       window=span.reason, next_meeting=span.next_meeting,
                       ending=ending(loaded, request, until), since_events=happened(loaded, request, since),
                       since_meeting=since_meeting, body=meeting_body(dataset, meeting, request.filters.body),
                       since_body=since_body(dataset, since, since_meeting),
                       sources=sources_of(dataset), reasons=assumption_reasons((*ahead, *people), dataset, day),
                       returning=returning(loaded, request, meeting), has_minutes=bool(dataset.minutes),
                       minutes_ids=tuple(m.id for m in dataset.minutes_models()),
                       **(_pack_parts(request, loaded, since) if pack else {}))


def returning(loaded: Checked, request: Request, meeting: date | None) -> tuple[minutes.Returning, ...]:
    """The meetings' matters returning to this meeting (rule 23), in the view: minutes of --body, items
    whose owner contains --responsible; none under --kind (agreements only)."""
    dataset = loaded.dataset
    keep = kept_ids(dataset, request.filters)
    needle = (request.filters.responsible or "").casefold()
    states = [s for s in minutes.item_states(dataset.minutes_models(), dataset.workplan_models(), request.as_of)
              if (keep is None or s.minutes.id in keep) and needle in (s.owner or "").casefold()]
    return tuple(minutes.returning(states, meeting, request.as_of))


def _pack_parts(request: Request, loaded: Checked, since: date) -> dict[str, object]:
    """What only the Word pack shows: the changes since `since` (app/history.py) and the appendix."""
    from svo_cli.app.history import since_day
    from svo_cli.app.steering import SteeringResult, steering_rows

    rows, left = steering_rows(loaded, request.as_of, request.lang)
    return {"changes": since_day(request, since),
            "register": SteeringResult(request.as_of, (), kept(rows, loaded.dataset, request.filters), left)}


def calendar(request: Request, window: Window, remind: int | tuple[int, ...] | None = None,
             on: str = "act-by") -> CalendarResult:
    """Every obligation of the window as an event on its act-by day, and for each row that needs the
    boards' decisions an event on its decide-by day while someone is undecided (under --party, while that
    party is: its own feed leaves out what it has decided)."""
    until = window_end(request.as_of, window, CALENDAR_WITHIN_DAYS)
    loaded = _load_for(request)
    dataset = loaded.dataset
    sources = {a.id: source_line(a.source, dataset) for a in dataset.agreement_models()}
    sources.update({p.id: source_line(p.source, dataset) for p in dataset.workplan_models()})
    sources.update({m.id: source_line(m.source, dataset) for m in dataset.minutes_models()})
    _, people = rows_in(loaded, request, until, decisions_ahead=True)
    people = tuple(d for d in people if d.status != DeadlineState.UNRECORDED)  # nothing to act on (rule 8b)
    party = request.filters.party
    wanted = set(groups_of(dataset).get(party, ())) | {party} if party else None
    deciding = tuple(d for d in people if d.decide_by is not None and d.decide_by <= until
                     and (d.undecided or notice_decided(d))
                     and (wanted is None or wanted & set(d.undecided) or wanted & {x.party for x in d.decided
                                                                                      if x.decision == "notice"}))
    return CalendarResult(request.as_of, loaded.findings, until, people, remind, sources, on, deciding,
                          names_of(dataset))


PAST = (DeadlineState.OVERDUE, DeadlineState.UNRECORDED)  # the report's rows that are not coming


def report(request: Request, window: MeetingWindow, pack: bool = False) -> ReportResult:
    """The meeting report; for its Word document (`pack`), as the check's, what the data's changes since the
    last meeting did (git) and the steering-documents appendix."""
    loaded = _load_for(request)
    dataset, day = loaded.dataset, request.as_of
    span = meeting_window(dataset, day, window, request.filters.body)
    meeting, until = span.meeting, span.until
    _, people, ahead = window_and_decisions(loaded, request, meeting, until)
    items = tuple(check_order(people, deadline_order(dataset)))
    picture_end = date(day.year + 3, 12, 31)
    picture = timeline_picture(dataset, day, date(day.year - 4, 1, 1), picture_end, False)
    since, since_meeting = default_since(dataset, day, request.filters.body)
    return ReportResult(day, loaded.findings, until, meeting, items,
                        kept(agreement_statuses(dataset, day), dataset, request.filters),
                        kept(plan_statuses(dataset, day), dataset, request.filters), picture, names_of(dataset),
                        overdue=tuple(d for d in items if d.status == DeadlineState.OVERDUE),
                        coming=tuple(d for d in items if d.status not in PAST
                                     and (meeting is None or d.date <= meeting)),
                        after=tuple(d for d in items if d.status not in PAST
                                    and meeting is not None and d.date > meeting),
                        unrecorded=tuple(d for d in items if d.status == DeadlineState.UNRECORDED),
                        decisions=ahead, renewed=renewed(loaded, request, since),
                        since=since, body=meeting_body(dataset, meeting, request.filters.body),
                        window=span.reason, next_meeting=span.next_meeting, ending=ending(loaded, request, until),
                        since_events=happened(loaded, request, since), since_meeting=since_meeting,
                        since_body=since_body(dataset, since, since_meeting),
                        sources=sources_of(dataset), reasons=assumption_reasons((*ahead, *items), dataset, day),
                        **(_pack_parts(request, loaded, since) if pack else {}))


def timeline(request: Request, years_back: int, years_ahead: int, include_ended: bool) -> TimelineResult:
    loaded = load(request)
    day = request.as_of
    start, end = date(day.year - years_back, 1, 1), date(day.year + years_ahead, 12, 31)
    return TimelineResult(day, loaded.findings, timeline_picture(loaded.dataset, day, start, end, include_ended))


# Findings that mean a file or directory was not read at all (whatever it holds is unknown).
UNREAD_CODES = frozenset({"SVO001", "SVO009", "SVO301", "SVO302", "SVO304"})


def show(request: Request, item_id: str, years: int) -> AgreementResult | PlanResult | MinutesResult:
    """One agreement or work plan in full, `years` ahead."""
    loaded = load(request)
    return _show(loaded, item_id, years, Lookups(loaded.dataset, request.as_of))


def show_each(request: Request, groups: Sequence[Sequence[str]], years: int) -> tuple[tuple[
        AgreementResult | PlanResult | MinutesResult, ...], ...]:
    """`show` of each item, by group of ids (from the data: `svo site`'s agreements, plans and minutes), the
    register read and looked up once."""
    loaded = load(request)
    known = Lookups(loaded.dataset, request.as_of)
    return tuple(tuple(_show(loaded, item_id, years, known) for item_id in ids) for ids in groups)


def _show(loaded: Checked, item_id: str, years: int, known: Lookups) -> AgreementResult | PlanResult | MinutesResult:
    dataset, day = loaded.dataset, known.as_of
    end = day + timedelta(days=365 * years)
    held = known.minutes.get(item_id)
    if held is not None:
        return show_minutes(loaded, held, day)
    plan = known.plan.get(item_id)
    if plan is not None:
        rows = obligations.check_order(workplans.plan_deadlines(plan, dataset.groups, dataset.parties, day, end),
                                       deadline_order(dataset))
        rows = with_decisions(mark_assumed(rows, dataset, day, known), dataset, day, known)
        return PlanResult(day, loaded.findings, plan, plan_status(plan, dataset, day),
                          ordered_progress(workplans.adoption_progress(plan, dataset.groups, day), dataset),
                          tuple(workplans.meeting_deadlines(plan)), tuple(rows), names_of(dataset),
                          source_line(plan.source, dataset))
    agreements = known.agreements
    agreement = known.agreement.get(item_id)
    found = engine.detail_of(agreement, agreements, day, end, groups_of(dataset), known.superseded,
                             known.others) if agreement is not None else None
    if found is not None:
        marked = with_decisions(mark_assumed(found.deadlines, dataset, day, known), dataset, day, known)
        # the status row as `svo status` gives it, marked when its terms rest on an assumption
        found = replace(found, deadlines=tuple(marked),
                        status=replace(found.status, assumed=terms_assumed(found.agreement, day)))
    if found is None:
        broken = [d.path for d in loaded.findings if d.is_error and Path(d.path).stem == item_id]
        if broken:
            raise UsageProblem("id_unreadable", id=item_id, path=broken[0])
        errors = [d for d in loaded.findings if d.is_error and d.code in UNREAD_CODES]
        if errors:  # files or directories left unread may hold the id: say so (exit 1), not "no such id"
            first = errors[0]
            raise UsageProblem("no_such_id_data_errors", id=item_id, n=len(errors),
                               first=f"{first.location()}: {first.code} {first.message}")
    if found is None:
        ids = [a.id for a in agreements] + [p.id for p in dataset.workplan_models()]
        ids += [m.id for m in dataset.minutes_models()]
        close = [i for i in ids if item_id.lower() in i][:3] or difflib.get_close_matches(item_id, ids, n=3)
        raise UsageProblem("no_such_id_close" if close else "no_such_id", id=item_id, close=", ".join(close))
    names = {**names_of(dataset), **{g.id: g.name for g in dataset.groups}}
    return AgreementResult(day, loaded.findings, found, source_line(found.agreement.source, dataset), names)


def show_minutes(loaded: Checked, held: Any, day: date) -> MinutesResult:
    """One meeting's minutes: its items where they stand on the date, with their follow-up chains, and what
    it said about earlier meetings' items."""
    dataset = loaded.dataset
    models, plans = dataset.minutes_models(), dataset.workplan_models()
    states = minutes.item_states(models, plans, max(day, held.date.start))
    by_key = {s.key: s for s in states}
    own = tuple(s for s in states if s.minutes.id == held.id)
    follows = []
    for item in held.items:
        if item.follows is not None:
            root = minutes.resolve_follows(models, item.follows)
            follows.append((item, by_key.get(f"{root[0].id}/{root[1].id}") if root else None))
    following = minutes.next_meeting(minutes.meeting_days(models, plans, held.body), held.date.start)
    return MinutesResult(day, loaded.findings, held, own, tuple(follows), following,
                         source_line(held.source, dataset))
