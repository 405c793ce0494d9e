"""Broken data files: each file in tests/corpus names, on its first line, the finding it must give."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import BENCHMARKS, CORPUS, DATA, REPO, TESTS, invoke
from svo_cli.loader import load_dataset, load_files
from svo_cli.validate import validate
from svo_cli.yamlfile import read_yaml_file

EXPECT = re.compile(r"# expect: (ok|SVO\d{3} \d+:\d+(?:, SVO\d{3} \d+:\d+)*)\s*$")
FINDING = re.compile(r"(SVO\d{3}) (\d+):(\d+)")


def _expectation(path: Path) -> re.Match:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "utf-16", "latin-1"):
        try:
            first = raw.decode(encoding).splitlines()[0]
        except (UnicodeDecodeError, IndexError):
            continue
        if m := EXPECT.search(first):
            return m
    raise AssertionError(f"{path.name} has no '# expect:' line")


def findings_for(path: Path):
    dataset, diagnostics, asked = load_files([path], DATA)
    return [d for d in diagnostics + validate(dataset) if d.path in asked]


CORPUS_FILES = sorted(CORPUS.rglob("*.yaml"))  # agreements; workplans/ are work plans; parties/*/ parties files


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: str(p.relative_to(CORPUS).with_suffix("")))
def test_corpus_file_gives_its_expected_finding(path):
    expected = _expectation(path)
    found = findings_for(path)
    if expected.group(1) == "ok":
        assert [d for d in found if d.is_error] == []
        return
    wanted = sorted((c, int(li), int(co)) for c, li, co in FINDING.findall(expected.group(1)))
    # Exactly these findings: a new spurious finding fails the test too.
    assert sorted((d.code, d.line, d.column) for d in found) == wanted, found
    for d in found:
        assert d.message and d.path.endswith(path.name)


# Codes that need more than one file to show (a directory, a register, a sources directory): the test
# that reproduces each, asserting its exact finding.
REPRODUCED_BY_A_TEST = {
    "SVO001": "unit/test_loader_and_validate.py::test_unreadable_file_is_a_located_finding",
    "SVO009": "unit/test_loader_and_validate.py::test_file_over_the_size_limit",
    "SVO112": "cli/test_contacts.py::test_a_bad_address_is_a_located_finding",
    "SVO205": "unit/test_loader_and_validate.py::test_duplicate_ids_and_supersede_cycles",
    "SVO221": "cli/test_contacts.py::test_a_duplicate_address_is_a_located_finding",
    "SVO301": "unit/test_loader_and_validate.py::test_data_directory_without_parties",
    "SVO302": "unit/test_data_directory.py::test_no_agreements_directory_is_an_error",
    "SVO303": "unit/test_data_directory.py::test_other_files_are_named_in_a_warning",
    "SVO304": "unit/test_data_directory.py::test_a_symlink_out_of_the_data_directory_is_refused_without_showing_the_target",
    "SVO401": "cli/test_register.py::test_svo401_a_quote_that_is_not_verbatim",
    "SVO402": "cli/test_register.py::test_svo402_a_document_not_in_the_register",
    "SVO403": "cli/test_register.py::test_svo403_a_document_missing_from_the_sources_directory",
    "SVO404": "cli/test_register.py::test_svo404_an_event_without_provenance",
    "SVO405": "cli/test_register.py::test_svo405_no_last_verified",
    "SVO406": "cli/test_register.py::test_svo406_verified_too_long_ago",
    "SVO407": "cli/test_register.py::test_svo407_a_self_test_that_fails",
    "SVO408": "cli/test_register.py::test_svo408_a_fact_no_quote_of_the_file_states",
    "SVO409": "cli/test_register.py::test_svo409_an_event_dated_after_the_as_of_day",
    "SVO256": "unit/test_minutes.py::test_svo256_a_follow_up_of_an_item_already_closed",
}


def test_every_documented_finding_code_has_a_reproducer():
    """A corpus file whose first line names the code, or a named test that asserts it."""
    documented = set(re.findall(r"\| (SVO\d{3}) \|", (REPO / "docs" / "errors.md").read_text(encoding="utf-8")))
    in_corpus = {code for path in CORPUS_FILES for code, _, _ in FINDING.findall(_expectation(path).group(0))}
    for code, where in REPRODUCED_BY_A_TEST.items():
        file, name = where.split("::")
        text = (TESTS / file).read_text(encoding="utf-8")
        assert f"def {name}(" in text and code in text.split(f"def {name}(")[1].split("\ndef ")[0], where
    assert sorted(documented - in_corpus - set(REPRODUCED_BY_A_TEST)) == []


def test_yaml_11_words_and_dates_stay_text_where_text_is_expected():
    dataset, _, _ = load_files([CORPUS / "yes-as-title.yaml"], DATA)
    a = dataset.agreements[0].model
    assert a.title == "no" and a.notes == "2020-01-01" and a.source.quote == "on"


def test_bom_and_crlf_are_accepted():
    dataset, diagnostics, _ = load_files([CORPUS / "bom-crlf.yaml"], DATA)
    assert diagnostics == [] and dataset.agreements[0].model.title == "Överenskommelse"


def test_alias_bomb_is_refused_without_expanding(tmp_path):
    # Nine levels of nine-fold aliases would expand to 387 million items if constructed.
    lines = ['a0: &a0 ["lol"]'] + [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 10)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    document, diagnostics = read_yaml_file(path)
    assert document is None and diagnostics[0].code == "SVO005"


def test_directory_named_like_a_data_file(tmp_path):
    (tmp_path / "x.yaml").mkdir()
    _, diagnostics = read_yaml_file(tmp_path / "x.yaml")
    assert diagnostics[0].code == "SVO001"


def test_symlink_loop(tmp_path):
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    _, diagnostics = read_yaml_file(loop)
    assert diagnostics[0].code == "SVO001" and "symlink loop" in diagnostics[0].message


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("notes: " + "x" * (2 * 1024 * 1024) + "\n")
    _, diagnostics = read_yaml_file(path)
    assert diagnostics[0].code == "SVO009"


def test_data_directory_without_parties(tmp_path):
    (tmp_path / "agreements").mkdir()
    _, diagnostics = load_dataset(tmp_path)
    assert [d.code for d in diagnostics] == ["SVO301"]


def test_duplicate_ids_and_supersede_cycles(tmp_path):
    (tmp_path / "agreements").mkdir()
    (tmp_path / "parties.yaml").write_text((DATA / "parties.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    body = "title: T\nkind: avtal\nparties: [region-ostergotland]\nvalid_from: 2020-01-01\nsource: {document: x, quote: q}\n"
    (tmp_path / "agreements" / "a.yaml").write_text("id: a\nsupersedes: [b]\n" + body)
    (tmp_path / "agreements" / "b.yaml").write_text("id: b\nsupersedes: [a]\n" + body)
    (tmp_path / "agreements" / "c.yaml").write_text("id: a\n" + body)
    dataset, diagnostics = load_dataset(tmp_path)
    codes = [d.code for d in diagnostics + validate(dataset)]
    assert codes.count("SVO205") == 1
    assert codes.count("SVO202") == 2
    assert "SVO201" in codes  # c.yaml holds id 'a'


def test_an_agreement_and_a_work_plan_sharing_an_id(tmp_path):
    """SVO202 at the `id:` of both files: `svo show ID` can show only one of them."""
    from conftest import invoke

    (tmp_path / "agreements").mkdir()
    (tmp_path / "workplans").mkdir()
    (tmp_path / "parties.yaml").write_text((DATA / "parties.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "agreements" / "a.yaml").write_text(
        "id: a\ntitle: Avtalet\nkind: avtal\nparties: [region-ostergotland]\nvalid_from: 2020-01-01\n"
        "source: {document: x, quote: q}\n")
    (tmp_path / "workplans" / "a.yaml").write_text(
        "title: Planen\nid: a\nbody: SVO\nperiod: {from: 2024-01-01, until: 2025-12-31}\n"
        "source: {document: x, quote: q}\n")
    dataset, diagnostics = load_dataset(tmp_path)
    found = [(d.code, Path(d.path).parent.name, d.line, d.column, d.message)
             for d in diagnostics + validate(dataset) if d.is_error]
    assert found == [
        ("SVO202", "agreements", 1, 5, f"agreement id 'a' is also the id of a work plan ({tmp_path / 'workplans' / 'a.yaml'})"),
        ("SVO202", "workplans", 2, 5, f"work-plan id 'a' is also the id of an agreement ({tmp_path / 'agreements' / 'a.yaml'})"),
    ]
    # `svo show a` still shows one (the plan) and says why the other is not shown.
    result = invoke("show", "a", "--data", str(tmp_path), "--as-of", "2024-06-01")
    assert result.exit_code == 1 and "Planen" in result.stdout and "Avtalet" not in result.stdout
    assert result.stderr.count("SVO202") == 2


def test_every_finding_code_in_the_source_is_documented():
    src = (REPO / "src" / "svo_cli")
    used = set()
    for path in src.rglob("*.py"):
        used |= set(re.findall(r'"(SVO\d{3})"', path.read_text(encoding="utf-8")))
    documented = set(re.findall(r"\| (SVO\d{3}) \|", (src.parent.parent / "docs" / "errors.md").read_text(encoding="utf-8")))
    assert used and used <= documented, sorted(used - documented)


def test_parallel_loading_gives_the_same_result_as_serial(tmp_path, monkeypatch):
    import svo_cli.loader as loader

    monkeypatch.setattr(loader, "PARALLEL_FROM_FILES", 1)
    monkeypatch.setattr(loader, "CHUNK_FILES", 3)
    (tmp_path / "agreements").mkdir()
    (tmp_path / "parties.yaml").write_text((DATA / "parties.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for p in sorted((DATA / "agreements").glob("*.yaml")):
        (tmp_path / "agreements" / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "agreements" / "broken.yaml").write_text("id: broken\nid: twice\n", encoding="utf-8")
    serial, serial_diags = loader.load_dataset(tmp_path, jobs=1)
    parallel, parallel_diags = loader.load_dataset(tmp_path, jobs=2)
    assert [a.model for a in parallel.agreements] == [a.model for a in serial.agreements]
    assert parallel_diags == serial_diags and parallel_diags[0].code == "SVO004"
    late = parallel.agreements[0]
    assert late.source_map.value(("id",)) == serial.agreements[0].source_map.value(("id",))


def test_unreadable_file_is_a_located_finding(tmp_path, monkeypatch):
    """The OS refusing to read a file (permissions; simulated, since tests may run as root)."""
    path = tmp_path / "locked.yaml"
    path.write_text("id: locked\n", encoding="utf-8")
    real_open = os.open

    def refuse(name, *args, **kwargs):
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    document, diagnostics = read_yaml_file(path)
    assert document is None
    assert (diagnostics[0].code, diagnostics[0].message) == ("SVO001", "cannot read file: Permission denied")


# --------------------------------------------------------------------------- one round, hints that point (F10)


def test_one_round_reports_every_mistake_of_a_file_with_the_value_meant(tmp_path):
    """F10: a new agreement with typical mistakes took three commits to fix, and some hints pointed the
    wrong way. Now one round gives every finding, each with what was meant."""
    import json
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "agreements" / "lakarmedverkan.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("parties: [region-ostergotland, kommunerna-i-ostergotland]",
                        "parties: [region-ostergotland, norrkopings-kommun, Valdemarsvik, linköping]")
    text = text.replace("valid_until: tills vidare", "valid_untill: 1 januari 2027")
    text = text.replace("  period: 1 year", "  period: 12 mån")
    path.write_text(text, encoding="utf-8")
    doc = json.loads(invoke("validate", "--data", str(data), "--format", "json").stdout)
    got = [(f["path"].rsplit("/", 1)[-1], f["code"], f["hint"]) for f in doc["findings"]]
    assert got == [
        ("lakarmedverkan.yaml", "SVO203", "did you mean 'norrkoping'?"),  # by the party's name
        ("lakarmedverkan.yaml", "SVO103", "did you mean 'valdemarsvik'?"),
        ("lakarmedverkan.yaml", "SVO103", "did you mean 'linkoping'?"),
        ("lakarmedverkan.yaml", "SVO101", "did you mean 'valid_until'?"),
        ("lakarmedverkan.yaml", "SVO110", "did you mean '2027-01-01'?"),  # the misspelt key's value, same round
        ("lakarmedverkan.yaml", "SVO111", "did you mean '12 months'?"),
    ]  # and no SVO204 from the plans that list the agreement: it exists, it did not load


@pytest.mark.parametrize("text, meant", [("12 mån", "12 months"), ("tolv månder", "12 months"),
                                         ("1 å", "1 year"), ("5 arbetsd", "5 working days"), ("P1X", None)])
def test_a_duration_hint_names_the_duration_meant(text, meant):
    from svo_cli.dates import DurationError, parse_duration

    with pytest.raises(DurationError) as caught:
        parse_duration(text)
    assert caught.value.meant == meant


@pytest.mark.parametrize("text, meant", [("1 januari 2027", "2027-01-01"), ("januari 2027", "2027-01"),
                                         ("31.12.2026", "2026-12-31"), ("30 februari 2027", None),
                                         ("nästa år", None)])
def test_a_date_spec_hint_names_the_spec_meant(text, meant):
    from svo_cli.dates import DateSpecError, parse_date_spec

    with pytest.raises(DateSpecError) as caught:
        parse_date_spec(text)
    assert caught.value.meant == meant


def test_a_finding_inside_a_union_points_at_the_files_own_key(tmp_path, monkeypatch):
    """A quote may be text or a list of texts: pydantic names the union's member in its location
    ('quote', 'constrained-str'); the finding points at the quote itself (found by the fuzz test)."""
    import shutil

    from svo_cli.loader import load

    shutil.copytree(DATA, tmp_path / "data")
    path = tmp_path / "data" / "agreements" / "gemensam-plan-primarvard.yaml"
    text = path.read_text(encoding="utf-8")
    assert "      quote: " in text
    path.write_text(text.replace("      quote: ", "      quote: []\n      note_: ", 1), encoding="utf-8")
    _, diags = load(tmp_path / "data")
    quote = [d for d in diags if d.code in ("SVO103", "SVO104")]
    assert quote and all(d.line > 1 for d in quote)


def test_a_files_stem_is_pathlibs_without_a_path_object():
    """`stem` (the id a file should hold) is string arithmetic, as pathlib's suffix and stem are."""
    from svo_cli.loader import YAML_SUFFIXES, stem

    for name in ("x.yaml", "..yaml", ".yaml", "a..yaml", "x.yaml.", "X.YML", "d/y.Yaml", "d.yaml/x", "x",
                 "a.b.yml", ".x.yaml", "é.yaml"):
        path = Path(name)
        assert stem(name) == stem(path) == (path.stem if path.suffix.lower() in YAML_SUFFIXES else path.name)


