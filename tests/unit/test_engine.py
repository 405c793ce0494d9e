from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import make_agreement
from svo_cli.engine import deadlines, followup_occurrences, status_of, statuses, timeline
from svo_cli.i18n import explain


def status_on(a, day, others=()):
    return {s.id: s for s in statuses([a, *others], day)}[a.id]


# ---------------------------------------------------------------- terms and deadlines


@pytest.mark.rule(id="1")
@pytest.mark.rule(id="2")
@pytest.mark.rule(id="3")
def test_source_missbruk_agreement_terms_and_notice_deadlines():
    # 002: "från och med 2018-01-01 till och med 2021-12-31 … senast tolv månader … två år i taget";
    # 003: "därefter förlängd till 2023-12-31".
    a = make_agreement()
    tl = timeline(a, date(2026, 11, 23))
    got = [(t.number, t.start, t.end, t.notice_deadline) for t in tl.terms[:4]]
    assert got == [
        (1, date(2018, 1, 1), date(2021, 12, 31), date(2020, 12, 31)),
        (2, date(2022, 1, 1), date(2023, 12, 31), date(2022, 12, 31)),
        (3, date(2024, 1, 1), date(2025, 12, 31), date(2024, 12, 31)),
        (4, date(2026, 1, 1), date(2027, 12, 31), date(2026, 12, 31)),
    ]


@pytest.mark.rule(id="1")
def test_renewal_term_starting_1_march_with_three_years_ends_29_february():
    a = make_agreement(valid_from="2018-03-01", valid_until="2021-02-28", renewal={"every": "3 years"})
    term2 = timeline(a, date(2022, 1, 1)).terms[1]
    assert (term2.start, term2.end) == (date(2021, 3, 1), date(2024, 2, 29))
    assert term2.notice_deadline == date(2023, 2, 28)  # 2024-02-29 minus 12 months


@pytest.mark.rule(id="6")
def test_status_fields_in_the_initial_term():
    s = status_on(make_agreement(), date(2020, 6, 1))
    assert (s.status, s.term, s.term_start, s.term_end) == ("active", 1, date(2018, 1, 1), date(2021, 12, 31))
    assert s.notice_deadline == date(2020, 12, 31)
    assert s.ends_on is None and not s.open_ended and not s.approximate


@pytest.mark.rule(id="3")
def test_next_notice_deadline_moves_to_the_next_term_once_passed():
    s = status_on(make_agreement(), date(2021, 1, 1))
    assert s.term == 1 and s.notice_deadline == date(2022, 12, 31)


# ---------------------------------------------------------------- notice, extension, termination


@pytest.mark.rule(id="4")
def test_notice_in_time_ends_the_current_term():
    a = make_agreement(events=[{"date": "2020-12-31", "type": "notice", "by": "linkoping"}])
    s = status_on(a, date(2021, 6, 1))
    assert (s.status, s.ends_on, s.notice_deadline) == ("notice_given", date(2021, 12, 31), None)
    assert status_on(a, date(2022, 1, 1)).status == "terminated"  # ended by a notice (rule 11)


@pytest.mark.rule(id="4")
def test_late_notice_ends_the_next_term():
    a = make_agreement(events=[{"date": "2021-01-01", "type": "notice"}])
    tl = timeline(a, date(2021, 6, 1))
    assert tl.notice.late and tl.notice.effective_term == 2
    assert status_on(a, date(2022, 6, 1)).status == "notice_given"
    assert status_on(a, date(2023, 12, 31)).status == "notice_given"
    assert status_on(a, date(2024, 1, 1)).status == "terminated"


@pytest.mark.rule(id="4")
def test_notice_is_not_known_before_it_is_given():
    a = make_agreement(events=[{"date": "2026-03-15", "type": "notice", "by": "linkoping"}])
    assert status_on(a, date(2026, 3, 14)).status == "active"
    assert status_on(a, date(2026, 3, 15)).status == "notice_given"


@pytest.mark.rule(id="4")
def test_open_ended_notice_runs_through_the_notice_period():
    a = make_agreement(valid_from="2022-01-01", valid_until="tills vidare", renewal=None,
                       notice={"period": "1 year"},
                       events=[{"date": "2026-03-15", "type": "notice"}])
    before = status_on(a, date(2026, 3, 1))
    assert before.open_ended and before.term_end is None and before.ends_on is None
    s = status_on(a, date(2026, 6, 1))
    assert (s.status, s.ends_on) == ("notice_given", date(2027, 3, 15))
    assert status_on(a, date(2027, 3, 15)).status == "notice_given"
    assert status_on(a, date(2027, 3, 16)).status == "terminated"


