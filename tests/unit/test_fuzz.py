"""Fuzzing: random and mutated real data files either load or give the project's own located
findings — never an exception — and every file that loads yields results from every computation."""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA
from svo_cli import engine, workplans
from svo_cli.diagnostics import Diagnostic
from svo_cli.loader import Dataset, Loaded, build_model, load_dataset
from svo_cli.model import Agreement, Workplan
from svo_cli.validate import validate
from svo_cli.yamlfile import decode, parse_yaml_text

# Thousands of generated files: run with `pytest -m slow` (and in CI).
pytestmark = pytest.mark.slow

REAL = sorted((DATA / "agreements").glob("*.yaml")) + sorted((DATA / "workplans").glob("*.yaml"))
REAL_BYTES = [(p.read_bytes(), f"{p.parent.name}/{p.name}") for p in REAL]
BASE, _ = load_dataset(DATA)
EXAMPLES = int(os.environ.get("SVO_FUZZ_EXAMPLES", "1500"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

TOKENS = [b": ", b"- ", b"\t", b"&a ", b"*a", b"---\n", b"2023-02-30", b"no", b"yes", b"[", b"]", b"{", b"}",
          b"#", b"\n", b"  ", b"'", b'"', b"!!python/object:os.system ", b"\xe5", b"\xff\xfe", b"\x00",
          b"valid_until: ", b"every: 0 days", b"P0D", b"tills vidare", b"vt 2025", b"- {date: 2020-01-01, type: notice}\n",
          b"supersedes: [missbruk-psykisk-funktionsnedsattning]\n", b"renewal: {every: 1 day}\n", b"9999-12-31",
          b"0001-01-01", b"followups: [{id: f, what: w, every: 1 day, first: 1990}]\n"]


@st.composite
def mutated_file(draw) -> tuple[bytes, str]:
    original, path = draw(st.sampled_from(REAL_BYTES))
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.integers(0, 4))
        at = draw(st.integers(0, len(data)))
        if op == 0:
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif op == 1:
            data[at:at + draw(st.integers(1, 40))] = b""
        elif op == 2:
            data[at:at] = draw(st.binary(max_size=12))
        elif op == 3:
            lines = bytes(data).split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines.insert(j, lines[i])
            data = bytearray(b"\n".join(lines))
        else:
            data = data[:at]
    return bytes(data), path


def load_bytes(raw: bytes, path: str) -> tuple[object | None, list[Diagnostic]]:
    text, diags = decode(raw, path)
    if text is None:
        return None, diags
    document, diags = parse_yaml_text(text, path)
    if document is None:
        return None, diags
    model = Workplan if path.startswith("workplans/") else Agreement
    built, diags = build_model(document, model)
    return (Loaded(built, path, document.source_map) if built else None), diags


def exercise(loaded: Loaded) -> None:
    """Every computation on a dataset where this file replaces its original."""
    if isinstance(loaded.model, Agreement):
        agreements = tuple(a for a in BASE.agreements if a.model.id != loaded.model.id) + (loaded,)
        dataset = Dataset(BASE.parties, BASE.groups, agreements, BASE.parties_file, BASE.workplans)
    else:
        plans = tuple(p for p in BASE.workplans if p.model.id != loaded.model.id) + (loaded,)
        dataset = Dataset(BASE.parties, BASE.groups, BASE.agreements, BASE.parties_file, plans)
    for finding in validate(dataset):
        assert isinstance(finding, Diagnostic)
    models = dataset.agreement_models()
    for day in (date(2017, 6, 1), date(2026, 11, 23)):
        engine.statuses(models, day)
        engine.deadlines(models, day, date(day.year + 2, 12, 31))
        if isinstance(loaded.model, Agreement):
            assert engine.detail(models, loaded.model.id, day, date(day.year + 3, 1, 1)) is not None
        for plan in dataset.workplan_models():
            workplans.plan_status(plan, dataset.groups, day)
        workplans.all_plan_deadlines(dataset.workplan_models(), dataset.groups, dataset.parties, day,
                                     date(day.year + 1, 12, 31))


def check(raw: bytes, path: str) -> None:
    loaded, diags = load_bytes(raw, path)
    assert all(isinstance(d, Diagnostic) and d.code.startswith("SVO") and d.line >= 0 for d in diags)
    if loaded is None:
        assert diags, "a file that does not load must say why"
    else:
        exercise(loaded)


@FUZZ
@given(mutated_file())
def test_mutated_real_files(sample):
    check(*sample)


@settings(max_examples=EXAMPLES // 2, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: t.encode("utf-8"))))
def test_random_bytes(raw):
    check(raw, "agreements/x.yaml")


VALUES = ["2018-01-01", "2021-12-31", "2024-02-29", "2019", "vt 2025", "ht 2022", "2026-Q4", "2022-H1",
          "1 year", "2 years", "12 months", "P3M", "5 arbetsdagar", "6 months", "tills vidare", "1 day",
          "region-ostergotland", "linkoping", "notice", "extended", "terminated", "followup_done", "arlig",
          "end_of_mandate_period", "notice_deadline", "adopted", "prepared", "meeting", "9999-12-31"]


def _leaves(node, loc=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _leaves(v, loc + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _leaves(v, loc + (i,))
    else:
        yield loc


def _set(node, loc, value):
    for part in loc[:-1]:
        node = node[part]
    if value is None and isinstance(node, dict):
        del node[loc[-1]]
    else:
        node[loc[-1]] = value


@st.composite
def mutated_values(draw) -> tuple[bytes, str]:
    import copy

    import yaml

    original, path = draw(st.sampled_from(REAL_BYTES))
    data = copy.deepcopy(yaml.load(original.decode("utf-8"), Loader=yaml.BaseLoader))  # all text
    leaves = [loc for loc in _leaves(data) if loc and loc[0] not in ("id", "source")]
    for _ in range(draw(st.integers(1, 3))):
        if not leaves:
            break
        loc = draw(st.sampled_from(leaves))
        _set(data, loc, draw(st.one_of(st.sampled_from(VALUES), st.none())))
        leaves = [leaf for leaf in _leaves(data) if leaf and leaf[0] not in ("id", "source")]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_style='"')
    return text.encode("utf-8"), path


@FUZZ
@given(mutated_values())
def test_mutated_values_of_real_files(sample):
    check(*sample)
