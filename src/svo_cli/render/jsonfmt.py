"""Results → JSON text for scripts (stable, documented fields: see docs/json.md)."""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass
from datetime import date
from enum import Enum
from typing import Any, Sequence

from svo_cli.diagnostics import Diagnostic
from svo_cli.engine import AgreementStatus
from svo_cli.i18n import explain, tr
from svo_cli.obligations import Deadline


def _plain(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class Plain(dict):
    """A document whose values are JSON values already (no conversion pass needed)."""


def dumps(document: Any, pretty: bool = True) -> str:
    """JSON text; `pretty` indents for people (CPython's indenting encoder is pure Python, so large
    outputs for scripts and files are written compact by the C encoder)."""
    values = document if isinstance(document, Plain) else _plain(document)
    if pretty:
        return json.dumps(values, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(values, ensure_ascii=False, separators=(",", ":")) + "\n"


def status_document(as_of: date, rows: Sequence[AgreementStatus]) -> dict:
    return {"as_of": as_of, "agreements": [asdict(r) for r in rows]}


def deadline_row(d: Deadline, lang: str = "en") -> dict:
    """A deadline as JSON values (built directly: thousands of rows go through here)."""
    return {"date": d.date.isoformat(), "act_by": d.act_by.isoformat(), "kind": d.kind, "id": d.id,
            "title": d.title, "days_left": d.days_left, "act_days_left": d.act_days_left, "status": d.status,
            "approximate": d.approximate, "explanation": explain(d.why, lang), "term": d.term,
            "followup": d.followup, "party": d.party, "assignment": d.assignment,
            "earlier_overdue": d.earlier_overdue}


def deadlines_document(as_of: date, until: date, rows: Sequence[Deadline], lang: str = "en") -> dict:
    return Plain(as_of=as_of.isoformat(), until=until.isoformat(), deadlines=[deadline_row(d, lang) for d in rows])


def diagnostics_document(diagnostics: Sequence[Diagnostic], files: int, lang: str = "en") -> dict:
    errors = sum(1 for d in diagnostics if d.is_error)
    return {
        "files": files,
        "errors": errors,
        "warnings": len(diagnostics) - errors,
        "findings": [
            {"path": d.path, "line": d.line, "column": d.column, "severity": d.severity.value,
             "code": d.code, "message": tr(d.message, lang), "hint": tr(d.hint, lang)}
            for d in diagnostics
        ],
    }


def plans_document(as_of: date, rows: Sequence[Any]) -> dict:
    plans = []
    for r in rows:
        adoption = None
        if r.adoption is not None:
            a = r.adoption
            adoption = {"required": len(a.required), "adopted": len(a.adopted),
                        "missing": list(a.missing), "due": a.due, "overdue": a.overdue,
                        "decisions": [{"party": p, "date": d} for p, d in a.adopted],
                        "prepared": [{"party": p, "date": d} for p, d in a.prepared]}
        plans.append({
            "id": r.id, "title": r.title, "body": r.body, "state": r.state,
            "period_from": r.period_from, "period_until": r.period_until, "adoption": adoption,
            "assignments_open": r.assignments_open, "assignments_overdue": r.assignments_overdue,
            "assignments_done": r.assignments_done,
            "next_meeting": ({"date": r.next_meeting.date, "title": r.next_meeting.title,
                              "kind": r.next_meeting.kind, "agenda_by": r.next_meeting.agenda_by,
                              "minutes_final": r.next_meeting.minutes_final} if r.next_meeting else None),
            "approximate": r.approximate,
        })
    return {"as_of": as_of, "plans": plans}


def check_document(as_of: date, until: date, meeting: date | None, rows: Sequence[Deadline],
                   warnings: Sequence[Diagnostic], tally: dict, lang: str = "en") -> dict:
    return Plain(
        as_of=as_of.isoformat(),
        until=until.isoformat(),
        meeting=meeting.isoformat() if meeting else None,
        items=[deadline_row(d, lang) for d in rows],
        warnings=diagnostics_document(warnings, 0, lang)["findings"],
        summary=tally,
    )
