"""Ctrl-C and the last guard (red-team F17; issue 9 items 15 and 19), through the real entry point."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import COMMANDS, DATA, REPO, invoke, options_of, output_of, run_of

sys.path.insert(0, str(REPO / "benchmarks"))


@pytest.mark.slow
def test_ctrl_c_while_loading_a_large_directory_exits_130_without_worker_tracebacks(tmp_path):
    from generate import generate

    data = generate(6000, tmp_path / "big")
    env = {**os.environ, "SVO_DATA": str(data), "SVO_JOBS": "2"}
    proc = subprocess.Popen([sys.executable, "-m", "svo_cli", "validate"], env=env, cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    children = f"/proc/{proc.pid}/task/{proc.pid}/children"
    deadline = time.monotonic() + 30
    while proc.poll() is None and time.monotonic() < deadline:
        with open(children) as handle:
            if handle.read().strip():  # the worker pool is reading
                break
        time.sleep(0.005)
    assert proc.poll() is None, "svo finished before the pool started"
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    try:
        _, stderr = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("svo hung after Ctrl-C")
    assert proc.returncode == 130, stderr
    assert b"Traceback" not in stderr and b"ForkPoolWorker" not in stderr


def test_an_unexpected_exception_is_one_line_and_exit_70(monkeypatch, capsys):
    from svo_cli import app, cli

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(app, "status", broken)
    monkeypatch.setattr(sys, "argv", ["svo", "status", "--data", str(DATA)])
    monkeypatch.delenv("SVO_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 70
    err = capsys.readouterr().err
    assert err.strip().splitlines() == ["svo: internal error: RuntimeError: boom; run with SVO_DEBUG=1 for details"]


def test_svo_debug_shows_the_traceback(monkeypatch):
    from svo_cli import app, cli

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(app, "status", broken)
    monkeypatch.setattr(sys, "argv", ["svo", "status", "--data", str(DATA)])
    monkeypatch.setenv("SVO_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        cli.main()


@pytest.mark.parametrize("command", COMMANDS)
def test_lang_is_accepted_by_every_command(command, tmp_path):
    dated = ["--as-of", "2026-11-23"] if "--as-of" in options_of(command) else []
    into = ["-o", str(tmp_path / "out")] if output_of(command) == "DIR" else []
    result = invoke(*run_of(command), "--lang", "sv", *dated, *into)
    assert result.exit_code == 0, (command, result.stderr)
