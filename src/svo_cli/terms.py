"""Timelines: an agreement's terms, renewals, notices and end as known on a date (pure).

Terms are never generated one after another: the term sequence is a `Schedule` (schedule.py), which
computes any term directly from its number. This module applies the agreement's events to it in date
order (notice, withdrawal, extension, termination) and supersessions, and lists a window's terms.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Mapping, NamedTuple, Sequence

from svo_cli.dates import ONE_DAY, DateSpec, parse_date_spec
from svo_cli.kinds import Coarse, CoarseField, EndReason
from svo_cli.model import Agreement, Event
from svo_cli.schedule import HORIZON, Beyond, NoticeRule, Schedule, Segment, Term, unique

HISTORY_TERMS = 100  # a timeline lists at most this many terms before the as-of date (see rules.md)

GroupMembers = Mapping[str, Sequence[str]]
Day = date  # for fields declared after a field named `date`


@dataclass(frozen=True)
class NoticeGiven:
    date: date
    by: str | None
    late: bool  # given after the notice deadline of the term it was given in: the agreement renews first
    effective_term: int  # the term the notice ends
    given_in_term: int = 0  # the term in force (or the first term) on the notice date
    last_day: Day | None = None  # the last day in force it gives
    missed_deadline: Day | None = None  # when late: the last notice deadline before the notice date
    effective_deadline: Day | None = None  # the notice deadline of the term it ends
    approximate: bool = False


@dataclass(frozen=True)
class WithdrawalGiven:
    """A party's notice under `notice.effect: withdrawal`: it leaves, the others go on."""

    party: str
    date: date  # the notice date (latest reading of a coarse date)
    last_day: Day  # the party's last day as a party
    term: int  # the term whose end (or early end) is its last day
    approximate: bool
    coarse: tuple[Coarse, ...] = ()
    late: bool = False  # given after the notice deadline of the term it was given in: it leaves a term later
    given_in_term: int = 0
    position: int | None = None  # its place in the agreement's `events`


@dataclass(frozen=True)
class OptionUse:
    """A use of the option to extend (rule 2a): an `option_used` event, or the holders' `extend` decisions
    on one deadline (the use is dated by the last of them). It extends `term` into the next one."""

    date: date
    by: tuple[str, ...]
    term: int  # the term it extends
    deadline: Day | None  # that term's last day to use the option
    late: bool  # used after that deadline: it still extends (recorded as having happened), validate warns
    event: int | None = None  # its place in `events` (None: decisions)
    decision: int | None = None  # the place in `decisions` of the decision that completed it


def _coarse(name: CoarseField, spec: DateSpec | None) -> tuple[Coarse, ...]:
    return (Coarse(name, str(spec)),) if spec is not None and spec.approximate else ()


def group_members(groups: Any) -> dict[str, tuple[str, ...]]:
    """Group membership as a mapping group id -> member ids, from a mapping or from Group models."""
    if not groups:
        return {}
    if isinstance(groups, Mapping):
        return {k: tuple(v) for k, v in groups.items()}
    return {g.id: tuple(g.members) for g in groups}


def expand(ids: Iterable[str], groups: GroupMembers) -> set[str]:
    """Party ids with every group replaced by its members."""
    result: set[str] = set()
    for pid in ids:
        result.update(groups.get(pid, (pid,)))
    return result


# --------------------------------------------------------------------------- timelines


