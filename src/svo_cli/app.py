"""The application layer: typed requests → load, check, run the engine on a date → typed results.

Every command, the report and the calendar come through here; `cli.py` only parses options, calls
one function, picks a renderer and writes. Nothing here reads the clock, the environment or a
terminal: the as-of date, the language and the number of worker processes arrive in the request.
"""

from __future__ import annotations

import difflib
import errno
import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Sequence

from svo_cli.diagnostics import Diagnostic, promote_warnings
from svo_cli.engine import AgreementStatus, Detail
from svo_cli.kinds import ENDED, DeadlineState
from svo_cli.loader import Dataset
from svo_cli.model import Source, Workplan
from svo_cli.obligations import Deadline
from svo_cli.picture import Picture
from svo_cli.workplans import AdoptionProgress, MeetingDeadlines, PlanStatus

DEFAULT_WITHIN_DAYS = 90
CALENDAR_WITHIN_DAYS = 365
CHECK_DAYS_WITHOUT_MEETING = 30


class UsageProblem(Exception):
    """The request cannot be answered as asked (exit 2): an i18n message id and its parameters."""

    def __init__(self, message_id: str, **params: Any) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.params = params


# --------------------------------------------------------------------------- requests


@dataclass(frozen=True)
class Request:
    """What every computing command needs: where the data is, the date, the language."""

    data_dir: Path
    as_of: date
    lang: str = "en"
    jobs: int | None = None  # worker processes for large directories (None: the loader decides)


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


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Result:
    as_of: date
    findings: tuple[Diagnostic, ...]  # the data's findings, sorted by place

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.findings if d.is_error)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


@dataclass(frozen=True)
class StatusResult(Result):
    rows: tuple[AgreementStatus, ...]


@dataclass(frozen=True)
class DeadlinesResult(Result):
    until: date
    rows: tuple[Deadline, ...]
    counts: dict[str, int]


@dataclass(frozen=True)
class PlansResult(Result):
    rows: tuple[PlanStatus, ...]
    names: dict[str, str]


@dataclass(frozen=True)
class CheckResult(Result):
    until: date
    meeting: date | None
    rows: tuple[Deadline, ...]  # overdue first (oldest first), then by date
    warnings: tuple[Diagnostic, ...]
    counts: dict[str, int]


@dataclass(frozen=True)
class CalendarResult(Result):
    until: date
    rows: tuple[Deadline, ...]
    remind: int
    sources: dict[str, str]


@dataclass(frozen=True)
class ReportResult(Result):
    until: date
    meeting: date | None
    items: tuple[Deadline, ...]  # as in svo check: overdue first, then by date
    statuses: tuple[AgreementStatus, ...]
    plans: tuple[PlanStatus, ...]
    picture: Picture
    party_names: dict[str, str]
    overdue: tuple[Deadline, ...] = ()
    coming: tuple[Deadline, ...] = ()


@dataclass(frozen=True)
class AgreementResult(Result):
    detail: Detail


@dataclass(frozen=True)
class PlanResult(Result):
    plan: Workplan
    status: PlanStatus
    progress: AdoptionProgress | None
    meetings: tuple[MeetingDeadlines, ...]
    rows: tuple[Deadline, ...]
    names: dict[str, str]


@dataclass(frozen=True)
class TimelineResult(Result):
    picture: Picture


@dataclass(frozen=True)
class ValidateResult:
    findings: tuple[Diagnostic, ...]
    files: int

    @property
    def exit_code(self) -> int:
        return 1 if any(d.is_error for d in self.findings) else 0


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class Loaded:
    dataset: Dataset
    findings: tuple[Diagnostic, ...] = field(default=())


def load(request: Request, warnings: bool = False) -> Loaded:
    """Read the data directory and run the checks: every finding, or (warnings=False) the checks that
    can find errors, which is all a command that reports only errors needs."""
    from svo_cli.loader import load_dataset
    from svo_cli.register import Context, run_checks
    from svo_cli.validate import validate

    _require_dir(request.data_dir)
    dataset, diagnostics = load_dataset(request.data_dir, jobs=request.jobs)
    diagnostics += validate(dataset, warnings=warnings)
    diagnostics += run_checks(dataset, Context(as_of=request.as_of), errors_only=not warnings)
    return Loaded(dataset, tuple(sorted(diagnostics, key=lambda d: d.sort_key())))


