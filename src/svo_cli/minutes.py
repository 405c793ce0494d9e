"""Meeting follow-up: the items of meetings' minutes, their follow-up chains, the body's next meeting, and
open assignments as deadline rows (pure; docs/rules.md, rules 22–24).

An item of one meeting's minutes is followed up by items of later minutes (`follows: <minutes-id>/<item-id>`,
`status: done|carried|dropped`). The latest follow-up recorded by the as-of date says where the item
stands: done or dropped closes it, carried keeps it open (a carried item may set a new `due` or `owner`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Sequence

from svo_cli.dates import DateSpec
from svo_cli.i18n import why
from svo_cli.kinds import Coarse, CoarseField, DeadlineKind
from svo_cli.model import Workplan
from svo_cli.model_minutes import NEXT_MEETING, Minutes, MinutesItem
from svo_cli.obligations import Deadline, make_deadline, with_coarse

OPEN, DONE, DROPPED = "open", "done", "dropped"


@dataclass(frozen=True)
class FollowUp:
    """One later meeting's word on an item."""

    minutes: Minutes
    item: MinutesItem


@dataclass(frozen=True)
class ItemState:
    """Where one item of a meeting's minutes stands on the as-of date."""

    minutes: Minutes  # the minutes the item was decided in
    item: MinutesItem
    state: str  # open, done, dropped (an item nothing follows: open when tracked, else recorded)
    tracked: bool  # an assignment or a matter that returns: something to follow up
    closed_on: date | None  # the day of the meeting that closed it
    chain: tuple[FollowUp, ...]  # the later meetings' items on it, by meeting day (through the as-of date)
    owner: str | None
    due: DateSpec | str | None  # a date spec, NEXT_MEETING, or None (continuous)
    due_day: date | None  # the day it is due (a coarse spec's last day; the next meeting's day), None: unknown
    due_from: date  # the meeting a `next_meeting` due counts from (the one that set it)
    returns: str | None
    return_day: date | None  # returns: next_meeting, resolved (None: unknown or later)
    approximate: bool  # the due day rests on a coarse date
    carried: bool  # the latest word on it is "carried"

    @property
    def key(self) -> str:
        return f"{self.minutes.id}/{self.item.id}"

    @property
    def is_open(self) -> bool:
        return self.tracked and self.state == OPEN


def body_key(body: str) -> str:
    return " ".join(body.casefold().split())


def meeting_days(minutes: Sequence[Minutes], plans: Sequence[Workplan], body: str) -> tuple[date, ...]:
    """Every meeting day of `body` the data knows: its minutes, the next meetings they give, and the
    meetings (kind meeting) of the work plans whose body it is (compared without case)."""
    wanted = body_key(body)
    days = {m.date.start for m in minutes if body_key(m.body) == wanted}
    days |= {m.next_meeting.date.start for m in minutes if body_key(m.body) == wanted and m.next_meeting}
    days |= {x.date.start for p in plans if body_key(p.body) == wanted for x in p.meetings if x.kind == "meeting"}
    return tuple(sorted(days))


def next_meeting(days: Iterable[date], after: date) -> date | None:
    """The first meeting day after `after` (None: none known)."""
    return min((d for d in days if d > after), default=None)


def resolve_follows(minutes: Sequence[Minutes], target: str) -> tuple[Minutes, MinutesItem] | None:
    """The item `<minutes-id>/<item-id>` names, followed back to the item it first follows up (an item
    may follow a follow-up); None when it names nothing, or the chain loops."""
    by_id = {m.id: m for m in minutes}
    seen: set[str] = set()
    while target not in seen:
        seen.add(target)
        holder_id, _, item_id = target.partition("/")
        holder = by_id.get(holder_id)
        item = next((i for i in holder.items if i.id == item_id), None) if holder else None
        if holder is None or item is None:
            return None
        if item.follows is None:
            return holder, item
        target = item.follows
    return None


