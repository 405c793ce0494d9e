"""The domain's small value types: one definition each, read by name (never by index or by parsing
text back), agreeing with the data model and the texts that name them."""

from __future__ import annotations

from datetime import date
from typing import get_args

import pytest

from conftest import make_agreement
from svo_cli.dates import end_of_period, last_end_of_period_on_or_before
from svo_cli.i18n import EXPLANATIONS, explain
from svo_cli.kinds import Coarse, CoarseField, PeriodUnit, to_end_of_key
from svo_cli.model import Followup, Notice
from svo_cli.obligations import Form, coarse_dates
from svo_cli.schedule import NaturalTerm
from svo_cli.terms import timeline


def test_the_period_units_are_the_models_and_each_has_its_words():
    assert set(get_args(get_args(Notice.model_fields["to_end_of"].annotation)[0])) == set(PeriodUnit)
    for unit in PeriodUnit:
        for lang in ("en", "sv"):
            assert EXPLANATIONS[lang][to_end_of_key(unit)].strip(), (unit, lang)


@pytest.mark.parametrize("unit, end, last", [
    (PeriodUnit.MONTH, date(2026, 5, 31), date(2026, 4, 30)),
    (PeriodUnit.QUARTER, date(2026, 6, 30), date(2026, 3, 31)),
    (PeriodUnit.HALF_YEAR, date(2026, 6, 30), date(2025, 12, 31)),
    (PeriodUnit.YEAR, date(2026, 12, 31), date(2025, 12, 31)),
])
def test_ends_of_periods(unit, end, last):
    assert end_of_period(date(2026, 5, 14), unit) == end
    assert last_end_of_period_on_or_before(date(2026, 5, 14), unit) == last


def test_a_natural_term_is_read_by_name():
    tl = timeline(make_agreement(valid_until="vt 2021"), date(2020, 1, 1))
    term = tl.schedule.natural(1)
    assert isinstance(term, NaturalTerm)
    assert (term.start, term.end, term.end_earliest) == (date(2018, 1, 1), date(2021, 6, 30), date(2021, 1, 1))
    assert term.end_coarse == (Coarse(CoarseField.VALID_UNTIL, "vt 2021"),)
    assert tl.schedule.natural(2).start_coarse == term.end_coarse  # a renewal rests on the end it follows


def test_a_coarse_date_as_text_and_in_words():
    supersession = Coarse(CoarseField.SUPERSESSION, "2023", "new")
    assert [str(c) for c in (Coarse(CoarseField.EXTENDED_UNTIL, "2023"), supersession)] == [
        "extended until 2023", "supersession new valid_from 2023"]
    assert explain(coarse_dates([supersession]), "en") == "supersession new valid_from 2023"
    assert "new" in explain(coarse_dates([supersession]), "sv")


@pytest.mark.parametrize("keys, form", [
    ({"first": "2025-01-01", "every": "1 year"}, Form.EVERY),
    ({"at": "end_of_mandate_period"}, Form.MANDATE),
    ({"before": "notice_deadline"}, Form.BEFORE),
    ({"due": "2025"}, Form.DUE),
])
def test_a_follow_ups_form_is_chosen_once_from_its_keys(keys, form):
    followup = Followup.model_validate({"id": "f", "what": "Uppföljning", **keys})
    assert Form.of(followup) == form


def test_an_explanation_is_an_immutable_value_with_shared_names():
    import doctest
    import pickle

    from svo_cli import i18n
    from svo_cli.i18n import Why, why

    assert doctest.testmod(i18n).failed == 0
    inner = why("coarse_valid_from", spec="2024")
    reason = why("coarse", text=why("why_followup", what="review", rule="yearly"), dates=inner)
    again = pickle.loads(pickle.dumps(reason))
    assert again == reason and hash(again) == hash(reason) and again.names is reason.names
    assert reason != why("coarse", text=reason.get("text"), dates=why("coarse_valid_from", spec="2025"))
    assert reason.params == (("dates", inner), ("text", reason.get("text"))) and reason.get("nothing", 7) == 7
    assert explain(again, "en") == explain(reason, "en")
    with pytest.raises(AttributeError):
        reason.key = "other"  # type: ignore[misc]
    assert not hasattr(reason, "__dict__") and isinstance(reason, Why)
