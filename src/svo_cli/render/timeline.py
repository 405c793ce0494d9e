"""Agreements' terms, notice deadlines and today as a picture: a pure layout, drawn as terminal
text or as SVG."""

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


@dataclass(frozen=True)
class Picture:
    start: date
    end: date
    today: date
    rows: tuple[Row, ...]


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
        rows.append(Row(tl.agreement.id, tl.agreement.title, status.status, tuple(bars), deadlines, tl.final_end))
    return Picture(start, end, timelines[0].as_of if timelines else start, tuple(rows))


def render_text(picture: Picture, width: int = 100, plain: bool = True) -> str:
    """The picture as text: ─ past terms, ━ the term in force, ┄ future terms, │ term boundaries,
    ◆ notice deadlines, ┃ today (a column per span of days)."""
    label_width = min(38, max((len(r.id) for r in picture.rows), default=10))
    cols = max(20, width - label_width - 3)
    span = (picture.end - picture.start).days + 1

    def col(d: date) -> int:
        return max(0, min(cols - 1, (d - picture.start).days * cols // span))

    out = []
    axis = [" "] * cols
    for year in range(picture.start.year, picture.end.year + 1):
        first = date(year, 1, 1)
        if picture.start <= first <= picture.end:
            c = col(first)
            text = str(year)
            if c + len(text) <= cols:
                axis[c:c + len(text)] = list(text)
    out.append(" " * (label_width + 2) + "".join(axis))
    today_col = col(picture.today) if picture.start <= picture.today <= picture.end else None
    for row in picture.rows:
        cells = [" "] * cols
        for bar in row.bars:
            a = col(max(bar.start, picture.start))
            b = col(min(bar.end, picture.end)) if bar.end is not None else cols - 1
            glyph = {"past": "─", "current": "━", "future": "┄"}[bar.state]
            for c in range(a, b + 1):
                cells[c] = glyph
            if bar.start >= picture.start:
                cells[a] = "│"
            if bar.end is None and b == cols - 1:
                cells[b] = "→"
        for d in row.notice_deadlines:
            cells[col(d)] = "◆"
        if today_col is not None:
            cells[today_col] = "┃" if cells[today_col] in (" ", "─", "━", "┄") else cells[today_col]
        name = row.id if len(row.id) <= label_width else row.id[: label_width - 1] + "…"
        out.append(f"{name:<{label_width}}  " + "".join(cells))
    out.append("")
    out.append("─ past term   ━ term in force   ┄ future term   │ term start   → tills vidare   "
               "◆ notice deadline   ┃ " + picture.today.isoformat())
    return "\n".join(out) + "\n"