@pytest.mark.rule(id="4")
def test_extension_moves_the_term_end_and_renewals_follow_from_there():
    a = make_agreement(events=[{"date": "2021-06-01", "type": "extended", "until": "2023-06-30"}])
    tl = timeline(a, date(2024, 1, 1))
    assert tl.terms[0].end == date(2023, 6, 30)
    assert tl.terms[0].notice_deadline == date(2022, 6, 30)
    assert (tl.terms[1].start, tl.terms[1].end) == (date(2023, 7, 1), date(2025, 6, 30))


@pytest.mark.rule(id="4")
def test_termination_ends_the_agreement_that_day():
    a = make_agreement(events=[{"date": "2019-05-31", "type": "terminated"}])
    assert status_on(a, date(2019, 5, 31)).status == "active"
    s = status_on(a, date(2019, 6, 1))
    assert (s.status, s.ends_on) == ("terminated", date(2019, 5, 31))


@pytest.mark.rule(id="2")
@pytest.mark.rule(id="6")
def test_fixed_term_without_renewal_expires():
    a = make_agreement(renewal=None)
    assert status_on(a, date(2021, 12, 31)).ends_on == date(2021, 12, 31)
    assert status_on(a, date(2022, 1, 1)).status == "expired"


# ---------------------------------------------------------------- supersession and states


@pytest.mark.rule(id="5")
def test_superseded_from_the_day_the_newer_agreement_enters_into_force():
    old = make_agreement(id="old", valid_from="2014", valid_until="2017-12-31", renewal=None, notice=None)
    new = make_agreement(id="new", supersedes=["old"])
    assert status_on(old, date(2017, 12, 31), [new]).status == "active"
    assert status_on(old, date(2018, 1, 1), [new]).status == "superseded"


@pytest.mark.rule(id="6")
def test_upcoming_before_the_start():
    assert status_on(make_agreement(), date(2017, 12, 31)).status == "upcoming"


# ---------------------------------------------------------------- coarse dates


@pytest.mark.rule(id="7")
def test_coarse_valid_from_is_in_force_from_its_earliest_day_and_flagged():
    a = make_agreement(valid_from="2022", valid_until="tills vidare", renewal=None, notice=None)
    assert status_on(a, date(2021, 12, 31)).status == "upcoming"
    s = status_on(a, date(2022, 1, 1))
    assert s.status == "active" and s.approximate


@pytest.mark.rule(id="7")
def test_coarse_valid_until_counts_deadlines_from_its_earliest_day_but_stays_in_force_to_its_last():
    a = make_agreement(valid_from="2018-01-01", valid_until="vt 2021")
    term1 = timeline(a, date(2019, 1, 1)).terms[0]
    assert term1.end == date(2021, 6, 30)
    assert term1.notice_deadline == date(2020, 1, 1)  # 2021-01-01 minus 12 months
    s = status_on(a, date(2021, 6, 30))
    assert s.status == "active" and s.term == 1 and s.approximate


@pytest.mark.rule(id="7")
def test_something_due_by_a_coarse_date_is_due_on_its_last_day():
    a = make_agreement(followups=[{"id": "x", "what": "X", "due": "vt 2025"}])
    rows = [d for d in deadlines([a], date(2025, 1, 1), date(2025, 12, 31)) if d.kind == "followup"]
    assert [(r.date, r.approximate) for r in rows] == [(date(2025, 6, 30), True)]


# ---------------------------------------------------------------- follow-ups


def annual(**extra):
    return {"id": "arlig", "what": "Årlig uppföljning", "every": "1 year", "first": "2019", **extra}


@pytest.mark.rule(id="8")
def test_annual_follow_up_from_2019_with_one_done():
    a = make_agreement(followups=[annual()],
                       events=[{"date": "2019-11-20", "type": "followup_done", "followup": "arlig"}])
    occs, unmatched = followup_occurrences(timeline(a, date(2021, 3, 1)), date(2021, 3, 1))
    assert [(o.due, o.done_on) for o in occs] == [
        (date(2019, 12, 31), date(2019, 11, 20)),
        (date(2020, 12, 31), None),
    ]
    assert unmatched == []
    rows = deadlines([a], date(2021, 3, 1), date(2021, 3, 31))
    assert [(r.date, r.status) for r in rows if r.kind == "followup"] == [(date(2020, 12, 31), "overdue")]


@pytest.mark.rule(id="8")
def test_done_event_completes_the_earliest_open_occurrence_that_had_opened():
    a = make_agreement(followups=[annual()], events=[
        {"date": "2021-02-01", "type": "followup_done", "followup": "arlig"},  # catches up 2019
        {"date": "2021-03-01", "type": "followup_done", "followup": "arlig"},  # then 2020
        {"date": "2021-04-01", "type": "followup_done", "followup": "arlig"},  # then 2021 (opened 2021-01-01)
        {"date": "2021-05-01", "type": "followup_done", "followup": "arlig"},  # 2022 has not opened
    ])
    occs, unmatched = followup_occurrences(timeline(a, date(2021, 6, 1)), date(2021, 12, 31))
    assert [o.done_on for o in occs] == [date(2021, 2, 1), date(2021, 3, 1), date(2021, 4, 1)]
    assert [e.date.start for e in unmatched] == [date(2021, 5, 1)]


