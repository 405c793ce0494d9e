"""Fuzzing through the real entry point (issue 9, item 20): generated agreements of the shapes that once
made svo hang or blow up (large counts, tiny periods, long notice periods, control characters, odd file
kinds) run through every command and format in-process, with a memory limit. Each run must end with exit
0, 1 or 2 and never a traceback. CI runs a bounded share (SVO_FUZZ_CLI_EXAMPLES, default 25); run it long
with e.g. `SVO_FUZZ_CLI_EXAMPLES=2000 .venv/bin/pytest tests/cli/test_fuzz_cli.py`."""

from __future__ import annotations

import os
import resource
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, commands_with, formats_of, invoke, options_of, run_of
from svo_cli.render import Format

# Every command on generated data: run with `pytest -m slow` (and in CI).
pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("SVO_FUZZ_CLI_EXAMPLES", "25"))
# Every command that reads the data, in every text format the registry gives it (`show` shows the file made).
COMMANDS = [[*(["show", "fuzz"] if c == "show" else run_of(c)), *(["--format", f] if "--format" in options_of(c) else [])]
            for c in commands_with("--data") for f in formats_of(c)]
# A binary format (xlsx, docx) is written to a file beside the data (-o), never to the terminal.

DURATIONS = st.sampled_from(["1 day", "1 week", "1 month", "1 year", "2 years", "49999 arbetsdagar", "100 years",
                             "18 months", "5 arbetsdagar", "0 days", "P1D"])
DATES = st.sampled_from(["1900-01-01", "1999-12-31", "2020-02-29", "2026-11-23", "2199-12-31", "vt 2025", "2024",
                         "2023-Q4", "ht 1950", "2026-12-31"])
TEXT = st.text(alphabet=st.sampled_from(list("abcåäö :-'\"[]{}#&*!") + ["\x1b", "\x00", "\u202e", "\x9b", "\n"]),
               max_size=30)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


@st.composite
def agreement(draw) -> str:
    lines = ["id: fuzz", f"title: {_quote(draw(TEXT) or 'T')}", "kind: avtal",
             "parties: [region-ostergotland, kommunerna-i-ostergotland]", f"valid_from: {draw(DATES)}"]
    if draw(st.booleans()):
        lines.append(f"valid_until: {draw(DATES)}")
    if draw(st.booleans()):
        lines.append(f"notice: {{before_end: {draw(DURATIONS)}}}" if draw(st.booleans())
                     else f"notice: {{period: {draw(DURATIONS)}}}")
    if draw(st.booleans()):
        lines.append(f"renewal: {{every: {draw(DURATIONS)}}}")
    followups = draw(st.integers(0, 30))
    if followups:
        lines.append("followups:")
        lines += [f"  - {{id: f{i}, what: w, every: {draw(DURATIONS)}, first: {draw(DATES)}}}" for i in range(followups)]
    events = draw(st.integers(0, 3))
    if events:
        lines.append("events:")
        lines += [f"  - {{date: {draw(DATES)}, type: {draw(st.sampled_from(['notice', 'terminated', 'note']))}, "
                  f"by: linkoping, assumed: x}}" for _ in range(events)]
    lines.append("source: {document: x, quote: q}")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    target = tmp_path_factory.mktemp("fuzzcli") / "data"
    shutil.copytree(DATA, target)
    return target


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(agreement(), st.sampled_from(COMMANDS), st.sampled_from(["file", "fifo", "dir", "symlink-out"]))
def test_every_command_on_generated_data(base, text, command, kind):
    path = base / "agreements" / "fuzz.yaml"
    if path.is_symlink() or path.is_file() or path.exists() and not path.is_dir():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    if kind == "file":
        path.write_text(text, encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "dir":
        path.mkdir()
    else:
        path.symlink_to("/etc/hostname")
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (4 * 1024 ** 3, hard))  # far above 500 MB, below the machine
    binary = "--format" in command and Format(command[command.index("--format") + 1]).binary
    out = ["-o", str(base.parent / f"out.{command[command.index('--format') + 1]}")] if binary else []
    try:
        result = invoke(*command, *out, "--data", str(base), "--as-of", "2026-11-23")
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    assert result.exit_code in (0, 1, 2), (command, result.exit_code, result.stderr[-500:])
    assert "Traceback" not in result.stderr and "\x1b" not in result.stdout
