"""The rules of docs/rules.md, one test (or more) per rule with its example, and properties over
generated agreements. Each test names the rule it tests with its number in docs/rules.md
(`@pytest.mark.rule(id=…)`; tests/unit/test_rule_numbering.py holds the numbers to the document)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA, make_agreement, make_agreement_any_period
from svo_cli.dates import add_working_days, add_working_days_slowly, parse_duration, subtract
from svo_cli.engine import deadlines, detail, followup_occurrences, status_of, statuses, timeline
from svo_cli.i18n import explain
from svo_cli.loader import load_dataset
from svo_cli.obligations import OVERDUE_LISTED
from svo_cli.terms import NoticeRule


def status_on(a, day, others=(), **kw):
    return {s.id: s for s in statuses([a, *others], day, **kw)}[a.id]


def rows_of(a, as_of, until, kind=None, others=(), **kw):
    found = [r for r in deadlines([a, *others], as_of, until, **kw) if r.id == a.id]
    return [r for r in found if kind is None or r.kind == kind]


def text(row) -> str:
    return explain(row.why, "en")


def county():
    dataset, _ = load_dataset(DATA)
    return dataset.agreement_models()


# ---------------------------------------------------------------- a notice deadline for every notice clause


@pytest.mark.rule(id="3")
def test_before_end_deadline_is_the_term_end_minus_the_notice():
    tl = timeline(make_agreement(), date(2020, 1, 1))
    assert tl.terms[0].notice_deadline == date(2020, 12, 31)  # 2021-12-31 - 12 months


@pytest.mark.rule(id="3")
def test_period_only_deadline_is_the_last_day_whose_notice_runs_out_by_the_term_end():
    a = make_agreement(notice={"period": "6 months"})
    terms = timeline(a, date(2020, 1, 1)).terms
    assert [(t.end, t.notice_deadline) for t in terms[:2]] == [
        (date(2021, 12, 31), date(2021, 6, 30)),  # 2021-07-01 + 6 months = 2022-01-01: too late
        (date(2023, 12, 31), date(2023, 6, 30)),
    ]


@pytest.mark.rule(id="3")
def test_period_only_deadline_with_a_month_end():
    # 2022-01-31 + 1 month = 2022-02-28 (clamped): still in time for a term ending 2022-02-28
    a = make_agreement(valid_until="2022-02-28", notice={"period": "1 month"})
    terms = timeline(a, date(2020, 1, 1)).terms
    assert [t.notice_deadline for t in terms[:2]] == [date(2022, 1, 31), date(2024, 1, 31)]


@pytest.mark.rule(id="3")
@pytest.mark.rule(id="4")
def test_period_only_deadline_is_the_rule_that_decides_which_term_a_notice_ends():
    a = make_agreement(notice={"period": "6 months"})
    on_time = make_agreement(notice={"period": "6 months"}, events=[{"date": "2021-06-30", "type": "notice"}])
    late = make_agreement(notice={"period": "6 months"}, events=[{"date": "2021-07-01", "type": "notice"}])
    assert timeline(a, date(2020, 1, 1)).terms[0].notice_deadline == date(2021, 6, 30)
    assert timeline(on_time, date(2021, 7, 1)).final_end == date(2021, 12, 31)
    assert timeline(late, date(2021, 7, 1)).final_end == date(2023, 12, 31)


@pytest.mark.rule(id="3")
def test_a_renewing_agreement_without_notice_rule_has_no_deadline():
    a = make_agreement(notice=None)
    assert status_on(a, date(2020, 1, 1)).notice_deadline is None
    assert rows_of(a, date(2020, 1, 1), date(2030, 1, 1), "notice_deadline") == []


# ---------------------------------------------------------------- the next deadline, wherever it is


def eighteen_months(**extra):
    return make_agreement(valid_from="2020-01-01", valid_until="2020-12-31", notice={"before_end": "18 months"},
                          renewal={"every": "1 year"}, **extra)


@pytest.mark.rule(id="3")
def test_the_next_notice_deadline_may_belong_to_a_term_two_renewals_ahead():
    # in term 2 (2021) the deadlines of terms 2 and 3 have passed; term 4's is 2022-06-30
    s = status_on(eighteen_months(), date(2021, 8, 1))
    assert (s.term, s.notice_deadline) == (2, date(2022, 6, 30))
    rows = rows_of(eighteen_months(), date(2021, 8, 1), date(2023, 12, 31), "notice_deadline")
    assert [(r.date, r.term) for r in rows] == [(date(2022, 6, 30), 4), (date(2023, 6, 30), 5)]


@pytest.mark.rule(id="3")
def test_deadlines_list_every_notice_deadline_in_a_window_of_any_length():
    a = make_agreement(renewal={"every": "1 year"})
    rows = rows_of(a, date(2020, 1, 1), date(2119, 12, 31), "notice_deadline")
    assert len(rows) == 100 and rows[0].date == date(2020, 12, 31) and rows[-1].date == date(2119, 12, 31)


# ---------------------------------------------------------------- late notice


@pytest.mark.rule(id="4")
def test_late_notice_on_eighteen_months_and_yearly_renewal_skips_two_terms():
    a = eighteen_months(events=[{"date": "2021-08-01", "type": "notice"}])
    tl = timeline(a, date(2021, 8, 1))
    n = tl.notice
    assert (n.given_in_term, n.effective_term, n.last_day) == (2, 4, date(2023, 12, 31))
    assert (n.late, n.missed_deadline, n.effective_deadline) == (True, date(2021, 6, 30), date(2022, 6, 30))
    assert status_on(a, date(2023, 12, 31)).status == "notice_given"
    assert status_on(a, date(2024, 1, 1)).status == "terminated"


@pytest.mark.rule(id="4")
def test_svo208_names_the_missed_deadline_and_the_term_the_notice_ends(tmp_path):
    from svo_cli.loader import load_files
    from svo_cli.validate import validate

    path = tmp_path / "sen.yaml"
    path.write_text(
        "id: sen\ntitle: T\nkind: avtal\nparties: [region-ostergotland]\nvalid_from: 2020-01-01\n"
        "valid_until: 2020-12-31\nnotice: {before_end: 18 months}\nrenewal: {every: 1 year}\n"
        "events:\n  - {date: 2021-08-01, type: notice, by: region-ostergotland}\nsource: {document: d, quote: q}\n",
        encoding="utf-8")
    dataset, diagnostics, _ = load_files([path], DATA)
    found = [d for d in diagnostics + validate(dataset) if d.code == "SVO208"]
    assert [d.message for d in found] == [
        "late notice: given 2021-08-01, after the notice deadline 2021-06-30 of term 3; it ends term 4 on "
        "2023-12-31, the first term whose notice deadline (2022-06-30) is on or after it"]
    assert found[0].hint == "check the date; the agreement renews 2 more times before it ends"


@pytest.mark.rule(id="4")
def test_a_notice_on_a_fixed_term_is_never_late_and_claims_no_renewal(tmp_path):
    from svo_cli.loader import load_files
    from svo_cli.validate import validate

    path = tmp_path / "fast.yaml"
    path.write_text(
        "id: fast\ntitle: T\nkind: avtal\nparties: [region-ostergotland]\nvalid_from: 2018-01-01\n"
        "valid_until: 2021-12-31\nnotice: {before_end: 12 months}\n"
        "events:\n  - {date: 2021-06-01, type: notice, by: region-ostergotland}\nsource: {document: d, quote: q}\n",
        encoding="utf-8")
    dataset, diagnostics, _ = load_files([path], DATA)
    assert [d for d in diagnostics + validate(dataset) if d.code == "SVO208"] == []


# ---------------------------------------------------------------- no cap on terms


@pytest.mark.rule(id="2")
def test_the_term_of_a_daily_renewal_in_2199_is_computed_directly():
    a = make_agreement_any_period(valid_from="2000-01-01", valid_until="2000-01-01", renewal={"every": "1 day"},
                       notice={"before_end": "49999 arbetsdagar"})
    s = status_on(a, date(2199, 12, 31))
    assert (s.status, s.term, s.term_start, s.term_end) == ("active", 73049, date(2199, 12, 31), date(2199, 12, 31))
    # the first term whose deadline (its end minus 49,999 working days) is on or after the date
    assert s.notice_deadline == date(2199, 12, 31)
    assert subtract(s.binding_until, parse_duration("49999 arbetsdagar")) == date(2199, 12, 31)


@pytest.mark.rule(id="6")
def test_term_is_null_only_when_not_in_force():
    a = make_agreement(renewal={"every": "1 month"})
    assert status_on(a, date(2017, 12, 31)).term is None
    assert status_on(a, date(2150, 6, 15)).term == 2 + (2150 - 2022) * 12 + 5  # term 2 is 2022-01


# ---------------------------------------------------------------- terminated only brings the end forward


@pytest.mark.rule(id="4")
def test_terminated_before_the_known_end_brings_it_forward():
    a = make_agreement(renewal=None, events=[{"date": "2020-05-31", "type": "terminated"}])
    s = status_on(a, date(2020, 6, 1))
    assert (s.status, s.ends_on) == ("terminated", date(2020, 5, 31))


@pytest.mark.rule(id="4")
def test_terminated_after_the_known_end_changes_nothing_and_validate_warns():
    a = make_agreement(renewal=None, events=[{"date": "2022-03-01", "type": "terminated"}])
    assert (status_on(a, date(2022, 6, 1)).status, status_on(a, date(2022, 6, 1)).ends_on) == (
        "expired", date(2021, 12, 31))
    tl = timeline(a, date(2030, 1, 1))
    assert [(t.position, t.event.date.end, t.known_end) for t in tl.ignored_terminations] == [
        (0, date(2022, 3, 1), date(2021, 12, 31))]


# ---------------------------------------------------------------- advance termination


@pytest.mark.rule(id="4c")
def test_termination_decided_in_advance():
    a = make_agreement(events=[{"date": "2026-03-01", "type": "terminated", "effective": "2026-09-30"}])
    before = status_on(a, date(2026, 2, 28))
    assert (before.ends_on, before.notice_deadline) == (None, date(2026, 12, 31))
    s = status_on(a, date(2026, 3, 1))
    assert (s.status, s.ends_on, s.notice_deadline, s.binding_until) == ("active", date(2026, 9, 30), None,
                                                                         date(2026, 9, 30))
    rows = rows_of(a, date(2026, 3, 1), date(2027, 12, 31))
    assert [(r.date, r.kind) for r in rows] == [(date(2026, 9, 30), "term_end")]
    assert text(rows[0]) == "term 4 ends and the agreement expires (terminated by a decision of 2026-03-01)"
    assert status_on(a, date(2026, 10, 1)).status == "terminated"


@pytest.mark.rule(id="4c")
def test_notice_deadlines_after_the_effective_day_disappear():
    a = make_agreement(events=[{"date": "2026-03-01", "type": "terminated", "effective": "2030-06-30"}])
    rows = rows_of(a, date(2026, 3, 2), date(2031, 12, 31))
    assert [(r.date, r.kind, r.term) for r in rows] == [
        (date(2026, 12, 31), "notice_deadline", 4), (date(2027, 12, 31), "term_end", 4),
        (date(2028, 12, 31), "notice_deadline", 5), (date(2029, 12, 31), "term_end", 5),
        (date(2030, 6, 30), "term_end", 6)]


# ---------------------------------------------------------------- early notice on a fixed term


@pytest.mark.rule(id="4")
def test_notice_on_a_fixed_term_with_a_notice_period_ends_it_early():
    a = make_agreement(renewal=None, notice={"period": "3 months"}, events=[{"date": "2020-05-10", "type": "notice"}])
    s = status_on(a, date(2020, 6, 1))
    assert (s.status, s.ends_on) == ("notice_given", date(2020, 8, 10))
    assert status_on(a, date(2020, 8, 11)).status == "terminated"


@pytest.mark.rule(id="4")
def test_notice_on_a_fixed_term_running_past_its_end_changes_nothing():
    a = make_agreement(renewal=None, notice={"period": "3 months"}, events=[{"date": "2021-11-01", "type": "notice"}])
    s = status_on(a, date(2021, 11, 2))
    assert (s.status, s.ends_on) == ("active", date(2021, 12, 31))
    assert status_on(a, date(2022, 1, 1)).status == "expired"


# ---------------------------------------------------------------- notice to the end of a period


@pytest.mark.rule(id="4a")
def test_notice_to_the_end_of_a_period():
    rule = {u: NoticeRule(period=parse_duration("3 months"), to_end_of=u) for u in
            ("month", "quarter", "half_year", "year")}
    day = date(2026, 2, 10)  # + 3 months = 2026-05-10
    assert {u: r.end_after(day) for u, r in rule.items()} == {
        "month": date(2026, 5, 31), "quarter": date(2026, 6, 30), "half_year": date(2026, 6, 30),
        "year": date(2026, 12, 31)}


@pytest.mark.rule(id="4a")
def test_open_ended_notice_to_the_end_of_a_quarter():
    a = make_agreement(valid_until=None, renewal=None, notice={"period": "1 year", "to_end_of": "quarter"},
                       events=[{"date": "2026-03-15", "type": "notice"}])
    assert status_on(a, date(2026, 6, 1)).ends_on == date(2027, 3, 31)


@pytest.mark.rule(id="4a")
def test_renewing_deadline_with_notice_to_the_end_of_a_month():
    # a term ending 2021-12-15: notice must run out by 2021-11-30, the last month end before it
    a = make_agreement(valid_until="2021-12-15", notice={"period": "3 months", "to_end_of": "month"})
    assert timeline(a, date(2020, 1, 1)).terms[0].notice_deadline == date(2021, 8, 31)


# ---------------------------------------------------------------- renewal cap


@pytest.mark.rule(id="2")
def test_at_most_n_renewals():
    a = make_agreement(renewal={"every": "2 years", "max": 2})
    assert [(status_on(a, d).term, status_on(a, d).notice_deadline) for d in
            (date(2021, 6, 1), date(2023, 6, 1), date(2025, 6, 1))] == [
        (1, date(2022, 12, 31)), (2, None), (3, None)]
    assert status_on(a, date(2026, 1, 1)).status == "expired"
    rows = rows_of(a, date(2023, 6, 1), date(2026, 12, 31))
    assert [(r.date, r.kind, r.term) for r in rows] == [(date(2023, 12, 31), "term_end", 2),
                                                        (date(2025, 12, 31), "term_end", 3)]
    assert text(rows[1]) == "term 3 ends and the agreement expires (the last of at most 2 renewals)"


@pytest.mark.rule(id="2")
@pytest.mark.rule(id="4")
def test_a_notice_after_the_last_deadline_of_a_capped_agreement_changes_nothing():
    a = make_agreement(renewal={"every": "2 years", "max": 1}, events=[{"date": "2023-01-01", "type": "notice"}])
    assert status_on(a, date(2024, 1, 1)).status == "expired"


# ---------------------------------------------------------------- withdrawal


def three_parties(*events, **extra):
    return make_agreement(parties=["region-ostergotland", "linkoping", "motala"],
                          notice={"before_end": "12 months", "effect": "withdrawal"}, events=list(events), **extra)


@pytest.mark.rule(id="4b")
def test_withdrawal_ends_one_partys_participation():
    a = three_parties({"date": "2020-06-01", "type": "notice", "by": "motala"})
    s = status_on(a, date(2020, 7, 1))
    assert (s.status, s.ends_on) == ("active", None)
    assert [(w.party, w.last_day) for w in s.withdrawn] == [("motala", date(2021, 12, 31))]
    rows = rows_of(a, date(2020, 7, 1), date(2022, 1, 31), "withdrawal")
    assert [(r.date, r.party, r.term) for r in rows] == [(date(2021, 12, 31), "motala", 1)]
    assert status_on(a, date(2022, 6, 1)).status == "active"
    assert status_on(a, date(2020, 1, 1)).withdrawn == ()  # not yet given


@pytest.mark.rule(id="4b")
def test_the_agreement_ends_when_fewer_than_two_parties_remain():
    a = three_parties({"date": "2020-06-01", "type": "notice", "by": "motala"},
                      {"date": "2021-02-01", "type": "notice", "by": "linkoping"})  # late: term 2
    s = status_on(a, date(2021, 3, 1))
    assert (s.status, s.ends_on, s.binding_until) == ("notice_given", date(2023, 12, 31), date(2023, 12, 31))
    assert [(w.party, w.last_day) for w in s.withdrawn] == [("motala", date(2021, 12, 31)),
                                                             ("linkoping", date(2023, 12, 31))]
    assert status_on(a, date(2024, 1, 1)).status == "terminated"
    end = [r for r in rows_of(a, date(2021, 3, 1), date(2024, 1, 1), "term_end") if r.term == 2]
    assert "fewer than two parties remain" in text(end[0])


@pytest.mark.rule(id="4b")
def test_a_group_counts_as_its_members():
    a = make_agreement(parties=["region-ostergotland", "kommunerna"],
                       notice={"before_end": "12 months", "effect": "withdrawal"},
                       events=[{"date": "2020-06-01", "type": "notice", "by": "region-ostergotland"}])
    groups = {"kommunerna": ["linkoping", "motala"]}
    assert status_on(a, date(2022, 1, 1), groups=groups).status == "active"
    assert status_on(a, date(2022, 1, 1)).status == "terminated"  # without membership: two parties, one left
    detailed = detail([a], a.id, date(2022, 1, 1), date(2023, 1, 1), groups=groups)
    assert detailed.status.status == "active"


# ---------------------------------------------------------------- status after the end


@pytest.mark.rule(id="6")
def test_status_after_the_end_says_why_it_ended():
    notice = make_agreement(events=[{"date": "2020-12-01", "type": "notice"}])
    terminated = make_agreement(events=[{"date": "2020-12-01", "type": "terminated"}])
    fixed = make_agreement(renewal=None)
    capped = make_agreement(renewal={"every": "2 years", "max": 0})
    day = date(2022, 1, 1)
    assert [status_on(a, day).status for a in (notice, terminated, fixed, capped)] == [
        "terminated", "terminated", "expired", "expired"]


# ---------------------------------------------------------------- binding_until


@pytest.mark.rule(id="6")
def test_binding_until_in_the_county_on_2026_11_23():
    by_id = {s.id: s for s in statuses(county(), date(2026, 11, 23))}
    assert by_id["placerade-barn-och-unga"].binding_until == date(2028, 12, 31)  # its 2025-12-31 deadline passed
    assert by_id["missbruk-psykisk-funktionsnedsattning"].binding_until == date(2027, 12, 31)
    assert by_id["lgvo-arbetsplan-2026-2027"].binding_until == date(2027, 12, 31)  # a fixed term
    assert by_id["lakarmedverkan"].binding_until == date(2027, 11, 23)  # open-ended, a year's notice
    assert by_id["psykisk-ohalsa-2013"].binding_until is None  # not in force


@pytest.mark.rule(id="6")
def test_binding_until_with_a_cap_and_after_a_notice():
    capped = make_agreement(renewal={"every": "2 years", "max": 1})
    assert status_on(capped, date(2022, 6, 1)).binding_until == date(2023, 12, 31)
    noticed = make_agreement(events=[{"date": "2020-06-01", "type": "notice"}])
    assert status_on(noticed, date(2020, 6, 2)).binding_until == date(2021, 12, 31)
    assert status_on(make_agreement(), date(2017, 1, 1)).binding_until is None  # upcoming


# ---------------------------------------------------------------- approximate everywhere


@pytest.mark.rule(id="7")
def test_every_coarse_input_sets_approximate_and_is_named():
    exact = make_agreement()
    assert not status_on(exact, date(2020, 1, 1)).approximate
    cases = {
        "valid_until vt 2021": make_agreement(valid_until="vt 2021"),
        "notice 2020": make_agreement(events=[{"date": "2020", "type": "notice"}]),
        "terminated 2021-Q1": make_agreement(events=[{"date": "2021-Q1", "type": "terminated"}]),
        "extended until 2023": make_agreement(events=[{"date": "2021-06-01", "type": "extended", "until": "2023"}]),
    }
    for name, a in cases.items():
        tl = timeline(a, date(2021, 6, 1))
        assert status_of(tl).approximate and name in {str(c) for c in tl.coarse}, name
    row = rows_of(cases["valid_until vt 2021"], date(2019, 1, 1), date(2020, 6, 1), "notice_deadline")[0]
    assert row.approximate and "[coarse: valid_until vt 2021]" in text(row)


@pytest.mark.rule(id="7")
def test_a_coarse_supersession_is_named():
    old = make_agreement(id="old")
    new = make_agreement(id="new", valid_from="2023", valid_until="2025-12-31", supersedes=["old"])
    s = status_on(old, date(2022, 6, 1), [new])
    assert s.approximate and s.ends_on == date(2022, 12, 31)
    row = rows_of(old, date(2022, 6, 1), date(2023, 1, 1), "term_end", others=[new])[0]
    assert row.approximate and "supersession new valid_from 2023" in text(row)


# ---------------------------------------------------------------- follow-up due dates


@pytest.mark.rule(id="8")
def test_exact_first_is_due_on_first_plus_k_periods_from_the_anchor():
    a = make_agreement(valid_from="2023-01-01", valid_until=None, renewal=None, notice=None, followups=[
        {"id": "y", "what": "Y", "every": "1 year", "first": "2023-02-28"},
        {"id": "m", "what": "M", "every": "1 month", "first": "2025-01-30"}])
    occs, _ = followup_occurrences(timeline(a, date(2025, 4, 1)), date(2025, 4, 1))
    assert [(o.followup, o.due) for o in occs] == [
        ("y", date(2023, 2, 28)), ("y", date(2024, 2, 28)), ("y", date(2025, 2, 28)),
        ("m", date(2025, 1, 30)), ("m", date(2025, 2, 28)), ("m", date(2025, 3, 30))]


@pytest.mark.rule(id="8")
def test_a_one_off_exists_only_while_in_force():
    a = make_agreement(renewal=None, followups=[{"id": "x", "what": "X", "due": "2030"}])
    assert followup_occurrences(timeline(a, date(2031, 1, 1)), date(2031, 1, 1))[0] == []


@pytest.mark.rule(id="8")
def test_a_pre_renewal_review_done_before_its_due_date_completes_it():
    a = make_agreement(followups=[{"id": "f", "what": "F", "before": "notice_deadline", "tracked_from": "2022"}],
                       events=[{"date": "2022-03-01", "type": "followup_done", "followup": "f"}])
    occs, unmatched = followup_occurrences(timeline(a, date(2022, 6, 1)), date(2023, 1, 1))
    assert unmatched == []
    # term 2's deadline 2022-12-31 opens the day after term 1's (2020-12-31); term 1's, before the record
    # start, is not completed by it (rule 8b)
    assert [(o.due, o.opens, o.done_on) for o in occs] == [(date(2020, 12, 31), date(2018, 1, 1), None),
                                                           (date(2022, 12, 31), date(2021, 1, 1), date(2022, 3, 1))]
    assert [r.status for r in rows_of(a, date(2022, 6, 1), date(2023, 1, 1), "followup")] == ["unrecorded"]


# ---------------------------------------------------------------- act on time


@pytest.mark.rule(id="9")
def test_due_from_the_last_working_day_to_act():
    # Easter Sunday 2026-04-05: act by Thursday 2026-04-02 (Good Friday is a holiday)
    a = make_agreement(followups=[{"id": "x", "what": "X", "due": "2026-04-05"}])

    def row(day):
        return rows_of(a, day, date(2026, 5, 1), "followup")[0]

    assert (row(date(2026, 4, 1)).status, row(date(2026, 4, 1)).act_days_left) == ("upcoming", 1)
    for day in (date(2026, 4, 2), date(2026, 4, 4), date(2026, 4, 5)):  # Thursday, Saturday, Sunday
        assert row(day).status == "due"
    saturday = row(date(2026, 4, 4))
    assert (saturday.act_by, saturday.days_left, saturday.act_days_left) == (date(2026, 4, 2), 1, -2)
    assert row(date(2026, 4, 6)).status == "overdue"


# ---------------------------------------------------------------- explanations name the term end


@pytest.mark.rule(id="3")
@pytest.mark.rule(id="5")
def test_explanation_names_the_term_end_counted_from_after_a_supersession():
    old = make_agreement(id="old", valid_from="2016", valid_until="2018-12-31")
    new = make_agreement(id="new", valid_from="2022-07-01", valid_until="2024-12-31", supersedes=["old"])
    rows = rows_of(old, date(2019, 6, 1), date(2022, 12, 31), "notice_deadline", others=[new])
    # term 2's deadline is counted from its end; term 3, cut short at 2022-06-30 by the supersession,
    # ends then whatever is done: no deadline (rule 5)
    assert [r.date for r in rows] == [date(2019, 12, 31)]
    assert "term end 2020-12-31 minus 12 months" in text(rows[0])
    terms = detail([old, new], "old", date(2020, 6, 1), date(2023, 1, 1)).timeline.terms
    assert (terms[-1].end, terms[-1].notice_deadline) == (date(2022, 6, 30), None)


# ---------------------------------------------------------------- bounded work (red F8, F9)
# Data with periods under 1 month is refused (SVO111, tests/corpus/renewal-every-day.yaml); the engine
# stays bounded for whatever periods it is given all the same.


@pytest.mark.rule(id="8")
def test_daily_follow_ups_from_1900_list_the_window_and_the_latest_overdue():
    followups = [{"id": f"f{i}", "what": "w", "every": "1 day", "first": "1900-01-01"} for i in range(10)]
    a = make_agreement_any_period(valid_from="1900-01-01", valid_until=None, renewal=None, notice=None, followups=followups)
    rows = rows_of(a, date(2026, 1, 1), date(2026, 3, 31))
    assert len(rows) == 10 * (OVERDUE_LISTED + 90)
    mine = [r for r in rows if r.followup == "f0"]
    assert (mine[0].date, mine[0].status) == (date(2025, 12, 22), "overdue")
    overdue_before_2026 = (date(2025, 12, 31) - date(1900, 1, 1)).days + 1
    assert mine[0].earlier_overdue == overdue_before_2026 - OVERDUE_LISTED
    assert "the oldest due 1900-01-01" in text(mine[0])
    assert [r.earlier_overdue for r in mine[1:]] == [0] * (len(mine) - 1)
    assert (mine[-1].date, mine[-1].status) == (date(2026, 3, 31), "upcoming")


@pytest.mark.rule(id="8")
def test_a_done_event_counts_in_the_bounded_listing():
    a = make_agreement(valid_from="2000-01-01", valid_until=None, renewal=None, notice=None,
                       followups=[{"id": "m", "what": "M", "every": "1 month", "first": "2000-01"}],
                       events=[{"date": "2025-12-15", "type": "followup_done", "followup": "m", "occurrence": "2025-11"}])
    rows = rows_of(a, date(2026, 1, 1), date(2026, 1, 31))
    overdue = [r for r in rows if r.status == "overdue"]
    assert len(overdue) == OVERDUE_LISTED and date(2025, 11, 30) not in [r.date for r in overdue]
    assert overdue[0].earlier_overdue == 26 * 12 - 1 - OVERDUE_LISTED  # 2000-01 .. 2025-12, one done


@pytest.mark.rule(id="2")
@pytest.mark.rule(id="3")
def test_daily_renewal_with_49999_working_days_notice():
    a = make_agreement_any_period(valid_from="2000-01-01", valid_until="2000-01-01", renewal={"every": "1 day"},
                       notice={"before_end": "49999 arbetsdagar"})
    s = status_on(a, date(2026, 1, 1))
    assert (s.term, s.term_start) == (9498, date(2026, 1, 1))
    rows = rows_of(a, date(2026, 1, 1), date(2026, 3, 31))
    ends = [r for r in rows if r.kind == "term_end"]
    assert len(ends) == 90 and ends[0].date == date(2026, 1, 1) and ends[-1].date == date(2026, 3, 31)
    notices = [r for r in rows if r.kind == "notice_deadline"]
    assert notices[0].date == s.notice_deadline
    numbers = [r.term for r in notices]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))  # every term, none skipped
    tl = timeline(a, date(2026, 1, 1))
    for r in notices[:3] + notices[-3:]:
        assert r.date == subtract(tl.term(r.term).end, parse_duration("49999 arbetsdagar"))
    assert all(date(2026, 1, 1) <= r.date <= date(2026, 3, 31) for r in notices)
    assert subtract(tl.term(numbers[-1] + 1).end, parse_duration("49999 arbetsdagar")) > date(2026, 3, 31)


@pytest.mark.rule(id="9")
@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2190, 12, 31)), st.integers(-3000, 3000))
def test_working_days_are_counted_right_without_walking_the_days(day, n):
    assert add_working_days(day, n) == add_working_days_slowly(day, n)


# ---------------------------------------------------------------- properties over generated agreements

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))
everys = st.sampled_from(["1 month", "3 months", "6 months", "1 year", "2 years", "18 months", "90 days"])
clauses = st.sampled_from([
    {"before_end": "1 month"}, {"before_end": "6 months"}, {"before_end": "12 months"}, {"before_end": "18 months"},
    {"before_end": "3 years"}, {"before_end": "40 arbetsdagar"}, {"period": "3 months"}, {"period": "1 year"},
    {"period": "6 months", "to_end_of": "quarter"}, {"period": "2 months", "to_end_of": "month"}])


@st.composite
def renewing(draw):
    start = draw(days)
    until = start + timedelta(days=draw(st.integers(0, 1500)))
    renewal = {"every": draw(everys)}
    if draw(st.booleans()):
        renewal["max"] = draw(st.integers(0, 6))
    fields = {"valid_from": start.isoformat(), "valid_until": until.isoformat(), "renewal": renewal,
              "notice": draw(clauses)}
    events = []
    if draw(st.booleans()):
        events.append({"date": (start + timedelta(days=draw(st.integers(0, 4000)))).isoformat(),
                       "type": draw(st.sampled_from(["notice", "terminated", "extended"]))})
        if events[0]["type"] == "extended":
            events[0]["until"] = (date.fromisoformat(events[0]["date"]) + timedelta(days=draw(st.integers(0, 900)))).isoformat()
    return make_agreement(events=events, **fields), start


@pytest.mark.rule(id="3")
@settings(max_examples=150, deadline=None)
@given(renewing(), st.integers(-400, 6000), st.integers(0, 5000))
def test_status_deadlines_and_show_agree_on_the_next_notice_deadline(generated, offset, window):
    a, start = generated
    as_of = start + timedelta(days=offset)
    until = as_of + timedelta(days=window)
    s = status_on(a, as_of)
    listed = [r.date for r in rows_of(a, as_of, until, "notice_deadline")]
    shown = detail([a], a.id, as_of, until)
    assert shown.status.notice_deadline == s.notice_deadline
    shown_rows = [r.date for r in shown.deadlines if r.kind == "notice_deadline"]
    assert shown_rows == listed
    if s.notice_deadline is not None and s.notice_deadline <= until:
        assert listed[0] == s.notice_deadline
    else:
        assert listed == []
    assert all(as_of <= d <= until for d in listed)
    assert listed == sorted(listed)


@pytest.mark.rule(id="3")
@settings(max_examples=150, deadline=None)
@given(renewing(), st.integers(0, 40))
def test_every_term_of_a_renewing_agreement_has_a_deadline_on_or_before_its_end(generated, number):
    a, _ = generated
    a = a.model_copy(update={"events": [], "renewal": a.renewal.model_copy(update={"max": None})})
    s = timeline(a, a.valid_from.start).schedule
    term = s.term(number + 1)
    assert term.notice_deadline is not None and term.notice_deadline <= term.end


@pytest.mark.rule(id="4")
@settings(max_examples=150, deadline=None)
@given(renewing(), st.integers(0, 3000))
def test_a_notice_on_a_deadline_ends_that_term_and_a_day_later_the_first_term_whose_deadline_is_ahead(generated, offset):
    a, start = generated
    a = a.model_copy(update={"events": [], "renewal": a.renewal.model_copy(update={"max": None})})
    s = timeline(a, start).schedule
    k = s.first_deadline_on_or_after(start + timedelta(days=offset))
    deadline = s.deadline(k)
    on_time = a.model_copy(update={"events": make_agreement(events=[
        {"date": deadline.isoformat(), "type": "notice"}]).events})
    tl = timeline(on_time, deadline)
    assert (tl.notice.effective_term, tl.final_end) == (k, s.term(k).end)
    late = a.model_copy(update={"events": make_agreement(events=[
        {"date": (deadline + timedelta(days=1)).isoformat(), "type": "notice"}]).events})
    tl = timeline(late, deadline + timedelta(days=1))
    first_ahead = next(j for j in range(k + 1, k + 400) if s.natural_deadline(j) >= deadline + timedelta(days=1))
    assert tl.notice.effective_term == first_ahead and tl.final_end == s.term(first_ahead).end


@pytest.mark.rule(id="4")
@settings(max_examples=150, deadline=None)
@given(renewing(), st.integers(-100, 6000), st.sampled_from([None, 0, 200, 800]))
def test_terminated_never_moves_an_end_later(generated, offset, effective_after):
    a, start = generated
    day = start + timedelta(days=offset)
    known = timeline(a, date(2300, 1, 1)).final_end
    event = {"date": day.isoformat(), "type": "terminated"}
    if effective_after is not None:
        event["effective"] = (day + timedelta(days=effective_after)).isoformat()
    b = a.model_copy(update={"events": [*a.events, *make_agreement(events=[event]).events]})
    after = timeline(b, date(2300, 1, 1)).final_end
    assert after is not None
    if known is not None:
        assert after <= known
    last = date.fromisoformat(event.get("effective", event["date"]))
    if not any(e.type == "extended" for e in a.events):  # (an extension may fix a new last day)
        assert after <= max(last, day)


coarse_specs = st.sampled_from(["2021", "vt 2021", "ht 2021", "2021-Q2", "2021-06", "2021-H2"])


@pytest.mark.rule(id="7")
@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["valid_from", "valid_until", "notice", "terminated", "extended", "until", "supersession"]),
       coarse_specs, st.integers(0, 3000))
def test_a_coarse_input_anywhere_sets_approximate(where, spec, offset):
    fields = {"valid_from": "2019-01-01", "valid_until": "2022-12-31"}
    events: list[dict] = []
    others = []
    if where == "valid_from":
        fields["valid_from"] = spec.replace("2021", "2019")
    elif where == "valid_until":
        fields["valid_until"] = spec
    elif where in ("notice", "terminated", "extended"):
        events.append({"date": spec, "type": where, **({"until": "2024-06-30"} if where == "extended" else {})})
    elif where == "until":
        events.append({"date": "2020-01-01", "type": "extended", "until": spec.replace("2021", "2023")})
    else:
        others.append(make_agreement(id="newer", valid_from=spec.replace("2021", "2024"), supersedes=["test-agreement"]))
    a = make_agreement(events=events, **fields)
    as_of = date(2019, 1, 1) + timedelta(days=offset)
    if events:
        as_of = max(as_of, make_agreement(events=events).events[0].date.end)  # once the event has happened
    assert status_on(a, as_of, others).approximate


followup_forms = st.sampled_from([
    {"every": "1 month", "first": "2018-01"}, {"every": "1 year", "first": "2019"}, {"every": "1 week", "first": "2018-01-03"},
    {"every": "3 months", "first": "2018-02-28"}, {"at": "end_of_mandate_period"}, {"before": "notice_deadline"},
    {"before": "notice_deadline", "lead": "2 months"}, {"due": "vt 2020"}, {"due": "2023-03-01"}])


@pytest.mark.rule(id="8")
@settings(max_examples=150, deadline=None)
@given(followup_forms, st.lists(st.integers(0, 3000), max_size=6), st.booleans(), st.integers(0, 4000),
       st.integers(0, 800))
def test_the_bounded_listing_is_the_full_listing_trimmed(form, done_offsets, named, offset, window):
    """Deadlines list the window, every done occurrence and the latest overdue ones: exactly the full
    history's occurrences, trimmed, with the count of those left out."""
    events = [{"date": (date(2018, 1, 1) + timedelta(days=o)).isoformat(), "type": "followup_done", "followup": "f"}
              for o in sorted(done_offsets)]
    if named and events and "every" in form:
        events[0]["occurrence"] = "2019"
    a = make_agreement_any_period(followups=[{"id": "f", "what": "F", **form}], events=events)
    as_of = date(2018, 1, 1) + timedelta(days=offset)
    until = as_of + timedelta(days=window)
    tl = timeline(a, as_of)
    full, unmatched_full = followup_occurrences(tl, until)
    bounded, unmatched = followup_occurrences(tl, until, as_of=as_of, overdue_limit=3)
    assert unmatched == unmatched_full
    overdue = [o for o in full if o.due < as_of and o.done_on is None]
    expected = [o for o in full if o.due >= as_of or o.done_on is not None or o in overdue[-3:]]
    assert [(o.due, o.done_on) for o in bounded] == [(o.due, o.done_on) for o in expected]
    left_out = len(overdue) - min(3, len(overdue))
    assert sum(o.earlier_overdue for o in bounded) == left_out