@pytest.mark.rule(id="8")
def test_done_event_may_name_its_occurrence():
    a = make_agreement(followups=[annual()], events=[
        {"date": "2021-02-01", "type": "followup_done", "followup": "arlig", "occurrence": "2020"}])
    occs, _ = followup_occurrences(timeline(a, date(2021, 6, 1)), date(2021, 12, 31))
    assert [o.done_on for o in occs] == [None, date(2021, 2, 1), None]


@pytest.mark.rule(id="8")
def test_mandate_period_follow_up_is_due_14_october_of_election_years_while_in_force():
    a = make_agreement(valid_from="2019-01-01", valid_until=None, renewal=None, notice=None,
                       followups=[{"id": "m", "what": "Utvärdering", "at": "end_of_mandate_period"}])
    occs, _ = followup_occurrences(timeline(a, date(2031, 1, 1)), date(2031, 1, 1))
    assert [o.due for o in occs] == [date(2022, 10, 14), date(2026, 10, 14), date(2030, 10, 14)]


@pytest.mark.rule(id="8")
def test_follow_up_before_each_notice_deadline_with_lead():
    a = make_agreement(followups=[{"id": "f", "what": "Inför förlängning", "before": "notice_deadline",
                                   "lead": "3 months"}])
    occs, _ = followup_occurrences(timeline(a, date(2023, 1, 1), through=date(2023, 1, 1)), date(2023, 1, 1))
    assert [o.due for o in occs] == [date(2020, 9, 30), date(2022, 9, 30)]


@pytest.mark.rule(id="8")
def test_follow_ups_stop_when_the_agreement_ends():
    a = make_agreement(renewal=None, followups=[annual()])
    occs, _ = followup_occurrences(timeline(a, date(2030, 1, 1)), date(2030, 1, 1))
    assert occs[-1].due == date(2021, 12, 31)


@pytest.mark.rule(id="8b")
def test_tracked_from_hides_nothing_it_marks_earlier_occurrences_unrecorded():
    """Rule 8b: occurrences before the record start are neither left out nor overdue."""
    a = make_agreement(followups=[annual(tracked_from="2026")])
    occs, _ = followup_occurrences(timeline(a, date(2026, 12, 31)), date(2026, 12, 31))
    assert [(o.due.year, o.unrecorded) for o in occs] == [(y, 1) for y in range(2019, 2026)] + [(2026, 0)]


# ---------------------------------------------------------------- act_by


@pytest.mark.rule(id="9")
def test_deadline_rows_carry_act_by_and_explanations():
    a = make_agreement()
    rows = deadlines([a], date(2026, 11, 23), date(2027, 12, 31))
    notice = next(r for r in rows if r.kind == "notice_deadline")
    assert (notice.date, notice.act_by, notice.days_left, notice.status) == (
        date(2026, 12, 31), date(2026, 12, 30), 38, "upcoming")
    assert "2027-12-31 minus 12 months" in explain(notice.why, "en")
    end = next(r for r in rows if r.kind == "term_end")
    assert end.date == date(2027, 12, 31) and "renews" in explain(end.why, "en")


@pytest.mark.rule(id="9")
def test_due_today_and_overdue_states():
    a = make_agreement(followups=[{"id": "x", "what": "X", "due": "2026-11-23"}])
    assert [r.status for r in deadlines([a], date(2026, 11, 23), date(2026, 11, 23)) if r.kind == "followup"] == ["due"]
    assert [r.status for r in deadlines([a], date(2026, 11, 24), date(2026, 11, 24)) if r.kind == "followup"] == ["overdue"]


# ---------------------------------------------------------------- properties

starts = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))
term_lengths = st.sampled_from(["1 year", "2 years", "3 years", "18 months", "6 months", "P1Y6M", "90 days"])
notices = st.sampled_from(["1 month", "3 months", "6 months", "12 months", "P30D"])


