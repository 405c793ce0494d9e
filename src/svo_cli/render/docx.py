"""Results → a Word document (.docx) for the meeting: `svo check` and `svo report` as the coordinator brings
them (python-docx).

A4, the document's own heading, list and table styles (so an organisation's template restyles it:
`--template FILE.docx` gives the styles, page set-up, letterhead, header and footer), the header naming the
body, the meeting and the as-of date, page numbers (a PAGE field), the check's sections in order, each
decision with its dates, both options, the assumption marks with their reasons, its source by document and
section and an editable "Förslag till beslut" naming the options; wide tables in a landscape section, every
table's header row repeated on each page. The bytes are written by output.py like any other format.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from svo_cli import __version__
from svo_cli.i18n import explain, label
from svo_cli.kinds import DeadlineKind, label_key
from svo_cli.obligations import Deadline
from svo_cli.render.choices import option_text, proposal
from svo_cli.render.views import after_title, decide_by_cell, decision_note, incomplete_banner, since_text
from svo_cli.safe import visible

if TYPE_CHECKING:
    from svo_cli.text_keys import LabelKey

A4 = (Mm(210), Mm(297))
MARGIN = Mm(20)
PORTRAIT_TEXT_MM = 170  # A4 less the margins
LANDSCAPE_TEXT_MM = 257


def _t(text: Any) -> str:
    """Text for the document: control characters (never valid in its XML) written out as svo does everywhere."""
    return visible(str(text), newlines=False)


def _lines(paragraph: Any, text: str, first_break: bool = False) -> None:
    """Text into a paragraph, each line after a real line break (a row's explanation and its reason are
    two lines; written out, a line feed would read as "\\x0a")."""
    for i, line in enumerate(text.split("\n")):
        run = paragraph.add_run()
        if i or first_break:
            run.add_break()
        run.add_text(_t(line))


class Writer:
    """One Word document being written: headings, paragraphs, tables, sections; styles looked up by name and
    left out (the paragraph keeps the template's default) when the template has no such style."""

    def __init__(self, lang: str, template: bytes | None = None):
        self.lang = lang
        self.doc = Document(io.BytesIO(template)) if template else Document()
        self.templated = template is not None
        if self.templated:
            body = self.doc.element.body
            for child in list(body):
                if child.tag != qn("w:sectPr"):  # the template's own text is an example, not the meeting's
                    body.remove(child)
        else:
            section = self.doc.sections[0]
            section.page_width, section.page_height = A4
            for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
                setattr(section, side, MARGIN)
            section.header_distance = section.footer_distance = Mm(10)
        props = self.doc.core_properties
        props.author, props.last_modified_by, props.revision = "svo", "svo", 1
        props.created = props.modified = datetime(2000, 1, 1)

    # ----------------------------------------------------------------- styles and text

    def style(self, *names: str) -> str | None:
        have = {s.name for s in self.doc.styles}
        return next((n for n in names if n in have), None)

    def heading(self, text: str, level: int) -> None:
        name = self.style("Title") if level == 0 else self.style(f"Heading {level}")
        paragraph = self.doc.add_paragraph(_t(text), style=name)
        if name is None:  # a template without heading styles: bold, so it still reads as one
            for run in paragraph.runs:
                run.bold = True

    def para(self, text: str = "", style: str | None = None, lead: str | None = None, italic: bool = False) -> Any:
        paragraph = self.doc.add_paragraph(style=self.style(style) if style else None)
        if lead:
            paragraph.add_run(_t(lead)).bold = True
        if text:
            paragraph.add_run(_t(text)).italic = italic
        return paragraph

    def bullet(self, text: str, lead: str | None = None) -> None:
        name = self.style("List Bullet")
        self.para(text if name else "• " + text, "List Bullet" if name else None, lead=lead)

    # ----------------------------------------------------------------- tables and sections

    def table(self, header: Sequence[str], rows: Iterable[Sequence[Any]], widths_mm: Sequence[float]) -> None:
        """A table whose columns add up to the text width, its header row bold and repeated on each page,
        rows kept whole across pages; a cell given as (lead, text) has its lead in bold."""
        rows = list(rows)
        table = self.doc.add_table(rows=1, cols=len(header))
        name = self.style("Table Grid", "Light Grid")
        if name:
            table.style = name
        table.autofit = False  # a fixed layout: the columns keep the widths given, long text wraps in them
        head = table.rows[0]
        _repeat_header(head)
        for cell, text in zip(head.cells, header):
            cell.paragraphs[0].add_run(_t(text)).bold = True
        for values in rows:
            row = table.add_row()
            _keep_row(row)
            for cell, value in zip(row.cells, values):
                paragraph = cell.paragraphs[0]
                if isinstance(value, tuple):
                    lead, text = value
                    paragraph.add_run(_t(lead)).bold = True
                    if text:
                        _lines(paragraph, str(text), first_break=True)
                else:
                    _lines(paragraph, str(value))
        for column, width in zip(table.columns, widths_mm):
            column.width = Mm(width)  # the grid: what LibreOffice lays the table out by
        for row in table.rows:
            for cell, width in zip(row.cells, widths_mm):
                cell.width = Mm(width)  # each cell: what Word lays it out by
        self.doc.add_paragraph()

    def orientation(self, landscape: bool) -> None:
        """A new page in a section of this orientation (only when it changes), the header linked to the first."""
        current = self.doc.sections[-1]
        if (current.orientation == WD_ORIENT.LANDSCAPE) == landscape:
            return
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        width, height = current.page_width, current.page_height
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        if width is not None and height is not None and (width > height) != landscape:
            section.page_width, section.page_height = height, width

    def text_width(self) -> float:
        """The current section's text width in millimetres."""
        s = self.doc.sections[-1]
        if s.page_width is None or s.left_margin is None or s.right_margin is None:
            return LANDSCAPE_TEXT_MM if s.orientation == WD_ORIENT.LANDSCAPE else PORTRAIT_TEXT_MM
        return (s.page_width - s.left_margin - s.right_margin) / 36000  # EMU per mm

    def header_footer(self, text: str) -> None:
        """The header line (after a template's own letterhead) and a page number in the footer."""
        section = self.doc.sections[0]
        header = section.header
        first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        target = first if not first.text.strip() else header.add_paragraph()
        target.style = self.style("Header")
        target.add_run(_t(text))
        footer = section.footer
        if "PAGE" in footer._element.xml:
            return  # the template numbers its pages already
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        if paragraph.text.strip():
            paragraph = footer.add_paragraph()
        paragraph.style = self.style("Footer")
        paragraph.add_run(label("doc_page", self.lang))
        _page_field(paragraph.add_run())

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def _repeat_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)


