"""The application layer: typed requests → load, check, run the engine on a date → typed results.

Every command, the report and the calendar come through here; `cli.py` only parses options, calls
one function, picks a renderer and writes. Nothing here reads the clock, the environment or a
terminal: the as-of date, the language and the number of worker processes arrive in the request.
"""

from __future__ import annotations

import difflib
import errno
import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from datetime import date as Day
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

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


# The order agreements are grouped in for people: what needs attention first.
STATE_ORDER = ("notice_given", "active", "upcoming", "expired", "terminated", "superseded")


def by_state(rows: Sequence[AgreementStatus]) -> tuple[tuple[str, tuple[AgreementStatus, ...]], ...]:
    """Agreements grouped by state in STATE_ORDER (states with none left out)."""
    groups = tuple((state, tuple(r for r in rows if r.status == state)) for state in STATE_ORDER)
    return tuple((state, group) for state, group in groups if group)


@dataclass(frozen=True)
class StatusResult(Result):
    rows: tuple[AgreementStatus, ...]

    @property
    def counts(self) -> dict[str, int]:
        """How many agreements are in each state (states with none left out), by state name."""
        return {state: len(group) for state, group in sorted(by_state(self.rows))}


@dataclass(frozen=True)
class DeadlinesResult(Result):
    until: date
    rows: tuple[Deadline, ...]  # for scripts: one row per missing principal's adoption
    counts: dict[str, int]  # of `people`
    people: tuple[Deadline, ...] = ()  # for people: a plan's adoption as one row


@dataclass(frozen=True)
class PlansResult(Result):
    rows: tuple[PlanStatus, ...]
    names: dict[str, str]


@dataclass(frozen=True)
class Renewed:
    """A notice deadline that passed in (since, as-of] without a notice in time: the agreement is bound
    for another term."""

    id: str
    title: str
    date: Day  # the notice deadline that passed
    term: int  # the term now certain
    binding_until: Day | None
    approximate: bool


SECTIONS = ("overdue", "by_meeting", "after_meeting")


@dataclass(frozen=True)
class CheckResult(Result):
    until: date
    meeting: date | None
    rows: tuple[Deadline, ...]  # overdue first (oldest first), then by date
    warnings: tuple[Diagnostic, ...]
    counts: dict[str, int]  # of `people`
    people: tuple[Deadline, ...] = ()
    since: date | None = None
    decisions: tuple[Deadline, ...] = ()  # notice deadlines and adoptions whose boards must decide now
    renewed: tuple[Renewed, ...] = ()
    sections: dict[int, str] = field(default_factory=dict)  # id(row) → section, for rows and people
    names: dict[str, str] = field(default_factory=dict)  # party id → name

    def section(self, row: Deadline) -> str:
        return self.sections.get(id(row), "by_meeting")

    def fails(self, fail_on: str) -> bool:
        """Whether the check fails (exit 1) under --fail-on: 'overdue' when anything is overdue or a
        board's decision is late, 'due' when anything at all is listed, 'never'; data errors always."""
        late = any(d.decision_overdue for d in self.decisions)
        failing = {"overdue": self.counts["overdue"] > 0 or late, "due": bool(self.rows) or bool(self.decisions),
                   "never": False}[fail_on]
        return failing or bool(self.errors)

    def people_in(self, section: str) -> tuple[Deadline, ...]:
        """The rows for people in one section (overdue, by_meeting, after_meeting)."""
        return tuple(d for d in self.people if self.section(d) == section)


@dataclass(frozen=True)
class CalendarResult(Result):
    until: date
    rows: tuple[Deadline, ...]
    remind: int
    sources: dict[str, str]
    on: str = "act-by"  # events on the last working day to act, or on the legal deadline ("deadline")


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
    decisions: tuple[Deadline, ...] = ()
    renewed: tuple[Renewed, ...] = ()
    since: date | None = None
    body: str | None = None  # the body whose meeting the report prepares (SVO, LGVO), when known

    @property
    def by_state(self) -> tuple[tuple[str, tuple[AgreementStatus, ...]], ...]:
        return by_state(self.statuses)

    @property
    def state_counts(self) -> dict[str, int]:
        return {state: len(group) for state, group in self.by_state}


@dataclass(frozen=True)
class AgreementResult(Result):
    detail: Detail
    citation: str = ""  # the source document by its title in the register, section and registry number
    names: dict[str, str] = field(default_factory=dict)  # party and group id → name, for people


