"""Rules 16–16e of docs/rules.md (the pre-meeting check: when the boards must decide, the decisions
needed now, sections, what renewed silently, deadlines shown while they can be decided), one test or
more per rule with its example, each marked with its rule (`@pytest.mark.rule(id=…)`). The pure rules are in
svo_cli.decisions; the county's examples go through the application layer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA, make_agreement
from svo_cli import app, decisions
from svo_cli.dates import parse_duration, previous_working_day
from svo_cli.decisions import decide_by, decision_lead, decision_reach, decisions_among, decisions_limit
from svo_cli.engine import statuses
from svo_cli.i18n import why
from svo_cli.kinds import DeadlineKind
from svo_cli.loader import load_dataset
from svo_cli.obligations import Deadline, make_deadline

AS_OF = date(2026, 11, 23)
GROUPS = {"kommunerna": ("linkoping", "motala", "boxholm")}


def order(party: str | None) -> tuple:
    return (party or "",)


def row(day: date, kind: DeadlineKind = DeadlineKind.NOTICE_DEADLINE, holder: str = "test-agreement",
        as_of: date = AS_OF, **extra) -> Deadline:
    return make_deadline(day, kind, holder, "Test", as_of, False, why("why_meeting", title="Test"), **extra)


def check(as_of: date, meeting: date | None, **window) -> app.CheckResult:
    return app.check(app.Request(DATA, as_of), app.MeetingWindow(meeting, **window))


# ---------------------------------------------------------------- window and output


@pytest.mark.rule(id="16")
def test_the_window_runs_to_the_next_meeting_else_91_days_or_through_the_horizon():
    # the county's data records no meeting after 2026-12-10: the meeting plus 91 days
    result = check(AS_OF, date(2026, 12, 10))
    assert (result.until, result.window, result.next_meeting) == (date(2027, 3, 11), "quarter", None)
    result = check(AS_OF, date(2026, 12, 10), horizon=30)
    assert (result.until, result.window) == (date(2027, 1, 9), "horizon")
    result = check(AS_OF, None)
    assert (result.until, result.window) == (AS_OF + timedelta(days=30), "days")  # without a meeting: 30 days


@pytest.mark.rule(id="16")
def test_next_meeting_is_the_first_meeting_of_kind_meeting_on_or_after_the_date():
    days = [date(2026, 5, 29), date(2026, 3, 1)]
    assert decisions.next_meeting(days, date(2026, 5, 29)) == date(2026, 5, 29)
    assert decisions.next_meeting(days, date(2026, 5, 30)) is None


@pytest.mark.rule(id="16")
def test_a_meeting_before_the_as_of_date_is_a_usage_error():
    with pytest.raises(app.UsageProblem) as raised:
        check(AS_OF, date(2026, 11, 1))
    assert raised.value.message_id == "meeting_before"


# ---------------------------------------------------------------- when the boards must decide


@pytest.mark.rule(id="16a")
def test_decide_by_is_the_last_working_day_on_or_before_act_by_minus_the_lead():
    # missbruk-psykisk-funktionsnedsattning: act by Wednesday 2026-12-30, 3 months: Wednesday 2026-09-30
    assert decide_by(date(2026, 12, 30), parse_duration("3 months")) == date(2026, 9, 30)
    # 2026-12-29 - 1 month = Sunday 2026-11-29: the Friday before
    assert decide_by(date(2026, 12, 29), parse_duration("1 month")) == date(2026, 11, 27)
    # a lead in working days counts working days back (julafton and juldagen are not working days)
    assert decide_by(date(2026, 12, 30), parse_duration("3 arbetsdagar")) == date(2026, 12, 23)


@pytest.mark.rule(id="16a")
def test_the_decision_lead_is_the_agreements_else_the_parties_file_else_three_months():
    own = make_agreement(notice={"before_end": "12 months", "decision_lead": "6 months"})
    plain = make_agreement()
    two = parse_duration("2 months")
    assert decision_lead(own, two) == parse_duration("6 months")
    assert decision_lead(plain, two) == two
    assert decision_lead(plain) == parse_duration("3 months")
    assert decision_lead(None, two) == two  # a plan's adoption: parties.yaml's
    assert decision_lead(None) == parse_duration("3 months")


@pytest.mark.rule(id="16a")
def test_deciders_are_the_parties_with_groups_expanded_in_order_without_repeats():
    assert decisions.deciders(["region-ostergotland", "kommunerna", "motala"], GROUPS, order) == (
        "boxholm", "linkoping", "motala", "region-ostergotland")


@pytest.mark.rule(id="16a")
def test_an_adoptions_decider_is_its_principal():
    adoption = row(date(2026, 12, 31), DeadlineKind.ADOPTION, "plan", party="linkoping")
    holder = decisions.Holder(("linkoping", "motala"))
    (found,) = decisions.with_decisions([adoption], {"plan": holder}, AS_OF)
    assert (found.decide_by, found.deciders, found.undecided) == (date(2026, 9, 30), ("linkoping",), ("linkoping",))


@pytest.mark.rule(id="16a")
def test_decision_overdue_once_decide_by_has_passed_while_the_deadline_has_not():
    deadline = date(2026, 12, 31)  # decide by 2026-09-30
    holder = decisions.Holder(("linkoping",))

    def late(as_of: date) -> bool:
        (found,) = decisions.with_decisions([row(deadline, as_of=as_of)], {"test-agreement": holder}, as_of)
        return found.decision_overdue

    assert [late(d) for d in (date(2026, 9, 30), date(2026, 10, 1), deadline, deadline + timedelta(days=1))] == [
        False, True, True, False]


@pytest.mark.rule(id="16a")
def test_other_rows_carry_no_decision():
    followup = row(date(2026, 12, 31), DeadlineKind.FOLLOWUP, followup="f")
    (found,) = decisions.with_decisions([followup], {"test-agreement": decisions.Holder(("a",))}, AS_OF)
    assert (found.decide_by, found.deciders, found.decision_overdue) == (None, (), False)


@pytest.mark.rule(id="16a")
def test_example_on_2026_11_23():
    result = check(AS_OF, date(2026, 12, 10))
    notice = next(d for d in result.decisions if d.id == "missbruk-psykisk-funktionsnedsattning")
    assert (notice.date, notice.act_by, notice.decide_by, notice.decision_overdue) == (
        date(2026, 12, 31), date(2026, 12, 30), date(2026, 9, 30), True)
    assert len(notice.deciders) == 14 and "region-ostergotland" in notice.deciders
    adoption = next(d for d in result.decisions if d.kind == DeadlineKind.ADOPTION)
    assert (adoption.id, adoption.decide_by, len(adoption.deciders)) == ("svo-arbetsplan-2026-2027",
                                                                         date(2026, 9, 30), 14)


# ---------------------------------------------------------------- decisions needed now


@pytest.mark.rule(id="16b")
def test_the_limit_is_the_next_known_meeting_or_the_window_end():
    meeting, until = date(2026, 12, 10), date(2026, 12, 10)
    assert decisions_limit(AS_OF, meeting, until, [date(2027, 2, 4), date(2027, 3, 1)]) == date(2027, 2, 4)
    assert decisions_limit(AS_OF, meeting, date(2027, 3, 1), [date(2027, 2, 4)]) == date(2027, 3, 1)  # later
    # no later meeting known: this may be the last before a board must decide, a quarter past it
    assert decisions_limit(AS_OF, meeting, until, [date(2026, 1, 1)]) == meeting + timedelta(days=91)
    assert decisions_limit(AS_OF, None, AS_OF, []) == AS_OF + timedelta(days=91)


@pytest.mark.rule(id="16b")
def test_decisions_among_keeps_the_ones_not_passed_late_ones_too_soonest_decision_first():
    undecided = ("linkoping",)
    rows = [row(date(2026, 12, 31), holder="b", decide_by=date(2026, 9, 30), undecided=undecided),
            row(date(2026, 12, 31), holder="a", decide_by=date(2026, 9, 30), undecided=undecided),
            row(date(2027, 3, 1), holder="c", decide_by=date(2026, 12, 1), undecided=undecided),
            row(date(2027, 6, 1), holder="d", decide_by=date(2027, 3, 1), undecided=undecided),  # after the limit
            row(date(2026, 11, 1), holder="e", decide_by=date(2026, 8, 1), undecided=undecided),  # passed
            row(date(2026, 12, 31), holder="g", decide_by=date(2026, 9, 30)),  # everyone decided
            row(date(2026, 12, 31), DeadlineKind.FOLLOWUP, holder="f")]  # no decision
    assert [r.id for r in decisions_among(rows, AS_OF, date(2027, 2, 1))] == ["a", "b", "c"]


@pytest.mark.rule(id="16b")
def test_example_late_on_2026_11_23_and_open_on_2026_09_01():
    expected = {("missbruk-psykisk-funktionsnedsattning", date(2026, 9, 30)),
                ("samverkan-barn-och-unga", date(2026, 9, 30)), ("svo-arbetsplan-2026-2027", date(2026, 9, 30))}
    late = check(AS_OF, date(2026, 12, 10)).decisions
    assert {(d.id, d.decide_by) for d in late} == expected and all(d.decision_overdue for d in late)
    open_ = check(date(2026, 9, 1), date(2026, 9, 24)).decisions
    assert {(d.id, d.decide_by) for d in open_} == expected and not any(d.decision_overdue for d in open_)


# ---------------------------------------------------------------- sections of items


@pytest.mark.rule(id="16c")
def test_example_sections_on_2026_11_23_with_a_30_day_horizon():
    result = check(AS_OF, date(2026, 12, 10), horizon=30)
    assert [(s.name, len(s.people), len(s.rows)) for s in result.sections] == [
        ("overdue", 0, 0), ("by_meeting", 0, 0), ("after_meeting", 14, 27), ("unrecorded", 13, 13)]
    # 39 follow-ups and LGVO 2024-2025's three assignments, all due before the records begin (rule 8b)
    assert sum(d.unrecorded for d in result.people_in("unrecorded")) == 42


# ---------------------------------------------------------------- renewed silently


def county():
    dataset, _ = load_dataset(DATA)
    return dataset.agreement_models()


@pytest.mark.rule(id="16d")
def test_example_the_turn_of_2025():
    agreements, as_of = county(), date(2026, 1, 15)
    by_id = {s.id: s for s in statuses(agreements, as_of)}
    found = decisions.renewed(agreements, as_of, date(2025, 12, 1), by_id)
    assert [(r.id, r.date, r.term, r.binding_until) for r in found] == [
        ("ramavtal-ungdomshalsa", date(2025, 12, 30), 4, date(2028, 12, 30)),
        ("placerade-barn-och-unga", date(2025, 12, 31), 4, date(2028, 12, 31))]
    assert decisions.renewed(agreements, as_of, date(2025, 12, 1), by_id, keep={"ramavtal-ungdomshalsa"})[0].id \
        == "ramavtal-ungdomshalsa"


@pytest.mark.rule(id="16d")
def test_a_notice_in_time_ends_the_term_and_nothing_renews():
    silent = make_agreement()  # deadline 2020-12-31 for the term ending 2021-12-31
    noticed = make_agreement(events=[{"date": "2020-12-01", "type": "notice"}])
    as_of, since = date(2021, 1, 15), date(2020, 12, 1)

    def found(a):
        return [(r.date, r.term) for r in decisions.renewed([a], as_of, since, {s.id: s for s in statuses([a], as_of)})]

    assert found(silent) == [(date(2020, 12, 31), 2)]
    assert found(noticed) == []
    assert decisions.renewed([silent], as_of, date(2020, 12, 31), {}) == ()  # (since, as-of): since excluded


@pytest.mark.rule(id="16d")
@pytest.mark.rule(id="16f")
def test_since_defaults_to_the_last_meeting_before_the_date_else_30_days():
    days = [date(2024, 3, 15), date(2024, 8, 23), date(2026, 12, 10)]
    assert decisions.default_since(days, AS_OF) == date(2024, 8, 23)  # rule 16d: LGVO's, the last recorded
    assert decisions.default_since([], AS_OF) == AS_OF - timedelta(days=30)
    assert check(AS_OF, date(2026, 12, 10)).since == date(2024, 8, 23)


# ---------------------------------------------------------------- deadlines are shown while they can be decided


@pytest.mark.rule(id="16e")
def test_example_notice_deadlines_past_the_window_are_listed_while_decidable():
    result = app.deadlines(app.Request(DATA, date(2026, 9, 1)), app.Window())
    assert result.until == date(2026, 11, 30)
    late = [d for d in result.rows if d.kind == DeadlineKind.NOTICE_DEADLINE and d.date == date(2026, 12, 31)]
    assert {d.id for d in late} == {"missbruk-psykisk-funktionsnedsattning", "samverkan-barn-och-unga"}
    assert {d.decide_by for d in late} == {date(2026, 9, 30)}


LEADS = st.sampled_from(["3 months", "1 month", "6 months", "1 year", "P2M10D", "45 days",
                         "20 arbetsdagar", "1 arbetsdag"])


@pytest.mark.rule(id="16e")
@settings(max_examples=300, deadline=None)
@given(limit=st.dates(date(2020, 1, 1), date(2040, 12, 31)), lead=LEADS, after=st.integers(1, 800))
def test_no_deadline_past_the_reach_decides_by_the_limit(limit, lead, after):
    duration = parse_duration(lead)
    reach = decision_reach(limit, [duration])
    day = reach + timedelta(days=after)
    assert decide_by(previous_working_day(day), duration) > limit


@pytest.mark.rule(id="16e")
@settings(deadline=None)
@given(limit=st.dates(date(2020, 1, 1), date(2040, 12, 31)), lead=LEADS)
def test_the_reach_takes_the_longest_lead(limit, lead):
    duration = parse_duration(lead)
    assert decision_reach(limit, [duration, parse_duration("1 day")]) >= decision_reach(limit, [duration])


# ---------------------------------------------------------------- the held-out findings of 2026-12-02 (rules audit)
# Each a reproducer on a small data directory, under the rule it belongs to.

PARTIES = """parties:
  - {id: region-x, name: Region X, kind: region}
  - {id: alby, name: Alby kommun, kind: kommun}
  - {id: bjorke, name: Björke kommun, kind: kommun}
  - {id: aby, name: Åby kommun, kind: kommun}
