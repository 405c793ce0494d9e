"""The `svo` command line: parse options, call one application function, pick a renderer, write, exit.

The only module that knows typer, the clock, the environment and the terminal.
"""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, NoReturn, Optional

import typer
from typer.core import TyperGroup

from svo_cli import __version__

if TYPE_CHECKING:  # heavy modules are imported when a command runs, so `svo --help` stays fast
    from svo_cli.app import Request
    from svo_cli.output import Target
    from svo_cli.render import Display, Format

class SvoGroup(TyperGroup):
    """typer's group with usage errors in the user's language (Swedish under --lang sv or a Swedish
    locale), "did you mean" for choices too, and exit codes kept: 2 for usage, 130 for Ctrl-C."""

    def main(self, args: Any = None, prog_name: Optional[str] = None, complete_var: Optional[str] = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
        from typer.exceptions import Abort

        argv = list(sys.argv[1:] if args is None else args)
        try:
            rv = super().main(args=argv, prog_name=prog_name, complete_var=complete_var, standalone_mode=False,
                              **extra)
        except ClickException as exc:
            if isinstance(exc, UsageError) and not isinstance(exc, NoArgsIsHelpError):
                typer.echo(usage_error_text(exc, _argv_lang(argv)), err=True)
            else:
                exc.show()
            sys.exit(exc.exit_code)
        except Abort:
            sys.exit(130)
        if standalone_mode:
            sys.exit(rv if isinstance(rv, int) else 0)
        return rv


def _argv_lang(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("sv", "en"):
            return argv[i + 1]
        if arg in ("--lang=sv", "--lang=en"):
            return arg.split("=", 1)[1]
    from svo_cli.i18n import detect_lang

    return detect_lang()


def usage_error_text(exc: Any, lang: str) -> str:
    """A usage error from the command-line library, in the user's language, with a suggestion."""
    import difflib
    import re

    from svo_cli.i18n import join_or, label

    message = exc.format_message().replace("Value error, ", "")
    message = re.sub(r"Input should be a valid integer.*$", "not a whole number", message)
    match = re.search(r"'([^']*)' is not one of (.*)\.$", message)
    suggestion = ""
    if match:
        choices = re.findall(r"'([^']*)'", match.group(2))
        close = difflib.get_close_matches(match.group(1), choices, n=1)
        suggestion = label("did_you_mean", lang, what=f"'{close[0]}'") if close else ""
        if lang == "sv":
            message = re.sub(r"'([^']*)' is not one of (.*)\.$",
                             lambda m: label("not_one_of", lang, value=m.group(1),
                                             choices=join_or([f"'{c}'" for c in choices], lang)), message)
    if lang == "sv":
        for pattern, key in USAGE_PATTERNS:
            message = re.sub(pattern, lambda m: label(key, lang, **m.groupdict()), message)
    usage = exc.ctx.get_usage() if exc.ctx is not None else ""
    command = exc.ctx.command_path if exc.ctx is not None else "svo"
    lines = [usage.replace("Usage:", label("usage", lang), 1)] if usage else []
    lines.append(label("try_help", lang, command=command))
    lines += ["", label("error_prefix", lang) + message + (" " + suggestion if suggestion else "")]
    return "\n".join(lines)


USAGE_PATTERNS = (
    (r"^No such option: (?P<option>\S+)", "no_such_option"),
    (r"not a whole number$", "whole_number"),
    (r"Did you mean (?P<what>.+)\?$", "did_you_mean"),
    (r"\(Possible options: (?P<what>.+)\)$", "possible_options"),
    (r"^Missing option '(?P<what>[^']+)'.*$", "missing_option"),
    (r"^Missing argument '(?P<what>[^']+)'.*$", "missing_argument"),
    (r"^Invalid value for (?P<what>'[^']+'[^:]*):", "invalid_value"),
    (r"'(?P<value>[^']*)' is not a valid integer( range)?\.", "not_an_integer"),
    (r"(?P<value>-?\d+) is not in the range (?P<range>.+)\.", "out_of_range"),
    (r"^No such command '(?P<what>[^']+)'\.", "no_such_command"),
    (r"^Got unexpected extra arguments? \((?P<what>.+)\)$", "extra_argument"),
    (r"^Option '(?P<what>[^']+)' requires an argument\.", "requires_argument"),
)


app = typer.Typer(
    name="svo",
    cls=SvoGroup,
    help="Agreement-lifecycle checker for the health- and social-care cooperation in Östergötland.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    md = "md"
    csv = "csv"
    csv_excel = "csv-excel"
    xlsx = "xlsx"


class ShowFormat(str, Enum):
    table = "table"
    json = "json"


class ReportFormat(str, Enum):
    md = "md"
    html = "html"


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class Lang(str, Enum):
    en = "en"
    sv = "sv"


class FailOn(str, Enum):
    overdue = "overdue"
    due = "due"
    never = "never"


class CalendarDay(str, Enum):
    act_by = "act-by"
    deadline = "deadline"


class SchemaKind(str, Enum):
    agreement = "agreement"
    workplan = "workplan"
    parties = "parties"


DataOption = Annotated[Optional[Path], typer.Option(
    "--data", help="Data directory (default: $SVO_DATA, else ./data).", show_default=False)]
AsOfOption = Annotated[Optional[str], typer.Option(
    "--as-of", help="The date to compute for, YYYY-MM-DD (default: today in Europe/Stockholm).",
    show_default=False, metavar="YYYY-MM-DD")]
FormatOption = Annotated[Optional[TableFormat], typer.Option(
    "--format", help="table for people, json for scripts, md for documents, csv (RFC 4180), csv-excel "
                     "(semicolons and a byte-order mark, for Excel with Swedish settings) or xlsx "
                     "(default: from the --output file's extension, else table).", show_default=False)]
LangOption = Annotated[Optional[Lang], typer.Option(
    "--lang", help="sv or en (default: Swedish when the locale is Swedish, else English).", show_default=False)]
OutputOption = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="Write to this file (atomically; '-' is standard output).", show_default=False,
    metavar="FILE")]
WithinOption = Annotated[Optional[int], typer.Option(
    "--within", min=0, max=36500, metavar="DAYS", help="Window length in days.", show_default=False)]
UntilOption = Annotated[Optional[str], typer.Option("--until", metavar="YYYY-MM-DD", help="Last day of the window.")]
PartyOption = Annotated[Optional[str], typer.Option(
    "--party", metavar="ID", help="Only what concerns this principal or group (directly or through a group).")]
ResponsibleOption = Annotated[Optional[str], typer.Option(
    "--responsible", metavar="TEXT", help="Only agreements and plans whose responsible or owner contains TEXT.")]
KindOption = Annotated[Optional[list[str]], typer.Option(
    "--kind", metavar="KIND", help="Only agreements of this kind (avtal, överenskommelse, …); repeatable.")]
BodyOption = Annotated[Optional[str], typer.Option(
    "--body", metavar="BODY", help="Only this body's work plans and meetings (SVO, LGVO).")]
MeetingOption = Annotated[Optional[str], typer.Option(
    "--meeting", metavar="YYYY-MM-DD", help="The meeting to prepare for.")]
NextMeetingOption = Annotated[bool, typer.Option("--next-meeting", help="The next meeting in the work plans.")]
HorizonOption = Annotated[Optional[int], typer.Option(
    "--horizon", min=0, max=3650, metavar="DAYS",
    help="Days past the meeting to include (default 0; 30 from the date when there is no meeting).")]


# --------------------------------------------------------------------------- the edge


def today_in_stockholm() -> date:
    """'Today' is read once, here at the edge, in Europe/Stockholm."""
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo("Europe/Stockholm")).date()


