"""`svo validate` as a function of its option values, and the pre-commit hook's run of it without the
command line: `svo validate [--strict] FILE...` (files, and no option but --strict) is what the hook runs
on every commit, and importing typer and building its option parsers would be a fifth of that run.
The console script (svo_cli.launch) asks `hook_run` first; anything else — another option, a path that
is not a regular file, shell completion — goes through the whole command line, which calls the same
`validate` below."""

import os
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, NamedTuple, Optional, Sequence

from svo_cli.cli import edge

if TYPE_CHECKING:
    from svo_cli.cli.options import Lang


class HookRun(NamedTuple):
    paths: list[Path]
    strict: bool


def hook_run(argv: Sequence[str], environ: Mapping[str, str]) -> Optional[HookRun]:
    """The files (and --strict) of `svo validate [--strict] FILE...` when that is all the command line says
    (each file an existing regular file, none starting with '-', --strict at most once); None for
    anything else."""
    if not argv or argv[0] != "validate" or any(k.startswith("_") and k.endswith("_COMPLETE") for k in environ):
        return None
    words = list(argv[1:])
    strict = words.count("--strict") == 1
    if strict:
        words.remove("--strict")
    if not words or any(not word or word.startswith("-") or not _regular(word) for word in words):
        return None
    return HookRun([Path(word) for word in words], strict)


def _regular(path: str) -> bool:
    try:
        return os.path.isfile(path)
    except (OSError, ValueError):
        return False


def run_hook(run: HookRun) -> None:
    """`svo validate [--strict] FILE...` with every other option at its default, ending the process with
    its exit code."""
    try:
        code = validate(run.paths, strict=run.strict)
    except Exception as exc:
        asked = edge.exit_code_of(exc)  # a usage error or a failed write (edge._exit)
        if asked is None:
            raise
        code = asked
    raise SystemExit(code)


def validate(paths: Optional[list[Path]] = None, data: Optional[Path] = None, strict: bool = False,
             format: Optional[str] = None, sources: Optional[Path] = None, max_age: int = 12,
             as_of: Optional[str] = None, quiet: bool = False, lang: Optional["Lang"] = None,
             check: Optional[list[str]] = None, list_checks: bool = False) -> int:
    """`svo validate`: check the data (or the named files against their data directory), write the
    findings, and return the exit code (0 clean, 1 errors). Option values as the command line gives them;
    `format` is the format's name."""
    from svo_cli import app as application
    from svo_cli.output import Target
    from svo_cli.render import REGISTRY, Command, Format, render

    language = edge.lang_of(lang)
    if list_checks:
        from svo_cli.render.text import render_checks

        shown = edge.display(language, False, REGISTRY[Command.VALIDATE].width)
        edge.write(render_checks(language, json=format == "json",
                                 width=None if shown.width >= edge.UNLIMITED else shown.width),
                   Target(None), language)
        return 0
    request = application.ValidateRequest(
        edge.data_dir(data, language), tuple(paths or ()), strict,
        edge.date_option(as_of, "--as-of", language) or edge.today_in_stockholm(), sources, max_age, edge.jobs(),
        edge.check_names(check or (), language))
    result = edge.compute(application.validate_files, language, request)
    if not (quiet and not result.findings):
        chosen = Format(format) if format is not None else REGISTRY[Command.VALIDATE].default
        edge.write(render(Command.VALIDATE, chosen, result, edge.display(language, False, REGISTRY[Command.VALIDATE].width)),
                   Target(None), language)
    return result.exit_code
