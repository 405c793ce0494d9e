"""svo calendar (re-parsed with icalendar) and svo schema (every real file validates against it)."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
import yaml
from icalendar import Calendar

from conftest import DATA, REPO, hostile_data, svo
from svo_cli.schema import KINDS, json_schema


def calendar_of(*args: str) -> Calendar:
    result = svo("calendar", *args)
    assert result.returncode == 0, result.stderr
    return Calendar.from_ical(result.stdout)


def events(cal: Calendar) -> list:
    return [c for c in cal.walk() if c.name == "VEVENT"]


@pytest.mark.rule(id="19")
@pytest.mark.rule(id="8b")
def test_calendar_has_every_deadline_as_an_all_day_event_with_a_reminder():
    cal = calendar_of("--as-of", "2026-11-23", "--until", "2027-12-31")
    found = events(cal)
    doc = json.loads(svo("deadlines", "--as-of", "2026-11-23", "--until", "2027-12-31", "--format", "json").stdout)
    rows = doc["deadlines"]
    adoptions = {(r["id"], r["date"]) for r in rows if r["kind"] == "adoption"}
    # One event per obligation; a plan's adoption is one event, not one per principal; and one on the
    # decide-by day of each row that needs board decisions while someone is undecided (rule 19).
    deciding = {(r["id"], r["date"]) for r in rows if r["undecided"] and r["decide_by"] <= "2027-12-31"}
    decide_events = [e for e in found if str(e["SUMMARY"]).startswith("Boards decide by:")]
    assert len(decide_events) == len(deciding) == 5
    # follow-ups without a record (rule 8b) are nothing to act on: no event
    assert len(found) - len(decide_events) == len([r for r in rows if r["kind"] != "adoption"
                                                   and r["status"] != "unrecorded"]) + len(adoptions) > 20
    assert sum("Adopt the work plan" in str(e["SUMMARY"]) for e in found) == len(adoptions)
    uids = [str(e["UID"]) for e in found]
    assert len(set(uids)) == len(uids)
    notice = next(e for e in found if "Last day to give notice" in str(e["SUMMARY"])
                  and "missbruk" in str(e["DESCRIPTION"]))
    assert notice.decoded("DTSTART") == date(2026, 12, 30)  # the day to act: the 31st is nyårsafton
    assert notice.decoded("DTEND") == date(2026, 12, 31)
    assert "Act by: 30 December 2026" in str(notice["DESCRIPTION"])
    assert "Deadline: 31 December 2026" in str(notice["DESCRIPTION"])
    legal = next(e for e in events(calendar_of("--as-of", "2026-11-23", "--until", "2027-12-31", "--on", "deadline"))
                 if str(e["UID"]) == str(notice["UID"]))
    assert legal.decoded("DTSTART") == date(2026, 12, 31)
    assert "002_b651ba93a14b073c.txt" in str(notice["DESCRIPTION"])
    (alarm,) = [c for c in notice.walk() if c.name == "VALARM"]
    assert alarm.decoded("TRIGGER") == timedelta(days=-14)


def test_uids_are_stable_across_runs_on_different_days():
    early = {str(e["UID"]): e.decoded("DTSTART") for e in events(calendar_of("--as-of", "2026-11-01", "--until", "2027-12-31"))}
    later = {str(e["UID"]): e.decoded("DTSTART") for e in events(calendar_of("--as-of", "2026-11-23", "--until", "2027-12-31"))}
    shared = set(early) & set(later)
    assert len(shared) > 20
    assert all(early[u] == later[u] for u in shared)


def test_remind_and_language_and_output(tmp_path):
    target = tmp_path / "svo.ics"
    assert svo("calendar", "--as-of", "2026-11-23", "--within", "60", "--remind", "0", "--lang", "sv",
               "-o", str(target)).returncode == 0
    cal = Calendar.from_ical(target.read_bytes())
    assert str(cal["X-WR-CALNAME"]) == "svo – tidsgränser"
    assert all(not [c for c in e.walk() if c.name == "VALARM"] for e in events(cal))
    assert any(str(e["SUMMARY"]).startswith("Sista dag att säga upp") for e in events(cal))


def test_calendar_text_is_escaped(tmp_path):
    data = str(hostile_data(tmp_path))
    raw = svo("calendar", "--data", data, "--as-of", "2026-11-23", "--within", "30").stdout
    cal = Calendar.from_ical(raw)
    event = next(e for e in events(cal) if "hostile" in str(e["DESCRIPTION"]))
    assert str(event["SUMMARY"]).endswith('=HYPERLINK("http://evil") | [bold red]x[/] <script>alert(1)</script>')
    assert len([line for line in raw.splitlines() if line.startswith("BEGIN:VEVENT")]) == len(events(cal))


# ---------------------------------------------------------------- schema


class Yaml12(yaml.SafeLoader):
    """How editors read YAML (1.2 core schema): no timestamps, only true/false as booleans."""


Yaml12.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
Yaml12.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_matches_the_models(kind):
    committed = json.loads((REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(json_schema(kind))), "run: svo schema KIND -o schema/KIND.schema.json"


def _files():
    yield "parties", DATA / "parties.yaml"
    for p in sorted((DATA / "agreements").glob("*.yaml")):
        yield "agreement", p
    for p in sorted((DATA / "workplans").glob("*.yaml")):
        yield "workplan", p


@pytest.mark.parametrize("kind, path", list(_files()), ids=lambda v: getattr(v, "name", v))
def test_every_real_data_file_validates_against_its_schema(kind, path):
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(json_schema(kind))
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12)
    errors = sorted(validator.iter_errors(document), key=str)
    assert errors == []
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# yaml-language-server: $schema=") and first_line.endswith(f"{kind}.schema.json")


def test_schema_catches_typing_mistakes():
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(json_schema("agreement"))
    bad = {"id": "x", "title": "T", "kind": "kontrakt", "parties": ["a"], "valid_from": "2023-13",
           "source": {"document": "d"}, "valid_untill": "2024"}
    messages = " ".join(e.message for e in validator.iter_errors(bad))
    assert "kontrakt" in messages and "valid_untill" in messages


def test_schema_command():
    doc = json.loads(svo("schema").stdout)
    assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema" and "valid_from" in doc["properties"]
    assert "period" in json.loads(svo("schema", "workplan").stdout)["properties"]
    assert svo("schema", "nonsense").returncode == 2