groups:
  - {id: kommunerna, name: Kommunerna, members: [alby, bjorke, aby]}
"""


def small_data(tmp_path, agreements: dict[str, str], plans: dict[str, str] | None = None):
    root = tmp_path / "small"
    (root / "agreements").mkdir(parents=True)
    (root / "parties.yaml").write_text(PARTIES, encoding="utf-8")
    for name, text in agreements.items():
        (root / "agreements" / f"{name}.yaml").write_text(f"id: {name}\n{text}", encoding="utf-8")
    if plans:
        (root / "workplans").mkdir()
        for name, text in plans.items():
            (root / "workplans" / f"{name}.yaml").write_text(f"id: {name}\n{text}", encoding="utf-8")
    return root


AGREEMENT = """title: T
kind: överenskommelse
parties: [region-x, kommunerna]
source: {document: d.txt, quote: q}
"""


@pytest.mark.rule(id="16a")
def test_withdrawn_parties_are_not_deciders(tmp_path):
    # rules audit F14: Alby left on 2026-12-31; the 2027-06-30 deadline is not Alby's to decide
    data = small_data(tmp_path, {"wd": AGREEMENT + """valid_from: 2024-01-01
valid_until: 2025-12-31
renewal: {every: 1 year}
notice: {before_end: 6 months, effect: withdrawal}
events:
  - {date: 2026-05-01, type: notice, by: alby, assumed: test}
