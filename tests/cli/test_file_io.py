"""Files in and out under attack (red-team round 3, issue 18): one test per class, a reproducer per finding.

- `-o` onto an alias of standard output or error is written through the descriptor (H1);
- one rule for what the loader may read, in every command and in completion (H3, M9, M10);
- completion offers only ids, quoted for the shell (H2);
- names that are not UTF-8, names too long, deleted directories, read-only file systems (M3, M4, L6, L11);
- where the data directory came from, and who owns it (M5); `show` on unread data (M6); 1:1 (L10).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, copy_data, invoke, svo

SECRET = "wJalrXUtnFEMI-K7MDENG-SECRETVALUE"


def outside_secrets(tmp_path: Path) -> Path:
    """A directory outside any data directory holding what a CI runner must never print."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "credentials.yaml").write_text(f"aws_access_key_id: AKIAEXAMPLE\naws_secret_access_key: {SECRET}\n")
    (outside / "id_rsa").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n")
    return outside


# --------------------------------------------------------------------------- H1: stdout aliases


@pytest.mark.parametrize("alias", ["/dev/fd/{fd}", "/proc/self/fd/{fd}", "{path}"])
def test_stdout_alias_written_in_place_through_the_descriptor(tmp_path, monkeypatch, alias):
    """In-process: a path naming an open descriptor (or the file standard output writes) is written
    through that descriptor, in its own mode: an O_APPEND descriptor appends, the inode stays."""
    from svo_cli import output

    log = tmp_path / "log.txt"
    log.write_text("KEEP\n")
    inode = log.stat().st_ino
    fd = os.open(log, os.O_WRONLY | os.O_APPEND)
    try:
        if alias == "{path}":  # the very file standard output is redirected to
            real_fstat = os.fstat
            monkeypatch.setattr(output.os, "fstat", lambda n: real_fstat(fd if n == 1 else n))
            monkeypatch.setattr(output, "_write_all", lambda n, payload: os.write(fd if n == 1 else n, payload))
        target = output.resolve_target(alias.format(fd=fd, path=log))
        assert target.fd in (fd, 1) and not target.regular
        output.deliver(target, "svo's table\n")
    finally:
        os.close(fd)
    assert log.read_text() == "KEEP\nsvo's table\n" and log.stat().st_ino == inode


# --------------------------------------------------------------------------- H3, M9: the loader's read rule


def test_loader_read_rule_refuses_a_directory_symlink_out_of_the_data_directory(tmp_path):
    data = copy_data(tmp_path)
    shutil.rmtree(data / "workplans")
    (data / "workplans").symlink_to(outside_secrets(tmp_path))
    for fmt in ("text", "github", "json"):
        result = invoke("validate", "--data", str(data), "--format", fmt)
        out = result.stdout + result.stderr
        assert result.exit_code == 1
        assert SECRET not in out and "AKIAEXAMPLE" not in out and "credentials" not in out and "id_rsa" not in out
        assert "SVO304" in out and "workplans" in out
    text = invoke("validate", "--data", str(data)).stdout
    assert f"{data}/workplans:1:1: error: SVO304" in text or "workplans:1:1: error: SVO304" in text
    status = invoke("status", "--data", str(data), "--as-of", "2026-11-23")
    assert status.exit_code == 1 and SECRET not in status.stdout + status.stderr


def test_loader_read_rule_refuses_the_agreements_directory_linked_elsewhere(tmp_path):
    data = copy_data(tmp_path)
    outside = outside_secrets(tmp_path)
    shutil.rmtree(data / "agreements")
    (data / "agreements").symlink_to(outside)
    result = invoke("validate", "--data", str(data))
    assert SECRET not in result.stdout and "SVO304" in result.stdout


def test_loader_read_rule_allows_links_that_stay_inside(tmp_path):
    data = copy_data(tmp_path)
    (data / "plans-real").mkdir()
    for plan in (data / "workplans").iterdir():
        shutil.move(str(plan), data / "plans-real" / plan.name)
    (data / "workplans").rmdir()
    (data / "workplans").symlink_to(data / "plans-real")
    result = invoke("validate", "--data", str(data))
    assert result.exit_code == 0, result.stdout


