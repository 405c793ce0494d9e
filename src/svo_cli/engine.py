"""The agreement engine: status, deadlines and the full picture of agreements on a date (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Sequence

from svo_cli.dates import ONE_DAY, previous_working_day
from svo_cli.i18n import Why, why
from svo_cli.kinds import ENDED, AgreementState, DeadlineKind, EndReason
from svo_cli.model import Agreement, Event
from svo_cli.obligations import (
    Deadline,
    Life,
    Occurrence,
    collect_occurrences,
    followup_rows,
    make_deadline,
    sort_key,
)
from svo_cli.terms import Timeline, _events_until, superseded_dates, timeline


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


def status_of(tl: Timeline) -> AgreementStatus:
    as_of, a = tl.as_of, tl.agreement
    if tl.superseded_on is not None and as_of >= tl.superseded_on:
        status = AgreementState.SUPERSEDED
    elif as_of < tl.start:
        status = AgreementState.UPCOMING
    elif tl.final_end is not None and as_of > tl.final_end:
        status = AgreementState.TERMINATED if tl.end_reason == EndReason.TERMINATED else AgreementState.EXPIRED
    elif tl.end_reason == EndReason.NOTICE:
        status = AgreementState.NOTICE_GIVEN
    else:
        status = AgreementState.ACTIVE
    term = tl.term_on(as_of) if status in (AgreementState.ACTIVE, AgreementState.NOTICE_GIVEN) else None
    open_ended = (term.end is None) if term else (tl.terms[-1].end is None and tl.final_end is None)
    next_deadline = None
    if tl.end_reason not in (EndReason.NOTICE, EndReason.TERMINATED) and status != AgreementState.SUPERSEDED:
        next_deadline = next((t.notice_deadline for t in tl.terms
                              if t.notice_deadline is not None and t.notice_deadline >= as_of
                              and (tl.superseded_on is None or t.notice_deadline < tl.superseded_on)), None)
    return AgreementStatus(
        id=a.id, title=a.title, status=status,
        term=term.number if term else None,
        term_start=term.start if term else None,
        term_end=term.end if term else None,
        open_ended=open_ended,
        ends_on=tl.final_end,
        notice_deadline=next_deadline,
        approximate=tl.approximate,
    )


def statuses(agreements: Sequence[Agreement], as_of: date) -> list[AgreementStatus]:
    superseded = superseded_dates(agreements)
    return [status_of(timeline(a, as_of, superseded_on=superseded.get(a.id))) for a in agreements]


def followup_occurrences(tl: Timeline, through: date) -> tuple[list[Occurrence], list[Event]]:
    """Every follow-up occurrence of an agreement up to `through`, with done events applied."""
    done_events = [e for e in _events_until(tl.agreement, tl.as_of) if e.type == "followup_done"]
    return collect_occurrences(Life.of(tl), tl.agreement.followups, done_events, through)


def _deadline(day: date, kind: DeadlineKind, a: Agreement, as_of: date, approximate: bool, reason: Why,
              **extra: Any) -> Deadline:
    return make_deadline(day, kind, a.id, a.title, as_of, approximate, reason, **extra)


def agreement_deadlines(tl: Timeline, until: date, include_done: bool = False) -> list[Deadline]:
    """Notice deadlines and term ends in [as_of, until]; follow-ups due by `until` that are open
    (overdue ones included, however old)."""
    as_of, a = tl.as_of, tl.agreement
    rows: list[Deadline] = []
    before_end = a.notice.before_end if a.notice else None
    for term in tl.terms:
        if tl.final_end is not None and term.start > tl.final_end:
            break
        nd = term.notice_deadline
        if (nd is not None and as_of <= nd <= until and tl.end_reason not in (EndReason.NOTICE, EndReason.TERMINATED)
                and (tl.superseded_on is None or nd < tl.superseded_on)):
            renews = why("renews_for", every=a.renewal.every) if a.renewal and tl.end_reason is None else why("ends")
            written = why("written") if a.notice and a.notice.written else ""
            rows.append(_deadline(
                nd, DeadlineKind.NOTICE_DEADLINE, a, as_of, term.approximate,
                why("notice_deadline", written=written, term=term.number, term_end_earliest=term.end_earliest,
                    before_end=before_end, renews=renews, term_end=term.end),
                term=term.number))
        end = term.end
        if end is not None and as_of <= end <= until:
            final = tl.final_end is not None and end >= tl.final_end
            if final:
                reason = {
                    EndReason.NOTICE: (why("reason_notice", date=tl.notice.date) if tl.notice
                                       else why("reason_notice_undated")),
                    EndReason.TERMINATED: why("reason_terminated"),
                    EndReason.SUPERSEDED: why("reason_superseded", date=tl.superseded_on),
                    EndReason.FIXED: why("reason_fixed"),
                }[tl.end_reason or EndReason.FIXED]
                text = why("term_end_expires", term=term.number, reason=reason)
            else:
                text = why("term_end_renews", term=term.number, end=end,
                           every=a.renewal.every, next=end + ONE_DAY)  # type: ignore[union-attr]
            rows.append(_deadline(end, DeadlineKind.TERM_END, a, as_of, term.approximate, text, term=term.number))
    occs, _ = followup_occurrences(tl, until)
    rows += followup_rows(occs, a.id, a.title, as_of, include_done)
    return rows


def deadlines(agreements: Sequence[Agreement], as_of: date, until: date) -> list[Deadline]:
    """Every dated obligation in [as_of, until] plus everything overdue under agreements still in
    force (or upcoming), soonest first."""
    superseded = superseded_dates(agreements)
    rows: list[Deadline] = []
    for a in agreements:
        tl = timeline(a, as_of, through=until, superseded_on=superseded.get(a.id))
        found = agreement_deadlines(tl, until)
        if status_of(tl).status in ENDED:
            # Nothing can be followed up under an agreement that is no longer in force.
            found = [d for d in found if d.date >= as_of]
        rows += found
    return sorted(rows, key=sort_key)



# --------------------------------------------------------------------------- one agreement


@dataclass(frozen=True)
class Detail:
    agreement: Agreement
    status: AgreementStatus
    timeline: Timeline
    deadlines: tuple[Deadline, ...]  # overdue, done and coming (through `until`)
    notice_act_by: dict[int, date]


def detail(agreements: Sequence[Agreement], agreement_id: str, as_of: date, until: date) -> Detail | None:
    """Everything about one agreement on as_of: status, terms through `until`, deadlines, follow-ups."""
    found = next((a for a in agreements if a.id == agreement_id), None)
    if found is None:
        return None
    superseded = superseded_dates(agreements)
    tl = timeline(found, as_of, through=until, superseded_on=superseded.get(found.id))
    rows = sorted(agreement_deadlines(tl, until, include_done=True), key=lambda d: (d.date, d.kind))
    act_by = {t.number: previous_working_day(t.notice_deadline) for t in tl.terms if t.notice_deadline}
    return Detail(found, status_of(tl), tl, tuple(rows), act_by)
