"""The `svo` command line: parse options, call one application function, pick a renderer, write, exit.

The only package that knows typer, the clock, the environment and the terminal: options.py declares the
options, usage.py speaks the user's language on help pages and usage errors, edge.py reads the clock and
the environment and writes the output, commands.py declares the commands, and hook.py runs the pre-commit
hook's `svo validate FILE...` without building them. Importing this package imports none of them: its
names (`app`, `main`, `for_argv`, ...) are read from commands.py on first use, so that edge.py and hook.py
run without typer.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from svo_cli.cli.commands import app, for_argv, main  # noqa: F401


_SUBMODULES = frozenset({"commands", "edge", "hook", "options", "texts", "usage"})


def __getattr__(name: str) -> Any:
    if name.startswith("__") or name in _SUBMODULES:  # a submodule not imported yet: the import system's
        raise AttributeError(name)
    from importlib import import_module

    try:
        return getattr(import_module("svo_cli.cli.commands"), name)
    except AttributeError:
        raise AttributeError(f"module 'svo_cli.cli' has no attribute {name!r}") from None