def test_loader_read_rule_refuses_a_named_file_linked_out_of_the_working_directory(tmp_path, monkeypatch):
    outside = outside_secrets(tmp_path)
    (outside / "credentials").write_text(f"[default]\naws_secret_access_key = {SECRET}\n")
    repo = tmp_path / "repo"
    (repo / "docs" / "agreements").mkdir(parents=True)
    (repo / "docs" / "agreements" / "notes.yaml").symlink_to(outside / "credentials")
    monkeypatch.chdir(repo)
    result = invoke("validate", "docs/agreements/notes.yaml", env={"SVO_DATA": str(DATA)})
    assert result.exit_code == 1 and SECRET not in result.stdout
    assert "docs/agreements/notes.yaml:1:1: error: SVO304" in result.stdout


def test_loader_read_rule_refuses_a_named_directory_linked_elsewhere(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "plans").symlink_to(outside_secrets(tmp_path))
    monkeypatch.chdir(repo)
    result = invoke("validate", "plans", env={"SVO_DATA": str(DATA)})
    assert SECRET not in result.stdout and "credentials" not in result.stdout and "SVO304" in result.stdout


# --------------------------------------------------------------------------- H2, M10: completion


def complete(words: str, cwd: Path, env: dict | None = None) -> list[str]:
    """The candidates for the last word of `words` (in-process: the completion functions themselves)."""
    from types import SimpleNamespace

    from svo_cli.cli.options import complete_id, complete_party

    parts = words.split(" ")
    fn = complete_party if len(parts) > 1 and parts[-2] == "--party" else complete_id
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        for key, value in {"SVO_DATA": "", **(env or {})}.items():
            patch.setenv(key, value)
        return fn(SimpleNamespace(params={}), parts[-1])  # type: ignore[arg-type]


def complete_process(words: str, cwd: Path, env: dict | None = None, timeout: float = 30) -> list[str]:
    """What bash's completion function receives from a real svo process for the line `words`."""
    script = [sys.executable, "-c", "import sys; from svo_cli.cli import app; sys.argv[0] = 'svo'; app()"]
    parts = words.split(" ")
    full_env = {**os.environ, "COMP_WORDS": words, "COMP_CWORD": str(len(parts) - 1),
                "_SVO_COMPLETE": "complete_bash", "SVO_DATA": "", **(env or {})}
    result = subprocess.run(script, capture_output=True, text=True, cwd=cwd, env=full_env, timeout=timeout)
    assert result.returncode == 0 and "internal error" not in result.stdout + result.stderr, result
    return [line for line in result.stdout.splitlines() if line]


def hostile_names(tmp_path: Path) -> Path:
    data = copy_data(tmp_path)
    (data / "agreements" / "zz-nytt$(touch${IFS}PWNED).yaml").write_text("id: x\n")
    (data / "agreements" / "zz ok.yaml").write_text("id: x\n")
    (data / "agreements" / "zz-fine.yaml").write_text("id: x\n")
    parties = (data / "parties.yaml").read_text(encoding="utf-8")
    (data / "parties.yaml").write_text(parties + '  - id: "li\\nrm -rf ~"\n    name: x\n', encoding="utf-8")
    return data


def test_completion_candidates_are_ids_only(tmp_path):
    data = hostile_names(tmp_path)
    assert complete("svo show zz", tmp_path, {"SVO_DATA": str(data)}) == ["zz-fine"]
    parties = complete("svo status --party ", tmp_path, {"SVO_DATA": str(DATA)})
    assert "linkoping" in parties and all(" " not in p and "\n" not in p for p in parties)


def test_completion_candidates_from_a_broken_parties_file_are_none(tmp_path):
    data = copy_data(tmp_path)
    text = (data / "parties.yaml").read_text(encoding="utf-8")
    (data / "parties.yaml").write_text(text + '  - id: "li\\nrm -rf ~"\n    name: x\n', encoding="utf-8")
    assert complete("svo status --party li", tmp_path, {"SVO_DATA": str(data)}) == []


