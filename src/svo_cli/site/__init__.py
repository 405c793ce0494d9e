"""svo site: a static web site of the register, built from the application layer's results.

`build` gathers the results (the pre-meeting check, status, plans, every agreement and plan in full, each
principal's deadlines and calendar, every meeting's minutes, the årshjul) from one reading of the data directory; `pages.render_site`
turns them into files (path → bytes): Swedish at the root, English under en/, a calendar feed per principal
at kalender/<principal>.ics and one for all at kalender/alla.ics. No server, no script, no external request.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from svo_cli.app import (
    AgreementResult,
    CalendarResult,
    CheckResult,
    DeadlinesResult,
    MeetingWindow,
    MinutesResult,
    PlanResult,
    PlansResult,
    Request,
    Result,
    StatusResult,
    Window,
)
from svo_cli.arshjul import WheelResult

PRINCIPAL_KINDS = ("region", "kommun")
COMING_DAYS = 90  # the index's "coming" window
ENDING_DAYS = 365  # the index's "ending": agreements whose last day in force falls within a year
YEARS_SHOWN = 3  # each agreement's and plan's page: terms and deadlines this many years ahead
REMIND_DAYS = 14  # the feeds' reminder


@dataclass(frozen=True)
class Principal:
    id: str
    name: str
    status: StatusResult  # its agreements
    deadlines: DeadlinesResult  # its obligations in the coming year
    calendar: CalendarResult  # its feed


@dataclass(frozen=True)
class SiteResult(Result):
    check: CheckResult
    status: StatusResult
    plans: PlansResult
    principals: tuple[Principal, ...]
    agreements: tuple[AgreementResult, ...]
    workplans: tuple[PlanResult, ...]
    wheel: WheelResult
    calendar: CalendarResult  # everything
    names: dict[str, str] = field(default_factory=dict)
    minutes: tuple[MinutesResult, ...] = ()  # every meeting's minutes, by date then id

    @cached_property
    def pages(self) -> dict[str, str]:
        """Each item with a page of its own, by id: "agreement", "plan" or "minutes" (an agreement's first,
        then a plan's, for an id two files share). Made once: a page links each row's item through it."""
        found: dict[str, str] = {m.minutes.id: "minutes" for m in self.minutes}
        found.update((p.plan.id, "plan") for p in self.workplans)
        found.update((a.detail.agreement.id, "agreement") for a in self.agreements)
        return found


def build(request: Request) -> SiteResult:
    """Every result the site shows, from one reading of the data directory."""
    from svo_cli import app, arshjul

    with app.read_once():
        check = app.check(request, MeetingWindow(horizon=COMING_DAYS))
        status = app.status(request)
        plans = app.plans(request)
        loaded = app.load(request)
        dataset = loaded.dataset
        year = Window(within=app.CALENDAR_WITHIN_DAYS)
        principals = []
        for party in sorted((p for p in dataset.parties if p.kind in PRINCIPAL_KINDS),
                            key=lambda p: app.swedish_order(p.name)):
            mine = replace(request, filters=replace(request.filters, party=party.id))
            principals.append(Principal(party.id, party.name, app.status(mine), app.deadlines(mine, year),
                                        app.calendar(mine, year, REMIND_DAYS)))
        agreements, workplans, held = app.show_each(request, (
            sorted(a.id for a in dataset.agreement_models()), sorted(p.id for p in dataset.workplan_models()),
            [m.id for m in sorted(dataset.minutes_models(), key=lambda m: (m.date.start, m.id))]), YEARS_SHOWN)
        wheel = arshjul.arshjul(request)
        everything = app.calendar(request, year, REMIND_DAYS)
    names = {**{p.id: p.name for p in dataset.parties}, **{g.id: g.name for g in dataset.groups}}
    return SiteResult(request.as_of, loaded.findings, check, status, plans, tuple(principals),
                      tuple(a for a in agreements if isinstance(a, AgreementResult)),
                      tuple(p for p in workplans if isinstance(p, PlanResult)), wheel, everything, names,
                      tuple(m for m in held if isinstance(m, MinutesResult)))
