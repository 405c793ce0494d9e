"""Every `svo …` example in the README runs on the repository's data without a usage error (issue 12, item 9),
and the two commands at the top are the ones CI runs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from conftest import DATA, REPO, invoke

README = (REPO / "README.md").read_text(encoding="utf-8")
EXAMPLES = [line.split("#", 1)[0].strip() for block in re.findall(r"```sh\n(.*?)```", README, re.S)
            for line in block.splitlines() if line.strip().startswith("svo ")]


def test_there_are_examples():
    assert len(EXAMPLES) > 15


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_runs(tmp_path, monkeypatch, example):
    args = shlex.split(example)[1:]
    args = [str(REPO.parent / "shared" / "seeds") if a == "../shared/seeds" else a for a in args]
    if "../shared/seeds" in example and not (REPO.parent / "shared" / "seeds").is_dir():
        pytest.skip("the seeds are beside the repository")
    args = [str(REPO / a) if a.startswith(("data/", "examples/")) else a for a in args]
    monkeypatch.chdir(tmp_path)  # outputs (-o) land here
    result = invoke(*args, env={"SVO_DATA": str(DATA)})
    assert result.exit_code in (0, 1), (example, result.stderr)
    assert "Error" not in result.stderr and "Traceback" not in result.stderr


def test_the_first_two_commands_install_and_run():
    first, second = re.findall(r"```sh\n(.*?)\n```", README, re.S)[:2]
    assert "pip install ." in first and first.strip().endswith("svo status")
    assert "pip install '.[test]'" in second and second.strip().endswith("pytest")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/pip install" in ci and "'.[test]'" in ci and ".venv/bin/pytest" in ci
    assert re.search(r"^tests -m slow\b", ci, re.M)  # CI runs the slow tests the quick run leaves out, too


def test_the_version_matches_the_changelog():
    from svo_cli import __version__

    assert f"## [{__version__}]" in (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert Path(REPO / "pyproject.toml").read_text(encoding="utf-8").count(f'version = "{__version__}"') == 1
