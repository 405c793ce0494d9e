"""Results → JSON text for scripts (stable, documented fields: see docs/json.md)."""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass
from datetime import date
from enum import Enum
from typing import Any, Callable, Iterator, Sequence

from svo_cli.app import (
    AgreementResult,
    CheckResult,
    DeadlinesResult,
    MinutesResult,
    PlanResult,
    PlansResult,
    StatusResult,
    ValidateResult,
)
from svo_cli.diagnostics import Diagnostic, shown
from svo_cli.engine import AgreementStatus
from svo_cli.i18n import explain, tr
from svo_cli.obligations import Deadline
from svo_cli.render.minutes import returning_rows
from svo_cli.workplans import PlanStatus, meetings_dated


def _plain(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class Plain(dict):
    """A document whose values are JSON values already (no conversion pass needed); a field's value may
    be `Rows`, an array made one element at a time as it is written."""


class Rows:
    """A document's array whose elements are made as they are written (`make` turns one item into JSON
    values): neither a list of them all nor their whole text is ever held. svo deadlines at 50,000
    agreements writes some 80,000 rows, whose JSON values took more memory than the rows themselves.
    Only the value of a top-level field of a `Plain` document (see `pieces`)."""

    __slots__ = ("items", "make")

    def __init__(self, items: Sequence[Any], make: Callable[[Any], Any]) -> None:
        self.items = items
        self.make = make

    def __iter__(self) -> Iterator[Any]:
        return map(self.make, self.items)


CHUNK = 1 << 18  # characters of JSON text handed to the writer at a time


def pieces(document: Any, pretty: bool = True, data_dir: str | None = None, size: int | None = None) -> Iterator[str]:
    """The document's JSON text in chunks of about `size` (CHUNK) characters, each ending between two values
    (never inside a string). Joined, they are exactly `json.dumps` of the whole document (indented by 2
    when `pretty`, compact otherwise) and a newline; `data_dir`, when given, is the first field.
    (CPython's indenting encoder is pure Python, so large outputs for scripts and files are written
    compact by the C encoder.)"""
    values = document if isinstance(document, Plain) else _plain(document)
    if data_dir is not None:
        values = {"data_dir": data_dir, **values}
    if not isinstance(values, dict) or not values:
        yield _encode(values, pretty, 0) + "\n"
        return
    limit = size or CHUNK
    buffer: list[str] = []
    held = 0
    for part in _fields(values, pretty):
        buffer.append(part)
        held += len(part)
        if held >= limit:
            yield "".join(buffer)
            buffer, held = [], 0
    if buffer:
        yield "".join(buffer)


def _fields(values: dict, pretty: bool) -> Iterator[str]:
    """A non-empty object's text, field by field and a `Rows` value element by element, as json.dumps
    writes it: `indent=2` puts each field on its own line, indented by 2, and each element of a field's
    array by 4; its separators are "," and ": " (compact: "," and ":")."""
    colon, comma = (": ", ",\n") if pretty else (":", ",")
    yield "{\n  " if pretty else "{"
    for i, (key, value) in enumerate(values.items()):
        head = (comma + ("  " if pretty else "") if i else "") + _encode(_key(key), pretty, 0) + colon
        if not isinstance(value, Rows):
            yield head + _encode(value, pretty, 1)
            continue
        opened = False
        for item in value:
            yield (head + ("[\n    " if pretty else "[") if not opened else comma + ("    " if pretty else "")) \
                + _encode(item, pretty, 2)
            opened = True
        yield ("\n  ]" if pretty else "]") if opened else head + "[]"
    yield "\n}\n" if pretty else "}\n"


def _key(key: Any) -> str:
    """A field's name as json.dumps writes it: a string as it is; True, 1, 1.5 or None as "true", "1",
    "1.5", "null"."""
    return key if isinstance(key, str) else json.dumps(key)


def _encode(value: Any, pretty: bool, depth: int) -> str:
    """One JSON value as json.dumps writes it at `depth` in an indented document (JSON text never holds
    a raw newline inside a string, so every newline is the indenter's)."""
    if not pretty:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * depth) if depth else text


