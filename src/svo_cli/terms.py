"""Terms and timelines: an agreement's terms, renewals, notices and end as known on a date (pure)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Iterable

from svo_cli.dates import ONE_DAY, add, shift, subtract
from svo_cli.kinds import EndReason
from svo_cli.model import Agreement, Event

MAX_TERMS = 2000


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
    end_reason: EndReason | None
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
        self.end_reason: EndReason | None = None
        if until is not None and self.every is None:
            self.final_end, self.end_reason = first.end, EndReason.FIXED

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
        if self.end_reason in (EndReason.NOTICE, EndReason.TERMINATED):
            return None  # the end is already fixed; a second notice changes nothing
        day = event.date.end  # a coarse date counts as its latest day: never "in time" by accident
        i = self.index_on(day)
        term = self.terms[i]
        if term.end is None:  # open-ended: in force through day + notice period
            period = self.agreement.notice.period if self.agreement.notice else None
            end = add(day, period) if period else day
            self.terms[i] = replace(term, end=end, end_earliest=end)
            self.final_end, self.end_reason = end, EndReason.NOTICE
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
        self.final_end, self.end_reason = self.terms[effective].end, EndReason.NOTICE
        return NoticeGiven(day, event.by, late, self.terms[effective].number)

    def extended(self, event: Event) -> None:
        assert event.until is not None
        i = self.index_on(event.date.end)
        term = self.terms[i]
        self.terms[i] = self._term(term.number, term.start, event.until.end, event.until.start,
                                   term.approximate or event.until.approximate)
        self.truncate_after(i)
        self._anchor_at(self.terms[i])
        if self.end_reason == EndReason.NOTICE or self.every is None:
            self.final_end = self.terms[i].end
            self.end_reason = self.end_reason or EndReason.FIXED
        else:
            self.final_end, self.end_reason = None, None

    def terminated(self, event: Event) -> None:
        day = event.date.end
        i = self.index_on(day)
        self.terms[i] = replace(self.terms[i], end=day, end_earliest=event.date.start, notice_deadline=None)
        self.truncate_after(i)
        self.final_end, self.end_reason = day, EndReason.TERMINATED


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
            final_end, end_reason = superseded_on - ONE_DAY, EndReason.SUPERSEDED
            terms = [t for t in terms if t.start <= final_end]
            last = terms[-1]
            if last.end is None or last.end > final_end:
                terms[-1] = replace(last, end=final_end, end_earliest=final_end)
        else:
            final_end, end_reason = superseded_on - ONE_DAY, EndReason.SUPERSEDED
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