def _require_dir(path: Path, missing: str = "no_data_dir") -> None:
    """The directory exists and is a directory; a path the system cannot take is a usage error."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise UsageProblem(missing, path=str(path)) from None
        raise UsageProblem("bad_path", path=str(path), reason=exc.strerror or str(exc)) from None
    if missing == "no_data_dir":
        root = data_root(path if path.is_dir() else path.parent)
        if path.is_file() and root is not None:
            raise UsageProblem("data_is_file", path=str(path), suggestion=_shown(root))
        if path.is_dir() and not (path / "parties.yaml").exists() and root is not None and root != Path(
                os.path.abspath(path)):
            raise UsageProblem("data_is_subdir", path=str(path), suggestion=_shown(root))
    if not path.is_dir():
        raise UsageProblem(missing, path=str(path))


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:
        return str(path)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _exists(path: Path) -> bool:
    try:
        os.lstat(path)
        return True
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise UsageProblem("bad_path", path=str(path), reason=exc.strerror or str(exc)) from None


def all_deadlines(dataset: Dataset, as_of: date, until: date) -> list[Deadline]:
    """Agreement and work-plan obligations together, in the one order (obligations.sort_key)."""
    from svo_cli import engine, obligations, workplans

    rows = engine.deadlines(dataset.agreement_models(), as_of, until)
    rows += workplans.all_plan_deadlines(dataset.workplan_models(), dataset.groups, dataset.parties, as_of, until)
    return sorted(rows, key=obligations.sort_key)


def window_end(as_of: date, window: Window, default_days: int = DEFAULT_WITHIN_DAYS) -> date:
    if window.within is not None and window.until is not None:
        raise UsageProblem("within_and_until")
    if window.until is not None:
        if window.until < as_of:
            raise UsageProblem("until_before", until=window.until.isoformat(), date=as_of.isoformat())
        return window.until
    return as_of + timedelta(days=window.within if window.within is not None else default_days)


def meeting_window(dataset: Dataset, as_of: date, window: MeetingWindow) -> tuple[date | None, date]:
    """The meeting to prepare for and the window's last day: the meeting plus the horizon (default 0),
    or the date plus the horizon (default 30) when there is no meeting (docs/rules.md, rule 16)."""
    from svo_cli import workplans

    if window.meeting is not None and window.next_meeting:
        raise UsageProblem("meeting_and_next")
    meeting = window.meeting
    if window.next_meeting:
        meeting = workplans.next_meeting(dataset.workplan_models(), as_of)
        if meeting is None:
            raise UsageProblem("no_next_meeting", date=as_of.isoformat())
    if meeting is not None and meeting < as_of:
        raise UsageProblem("meeting_before", meeting=meeting.isoformat(), date=as_of.isoformat())
    if window.horizon is not None:
        days = window.horizon
    else:
        days = 0 if meeting else CHECK_DAYS_WITHOUT_MEETING
    return meeting, (meeting or as_of) + timedelta(days=days)


def _statuses(dataset: Dataset, as_of: date) -> tuple[AgreementStatus, ...]:
    from svo_cli import engine

    return tuple(sorted(engine.statuses(dataset.agreement_models(), as_of), key=lambda r: r.id))


def _plan_statuses(dataset: Dataset, as_of: date) -> tuple[PlanStatus, ...]:
    from svo_cli import workplans

    rows = [workplans.plan_status(p, dataset.groups, as_of) for p in dataset.workplan_models()]
    return tuple(sorted(rows, key=lambda r: (r.period_from, r.id)))


def _names(dataset: Dataset) -> dict[str, str]:
    return {p.id: p.name for p in dataset.parties}


# --------------------------------------------------------------------------- commands


def status(request: Request) -> StatusResult:
    loaded = load(request)
    return StatusResult(request.as_of, loaded.findings, _statuses(loaded.dataset, request.as_of))


def deadlines(request: Request, window: Window) -> DeadlinesResult:
    from svo_cli.obligations import counts

    until = window_end(request.as_of, window)
    loaded = load(request)
    rows = tuple(all_deadlines(loaded.dataset, request.as_of, until))
    return DeadlinesResult(request.as_of, loaded.findings, until, rows, counts(rows))


def plans(request: Request) -> PlansResult:
    loaded = load(request)
    return PlansResult(request.as_of, loaded.findings, _plan_statuses(loaded.dataset, request.as_of),
                       _names(loaded.dataset))


def check(request: Request, window: MeetingWindow) -> CheckResult:
    from svo_cli.obligations import check_order, counts

    loaded = load(request, warnings=True)
    meeting, until = meeting_window(loaded.dataset, request.as_of, window)
    rows = tuple(check_order(all_deadlines(loaded.dataset, request.as_of, until)))
    warnings = tuple(d for d in loaded.findings if not d.is_error)
    return CheckResult(request.as_of, loaded.findings, until, meeting, rows, warnings, counts(rows))


def calendar(request: Request, window: Window, remind: int) -> CalendarResult:
    until = window_end(request.as_of, window, CALENDAR_WITHIN_DAYS)
    loaded = load(request)
    dataset = loaded.dataset
    sources = {a.id: source_line(a.source) for a in dataset.agreement_models()}
    sources.update({p.id: source_line(p.source) for p in dataset.workplan_models()})
    rows = tuple(all_deadlines(dataset, request.as_of, until))
    return CalendarResult(request.as_of, loaded.findings, until, rows, remind, sources)


def source_line(source: Source) -> str:
    """Where an obligation comes from, for calendar descriptions (the quote itself: `svo show ID`)."""
    return ", ".join(p for p in (source.document, source.section or "", source.reference or "") if p)


def report(request: Request, window: MeetingWindow) -> ReportResult:
    from svo_cli.obligations import check_order

    loaded = load(request)
    dataset, day = loaded.dataset, request.as_of
    meeting, until = meeting_window(dataset, day, window)
    items = tuple(check_order(all_deadlines(dataset, day, until)))
    picture_end = date(day.year + 3, 12, 31)
    picture = timeline_picture(dataset, day, date(day.year - 4, 1, 1), picture_end, False)
    return ReportResult(day, loaded.findings, until, meeting, items, _statuses(dataset, day),
                        _plan_statuses(dataset, day), picture, _names(dataset),
                        overdue=tuple(d for d in items if d.status == DeadlineState.OVERDUE),
                        coming=tuple(d for d in items if d.status != DeadlineState.OVERDUE))


def timeline_picture(dataset: Dataset, as_of: date, start: date, end: date, include_ended: bool) -> Picture:
    from svo_cli import engine, terms
    from svo_cli.picture import layout

    agreements = dataset.agreement_models()
    superseded = terms.superseded_dates(agreements)
    found = []
    for a in sorted(agreements, key=lambda a: (a.valid_from.start, a.id)):
        tl = terms.timeline(a, as_of, through=end, superseded_on=superseded.get(a.id))
        if include_ended or engine.status_of(tl).status not in ENDED:
            found.append(tl)
    return layout(found, start, end)


def timeline(request: Request, years_back: int, years_ahead: int, include_ended: bool) -> TimelineResult:
    loaded = load(request)
    day = request.as_of
    start, end = date(day.year - years_back, 1, 1), date(day.year + years_ahead, 12, 31)
    return TimelineResult(day, loaded.findings, timeline_picture(loaded.dataset, day, start, end, include_ended))


def show(request: Request, item_id: str, years: int) -> AgreementResult | PlanResult:
    """One agreement or work plan in full, `years` ahead."""
    from svo_cli import engine, obligations, workplans

    loaded = load(request)
    dataset, day = loaded.dataset, request.as_of
    end = day + timedelta(days=365 * years)
    plan = next((p for p in dataset.workplan_models() if p.id == item_id), None)
    if plan is not None:
        rows = obligations.check_order(workplans.plan_deadlines(plan, dataset.groups, dataset.parties, day, end))
        return PlanResult(day, loaded.findings, plan, workplans.plan_status(plan, dataset.groups, day),
                          workplans.adoption_progress(plan, dataset.groups, day),
                          tuple(workplans.meeting_deadlines(plan)), tuple(rows), _names(dataset))
    agreements = dataset.agreement_models()
    found = engine.detail(agreements, item_id, day, end)
    if found is None:
        ids = [a.id for a in agreements] + [p.id for p in dataset.workplan_models()]
        close = [i for i in ids if item_id.lower() in i][:3] or difflib.get_close_matches(item_id, ids, n=3)
        raise UsageProblem("no_such_id_close" if close else "no_such_id", id=item_id, close=", ".join(close))
    return AgreementResult(day, loaded.findings, found)


@dataclass(frozen=True)
class ValidateRequest:
    data_dir: Path
    paths: tuple[Path, ...] = ()
    strict: bool = False
    as_of: date | None = None  # for freshness (last_verified); None: not checked
    sources_dir: Path | None = None  # the documents' plain texts, to check quotes against
    max_age_months: int = 12
    jobs: int | None = None


def read_documents(dataset: Dataset, directory: Path) -> tuple[dict[str, str], frozenset[str]]:
    """The plain text of every document the data names, from `directory` (edge I/O: the checks get
    texts, never paths). Returns the texts and the names not found there."""
    from svo_cli.register import sources

    names = {source.document for item in (*dataset.agreements, *dataset.workplans) for _, source in sources(item)}
    texts: dict[str, str] = {}
    for name in sorted(names):
        path = directory / name
        if "/" in name or name.startswith(".") or not path.is_file():
            continue
        texts[name] = path.read_text(encoding="utf-8", errors="replace")
    return texts, frozenset(names - set(texts))


def validate_files(request: ValidateRequest) -> ValidateResult:
    """`svo validate`: the data directory, or the named files with references resolved against it."""
    from svo_cli.loader import load_dataset
    from svo_cli.validate import validate

    data_dir, paths, strict, jobs = request.data_dir, list(request.paths), request.strict, request.jobs
    if request.sources_dir is not None:
        _require_dir(request.sources_dir, "no_sources_dir")

    if paths and len(paths) == 1 and _exists(paths[0]) and paths[0].is_dir() and (paths[0] / "parties.yaml").exists():
        data_dir, paths = paths[0], []
    if paths:
        missing = [p for p in paths if not _exists(p)]
        if missing:
            raise UsageProblem("no_such_path", path=str(missing[0]))
        diagnostics, files = _validate_named(paths, data_dir, request)
    else:
        _require_dir(data_dir)
        dataset, diagnostics = load_dataset(data_dir, jobs=jobs)
        diagnostics += validate(dataset) + _register_checks(dataset, request)
        files = len(dataset.files)
    if strict:
        diagnostics = promote_warnings(diagnostics)
    return ValidateResult(tuple(sorted(diagnostics, key=lambda d: d.sort_key())), files)


def data_root(path: Path) -> Path | None:
    """The data directory a file belongs to: the nearest directory above it (or it) holding parties.yaml
    and agreements/ — as git finds its repository."""
    current = Path(os.path.abspath(path))
    for candidate in (current, *current.parents):
        if (candidate / "parties.yaml").is_file() and (candidate / "agreements").is_dir():
            return candidate
    return None


def _validate_named(paths: Sequence[Path], data_dir: Path, request: ValidateRequest) -> tuple[list[Diagnostic], int]:
    """Findings for the named files only, each checked with the whole data directory it belongs to, so a
    reference to another file (a superseded agreement, a plan's agreements) resolves as in the full check:
    what pre-commit, which names only the changed files, needs. Files outside any data directory are
    checked on their own, with the parties of `data_dir`."""
    from svo_cli.loader import YAML_SUFFIXES, load_dataset, load_files
    from svo_cli.validate import validate

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix.lower() in YAML_SUFFIXES)
        else:
            files.append(path)
    files = list({os.path.realpath(p): p for p in files}.values())  # each file once
    by_root: dict[Path | None, list[Path]] = {}
    for path in files:
        by_root.setdefault(data_root(path.parent if path.is_file() else path), []).append(path)
    found: list[Diagnostic] = []
    for root, named in by_root.items():
        wanted = {os.path.realpath(p) for p in named}
        if root is None:
            dataset, diagnostics, _ = load_files(named, data_dir if _is_dir(data_dir) else None)
        else:
            dataset, diagnostics = load_dataset(root, jobs=request.jobs)
        diagnostics += validate(dataset) + _register_checks(dataset, request)
        found += [d for d in diagnostics if os.path.realpath(d.path) in wanted]
    return found, len(files)


def _register_checks(dataset: Dataset, request: ValidateRequest) -> list[Diagnostic]:
    from svo_cli.register import Context, run_checks

    texts, missing = read_documents(dataset, request.sources_dir) if request.sources_dir else (None, frozenset())
    context = Context(as_of=request.as_of, documents=texts, missing_documents=missing,
                      max_age_months=request.max_age_months)
    return run_checks(dataset, context)
