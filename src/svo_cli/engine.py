"""Rules engine: terms, status, notice deadlines and follow-ups of agreements on a date (pure)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Iterable, Sequence

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
from svo_cli.i18n import Why, explain, why
from svo_cli.model import Agreement, Event, Followup

# Status values (stable: they appear in JSON).
UPCOMING, ACTIVE, NOTICE_GIVEN = "upcoming", "active", "notice_given"
EXPIRED, TERMINATED, SUPERSEDED = "expired", "terminated", "superseded"
STATUSES = (UPCOMING, ACTIVE, NOTICE_GIVEN, EXPIRED, TERMINATED, SUPERSEDED)

# Deadline kinds and states.
NOTICE_DEADLINE, TERM_END, FOLLOWUP = "notice_deadline", "term_end", "followup"
OVERDUE, DUE, UPCOMING_DEADLINE, DONE = "overdue", "due", "upcoming", "done"

MAX_TERMS = 2000
MANDATE_PERIOD = Duration(years=4, days=1, text="4 years")  # a guard: 2,000 renewals is beyond any real agreement's life


@dataclass(frozen=True)
class Term:
    number: int
    start: date
    end: date | None  # last day in force, latest reading of a coarse date; None = open-ended
    end_earliest: date | None  # earliest reading of the same end, for counting deadlines back
    notice_deadline: date | None
    approximate: bool


@dataclass(frozen=True)
class NoticeGiven:
    date: date
    by: str | None
    late: bool  # given after the current term's notice deadline: takes effect a term later
    effective_term: int


@dataclass(frozen=True)
class Timeline:
    """An agreement's terms as known on `as_of` (events after as_of have not happened yet)."""

    agreement: Agreement
    as_of: date
    start: date  # first day in force (earliest reading of valid_from)
    terms: tuple[Term, ...]
    final_end: date | None  # last day in force, when known
    end_reason: str | None  # fixed | notice | terminated | superseded
    notice: NoticeGiven | None
    superseded_on: date | None  # first day superseded by a newer agreement
    approximate: bool

    def term_on(self, day: date) -> Term | None:
        """The term in force on day, or None."""
        if day < self.start or (self.final_end is not None and day > self.final_end):
            return None
        for term in self.terms:
            if term.start <= day and (term.end is None or day <= term.end):
                return term
        return None


# --------------------------------------------------------------------------- terms


def _events_until(agreement: Agreement, as_of: date) -> list[Event]:
    """Events that have happened by as_of, in date order (stable for equal dates)."""
    return sorted((e for e in agreement.events if e.date.end <= as_of), key=lambda e: e.date.end)


