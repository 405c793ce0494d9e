"""The `svo` console script: answers `svo --version` before anything else is imported, then hands over
to the command line (svo_cli.cli), whose import builds typer's whole command tree."""

from __future__ import annotations

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
    from svo_cli.cli import main as cli_main

    cli_main()
