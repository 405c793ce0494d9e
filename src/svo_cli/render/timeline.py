"""A timeline picture (svo_cli.picture) drawn as terminal text."""

from __future__ import annotations

from datetime import date

from svo_cli.picture import Picture


def render_text(picture: Picture, width: int = 100, plain: bool = True, lang: str = "en") -> str:
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
            # A year label needs its own room: labels never run together (short years: '26).
            if c + len(text) < cols and all(ch == " " for ch in axis[max(0, c - 1):c + len(text)]):
                axis[c:c + len(text)] = list(text)
            elif c + 3 < cols and all(ch == " " for ch in axis[max(0, c - 1):c + 3]):
                axis[c:c + 3] = list("'" + text[2:])
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
    from svo_cli.i18n import label

    legend = label("t_legend", lang, today=picture.today.isoformat())
    if len(legend) > width:  # two lines at 80 columns
        half = legend.index("   │")
        legend = legend[:half] + "\n" + legend[half + 3:]
    out.append(legend)
    return "\n".join(out) + "\n"
