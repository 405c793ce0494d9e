"""The `svo` console script: answers `svo --version` before anything else is imported, runs the
pre-commit hook's `svo validate [--strict] FILE...` without building the command line (svo_cli.cli.hook), and hands
everything else to the command line (svo_cli.cli.commands), which builds typer's tree of the command run."""

from __future__ import annotations

import os
import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:  # the same line as the command tree's eager --version option
        from svo_cli import __version__

        try:
            sys.stdout.write(f"svo {__version__}\n")
            sys.stdout.flush()
        except BrokenPipeError:
            sys.exit(141)
        return
    from svo_cli.cli import edge
    from svo_cli.cli.hook import hook_run, run_hook

    run = hook_run(sys.argv[1:], os.environ)
    if run is not None:
        edge.guarded(lambda: run_hook(run))
        return
    from svo_cli.cli.commands import main as cli_main

    cli_main()
