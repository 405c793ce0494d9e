"""Rules 22–24 of docs/rules.md (meeting follow-up), each with its example on examples/chefsgrupp-2026, through
the engine and through the real command in-process."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from conftest import REPO, invoke
from svo_cli import minutes as engine
from svo_cli.loader import load_dataset

EXAMPLE = REPO / "examples" / "chefsgrupp-2026"
MEETING = "2026-04-17"  # the group's next meeting, as the example's minutes give it (assumed)
FIRST = "chefsgrupp-2026-02-06"

LATER = f"""id: chefsgrupp-2026-04-17
body: Chefsgrupp SoVV
date: 2026-04-17
title: Minnesanteckningar för Chefsgrupp för samverkan social välfärd samt vård och omsorg
source: {{document: 004_1c0dd5b9ca72b139.txt, quote: "Minnesanteckningar"}}
items:
  - id: teams-klar
    title: Teamsgruppen är på plats som informationskanal
    kind: information
    follows: {FIRST}/teamsgrupp
    status: done
    assumed: illustration (a later meeting's minutes, not in the sources)
last_verified: 2026-04-20
"""


def example_copy(tmp_path: Path, *later: str) -> Path:
    data = tmp_path / "chefsgrupp-2026"
    shutil.copytree(EXAMPLE, data)
    path = data / "minutes" / f"{FIRST}.yaml"  # its self-tests are of the example as it is: left out here
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("expect:\n")] + text[text.index("last_verified:"):], encoding="utf-8")
    for later_text in later:
        (data / "minutes" / f"{later_text.split()[1]}.yaml").write_text(later_text, encoding="utf-8")
    return data


def states(data: Path, day: date) -> dict[str, engine.ItemState]:
    dataset, found = load_dataset(data)
    assert [d for d in found if d.is_error] == []
    return {s.item.id: s for s in engine.item_states(dataset.minutes_models(), dataset.workplan_models(), day)}


def check_json(data: Path, *args: str) -> dict:
    result = invoke("check", "--data", str(data), "--as-of", "2026-04-01", "--format", "json", "--fail-on", "never",
                    *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def assignments(document: dict) -> dict[str, tuple[str, str, bool, bool]]:
    return {r["assignment"]: (r["date"], r["section"], r["approximate"], r["assumed"]) for r in document["items"]
            if r["kind"] == "assignment" and r["id"] == FIRST}


# ---------------------------------------------------------------- 22. where an item stands; the next meeting


@pytest.mark.rule(id="22")
def test_the_next_meeting_is_known_from_the_minutes_else_unknown(tmp_path):
    found = states(EXAMPLE, date(2026, 4, 1))
    teams = found["teamsgrupp"]
    assert teams.is_open and teams.due == "next_meeting" and teams.due_day == date(2026, 4, 17)
    assert found["ips-implementeringsteam"].state == "recorded" and not found["ips-implementeringsteam"].tracked
    assert found["barnahus-oversyn"].is_open and found["barnahus-oversyn"].due_day is None  # continuous
    # Without the next meeting the minutes give, no day is invented: never a row, never overdue.
    data = example_copy(tmp_path)
    path = data / "minutes" / f"{FIRST}.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("next_meeting:\n"), text.index("items:\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert states(data, date(2026, 12, 1))["teamsgrupp"].due_day is None
    document = check_json(data, "--meeting", MEETING)
    assert "teamsgrupp" not in assignments(document)
    assert {(r["item"], r["reason"]) for r in document["returning"]} >= {("teamsgrupp", "due_unknown")}


@pytest.mark.rule(id="22")
def test_the_next_meeting_comes_from_later_minutes_or_the_body_s_work_plan(tmp_path):
    dataset, _ = load_dataset(EXAMPLE)
    held = dataset.minutes_models()
    assert engine.meeting_days(held, [], "chefsgrupp  sovv") == (date(2026, 2, 6), date(2026, 4, 17))
    later = held[0].model_copy(update={"id": "x", "date": held[0].date.day(date(2026, 3, 20)), "next_meeting": None,
                                       "items": []})
    assert engine.next_meeting(engine.meeting_days([*held, later], [], "Chefsgrupp SoVV"), date(2026, 2, 6)) == \
        date(2026, 3, 20)


@pytest.mark.rule(id="22")
def test_done_closes_carried_keeps_open_with_its_new_due(tmp_path):
    carried = LATER.replace("status: done", "status: carried").replace("kind: information", "kind: assignment\n"
                                                                                             "    due: 2026-09")
    data = example_copy(tmp_path, carried)
    teams = states(data, date(2026, 5, 1))["teamsgrupp"]
    assert teams.is_open and teams.carried and teams.due_day == date(2026, 9, 30) and teams.approximate
    data = example_copy(tmp_path / "done", LATER)
    teams = states(data, date(2026, 5, 1))["teamsgrupp"]
    assert teams.state == "done" and teams.closed_on == date(2026, 4, 17)
    assert [f.minutes.id for f in teams.chain] == ["chefsgrupp-2026-04-17"]
    # before the later meeting is held, its word does not count yet
    assert states(data, date(2026, 4, 16))["teamsgrupp"].is_open


# ---------------------------------------------------------------- 23. rows; returning to the meeting


@pytest.mark.rule(id="23")
def test_coarse_dues_are_due_on_their_last_day_flagged_coarse_and_assumed():
    document = check_json(EXAMPLE, "--meeting", MEETING)
    rows = assignments(document)
    assert rows["finansiering-lansdelssamordnare"] == ("2026-05-31", "after_meeting", True, True)
    assert rows["lakaravtal-workshop"] == ("2026-06-30", "after_meeting", True, True)
    assert rows["mitt-vaccin-pub-avtal"] == ("2026-06-30", "after_meeting", True, True)
    assert rows["teamsgrupp"] == ("2026-04-17", "by_meeting", False, True)  # the meeting's day is assumed
    explanation = next(r["explanation"] for r in document["items"] if r.get("assignment") == "finansiering-lansdelssamordnare")
    assert "[coarse: due 2026-05]" in explanation
    assert "barnahus-oversyn" not in rows and "hemsjukvard-implementering" not in rows  # continuous


@pytest.mark.rule(id="23")
def test_overdue_after_the_due_day_until_closed(tmp_path):
    result = invoke("check", "--data", str(EXAMPLE), "--as-of", "2026-06-01", "--format", "json")
    assert result.exit_code == 1  # overdue items fail the check (--fail-on overdue)
    document = json.loads(result.stdout)
    overdue = {r["assignment"] for r in document["items"] if r["section"] == "overdue"}
    assert overdue == {"teamsgrupp", "finansiering-lansdelssamordnare"}


@pytest.mark.rule(id="23")
def test_returning_to_this_meeting_in_both_languages(tmp_path):
    document = check_json(EXAMPLE, "--meeting", MEETING)
    assert [(r["item"], r["reason"]) for r in document["returning"]] == [
        ("riktlinje-oppen-specialiserad-vard", "later"), ("samverkansplan-implementering", "later")]
    english = invoke("check", "--data", str(EXAMPLE), "--as-of", "2026-04-01", "--meeting", MEETING, "--lang", "en")
    swedish = invoke("check", "--data", str(EXAMPLE), "--as-of", "2026-04-01", "--meeting", MEETING, "--lang", "sv")
    assert "5. Returning to this meeting" in english.stdout and "2 returning matter(s)" in english.stdout
    assert "5. Återkommer till mötet" in swedish.stdout and "senare (inget datum angivet)" in swedish.stdout
    assert "uppdrag från mötet 2026-02-06" in swedish.stdout


@pytest.mark.rule(id="23")
def test_a_matter_returning_to_the_next_meeting(tmp_path):
    data = example_copy(tmp_path)
    path = data / "minutes" / f"{FIRST}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    kind: referral\n    source:\n      document: 004_1c0dd5b9ca72b139.txt\n      section: \"6d",
        "    kind: referral\n    returns: next_meeting\n    source:\n      document: 004_1c0dd5b9ca72b139.txt\n"
        "      section: \"6d"), encoding="utf-8")
    returning = check_json(data, "--meeting", MEETING)["returning"]
    assert returning[0] == {"id": FIRST, "item": "bpsd-aldrepsykiatri", "title": "Behovet av äldrepsykiatri i länet "
                            "(BPSD-projektet)", "kind": "referral", "meeting": "2026-02-06", "body": "Chefsgrupp SoVV",
                            "returns_on": MEETING, "reason": "next_meeting", "owner": None, "carried": False}
    later = invoke("check", "--data", str(data), "--as-of", "2026-05-01", "--meeting", "2026-05-20", "--format",
                   "json", "--fail-on", "never")
    assert json.loads(later.stdout)["returning"][0]["reason"] == "missed"


@pytest.mark.rule(id="23")
def test_responsible_filters_by_owner_and_the_calendar_has_the_dated_ones():
    document = check_json(EXAMPLE, "--meeting", MEETING, "--responsible", "nära vård")
    assert set(assignments(document)) == {"lakaravtal-workshop"}
    assert document["returning"] == []  # the returning matters have no owner
    result = invoke("calendar", "--data", str(EXAMPLE), "--as-of", "2026-04-01", "--within", "120")
    assert result.exit_code == 0
    ics = result.stdout.replace("\r\n ", "").replace("\n ", "")
    summaries = sorted(line for line in ics.splitlines() if line.startswith("SUMMARY:"))
    assert summaries == ["SUMMARY:Assignment due: Beslut om finansiering av det fortsatta arbetet med "
                         "länsdelssamordnare psykisk hälsa och suicidprevention [assumption]",
                         "SUMMARY:Assignment due: Gemensam workshop om läkaravtalet/överenskommelse om medicinsk "
                         "samverkan [assumption]",
                         "SUMMARY:Assignment due: Mitt vaccin – PUB-avtal\\, presentation av fortsatt hantering "
                         "[assumption]",
                         "SUMMARY:Assignment due: Teamsgrupp som informationskanal för chefsgruppen [assumption]"]


@pytest.mark.rule(id="23")
def test_show_lists_the_items_and_their_follow_up_chain(tmp_path):
    data = example_copy(tmp_path, LATER)
    result = invoke("show", FIRST, "--data", str(data), "--as-of", "2026-05-01")
    assert result.exit_code == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("teamsgrupp"))
    assert " done " in line and "Next meeting: 2026-04-17" in result.stdout
    shown = json.loads(invoke("show", FIRST, "--data", str(data), "--as-of", "2026-05-01", "--format", "json").stdout)
    teams = next(x for x in shown["items"] if x["id"] == "teamsgrupp")
    assert teams["state"] == "done" and teams["closed_on"] == "2026-04-17" and teams["chain"] == [
        {"id": "chefsgrupp-2026-04-17", "item": "teams-klar", "date": "2026-04-17", "status": "done"}]
    later = invoke("show", "chefsgrupp-2026-04-17", "--data", str(data), "--as-of", "2026-05-01", "--format", "json")
    assert json.loads(later.stdout)["follow_ups"] == [
        {"item": "teams-klar", "follows": f"{FIRST}/teamsgrupp", "status": "done", "state": "done"}]


# ---------------------------------------------------------------- 24. the example's check (the "done when")


@pytest.mark.rule(id="24")
def test_the_check_before_the_next_meeting_and_a_later_minutes_file_marking_one_done(tmp_path):
    result = invoke("check", "--data", str(EXAMPLE), "--meeting", MEETING, "--as-of", "2026-04-01", "--format", "md")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    by_meeting = text.split("## 3. Due by the meeting 2026-04-17")[1].split("## 4. ")[0]
    after = text.split("## 4. In the 91 days after the meeting")[1].split("## 5. ")[0]
    assert "Teamsgrupp som informationskanal" in by_meeting and "due at the next meeting 2026-04-17" in by_meeting
    assert "Beslut om finansiering" in after and "due by 2026-05" in after  # "i maj": coming
    assert "Gemensam workshop om läkaravtalet" in after and "due by vt 2026" in after  # "under vårterminen"
    assert "1 coming by the meeting 2026-04-17, 3 after the meeting through 2026-07-17" in text
    # A later minutes file marking the Teams channel done removes it (once that meeting is held).
    data = example_copy(tmp_path, LATER)
    document = check_json(data, "--meeting", MEETING)
    assert "teamsgrupp" in assignments(document)  # 2026-04-01: the meeting of 2026-04-17 is not held yet
    after_meeting = invoke("check", "--data", str(data), "--as-of", "2026-04-20", "--horizon", "120", "--format", "json",
                           "--fail-on", "never")
    rows = {r["assignment"] for r in json.loads(after_meeting.stdout)["items"] if r["kind"] == "assignment"}
    assert "teamsgrupp" not in rows and "finansiering-lansdelssamordnare" in rows
    validated = invoke("validate", str(data), "--strict")
    assert validated.exit_code == 0, validated.stdout


def test_the_word_pack_follows_up_earlier_decisions(tmp_path):
    """The check's Word document has "Uppföljning av tidigare beslut": the earlier meetings' open
    assignments in the window and the matters returning to the meeting (issue 23, item 2)."""
    import docx

    out = tmp_path / "kontroll.docx"
    invoke("check", "--data", str(EXAMPLE), "--meeting", "2026-04-17", "--as-of", "2026-04-01", "--lang", "sv",
           "-o", str(out))
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    at = next(i for i, h in enumerate(headings) if h.endswith("Uppföljning av tidigare beslut"))
    assert headings[at + 1] == "Återkommer till mötet"
    cells = [" ".join(c.text for c in row.cells) for table in document.tables for row in table.rows]
    assert any(c.startswith("2026-04-17 kommande Teamsgrupp som informationskanal") for c in cells)
    assert any("riktlinje-oppen-specialiserad-vard" in c for c in cells)