@dataclass(frozen=True)
class PlanResult(Result):
    plan: Workplan
    status: PlanStatus
    progress: AdoptionProgress | None
    meetings: tuple[MeetingDeadlines, ...]
    rows: tuple[Deadline, ...]
    names: dict[str, str]
    citation: str = ""

    @property
    def assignments(self) -> tuple[tuple[str, Any, Any], ...]:
        """Every assignment with its area's title and its due term (None: continuous work)."""
        from svo_cli.workplans import assignment_due

        return tuple((area.title, a, assignment_due(self.plan, a)) for area in self.plan.areas
                     for a in area.assignments)


@dataclass(frozen=True)
class TimelineResult(Result):
    picture: Picture


@dataclass(frozen=True)
class ValidateResult:
    findings: tuple[Diagnostic, ...]
    files: int

    @property
    def error_count(self) -> int:
        return sum(1 for d in self.findings if d.is_error)

    @property
    def warning_count(self) -> int:
        return len(self.findings) - self.error_count

    @property
    def exit_code(self) -> int:
        return 1 if any(d.is_error for d in self.findings) else 0


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class Loaded:
    dataset: Dataset
    findings: tuple[Diagnostic, ...] = field(default=())


ERRORS, EVERYTHING = "errors", "everything"  # which named checks a command runs


def load(request: Request, checks: str = ERRORS) -> Loaded:
    """Read the data directory and run the named checks a command needs: the ones that can find errors
    (ERRORS: validate.ERROR_CHECKS, register.ERROR_CHECKS), or every one (EVERYTHING)."""
    from svo_cli import register, validate
    from svo_cli.loader import load_dataset

    _require_dir(request.data_dir)
    every = checks == EVERYTHING
    with _loading():
        dataset, diagnostics = load_dataset(request.data_dir, jobs=request.jobs)
        diagnostics += validate.validate(dataset, validate.CHECKS if every else validate.ERROR_CHECKS)
        diagnostics += register.run_checks(dataset, register.Context(as_of=request.as_of),
                                           register.CHECKS if every else register.ERROR_CHECKS)
    _keep(dataset)
    return Loaded(dataset, tuple(sorted(diagnostics, key=lambda d: d.sort_key())))


FREEZE_FROM_FILES = 1000


