"""Agreements' terms, notice deadlines and today as a picture: a pure layout (rows of bars), drawn by
render/timeline.py as terminal text and by render/report.py as SVG."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Sequence

from svo_cli.engine import status_of
from svo_cli.terms import Timeline


@dataclass(frozen=True)
class Bar:
    start: date
    end: date | None  # None: open-ended, runs off the right edge
    state: str  # past | current | future
    label: str


@dataclass(frozen=True)
class Row:
    id: str
    title: str
    status: str
    bars: tuple[Bar, ...]
    notice_deadlines: tuple[date, ...]
    ends_on: date | None
    soon: tuple[date, ...] = ()  # the notice deadlines from today through SOON_DAYS ahead: act now


SOON_DAYS = 90  # a notice deadline this close to the as-of date is highlighted


@dataclass(frozen=True)
class Picture:
    start: date
    end: date
    today: date
    rows: tuple[Row, ...]
    soon_days: int = SOON_DAYS
    soon: tuple[tuple[date, str], ...] = ()  # (notice deadline, agreement id) within soon_days, by date


def layout(timelines: Sequence[Timeline], start: date, end: date) -> Picture:
    """Rows for every agreement with a term overlapping [start, end], in timeline order."""
    rows = []
    for tl in timelines:
        status = status_of(tl)
        bars = []
        for term in tl.terms:
            term_end = term.end if term.end is not None else tl.final_end
            if term.start > end or (term_end is not None and term_end < start):
                continue
            if tl.final_end is not None and term.start > tl.final_end:
                continue
            if term_end is not None and term_end < tl.as_of:
                state = "past"
            elif term.start > tl.as_of:
                state = "future"
            else:
                state = "current"
            bars.append(Bar(term.start, term_end, state, str(term.number)))
        if not bars:
            continue
        deadlines = tuple(t.notice_deadline for t in tl.terms if t.notice_deadline and start <= t.notice_deadline <= end
                          and (tl.final_end is None or t.notice_deadline <= tl.final_end))
        soon = tuple(d for d in deadlines if 0 <= (d - tl.as_of).days <= SOON_DAYS)
        rows.append(Row(tl.agreement.id, tl.agreement.title, status.status, tuple(bars), deadlines, tl.final_end,
                        soon))
    soon_list = tuple(sorted((d, row.id) for row in rows for d in row.soon))
    return Picture(start, end, timelines[0].as_of if timelines else start, tuple(rows), SOON_DAYS, soon_list)
