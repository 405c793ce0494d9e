"""Renderers: one registry from (command, format) to a pure function (result, display) → text or bytes.

Renderers only format: results arrive counted, sorted and grouped by the application layer. Each
entry imports its module when called, so `svo --help` loads none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Callable


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    MD = "md"
    CSV = "csv"
    CSV_EXCEL = "csv-excel"
    XLSX = "xlsx"
    HTML = "html"
    ICS = "ics"
    SVG = "svg"
    TEXT = "text"
    GITHUB = "github"


@dataclass(frozen=True)
class Display:
    """How the output will be read: language, width in columns, plain (no colour) or not, and
    pretty JSON (for people at a terminal) or compact (for scripts and files)."""

    lang: str = "en"
    width: int = 120
    plain: bool = True
    pretty: bool = True


Renderer = Callable[[Any, Display], "str | bytes"]


def _status_view(r: Any, d: Display) -> Any:
    from svo_cli.render.views import status_view

    return status_view(r.as_of, r.rows, r.counts, d.lang)


def _deadlines_view(r: Any, d: Display) -> Any:
    from svo_cli.render.views import deadlines_view

    return deadlines_view(r.as_of, r.until, r.people, r.counts, d.lang, r.names)


def _plans_view(r: Any, d: Display) -> Any:
    from svo_cli.render.views import plans_view

    return plans_view(r.as_of, r.rows, r.names, d.lang)


def _check_view(r: Any, d: Display) -> Any:
    from svo_cli.render.views import check_view

    return check_view(r.as_of, r.until, r.meeting, r.people, r.warnings, r.counts, d.lang)


def _with_banner(view: Callable[[Any, Display], Any]) -> Callable[[Any, Display], Any]:
    def build(r: Any, d: Display) -> Any:
        from dataclasses import replace

        from svo_cli.render.views import incomplete_banner

        return replace(view(r, d), banner=incomplete_banner(r.errors, d.lang), lang=d.lang)

    return build


def _sheet(r: Any, d: Display, sheet: str) -> Any:
    """The result's spreadsheet, marked when data files were left out."""
    from dataclasses import replace

    from svo_cli.render import sheets
    from svo_cli.render.views import incomplete_banner

    return replace(getattr(sheets, sheet)(r, d.lang), incomplete=incomplete_banner(r.errors, d.lang))


def _spreadsheets(sheet: str) -> dict[Format, Renderer]:
    """Excel CSV and .xlsx: typed columns from the result (not the people's table)."""

    def excel_csv(r: Any, d: Display) -> str:
        from svo_cli.render import sheets

        return sheets.to_excel_csv(_sheet(r, d, sheet), d.lang)

    def xlsx(r: Any, d: Display) -> bytes:
        from svo_cli.render import sheets

        return sheets.to_xlsx(_sheet(r, d, sheet))

    return {Format.CSV_EXCEL: excel_csv, Format.XLSX: xlsx}


def _tabular(view: Callable[[Any, Display], Any]) -> dict[Format, Renderer]:
    """The formats every tabular command shares, all from one view of the result (the data's errors as a
    banner first; in CSV as a last column, see csvfmt.to_csv)."""
    view = _with_banner(view)

    def table(r: Any, d: Display) -> str:
        from svo_cli.render.table import render_view

        return render_view(view(r, d), d.plain, d.width)

    def markdown(r: Any, d: Display) -> str:
        from svo_cli.render.markdown import render_view_md

        return render_view_md(view(r, d))

    def csv(r: Any, d: Display) -> str:
        from svo_cli.render.csvfmt import to_csv

        v = view(r, d)
        return to_csv(v.header, v.rows, incomplete=v.banner)

    return {Format.TABLE: table, Format.MD: markdown, Format.CSV: csv}


def _sections(r: Any, d: Display, kind: str) -> str:
    """The pre-meeting check in sections (table or Markdown), the data's errors as a banner first."""
    from dataclasses import replace

    from svo_cli.render.views import check_views, incomplete_banner

    views = [replace(v, lang=d.lang) for v in check_views(r, r.names, d.lang)]
    views[0] = replace(views[0], banner=incomplete_banner(r.errors, d.lang))
    if kind == "md":
        from svo_cli.render.markdown import render_view_md

        return "\n".join(render_view_md(v) for v in views)
    from svo_cli.render.table import render_view

    return "\n".join(render_view(v, d.plain, d.width).rstrip("\n") + "\n" for v in views)


def _json(document: str) -> Renderer:
    def render(r: Any, d: Display) -> str:
        from svo_cli.render import jsonfmt

        return jsonfmt.dumps(getattr(jsonfmt, document)(r, d.lang), pretty=d.pretty)

    return render