def test_per_file_checks_run_while_loading_give_what_the_check_gives(tmp_path, monkeypatch):
    """The event replay, run by the loader on each agreement as it is built while the workers parse the
    next files (issue 26), finds what the check finds after loading, in the same order, on the model as
    the dataset holds it (settled while loading: the same models as settled after)."""
    import sys

    import svo_cli.loader as loader
    from svo_cli.validate import EVENT_REPLAY, check_event_replay

    sys.path.insert(0, str(BENCHMARKS))
    from generate import generate

    data = generate(240, tmp_path / "data")
    monkeypatch.setattr(loader, "PARALLEL_FROM_FILES", 1)
    monkeypatch.setattr(loader, "CHUNK_FILES", 50)
    serial, serial_diags = loader.load_dataset(data, jobs=1)
    parallel, parallel_diags = loader.load(data, jobs=2, file_checks=(EVENT_REPLAY,))
    assert parallel_diags == serial_diags
    assert all(item.checked_by("event-replay") is None for item in serial.agreements)
    assert all(item.checked_by("event-replay") is not None for item in parallel.agreements)
    assert [a.model for a in parallel.agreements] == [a.model for a in serial.agreements]
    found = check_event_replay(parallel)
    assert found == check_event_replay(serial) and {d.code for d in found} >= {"SVO208"}
