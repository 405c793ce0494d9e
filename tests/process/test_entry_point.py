"""The entry point in a real process: `python -m svo_cli`, as the `svo` script runs it."""

from __future__ import annotations

import pytest

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
    fast = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    whole = svo("validate", "--strict", path)
    assert (fast.stdout, fast.stderr) == (whole.stdout + "0 False\n", whole.stderr)


@pytest.mark.slow
@pytest.mark.parametrize("argv", [["validate", "--strict", "FILE"], ["validate", "FILE", "--as-of", "2026-12-01"],
                                  ["status"], ["deadlines", "--format", "json", "-o", "/dev/stdout"]],
                         ids=["hook", "command line", "status", "-o /dev/stdout"])
def test_a_reader_that_went_away_ends_the_run_quietly_with_141(argv):
    """`svo ... | head` that stops reading: exit 141 (128 + SIGPIPE, as a shell reports it), nothing on
    stderr, the same on the hook's path and the command line's (typer alone would exit 1, the code of
    findings), and through `-o /dev/stdout` (written through the descriptor: once exit 2, "cannot write")."""
    import os
    import subprocess
    import sys

    from conftest import DATA, REPO

    words = [str(DATA / "agreements" / "lakarmedverkan.yaml") if w == "FILE" else w for w in argv]
    read, write = os.pipe()
    os.close(read)  # the reader is gone before svo writes anything
    try:
        done = subprocess.run([sys.executable, "-m", "svo_cli", *words], stdout=write, stderr=subprocess.PIPE,
                              cwd=REPO, env={**os.environ, "NO_COLOR": "1", "SVO_DATA": ""}, timeout=120)
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (141, b"")
