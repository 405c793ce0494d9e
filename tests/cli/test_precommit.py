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


# --------------------------------------------------------------------------- as strict as CI (F9)


def _hook() -> dict:
    return yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]


def hook(*files: Path, data: Path | None = None) -> object:
    """The hook as pre-commit runs it: its entry's arguments, then the changed files (with none, svo
    validates the data directory it finds, here `data`)."""
    entry = _hook()["entry"].split()
    assert entry[:2] == ["svo", "validate"]
    return invoke(*entry[1:], *map(str, files), env={"SVO_DATA": str(data)} if data else None)


def test_the_hook_is_as_strict_as_ci_and_runs_on_every_commit():
    assert "--strict" in _hook()["entry"].split()
    assert _hook()["always_run"] is True  # a deletion, which passes no file, still runs it


def test_a_warning_in_a_changed_file_fails_the_hook(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "agreements" / "korttidsvistelse-lss.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nsource:", "\nevents:\n  - {date: 2024-11-30, type: note, note: x}\nsource:", 1),
                    encoding="utf-8")
    result = hook(path)
    assert result.exit_code == 1 and "error: SVO404" in result.stdout


def test_removing_a_party_an_agreement_uses_is_caught_at_the_agreement(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    parties = data / "parties.yaml"
    lines = parties.read_text(encoding="utf-8").splitlines(keepends=True)
    parties.write_text("".join(line for line in lines if "id: skl," not in line), encoding="utf-8")
    result = hook(parties)
    assert result.exit_code == 1
    assert re.search(r"agreements/[a-z0-9-]+\.yaml:\d+:\d+: error: SVO203 unknown party or group 'skl'",
                     result.stdout), result.stdout


def test_deleting_an_agreement_a_plan_lists_is_caught(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "agreements" / "lakarmedverkan.yaml").unlink()
    other = data / "agreements" / "korttidsvistelse-lss.yaml"
    other.write_text(other.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    with_other = hook(other)  # another file changed in the same commit
    alone = hook(data=data)  # only the deletion: pre-commit passes no file
    for result in (with_other, alone):
        assert result.exit_code == 1
        assert result.stdout.count("SVO204 the plan lists unknown agreement 'lakarmedverkan'") == 2, result.stdout


def test_an_agreement_that_does_not_load_is_one_finding(tmp_path):
    """F10's cascade: one bad value made both plans report the agreement unknown (hinting at a duplicate),
    and the agreements it supersedes fail their self-tests (SVO407). One mistake is one finding."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "agreements" / "missbruk-psykisk-funktionsnedsattning.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("valid_from: 2018-01-01", "valid_from: 2018-13-01"),
                    encoding="utf-8")
    result = invoke("validate", "--data", str(data))
    assert result.exit_code == 1 and "SVO110" in result.stdout
    assert "SVO204" not in result.stdout and "SVO407" not in result.stdout
    assert result.stdout.strip().endswith("1 error, 0 warnings")


def test_the_documented_rev_is_a_release_tag():
    """docs/ci.md's `rev` is a version the CHANGELOG releases, no newer than the package itself: pre-commit
    checks the rev out, so it must name a release. (Whether the tag is pushed is the release's business; a
    clone need not carry tags, so the test does not look them up.)"""
    import tomllib

    rev = re.search(r"^\s+rev: (\S+)", (REPO / "docs" / "ci.md").read_text(encoding="utf-8"), re.M).group(1)
    assert re.fullmatch(r"v\d+\.\d+\.\d+", rev), rev
    assert f"## [{rev[1:]}]" in (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    as_tuple = lambda text: tuple(int(part) for part in text.split("."))  # noqa: E731
    assert as_tuple(rev[1:]) <= as_tuple(version), (rev, version)
    if (REPO / ".git").exists():  # where the checkout carries the release tags, the rev is one of them
        import subprocess

        tags = subprocess.run(["git", "-C", str(REPO), "tag", "--list", "v*"], capture_output=True, text=True)
        if tags.returncode == 0 and tags.stdout.split():
            assert rev in tags.stdout.split(), f"tag {rev} is missing: git tag {rev} <release commit>"


def test_self_tests_of_agreements_find_what_the_whole_check_finds(tmp_path):
    """Naming an agreement, the hook computes every agreement's `expect:` self-tests (SVO407: a status
    reads other agreements) and reports what the check of the whole directory reports; naming a work
    plan, whose self-tests read no agreement, none of the agreements'."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    named, other = data / "agreements" / "lakarmedverkan.yaml", data / "agreements" / "evidensbaserad-praktik-2016.yaml"
    for path in (named, other):
        text = path.read_text(encoding="utf-8")
        assert "\nexpect:\n" in text
        path.write_text(text.replace("\nexpect:\n", "\nexpect:\n  - {as_of: 2023-01-01, status: upcoming}\n", 1),
                        encoding="utf-8")
    whole = invoke("validate", "--data", str(data), "--check", "self-tests")
    alone = invoke("validate", str(named), "--check", "self-tests")
    in_whole = [line for line in whole.stdout.splitlines() if "SVO407" in line]
    assert {line.split("/")[-1].split(".yaml")[0] for line in in_whole} == {named.stem, other.stem}, whole.stdout
    assert alone.exit_code == 1
    assert [line for line in alone.stdout.splitlines() if "SVO407" in line] == in_whole, alone.stdout
    plan = next((data / "workplans").glob("*.yaml"))
    assert _svo407(invoke("validate", str(plan), "--check", "self-tests").stdout) == set()


def _svo407(out: str) -> set[str]:
    """The files (stems) with an SVO407 finding in validate's text output."""
    return {line.split("/")[-1].split(".yaml")[0] for line in out.splitlines() if "SVO407" in line}


def _moved_start(newer: Path) -> None:
    """ramavtal-ungdomshalsa (which supersedes ramavtal-ungdomshalsor) starts before the older one's
    self-tested day: the older one is superseded there, not active as its `expect:` says."""
    text = newer.read_text(encoding="utf-8")
    assert "\nvalid_from: 2021-01-01\n" in text and "supersedes: [ramavtal-ungdomshalsor]" in text
    newer.write_text(text.replace("\nvalid_from: 2021-01-01\n", "\nvalid_from: 2017-01-01\n", 1), encoding="utf-8")


def _removed_link(newer: Path) -> None:
    """The older agreement's self-test says it is superseded in 2022; the newer one no longer says it
    supersedes it, which no file shows as it now is."""
    older = newer.with_name("ramavtal-ungdomshalsor.yaml")
    text = older.read_text(encoding="utf-8")
    older.write_text(text.replace("\nexpect:\n", "\nexpect:\n  - {as_of: 2022-06-01, status: superseded}\n", 1),
                     encoding="utf-8")
    assert invoke("validate", "--data", str(newer.parent.parent), "--check", "self-tests").exit_code == 0
    text = newer.read_text(encoding="utf-8")
    newer.write_text(text.replace("supersedes: [ramavtal-ungdomshalsor]", "supersedes: []", 1), encoding="utf-8")


@pytest.mark.parametrize("edit, named", [(_moved_start, "ramavtal-ungdomshalsa"), (_moved_start, "parties"),
                                         (_removed_link, "ramavtal-ungdomshalsa")],
                         ids=["moved start", "parties named", "link removed"])
def test_a_change_that_breaks_another_files_self_test_is_caught_where_it_was_made(tmp_path, edit, named):
    """A status reads the agreements that supersede it (and that it ends with), and the parties' groups:
    a change to one agreement can break another's `expect:`. Named alone, the changed file (or the
    parties file) reports that SVO407 as the check of the whole directory does; a work plan, whose
    self-tests read no agreement, does not."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    newer = data / "agreements" / "ramavtal-ungdomshalsa.yaml"
    edit(newer)
    whole = invoke("validate", "--data", str(data), "--check", "self-tests")
    assert "ramavtal-ungdomshalsor" in _svo407(whole.stdout), whole.stdout
    path = newer if named != "parties" else data / "parties.yaml"
    alone = invoke("validate", str(path), "--check", "self-tests")
    assert alone.exit_code == 1
    assert _svo407(alone.stdout) == _svo407(whole.stdout), alone.stdout
    plan = next((data / "workplans").glob("*.yaml"))
    assert "ramavtal-ungdomshalsor" not in _svo407(invoke("validate", str(plan), "--check", "self-tests").stdout)


def test_new_minutes_that_change_earlier_minutes_self_tests_are_caught(tmp_path):
    """Minutes' self-tests read the records of later minutes: a later meeting that marks an item done
    changes how many items of the earlier minutes are open. Named alone, the new minutes report the
    earlier file's SVO407, as the check of the whole register does."""
    data = shutil.copytree(REPO / "examples" / "chefsgrupp-2026", tmp_path / "chefsgrupp-2026")
    first = next((data / "minutes").glob("*.yaml"))
    assert invoke("validate", str(data), "--check", "self-tests").exit_code == 0
    item = next(i["id"] for i in yaml.safe_load(first.read_text(encoding="utf-8"))["items"]
                if i.get("kind") == "assignment" or i.get("owner"))
    later = data / "minutes" / "chefsgrupp-2026-04-17.yaml"
    later.write_text(f"""id: chefsgrupp-2026-04-17
body: Chefsgrupp SoVV
date: 2026-04-17
title: Minnesanteckningar
source: {{document: 004_1c0dd5b9ca72b139.txt, quote: "Minnesanteckningar"}}
items:
  - id: klar
    title: Klart
    kind: information
    follows: {first.stem}/{item}
    status: done
    assumed: a later meeting's minutes, for the test
last_verified: 2026-04-20
""", encoding="utf-8")
    whole = invoke("validate", str(data), "--check", "self-tests")
    assert first.stem in _svo407(whole.stdout), whole.stdout
    alone = invoke("validate", str(later), "--check", "self-tests")
    assert _svo407(alone.stdout) == _svo407(whole.stdout) and alone.exit_code == 1, alone.stdout
