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

from svo_cli.app.commands import calendar, check, deadlines, plans, report, show, status, timeline
from svo_cli.app.loading import data_root, load, read_documents, read_once, validate_files
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
    ValidateResult,
)
from svo_cli.app.views import principal_order, swedish_order

__all__ = [
    "CALENDAR_WITHIN_DAYS", "CHECK_DAYS_WITHOUT_MEETING", "DEFAULT_WITHIN_DAYS", "AgreementResult", "CalendarResult",
    "CheckResult", "DeadlinesResult", "Filters", "MinutesResult", "MeetingWindow", "PlanResult", "PlansResult", "Renewed",
    "ReportResult", "Request", "Result", "StatusResult", "TimelineResult", "UsageProblem", "ValidateRequest",
    "ValidateResult", "Window", "calendar", "check", "data_root", "deadlines", "load", "plans", "principal_order",
    "read_documents", "read_once", "report", "show", "status", "swedish_order", "timeline", "validate_files",
]
