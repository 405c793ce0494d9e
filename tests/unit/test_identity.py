"""Rows carry their identity as fields: the obligation a deadline row is (its reference and key) and the
section a check item is in survive any copy, and nothing is looked up by an object's id or read back
out of an explanation (docs/rules.md, rules 16c and 19)."""

from __future__ import annotations

import copy
import json
import pickle
from dataclasses import replace
from datetime import date

import pytest

from conftest import DATA, copy_data, invoke
from svo_cli import app
from svo_cli.app.results import Section
from svo_cli.i18n import why
from svo_cli.kinds import DeadlineKind
from svo_cli.obligations import ObligationRef
from svo_cli.render.ics import uid


def meeting_check() -> app.CheckResult:
    """The check of 2027-01-15 for a meeting of 2027-02-04 with a 60-day horizon: the 2026 adoptions are
    overdue then (on 2026-11-23 nothing is: what fell due before the records began has no record)."""
    return app.check(app.Request(DATA, date(2027, 1, 15)), app.MeetingWindow(date(2027, 2, 4), horizon=60))


def sections(result: app.CheckResult) -> dict[str, int]:
    return {name: len(result.people_in(name)) for name in Section}


def test_a_copied_check_result_keeps_its_sections():
    # Sections were once found by id(row): after a copy, the overdue rows fell into "by_meeting".
    result = meeting_check()
    expected = sections(result)
    assert expected["overdue"] > 0 and expected["after_meeting"] > 0
    assert sections(copy.deepcopy(result)) == expected
    assert sections(pickle.loads(pickle.dumps(result))) == expected
    assert sections(replace(result)) == expected
    moved = replace(result, sections=tuple(replace(s, people=tuple(replace(r) for r in s.people))
                                           for s in result.sections))
    assert sections(moved) == expected


def test_the_json_items_name_their_sections_after_a_copy():
    from svo_cli.render.jsonfmt import check_document

    result = meeting_check()
    items = check_document(copy.deepcopy(result))["items"]
    assert [i["section"] for i in items] == [name.value for name, _ in result.items]
    assert [i["section"] for i in items][:len(result.people_in("overdue"))] == ["overdue"] * len(result.people_in("overdue"))


def rows_in_2024(data=DATA) -> list:
    return list(app.deadlines(app.Request(data, date(2024, 1, 1)), app.Window(until=date(2024, 12, 31))).rows)


@pytest.mark.rule(id="15")
def test_each_meeting_row_carries_its_meeting_day():
    meetings = [r for r in rows_in_2024() if r.id == "lgvo-arbetsplan-2024-2025"
                and r.kind in (DeadlineKind.AGENDA, DeadlineKind.MEETING, DeadlineKind.MINUTES)]
    assert sorted({r.meeting for r in meetings}) == [date(2024, 3, 15), date(2024, 5, 31), date(2024, 8, 23)]
    minutes = next(r for r in meetings if r.kind == DeadlineKind.MINUTES and r.meeting == date(2024, 5, 31))
    assert minutes.date == date(2024, 6, 10)  # rule 15: five working days after, nationaldagen between
    assert minutes.ref == ObligationRef(DeadlineKind.MINUTES, "lgvo-arbetsplan-2024-2025", ("2024-05-31",))
    assert minutes.key == "minutes/lgvo-arbetsplan-2024-2025/2024-05-31"


def test_the_key_never_depends_on_the_explanation():
    # Calendar UIDs were once made from the meeting day in the explanation's parameters (d.why[1]).
    for row in rows_in_2024():
        reworded = replace(row, why=why("why_meeting", title="another title"))
        assert reworded.key == row.key and uid(reworded) == uid(row)


def test_every_obligation_in_a_window_has_its_own_key():
    result = app.calendar(app.Request(DATA, date(2026, 11, 23)), app.Window(within=3650), remind=14)
    keys = [r.key for r in result.rows]
    assert len(keys) == len(set(keys)) > 100


def test_the_keys_of_each_kind():
    rows = app.deadlines(app.Request(DATA, date(2026, 11, 23)), app.Window(until=date(2027, 1, 9))).rows
    notice = next(r for r in rows if r.kind == DeadlineKind.NOTICE_DEADLINE
                  and r.id == "missbruk-psykisk-funktionsnedsattning")
    assert notice.key == "notice_deadline/missbruk-psykisk-funktionsnedsattning/term-4"
    adoption = next(r for r in rows if r.kind == DeadlineKind.ADOPTION and r.party == "linkoping")
    assert adoption.key == "adoption/svo-arbetsplan-2026-2027/linkoping"
    followup = next(r for r in rows if r.kind == DeadlineKind.FOLLOWUP)
    assert followup.key == f"followup/{followup.id}/{followup.followup}/{followup.date.isoformat()}"


def test_one_assumed_meeting_marks_its_own_rows_only(tmp_path):
    # Marking one meeting assumed once marked every meeting, agenda and minutes row of the plan.
    data = copy_data(tmp_path)
    path = data / "workplans" / "lgvo-arbetsplan-2024-2025.yaml"
    text = path.read_text(encoding="utf-8")
    marked = text.replace("    title: LGVO (arbetsplanen fastställd)\n",
                          "    title: LGVO (arbetsplanen fastställd)\n    assumed: the day is read from the title page\n")
    assert marked != text
    path.write_text(marked, encoding="utf-8")
    result = invoke("deadlines", "--data", str(data), "--as-of", "2024-01-01", "--until", "2024-12-31",
                    "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = [r for r in json.loads(result.stdout)["deadlines"] if r["id"] == "lgvo-arbetsplan-2024-2025"
            and r["kind"] in ("agenda", "meeting", "minutes")]
    assumed = {(r["kind"], r["date"]) for r in rows if r["assumed"]}
    assert assumed == {("agenda", "2024-03-01"), ("meeting", "2024-03-15"), ("minutes", "2024-03-22")}
    assert len(rows) == 9