"""})
    result = app.deadlines(app.Request(data, date(2027, 6, 1)), app.Window(within=40))
    (row,) = [d for d in result.rows if d.kind == DeadlineKind.NOTICE_DEADLINE]
    assert row.date == date(2027, 6, 30) and "alby" not in row.deciders
    assert set(row.deciders) == {"bjorke", "aby", "region-x"}


@pytest.mark.rule(id="16a")
def test_deciders_are_in_the_one_order_of_principals_by_name():
    # rules audit F16: Swedish order by name (Alby, Björke, Region X, Åby), as docs/rules.md now says
    names = {"alby": "Alby kommun", "bjorke": "Björke kommun", "region-x": "Region X", "aby": "Åby kommun"}

    def by_name(p):
        return app.swedish_order(names[p]) if p else ()

    assert decisions.deciders(["region-x", "kommunerna"], {"kommunerna": ("alby", "bjorke", "aby")}, by_name) == (
        "alby", "bjorke", "region-x", "aby")


@pytest.mark.rule(id="16b")
def test_a_decision_due_on_the_next_meetings_own_day_is_raised_now(tmp_path):
    # rules audit F11: decide by 2026-12-10, the next meeting's day, is too late to leave to it
    plan = """title: P
body: SVO
period: {from: 2026-01-01, until: 2027-12-31}
meetings:
  - {date: 2026-09-24, title: SVO, assumed: test}
  - {date: 2026-12-10, title: SVO, assumed: test}