@dataclass(frozen=True)
class Timeline:
    """An agreement's terms as known on `as_of` (events after as_of have not happened yet).

    `terms` lists the terms of the window asked for; `schedule` computes any other term directly."""

    agreement: Agreement
    as_of: date
    start: date  # first day in force (earliest reading of valid_from)
    terms: tuple[Term, ...]
    final_end: date | None  # last day in force, when known
    end_reason: EndReason | None
    notice: NoticeGiven | None
    superseded_on: date | None  # first day superseded by a newer agreement
    approximate: bool
    schedule: Schedule = field(compare=False, repr=False, hash=False, default=None)  # type: ignore[assignment]
    withdrawals: tuple[WithdrawalGiven, ...] = ()
    coarse: tuple[Coarse, ...] = ()  # every coarse date the timeline rests on
    ignored_terminations: tuple[IgnoredTermination, ...] = ()  # `terminated` after the known end
    ended_by_withdrawals: bool = False
    final_coarse: tuple[Coarse, ...] = ()  # the coarse dates the known end rests on
    terminated_on: date | None = None  # the date of the `terminated` event that fixed the end
    option_uses: tuple[OptionUse, ...] = ()  # renewal.option: the uses on record by as_of, oldest first
    option_term: int | None = None  # renewal.option: the last term certain (1 + uses); later ones need a use
    option_lapsed: bool = False  # renewal.option: the last day to use it passed unused, so it ends (rule 2a)
    options_beyond: tuple[int, ...] = ()  # places in `events` of uses beyond renewal.max (they change nothing)
    ignored_notices: tuple[int, ...] = ()  # places in `events` of notices by a party without the right (notice.by)
    ends_with: Any = None  # EndsWith: the agreement this one ends with, as known on as_of (rule 5a)
    awaiting_adoption: bool = False  # adoption.condition and a required principal has not adopted it (rule 4e)

    @property
    def option(self) -> bool:
        """Renews only by an option to extend (rule 2a)."""
        return self.option_term is not None

    def term_on(self, day: date) -> Term | None:
        """The term in force on day, or None."""
        if day < self.start or (self.final_end is not None and day > self.final_end):
            return None
        return self.schedule.term(self.schedule.number_at(day))

    def term(self, number: int) -> Term:
        return self.schedule.term(number)


class NumberedEvent(NamedTuple):
    """An event and its place in the agreement's `events` list: findings about it are located by the
    number it carries, never by searching the list for an equal event (quadratic: red-team H6)."""

    position: int
    event: Event

    @property
    def type(self) -> str:
        return self.event.type

    @property
    def date(self) -> Any:
        return self.event.date

    @property
    def followup(self) -> str | None:
        return self.event.followup

    @property
    def occurrence(self) -> Any:
        return self.event.occurrence


class IgnoredTermination(NamedTuple):
    """A `terminated` event dated after the end already known (it changes nothing), and that end."""

    position: int  # in the agreement's `events`
    event: Event
    known_end: date


def numbered_events_until(agreement: Agreement, as_of: date) -> list[NumberedEvent]:
    """Events that have happened by as_of with their places, in date order (stable for equal dates)."""
    return sorted((NumberedEvent(i, e) for i, e in enumerate(agreement.events) if e.date.end <= as_of),
                  key=lambda n: n.event.date.end)


class NoticeEffect(NamedTuple):
    """What a notice does: the term it ends, the last day in force it gives (and that day's earliest
    reading), the term it was given in, and whether it came after that term's deadline."""

    term: int
    last: date
    last_earliest: date
    given_in: int
    late: bool


