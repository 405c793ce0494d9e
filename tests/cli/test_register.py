"""The register's own checks (SVO401–SVO407): one reproducer each, asserting the exact findings, and the
quote rules as properties."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import DATA, REPO, invoke
from svo_cli.register import normalise, verify_quote

SEEDS = REPO.parent / "shared" / "seeds"
DOC = "Överenskommelsen gäller från och med 2018-01-01 till och med 2021-12-31. Senast tolv\n" \
      "månader innan avtalstiden löper ut har part möjlighet att säga upp överens-\nkommelsen. Om ingen part"


# --------------------------------------------------------------------------- the quote rules


def test_a_verbatim_quote_with_other_whitespace_is_found():
    assert verify_quote("gäller från och med   2018-01-01 till och\nmed 2021-12-31.", DOC) is None


def test_omissions_and_hyphenation_at_a_line_break():
    assert verify_quote("Överenskommelsen gäller […] Senast tolv månader […] säga upp överenskommelsen.", DOC) is None
    assert verify_quote("säga upp överens- kommelsen", DOC) is None  # as printed, too


def test_parts_must_come_in_order():
    assert verify_quote("Senast tolv […] Överenskommelsen gäller", DOC) is not None


@pytest.mark.parametrize("quote, matched, rest", [
    ("till och med 2021-12-31 Senast", "till och med 2021-12-31", "Senast"),  # a period left out
    ('gäller "från" och med', "gäller", '"från" och med'),  # straight quotes for none
    ("Överenskommelsen gäller från och med 2018-01-01 (Bilaga 1)", "Överenskommelsen gäller från och med 2018-01-01",
     "(Bilaga 1)"),
])
def test_where_the_match_stops(quote, matched, rest):
    mismatch = verify_quote(quote, DOC)
    assert mismatch is not None and (mismatch.matched, mismatch.rest) == (matched, rest)


@given(st.data())
def test_any_excerpt_of_a_document_is_found_whatever_its_whitespace(data):
    words = data.draw(st.lists(st.text("abcåäö.,-”1", min_size=1, max_size=6), min_size=3, max_size=30))
    document = " ".join(words)
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i + 1, len(words)))
    spaces = data.draw(st.sampled_from([" ", "  ", "\n", " \n  "]))
    assert verify_quote(spaces.join(words[i:j]), document) is None


@given(st.lists(st.text("abcdef", min_size=1, max_size=5), min_size=2, max_size=20), st.data())
def test_a_changed_character_is_never_found(words, data):
    document = " ".join(words)
    quote = document
    k = data.draw(st.integers(0, len(quote) - 1))
    changed = quote[:k] + "X" + quote[k + 1:]
    assert verify_quote(changed, document) is not None


def test_normalise():
    assert normalise("  a \n\t b  ") == "a b"


# --------------------------------------------------------------------------- reproducers


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def findings(data: Path, *args: str) -> list[tuple[str, str, int, int]]:
    import json

    result = invoke("validate", "--data", str(data), "--as-of", "2026-11-23", "--format", "json", *args)
    doc = json.loads(result.stdout)
    return sorted((f["code"], Path(f["path"]).name, f["line"], f["column"]) for f in doc["findings"])


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are beside the repository")
def test_svo401_a_quote_that_is_not_verbatim(data):
    path = data / "agreements" / "placerade-barn-och-unga.yaml"
    _replace(path, "    2020-06-01 till 2022-12-31 Uppsägning", "    2020-06-01 till 2022-12-31. Uppsägning")  # a period
    line = _line_of(path, "  quote: >-")
    assert findings(data, "--sources", str(SEEDS)) == [("SVO401", path.name, line, 10)]


def test_svo402_a_document_not_in_the_register(data):
    path = data / "agreements" / "lakarmedverkan.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.startswith("source:")) + 1
    assert lines[line - 1].strip().startswith("document:")
    lines[line - 1] = "  document: 999_unknown.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert findings(data) == [("SVO402", path.name, line, 13)]


def test_svo403_a_document_missing_from_the_sources_directory(data, tmp_path):
    empty = tmp_path / "seeds"
    empty.mkdir()
    found = findings(data, "--sources", str(empty))
    assert found and {code for code, *_ in found} == {"SVO403"}


def test_svo404_an_event_without_provenance(data):
    path = data / "agreements" / "korttidsvistelse-lss.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("\nsource:", "\nevents:\n  - {date: 2025-01-01, type: note, note: x}\nsource:", 1) \
        if "\nevents:" not in text else text
    path.write_text(text, encoding="utf-8")
    line = _line_of(path, "- {date: 2025-01-01")
    assert findings(data) == [("SVO404", path.name, line, 5)]


def test_svo405_no_last_verified(data):
    path = data / "agreements" / "korttidsvistelse-lss.yaml"
    text = "\n".join(li for li in path.read_text(encoding="utf-8").splitlines() if not li.startswith("last_verified"))
    path.write_text(text + "\n", encoding="utf-8")
    assert findings(data) == [("SVO405", path.name, 1, 1)]


def test_svo406_verified_too_long_ago(data):
    path = data / "agreements" / "korttidsvistelse-lss.yaml"
    _replace(path, "last_verified: 2026-11-27", "last_verified: 2024-01-10")
    line = _line_of(path, "last_verified")
    assert findings(data) == [("SVO406", path.name, line, 16)]
    assert findings(data, "--max-age", "36") == []


@pytest.mark.parametrize("file, old, new, column, command, says", [
    ("agreements/lakarmedverkan.yaml", "    status: active\n    term: 1\n", "    status: active\n    term: 2\n", 11,
     "status", "term is 1, expected 2"),
    ("workplans/svo-arbetsplan-2026-2027.yaml", "    adopted: 0\n", "    adopted: 1\n", 14,
     "plans", "adopted is 0, expected 1"),
], ids=["agreement", "work-plan"])
def test_svo407_a_self_test_that_fails(data, file, old, new, column, command, says):
    path = data / file
    _replace(path, old, new)
    line = _line_of(path, new.splitlines()[-1])
    assert findings(data) == [("SVO407", path.name, line, column)]
    result = invoke(command, "--data", str(data), "--as-of", "2026-11-23")
    assert result.exit_code == 1 and "SVO407" in result.stderr and says in result.stderr  # a data error everywhere


def test_every_field_of_a_work_plan_self_test_is_checked_at_its_key(data):
    # On 2017-04-28 the plan of 2017-2018 has 21 open assignments, none overdue or done, and no adoption list.
    path = data / "workplans" / "svo-arbetsplan-2017-2018.yaml"
    _replace(path, "    next_meeting: 2017-04-28\n", "    next_meeting: 2017-04-28\n    required: 14\n"
             "    adoption_overdue: false\n    assignments_open: 21\n    assignments_overdue: 1\n"
             "    assignments_done: 0\n")
    assert findings(data) == sorted([("SVO407", path.name, _line_of(path, "    required:"), 15),
                                     ("SVO407", path.name, _line_of(path, "    adoption_overdue:"), 23),
                                     ("SVO407", path.name, _line_of(path, "    assignments_overdue:"), 26)])
    _replace(path, "    next_meeting: 2017-04-28\n", "    next_meeting: 2017-04-29\n")
    assert ("SVO407", path.name, _line_of(path, "    next_meeting:"), 19) in findings(data)


def test_a_work_plan_self_test_names_the_missing_principals_in_any_order_or_by_group(data):
    path = data / "workplans" / "svo-arbetsplan-2026-2027.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    missing: [")
    end = text.index("]", start) + 1
    path.write_text(text[:start] + "    missing: [alla-huvudman]" + text[end:], encoding="utf-8")
    assert findings(data) == []
    _replace(path, "    missing: [alla-huvudman]", "    missing: [region-ostergotland]")
    assert findings(data) == [("SVO407", path.name, _line_of(path, "    missing:"), 14)]


def test_the_county_data_passes_every_register_check():
    assert findings(DATA, "--strict", *(["--sources", str(SEEDS)] if SEEDS.is_dir() else [])) == []


def test_freshness_is_relative_to_the_date():
    import json

    result = invoke("validate", "--data", str(DATA), "--as-of", str(date(2028, 6, 1)), "--format", "json")
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert codes == {"SVO406"}


def test_results_resting_on_an_assumption_say_so():
    import json

    doc = json.loads(invoke("deadlines", "--as-of", "2026-11-23", "--within", "400", "--format", "json").stdout)
    by_followup = {(r["id"], r["followup"]): r["assumed"] for r in doc["deadlines"] if r["followup"]}
    assert by_followup[("lakarmedverkan", "var-tredje-ar")] is True  # "var tredje år" counted from 2022: assumed
    adoption = [r for r in doc["deadlines"] if r["kind"] == "adoption"]
    assert adoption and all(r["assumed"] for r in adoption)  # adoption.due 2026 is an assumption
    table = invoke("deadlines", "--as-of", "2026-11-23", "--within", "400", "--lang", "sv").stdout
    assert "[antagande]" in table and "[antagande] markerar" in table


# --------------------------------------------------------------------------- facts supported by quotes (SVO408)


@pytest.mark.parametrize("text, measure", [
    ("Senast tolv månader innan avtalstiden löper ut", (12, 0, 0)),
    ("förlängs den med två år i taget", (24, 0, 0)),
    ("Uppsägningstid 1 år.", (12, 0, 0)),
    ("Uppsägningstid är ett år från uppsägningsdatum", (12, 0, 0)),
    ("Uppföljning ska ske var tredje år", (36, 0, 0)),
    ("revidering av planen görs vartannat år", (24, 0, 0)),
    ("ska årligen följas upp", (12, 0, 0)),
    ("halvårsvis redovisa hur verksamheten fungerar", (6, 0, 0)),
    ("inom 5 arbetsdagar", (0, 0, 5)),
    ("i slutet av varje mandatperiod", (48, 0, 0)),
])
def test_durations_stated_in_digits_or_swedish_words(text, measure):
    from svo_cli.register import stated_durations

    assert measure in stated_durations(text)


def test_a_number_without_a_unit_states_no_duration():
    from svo_cli.register import stated_durations

    assert stated_durations("Överenskommelsen gäller från och med 2018-01-01 av tolv parter") == set()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are beside the repository")
@pytest.mark.parametrize("old, new, key, column", [
    # F11's reproducer: terms that no quote states
    ("valid_until: 2021-12-31", "valid_until: 2029-12-31", "valid_until:", 14),
    ("  before_end: 12 months", "  before_end: 9 months", "  before_end:", 15),
    ("  every: 2 years", "  every: 3 years", "  every: 3 years", 10),
    ("valid_from: 2018-01-01", "valid_from: 2017-01-01", "valid_from:", 13),
    ("    every: 1 year", "    every: 3 years", "    every: 3 years", 12),
])
def test_svo408_a_fact_no_quote_of_the_file_states(data, old, new, key, column):
    path = data / "agreements" / "missbruk-psykisk-funktionsnedsattning.yaml"
    _replace(path, old, new)
    assert [f for f in findings(data, "--sources", str(SEEDS)) if f[0] != "SVO407"] == [
        ("SVO408", path.name, _line_of(path, key), column)]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are beside the repository")
def test_svo408_is_an_error_under_strict_and_says_what_to_do(data):
    path = data / "agreements" / "lakarmedverkan.yaml"
    _replace(path, "  period: 1 year", "  period: 5 years")
    result = invoke("validate", "--data", str(data), "--as-of", "2026-11-23", "--strict", "--sources", str(SEEDS),
                    "--lang", "sv")
    assert result.exit_code == 1
    assert "fel: SVO408 uppsägningstiden '5 years' står inte i något citat" in result.stdout
    assert "notice.assumed" in result.stdout


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are beside the repository")
def test_an_assumed_fact_needs_no_quote(data):
    path = data / "agreements" / "lakarmedverkan.yaml"
    _replace(path, "  period: 1 year", "  period: 5 years\n  assumed: Klausulen läses som fem år.")
    assert findings(data, "--sources", str(SEEDS)) == []
    _replace(path, "valid_from: 2022-01-01", "valid_from: 2021-01-01\nassumed:\n  valid_from: Ett antagande.")
    assert findings(data, "--sources", str(SEEDS)) == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are beside the repository")
def test_a_fact_may_cite_a_table_cell_in_a_list_of_quotes(data):
    path = data / "agreements" / "lakarmedverkan.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  quote: >-\n", text.index("\nsource:"))
    end = text.index("expect:", start)
    path.write_text(text[:start] + '  quote:\n    - "2022-01-01 och tills vidare"\n'
                    '    - "Uppföljning ska ske var tredje år eller tidigare vid behov."\n' + text[end:],
                    encoding="utf-8")
    assert findings(data, "--sources", str(SEEDS)) == [
        ("SVO408", path.name, _line_of(path, "  period: 1 year"), 11)]  # the notice's cell is not quoted
    _replace(path, '    - "Uppföljning ska', '    - "Uppsägningstid är ett år från uppsägningsdatum."\n    - "Uppföljning ska')
    assert findings(data, "--sources", str(SEEDS)) == []
    _replace(path, '    - "2022-01-01 och tills vidare"', '    - "2022-01-01 och tills vidare gäller"')
    line = _line_of(path, "och tills vidare gäller")
    assert findings(data, "--sources", str(SEEDS)) == [("SVO401", path.name, line, 7)]  # each cell checked


def test_the_supported_fact_check_needs_the_sources(data):
    path = data / "agreements" / "lakarmedverkan.yaml"
    _replace(path, "  period: 1 year", "  period: 5 years")
    assert findings(data) == []


# --------------------------------------------------------------------------- events after the day (SVO409)


def test_svo409_an_event_dated_after_the_as_of_day(data):
    """F10: a notice dated 2027-02-01 (a year typo) passed --strict with 0 warnings."""
    path = data / "agreements" / "korttidsvistelse-lss.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nevents:" not in text
    path.write_text(text.replace("\nsource:", "\nevents:\n  - date: 2027-02-01\n    type: note\n    note: x\n"
                                 "    assumed: x\nsource:", 1), encoding="utf-8")
    line = _line_of(path, "  - date: 2027-02-01")
    assert findings(data) == [("SVO409", path.name, line, 11)]
    result = invoke("validate", "--data", str(data), "--as-of", "2027-02-01", "--strict")
    assert result.exit_code == 0, result.stdout  # on its day it is a record like any other


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are beside the repository")
def test_a_follow_ups_source_and_a_lead_in_meetings_have_their_quotes_checked(data):
    path = data / "agreements" / "missbruk-psykisk-funktionsnedsattning.yaml"
    _replace(path, 'med start år 2019"', 'med start år 2018"')
    _replace(path, 'beslut fattas nästkommande möte."', 'beslut fattas vid nästa möte."')
    assert findings(data, "--sources", str(SEEDS)) == sorted([
        ("SVO401", path.name, _line_of(path, "med start år 2018"), 14),
        ("SVO401", path.name, _line_of(path, "beslut fattas vid nästa möte"), 14)])
