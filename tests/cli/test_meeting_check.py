"""The pre-meeting check answers the meeting's question (issue 12): decisions first, what renewed
silently, sections, views for one principal; through the real command, on the county's data."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, invoke
from svo_cli.app import swedish_order


def check(*args: str) -> dict:
    result = invoke("check", *args, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_done_when_of_the_meeting_of_2026_12_10():
    doc = check("--meeting", "2026-12-10", "--as-of", "2026-11-23")
    assert list(doc) == ["as_of", "until", "meeting", "since", "decisions", "renewed", "items", "window",
                         "next_meeting", "since_meeting", "ending", "since_events", "returning", "findings",
                         "findings_omitted", "summary"]
    notices = [d for d in doc["decisions"] if d["kind"] == "notice_deadline"]
    assert {d["id"] for d in notices} == {"missbruk-psykisk-funktionsnedsattning", "samverkan-barn-och-unga"}
    for d in notices:
        assert (d["date"], d["act_by"], d["decide_by"]) == ("2026-12-31", "2026-12-30", "2026-09-30")
        assert d["decision_overdue"] is True and d["status"] == "upcoming"  # still possible to act by 2026-12-30
        assert "linkoping" in d["deciders"] and "region-ostergotland" in d["deciders"]
        assert "kommunerna-i-ostergotland" not in d["deciders"]  # groups expanded
    table = invoke("check", "--meeting", "2026-12-10", "--as-of", "2026-11-23", "--fail-on", "never").stdout
    assert table.index("Decisions needed now") < table.index("missbruk-psykisk-funktionsnedsattning") \
        < table.index("Overdue")


@pytest.mark.rule(id="16d")
def test_renewed_silently_at_the_turn_of_2025():
    doc = check("--as-of", "2026-01-15", "--since", "2025-12-01")
    assert [(r["id"], r["date"], r["term"], r["binding_until"]) for r in doc["renewed"]] == [
        ("ramavtal-ungdomshalsa", "2025-12-30", 4, "2028-12-30"),
        ("placerade-barn-och-unga", "2025-12-31", 4, "2028-12-31")]


@pytest.mark.rule(id="16d")
def test_a_notice_in_time_is_not_a_silent_renewal(tmp_path):
    import shutil

    from conftest import DATA

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "agreements" / "placerade-barn-och-unga.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("\nsource:", "\nevents:\n  - {date: 2025-11-01, type: notice, by: linkoping, assumed: test}"
                                      "\nsource:", 1) if "\nevents:" not in text else text
    path.write_text(text, encoding="utf-8")
    result = invoke("check", "--data", str(data), "--as-of", "2026-01-15", "--since", "2025-12-01", "--format", "json",
                    "--fail-on", "never")
    ids = [r["id"] for r in json.loads(result.stdout)["renewed"]]
    assert "placerade-barn-och-unga" not in ids and "ramavtal-ungdomshalsa" in ids


@pytest.mark.rule(id="16c")
def test_items_carry_their_section():
    doc = check("--meeting", "2026-12-10", "--as-of", "2026-11-23", "--horizon", "60")
    later = check("--meeting", "2027-02-04", "--as-of", "2027-01-15", "--horizon", "60")  # the 2026 adoptions late
    assert {i["section"] for i in doc["items"]} <= {"overdue", "by_meeting", "after_meeting", "unrecorded"}
    assert "overdue" in {i["section"] for i in later["items"]}
    for item in doc["items"] + later["items"]:
        assert (item["section"] == "unrecorded") == (item["status"] == "unrecorded")
        if item["section"] == "after_meeting":
            assert item["date"] > "2026-12-10"
        if item["section"] == "overdue":
            assert item["status"] == "overdue"
    table = invoke("check", "--meeting", "2026-12-10", "--as-of", "2026-11-23", "--horizon", "60",
                   "--fail-on", "never").stdout
    assert "After the meeting, through 2027-02-08" in table


@pytest.mark.rule(id="21")
def test_adoption_is_one_row_for_people_and_one_per_principal_for_scripts():
    doc = json.loads(invoke("deadlines", "--as-of", "2026-11-23", "--within", "60", "--format", "json").stdout)
    assert len([r for r in doc["deadlines"] if r["kind"] == "adoption"]) == 14
    table = invoke("deadlines", "--as-of", "2026-11-23", "--within", "60", "--lang", "sv", env={"COLUMNS": ""}).stdout
    assert table.count("antagande registrerat för 0 av 14 huvudmän") == 1  # a gap in the register, not a fact
    line = next(li for li in table.splitlines() if "0 av 14" in li)
    assert line.index("Region Östergötland") < line.index("Åtvidabergs kommun") < line.index("Ödeshögs kommun")


def test_swedish_order():
    assert sorted(["Ödeshög", "Åtvidaberg", "Ydre", "Boxholm", "Älvsby"], key=swedish_order) == [
        "Boxholm", "Ydre", "Åtvidaberg", "Älvsby", "Ödeshög"]


@pytest.mark.rule(id="20")
@pytest.mark.parametrize("party, present, absent", [
    ("ydre", "missbruk-psykisk-funktionsnedsattning", "psykisk-halsa-nationell-2017"),
    ("kommunerna-i-ostergotland", "lakarmedverkan", "psykisk-halsa-nationell-2016"),
])
def test_views_for_one_principal(party, present, absent):
    doc = json.loads(invoke("status", "--as-of", "2026-11-23", "--party", party, "--format", "json").stdout)
    ids = {r["id"] for r in doc["agreements"]}
    assert present in ids and absent not in ids
    rows = json.loads(invoke("deadlines", "--as-of", "2026-11-23", "--within", "60", "--party", party,
                             "--format", "json").stdout)["deadlines"]
    adoption = [r["party"] for r in rows if r["kind"] == "adoption"]
    if party == "ydre":
        assert adoption == ["ydre"]


@pytest.mark.rule(id="20")
def test_filters_by_kind_body_and_responsible():
    doc = json.loads(invoke("status", "--as-of", "2026-11-23", "--kind", "avtal", "--format", "json").stdout)
    assert doc["agreements"] and all(r["id"] for r in doc["agreements"])
    plans = json.loads(invoke("plans", "--as-of", "2026-11-23", "--body", "LGVO", "--format", "json").stdout)["plans"]
    assert plans and all(p["body"] == "LGVO" for p in plans)
    bad = invoke("status", "--kind", "avtl")
    assert bad.exit_code == 2 and "did you mean avtal" in bad.stderr


@pytest.mark.rule(id="16")
def test_next_meeting_without_a_known_meeting_says_so_and_suggests_meeting():
    result = invoke("check", "--next-meeting", "--as-of", "2026-11-23")
    assert result.exit_code == 2 and "--meeting DATE" in result.stderr


@pytest.mark.rule(id="16e")
def test_a_notice_deadline_shows_while_it_can_still_be_decided():
    """90 days ahead from 2026-09-01 ends before 2026-12-31, but the boards must decide by 2026-09-30."""
    doc = json.loads(invoke("deadlines", "--as-of", "2026-09-01", "--format", "json").stdout)
    notices = {(r["id"], r["date"], r["decide_by"]) for r in doc["deadlines"] if r["kind"] == "notice_deadline"}
    assert ("missbruk-psykisk-funktionsnedsattning", "2026-12-31", "2026-09-30") in notices


def test_the_last_meeting_before_a_decision_shows_it():
    doc = check("--as-of", "2026-09-01", "--meeting", "2026-09-24")
    assert {"missbruk-psykisk-funktionsnedsattning", "samverkan-barn-och-unga"} <= {d["id"] for d in doc["decisions"]}


def test_a_late_decision_fails_the_check():
    result = invoke("check", "--kind", "överenskommelse", "--as-of", "2026-10-15", "--meeting", "2026-10-20")
    assert result.exit_code == 1


def test_show_carries_decisions_and_assumptions():
    doc = json.loads(invoke("show", "samverkan-barn-och-unga", "--as-of", "2026-11-23", "--format", "json").stdout)
    row = next(r for r in doc["deadlines"] if r["kind"] == "notice_deadline" and r["date"] == "2026-12-31")
    assert (row["decide_by"], row["decision_overdue"]) == ("2026-09-30", True) and len(row["deciders"]) == 14


@pytest.mark.rule(id="16f")
def test_the_since_headings_name_whose_meeting_it_was_and_minutes_count_as_meetings():
    """'Renewed silently since 2024-08-23' did not say that 2024-08-23 was LGVO's meeting; the example's
    check ignored its own minutes of 2026-02-06 and fell back to 30 days (found by trying svo as a new user)."""
    table = invoke("check", "--meeting", "2026-12-10", "--as-of", "2026-12-02", "--lang", "sv").stdout
    assert "Förlängt utan uppsägning sedan 2024-08-23 (LGVO-mötet)" in table
    example = str(REPO / "examples" / "chefsgrupp-2026")
    doc = json.loads(invoke("check", "--data", example, "--meeting", "2026-04-17", "--as-of", "2026-04-01",
                            "--format", "json").stdout)
    assert doc["since"] == "2026-02-06"


@pytest.mark.rule(id="16f")
def test_recorded_since_lists_the_plans_assignments_done():
    """'Recorded since' lists a plan's assignments recorded done in the window, with their ids (a reader
    expects them beside the follow-ups done; found by trying svo as a new user)."""
    doc = json.loads(invoke("check", "--meeting", "2026-12-10", "--as-of", "2026-12-02", "--format", "json").stdout)
    done = [(e["id"], e["reference"]) for e in doc["since_events"] if e["kind"] == "assignment_done"]
    assert ("svo-arbetsplan-2024-2025", "upphandling-hjalpmedel") in done
    assert all(doc["since"] < e["date"] <= "2026-12-02" for e in doc["since_events"])
