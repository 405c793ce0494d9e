"""svo's commands, as typer declares them: each parses its options, calls one application function,
picks a renderer, writes and exits (svo_cli.cli's docstring says which module does what). (No `from
__future__ import annotations` here: typer reads the commands' annotations at run time, and would
evaluate each string.)"""


import copy
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, NoReturn, Optional

import typer

from svo_cli import __version__
from svo_cli.cli import edge
from svo_cli.cli.edge import EXIT_FINDINGS, EXIT_OK, date_option
from svo_cli.cli.options import (
    FORMAT,
    AsOfOption,
    BodyOption,
    CalendarDay,
    DataOption,
    FailOn,
    HorizonOption,
    IdArgument,
    KindOption,
    LangOption,
    MeetingOption,
    NextMeetingOption,
    OutputOption,
    PartyOption,
    ResponsibleOption,
    SchemaKind,
    TemplateOption,
    UntilOption,
    WithinOption,
    complete_check,
    format_choices,
)
from svo_cli.cli.usage import SvoCommand, SvoGroup
from svo_cli.render import Command

EXIT_UNAVAILABLE = 69  # svo remind --send: the mail server refused or went away (sysexits' EX_UNAVAILABLE)

if TYPE_CHECKING:
    from enum import Enum as ChangesFormat
    from enum import Enum as CheckFormat
    from enum import Enum as DeadlinesFormat
    from enum import Enum as PlansFormat
    from enum import Enum as ReportFormat
    from enum import Enum as ShowFormat
    from enum import Enum as StatusFormat
    from enum import Enum as ValidateFormat
    from enum import Enum as WheelFormat

    from svo_cli.app import Request
    from svo_cli.text_keys import LabelKey
else:  # each command's --format choices: its row of the render registry
    StatusFormat, DeadlinesFormat, ShowFormat, PlansFormat, CheckFormat, ReportFormat, WheelFormat, ValidateFormat = (
        format_choices(c) for c in ("status", "deadlines", "show", "plans", "check", "report", "arshjul", "validate"))
    ChangesFormat = format_choices("changes")


class StatusView(str, Enum):
    agreements = "agreements"
    register = "register"

app = typer.Typer(
    name="svo",
    cls=SvoGroup,
    help="app",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def command(name: str) -> Callable[[Callable[..., Any]], Any]:
    """A command whose help texts are looked up by id (texts.py) in the user's language."""
    return app.command(name, cls=SvoCommand, help=name, short_help=f"{name}.short")


def run(command: Command, request: "Request", output: Optional[Path], data: Optional[Path], given: Optional[Enum],
        fn: Callable[..., Any], *args: Any, fail_on: Optional[FailOn] = None,
        template: Optional[Path] = None) -> NoReturn:
    """The one way every command goes: refuse a bad target first, compute, render, write, exit (the
    command's formats, default and width are its row in the render registry)."""
    where = edge.target(output, data, request.lang)
    fmt = edge.output_format(command, given, output, request.lang)
    base = edge.template(template, fmt, request.lang)
    result = edge.compute(fn, request.lang, request, *args)
    code = None if fail_on is None else EXIT_FINDINGS if result.fails(fail_on.value) else EXIT_OK
    edge.finish(command, fmt, result, where, request.lang, code, template=base)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"svo {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="version")] = False,
) -> None:
    pass


@command("status")
def status(data: DataOption = None, as_of: AsOfOption = None, format: Annotated[Optional[StatusFormat], FORMAT] = None,
           lang: LangOption = None, output: OutputOption = None, party: PartyOption = None,
           responsible: ResponsibleOption = None, kind: KindOption = None, body: BodyOption = None,
           view: Annotated[Optional[StatusView], typer.Option("--view", help="view", show_default=False)] = None,
           all_documents: Annotated[bool, typer.Option("--all", help="status_all")] = False,
           template: TemplateOption = None) -> None:
    from svo_cli import app as application

    request = edge.request(data, as_of, lang, party, responsible, kind, body)
    if view is StatusView.register:
        from svo_cli.app.steering import register

        run(Command.STATUS, request, output, data, format, register, all_documents, template=template)
    run(Command.STATUS, request, output, data, format, application.status, template=template)


