"""The entry point in a real process: `python -m svo_cli`, as the `svo` script runs it."""

from __future__ import annotations

from conftest import COMMANDS, svo, svo_process


def test_version_and_help_through_the_entry_point():
    """`python -m svo_cli`, as the `svo` script runs it: the one cheap process test left in the quick run."""
    assert svo_process("--version").stdout.strip().startswith("svo ")
    result = svo_process("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


def test_version_is_answered_before_the_command_tree_is_built():
    """`svo --version` prints what the command tree's eager --version option prints, without importing
    typer or building the commands (issue 26: start-up near `import typer`)."""
    import subprocess
    import sys

    probe = "import sys; sys.argv = ['svo', '--version']; from svo_cli.launch import main; main(); print('typer' in sys.modules)"
    fast = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert fast == svo("--version").stdout + "False\n"
