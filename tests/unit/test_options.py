"""Rule 16g of docs/rules.md: every decision row carries its options and what each leads to, computed by
the engine (svo_cli.decisions.options_of), in every format of `svo check` and `svo report`."""

from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import DATA, invoke, make_agreement
from svo_cli import app, decisions
from svo_cli.i18n import why
from svo_cli.kinds import DeadlineKind
from svo_cli.obligations import Decided, Option, make_deadline
from svo_cli.render.choices import option_text, proposal

AS_OF = date(2026, 12, 2)
MEETING = date(2026, 12, 10)


def _check(as_of: date = AS_OF, data=DATA) -> app.CheckResult:
    return app.check(app.Request(data, as_of), app.MeetingWindow(MEETING))


@pytest.mark.rule(id="16g")
def test_example_a_notice_deadline_continue_binds_two_more_years_notice_ends_the_term():
    # missbruk-psykisk-funktionsnedsattning: deadline 2026-12-31 under term 4 (ends 2027-12-31), renewing by 2 years
    first = _check().decisions[0]
    assert first.id == "missbruk-psykisk-funktionsnedsattning"
    assert first.options == (Option("continue", "bound_until", None, date(2029, 12, 31)),
                             Option("notice", "last_day", date(2026, 12, 30), date(2027, 12, 31)))
    assert option_text(first.options[0], "sv") == "fortsätta → bindande till 2029-12-31"
    assert option_text(first.options[1], "en") == "notice by 2026-12-30 → last day 2027-12-31"


@pytest.mark.rule(id="16g")
def test_a_plans_adoption_says_how_far_the_principals_have_come():
    adoption = next(d for d in _check().decisions if d.kind == DeadlineKind.ADOPTION)
    (option,) = adoption.options
    assert (option.choice, option.outcome, option.act_by, option.adopted, option.required) == (
        "adopt", "adopted", date(2026, 12, 30), 0, 14)
    assert len(option.missing) == 14
    assert option_text(option, "en", {"boxholm": "Boxholms kommun"}).startswith(
        "adopt by 2026-12-30 → adopted by 0 of 14; missing: Boxholms kommun, ")


@pytest.mark.rule(id="16g")
def test_a_withdrawal_leads_to_that_partys_last_day():
    a = make_agreement(id="wd", parties=["region-ostergotland", "kinda", "ydre"], valid_from="2024-01-01",
                       valid_until="2025-12-31", renewal={"every": "1 year"},
                       notice={"before_end": "6 months", "effect": "withdrawal"})
    row = make_deadline(date(2026, 6, 30), DeadlineKind.NOTICE_DEADLINE, "wd", "T", date(2026, 5, 1), False,
                        why("why_meeting", title="T"), term=3, deciders=("kinda", "region-ostergotland", "ydre"),
                        undecided=("kinda", "region-ostergotland", "ydre"))
    keep, leave = decisions.options_of(row, decisions.Choices([a]))
    assert keep == Option("continue", "bound_until", None, date(2027, 12, 31))
    assert leave == Option("withdraw", "party_last_day", date(2026, 6, 30), date(2026, 12, 31))
    assert option_text(leave, "sv") == "utträda senast 2026-06-30 → den partens sista dag 2026-12-31"


@pytest.mark.rule(id="16g")
def test_without_renewal_a_notice_ends_early_and_continuing_runs_to_the_end():
    # a fixed term 2024–2028 with 6 months' notice to the end of a month... here: notice before the end
    a = make_agreement(id="fixed", valid_from="2024-01-01", valid_until="2028-12-31", renewal=None,
                       notice={"period": "6 months"})
    row = make_deadline(date(2027, 3, 31), DeadlineKind.NOTICE_DEADLINE, "fixed", "T", date(2027, 1, 1), False,
                        why("why_meeting", title="T"), term=1)
    keep, give = decisions.options_of(row, decisions.Choices([a]))
    assert keep.choice == "continue" and keep.leads_to is not None and keep.leads_to >= date(2027, 9, 30)
    assert give.choice == "notice" and give.leads_to == date(2027, 9, 30)


@pytest.mark.rule(id="16g")
def test_an_option_to_extend_plugs_in_as_one_rule():
    extend, lapse = decisions.extension_options(date(2027, 3, 31), date(2029, 12, 31), date(2027, 12, 31))
    assert option_text(extend, "en") == "extend by 2027-03-31 → until 2029-12-31"
    assert option_text(lapse, "sv") == "låta optionen löpa ut → upphör 2027-12-31"
    assert set(decisions.OPTION_RULES) == {DeadlineKind.NOTICE_DEADLINE, DeadlineKind.OPTION_DEADLINE,
                                           DeadlineKind.ADOPTION}
    other = make_deadline(date(2027, 1, 1), DeadlineKind.FOLLOWUP, "x", "T", AS_OF, False, why("why_meeting", title="T"))
    assert decisions.options_of(other, decisions.Choices([])) == ()


@pytest.mark.rule(id="16g")
def test_the_proposed_decision_names_both_options_in_prose_dates():
    first = _check().decisions[0]
    text = proposal(first, "sv", "SVO")
    assert text == ("SVO rekommenderar varje huvudman att besluta att [välj ett alternativ] låta överenskommelsen "
                    "fortsätta (bindande till 31 december 2029) eller säga upp den senast 30 december 2026 (sista dag "
                    "31 december 2027).")
    adoption = make_deadline(date(2026, 12, 31), DeadlineKind.ADOPTION, "p", "P", AS_OF, False,
                             why("why_meeting", title="P"), deciders=("a", "b"), decided=(Decided("a", "adopt", AS_OF),),
                             undecided=("b",))
    adoption = decisions.with_options([adoption], decisions.Choices([]))[0]
    assert proposal(adoption, "en", None) == ("Each principal decides to [choose one] adopt the work plan by "
                                              "30 December 2026 or not adopt it.")


@pytest.mark.rule(id="16g")
def test_every_format_of_check_and_report_shows_the_options():
    args = ["--meeting", "2026-12-10", "--as-of", "2026-12-02", "--data", str(DATA)]
    document = json.loads(invoke("check", *args, "--format", "json", "--fail-on", "never").stdout)
    options = document["decisions"][0]["options"]
    assert [(o["choice"], o["act_by"], o["outcome"], o["leads_to"]) for o in options] == [
        ("continue", None, "bound_until", "2029-12-31"), ("notice", "2026-12-30", "last_day", "2027-12-31")]
    wanted = {"en": "notice by 2026-12-30 → last day 2027-12-31", "sv": "säga upp senast 2026-12-30 → sista dag 2027-12-31"}
    for lang, text in wanted.items():
        for command, fmt in (("check", "table"), ("check", "md"), ("check", "csv"), ("check", "csv-excel"),
                             ("report", "md"), ("report", "html")):
            extra = ["--fail-on", "never"] if command == "check" else []
            out = invoke(command, *args, "--format", fmt, "--lang", lang, *extra, env={"COLUMNS": "2000"}).stdout
            assert text in out, (command, fmt, lang)
