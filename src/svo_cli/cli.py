"""The `svo` command line: parse options, call the core, pick a renderer. Only this module uses typer."""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from svo_cli import __version__

if TYPE_CHECKING:  # heavy modules are imported inside the commands that use them
    from svo_cli.diagnostics import Diagnostic
    from svo_cli.loader import Dataset
    from svo_cli.output import Target

app = typer.Typer(
    name="svo",
    help="Agreement-lifecycle checker for the health- and social-care cooperation in Östergötland.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
DEFAULT_WITHIN_DAYS = 90


class Format(str, Enum):
    table = "table"
    json = "json"
    md = "md"
    csv = "csv"
    csv_excel = "csv-excel"


class ShowFormat(str, Enum):
    table = "table"
    json = "json"


class Lang(str, Enum):
    en = "en"
    sv = "sv"


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def _as_of_value(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    from svo_cli.dates import DateSpecError, parse_iso_date

    try:
        return parse_iso_date(value)
    except DateSpecError as exc:
        raise typer.BadParameter(str(exc)) from None


DataOption = Annotated[
    Optional[Path],
    typer.Option("--data", help="Data directory (default: $SVO_DATA, else ./data).", show_default=False),
]
AsOfOption = Annotated[
    Optional[str],
    typer.Option("--as-of", help="The date to compute for, YYYY-MM-DD (default: today in Europe/Stockholm).",
                 show_default=False, metavar="YYYY-MM-DD"),
]
FormatOption = Annotated[Format, typer.Option(
    "--format", help="table for people, json for scripts, md for documents, csv (RFC 4180) or csv-excel "
                     "(semicolons and a byte-order mark, for Excel with Swedish settings).")]
LangOption = Annotated[Optional[Lang], typer.Option(
    "--lang", help="sv or en (default: Swedish when the locale is Swedish, else English).", show_default=False)]
OutputOption = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="Write to this file (atomically) instead of standard output.", show_default=False,
    metavar="FILE")]


MeetingOption = Annotated[Optional[str], typer.Option(
    "--meeting", metavar="YYYY-MM-DD", help="The meeting to prepare for.")]
NextMeetingOption = Annotated[bool, typer.Option("--next-meeting", help="The next meeting in the work plans.")]
HorizonOption = Annotated[Optional[int], typer.Option(
    "--horizon", min=0, max=3650, metavar="DAYS",
    help="Days past the meeting to include (default 0; 30 from the date when there is no meeting).")]


def _lang(value: Optional[Lang]) -> str:
    from svo_cli.i18n import detect_lang

    return value.value if value is not None else detect_lang()


def _check_output(output: Optional[Path], data: Optional[Path] = None, inputs: tuple[Path, ...] = (),
                  lang: str = "en") -> "Target":
    """Decide where output goes before anything is computed; refuse targets that would destroy something."""
    from svo_cli.i18n import label
    from svo_cli.output import OutputRefused, resolve_target

    protected = (data or Path(os.environ.get("SVO_DATA") or "data"),)
    try:
        return resolve_target(output, protected, inputs)
    except OutputRefused as exc:
        raise _usage_error(label(exc.message_id, lang, **exc.params)) from None


def _deliver(text: str | bytes, target: "Target", lang: str = "en") -> None:
    from svo_cli.i18n import label
    from svo_cli.output import EXIT_IO, OutputFailed, deliver

    try:
        deliver(target, text)
    except OutputFailed as exc:
        typer.echo(f"Error: {label('write_failed', lang, path=exc.path, reason=exc.reason)}", err=True)
        raise typer.Exit(EXIT_USAGE if target.path is not None else EXIT_IO) from None


def _render(format: Format, view_fn, json_fn, output: "Target", width: int, lang: str = "en") -> None:
    """Pick the renderer for a tabular command; files get plain text."""
    if format is Format.json:
        from svo_cli.render.jsonfmt import dumps

        _deliver(dumps(json_fn(), pretty=output.path is None and _isatty()), output, lang)
        return
    view = view_fn()
    if format is Format.md:
        from svo_cli.render.markdown import render_view_md

        _deliver(render_view_md(view), output, lang)
    elif format in (Format.csv, Format.csv_excel):
        from svo_cli.render.csvfmt import to_csv

        _deliver(to_csv(view.header, view.rows, excel=format is Format.csv_excel), output, lang)
    else:
        from svo_cli.render.table import render_view

        plain = _plain() or output.path is not None
        _deliver(render_view(view, plain, _width(width) if output.path is None else width), output, lang)