@contextmanager
def _loading() -> Iterator[None]:
    """Python's cycle collector, paused while the data is read and checked. Each of its full passes
    visits every live object, and loading thousands of files keeps hundreds of thousands alive (models,
    values, source maps) while making no cyclic garbage: at 10,000 agreements the passes cost more
    than a third of `svo deadlines`' CPU time (benchmarks/run.py, docs/performance.md)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _keep(dataset: Dataset) -> None:
    """A large dataset lives as long as the command: its objects are moved out of the collector's sight
    (gc.freeze), so the passes while the engine runs visit only what the engine makes. Small datasets
    are left alone (in a long-lived process, such as the test suite, frozen objects are never scanned
    again)."""
    if len(dataset.files) >= FREEZE_FROM_FILES:
        gc.freeze()


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


def all_deadlines(dataset: Dataset, as_of: date, until: date, decisions_until: date | None = None) -> list[Deadline]:
    """Agreement and work-plan obligations together, in the one order (obligations.sort_key), each
    marked when it rests on a fact the data marks `assumed`. With `decisions_until` (a later day), notice
    deadlines and adoptions, the rows whose boards decide ahead of them (rule 16a), through that day:
    no other row is computed past `until`, where it could never be shown."""
    from svo_cli import engine, workplans

    rows = engine.deadlines(dataset.agreement_models(), as_of, until, groups=_groups(dataset),
                            notices_until=decisions_until)
    rows += workplans.all_plan_deadlines(dataset.workplan_models(), dataset.groups, dataset.parties, as_of, until,
                                         adoptions_until=decisions_until)
    return sorted(mark_assumed(rows, dataset, as_of), key=deadline_order(dataset))


TERM_EVENTS = ("notice", "terminated", "extended")


def _terms_assumed(agreement: Any, as_of: date) -> bool:
    """The terms rest on an assumption: an event that changes them is marked assumed."""
    return any(e.assumed and e.type in TERM_EVENTS and e.date.end <= as_of for e in agreement.events)


def mark_assumed(rows: Sequence[Deadline], dataset: Dataset, as_of: date) -> list[Deadline]:
    """`assumed` on every row that rests on an assumption: its follow-up, assignment, adoption due,
    meeting, or (notice deadlines and term ends) an event that changed the terms."""
    from dataclasses import replace as copy

    from svo_cli.kinds import DeadlineKind

    holders: dict[str, Any] = {a.id: a for a in dataset.agreement_models()}
    holders.update({p.id: p for p in dataset.workplan_models()})
    # The follow-ups and assignments marked assumed, once: scanning a holder's for each row made this
    # rows x follow-ups (one file may hold thousands of follow-ups, each with a dozen rows).
    assumed_followups = {(h.id, f.id) for h in holders.values() for f in h.followups if f.assumed}
    assumed_assignments = {(h.id, x.id) for h in holders.values() for area in getattr(h, "areas", ())
                           for x in area.assignments if x.assumed}
    terms_assumed: dict[str, bool] = {}
    out: list[Deadline] = []
    for row in rows:
        holder = holders.get(row.id)
        assumed = False
        if holder is not None:
            if row.followup is not None:
                assumed = (row.id, row.followup) in assumed_followups
            elif row.kind == DeadlineKind.ASSIGNMENT:
                assumed = (row.id, row.assignment) in assumed_assignments
            elif row.kind == DeadlineKind.ADOPTION:
                assumed = bool(holder.adoption and holder.adoption.assumed)
            elif row.kind in (DeadlineKind.MEETING, DeadlineKind.AGENDA, DeadlineKind.MINUTES):
                assumed = any(m.assumed for m in getattr(holder, "meetings", ()))
            elif row.kind in (DeadlineKind.NOTICE_DEADLINE, DeadlineKind.TERM_END, DeadlineKind.WITHDRAWAL):
                if row.id not in terms_assumed:
                    terms_assumed[row.id] = _terms_assumed(holder, as_of)
                assumed = terms_assumed[row.id]
        out.append(copy(row, assumed=True) if assumed else row)
    return out


def window_end(as_of: date, window: Window, default_days: int = DEFAULT_WITHIN_DAYS) -> date:
    if window.within is not None and window.until is not None:
        raise UsageProblem("within_and_until")
    if window.until is not None:
        if window.until < as_of:
            raise UsageProblem("until_before", until=window.until.isoformat(), date=as_of.isoformat())
        return window.until
    return as_of + timedelta(days=window.within if window.within is not None else default_days)


def meeting_window(dataset: Dataset, as_of: date, window: MeetingWindow,
                   body: str | None = None) -> tuple[date | None, date]:
    """The meeting to prepare for and the window's last day: the meeting plus the horizon (default 0),
    or the date plus the horizon (default 30) when there is no meeting (docs/rules.md, rule 16)."""
    from svo_cli import workplans

    if window.meeting is not None and window.next_meeting:
        raise UsageProblem("meeting_and_next")
    meeting = window.meeting
    if window.next_meeting:
        plans = [p for p in dataset.workplan_models() if body is None or p.body.casefold() == body.casefold()]
        meeting = workplans.next_meeting(plans, as_of)
        if meeting is None:
            raise UsageProblem("no_next_meeting", date=as_of.isoformat())
    if meeting is not None and meeting < as_of:
        raise UsageProblem("meeting_before", meeting=meeting.isoformat(), date=as_of.isoformat())
    if window.horizon is not None:
        days = window.horizon
    else:
        days = 0 if meeting else CHECK_DAYS_WITHOUT_MEETING
    return meeting, (meeting or as_of) + timedelta(days=days)


# --------------------------------------------------------------------------- views: filters, grouping


def swedish_order(text: str) -> tuple:
    """Sort key in Swedish alphabetical order: å, ä, ö after z."""
    return tuple(text.lower().translate(_SWEDISH))


_SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


def principal_order(dataset: Dataset) -> Callable[[str | None], tuple]:
    """The one order of principals (parties) in every command: by name, in Swedish alphabetical order
    (Region Östergötland between Norrköpings and Söderköpings kommun, Åtvidaberg and Ödeshög last)."""
    names = _names(dataset)
    return lambda party: swedish_order(names.get(party, party)) if party else ()


def deadline_order(dataset: Dataset) -> Callable[[Deadline], tuple]:
    """obligations.sort_key with the principals of one deadline in principal_order (not by their ids)."""
    from svo_cli.obligations import sort_key

    party = principal_order(dataset)

    def key(d: Deadline) -> tuple:
        date_, holder, kind, _, *rest = sort_key(d)
        return (date_, holder, kind, party(d.party), *rest)

    return key


def ordered_progress(progress: AdoptionProgress | None, dataset: Dataset) -> AdoptionProgress | None:
    """A plan's adoption with its principals in principal_order."""
    if progress is None:
        return None
    from dataclasses import replace as copy

    party = principal_order(dataset)
    return copy(progress, required=tuple(sorted(progress.required, key=party)),
                missing=tuple(sorted(progress.missing, key=party)),
                adopted=tuple(sorted(progress.adopted, key=lambda x: party(x[0]))),
                prepared=tuple(sorted(progress.prepared, key=lambda x: party(x[0]))))


