"""The application layer: typed requests → load, check, run the engine on a date → typed results.

Every command, the report and the calendar come through here; the `cli` package only parses options,
calls one function, picks a renderer and writes. Nothing here reads the clock, the environment or a
terminal: the as-of date, the language and the number of worker processes arrive in the request.

- `requests`: what a command asks (`Request`, `Filters`, the windows) and `UsageProblem`;
- `results`: what it answers, one result type per command;
- `loading`: reading the data directory and running the named checks; `svo validate`'s files;
- `views`: filters, the Swedish order of principals, a plan's adoptions as one row;
- `rows`: the deadline rows of a window with the boards' decisions;
- `commands`: one short function per command.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Each name is imported from its module on first use (PEP 562), so a command loads only what it needs:
# `svo validate` (the pre-commit hook) never imports the engine's result types, views or renderers.
_WHERE = {
    "calendar": "svo_cli.app.commands",
    "check": "svo_cli.app.commands",
    "deadlines": "svo_cli.app.commands",
    "plans": "svo_cli.app.commands",
    "report": "svo_cli.app.commands",
    "show": "svo_cli.app.commands",
    "show_each": "svo_cli.app.commands",
    "status": "svo_cli.app.commands",
    "timeline": "svo_cli.app.commands",
    "data_root": "svo_cli.app.loading",
    "load": "svo_cli.app.loading",
    "read_documents": "svo_cli.app.loading",
    "read_once": "svo_cli.app.loading",
    "validate_files": "svo_cli.app.loading",
    "CALENDAR_WITHIN_DAYS": "svo_cli.app.requests",
    "CHECK_DAYS_WITHOUT_MEETING": "svo_cli.app.requests",
    "DEFAULT_WITHIN_DAYS": "svo_cli.app.requests",
    "Filters": "svo_cli.app.requests",
    "MeetingWindow": "svo_cli.app.requests",
    "Request": "svo_cli.app.requests",
    "UsageProblem": "svo_cli.app.requests",
    "ValidateRequest": "svo_cli.app.requests",
    "Window": "svo_cli.app.requests",
    "AgreementResult": "svo_cli.app.results",
    "CalendarResult": "svo_cli.app.results",
    "CheckResult": "svo_cli.app.results",
    "DeadlinesResult": "svo_cli.app.results",
    "MinutesResult": "svo_cli.app.results",
    "PlanResult": "svo_cli.app.results",
    "PlansResult": "svo_cli.app.results",
    "Renewed": "svo_cli.app.results",
    "ReportResult": "svo_cli.app.results",
    "Result": "svo_cli.app.results",
    "StatusResult": "svo_cli.app.results",
    "TimelineResult": "svo_cli.app.results",
    "ValidateResult": "svo_cli.app.loading",
    "principal_order": "svo_cli.app.views",
    "swedish_order": "svo_cli.app.views",
}

if TYPE_CHECKING:
    from svo_cli.app.commands import calendar, check, deadlines, plans, report, show, show_each, status, timeline
    from svo_cli.app.loading import ValidateResult, data_root, load, read_documents, read_once, validate_files
    from svo_cli.app.requests import (
        CALENDAR_WITHIN_DAYS,
        CHECK_DAYS_WITHOUT_MEETING,
        DEFAULT_WITHIN_DAYS,
        Filters,
        MeetingWindow,
        Request,
        UsageProblem,
        ValidateRequest,
        Window,
    )
    from svo_cli.app.results import (
        AgreementResult,
        CalendarResult,
        CheckResult,
        DeadlinesResult,
        MinutesResult,
        PlanResult,
        PlansResult,
        Renewed,
        ReportResult,
        Result,
        StatusResult,
        TimelineResult,
    )
    from svo_cli.app.views import principal_order, swedish_order


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(where), name)
    globals()[name] = value
    return value


__all__ = [
    "CALENDAR_WITHIN_DAYS", "CHECK_DAYS_WITHOUT_MEETING", "DEFAULT_WITHIN_DAYS", "AgreementResult", "CalendarResult",
    "CheckResult", "DeadlinesResult", "Filters", "MinutesResult", "MeetingWindow", "PlanResult", "PlansResult", "Renewed",
    "ReportResult", "Request", "Result", "StatusResult", "TimelineResult", "UsageProblem", "ValidateRequest",
    "ValidateResult", "Window", "calendar", "check", "data_root", "deadlines", "load", "plans", "principal_order",
    "read_documents", "read_once", "report", "show", "show_each", "status", "swedish_order", "timeline", "validate_files",
]
