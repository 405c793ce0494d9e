"""The edge: today's date, the environment, the terminal, option values, and the way out (write, exit).

It imports typer only on the way out of an error (`_echo`, `_exit`), so the pre-commit hook's run
(hook.py) never imports it."""

from __future__ import annotations

import io
import os
import shutil
import sys
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, NamedTuple, NoReturn, Optional, Sequence

if TYPE_CHECKING:  # heavy modules are imported when a command runs, so `svo --help` stays fast
    from svo_cli.app import Request
    from svo_cli.cli.options import Lang
    from svo_cli.output import Payload, Target
    from svo_cli.render import Command, Display, Format
    from svo_cli.text_keys import LabelKey

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70
EXIT_READER_GONE = 141  # the reader of the output went away (`svo status | head`): 128 + SIGPIPE, as a shell says
TODAY_WORDS = frozenset({"today", "idag", "i dag"})
UNLIMITED = 100_000  # piped or written to a file: one row per line, text in full


def today_in_stockholm() -> date:
    """'Today' is read once, here at the edge, in Europe/Stockholm."""
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo("Europe/Stockholm")).date()


def lang_of(value: Optional["Lang"]) -> str:
    from svo_cli.i18n import detect_lang

    return value.value if value is not None else detect_lang(os.environ)


def say(line: str, err: bool = True) -> None:
    """One line on stderr (stdout when not `err`). Values in it may come from the data, the command line
    or a server (known bodies, file names, an SMTP reply): each is one line, made safe for a terminal and
    a CI log (svo_cli.safe)."""
    from svo_cli.safe import plain_lines, visible

    _echo(plain_lines(visible(line, newlines=False)), err=err)


def say_wrapped(text: str, lang: str, indent: str = "  ", err: bool = True) -> None:
    """`say` for a long line, such as a list of ids: wrapped at the terminal's width (or COLUMNS), each
    further line indented once more; never inside a word or an id, and not at all when piped."""
    import textwrap

    from svo_cli.safe import plain_lines, visible

    safe = plain_lines(visible(text, newlines=False))
    width = display(lang, False, 80).width
    lines = [indent + safe] if width >= UNLIMITED else textwrap.wrap(
        safe, width, initial_indent=indent, subsequent_indent=indent * 2, break_long_words=False,
        break_on_hyphens=False)
    for line in lines:
        _echo(line, err=err)


def _echo(line: str, err: bool) -> None:
    import typer

    typer.echo(line, err=err)


def _exit(code: int) -> NoReturn:
    """The command ends with this exit code (typer's way: each command's caller turns it into the code)."""
    import typer

    raise typer.Exit(code)


def _reader_gone() -> None:
    """The reader went away: what is still buffered for it goes nowhere, quietly, as with other Unix
    tools (no second error when Python flushes standard output at exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def exit_code_of(exc: BaseException) -> int | None:
    """The exit code `_exit` (or a command) asked for, if `exc` is typer's Exit; else None."""
    typer = sys.modules.get("typer")
    return exc.exit_code if typer is not None and isinstance(exc, typer.Exit) else None


def guarded(run: Callable[[], Any]) -> None:
    """Run the command line: streams that never crash on encoding, a quiet end on a closed pipe, and a
    last guard that turns any unexpected exception into one line (exit 70; SVO_DEBUG=1 shows the
    traceback)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        run()
    except BrokenPipeError:
        _reader_gone()
        sys.exit(EXIT_READER_GONE)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # the last guard: never a traceback unless asked for
        if os.environ.get("SVO_DEBUG"):
            raise
        say(f"svo: internal error: {type(exc).__name__}: {exc}; run with SVO_DEBUG=1 for details")
        sys.exit(EXIT_INTERNAL)


def fail(message: str, lang: str = "en") -> NoReturn:
    """A usage error: one line on stderr, exit 2."""
    from svo_cli.i18n import label

    say(label("error_prefix", lang) + message)
    _exit(EXIT_USAGE)


def check_names(names: Sequence[str], lang: str) -> tuple[str, ...]:
    """`--check` names as given; an unknown one is a usage error listing every check's name."""
    from svo_cli.checks import NAMES
    from svo_cli.i18n import label

    for name in names:
        if name not in NAMES:
            fail(label("unknown_value", lang, what="--check", value=name, known=", ".join(NAMES)), lang)
    return tuple(names)