def _members(dataset: Dataset, party: str) -> set[str]:
    groups = {g.id: set(g.members) for g in dataset.groups}
    return {party} | groups.get(party, set())


def check_filters(dataset: Dataset, filters: Filters) -> None:
    """Unknown party ids, kinds and bodies are usage errors with a suggestion."""
    from typing import get_args

    from svo_cli.model import AgreementKind

    def unknown(kind: str, value: str, known: Sequence[str]) -> UsageProblem:
        close = difflib.get_close_matches(value, list(known), n=1)
        return UsageProblem("unknown_value_close" if close else "unknown_value", what=kind, value=value,
                            close=close[0] if close else "", known=", ".join(sorted(known)))

    if filters.party and filters.party not in dataset.party_ids():
        raise unknown("--party", filters.party, sorted(dataset.party_ids()))
    for kind in filters.kinds:
        if kind not in get_args(AgreementKind):
            raise unknown("--kind", kind, get_args(AgreementKind))
    bodies = {p.body.lower(): p.body for p in dataset.workplan_models()}
    if filters.body and filters.body.lower() not in bodies:
        raise unknown("--body", filters.body, sorted(bodies.values()))


def kept_ids(dataset: Dataset, filters: Filters) -> set[str] | None:
    """The agreements and plans a filtered view keeps (None: all). The engine always runs on the whole
    register (a supersession or a group must not change with the view); rows are filtered after."""
    if not filters.active:
        return None
    groups = {g.id: set(g.members) for g in dataset.groups}
    wanted = _members(dataset, filters.party) if filters.party else set()
    kept: set[str] = set()
    needle = (filters.responsible or "").casefold()
    for a in dataset.agreement_models():
        parties = set(a.parties) | {m for p in a.parties for m in groups.get(p, ())}
        if filters.party and not wanted & parties:
            continue
        if needle and needle not in (a.responsible or "").casefold():
            continue
        if filters.kinds and a.kind not in filters.kinds:
            continue
        kept.add(a.id)  # --body picks plans and meetings; every agreement concerns every body
    for plan in dataset.workplan_models():
        if filters.body and plan.body.casefold() != filters.body.casefold():
            continue
        if filters.kinds:
            continue
        owners = " ".join(x.owner or "" for area in plan.areas for x in area.assignments).casefold()
        if needle and needle not in owners:
            continue
        kept.add(plan.id)
    return kept


def filter_rows(rows: Sequence[Deadline], dataset: Dataset, filters: Filters) -> list[Deadline]:
    keep = kept_ids(dataset, filters)
    if keep is None:
        return list(rows)
    wanted = _members(dataset, filters.party) if filters.party else None
    return [d for d in rows if d.id in keep and (wanted is None or d.party is None or d.party in wanted)]


