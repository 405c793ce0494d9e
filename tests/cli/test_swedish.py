"""Swedish throughout (issue 14): under --lang sv no English word of svo's own reaches the reader in any
command's output over the county's data. Text from the data files (titles, notes, quotes, which may be
English) is taken out before looking."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import CORPUS, DATA, commands_with, formats_of, invoke, options_of, run_of

AS_OF = "2026-11-23"
ENGLISH = re.compile(r"\b(note|notes|first|last|term|terms|notice|meeting|meetings|deadline|deadlines|due|overdue|"
                     r"upcoming|active|expired|superseded|follow-up|followup|assignment|assignments|adoption|every|"
                     r"until|the|and|of|from|by|days|year|years|months|coarse|approximate|assumption|done|"
                     r"open-ended|source|party|parties|principals|adopted|missing|prepared|decision|decide|act|"
                     r"renews|ends|valid|kind|what|date|title|summary|none|nothing|occurrence|owner|continuous|"
                     r"extended|revised|terminated|withdrawal|approx)\b", re.IGNORECASE)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [" ".join(value.split())]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _data_text() -> list[str]:
    found = {s for path in Path(DATA).rglob("*.yaml") for s in _strings(yaml.safe_load(path.read_text("utf-8")))}
    # single words in data are ids and keywords (type: note, stage: prepared): those must be translated
    return sorted((s for s in found if " " in s), key=len, reverse=True)


DATA_TEXT = _data_text()
IDS = sorted([p.stem for p in Path(DATA).rglob("*.yaml")], key=len, reverse=True)


def _leaks(text: str) -> list[str]:
    """English words left once the data's own text, file names and ids are taken out."""
    flat = " ".join(text.split())
    for s in DATA_TEXT + IDS:
        flat = flat.replace(s, " ")
    flat = re.sub(r"\S+\.(txt|ya?ml|pdf|html)\b", " ", flat)
    return sorted({m.group(0) for m in ENGLISH.finditer(flat)})


def _items() -> list[str]:
    return sorted(p.stem for p in (Path(DATA) / "agreements").glob("*.yaml")) + \
        sorted(p.stem for p in (Path(DATA) / "workplans").glob("*.yaml"))


@pytest.mark.parametrize("item", _items())
def test_show_in_swedish_has_no_english(item):
    result = invoke("show", item, "--as-of", AS_OF, "--lang", "sv", env={"COLUMNS": ""})
    assert result.exit_code == 0, result.stderr
    assert _leaks(result.stdout) == []


# Every command's every format for people (JSON, CSV and calendars carry keys, not prose), and a plan
# in its adoption round.
READ_BY_PEOPLE = [[*run_of(c), *(["--format", f] if "--format" in options_of(c) else [])]
                  for c in commands_with("--data", "--output") for f in formats_of(c) if f in ("table", "md", "html")]


@pytest.mark.parametrize("args", [*READ_BY_PEOPLE, ["plans", "--as-of", "2024-05-01"]],
                         ids=lambda a: "-".join(a[:1] + [a[-1]]))
def test_commands_in_swedish_have_no_english(args):
    extra = [] if "--as-of" in args else ["--as-of", AS_OF]
    result = invoke(*args, *extra, "--lang", "sv", env={"COLUMNS": ""})
    assert result.exit_code in (0, 1), result.stderr
    text = result.stdout
    if "--format" in args and "html" in args:
        text = re.sub(r"<style.*?</style>|<[^>]+>", " ", text, flags=re.S)
    assert _leaks(text) == []


def test_every_coarse_date_field_is_named_in_swedish():
    from svo_cli.i18n import explain
    from svo_cli.kinds import Coarse, CoarseField
    from svo_cli.obligations import coarse_dates

    items = [Coarse(field, "vt 2021") for field in CoarseField if field != CoarseField.SUPERSESSION] + \
        [Coarse(CoarseField.SUPERSESSION, "2023", "ny-overenskommelse")]
    sv = explain(coarse_dates(items), "sv")
    en = explain(coarse_dates(items), "en")
    assert en == ", ".join(map(str, items))  # English names the field as the data file writes it
    assert _leaks(sv) == [] and "valid_from" not in sv and "followup_done" not in sv, sv
    assert sv.count("vt 2021") == len(items) - 1 and "ny-overenskommelse" in sv


LIBRARY_ENGLISH = re.compile(r"Input should|valid (integer|list|dictionary)|while (scanning|parsing)|mapping values|"
                             r"could not find|did not find|unexpected end|' or '|\bexpected\b|\bgot\b|wrong type|"
                             r"Jan-30 Jun|with unit")


@pytest.mark.parametrize("path", sorted((CORPUS).rglob("*.yaml")),
                         ids=lambda p: p.stem)
def test_validation_findings_are_swedish_under_lang_sv(path, tmp_path):
    """Every finding of the corpus in svo's own Swedish words: nothing from pydantic or PyYAML."""
    result = invoke("validate", str(path), "--lang", "sv", "--data", str(DATA), "--as-of", AS_OF)
    findings = [line for line in result.stdout.splitlines() if re.search(r": (fel|varning): SVO", line)
                or line.lstrip().startswith("= tips:")]
    leaked = [line for line in findings if LIBRARY_ENGLISH.search(line.split("SVO", 1)[-1])]
    assert leaked == []


def test_an_unquoted_title_with_a_colon_gets_the_hint_to_quote_it(tmp_path):
    bad = tmp_path / "x.yaml"
    bad.write_text("id: x\ntitle: Avtal: om vård\n", encoding="utf-8")
    result = invoke("validate", str(bad), "--lang", "sv", "--data", str(DATA))
    assert result.exit_code == 1
    assert "ett ':' följt av mellanslag mitt i ett värde" in result.stdout
    assert 'sätt värdet inom citattecken: title: "Avtal: om vård"' in result.stdout
