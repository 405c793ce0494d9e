"""Tables that never lie (issue 14, item 2): at any width, in both languages, every id, date and number
is printed whole; only free text wraps; too narrow a terminal gets cards; piped output is not wrapped."""

from __future__ import annotations

import json
import re

import pytest

from conftest import commands_with, invoke, run_of

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _tokens(command: list[str]) -> tuple[set[str], set[str]]:
    """The ids and dates the command's JSON holds: each must appear whole in the table."""
    doc = json.loads(invoke(*command, "--format", "json", "--as-of", "2026-11-23").stdout)
    rows = doc.get("agreements") or doc.get("deadlines") or doc.get("plans") or doc.get("items") or []
    ids = {r["id"] for r in rows}
    dates = {v for r in rows for k, v in r.items() if isinstance(v, str) and DATE.fullmatch(v)
             and k in ("date", "act_by", "term_start", "term_end", "ends_on", "notice_deadline")}
    return ids, dates


@pytest.mark.parametrize("columns", ["60", "80", "100", "160"])
@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("command", commands_with(format="csv"))  # the tabular commands
def test_ids_and_dates_are_never_cut(command, lang, columns):
    result = invoke(*run_of(command), "--as-of", "2026-11-23", "--lang", lang, env={"COLUMNS": columns})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(columns)
    words = set(re.findall(r"[\w\-–]+", result.stdout))
    ids, dates = _tokens(run_of(command))
    assert ids <= words, ids - words
    assert dates <= words, dates - words


def test_piped_output_is_one_row_per_line_in_full(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    result = invoke("status", "--as-of", "2026-11-23", env={"COLUMNS": ""})
    doc = json.loads(invoke("status", "--as-of", "2026-11-23", "--format", "json").stdout)
    lines = result.stdout.splitlines()
    for row in doc["agreements"]:
        line = next(li for li in lines if li.startswith(row["id"] + " "))
        # the title, whole, on the row's own line (with its mark when the row rests on an assumption)
        assert line.endswith(row["title"] + (" [assumption]" if row["assumed"] else ""))


def test_plans_piped_is_not_one_letter_per_line():
    result = invoke("plans", "--as-of", "2026-11-23", env={"COLUMNS": ""})
    assert all(len(line.strip()) != 1 for line in result.stdout.splitlines())


def test_swedish_days_are_whole_at_80_columns():
    result = invoke("deadlines", "--as-of", "2026-11-23", "--within", "60", "--lang", "sv", env={"COLUMNS": "80"})
    doc = json.loads(invoke("deadlines", "--as-of", "2026-11-23", "--within", "60", "--format", "json").stdout)
    for row in doc["deadlines"]:
        assert re.search(rf"(?<![\d-]){row['days_left']}(?!\d)", result.stdout), row["days_left"]


def _show_tokens(item: str) -> tuple[set[str], set[str]]:
    """The ids and dates `svo show` must print whole: deadlines, terms, assignments, meetings."""
    doc = json.loads(invoke("show", item, "--format", "json", "--as-of", "2026-11-23").stdout)
    dates = {v for d in doc["deadlines"] for k, v in d.items() if k in ("date", "act_by") and v}
    dates |= {v for t in doc.get("terms", []) for k, v in t.items()
              if k in ("start", "end", "notice_deadline") and isinstance(v, str)}
    plan = doc.get("plan") or {}
    dates |= {m["date"] for m in plan.get("meetings", [])}
    ids = {a["id"] for area in plan.get("areas", []) for a in area.get("assignments", [])}
    return ids | {doc.get("status", {}).get("id", "")} - {""}, dates


SHOWN = ["missbruk-psykisk-funktionsnedsattning", "placerade-barn-och-unga", "svo-arbetsplan-2026-2027",
         "lgvo-arbetsplan-2024-2025"]


@pytest.mark.parametrize("columns", ["60", "80", "100"])
@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("item", SHOWN)
def test_show_never_cuts_ids_and_dates(item, lang, columns):
    """svo show obeys the tables' rule: within the width, every id and date whole (cards when narrow)."""
    result = invoke("show", item, "--as-of", "2026-11-23", "--lang", lang, env={"COLUMNS": columns})
    assert result.exit_code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= int(columns)
    words = set(re.findall(r"[\w\-–]+", result.stdout))
    ids, dates = _show_tokens(item)
    assert ids <= words, ids - words
    assert dates <= words, dates - words


def test_show_switches_to_cards_when_narrow():
    wide = invoke("show", "svo-arbetsplan-2026-2027", "--as-of", "2026-11-23", env={"COLUMNS": "160"}).stdout
    narrow = invoke("show", "svo-arbetsplan-2026-2027", "--as-of", "2026-11-23", env={"COLUMNS": "60"}).stdout
    assert re.search(r"^ID +What +Owner", wide, re.M)  # a table with a header row
    assert re.search(r"^bu-samverkansstruktur$", narrow, re.M)  # a card headed by the id
    assert re.search(r"^  What: +Stärka", narrow, re.M)
    terms = invoke("show", "missbruk-psykisk-funktionsnedsattning", "--as-of", "2026-11-23", "--lang", "sv",
                   env={"COLUMNS": "60"}).stdout
    assert re.search(r"^Period 4  ◀ gäller$", terms, re.M)  # a term's card names the term and marks the one in force
