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


def test_the_pre_commit_hook_runs_without_the_command_line():
    """`svo validate --strict FILE...` (what the pre-commit hook runs) gives what the command tree's
    `validate` gives, without importing typer (issue 26: the hook's start-up)."""
    import subprocess
    import sys

    from conftest import DATA

    path = str(DATA / "agreements" / "lakarmedverkan.yaml")
    probe = ("import sys; from svo_cli.launch import main\n"
             f"sys.argv = ['svo', 'validate', '--strict', {path!r}]\n"
             "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
             "print(code, 'typer' in sys.modules)")
    fast = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert fast == svo("validate", "--strict", path).stdout + "0 False\n"