class _TermBuilder:
    """Builds the term sequence; every renewal term is computed from its anchor, never chained."""

    def __init__(self, agreement: Agreement):
        self.agreement = agreement
        self.before_end = agreement.notice.before_end if agreement.notice else None
        self.every = agreement.renewal.every if agreement.renewal and agreement.valid_until else None
        until = agreement.valid_until
        first = self._term(1, agreement.valid_from.start, until.end if until else None,
                           until.start if until else None,
                           agreement.valid_from.approximate or bool(until and until.approximate))
        self.terms: list[Term] = [first]
        self._anchor_at(first)
        self.final_end: date | None = None
        self.end_reason: str | None = None
        if until is not None and self.every is None:
            self.final_end, self.end_reason = first.end, "fixed"

    def _term(self, number: int, start: date, end: date | None, end_earliest: date | None,
              approximate: bool) -> Term:
        deadline = None
        if self.before_end is not None and end_earliest is not None:
            deadline = subtract(end_earliest, self.before_end)
        return Term(number, start, end, end_earliest, deadline, approximate)

    def _anchor_at(self, term: Term) -> None:
        self.anchor_index = len(self.terms)
        self.anchor_latest = term.end + ONE_DAY if term.end else None
        self.anchor_earliest = term.end_earliest + ONE_DAY if term.end_earliest else None
        self.anchor_approximate = term.approximate

    def can_renew(self) -> bool:
        last = self.terms[-1]
        return (self.every is not None and self.final_end is None and last.end is not None
                and len(self.terms) < MAX_TERMS)

    def renew(self) -> Term:
        assert self.every is not None and self.anchor_latest and self.anchor_earliest
        n = len(self.terms) - self.anchor_index  # renewal terms since the anchor
        start = shift(self.anchor_latest, self.every, n)
        end = shift(self.anchor_latest, self.every, n + 1) - ONE_DAY
        end_earliest = shift(self.anchor_earliest, self.every, n + 1) - ONE_DAY
        term = self._term(len(self.terms) + 1, start, end, end_earliest, self.anchor_approximate)
        self.terms.append(term)
        return term

    def ensure_through(self, day: date) -> None:
        while self.can_renew() and self.terms[-1].end < day:  # type: ignore[operator]
            self.renew()

    def index_on(self, day: date) -> int:
        """Index of the term containing day (the first term for days before the start)."""
        self.ensure_through(day)
        for i, term in enumerate(self.terms):
            if term.end is None or day <= term.end:
                return i
        return len(self.terms) - 1

    def truncate_after(self, index: int) -> None:
        del self.terms[index + 1:]

    # ----------------------------------------------------------------- events

    def notice(self, event: Event) -> NoticeGiven | None:
        if self.end_reason in ("notice", "terminated"):
            return None  # the end is already fixed; a second notice changes nothing
        day = event.date.end  # a coarse date counts as its latest day: never "in time" by accident
        i = self.index_on(day)
        term = self.terms[i]
        if term.end is None:  # open-ended: in force through day + notice period
            period = self.agreement.notice.period if self.agreement.notice else None
            end = add(day, period) if period else day
            self.terms[i] = replace(term, end=end, end_earliest=end)
            self.final_end, self.end_reason = end, "notice"
            return NoticeGiven(day, event.by, False, term.number)
        late = False
        effective = i
        if term.notice_deadline is not None:
            late = day > term.notice_deadline
        else:
            period = self.agreement.notice.period if self.agreement.notice else None
            if period is not None:  # no before_end: the first term ending on/after day + period
                while self.terms[effective].end < add(day, period) and self.can_renew():  # type: ignore[operator]
                    if effective == len(self.terms) - 1:
                        self.renew()
                    effective += 1
        if late and self.every is not None:
            if effective == len(self.terms) - 1:
                self.renew()
            effective += 1
        self.truncate_after(effective)
        self.final_end, self.end_reason = self.terms[effective].end, "notice"
        return NoticeGiven(day, event.by, late, self.terms[effective].number)

    def extended(self, event: Event) -> None:
        assert event.until is not None
        i = self.index_on(event.date.end)
        term = self.terms[i]
        self.terms[i] = self._term(term.number, term.start, event.until.end, event.until.start,
                                   term.approximate or event.until.approximate)
        self.truncate_after(i)
        self._anchor_at(self.terms[i])
        if self.end_reason == "notice" or self.every is None:
            self.final_end = self.terms[i].end
            self.end_reason = self.end_reason or "fixed"
        else:
            self.final_end, self.end_reason = None, None

    def terminated(self, event: Event) -> None:
        day = event.date.end
        i = self.index_on(day)
        self.terms[i] = replace(self.terms[i], end=day, end_earliest=event.date.start, notice_deadline=None)
        self.truncate_after(i)
        self.final_end, self.end_reason = day, "terminated"


def timeline(agreement: Agreement, as_of: date, through: date | None = None,
             superseded_on: date | None = None) -> Timeline:
    """The agreement's terms as known on as_of, generated at least through `through`
    (default as_of) and one renewal beyond, so the next notice deadline is known."""
    builder = _TermBuilder(agreement)
    notice: NoticeGiven | None = None
    for event in _events_until(agreement, as_of):
        if event.type == "notice":
            notice = builder.notice(event) or notice
        elif event.type == "extended":
            builder.extended(event)
        elif event.type == "terminated":
            builder.terminated(event)
    horizon = through if through is not None else as_of
    if superseded_on is not None:
        horizon = min(horizon, superseded_on)
    builder.ensure_through(horizon)
    if builder.can_renew() and builder.terms[-1].end is not None and builder.terms[-1].end >= horizon:
        builder.renew()  # one term beyond: its notice deadline may be the next one
    terms = builder.terms
    final_end, end_reason = builder.final_end, builder.end_reason
    if superseded_on is not None and (final_end is None or superseded_on <= final_end):
        if superseded_on > agreement.valid_from.start:
            final_end, end_reason = superseded_on - ONE_DAY, "superseded"
            terms = [t for t in terms if t.start <= final_end]
            last = terms[-1]
            if last.end is None or last.end > final_end:
                terms[-1] = replace(last, end=final_end, end_earliest=final_end)
        else:
            final_end, end_reason = superseded_on - ONE_DAY, "superseded"
    approximate = any(t.approximate for t in terms)
    return Timeline(agreement, as_of, agreement.valid_from.start, tuple(terms), final_end,
                    end_reason, notice, superseded_on, approximate)


def superseded_dates(agreements: Iterable[Agreement]) -> dict[str, date]:
    """For each superseded id, the first day a newer agreement listing it is in force."""
    result: dict[str, date] = {}
    for newer in agreements:
        for old in newer.supersedes:
            start = newer.valid_from.start
            if old not in result or start < result[old]:
                result[old] = start
    return result


# --------------------------------------------------------------------------- status