def group_adoptions(rows: Sequence[Deadline], dataset: Dataset, as_of: date) -> list[Deadline]:
    """For people: a plan's missing adoptions as one row ("0 of 14 adopted; missing: …", names in Swedish
    order), in place of one row per principal (JSON keeps those, for scripts)."""
    from dataclasses import replace as copy

    from svo_cli import workplans
    from svo_cli.i18n import why
    from svo_cli.kinds import DeadlineKind

    names, party = _names(dataset), principal_order(dataset)
    plans = {p.id: p for p in dataset.workplan_models()}
    result: list[Deadline] = []
    missing_by_due: dict[tuple[str, date], list[str]] = {}  # one pass: each plan's missing principals by due day
    for row in rows:
        if row.kind == DeadlineKind.ADOPTION:
            found = missing_by_due.setdefault((row.id, row.date), [])
            if row.party:
                found.append(row.party)
    seen: set[tuple[str, date]] = set()
    for row in rows:
        if row.kind != DeadlineKind.ADOPTION:
            result.append(row)
            continue
        key = (row.id, row.date)
        if key in seen:
            continue
        seen.add(key)
        missing = missing_by_due[key]
        progress = workplans.adoption_progress(plans[row.id], dataset.groups, as_of)
        required = len(progress.required) if progress else len(missing)
        adopted = len(progress.adopted) if progress else 0
        missing = sorted(missing, key=party)
        plan = plans[row.id]
        text = why("adoption_group", k=adopted, n=required, missing=", ".join(names.get(p, p) for p in missing),
                   due=str(plan.adoption.due) if plan.adoption and plan.adoption.due else row.date)
        result.append(copy(row, party=None, why=text, deciders=tuple(missing)))
    return result


def _statuses(dataset: Dataset, as_of: date) -> tuple[AgreementStatus, ...]:
    from dataclasses import replace as copy

    from svo_cli import engine

    agreements = {a.id: a for a in dataset.agreement_models()}
    rows = engine.statuses(dataset.agreement_models(), as_of, groups=_groups(dataset))
    rows = [copy(r, assumed=True) if _terms_assumed(agreements[r.id], as_of) else r for r in rows]
    return tuple(sorted(rows, key=lambda r: r.id))


def _plan_statuses(dataset: Dataset, as_of: date) -> tuple[PlanStatus, ...]:
    rows = [_plan_status(p, dataset, as_of) for p in dataset.workplan_models()]
    return tuple(sorted(rows, key=lambda r: (r.period_from, r.id)))


def _plan_status(plan: Workplan, dataset: Dataset, as_of: date) -> PlanStatus:
    """A plan's state on the date, its principals in principal_order."""
    from dataclasses import replace as copy

    from svo_cli import workplans

    status = workplans.plan_status(plan, dataset.groups, as_of)
    return copy(status, adoption=ordered_progress(status.adoption, dataset))


def _groups(dataset: Dataset) -> dict[str, tuple[str, ...]]:
    """Group id → member ids: the engine counts a group as its members (withdrawal by one party)."""
    return {g.id: tuple(g.members) for g in dataset.groups}


def _names(dataset: Dataset) -> dict[str, str]:
    return {p.id: p.name for p in dataset.parties}


# --------------------------------------------------------------------------- commands


def _load_for(request: Request, checks: str = ERRORS) -> Loaded:
    loaded = load(request, checks)
    check_filters(loaded.dataset, request.filters)
    return loaded


def _kept(items: Sequence[Any], dataset: Dataset, filters: Filters) -> tuple[Any, ...]:
    keep = kept_ids(dataset, filters)
    return tuple(items) if keep is None else tuple(i for i in items if i.id in keep)


def status(request: Request) -> StatusResult:
    loaded = _load_for(request)
    return StatusResult(request.as_of, loaded.findings,
                        _kept(_statuses(loaded.dataset, request.as_of), loaded.dataset, request.filters))


def _rows(loaded: Loaded, request: Request, until: date,
          decisions_ahead: bool = False) -> tuple[tuple[Deadline, ...], tuple[Deadline, ...]]:
    """Deadline rows in the view (one per missing principal, for scripts) and the same for people
    (a plan's adoption as one row). With `decisions_ahead`, a notice deadline (or adoption) later than the
    window is listed too when its boards must decide within the window: a deadline is never first shown
    after the day to decide on it has passed."""
    dataset, day = loaded.dataset, request.as_of
    reach = _decision_reach(dataset, until) if decisions_ahead else None
    rows = filter_rows(all_deadlines(dataset, day, until, decisions_until=reach), dataset, request.filters)
    rows = with_decisions(rows, dataset, day)
    if reach is not None:
        rows = [r for r in rows if r.date <= until or (r.decide_by is not None and r.decide_by <= until)]
    return tuple(rows), tuple(group_adoptions(rows, dataset, day))