def today_in_stockholm() -> date:
    """'Today' is read once, here at the edge, in Europe/Stockholm."""
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo("Europe/Stockholm")).date()


def _usage_error(message: str) -> typer.Exit:
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(EXIT_USAGE)


def _data_dir(data: Optional[Path]) -> Path:
    path = data or Path(os.environ.get("SVO_DATA") or "data")
    if not path.is_dir():
        raise _usage_error(f"data directory '{path}' not found (use --data DIR or set SVO_DATA)")
    return path


def _plain() -> bool:
    return bool(os.environ.get("NO_COLOR")) or not _isatty()


def _width(default: int) -> int:
    if _isatty():
        return shutil.get_terminal_size((default, 24)).columns
    return default


def _load(data: Optional[Path], warnings: bool = False) -> tuple["Dataset", list["Diagnostic"]]:
    """Load and check the data; commands that report only errors skip the warning-only checks."""
    from svo_cli.loader import load_dataset
    from svo_cli.validate import validate

    dataset, diagnostics = load_dataset(_data_dir(data))
    return dataset, diagnostics + validate(dataset, warnings=warnings)


def _report_data_errors(diagnostics: list["Diagnostic"], lang: str = "en") -> int:
    """Other commands: data errors go to stderr; results are still computed from what is valid."""
    from svo_cli.i18n import label
    from svo_cli.render.text import finding_line

    errors = [d for d in diagnostics if d.is_error]
    for d in sorted(errors, key=lambda d: d.sort_key()):
        typer.echo(finding_line(d, lang), err=True)
    if errors:
        typer.echo(label("data_errors", lang, n=len(errors)), err=True)
    return EXIT_FINDINGS if errors else EXIT_OK


def _all_deadlines(dataset: "Dataset", day: date, end: date) -> list:
    """Agreement and work-plan obligations together, soonest first."""
    from svo_cli import engine, obligations, workplans

    rows = engine.deadlines(dataset.agreement_models(), day, end)
    rows += workplans.all_plan_deadlines(dataset.workplan_models(), dataset.groups, dataset.parties, day, end)
    return sorted(rows, key=obligations.sort_key)


def _emit(text: str) -> None:
    from svo_cli.output import Target

    _deliver(text, Target(None))


def _isatty() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"svo {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """svo computes, for any date, which agreements are in force and which deadlines are coming."""


@app.command()
def status(data: DataOption = None, as_of: AsOfOption = None, format: FormatOption = Format.table,
           lang: LangOption = None, output: OutputOption = None) -> None:
    """Every agreement's state on the date: term in force, end, next notice deadline."""
    day = _as_of_value(as_of) or today_in_stockholm()
    language = _lang(lang)
    target = _check_output(output, data, lang=language)
    dataset, diagnostics = _load(data)
    from svo_cli import engine

    rows = sorted(engine.statuses(dataset.agreement_models(), day), key=lambda r: r.id)

    def view():
        from svo_cli.render.views import status_view

        return status_view(day, rows, language)

    def document():
        from svo_cli.render.jsonfmt import status_document

        return status_document(day, rows)

    _render(format, view, document, target, 120, language)
    raise typer.Exit(_report_data_errors(diagnostics, language))


