"""Clauses from real agreements (issue 21), rule by rule as docs/rules.md numbers them: 2a, an option to
extend ("2+1+1"). Dates are checked against python-dateutil as the oracle."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import bare_data, invoke, make_agreement
from svo_cli.engine import deadlines, detail, statuses, timeline
from svo_cli.i18n import explain
from svo_cli.kinds import DeadlineKind

# "Avtalet gäller i två år från 2021-11-01. Beställaren har möjlighet att förlänga avtalet med ett år i
# taget, högst två gånger. Förlängning ska meddelas senast tre månader före avtalstidens utgång."
TWO_PLUS = {"valid_from": "2021-11-01", "valid_until": "2023-10-31", "notice": None,
            "renewal": {"every": "1 year", "max": 2, "option": {"before_end": "3 months", "by": ["region-ostergotland"]}},
            "parties": ["region-ostergotland", "linkoping"]}


def framework(events=(), decisions=(), **changes):
    return make_agreement(**{**TWO_PLUS, **changes}, events=list(events) or None, decisions=list(decisions) or None)


def status(a, day):
    return statuses([a], day)[0]


def used(day: str, by: str = "region-ostergotland") -> dict:
    return {"date": day, "type": "option_used", "by": by}


def option_rows(a, as_of, until):
    return [r for r in deadlines([a], as_of, until) if r.kind == DeadlineKind.OPTION_DEADLINE]


# ---------------------------------------------------------------- 2a. the option deadline, and silence ends it


@pytest.mark.rule(id="2a")
def test_the_option_deadline_is_the_term_end_minus_before_end_and_silence_ends_the_agreement():
    a = framework()
    end = date(2023, 10, 31)
    deadline = end - relativedelta(months=3)
    s = status(a, date(2023, 6, 1))
    assert (s.status, s.term, s.option_deadline, s.notice_deadline) == ("active", 1, deadline, None)
    assert (s.binding_until, s.ends_on) == (end, None)  # its end depends on a decision
    assert status(a, deadline).option_deadline == deadline  # on its own day the option can still be used
    after = status(a, deadline + timedelta(days=1))
    assert (after.status, after.ends_on, after.option_deadline) == ("active", end, None)
    expired = status(a, end + timedelta(days=1))
    assert (expired.status, expired.term) == ("expired", None)


@pytest.mark.rule(id="2a")
def test_without_before_end_the_last_day_to_use_it_is_the_term_end():
    a = framework(renewal={"every": "1 year", "option": {}})
    assert status(a, date(2023, 6, 1)).option_deadline == date(2023, 10, 31)


@pytest.mark.rule(id="2a")
def test_each_use_extends_the_next_term_and_the_cap_ends_it():
    once = framework([used("2023-05-10")])
    s = status(once, date(2024, 6, 1))
    assert (s.status, s.term, s.option_deadline, s.binding_until) == (
        "active", 2, date(2024, 10, 31) - relativedelta(months=3), date(2024, 10, 31))
    assert status(once, date(2024, 11, 1)).status == "expired"  # the second option unused
    twice = framework([used("2023-05-10"), used("2024-05-10")])
    s = status(twice, date(2025, 6, 1))
    assert (s.term, s.option_deadline, s.ends_on) == (3, None, date(2025, 10, 31))  # max 2: the last term
    assert status(twice, date(2025, 11, 1)).status == "expired"


@pytest.mark.rule(id="2a")
def test_a_late_use_still_extends_and_one_beyond_max_changes_nothing():
    late = framework([used("2023-09-15")])
    tl = timeline(late, date(2023, 9, 15))
    assert [(u.term, u.late, u.deadline) for u in tl.option_uses] == [(1, True, date(2023, 7, 31))]
    assert status(late, date(2023, 11, 1)).status == "active"
    assert status(late, date(2023, 9, 1)).ends_on == date(2023, 10, 31)  # before the use: it would end
    beyond = framework([used("2023-05-10"), used("2024-05-10"), used("2025-05-10")])
    tl = timeline(beyond, date(2025, 6, 1))
    assert len(tl.option_uses) == 2 and tl.options_beyond == (2,)
    assert tl.final_end == date(2025, 10, 31)


@pytest.mark.rule(id="2a")
def test_decisions_use_the_option_once_every_holder_has_decided():
    both = {"every": "1 year", "max": 2, "option": {"before_end": "3 months"}}  # every party holds it
    one = framework(renewal=both, decisions=[{"party": "region-ostergotland", "date": "2023-04-01",
                                              "decision": "extend", "assumed": "test"}])
    assert status(one, date(2023, 11, 1)).status == "expired"  # Linköping never decided
    two = framework(renewal=both, decisions=[
        {"party": "region-ostergotland", "date": "2023-04-01", "decision": "extend", "assumed": "test"},
        {"party": "linkoping", "date": "2023-05-02", "decision": "extend", "assumed": "test"}])
    tl = timeline(two, date(2023, 6, 1))
    assert [(u.date, u.term, u.by) for u in tl.option_uses] == [
        (date(2023, 5, 2), 1, ("linkoping", "region-ostergotland"))]
    assert status(two, date(2023, 11, 1)).term == 2


@pytest.mark.rule(id="2a")
def test_rows_name_the_option_and_list_no_term_beyond_the_certain_one():
    a = framework()
    rows = deadlines([a], date(2023, 1, 1), date(2026, 12, 31))
    assert [(r.kind, r.date, r.term) for r in rows] == [
        (DeadlineKind.OPTION_DEADLINE, date(2023, 7, 31), 1), (DeadlineKind.TERM_END, date(2023, 10, 31), 1)]
    assert "last day to use the option to extend term 1 by 1 year" in explain(rows[0].why, "en")
    assert "förlänga period 1" in explain(rows[0].why, "sv")
    lapsed = deadlines([a], date(2023, 8, 1), date(2026, 12, 31))
    assert [r.kind for r in lapsed] == [DeadlineKind.TERM_END]
    assert "was not used by 2023-07-31" in explain(lapsed[0].why, "en")


starts = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))


@st.composite
def with_option(draw):
    start = draw(starts)
    until = start + timedelta(days=draw(st.integers(30, 1500)))
    option: dict = {}
    if draw(st.booleans()):
        option["before_end"] = draw(st.sampled_from(["1 month", "3 months", "6 months", "20 arbetsdagar"]))
    renewal = {"every": draw(st.sampled_from(["1 year", "6 months", "2 years"])), "option": option}
    if draw(st.booleans()):
        renewal["max"] = draw(st.integers(0, 4))
    uses = sorted(start + timedelta(days=draw(st.integers(0, 3000))) for _ in range(draw(st.integers(0, 3))))
    a = make_agreement(valid_from=start.isoformat(), valid_until=until.isoformat(), notice=None, renewal=renewal,
                       events=[used(d.isoformat()) for d in uses] or None)
    return a, start


@pytest.mark.rule(id="2a")
@settings(max_examples=150, deadline=None)
@given(with_option(), st.integers(-100, 5000), st.integers(0, 3000))
def test_status_deadlines_and_show_agree_and_the_end_follows_the_uses(generated, offset, window):
    a, start = generated
    as_of = start + timedelta(days=offset)
    until = as_of + timedelta(days=window)
    s = status(a, as_of)
    listed = [r.date for r in option_rows(a, as_of, until)]
    shown = detail([a], a.id, as_of, until)
    assert shown.status.option_deadline == s.option_deadline and s.notice_deadline is None
    assert [r.date for r in shown.deadlines if r.kind == DeadlineKind.OPTION_DEADLINE] == listed
    assert len(listed) <= 1  # only the last certain term's option is ever a deadline
    if s.option_deadline is not None and s.option_deadline <= until:
        assert listed == [s.option_deadline]
    tl = timeline(a, as_of)
    last = len(tl.option_uses) + 1
    term = tl.schedule.natural(last)
    if tl.option_lapsed:  # the deadline passed unused: it ends with that term, never later
        assert tl.final_end == term.end and tl.schedule.natural_deadline(last) < as_of
    if s.status == "expired":
        assert tl.final_end is not None and as_of > tl.final_end
    if s.binding_until is not None:
        assert s.binding_until <= term.end  # never bound past the last certain term


# ---------------------------------------------------------------- 2a through the commands


def _write(data, text):
    (data / "agreements" / "ramavtal.yaml").write_text(text, encoding="utf-8")


RAMAVTAL = """id: ramavtal
title: Ramavtal 2+1+1
kind: avtal
parties: [region-ostergotland, linkoping]
valid_from: 2021-11-01
valid_until: 2023-10-31
renewal:
  every: 1 year
  max: 2
  option: {before_end: 3 months, by: [region-ostergotland]}
