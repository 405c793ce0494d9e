from __future__ import annotations

from datetime import date

import pytest

from conftest import DATA
from svo_cli.decisions import meeting_days, next_meeting
from svo_cli.loader import load_dataset
from svo_cli.model import Group, Party, Workplan
from svo_cli.obligations import check_order
from svo_cli.workplans import (
    adoption_progress,
    all_plan_deadlines,
    meeting_deadlines,
    plan_state,
    plan_status,
)

PARTIES = [Party(id=p, name=p.title(), kind="kommun") for p in ("a", "b", "c")]
GROUPS = [Group(id="alla", name="Alla", members=["a", "b", "c"])]


def plan(**fields) -> Workplan:
    base = {"id": "p", "title": "Plan", "body": "SVO", "period": {"from": "2026-01-01", "until": "2027-12-31"},
            "source": {"document": "x", "quote": "q"}}
    base.update(fields)
    return Workplan.model_validate(base)


def rows(p: Workplan, as_of: date, until: date):
    return all_plan_deadlines([p], GROUPS, PARTIES, as_of, until)


@pytest.mark.rule(id="11")
def test_plan_state():
    p = plan()
    assert [plan_state(p, d) for d in (date(2025, 12, 31), date(2026, 1, 1), date(2027, 12, 31), date(2028, 1, 1))] == [
        "upcoming", "active", "active", "ended"]


@pytest.mark.rule(id="12")
def test_adoption_progress_counts_only_adoptions_taken_by_the_date():
    p = plan(adoption={"required": ["alla"], "due": "2026-06-30"}, decisions=[
        {"party": "a", "date": "2026-03-01"},
        {"party": "b", "date": "2026-05-04", "stage": "prepared"},
        {"party": "c", "date": "2026-09-01"},
    ])
    progress = adoption_progress(p, GROUPS, date(2026, 6, 1))
    assert [x for x, _ in progress.adopted] == ["a"]
    assert progress.missing == ("b", "c") and [x for x, _ in progress.prepared] == ["b"]
    assert not progress.overdue
    later = adoption_progress(p, GROUPS, date(2026, 7, 1))
    assert later.overdue and later.missing == ("b", "c")
    assert adoption_progress(p, GROUPS, date(2026, 9, 1)).missing == ("b",)


@pytest.mark.rule(id="12")
def test_one_adoption_row_per_missing_principal_overdue_after_due():
    p = plan(adoption={"required": ["alla"], "due": "vt 2026"}, decisions=[{"party": "a", "date": "2026-03-01"}])
    found = [r for r in rows(p, date(2026, 7, 1), date(2026, 7, 1)) if r.kind == "adoption"]
    assert [(r.party, r.date, r.status, r.approximate) for r in found] == [
        ("b", date(2026, 6, 30), "overdue", True), ("c", date(2026, 6, 30), "overdue", True)]


@pytest.mark.rule(id="13")
def test_assignments_coarse_due_continuous_and_done():
    """An assignment without a due term is continuous: never a dated obligation, never overdue."""
    p = plan(areas=[{"id": "x", "title": "X", "assignments": [
        {"id": "vt", "what": "Info och beslut vt 2026", "due": "vt 2026"},
        {"id": "continuous", "what": "Löpande"},
        {"id": "done", "what": "Klar", "due": "vt 2026", "done": "2026-05-01"},
    ]}])
    found = {r.assignment: r for r in rows(p, date(2026, 7, 1), date(2027, 12, 31)) if r.kind == "assignment"}
    assert set(found) == {"vt"}
    assert (found["vt"].date, found["vt"].status) == (date(2026, 6, 30), "overdue")
    status = plan_status(p, GROUPS, date(2026, 7, 1))
    assert (status.assignments_open, status.assignments_overdue, status.assignments_done) == (2, 1, 1)


@pytest.mark.rule(id="15")
@pytest.mark.parametrize(
    "meeting, agenda_by, minutes_final",
    [
        # Two weeks before Thursday 2027-01-07 is julafton 2026-12-24: the agenda goes out 23 December.
        (date(2027, 1, 7), date(2026, 12, 23), date(2027, 1, 14)),  # minutes: 8, 11, 12, 13, 14 January
        # Friday 2026-12-18: minutes final after 21, 22, 23, 28, 29 December.
        (date(2026, 12, 18), date(2026, 12, 4), date(2026, 12, 29)),
        # Thursday 2026-04-16: two weeks before is skärtorsdagen 2 April, a working day.
        (date(2026, 4, 16), date(2026, 4, 2), date(2026, 4, 23)),
        # Thursday 2026-04-02 (skärtorsdagen): långfredag and annandag påsk are not working days.
        (date(2026, 4, 2), date(2026, 3, 19), date(2026, 4, 13)),  # minutes: 7, 8, 9, 10, 13 April
        # Friday 2026-07-03: two weeks before is midsommarafton 19 June, so 18 June.
        (date(2026, 7, 3), date(2026, 6, 18), date(2026, 7, 10)),
    ],
)
def test_meeting_deadlines_around_christmas_easter_and_midsummer(meeting, agenda_by, minutes_final):
    p = plan(meetings=[{"date": meeting.isoformat(), "title": "LGVO"}],
             meeting_rules={"agenda_before": "2 weeks", "minutes_final_after": "5 arbetsdagar"})
    (m,) = meeting_deadlines(p)
    assert (m.agenda_by, m.minutes_final) == (agenda_by, minutes_final)