@app.command()
def deadlines(
    data: DataOption = None,
    as_of: AsOfOption = None,
    within: Annotated[Optional[int], typer.Option("--within", min=0, max=36500, metavar="DAYS",
                                                  help=f"Window length in days (default {DEFAULT_WITHIN_DAYS}).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", metavar="YYYY-MM-DD",
                                                 help="Last day of the window.")] = None,
    format: FormatOption = Format.table,
    lang: LangOption = None,
    output: OutputOption = None,
) -> None:
    """Every dated obligation in the window, soonest first, plus everything overdue."""
    day = _as_of_value(as_of) or today_in_stockholm()
    language = _lang(lang)
    target = _check_output(output, data, lang=language)
    end = _window_end(day, within, until)
    dataset, diagnostics = _load(data)
    rows = _all_deadlines(dataset, day, end)

    def view():
        from svo_cli.render.views import deadlines_view

        return deadlines_view(day, end, rows, language)

    def document():
        from svo_cli.render.jsonfmt import deadlines_document

        return deadlines_document(day, end, rows, language)

    _render(format, view, document, target, 160, language)
    raise typer.Exit(_report_data_errors(diagnostics, language))


def _window_end(day: date, within: Optional[int], until: Optional[str]) -> date:
    if within is not None and until is not None:
        raise _usage_error("give --within or --until, not both")
    if until is not None:
        end = _as_of_value(until)
        assert end is not None
        if end < day:
            raise _usage_error(f"--until {end.isoformat()} is before the date {day.isoformat()}")
        return end
    return day + timedelta(days=within if within is not None else DEFAULT_WITHIN_DAYS)


@app.command()
def show(
    agreement_id: Annotated[str, typer.Argument(metavar="ID", help="The agreement's id (its file name).")],
    data: DataOption = None,
    as_of: AsOfOption = None,
    years: Annotated[int, typer.Option("--years", min=0, max=100,
                                       help="How many years ahead to show terms and deadlines.")] = 3,
    format: Annotated[ShowFormat, typer.Option("--format", help="table or json.")] = ShowFormat.table,
    lang: LangOption = None,
) -> None:
    """One agreement or work plan in full: terms or adoption, deadlines, events and source quote."""
    import difflib

    day = _as_of_value(as_of) or today_in_stockholm()
    language = _lang(lang)
    dataset, diagnostics = _load(data)
    from svo_cli import engine

    agreements = dataset.agreement_models()
    plan = next((p for p in dataset.workplan_models() if p.id == agreement_id), None)
    if plan is not None:
        _show_plan(dataset, plan, day, day + timedelta(days=365 * years), format, language)
        raise typer.Exit(_report_data_errors(diagnostics, language))
    result = engine.detail(agreements, agreement_id, day, day + timedelta(days=365 * years))
    if result is None:
        ids = [a.id for a in agreements] + [p.id for p in dataset.workplan_models()]
        close = [i for i in ids if agreement_id.lower() in i][:3] or difflib.get_close_matches(agreement_id, ids, n=3)
        raise _usage_error(f"no agreement '{agreement_id}'" + (f"; did you mean {', '.join(close)}?" if close else ""))
    if format is ShowFormat.json:
        from dataclasses import asdict

        from svo_cli.render.jsonfmt import deadline_row, dumps

        doc = {
            "as_of": day,
            "agreement": result.agreement.model_dump(mode="json"),
            "status": asdict(result.status),
            "terms": [asdict(t) for t in result.timeline.terms],
            "notice": asdict(result.timeline.notice) if result.timeline.notice else None,
            "deadlines": [dict(deadline_row(d, language), done_on=d.done_on) for d in result.deadlines],
        }
        _emit(dumps(doc))
    else:
        from svo_cli.render.table import render_detail

        _emit(render_detail(result, _plain(), _width(120), language))
    raise typer.Exit(_report_data_errors(diagnostics, language))


@app.command()
def plans(data: DataOption = None, as_of: AsOfOption = None, format: FormatOption = Format.table,
          lang: LangOption = None, output: OutputOption = None) -> None:
    """Each work plan's state, adoption progress, assignments and next meeting."""
    day = _as_of_value(as_of) or today_in_stockholm()
    language = _lang(lang)
    target = _check_output(output, data, lang=language)
    dataset, diagnostics = _load(data)
    from svo_cli import workplans

    rows = [workplans.plan_status(p, dataset.groups, day) for p in dataset.workplan_models()]
    rows.sort(key=lambda r: (r.period_from, r.id))
    names = {p.id: p.name for p in dataset.parties}

    def view():
        from svo_cli.render.views import plans_view

        return plans_view(day, rows, names, language)

    def document():
        from svo_cli.render.jsonfmt import plans_document

        return plans_document(day, rows)

    _render(format, view, document, target, 140, language)
    raise typer.Exit(_report_data_errors(diagnostics, language))


