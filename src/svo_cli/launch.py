"""The `svo` console script: answers `svo --version` before anything else is imported, runs the
pre-commit hook's `svo validate [--strict] FILE...` without building the command line (svo_cli.cli.hook), and hands
everything else to the command line (svo_cli.cli.commands), which builds typer's tree of the command run."""

from __future__ import annotations

import gc
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
        # The run ends the process, with Python's cycle collector paused from here on. It imports modules
        # (thousands of classes and functions, no garbage), reads the data directory and checks it, which
        # makes little cyclic garbage (~240 objects with 3,000 agreements, every file checked; the same peak
        # memory): the collector's passes, and the pass on resuming over every object the run made, were
        # 3 % of the run's instructions.
        gc.disable()
        edge.guarded(lambda: run_hook(run))
        return
    from svo_cli.cli.commands import main as cli_main

    cli_main()
