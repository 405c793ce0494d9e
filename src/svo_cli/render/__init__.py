"""Renderers: one registry from (command, format) to a pure function (result, display) → text or bytes.

The registry is the one place a command's formats are named: the command line offers each command
the formats its row has (`--format` choices, `-o FILE.ext` by the format's suffix, its default), and
a test holds the two together. A new format is a `Format` member (its suffixes, whether it is bytes),
a renderer and a registry entry.

Renderers only format: results arrive counted, sorted and grouped by the application layer. Each
entry imports its module when called, so `svo --help` loads none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Callable, Iterator, Mapping


class Command(StrEnum):
    """The commands that render a result (svo site, remind and schema write their own files)."""

    STATUS = "status"
    DEADLINES = "deadlines"
    SHOW = "show"
    PLANS = "plans"
    CHECK = "check"
    CALENDAR = "calendar"
    REPORT = "report"
    TIMELINE = "timeline"
    ARSHJUL = "arshjul"
    VALIDATE = "validate"
    CHANGES = "changes"


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    MD = "md"
    CSV = "csv"
    CSV_EXCEL = "csv-excel"
    XLSX = "xlsx"
    HTML = "html"
    DOCX = "docx"
    ICS = "ics"
    SVG = "svg"
    TEXT = "text"
    GITHUB = "github"

    @property
    def suffixes(self) -> tuple[str, ...]:
        """The file extensions that name this format in `-o FILE` (the first format naming one wins)."""
        return _SUFFIXES.get(self, ())

    @property
    def binary(self) -> bool:
        """Bytes, not text: never written to a terminal."""
        return self in _BINARY


_SUFFIXES: dict[Format, tuple[str, ...]] = {
    Format.TABLE: (".txt",), Format.JSON: (".json",), Format.MD: (".md",), Format.CSV: (".csv",),
    Format.XLSX: (".xlsx",), Format.HTML: (".html", ".htm"), Format.ICS: (".ics",), Format.SVG: (".svg",),
    Format.DOCX: (".docx",),
}
_BINARY = frozenset({Format.XLSX, Format.DOCX})


@dataclass(frozen=True)
class Display:
    """How the output will be read: language, width in columns, plain (no colour) or not, and
    pretty JSON (for people at a terminal) or compact (for scripts and files)."""

    lang: str = "en"
    width: int = 120
    plain: bool = True
    pretty: bool = True
    template: bytes | None = None  # --template FILE.docx: the organisation's Word document to build on (docx only)
    data_dir: str | None = None  # JSON: the data directory svo found by itself, written first as `data_dir`


# A renderer gives text, bytes, or text in chunks (JSON: jsonfmt.pieces, written as they come).
Renderer = Callable[[Any, Display], "str | bytes | Iterator[str]"]


def _status_view(r: Any, d: Display) -> Any:
    from svo_cli.render.views import status_view

    return status_view(r.as_of, r.rows, r.counts, d.lang)


def _deadlines_view(r: Any, d: Display) -> Any:
    from svo_cli.render.views import deadlines_view

    return deadlines_view(r.as_of, r.until, r.people, r.counts, d.lang, r.names)


def _plans_view(r: Any, d: Display) -> Any:
    from svo_cli.render.views import plans_view

    return plans_view(r.as_of, r.rows, r.names, d.lang)


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
        from svo_cli.render.markdown import escape, render_view_md
        from svo_cli.render.report import meeting_title

        title = f"# {escape(meeting_title(r, d.lang), 'cell')}\n\n"  # as the report and the Word document
        return title + "\n".join(render_view_md(v) for v in views)
    from svo_cli.render.table import render_view

    return "\n".join(render_view(v, d.plain, d.width).rstrip("\n") + "\n" for v in views)


def _json(document: str) -> Renderer:
    def render(r: Any, d: Display) -> Iterator[str]:
        from svo_cli.render import jsonfmt

        return jsonfmt.pieces(getattr(jsonfmt, document)(r, d.lang), pretty=d.pretty, data_dir=d.data_dir)

    return render


def _show_table(r: Any, d: Display) -> str:
    from svo_cli.app import MinutesResult, PlanResult
    from svo_cli.render.table import render_detail, render_plan

    if isinstance(r, MinutesResult):
        from svo_cli.render.minutes import render_minutes

        text = render_minutes(r, d.plain, d.width, d.lang)
    elif isinstance(r, PlanResult):
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


def _docx(command: str) -> Renderer:
    """The Word document of `svo check` or `svo report` (render/docx.py), on --template's document when given."""

    def render(r: Any, d: Display) -> bytes:
        from svo_cli.render import docx

        return getattr(docx, f"render_{command}")(r, d.lang, d.template)

    return render


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


def _register_aware(default: Renderer, register: Renderer) -> Renderer:
    """A status renderer that writes the steering-documents appendix for `--view register`."""

    def render(r: Any, d: Display) -> str | bytes | Iterator[str]:
        from svo_cli.app.steering import SteeringResult

        return register(r, d) if isinstance(r, SteeringResult) else default(r, d)

    return render


