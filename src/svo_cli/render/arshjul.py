"""The årshjul as plain SVG (no library, no script, no external reference) and as a self-contained HTML page.

January starts at twelve o'clock and the year runs clockwise; each kind of obligation has its ring, colour and
shape (shapes too, so the wheel reads in black and white), and under the wheel every mark is listed by month
with its day and title, so the printed page (A4) says everything the wheel shows. Every text from the data
is escaped.
"""

from __future__ import annotations

import math
from datetime import date
from html import escape
from typing import Any

from svo_cli.arshjul import RINGS, Mark, WheelResult
from svo_cli.i18n import MONTHS_EN, MONTHS_SV, label
from svo_cli.kinds import label_key, ring_key
from svo_cli.safe import visible

# Colours with at least 4.5:1 contrast on white (WCAG 2.1 AA, text and graphics alike).
COLOURS = {"meeting": "#6a1b9a", "decide_by": "#b71c1c", "notice": "#a84300", "followup": "#0d47a1",
           "adoption": "#1b5e20", "assignment": "#4e342e"}
SHAPES = {"meeting": "circle", "decide_by": "diamond", "notice": "square", "followup": "circle",
          "adoption": "triangle", "assignment": "square"}
WIDTH, CX, CY, R_OUT, R_IN, BAND = 760, 380, 390, 340, 80, 34
LINE, COLUMN_CHARS = 16, 45


def h(text: object) -> str:
    return escape(visible(str(text), newlines=False))


def _angle(day: date) -> float:
    """Radians clockwise from twelve o'clock: the day's middle."""
    days = 366 if day.year % 4 == 0 and (day.year % 100 != 0 or day.year % 400 == 0) else 365
    return 2 * math.pi * (day.timetuple().tm_yday - 0.5) / days


def _point(angle: float, radius: float) -> tuple[float, float]:
    return CX + radius * math.sin(angle), CY - radius * math.cos(angle)


def _ring_radius(ring: str) -> float:
    width = (R_OUT - BAND - R_IN) / len(RINGS)
    return R_IN + width * (RINGS.index(ring) + 0.5)


def _shape(ring: str, x: float, y: float, size: float = 6.0) -> str:
    kind, colour = SHAPES[ring], COLOURS[ring]
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size * 0.8:.1f}" fill="{colour}"'
    if kind == "square":
        s = size * 0.75
        return f'<rect x="{x - s:.1f}" y="{y - s:.1f}" width="{2 * s:.1f}" height="{2 * s:.1f}" fill="{colour}"'
    if kind == "diamond":
        return (f'<polygon points="{x:.1f},{y - size:.1f} {x + size:.1f},{y:.1f} {x:.1f},{y + size:.1f} '
                f'{x - size:.1f},{y:.1f}" fill="{colour}"')
    return (f'<polygon points="{x:.1f},{y - size:.1f} {x + size:.1f},{y + size * 0.8:.1f} '
            f'{x - size:.1f},{y + size * 0.8:.1f}" fill="{colour}"')


def mark_text(m: Mark, lang: str, own_words: bool = True) -> str:
    """One mark for people: what it is and the title, with the marks the tables give (~, [assumption])."""
    what = label("aj_decide_by", lang) if m.kind == "decide_by" else label(label_key(m.kind), lang)
    return (f"{what}: {m.title}" + (f" – {m.what}" if m.what and own_words else "") + (" ~" if m.approximate else "")
            + (label("assumed_short", lang) if m.assumed else ""))


