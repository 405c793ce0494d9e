"""Views for people: filters (rule 20), the Swedish order of principals, a plan's adoptions as one row
(rule 21), and the dataset's names, groups and states as the commands show them."""

from __future__ import annotations

import difflib
from dataclasses import replace
from datetime import date
from typing import Any, Callable, Sequence, get_args

from svo_cli import engine, workplans
from svo_cli.app.requests import Filters, UsageProblem
from svo_cli.engine import AgreementStatus
from svo_cli.i18n import why
from svo_cli.kinds import ENDED, DeadlineKind
from svo_cli.loader import Dataset
from svo_cli.model import AgreementKind, Source, Workplan
from svo_cli.obligations import Deadline, Decided, sort_key
from svo_cli.picture import Picture, layout
from svo_cli.terms import adopted_by, expand
from svo_cli.workplans import AdoptionProgress, PlanStatus


def swedish_order(text: str) -> tuple:
    """Sort key in Swedish alphabetical order: å, ä, ö after z."""
    return tuple(text.lower().translate(_SWEDISH))


_SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


def principal_order(dataset: Dataset) -> Callable[[str | None], tuple]:
    """The one order of principals (parties) in every command: by name, in Swedish alphabetical order
    (Region Östergötland between Norrköpings and Söderköpings kommun, Åtvidaberg and Ödeshög last)."""
    names = names_of(dataset)
    return lambda party: swedish_order(names.get(party, party)) if party else ()


def deadline_order(dataset: Dataset) -> Callable[[Deadline], tuple]:
    """obligations.sort_key with the principals of one deadline in principal_order (not by their ids)."""
    party = principal_order(dataset)

    def key(d: Deadline) -> tuple:
        date_, holder, kind, _, *rest = sort_key(d)
        return (date_, holder, kind, party(d.party), *rest)

    return key


def ordered_progress(progress: AdoptionProgress | None, dataset: Dataset) -> AdoptionProgress | None:
    """A plan's adoption with its principals in principal_order."""
    if progress is None:
        return None
    party = principal_order(dataset)
    return replace(progress, required=tuple(sorted(progress.required, key=party)),
                missing=tuple(sorted(progress.missing, key=party)),
                adopted=tuple(sorted(progress.adopted, key=lambda x: party(x[0]))),
                prepared=tuple(sorted(progress.prepared, key=lambda x: party(x[0]))))


def _members(dataset: Dataset, party: str) -> set[str]:
    groups = {g.id: set(g.members) for g in dataset.groups}
    return {party} | groups.get(party, set())


def check_filters(dataset: Dataset, filters: Filters) -> None:
    """Unknown party ids, kinds and bodies are usage errors with a suggestion."""
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
    bodies.update({m.body.lower(): m.body for m in dataset.minutes_models() if m.body.lower() not in bodies})
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
    for m in dataset.minutes_models():  # minutes: by body; by the owners of their items (filter_rows: per row)
        if filters.body and m.body.casefold() != filters.body.casefold():
            continue
        if filters.kinds:
            continue
        if needle and needle not in " ".join(x.owner or "" for x in m.items).casefold():
            continue
        kept.add(m.id)
    return kept


def filter_rows(rows: Sequence[Deadline], dataset: Dataset, filters: Filters) -> list[Deadline]:
    keep = kept_ids(dataset, filters)
    if keep is None:
        return list(rows)
    wanted = _members(dataset, filters.party) if filters.party else None
    groups = {g.id: set(g.members) for g in dataset.groups}
    owners = _minutes_owners(dataset, rows) if filters.responsible and dataset.minutes else {}
    needle = (filters.responsible or "").casefold()
    # a row naming a group (a group's withdrawal) is each member's too; a meeting's assignment is its owner's
    return [d for d in rows if d.id in keep and (wanted is None or d.party is None or d.party in wanted
                                                 or bool(wanted & groups.get(d.party, set())))
            and ((d.id, d.assignment) not in owners or needle in owners[d.id, d.assignment].casefold())]


def _minutes_owners(dataset: Dataset, rows: Sequence[Deadline]) -> dict[tuple[str, str | None], str]:
    """(minutes id, item id) → the owner of each meeting's assignment among the rows (the latest a
    follow-up gives)."""
    from svo_cli.minutes import item_states

    ids = {m.id for m in dataset.minutes_models()}
    if not any(d.id in ids for d in rows):
        return {}
    found: dict[tuple[str, str | None], str] = {}
    for s in item_states(dataset.minutes_models(), dataset.workplan_models(), _as_of(rows)):
        found[s.minutes.id, s.item.id] = s.owner or ""
    return found


def _as_of(rows: Sequence[Deadline]) -> date:
    """The as-of date the rows were made on (a row's date minus its days left)."""
    from datetime import timedelta

    row = rows[0]
    return row.date - timedelta(days=row.days_left)


def kept(items: Sequence[Any], dataset: Dataset, filters: Filters) -> tuple[Any, ...]:
    keep = kept_ids(dataset, filters)
    return tuple(items) if keep is None else tuple(i for i in items if i.id in keep)