def _window_and_decisions(loaded: Loaded, request: Request, meeting: date | None, until: date) -> tuple[
        tuple[Deadline, ...], tuple[Deadline, ...], tuple[Deadline, ...]]:
    """What `check` and `report` show: the rows of the window through `until` (as _rows gives them) and
    the decisions ahead: every notice deadline (and plan adoption) not yet passed whose decide-by falls by
    the end of the window or before the next known meeting after this one, soonest decision first. The
    rows are computed once, and past the window only notice deadlines and adoptions (the decisions')."""
    dataset, day = loaded.dataset, request.as_of
    limit = _decisions_limit(dataset, request, meeting, until)
    found = filter_rows(all_deadlines(dataset, day, until, decisions_until=_decision_reach(dataset, limit)),
                        dataset, request.filters)
    found = with_decisions(found, dataset, day)
    rows = [r for r in found if r.date <= until]
    return tuple(rows), tuple(group_adoptions(rows, dataset, day)), _decisions_among(found, dataset, day, limit)


def _decision_reach(dataset: Dataset, limit: date) -> date:
    """The last day a deadline can lie on and still have its decision fall by `limit`."""
    leads = [_lead(dataset, a) for a in dataset.agreement_models()] + [_lead(dataset, None)]
    return limit + timedelta(days=max(_lead_days(x) for x in leads) + 40)


def deadlines(request: Request, window: Window) -> DeadlinesResult:
    from svo_cli.obligations import counts

    until = window_end(request.as_of, window)
    loaded = _load_for(request)
    rows, people = _rows(loaded, request, until, decisions_ahead=True)
    return DeadlinesResult(request.as_of, loaded.findings, until, rows, counts(people), people)


def plans(request: Request) -> PlansResult:
    loaded = _load_for(request)
    rows = _kept(_plan_statuses(loaded.dataset, request.as_of), loaded.dataset, request.filters)
    return PlansResult(request.as_of, loaded.findings, rows, _names(loaded.dataset))


def check(request: Request, window: MeetingWindow, since: date | None = None) -> CheckResult:
    """The meeting's questions: which decisions must be taken now, what is overdue, what falls due by the
    meeting and after it (the horizon), and what renewed silently since the last meeting."""
    from svo_cli.obligations import check_order, counts

    loaded = _load_for(request, EVERYTHING)
    dataset, day = loaded.dataset, request.as_of
    meeting, until = meeting_window(dataset, day, window, request.filters.body)
    since = since if since is not None else default_since(dataset, day, request.filters.body)
    if since > day:
        raise UsageProblem("since_after", since=since.isoformat(), date=day.isoformat())
    rows, people, ahead = _window_and_decisions(loaded, request, meeting, until)
    order = deadline_order(dataset)
    rows, people = tuple(check_order(rows, order)), tuple(check_order(people, order))
    warnings = tuple(d for d in loaded.findings if not d.is_error)
    sections = {id(r): _section(r, day, meeting) for r in (*rows, *people)}
    return CheckResult(day, loaded.findings, until, meeting, rows, warnings, counts(people), people, since,
                       ahead, renewed(loaded, request, since), sections, _names(dataset))


def _section(row: Deadline, as_of: date, meeting: date | None) -> str:
    if row.status == DeadlineState.OVERDUE:
        return "overdue"
    return "after_meeting" if meeting is not None and row.date > meeting else "by_meeting"


def default_since(dataset: Dataset, as_of: date, body: str | None = None) -> date:
    """The last work-plan meeting before the date, else 30 days before it."""
    days = [m.date.start for p in dataset.workplan_models() for m in p.meetings
            if m.kind == "meeting" and m.date.start < as_of and (body is None or p.body.casefold() == body.casefold())]
    return max(days) if days else as_of - timedelta(days=30)


DEFAULT_DECISION_LEAD = "3 months"
NO_NEXT_MEETING = timedelta(days=91)


def _lead(dataset: Dataset, agreement: Any | None) -> Any:
    from svo_cli.dates import parse_duration

    if agreement is not None and agreement.notice is not None and agreement.notice.decision_lead is not None:
        return agreement.notice.decision_lead
    if dataset.parties_file is not None and dataset.parties_file.model.decision_lead is not None:
        return dataset.parties_file.model.decision_lead
    return parse_duration(DEFAULT_DECISION_LEAD)