def follow_ups(minutes: Sequence[Minutes], as_of: date) -> dict[str, list[FollowUp]]:
    """Root item key → the follow-ups recorded by the as-of date, by meeting day."""
    found: dict[str, list[FollowUp]] = {}
    for m in minutes:
        if m.date.start > as_of:
            continue
        for item in m.items:
            if item.follows is None:
                continue
            root = resolve_follows(minutes, item.follows)
            if root is not None and root[0].date.start < m.date.start:
                found.setdefault(f"{root[0].id}/{root[1].id}", []).append(FollowUp(m, item))
    for chain in found.values():
        chain.sort(key=lambda f: (f.minutes.date.start, f.minutes.id))
    return found


def item_state(m: Minutes, item: MinutesItem, chain: Sequence[FollowUp], days: Sequence[date]) -> ItemState:
    """One root item's state after its follow-ups (rule 22)."""
    state, closed_on, carried = OPEN, None, False
    owner, due, due_from, returns = item.owner, item.due, m.date.start, item.returns
    for f in chain:
        if state != OPEN:
            break  # closed: later words change nothing (SVO256)
        if f.item.status in (DONE, DROPPED):
            state, closed_on = str(f.item.status), f.minutes.date.start
        else:  # carried: still open; a new due or owner replaces the old, a next meeting moves on
            carried = True
            owner = f.item.owner or owner
            if f.item.due is not None:
                due, due_from = f.item.due, f.minutes.date.start
            elif due == NEXT_MEETING:
                due_from = f.minutes.date.start
            if f.item.returns is not None:
                returns = f.item.returns
            if returns == NEXT_MEETING:
                due_from = f.minutes.date.start
    tracked = item.kind == "assignment" or returns is not None
    due_day: date | None = None
    approximate = False
    if isinstance(due, DateSpec):
        due_day, approximate = due.end, due.approximate
    elif due == NEXT_MEETING:
        due_day = next_meeting(days, due_from)
    return_day = next_meeting(days, due_from) if returns == NEXT_MEETING else None
    return ItemState(m, item, state if tracked or state != OPEN else "recorded", tracked, closed_on, tuple(chain),
                     owner, due, due_day, due_from, returns, return_day, approximate, carried)


def item_states(minutes: Sequence[Minutes], plans: Sequence[Workplan], as_of: date) -> list[ItemState]:
    """Every root item (one that follows nothing) of the minutes of meetings held by the as-of date."""
    chains = follow_ups(minutes, as_of)
    days_by_body: dict[str, tuple[date, ...]] = {}
    found: list[ItemState] = []
    for m in minutes:
        if m.date.start > as_of:
            continue
        key = body_key(m.body)
        if key not in days_by_body:
            days_by_body[key] = meeting_days(minutes, plans, m.body)
        for item in m.items:
            if item.follows is None:
                found.append(item_state(m, item, chains.get(f"{m.id}/{item.id}", ()), days_by_body[key]))
    return found


def minutes_deadlines(minutes: Sequence[Minutes], plans: Sequence[Workplan], as_of: date,
                      until: date) -> list[Deadline]:
    """Open assignments with a due day as deadline rows (kind assignment, the minutes as holder): those due
    by `until`, and the overdue ones however old. A coarse due is due on its last day and the row says it
    rests on a coarse date; a `next_meeting` due whose meeting the data does not know gives no row (it is
    never invented: `svo check` says so instead)."""
    rows: list[Deadline] = []
    for s in item_states(minutes, plans, as_of):
        if not s.is_open or s.item.kind != "assignment" or s.due_day is None or s.due_day > until:
            continue
        rows.append(assignment_row(s, as_of))
    return rows


def assignment_row(s: ItemState, as_of: date) -> Deadline:
    m, item = s.minutes, s.item
    if s.due == NEXT_MEETING:
        text = why("assignment_minutes_next", title=" ".join(item.title.split()), meeting=m.date.start,
                   next=s.due_day, owner=s.owner or "")
    else:
        text = why("assignment_minutes", title=" ".join(item.title.split()), meeting=m.date.start,
                   due=str(s.due), owner=s.owner or "")
    if s.carried:
        text = why("minutes_carried", text=text)
    coarse = (Coarse(CoarseField.DUE, str(s.due)),) if s.approximate else ()
    # the row's title is the item's (what to do), its id the minutes' (the holder)
    return make_deadline(s.due_day, DeadlineKind.ASSIGNMENT, m.id, " ".join(item.title.split()), as_of,  # type: ignore[arg-type]
                         s.approximate, with_coarse(text, coarse), assignment=item.id)


