"""The options the commands share, their choices, and shell completion of ids, parties and kinds."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

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


# --------------------------------------------------------------------------- shell completion


def _completion_data(ctx: Any) -> Path:
    from svo_cli.cli.edge import data_dir

    given = ctx.params.get("data") if ctx is not None else None
    return data_dir(Path(given) if given else None)


def _stems(directory: Path) -> list[str]:
    try:
        return sorted(p.stem for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    except OSError:
        return []


def complete_id(ctx: typer.Context, incomplete: str) -> list[str]:
    """Agreement and work-plan ids: the file names in the data directory."""
    root = _completion_data(ctx)
    ids = _stems(root / "agreements") + _stems(root / "workplans")
    return [i for i in ids if i.startswith(incomplete)]


def complete_party(ctx: typer.Context, incomplete: str) -> list[str]:
    """Party and group ids from parties.yaml (read safely; nothing on a broken file)."""
    import yaml

    try:
        doc = yaml.safe_load((_completion_data(ctx) / "parties.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return []
    ids = [str(item.get("id")) for key in ("parties", "groups") for item in (doc or {}).get(key) or ()
           if isinstance(item, dict) and item.get("id")] if isinstance(doc, dict) else []
    return [i for i in ids if i.startswith(incomplete)]


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
MeetingOption = Annotated[Optional[str], typer.Option("--meeting", metavar="DATE", help="meeting")]
NextMeetingOption = Annotated[bool, typer.Option("--next-meeting", help="next_meeting")]
HorizonOption = Annotated[Optional[int], typer.Option(
    "--horizon", min=0, max=3650, metavar="DAYS", help="horizon")]
IdArgument = Annotated[str, typer.Argument(metavar="ID", help="id", autocompletion=complete_id,
                                           show_default=False)]
