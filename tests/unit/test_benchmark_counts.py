"""The benchmark check CI runs (slow): svo's work on a small generated data set, counted deterministically
(Python calls in svo's code; instructions where valgrind is installed), is not more than 10 % over the
reference in benchmarks/counts.json. Counts, never times: a busy machine cannot fail it, a regression can."""

from __future__ import annotations

import json
import shutil
import sys

import pytest

from conftest import BENCHMARKS

sys.path.insert(0, str(BENCHMARKS))
import counts  # noqa: E402


def test_the_regression_rule_flags_only_growth_over_the_tolerance():
    reference = {"calls": {"validate": 1000, "status": 1000}, "instructions": {"validate": 10**9},
                 "instructions_python": "3.11.7"}
    now = {"calls": {"validate": 1100, "status": 1101}, "instructions": {"validate": 2 * 10**9},
           "instructions_python": "3.11.7"}
    assert counts.regressions(now, reference) == [
        "calls of status: 1,101 against 1,000 (+10.1%)",
        "instructions of validate: 2,000,000,000 against 1,000,000,000 (+100.0%)"]
    other_python = {**now, "instructions_python": "3.12.1"}  # instructions compared on the same Python only
    assert counts.regressions(other_python, reference) == ["calls of status: 1,101 against 1,000 (+10.1%)"]


@pytest.mark.slow
def test_no_command_does_more_than_10_percent_more_work_than_the_reference(tmp_path):
    reference = json.loads(counts.REFERENCE.read_text(encoding="utf-8"))
    assert set(reference["calls"]) == set(counts.commands(tmp_path))
    now = counts.measure(tmp_path, instructions=shutil.which("valgrind") is not None)
    assert all(value > 0 for value in now["calls"].values())
    assert counts.regressions(now, reference) == [], "python benchmarks/counts.py shows the counts"
