"""The domain's vocabulary as typed values: one source of truth for JSON values and label keys."""

from __future__ import annotations

from enum import StrEnum


class AgreementState(StrEnum):
    """An agreement's status on a date."""

    UPCOMING = "upcoming"
    ACTIVE = "active"
    NOTICE_GIVEN = "notice_given"
    EXPIRED = "expired"
    TERMINATED = "terminated"
    SUPERSEDED = "superseded"


IN_FORCE = frozenset({AgreementState.ACTIVE, AgreementState.NOTICE_GIVEN})
ENDED = frozenset({AgreementState.EXPIRED, AgreementState.TERMINATED, AgreementState.SUPERSEDED})


class EndReason(StrEnum):
    """Why an agreement's last day is known."""

    FIXED = "fixed"
    NOTICE = "notice"
    TERMINATED = "terminated"
    SUPERSEDED = "superseded"


class DeadlineKind(StrEnum):
    NOTICE_DEADLINE = "notice_deadline"
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


class PlanState(StrEnum):
    UPCOMING = "upcoming"
    ACTIVE = "active"
    ENDED = "ended"


def label_key(value: StrEnum) -> str:
    """The i18n id of a typed value: its type and value ('deadline_state.upcoming')."""
    prefix = {AgreementState: "agreement_state", DeadlineKind: "deadline_kind", DeadlineState: "deadline_state",
              PlanState: "plan_state", EndReason: "end_reason"}[type(value)]
    return f"{prefix}.{value.value}"
