"""The named check of minutes files (`minutes`: SVO250–SVO256) and their self-tests (SVO407, run by the
`self-tests` check). Pure: the dataset in, located findings out."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from svo_cli.diagnostics import Diagnostic, error, warning
from svo_cli.loader import Dataset, Loaded
from svo_cli.messages import T
from svo_cli.minutes import counts_of, follow_ups, item_states, meeting_days, next_meeting
from svo_cli.model_minutes import NEXT_MEETING
from svo_cli.yamlfile import Loc


def _at(item: Loaded, loc: Loc) -> dict[str, Any]:
    pos = item.source_map.value(loc)
    return dict(path=item.path, line=pos.line, column=pos.column, excerpt=item.source_map.excerpt(pos.line))


def check_minutes(dataset: Dataset) -> list[Diagnostic]:
    """SVO250 a follow-up of an unknown item; SVO251 a due day (or next meeting) before the meeting;
    SVO252 an item id twice in one file; SVO253 a follow-up of an item of a meeting not before this one;
    SVO254 an unknown related id; SVO255 an id that is not the file's name or is another file's id;
    SVO256 a follow-up of an item already closed."""
    found: list[Diagnostic] = []
    models = dataset.minutes_models()
    by_id = {m.id: m for m in models}
    holders = {a.id: "agreement" for a in dataset.agreement_models()}
    holders.update({p.id: "work plan" for p in dataset.workplan_models()})
    known = set(holders) | set(by_id)
    seen_ids: dict[str, str] = {}
    for held in dataset.minutes:
        m = held.model
        if m.id != held.stem:
            found.append(error("SVO255", T("minutes_id_mismatch", id=m.id, stem=held.stem), **_at(held, ("id",)),
                               hint=T("minutes_rename")))
        if m.id in holders:
            found.append(error("SVO255", T("minutes_id_taken", id=m.id, what=holders[m.id]), **_at(held, ("id",)),
                               hint=T("minutes_rename")))
        elif m.id in seen_ids:
            found.append(error("SVO255", T("minutes_id_taken", id=m.id, what=seen_ids[m.id]), **_at(held, ("id",)),
                               hint=T("minutes_rename")))
        seen_ids.setdefault(m.id, held.path)
        if m.next_meeting is not None and m.next_meeting.date.start <= m.date.start:
            found.append(error("SVO251", T("minutes_next_not_after", next=str(m.next_meeting.date), date=str(m.date)),
                               **_at(held, ("next_meeting", "date")), hint=T("minutes_check_date")))
        items: set[str] = set()
        for i, item in enumerate(m.items):
            if item.id in items:
                found.append(error("SVO252", T("minutes_duplicate_item", id=item.id), **_at(held, ("items", i, "id")),
                                   hint=T("minutes_give_each_id")))
            items.add(item.id)
            if item.due is not None and item.due != NEXT_MEETING and item.due.end < m.date.start:  # type: ignore[union-attr]
                found.append(error("SVO251", T("minutes_due_before_meeting", due=str(item.due), date=str(m.date)),
                                   **_at(held, ("items", i, "due")), hint=T("minutes_check_date")))
            for j, related in enumerate(item.related):
                if related not in known:
                    found.append(error("SVO254", T("minutes_unknown_related", id=related),
                                       **_at(held, ("items", i, "related", j)), hint=T("minutes_related_hint")))
            if item.follows is not None:
                found += _follows(held, i, item.follows, by_id)
    found += _closed_twice(dataset)
    return found


def _follows(held: Loaded, i: int, target: str, by_id: dict[str, Any]) -> list[Diagnostic]:
    m = held.model
    holder_id, _, item_id = target.partition("/")
    holder = by_id.get(holder_id)
    where = _at(held, ("items", i, "follows"))
    if holder is None:
        return [error("SVO250", T("minutes_unknown_follows", target=target,
                                  detail=T("minutes_no_such_minutes", id=holder_id)), **where,
                      hint=T("minutes_follows_hint"))]
    if not any(x.id == item_id for x in holder.items):
        return [error("SVO250", T("minutes_unknown_follows", target=target,
                                  detail=T("minutes_no_such_item", id=holder_id, item=item_id)), **where,
                      hint=T("minutes_follows_hint"))]
    if holder.date.start >= m.date.start:
        return [error("SVO253", T("minutes_follows_not_earlier", target=target, date=str(holder.date),
                                  own=str(m.date)), **where, hint=T("minutes_follow_earlier"))]
    return []


def _closed_twice(dataset: Dataset) -> list[Diagnostic]:
    """SVO256: a follow-up recorded after the item was closed (done or dropped) by an earlier one."""
    models = dataset.minutes_models()
    places = {(held.model.id, item.id): (held, i) for held in dataset.minutes for i, item in enumerate(held.model.items)}
    found: list[Diagnostic] = []
    for key, chain in follow_ups(models, date.max).items():
        closed = None
        for f in chain:
            if closed is not None:
                held, i = places[(f.minutes.id, f.item.id)]
                found.append(warning("SVO256", T("minutes_followed_after_closed", target=key, status=closed[0],
                                                 date=closed[1].isoformat()),
                                     **_at(held, ("items", i, "follows")), hint=T("minutes_follow_open_item")))
            elif f.item.status in ("done", "dropped"):
                closed = (str(f.item.status), f.minutes.date.start)
    return found


MINUTES_FIELDS = ("open", "overdue", "done", "dropped", "next_meeting")


def check_minutes_expectations(dataset: Dataset, wants: Callable[[Any], bool] = lambda item: True) -> list[Diagnostic]:
    """SVO407 for a minutes file's `expect:`: its items' counts and the body's next meeting on `as_of`
    (of the files `wants`: every one by default)."""
    from svo_cli.register import _expected_fields, _mismatches

    models, plans = dataset.minutes_models(), dataset.workplan_models()
    found: list[Diagnostic] = []
    for held in dataset.minutes:
        if not wants(held):
            continue
        for i, wish in enumerate(held.model.expect):
            day = wish.as_of.start
            got: dict[str, Any] = dict(counts_of(item_states(models, plans, day), held.model.id, day))
            got["next_meeting"] = next_meeting(meeting_days(models, plans, held.model.body), held.model.date.start)
            found += _mismatches(held, i, day, got, _expected_fields(wish, MINUTES_FIELDS))
    return found
