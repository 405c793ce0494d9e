"""The domain's vocabulary as typed values: one source of truth for JSON values and the ids of their
words.

The text ids built at run time from a vocabulary (a deadline kind, a state, a section, an option …) go
through one typed function per vocabulary (`label_key`, `todo_key`, … below), so every other id in the
code is a literal mypy checks against the tables (svo_cli.text_keys). The vocabularies spelled out at the
end are plain strings in the code; tests/unit/test_texts.py looks every member up in both languages, so a
member without its text fails there, not in a user's output."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple, cast

if TYPE_CHECKING:
    from svo_cli.text_keys import ExplanationKey, FindingKey, HelpKey, LabelKey


class AgreementState(StrEnum):
    """An agreement's status on a date."""

    UPCOMING = "upcoming"
    ACTIVE = "active"
    NOTICE_GIVEN = "notice_given"
    EXPIRED = "expired"
    TERMINATED = "terminated"
    SUPERSEDED = "superseded"
    AWAITING_ADOPTION = "awaiting_adoption"  # adoption.condition: not in force until every principal adopted it


IN_FORCE = frozenset({AgreementState.ACTIVE, AgreementState.NOTICE_GIVEN})
ENDED = frozenset({AgreementState.EXPIRED, AgreementState.TERMINATED, AgreementState.SUPERSEDED})


class EndReason(StrEnum):
    """Why an agreement's last day is known."""

    FIXED = "fixed"
    NOTICE = "notice"
    TERMINATED = "terminated"
    SUPERSEDED = "superseded"
    LATEST_END = "latest_end"  # the cap `latest_end` ends it (rule 2b)
    ENDS_WITH = "ends_with"  # the agreement it `ends_with` ends (rule 5a)


class DeadlineKind(StrEnum):
    NOTICE_DEADLINE = "notice_deadline"
    OPTION_DEADLINE = "option_deadline"  # the last day to use an option to extend (renewal.option)
    TERM_END = "term_end"
    FOLLOWUP = "followup"
    ASSIGNMENT = "assignment"
    ADOPTION = "adoption"
    AGENDA = "agenda"
    MEETING = "meeting"
    MINUTES = "minutes"
    WITHDRAWAL = "withdrawal"


class DeadlineState(StrEnum):
    """A deadline row's status on the as-of date."""

    OVERDUE = "overdue"
    DUE = "due"
    UPCOMING = "upcoming"
    DONE = "done"
    UNRECORDED = "unrecorded"  # fell due before the register's record start, and no record (rule 8b)


class PlanState(StrEnum):
    UPCOMING = "upcoming"
    ACTIVE = "active"
    ENDED = "ended"


class PeriodUnit(StrEnum):
    """A calendar period a notice runs to the end of (`notice.to_end_of`)."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"

    @property
    def months(self) -> int:
        return {"month": 1, "quarter": 3, "half_year": 6, "year": 12}[self.value]


class CoarseField(StrEnum):
    """Where a coarse date (a year, a half, a term: "vt 2027") a result rests on comes from, as the data
    names the field."""

    VALID_FROM = "valid_from"
    VALID_UNTIL = "valid_until"
    NOTICE = "notice"
    EXTENDED = "extended"
    EXTENDED_UNTIL = "extended until"
    TERMINATED = "terminated"
    TERMINATED_EFFECTIVE = "terminated effective"
    LATEST_END = "latest_end"
    SUPERSESSION = "supersession"  # a newer agreement's coarse valid_from
    FIRST = "first"  # a follow-up's first occurrence
    DUE = "due"  # a one-off follow-up's due date
    FOLLOWUP_DONE = "followup_done"


class Coarse(NamedTuple):
    """One coarse date a result rests on: the field, the date as written and, for a supersession, the
    newer agreement. As text (JSON's `coarse`): "valid_until vt 2021", "supersession new valid_from 2023"."""

    field: CoarseField
    spec: str
    newer: str | None = None

    def __str__(self) -> str:
        if self.field == CoarseField.SUPERSESSION:
            return f"{self.field.value} {self.newer} valid_from {self.spec}"
        return f"{self.field.value} {self.spec}"


# --------------------------------------------------------------------------- the ids of their words


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
    typer; tests/cli/test_help.py holds every declared id to the table."""
    return cast("HelpKey", declared)


def format_help_key(fmt: str) -> HelpKey:
    """A format's note in --format's help ('format.docx'), where the table has one."""
    return cast("HelpKey", "format." + fmt)