@pytest.mark.rule(id="15")
def test_meeting_rows_in_the_window_and_next_meeting():
    p = plan(meetings=[{"date": "2026-05-29", "title": "Möte"}, {"date": "2026-10-01", "title": "Konferens", "kind": "conference"}],
             meeting_rules={"agenda_before": "P14D", "minutes_final_after": "5 working days"})
    found = [(r.kind, r.date) for r in rows(p, date(2026, 5, 1), date(2026, 12, 31))]
    assert found == [("agenda", date(2026, 5, 15)), ("meeting", date(2026, 5, 29)), ("minutes", date(2026, 6, 5)),
                     ("meeting", date(2026, 10, 1))]
    assert next_meeting(meeting_days([p]), date(2026, 5, 30)) is None  # conferences are not meetings to prepare for
    assert next_meeting(meeting_days([p]), date(2026, 5, 1)) == date(2026, 5, 29)


@pytest.mark.rule(id="14")
def test_plan_follow_up_of_the_last_year_comes_after_the_period():
    p = plan(followups=[{"id": "ar", "what": "Årsberättelse", "every": "1 year", "first": "vt 2027"}],
             events=[{"date": "2027-03-20", "type": "followup_done", "followup": "ar"}])
    found = [(r.date, r.status) for r in rows(p, date(2028, 7, 1), date(2028, 7, 1)) if r.kind == "followup"]
    assert found == [(date(2028, 6, 30), "overdue")]


def test_check_order_overdue_first_then_by_date():
    p = plan(adoption={"required": ["a"], "due": "2026-03-01"},
             areas=[{"id": "x", "title": "X", "assignments": [{"id": "s", "what": "S", "due": "2026-02-01"}]}],
             meetings=[{"date": "2026-04-10", "title": "M"}])
    ordered = check_order(rows(p, date(2026, 4, 1), date(2026, 4, 10)))
    assert [(r.kind, r.status) for r in ordered] == [("assignment", "overdue"), ("adoption", "overdue"),
                                                    ("meeting", "upcoming")]


@pytest.mark.rule(id="15")
def test_real_lgvo_plan_meeting_rules_from_the_source():
    dataset, _ = load_dataset(DATA)
    lgvo = next(p for p in dataset.workplan_models() if p.id == "lgvo-arbetsplan-2024-2025")
    deadlines = {m.date: m for m in meeting_deadlines(lgvo)}
    # "Agendan skickas ut senast två veckor innan mötet"; "fastställs efter fem arbetsdagar".
    assert deadlines[date(2024, 8, 23)].agenda_by == date(2024, 8, 9)
    assert deadlines[date(2024, 5, 31)].minutes_final == date(2024, 6, 10)  # nationaldagen Thursday 6 June


@pytest.mark.rule(id="12")
def test_real_svo_plan_adoption_valdemarsvik_prepared_not_adopted():
    dataset, _ = load_dataset(DATA)
    svo = next(p for p in dataset.workplan_models() if p.id == "svo-arbetsplan-2026-2027")
    progress = adoption_progress(svo, dataset.groups, date(2026, 11, 23))
    assert len(progress.required) == 14 and progress.adopted == ()
    assert dict(progress.prepared) == {"valdemarsvik": date(2026, 5, 4)}


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_COUNTY = None


def _county():
    global _COUNTY
    if _COUNTY is None:
        _COUNTY = load_dataset(DATA)[0]
    return _COUNTY


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(2016, 1, 1), max_value=date(2030, 12, 31)))
def test_plans_and_deadlines_agree_on_what_is_overdue(day):
    """`svo plans` counts as overdue exactly the assignments `svo deadlines` lists as overdue, on any day
    (after a plan's obligations run out, neither does)."""
    dataset = _county()
    for p in dataset.workplan_models():
        rows = all_plan_deadlines([p], dataset.groups, dataset.parties, day, day)
        listed = sum(1 for r in rows if r.kind == "assignment" and r.status == "overdue")
        assert plan_status(p, dataset.groups, day).assignments_overdue == listed, (p.id, day)


@pytest.mark.rule(id="15a")
def test_meetings_a_year_are_counted_against_the_dated_ones():
    """LGVO meets four times a year (003:546); the register dates three meetings in 2024 and none in 2025:
    svo show says so, in JSON for every year, and invents no day."""
    import json as _json

    from conftest import invoke

    doc = _json.loads(invoke("show", "lgvo-arbetsplan-2024-2025", "--as-of", "2026-12-02", "--format", "json").stdout)
    assert doc["meetings_dated"] == [{"year": 2024, "dated": 3, "per_year": 4}, {"year": 2025, "dated": 0, "per_year": 4}]
    assert len([m for m in doc["meetings"] if m["kind"] == "meeting"]) == 3
    text = " ".join(invoke("show", "lgvo-arbetsplan-2024-2025", "--as-of", "2026-12-02", "--lang", "sv").stdout.split())
    assert "LGVO sammanträder 4 gånger per år (meeting_rules.per_year); daterade i registret: 3 under 2024, 0 under 2025" in text
    other = _json.loads(invoke("show", "svo-arbetsplan-2026-2027", "--as-of", "2026-12-02", "--format", "json").stdout)
    assert other["meetings_dated"] == []