def with_decisions(rows: Sequence[Deadline], dataset: Dataset, as_of: date) -> list[Deadline]:
    """Notice deadlines and adoptions carry when the boards must decide (the last working day on or
    before act-by minus the decision lead), who decides, and whether that day has passed."""
    from dataclasses import replace as copy

    from svo_cli.dates import previous_working_day, subtract
    from svo_cli.kinds import DeadlineKind

    agreements = {a.id: a for a in dataset.agreement_models()}
    groups = _groups(dataset)
    party = principal_order(dataset)
    out: list[Deadline] = []
    for row in rows:
        if row.kind not in (DeadlineKind.NOTICE_DEADLINE, DeadlineKind.ADOPTION):
            out.append(row)
            continue
        agreement = agreements.get(row.id)
        decide_by = previous_working_day(subtract(row.act_by, _lead(dataset, agreement)))
        if agreement is not None:
            deciders = tuple(sorted(dict.fromkeys(m for p in agreement.parties for m in groups.get(p, (p,))),
                                    key=party))
        else:
            deciders = (row.party,) if row.party else ()
        out.append(copy(row, decide_by=decide_by, deciders=deciders,
                        decision_overdue=decide_by < as_of <= row.date))
    return out


def _lead_days(lead: Any) -> int:
    return 366 * lead.years + 31 * lead.months + lead.days + 2 * getattr(lead, "working_days", 0)


def _decisions_limit(dataset: Dataset, request: Request, meeting: date | None, until: date) -> date:
    """The last day a decision ahead may fall on: the end of the window, or before the next known meeting."""
    day, body = request.as_of, request.filters.body
    later = [m.date.start for p in dataset.workplan_models() for m in p.meetings
             if m.kind == "meeting" and m.date.start > (meeting or day)
             and (body is None or p.body.casefold() == body.casefold())]
    # Up to the next known meeting; when none is known, this may be the last meeting before a board
    # must decide: look a quarter past it (boards meet at least that often).
    return max(until, min(later) - timedelta(days=1)) if later else max(until, (meeting or day) + NO_NEXT_MEETING)


def _decisions_among(rows: Sequence[Deadline], dataset: Dataset, day: date, limit: date) -> tuple[Deadline, ...]:
    """The decisions ahead among rows with their decisions (with_decisions): the notice deadlines and
    adoptions not yet passed whose decide-by falls by `limit`, soonest decision first."""
    people = group_adoptions([r for r in rows if r.decide_by is not None], dataset, day)
    found = [r for r in people if r.decide_by is not None and r.date >= day and r.decide_by <= limit]
    return tuple(sorted(found, key=lambda r: (r.decide_by, r.date, r.id)))


def renewed(loaded: Loaded, request: Request, since: date) -> tuple[Renewed, ...]:
    """Notice deadlines that passed in (since, as-of] without a notice in time: each agreement is now bound
    for the next term."""
    from svo_cli import engine

    dataset, day = loaded.dataset, request.as_of
    keep = kept_ids(dataset, request.filters)
    agreements = dataset.agreement_models()
    statuses = {s.id: s for s in _statuses(dataset, day)}
    superseded = engine.supersessions(agreements)  # once: per agreement it made this quadratic
    groups = _groups(dataset)
    found: list[Renewed] = []
    for a in agreements:
        if keep is not None and a.id not in keep:
            continue
        tl = engine.timeline_of(a, agreements, day, through=day, since=since, groups=groups, superseded=superseded)
        for term in tl.terms:
            deadline = term.notice_deadline
            if deadline is None or not since < deadline <= day or term.end is None:
                continue
            if tl.final_end is not None and tl.final_end <= term.end:
                continue  # it ends with this term: notice was given in time, or it ends anyway
            if tl.superseded_on is not None and tl.superseded_on <= term.end + timedelta(days=1):
                continue
            status = statuses.get(a.id)
            found.append(Renewed(a.id, a.title, deadline, term.number + 1,
                                 status.binding_until if status else None, term.approximate))
    return tuple(sorted(found, key=lambda r: (r.date, r.id)))


def calendar(request: Request, window: Window, remind: int, on: str = "act-by") -> CalendarResult:
    until = window_end(request.as_of, window, CALENDAR_WITHIN_DAYS)
    loaded = _load_for(request)
    dataset = loaded.dataset
    sources = {a.id: source_line(a.source, dataset) for a in dataset.agreement_models()}
    sources.update({p.id: source_line(p.source, dataset) for p in dataset.workplan_models()})
    _, people = _rows(loaded, request, until, decisions_ahead=True)
    return CalendarResult(request.as_of, loaded.findings, until, people, remind, sources, on)