@dataclass(frozen=True)
class Returning:
    """A matter that comes back to a meeting (`svo check`'s "Returning to this meeting"): what returns,
    and on which day when the data knows it."""

    state: ItemState
    day: date | None  # the meeting it returns to (None: not known)
    reason: str  # next_meeting (resolved), missed (resolved to an earlier meeting, still open), unknown
    # (next meeting not known), later (no date given), due_unknown (an assignment due at a next meeting
    # the data does not know)


def returning(states: Sequence[ItemState], meeting: date | None, as_of: date) -> list[Returning]:
    """The open matters that come back to the meeting (rule 23): returning to the next meeting after the
    one that sent them, when that is this meeting (or an earlier one, and they are still open); matters
    whose next meeting the data does not know, or that return "later", from meetings before this one;
    and assignments due at a next meeting the data does not know."""
    day = meeting or as_of
    found: list[Returning] = []
    for s in states:
        if not s.is_open or s.minutes.date.start >= day:
            continue
        if s.returns == NEXT_MEETING:
            if s.return_day is None:
                found.append(Returning(s, None, "unknown"))
            elif s.return_day == day:
                found.append(Returning(s, s.return_day, "next_meeting"))
            elif s.return_day < day:
                found.append(Returning(s, s.return_day, "missed"))
        elif s.returns == "later":
            found.append(Returning(s, None, "later"))
        elif s.item.kind == "assignment" and s.due == NEXT_MEETING and s.due_day is None:
            found.append(Returning(s, None, "due_unknown"))
    return sorted(found, key=lambda r: (r.day or date.max, r.state.minutes.date.start, r.state.minutes.id,
                                        r.state.item.id))


def counts_of(states: Sequence[ItemState], minutes_id: str, as_of: date) -> dict[str, int]:
    """A minutes file's counts on the as-of date (its self-tests' fields)."""
    own = [s for s in states if s.minutes.id == minutes_id and s.tracked]
    return {
        "open": sum(1 for s in own if s.state == OPEN),
        "overdue": sum(1 for s in own if s.state == OPEN and s.due_day is not None and s.due_day < as_of
                       and s.item.kind == "assignment"),
        "done": sum(1 for s in own if s.state == DONE),
        "dropped": sum(1 for s in own if s.state == DROPPED),
    }


def assumed_days(minutes: Sequence[Minutes], plans: Sequence[Workplan], body: str) -> frozenset[date]:
    """The meeting days of `body` that only an assumption gives (a `next_meeting` or a plan's meeting marked
    `assumed`, and no minutes of that day, nor a sourced mention of it)."""
    wanted = body_key(body)
    stated = {m.date.start for m in minutes if body_key(m.body) == wanted}
    assumed: set[date] = set()
    for m in minutes:
        if body_key(m.body) == wanted and m.next_meeting is not None:
            (assumed if m.next_meeting.assumed else stated).add(m.next_meeting.date.start)
    for p in plans:
        if body_key(p.body) == wanted:
            for x in p.meetings:
                if x.kind == "meeting":
                    (assumed if x.assumed else stated).add(x.date.start)
    return frozenset(assumed - stated)


def assumed_rows(minutes: Sequence[Minutes], plans: Sequence[Workplan], as_of: date) -> set[tuple[str, str]]:
    """(minutes id, item id) of the open assignments whose row rests on an assumption: the item's own
    `assumed` (a vague date read), a carrying follow-up's, or a next meeting only an assumption gives."""
    found: set[tuple[str, str]] = set()
    by_body: dict[str, frozenset[date]] = {}
    for s in item_states(minutes, plans, as_of):
        if not s.is_open:
            continue
        key = body_key(s.minutes.body)
        if key not in by_body:
            by_body[key] = assumed_days(minutes, plans, s.minutes.body)
        if (s.item.assumed or any(f.item.assumed for f in s.chain)
                or (s.due == NEXT_MEETING and s.due_day in by_body[key])):
            found.add((s.minutes.id, s.item.id))
    return found
