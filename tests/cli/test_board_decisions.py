"""Every principal's decision, recorded and reminded (issue 20): `decisions:` on agreements, k of n on every
row that needs board decisions, the check's sections (decisions, ending, recorded since) and window, the
calendar's decide-by events. Through the real command on copies of the county's data (never the data
itself: the decisions below are fictional), and on small data directories for the rules."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import copy_data, invoke

MISSBRUK = "missbruk-psykisk-funktionsnedsattning"
FIRST_NINE = ["region-ostergotland", "boxholm", "finspang", "kinda", "linkoping", "mjolby", "motala", "norrkoping",
              "soderkoping"]
LAST_FIVE = ["vadstena", "valdemarsvik", "ydre", "atvidaberg", "odeshog"]


def with_decisions(data: Path, agreement: str, lines: list[str]) -> Path:
    """Add `decisions:` (YAML flow lines) to one agreement of a data copy."""
    path = data / "agreements" / f"{agreement}.yaml"
    text = path.read_text(encoding="utf-8")
    block = "decisions:\n" + "".join(f"  - {line}\n" for line in lines)
    path.write_text(text.replace("\nsource:", "\n" + block + "source:", 1), encoding="utf-8")
    return data


def continuing(parties: list[str], day: str = "2026-10-14", **extra: str) -> list[str]:
    more = "".join(f", {k}: {v}" for k, v in extra.items())
    return [f"{{party: {p}, date: {day}, decision: continue{more}, assumed: test}}" for p in parties]


def run_json(*args: str) -> dict:
    result = invoke(*args, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def check_json(data: Path, *args: str) -> dict:
    return run_json("check", "--data", str(data), "--meeting", "2026-12-10", "--as-of", "2026-12-02",
                    "--fail-on", "never", *args)


# ---------------------------------------------------------------- the done-when


def test_nine_of_fourteen_decided_shows_decided_9_of_14_and_the_5_missing(tmp_path):
    data = with_decisions(copy_data(tmp_path), MISSBRUK, continuing(FIRST_NINE))
    doc = check_json(data)
    (row,) = [d for d in doc["decisions"] if d["id"] == MISSBRUK]
    assert len(row["deciders"]) == 14 and len(row["decided"]) == 9
    assert {d["party"] for d in row["decided"]} == set(FIRST_NINE)
    assert {d["decision"] for d in row["decided"]} == {"continue"}
    assert set(row["undecided"]) == set(LAST_FIVE)
    assert row["decision_overdue"] is True  # decide-by 2026-09-30 passed with five undecided
    assert row["decide_by_assumed"] is True  # no lead in the data: svo's 3 months
    table = invoke("check", "--data", str(data), "--meeting", "2026-12-10", "--as-of", "2026-12-02",
                   "--format", "md").stdout
    line = next(li for li in table.splitlines() if MISSBRUK in li)
    assert "decided 9 of 14 (continue 9); missing: Vadstena kommun, Valdemarsviks kommun, Ydre kommun, " \
           "Åtvidabergs kommun, Ödeshögs kommun" in line
    assert "2026-09-30 [assumption]" in line
    sv = invoke("check", "--data", str(data), "--meeting", "2026-12-10", "--as-of", "2026-12-02", "--lang", "sv",
                "--format", "md").stdout
    assert "beslutat 9 av 14 (fortsätta 9); saknas: Vadstena kommun" in sv


def test_all_fourteen_continue_leaves_decisions_and_the_agreement_still_renews(tmp_path):
    data = with_decisions(copy_data(tmp_path), MISSBRUK, continuing(FIRST_NINE + LAST_FIVE))
    doc = check_json(data)
    assert MISSBRUK not in [d["id"] for d in doc["decisions"]]
    assert "samverkan-barn-och-unga" in [d["id"] for d in doc["decisions"]]  # nobody decided on that one
    (row,) = [d for d in doc["items"] if d["id"] == MISSBRUK and d["kind"] == "notice_deadline"]
    assert (row["undecided"], row["decision_overdue"], len(row["decided"])) == ([], False, 14)
    # continue is no notice: after the deadline the agreement has renewed for term 5
    later = run_json("status", "--data", str(data), "--as-of", "2027-01-15")
    (status,) = [s for s in later["agreements"] if s["id"] == MISSBRUK]
    assert (status["status"], status["binding_until"]) == ("active", "2029-12-31")
    renewed = run_json("check", "--data", str(data), "--as-of", "2027-01-15", "--since", "2026-12-10",
                       "--fail-on", "never")["renewed"]
    assert MISSBRUK in [r["id"] for r in renewed]


def test_calendar_party_linkoping_has_its_decide_by_events_with_alarms_28_and_7_days_before():
    from icalendar import Calendar

    result = invoke("calendar", "--party", "linkoping", "--as-of", "2026-06-01", "--within", "400")
    assert result.exit_code == 0, result.stderr
    found = [e for e in Calendar.from_ical(result.stdout).walk("VEVENT") if str(e["SUMMARY"]).startswith("Boards decide by:")]
    by_day = {e.decoded("DTSTART") for e in found}
    assert date(2026, 9, 30) in by_day  # the 2026-12-31 notice deadlines and the plan's adoption
    assert len(found) == 3
    for event in found:
        alarms = sorted(a.decoded("TRIGGER") for a in event.walk("VALARM"))
        assert alarms == [timedelta(days=-28), timedelta(days=-7)]
        assert "Linköpings kommun" in str(event["DESCRIPTION"])
        assert "[assumption]" in str(event["SUMMARY"])  # the lead is svo's default
        assert "act by 30 December 2026" in str(event["DESCRIPTION"])
    uids = [str(e["UID"]) for e in Calendar.from_ical(result.stdout).walk("VEVENT")]
    assert len(uids) == len(set(uids))


def test_a_partys_feed_leaves_out_the_decisions_it_has_taken(tmp_path):
    from icalendar import Calendar

    data = with_decisions(copy_data(tmp_path), MISSBRUK, continuing(["linkoping"], "2026-05-20"))

    def decide_events(party: str) -> list[str]:
        result = invoke("calendar", "--data", str(data), "--party", party, "--as-of", "2026-06-01", "--within", "200")
        return [str(e["DESCRIPTION"]) for e in Calendar.from_ical(result.stdout).walk("VEVENT")
                if str(e["SUMMARY"]).startswith("Boards decide by:")]

    assert not any(f"ID: {MISSBRUK}" in d for d in decide_events("linkoping"))
    assert any(f"ID: {MISSBRUK}" in d for d in decide_events("motala"))


def test_remind_sets_the_alarms_of_every_event():
    from icalendar import Calendar

    result = invoke("calendar", "--as-of", "2026-06-01", "--within", "200", "--remind", "30,3")
    alarms = {tuple(sorted(a.decoded("TRIGGER") for a in e.walk("VALARM")))
              for e in Calendar.from_ical(result.stdout).walk("VEVENT")}
    assert alarms == {(timedelta(days=-30), timedelta(days=-3))}
    none = invoke("calendar", "--as-of", "2026-06-01", "--within", "200", "--remind", "0")
    assert not list(Calendar.from_ical(none.stdout).walk("VALARM"))
    bad = invoke("calendar", "--remind", "28,sju")
    assert bad.exit_code == 2 and "--remind 28,sju" in bad.stderr


def test_the_default_check_lists_the_year_end_obligations():
    doc = run_json("check", "--meeting", "2026-12-10", "--as-of", "2026-12-02", "--body", "SVO", "--fail-on", "never")
    assert (doc["until"], doc["window"]) == ("2027-03-11", "quarter")  # no later SVO meeting recorded
    after = [(d["id"], d["date"]) for d in doc["items"] if d["section"] == "after_meeting"]
    assert ("samrad-vard-och-omsorg", "2026-12-31") in after  # SVO's own evaluation at the end of the mandate
    assert ("ramavtal-ungdomshalsa", "2026-12-30") in after and ("placerade-barn-och-unga", "2026-12-31") in after
    assert len([a for a in after if a[1] in ("2026-12-30", "2026-12-31")]) >= 13
    table = invoke("check", "--meeting", "2026-12-10", "--as-of", "2026-12-02", "--body", "SVO").stdout
    assert "In the 91 days after the meeting (through 2027-03-11; no later meeting recorded)" in table
    assert "Due by the meeting 2026-12-10" in table


def test_the_window_runs_through_the_day_before_the_next_meeting(tmp_path):
    data = copy_data(tmp_path)
    path = data / "workplans" / "svo-arbetsplan-2026-2027.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nmeetings:" not in text
    path.write_text(text.replace("\nsource:", "\nmeetings:\n  - {date: 2026-12-10, title: SVO, assumed: test}\n"
                                              "  - {date: 2027-02-11, title: SVO, assumed: test}\nsource:", 1),
                    encoding="utf-8")
    doc = run_json("check", "--data", str(data), "--meeting", "2026-12-10", "--as-of", "2026-12-02", "--body", "SVO",
                   "--fail-on", "never")
    assert (doc["until"], doc["window"], doc["next_meeting"]) == ("2027-02-10", "next_meeting", "2027-02-11")
    table = invoke("check", "--data", str(data), "--meeting", "2026-12-10", "--as-of", "2026-12-02",
                   "--body", "SVO").stdout
    assert "Due before the next meeting 2027-02-11 (through 2027-02-10)" in table
    horizon = run_json("check", "--data", str(data), "--meeting", "2026-12-10", "--as-of", "2026-12-02",
                       "--horizon", "5", "--fail-on", "never")
    assert (horizon["until"], horizon["window"]) == ("2026-12-15", "horizon")


# ---------------------------------------------------------------- recording decisions


def test_a_notice_decided_stays_until_the_notice_is_given(tmp_path):
    lines = continuing(FIRST_NINE + LAST_FIVE[:-1]) + [
        "{party: odeshog, date: 2026-11-01, decision: notice, reference: KS 2026/1, assumed: test}"]
    data = with_decisions(copy_data(tmp_path), MISSBRUK, lines)
    (row,) = [d for d in check_json(data)["decisions"] if d["id"] == MISSBRUK]
    assert row["undecided"] == [] and row["decision_overdue"] is False
    assert {"party": "odeshog", "decision": "notice", "date": "2026-11-01"} in row["decided"]
    table = invoke("check", "--data", str(data), "--meeting", "2026-12-10", "--as-of", "2026-12-02",
                   "--format", "md").stdout
    assert "notice decided by Ödeshögs kommun: give it by 2026-12-30" in table


def test_a_prepared_proposal_is_not_a_decision(tmp_path):
    data = with_decisions(copy_data(tmp_path), MISSBRUK, [
        "{party: ydre, date: 2026-10-01, decision: continue, stage: prepared, assumed: test}"])
    (row,) = [d for d in check_json(data)["decisions"] if d["id"] == MISSBRUK]
    assert row["decided"] == [] and "ydre" in row["undecided"]


def test_a_groups_decision_counts_for_every_member(tmp_path):
    data = with_decisions(copy_data(tmp_path), MISSBRUK, [
        "{party: kommunerna-i-ostergotland, date: 2026-10-01, decision: continue, assumed: test}"])
    (row,) = [d for d in check_json(data)["decisions"] if d["id"] == MISSBRUK]
    assert (len(row["decided"]), row["undecided"]) == (13, ["region-ostergotland"])


def test_a_decision_is_on_the_first_deadline_on_or_after_it_unless_concerns_says_which(tmp_path):
    data = with_decisions(copy_data(tmp_path), MISSBRUK, [
        "{party: ydre, date: 2024-06-01, decision: continue, assumed: test}",  # the 2024-12-31 deadline's
        "{party: kinda, date: 2026-03-01, decision: continue, concerns: 2028-12-31, assumed: test}",  # the next one's
        "{party: boxholm, date: 2026-03-01, decision: revise, concerns: 2026-12-31, assumed: test}"])
    (row,) = [d for d in check_json(data)["decisions"] if d["id"] == MISSBRUK]
    assert [d["party"] for d in row["decided"]] == ["boxholm"] and row["decided"][0]["decision"] == "revise"
    assert "ydre" in row["undecided"] and "kinda" in row["undecided"]


def test_a_decision_after_the_as_of_date_has_not_been_taken(tmp_path):
    data = with_decisions(copy_data(tmp_path), MISSBRUK, continuing(["ydre"], "2026-12-05"))
    (row,) = [d for d in check_json(data)["decisions"] if d["id"] == MISSBRUK]
    assert row["decided"] == []


def test_a_decision_on_an_agreement_must_say_what_and_name_a_party(tmp_path):
    data = with_decisions(copy_data(tmp_path), MISSBRUK, ["{party: ydre, date: 2026-10-01, assumed: test}"])
    result = invoke("validate", str(data))
    assert result.exit_code == 1 and "SVO105" in result.stdout and "decision" in result.stdout
    data2 = with_decisions(copy_data(tmp_path / "b"), MISSBRUK, continuing(["ydree"]))
    result = invoke("validate", str(data2))
    assert result.exit_code == 1 and "SVO203" in result.stdout


def test_a_lead_set_in_the_data_is_no_assumption(tmp_path):
    data = copy_data(tmp_path)
    parties = data / "parties.yaml"
    parties.write_text(parties.read_text(encoding="utf-8") + "decision_lead: 2 months\n", encoding="utf-8")
    (row,) = [d for d in check_json(data)["decisions"] if d["id"] == "svo-arbetsplan-2026-2027"]
    assert (row["decide_by"], row["decide_by_assumed"]) == ("2026-10-30", False)
    # missbruk-psykisk's lead is counted in LGVO's meetings, whose days in 2026 are not known: the months
    # stand in for them, an assumption
    (row,) = [d for d in check_json(data)["decisions"] if d["id"] == MISSBRUK]
    assert (row["decide_by"], row["decide_by_assumed"]) == ("2026-10-30", True)


# ---------------------------------------------------------------- what ends and what happened since


def test_a_notice_given_yesterday_is_recorded_since_and_the_agreement_ends(tmp_path):
    data = copy_data(tmp_path)
    path = data / "agreements" / "samverkan-barn-och-unga.yaml"
    text = path.read_text(encoding="utf-8")
    event = "  - {date: 2026-12-01, type: notice, by: motala, reference: KS 2026/345, assumed: test}\n"
    text = text.replace("\nevents:\n", "\nevents:\n" + event, 1) if "\nevents:\n" in text else \
        text.replace("\nsource:", "\nevents:\n" + event + "source:", 1)
    path.write_text(text, encoding="utf-8")
    doc = check_json(data, "--horizon", "400")
    assert {"date": "2026-12-01", "kind": "notice", "id": "samverkan-barn-och-unga",
            "title": "Överenskommelse om samverkan kring barn och unga i Östergötland", "party": "motala",
            "decision": None, "reference": "KS 2026/345"} in doc["since_events"]
    assert {"id": "samverkan-barn-och-unga", "party": None, "last_day": "2027-12-31", "reason": "notice"} in [
        {k: e[k] for k in ("id", "party", "last_day", "reason")} for e in doc["ending"]]
    assert "samverkan-barn-och-unga" not in [d["id"] for d in doc["decisions"]]
    table = invoke("check", "--data", str(data), "--meeting", "2026-12-10", "--as-of", "2026-12-02",
                   "--horizon", "400").stdout
    assert "Ending, through 2028-01-14" in table and "Recorded since" in table and "KS 2026/345" in table


def test_since_says_when_no_earlier_meeting_of_the_body_is_recorded():
    doc = run_json("check", "--meeting", "2026-12-10", "--as-of", "2026-12-02", "--body", "SVO", "--fail-on", "never")
    assert (doc["since"], doc["since_meeting"]) == ("2026-11-02", False)
    table = invoke("check", "--meeting", "2026-12-10", "--as-of", "2026-12-02", "--body", "SVO").stdout
    assert "since 2026-11-02 (no earlier SVO-meeting recorded: the last 30 days)" in table
    sv = invoke("check", "--meeting", "2026-12-10", "--as-of", "2026-12-02", "--body", "SVO", "--lang", "sv").stdout
    assert "sedan 2026-11-02 (inget tidigare SVO-möte registrerat: de senaste 30 dagarna)" in sv


# ---------------------------------------------------------------- every format shows the dates


def test_deadlines_show_decide_by_in_every_format(tmp_path):
    from openpyxl import load_workbook

    args = ("deadlines", "--as-of", "2026-09-01", "--within", "120")
    for fmt in ("table", "md", "csv"):
        out = invoke(*args, "--format", fmt).stdout
        assert "Decide by" in out and "2026-09-30" in out, fmt
    excel = invoke(*args, "--format", "csv-excel").stdout
    assert "Decide by" in excel
    target = tmp_path / "d.xlsx"
    assert invoke(*args, "-o", str(target)).exit_code in (0, 1)
    sheet = load_workbook(target).active
    header = [c.value for c in sheet[1]]
    column = header.index("Decide by")
    assert any(row[column] is not None and row[column].date() == date(2026, 9, 30)
               for row in sheet.iter_rows(min_row=2, values_only=True))


def test_status_shows_binding_until_and_withdrawals_in_every_format(tmp_path):
    from openpyxl import load_workbook

    for fmt in ("table", "md", "csv", "csv-excel"):
        out = invoke("status", "--as-of", "2026-11-23", "--format", fmt).stdout
        assert "Binding until" in out and "2028-12-31" in out and "Withdrawn" in out, fmt
    target = tmp_path / "s.xlsx"
    invoke("status", "--as-of", "2026-11-23", "-o", str(target))
    header = [c.value for c in load_workbook(target).active[1]]
    assert "Binding until" in header and "Withdrawn" in header


def test_check_sheet_has_decided_k_of_n_ending_and_since(tmp_path):
    data = with_decisions(copy_data(tmp_path), MISSBRUK, continuing(FIRST_NINE))
    out = invoke("check", "--data", str(data), "--meeting", "2026-12-10", "--as-of", "2026-12-02",
                 "--format", "csv").stdout
    import csv

    rows = list(csv.DictReader(io.StringIO(out)))
    (row,) = [r for r in rows if r["ID"] == MISSBRUK and r["Section"] == "Decisions needed now"]
    assert row["Decided"] == "9/14" and row["Not decided"].startswith("Vadstena kommun")
    assert any(r["Section"] == "Recorded since" and r["ID"] == MISSBRUK for r in rows)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_report_names_the_decisions_k_of_n(tmp_path, fmt):
    data = with_decisions(copy_data(tmp_path), MISSBRUK, continuing(FIRST_NINE))
    out = invoke("report", "--data", str(data), "--meeting", "2026-12-10", "--as-of", "2026-12-02",
                 "--format", fmt).stdout
    assert "decided 9 of 14" in out
    # the report labels what falls due after the meeting as such, never as due by it (ux F2)
    assert "In the 91 days after the meeting (through 2027-03-11; no later meeting recorded)" in out


# ---------------------------------------------------------------- a lead in a body's meetings (issue 24)


def test_meetings_back_counts_known_meetings_and_refuses_a_gap():
    from svo_cli.decisions import meetings_back

    d = date
    meetings = [d(2026, 3, 20), d(2026, 6, 12), d(2026, 9, 18), d(2026, 11, 27)]
    assert meetings_back(d(2026, 12, 30), meetings, 2) == d(2026, 9, 18)  # the one before the last one
    assert meetings_back(d(2026, 12, 30), meetings, 1) == d(2026, 11, 27)
    assert meetings_back(d(2026, 11, 27), meetings, 2) == d(2026, 9, 18)  # a meeting on the day counts
    assert meetings_back(d(2026, 12, 30), meetings[:1], 2) is None  # too few
    assert meetings_back(d(2027, 3, 31), meetings, 2) is None  # none known since 2026-11-27: some missing
    assert meetings_back(d(2026, 12, 30), [d(2026, 3, 20), d(2026, 11, 27)], 2) is None  # a gap between


def _lgvo_meetings(data, days):
    plan = data / "workplans" / "lgvo-arbetsplan-2024-2025.yaml"
    text = plan.read_text(encoding="utf-8")
    extra = "".join(f"  - {{date: {day}, title: LGVO, assumed: test}}\n" for day in days)
    plan.write_text(text.replace("meetings:\n", "meetings:\n" + extra, 1), encoding="utf-8")


def test_lgvo_two_meeting_rule_puts_decide_by_on_the_meeting_before_the_last(tmp_path):
    """003:542 "Information i beslutsärenden ges vid ena mötet och beslut fattas nästkommande möte": the
    notice decision of missbruk-psykisk (act by 2026-12-30) is due at LGVO's meeting before its last one."""
    data = copy_data(tmp_path)
    _lgvo_meetings(data, ["2026-06-12", "2026-09-18", "2026-11-27"])
    doc = json.loads(invoke("check", "--data", str(data), "--as-of", "2026-09-01", "--meeting", "2026-09-18",
                            "--format", "json").stdout)
    row = next(d for d in doc["decisions"] if d["id"] == MISSBRUK)
    assert (row["decide_by"], row["decide_by_assumed"]) == ("2026-09-18", True)  # the rule's reach: assumed
    path = data / "agreements" / f"{MISSBRUK}.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    assumed: >-\n", text.index("decision_meetings:"))
    end = text.index("  before_end:", start)
    path.write_text(text[:start] + text[end:], encoding="utf-8")  # the lead in meetings as a sourced fact
    doc = json.loads(invoke("check", "--data", str(data), "--as-of", "2026-09-01", "--meeting", "2026-09-18",
                            "--format", "json").stdout)
    row = next(d for d in doc["decisions"] if d["id"] == MISSBRUK)
    assert (row["decide_by"], row["decide_by_assumed"]) == ("2026-09-18", False)


def test_with_lgvo_meetings_missing_the_lead_falls_back_to_months_as_an_assumption(tmp_path):
    data = copy_data(tmp_path)
    _lgvo_meetings(data, ["2026-03-20", "2026-11-27"])  # the autumn's first meeting is not listed
    doc = json.loads(invoke("check", "--data", str(data), "--as-of", "2026-09-01", "--meeting", "2026-09-18",
                            "--format", "json").stdout)
    row = next(d for d in doc["decisions"] if d["id"] == MISSBRUK)
    assert (row["decide_by"], row["decide_by_assumed"]) == ("2026-09-30", True)
