"""Golden files for every command and output format, on a frozen copy of the county's data
(tests/golden/data), through the real command in-process. SVO_UPDATE_GOLDEN=1 rewrites them;
review the diff before committing."""

from __future__ import annotations

import os
import re

import pytest

from conftest import GOLDEN, invoke

DATA = GOLDEN / "data"
AS_OF = "2026-11-23"

CASES: dict[str, list[str]] = {
    "status.txt": ["status"],
    "status-sv.txt": ["status", "--lang", "sv"],
    "status.json": ["status", "--format", "json"],
    "status.md": ["status", "--format", "md"],
    "status.csv": ["status", "--format", "csv"],
    "status-excel.csv": ["status", "--format", "csv-excel", "--lang", "sv"],
    "deadlines.txt": ["deadlines", "--within", "400"],
    "deadlines-sv.txt": ["deadlines", "--within", "400", "--lang", "sv"],
    "deadlines.json": ["deadlines", "--within", "400", "--format", "json"],
    "deadlines.md": ["deadlines", "--within", "400", "--format", "md"],
    "deadlines.csv": ["deadlines", "--within", "400", "--format", "csv"],
    "deadlines-excel.csv": ["deadlines", "--within", "400", "--format", "csv-excel", "--lang", "sv"],
    "plans.txt": ["plans"],
    "plans.json": ["plans", "--format", "json"],
    "plans.md": ["plans", "--format", "md", "--lang", "sv"],
    "plans.csv": ["plans", "--format", "csv"],
    "check.txt": ["check", "--meeting", "2026-12-10", "--fail-on", "never"],
    "check-sv.txt": ["check", "--meeting", "2026-12-10", "--fail-on", "never", "--lang", "sv"],
    "check.json": ["check", "--meeting", "2026-12-10", "--fail-on", "never", "--format", "json"],
    "check.md": ["check", "--meeting", "2026-12-10", "--fail-on", "never", "--format", "md", "--lang", "sv"],
    "check.csv": ["check", "--meeting", "2026-12-10", "--fail-on", "never", "--format", "csv"],
    "show-agreement.txt": ["show", "missbruk-psykisk-funktionsnedsattning"],
    "show-agreement.json": ["show", "missbruk-psykisk-funktionsnedsattning", "--format", "json"],
    "show-plan.txt": ["show", "svo-arbetsplan-2026-2027", "--lang", "sv"],
    "show-plan.json": ["show", "lgvo-arbetsplan-2024-2025", "--format", "json"],
    "calendar.ics": ["calendar", "--within", "400"],
    "report.md": ["report", "--meeting", "2026-12-10", "--horizon", "40"],
    "report-sv.html": ["report", "--meeting", "2026-12-10", "--format", "html", "--lang", "sv"],
    "timeline.txt": ["timeline"],
    "plans-excel.csv": ["plans", "--format", "csv-excel", "--lang", "sv"],
    "check-excel.csv": ["check", "--meeting", "2026-12-10", "--fail-on", "never", "--format", "csv-excel"],
    "arshjul.svg": ["arshjul"],
    "arshjul-sv.html": ["arshjul", "--format", "html", "--lang", "sv"],
}
NO_DATE = {"validate.txt": ["validate", "--as-of", AS_OF], "validate.json": ["validate", "--format", "json", "--as-of", AS_OF],
           "validate-github.txt": ["validate", "--format", "github", "--as-of", AS_OF]}


def _normalise(name: str, text: str) -> str:
    if name.endswith(".ics"):
        text = re.sub(r"DTSTAMP:\d{8}T\d{6}Z", "DTSTAMP:X", text)
    return text


@pytest.mark.parametrize("name", sorted(CASES) + sorted(NO_DATE))
def test_golden(name):
    args = NO_DATE.get(name) or [*CASES[name], "--as-of", AS_OF]
    result = invoke(*args, "--data", str(DATA), env={"COLUMNS": "100"})
    assert result.exit_code in (0, 1), result.stderr
    got = _normalise(name, result.stdout)
    golden = GOLDEN / "formats" / name
    if os.environ.get("SVO_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


def test_every_format_of_every_command_has_a_golden():
    """Each (command, format) pair the render registry has is pinned here (xlsx, bytes, is read back in
    test_spreadsheets instead)."""
    from svo_cli.render import REGISTRY, Command, Format

    def pair(args: list[str]) -> tuple[Command, Format]:
        command = Command(args[0])
        given = args[args.index("--format") + 1] if "--format" in args else None
        return command, Format(given) if given else REGISTRY[command].default

    pinned = {pair(args) for args in [*CASES.values(), *NO_DATE.values()]}
    # svo changes names commits (their hashes and dates): tests/cli/test_changes.py pins it in a repository of its own
    wanted = {(c, f) for c, row in REGISTRY.items() for f in row.renderers if not f.binary and c != Command.CHANGES}
    assert wanted - pinned == set()