def _short(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _wrapped(text: str, chars: int, most: int = 3) -> list[str]:
    """A list entry on as many lines as it needs (at most `most`, the last one shortened): two entries
    that share their first 45 characters must still read apart."""
    import textwrap

    lines = textwrap.wrap(text, chars, break_long_words=True, break_on_hyphens=False) or [""]
    if len(lines) > most:
        lines = lines[: most - 1] + [_short(" ".join(lines[most - 1:]), chars)]
    return lines


def _list_rows(r: WheelResult, lang: str, months: tuple[str, ...]) -> list[list[tuple[str, Any]]]:
    """Each month's lines of the list under the wheel: its name, then each mark (its first line with its
    shape and day, the rest indented) and the mark's own words."""
    by_month: list[list[Mark]] = [[] for _ in range(12)]
    for m in r.marks:
        by_month[m.day.month - 1].append(m)
    result = []
    for month, marks in enumerate(by_month):
        rows: list[tuple[str, Any]] = [("head", months[month])]
        for m in marks:
            first, *more = _wrapped(mark_text(m, lang, own_words=False), COLUMN_CHARS)
            rows += [("mark", (m, first))] + [("more", line) for line in more]
            rows += [("more", line) for line in (_wrapped(m.what, COLUMN_CHARS - 2) if m.what else [])]
        if not marks:
            rows.append(("more", label("aj_none", lang)))
        result.append(rows)
    return result


def _months(lang: str) -> tuple[str, ...]:
    return MONTHS_SV if lang == "sv" else MONTHS_EN


def render_svg(r: WheelResult, lang: str) -> str:
    months = _months(lang)
    title = label("aj_title", lang, year=r.year)
    rows_by_month = _list_rows(r, lang, months)
    list_lines = sum(len(rows) for rows in rows_by_month)
    column_lines = (list_lines + 1) // 2
    list_top = CY + R_OUT + 100
    height = list_top + column_lines * LINE + 40
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="arshjul" viewBox="0 0 {WIDTH} {height}" '
           f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="aj-title aj-desc" '
           f'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif">',
           f'<title id="aj-title">{h(title)}</title>',
           f'<desc id="aj-desc">{h(label("aj_desc", lang, n=len(r.marks)))}</desc>',
           f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
           f'<text x="{CX}" y="24" text-anchor="middle" font-size="20" font-weight="700" fill="#1b1f24">{h(title)}</text>']
    # rings and month sectors
    for ring in RINGS:
        out.append(f'<circle cx="{CX}" cy="{CY}" r="{_ring_radius(ring):.1f}" fill="none" stroke="#e3e7ec" '
                   f'stroke-width="{(R_OUT - BAND - R_IN) / len(RINGS) - 2:.1f}"/>')
    out.append(f'<circle cx="{CX}" cy="{CY}" r="{R_OUT}" fill="none" stroke="#5b6470" stroke-width="1.5"/>')
    out.append(f'<circle cx="{CX}" cy="{CY}" r="{R_OUT - BAND}" fill="none" stroke="#5b6470"/>')
    out.append(f'<circle cx="{CX}" cy="{CY}" r="{R_IN}" fill="none" stroke="#5b6470"/>')
    for month in range(12):
        start = _angle(date(r.year, month + 1, 1)) - math.pi / (366 if r.year % 4 == 0 else 365)
        x1, y1 = _point(start, R_IN)
        x2, y2 = _point(start, R_OUT)
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#5b6470"/>')
        middle = _angle(date(r.year, month + 1, 15))
        tx, ty = _point(middle, R_OUT - BAND / 2)
        out.append(f'<text x="{tx:.1f}" y="{ty + 5:.1f}" text-anchor="middle" font-size="14" font-weight="600" '
                   f'fill="#1b1f24">{h(months[month])}</text>')
    out.append(f'<text x="{CX}" y="{CY + 8}" text-anchor="middle" font-size="26" font-weight="700" '
               f'fill="#1b1f24">{r.year}</text>')
    if r.as_of.year == r.year:
        x, y = _point(_angle(r.as_of), R_OUT + 6)
        x0, y0 = _point(_angle(r.as_of), R_IN)
        out.append(f'<line class="today" x1="{x0:.1f}" y1="{y0:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="#0d47a1" '
                   f'stroke-width="2.5"><title>{h(label("aj_today", lang, date=r.as_of.isoformat()))}</title></line>')
    crowd: dict[tuple[date, str], int] = {}
    for m in r.marks:
        k = crowd[(m.day, m.ring)] = crowd.get((m.day, m.ring), -1) + 1
        # marks on one day and ring side by side: across the ring, then back along it
        x, y = _point(_angle(m.day) - math.radians(1.6) * (k // 3), _ring_radius(m.ring) + 11 * ((k % 3) - (k % 3 == 2) * 3))
        out.append(f'{_shape(m.ring, x, y)} stroke="#ffffff" stroke-width="1" class="mark {m.ring}">'
                   f'<title>{m.day.isoformat()} {h(mark_text(m, lang))}</title></{_tag(m.ring)}>')
    # legend
    legend_y = CY + R_OUT + 34
    step = WIDTH / 2
    for i, ring in enumerate(RINGS):
        x, y = 20 + step * (i % 2), legend_y + 22 * (i // 2)
        out.append(f'{_shape(ring, x + 6, y - 4)}/>')
        out.append(f'<text x="{x + 18:.1f}" y="{y:.1f}" font-size="13" fill="#1b1f24">'
                   f'{h(label(ring_key(ring), lang))}</text>')
    # every mark, by month, in two columns
    y, column = list_top + 20, 0
    lines_in_column = 0
    for rows in rows_by_month:
        for kind, item in rows:
            if lines_in_column >= column_lines and column == 0 and kind == "head":
                column, lines_in_column, y = 1, 0, list_top + 20
            x = 20 + column * (WIDTH / 2)
            if kind == "head":
                out.append(f'<text x="{x:.1f}" y="{y}" font-size="13" font-weight="700" fill="#1b1f24">'
                           f'{h(str(item).capitalize())}</text>')
            elif kind == "more":
                out.append(f'<text x="{x + 26:.1f}" y="{y}" font-size="12" fill="#4a525c">{h(str(item))}</text>')
            else:
                mark, first = item
                out.append(f'{_shape(mark.ring, x + 4, y - 4, 4.5)}/>')
                out.append(f'<text x="{x + 12:.1f}" y="{y}" font-size="12" fill="#1b1f24">'
                           f'<tspan font-weight="600">{mark.day.day:>2}</tspan> {h(first)}</text>')
            y += LINE
            lines_in_column += 1
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _tag(ring: str) -> str:
    return {"circle": "circle", "square": "rect"}.get(SHAPES[ring], "polygon")


CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; margin: 2rem auto;
       max-width: 800px; padding: 0 1rem; }
svg.arshjul { width: 100%; height: auto; }
.incomplete { border: 2px solid #c62828; color: #c62828; padding: .5rem .8rem; border-radius: 6px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top;
  padding: .25rem .5rem; border-bottom: 1px solid #d6dbe1; } td.date { white-space: nowrap; }
a:focus-visible { outline: 3px solid #0d47a1; outline-offset: 2px; }
@page { size: A4; margin: 12mm; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } section.list { break-before: page; } }
"""


def marks_table(r: WheelResult, lang: str) -> str:
    """The wheel's marks as a table (the text alternative of the picture)."""
    rows = "".join(f'<tr><td class="date">{m.day.isoformat()}</td><td>{h(label(ring_key(m.ring), lang))}</td>'
                   f'<td>{h(mark_text(m, lang))}</td></tr>' for m in r.marks)
    return (f'<table><thead><tr><th scope="col">{h(label("col_date", lang))}</th><th scope="col">{h(label("col_kind", lang))}'
            f'</th><th scope="col">{h(label("col_what", lang))}</th></tr></thead><tbody>{rows}</tbody></table>')


def render_html(r: WheelResult, lang: str) -> str:
    from svo_cli.render.report import html_banner

    title = label("aj_title", lang, year=r.year)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{h(title)}</title>'
            f'<style>{CSS}</style></head><body><main><h1>{h(title)}</h1>{"".join(html_banner(r.errors, lang))}'
            f'{render_svg(r, lang)}<section class="list"><h2>{h(label("aj_list", lang))}</h2>'
            f'{marks_table(r, lang)}</section></main></body></html>\n')