@pytest.mark.rule(id="4b")
@pytest.mark.rule(id="19")
def test_withdrawals_on_the_same_day_are_separate_calendar_events():
    from svo_cli.render.ics import uid

    a = make_agreement(parties=["region-ostergotland", "linkoping", "motala", "kinda"],
                       notice={"before_end": "12 months", "effect": "withdrawal"},
                       events=[{"date": "2020-06-01", "type": "notice", "by": "motala"},
                               {"date": "2020-06-01", "type": "notice", "by": "kinda"}])
    rows = rows_of(a, date(2020, 7, 1), date(2022, 1, 31), "withdrawal")
    assert [(r.date, r.party) for r in rows] == [(date(2021, 12, 31), "kinda"), (date(2021, 12, 31), "motala")]
    assert len({uid(r) for r in rows}) == 2


@pytest.mark.rule(id="2")
def test_a_far_as_of_date_costs_no_more_than_a_near_one():
    # validate replays events with an as-of date of 9000-01-01: the term on it is the one at the
    # computing horizon, found by bisection (not by stepping back from an estimate)
    a = make_agreement_any_period(valid_from="2000-01-01", valid_until="2000-01-01", renewal={"every": "1 day"},
                       notice={"before_end": "49999 arbetsdagar"}, events=[{"date": "2020-01-01", "type": "notice"}])
    tl = timeline(a, date(9000, 1, 1), through=date(2020, 1, 1))
    assert tl.notice.late and tl.final_end == tl.notice.last_day
    assert subtract(tl.final_end, parse_duration("49999 arbetsdagar")) >= date(2020, 1, 1)