class _Builder:
    """Applies an agreement's events, in date order, to its schedule."""

    def __init__(self, agreement: Agreement, groups: GroupMembers):
        self.agreement = agreement
        self.groups = groups
        a = agreement
        every = a.renewal.every if a.renewal and a.valid_until else None
        until = a.valid_until
        first = Segment(1, a.valid_from.start, until.end if until else None, until.start if until else None,
                         _coarse(CoarseField.VALID_FROM, a.valid_from), _coarse(CoarseField.VALID_UNTIL, until))
        cap = a.renewal.max + 1 if every is not None and a.renewal and a.renewal.max is not None else None
        self.schedule = Schedule(every, NoticeRule.of(a), first, cap)
        self.notice: NoticeGiven | None = None
        self.first_notice: NoticeGiven | None = None
        self.withdrawals: list[WithdrawalGiven] = []
        self.ignored: list[IgnoredTermination] = []
        self.coarse: list[Coarse] = list(first.start_coarse + first.end_coarse)
        self.by_withdrawals = False
        self.terminated_on: date | None = None
        self.option_uses: list[OptionUse] = []
        self.options_beyond: list[int] = []
        self.option_lapsed = False
        self.ignored_notices: list[int] = []
        notice = agreement.notice
        self.notice_holders = expand(notice.by, groups) if notice is not None and notice.by else None

    def notice_effect(self, spec: DateSpec) -> NoticeEffect | None:
        """What a notice dated `spec` does, or None when it cannot end anything (given after the end,
        or after the last notice deadline there is)."""
        s = self.schedule
        day = spec.end  # a coarse date counts as its latest day: never "in time" by accident
        known = s.known_end()
        if known is not None and day > known:
            return None
        current = s.number_at(day)
        natural = s.natural(current)
        end, end_earliest = natural.end, natural.end_earliest
        rule = s.rule
        if end is None:  # open-ended: in force through the notice period
            last = rule.end_after(day) or day
            return NoticeEffect(current, last, rule.end_after(spec.start) or spec.start, current, False)
        assert end_earliest is not None
        if s.every is None:  # a fixed term: it ends at its end, or earlier with a notice period
            early = rule.end_after(day)
            if early is not None and early < end:
                return NoticeEffect(current, early, rule.end_after(spec.start) or early, current, False)
            return NoticeEffect(current, end, end_earliest, current, False)
        if not rule.exists:  # no notice rule: the notice ends the term it is given in
            return NoticeEffect(current, end, end_earliest, current, False)
        k = s.first_deadline_on_or_after(day)
        if k is None:
            return None
        ends = s.natural(k)
        assert ends.end is not None and ends.end_earliest is not None
        return NoticeEffect(k, ends.end, ends.end_earliest, current, k > current)

    def may_give_notice(self, event: Event, position: int) -> bool:
        """notice.by: only its parties (groups as their members) may give notice or withdraw; a notice by
        another has no effect (validate: SVO234). A notice without `by` counts: who gave it is unknown."""
        if self.notice_holders is None or event.by is None:
            return True
        if expand([event.by], self.groups) <= self.notice_holders:
            return True
        self.ignored_notices.append(position)
        return False

    def apply_notice(self, event: Event, position: int = -1) -> None:
        s = self.schedule
        if not self.may_give_notice(event, position):
            return
        self.coarse += _coarse(CoarseField.NOTICE, event.date)
        notice_rule = self.agreement.notice
        if notice_rule is not None and notice_rule.effect == "withdrawal":
            self.apply_withdrawal(event, position)
            return
        effect = self.notice_effect(event.date)
        if effect is None:
            return
        k, last, current = effect.term, effect.last, effect.given_in
        missed = None
        if effect.late:
            missed = next((d for j in range(k - 1, current - 1, -1) if (d := s.natural_deadline(j)) is not None), None)
        ends_deadline = s.natural_deadline(k) if s.every is not None else None
        record = NoticeGiven(event.date.end, event.by, effect.late, k, current, last, missed, ends_deadline,
                             event.date.approximate)
        known = s.known_end()
        if known is None or last < known:
            s.fix_end(k, last, effect.last_earliest, _coarse(CoarseField.NOTICE, event.date), EndReason.NOTICE)
            self.notice = record
            self.by_withdrawals = False
        elif self.first_notice is None:
            self.first_notice = record

    def apply_withdrawal(self, event: Event, position: int | None = None) -> None:
        s = self.schedule
        party = event.by
        if party is None or any(w.party == party for w in self.withdrawals):
            return  # without `by` nobody leaves (validate reports it); a second notice changes nothing
        effect = self.notice_effect(event.date)
        late, given_in = False, 0
        if effect is not None:
            k, last = effect.term, effect.last
            late, given_in = effect.late, effect.given_in
        else:
            known = s.known_end()
            if known is None:
                return
            k, last = s.number_at(known), known  # it leaves when the agreement ends anyway
        coarse = _coarse(CoarseField.NOTICE, event.date)  # the term's coarse dates are added once the schedule is final
        self.withdrawals.append(WithdrawalGiven(party, event.date.end, last, k, bool(coarse), unique(coarse), late,
                                                given_in, position))
        members = expand(self.agreement.parties, self.groups)
        gone: set[str] = set()
        for w in sorted(self.withdrawals, key=lambda w: w.last_day):
            gone |= expand([w.party], self.groups)
            if self.too_few(members - gone):
                known = s.known_end()
                if known is None or w.last_day < known:
                    s.fix_end(w.term, w.last_day, w.last_day, w.coarse, EndReason.NOTICE)
                    self.by_withdrawals = True
                break

    def too_few(self, remaining: set[str]) -> bool:
        """Whether the parties left are too few for the agreement to go on (rule 4b): fewer than
        `min_parties` of some kind (the parties' kinds from parties.yaml), else fewer than two."""
        floor = self.agreement.min_parties
        if not floor:
            return len(remaining) < 2
        kinds = self.agreement.party_kinds
        return any(sum(1 for p in remaining if kinds.get(p) == kind) < n for kind, n in floor.items())

    def apply_extension(self, event: Event) -> None:
        assert event.until is not None
        s = self.schedule
        coarse = _coarse(CoarseField.EXTENDED_UNTIL, event.until) + _coarse(CoarseField.EXTENDED, event.date)
        self.coarse += coarse
        s.extend(s.number_at(event.date.end), event.until, coarse)

    def option_holders(self) -> tuple[str, ...]:
        a = self.agreement
        option = a.renewal.option  # type: ignore[union-attr]
        return tuple(sorted(expand(option.by or a.parties, self.groups)))  # type: ignore[union-attr]

    def apply_options(self, as_of: date) -> int:
        """Rule 2a: the uses of the option on record by as_of, each extending the next term not yet
        extended; then, when the last day to use the option for the last certain term has passed, the
        agreement ends with that term. Returns that term's number."""
        a, s = self.agreement, self.schedule
        holders = set(self.option_holders())
        records: list[tuple[date, int, int | None, int | None, str | None]] = []  # (day, order, event, decision, by)
        for i, e in enumerate(a.events):
            if e.type == "option_used" and e.date.end <= as_of:
                records.append((e.date.end, 0, i, None, e.by))
        for i, d in enumerate(a.decisions):
            if d.decision == "extend" and d.stage == "adopted" and d.date.end <= as_of:
                records.append((d.date.end, 1, None, i, d.party))
        records.sort(key=lambda r: (r[0], r[1]))
        settled = 0
        decided: dict[int, set[str]] = {}  # target term -> holders that decided to extend it
        for day, _, event, decision, by in records:
            k = settled + 1
            if decision is not None:
                d = a.decisions[decision]
                target = self._option_term_of(d.concerns or d.date, day)
                if target is not None and target <= settled:
                    continue  # a decision on an option already used
                who = decided.setdefault(k, set())
                who.update(expand([d.party], self.groups) & holders)
                if not holders <= who:
                    continue  # every holder decides before the option counts as used
            if s.cap is not None and k >= s.cap:
                if event is not None:
                    self.options_beyond.append(event)
                continue
            deadline = s.natural_deadline(k)
            used_by = tuple(sorted(decided.get(k, ()))) if decision is not None else ((by,) if by else ())
            self.option_uses.append(OptionUse(day, used_by, k, deadline, deadline is not None and day > deadline,
                                              event, decision))
            settled = k
        s.settled = settled
        last = settled + 1
        if s.cap is not None and last >= s.cap:
            return last
        known = s.known_end()
        deadline = s.natural_deadline(last)
        natural = s.natural(last)
        if deadline is not None and deadline < as_of and natural.end is not None and (known is None or natural.end < known):
            s.fix_end(last, natural.end, natural.end_earliest, (), EndReason.FIXED)
            self.option_lapsed = True
        return last

    def _option_term_of(self, spec: DateSpec, day: date) -> int | None:
        """The term whose last day to use the option a decision concerns: the one in `concerns`, else the
        first on or after the decision's date."""
        s = self.schedule
        first = spec.start if spec is not None else day

        def reached(k: int) -> bool:
            found = s.natural_deadline(k)
            return found is not None and found >= first

        return s.first_where(reached)

    def apply_latest_end(self) -> None:
        """Rule 2b: `latest_end` caps the agreement: when its own end is later (or unknown), it ends on the
        cap, in the term that contains it."""
        cap = self.agreement.latest_end
        if cap is None:
            return
        s = self.schedule
        known = s.known_end()
        if known is not None and known <= cap.end:
            return
        coarse = _coarse(CoarseField.LATEST_END, cap)
        self.coarse += coarse
        s.fix_end(s.number_at(cap.end), cap.end, cap.start, coarse, EndReason.LATEST_END)

    def apply_ends_with(self, other: Any) -> None:
        """Rule 5a: when the agreement it `ends_with` has a known last day earlier than this one's own (or
        this one's is unknown), it ends that day too, in the term that contains it."""
        if other is None or other.end is None:
            return
        s = self.schedule
        known = s.known_end()
        if known is not None and known <= other.end:
            return
        if other.end < self.agreement.valid_from.start:
            return  # the other ended before this one began: validate reports nothing can be computed
        self.coarse += other.coarse
        s.fix_end(s.number_at(other.end), other.end, other.end_earliest, tuple(other.coarse), EndReason.ENDS_WITH)

    def apply_termination(self, event: Event, position: int) -> None:
        s = self.schedule
        spec = event.effective or event.date
        coarse = _coarse(CoarseField.TERMINATED, event.date) + _coarse(CoarseField.TERMINATED_EFFECTIVE, event.effective)
        self.coarse += coarse
        last = spec.end
        known = s.known_end()
        if known is not None and last >= known:
            if last > known:
                self.ignored.append(IgnoredTermination(position, event, known))  # only brings the end forward: nothing (validate warns)
            return
        s.fix_end(s.number_at(last), last, spec.start, coarse, EndReason.TERMINATED)
        self.by_withdrawals = False
        self.terminated_on = event.date.end


