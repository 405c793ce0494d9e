"""Results → tables for people (rich; plain text without colour or box lines when `plain`)."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from svo_cli.engine import Detail
from svo_cli.i18n import label
from svo_cli.kinds import assumed_key, label_key
from svo_cli.render.views import (
    View,
    adoption_view,
    assignments_view,
    events_view,
    meetings_view,
    show_deadlines_view,
    terms_view,
)
from svo_cli.safe import visible
from svo_cli.workplans import meetings_dated

STATUS_STYLE = {
    "active": "green", "notice_given": "yellow", "upcoming": "cyan", "expired": "dim",
    "terminated": "dim", "superseded": "dim",
    "overdue": "bold red", "due": "bold yellow", "upcoming_deadline": "", "done": "green",
}


def console_for(plain: bool, width: int) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=not plain, no_color=plain,
                      color_system=None if plain else "standard", highlight=False, emoji=False,
                      legacy_windows=False)
    return console, buffer


_SGR = re.compile(r"(\x1b\[[0-9;]*m)")


def finish(buffer: io.StringIO) -> str:
    """The rendered text without the padding rich adds at line ends; every control character that is
    not one of rich's own colour codes is made visible (data never reaches the terminal's controls)."""
    text = "".join(part if _SGR.fullmatch(part) else visible(part) for part in _SGR.split(buffer.getvalue()))
    # Lines end at newlines only: every other line separator was made visible above (never splitlines()).
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _table(plain: bool, title: str | None = None) -> Table:
    return Table(title=Text(title) if title else None, box=None if plain else box.SIMPLE_HEAD, show_edge=False,
                 pad_edge=False, title_justify="left", header_style="" if plain else "bold")


def _d(value: date | None) -> str:
    return value.isoformat() if value else "–"


def _styled(text: str, style_key: str, plain: bool) -> Text:
    return Text(text) if plain else Text(text, style=STATUS_STYLE.get(style_key, ""))


MIN_WRAP = 24  # the free-text column needs at least this much to be worth a table
MIN_WRAP_MINOR = 12  # other free-text columns (an area's name, an owner)
GAP = 2  # between two columns: rich's padding, one space each side


def _gap(plain: bool) -> int:
    """The room between two columns: the padding, and in the pretty table (box.SIMPLE_HEAD) also the
    box's column separator. Budgeting less makes rich shrink the no-wrap columns, cutting dates (H9)."""
    return GAP if plain else GAP + 1


def _natural(view: View, i: int) -> int:
    return max([len(str(view.header[i]))] + [len(str(row[i])) for row in view.rows])


def _least(view: View, i: int) -> int:
    """The narrowest a column may be: ids, dates and numbers in full; the free-text column MIN_WRAP;
    other free text its longest word (words are not broken), at least MIN_WRAP_MINOR."""
    if i == view.wrap_column:
        return MIN_WRAP
    if i in view.also_wrap:
        longest = max((len(word) for row in view.rows for word in str(row[i]).split()), default=0)
        return min(_natural(view, i), max(MIN_WRAP_MINOR, longest, len(str(view.header[i]))))
    return _natural(view, i)


def _fixed_width(view: View, plain: bool) -> int:
    """Columns wide enough for every id, date and number in full, plus the gaps between columns."""
    return sum(_least(view, i) for i in range(len(view.header))) + _gap(plain) * (len(view.header) - 1)


