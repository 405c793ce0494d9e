"""Acceptance tests of the county's data (data/), apart from the tests of the code: the register is valid,
its results on dates the sources speak of are as reviewed (goldens), and its self-tests pass."""

from __future__ import annotations

import json
import os

import pytest

from conftest import DATA, GOLDEN, svo
from svo_cli.loader import load_dataset
from svo_cli.validate import validate


@pytest.mark.parametrize("as_of", ["2017-06-01", "2021-06-01", "2026-05-04", "2026-11-23"])
def test_golden_status_json_over_the_real_data(as_of):
    result = svo("status", "--as-of", as_of, "--format", "json")
    assert result.returncode == 0, result.stderr
    got = json.loads(result.stdout)
    golden = GOLDEN / f"status-{as_of}.json"
    if os.environ.get("SVO_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def test_status_json_fields_are_stable():
    doc = json.loads(svo("status", "--as-of", "2026-11-23", "--format", "json").stdout)
    assert doc["as_of"] == "2026-11-23"
    fields = {"id", "title", "status", "term", "term_start", "term_end", "open_ended", "ends_on",
              "notice_deadline", "approximate", "binding_until", "withdrawn", "option_deadline", "assumed"}
    assert all(set(row) == fields for row in doc["agreements"])
    by_id = {row["id"]: row for row in doc["agreements"]}
    m = by_id["missbruk-psykisk-funktionsnedsattning"]
    assert (m["status"], m["term"], m["term_start"], m["term_end"], m["notice_deadline"]) == (
        "active", 4, "2026-01-01", "2027-12-31", "2026-12-31")
    assert by_id["psykisk-ohalsa-2013"]["status"] == "superseded"


def test_validate_the_repository_data():
    result = svo("validate", "data")
    assert result.returncode == 0, result.stdout
    files = 1 + (DATA / "sources.yaml").exists() + len(list(DATA.glob("agreements/*.yaml"))) + len(list(DATA.glob("workplans/*.yaml")))
    assert result.stdout.strip().splitlines()[-1].startswith(f"ok: {files} files checked, 0 errors")


def test_the_repository_data_is_valid():
    dataset, diagnostics = load_dataset(DATA)
    findings = diagnostics + validate(dataset)
    assert [d for d in findings if d.is_error] == []
    assert len(dataset.agreements) >= 20
    assert len([p for p in dataset.parties if p.kind in ('region', 'kommun')]) == 14  # the principals