source: {document: d.txt, quote: q}
"""
    # term 2 runs 2026-03-11 – 2028-03-10: notice by 2027-03-10 (Wednesday), decide by 2026-12-10 (Thursday)
    data = small_data(tmp_path, {"m-next-meeting-day": AGREEMENT + """valid_from: 2024-03-11
valid_until: 2026-03-10
renewal: {every: 2 years}
notice: {before_end: 12 months}
"""}, {"svo-plan": plan})
    found = app.check(app.Request(data, date(2026, 9, 1)), app.MeetingWindow(date(2026, 9, 24)))
    assert [(d.id, d.decide_by) for d in found.decisions] == [("m-next-meeting-day", date(2026, 12, 10))]


@pytest.mark.rule(id="16b")
def test_another_bodys_meeting_does_not_cut_this_meetings_decisions(tmp_path):
    # rules audit F12: 2026-09-24 is SVO's meeting; LGVO's 2026-10-15 is not SVO's next chance
    def plan(body: str, days: list[str]) -> str:
        meetings = "".join(f"  - {{date: {d}, title: {body}, assumed: test}}\n" for d in days)
        return (f"title: {body}\nbody: {body}\nperiod: {{from: 2026-01-01, until: 2027-12-31}}\nmeetings:\n{meetings}"
                "source: {document: d.txt, quote: q}\n")

    data = small_data(tmp_path, {"tb-nov": AGREEMENT + """valid_from: 2024-01-01