def group_adoptions(rows: Sequence[Deadline], dataset: Dataset, as_of: date) -> list[Deadline]:
    """For people: a plan's missing adoptions as one row ("0 of 14 adopted; missing: …", names in Swedish
    order), in place of one row per principal (JSON keeps those, for scripts)."""
    names, party = names_of(dataset), principal_order(dataset)
    plans = {p.id: p for p in dataset.workplan_models()}
    agreements = {a.id: a for a in dataset.agreement_models() if a.adoption is not None}
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
        holder: Any = plans.get(row.id) or agreements.get(row.id)
        if row.id in plans:
            progress = workplans.adoption_progress(plans[row.id], dataset.groups, as_of)
            required = tuple(sorted(progress.required, key=party)) if progress else tuple(missing)
            adopted = dict(progress.adopted) if progress else {}
        else:  # an agreement's adoption (rule 4e)
            members = {g.id: tuple(g.members) for g in dataset.groups}
            every = expand(holder.adoption.required, members) if holder is not None else set(missing)
            required = tuple(sorted(every, key=party))
            adopted = {p: d for p, d in adopted_by(holder, as_of, members).items() if p in every} if holder else {}
        missing = sorted(missing, key=party)
        text = why("adoption_group", k=len(adopted), n=len(required),
                   missing=", ".join(names.get(p, p) for p in missing),
                   due=str(holder.adoption.due) if holder is not None and holder.adoption and holder.adoption.due
                   else row.date)
        decided = tuple(Decided(p, "adopt", adopted[p]) for p in required if p in adopted)
        result.append(replace(row, party=None, why=text, deciders=required, decided=decided,
                              undecided=tuple(missing)))
    return result


TERM_EVENTS = ("notice", "terminated", "extended")


def terms_assumed(agreement: Any, as_of: date, notice: bool = False) -> bool:
    """The terms rest on an assumption: the agreement's start or end (`assumed: {valid_from|valid_until}`),
    its renewal, an event that changes them, or (`notice`: for a notice deadline or a withdrawal) its notice
    rule is marked assumed."""
    marked, renewal, rule = (getattr(agreement, key, None) for key in ("assumed", "renewal", "notice"))
    if marked is not None and (marked.valid_from or marked.valid_until):
        return True
    if (renewal is not None and renewal.assumed) or (notice and rule is not None and rule.assumed):
        return True
    return any(e.assumed and e.type in TERM_EVENTS and e.date.end <= as_of for e in agreement.events)


def agreement_statuses(dataset: Dataset, as_of: date) -> tuple[AgreementStatus, ...]:
    agreements = {a.id: a for a in dataset.agreement_models()}
    rows = engine.statuses(dataset.agreement_models(), as_of, groups=groups_of(dataset))
    rows = [replace(r, assumed=True) if terms_assumed(agreements[r.id], as_of) else r for r in rows]
    return tuple(sorted(rows, key=lambda r: r.id))


def plan_statuses(dataset: Dataset, as_of: date) -> tuple[PlanStatus, ...]:
    rows = [plan_status(p, dataset, as_of) for p in dataset.workplan_models()]
    return tuple(sorted(rows, key=lambda r: (r.period_from, r.id)))


def plan_status(plan: Workplan, dataset: Dataset, as_of: date) -> PlanStatus:
    """A plan's state on the date, its principals in principal_order."""
    status = workplans.plan_status(plan, dataset.groups, as_of)
    return replace(status, adoption=ordered_progress(status.adoption, dataset))


def groups_of(dataset: Dataset) -> dict[str, tuple[str, ...]]:
    """Group id → member ids: the engine counts a group as its members (withdrawal by one party)."""
    return {g.id: tuple(g.members) for g in dataset.groups}


def names_of(dataset: Dataset) -> dict[str, str]:
    return {p.id: p.name for p in dataset.parties}


def source_line(source: Source, dataset: Dataset | None = None) -> str:
    """Where a fact comes from, for people: the document's title in the register (and its file), the
    section and the registry number (the quote itself: `svo show ID`)."""
    document = source.document
    if dataset is not None and dataset.sources_file is not None:
        titles = {d.id: d.title for d in dataset.sources_file.model.documents}
        if document in titles:
            document = f"{titles[document]} ({document})"
    return ", ".join(p for p in (document, source.section or "", source.reference or "") if p)


def meeting_body(dataset: Dataset, meeting: date | None, body: str | None) -> str | None:
    """The body whose meeting it is: --body, else the plan that lists a meeting that day."""
    if body is not None:
        return body.upper()
    if meeting is None:
        return None
    return next((p.body for p in dataset.workplan_models() for m in p.meetings if m.date.start == meeting), None)


def timeline_picture(dataset: Dataset, as_of: date, start: date, end: date, include_ended: bool) -> Picture:
    agreements, groups = dataset.agreement_models(), groups_of(dataset)
    superseded, others = engine.supersessions(agreements), engine.by_id(agreements)
    found = []
    for a in sorted(agreements, key=lambda a: (a.valid_from.start, a.id)):
        tl = engine.timeline_of(a, agreements, as_of, through=end, groups=groups, superseded=superseded,
                                others=others)
        if include_ended or engine.status_of(tl).status not in ENDED:
            found.append(tl)
    return layout(found, start, end)
