"""Texts by id, one failure mode: an id no catalogue has raises MissingText where it is looked up (a
finding, a label, an explanation, a help text), never prints itself; ids built from a vocabulary exist for
every member, in both languages."""

from __future__ import annotations

from typing import get_args

import pytest

from svo_cli.arshjul import RINGS
from svo_cli.cli.texts import HELP, help_text
from svo_cli.i18n import EXPLANATIONS, LABELS, explain, label, why
from svo_cli.kinds import DeadlineKind
from svo_cli.messages import MissingText, T
from svo_cli.model import EventType, Notice


@pytest.mark.parametrize("look_up", [
    lambda: label("no_such_label", "sv"), lambda: explain(why("no_such_reason"), "en"),
    lambda: help_text("no_such_help", "sv"), lambda: T("no_such_finding"), lambda: label("no_such", "en", n=1),
])
def test_a_missing_id_fails_the_same_way_everywhere(look_up):
    with pytest.raises(MissingText):
        look_up()


def test_ids_built_from_a_vocabulary_exist_for_every_member_in_both_languages():
    units = [u for u in get_args(Notice.model_fields["to_end_of"].annotation) if u is not type(None)]
    labels = {*(f"todo_{k}" for k in DeadlineKind), *(f"aj_ring_{r}" for r in RINGS),
              *(f"event_{t}" for t in get_args(EventType)),
              *(f"s_{s}" for s in ("decisions", "overdue", "by_meeting", "after_meeting", "renewed"))}
    explanations = {f"to_end_of_{u}" for unit in units for u in get_args(unit)}
    for lang in ("en", "sv"):
        assert labels <= set(LABELS[lang]), labels - set(LABELS[lang])
        assert explanations and explanations <= set(EXPLANATIONS[lang]), explanations - set(EXPLANATIONS[lang])


def test_every_command_has_its_help_and_summary():
    from svo_cli.cli import app

    names = [c.name for c in app.registered_commands]
    for lang in ("en", "sv"):
        assert {*names, *(f"{n}.short" for n in names)} <= set(HELP[lang])
