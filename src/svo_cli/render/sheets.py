"""Results → spreadsheets: typed columns (dates as dates, numbers as numbers, a title column, empty
cells where there is no value), written as Excel CSV or as .xlsx (XlsxWriter: typed cells, a frozen
header row, an autofilter and column widths)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Sequence

from svo_cli.i18n import explain, label
from svo_cli.kinds import label_key, section_key
from svo_cli.safe import visible

if TYPE_CHECKING:
    from svo_cli.text_keys import LabelKey

Cell = str | int | bool | date | None


@dataclass(frozen=True)
class Sheet:
    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    incomplete: tuple[str, ...] = ()  # the incomplete banner (its first line, then one line per file)


def _labels(keys: Sequence[LabelKey], lang: str) -> tuple[str, ...]:
    return tuple(label(k, lang) for k in keys)


def withdrawn_text(withdrawn: Sequence[Any]) -> str | None:
    """A status row's withdrawals for people: "motala 2027-12-31; …" (None: none)."""
    return "; ".join(f"{w.party} {w.last_day.isoformat()}" for w in withdrawn) or None


def status_sheet(r: Any, lang: str) -> Sheet:
    header = _labels(("col_id", "col_title", "col_status", "col_term", "col_term_start", "col_term_end", "col_ends_on", "col_next_notice_deadline",
                      "col_binding_until", "col_withdrawn", "col_approximate", "col_assumed"), lang)
    rows = tuple((s.id, s.title, label(label_key(s.status), lang), s.term, s.term_start, s.term_end, s.ends_on, s.notice_deadline,
                  s.binding_until, withdrawn_text(s.withdrawn), s.approximate, s.assumed) for s in r.rows)
    return Sheet(label("sheet_status", lang), header, rows)


def _deadline_rows(rows: Sequence[Any], lang: str, names: dict[str, str] | None = None) -> tuple[tuple[Cell, ...], ...]:
    return tuple((d.date, d.act_by, d.decide_by, *_decided_cells(d, names or {}), d.days_left, label(label_key(d.status), lang),
                  label(label_key(d.kind), lang), d.id, d.title, explain(d.why, lang), d.approximate, d.assumed) for d in rows)


def _decided_cells(d: Any, names: dict[str, str]) -> tuple[Cell, Cell, Cell]:
    """Decided k of n ("9/14"), the undecided principals by name, and whether decide-by rests on svo's
    default lead; empty for rows no board decides."""
    if not d.deciders:
        return None, None, None
    return (f"{len(d.decided)}/{len(d.deciders)}", ", ".join(names.get(p, p) for p in d.undecided) or None,
            d.decide_by_assumed)


DEADLINE_KEYS: tuple[LabelKey, ...] = ("col_date", "col_act_by", "col_decide_by", "col_decided", "col_undecided", "col_decide_by_assumed", "col_days", "col_status", "col_kind", "col_id", "col_title", "col_what", "col_approximate", "col_assumed")


def deadlines_sheet(r: Any, lang: str) -> Sheet:
    return Sheet(label("sheet_deadlines", lang), _labels(DEADLINE_KEYS, lang),
                 _deadline_rows(r.people, lang, getattr(r, "names", {})))


CHECK_KEYS: tuple[LabelKey, ...] = ("col_section", "col_date", "col_act_by", "col_decide_by", "col_decided", "col_undecided",
              "col_decide_by_assumed", "col_days", "col_status", "col_kind", "col_id", "col_title", "col_what",
              "col_options", "col_binding_until", "col_approximate", "col_assumed")


def check_sheet(r: Any, lang: str) -> Sheet:
    """Every part of the check, in its order, a section column first: decisions needed now, overdue,
    due by the meeting, after it, ending, renewed silently since, recorded since."""
    from svo_cli.render.choices import options_text

    rows: list[tuple[Cell, ...]] = []
    names = r.names
    for d in r.decisions:
        status = label("decision_overdue" if d.decision_overdue else "decision_open", lang)
        rows.append((label("s_decisions", lang), d.date, d.act_by, d.decide_by, *_decided_cells(d, names), d.days_left,
                     status, label(label_key(d.kind), lang), d.id, d.title, explain(d.why, lang),
                     options_text(d, lang, names) or None, None, d.approximate, d.assumed))
    for section, d in r.people_items:
        rows.append((label(section_key(section), lang), d.date, d.act_by, d.decide_by, *_decided_cells(d, names),
                     d.days_left, label(label_key(d.status), lang), label(label_key(d.kind), lang), d.id, d.title, explain(d.why, lang), None,
                     None, d.approximate, d.assumed))
    from svo_cli.render.views import ending_cells, happened_cells

    for e in r.ending:
        _, _, reason, _ = ending_cells(e, names, lang)
        rows.append((label("s_ending", lang), e.last_day, None, None, None, None, None, None, None,
                     label("col_last_day", lang), e.id, e.title, reason, None, None, e.approximate, False))
    for x in r.renewed:
        rows.append((label("s_renewed", lang), x.date, None, None, None, None, None, None, label("renewed", lang),
                     label("notice_deadline", lang), x.id, x.title, label("renewed_what", lang, term=x.term), None,
                     x.binding_until, x.approximate, False))
    for h in r.since_events:
        _, _, what, party, reference = happened_cells(h, names, lang)
        rows.append((label("s_since", lang), h.date, None, None, None, None, None, None, None, what, h.id, h.title,
                     "; ".join(x for x in (party, reference) if x), None, None, False, False))
    return Sheet(label("sheet_check", lang), _labels(CHECK_KEYS, lang), tuple(rows))