def _lang(value: Optional[Lang]) -> str:
    from svo_cli.i18n import detect_lang

    return value.value if value is not None else detect_lang()


def _fail(message: str, lang: str = "en") -> NoReturn:
    from svo_cli.i18n import label

    typer.echo(label("error_prefix", lang) + message, err=True)
    raise typer.Exit(EXIT_USAGE)


TODAY_WORDS = frozenset({"today", "idag", "i dag"})


def likely_date(text: str) -> Optional[date]:
    """The day a common way of writing it most likely means: 2026-1-5, 23/11/2026, 23.11.2026, 20261123."""
    import re

    forms = ((r"(\d{4})-(\d{1,2})-(\d{1,2})", (1, 2, 3)), (r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", (3, 2, 1)),
             (r"(\d{4})(\d{2})(\d{2})", (1, 2, 3)), (r"(\d{4})/(\d{1,2})/(\d{1,2})", (1, 2, 3)))
    for pattern, (y, m, d) in forms:
        match = re.fullmatch(pattern, text.strip(), re.ASCII)
        if match:
            try:
                return date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
            except ValueError:
                return None
    return None


def _date_option(value: Optional[str], name: str, lang: str = "en") -> Optional[date]:
    """A day option: YYYY-MM-DD, or today/idag; anything else is a usage error that names the option and
    suggests the day meant."""
    if value is None:
        return None
    if value.strip().lower() in TODAY_WORDS:
        return today_in_stockholm()
    from svo_cli.dates import DateSpecError, parse_iso_date
    from svo_cli.i18n import label

    try:
        return parse_iso_date(value)
    except DateSpecError:
        guess = likely_date(value)
        hint = label("date_hint_guess", lang, date=guess.isoformat()) if guess else label("date_hint", lang)
        _fail(label("not_a_date", lang, option=name, value=value, hint=hint), lang)


def _data_dir(data: Optional[Path]) -> Path:
    """--data, else $SVO_DATA, else the data directory found upwards from the working directory (a
    directory holding parties.yaml and agreements/, or its data/ subdirectory), else ./data."""
    if data is not None:
        return data
    if os.environ.get("SVO_DATA"):
        return Path(os.environ["SVO_DATA"])
    here = Path.cwd()
    for candidate in (here, *here.parents):
        for directory in (candidate, candidate / "data"):
            if (directory / "parties.yaml").is_file() and (directory / "agreements").is_dir():
                return directory if directory != here else Path(".")
    return Path("data")


def _jobs() -> Optional[int]:
    value = os.environ.get("SVO_JOBS", "")
    return int(value) if value.isdigit() else None


def _request(data: Optional[Path], as_of: Optional[str], lang: Optional[Lang], party: Optional[str] = None,
             responsible: Optional[str] = None, kind: Optional[list[str]] = None,
             body: Optional[str] = None) -> "Request":
    from svo_cli.app import Filters, Request

    language = _lang(lang)
    day = _date_option(as_of, "--as-of", language) or today_in_stockholm()
    return Request(_data_dir(data), day, language, _jobs(), Filters(party, responsible, tuple(kind or ()), body))


def _isatty() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


UNLIMITED = 100_000  # piped or written to a file: one row per line, text in full


def _display(lang: str, to_file: bool, width: int) -> "Display":
    """The terminal's width; when piped or written to a file, no wrapping at all unless COLUMNS is set."""
    from svo_cli.render import Display

    terminal = _isatty() and not to_file
    columns = os.environ.get("COLUMNS", "")
    if terminal:
        width = shutil.get_terminal_size((width, 24)).columns
    else:
        width = int(columns) if columns.isdigit() and int(columns) > 0 else UNLIMITED
    return Display(lang=lang, width=width, plain=bool(os.environ.get("NO_COLOR")) or not terminal, pretty=terminal)


def _target(output: Optional[Path], data: Optional[Path], lang: str, inputs: tuple[Path, ...] = ()) -> "Target":
    """Where output goes, decided before anything is computed; targets that would destroy are refused."""
    from svo_cli.i18n import label
    from svo_cli.output import OutputRefused, resolve_target

    try:
        return resolve_target(output, (_data_dir(data),), inputs)
    except OutputRefused as exc:
        _fail(label(exc.message_id, lang, **exc.params), lang)


def _compute(fn: Callable[..., Any], lang: str, *args: Any) -> Any:
    """Call the application layer; a request it cannot answer is a usage error."""
    from svo_cli.app import UsageProblem
    from svo_cli.i18n import label

    try:
        return fn(*args)
    except UsageProblem as exc:
        if exc.message_id == "id_unreadable":  # the data's fault, not the user's: exit 1
            typer.echo(f"Error: {label(exc.message_id, lang, **exc.params)}", err=True)
            raise typer.Exit(EXIT_FINDINGS) from None
        _fail(label(exc.message_id, lang, **exc.params), lang)


def _write(payload: str | bytes, target: "Target", lang: str) -> None:
    from svo_cli.i18n import label
    from svo_cli.output import EXIT_IO, OutputFailed, deliver

    try:
        deliver(target, payload)
    except OutputFailed as exc:
        typer.echo(f"Error: {label('write_failed', lang, path=exc.path, reason=exc.reason)}", err=True)
        raise typer.Exit(EXIT_USAGE if target.path is not None else EXIT_IO) from None


def _report_errors(result: Any, lang: str) -> None:
    """Data errors go to stderr in every command; results are still computed from what is valid."""
    from svo_cli.i18n import label
    from svo_cli.render.text import finding_line

    errors = result.errors
    for d in errors:
        typer.echo(finding_line(d, lang), err=True)
    if errors:
        typer.echo(label("data_errors", lang, n=len(errors)), err=True)


def _finish(command: str, fmt: "Format", result: Any, target: "Target", lang: str, width: int,
            exit_code: Optional[int] = None) -> NoReturn:
    from svo_cli.render import render

    display = _display(lang, target.path is not None, width)
    _write(render(command, fmt, result, display), target, lang)
    _report_errors(result, lang)
    raise typer.Exit(result.exit_code if exit_code is None else exit_code)


SUFFIX_FORMATS = {".json": "json", ".csv": "csv", ".md": "md", ".txt": "table", ".html": "html", ".htm": "html",
                  ".ics": "ics", ".xlsx": "xlsx"}


def _format(command: str, given: Optional[Enum], output: Optional[Path], default: str, lang: str) -> "Format":
    """The format: as given, else the one the output file's extension names, else the command's default.
    An extension no format writes, or one that contradicts --format, is a usage error."""
    from svo_cli.i18n import label
    from svo_cli.render import Format, formats

    allowed = [f.value for f in formats(command)]
    suffix = output.suffix.lower() if output is not None and str(output) != "-" else ""
    implied = SUFFIX_FORMATS.get(suffix)
    if suffix and implied is None:
        _fail(label("output_suffix_unknown", lang, path=str(output), suffix=suffix, formats=", ".join(allowed)), lang)
    chosen = given.value if given is not None else (implied if implied in allowed else default)
    if implied is not None and implied != chosen and not (implied == "csv" and chosen == "csv-excel"):
        _fail(label("output_suffix_contradicts", lang, path=str(output), format=chosen if given else implied,
                    formats=", ".join(allowed)), lang)
    if chosen == "xlsx" and (output is None or str(output) == "-") and _isatty():
        _fail(label("xlsx_terminal", lang), lang)
    return Format(chosen)


# --------------------------------------------------------------------------- commands


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
def status(data: DataOption = None, as_of: AsOfOption = None, format: FormatOption = None,
           lang: LangOption = None, output: OutputOption = None, party: PartyOption = None,
           responsible: ResponsibleOption = None, kind: KindOption = None, body: BodyOption = None) -> None:
    """Every agreement's state on the date: term in force, end, next notice deadline."""
    from svo_cli import app as application

    request = _request(data, as_of, lang, party, responsible, kind, body)
    target = _target(output, data, request.lang)
    result = _compute(application.status, request.lang, request)
    _finish("status", _format("status", format, output, "table", request.lang), result, target, request.lang, 120)


@app.command()
def deadlines(data: DataOption = None, as_of: AsOfOption = None, within: WithinOption = None,
              until: UntilOption = None, format: FormatOption = None, lang: LangOption = None,
              output: OutputOption = None, party: PartyOption = None, responsible: ResponsibleOption = None,
              kind: KindOption = None, body: BodyOption = None) -> None:
    """Every dated obligation in the window (default 90 days), soonest first, plus everything overdue."""
    from svo_cli import app as application

    request = _request(data, as_of, lang, party, responsible, kind, body)
    window = application.Window(within, _date_option(until, "--until", request.lang))
    target = _target(output, data, request.lang)
    result = _compute(application.deadlines, request.lang, request, window)
    _finish("deadlines", _format("deadlines", format, output, "table", request.lang), result, target, request.lang,
            160)


@app.command()
def show(
    agreement_id: Annotated[str, typer.Argument(metavar="ID", help="The agreement's or work plan's id (its file name).")],
    data: DataOption = None,
    as_of: AsOfOption = None,
    years: Annotated[int, typer.Option("--years", min=0, max=100,
                                       help="How many years ahead to show terms and deadlines.")] = 3,
    format: Annotated[ShowFormat, typer.Option("--format", help="table or json.")] = ShowFormat.table,
    lang: LangOption = None,
    output: OutputOption = None,
) -> None:
    """One agreement or work plan in full: terms or adoption, deadlines, events and source quote."""
    from svo_cli import app as application

    request = _request(data, as_of, lang)
    target = _target(output, data, request.lang)
    result = _compute(application.show, request.lang, request, agreement_id, years)
    _finish("show", _format("show", format, output, "table", request.lang), result, target, request.lang, 120)


@app.command()
def plans(data: DataOption = None, as_of: AsOfOption = None, format: FormatOption = None,
          lang: LangOption = None, output: OutputOption = None, party: PartyOption = None,
          responsible: ResponsibleOption = None, body: BodyOption = None) -> None:
    """Each work plan's state, adoption progress, assignments and next meeting."""
    from svo_cli import app as application

    request = _request(data, as_of, lang, party, responsible, None, body)
    target = _target(output, data, request.lang)
    result = _compute(application.plans, request.lang, request)
    _finish("plans", _format("plans", format, output, "table", request.lang), result, target, request.lang, 140)


@app.command()
def check(
    data: DataOption = None,
    as_of: AsOfOption = None,
    meeting: MeetingOption = None,
    next_meeting: NextMeetingOption = False,
    horizon: HorizonOption = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", metavar="YYYY-MM-DD", help="List what renewed silently after this day (default: the last "
                                              "work-plan meeting before the date, else 30 days before it).",
        show_default=False)] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 when anything is overdue (default), "
                                                              "overdue or due by the meeting, or never.")] = FailOn.overdue,
    format: FormatOption = None,
    lang: LangOption = None,
    output: OutputOption = None,
    party: PartyOption = None,
    responsible: ResponsibleOption = None,
    kind: KindOption = None,
    body: BodyOption = None,
) -> None:
    """The pre-meeting check: everything that needs attention from the date through the meeting."""
    from svo_cli import app as application

    request = _request(data, as_of, lang, party, responsible, kind, body)
    window = application.MeetingWindow(_date_option(meeting, "--meeting", request.lang), next_meeting, horizon)
    target = _target(output, data, request.lang)
    result = _compute(application.check, request.lang, request, window,
                      _date_option(since, "--since", request.lang))
    late = any(d.decision_overdue for d in result.decisions)  # a decision the boards should have taken
    failing = {FailOn.overdue: result.counts["overdue"] > 0 or late,
               FailOn.due: bool(result.rows) or bool(result.decisions), FailOn.never: False}[fail_on]
    _finish("check", _format("check", format, output, "table", request.lang), result, target, request.lang, 160,
            EXIT_FINDINGS if failing or result.errors else EXIT_OK)