@pytest.mark.rule(id="4")
def test_a_notice_that_changes_nothing_claims_nothing(tmp_path):
    from svo_cli.loader import load_files
    from svo_cli.validate import validate

    # terminated first (last day 2022-06-30); a late notice afterwards would end term 3 - later: nothing
    path = tmp_path / "ingen.yaml"
    path.write_text(
        "id: ingen\ntitle: T\nkind: avtal\nparties: [region-ostergotland]\nvalid_from: 2018-01-01\n"
        "valid_until: 2021-12-31\nnotice: {before_end: 12 months}\nrenewal: {every: 2 years}\nevents:\n"
        "  - {date: 2021-03-01, type: terminated, effective: 2022-06-30}\n"
        "  - {date: 2021-04-01, type: notice, by: region-ostergotland}\nsource: {document: d, quote: q}\n",
        encoding="utf-8")
    dataset, diagnostics, _ = load_files([path], DATA)
    assert [d for d in diagnostics + validate(dataset) if d.code == "SVO208"] == []
    a = dataset.agreements[0].model
    s = status_on(a, date(2022, 7, 1))
    assert (s.status, s.ends_on) == ("terminated", date(2022, 6, 30))


# ---------------------------------------------------------------- no record is its own state


@pytest.mark.rule(id="8b")
def test_occurrences_before_the_record_start_are_counted_in_one_row_neither_done_nor_overdue():
    a = make_agreement(followups=[{"id": "arlig", "what": "Årlig", "every": "1 year", "first": "2019",
                                   "tracked_from": "2026-11-23"}])
    rows = rows_of(a, date(2026, 12, 2), date(2027, 3, 1), "followup")
    assert [(r.date, r.status, r.unrecorded, r.unrecorded_since) for r in rows] == [
        (date(2025, 12, 31), "unrecorded", 7, date(2019, 12, 31)),  # 2019-2025: the latest, counting all seven
        (date(2026, 12, 31), "upcoming", 0, None)]
    assert "7 earlier follow-ups without a record since 2019-12-31" in text(rows[0])
    assert "7 tidigare uppföljningar utan registrering sedan 2019-12-31" in explain(rows[0].why, "sv")
    # past the record start, a missing record is overdue as ever
    later = rows_of(a, date(2027, 2, 1), date(2027, 3, 1), "followup")
    assert [(r.date, r.status) for r in later] == [(date(2025, 12, 31), "unrecorded"), (date(2026, 12, 31), "overdue")]


