"""Texts by id, one API and one failure mode: `svo_cli.text.text(id, lang, **params)` finds an id of any
table (findings, labels, explanations, help: one namespace), and an id no table has raises MissingText
where it is looked up, never prints itself. Ids are typed (svo_cli.text_keys, generated from the tables),
ids built from a vocabulary exist for every member in both languages, and every id is used."""

from __future__ import annotations

import ast
import itertools
import os
import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest

from svo_cli import kinds
from svo_cli.arshjul import RINGS
from svo_cli.changes import FIELDS
from svo_cli.cli.texts import HELP, help_text
from svo_cli.i18n import EXPLANATIONS, LABELS, explain, label, why
from svo_cli.kinds import CoarseField, PeriodUnit
from svo_cli.messages import FINDINGS, MissingText, T
from svo_cli.model import DecisionKind
from svo_cli.model_minutes import MinutesItemKind
from svo_cli.model_types import EventType
from svo_cli.text import LANGS, SOURCES, keys_module, table, text

SRC = Path(__file__).resolve().parents[2] / "src" / "svo_cli"
TABLES = {"finding": FINDINGS, "label": LABELS, "explanation": EXPLANATIONS, "help": HELP}


@pytest.mark.parametrize("look_up", [
    lambda: text("no_such_text", "en"), lambda: label("no_such_label", "sv"),  # type: ignore[arg-type]
    lambda: explain(why("no_such_reason"), "en"), lambda: help_text("no_such_help", "sv"),  # type: ignore[arg-type]
    lambda: T("no_such_finding"), lambda: label("no_such", "en", n=1),  # type: ignore[arg-type]
])
def test_a_missing_id_fails_the_same_way_everywhere(look_up):
    with pytest.raises(MissingText):
        look_up()


def test_the_wrappers_are_the_one_lookup():
    assert {name: table(name) for name in SOURCES} == TABLES
    assert text("col_title", "sv") == label("col_title", "sv") == "Titel"
    assert text("quote_not_verbatim", "sv", document="d", matched="a", rest="b") == T(
        "quote_not_verbatim", document="d", matched="a", rest="b").render("sv")
    assert text("status.short", "sv") == help_text("status.short", "sv")
    assert text("why_meeting", "en", title="T") == explain(why("why_meeting", title="T"), "en") == "meeting 'T'"


def test_one_namespace_no_id_is_in_two_tables_with_different_texts():
    for (a, first), (b, second) in itertools.combinations(TABLES.items(), 2):
        for lang in LANGS:
            clash = {k for k in set(first[lang]) & set(second[lang]) if first[lang][k] != second[lang][k]}
            assert not clash, f"{a} and {b} ({lang}) give different texts to {sorted(clash)}"


def test_every_id_has_a_text_in_both_languages():
    for name, tab in TABLES.items():
        assert set(tab["en"]) == set(tab["sv"]), (name, set(tab["en"]) ^ set(tab["sv"]))


# Each function of svo_cli.kinds and every member of its vocabulary (arguments for it).
VOCABULARIES = {
    kinds.label_key: kinds.STATES_AND_KINDS, kinds.end_key: kinds.ENDS,
    kinds.todo_key: kinds.STATES_AND_KINDS[-11:-1],  # the deadline kinds
    kinds.event_key: get_args(EventType), kinds.history_key: kinds.HISTORY,
    kinds.section_key: kinds.SECTIONS, kinds.decision_key: get_args(DecisionKind),
    kinds.option_key: kinds.OPTIONS, kinds.proposal_key: kinds.OPTIONS,
    kinds.unit_key: tuple(PeriodUnit), kinds.to_end_of_key: tuple(PeriodUnit),
    kinds.assumed_key: kinds.ASSUMED_FIELDS, kinds.item_kind_key: get_args(MinutesItemKind),
    kinds.item_state_key: kinds.ITEM_STATES, kinds.item_status_key: ("done", "carried", "dropped"),
    kinds.returning_key: kinds.RETURNING, kinds.ring_key: RINGS, kinds.change_key: kinds.CHANGES,
    kinds.quote_change_key: ("added", "removed"), kinds.moved_key: FIELDS,
    kinds.month_key: range(1, 13), kinds.coarse_key: tuple(CoarseField),
}


def _built() -> set[str]:
    """Every id the vocabularies build."""
    return {fn(*(member if isinstance(member, tuple) else (member,)))
            for fn, members in VOCABULARIES.items() for member in members}


def test_ids_built_from_a_vocabulary_exist_for_every_member_in_both_languages():
    from svo_cli.kinds import DeadlineKind

    assert set(kinds.STATES_AND_KINDS[-11:-1]) == set(DeadlineKind)
    helpers = {fn for name, fn in vars(kinds).items() if callable(fn) and name.endswith("_key")}
    assert helpers - {kinds.command_help_key, kinds.option_help_key, kinds.format_help_key} == set(
        VOCABULARIES), "a vocabulary's function without its members here"
    for fn, members in VOCABULARIES.items():
        assert members, fn
        for member, lang in itertools.product(members, LANGS):
            key = fn(*(member if isinstance(member, tuple) else (member,)))
            assert text(key, lang, **_blank(key)).strip(), (fn.__name__, member, lang)


