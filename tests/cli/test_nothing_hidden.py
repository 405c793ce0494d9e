"""A broken data file shows in every output of every command (issue 12, item 4): a banner in tables,
Markdown and HTML, `findings` in JSON, a message on stderr for every format, and exit 1."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import DATA, commands_with, formats_of, invoke, options_of, run_of


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    data = tmp_path_factory.mktemp("broken") / "data"
    shutil.copytree(DATA, data)
    if shutil.which("git"):  # a repository whose last commit is whole: svo changes --since HEAD reads its history
        import os
        import subprocess

        env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x.se",
               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x.se"}
        for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "whole"]):
            subprocess.run(["git", "-C", str(data), *args], check=True, env=env, capture_output=True)
    path = data / "agreements" / "samverkan-barn-och-unga.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("valid_from:", "valid_form:"), encoding="utf-8")
    return data


# Every command that reads the data for a result, in every format the registry gives it (xlsx is bytes:
# it shows the findings on stderr like every format).
CASES = [(command, kind) for command in commands_with("--data", "--output") for kind in formats_of(command)]


@pytest.mark.parametrize("command, kind", CASES)
def test_a_broken_file_shows_in_every_output(broken, command, kind, tmp_path):
    chosen = ["--format", kind] if "--format" in options_of(command) else []  # else its only format
    written = ["-o", str(tmp_path / "out.xlsx")] if kind == "xlsx" else []
    result = invoke(*run_of(command), *chosen, *written, "--data", str(broken), "--as-of", "2026-11-23")
    assert result.exit_code == 1
    assert "samverkan-barn-och-unga.yaml" in result.stderr and "SVO101" in result.stderr
    out = result.stdout
    if kind == "json":
        findings = json.loads(out)["findings"]
        assert any(f["code"] == "SVO101" and f["path"].endswith("samverkan-barn-och-unga.yaml") for f in findings)
    elif kind in ("table", "md", "html"):
        # At the top: before any result (the report keeps its title line first).
        assert "INCOMPLETE" in out and "samverkan-barn-och-unga.yaml" in out
        top = out.split("<h2", 1)[0] if kind == "html" else "\n".join(out.splitlines()[:4])
        assert "INCOMPLETE" in top, out[:400]


def test_no_banner_when_the_data_is_whole():
    result = invoke("status", "--as-of", "2026-11-23")
    assert "INCOMPLETE" not in result.stdout and result.exit_code == 0