valid_until: 2027-02-02
notice: {before_end: 0 days}
renewal: {every: 1 year}
"""}, {"svo-plan": plan("SVO", ["2026-09-24", "2026-12-10"]), "lgvo-plan": plan("LGVO", ["2026-10-15"])})
    found = app.check(app.Request(data, date(2026, 9, 1)), app.MeetingWindow(date(2026, 9, 24)))
    assert [(d.id, d.decide_by) for d in found.decisions] == [("tb-nov", date(2026, 11, 2))]


@pytest.mark.rule(id="16d")
def test_a_deadline_on_the_as_of_day_has_not_passed(tmp_path):
    # rules audit F10: on the deadline day notice can still be given: not yet "renewed silently"
    a = make_agreement(valid_from="2024-01-01", valid_until="2024-12-31", notice={"before_end": "3 months"},
                       renewal={"every": "1 year"})
    deadline = date(2026, 9, 30)
    by_id = {s.id: s for s in statuses([a], deadline)}
    assert decisions.renewed([a], deadline, date(2026, 9, 1), by_id) == ()
    day_after = deadline + timedelta(days=1)
    (found,) = decisions.renewed([a], day_after, date(2026, 9, 1), {s.id: s for s in statuses([a], day_after)})
    assert (found.date, found.term) == (deadline, 4)


@pytest.mark.rule(id="16d")
def test_a_deadline_of_a_term_two_or_more_ahead_is_found(tmp_path):
    # rules audit F1: monthly terms with 3 months' notice: the deadline 2026-01-30 is term 16's
    a = make_agreement(valid_from="2025-01-01", valid_until="2025-01-31", notice={"before_end": "3 months"},
                       renewal={"every": "1 month"})
    as_of = date(2026, 2, 2)
    found = decisions.renewed([a], as_of, date(2026, 1, 15), {s.id: s for s in statuses([a], as_of)})
    assert date(2026, 1, 30) in [r.date for r in found]


@pytest.mark.rule(id="12")
def test_a_plan_decision_recorded_for_a_group_counts_for_its_members(tmp_path):
    # rules audit F4
    data = small_data(tmp_path, {}, {"plan-g": """title: G
