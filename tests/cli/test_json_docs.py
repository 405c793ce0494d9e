"""docs/json.md says what every command's JSON holds: each section's example has exactly the command's
top-level fields, every field at any depth is named in its section (or the sections it refers to), and
no example names a field the output does not have."""

from __future__ import annotations

import json
import re

import pytest

from conftest import REPO, invoke

DOC = (REPO / "docs" / "json.md").read_text(encoding="utf-8")
EXAMPLE = REPO / "examples" / "chefsgrupp-2026"  # a register with minutes
AS_OF = ["--as-of", "2026-11-23"]


def _sections() -> dict[str, str]:
    """Heading (## or ###) → its text up to the next heading of any level."""
    parts = re.split(r"^(#{2,3} .+)$", DOC, flags=re.M)
    return {parts[i].lstrip("# ").strip(): parts[i + 1] for i in range(1, len(parts), 2)}


SECTIONS = _sections()


def _example(text: str) -> str:
    match = re.search(r"```json\n(.*?)```", text, re.S)
    assert match, "no JSON example"
    return match.group(1)


def _top_level(example: str) -> set[str]:
    """The keys at the outermost level of a (not necessarily valid) JSON example."""
    keys, depth, i = set(), 0, 0
    while i < len(example):
        char = example[i]
        if char == '"':
            end = example.index('"', i + 1)
            if depth == 1 and re.match(r"\s*:", example[end + 1:]):
                keys.add(example[i + 1:end])
            i = end
        elif char in "{[<":
            depth += 1
        elif char in "}]>":
            depth -= 1
        i += 1
    return keys


def _keys(value: object) -> set[str]:
    """Every key at any depth, except inside a data file's own content and inside findings (documented
    in data-format.md and at the top of json.md)."""
    if isinstance(value, dict):
        return set(value) | {k for key, v in value.items() if key not in ("agreement", "plan", "minutes", "findings")
                             for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


CASES = {  # section: the sections its fields are named in, the commands whose output it describes
    "svo status": (["svo status"], [["status"]]),
    "svo deadlines": (["svo deadlines", "svo validate"], [["deadlines", "--within", "400"]]),
    "svo plans": (["svo plans"], [["plans"]]),
    "svo status --view register": (["svo status --view register", "svo status"],
                                   [["status", "--view", "register"], ["status", "--view", "register", "--all"]]),
    "svo check": (["svo check", "svo deadlines", "svo validate"],
                  [["check", "--meeting", "2026-12-10", "--fail-on", "never"],
                   ["check", "--data", str(EXAMPLE), "--meeting", "2026-12-10", "--fail-on", "never"]]),
    "Minutes": (["Minutes", "svo validate"], [["show", "chefsgrupp-2026-02-06", "--data", str(EXAMPLE)]]),
    "An agreement": (["An agreement", "svo status", "svo deadlines", "svo validate"],
                     [["show", "missbruk-psykisk-funktionsnedsattning"], ["show", "placerade-barn-och-unga"]]),
    "A work plan": (["A work plan", "svo plans", "svo deadlines", "svo validate"],
                    [["show", "lgvo-arbetsplan-2024-2025"], ["show", "svo-arbetsplan-2026-2027"]]),
    "svo validate": (["svo validate"], [["validate"]]),
}
FINDING = {"path", "line", "column", "severity", "code", "message", "hint"}
DATA_FILE = {"kind", "body", "period", "from", "until", "date"}  # inside `agreement` / `plan` / `minutes`: the file's own fields


def _output(command: list[str]) -> dict:
    result = invoke(*command, "--format", "json", *([] if command[0] == "validate" else AS_OF))
    return json.loads(result.stdout)


@pytest.mark.parametrize("section", CASES)
def test_documented_fields_match_the_output(section):
    named_in, commands = CASES[section]
    example = _example(SECTIONS[section])
    text = "\n".join(SECTIONS[s] for s in named_in)
    named = set(re.findall(r'"([a-z_]+)"', text)) | set(re.findall(r"[`.]([a-z_]+)`", text)) | \
        set(re.findall(r"`([a-z_]+)[`.\[]", text))
    seen: set[str] = set()
    for command in commands:
        document = _output(command)
        assert _top_level(example) == set(document), (section, command)  # the example's fields, exactly
        assert _keys(document) - named == set(), (section, command)  # every field named
        seen |= _keys(document)
    in_example = set(re.findall(r'"([a-z_]+)"\s*:', example))
    assert in_example - seen - FINDING - DATA_FILE == set(), section  # no field the output lacks


def test_notice_given_fields_are_documented():
    """An agreement's `notice` is null in the county's data today: its fields are checked against the engine."""
    from dataclasses import fields

    from svo_cli.terms import NoticeGiven

    row = next(line for line in SECTIONS["An agreement"].splitlines() if line.startswith("| `notice` |"))
    assert set(re.findall(r'"([a-z_]+)"', row)) == {f.name for f in fields(NoticeGiven)}


def test_status_rows_are_built_directly_as_asdict_would_give_them():
    """The JSON status rows are built field by field (issue 26: `asdict` was a third of the render);
    they are what `asdict` and the plain pass give, in the same order, for every field the row has."""
    from dataclasses import asdict, fields, replace
    from datetime import date

    from conftest import DATA
    from svo_cli import app
    from svo_cli.engine import AgreementStatus, Withdrawal
    from svo_cli.render import jsonfmt

    result = app.status(app.Request(data_dir=DATA, as_of=date(2026, 11, 23)))
    assert result.rows
    withdrawn = replace(result.rows[0], withdrawn=(Withdrawal("linkoping", date(2027, 12, 31)),),
                        option_deadline=date(2027, 6, 30), assumed=True)
    for row in (*result.rows, withdrawn):
        built = jsonfmt._status_row(row)
        assert list(built) == [f.name for f in fields(AgreementStatus)]
        assert json.dumps(built) == json.dumps(jsonfmt._plain(asdict(row)))