def _day(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _status_row(r: AgreementStatus) -> dict:
    """An agreement's status as JSON values, built directly (as `asdict` and the plain pass would give
    them, field by field in declaration order, at a third of the cost: thousands of rows)."""
    return {"id": r.id, "title": r.title, "status": r.status.value, "term": r.term,
            "term_start": _day(r.term_start), "term_end": _day(r.term_end), "open_ended": r.open_ended,
            "ends_on": _day(r.ends_on), "notice_deadline": _day(r.notice_deadline), "approximate": r.approximate,
            "binding_until": _day(r.binding_until),
            "withdrawn": [{"party": w.party, "last_day": w.last_day.isoformat()} for w in r.withdrawn],
            "option_deadline": _day(r.option_deadline), "assumed": r.assumed}


def status_document(r: StatusResult, lang: str = "en") -> dict:
    return Plain(as_of=r.as_of.isoformat(), agreements=Rows(r.rows, _status_row),
                 **findings_fields(r.findings, lang))


def deadline_row(d: Deadline, lang: str = "en") -> dict:
    """A deadline as JSON values (built directly: thousands of rows go through here)."""
    return {"date": d.date.isoformat(), "act_by": d.act_by.isoformat(), "kind": d.kind.value, "id": d.id,
            "title": d.title, "days_left": d.days_left, "act_days_left": d.act_days_left, "status": d.status.value,
            "approximate": d.approximate, "explanation": explain(d.why, lang), "term": d.term,
            "followup": d.followup, "party": d.party, "assignment": d.assignment,
            "earlier_overdue": d.earlier_overdue, "unrecorded": d.unrecorded,
            "unrecorded_since": d.unrecorded_since.isoformat() if d.unrecorded_since else None, "decide_by": d.decide_by.isoformat() if d.decide_by else None,
            "deciders": list(d.deciders),
            "decided": [{"party": x.party, "decision": x.decision, "date": x.date.isoformat()} for x in d.decided],
            "undecided": list(d.undecided), "decide_by_assumed": d.decide_by_assumed,
            "decision_overdue": d.decision_overdue, "assumed": d.assumed}


def options_rows(d: Deadline, lang: str = "en") -> list[dict]:
    """A decision's options (rule 16g): each choice, the day to act on it, what it leads to, in words."""
    from svo_cli.render.choices import option_text

    return [{"choice": o.choice, "act_by": o.act_by.isoformat() if o.act_by else None, "outcome": o.outcome,
             "leads_to": o.leads_to.isoformat() if o.leads_to else None, "approximate": o.approximate,
             "adopted": o.adopted, "required": o.required, "missing": list(o.missing),
             "text": option_text(o, lang)} for o in d.options]


def deadlines_document(r: DeadlinesResult, lang: str = "en") -> dict:
    return Plain(as_of=r.as_of.isoformat(), until=r.until.isoformat(),
                 deadlines=Rows(r.rows, lambda d: deadline_row(d, lang)), **findings_fields(r.findings, lang))


def findings_list(diagnostics: Sequence[Diagnostic], lang: str = "en") -> list[dict]:
    return [{"path": d.path, "line": d.line, "column": d.column, "severity": d.severity.value,
             "code": d.code, "message": tr(d.message, lang), "hint": tr(d.hint, lang)} for d in diagnostics]


def findings_fields(diagnostics: Sequence[Diagnostic], lang: str = "en") -> dict[str, Any]:
    """`findings` (at most MAX_PER_FILE a file and MAX_SHOWN in all: diagnostics.shown) and
    `findings_omitted`, how many were left out."""
    capped = shown(diagnostics)
    return {"findings": findings_list(capped.findings, lang), "findings_omitted": capped.omitted}


def validate_document(r: ValidateResult, lang: str = "en") -> dict:
    return {"files": r.files, "errors": r.error_count, "warnings": r.warning_count,
            **findings_fields(r.findings, lang)}


def _plan_row(r: PlanStatus) -> dict:
    adoption = None
    if r.adoption is not None:
        a = r.adoption
        adoption = {"required": len(a.required), "adopted": len(a.adopted),
                    "missing": list(a.missing), "due": a.due, "overdue": a.overdue,
                    "decisions": [{"party": p, "date": d} for p, d in a.adopted],
                    "prepared": [{"party": p, "date": d} for p, d in a.prepared]}
    return {
        "id": r.id, "title": r.title, "body": r.body, "state": r.state,
        "period_from": r.period_from, "period_until": r.period_until, "adoption": adoption,
        "assignments_open": r.assignments_open, "assignments_overdue": r.assignments_overdue,
        "assignments_done": r.assignments_done,
        "next_meeting": ({"date": r.next_meeting.date, "title": r.next_meeting.title,
                          "kind": r.next_meeting.kind, "agenda_by": r.next_meeting.agenda_by,
                          "minutes_final": r.next_meeting.minutes_final} if r.next_meeting else None),
        "approximate": r.approximate,
    }


def plans_document(r: PlansResult, lang: str = "en") -> dict:
    return {"as_of": r.as_of, "plans": [_plan_row(row) for row in r.rows], **findings_fields(r.findings, lang)}


def check_document(r: CheckResult, lang: str = "en") -> dict:
    return Plain(
        as_of=r.as_of.isoformat(),
        until=r.until.isoformat(),
        meeting=r.meeting.isoformat() if r.meeting else None,
        since=r.since.isoformat() if r.since else None,
        decisions=Rows(r.decisions, lambda d: dict(deadline_row(d, lang), options=options_rows(d, lang))),
        renewed=[{"id": x.id, "title": x.title, "date": x.date.isoformat(), "term": x.term,
                  "binding_until": x.binding_until.isoformat() if x.binding_until else None,
                  "approximate": x.approximate} for x in r.renewed],
        items=Rows(r.items, lambda item: dict(deadline_row(item[1], lang), section=item[0].value)),
        window=r.window,
        next_meeting=r.next_meeting.isoformat() if r.next_meeting else None,
        since_meeting=r.since_meeting,
        ending=[{"id": e.id, "title": e.title, "party": e.party, "last_day": e.last_day.isoformat(),
                 "reason": e.reason, "approximate": e.approximate} for e in r.ending],
        since_events=[{"date": h.date.isoformat(), "kind": h.kind, "id": h.id, "title": h.title, "party": h.party,
                       "decision": h.decision, "reference": h.reference} for h in r.since_events],
        returning=returning_rows(r),
        **findings_fields(r.findings, lang),
        summary=r.counts,
    )


def show_document(r: AgreementResult | PlanResult | MinutesResult, lang: str = "en") -> dict:
    if isinstance(r, MinutesResult):
        from svo_cli.render.minutes import minutes_document

        return minutes_document(r, lang)
    if isinstance(r, PlanResult):
        return {"as_of": r.as_of, "plan": r.plan.model_dump(mode="json", by_alias=True),
                "status": _plan_row(r.status),
                "meetings": [asdict(m) for m in r.meetings],
                "meetings_dated": [asdict(m) for m in meetings_dated(r.plan)],
                "deadlines": [deadline_row(d, lang) for d in r.rows], **findings_fields(r.findings, lang)}
    detail = r.detail
    return {
        "as_of": r.as_of,
        "agreement": detail.agreement.model_dump(mode="json"),
        "status": asdict(detail.status),
        "terms": [dict(asdict(t), coarse=[str(c) for c in t.coarse],
                       **({"start": None} if t.number == 1 and detail.agreement.valid_from.unknown else {}))
                  for t in detail.timeline.terms],
        "notice": asdict(detail.timeline.notice) if detail.timeline.notice else None,
        "deadlines": [dict(deadline_row(d, lang), done_on=d.done_on) for d in detail.deadlines],
        **findings_fields(r.findings, lang),
    }


def steering_document(r: Any, lang: str = "en") -> dict:
    """svo status --view register (render/changes.py)."""
    from svo_cli.render.changes import steering_document as document

    return document(r, lang)


def changes_document(r: Any, lang: str = "en") -> dict:
    """svo changes (render/changes.py)."""
    from svo_cli.render.changes import changes_document as document

    return document(r, lang)