@dataclass(frozen=True)
class AgreementStatus:
    id: str
    title: str
    status: str
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
        status = SUPERSEDED
    elif as_of < tl.start:
        status = UPCOMING
    elif tl.final_end is not None and as_of > tl.final_end:
        status = TERMINATED if tl.end_reason == "terminated" else EXPIRED
    elif tl.end_reason == "notice":
        status = NOTICE_GIVEN
    else:
        status = ACTIVE
    term = tl.term_on(as_of) if status in (ACTIVE, NOTICE_GIVEN) else None
    open_ended = (term.end is None) if term else (tl.terms[-1].end is None and tl.final_end is None)
    next_deadline = None
    if tl.end_reason not in ("notice", "terminated") and status != SUPERSEDED:
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


# --------------------------------------------------------------------------- follow-ups


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


def followup_occurrences(tl: Timeline, through: date) -> tuple[list[Occurrence], list[Event]]:
    """Every follow-up occurrence of an agreement up to `through`, with done events applied."""
    done_events = [e for e in _events_until(tl.agreement, tl.as_of) if e.type == "followup_done"]
    return collect_occurrences(Life.of(tl), tl.agreement.followups, done_events, through)


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


# --------------------------------------------------------------------------- deadlines


@dataclass(frozen=True)
class Deadline:
    date: date
    act_by: date
    kind: str
    id: str
    title: str
    days_left: int
    status: str
    approximate: bool
    why: Why  # how this date arose: rendered in words by i18n.explain
    term: int | None = None
    followup: str | None = None
    party: str | None = None
    assignment: str | None = None
    done_on: date | None = None

    @property
    def explanation(self) -> str:
        """The explanation in English (renderers ask i18n for other languages)."""
        return explain(self.why, "en")


def _state(day: date, as_of: date) -> str:
    return OVERDUE if day < as_of else DUE if day == as_of else UPCOMING_DEADLINE


def make_deadline(day: date, kind: str, holder_id: str, title: str, as_of: date, approximate: bool,
                  reason: Why, **extra: Any) -> Deadline:
    return Deadline(day, previous_working_day(day), kind, holder_id, title, (day - as_of).days,
                    _state(day, as_of), approximate, reason, **extra)


def _deadline(day: date, kind: str, a: Agreement, as_of: date, approximate: bool, reason: Why,
              **extra: Any) -> Deadline:
    return make_deadline(day, kind, a.id, a.title, as_of, approximate, reason, **extra)


def followup_rows(occs: Sequence[Occurrence], holder_id: str, title: str, as_of: date,
                  include_done: bool = False) -> list[Deadline]:
    rows = []
    for occ in occs:
        if occ.done_on is not None and not include_done:
            continue
        text = (why("followup_done", what=occ.what, rule=occ.rule, done=occ.done_on) if occ.done_on
                else why("followup", what=occ.what, rule=occ.rule))
        row = make_deadline(occ.due, FOLLOWUP, holder_id, title, as_of, occ.approximate, text,
                            term=occ.term, followup=occ.followup, done_on=occ.done_on)
        rows.append(replace(row, status=DONE) if occ.done_on is not None else row)
    return rows


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
        if (nd is not None and as_of <= nd <= until and tl.end_reason not in ("notice", "terminated")
                and (tl.superseded_on is None or nd < tl.superseded_on)):
            renews = why("renews_for", every=a.renewal.every) if a.renewal and tl.end_reason is None else why("ends")
            written = why("written") if a.notice and a.notice.written else ""
            rows.append(_deadline(
                nd, NOTICE_DEADLINE, a, as_of, term.approximate,
                why("notice_deadline", written=written, term=term.number, term_end_earliest=term.end_earliest,
                    before_end=before_end, renews=renews, term_end=term.end),
                term=term.number))
        end = term.end
        if end is not None and as_of <= end <= until:
            final = tl.final_end is not None and end >= tl.final_end
            if final:
                reason = {
                    "notice": (why("reason_notice", date=tl.notice.date) if tl.notice
                               else why("reason_notice_undated")),
                    "terminated": why("reason_terminated"),
                    "superseded": why("reason_superseded", date=tl.superseded_on),
                    "fixed": why("reason_fixed"),
                }[tl.end_reason or "fixed"]
                text = why("term_end_expires", term=term.number, reason=reason)
            else:
                text = why("term_end_renews", term=term.number, end=end,
                           every=a.renewal.every, next=end + ONE_DAY)  # type: ignore[union-attr]
            rows.append(_deadline(end, TERM_END, a, as_of, term.approximate, text, term=term.number))
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
        if status_of(tl).status in (EXPIRED, TERMINATED, SUPERSEDED):
            # Nothing can be followed up under an agreement that is no longer in force.
            found = [d for d in found if d.date >= as_of]
        rows += found
    return sorted(rows, key=lambda d: (d.date, d.id, d.kind, d.followup or ""))



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