@pytest.mark.rule(id="8b")
def test_a_record_completes_an_occurrence_before_the_start_only_by_naming_it():
    a = make_agreement(followups=[{"id": "arlig", "what": "Årlig", "every": "1 year", "first": "2019",
                                   "tracked_from": "2026-11-23"}],
                       events=[{"date": "2026-03-01", "type": "followup_done", "followup": "arlig",
                                "occurrence": "2021"},
                               {"date": "2027-01-20", "type": "followup_done", "followup": "arlig"}])
    rows = rows_of(a, date(2027, 2, 1), date(2027, 3, 1), "followup")
    assert [(r.date, r.status, r.unrecorded, r.unrecorded_since) for r in rows] == [
        (date(2025, 12, 31), "unrecorded", 6, date(2019, 12, 31))]  # 2021 recorded; 2026's done in 2027


@pytest.mark.rule(id="8b")
def test_the_registers_record_start_applies_where_a_follow_up_gives_none(tmp_path):
    import shutil

    from conftest import DATA
    from svo_cli.loader import load_dataset

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    dataset, _ = load_dataset(data)
    starts = {(item.model.id, f.id): f.tracked_from for item in dataset.agreements for f in item.model.followups}
    assert str(starts["lakarmedverkan", "var-tredje-ar"]) == "2026-11-23"  # parties.yaml records_from
    assert str(starts["missbruk-beroendevard-2014", "arlig"]) == "2016"  # its own
    parties = data / "parties.yaml"
    parties.write_text(parties.read_text(encoding="utf-8").replace("records_from: 2026-11-23\n", ""), encoding="utf-8")
    dataset, _ = load_dataset(data)
    assert next(f for item in dataset.agreements for f in item.model.followups if f.id == "var-tredje-ar").tracked_from is None
