"""A timeline picture (svo_cli.picture) drawn as terminal text: in colour on a terminal, plain otherwise."""

from __future__ import annotations

from datetime import date
from itertools import groupby

from rich.text import Text

from svo_cli.picture import Picture

STYLES = {"past": "dim", "current": "green", "future": "cyan", "deadline": "yellow", "soon": "bold red",
          "today": "bold magenta", "axis": "bold"}
SOON = "!"  # a notice deadline within the picture's soon_days: the mark survives without colour
GAP = 5  # a year label and the room after it (labels never run together)
WIDEST = 300  # wider than this (piped, written to a file: no width at all) draws at PIPED_WIDTH
PIPED_WIDTH = 120


def _year_step(per_year: float) -> int:
    """Label every year, or every 2nd, 5th, 10th… when years are too narrow for their labels."""
    return next((n for n in (1, 2, 5, 10, 20, 50) if per_year * n >= GAP), 100)


def render_text(picture: Picture, width: int = 100, plain: bool = True, lang: str = "en") -> str:
    """The picture as text: ─ past terms, ━ the term in force, ┄ future terms, │ term boundaries,
    ◆ notice deadlines (! when within soon_days, also marked before the bars), ┃ today (a column per
    span of days); then the close notice deadlines as a list and the legend."""
    from svo_cli.i18n import label
    from svo_cli.render.table import console_for, finish

    width = PIPED_WIDTH if width > WIDEST else width
    label_width = min(38, max((len(r.id) for r in picture.rows), default=10))
    cols = max(20, width - label_width - 3)
    span = (picture.end - picture.start).days + 1

    def col(d: date) -> int:
        return max(0, min(cols - 1, (d - picture.start).days * cols // span))

    def style(key: str) -> str:
        return "" if plain else STYLES[key]

    console, buffer = console_for(plain, width)
    axis = [" "] * cols
    step = _year_step(cols * 365.25 / span)
    for year in range(picture.start.year, picture.end.year + 1):
        first = date(year, 1, 1)
        if year % step or not picture.start <= first <= picture.end:
            continue
        c = min(col(first), cols - 4)  # the last label may sit a little left of its year's start
        if c >= 0 and all(ch == " " for ch in axis[max(0, c - 1):c + 4]):
            axis[c:c + 4] = list(str(year))
    console.print(Text(" " * (label_width + 3) + "".join(axis).rstrip(), style=style("axis")), no_wrap=True)
    today_col = col(picture.today) if picture.start <= picture.today <= picture.end else None
    glyphs = {"past": "─", "current": "━", "future": "┄"}
    for row in picture.rows:
        cells: list[tuple[str, str]] = [(" ", "")] * cols
        for bar in row.bars:
            a = col(max(bar.start, picture.start))
            b = col(min(bar.end, picture.end)) if bar.end is not None else cols - 1
            for c in range(a, b + 1):
                cells[c] = (glyphs[bar.state], bar.state)
            if bar.start >= picture.start:
                cells[a] = ("│", bar.state)
            if bar.end is None and b == cols - 1:
                cells[b] = ("→", bar.state)
        for d in row.notice_deadlines:
            cells[col(d)] = (SOON, "soon") if d in row.soon else ("◆", "deadline")
        if today_col is not None and cells[today_col][0] in (" ", "─", "━", "┄"):
            cells[today_col] = ("┃", "today")
        name = row.id if len(row.id) <= label_width else row.id[: label_width - 1] + "…"
        line = Text()
        line.append(f"{name:<{label_width}}", style=style("axis") if row.soon else "")
        line.append(" ")
        line.append(SOON if row.soon else " ", style=style("soon") if row.soon else "")
        line.append(" ")
        for key, run in groupby(cells, key=lambda cell: cell[1]):  # one colour code a run, not a glyph
            line.append("".join(glyph for glyph, _ in run), style=style(key) if key else "")
        console.print(line, no_wrap=True, crop=False)
    if picture.soon:
        console.print()
        console.print(Text(label("t_soon_title", lang, days=picture.soon_days), style=style("axis")))
        for d, item in picture.soon:
            console.print(Text(f"{SOON} {d.isoformat()}  {item}", style=style("soon")), no_wrap=True, crop=False)
    console.print()
    for entry in _legend(label("t_legend", lang, today=picture.today.isoformat(), days=picture.soon_days), width):
        console.print(Text(entry), no_wrap=True, crop=False)
    return finish(buffer)


def _legend(legend: str, width: int) -> list[str]:
    """The legend's items (separated by three spaces), as many to a line as the width holds."""
    lines: list[str] = []
    for item in legend.split("   "):
        if lines and len(lines[-1]) + 3 + len(item) <= width:
            lines[-1] += "   " + item
        else:
            lines.append(item)
    return lines