@app.command()
def calendar(
    data: DataOption = None,
    as_of: AsOfOption = None,
    within: WithinOption = None,
    until: UntilOption = None,
    remind: Annotated[int, typer.Option("--remind", min=0, max=365, metavar="DAYS",
                                        help="Reminder this many days before each event (0: none).")] = 14,
    on: Annotated[Optional[CalendarDay], typer.Option(
        "--on", help="Put each event on the last working day to act (act-by, default) or on the legal "
                     "deadline itself.", show_default=False)] = None,
    lang: LangOption = None,
    output: OutputOption = None,
    party: PartyOption = None,
    responsible: ResponsibleOption = None,
    kind: KindOption = None,
    body: BodyOption = None,
) -> None:
    """An iCalendar (RFC 5545) file of every deadline in the window (default 365 days), for Outlook."""
    from svo_cli import app as application

    request = _request(data, as_of, lang, party, responsible, kind, body)
    window = application.Window(within, _date_option(until, "--until", request.lang))
    target = _target(output, data, request.lang)
    result = _compute(application.calendar, request.lang, request, window, remind,
                      (on or CalendarDay.act_by).value)
    _finish("calendar", _format("calendar", None, output, "ics", request.lang), result, target, request.lang, 120)


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
    party: PartyOption = None,
    responsible: ResponsibleOption = None,
    kind: KindOption = None,
    body: BodyOption = None,
) -> None:
    """A meeting-ready report: summary, overdue, due by the meeting, agreements, plans, timeline."""
    from svo_cli import app as application

    request = _request(data, as_of, lang, party, responsible, kind, body)
    window = application.MeetingWindow(_date_option(meeting, "--meeting", request.lang), next_meeting, horizon)
    target = _target(output, data, request.lang)
    chosen = _format("report", format, output, "md", request.lang)
    result = _compute(application.report, request.lang, request, window)
    _finish("report", chosen, result, target, request.lang, 120)