class FailOn(str, Enum):
    overdue = "overdue"
    due = "due"
    never = "never"


def _meeting_window(dataset: "Dataset", day: date, meeting: Optional[str], next_meeting: bool,
                    horizon: Optional[int]) -> tuple[Optional[date], date]:
    """The meeting to prepare for and the window's last day: the meeting plus the horizon (default 0),
    or the date plus the horizon (default 30) when there is no meeting."""
    from svo_cli import workplans

    if meeting is not None and next_meeting:
        raise _usage_error("give --meeting or --next-meeting, not both")
    meeting_day = _as_of_value(meeting)
    if next_meeting:
        meeting_day = workplans.next_meeting(dataset.workplan_models(), day)
        if meeting_day is None:
            raise _usage_error(f"no meeting on or after {day.isoformat()} in the work plans; use --meeting DATE")
    if meeting_day is not None and meeting_day < day:
        raise _usage_error(f"the meeting {meeting_day.isoformat()} is before the date {day.isoformat()}")
    end = (meeting_day or day) + timedelta(days=horizon if horizon is not None else (0 if meeting_day else 30))
    return meeting_day, end


@app.command()
def check(
    data: DataOption = None,
    as_of: AsOfOption = None,
    meeting: MeetingOption = None,
    next_meeting: NextMeetingOption = False,
    horizon: HorizonOption = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 when anything is overdue (default), "
                                                              "overdue or due by the meeting, or never.")] = FailOn.overdue,
    format: FormatOption = Format.table,
    lang: LangOption = None,
    output: OutputOption = None,
) -> None:
    """The pre-meeting check: everything that needs attention from the date through the meeting."""
    day, language = _as_of_value(as_of) or today_in_stockholm(), _lang(lang)
    target = _check_output(output, data, lang=language)
    dataset, diagnostics = _load(data, warnings=True)
    from svo_cli import obligations

    meeting_day, end = _meeting_window(dataset, day, meeting, next_meeting, horizon)
    rows = obligations.check_order(_all_deadlines(dataset, day, end))
    warnings = sorted((d for d in diagnostics if not d.is_error), key=lambda d: d.sort_key())
    tally = obligations.counts(rows)

    def view():
        from svo_cli.render.views import check_view

        return check_view(day, end, meeting_day, rows, warnings, tally, language)

    def document():
        from svo_cli.render.jsonfmt import check_document

        return check_document(day, end, meeting_day, rows, warnings, tally, language)

    _render(format, view, document, target, 160, language)
    data_status = _report_data_errors(diagnostics, language)
    failing = {FailOn.overdue: tally["overdue"] > 0, FailOn.due: bool(rows), FailOn.never: False}[fail_on]
    raise typer.Exit(EXIT_FINDINGS if failing or data_status else EXIT_OK)


@app.command()
def calendar(
    data: DataOption = None,
    as_of: AsOfOption = None,
    within: Annotated[Optional[int], typer.Option("--within", min=0, max=36500, metavar="DAYS",
                                                  help="Window length in days (default 365).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", metavar="YYYY-MM-DD",
                                                 help="Last day of the window.")] = None,
    remind: Annotated[int, typer.Option("--remind", min=0, max=365, metavar="DAYS",
                                        help="Reminder this many days before each deadline (0: none).")] = 14,
    lang: LangOption = None,
    output: OutputOption = None,
) -> None:
    """An iCalendar (RFC 5545) file of every deadline in the window, for Outlook and other calendars."""
    day = _as_of_value(as_of) or today_in_stockholm()
    language = _lang(lang)
    target = _check_output(output, data, lang=language)
    end = _window_end(day, 365 if within is None and until is None else within, until)
    dataset, diagnostics = _load(data)
    rows = _all_deadlines(dataset, day, end)
    sources = {a.id: _source_line(a.source) for a in dataset.agreement_models()}
    sources.update({p.id: _source_line(p.source) for p in dataset.workplan_models()})
    from svo_cli.render.ics import render_calendar

    payload = render_calendar(rows, day, remind, language, sources)
    _deliver(payload, target, language)
    raise typer.Exit(_report_data_errors(diagnostics, language))