def remind_option(value: Optional[str], lang: str = "en") -> Optional[tuple[int, ...]]:
    """--remind DAYS[,DAYS…]: the alarms of every event, in days before it (0: none); anything else is a
    usage error. None: the defaults (14 days before an act-by event, 28 and 7 before a decide-by event)."""
    if value is None:
        return None
    from svo_cli.i18n import label

    parts = [p.strip() for p in value.split(",")]
    if not parts or len(parts) > 10 or not all(p.isdigit() and len(p) <= 3 and int(p) <= 365 for p in parts):
        fail(label("bad_remind", lang, value=value), lang)
    return tuple(sorted({int(p) for p in parts if int(p) > 0}, reverse=True))


def date_option(value: Optional[str], name: str, lang: str = "en") -> Optional[date]:
    """A day option: YYYY-MM-DD, or today/idag; anything else is a usage error that names the option and
    suggests the day meant."""
    if value is None:
        return None
    if value.strip().lower() in TODAY_WORDS:
        return today_in_stockholm()
    from svo_cli.dates import DateSpecError, likely_date, parse_iso_date
    from svo_cli.i18n import label

    try:
        return parse_iso_date(value)
    except DateSpecError:
        import re

        from svo_cli.dates import MAX_YEAR, MIN_YEAR

        guess = likely_date(value)
        year = re.fullmatch(r"\s*(\d{4})-\d{2}-\d{2}\s*", value)
        if year and not MIN_YEAR <= int(year.group(1)) <= MAX_YEAR or (
                guess is not None and not MIN_YEAR <= guess.year <= MAX_YEAR):  # a date svo does not compute with
            fail(label("date_out_of_range", lang, option=name, value=value, low=MIN_YEAR, high=MAX_YEAR), lang)
        hint = label("date_hint_guess", lang, date=guess.isoformat()) if guess else label("date_hint", lang)
        fail(label("not_a_date", lang, option=name, value=value, hint=hint), lang)


class Discovered(NamedTuple):
    """A data directory found upwards from the working directory."""

    path: Path
    above: bool  # found in a parent directory (not the working directory or its data/)
    foreign_uid: Optional[int]  # the owner, when another user owns it (refused, as git's safe.directory)


def discover() -> Optional[Discovered]:
    """The data directory found upwards from the working directory: one holding parties.yaml and
    agreements/, or its data/ subdirectory. None when there is none (or no working directory)."""
    try:
        here = Path.cwd()
    except OSError:
        return None
    for candidate in (here, *here.parents):
        for directory in (candidate, candidate / "data"):
            try:
                if not ((directory / "parties.yaml").is_file() and (directory / "agreements").is_dir()):
                    continue
                owner = os.stat(directory).st_uid
            except OSError:
                continue
            above = candidate != here
            shown = Path(".") if directory == here else directory
            foreign = owner if above and owner != os.geteuid() else None
            return Discovered(shown, above, foreign)
    return None


class _Found:
    """The data directory this command found above the working directory (None: given, or here)."""

    above: Optional[Path] = None