source: {document: x.txt, quote: q}
"""


@pytest.mark.rule(id="2a")
def test_the_option_deadline_is_in_deadlines_check_and_the_calendar_with_decide_by(tmp_path):
    data = bare_data(tmp_path)
    _write(data, RAMAVTAL)
    args = ("--data", str(data), "--as-of", "2023-03-01")
    rows = json.loads(invoke("deadlines", *args, "--format", "json").stdout)["deadlines"]
    option = [r for r in rows if r["kind"] == "option_deadline"]
    assert [(r["date"], r["decide_by"], r["deciders"], r["undecided"]) for r in option] == [
        ("2023-07-31", "2023-04-28", ["region-ostergotland"], ["region-ostergotland"])]
    check = json.loads(invoke("check", *args, "--meeting", "2023-03-15", "--format", "json").stdout)
    assert [(d["kind"], d["date"]) for d in check["decisions"]] == [("option_deadline", "2023-07-31")]
    ics = tmp_path / "svo.ics"
    invoke("calendar", *args, "--within", "200", "-o", str(ics))
    text = ics.read_text(encoding="utf-8")
    assert "Last day to extend: Ramavtal 2+1+1" in text and "DTSTART;VALUE=DATE:20230731" in text
    status = json.loads(invoke("status", "--data", str(data), "--as-of", "2023-11-01", "--format", "json").stdout)
    assert status["agreements"][0]["status"] == "expired"


@pytest.mark.rule(id="2a")
def test_the_check_says_why_it_ends_when_the_option_lapsed(tmp_path):
    data = bare_data(tmp_path)
    _write(data, RAMAVTAL)
    doc = json.loads(invoke("check", "--data", str(data), "--as-of", "2023-08-01", "--meeting", "2023-08-15",
                            "--horizon", "120", "--format", "json").stdout)
    assert [(e["id"], e["last_day"], e["reason"]) for e in doc["ending"]] == [("ramavtal", "2023-10-31", "option_lapsed")]
    table = invoke("check", "--data", str(data), "--as-of", "2023-08-01", "--meeting", "2023-08-15", "--horizon",
                   "120", "--lang", "sv").stdout
    assert "möjligheten till förlängning utnyttjades inte" in table


@pytest.mark.rule(id="2a")
def test_the_check_gives_the_option_s_two_choices(tmp_path):
    data = bare_data(tmp_path)
    _write(data, RAMAVTAL)
    doc = json.loads(invoke("check", "--data", str(data), "--as-of", "2023-03-01", "--meeting", "2023-03-15",
                            "--format", "json").stdout)
    options = doc["decisions"][0]["options"]
    assert [(o["choice"], o["act_by"], o["leads_to"]) for o in options] == [
        ("extend", "2023-07-31", "2024-10-31"), ("lapse", None, "2023-10-31")]


# ---------------------------------------------------------------- 2b. a latest end


@pytest.mark.rule(id="2b")
def test_latest_end_caps_an_open_ended_agreement_and_invents_no_deadline():
    # "Avtalet gäller tillsvidare, dock längst t.o.m. 2010-12-31. Uppsägningstid tre månader."
    a = make_agreement(valid_from="2008-01-01", valid_until=None, renewal=None, latest_end="2010-12-31",
                       notice={"period": "3 months"})
    s = status(a, date(2010, 3, 1))
    assert (s.status, s.ends_on, s.notice_deadline) == ("active", date(2010, 12, 31), None)
    assert s.binding_until == date(2010, 3, 1) + relativedelta(months=3)  # notice today: 2010-06-01
    assert [r.kind for r in deadlines([a], date(2010, 3, 1), date(2011, 3, 1))] == [DeadlineKind.TERM_END]
    assert "at the latest through 2010-12-31" in explain(deadlines([a], date(2010, 3, 1), date(2011, 3, 1))[0].why, "en")
    assert status(a, date(2011, 1, 1)).status == "expired"


@pytest.mark.rule(id="2b")
def test_latest_end_cuts_renewals_and_their_deadlines():
    a = make_agreement(valid_from="2018-01-01", valid_until="2019-12-31", renewal={"every": "2 years"},
                       notice={"before_end": "6 months"}, latest_end="2022-06-30")
    tl = timeline(a, date(2018, 1, 1), through=date(2030, 1, 1))
    assert tl.final_end == date(2022, 6, 30)
    # term 2 (2020-2021) keeps its deadline; term 3 ends on the cap whatever is done: none
    assert [(t.number, t.end, t.notice_deadline) for t in tl.terms] == [
        (1, date(2019, 12, 31), date(2019, 6, 30)), (2, date(2021, 12, 31), date(2021, 6, 30)),
        (3, date(2022, 6, 30), None)]
    assert status(a, date(2021, 8, 1)).binding_until == date(2022, 6, 30)
    assert status(a, date(2022, 7, 1)).status == "expired"


# ---------------------------------------------------------------- 3. notice.by: who may give notice


@pytest.mark.rule(id="4d")
def test_a_notice_by_a_party_without_the_right_has_no_effect():
    # "Uppsägning är möjlig från kommunens sida."
    clause = {"before_end": "6 months", "by": ["linkoping"]}
    base = dict(parties=["region-ostergotland", "linkoping"], notice=clause, valid_from="2021-01-01",
                valid_until="2022-12-31")
    supplier = make_agreement(**base, events=[{"date": "2022-03-01", "type": "notice", "by": "region-ostergotland"}])
    s = status(supplier, date(2023, 1, 1))
    assert (s.status, s.term) == ("active", 2)
    assert timeline(supplier, date(2023, 1, 1)).ignored_notices == (0,)
    municipality = make_agreement(**base, events=[{"date": "2022-03-01", "type": "notice", "by": "linkoping"}])
    assert status(municipality, date(2023, 1, 1)).status == "terminated"


@pytest.mark.rule(id="4d")
def test_the_notice_deadline_s_deciders_are_the_holders(tmp_path):
    data = bare_data(tmp_path)
    _write(data, RAMAVTAL.replace("ramavtal", "ramavtal").replace(
        "renewal:\n  every: 1 year\n  max: 2\n  option: {before_end: 3 months, by: [region-ostergotland]}\n",
        "renewal: {every: 2 years}\nnotice: {before_end: 6 months, by: [linkoping]}\n"))
    rows = json.loads(invoke("deadlines", "--data", str(data), "--as-of", "2023-01-01", "--format", "json").stdout)
    notice = [r for r in rows["deadlines"] if r["kind"] == "notice_deadline"]
    assert notice and all(r["deciders"] == ["linkoping"] for r in notice)


# ---------------------------------------------------------------- 3 and 6: moot deadlines, coarse ends


@pytest.mark.rule(id="3")
def test_a_fixed_term_with_only_an_early_termination_period_has_no_notice_deadline():
    a = make_agreement(valid_from="2024-01-01", valid_until="2027-12-31", renewal=None,
                       notice={"period": "3 months", "to_end_of": "quarter"})
    s = status(a, date(2027, 6, 1))
    assert (s.notice_deadline, s.ends_on) == (None, date(2027, 12, 31))
    assert [r.kind for r in deadlines([a], date(2027, 6, 1), date(2028, 6, 1))] == [DeadlineKind.TERM_END]
    stated = make_agreement(valid_from="2016-01-01", valid_until="2018-12-31", renewal=None,
                            notice={"before_end": "12 months"})  # "uppsägning ska ske senast …": kept
    assert status(stated, date(2017, 6, 1)).notice_deadline == date(2017, 12, 31)


@pytest.mark.rule(id="6")
def test_binding_until_reads_a_coarse_end_at_its_earliest():
    a = make_agreement(valid_from="2020-11-01", valid_until="2022-10", renewal=None, notice={"before_end": "3 months"})
    s = status(a, date(2022, 8, 1))
    assert (s.binding_until, s.ends_on) == (date(2022, 10, 1), date(2022, 10, 31))


# ---------------------------------------------------------------- 4b. a late withdrawal is SVO208


@pytest.mark.rule(id="4b")
def test_a_late_withdrawal_is_reported(tmp_path):
    data = bare_data(tmp_path)
    (data / "agreements" / "wd.yaml").write_text(
        "id: wd\ntitle: W\nkind: avtal\nparties: [region-ostergotland, linkoping, motala]\n"
        "valid_from: 2025-01-01\nvalid_until: 2026-12-31\nrenewal: {every: 1 year}\n"
        "notice: {before_end: 6 months, effect: withdrawal}\n"
        "events:\n  - {date: 2026-07-15, type: notice, by: motala, assumed: test}\n"
        "source: {document: x.txt, quote: q}\nlast_verified: 2026-11-01\n", encoding="utf-8")
    result = invoke("validate", str(data), "--as-of", "2026-12-01", "--format", "json")
    found = [(f["code"], f["line"], f["message"]) for f in json.loads(result.stdout)["findings"]
             if f["code"] == "SVO208"]
    assert found == [("SVO208", 10, "late notice of withdrawal: given 2026-07-15, after the notice deadline "
                                    "2026-06-30; motala stays a party through 2027-12-31 (the end of term 2)")]


@pytest.mark.rule(id="6")
def test_binding_until_is_never_before_the_as_of_date():
    a = make_agreement(valid_from="2015-01-01", valid_until="2017", renewal=None, notice=None)
    s = status(a, date(2017, 6, 1))
    assert (s.status, s.binding_until, s.ends_on) == ("active", date(2017, 6, 1), date(2017, 12, 31))


# ---------------------------------------------------------------- 4b. a membership floor: min_parties


FORBUND = """id: forbund
title: Samordningsförbund
kind: avtal
parties: [region-ostergotland, staten, skl, motala]
valid_from: 2020-01-01
notice: {period: 6 months, effect: withdrawal}
MIN
events:
  - {date: 2027-09-15, type: notice, by: motala, assumed: test}
