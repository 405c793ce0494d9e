"""What changed in the register between two versions of the data (pure): `svo changes` and the meeting pack's
"changed since the last meeting".

Both versions are computed on the same as-of date (the application layer reads them, at two git revisions,
and computes each one's `Facts` with the engine); this module only compares. Per agreement and work plan:
added, removed, superseded, or changed, with the computed dates that moved (old → new), what was recorded
(events, decisions, adoptions, follow-ups done), the quotes that changed, and whether the file was edited
at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping, Sequence

from svo_cli.decisions import Happened, happened
from svo_cli.loader import Dataset

# The facts compared, in the order they are shown (docs/json.md, `svo changes`).
FIELDS = ("status", "term_end", "ends_on", "notice_deadline", "option_deadline", "binding_until", "decide_by",
          "adoption", "adoption_due")

Value = str | date | None


@dataclass(frozen=True)
class Facts:
    """One agreement's or plan's computed facts on the as-of date (None: none)."""

    id: str
    title: str
    type: str  # agreement, plan
    values: tuple[tuple[str, Value], ...]  # (field, value) in FIELDS order, only the fields the type has

    def get(self, name: str) -> Value:
        return dict(self.values).get(name)


@dataclass(frozen=True)
class Moved:
    field: str
    old: Value
    new: Value


@dataclass(frozen=True)
class Quote:
    """A source passage that is new or gone: its document and section, and the passage."""

    document: str
    section: str | None
    quote: str
    change: str  # added, removed


@dataclass(frozen=True)
class ItemChange:
    id: str
    title: str
    type: str  # agreement, plan
    change: str  # added, removed, superseded, changed, unreadable (a data error in one version: findings)
    moved: tuple[Moved, ...] = ()
    recorded: tuple[Happened, ...] = ()  # records that are new in the later version
    unrecorded: tuple[Happened, ...] = ()  # records the later version no longer has
    quotes: tuple[Quote, ...] = ()
    edited: bool = False  # the file's content differs (whatever else is listed)


CHANGE_ORDER = ("added", "removed", "superseded", "changed", "unreadable")


def compare(old: Dataset, new: Dataset, old_facts: Mapping[str, Facts],
            new_facts: Mapping[str, Facts]) -> tuple[ItemChange, ...]:
    """Every agreement and plan that differs between the two versions, with what moved; by change (added,
    removed, superseded, changed), then type and id. `*_facts` are each version's facts on one as-of date."""
    before, after = _models(old), _models(new)
    recorded_before = _records(old)
    recorded_after = _records(new)
    unreadable = _unreadable(old) | _unreadable(new)
    found: list[ItemChange] = []
    for key in sorted(set(before) | set(after)):
        kind, item_id = key
        if (key not in before or key not in after) and item_id in unreadable:
            found.append(ItemChange(item_id, _title(after.get(key) or before[key]), kind, "unreadable"))
            continue
        if key not in before:
            found.append(ItemChange(item_id, _title(after[key]), kind, "added",
                                    recorded=tuple(recorded_after.get(item_id, ()))))
            continue
        if key not in after:
            found.append(ItemChange(item_id, _title(before[key]), kind, "removed"))
            continue
        old_model, new_model = before[key], after[key]
        edited = old_model.model_dump(mode="json") != new_model.model_dump(mode="json")
        old_f, new_f = old_facts.get(item_id), new_facts.get(item_id)
        moved = tuple(Moved(name, old_f.get(name) if old_f else None, new_f.get(name) if new_f else None)
                      for name in FIELDS
                      if (old_f.get(name) if old_f else None) != (new_f.get(name) if new_f else None))
        was, now = set(recorded_before.get(item_id, ())), set(recorded_after.get(item_id, ()))
        recorded = tuple(h for h in recorded_after.get(item_id, ()) if h not in was)
        unrecorded = tuple(h for h in recorded_before.get(item_id, ()) if h not in now)
        quotes = _quotes(old_model, new_model)
        if not (edited or moved):
            continue
        superseded = any(m.field == "status" and m.new == "superseded" for m in moved)
        found.append(ItemChange(item_id, _title(new_model), kind, "superseded" if superseded else "changed",
                                moved, recorded, unrecorded, quotes, edited))
    return tuple(sorted(found, key=lambda c: (CHANGE_ORDER.index(c.change), c.type, c.id)))


def _models(dataset: Dataset) -> dict[tuple[str, str], Any]:
    found: dict[tuple[str, str], Any] = {("agreement", a.id): a for a in dataset.agreement_models()}
    found.update({("plan", p.id): p for p in dataset.workplan_models()})
    return found


def _unreadable(dataset: Dataset) -> set[str]:
    """The ids of agreements and plans read but not valid (their file's findings say why)."""
    return {str(item.model.get("id")) for item in dataset.unloaded
            if isinstance(item.model, dict) and item.model.get("id")}


def _title(model: Any) -> str:
    return str(model.title)


def _records(dataset: Dataset) -> dict[str, list[Happened]]:
    """Every record (notices, terminations, extensions, decisions, adoptions, follow-ups done) by holder id."""
    found: dict[str, list[Happened]] = {}
    for h in happened(dataset.agreement_models(), dataset.workplan_models(), date.min, date.max):
        found.setdefault(h.id, []).append(h)
    return found


def _sources(model: Any) -> list[Any]:
    """Every source of an agreement or plan (as register.sources names them, without their places)."""
    found = [model.source]
    notice = getattr(model, "notice", None)
    if notice is not None and notice.decision_meetings is not None and notice.decision_meetings.source is not None:
        found.append(notice.decision_meetings.source)
    for key in ("followups", "events", "decisions", "meetings", "expect"):
        found += [e.source for e in getattr(model, key, ()) if getattr(e, "source", None) is not None]
    found += [x.source for area in getattr(model, "areas", ()) for x in area.assignments if x.source is not None]
    return found


def _passages(model: Any) -> dict[tuple[str, str | None, str], None]:
    """Each quoted passage once, in file order, with its document and section (whitespace runs as one)."""
    found: dict[tuple[str, str | None, str], None] = {}
    for source in _sources(model):
        for quote in source.quotes:
            found[(source.document, source.section, " ".join(quote.split()))] = None
    return found


def _quotes(old: Any, new: Any) -> tuple[Quote, ...]:
    """The passages the later version quotes that the earlier did not, and those it no longer quotes."""
    before, after = _passages(old), _passages(new)
    return (tuple(Quote(d, s, q, "added") for d, s, q in after if (d, s, q) not in before)
            + tuple(Quote(d, s, q, "removed") for d, s, q in before if (d, s, q) not in after))


def changed_facts(changes: Sequence[ItemChange]) -> int:
    """How many items had a computed date or state move."""
    return sum(1 for c in changes if c.moved)
