"""What a command asks: the data directory, the date, the language, the view and the window.

Built by the CLI from its options and the clock; nothing here reads either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from svo_cli.text_keys import LabelKey

DEFAULT_WITHIN_DAYS = 90
CALENDAR_WITHIN_DAYS = 365
CHECK_DAYS_WITHOUT_MEETING = 30


class UsageProblem(Exception):
    """The request cannot be answered as asked (exit 2): an i18n message id and its parameters."""

    def __init__(self, message_id: LabelKey, **params: Any) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.params = params


@dataclass(frozen=True)
class Filters:
    """Views for one principal or group, one responsible, some kinds, one body (None: everything)."""

    party: str | None = None
    responsible: str | None = None
    kinds: tuple[str, ...] = ()
    body: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.party or self.responsible or self.kinds or self.body)


@dataclass(frozen=True)
class Request:
    """What every computing command needs: where the data is, the date, the language, the view."""

    data_dir: Path
    as_of: date
    lang: str = "en"
    jobs: int | None = None  # worker processes for large directories (None: the loader decides)
    filters: Filters = field(default_factory=Filters)


@dataclass(frozen=True)
class Window:
    """A window after the as-of date: `within` days or through `until` (not both)."""

    within: int | None = None
    until: date | None = None


@dataclass(frozen=True)
class MeetingWindow:
    meeting: date | None = None
    next_meeting: bool = False
    horizon: int | None = None


@dataclass(frozen=True)
class ValidateRequest:
    data_dir: Path
    paths: tuple[Path, ...] = ()
    strict: bool = False
    as_of: date | None = None  # for freshness (last_verified); None: not checked
    sources_dir: Path | None = None  # the documents' plain texts, to check quotes against
    max_age_months: int = 12
    jobs: int | None = None
    checks: tuple[str, ...] = ()  # the named checks to run (checks.NAMES); none named: every one


def window_end(as_of: date, window: Window, default_days: int = DEFAULT_WITHIN_DAYS) -> date:
    if window.within is not None and window.until is not None:
        raise UsageProblem("within_and_until")
    if window.until is not None:
        if window.until < as_of:
            raise UsageProblem("until_before", until=window.until.isoformat(), date=as_of.isoformat())
        return window.until
    return as_of + timedelta(days=window.within if window.within is not None else default_days)