@command("deadlines")
def deadlines(data: DataOption = None, as_of: AsOfOption = None, within: WithinOption = None,
              until: UntilOption = None, format: Annotated[Optional[DeadlinesFormat], FORMAT] = None,
              lang: LangOption = None,
              output: OutputOption = None, party: PartyOption = None, responsible: ResponsibleOption = None,
              kind: KindOption = None, body: BodyOption = None) -> None:
    from svo_cli import app as application

    request = edge.request(data, as_of, lang, party, responsible, kind, body)
    window = application.Window(within, date_option(until, "--until", request.lang))
    run(Command.DEADLINES, request, output, data, format, application.deadlines, window)


@command("show")
def show(
    agreement_id: IdArgument,
    data: DataOption = None,
    as_of: AsOfOption = None,
    years: Annotated[int, typer.Option("--years", min=0, max=100, metavar="YEARS", help="years")] = 3,
    format: Annotated[Optional[ShowFormat], FORMAT] = None,
    lang: LangOption = None,
    output: OutputOption = None,
) -> None:
    from svo_cli import app as application

    request = edge.request(data, as_of, lang)
    run(Command.SHOW, request, output, data, format, application.show, agreement_id, years)


@command("plans")
def plans(data: DataOption = None, as_of: AsOfOption = None, format: Annotated[Optional[PlansFormat], FORMAT] = None,
          lang: LangOption = None, output: OutputOption = None, party: PartyOption = None,
          responsible: ResponsibleOption = None, body: BodyOption = None) -> None:
    from svo_cli import app as application

    request = edge.request(data, as_of, lang, party, responsible, None, body)
    run(Command.PLANS, request, output, data, format, application.plans)


@command("check")
def check(
    data: DataOption = None,
    as_of: AsOfOption = None,
    meeting: MeetingOption = None,
    next_meeting: NextMeetingOption = False,
    horizon: HorizonOption = None,
    since: Annotated[Optional[str], typer.Option("--since", metavar="DATE", help="since", show_default=False)] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="fail_on")] = FailOn.overdue,
    format: Annotated[Optional[CheckFormat], FORMAT] = None,
    lang: LangOption = None,
    output: OutputOption = None,
    template: TemplateOption = None,
    party: PartyOption = None,
    responsible: ResponsibleOption = None,
    kind: KindOption = None,
    body: BodyOption = None,
) -> None:
    from svo_cli import app as application

    request = edge.request(data, as_of, lang, party, responsible, kind, body)
    window = application.MeetingWindow(date_option(meeting, "--meeting", request.lang), next_meeting, horizon)
    pack = edge.output_format(Command.CHECK, format, output, request.lang).value == "docx"  # the Word pack
    run(Command.CHECK, request, output, data, format, application.check, window,
        date_option(since, "--since", request.lang), pack, fail_on=fail_on, template=template)


@command("changes")
def changes(
    since: Annotated[str, typer.Option("--since", metavar="REV|DATE", help="changes_since")],
    until: Annotated[Optional[str], typer.Option("--until", metavar="REV", help="changes_until",
                                                 show_default=False)] = None,
    data: DataOption = None,
    as_of: AsOfOption = None,
    format: Annotated[Optional[ChangesFormat], FORMAT] = None,
    lang: LangOption = None,
    output: OutputOption = None,
    template: TemplateOption = None,
) -> None:
    from svo_cli.app.history import changes as compute

    request = edge.request(data, as_of, lang)
    run(Command.CHANGES, request, output, data, format, compute, since, until, template=template)


@command("calendar")
def calendar(
    data: DataOption = None,
    as_of: AsOfOption = None,
    within: WithinOption = None,
    until: UntilOption = None,
    remind: Annotated[Optional[str], typer.Option("--remind", metavar="DAYS[,DAYS…]", help="remind_days",
                                                  show_default=False)] = None,
    on: Annotated[Optional[CalendarDay], typer.Option("--on", help="on", show_default=False)] = None,
    lang: LangOption = None,
    output: OutputOption = None,
    party: PartyOption = None,
    responsible: ResponsibleOption = None,
    kind: KindOption = None,
    body: BodyOption = None,
) -> None:
    from svo_cli import app as application

    request = edge.request(data, as_of, lang, party, responsible, kind, body)
    window = application.Window(within, date_option(until, "--until", request.lang))
    run(Command.CALENDAR, request, output, data, None, application.calendar, window,
        edge.remind_option(remind, request.lang), (on or CalendarDay.act_by).value)