def plans_sheet(r: Any, lang: str) -> Sheet:
    header = _labels(("col_id", "col_title", "col_body", "col_state", "col_start", "col_end", "col_adopted", "col_required", "col_missing",
                      "col_assignments_open", "col_assignments_overdue", "col_assignments_done", "col_next_meeting",
                      "col_next_meeting_title"), lang)
    rows = []
    for p in r.rows:
        a = p.adoption
        missing = ", ".join(r.names.get(x, x) for x in a.missing) if a else None
        rows.append((p.id, p.title, p.body, label(label_key(p.state), lang), p.period_from, p.period_until,
                     len(a.adopted) if a else None, len(a.required) if a else None, missing,
                     p.assignments_open, p.assignments_overdue, p.assignments_done,
                     p.next_meeting.date if p.next_meeting else None,
                     p.next_meeting.title if p.next_meeting else None))
    return Sheet(label("sheet_plans", lang), header, tuple(rows))


def to_xlsx(sheet: Sheet) -> bytes:
    """One worksheet: typed cells, bold frozen header, autofilter, widths from the content (free text
    wrapped), set up to print (_printable)."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                            "strings_to_urls": False, "strings_to_numbers": False})
    workbook.set_properties({"title": sheet.name, "creator": "svo", "created": datetime(2000, 1, 1)})
    if sheet.incomplete:  # data files were left out: a first sheet says so and names them, and opens first
        first = workbook.add_worksheet(sheet.incomplete[0].split(":")[0][:31])
        for row_index, line in enumerate(sheet.incomplete):
            first.write_string(row_index, 0, visible(line.strip(), newlines=False))
        first.set_column(0, 0, min(max(len(line) for line in sheet.incomplete), 120))
        first.activate()
    worksheet = workbook.add_worksheet(sheet.name[:31])
    bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top", "bottom": 1})
    day = workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
    top = workbook.add_format({"valign": "top"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    widths = [min(len(h), HEADER_WIDTH) for h in sheet.header]
    for col, name in enumerate(sheet.header):
        worksheet.write_string(0, col, name, bold)
    for row_index, row in enumerate(sheet.rows, start=1):
        for col, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, bool):
                worksheet.write_boolean(row_index, col, value, top)
                shown = 5
            elif isinstance(value, date):
                worksheet.write_datetime(row_index, col, datetime(value.year, value.month, value.day), day)
                shown = 10
            elif isinstance(value, int):
                worksheet.write_number(row_index, col, value, top)
                shown = len(str(value))
            else:
                text = visible(str(value))
                worksheet.write_string(row_index, col, text, wrap)
                shown = len(text)
            widths[col] = max(widths[col], shown)
    for col, width in enumerate(fitted(widths)):
        worksheet.set_column(col, col, width + 1)
    _printable(worksheet, sheet.name)
    worksheet.freeze_panes(1, 0)
    worksheet.autofilter(0, 0, max(len(sheet.rows), 1), len(sheet.header) - 1)
    workbook.close()
    return buffer.getvalue()


HEADER_WIDTH = 14  # a long header wraps rather than widen a column of short values
TEXT_WIDTH = 45  # free text wraps at about this many characters (a column is never wider)


PAGE_BUDGET = 200  # characters across a landscape A4 page that still print legibly when fitted to its width
NARROWEST_TEXT = 16  # free text is never squeezed narrower than this


def fitted(widths: Sequence[int]) -> list[int]:
    """Column widths in characters: at least 6, free text at most TEXT_WIDTH; when the sheet is wider than
    PAGE_BUDGET, the wide (wrapping) columns give way in proportion, down to NARROWEST_TEXT, so that a
    sheet fitted to the page's width is not printed in tiny type. Dates, numbers and flags keep theirs."""
    found = [min(max(w, 6), TEXT_WIDTH) for w in widths]
    wide = [i for i, w in enumerate(found) if w > NARROWEST_TEXT]
    fixed = sum(w for i, w in enumerate(found) if i not in wide)
    room = sum(found[i] for i in wide)
    if not wide or fixed + room <= PAGE_BUDGET:
        return found
    share = max(PAGE_BUDGET - fixed, NARROWEST_TEXT * len(wide)) / room
    for i in wide:
        found[i] = max(NARROWEST_TEXT, int(found[i] * share))
    return found


def _printable(worksheet: Any, name: str) -> None:
    """Print set-up: landscape A4, fit to one page wide (as many pages long as needed), the header row on
    every page, narrow margins, the sheet's name in the header and "page n of m" in the footer."""
    worksheet.set_landscape()
    worksheet.set_paper(9)  # A4
    worksheet.fit_to_pages(1, 0)
    worksheet.repeat_rows(0)
    worksheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    worksheet.set_header("&L" + name.replace("&", "&&"))
    worksheet.set_footer("&R&P / &N")


def to_excel_csv(sheet: Sheet, lang: str) -> str:
    """The Excel CSV (semicolons, byte-order mark) of a sheet: empty cells for no value, dates as
    YYYY-MM-DD, numbers as numbers, text neutralised against formulas."""
    from svo_cli.render.csvfmt import to_csv

    def cell(value: Cell) -> Any:
        if value is None:
            return ""
        if isinstance(value, bool):
            return label("yes", lang) if value else ""
        return value

    return to_csv(sheet.header, [tuple(cell(v) for v in row) for row in sheet.rows], excel=True,
                  incomplete=sheet.incomplete)


def steering_sheet(r: Any, lang: str) -> Sheet:
    """svo status --view register (render/changes.py)."""
    from svo_cli.render.changes import steering_sheet as sheet

    return sheet(r, lang)  # type: ignore[no-any-return]
