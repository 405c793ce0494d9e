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


# A cut made by the table (rich's ellipsis). The data itself writes "…" only as "[…]" in quotes.
CUT = re.compile(r"(?<!\[)…(?!\])")
TABLES = {"status": ["status"], "deadlines": ["deadlines", "--within", "365"], "plans": ["plans"],
          "check": ["check", "--meeting", "2026-12-10"], "show-agreement": ["show", "lakarmedverkan"],
          "show-plan": ["show", "svo-arbetsplan-2026-2027"]}


@pytest.mark.parametrize("command", sorted(TABLES))
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("columns", [24, 60, 80, 100, 120, 160, 200, 250])
def test_table_never_cuts_a_date_days_or_id_at_any_width(command, lang, columns):
    """H9/L3: in the pretty table (colour, box.SIMPLE_HEAD) and in the cards of narrow terminals, no date,
    number of days or id is cut with '…' (an id longer than the terminal may wrap)."""
    text = ANSI.sub("", run_in_terminal([*TABLES[command], "--as-of", "2026-11-23", "--lang", lang], columns))
    assert text.strip()
    assert [line for line in text.splitlines() if CUT.search(line)] == []


def test_table_never_cuts_an_id_longer_than_a_very_narrow_terminal():
    """L3: at 5 columns the cards still carry every character of every id, wrapped, never '…'."""
    text = ANSI.sub("", run_in_terminal(["status", "--as-of", "2026-11-23"], 5))
    assert not CUT.search(text)
    assert "evidensbaserad-praktik-2016" in "".join(text.split())


def test_sink_terminal_dumb_gets_no_colour():
    """L9: TERM=dumb is a terminal without colour: no escape codes at all."""
    assert not ANSI.search(run_in_terminal(["status", "--as-of", "2026-11-23"], 120, {"TERM": "dumb"}))
