"""Ctrl-C (red-team F17; issue 9 item 15) in a real process (the last guard in-process: tests/cli/test_cli.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import REPO

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