def _status_renderers() -> dict[Format, Renderer]:
    """svo status: the agreements' states, or with --view register the steering-documents appendix, in every
    format (render/changes.py for the appendix)."""
    def view(r: Any, d: Display) -> Any:
        from svo_cli.render.changes import steering_view

        return steering_view(r, d.lang)

    register = {**_tabular(view), **_spreadsheets("steering_sheet"), Format.JSON: _json("steering_document")}
    default = {**_tabular(_status_view), **_spreadsheets("status_sheet"), Format.JSON: _json("status_document")}
    found = {fmt: _register_aware(default[fmt], register[fmt]) for fmt in default}
    found[Format.DOCX] = _docx_of("render_status_docx")
    return found


def _docx_of(name: str) -> Renderer:
    def render(r: Any, d: Display) -> bytes:
        from svo_cli.render import changes

        return getattr(changes, name)(r, d.lang, d.template)

    return render


def _changes_renderers() -> dict[Format, Renderer]:
    def view(r: Any, d: Display) -> Any:
        from svo_cli.render.changes import changes_view

        return changes_view(r, d.lang)

    tabular = _tabular(view)
    return {Format.TABLE: tabular[Format.TABLE], Format.JSON: _json("changes_document"),
            Format.MD: tabular[Format.MD], Format.DOCX: _docx_of("render_changes_docx")}


def _check_csv(r: Any, d: Display) -> str:
    """The check as RFC 4180 CSV: the spreadsheet's columns (every section, a section column first)."""
    from svo_cli.render.csvfmt import to_csv

    sheet = _sheet(r, d, "check_sheet")
    return to_csv(sheet.header, sheet.rows, incomplete=sheet.incomplete)


@dataclass(frozen=True)
class Outputs:
    """One command's row: the format it writes unless told, the width its tables fit when no terminal
    says, and its renderers by format."""

    default: Format
    width: int
    renderers: Mapping[Format, Renderer]


REGISTRY: dict[Command, Outputs] = {
    Command.STATUS: Outputs(Format.TABLE, 120, _status_renderers()),
    Command.DEADLINES: Outputs(Format.TABLE, 160, {
        **_tabular(_deadlines_view), **_spreadsheets("deadlines_sheet"), Format.JSON: _json("deadlines_document")}),
    Command.SHOW: Outputs(Format.TABLE, 120, {Format.TABLE: _show_table, Format.JSON: _json("show_document")}),
    Command.PLANS: Outputs(Format.TABLE, 140, {
        **_tabular(_plans_view), **_spreadsheets("plans_sheet"), Format.JSON: _json("plans_document")}),
    Command.CHECK: Outputs(Format.TABLE, 160, {
        Format.TABLE: lambda r, d: _sections(r, d, "table"), Format.MD: lambda r, d: _sections(r, d, "md"),
        Format.CSV: _check_csv, **_spreadsheets("check_sheet"), Format.JSON: _json("check_document"),
        Format.DOCX: _docx("check")}),
    Command.CALENDAR: Outputs(Format.ICS, 120, {Format.ICS: _calendar}),
    Command.REPORT: Outputs(Format.MD, 120, {Format.MD: _report_md, Format.HTML: _report_html,
                                             Format.DOCX: _docx("report")}),
    Command.TIMELINE: Outputs(Format.TABLE, 120, {Format.TABLE: _timeline}),
    Command.ARSHJUL: Outputs(Format.SVG, 120, {Format.SVG: _arshjul("svg"), Format.HTML: _arshjul("html")}),
    Command.VALIDATE: Outputs(Format.TEXT, 120, {
        Format.TEXT: _findings_text, Format.JSON: _json("validate_document"), Format.GITHUB: _findings_github}),
    Command.CHANGES: Outputs(Format.TABLE, 160, _changes_renderers()),
}


def formats(command: Command) -> tuple[Format, ...]:
    """The formats `command` writes, in the order its help lists them."""
    return tuple(REGISTRY[command].renderers)


def format_of_suffix(suffix: str) -> Format | None:
    """The format a file extension (`.json`, `.HTML`) names, or None."""
    return next((f for f in Format if suffix.lower() in f.suffixes), None)


PLAIN_TEXT = frozenset({Format.TABLE, Format.TEXT, Format.MD, Format.CSV, Format.CSV_EXCEL})


def render(command: Command, format: Format, result: Any, display: Display) -> str | bytes:
    """The result's whole output (`stream` joined)."""
    parts = list(stream(command, format, result, display))
    return parts[0] if len(parts) == 1 else "".join(parts)  # type: ignore[arg-type]


def stream(command: Command, format: Format, result: Any, display: Display) -> Iterator[str | bytes]:
    """The one way a result becomes output, in the chunks it is written in (one, but for JSON). Plain
    text never holds a line GitHub Actions would run as a workflow command (`safe.plain_lines`); in JSON
    a `##[` inside a string is written `##\\u005b`, the same string for every JSON reader (a JSON chunk
    ends between two values, so no `##[` is split across two)."""
    from svo_cli.safe import plain_lines

    out = REGISTRY[command].renderers[format](result, display)
    if isinstance(out, bytes):
        yield out
    elif isinstance(out, str) and format in PLAIN_TEXT:
        yield plain_lines(out)
    else:
        for chunk in (out,) if isinstance(out, str) else out:
            yield chunk.replace("##[", "##\\u005b") if format is Format.JSON else chunk
