"""Spreadsheets with real cells (issue 14, item 7) and -o that matches its file (item 6)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime

import pytest

from conftest import commands_with, invoke, run_of


@pytest.mark.parametrize("command", commands_with(format="xlsx"))
def test_xlsx_has_typed_cells_a_frozen_header_and_a_filter(tmp_path, command):
    import openpyxl

    target = tmp_path / "out.xlsx"
    result = invoke(*run_of(command), "--as-of", "2026-11-23", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(target).active
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    header = [c.value for c in sheet[1]]
    assert "Title" in header
    values = [c.value for row in sheet.iter_rows(min_row=2) for c in row if c.value is not None]
    assert any(isinstance(v, datetime) for v in values)  # dates are dates
    assert not any(isinstance(v, str) and v in ("–", "tills vidare") for v in values)
    assert all(sheet.column_dimensions[letter].width >= 6 for letter in "ABC")


def test_xlsx_numbers_are_numbers(tmp_path):
    import openpyxl

    target = tmp_path / "d.xlsx"
    invoke("deadlines", "--as-of", "2026-11-23", "--within", "60", "-o", str(target))
    sheet = openpyxl.load_workbook(target).active
    header = [c.value for c in sheet[1]]
    days = [row[header.index("Days")].value for row in sheet.iter_rows(min_row=2)]
    doc = json.loads(invoke("deadlines", "--as-of", "2026-11-23", "--within", "60", "--format", "json").stdout)
    rows = doc["deadlines"]
    people = [d for i, d in enumerate(rows)  # a plan's adoption is one row for people
              if d["kind"] != "adoption" or (d["id"], d["date"]) not in {(e["id"], e["date"]) for e in rows[:i]
                                                                        if e["kind"] == "adoption"}]
    assert days == [d["days_left"] for d in people]


def test_excel_csv_has_titles_empty_dates_and_numeric_columns():
    result = invoke("plans", "--as-of", "2026-11-23", "--format", "csv-excel", "--lang", "sv")
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=";"))
    header = rows[0]
    assert header[:2] == ["ID", "Titel"]
    assert {"Uppdrag öppna", "Uppdrag försenade", "Uppdrag klara"} <= set(header)
    for row in rows[1:]:
        assert row[header.index("Uppdrag öppna")].isdigit()
    status = list(csv.reader(io.StringIO(invoke("status", "--as-of", "2026-11-23", "--format", "csv-excel")
                                         .stdout.lstrip("\ufeff")), delimiter=";"))
    for row in status[1:]:
        for cell in row[4:8]:  # the date columns
            assert cell == "" or date.fromisoformat(cell)


@pytest.mark.parametrize("suffix, check", [
    (".json", lambda t: json.loads(t)), (".csv", lambda t: t.startswith("ID,")), (".md", lambda t: "## " in t),
    (".txt", lambda t: "Agreements on" in t)])
def test_the_format_follows_the_extension(tmp_path, suffix, check):
    target = tmp_path / f"out{suffix}"
    assert invoke("status", "--as-of", "2026-11-23", "-o", str(target)).exit_code == 0
    assert check(target.read_text(encoding="utf-8"))


def test_report_html_by_extension_and_calendar_ics(tmp_path):
    assert invoke("report", "--as-of", "2026-11-23", "-o", str(tmp_path / "r.html")).exit_code == 0
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert invoke("calendar", "--as-of", "2026-11-23", "-o", str(tmp_path / "c.ics")).exit_code == 0


@pytest.mark.parametrize("args", [["report", "-o", "r.pdf"], ["status", "-o", "s.json", "--format", "csv"],
                                  ["deadlines", "-o", "d.md", "--format", "json"], ["calendar", "-o", "c.csv"],
                                  ["status", "-o", "s.html"]])
def test_an_extension_no_format_writes_or_that_contradicts_is_refused(tmp_path, args):
    args = [a if not a.endswith((".pdf", ".json", ".md", ".csv", ".html")) else str(tmp_path / a) for a in args]
    result = invoke(*args, "--as-of", "2026-11-23")
    assert result.exit_code == 2 and "--output" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command, key", [(["deadlines", "--within", "60"], "deadlines"),
                                          (["check", "--meeting", "2026-12-10", "--fail-on", "never"], "items")],
                         ids=lambda c: c[0] if isinstance(c, list) else c)
def test_xlsx_and_excel_csv_mark_results_that_rest_on_an_assumption(tmp_path, command, key):
    """Like the Approximate column: Assumed / Antagande is true (ja) where the result rests on an assumed fact
    (status has the column too; no agreement in the county's data rests on one today)."""
    import openpyxl

    status = invoke("status", "--as-of", "2026-11-23", "--format", "csv-excel").stdout.lstrip("\ufeff")
    assert status.splitlines()[0].endswith(";Approximate;Assumed")

    target = tmp_path / "out.xlsx"
    assert invoke(*command, "--as-of", "2026-11-23", "-o", str(target)).exit_code == 0
    sheet = openpyxl.load_workbook(target).active
    header = [c.value for c in sheet[1]]
    assumed = [row[header.index("Assumed")].value for row in sheet.iter_rows(min_row=2)]
    doc = json.loads(invoke(*command, "--as-of", "2026-11-23", "--format", "json").stdout)
    assert any(r["assumed"] for r in doc[key])  # the county's data has some
    assert any(v is True for v in assumed) and all(v in (True, False) for v in assumed)
    titles = {row[header.index("Title")].value for row in sheet.iter_rows(min_row=2)
              if row[header.index("Assumed")].value}
    parts = [key, "decisions"] if key == "items" else [key]  # the check's sheet has its decisions too
    assert titles == {r["title"] for part in parts for r in doc[part] if r["assumed"]}
    rows = list(csv.reader(io.StringIO(invoke(*command, "--as-of", "2026-11-23", "--format", "csv-excel", "--lang",
                                              "sv").stdout.lstrip("\ufeff")), delimiter=";"))
    column = rows[0].index("Antagande")
    assert {row[column] for row in rows[1:]} == {"ja", ""}


def people_items(items: list[dict]) -> list[dict]:
    """JSON items as people see them: a plan's adoption (one row per principal in JSON) once."""
    seen: set[tuple[str, str]] = set()
    found = []
    for item in items:
        if item["kind"] == "adoption":
            if (item["id"], item["date"]) in seen:
                continue
            seen.add((item["id"], item["date"]))
        found.append(item)
    return found


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "csv-excel"])
def test_the_checks_spreadsheet_has_every_section_the_check_has(tmp_path, fmt):
    """Decisions needed now and what renewed silently are in the spreadsheet and CSV too, with a section
    column, in the check's order: nothing the meeting must see is left out of the Excel file."""
    import openpyxl

    args = ["check", "--meeting", "2026-12-10", "--as-of", "2026-11-27", "--fail-on", "never", "--lang", "sv"]
    doc = json.loads(invoke(*args, "--format", "json").stdout)
    if fmt == "xlsx":
        target = tmp_path / "k.xlsx"
        assert invoke(*args, "-o", str(target)).exit_code == 0
        rows = [[c.value for c in row] for row in openpyxl.load_workbook(target).active.iter_rows()]
    else:
        text = invoke(*args, "--format", fmt).stdout.lstrip("\ufeff")
        rows = list(csv.reader(io.StringIO(text), delimiter=";" if fmt == "csv-excel" else ","))
    header, body = rows[0], rows[1:]
    sections = [row[header.index("Avsnitt")] for row in body]
    wanted = (["Beslut som behövs nu"] * len(doc["decisions"])
              + [{"overdue": "Försenat", "by_meeting": "Före mötet", "after_meeting": "Efter mötet",
                  "unrecorded": "Utan registrering"}[i["section"]]
                 for i in people_items(doc["items"])] + ["Upphör"] * len(doc["ending"])
              + ["Förlängt utan uppsägning"] * len(doc["renewed"]) + ["Registrerat sedan"] * len(doc["since_events"]))
    assert doc["decisions"] and doc["renewed"] and sections == wanted
    ids = [row[header.index("ID")] for row in body]
    assert ids[:len(doc["decisions"])] == [d["id"] for d in doc["decisions"]]
    renewed_at = len(body) - len(doc["since_events"]) - len(doc["renewed"])
    assert ids[renewed_at:renewed_at + len(doc["renewed"])] == [r["id"] for r in doc["renewed"]]
    assert ids[len(body) - len(doc["since_events"]):] == [h["id"] for h in doc["since_events"]]


@pytest.mark.parametrize("command", commands_with(format="xlsx"))
def test_xlsx_prints_landscape_a4_one_page_wide_with_the_header_on_every_page(tmp_path, command):
    """Issue 22, item 5: the sheets print (landscape, fit to the page's width, the header row repeated,
    text wrapped, widths that fit), read back with openpyxl."""
    import openpyxl

    target = tmp_path / "out.xlsx"
    result = invoke(*run_of(command), "--as-of", "2026-11-23", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    sheet = openpyxl.load_workbook(target).active
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and str(setup.paperSize) == "9"  # A4
    # one page wide (fitToWidth left out means the format's default, 1), as many pages long as it takes
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth in (None, 1) and setup.fitToHeight == 0
    assert sheet.print_title_rows.replace("$", "") == "1:1"
    assert "&P" in sheet.oddFooter.right.text
    columns = sheet.max_column
    widths = [sheet.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(1, columns + 1)]
    assert all(6 <= w <= 47 for w in widths), widths  # every column has a width, none wider than wrapped text
    texts = [c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert texts and all(c.alignment.wrap_text for c in texts)
    assert all(c.alignment.wrap_text for c in sheet[1])
