"""`-o` never destroys anything (red-team F4, F5, F15, F18, F21, F22, F23, F30), through the real entry point."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import DATA, REPO, commands_with, copy_data, invoke, options_of, run_of


@pytest.mark.parametrize("command", commands_with("--data", "--output"))
def test_output_onto_a_data_file_is_refused_and_nothing_is_written(tmp_path, command):
    data = copy_data(tmp_path)
    target = data / "agreements" / "lakarmedverkan.yaml"
    before = target.read_bytes()
    result = invoke(*run_of(command), "--data", str(data), "--as-of", "2026-11-23", "-o", str(target))
    assert result.exit_code == 2
    assert "--output" in result.stderr and result.stdout == ""
    assert target.read_bytes() == before


@pytest.mark.parametrize("name", ["agreements/new-report.txt", "report.md", "workplans/x.csv"])
def test_output_anywhere_inside_the_data_directory_is_refused(tmp_path, name):
    data = copy_data(tmp_path)
    result = invoke("status", "--data", str(data), "-o", str(data / name))
    assert result.exit_code == 2
    assert "data directory" in result.stderr
    assert not (data / name).exists()


def test_output_through_a_symlink_into_the_data_directory_is_refused(tmp_path):
    data = copy_data(tmp_path)
    link = tmp_path / "innocent.txt"
    link.symlink_to(data / "parties.yaml")
    before = (data / "parties.yaml").read_bytes()
    assert invoke("status", "--data", str(data), "-o", str(link)).exit_code == 2
    assert (data / "parties.yaml").read_bytes() == before


def test_schema_onto_a_yaml_file_is_refused(tmp_path):
    data = copy_data(tmp_path)
    before = (data / "parties.yaml").read_bytes()
    result = invoke("schema", "-o", str(data / "parties.yaml"))
    assert result.exit_code == 2 and "YAML" in result.stderr
    assert (data / "parties.yaml").read_bytes() == before


def test_validate_never_writes_so_a_data_file_named_as_input_is_safe(tmp_path):
    data = copy_data(tmp_path)
    before = {p: p.read_bytes() for p in data.rglob("*.yaml")}
    assert invoke("validate", str(data)).exit_code == 0
    assert {p: p.read_bytes() for p in data.rglob("*.yaml")} == before


def test_dev_null_stays_a_device():
    before = os.stat("/dev/null")
    result = invoke("status", "--data", str(DATA), "--as-of", "2026-11-23", "-o", "/dev/null")
    assert result.exit_code == 0, result.stderr
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_a_fifo_is_written_into_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = invoke("status", "--data", str(DATA), "--as-of", "2026-11-23", "-o", str(fifo))
    reader.join(10)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert b"lakarmedverkan" in received[0]


def test_dash_means_standard_output():
    result = invoke("status", "--data", str(DATA), "--as-of", "2026-11-23", "-o", "-")
    assert result.exit_code == 0 and "lakarmedverkan" in result.stdout
    assert not Path("-").exists()


def test_an_existing_file_keeps_its_permission_bits(tmp_path):
    target = tmp_path / "private.txt"
    target.write_text("secret")
    target.chmod(0o600)
    assert invoke("status", "--data", str(DATA), "-o", str(target)).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "lakarmedverkan" in target.read_text()


def test_a_symlinked_output_file_is_written_through_and_the_link_kept(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert invoke("status", "--data", str(DATA), "-o", str(link)).exit_code == 0
    assert link.is_symlink() and "lakarmedverkan" in real.read_text()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write read-only files, as the shell does")
def test_a_read_only_target_is_refused(tmp_path):
    target = tmp_path / "ro.txt"
    target.write_text("keep")
    target.chmod(0o444)
    assert invoke("status", "--data", str(DATA), "-o", str(target)).exit_code == 2
    assert target.read_text() == "keep"


def test_a_read_only_target_is_refused_as_the_resolver_sees_it(tmp_path, monkeypatch):
    """The same refusal, independent of who runs the tests (CI runs as root): access() says no."""
    target = tmp_path / "ro.txt"
    target.write_text("keep")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if str(p) == str(target) and mode & os.W_OK else real_access(p, mode, **kw))
    result = invoke("status", "--data", str(DATA), "-o", str(target))
    assert result.exit_code == 2 and "not writable" in result.stderr
    assert target.read_text() == "keep"


@pytest.mark.parametrize("command", commands_with("--output"))
def test_write_errors_are_one_line_and_exit_2(command):
    data = ["--data", str(DATA)] if "--data" in options_of(command) else []
    result = invoke(*run_of(command), *data, "-o", "/proc/self/status")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "/proc/self/status" in lines[0] and "Traceback" not in result.stderr


def test_missing_directory_and_directory_targets_are_usage_errors(tmp_path):
    assert invoke("status", "--data", str(DATA), "-o", str(tmp_path / "no" / "x.txt")).exit_code == 2
    assert invoke("status", "--data", str(DATA), "-o", str(tmp_path)).exit_code == 2


def test_a_path_longer_than_the_system_allows_is_a_usage_error(tmp_path):
    long = "/".join(["x" * 200] * 25)
    result = invoke("status", "--data", str(DATA), "-o", str(tmp_path / long / "o.txt"))
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "SVO_DATA": str(DATA)}
    return subprocess.run([sys.executable, "-m", "svo_cli", *args], capture_output=True, env=env, cwd=REPO,
                          timeout=120, **kwargs)


@pytest.mark.slow
@pytest.mark.parametrize("command", [["status"], ["validate"], ["calendar"]], ids=lambda c: c[0])
def test_standard_output_on_a_full_disk_is_one_line_not_a_traceback(command):
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "svo_cli", *command], stdout=full, stderr=subprocess.PIPE,
                                env={**os.environ, "SVO_DATA": str(DATA)}, cwd=REPO, timeout=120)
    assert result.returncode not in (0, 1)
    assert b"Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow
@pytest.mark.parametrize("command", [["status"], ["validate"], ["calendar"]], ids=lambda c: c[0])
def test_closed_standard_output_is_one_line_not_a_traceback(command):
    result = subprocess.run([sys.executable, "-m", "svo_cli", *command], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env={**os.environ, "SVO_DATA": str(DATA)}, cwd=REPO,
                            timeout=120, preexec_fn=lambda: os.close(1))
    assert result.returncode not in (0, 1)
    assert b"Traceback" not in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_narrow_output_encoding_degrades_gracefully(encoding):
    for command in (["status"], ["deadlines"], ["show", "lakarmedverkan"], ["timeline"], ["plans"]):
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
