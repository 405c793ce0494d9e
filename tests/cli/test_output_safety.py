"""`-o` never destroys anything (red-team F4, F5, F15, F18, F21, F22, F23, F30), through the real command in-process
(full and closed standard output, narrow encodings and signals: tests/process/test_output_safety_process.py)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from conftest import DATA, commands_with, copy_data, invoke, options_of, run_of


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


