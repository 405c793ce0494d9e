"""The workflow docs/ci.md shows is the one the repository ships (.github/workflows/svo.yml), word for
word, and it works: it installs svo, validates the data strictly, runs the tests, and every `svo` line of
its steps runs on the repository's data."""

from __future__ import annotations

import re
import shlex
import shutil

import yaml

from conftest import DATA, REPO, data_with_contacts, invoke, smtp_env

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


SITE = REPO / ".github" / "workflows" / "svo-site.yml"
REMIND = REPO / ".github" / "workflows" / "svo-remind.yml"


def _svo_lines(workflow) -> list[str]:
    jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].values()
    return [line.strip() for job in jobs for s in job["steps"] for line in s.get("run", "").splitlines()
            if line.strip().startswith("svo ")]


def test_the_site_and_reminder_workflows_are_the_documented_files():
    for name, path in (("svo-site", SITE), ("svo-remind", REMIND)):
        shown = re.search(rf"```yaml\n(name: {name}\n.*?)```", DOC, re.S)
        assert shown, f"docs/ci.md shows no {name} workflow"
        assert shown.group(1) == path.read_text(encoding="utf-8")


def test_the_site_workflow_builds_the_site_and_deploys_it_to_pages(tmp_path, monkeypatch):
    flow = yaml.safe_load(SITE.read_text(encoding="utf-8"))
    triggers = flow[True] if True in flow else flow["on"]  # PyYAML reads the key `on` as True
    assert triggers["push"] == {"branches": ["main"]} and "schedule" in triggers
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert deploy["needs"] == "build"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    (line,) = _svo_lines(SITE)
    result = invoke(*shlex.split(line)[1:], "--as-of", "2026-12-02", env={"SVO_DATA": str(tmp_path / "data")})
    assert result.exit_code == 0, (result.stdout[-500:], result.stderr[-500:])
    site = tmp_path / upload["with"]["path"]
    assert (site / "index.html").is_file()
    assert "BEGIN:VEVENT" in (site / "kalender" / "linkoping.ics").read_text(encoding="utf-8")


def test_the_reminder_workflow_sends_once_a_day_from_the_repositorys_secrets(tmp_path, monkeypatch, smtp):
    flow = yaml.safe_load(REMIND.read_text(encoding="utf-8"))
    triggers = flow[True] if True in flow else flow["on"]
    assert set(triggers) == {"schedule"}, "a manual trigger would send the day's mails twice"
    (cron,) = (entry["cron"] for entry in triggers["schedule"])
    minute, hour, *every = cron.split()
    assert every == ["*", "*", "*"] and minute.isdigit() and hour.isdigit(), cron  # once a day
    (step,) = (s for s in flow["jobs"]["remind"]["steps"] if "svo remind" in s.get("run", ""))
    for key in ("SVO_SMTP_HOST", "SVO_SMTP_PORT", "SVO_SMTP_USER", "SVO_SMTP_PASSWORD"):
        assert step["env"][key] == "${{ secrets.%s }}" % key
    assert step["env"]["TZ"] == "Europe/Stockholm"
    inbox, port = smtp
    data = data_with_contacts(tmp_path)
    monkeypatch.chdir(tmp_path)
    (line,) = _svo_lines(REMIND)
    # the step's command on a day with milestones (the workflow's own day is today)
    result = invoke(*shlex.split(line)[1:], "--as-of", "2027-09-02", env={**smtp_env(port), "SVO_DATA": str(data)})
    assert result.exit_code == 0, result.stderr
    assert len(inbox.messages) == 2


CHANGES = REPO / ".github" / "workflows" / "svo-changes.yml"


def test_the_pull_request_workflow_is_the_documented_file_and_its_svo_line_runs(tmp_path, monkeypatch):
    """docs/ci.md's pull-request step comments `svo changes --since origin/main --format md`; the line runs in a
    repository whose origin/main is an earlier commit (exit 0, or 1 for data errors, which the step allows)."""
    import os
    import subprocess

    import pytest

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    shown = re.search(r"```yaml\n(name: svo-changes\n.*?)```", DOC, re.S)
    assert shown and shown.group(1) == CHANGES.read_text(encoding="utf-8")
    flow = yaml.safe_load(CHANGES.read_text(encoding="utf-8"))
    assert (flow[True] if True in flow else flow["on"]) == "pull_request"
    lines = _svo_lines(CHANGES)
    assert lines == ["svo changes --since origin/main --format md --lang sv -o changes.md || test $? -eq 1"]
    repo = tmp_path / "repo"
    shutil.copytree(DATA, repo / "data")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x.se",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x.se"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "base"],
                 ["update-ref", "refs/remotes/origin/main", "HEAD"]):
        subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)
    monkeypatch.chdir(repo)
    command = shlex.split(lines[0].split("||")[0])
    result = invoke(*command[1:], env={"SVO_DATA": str(repo / "data")})
    assert result.exit_code in (0, 1), result.stderr
    assert (repo / "changes.md").read_text(encoding="utf-8").startswith("## Ändringar i registret från origin/main")