def _source_line(source) -> str:
    """Where an obligation comes from, for calendar descriptions (the quote itself: `svo show ID`)."""
    return ", ".join(p for p in (source.document, source.section or "", source.reference or "") if p)


class ReportFormat(str, Enum):
    md = "md"
    html = "html"


@app.command()
def report(
    data: DataOption = None,
    as_of: AsOfOption = None,
    meeting: MeetingOption = None,
    next_meeting: NextMeetingOption = False,
    horizon: HorizonOption = None,
    format: Annotated[Optional[ReportFormat], typer.Option(
        "--format", help="md or html (default: html when --output ends in .html, else md).", show_default=False)] = None,
    lang: LangOption = None,
    output: OutputOption = None,
) -> None:
    """A meeting-ready report: summary, overdue, due by the meeting, agreements, plans, timeline."""
    day, language = _as_of_value(as_of) or today_in_stockholm(), _lang(lang)
    target = _check_output(output, data, lang=language)
    dataset, diagnostics = _load(data)
    from svo_cli import engine, obligations, workplans
    from svo_cli.render.report import ReportData, render_html, render_markdown
    from svo_cli.render.timeline import layout

    meeting_day, end = _meeting_window(dataset, day, meeting, next_meeting, horizon)
    items = tuple(obligations.check_order(_all_deadlines(dataset, day, end)))
    statuses = tuple(sorted(engine.statuses(dataset.agreement_models(), day), key=lambda r: r.id))
    plans = tuple(sorted((workplans.plan_status(p, dataset.groups, day) for p in dataset.workplan_models()),
                         key=lambda p: (p.period_from, p.id)))
    picture_end = date(day.year + 3, 12, 31)
    picture = layout(_timelines(dataset, day, picture_end, False), date(day.year - 4, 1, 1), picture_end)
    names = {p.id: p.name for p in dataset.parties}
    result = ReportData(day, end, meeting_day, items, statuses, plans, picture, names)
    chosen = format or (ReportFormat.html if output and output.suffix.lower() in (".html", ".htm") else ReportFormat.md)
    text = render_html(result, language) if chosen is ReportFormat.html else render_markdown(result, language)
    _deliver(text, target, language)
    raise typer.Exit(_report_data_errors(diagnostics, language))


@app.command()
def timeline(
    data: DataOption = None,
    as_of: AsOfOption = None,
    years_back: Annotated[int, typer.Option("--years-back", min=0, max=50, help="Years shown before the date.")] = 4,
    years_ahead: Annotated[int, typer.Option("--years-ahead", min=1, max=50, help="Years shown after the date.")] = 4,
    all_agreements: Annotated[bool, typer.Option("--all", help="Include agreements no longer in force.")] = False,
) -> None:
    """Every agreement's terms, notice deadlines and today, as a picture in the terminal."""
    day = _as_of_value(as_of) or today_in_stockholm()
    dataset, diagnostics = _load(data)
    from svo_cli.render.timeline import layout, render_text

    start, end = date(day.year - years_back, 1, 1), date(day.year + years_ahead, 12, 31)
    picture = layout(_timelines(dataset, day, end, all_agreements), start, end)
    _emit(render_text(picture, _width(120), _plain()))
    raise typer.Exit(_report_data_errors(diagnostics, _lang(None)))


def _timelines(dataset: "Dataset", day: date, end: date, include_ended: bool) -> list:
    from svo_cli import engine
    from svo_cli.kinds import ENDED

    agreements = dataset.agreement_models()
    superseded = engine.superseded_dates(agreements)
    result = []
    for a in sorted(agreements, key=lambda a: (a.valid_from.start, a.id)):
        tl = engine.timeline(a, day, through=end, superseded_on=superseded.get(a.id))
        if include_ended or engine.status_of(tl).status not in ENDED:
            result.append(tl)
    return result


class SchemaKind(str, Enum):
    agreement = "agreement"
    workplan = "workplan"
    parties = "parties"


