"""The pre-commit hook as documented: `svo validate FILE...` with the changed files only (issue 14, item 1).
References resolve against the whole data directory the files belong to; findings are for those files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import DATA, REPO, invoke

FILES = sorted(p.relative_to(DATA) for p in DATA.rglob("*.yaml"))


@pytest.fixture(scope="module")
def hook_pattern() -> re.Pattern:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return re.compile(hooks[0]["files"])


def test_the_hook_matches_every_data_file(hook_pattern):
    for name in FILES:
        assert hook_pattern.search(f"data/{name.as_posix()}"), name
    assert hook_pattern.search("data/agreements/NYTT.YAML")
    assert not hook_pattern.search("README.md")


@pytest.mark.parametrize("name", FILES, ids=str)
def test_a_one_line_edit_to_any_valid_file_passes(tmp_path, name):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "# edited\n", encoding="utf-8")
    result = invoke("validate", str(path), "--as-of", "2026-11-23")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip().endswith("1 file checked, 0 errors, 0 warnings")


def test_an_invalid_edit_is_rejected_with_findings_for_that_file_only(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    plan = data / "workplans" / "svo-arbetsplan-2026-2027.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("valid_from", "valid_fromm"), encoding="utf-8")
    broken = data / "agreements" / "lakarmedverkan.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("valid_from: 2022-01-01", "valid_from: 2022-13-01"),
                      encoding="utf-8")
    result = invoke("validate", str(broken))
    assert result.exit_code == 1
    assert all(line.startswith(str(broken.relative_to(Path.cwd())) if broken.is_relative_to(Path.cwd())
                               else str(broken)) for line in result.stdout.splitlines()
               if ": error:" in line or ": warning:" in line)
    assert "SVO110" in result.stdout


def test_a_superseding_agreement_validates_alone(tmp_path):
    result = invoke("validate", str(DATA / "agreements" / "missbruk-psykisk-funktionsnedsattning.yaml"),
                    "--as-of", "2026-11-23")
    assert result.exit_code == 0 and "SVO204" not in result.stdout