@app.command()
def timeline(
    data: DataOption = None,
    as_of: AsOfOption = None,
    years_back: Annotated[int, typer.Option("--years-back", min=0, max=50, help="Years shown before the date.")] = 4,
    years_ahead: Annotated[int, typer.Option("--years-ahead", min=1, max=50, help="Years shown after the date.")] = 4,
    all_agreements: Annotated[bool, typer.Option("--all", help="Include agreements no longer in force.")] = False,
    lang: LangOption = None,
    output: OutputOption = None,
) -> None:
    """Every agreement's terms, notice deadlines and today, as a picture in the terminal."""
    from svo_cli import app as application

    request = _request(data, as_of, lang)
    target = _target(output, data, request.lang)
    result = _compute(application.timeline, request.lang, request, years_back, years_ahead, all_agreements)
    _finish("timeline", _format("timeline", None, output, "table", request.lang), result, target, request.lang, 120)


@app.command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which data file.")] = SchemaKind.agreement,
    output: OutputOption = None,
) -> None:
    """JSON Schema (2020-12) of a data file, for editor completion and checks while typing."""
    import json

    from svo_cli.schema import json_schema

    target = _target(output, None, "en")
    _write(json.dumps(json_schema(kind.value), ensure_ascii=False, indent=2) + "\n", target, "en")