def _blank(key: str) -> dict[str, str]:
    import string

    from svo_cli.text import template

    return {name: "x" for _, name, _, _ in string.Formatter().parse(template(key, "en")) if name}


def test_every_command_and_option_has_its_help_and_summary():
    from svo_cli.cli import app
    from svo_cli.cli.usage import _BUILTIN_HELP

    names = [c.name for c in app.registered_commands]
    for lang in LANGS:
        assert {*names, *(f"{n}.short" for n in names)} <= set(HELP[lang])
    import typer.main

    group = typer.main.get_group(app)
    declared = {getattr(p, "svo_help_id", None) or p.help for c in group.commands.values() for p in c.params
                if p.help and p.name not in _BUILTIN_HELP}
    assert declared and declared <= set(HELP["en"]), declared - set(HELP["en"])


def test_every_id_is_used_or_built_from_a_vocabulary():
    """A text nothing looks up is dead: a literal id in the code, an id a vocabulary builds, or a help id
    typer's commands and options name (as strings: the command names, `format.<format>` notes)."""
    from svo_cli.cli import app
    from svo_cli.render import REGISTRY

    catalogues = {module for sources in SOURCES.values() for module, _ in sources} | {"text_keys"}
    literals = set()
    for path in SRC.rglob("*.py"):
        if path.stem not in catalogues:
            literals |= {n.value for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                         if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    commands = {c.name for c in app.registered_commands}
    formats = {str(f) for spec in REGISTRY.values() for f in spec.renderers}
    help_ids = {*commands, *(f"{c}.short" for c in commands), *(f"format.{f}" for f in formats)}
    for name, tab in TABLES.items():
        unused = set(tab["en"]) - literals - _built() - help_ids
        assert not unused, f"{name} texts nothing uses (delete them): {sorted(unused)}"


def test_the_key_types_are_generated_from_the_tables():
    stale = (SRC / "text_keys.py").read_text(encoding="utf-8") != keys_module()
    assert not stale, "svo_cli/text_keys.py is stale: run `python -m svo_cli.text_keys`"


def test_the_findings_path_loads_only_the_findings_tables():
    code = ("import sys; from svo_cli.dates import parse_date_spec; from svo_cli.messages import T; "
            "T('date_spec_forms').render('sv'); print(sorted(m for m in sys.modules if 'i18n' in m))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_mypy_rejects_an_id_no_table_has(tmp_path):
    """The key types at work: a literal id no table has is a type error (run by mypy on a snippet)."""
    snippet = tmp_path / "snippet.py"
    snippet.write_text("from svo_cli.i18n import label, why\nfrom svo_cli.messages import T\n"
                       "from svo_cli.text import text\n\n"
                       "text('col_title', 'en')\nlabel('col_titel', 'sv')\nT('no_such_finding')\n"
                       "why('why_meeting')\nwhy('col_title')\n", encoding="utf-8")
    mypy = Path(sys.executable).with_name("mypy")
    if not mypy.exists():
        pytest.skip("mypy is not installed")
    done = subprocess.run([str(mypy), "--no-error-summary", "--cache-dir", str(tmp_path / "cache"), str(snippet)],
                          capture_output=True, text=True, env={**os.environ, "MYPYPATH": str(SRC.parent)},
                          cwd=tmp_path)
    lines = sorted(int(line.split(":")[1]) for line in done.stdout.splitlines() if ": error:" in line)
    assert lines == [6, 7, 9], done.stdout


@pytest.mark.parametrize("key, lang, params, expected", [
    ("summary_status", "en", {"n": 1, "parts": "1 active"}, "1 agreement: 1 active"),
    ("summary_status", "en", {"n": 21, "parts": "21 active"}, "21 agreements: 21 active"),
    ("summary_deadlines", "sv", {"n": 1, "overdue": 1, "due": 0, "upcoming": 0},
     "1 tidsgräns: 1 försenad, 0 att agera på nu, 0 kommande"),
    ("assignments_cell", "sv", {"open": 1, "overdue": 2, "done": 1}, "1 öppen, 2 försenade, 1 klar"),
    ("incomplete", "en", {"n": "1"}, "INCOMPLETE: 1 data file has errors and are left out or only partly used; run "
                                     "'svo validate':"),
    ("r_sum_agreements", "sv", {"active": 11, "notice": 1, "upcoming": 0},
     "11 överenskommelser gäller (1 uppsagd), 0 kommande"),
])
def test_a_count_agrees_with_its_noun_by_the_templates_own_forms(key, lang, params, expected):
    assert text(key, lang, **params) == expected


def test_a_count_form_leaves_the_words_of_the_data_alone():
    """The forms belong to the template: a title that says "1 agreements" is shown as written."""
    assert label("todo_followup", "en", title="Review of 1 agreements") == "Follow-up due: Review of 1 agreements"
