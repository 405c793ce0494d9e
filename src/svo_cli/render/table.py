"""Results → tables for people (rich; plain text without colour or box lines when `plain`)."""

from __future__ import annotations

import io
from datetime import date
from typing import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from svo_cli.diagnostics import Diagnostic
from svo_cli.engine import AgreementStatus, Deadline, Detail

STATUS_STYLE = {
    "active": "green", "notice_given": "yellow", "upcoming": "cyan", "expired": "dim",
    "terminated": "dim", "superseded": "dim",
    "overdue": "bold red", "due": "bold yellow", "upcoming_deadline": "", "done": "green",
}


def _console(plain: bool, width: int) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=not plain, no_color=plain,
                      color_system=None if plain else "standard", highlight=False, emoji=False,
                      legacy_windows=False)
    return console, buffer


def _finish(buffer: io.StringIO) -> str:
    """The rendered text without the padding rich adds at line ends."""
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def _table(plain: bool, title: str | None = None) -> Table:
    return Table(title=title, box=None if plain else box.SIMPLE_HEAD, show_edge=False,
                 pad_edge=False, title_justify="left", header_style="" if plain else "bold")


def _d(value: date | None) -> str:
    return value.isoformat() if value else "–"


def _styled(text: str, style_key: str, plain: bool) -> Text:
    return Text(text) if plain else Text(text, style=STATUS_STYLE.get(style_key, ""))


def render_status(as_of: date, rows: Sequence[AgreementStatus], plain: bool, width: int = 120) -> str:
    console, buffer = _console(plain, width)
    table = _table(plain, f"Agreements on {as_of.isoformat()}")
    for name in ("ID", "Status", "Term", "Term start", "Term end", "Ends on", "Next notice deadline", "~"):
        table.add_column(name, no_wrap=name != "ID", overflow="fold")
    for r in rows:
        term_end = "tills vidare" if r.term is not None and r.term_end is None else _d(r.term_end)
        table.add_row(r.id, _styled(r.status, r.status, plain), str(r.term) if r.term else "–",
                      _d(r.term_start), term_end, _d(r.ends_on), _d(r.notice_deadline),
                      "~" if r.approximate else "")
    console.print(table)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.status] = counts.get(r.status, 0) + 1
    console.print(f"{len(rows)} agreements: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
                  + ("  (~ rests on a coarse date)" if any(r.approximate for r in rows) else ""))
    return _finish(buffer)


def render_deadlines(as_of: date, until: date, rows: Sequence[Deadline], plain: bool, width: int = 160) -> str:
    console, buffer = _console(plain, width)
    table = _deadline_table(rows, plain, f"Deadlines from {as_of.isoformat()} to {until.isoformat()} (and everything overdue)")
    console.print(table)
    overdue = sum(1 for d in rows if d.status == "overdue")
    due = sum(1 for d in rows if d.status == "due")
    console.print(f"{len(rows)} deadlines: {overdue} overdue, {due} due today, "
                  f"{len(rows) - overdue - due} upcoming")
    return _finish(buffer)


def render_detail(detail: Detail, plain: bool, width: int = 120) -> str:
    console, buffer = _console(plain, width)
    a, s, tl = detail.agreement, detail.status, detail.timeline
    console.print(Text(a.title, style="" if plain else "bold"))
    console.print(f"id: {a.id}   kind: {a.kind}   parties: {', '.join(a.parties)}")
    if a.responsible:
        console.print(f"responsible: {a.responsible}")
    end = f"{a.valid_until}" if a.valid_until else "tills vidare"
    console.print(f"valid: {a.valid_from} – {end}"
                  + (f"   renewal: every {a.renewal.every}" if a.renewal else "")
                  + (f"   notice: {a.notice.before_end} before term end" if a.notice and a.notice.before_end else "")
                  + (f"   notice period: {a.notice.period}" if a.notice and a.notice.period else ""))
    console.print(f"status on {tl.as_of.isoformat()}: ", _styled(s.status, s.status, plain),
                  f"   ends on: {_d(s.ends_on)}   next notice deadline: {_d(s.notice_deadline)}"
                  + ("   (approximate)" if s.approximate else ""))
    if a.supersedes:
        console.print(f"supersedes: {', '.join(a.supersedes)}")
    console.print()
    terms = _table(plain, "Terms")
    for name in ("Term", "Start", "End", "Notice deadline", "Act by", ""):
        terms.add_column(name, no_wrap=True)
    for t in tl.terms:
        marker = "◀ in force" if s.term == t.number else ""
        if not plain and marker:
            marker = "[green]◀ in force[/]"
        terms.add_row(str(t.number), t.start.isoformat(), "tills vidare" if t.end is None else t.end.isoformat(),
                      _d(t.notice_deadline), _d(detail.notice_act_by.get(t.number)), marker)
    console.print(terms)
    if tl.notice:
        console.print(f"notice given {tl.notice.date.isoformat()}" + (f" by {tl.notice.by}" if tl.notice.by else "")
                      + (" (late: after the notice deadline)" if tl.notice.late else "")
                      + f"; ends after term {tl.notice.effective_term}")
    console.print()
    if detail.deadlines:
        table = _table(plain, "Deadlines")
        for name in ("Date", "Act by", "Status", "Kind", "What"):
            table.add_column(name, no_wrap=name != "What", overflow="fold")
        for d in detail.deadlines:
            state_key = "upcoming_deadline" if d.status == "upcoming" else d.status
            table.add_row(d.date.isoformat(), d.act_by.isoformat(), _styled(d.status, state_key, plain),
                          d.kind, d.explanation)
        console.print(table)
        console.print()
    if a.events:
        table = _table(plain, "Events")
        for name in ("Date", "Type", "Details"):
            table.add_column(name, no_wrap=name != "Details", overflow="fold")
        for e in a.events:
            details = "; ".join(x for x in (
                f"by {e.by}" if e.by else "", f"until {e.until}" if e.until else "",
                f"follow-up {e.followup}" if e.followup else "", e.note or "", e.reference or "") if x)
            table.add_row(str(e.date), e.type, details)
        console.print(table)
        console.print()
    src = a.source
    console.print(Text("Source", style="" if plain else "bold"))
    console.print(f"{src.document}" + (f", {src.section}" if src.section else "")
                  + (f" ({src.reference})" if src.reference else ""))
    if src.quote:
        console.print(Text(f"“{src.quote.strip()}”", style="" if plain else "italic"))
    if a.notes:
        console.print()
        console.print(Text("Notes", style="" if plain else "bold"))
        console.print(a.notes.strip())
    return _finish(buffer)


