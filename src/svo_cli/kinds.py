"""The domain's vocabulary as typed values: one source of truth for JSON values and, through
svo_cli.text_ids, the ids of their words."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


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