source: {document: x.txt, quote: q}
"""


@pytest.mark.rule(id="4b")
def test_a_federation_ends_when_its_last_municipality_leaves(tmp_path):
    """Its only municipality leaves on 2028-03-15: with min_parties {kommun: 1} the federation ends then;
    without it three parties remain and it goes on (fewer than two is the default floor)."""
    data = bare_data(tmp_path)
    path = data / "agreements" / "forbund.yaml"
    for floor, expected in (("min_parties: {kommun: 1, region: 1}", "terminated"), ("", "active")):
        path.write_text(FORBUND.replace("MIN", floor), encoding="utf-8")
        row = json.loads(invoke("status", "--data", str(data), "--as-of", "2028-03-16", "--format",
                                "json").stdout)["agreements"][0]
        assert (row["status"], row["withdrawn"]) == (expected, [{"party": "motala", "last_day": "2028-03-15"}]), floor
        before = json.loads(invoke("status", "--data", str(data), "--as-of", "2028-03-15", "--format",
                                   "json").stdout)["agreements"][0]
        assert before["status"] == ("notice_given" if floor else "active")


# ---------------------------------------------------------------- 5a. an end tied to another agreement


@pytest.mark.rule(id="5a")
def test_an_agreement_ends_with_the_one_it_ends_with():
    # "Avtalet gäller under samma avtalsperiod som huvudavtalet."
    main = make_agreement(id="huvudavtal", valid_from="2018-01-01", valid_until="2021-12-31",
                          renewal={"every": "2 years"}, notice={"before_end": "12 months"})
    side = make_agreement(id="bilaga", valid_from="2019-01-01", valid_until=None, renewal=None,
                          notice={"period": "6 months"}, ends_with="huvudavtal")
    s = {x.id: x for x in statuses([main, side], date(2022, 6, 1))}
    assert s["bilaga"].ends_on is None and s["bilaga"].binding_until == date(2022, 12, 1)  # its own notice
    ended = main.model_copy(update={"events": make_agreement(events=[
        {"date": "2022-11-01", "type": "notice"}]).events})
    s = {x.id: x for x in statuses([ended, side], date(2023, 6, 1))}
    assert (s["huvudavtal"].ends_on, s["bilaga"].ends_on) == (date(2023, 12, 31), date(2023, 12, 31))
    s = {x.id: x for x in statuses([ended, side], date(2024, 1, 1))}
    assert (s["huvudavtal"].status, s["bilaga"].status) == ("terminated", "expired")
    rows = [r for r in deadlines([ended, side], date(2023, 6, 1), date(2024, 6, 1)) if r.id == "bilaga"]
    assert [explain(r.why, "en") for r in rows if r.kind == DeadlineKind.TERM_END] == [
        "term 1 ends and the agreement expires (it ends with huvudavtal)"]


@pytest.mark.rule(id="5a")
def test_binding_until_is_never_after_the_main_agreement_s():
    main = make_agreement(id="huvudavtal", valid_from="2018-01-01", valid_until="2021-12-31",
                          renewal={"every": "2 years"}, notice={"before_end": "12 months"})
    side = make_agreement(id="bilaga", valid_from="2019-01-01", valid_until="2021-12-31",
                          renewal={"every": "5 years"}, notice={"before_end": "1 month"}, ends_with="huvudavtal")
    s = {x.id: x for x in statuses([main, side], date(2022, 6, 1))}
    assert s["huvudavtal"].binding_until == date(2023, 12, 31)
    assert s["bilaga"].binding_until == date(2023, 12, 31)  # its own term would run to 2026-12-31


# ---------------------------------------------------------------- 4e. adoption before entry into force


ADOPTED = """id: samverkan
title: Överenskommelse om samverkan
kind: överenskommelse
parties: [region-ostergotland, linkoping, motala]
valid_from: 2027-01-01
adoption:
  required: [region-ostergotland, linkoping, motala]
  due: 2026-12-31
  condition: true
  assumed: test
