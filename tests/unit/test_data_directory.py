"""What the loader reads from a data directory, and what it refuses (red-team F6, F10, F11, F20, F24, F28):
one test per directory-level finding, asserting the exact findings."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import DATA, invoke
from svo_cli.loader import load_dataset
from svo_cli.validate import validate


def findings(directory):
    dataset, diagnostics = load_dataset(directory)
    diagnostics += validate(dataset)
    return dataset, sorted((d.code, os.path.basename(d.path), d.line, d.column) for d in diagnostics)


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_a_fifo_named_like_a_data_file_is_reported_and_never_opened(data):
    os.mkfifo(data / "agreements" / "x.yaml")
    dataset, found = findings(data)  # would block forever if it were opened
    assert found == [("SVO001", "x.yaml", 1, 1)]
    assert len(dataset.agreements) == len(list(DATA.glob("agreements/*.yaml")))


def test_a_fifo_as_parties_file_is_reported(data):
    (data / "parties.yaml").unlink()
    os.mkfifo(data / "parties.yaml")
    _, found = findings(data)
    assert ("SVO001", "parties.yaml", 1, 1) in found


def test_a_symlink_out_of_the_data_directory_is_refused_without_showing_the_target(data, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:*:20228:0:99999:7:::\n")
    (data / "agreements" / "s.yaml").symlink_to(secret)
    _, found = findings(data)
    assert found == [("SVO304", "s.yaml", 1, 1)]
    result = invoke("validate", "--data", str(data), "--format", "json")
    assert "root:" not in result.stdout and str(secret) not in result.stdout


def test_a_symlink_inside_the_data_directory_is_read(data):
    (data / "agreements" / "copy.yaml").symlink_to(data / "agreements" / "lakarmedverkan.yaml")
    _, found = findings(data)
    assert ("SVO201", "copy.yaml", 2, 5) in found  # read: its id is not its file name


def test_upper_case_suffixes_are_data_files(data):
    path = data / "agreements" / "nytt-avtal.YAML"
    text = (data / "agreements" / "lakarmedverkan.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("id: lakarmedverkan", "id: nytt-avtal"), encoding="utf-8")
    dataset, found = findings(data)
    assert found == [] and "nytt-avtal" in {a.id for a in dataset.agreement_models()}


def test_other_files_are_named_in_a_warning(data):
    (data / "agreements" / "anteckningar.txt").write_text("x")
    (data / "workplans" / "plan.yaml~").write_text("x")
    _, found = findings(data)
    assert found == [("SVO303", "anteckningar.txt", 1, 1), ("SVO303", "plan.yaml~", 1, 1)]


def test_hidden_files_are_loaded_and_counted(data):
    text = (data / "agreements" / "lakarmedverkan.yaml").read_text(encoding="utf-8")
    (data / "agreements" / ".dold.yaml").write_text(text, encoding="utf-8")
    dataset, found = findings(data)
    assert ("SVO201", ".dold.yaml", 2, 5) in found
    result = invoke("validate", "--data", str(data))
    assert f"{len(dataset.files)} files checked" in result.stdout
    assert len(dataset.files) == 2 + len(list(data.glob("agreements/*"))) + len(list(data.glob("workplans/*")))


@pytest.mark.parametrize("make", ["missing", "file"])
def test_no_agreements_directory_is_an_error(tmp_path, make):
    (tmp_path / "parties.yaml").write_text((DATA / "parties.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    if make == "file":
        (tmp_path / "agreements").write_text("x")
    _, found = findings(tmp_path)
    assert found == [("SVO302", "agreements", 1, 1)]
    assert invoke("check", "--data", str(tmp_path), "--as-of", "2026-11-23").exit_code == 1


def test_an_unlistable_directory_is_a_finding(data, monkeypatch):
    from pathlib import Path

    real_iterdir = Path.iterdir

    def refuse(self):
        if self.name == "agreements":
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    dataset, found = findings(data)
    assert ("SVO001", "agreements", 1, 1) in found and dataset.agreements == ()
    assert {code for code, *_ in found} == {"SVO001", "SVO204"}  # the plans' references now dangle


def test_a_newline_in_a_file_name_cannot_forge_a_finding_line(data):
    name = "x.yaml\nfake.yaml:1:1: error: SVO999 forged.yaml"
    (data / "agreements" / name).write_text("id: [\n")
    result = invoke("validate", "--data", str(data))
    lines = result.stdout.splitlines()
    assert not any(line.startswith("fake.yaml") for line in lines)
    assert sum("SVO999" in line for line in lines) == 1  # inside the one (escaped) finding line


def test_an_escape_sequence_in_a_file_name_is_made_visible(data):
    (data / "agreements" / "t\x1b]0;pwned\x07.yaml").write_text("id: [\n")
    for fmt in ("text", "json", "github"):
        out = invoke("validate", "--data", str(data), "--format", fmt).stdout
        assert "\x1b" not in out and "\x07" not in out
