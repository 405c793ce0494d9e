"""Checks are one type, sized by concern and selectable (issue 19 item 6): each code belongs to one check,
docs/errors.md names it, a check reports only its own codes, `svo validate --check NAME` runs only those
named and `--list-checks` lists them in both languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import CORPUS, DATA, REPO, invoke
from svo_cli.checks import CHECKS, ERROR_CHECKS, NAMES, named, run
from svo_cli.diagnostics import Severity
from svo_cli.loader import load_dataset, load_files
from svo_cli.messages import FINDINGS
from svo_cli.register import Context

ERRORS_MD = (REPO / "docs" / "errors.md").read_text(encoding="utf-8")


def test_every_code_belongs_to_one_check_and_docs_name_it():
    owners: dict[str, list[str]] = {}
    for check in CHECKS:
        for code in check.codes:
            owners.setdefault(code, []).append(check.name)
    assert {code: names for code, names in owners.items() if len(names) > 1} == {}
    documented = dict(re.findall(r"^\| (SVO[24]\d\d) \| `([a-z-]+)` \|", ERRORS_MD, re.M))
    assert documented == {code: names[0] for code, names in owners.items()}
    assert len(NAMES) == len(set(NAMES))


def test_every_check_has_a_description_in_each_language():
    for lang in ("en", "sv"):
        for check in CHECKS:
            assert FINDINGS[lang][check.about].strip(), (lang, check.name)


def _corpus_datasets():
    """Every corpus file, each loaded with the county's parties (as the corpus test does)."""
    for path in sorted(CORPUS.rglob("*.yaml")):
        dataset, _, _ = load_files([path], DATA)
        yield path, dataset


def test_a_check_reports_only_its_own_codes():
    """Run on every corpus file and on the county's data: each check's findings carry only the codes it
    names (so `event-replay` no longer reruns the agreement checks and filters)."""
    seen: set[str] = set()
    datasets = [(DATA, load_dataset(DATA)[0]), *_corpus_datasets()]
    for path, dataset in datasets:
        for check in CHECKS:
            found = {d.code for d in check.run(dataset, Context(as_of=None))}
            assert found <= set(check.codes), (path.name, check.name, found)
            seen |= found
    assert len(seen) >= 20  # the corpus exercises most of them


def test_only_checks_that_can_find_errors_run_in_every_command():
    for check in CHECKS:
        severities: set[Severity] = set()
        for _, dataset in _corpus_datasets():
            severities |= {d.severity for d in check.run(dataset, Context())}
        if Severity.ERROR in severities:
            assert check in ERROR_CHECKS, check.name


