"""Standard output full, closed or narrow, and signals during an atomic write, in a real process (slow)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import COMMANDS, DATA, REPO, commands_with, formats_of, run_of


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "SVO_DATA": str(DATA)}
    return subprocess.run([sys.executable, "-m", "svo_cli", *args], capture_output=True, env=env, cwd=REPO,
                          timeout=120, **kwargs)


# Every command that writes its result on standard output (all but site, remind and schema), as the table runs it.
TO_STANDARD_OUTPUT = [run_of(c) for c in COMMANDS if formats_of(c)]


@pytest.mark.slow
@pytest.mark.parametrize("command", TO_STANDARD_OUTPUT, ids=lambda c: c[0])
def test_standard_output_on_a_full_disk_is_one_line_not_a_traceback(command):
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "svo_cli", *command], stdout=full, stderr=subprocess.PIPE,
                                env={**os.environ, "SVO_DATA": str(DATA)}, cwd=REPO, timeout=120)
    assert result.returncode not in (0, 1)
    assert b"Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow
@pytest.mark.parametrize("command", TO_STANDARD_OUTPUT, ids=lambda c: c[0])
def test_closed_standard_output_is_one_line_not_a_traceback(command):
    result = subprocess.run([sys.executable, "-m", "svo_cli", *command], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env={**os.environ, "SVO_DATA": str(DATA)}, cwd=REPO,
                            timeout=120, preexec_fn=lambda: os.close(1))
    assert result.returncode not in (0, 1)
    assert b"Traceback" not in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_narrow_output_encoding_degrades_gracefully(encoding):
    for command in [run_of(c) for c in commands_with("--as-of", format="table")]:
        result = subprocess.run([sys.executable, "-m", "svo_cli", *command, "--as-of", "2026-11-23"],
                                capture_output=True, env={**os.environ, "SVO_DATA": str(DATA),
                                                          "PYTHONIOENCODING": encoding}, cwd=REPO, timeout=120)
        assert result.returncode == 0, (command, result.stderr)
        assert b"Traceback" not in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_ending_signal_during_an_atomic_write_leaves_no_temporary_file(tmp_path, signum):
    """The write is held in fsync; SIGTERM (kill) or SIGHUP (a closed terminal, red-team L1) arrives
    while the temporary file exists: the old file is kept and no temporary file is left."""
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "from svo_cli import output\n"
        "real_fsync = os.fsync\n"
        "def slow(fd):\n"
        "    print('writing', flush=True); time.sleep(30)\n"
        "os.fsync = slow\n"
        "output.deliver(output.resolve_target(sys.argv[1]), b'x' * 1000)\n"
    )
    target = tmp_path / "out.txt"
    target.write_text("old")
    proc = subprocess.Popen([sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE, cwd=tmp_path)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"writing"
    proc.send_signal(signum)
    proc.wait(20)
    assert proc.returncode == -signum
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
    assert target.read_text() == "old"


@pytest.mark.slow
def test_sigint_during_an_atomic_write_leaves_no_temporary_file(tmp_path):
    script = (
        "import os, sys, time\n"
        "from svo_cli import output\n"
        "def slow(fd):\n"
        "    print('writing', flush=True); time.sleep(30)\n"
        "os.fsync = slow\n"
        "output.deliver(output.resolve_target(sys.argv[1]), b'x')\n"
    )
    target = tmp_path / "out.txt"
    proc = subprocess.Popen([sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, cwd=tmp_path)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"writing"
    time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    proc.wait(20)
    assert list(tmp_path.iterdir()) == []