body: SVO
period: {from: 2026-01-01, until: 2026-12-31}
adoption: {required: [region-x, kommunerna], due: 2026}
decisions:
  - {party: kommunerna, date: 2026-03-01, assumed: test}
source: {document: d.txt, quote: q}
"""})
    (plan,) = app.plans(app.Request(data, date(2026, 6, 1))).rows
    assert plan.adoption is not None
    assert (len(plan.adoption.adopted), plan.adoption.missing) == (3, ("region-x",))


@pytest.mark.rule(id="14")
def test_plans_stop_calling_an_adoption_overdue_when_deadlines_stop_listing_it(tmp_path):
    # rules audit F3: plan-a's period is 2025; its obligations run to 2026-12-31
    data = small_data(tmp_path, {}, {"plan-a": """title: A
body: SVO
period: {from: 2025-01-01, until: 2025-12-31}
adoption: {required: [region-x, alby], due: 2025}
source: {document: d.txt, quote: q}
"""})
    for day, overdue in ((date(2026, 6, 1), True), (date(2027, 1, 2), False)):
        (plan,) = app.plans(app.Request(data, day)).rows
        assert plan.adoption is not None and plan.adoption.overdue is overdue
        rows = app.deadlines(app.Request(data, day), app.Window()).rows
        assert any(r.kind == DeadlineKind.ADOPTION for r in rows) is overdue


@pytest.mark.rule(id="20")
def test_party_keeps_the_withdrawal_of_its_own_group(tmp_path):
    # rules audit F6: a group's withdrawal ends Alby's participation too
    data = small_data(tmp_path, {"wd-by-group": AGREEMENT.replace("[region-x, kommunerna]", "[region-x, kommunerna]")
                                 + """valid_from: 2024-01-01
valid_until: 2024-12-31
renewal: {every: 1 year}
notice: {before_end: 6 months, effect: withdrawal}
events:
  - {date: 2026-05-01, type: notice, by: kommunerna, assumed: test}
"""})
    rows = app.deadlines(app.Request(data, date(2026, 12, 1), filters=app.Filters(party="alby")),
                         app.Window(within=31)).rows
    assert [(r.kind, r.party, r.date) for r in rows if r.kind == DeadlineKind.WITHDRAWAL] == [
        (DeadlineKind.WITHDRAWAL, "kommunerna", date(2026, 12, 31))]


def test_show_marks_the_status_assumed_as_status_does(tmp_path):
    # rules audit F2
    data = small_data(tmp_path, {"x-assumed": AGREEMENT + """valid_from: 2024-01-01
valid_until: 2026-12-31
renewal: {every: 1 year}
notice: {before_end: 3 months}
events:
  - {date: 2026-05-01, type: notice, by: alby, assumed: no source}
"""})
    request = app.Request(data, date(2026, 6, 1))
    shown = app.show(request, "x-assumed", 2)
    assert isinstance(shown, app.AgreementResult) and shown.detail.status.assumed is True
    assert app.status(request).rows[0].assumed is True