def _show_table(r: Any, d: Display) -> str:
    from svo_cli.app import PlanResult
    from svo_cli.render.table import render_detail, render_plan

    if isinstance(r, PlanResult):
        text = render_plan(r, d.plain, d.width, d.lang)
    else:
        text = render_detail(r.detail, d.plain, d.width, d.lang, citation=r.citation, names=r.names)
    return _banner_text(r, d) + text


def _banner_text(r: Any, d: Display) -> str:
    from svo_cli.render.views import incomplete_banner
    from svo_cli.safe import visible

    lines = incomplete_banner(r.errors, d.lang)
    return "".join(visible(line, newlines=False) + "\n" for line in lines) + ("\n" if lines else "")


def _calendar(r: Any, d: Display) -> bytes:
    from svo_cli.render.ics import render_calendar
    from svo_cli.render.views import incomplete_banner

    banner = incomplete_banner(r.errors, d.lang)
    return render_calendar(r.rows, r.as_of, r.remind, d.lang, r.sources, on_act_by=r.on == "act-by",
                           incomplete="\n".join(line.strip() for line in banner), deciding=r.deciding,
                           names=r.names)


def _report_md(r: Any, d: Display) -> str:
    from svo_cli.render.report import render_markdown

    return render_markdown(r, d.lang)


def _report_html(r: Any, d: Display) -> str:
    from svo_cli.render.report import render_html

    return render_html(r, d.lang)


def _arshjul(kind: str) -> Renderer:
    def render(r: Any, d: Display) -> str:
        from svo_cli.render import arshjul

        return getattr(arshjul, f"render_{kind}")(r, d.lang)

    return render


def _timeline(r: Any, d: Display) -> str:
    from svo_cli.render.timeline import render_text

    return _banner_text(r, d) + render_text(r.picture, d.width, d.plain, d.lang)


def _findings_text(r: Any, d: Display) -> str:
    from svo_cli.render.text import render_findings

    return render_findings(r.findings, r.files, lang=d.lang)


def _findings_github(r: Any, d: Display) -> str:
    from svo_cli.render.text import render_github

    return render_github(r.findings, r.files, d.lang)


def _check_csv(r: Any, d: Display) -> str:
    """The check as RFC 4180 CSV: the spreadsheet's columns (every section, a section column first)."""
    from svo_cli.render.csvfmt import to_csv

    sheet = _sheet(r, d, "check_sheet")
    return to_csv(sheet.header, sheet.rows, incomplete=sheet.incomplete)


RENDERERS: dict[str, dict[Format, Renderer]] = {
    "status": {**_tabular(_status_view), **_spreadsheets("status_sheet"), Format.JSON: _json("status_document")},
    "deadlines": {**_tabular(_deadlines_view), **_spreadsheets("deadlines_sheet"),
                  Format.JSON: _json("deadlines_document")},
    "plans": {**_tabular(_plans_view), **_spreadsheets("plans_sheet"), Format.JSON: _json("plans_document")},
    "check": {**_tabular(_check_view), **_spreadsheets("check_sheet"), Format.JSON: _json("check_document"),
              Format.CSV: _check_csv,
              Format.TABLE: lambda r, d: _sections(r, d, "table"), Format.MD: lambda r, d: _sections(r, d, "md")},
    "show": {Format.TABLE: _show_table, Format.JSON: _json("show_document")},
    "calendar": {Format.ICS: _calendar},
    "report": {Format.MD: _report_md, Format.HTML: _report_html},
    "timeline": {Format.TABLE: _timeline},
    "arshjul": {Format.SVG: _arshjul("svg"), Format.HTML: _arshjul("html")},
    "validate": {Format.TEXT: _findings_text, Format.JSON: _json("validate_document"),
                 Format.GITHUB: _findings_github},
}


def formats(command: str) -> tuple[Format, ...]:
    return tuple(RENDERERS[command])


PLAIN_TEXT = frozenset({Format.TABLE, Format.TEXT, Format.MD, Format.CSV, Format.CSV_EXCEL})


def render(command: str, format: Format, result: Any, display: Display) -> str | bytes:
    """The one way a result becomes output. Plain text never holds a line GitHub Actions would run as a
    workflow command (`safe.plain_lines`); in JSON a `##[` inside a string is written `##\\u005b`, the
    same string for every JSON reader."""
    from svo_cli.safe import plain_lines

    out = RENDERERS[command][format](result, display)
    if isinstance(out, str) and format in PLAIN_TEXT:
        return plain_lines(out)
    if isinstance(out, str) and format is Format.JSON:
        return out.replace("##[", "##\\u005b")
    return out