def source_line(source: Source, dataset: Dataset | None = None) -> str:
    """Where a fact comes from, for people: the document's title in the register (and its file), the
    section and the registry number (the quote itself: `svo show ID`)."""
    document = source.document
    if dataset is not None and dataset.sources_file is not None:
        titles = {d.id: d.title for d in dataset.sources_file.model.documents}
        if document in titles:
            document = f"{titles[document]} ({document})"
    return ", ".join(p for p in (document, source.section or "", source.reference or "") if p)


def report(request: Request, window: MeetingWindow) -> ReportResult:
    from svo_cli.obligations import check_order

    loaded = _load_for(request)
    dataset, day = loaded.dataset, request.as_of
    meeting, until = meeting_window(dataset, day, window, request.filters.body)
    _, people, ahead = _window_and_decisions(loaded, request, meeting, until)
    items = tuple(check_order(people, deadline_order(dataset)))
    picture_end = date(day.year + 3, 12, 31)
    picture = timeline_picture(dataset, day, date(day.year - 4, 1, 1), picture_end, False)
    since = default_since(dataset, day, request.filters.body)
    return ReportResult(day, loaded.findings, until, meeting, items,
                        _kept(_statuses(dataset, day), dataset, request.filters),
                        _kept(_plan_statuses(dataset, day), dataset, request.filters), picture, _names(dataset),
                        overdue=tuple(d for d in items if d.status == DeadlineState.OVERDUE),
                        coming=tuple(d for d in items if d.status != DeadlineState.OVERDUE),
                        decisions=ahead, renewed=renewed(loaded, request, since),
                        since=since, body=meeting_body(dataset, meeting, request.filters.body))


def meeting_body(dataset: Dataset, meeting: date | None, body: str | None) -> str | None:
    """The body whose meeting it is: --body, else the plan that lists a meeting that day."""
    if body is not None:
        return body.upper()
    if meeting is None:
        return None
    return next((p.body for p in dataset.workplan_models() for m in p.meetings if m.date.start == meeting), None)


def timeline_picture(dataset: Dataset, as_of: date, start: date, end: date, include_ended: bool) -> Picture:
    from svo_cli import engine
    from svo_cli.picture import layout

    agreements = dataset.agreement_models()
    found = []
    for a in sorted(agreements, key=lambda a: (a.valid_from.start, a.id)):
        tl = engine.timeline_of(a, agreements, as_of, through=end, groups=_groups(dataset))
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
        rows = obligations.check_order(workplans.plan_deadlines(plan, dataset.groups, dataset.parties, day, end),
                                       deadline_order(dataset))
        rows = with_decisions(mark_assumed(rows, dataset, day), dataset, day)
        return PlanResult(day, loaded.findings, plan, _plan_status(plan, dataset, day),
                          ordered_progress(workplans.adoption_progress(plan, dataset.groups, day), dataset),
                          tuple(workplans.meeting_deadlines(plan)), tuple(rows), _names(dataset),
                          source_line(plan.source, dataset))
    agreements = dataset.agreement_models()
    found = engine.detail(agreements, item_id, day, end, groups=_groups(dataset))
    if found is not None:
        from dataclasses import replace as copy

        marked = with_decisions(mark_assumed(found.deadlines, dataset, day), dataset, day)
        found = copy(found, deadlines=tuple(marked))
    if found is None:
        broken = [d.path for d in loaded.findings if d.is_error and Path(d.path).stem == item_id]
        if broken:
            raise UsageProblem("id_unreadable", id=item_id, path=broken[0])
    if found is None:
        ids = [a.id for a in agreements] + [p.id for p in dataset.workplan_models()]
        close = [i for i in ids if item_id.lower() in i][:3] or difflib.get_close_matches(item_id, ids, n=3)
        raise UsageProblem("no_such_id_close" if close else "no_such_id", id=item_id, close=", ".join(close))
    names = {**_names(dataset), **{g.id: g.name for g in dataset.groups}}
    return AgreementResult(day, loaded.findings, found, source_line(found.agreement.source, dataset), names)


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
        with _loading():
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
