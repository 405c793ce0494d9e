"""The workflow docs/ci.md shows is the one the repository ships (.github/workflows/svo.yml), word for
word, and it works: it installs svo, validates the data strictly, runs the tests, and every `svo` line of
its steps runs on the repository's data."""

from __future__ import annotations

import re
import shlex
import shutil

import yaml

from conftest import DATA, REPO, invoke

WORKFLOW = REPO / ".github" / "workflows" / "svo.yml"
DOC = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")


def _steps() -> list[dict]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["check"]["steps"]


def test_the_documented_workflow_is_the_shipped_file():
    shown = re.search(r"```yaml\n(name: svo\n.*?)```", DOC, re.S)
    assert shown, "docs/ci.md shows no workflow"
    assert shown.group(1) == WORKFLOW.read_text(encoding="utf-8")


def test_the_workflow_installs_validates_and_tests():
    steps = _steps()
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/checkout@") for u in uses)
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert str(setup["with"]["python-version"]) == "3.11"
    runs = [s.get("run", "") for s in steps]
    install = next(r for r in runs if "pip install" in r)
    assert re.search(r"pip install '?\.(\[test\])?'?", install)
    assert any(r.startswith("svo validate data --strict") for r in runs)
    assert "pytest" in runs
    assert runs.index("pytest") > runs.index(next(r for r in runs if "pip install" in r))


def test_every_svo_line_of_the_workflow_runs(tmp_path, monkeypatch):
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    lines = [line.strip() for s in _steps() for line in s.get("run", "").splitlines() if line.strip().startswith("svo ")]
    assert len(lines) >= 4
    for line in lines:
        result = invoke(*shlex.split(line)[1:], env={"SVO_DATA": str(tmp_path / "data")})
        assert result.exit_code == 0, (line, result.stdout[-500:], result.stderr[-500:])
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"check.md", "deadlines.csv", "svo.ics"}