@app.command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which data file.")] = SchemaKind.agreement,
    output: OutputOption = None,
) -> None:
    """JSON Schema (2020-12) of a data file, for editor completion and checks while typing."""
    import json

    from svo_cli.schema import json_schema

    target = _check_output(output)
    _deliver(json.dumps(json_schema(kind.value), ensure_ascii=False, indent=2) + "\n", target)


def _show_plan(dataset: "Dataset", plan, day: date, end: date, format: "ShowFormat", language: str) -> None:
    from svo_cli import obligations, workplans

    status = workplans.plan_status(plan, dataset.groups, day)
    progress = workplans.adoption_progress(plan, dataset.groups, day)
    meetings = workplans.meeting_deadlines(plan)
    rows = obligations.check_order(workplans.plan_deadlines(plan, dataset.groups, dataset.parties, day, end))
    names = {p.id: p.name for p in dataset.parties}
    if format is ShowFormat.json:
        from dataclasses import asdict

        from svo_cli.render.jsonfmt import deadline_row, dumps, plans_document

        doc = {"as_of": day, "plan": plan.model_dump(mode="json", by_alias=True),
               "status": plans_document(day, [status])["plans"][0],
               "meetings": [asdict(m) for m in meetings],
               "deadlines": [deadline_row(d, language) for d in rows]}
        _emit(dumps(doc))
    else:
        from svo_cli.render.table import render_plan

        _emit(render_plan(plan, status, progress, meetings, rows, names, _plain(), _width(120), language))


@app.command("validate")
def validate_command(
    paths: Annotated[Optional[list[Path]], typer.Argument(metavar="[PATH]...",
                                                          help="Files or directories (default: the data directory).")] = None,
    data: DataOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    format: Annotated[ValidateFormat, typer.Option(
        "--format", help="text (one finding a line), json, or github (workflow annotations).")] = ValidateFormat.text,
    lang: LangOption = None,
) -> None:
    """Check data files: YAML, keys and types, dates, references, cycles, notices. Exit 1 on errors."""
    from svo_cli.diagnostics import promote_warnings
    from svo_cli.loader import load_dataset, load_files
    from svo_cli.validate import validate

    if paths and len(paths) == 1 and paths[0].is_dir() and (paths[0] / "parties.yaml").exists():
        data, paths = paths[0], None
    if paths:
        missing = [p for p in paths if not (p.exists() or p.is_symlink())]
        if missing:
            raise _usage_error(f"no such file or directory: {missing[0]}")
        default_dir = data or Path(os.environ.get("SVO_DATA") or "data")
        dataset, diagnostics, asked = load_files(list(paths), default_dir if default_dir.is_dir() else None)
        diagnostics = [d for d in diagnostics + validate(dataset) if d.path in asked]
        files = len(asked)
    else:
        directory = _data_dir(data)
        dataset, diagnostics = load_dataset(directory)
        diagnostics += validate(dataset)
        files = (len(list((directory / "agreements").glob("*.y*ml"))) + len(list((directory / "workplans").glob("*.y*ml")))
                 + (directory / "parties.yaml").exists())
    if strict:
        diagnostics = promote_warnings(diagnostics)
    diagnostics = sorted(diagnostics, key=lambda d: d.sort_key())
    if format is ValidateFormat.json:
        from svo_cli.render.jsonfmt import diagnostics_document, dumps

        _emit(dumps(diagnostics_document(diagnostics, files, _lang(lang))))
    elif format is ValidateFormat.github:
        from svo_cli.render.text import render_github

        _emit(render_github(diagnostics, files, _lang(lang)))
    else:
        from svo_cli.render.text import render_findings

        _emit(render_findings(diagnostics, files, lang=_lang(lang)))
    raise typer.Exit(EXIT_FINDINGS if any(d.is_error for d in diagnostics) else EXIT_OK)


def main() -> None:
    # Characters the terminal's encoding cannot carry are replaced, never a crash (LANG=C, ascii).
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        app()
    except BrokenPipeError:
        # The reader went away (`svo status | head`): stop quietly, as other Unix tools do.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, AttributeError, ValueError):
            pass
        sys.exit(141)
