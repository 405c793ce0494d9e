"""The agreement engine: status, deadlines and the full picture of agreements on a date (pure).

Every function takes group membership (`groups`: a mapping group id -> member ids, or the Group models)
for withdrawals under `notice.effect: withdrawal`; without it, a group counts as one party.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping, Sequence

from svo_cli.dates import ONE_DAY, previous_working_day
from svo_cli.i18n import Why, why
from svo_cli.kinds import ENDED, IN_FORCE, AgreementState, Coarse, DeadlineKind, EndReason, PeriodUnit, to_end_of_key
from svo_cli.model import Agreement
from svo_cli.obligations import (
    OVERDUE_LISTED,
    Deadline,
    Life,
    Occurrence,
    collect_occurrences,
    followup_rows,
    make_deadline,
    sort_key,
    unmatched_done,
    with_coarse,
)
from svo_cli.terms import (
    NumberedEvent,
    Supersession,
    Timeline,
    adopted_by,
    expand,
    group_members,
    numbered_events_until,
    supersessions,
    timeline,
)

__all__ = ["AgreementStatus", "Withdrawal", "Detail", "status_of", "state_of", "agreement_status", "statuses", "deadlines", "detail",
           "agreement_deadlines", "followup_occurrences", "timeline", "supersessions",
           "timeline_of"]


@dataclass(frozen=True)
class Withdrawal:
    party: str
    last_day: date


@dataclass(frozen=True)
class AgreementStatus:
    id: str
    title: str
    status: AgreementState
    term: int | None
    term_start: date | None
    term_end: date | None
    open_ended: bool
    ends_on: date | None
    notice_deadline: date | None
    approximate: bool
    binding_until: date | None = None  # the last day it is certain to be in force (None: not in force)
    withdrawn: tuple[Withdrawal, ...] = ()  # every withdrawal known on the date, past or future
    option_deadline: date | None = None  # renewal.option: the next last day to use the option (rule 2a)
    assumed: bool = False  # rests on a fact marked `assumed` in the data (set by the application layer)


def state_of(tl: Timeline) -> AgreementState:
    """The agreement's state on the timeline's date (status_of's `status`, without the rest of the row)."""
    as_of = tl.as_of
    if tl.superseded_on is not None and as_of >= tl.superseded_on:
        return AgreementState.SUPERSEDED
    if as_of < tl.start:
        return AgreementState.UPCOMING
    if tl.final_end is not None and as_of > tl.final_end:
        ended_by = tl.end_reason in (EndReason.NOTICE, EndReason.TERMINATED)
        return AgreementState.TERMINATED if ended_by else AgreementState.EXPIRED
    if tl.awaiting_adoption:
        return AgreementState.AWAITING_ADOPTION  # not in force until every principal has adopted it
    if tl.end_reason == EndReason.NOTICE:
        return AgreementState.NOTICE_GIVEN
    return AgreementState.ACTIVE


def status_of(tl: Timeline) -> AgreementStatus:
    as_of, a, s = tl.as_of, tl.agreement, tl.schedule
    status = state_of(tl)
    term = tl.term_on(as_of) if status in IN_FORCE else None
    if term is not None:
        open_ended = term.end is None
    else:
        open_ended = s.every is None and s.segments[-1].end is None and tl.final_end is None
    next_deadline = None
    if status not in ENDED:
        k = s.first_deadline_on_or_after(as_of)
        next_deadline = s.deadline(k) if k is not None else None
    option_deadline = next_deadline if tl.option else None
    if tl.option:
        next_deadline = None  # an option's deadline is not a notice deadline: silence ends it (rule 2a)
    return AgreementStatus(
        id=a.id, title=a.title, status=status,
        term=term.number if term else None,
        term_start=term.start if term and not (term.number == 1 and a.valid_from.unknown) else None,
        term_end=term.end if term else None,
        open_ended=open_ended,
        ends_on=tl.final_end,
        notice_deadline=next_deadline,
        approximate=tl.approximate,
        binding_until=binding_until(tl) if term is not None else None,
        withdrawn=tuple(Withdrawal(w.party, w.last_day) for w in tl.withdrawals),
        option_deadline=option_deadline,
    )


def binding_until(tl: Timeline) -> date | None:
    """The last day the agreement is certain to be in force, seen from the as-of date: the end of the
    first term whose notice deadline is still ahead (every earlier term is certain); the known end
    when no deadline is ahead; for an open-ended agreement, the day notice given today would end it.
    A coarse end counts as its earliest reading ("oktober 2022" is certain through 2022-10-01), and a
    `latest_end` cap only ever brings the day earlier (rule 6)."""
    as_of, s = tl.as_of, tl.schedule
    current = tl.term_on(as_of)
    if current is None:
        return None
    capped = tl.end_reason == EndReason.LATEST_END
    known = (s.final_end_earliest or tl.final_end) if tl.final_end is not None else None
    natural = s.natural(current.number)
    k = s.first_deadline_on_or_after(as_of)
    if k is not None:
        found = s.end_earliest_of(k)
    elif capped and natural.end is None:  # open-ended under a cap: notice given today, at most the cap
        found = s.rule.end_after(as_of) or as_of
    elif known is not None:
        found = known
    elif natural.end is None:  # open-ended: notice given today
        found = s.rule.end_after(as_of) or as_of
    else:  # renewing without a notice rule (or in the capped term): a notice today ends the current term
        found = natural.end_earliest
    if known is not None and found is not None:
        found = min(found, known)
    if tl.ends_with is not None and tl.ends_with.binding is not None and found is not None:
        found = min(found, tl.ends_with.binding)  # never certain longer than the agreement it ends with
    if found is not None and found < as_of:
        found = as_of  # in force today by a coarse end's latest reading: nothing later is certain
    return found


@dataclass(frozen=True)
class EndsWith:
    """The agreement another `ends_with` (rule 5a), as known on the as-of date: its id, its known last
    day (latest and earliest reading) and the day it is certain to be in force through."""

    other: str
    end: date | None
    end_earliest: date | None
    binding: date | None
    coarse: tuple[Coarse, ...] = ()


ENDS_WITH_DEPTH = 8  # a chain of ends_with followed at most this far (a loop is SVO236)


def ends_with_of(a: Agreement, others: Mapping[str, Agreement] | None, as_of: date,
                 superseded: Mapping[str, Supersession], groups: Any = None, depth: int = 0) -> EndsWith | None:
    """What the agreement a `ends_with` says on as_of (None: it names none, or one not in `others`)."""
    if a.ends_with is None or others is None or depth >= ENDS_WITH_DEPTH:
        return None
    other = others.get(a.ends_with)
    if other is None or other.id == a.id:
        return None
    inner = ends_with_of(other, others, as_of, superseded, groups, depth + 1)
    found = superseded.get(other.id)
    tl = timeline(other, as_of, since=as_of, groups=groups, superseded_on=found.day if found else None,
                  superseded_coarse=found.coarse if found else None, ends_with=inner,
                  window=False)  # its end and status come from the schedule
    earliest = (tl.schedule.final_end_earliest or tl.final_end) if tl.final_end is not None else None
    return EndsWith(other.id, tl.final_end, earliest, status_of(tl).binding_until, tuple(tl.final_coarse))


def by_id(agreements: Sequence[Agreement]) -> dict[str, Agreement] | None:
    """The agreements by id when one of them `ends_with` another (else None: nothing to look up)."""
    return {a.id: a for a in agreements} if any(a.ends_with for a in agreements) else None


def timeline_of(a: Agreement, agreements: Sequence[Agreement], as_of: date, through: date | None = None,
                since: date | None = None, groups: Any = None,
                superseded: Mapping[str, Supersession] | None = None,
                others: Mapping[str, Agreement] | None = None) -> Timeline:
    """One agreement's timeline, superseded by the others as they say, and ended with the one it
    `ends_with`. `superseded` (their supersessions) and `others` (`by_id` of them) are what a caller
    computing many timelines passes, computed once: each is a walk over every agreement."""
    superseded = supersessions(agreements) if superseded is None else superseded
    found = superseded.get(a.id)
    if a.ends_with and others is None:
        others = by_id(agreements)
    ends = ends_with_of(a, others if a.ends_with else None, as_of, superseded, groups)
    return timeline(a, as_of, through=through, since=since, groups=groups,
                    superseded_on=found.day if found else None, superseded_coarse=found.coarse if found else None,
                    ends_with=ends)


def agreement_status(a: Agreement, as_of: date, superseded: Mapping[str, Supersession],
                     groups: Any = None, others: Mapping[str, Agreement] | None = None) -> AgreementStatus:
    """One agreement's status on as_of, superseded as `superseded` (supersessions(all agreements)) says
    and ended with the one it `ends_with` among `others` (by id): the row `statuses` gives it, computed
    alone."""
    found = superseded.get(a.id)
    tl = timeline(a, as_of, since=as_of, groups=groups, superseded_on=found.day if found else None,
                  superseded_coarse=found.coarse if found else None,
                  ends_with=ends_with_of(a, others, as_of, superseded, groups),
                  window=False)  # status_of reads the schedule, not the list of terms
    return status_of(tl)


def statuses(agreements: Sequence[Agreement], as_of: date, groups: Any = None) -> list[AgreementStatus]:
    superseded = supersessions(agreements)
    others = by_id(agreements)
    return [agreement_status(a, as_of, superseded, groups, others) for a in agreements]


def followup_occurrences(tl: Timeline, through: date, as_of: date | None = None,
                         overdue_limit: int | None = None) -> tuple[list[Occurrence], list[NumberedEvent]]:
    """Follow-up occurrences of an agreement up to `through`, with done events applied (all of them;
    with as_of and overdue_limit, only the window, the done ones and the latest overdue ones), and the
    done events that matched none, with their places in `events`."""
    done_events = [n for n in numbered_events_until(tl.agreement, tl.as_of) if n.type == "followup_done"]
    return collect_occurrences(Life.of(tl), tl.agreement.followups, done_events, through, as_of, overdue_limit)


def followups_done_unmatched(tl: Timeline) -> list[NumberedEvent]:
    """The follow-up-done events (up to the timeline's day) that complete no occurrence, with their places
    in `events`: what `followup_occurrences` returns beside the occurrences, without listing them."""
    done_events = [n for n in numbered_events_until(tl.agreement, tl.as_of) if n.type == "followup_done"]
    return unmatched_done(Life.of(tl), tl.agreement.followups, done_events)


def _deadline(day: date, kind: DeadlineKind, a: Agreement, as_of: date, coarse: Sequence[Coarse], reason: Why,
              **extra: Any) -> Deadline:
    return make_deadline(day, kind, a.id, a.title, as_of, bool(coarse), with_coarse(reason, coarse), **extra)


def _end_reason(tl: Timeline) -> Why:
    a = tl.agreement
    if tl.ended_by_withdrawals:
        return why("reason_withdrawn")
    if tl.end_reason == EndReason.NOTICE:
        return why("reason_notice", date=tl.notice.date) if tl.notice else why("reason_notice_undated")
    if tl.end_reason == EndReason.TERMINATED:
        return why("reason_terminated_on", date=tl.terminated_on) if tl.terminated_on else why("reason_terminated")
    if tl.end_reason == EndReason.SUPERSEDED:
        return why("reason_superseded", date=tl.superseded_on)
    if tl.end_reason == EndReason.LATEST_END:
        return why("reason_latest_end", date=a.latest_end)
    if tl.end_reason == EndReason.ENDS_WITH:
        return why("reason_ends_with", id=a.ends_with)
    if tl.option_lapsed and tl.option_term is not None:
        return why("reason_option_lapsed", deadline=tl.schedule.natural_deadline(tl.option_term))
    if tl.option and a.renewal is not None and a.renewal.max is not None:
        return why("reason_option_capped", max=a.renewal.max)
    if a.renewal is not None and a.renewal.max is not None and a.valid_until is not None:
        return why("reason_capped", max=a.renewal.max)
    return why("reason_fixed")


def adoption_rows(tl: Timeline, until: date, groups: Any = None) -> list[Deadline]:
    """Rule 4e: each required principal that has not adopted the agreement is one `adoption` row (with
    `party`), due on the last day of `adoption.due`, overdue after it while the agreement has not ended."""
    a, as_of = tl.agreement, tl.as_of
    adoption = a.adoption
    if adoption is None or adoption.due is None:
        return []
    members = group_members(groups)
    adopted = adopted_by(a, as_of, members)
    due = adoption.due
    rows = []
    for party in sorted(expand(adoption.required, members)):
        if party in adopted:
            continue
        row = make_deadline(due.end, DeadlineKind.ADOPTION, a.id, a.title, as_of, due.approximate,
                            why("why_adoption", name=party, due=str(due)), party=party)
        if row.date <= until and (row.date >= as_of or state_of(tl) not in ENDED):
            rows.append(row)
    return rows


def agreement_deadlines(tl: Timeline, until: date, include_done: bool = False,
                        notices_until: date | None = None, groups: Any = None) -> list[Deadline]:
    """Notice deadlines, term ends and withdrawals in [as_of, until]; follow-ups due by `until` that are
    open (the latest overdue ones too, however old, with a count of earlier ones). With `notices_until`,
    notice deadlines through that day instead (a later day: the ones whose board decision can fall in
    the window; nothing else is computed past `until`)."""
    as_of, a, s = tl.as_of, tl.agreement, tl.schedule
    rows: list[Deadline] = []
    notice = a.notice
    written = why("written") if notice and notice.written else ""
    last = tl.option_term  # renewal.option: terms after it exist only if the option is used (rule 2a)
    for k in s.deadline_terms(as_of, until if notices_until is None else notices_until):
        if last is not None and k > last:
            break
        term = s.term(k)
        assert term.notice_deadline is not None and term.counted_from is not None
        if last is not None:
            rows.append(_option_deadline_row(tl, k, term.notice_deadline, term.counted_from))
            continue
        renews = why("renews_for", every=a.renewal.every) if a.renewal else why("ends")
        natural_end = s.natural(k).end
        if notice is not None and notice.before_end is not None:
            text = why("why_notice_deadline", written=written, term=k, term_end_earliest=term.counted_from,
                       before_end=notice.before_end, renews=renews, term_end=natural_end)
        else:
            to_end = why(to_end_of_key(PeriodUnit(notice.to_end_of))) if notice and notice.to_end_of else ""
            text = why("notice_deadline_period", written=written, term=k, term_end_earliest=term.counted_from,
                       period=notice.period if notice else None, to_end=to_end, renews=renews,
                       term_end=natural_end)
        rows.append(_deadline(term.notice_deadline, DeadlineKind.NOTICE_DEADLINE, a, as_of,
                              s.natural(k).end_coarse, text, term=k))
    for k in s.ending_terms(as_of, until):
        if last is not None and k > last:
            break
        term = s.term(k)
        end = term.end
        assert end is not None
        if tl.final_end is not None and end >= tl.final_end:
            text = why("term_end_expires", term=k, reason=_end_reason(tl))
            coarse = s.natural(k).end_coarse + tl.final_coarse
        elif last is not None:
            text = _option_term_end(tl, k, end)
            coarse = s.natural(k).end_coarse
        else:
            text = why("term_end_renews", term=k, end=end, every=a.renewal.every,  # type: ignore[union-attr]
                       next=end + ONE_DAY)
            coarse = s.natural(k).end_coarse
        rows.append(_deadline(end, DeadlineKind.TERM_END, a, as_of, coarse, text, term=k))
    for w in tl.withdrawals:
        if as_of <= w.last_day <= until:
            rows.append(_deadline(w.last_day, DeadlineKind.WITHDRAWAL, a, as_of, w.coarse,
                                  why("why_withdrawal", party=w.party, date=w.date, last=w.last_day, term=w.term),
                                  term=w.term, party=w.party))
    occs, _ = followup_occurrences(tl, until, as_of=as_of, overdue_limit=OVERDUE_LISTED)
    rows += followup_rows(occs, a.id, a.title, as_of, include_done)
    return rows + adoption_rows(tl, until, groups)


def _option_deadline_row(tl: Timeline, k: int, day: date, counted_from: date) -> Deadline:
    """The last day to use the option to extend term k (rule 2a)."""
    a, s = tl.agreement, tl.schedule
    option, renewal = a.renewal.option, a.renewal  # type: ignore[union-attr]
    assert option is not None and renewal is not None
    end = s.natural(k).end
    left = renewal.max - (k - 1) if renewal.max is not None else None
    rule = (why("option_rule_before", term_end_earliest=counted_from, before_end=option.before_end)
            if option.before_end is not None else why("option_rule_end", term_end_earliest=counted_from))
    text = why("why_option_deadline", term=k, every=renewal.every, rule=rule, term_end=end,
               left=why("option_left", n=left) if left is not None else "")
    return _deadline(day, DeadlineKind.OPTION_DEADLINE, a, tl.as_of, s.natural(k).end_coarse, text, term=k)


def _option_term_end(tl: Timeline, k: int, end: date) -> Why:
    """A term's end under an option to extend: extended by a use on record, or ending unless used."""
    a, s = tl.agreement, tl.schedule
    use = next((u for u in tl.option_uses if u.term == k), None)
    every = a.renewal.every  # type: ignore[union-attr]
    if use is not None:
        return why("term_end_option_used", term=k, end=end, used=use.date, every=every, next=end + ONE_DAY)
    return why("term_end_option_open", term=k, end=end, deadline=s.deadline(k), every=every)


def deadlines(agreements: Sequence[Agreement], as_of: date, until: date, groups: Any = None,
              notices_until: date | None = None) -> list[Deadline]:
    """Every dated obligation in [as_of, until] plus what is overdue under agreements still in force
    (or upcoming), soonest first; notice deadlines through `notices_until` when it is given."""
    superseded = supersessions(agreements)
    others = by_id(agreements)
    rows: list[Deadline] = []
    for a in agreements:
        found = superseded.get(a.id)
        tl = timeline(a, as_of, through=as_of, since=as_of, groups=groups,
                      superseded_on=found.day if found else None,
                      superseded_coarse=found.coarse if found else None,
                      ends_with=ends_with_of(a, others, as_of, superseded, groups),
                      window=False)  # the rows come from the schedule: no list of terms is read
        rows_found = agreement_deadlines(tl, until, notices_until=notices_until, groups=groups)
        if state_of(tl) in ENDED:
            # Nothing can be followed up under an agreement that is no longer in force.
            rows_found = [d for d in rows_found if d.date >= as_of]
        rows += rows_found
    return sorted(rows, key=sort_key)


# --------------------------------------------------------------------------- one agreement


@dataclass(frozen=True)
class Detail:
    agreement: Agreement
    status: AgreementStatus
    timeline: Timeline
    deadlines: tuple[Deadline, ...]  # overdue, done and coming (through `until`)
    notice_act_by: dict[int, date]


def detail(agreements: Sequence[Agreement], agreement_id: str, as_of: date, until: date,
           groups: Any = None) -> Detail | None:
    """Everything about one agreement on as_of: status, terms through `until`, deadlines, follow-ups."""
    found = next((a for a in agreements if a.id == agreement_id), None)
    return detail_of(found, agreements, as_of, until, groups) if found is not None else None


def detail_of(found: Agreement, agreements: Sequence[Agreement], as_of: date, until: date, groups: Any = None,
              superseded: Mapping[str, Supersession] | None = None,
              others: Mapping[str, Agreement] | None = None) -> Detail:
    """`detail` of an agreement the caller has found, with the lookups of `timeline_of` when it has them."""
    tl = timeline_of(found, agreements, as_of, through=until, groups=groups, superseded=superseded, others=others)
    rows = sorted(agreement_deadlines(tl, until, include_done=True, groups=groups), key=lambda d: (d.date, d.kind))
    act_by = {t.number: previous_working_day(t.notice_deadline) for t in tl.terms if t.notice_deadline}
    return Detail(found, status_of(tl), tl, tuple(rows), act_by)