def _keep_row(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    keep = OxmlElement("w:cantSplit")
    keep.set(qn("w:val"), "true")
    properties.append(keep)


def _page_field(run: Any) -> None:
    """A PAGE field in a run (Word and LibreOffice fill in the page number)."""
    begin, code, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code.set(qn("xml:space"), "preserve")
    code.text = " PAGE "
    end.set(qn("w:fldCharType"), "end")
    separate, number = OxmlElement("w:fldChar"), OxmlElement("w:t")
    separate.set(qn("w:fldCharType"), "separate")
    number.text = "1"
    for element in (begin, code, separate, number, end):
        run._r.append(element)


# --------------------------------------------------------------------------- the parts


def _header_text(r: Any, lang: str) -> str:
    day = r.as_of.isoformat()
    if r.meeting is None:
        return label("doc_header_date", lang, date=day)
    if r.body:
        return label("doc_header_body", lang, body=r.body, meeting=r.meeting.isoformat(), date=day)
    return label("doc_header_meeting", lang, meeting=r.meeting.isoformat(), date=day)


def _title(r: Any, lang: str) -> str:
    if r.meeting is not None:
        key: LabelKey = "r_title_body" if r.body else "r_title_meeting"
        return label(key, lang, body=r.body or "", date=r.meeting.isoformat())
    return label("r_title", lang, date=r.as_of.isoformat())


def _target(r: Any, lang: str) -> str:
    return label("the_meeting", lang, date=r.meeting.isoformat()) if r.meeting else r.until.isoformat()


def _opening(w: Writer, r: Any, lang: str) -> None:
    w.header_footer(_header_text(r, lang))
    w.heading(_title(r, lang), 0)
    w.para(label("r_window", lang, start=r.as_of.isoformat(), target=_target(r, lang), date=r.as_of.isoformat()))
    banner = incomplete_banner(r.errors, lang)
    if banner:
        w.para(" ".join(line.strip() for line in banner[1:]), lead=banner[0] + " ")


def _what(d: Deadline, lang: str, names: dict[str, str]) -> str:
    return (explain(d.why, lang) + (label("approximate", lang) if d.approximate else "")
            + (label("assumed_mark", lang) if d.assumed else "") + decision_note(d, names, lang))


def _decisions(w: Writer, r: Any, lang: str, number: int, names: dict[str, str]) -> None:
    """Each decision: its title, dates, state, what it is, the options, why it rests on an assumption, its
    source and an editable proposed decision naming both options."""
    w.heading(f"{number}. " + label("sec_decisions", lang, date=r.as_of.isoformat()), 1)
    if not r.decisions:
        w.para(label("r_none", lang))
        return
    for i, d in enumerate(r.decisions, 1):
        w.heading(f"{number}.{i} {d.title} ({d.id})", 2)
        state = label("decision_overdue" if d.decision_overdue else "decision_open", lang)
        w.para(label("doc_dates", lang, date=d.date.isoformat(), act_by=d.act_by.isoformat(),
                     decide_by=decide_by_cell(d, lang)) + f" — {state}")
        w.para(_what(d, lang, names))
        if d.options:
            w.para(lead=label("col_options", lang))
            for o in d.options:
                w.bullet(option_text(o, lang, names))
        if d.key in r.reasons:
            w.para(label("doc_why_assumed", lang, reason=r.reasons[d.key]), italic=True)
        if d.decide_by_assumed:
            w.para(label("doc_lead_default", lang), italic=True)
        if d.id in r.sources:
            w.para(label("doc_source", lang, source=r.sources[d.id]), italic=True)
        w.heading(label("prop_heading", lang), 3)
        w.para(proposal(d, lang, r.body))


def _items(w: Writer, r: Any, lang: str, title: str, rows: Sequence[Deadline], names: dict[str, str]) -> None:
    """A section of items as a table across a landscape page: dates, state, kind, what (the title in bold,
    the explanation with its marks and reasons) and the source."""
    w.heading(title, 1)
    if not rows:
        w.para(label("r_none", lang))
        return
    header = tuple(label(k, lang) for k in ("col_date", "col_act_by", "col_decide_by", "col_status", "col_kind",
                                            "col_what", "col_source"))
    width = w.text_width()
    widths = (20, 20, 24, 20, 26)
    rest = width - sum(widths)
    cells = []
    for d in rows:
        what = _what(d, lang, names)
        if d.key in r.reasons:
            what += "\n" + label("doc_why_assumed", lang, reason=r.reasons[d.key])
        cells.append((d.date.isoformat(), d.act_by.isoformat(), decide_by_cell(d, lang), label(label_key(d.status), lang),
                      label(label_key(d.kind), lang), (d.title, what), r.sources.get(d.id, "")))
    w.table(header, cells, (*widths, rest * 0.68, rest * 0.32))


def _follow_up(w: Writer, r: Any, lang: str, title: str, names: dict[str, str]) -> None:
    """"Uppföljning av tidigare beslut" (issue 23): the earlier meetings' open assignments in the check's
    window (overdue, due by the meeting, after it) and the matters returning to this meeting."""
    from svo_cli.render.minutes import returning_view

    w.heading(title, 1)
    ids = set(r.minutes_ids)
    rows = [d for d in r.people if d.id in ids and d.kind == DeadlineKind.ASSIGNMENT]
    if rows:
        header = tuple(label(k, lang) for k in ("col_date", "col_status", "col_what"))
        width = w.text_width()
        w.table(header, [(d.date.isoformat(), label(label_key(d.status), lang), (d.title, _what(d, lang, names)))
                         for d in rows], (24, 26, width - 50))
    view = returning_view(r, lang)
    w.heading(view.title, 2)
    if not view.rows:
        w.para(label("r_none", lang))
    else:
        width = w.text_width()
        w.table(view.header, view.rows, (34, 24, 40, 22, width - 120))
    if not rows and not view.rows:
        w.para(label("r_none", lang))


def _ending(w: Writer, r: Any, lang: str, title: str, names: dict[str, str]) -> None:
    from svo_cli.render.views import ending_cells

    w.heading(title, 1)
    if not r.ending:
        w.para(label("r_none", lang))
        return
    header = tuple(label(k, lang) for k in ("col_last_day", "col_title", "col_reason"))
    width = w.text_width()
    rows = []
    for e in r.ending:
        day, _, reason, _ = ending_cells(e, names, lang)
        rows.append((day, (e.title, e.id), reason))
    w.table(header, rows, (24, width - 24 - 50, 50))


def _renewed(w: Writer, r: Any, lang: str, title: str) -> None:
    w.heading(title, 1)
    if not r.renewed:
        w.para(label("r_none", lang))
        return
    header = tuple(label(k, lang) for k in ("col_deadline", "col_title", "col_term", "col_binding_until"))
    width = w.text_width()
    w.table(header, [(x.date.isoformat(), (x.title, x.id), str(x.term),
                      x.binding_until.isoformat() if x.binding_until else "–") for x in r.renewed],
            (24, width - 24 - 16 - 28, 16, 28))


def _since(w: Writer, r: Any, lang: str, title: str, names: dict[str, str]) -> None:
    from svo_cli.render.views import happened_cells

    w.heading(title, 1)
    if not r.since_events:
        w.para(label("r_none", lang))
        return
    header = tuple(label(k, lang) for k in ("col_date", "col_title", "col_type", "col_party", "col_reference"))
    width = w.text_width()
    rows = []
    for h in r.since_events:
        day, _, what, party, reference = happened_cells(h, names, lang)
        rows.append((day, (h.title, h.id), what, party, reference))
    w.table(header, rows, (22, width - 22 - 34 - 34 - 30, 34, 34, 30))


def _findings(w: Writer, r: Any, lang: str) -> None:
    """The data's findings with their places (errors and warnings), as `svo validate` words them."""
    from svo_cli.render.text import finding_line, listed_findings

    w.heading(label("doc_findings", lang), 1)
    listed, closing = listed_findings(r.findings, lang)
    if not listed:
        w.para(label("doc_no_findings", lang))
    for d in listed:
        w.bullet(finding_line(d, lang))
    for line in closing:
        w.para(line)


def _closing(w: Writer, r: Any, lang: str, assumed: bool) -> None:
    if assumed:
        w.para(label("assumed_legend", lang).strip(), italic=True)
    w.para(label("r_footer", lang, version=__version__), italic=True)


def _sections(r: Any, lang: str) -> list[tuple[str, Sequence[Deadline]]]:
    """The item sections of a check or report in order, with the check's titles (rule 16c)."""
    from svo_cli.app import CheckResult

    if isinstance(r, CheckResult):
        overdue, by, after, unrecorded = (r.people_in(s) for s in ("overdue", "by_meeting", "after_meeting",
                                                                    "unrecorded"))
    else:
        overdue, by, after, unrecorded = r.overdue, r.coming, r.after, r.unrecorded
    found: list[tuple[str, Sequence[Deadline]]] = [
        (label("sec_overdue", lang), overdue), (label("sec_by_meeting", lang, target=_target(r, lang)), by)]
    if r.meeting is not None and r.until != r.meeting:
        found.append((after_title(r, lang), after))
    if unrecorded:
        found.append((label("sec_unrecorded", lang), unrecorded))
    return found


def _pack(r: Any, lang: str, template: bytes | None, names: dict[str, str],
          extra: Any = None) -> bytes:
    """The shared body of the check's and the report's documents: decisions, the item sections (landscape),
    what ends, what renewed and what was recorded since (portrait), `extra` (the report's), the findings."""
    w = Writer(lang, template)
    _opening(w, r, lang)
    if extra is not None:
        extra(w, "summary")
    number = 1
    _decisions(w, r, lang, number, names)
    w.orientation(landscape=True)
    for title, rows in _sections(r, lang):
        number += 1
        _items(w, r, lang, f"{number}. {title}", rows, names)
    w.orientation(landscape=False)
    if getattr(r, "has_minutes", False):  # the meetings' own assignments and returning matters (issue 23)
        number += 1
        _follow_up(w, r, lang, f"{number}. " + label("doc_follow_up", lang), names)
    since = since_text(r, lang)
    number += 1
    _ending(w, r, lang, f"{number}. " + label("sec_ending", lang, date=r.until.isoformat()), names)
    number += 1
    _renewed(w, r, lang, f"{number}. " + label("sec_renewed", lang, since=since))
    number += 1
    _since(w, r, lang, f"{number}. " + label("sec_since", lang, since=since), names)
    if getattr(r, "changes", None) is not None:  # the check's pack: what the data's changes did (git)
        from svo_cli.render.changes import changes_section

        number += 1
        key: LabelKey = "sec_changes" if r.since_meeting else "sec_changes_since"
        changes_section(w, r.changes, lang, f"{number}. " + label(key, lang, since=since), names)
    if extra is not None:
        extra(w, "end")
    _findings(w, r, lang)
    rows = r.people if hasattr(r, "people_in") else r.items
    assumed = any(d.assumed or d.decide_by_assumed for d in (*r.decisions, *rows))
    _closing(w, r, lang, assumed)
    if getattr(r, "register", None) is not None:  # the pack ends with the steering-documents appendix
        from svo_cli.render.changes import register_section

        register_section(w, r.register, lang, label("sec_register", lang))
    return w.bytes()


def render_check(r: Any, lang: str, template: bytes | None = None) -> bytes:
    """svo check as a Word document."""
    return _pack(r, lang, template, r.names)


def render_report(r: Any, lang: str, template: bytes | None = None) -> bytes:
    """svo report as a Word document: the check's parts, with the summary first and the agreements by state
    and the plans' adoption before the findings."""
    from svo_cli.render.report import _agreement_line, _plan_cells, _summary_lines

    def extra(w: Writer, where: str) -> None:
        if where == "summary":
            w.heading(label("doc_summary", lang), 1)
            for line in _summary_lines(r, lang):
                w.bullet(line)
            return
        w.heading(label("r_agreements", lang), 1)
        for state, group in r.by_state:
            w.heading(f"{label(label_key(state), lang)} ({len(group)})", 2)
            for s in group:
                w.bullet(_agreement_line(s, lang))
        w.heading(label("r_plans", lang), 1)
        width = w.text_width()
        header = tuple(label(k, lang) for k in ("col_title", "col_adoption", "col_missing"))
        w.table(header, [_plan_cells(p, r.party_names, lang) for p in r.plans], (width * 0.4, 34, width * 0.6 - 34))

    return _pack(r, lang, template, r.party_names, extra)