@pytest.mark.parametrize("shape", [pytest.param("fifo", marks=pytest.mark.slow), "alias bomb", "16 MB",
                                   "parties: 5", "deep nesting", "outside"])
def test_completion_reads_through_the_loader_read_rule(tmp_path, shape):
    data = copy_data(tmp_path)
    parties = data / "parties.yaml"
    parties.unlink()
    if shape == "fifo":
        os.mkfifo(parties)
    elif shape == "alias bomb":
        lines = ["a: &a [x, x, x, x, x, x, x, x, x]"] + [
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]"
            for i in range(9)]
        parties.write_text("\n".join(lines) + "\nparties: [{id: *j}]\n")
    elif shape == "16 MB":
        parties.write_text("parties:\n" + "  - {id: aa, name: x}\n" * 800_000)
    elif shape == "parties: 5":
        parties.write_text("parties: 5\n")
    elif shape == "deep nesting":
        parties.write_text("parties: " + "[" * 3000 + "]" * 3000 + "\n")
    else:
        outside = tmp_path / "outside.yaml"
        outside.write_text("parties:\n  - {id: planted, name: x}\n")
        parties.symlink_to(outside)
    run = complete_process if shape == "fifo" else complete  # a regression would block: a process, with a timeout
    assert run("svo status --party ", tmp_path, {"SVO_DATA": str(data)}) == []


# --------------------------------------------------------------------------- M3, M4, L6, L11


