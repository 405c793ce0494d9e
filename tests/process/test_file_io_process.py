"""Files, descriptors, FIFOs, shells and working directories as a real process of `svo` meets them (slow)."""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DATA, copy_data

SVO = [sys.executable, "-m", "svo_cli"]


def sh(script: str, cwd: Path, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """A shell line with `svo` meaning the real entry point of this checkout."""
    full_env = {**os.environ, "NO_COLOR": "1", "SVO_DATA": str(DATA), "SVO": " ".join(SVO), **(env or {})}
    return subprocess.run(["sh", "-c", script.replace("svo ", '$SVO ')], capture_output=True, text=True,
                          cwd=cwd, env=full_env, timeout=timeout)


@pytest.mark.slow
@pytest.mark.parametrize("alias", ["/dev/stdout", "/proc/self/fd/1", "/dev/fd/1", "log.txt"])
def test_stdout_alias_written_in_place_appending_to_the_log(tmp_path, alias):
    log = tmp_path / "log.txt"
    log.write_text("KEEP line 1 of an existing log\nKEEP line 2\n")
    inode = log.stat().st_ino
    result = sh(f"svo status --as-of 2026-11-23 -o {alias} >> log.txt", tmp_path)
    assert result.returncode == 0, result.stderr
    text = log.read_text()
    assert log.stat().st_ino == inode
    assert text.startswith("KEEP line 1 of an existing log\nKEEP line 2\n")
    assert "lakarmedverkan" in text


@pytest.mark.slow
def test_stdout_alias_written_in_place_for_stderr_too(tmp_path):
    (tmp_path / "err.log").write_text("KEEP old error\n")
    result = sh("svo status --as-of 2026-11-23 -o /dev/stderr 2>> err.log", tmp_path)
    text = (tmp_path / "err.log").read_text()
    assert result.returncode == 0 and text.startswith("KEEP old error\n") and "lakarmedverkan" in text


@pytest.mark.slow
def test_stdout_alias_written_in_place_keeps_a_grouped_redirection(tmp_path):
    result = sh('{ echo "== header"; svo status --as-of 2026-11-23 -o /dev/stdout; echo "== footer"; } > out.txt',
                tmp_path)
    lines = (tmp_path / "out.txt").read_text().splitlines()
    assert result.returncode == 0, result.stderr
    assert lines[0] == "== header" and lines[-1] == "== footer" and any("lakarmedverkan" in x for x in lines)


@pytest.mark.slow
def test_stdout_alias_written_in_place_through_another_descriptor(tmp_path):
    (tmp_path / "three.txt").write_text("KEEP\n")
    result = sh("svo status --as-of 2026-11-23 --format json -o /dev/fd/3 3>> three.txt", tmp_path)
    text = (tmp_path / "three.txt").read_text()
    assert result.returncode == 0 and text.startswith("KEEP\n") and json.loads(text[5:])["agreements"]


@pytest.mark.slow
def test_loader_read_rule_never_blocks_on_a_fifo_named_on_the_command_line(tmp_path):
    os.mkfifo(tmp_path / "f.yaml")
    result = subprocess.run([*SVO, "validate", "f.yaml"], capture_output=True, text=True, cwd=tmp_path,
                            env={**os.environ, "SVO_DATA": str(DATA)}, timeout=60)
    assert result.returncode == 1 and "f.yaml:1:1: error: SVO001" in result.stdout


@pytest.mark.slow
def test_completion_in_a_real_bash_inserts_nothing_that_runs(tmp_path):
    """An interactive bash on a pty, with the function `svo --show-completion bash` prints: TAB after
    `svo show zz` must not put the command substitution onto the line, and Enter must not run it."""
    if shutil.which("bash") is None:
        pytest.skip("no bash")
    data = copy_data(tmp_path)
    (data / "agreements" / "zz-nytt$(touch${IFS}PWNED).yaml").write_text("id: x\n")
    work = tmp_path / "work"
    work.mkdir()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "main.py").write_text("import sys\nfrom svo_cli.cli import app\nsys.argv[0] = 'svo'\napp()\n")
    (bin_dir / "svo").write_text(f"#!/bin/sh\nexec {sys.executable} {bin_dir / 'main.py'} \"$@\"\n")
    (bin_dir / "svo").chmod(0o755)
    script = subprocess.run([bin_dir / "svo", "--show-completion", "bash"], capture_output=True, text=True,
                            env={**os.environ, "_SVO_COMPLETE": "", "SHELL": "/bin/bash"}, timeout=60).stdout
    assert "_svo_completion" in script
    (tmp_path / "rc").write_text(script + "\nPS1='READY$ '\n")
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "SVO_DATA": str(data), "TERM": "dumb",
           "PYTHONPATH": os.pathsep.join(sys.path)}
    pid, fd = pty.fork()
    if pid == 0:  # the child: an interactive bash
        os.chdir(work)
        os.execvpe("bash", ["bash", "--noprofile", "--rcfile", str(tmp_path / "rc"), "-i"], env)

    def read_until(marker: bytes, seconds: float = 60) -> bytes:
        seen = b""
        end = time.monotonic() + seconds
        while marker not in seen and time.monotonic() < end:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    break
        return seen

    try:
        read_until(b"READY$ ")
        os.write(fd, b"svo show zz\t")
        line = read_until(b"PWNED", 15)
        os.write(fd, b"\n")
        read_until(b"READY$ ")
        os.write(fd, b"exit\n")
    finally:
        os.waitpid(pid, 0)
        os.close(fd)
    assert b"$(touch" not in line
    assert not (work / "PWNED").exists() and not (tmp_path / "PWNED").exists()


@pytest.mark.slow
def test_a_deleted_working_directory_is_one_line_never_internal(tmp_path):
    def gone(name: str) -> str:
        (tmp_path / name).mkdir()
        return f"cd {tmp_path / name} && rmdir {tmp_path / name} && "

    absolute = sh(gone("a") + f"svo status --as-of 2026-11-23 --data {DATA}", tmp_path, {"SVO_DATA": ""})
    assert absolute.returncode == 0 and "lakarmedverkan" in absolute.stdout
    discovered = sh(gone("b") + "svo status", tmp_path, {"SVO_DATA": ""})
    assert discovered.returncode == 2 and len(discovered.stderr.splitlines()) == 1
    assert "working directory no longer exists" in discovered.stderr