@command("report")
def report(
    data: DataOption = None,
    as_of: AsOfOption = None,
    meeting: MeetingOption = None,
    next_meeting: NextMeetingOption = False,
    horizon: HorizonOption = None,
    format: Annotated[Optional[ReportFormat], FORMAT] = None,
    lang: LangOption = None,
    output: OutputOption = None,
    template: TemplateOption = None,
    party: PartyOption = None,
    responsible: ResponsibleOption = None,
    kind: KindOption = None,
    body: BodyOption = None,
) -> None:
    from svo_cli import app as application

    request = edge.request(data, as_of, lang, party, responsible, kind, body)
    window = application.MeetingWindow(date_option(meeting, "--meeting", request.lang), next_meeting, horizon)
    pack = edge.output_format(Command.REPORT, format, output, request.lang).value == "docx"  # the Word document
    run(Command.REPORT, request, output, data, format, application.report, window, pack, template=template)


@command("timeline")
def timeline(
    data: DataOption = None,
    as_of: AsOfOption = None,
    years_back: Annotated[int, typer.Option("--years-back", min=0, max=50, metavar="YEARS", help="years_back")] = 4,
    years_ahead: Annotated[int, typer.Option("--years-ahead", min=1, max=50, metavar="YEARS",
                                             help="years_ahead")] = 4,
    all_agreements: Annotated[bool, typer.Option("--all", help="all")] = False,
    lang: LangOption = None,
    output: OutputOption = None,
) -> None:
    from svo_cli import app as application

    request = edge.request(data, as_of, lang)
    run(Command.TIMELINE, request, output, data, None, application.timeline, years_back, years_ahead,
        all_agreements)


@command("arshjul")
def arshjul(
    data: DataOption = None,
    as_of: AsOfOption = None,
    year: Annotated[Optional[int], typer.Option("--year", min=1900, max=2199, metavar="YEAR", help="year",
                                                show_default=False)] = None,
    format: Annotated[Optional[WheelFormat], FORMAT] = None,
    lang: LangOption = None,
    output: OutputOption = None,
    party: PartyOption = None,
    responsible: ResponsibleOption = None,
    kind: KindOption = None,
    body: BodyOption = None,
) -> None:
    from svo_cli import arshjul as wheel

    request = edge.request(data, as_of, lang, party, responsible, kind, body)
    if output is not None and output.suffix.lower() == ".png":
        from svo_cli.i18n import label

        edge.fail(label("aj_no_png", request.lang, path=str(output)), request.lang)
    run(Command.ARSHJUL, request, output, data, format, wheel.arshjul, year)


@command("site")
def site(
    output: Annotated[Path, typer.Option("--output", "-o", metavar="DIR", help="site_output")],
    data: DataOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    from svo_cli.i18n import label
    from svo_cli.output import OutputFailed, OutputRefused
    from svo_cli.site import build
    from svo_cli.site.pages import site_files
    from svo_cli.site.swap import check_target, publish
    from svo_cli.site.write import check_directory

    request = edge.request(data, as_of, lang)
    try:
        check_directory(output, request.data_dir)
        check_target(output)
        result = edge.compute(build, request.lang, request)
        count = publish(site_files(result), output)
    except OutputRefused as exc:
        edge.fail(label(exc.message_id, request.lang, **exc.params), request.lang)
    except OutputFailed as exc:
        edge.fail(label("write_failed", request.lang, path=exc.path, reason=exc.reason), request.lang)
    edge.say(label("site_written", request.lang, n=count, dir=str(output)), err=False)
    edge.report_errors(result, request.lang)
    raise typer.Exit(result.exit_code)


@command("remind")
def remind(
    data: DataOption = None,
    as_of: AsOfOption = None,
    at: Annotated[str, typer.Option("--at", metavar="DAYS", help="at")] = "28,7,1",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", metavar="DIR", help="remind_output",
                                                   show_default=False)] = None,
    send: Annotated[bool, typer.Option("--send", help="send")] = False,
    lang: LangOption = None,
) -> None:
    from svo_cli import mail
    from svo_cli import remind as reminders
    from svo_cli.i18n import label
    from svo_cli.output import OutputFailed, OutputRefused
    from svo_cli.site.write import check_directory, write_tree

    request = edge.request(data, as_of, lang)
    language = request.lang
    try:
        days = tuple(sorted({int(x) for x in at.split(",") if x.strip()}, reverse=True))
    except ValueError:
        edge.fail(label("rm_bad_at", language, value=at), language)
    if not days or any(d < 0 or d > 3650 for d in days):
        edge.fail(label("rm_bad_at", language, value=at), language)
    if output is None and not send:
        edge.fail(label("rm_need_output", language), language)
    settings = None
    if send:
        host = os.environ.get("SVO_SMTP_HOST", "")
        if not host:
            edge.fail(label("rm_no_host", language), language)
        port = os.environ.get("SVO_SMTP_PORT", "587")
        settings = mail.Settings(host, int(port) if port.isdigit() else 587, os.environ.get("SVO_SMTP_USER") or None,
                                 os.environ.get("SVO_SMTP_PASSWORD") or None,
                                 os.environ.get("SVO_SMTP_STARTTLS", "1").lower() not in ("0", "no", "false", "off"))
    sender = os.environ.get("SVO_SMTP_FROM") or os.environ.get("SVO_SMTP_USER") or "svo@localhost"
    try:
        if output is not None:
            check_directory(output, request.data_dir)
        result = edge.compute(reminders.remind, language, request, days, sender)
        total = len(result.reminders)
        typer.echo(label("rm_summary", language, date=request.as_of.isoformat(), n=total,
                         k=sum(len(r.to) + len(r.cc) for r in result.reminders)))
        for r in result.reminders:
            edge.say(f"  {r.party}: " + ", ".join(a for _, a in r.to + r.cc) + f" ({len(r.milestones)})", err=False)
        if result.without_contacts:
            edge.say_wrapped(label("rm_without", language, ids=", ".join(result.without_contacts)), language,
                             err=False)
        if output is not None:
            write_tree({r.file_name(request.as_of): r.message.as_bytes() for r in result.reminders}, output,
                       request.data_dir)
            edge.say(label("rm_written", language, dir=str(output)), err=False)
    except OutputRefused as exc:
        edge.fail(label(exc.message_id, language, **exc.params), language)
    except OutputFailed as exc:
        edge.fail(label("write_failed", language, path=exc.path, reason=exc.reason), language)
    if settings is not None and result.reminders:
        try:
            sent = mail.send([r.message for r in result.reminders], settings)
        except mail.SendFailed as exc:
            key: LabelKey = "rm_login_refused" if exc.login else "rm_failed"
            edge.say(label("error_prefix", language) + label(key, language, sent=exc.sent, total=total,
                                                             reason=exc.reason))
            raise typer.Exit(EXIT_UNAVAILABLE) from None
        typer.echo(label("rm_sent", language, n=sent, total=total))
    edge.report_errors(result, language)
    raise typer.Exit(result.exit_code)