def _widths(view: View, width: int, plain: bool) -> list[int]:
    """Each column's width within `width`: fixed columns at their natural width; what is left goes to
    the free-text columns, in proportion to how much more each would take (none beyond its text)."""
    least = [_least(view, i) for i in range(len(view.header))]
    natural = [_natural(view, i) for i in range(len(view.header))]
    gaps = _gap(plain) * (len(view.header) - 1)
    spare = width - sum(least) - gaps
    wanted = [n - m for n, m in zip(natural, least)]
    if sum(wanted) <= spare:
        return natural
    total = sum(wanted)
    widths = [m + w * spare // total for m, w in zip(least, wanted)]
    if view.wrap_column is not None:  # rounding leftovers go to the main free-text column
        widths[view.wrap_column] += width - sum(widths) - gaps
    return widths


def render_view(view: View, plain: bool, width: int = 140) -> str:
    """Any tabular view as a table (plain text when `plain`), then its notes and summary.

    Ids, dates and numbers are never cut or wrapped: only the free-text column wraps. When the width
    cannot hold the table, each row is printed as a card (id and title, then label: value lines)."""
    console, buffer = console_for(plain, width)
    for line in view.banner:  # file names: one line each, whatever they contain
        console.print(Text(visible(line, newlines=False), style="" if plain else "bold red"))
    if view.banner:
        console.print()
    print_view(console, view, plain, width)
    return finish(buffer)


def print_view(console: Console, view: View, plain: bool, width: int) -> None:
    """A view's table, or its cards when `width` cannot hold the table; then its notes and summary."""
    if view.rows and _fixed_width(view, plain) > width:
        _cards(console, view, plain)
    elif view.rows:
        table = _table(plain, view.title)
        flexible = {view.wrap_column, *view.also_wrap}
        for i, (name, w) in enumerate(zip(view.header, _widths(view, width, plain))):
            if i in flexible:
                table.add_column(name, overflow="fold", width=w)
            else:
                table.add_column(name, no_wrap=True, width=w)
        for row, status in zip(view.rows, view.row_status or [""] * len(view.rows)):
            cells: list[Any] = [Text(str(c)) for c in row]  # data is text, never rich markup
            if view.status_column is not None:
                cells[view.status_column] = _styled(str(row[view.status_column]), status, plain)
            table.add_row(*cells)
        console.print(table)
    else:
        console.print(Text(view.title, style="" if plain else "bold"))
        if view.header:
            console.print(Text("  " + label("nothing_here", view.lang)))
    if view.notes:
        console.print()
        console.print(Text(view.notes_title, style="" if plain else "bold"))
        for line in view.notes:
            console.print(Text(line))
    if view.summary:
        if view.notes:
            console.print()
        console.print(Text(view.summary))


def _cards(console: Console, view: View, plain: bool) -> None:
    """One block per row: the id (and title) on the first line, then each other column as label: value."""
    console.print(Text(view.title, style="" if plain else "bold"))
    head_at = view.head_column
    for n, (row, status) in enumerate(zip(view.rows, view.row_status or [""] * len(view.rows))):
        console.print()
        title = view.titles[n] if view.titles else ""
        first = f"{view.header[head_at]} {row[head_at]}" if view.head_label else str(row[head_at])
        head = Text(first, style="" if plain else "bold")
        if title:
            head.append(" — " + title)
        grid = Table.grid(padding=(0, 1))  # both columns fold: at any width nothing is cut with '…'
        grid.add_column(overflow="fold")
        grid.add_column(overflow="fold")
        for i, (name, cell) in enumerate(zip(view.header, row)):
            text = str(cell)
            if i == head_at or text in ("", "–") and i != view.status_column or text == title:
                continue
            if name == "~":  # the coarse-date mark goes on the card's first line, as in the table
                head.append("  ~")
                continue
            if not name:  # a marker column without a header (the term in force) joins the first line
                head.append("  ")
                head.append(_styled(text, status, plain))
                continue
            value = _styled(text, status, plain) if i == view.status_column else Text(text)
            grid.add_row(Text(f"  {name}:"), value)
        console.print(head)
        console.print(grid)
    console.print()


def render_detail(detail: Detail, plain: bool, width: int = 120, lang: str = "en", citation: str = "",
                  names: dict[str, str] | None = None) -> str:
    from svo_cli.i18n import duration_text, explain, label
    from svo_cli.obligations import coarse_dates

    console, buffer = console_for(plain, width)
    a, s, tl = detail.agreement, detail.status, detail.timeline
    bold = "" if plain else "bold"
    console.print(Text(a.title, style=bold))
    console.print(Text(label("d_ids", lang, id=a.id, kind=a.kind,
                             parties=", ".join((names or {}).get(p, p) for p in a.parties))))
    if a.responsible:
        console.print(Text(label("d_responsible", lang, who=a.responsible)))
    end = f"{a.valid_until}" if a.valid_until else label("open_ended", lang)
    line = label("d_valid_first" if a.renewal and a.valid_until else "d_valid", lang,
                 start=label("unknown_start", lang) if a.valid_from.unknown else a.valid_from, end=end)
    if a.renewal:
        line += label("d_renewal", lang, every=duration_text(a.renewal.every, lang))
    if a.notice and a.notice.before_end:
        line += label("d_notice_before", lang, before=duration_text(a.notice.before_end, lang))
    if a.notice and a.notice.period:
        line += label("d_notice_period", lang, period=duration_text(a.notice.period, lang))
    console.print(Text(line))
    for what, why in assumptions(a):
        console.print(Text(label("d_assumed", lang, what=label(assumed_key(what), lang), why=" ".join(why.split()))))
    console.print(Text(label("d_status", lang, date=tl.as_of.isoformat())), _styled(label(label_key(s.status), lang), s.status, plain),
                  Text((label("d_status_tail_option", lang, ends=_d(s.ends_on), next=_d(s.option_deadline))
                        if s.option_deadline else label("d_status_tail", lang, ends=_d(s.ends_on), next=_d(s.notice_deadline)))
                       + (label("d_binding", lang, date=s.binding_until.isoformat()) if s.binding_until else "")
                       + ((label("d_approx_dates", lang, dates=explain(coarse_dates(tl.coarse), lang)) if tl.coarse
                           else label("d_approx", lang)) if s.approximate else "")))
    if s.withdrawn:
        items = ", ".join(label("d_withdrawn_item", lang, party=w.party, date=w.last_day.isoformat())
                          for w in s.withdrawn)
        console.print(Text(label("d_withdrawn", lang, items=items)))
    if a.supersedes:
        console.print(Text(label("d_supersedes", lang, ids=", ".join(a.supersedes))))
    console.print()
    print_view(console, terms_view(detail, lang), plain, width)
    if tl.notice:
        console.print(Text(label("d_notice_given", lang, date=tl.notice.date.isoformat())
                           + (label("d_notice_by", lang, by=tl.notice.by) if tl.notice.by else "")
                           + (label("d_notice_late", lang) if tl.notice.late else "")
                           + label("d_notice_effect", lang, term=tl.notice.effective_term)))
    console.print()
    _print_deadlines(console, detail.deadlines, plain, lang, width)
    if a.events:
        print_view(console, events_view(a.events, lang), plain, width)
        console.print()
    _print_source(console, a.source, a.notes, plain, lang, citation)
    return finish(buffer)


def render_plan(r: Any, plain: bool, width: int = 120, lang: str = "en") -> str:
    """One work plan in full (a PlanResult): adoption principal by principal, assignments, meetings,
    follow-ups."""
    plan, status, progress, meetings, names = r.plan, r.status, r.progress, r.meetings, r.names
    console, buffer = console_for(plain, width)
    bold = "" if plain else "bold"
    console.print(Text(plan.title, style=bold))
    console.print(Text(label("p_head", lang, id=plan.id, body=plan.body, start=status.period_from.isoformat(),
                             end=status.period_until.isoformat(), state=label(label_key(status.state), lang))))
    console.print()
    if progress is not None:
        print_view(console, adoption_view(progress, names, lang), plain, width)
        console.print()
    if plan.areas:
        print_view(console, assignments_view(r.assignments, lang), plain, width)
        console.print()
    if meetings:
        print_view(console, meetings_view(meetings, lang), plain, width)
        console.print()
    short = [m for m in meetings_dated(plan) if m.dated < m.per_year]
    if short:
        console.print(Text(label("p_meetings_dated", lang, body=plan.body, n=short[0].per_year,
                                 years=", ".join(label("p_meetings_year", lang, dated=m.dated, year=m.year)
                                                 for m in short))))
        console.print()
    _print_deadlines(console, r.rows, plain, lang, width)
    _print_source(console, plan.source, plan.notes, plain, lang, r.citation)
    return finish(buffer)


def assumptions(agreement) -> list[tuple[str, str]]:
    """The agreement's own facts marked assumed, each with its reason: start, end, parties, notice, renewal."""
    marked = agreement.assumed
    found = [(key, getattr(marked, key)) for key in ("valid_from", "valid_until", "parties")
             if marked is not None and getattr(marked, key)]
    found += [(key, rule.assumed) for key, rule in (("notice", agreement.notice), ("renewal", agreement.renewal))
              if rule is not None and rule.assumed]
    return found


def _print_deadlines(console: Console, deadlines, plain: bool, lang: str, width: int) -> None:
    """The deadlines table shared by the agreement and work-plan views."""
    if deadlines:
        print_view(console, show_deadlines_view(deadlines, lang), plain, width)
        console.print()


def _print_source(console: Console, src, notes: str | None, plain: bool, lang: str, citation: str = "") -> None:
    """Where the data comes from (the quoted clause) and the transcriber's notes."""
    from svo_cli.i18n import label

    bold = "" if plain else "bold"
    console.print(Text(label("col_source", lang), style=bold))
    console.print(Text(citation or (f"{src.document}" + (f", {src.section}" if src.section else "")
                                    + (f" ({src.reference})" if src.reference else ""))))
    for quote in src.quotes:
        console.print(Text(f"“{' '.join(quote.split())}”", style="" if plain else "italic"))
    if notes:
        console.print()
        console.print(Text(label("col_notes", lang), style=bold))
        console.print(Text(" ".join(notes.split())))