@pytest.mark.rule(id="1")
@pytest.mark.rule(id="2")
@pytest.mark.rule(id="3")
@settings(max_examples=150, deadline=None)
@given(starts, st.integers(30, 3000), term_lengths, notices, st.integers(0, 8000))
def test_term_sequence_properties(start, first_length, every, before_end, offset):
    until = start + timedelta(days=first_length)
    a = make_agreement(valid_from=start.isoformat(), valid_until=until.isoformat(),
                       renewal={"every": every}, notice={"before_end": before_end})
    day = start + timedelta(days=offset)
    tl = timeline(a, day, through=day + timedelta(days=800))
    for previous, term in zip(tl.terms, tl.terms[1:]):
        assert term.start == previous.end + timedelta(days=1)  # contiguous, non-overlapping
        assert term.number == previous.number + 1
    for term in tl.terms:
        assert term.start <= term.end
        assert term.notice_deadline < term.end  # a notice deadline comes before its term's end
    s = status_of(tl)
    current = tl.term_on(day)
    assert s.status in ("active", "upcoming")
    assert (s.status == "active") == (current is not None)
    if current is not None:
        assert (s.term, s.term_start, s.term_end) == (current.number, current.start, current.end)
        assert s.notice_deadline is not None and s.notice_deadline >= day


@pytest.mark.rule(id="4")
@settings(max_examples=100, deadline=None)
@given(starts, term_lengths, st.integers(0, 3000), st.integers(0, 3000))
def test_a_notice_always_ends_the_agreement_at_a_term_end(start, every, notice_offset, look):
    until = start + timedelta(days=700)
    notice_day = start + timedelta(days=notice_offset)
    a = make_agreement(valid_from=start.isoformat(), valid_until=until.isoformat(),
                       renewal={"every": every},
                       events=[{"date": notice_day.isoformat(), "type": "notice"}])
    tl = timeline(a, notice_day)
    assert tl.final_end is not None and tl.final_end >= notice_day
    assert tl.final_end == tl.terms[-1].end
    ending = tl.notice.effective_term
    assert ending == tl.terms[-1].number
    # it ends the first term whose notice deadline is on or after the notice date (rule 3)
    assert tl.schedule.natural_deadline(ending) >= notice_day
    if ending > 1:
        assert tl.schedule.natural_deadline(ending - 1) < notice_day
    given_in = tl.notice.given_in_term
    assert tl.notice.late == (ending > given_in)
    later = notice_day + timedelta(days=look)
    expected = "notice_given" if later <= tl.final_end else "terminated"
    assert status_of(timeline(a, later)).status == expected


@pytest.mark.rule(id="5")
def test_notice_deadlines_before_a_later_supersession_still_count():
    # 000: "Ramavtal ungdomshälsor … gäller till och med 2018-12-31 … uppsägning ske senast 2017-12-31";
    # its successor enters into force 2021-01-01.
    old = make_agreement(id="old", valid_from="2016", valid_until="2018-12-31")
    new = make_agreement(id="new", valid_from="2021-01-01", valid_until="2022-12-30", supersedes=["old"])
    s = status_on(old, date(2017, 6, 1), [new])
    assert (s.status, s.notice_deadline) == ("active", date(2017, 12, 31))
    # term 2 (2019-2020) ends 2020-12-31 with the supersession whatever is done: no deadline (rule 5)
    assert status_on(old, date(2019, 6, 1), [new]).notice_deadline is None
    assert status_on(old, date(2020, 6, 1), [new]).notice_deadline is None  # 2021-12-31 is after supersession
    assert status_on(old, date(2021, 1, 1), [new]).status == "superseded"


@pytest.mark.rule(id="8")
def test_a_follow_up_done_before_its_due_date_completes_it():
    a = make_agreement(valid_from="2022-06-25", valid_until="tills vidare", renewal=None,
                       notice={"period": "6 months"}, followups=[annual(first="2023")], events=[
                           {"date": "2024-11-13", "type": "followup_done", "followup": "arlig", "occurrence": "2024"},
                           {"date": "2025-03-16", "type": "followup_done", "followup": "arlig", "occurrence": "2025"}])
    tl = timeline(a, date(2025, 3, 20))
    occs, unmatched = followup_occurrences(tl, date(2025, 6, 20))
    assert unmatched == []
    rows = deadlines([a], date(2025, 3, 20), date(2026, 1, 31))
    assert [(r.date, r.status) for r in rows if r.kind == "followup"] == [(date(2023, 12, 31), "overdue")]
    # and without naming the occurrence: the earliest open one that has opened is the 2023 one (late)
    b = make_agreement(valid_from="2022-06-25", valid_until="tills vidare", renewal=None,
                       notice={"period": "6 months"}, followups=[annual(first="2023")], events=[
                           {"date": "2025-03-16", "type": "followup_done", "followup": "arlig"}])
    occs, unmatched = followup_occurrences(timeline(b, date(2025, 3, 20)), date(2025, 3, 20))
    assert [(o.due, o.done_on) for o in occs] == [(date(2023, 12, 31), date(2025, 3, 16)), (date(2024, 12, 31), None)]