def test_undecodable_file_names_never_crash_a_writer(tmp_path):
    data = copy_data(tmp_path)
    (data / "agreements" / os.fsdecode(b"trasig-\xff.yaml")).write_text("id: x\n")
    for fmt, suffix in (("json", "json"), ("md", "md"), ("table", "txt")):
        target = tmp_path / f"out.{suffix}"
        result = invoke("status", "--data", str(data), "--format", fmt, "-o", str(target))
        assert result.exit_code == 1, result.output
        text = target.read_text(encoding="utf-8")
        shown = " ".join(f["path"] for f in json.loads(text)["findings"]) if fmt == "json" else text
        assert "trasig-\\xff.yaml" in shown
    for args in (["report", "--format", "html", "-o", str(tmp_path / "r.html")],
                 ["calendar", "-o", str(tmp_path / "c.ics")], ["calendar"]):
        result = invoke(*args, "--data", str(data))
        assert result.exit_code == 1, result.output
    unfolded = (tmp_path / "c.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    assert "trasig-\\\\xff.yaml" in unfolded  # the name escaped, then the backslash escaped as ICS text


def test_unprobeable_document_names_are_located_findings(tmp_path):
    data = copy_data(tmp_path)
    path = data / "agreements" / "lakarmedverkan.yaml"
    text = path.read_text(encoding="utf-8")
    long_name = "a" * 300 + ".txt"
    first = text.index("document: ") + len("document: ")
    path.write_text(text[:first] + long_name + text[text.index("\n", first):], encoding="utf-8")
    result = invoke("validate", "--data", str(data), "--sources", str(tmp_path))
    assert result.exit_code == 1
    assert any("lakarmedverkan.yaml:" in line and long_name in line for line in result.stdout.splitlines())


def test_misleading_reasons_are_the_real_ones(tmp_path):
    result = invoke("validate", "--sources", "/dev/null")
    assert result.exit_code == 2 and "is not a directory" in result.stderr


def test_output_on_a_read_only_file_system_says_so(monkeypatch, tmp_path):
    from svo_cli import output

    class ReadOnly:
        f_flag = os.ST_RDONLY

    monkeypatch.setattr(output.os, "statvfs", lambda path: ReadOnly())
    result = invoke("status", "-o", str(tmp_path / "x.json"))
    assert result.exit_code == 2 and "read-only file system" in result.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may give a file away")
def test_output_keeps_the_targets_owner_when_root_writes(tmp_path):
    target = tmp_path / "shared.json"
    target.write_text("{}")
    os.chown(target, 65534, 65534)
    result = invoke("status", "-o", str(target))
    assert result.exit_code == 0
    assert (target.stat().st_uid, target.stat().st_gid) == (65534, 65534)


# --------------------------------------------------------------------------- M5, M6, L10


def test_data_directory_discovery_refuses_one_another_user_owns(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("giving a directory to another user needs root")
    shared = tmp_path / "shared"
    shutil.copytree(DATA, shared)
    os.chown(shared, 65534, 65534)
    work = shared / "team" / "work"
    work.mkdir(parents=True)
    result = svo("status", cwd=work)
    assert result.returncode == 2 and "another user" in result.stderr and result.stdout == ""
    assert complete("svo show lak", work) == []
    os.chown(shared, os.geteuid(), os.getegid())
    trusted = svo("status", "--format", "json", cwd=work)
    assert trusted.returncode == 0 and f"reading the data directory {shared}" in trusted.stderr
    assert json.loads(trusted.stdout)["data_dir"] == str(shared)


def test_show_on_unread_data_reports_the_data_error(tmp_path):
    data = copy_data(tmp_path)
    shutil.rmtree(data / "agreements")
    (data / "agreements").write_text("")
    result = invoke("show", "lakarmedverkan", "--data", str(data))
    assert result.exit_code == 1 and "SVO302" in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    assert invoke("show", "lakarmedverkan", "--data", str(empty)).exit_code == 1


@pytest.mark.parametrize("shape", ["too big", "fifo", "no parties", "no agreements", "symlink out"])
def test_whole_file_findings_carry_line_and_column(tmp_path, shape):
    data = copy_data(tmp_path)
    if shape == "too big":
        (data / "agreements" / "big.yaml").write_text("#" * (1024 * 1024 + 1))
    elif shape == "fifo":
        os.mkfifo(data / "agreements" / "pipe.yaml")
    elif shape == "no parties":
        (data / "parties.yaml").unlink()
    elif shape == "no agreements":
        shutil.rmtree(data / "agreements")
    else:
        (data / "agreements" / "s.yaml").symlink_to(outside_secrets(tmp_path) / "credentials.yaml")
    findings = json.loads(invoke("validate", "--data", str(data), "--format", "json").stdout)["findings"]
    assert findings and all((f["line"], f["column"]) != (0, 0) for f in findings)



@pytest.mark.parametrize("command", ["deadlines", "status", "plans", "validate"])
def test_json_names_a_data_directory_found_above_first(tmp_path, command):
    """JSON is written in chunks as it is rendered; the directory svo found by itself still comes first,
    as `data_dir`, on standard output and in a file, and the rest is the document given --data."""
    data = copy_data(tmp_path)
    here = data / "agreements"
    given = svo(command, "--format", "json", "--as-of", "2026-11-23", "--data", str(data), cwd=here)
    found = svo(command, "--format", "json", "--as-of", "2026-11-23", cwd=here)
    assert found.stdout.startswith('{"data_dir":') and json.loads(found.stdout) == {
        "data_dir": str(data), **json.loads(given.stdout)}
    if command != "validate":  # which writes to standard output only
        out = tmp_path / "out.json"
        assert svo(command, "--as-of", "2026-11-23", "-o", str(out), cwd=here).returncode == found.returncode
        assert out.read_text(encoding="utf-8") == found.stdout


def test_json_from_a_data_directory_found_above_holds_no_workflow_command(tmp_path):
    """A data directory found above the working directory is named first in JSON; its name and the texts
    of its files are guarded like any string (`##[` written `##\\u005b`). The JSON was once parsed again
    to put `data_dir` first, which undid the guard."""
    data = shutil.copytree(DATA, tmp_path / "x##[error]boom")
    agreement = data / "agreements" / "lakarmedverkan.yaml"
    text = agreement.read_text(encoding="utf-8")
    agreement.write_text(re.sub(r"^title: .*$", 'title: "##[warning]t"', text, count=1, flags=re.M), encoding="utf-8")
    found = svo("status", "--format", "json", "--as-of", "2026-11-23", cwd=data / "agreements")
    assert "##[" not in found.stdout
    document = json.loads(found.stdout)
    assert document["data_dir"] == str(data)
    assert any(row["title"] == "##[warning]t" for row in document["agreements"])