def data_dir(data: Optional[Path], lang: str = "en", quiet: bool = False) -> Path:
    """--data, else $SVO_DATA, else the data directory found upwards from the working directory (a
    directory holding parties.yaml and agreements/, or its data/ subdirectory), else ./data.

    A directory found in a parent directory is named on stderr (which directory was read), and refused
    when another user owns it: files planted above the working directory are not read unasked.
    `quiet`: the same directory, with nothing said and nothing refused (to protect it from -o)."""
    if not quiet:
        _Found.above = None
    if data is not None:
        return data
    if os.environ.get("SVO_DATA"):
        return Path(os.environ["SVO_DATA"])
    try:
        os.getcwd()
    except OSError:
        if quiet:
            return Path("data")
        fail(_label("cwd_gone", lang), lang)
    found = discover()
    if found is None:
        return Path("data")
    if quiet:
        return found.path
    if found.foreign_uid is not None:
        fail(_label("data_found_foreign", lang, path=str(found.path), uid=str(found.foreign_uid)), lang)
    if found.above:
        _Found.above = found.path
        _echo(_label("data_found_note", lang, path=str(found.path)), err=True)
    return found.path


def _label(key: LabelKey, lang: str, **params: str) -> str:
    from svo_cli.i18n import label

    return label(key, lang, **params)


def jobs() -> Optional[int]:
    """SVO_JOBS: how many processes may read files (read here, at the edge)."""
    value = os.environ.get("SVO_JOBS", "")
    return int(value) if value.isdigit() else None


def request(data: Optional[Path], as_of: Optional[str], lang: Optional["Lang"], party: Optional[str] = None,
            responsible: Optional[str] = None, kind: Optional[list[str]] = None,
            body: Optional[str] = None) -> "Request":
    from svo_cli.app import Filters, Request

    language = lang_of(lang)
    day = date_option(as_of, "--as-of", language) or today_in_stockholm()
    return Request(data_dir(data, language), day, language, jobs(), Filters(party, responsible, tuple(kind or ()), body))


def isatty() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def display(lang: str, to_file: bool, width: int) -> "Display":
    """The terminal's width; when piped or written to a file, no wrapping at all unless COLUMNS is set;
    the data directory found above the working directory (`data_dir`, after `data_dir()`)."""
    from svo_cli.render import Display

    terminal = isatty() and not to_file
    columns = os.environ.get("COLUMNS", "")
    if terminal:
        width = shutil.get_terminal_size((width, 24)).columns
    else:
        width = int(columns) if columns.isdigit() and int(columns) > 0 else UNLIMITED
    plain = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb" or not terminal
    found = str(_Found.above) if _Found.above is not None else None  # JSON names it first (docs/json.md)
    return Display(lang=lang, width=width, plain=plain, pretty=terminal, data_dir=found)


def target(output: Optional[Path], data: Optional[Path], lang: str, inputs: tuple[Path, ...] = ()) -> "Target":
    """Where output goes, decided before anything is computed; targets that would destroy are refused."""
    from svo_cli.i18n import label
    from svo_cli.output import OutputRefused, resolve_target

    try:
        return resolve_target(output, (data_dir(data, lang, quiet=True),), inputs)
    except OutputRefused as exc:
        fail(label(exc.message_id, lang, **exc.params), lang)


DATA_FAULTS = frozenset({"id_unreadable", "no_such_id_data_errors"})


def compute(fn: Callable[..., Any], lang: str, *args: Any) -> Any:
    """Call the application layer; a request it cannot answer is a usage error."""
    from svo_cli.app import UsageProblem
    from svo_cli.i18n import label

    try:
        return fn(*args)
    except UsageProblem as exc:
        if exc.message_id in DATA_FAULTS:  # the data's fault, not the user's: exit 1
            say(label("error_prefix", lang) + label(exc.message_id, lang, **exc.params))
            _exit(EXIT_FINDINGS)
        fail(label(exc.message_id, lang, **exc.params), lang)


def write(payload: "Payload", where: "Target", lang: str) -> None:
    from svo_cli.i18n import label
    from svo_cli.output import EXIT_IO, OutputFailed, deliver

    try:
        deliver(where, payload)
    except BrokenPipeError:  # caught here, not by typer (which would exit 1, the code of findings)
        _reader_gone()
        _exit(EXIT_READER_GONE)
    except OutputFailed as exc:
        say(label("error_prefix", lang) + label("write_failed", lang, path=exc.path, reason=exc.reason))
        _exit(EXIT_USAGE if where.path is not None else EXIT_IO)


