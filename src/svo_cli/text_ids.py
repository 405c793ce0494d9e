"""The text ids built at run time from a vocabulary (a deadline kind, a state, a section, an option …): one
typed function per vocabulary, so every other id in the code is a literal mypy checks against the tables
(svo_cli.text_keys). VOCABULARIES names each function's members; tests/test_texts.py looks every member
up in both languages, so a member without its text fails there, not in a user's output.

Imports nothing from svo_cli but kinds (its enums are the vocabularies' types)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from svo_cli.kinds import AgreementState, CoarseField, DeadlineKind, DeadlineState, EndReason, PlanState

if TYPE_CHECKING:
    from svo_cli.text_keys import ExplanationKey, FindingKey, HelpKey, LabelKey


def label_key(value: str) -> LabelKey:
    """A state's or a kind's own label: AgreementState, DeadlineState, PlanState, DeadlineKind and a meeting's
    kind (meeting, conference) are labelled by their value ('notice_given', 'overdue', 'notice_deadline')."""
    return cast("LabelKey", str(value))


def end_key(reason: str) -> LabelKey:
    """Why an agreement ends (EndReason, and a withdrawal's 'withdrawal'/'withdrawn'): 'end_notice'."""
    return cast("LabelKey", "end_" + reason)


def todo_key(kind: str) -> LabelKey:
    """What to do by a deadline of a kind (DeadlineKind), a calendar event's summary: 'todo_notice_deadline'."""
    return cast("LabelKey", "todo_" + kind)


def event_key(event_type: str) -> LabelKey:
    """A recorded event's type (model_types.EventType; a plan's 'adopted' too): 'event_notice'."""
    return cast("LabelKey", "event_" + event_type)


def history_key(kind: str) -> LabelKey:
    """What was recorded since a date (app.rows.History.kind): 'ev_notice'."""
    return cast("LabelKey", "ev_" + kind)


def section_key(section: str) -> LabelKey:
    """A check's section (SECTIONS) as a spreadsheet's column value: 's_overdue'."""
    return cast("LabelKey", "s_" + section)


def decision_key(decision: str) -> LabelKey:
    """A principal's decision (model.DecisionKind): 'd_notice'."""
    return cast("LabelKey", "d_" + decision)


def option_key(choice: str, outcome: str) -> LabelKey:
    """A decision's option and what it leads to (OPTIONS): 'opt_continue_bound_until'."""
    return cast("LabelKey", f"opt_{choice}_{outcome}")


def proposal_key(choice: str, outcome: str) -> LabelKey:
    """An option in the proposed decision's words (OPTIONS): 'prop_continue_bound_until'."""
    return cast("LabelKey", f"prop_{choice}_{outcome}")


def unit_key(unit: str) -> LabelKey:
    """The period a notice runs to the end of (PeriodUnit), in the steering-documents appendix: 'reg_unit_month'."""
    return cast("LabelKey", "reg_unit_" + unit)


def assumed_key(field: str) -> LabelKey:
    """What an agreement's `assumed:` covers (ASSUMED_FIELDS), in `svo show`: 'd_assumed_parties'."""
    return cast("LabelKey", "d_assumed_" + field)


def item_kind_key(kind: str) -> LabelKey:
    """A minutes item's kind (model_minutes.MinutesItemKind): 'item_decision'."""
    return cast("LabelKey", "item_" + kind)


def item_state_key(state: str) -> LabelKey:
    """A minutes item's state (ITEM_STATES): 'item_state_open'."""
    return cast("LabelKey", "item_state_" + state)


def item_status_key(status: str) -> LabelKey:
    """A follow-up's status in later minutes (done, carried, dropped): 'status_done'."""
    return cast("LabelKey", "status_" + status)


def returning_key(reason: str) -> LabelKey:
    """When a returning matter comes back (RETURNING): 'returning_next_meeting'."""
    return cast("LabelKey", "returning_" + reason)


def ring_key(ring: str) -> LabelKey:
    """A ring of the annual wheel (arshjul.RINGS): 'aj_ring_meeting'."""
    return cast("LabelKey", "aj_ring_" + ring)


def change_key(change: str) -> LabelKey:
    """What changed in `svo changes` (CHANGES, and the kind of document: agreement, plan): 'ch_added'."""
    return cast("LabelKey", "ch_" + change)


def quote_change_key(change: str) -> LabelKey:
    """What happened to a quote in `svo changes` (added, removed): 'ch_quote_added'."""
    return cast("LabelKey", "ch_quote_" + change)


def moved_key(field: str) -> LabelKey:
    """A date or state that moved between two revisions (changes.FIELDS), in `svo changes`: 'f_term_end'."""
    return cast("LabelKey", "f_" + field)


def month_key(month: int) -> FindingKey:
    """A month's name in a finding (1–12): 'month_2'."""
    return cast("FindingKey", f"month_{month}")


def coarse_key(field: CoarseField) -> ExplanationKey:
    """The words for a coarse date a result rests on, by its field (CoarseField): 'coarse_valid_until'."""
    return cast("ExplanationKey", "coarse_" + field.value.replace(" ", "_"))


def to_end_of_key(unit: str) -> ExplanationKey:
    """" to the end of a quarter" (PeriodUnit), in a notice deadline's explanation: 'to_end_of_quarter'."""
    return cast("ExplanationKey", "to_end_of_" + unit)


# The vocabularies spelled out here are plain strings in the code; the others are enums and Literal types.
SECTIONS = ("decisions", "overdue", "by_meeting", "after_meeting", "renewed", "unrecorded", "ending", "since")
OPTIONS = (("continue", "bound_until"), ("continue", "runs_on"), ("continue", "ends"), ("notice", "last_day"),
           ("withdraw", "party_last_day"), ("extend", "extended_until"), ("lapse", "ends"), ("adopt", "adopted"))
ASSUMED_FIELDS = ("valid_from", "valid_until", "parties", "notice", "renewal")
ITEM_STATES = ("open", "done", "dropped", "recorded", "carried")
RETURNING = ("next_meeting", "missed", "unknown", "later", "due_unknown")
CHANGES = ("added", "removed", "superseded", "changed", "unreadable", "agreement", "plan")
HISTORY = ("notice", "withdrawal", "terminated", "decision", "adoption", "followup_done", "assignment_done", "extended")
STATES_AND_KINDS = (*AgreementState, *DeadlineState, *PlanState, *DeadlineKind, "conference")
ENDS = (*EndReason, "capped", "option_lapsed", "withdrawal", "withdrawn")  # decisions.Ending.reason


def command_help_key(command: str, short: bool = False) -> HelpKey:
    """A command's help (`svo COMMAND --help`), or with `short` its one-line summary: 'check', 'check.short'."""
    return cast("HelpKey", f"{command}.short" if short else command)


def option_help_key(declared: str) -> HelpKey:
    """An option's help: its declaration names its help id (`typer.Option(help="meeting_option")`), a str to
    typer; tests/test_help.py holds every declared id to the table."""
    return cast("HelpKey", declared)


def format_help_key(fmt: str) -> HelpKey:
    """A format's note in --format's help ('format.docx'), where the table has one."""
    return cast("HelpKey", "format." + fmt)