@app.command("validate")
def validate_command(
    paths: Annotated[Optional[list[Path]], typer.Argument(
        metavar="[PATH]...", help="Files or directories (default: the data directory).")] = None,
    data: DataOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    format: Annotated[ValidateFormat, typer.Option(
        "--format", help="text (one finding a line), json, or github (workflow annotations).")] = ValidateFormat.text,
    sources: Annotated[Optional[Path], typer.Option(
        "--sources", metavar="DIR", help="Check every quote against the documents' plain text in DIR.")] = None,
    max_age: Annotated[int, typer.Option(
        "--max-age", min=1, max=600, metavar="MONTHS",
        help="Warn when a file was last verified against its source longer ago than this.")] = 12,
    as_of: AsOfOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing when there is no finding.")] = False,
    lang: LangOption = None,
) -> None:
    """Check data files: YAML, keys, dates, references, quotes, provenance, self-tests. Exit 1 on errors."""
    from svo_cli import app as application
    from svo_cli.output import Target
    from svo_cli.render import Format

    language = _lang(lang)
    request = application.ValidateRequest(
        _data_dir(data), tuple(paths or ()), strict, _date_option(as_of, "--as-of", language) or today_in_stockholm(),
        sources, max_age, _jobs())
    result = _compute(application.validate_files, language, request)
    from svo_cli.render import render

    if not (quiet and not result.findings):
        _write(render("validate", Format(format.value), result, _display(language, False, 120)), Target(None), language)
    raise typer.Exit(result.exit_code)


def main() -> None:
    """The entry point: streams that never crash on encoding, a quiet end on a closed pipe, and a last
    guard that turns any unexpected exception into one line (exit 70; SVO_DEBUG=1 shows the traceback)."""
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
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # the last guard: never a traceback unless asked for
        if os.environ.get("SVO_DEBUG"):
            raise
        print(f"svo: internal error: {type(exc).__name__}: {exc}; run with SVO_DEBUG=1 for details",
              file=sys.stderr)
        sys.exit(EXIT_INTERNAL)
