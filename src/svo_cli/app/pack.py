"""What the meeting pack (the Word document) adds to a check or report: each item's source by document and
section, and why each row marked `[assumption]` rests on one, in the data's own words (`assumed:`)."""

from __future__ import annotations

from datetime import date
from typing import Iterable

from svo_cli.app.rows import MEETING_KINDS, TERM_KINDS
from svo_cli.app.views import TERM_EVENTS, source_line
from svo_cli.kinds import DeadlineKind
from svo_cli.loader import Dataset
from svo_cli.obligations import Deadline


def sources_of(dataset: Dataset) -> dict[str, str]:
    """Every agreement's and plan's source for people: the document's title, the section, the registry number."""
    found = {a.id: source_line(a.source, dataset) for a in dataset.agreement_models()}
    found.update({p.id: source_line(p.source, dataset) for p in dataset.workplan_models()})
    return found


def assumption_reasons(rows: Iterable[Deadline], dataset: Dataset, as_of: date) -> dict[str, str]:
    """For each row marked assumed (by its key, Deadline.key), the reasons the data gives for the facts it
    rests on (the same facts app.rows.mark_assumed looks at), joined; rows with none are left out."""
    agreements = {a.id: a for a in dataset.agreement_models()}
    plans = {p.id: p for p in dataset.workplan_models()}
    found: dict[str, str] = {}
    for row in rows:
        if not row.assumed:
            continue
        texts: list[str | None] = []
        holder = agreements.get(row.id) or plans.get(row.id)
        if row.kind == DeadlineKind.ADOPTION and row.id in plans:
            adoption = plans[row.id].adoption
            texts.append(adoption.assumed if adoption is not None else None)
        elif row.kind in TERM_KINDS and row.id in agreements:
            a = agreements[row.id]
            if a.assumed is not None:
                texts += [a.assumed.valid_from, a.assumed.valid_until]
            texts.append(a.renewal.assumed if a.renewal is not None else None)
            if row.kind != DeadlineKind.TERM_END and a.notice is not None:
                texts.append(a.notice.assumed)
            texts += [e.assumed for e in a.events if e.assumed and e.type in TERM_EVENTS and e.date.end <= as_of]
        elif row.kind == DeadlineKind.FOLLOWUP and holder is not None:
            texts += [f.assumed for f in holder.followups if f.id == row.followup]
        elif row.kind == DeadlineKind.ASSIGNMENT and row.id in plans:
            texts += [x.assumed for area in plans[row.id].areas for x in area.assignments if x.id == row.assignment]
        elif row.kind in MEETING_KINDS and row.id in plans:
            day = row.meeting or row.date
            texts += [m.assumed for m in plans[row.id].meetings if m.date.start == day]
        reasons = list(dict.fromkeys(" ".join(t.split()) for t in texts if t))
        if reasons:
            found[row.key] = "; ".join(reasons)
    return found
