"""The options the commands share, their choices, and shell completion of ids, parties and kinds."""

from __future__ import annotations

import os
import re
import shlex
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Iterable, Optional

import typer


def format_choices(command: str) -> type[Enum]:
    """The `--format` choices of `command`: the formats the render registry has for it, and only those
    (an unknown one is a usage error that lists them)."""
    from svo_cli.render import Command, formats

    return Enum(f"{command.title()}Format", {f.value: f.value for f in formats(Command(command))},  # type: ignore[return-value]
                type=str)


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
    minutes = "minutes"


# --------------------------------------------------------------------------- shell completion


# The ids the loader accepts (model.Slug): a candidate is one of these or is not offered, so nothing a
# shell reads as code (whitespace, newlines, $( ), quotes, globs) can reach a command line by TAB.
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def shell_candidates(ids: Iterable[str], incomplete: str) -> list[str]:
    """Completion candidates: only ids the loader accepts, quoted for the shell (a no-op for an id)."""
    return sorted({shlex.quote(i) for i in ids if SLUG.fullmatch(i) and i.startswith(incomplete)})


def _completion_root(ctx: Any) -> Optional[Path]:
    """The data directory, found as the commands find it, but silently: a directory another user owns
    is not read at all (no candidates), and nothing is printed into the prompt."""
    from svo_cli.cli.edge import discover

    given = ctx.params.get("data") if ctx is not None else None
    if given:
        return Path(given)
    if os.environ.get("SVO_DATA"):
        return Path(os.environ["SVO_DATA"])
    found = discover()
    if found is None:
        return Path("data")
    return None if found.foreign_uid is not None else found.path


def complete_id(ctx: typer.Context, incomplete: str) -> list[str]:
    """Agreement, work-plan and minutes ids: the names of the data files, listed under the loader's rule."""
    from svo_cli import loader

    root = _completion_root(ctx)
    if root is None:
        return []
    ids: list[str] = []
    for kind in (loader.AGREEMENTS, loader.WORKPLANS, loader.MINUTES):
        files, _ = loader.kind_files(root, kind)
        ids += [loader.stem(p) for p in files]
    return shell_candidates(ids, incomplete)


def complete_party(ctx: typer.Context, incomplete: str) -> list[str]:
    """Party and group ids from parties.yaml, read as the loader reads it (its rule, size limit and
    refusal of aliases and deep nesting): a broken file gives no candidates, never an error or a wait."""
    from svo_cli import loader
    from svo_cli.model import PartiesFile

    root = _completion_root(ctx)
    if root is None:
        return []
    document, _ = loader.read_checked(root / loader.PARTIES_FILE, root)
    built = loader.build_model(document, PartiesFile)[0] if document is not None else None
    if built is None:
        return []
    return shell_candidates([p.id for p in built.parties] + [g.id for g in built.groups], incomplete)


def complete_kind(incomplete: str) -> list[str]:
    from typing import get_args

    from svo_cli.model import AgreementKind

    return [k for k in get_args(AgreementKind) if k.startswith(incomplete)]


def complete_check(incomplete: str) -> list[str]:
    from svo_cli.checks import NAMES

    return [n for n in NAMES if n.startswith(incomplete)]


def complete_body(incomplete: str) -> list[str]:
    return [b for b in ("SVO", "LGVO") if b.lower().startswith(incomplete.lower())]


# --------------------------------------------------------------------------- options (help by id: texts.py)

DataOption = Annotated[Optional[Path], typer.Option(
    "--data", help="data", show_default=False, metavar="DIR")]
AsOfOption = Annotated[Optional[str], typer.Option("--as-of", help="as_of", show_default=False, metavar="DATE")]
FORMAT = typer.Option("--format", help="format", show_default=False)  # choices: format_choices(command)
LangOption = Annotated[Optional[Lang], typer.Option("--lang", help="lang", show_default=False)]
OutputOption = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="output", show_default=False, metavar="FILE")]
TemplateOption = Annotated[Optional[Path], typer.Option(
    "--template", help="template", show_default=False, metavar="FILE.docx")]
WithinOption = Annotated[Optional[int], typer.Option(
    "--within", min=0, max=36500, metavar="DAYS", help="within", show_default=False)]
UntilOption = Annotated[Optional[str], typer.Option("--until", metavar="DATE", help="until")]
PartyOption = Annotated[Optional[str], typer.Option(
    "--party", metavar="ID", help="party", autocompletion=complete_party)]
ResponsibleOption = Annotated[Optional[str], typer.Option("--responsible", metavar="TEXT", help="responsible")]
KindOption = Annotated[Optional[list[str]], typer.Option(
    "--kind", metavar="KIND", help="kind", autocompletion=complete_kind)]
BodyOption = Annotated[Optional[str], typer.Option("--body", metavar="BODY", help="body",
                                                   autocompletion=complete_body)]
MeetingOption = Annotated[Optional[str], typer.Option("--meeting", metavar="DATE", help="meeting_option")]
NextMeetingOption = Annotated[bool, typer.Option("--next-meeting", help="next_meeting")]
HorizonOption = Annotated[Optional[int], typer.Option(
    "--horizon", min=0, max=3650, metavar="DAYS", help="horizon_option")]
IdArgument = Annotated[str, typer.Argument(metavar="ID", help="id", autocompletion=complete_id,
                                           show_default=False)]
