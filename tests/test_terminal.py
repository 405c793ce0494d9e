"""The real terminal: svo run in a pseudo-terminal of a given size, as a user sees it (issue 14, item 2, 9)."""

from __future__ import annotations

import fcntl
import os
import re
import struct
import subprocess
import sys
import termios

import pytest

from conftest import DATA, commands_with, run_of

# A real process on a pseudo-terminal each: run with `pytest -m slow` (and in CI).
pytestmark = pytest.mark.slow

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def run_in_terminal(args: list[str], columns: int, env: dict[str, str] | None = None) -> str:
    """svo ARGS with its stdout on a pty of `columns` columns; what the terminal received, as text."""
    main, secondary = os.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    full_env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    full_env.update({"SVO_DATA": str(DATA), "TERM": "xterm-256color", **(env or {})})
    process = subprocess.Popen([sys.executable, "-m", "svo_cli", *args], stdout=secondary,
                               stderr=subprocess.PIPE, env=full_env)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the other side closed (EIO on Linux)
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(main)
    assert process.returncode in (0, 1), process.stderr.read() if process.stderr else ""
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("command", commands_with(format="table"))
@pytest.mark.parametrize("columns", [60, 80])
def test_nothing_runs_past_the_terminals_edge(command, columns):
    text = ANSI.sub("", run_in_terminal([*run_of(command), "--as-of", "2026-11-23", "--lang", "sv"], columns))
    too_long = [line for line in text.splitlines() if len(line) > columns]
    assert text.strip() and too_long == []


def test_colour_on_a_terminal_and_none_under_no_color():
    assert ANSI.search(run_in_terminal(["timeline", "--as-of", "2026-11-23"], 100))
    assert not ANSI.search(run_in_terminal(["timeline", "--as-of", "2026-11-23"], 100, {"NO_COLOR": "1"}))
