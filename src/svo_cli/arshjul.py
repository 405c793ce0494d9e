"""The årshjul (annual wheel): one year's dated obligations as marks on a wheel of twelve months.

It takes the application layer's deadline rows (svo deadlines for the year, as planned on 1 January) and
places each on its day, on the ring of its kind; a notice deadline's or adoption's decide-by day is a mark
of its own. Pure: no files, no clock (the as-of date and the year arrive in the request).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Sequence

from svo_cli.app import Request, Result, Window
from svo_cli.i18n import Why
from svo_cli.obligations import Deadline

# The rings from the centre outwards, and which deadline kinds go on each.
RINGS = ("meeting", "decide_by", "notice", "followup", "adoption", "assignment")
RING_OF = {"meeting": "meeting", "agenda": "meeting", "minutes": "meeting", "notice_deadline": "notice",
           "option_deadline": "notice",
           "term_end": "notice", "withdrawal": "notice", "followup": "followup", "adoption": "adoption",
           "assignment": "assignment"}


@dataclass(frozen=True)
class Mark:
    day: date
    ring: str  # one of RINGS
    kind: str  # the deadline kind, or "decide_by"
    id: str  # the agreement or work plan
    title: str
    assumed: bool = False
    approximate: bool = False
    what: str = ""  # a follow-up's or assignment's own words, when the row has them


def _what(row: Deadline) -> str:
    """The follow-up's or assignment's own words, from the reason it was listed for (they may be wrapped in
    a reason that names a coarse date)."""
    if row.kind not in ("followup", "assignment"):
        return ""
    reason: object = row.why
    for _ in range(4):
        if not isinstance(reason, Why):
            break
        if isinstance(reason.get("what"), str):
            return str(reason.get("what"))
        reason = reason.get("text")
    return ""


@dataclass(frozen=True)
class WheelResult(Result):
    year: int
    marks: tuple[Mark, ...]  # by day, then ring, then id, then their words


def marks_of(rows: Sequence[Deadline], year: int) -> tuple[Mark, ...]:
    """Every row falling in the year on its ring, and every decide-by day falling in it."""
    found: set[Mark] = set()
    for row in rows:
        if row.date.year == year:
            found.add(Mark(row.date, RING_OF.get(row.kind, "notice"), str(row.kind), row.id, row.title, row.assumed,
                           row.approximate, _what(row)))
        if row.decide_by is not None and row.decide_by.year == year:
            found.add(Mark(row.decide_by, "decide_by", "decide_by", row.id, row.title, row.assumed, row.approximate))
    # every field in the key: two follow-ups of one agreement on one day must not come in set order
    return tuple(sorted(found, key=lambda m: (m.day, RINGS.index(m.ring), m.id, m.kind, m.what, m.title)))


def arshjul(request: Request, year: int | None = None) -> WheelResult:
    """The year's wheel (default: the as-of date's year), from the deadlines as they stand on 1 January."""
    from svo_cli import app

    year = year if year is not None else request.as_of.year
    start, end = date(year, 1, 1), date(year, 12, 31)
    result = app.deadlines(replace(request, as_of=start), Window(until=end))
    return WheelResult(request.as_of, result.findings, year, marks_of(result.people, year))