@command("schema")
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="schema_kind")] = SchemaKind.agreement,
    output: OutputOption = None,
    lang: LangOption = None,
) -> None:
    import json

    from svo_cli.schema import json_schema

    language = edge.lang_of(lang)  # the schema's descriptions are English; messages follow --lang
    where = edge.target(output, None, language)
    edge.write(json.dumps(json_schema(kind.value), ensure_ascii=False, indent=2) + "\n", where, language)


@command("validate")
def validate_command(
    paths: Annotated[Optional[list[Path]], typer.Argument(metavar="PATH", help="paths", show_default=False)] = None,
    data: DataOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="strict")] = False,
    format: Annotated[Optional[ValidateFormat], FORMAT] = None,
    sources: Annotated[Optional[Path], typer.Option("--sources", metavar="DIR", help="sources")] = None,
    max_age: Annotated[int, typer.Option("--max-age", min=1, max=600, metavar="MONTHS", help="max_age")] = 12,
    as_of: AsOfOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="quiet")] = False,
    lang: LangOption = None,
    check: Annotated[Optional[list[str]], typer.Option("--check", metavar="NAME", help="check_name",
                                                       autocompletion=complete_check)] = None,
    list_checks: Annotated[bool, typer.Option("--list-checks", help="list_checks")] = False,
) -> None:
    from svo_cli.cli.hook import validate

    raise typer.Exit(validate(paths, data, strict, format.value if format is not None else None, sources, max_age,
                              as_of, quiet, lang, check, list_checks))


def for_argv(argv: list[str], environ: Any) -> typer.Typer:
    """The app to run for `argv`: when its first word is one of svo's commands (and no shell completion is
    asked for), a copy of the app that has only that command, so that typer builds the options of one
    command, not of all fourteen (the pre-commit hook's start-up); the whole app for anything else (help,
    an option first, a mistyped name that gets its "did you mean")."""
    if not argv or any(k.startswith("_") and k.endswith("_COMPLETE") for k in environ):
        return app
    chosen = [c for c in app.registered_commands if c.name == argv[0]]
    if len(chosen) != 1:
        return app
    one = copy.copy(app)
    one.registered_commands = chosen
    return one


def main() -> None:
    """The whole command line, under the edge's guard (edge.guarded)."""
    edge.guarded(lambda: for_argv(sys.argv[1:], os.environ)())