def _broken(tmp_path: Path) -> Path:
    """A loop of two agreements, one naming an unknown party, one with an unknown key."""
    root = tmp_path / "data"
    (root / "agreements").mkdir(parents=True)
    (root / "parties.yaml").write_text((DATA / "parties.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    body = "title: T\nkind: avtal\nvalid_from: 2020-01-01\nsource: {document: x, quote: q}\n"
    (root / "agreements" / "a.yaml").write_text("id: a\nsupersedes: [b]\nparties: [nobody]\n" + body)
    (root / "agreements" / "b.yaml").write_text("id: b\nsupersedes: [a]\nparties: [linkoping]\n" + body)
    (root / "agreements" / "c.yaml").write_text("id: c\nparties: [linkoping]\nvalid_untill: 2021-01-01\n" + body)
    return root


def _codes(result) -> list[str]:
    return sorted(f["code"] for f in json.loads(result.stdout)["findings"])


def test_check_option_runs_only_the_named_checks(tmp_path):
    data = _broken(tmp_path)
    everything = invoke("validate", str(data), "--format", "json")
    assert {"SVO101", "SVO203", "SVO205", "SVO405"} <= set(_codes(everything))
    one = invoke("validate", str(data), "--format", "json", "--check", "supersession")
    assert one.exit_code == 1
    assert _codes(one) == ["SVO101", "SVO205"]  # reading the files is not a check: always reported
    two = invoke("validate", str(data), "--format", "json", "--check", "supersession", "--check", "references")
    assert _codes(two) == ["SVO101", "SVO203", "SVO205"]
    named_file = invoke("validate", str(data / "agreements" / "a.yaml"), "--format", "json", "--check", "references")
    assert _codes(named_file) == ["SVO203"]


def test_an_unknown_check_is_a_usage_error_listing_the_names(tmp_path):
    result = invoke("validate", str(_broken(tmp_path)), "--check", "supersede-cycles")
    assert result.exit_code == 2
    assert "--check supersede-cycles" in result.stderr
    assert all(name in result.stderr for name in NAMES)
    assert invoke("validate", "--check", "nope", "--lang", "sv").stderr.count("välj bland") == 1


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_list_checks_names_each_check_its_codes_and_what_it_checks(lang):
    result = invoke("validate", "--list-checks", "--lang", lang, env={"COLUMNS": ""})  # piped: a check a line
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(CHECKS)
    for line, check in zip(lines, CHECKS):
        assert line.split()[0] == check.name
        assert ", ".join(check.codes) in line
        assert line.rstrip().endswith(FINDINGS[lang][check.about])
    doc = json.loads(invoke("validate", "--list-checks", "--format", "json", "--lang", lang).stdout)
    assert [(c["name"], tuple(c["codes"]), c["errors"]) for c in doc] == [(c.name, c.codes, c.errors) for c in CHECKS]


@pytest.mark.parametrize("columns", [50, 80, 120])
def test_list_checks_wraps_within_the_terminal_and_cuts_no_code_or_word(columns):
    """At a width (a terminal, or COLUMNS) the codes and the description wrap within their columns."""
    wide = invoke("validate", "--list-checks", "--lang", "sv", env={"COLUMNS": ""}).stdout
    narrow = invoke("validate", "--list-checks", "--lang", "sv", env={"COLUMNS": str(columns)}).stdout
    assert max(len(line) for line in narrow.splitlines()) <= columns
    assert sorted(narrow.split()) == sorted(wide.split())  # every name, code and word, none cut


def test_named_checks_keep_the_table_order_and_refuse_unknown_names():
    assert named(()) == CHECKS
    assert [c.name for c in named(["term-rules", "file-names"])] == ["file-names", "term-rules"]
    with pytest.raises(KeyError):
        named(["file-names", "nope"])
    assert run(load_dataset(DATA)[0], Context(), named(["event-replay"])) == []


def test_check_names_complete_from_the_registry():
    from svo_cli.cli.options import complete_check

    assert complete_check("event-") == ["event-meaning", "event-replay"]
    assert complete_check("") == list(NAMES)


def test_self_tests_in_scope_compute_only_the_named_files_statuses(monkeypatch):
    """register.Context.scope: the self-tests of files outside it are not computed at all (the
    pre-commit hook names one file of the register)."""
    import os

    from conftest import DATA
    from svo_cli import engine, register
    from svo_cli.loader import load_dataset

    dataset, _ = load_dataset(DATA)
    named = next(item for item in dataset.agreements if item.model.expect and item.model.id == "lakarmedverkan")
    calls: list[str] = []
    original = engine.agreement_status
    monkeypatch.setattr(engine, "agreement_status", lambda a, *rest: calls.append(a.id) or original(a, *rest))
    scope = frozenset({os.path.realpath(named.path)})
    assert register.check_expectations(dataset, register.Context(scope=scope)) == []
    assert calls and set(calls) == {"lakarmedverkan"}
    assert len(calls) == len({e.as_of.start for e in named.model.expect})
    calls.clear()
    register.check_expectations(dataset, register.Context())
    assert len(set(calls)) == sum(1 for item in dataset.agreements if item.model.expect)
