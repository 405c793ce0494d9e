"""The pre-commit hook's run (svo_cli.cli.hook): `svo validate [--strict] FILE...` skips typer's command
tree, and says exactly what the whole command line says, exit code included."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from conftest import DATA
from svo_cli import launch
from svo_cli.cli import commands
from svo_cli.cli.hook import HookRun, hook_run

FILES = sorted(str(p) for p in (DATA / "agreements").glob("*.yaml"))[:6] + \
    sorted(str(p) for p in (DATA / "workplans").glob("*.yaml"))[:1] + [str(DATA / "parties.yaml")]


def test_only_files_and_nothing_else_take_the_hook_path(tmp_path):
    one = FILES[0]
    assert hook_run(["validate", one], {}) == HookRun([Path(one)], False)
    assert hook_run(["validate", one, FILES[1]], {}) == HookRun([Path(one), Path(FILES[1])], False)
    assert hook_run(["validate", "--strict", one], {}) == HookRun([Path(one)], True)  # the hook's own entry
    assert hook_run(["validate", one, "--strict"], {}) == HookRun([Path(one)], True)
    for argv in (["validate"], ["validate", "--strict"], ["status", one], ["validate", "--strict", "--strict", one],
                 ["validate", one, "-q"], ["validate", "--", one], ["validate", one, str(tmp_path / "missing.yaml")],
                 ["validate", str(DATA)], ["validate", ""], ["validate", "--help"], ["validate", "--strict=1", one], []):
        assert hook_run(argv, {}) is None, argv
    assert hook_run(["validate", one], {"_SVO_COMPLETE": "bash_complete"}) is None


def _run(entry, argv: list[str], capsys, monkeypatch) -> tuple[object, str, str]:
    """Run a console entry in this process (a hook run ends with the cycle collector paused, as the
    process ends with it: the tests' process goes on, with the collector as it was)."""
    import gc

    monkeypatch.setattr(sys, "argv", ["svo", *argv])
    enabled = gc.isenabled()
    try:
        entry()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    finally:
        if enabled:
            gc.enable()
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _broken(tmp_path: Path) -> list[str]:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    bad = data / "agreements" / "lakarmedverkan.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("valid_from: 2022-01-01", "valid_from: 2022-13-01"),
                   encoding="utf-8")
    plan = data / "workplans" / "svo-arbetsplan-2026-2027.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "unknown_key: 1\n", encoding="utf-8")
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("id: x\n", encoding="utf-8")
    return [str(bad), str(plan), str(outside)]


@pytest.mark.parametrize("env", [{}, {"LANG": "sv_SE.UTF-8"}, {"COLUMNS": "60", "NO_COLOR": "1"}],
                         ids=["en", "sv", "narrow"])
def test_the_hook_path_says_what_the_command_line_says(tmp_path, capsys, monkeypatch, env):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "COLUMNS", "NO_COLOR", "SVO_DATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    broken = _broken(tmp_path)
    cases = [[f] for f in FILES] + [FILES[:3], broken[:1], broken, [broken[2]], ["--strict", *broken],
                                     ["--strict", FILES[0]], [broken[2], "--strict"]]
    for files in cases:
        argv = ["validate", *files]
        assert hook_run(argv, {}) is not None, argv
        hook = _run(launch.main, argv, capsys, monkeypatch)
        whole = _run(commands.main, argv, capsys, monkeypatch)
        assert hook == whole, argv
    code, out, _ = _run(launch.main, ["validate", *broken], capsys, monkeypatch)
    assert code == 1 and "SVO110" in out and "SVO101" in out



def test_the_hook_run_makes_no_pass_of_the_cycle_collector(capsys, monkeypatch):
    """svo_cli.launch: a pre-commit run pauses the collector to the end of the process (its passes over the
    modules' classes and functions were 3 % of the run); any other command leaves it alone."""
    import gc

    passes: list[int] = []
    running = False

    def count(phase: str, info: dict) -> None:
        if phase == "start" and running:
            passes.append(info["generation"])

    def counted(entry):
        def run() -> None:
            nonlocal running
            running = True
            try:
                entry()
            finally:
                running = False
        return run

    gc.callbacks.append(count)
    try:
        code, out, _ = _run(counted(launch.main), ["validate", FILES[0]], capsys, monkeypatch)
        assert (code, passes) == (0, []) and "1 file checked" in out
        _run(counted(launch.main), ["status", "--data", str(DATA)], capsys, monkeypatch)
        assert passes
    finally:
        gc.callbacks.remove(count)