def report_errors(result: Any, lang: str) -> None:
    """Data errors go to stderr in every command; results are still computed from what is valid."""
    from svo_cli.i18n import label
    from svo_cli.render.text import finding_line, listed_findings

    errors = result.errors
    listed, closing = listed_findings(errors, lang)
    for line in [finding_line(d, lang) for d in listed] + closing:
        say(line)
    if errors:
        say(label("data_errors", lang, n=len(errors)))


TEMPLATE_LIMIT = 20 * 1024 * 1024  # a Word template larger than this is refused (letterheads are kilobytes)


def template(path: Optional[Path], fmt: "Format", lang: str) -> bytes | None:
    """--template FILE.docx read before anything is computed: only for the docx format, a Word document
    (a zip holding word/document.xml), at most TEMPLATE_LIMIT bytes; anything else is a usage error."""
    import zipfile

    from svo_cli.i18n import label

    if path is None:
        return None
    if fmt.value != "docx":
        fail(label("template_needs_docx", lang), lang)
    try:
        with open(path, "rb") as handle:
            content = handle.read(TEMPLATE_LIMIT + 1)
    except OSError as exc:
        fail(label("template_not_docx", lang, path=str(path), reason=exc.strerror or str(exc)), lang)
    reason = None
    if len(content) > TEMPLATE_LIMIT:
        reason = f"> {TEMPLATE_LIMIT // (1024 * 1024)} MiB"
    else:
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                if "word/document.xml" not in archive.namelist():
                    reason = "word/document.xml"
        except zipfile.BadZipFile as exc:
            reason = str(exc)
    if reason is not None:
        fail(label("template_not_docx", lang, path=str(path), reason=reason), lang)
    return content


def finish(command: "Command", fmt: "Format", result: Any, where: "Target", lang: str,
           exit_code: Optional[int] = None, template: bytes | None = None) -> NoReturn:
    """Render the result and write it as it is rendered (render.stream), report data errors, exit (1 when
    the data had errors). JSON names the data directory first (`data_dir`) when svo found it itself."""
    from dataclasses import replace

    from svo_cli.render import REGISTRY, stream

    shown = replace(display(lang, where.path is not None, REGISTRY[command].width), template=template)
    write(stream(command, fmt, result, shown), where, lang)
    report_errors(result, lang)
    _exit(result.exit_code if exit_code is None else exit_code)


def output_format(command: "Command", given: Optional[Enum], output: Optional[Path], lang: str) -> "Format":
    """The format: as given, else the one the output file's extension names, else the command's default
    (all from the render registry). An extension no format writes, or one that contradicts --format, is a
    usage error; so is a format of bytes for a terminal."""
    from svo_cli.i18n import label
    from svo_cli.render import REGISTRY, Format, format_of_suffix, formats

    allowed = formats(command)
    listed = ", ".join(allowed)
    suffix = output.suffix.lower() if output is not None and str(output) != "-" else ""
    implied = format_of_suffix(suffix) if suffix else None
    if suffix and implied is None:
        fail(label("output_suffix_unknown", lang, path=str(output), suffix=suffix, formats=listed), lang)
    if given is None and implied is not None and implied not in allowed:
        fail(label("output_suffix_not_here", lang, path=str(output), command=command, format=implied,
                   formats=listed), lang)
    chosen = Format(given.value) if given is not None else (implied if implied in allowed else REGISTRY[command].default)
    if implied is not None and suffix not in chosen.suffixes and not (implied == "csv" and chosen == "csv-excel"):
        fail(label("output_suffix_contradicts", lang, path=str(output), format=chosen if given else implied,
                   formats=listed), lang)
    if chosen.binary and (output is None or str(output) == "-") and isatty():
        fail(label("xlsx_terminal", lang), lang)
    return chosen