def timeline(agreement: Agreement, as_of: date, through: date | None = None,
             superseded_on: date | None = None, since: date | None = None, groups: Any = None,
             superseded_coarse: Coarse | None = None, ends_with: Any = None, window: bool = True) -> Timeline:
    """The agreement's terms as known on as_of. `terms` lists the terms from the one containing
    `since` (default: at most HISTORY_TERMS terms before as_of) through the one containing `through`
    (default as_of) and every term whose notice deadline is on or before it, and one renewal beyond.
    `window=False` leaves `terms` empty, for callers that read only the schedule, the notice, the end
    and the withdrawals (the event replay, on a far date: a hundred terms it would never read)."""
    builder = _Builder(agreement, group_members(groups))
    for position, event in numbered_events_until(agreement, as_of):
        if event.type == "notice":
            builder.apply_notice(event, position)
        elif event.type == "extended":
            builder.apply_extension(event)
        elif event.type == "terminated":
            builder.apply_termination(event, position)
    option = agreement.renewal.option if agreement.renewal is not None and agreement.valid_until else None
    option_term = builder.apply_options(as_of) if option is not None else None
    builder.apply_latest_end()
    builder.apply_ends_with(ends_with)
    s = builder.schedule
    supersession_coarse = (superseded_coarse,) if superseded_coarse else ()
    latest = (parse_date_spec(superseded_coarse.spec).end if superseded_coarse is not None else superseded_on)
    s.finish(agreement.valid_from.start, superseded_on, supersession_coarse, latest)
    if superseded_on is not None:
        builder.coarse += supersession_coarse
    # Withdrawals rest on their terms too (known only once the schedule is final).
    withdrawals = tuple(WithdrawalGiven(w.party, w.date, w.last_day, w.term, bool(c), c, w.late, w.given_in_term,
                                        w.position)
                        for w in builder.withdrawals
                        for c in [unique(w.coarse + s.term(w.term).coarse)])
    terms = _window(s, as_of, through if through is not None else as_of, since) if window else ()
    coarse = unique(builder.coarse)
    notice = builder.notice or builder.first_notice
    final_end, reason = s.final_end, s.reason
    if (option_term is not None and reason == EndReason.FIXED and not builder.option_lapsed
            and (s.cap is None or option_term < s.cap)):
        final_end, reason = None, None  # the last allowed term's end is only a limit: it ends earlier unless used
    return Timeline(agreement, as_of, agreement.valid_from.start, terms, final_end, reason, notice,
                    superseded_on, bool(coarse), s, withdrawals, coarse, tuple(builder.ignored),
                    builder.by_withdrawals and s.reason == EndReason.NOTICE, unique(s.final_coarse),
                    builder.terminated_on if s.reason == EndReason.TERMINATED else None,
                    tuple(builder.option_uses), option_term, builder.option_lapsed and s.reason == EndReason.FIXED,
                    tuple(builder.options_beyond), tuple(builder.ignored_notices), ends_with,
                    awaiting_adoption(agreement, as_of, builder.groups))