def _deadline_table(rows: Sequence[Deadline], plain: bool, title: str) -> Table:
    table = _table(plain, title)
    for name in ("Date", "Act by", "Days", "Status", "Kind", "ID", "What"):
        table.add_column(name, no_wrap=name != "What", overflow="fold")
    for d in rows:
        what = d.explanation + (" (approximate: rests on a coarse date)" if d.approximate else "")
        state_key = "upcoming_deadline" if d.status == "upcoming" else d.status
        table.add_row(d.date.isoformat(), d.act_by.isoformat(), str(d.days_left),
                      _styled(d.status, state_key, plain), d.kind, d.id, what)
    return table


def render_plans(as_of: date, rows: Sequence, names: dict[str, str], plain: bool, width: int = 140) -> str:
    console, buffer = _console(plain, width)
    table = _table(plain, f"Work plans on {as_of.isoformat()}")
    for name in ("ID", "Body", "State", "Period", "Adoption", "Assignments", "Next meeting"):
        table.add_column(name, no_wrap=name in ("ID", "Body", "State", "Period"), overflow="fold")
    for r in rows:
        adoption = "–"
        if r.adoption is not None:
            a = r.adoption
            adoption = f"{len(a.adopted)} of {len(a.required)}"
            if a.missing:
                prepared = dict(a.prepared)
                missing = [names.get(p, p) + (f" (prepared {prepared[p].isoformat()})" if p in prepared else "")
                           for p in a.missing]
                adoption += (" OVERDUE" if a.overdue else "") + f"; due {_d(a.due)}; missing: " + ", ".join(missing)
        assignments = f"{r.assignments_open} open, {r.assignments_overdue} overdue, {r.assignments_done} done"
        meeting = "–"
        if r.next_meeting is not None:
            m = r.next_meeting
            meeting = f"{m.date.isoformat()} {m.title}"
            if m.agenda_by:
                meeting += f" (agenda by {m.agenda_by.isoformat()})"
        table.add_row(r.id, r.body, _styled(r.state, "active" if r.state == "active" else "expired", plain),
                      f"{r.period_from.isoformat()} – {r.period_until.isoformat()}", adoption, assignments, meeting)
    console.print(table)
    return _finish(buffer)


def render_check(as_of: date, until: date, meeting: date | None, rows: Sequence[Deadline],
                 warnings: Sequence[Diagnostic], tally: dict, plain: bool, width: int = 160) -> str:
    console, buffer = _console(plain, width)
    target = f"the meeting {meeting.isoformat()}" if meeting else until.isoformat()
    title = f"Check on {as_of.isoformat()}: what needs attention through {target}"
    if meeting and until != meeting:
        title += f" (+ horizon to {until.isoformat()})"
    if rows:
        console.print(_deadline_table(rows, plain, title))
    else:
        console.print(title)
        console.print("Nothing needs attention.")
    if warnings:
        console.print()
        console.print(Text("Data warnings", style="" if plain else "bold"))
        from svo_cli.render.text import finding_line

        for w in warnings:
            console.print(Text(finding_line(w)))
    console.print()
    console.print(f"{tally['overdue']} overdue, {tally['due']} due today, {tally['upcoming']} coming by {target}"
                  + (f", {len(warnings)} data warning{'s' if len(warnings) != 1 else ''}" if warnings else ""))
    return _finish(buffer)
