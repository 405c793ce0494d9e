"""Rule 8b: no record is its own state (issue 24 item 1). A follow-up due before the register's records
begin, with no record, is counted in every output, listed in JSON with status `unrecorded`, never overdue,
and never fails the check."""

from __future__ import annotations

import json

import pytest

from conftest import bare_data, invoke

COUNTY = ("--as-of", "2026-12-02")


def _check_json(*args: str) -> dict:
    return json.loads(invoke("check", "--meeting", "2026-12-10", *COUNTY, "--format", "json", *args).stdout)


@pytest.mark.rule(id="8b")
def test_the_county_check_has_no_overdue_follow_up_resting_only_on_a_missing_record():
    doc = _check_json()
    overdue = [i for i in doc["items"] if i["section"] == "overdue"]
    assert not [i for i in overdue if i["kind"] == "followup"]  # läkarmedverkan 2024 among them before
    unrecorded = {(i["id"], i["followup"]): (i["status"], i["unrecorded"], i["unrecorded_since"], i["date"])
                  for i in doc["items"] if i["section"] == "unrecorded" and i["kind"] == "followup"}
    assert unrecorded["missbruk-psykisk-funktionsnedsattning", "arlig"] == ("unrecorded", 7, "2019-12-31", "2025-12-31")
    assert unrecorded["lakarmedverkan", "var-tredje-ar"] == ("unrecorded", 1, "2024-12-31", "2024-12-31")
    assert doc["summary"]["unrecorded"] == sum(i["unrecorded"] for i in doc["items"] if i["section"] == "unrecorded")


@pytest.mark.rule(id="8b")
def test_a_plan_assignment_due_before_the_records_begin_is_unrecorded_not_overdue():
    """LGVO 2024-2025's three assignments (due 2024, 2024-12-31, vt 2025) have no record in a register
    begun 2026-11-23: the check lists them without a record, none as overdue (issue 24)."""
    doc = _check_json()
    assert not [i for i in doc["items"] if i["section"] == "overdue"]
    lgvo = [(i["date"], i["status"], i["unrecorded"], i["unrecorded_since"]) for i in doc["items"]
            if i["id"] == "lgvo-arbetsplan-2024-2025" and i["kind"] == "assignment"]
    assert sorted(lgvo) == [("2024-12-31", "unrecorded", 1, "2024-12-31")] * 2 + [
        ("2025-06-30", "unrecorded", 1, "2025-06-30")]
    plans = json.loads(invoke("plans", *COUNTY, "--format", "json").stdout)
    plan = next(p for p in plans["plans"] if p["id"] == "lgvo-arbetsplan-2024-2025")
    assert plan["assignments_overdue"] == 0 and plan["assignments_open"] >= 3


@pytest.mark.rule(id="8b")
def test_a_plan_s_own_tracked_from_or_none_decides(tmp_path):
    """Rule 8b for plans: an assignment due after the record start is overdue as before; a register
    without records_from reports every past one overdue."""
    data = bare_data(tmp_path)
    plan = ("id: p\ntitle: P\nbody: SVO\nperiod: {from: 2024-01-01, until: 2025-12-31}\n"
            "areas:\n  - id: a\n    title: A\n    assignments:\n      - {id: a, what: Före, due: 2024-06-30}\n"
            "      - {id: b, what: Efter, due: 2025-06-30}\nTRACKEDsource: {document: x.txt, quote: q}\n")
    (data / "workplans").mkdir(exist_ok=True)
    path = data / "workplans" / "p.yaml"
    parties = data / "parties.yaml"
    for tracked, expected in (("tracked_from: 2025-01-01\n", {"a": "unrecorded", "b": "overdue"}),
                              ("", {"a": "overdue", "b": "overdue"})):
        if not tracked:  # nor a register-wide record start
            parties.write_text(parties.read_text(encoding="utf-8").replace("records_from:", "# records_from:"),
                               encoding="utf-8")
        path.write_text(plan.replace("TRACKED", tracked), encoding="utf-8")
        rows = json.loads(invoke("deadlines", "--data", str(data), "--as-of", "2026-01-15", "--format",
                                 "json").stdout)["deadlines"]
        assert {r["assignment"]: r["status"] for r in rows if r["kind"] == "assignment"} == expected, tracked


@pytest.mark.rule(id="8b")
def test_every_output_counts_them():
    doc = _check_json()
    total = doc["summary"]["unrecorded"]
    table = " ".join(invoke("check", "--meeting", "2026-12-10", *COUNTY, "--lang", "sv").stdout.split())
    assert "Tidigare uppföljningar, uppdrag och antaganden utan registrering" in table
    assert f"{total} tidigare åtagande(n) utan registrering" in table
    assert "7 tidigare uppföljningar utan registrering sedan 2019-12-31" in table
    report = " ".join(invoke("report", "--meeting", "2026-12-10", *COUNTY, "--format", "md").stdout.split())
    assert f"{total} earlier follow-up(s), assignment(s) or adoption(s) without a record" in report
    deadlines = json.loads(invoke("deadlines", *COUNTY, "--format", "json").stdout)["deadlines"]
    assert any(d["status"] == "unrecorded" and d["unrecorded"] == 7 for d in deadlines)
    show = " ".join(invoke("show", "lakarmedverkan", *COUNTY).stdout.split())
    assert "no record of the one due 2024-12-31" in show


@pytest.mark.rule(id="8b")
def test_the_calendar_has_no_event_for_them(tmp_path):
    out = tmp_path / "svo.ics"
    invoke("calendar", *COUNTY, "--within", "30", "-o", str(out))
    assert "UID" in out.read_text(encoding="utf-8") and "without a record" not in out.read_text(encoding="utf-8")


@pytest.mark.rule(id="8b")
def test_fail_on_ignores_them(tmp_path):
    data = bare_data(tmp_path)
    (data / "agreements" / "ett.yaml").write_text(
        "id: ett\ntitle: Ett\nkind: avtal\nparties: [region-ostergotland]\nvalid_from: 2018-01-01\n"
        "followups:\n  - {id: f, what: F, due: 2020, tracked_from: 2026-11-23}\n"
        "source: {document: x.txt, quote: q}\n", encoding="utf-8")
    for fail_on in ("overdue", "due"):
        result = invoke("check", "--data", str(data), "--meeting", "2026-12-10", *COUNTY, "--fail-on", fail_on,
                        "--format", "json")
        assert result.exit_code == 0, (fail_on, result.stdout)
        items = json.loads(result.stdout)["items"]
        assert [(i["section"], i["status"], i["date"]) for i in items] == [("unrecorded", "unrecorded", "2020-12-31")]
    # the same without a record start (neither its own nor the register's): overdue, and it fails
    parties = data / "parties.yaml"
    parties.write_text(parties.read_text(encoding="utf-8").replace("records_from: 2026-11-23\n", ""), encoding="utf-8")
    (data / "agreements" / "ett.yaml").write_text(
        (data / "agreements" / "ett.yaml").read_text(encoding="utf-8").replace(", tracked_from: 2026-11-23", ""),
        encoding="utf-8")
    assert invoke("check", "--data", str(data), "--meeting", "2026-12-10", *COUNTY).exit_code == 1