def adopted_by(agreement: Agreement, as_of: date, groups: GroupMembers) -> dict[str, date]:
    """The principals that have adopted the agreement by as_of (decisions with `decision: adopt`, a
    group's for each member), with the day of each one's first adoption."""
    found: dict[str, date] = {}
    for d in sorted(agreement.decisions, key=lambda d: d.date.end):
        if d.decision == "adopt" and d.stage == "adopted" and d.date.end <= as_of:
            for member in groups.get(d.party, (d.party,)):
                found.setdefault(member, d.date.end)
    return found


def awaiting_adoption(agreement: Agreement, as_of: date, groups: GroupMembers) -> bool:
    """Rule 4e: an agreement that enters into force only once every required principal has adopted it
    (`adoption.condition`), and one has not by as_of."""
    adoption = agreement.adoption
    if adoption is None or not adoption.condition:
        return False
    return not expand(adoption.required, groups) <= set(adopted_by(agreement, as_of, groups))


def _window(s: Schedule, as_of: date, through: date, since: date | None) -> tuple[Term, ...]:
    """The terms a command shows: those in force from `since` (default: at most HISTORY_TERMS terms
    before as_of) through `through`, one renewal beyond, every term whose notice deadline falls in
    [as_of, through], the term holding the next notice deadline after it, and the last term when the
    end is known. Never more than the window holds, however long the notice period."""
    top = s.max_number
    now = s.number_at(as_of)
    lo = s.number_at(since) if since is not None else max(1, now - HISTORY_TERMS)
    hi = max(now, s.number_at(through))
    numbers = set(range(min(lo, hi), hi + 1))
    if s.every is not None:
        numbers.add(hi + 1)  # one renewal beyond: its notice deadline may be the next one
    numbers.update(s.deadline_terms(as_of, through))
    following = s.first_deadline_on_or_after(through + ONE_DAY) if through < HORIZON else None
    if following is not None:
        numbers.add(following)
    if top is not None:
        numbers.add(top)
    terms = []
    for k in sorted(numbers):
        if top is not None and k > top:
            break
        try:
            terms.append(s.term(k))
        except Beyond:
            break
    return tuple(terms)


@dataclass(frozen=True)
class Supersession:
    day: date  # the first day the newer agreement is in force
    by: str
    coarse: Coarse | None  # the newer agreement's coarse valid_from, when it is coarse


def supersessions(agreements: Iterable[Agreement]) -> dict[str, Supersession]:
    """For each superseded id, the earliest first day of a newer agreement listing it."""
    result: dict[str, Supersession] = {}
    for newer in agreements:
        if newer.valid_from.unknown:
            continue  # no day to supersede from (rule 1a; validate says so: SVO237)
        for old in newer.supersedes:
            start = newer.valid_from.start
            if old not in result or start < result[old].day:
                coarse = (Coarse(CoarseField.SUPERSESSION, str(newer.valid_from), newer.id)
                          if newer.valid_from.approximate else None)
                result[old] = Supersession(start, newer.id, coarse)
    return result