decisions:
  - {party: region-ostergotland, date: 2026-10-15, decision: adopt, assumed: test}
DECISIONS
events:
  - {date: 2026-11-01, type: decision, note: beslut i regionfullmäktige, assumed: test}
source: {document: x.txt, quote: q}
"""


@pytest.mark.rule(id="4e")
def test_an_agreement_waits_for_every_principal_s_adoption(tmp_path):
    """'gäller under förutsättning att regionfullmäktige och samtliga kommunfullmäktige fattar beslut':
    awaiting adoption while one is missing, in force from the later of valid_from and the last adoption;
    the adoption rows count k of n; decisions before valid_from are no error."""
    data = bare_data(tmp_path)
    path = data / "agreements" / "samverkan.yaml"
    path.write_text(ADOPTED.replace("DECISIONS\n", ""), encoding="utf-8")
    args = ("--data", str(data))
    assert "SVO218" not in invoke("validate", str(data), "--as-of", "2026-12-01").stdout
    row = json.loads(invoke("status", *args, "--as-of", "2027-02-01", "--format", "json").stdout)["agreements"][0]
    assert (row["status"], row["term"], row["binding_until"]) == ("awaiting_adoption", None, None)
    rows = json.loads(invoke("deadlines", *args, "--as-of", "2026-12-01", "--format", "json").stdout)["deadlines"]
    assert sorted(r["party"] for r in rows if r["kind"] == "adoption") == ["linkoping", "motala"]
    table = " ".join(invoke("deadlines", *args, "--as-of", "2026-12-01", "--lang", "sv").stdout.split())
    assert "antagande registrerat för 1 av 3" in table
    later = ADOPTED.replace("DECISIONS\n", "  - {party: linkoping, date: 2026-11-20, decision: adopt, assumed: test}\n"
                                         "  - {party: motala, date: 2027-02-10, decision: adopt, assumed: test}\n")
    path.write_text(later, encoding="utf-8")
    on = {day: json.loads(invoke("status", *args, "--as-of", day, "--format", "json").stdout)["agreements"][0]["status"]
          for day in ("2026-12-15", "2027-02-09", "2027-02-10")}
    assert on == {"2026-12-15": "upcoming", "2027-02-09": "awaiting_adoption", "2027-02-10": "active"}


# ---------------------------------------------------------------- 5. a supersession leaves no moot deadline


@pytest.mark.rule(id="5")
def test_the_term_a_supersession_ends_has_no_notice_deadline_unless_the_supersession_may_come_later():
    old = make_agreement(id="old-a", valid_from="2023-01-01", valid_until="2024-12-31", renewal={"every": "2 years"},
                         notice={"before_end": "3 months"})

    def on(spec):
        new = make_agreement(id="new-a", valid_from=spec, valid_until=None, renewal=None,
                             notice={"period": "1 year"}, supersedes=["old-a"])
        s = {x.id: x for x in statuses([old, new], date(2026, 6, 1))}["old-a"]
        kinds = [r.kind for r in deadlines([old, new], date(2026, 6, 1), date(2027, 6, 1)) if r.id == "old-a"]
        return s.notice_deadline, kinds

    assert on("2027-01-01") == (None, [DeadlineKind.TERM_END])  # it ends 2026-12-31 anyway
    assert on("2027") == (date(2026, 9, 30), [DeadlineKind.NOTICE_DEADLINE, DeadlineKind.TERM_END])  # may be later
    assert on("2026-12") == (None, [DeadlineKind.TERM_END])  # by 2026-12-31 at the latest
# ---------------------------------------------------------------- 1a. no start date stated


@pytest.mark.rule(id="1a")
def test_an_unknown_start_computes_what_does_not_depend_on_it():
    # "Avtalet gäller till och med 2025-12-31 och förlängs därefter med två år i taget …": no start stated
    a = make_agreement(valid_from="unknown", valid_until="2025-12-31", renewal={"every": "2 years"},
                       notice={"before_end": "6 months"},
                       followups=[{"id": "arlig", "what": "Årlig", "every": "1 year", "first": "2024"}])
    s = status(a, date(2026, 12, 2))
    assert (s.status, s.term, s.term_start, s.notice_deadline, s.approximate) == (
        "active", 2, date(2026, 1, 1), date(2027, 6, 30), True)
    first = status(a, date(2025, 3, 1))
    assert (first.term, first.term_start, first.notice_deadline) == (1, None, date(2025, 6, 30))  # never invented
    shown = detail([a], a.id, date(2025, 3, 1), date(2026, 1, 1))
    assert shown.status.term_start is None and shown.timeline.start.year == 1900  # a placeholder, never shown
    follow = [r.date for r in deadlines([a], date(2020, 1, 1), date(2026, 12, 31)) if r.kind == DeadlineKind.FOLLOWUP]
    assert follow[0] == date(2024, 12, 31)  # nothing before the first day the file states
    open_ended = make_agreement(valid_from="okänt", valid_until=None, renewal=None, notice={"period": "1 year"})
    s = status(open_ended, date(2026, 12, 2))
    assert (s.status, s.binding_until, s.approximate) == ("active", date(2027, 12, 2), True)


@pytest.mark.rule(id="1a")
def test_the_outputs_say_unknown(tmp_path):
    data = bare_data(tmp_path)
    _write(data, RAMAVTAL.replace("valid_from: 2021-11-01", "valid_from: unknown"))
    shown = invoke("show", "ramavtal", "--data", str(data), "--as-of", "2023-03-01", "--lang", "sv").stdout
    assert "okänd" in shown and "1900" not in shown
    doc = json.loads(invoke("show", "ramavtal", "--data", str(data), "--as-of", "2023-03-01", "--format", "json").stdout)
    assert doc["terms"][0]["start"] is None and doc["status"]["term_start"] is None
    assert "1900" not in json.dumps(doc)


# ---------------------------------------------------------------- properties over the new clauses


@st.composite
def capped(draw):
    """Renewing or open-ended agreements with a latest end, a notice right held by one party, or both."""
    start = draw(starts)
    fields: dict = {"valid_from": start.isoformat(), "parties": ["region-ostergotland", "linkoping"]}
    if draw(st.booleans()):
        fields.update(valid_until=(start + timedelta(days=draw(st.integers(30, 1500)))).isoformat(),
                      renewal={"every": draw(st.sampled_from(["1 year", "2 years", "6 months"]))},
                      notice={"before_end": draw(st.sampled_from(["1 month", "3 months", "12 months"]))})
    else:
        fields.update(valid_until=None, renewal=None, notice={"period": draw(st.sampled_from(["3 months", "1 year"]))})
    if draw(st.booleans()):
        fields["latest_end"] = (start + timedelta(days=draw(st.integers(0, 4000)))).isoformat()
    if draw(st.booleans()):
        fields["notice"] = {**fields["notice"], "by": ["linkoping"]}
        day = start + timedelta(days=draw(st.integers(0, 3000)))
        fields["events"] = [{"date": day.isoformat(), "type": "notice",
                             "by": draw(st.sampled_from(["linkoping", "region-ostergotland"]))}]
    return make_agreement(**fields), start


@settings(max_examples=150, deadline=None)
@given(capped(), st.integers(-100, 5000), st.integers(0, 3000))
def test_latest_end_and_notice_by_keep_status_deadlines_and_show_in_step(generated, offset, window):
    a, start = generated
    as_of = start + timedelta(days=offset)
    until = as_of + timedelta(days=window)
    s = status(a, as_of)
    listed = [r.date for r in deadlines([a], as_of, until) if r.kind == DeadlineKind.NOTICE_DEADLINE]
    shown = detail([a], a.id, as_of, until)
    assert shown.status == s
    assert [r.date for r in shown.deadlines if r.kind == DeadlineKind.NOTICE_DEADLINE] == listed
    if s.notice_deadline is not None and s.notice_deadline <= until:
        assert listed[0] == s.notice_deadline
    tl = timeline(a, as_of)
    if a.latest_end is not None:
        cap = a.latest_end.end
        assert tl.final_end is not None and tl.final_end <= cap  # nothing reaches past the cap
        assert s.binding_until is None or s.binding_until <= max(cap, as_of)
        for k in tl.schedule.deadline_terms(as_of, until):  # no deadline whose notice could only end it after the cap
            assert tl.schedule.natural(k).end < cap
    if a.notice is not None and a.notice.by and a.events and a.events[0].by == "region-ostergotland":
        assert tl.notice is None and s.status != "terminated"  # a notice without the right has no effect
