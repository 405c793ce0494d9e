"""`svo changes` and `svo status --view register` in every format, and their sections of the Word pack
("Ändrat sedan förra mötet", the steering-documents appendix)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from svo_cli.i18n import label
from svo_cli.kinds import change_key, decision_key, history_key, label_key, moved_key, quote_change_key
from svo_cli.render.views import View

if TYPE_CHECKING:
    from svo_cli.text_keys import LabelKey


def _value(name: str, value: Any, lang: str) -> str:
    if value is None:
        return label("ch_nothing", lang)
    if isinstance(value, date):
        return value.isoformat()
    if name == "status":
        return label(label_key(str(value)), lang)
    return str(value)


def moved_text(change: Any, lang: str) -> str:
    return "; ".join(f"{label(moved_key(m.field), lang)} {_value(m.field, m.old, lang)} → {_value(m.field, m.new, lang)}"
                     for m in change.moved)


def _record(h: Any, names: dict[str, str], lang: str) -> str:
    what = label(history_key(h.kind), lang) + (f" ({label(decision_key(h.decision), lang)})" if h.decision else "")
    party = names.get(h.party, h.party) if h.party else ""
    return " ".join(x for x in (h.date.isoformat(), what, party, h.reference or "") if x)


def recorded_text(change: Any, names: dict[str, str], lang: str) -> str:
    parts = [_record(h, names, lang) for h in change.recorded]
    parts += [label("ch_unrecorded", lang, what=_record(h, names, lang)) for h in change.unrecorded]
    return "; ".join(parts)


def quotes_text(change: Any, lang: str) -> str:
    return "; ".join(label(quote_change_key(q.change), lang, document=q.document + (f", {q.section}" if q.section else ""))
                     for q in change.quotes)


def change_label(change: Any, lang: str) -> str:
    text = label(change_key(change.change), lang)
    if change.change == "changed" and change.edited and not change.moved:
        text += f" ({label('ch_edited', lang)})"
    return text


def _side(rev: Any, lang: str) -> str:
    if rev.commit is None:
        return label("ch_working_tree", lang)
    return label("ch_rev", lang, rev=rev.label, commit=rev.commit[:10],
                 day=rev.committed.isoformat() if rev.committed else "?")


def title(r: Any, lang: str) -> str:
    return label("ch_title", lang, old=_side(r.since, lang), new=_side(r.until, lang), date=r.as_of.isoformat())


def summary(r: Any, lang: str) -> str:
    if not r.changes:
        return label("ch_none", lang)
    counts: dict[str, int] = {}
    for c in r.changes:
        counts[c.change] = counts.get(c.change, 0) + 1
    return label("ch_summary", lang, n=len(r.changes),
                 parts=", ".join(f"{n} {label(change_key(k), lang)}" for k, n in counts.items()))


HEADER: tuple[LabelKey, ...] = ("col_change", "col_kind", "col_id", "col_moved", "col_recorded", "col_quotes", "col_title")


def cells(c: Any, names: dict[str, str], lang: str) -> tuple[str, ...]:
    return (change_label(c, lang), label(change_key(c.type), lang), c.id, moved_text(c, lang) or "–",
            recorded_text(c, names, lang) or "–", quotes_text(c, lang) or "–", c.title)


def changes_view(r: Any, lang: str) -> View:
    names = getattr(r, "names", {})
    return View(title(r, lang), tuple(label(k, lang) for k in HEADER),
                tuple(cells(c, names, lang) for c in r.changes), summary(r, lang), wrap_column=3,
                also_wrap=(4, 5, 6), head_column=2, titles=tuple(c.title for c in r.changes))


def _revision(rev: Any) -> dict[str, Any]:
    return {"rev": rev.given, "commit": rev.commit, "date": rev.committed.isoformat() if rev.committed else None}


def change_row(c: Any) -> dict[str, Any]:
    def value(v: Any) -> Any:
        return v.isoformat() if isinstance(v, date) else v

    def record(h: Any) -> dict[str, Any]:
        return {"date": h.date.isoformat(), "kind": h.kind, "party": h.party, "decision": h.decision,
                "reference": h.reference}

    return {"id": c.id, "type": c.type, "title": c.title, "change": c.change, "edited": c.edited,
            "moved": [{"field": m.field, "old": value(m.old), "new": value(m.new)} for m in c.moved],
            "recorded": [record(h) for h in c.recorded], "unrecorded": [record(h) for h in c.unrecorded],
            "quotes": [{"document": q.document, "section": q.section, "quote": q.quote, "change": q.change}
                       for q in c.quotes]}


def changes_document(r: Any, lang: str = "en") -> dict[str, Any]:
    from svo_cli.render.jsonfmt import Plain, findings_fields

    return Plain(as_of=r.as_of.isoformat(), since=_revision(r.since), until=_revision(r.until),
                 changes=[change_row(c) for c in r.changes], **findings_fields(r.findings, lang))


# --------------------------------------------------------------------------- Word


def changes_section(w: Any, r: Any, lang: str, heading: str, names: dict[str, str]) -> None:
    """The pack's "changed since the last meeting": what moved per agreement and plan, or why it is missing."""
    w.heading(heading, 1)
    if r is None:
        return
    if r.missing is not None:
        w.para(label("ch_missing", lang, reason=label(r.missing, lang, **r.missing_params)), italic=True)
        return
    w.para(label("ch_compared", lang, since=r.since.label, commit=(r.since.commit or "")[:10],
                 date=r.as_of.isoformat()), italic=True)
    if not r.changes:
        w.para(label("ch_none", lang))
    else:
        width = w.text_width()
        header = tuple(label(k, lang) for k in ("col_change", "col_title", "col_moved", "col_recorded"))
        rows = [(change_label(c, lang), (c.title, c.id), moved_text(c, lang) or "–",
                 "; ".join(x for x in (recorded_text(c, names, lang), quotes_text(c, lang)) if x) or "–")
                for c in r.changes]
        w.table(header, rows, (24, width * 0.34, (width - 24 - width * 0.34) * 0.55,
                               (width - 24 - width * 0.34) * 0.45))
    errors = [d for d in r.findings if d.is_error]
    if errors:
        from svo_cli.render.text import finding_line

        for d in errors[:20]:
            w.bullet(finding_line(d, lang))


def render_changes_docx(r: Any, lang: str, template: bytes | None = None) -> bytes:
    from svo_cli.render.docx import Writer

    w = Writer(lang, template)
    w.header_footer(title(r, lang))
    w.heading(title(r, lang), 0)
    w.para(summary(r, lang))
    w.orientation(landscape=True)
    w.heading(label("sec_changes_since", lang, since=r.since.label), 1)
    width = w.text_width()
    header = tuple(label(k, lang) for k in ("col_change", "col_title", "col_moved", "col_recorded", "col_quotes"))
    rows = [(change_label(c, lang), (c.title, c.id), moved_text(c, lang) or "–",
             recorded_text(c, getattr(r, "names", {}), lang) or "–", quotes_text(c, lang) or "–") for c in r.changes]
    if rows:
        rest = width - 24 - 60
        w.table(header, rows, (24, 60, rest * 0.45, rest * 0.3, rest * 0.25))
    _findings(w, r, lang)
    return w.bytes()


def _findings(w: Any, r: Any, lang: str) -> None:
    from svo_cli.render.text import finding_line, listed_findings

    listed, closing = listed_findings(r.findings, lang)
    if not listed:
        return
    w.heading(label("doc_findings", lang), 1)
    for d in listed:
        w.bullet(finding_line(d, lang))
    for line in closing:
        w.para(line)


# --------------------------------------------------------------------------- the steering-documents appendix


def steering_view(r: Any, lang: str) -> View:
    from svo_cli.app.steering import HEADER
    from svo_cli.app.steering import cells as row_cells

    key: LabelKey = "reg_title_all" if r.all else "reg_title"
    text = (label("reg_summary_all", lang, n=len(r.rows)) if r.all
            else label("reg_summary", lang, n=len(r.rows), left=r.left_out))
    if any(x.assumed for x in r.rows):
        text += "\n" + label("assumed_legend", lang).strip()
    return View(label(key, lang, date=r.as_of.isoformat()), tuple(label(k, lang) for k in HEADER),
                tuple(row_cells(x, lang) for x in r.rows), text, wrap_column=0, also_wrap=(2, 3, 5, 7),
                titles=tuple(x.id for x in r.rows))


def steering_sheet(r: Any, lang: str) -> Any:
    from svo_cli.render.sheets import Sheet

    keys: tuple[LabelKey, ...] = ("col_document", "col_id", "col_kind", "col_status", "col_valid_from", "col_valid_until", "col_term",
            "col_notice", "col_renewal", "col_next_deadline", "col_next_deadline_kind", "col_followup",
            "col_responsible", "col_source", "col_approximate", "col_assumed")
    rows = tuple((x.title, x.id, x.kind, label(label_key(x.status), lang), x.valid_from, x.valid_until, x.term, x.notice,
                  x.renewal, x.next_deadline, label(label_key(x.next_deadline_kind), lang) if x.next_deadline_kind else None,
                  x.followup or None, x.responsible, x.source, x.approximate, x.assumed) for x in r.rows)
    return Sheet(label("sheet_register", lang), tuple(label(k, lang) for k in keys), rows)


def steering_document(r: Any, lang: str = "en") -> dict[str, Any]:
    from svo_cli.render.jsonfmt import Plain, findings_fields

    def row(x: Any) -> dict[str, Any]:
        return {"id": x.id, "title": x.title, "kind": x.kind, "status": x.status,
                "valid_from": x.valid_from.isoformat(), "valid_until": x.valid_until.isoformat() if x.valid_until else None,
                "term": x.term, "validity": x.validity, "notice": x.notice, "renewal": x.renewal,
                "next_deadline": x.next_deadline.isoformat() if x.next_deadline else None,
                "next_deadline_kind": x.next_deadline_kind, "followup": x.followup or None,
                "responsible": x.responsible, "source": x.source, "approximate": x.approximate, "assumed": x.assumed}

    return Plain(as_of=r.as_of.isoformat(), view="register", all=r.all, left_out=r.left_out,
                 documents=[row(x) for x in r.rows], **findings_fields(r.findings, lang))


def register_section(w: Any, r: Any, lang: str, heading: str) -> None:
    """The steering-documents appendix as the pack's last section (landscape)."""
    from svo_cli.app.steering import HEADER
    from svo_cli.app.steering import cells as row_cells

    w.orientation(landscape=True)
    w.heading(heading, 1)
    if not r.rows:
        w.para(label("r_none", lang))
        return
    scale = w.text_width() / 257  # the columns' widths on a landscape A4 page, scaled to the page at hand
    widths = tuple(x * scale for x in (46, 20, 30, 48, 22, 36, 22))
    w.table(tuple(label(k, lang) for k in HEADER), [row_cells(x, lang) for x in r.rows],
            (*widths, w.text_width() - sum(widths)))
    w.para(label("reg_summary", lang, n=len(r.rows), left=r.left_out), italic=True)


def render_status_docx(r: Any, lang: str, template: bytes | None = None) -> bytes:
    """svo status as a Word document: the steering-documents appendix (--view register), else the status table."""
    from svo_cli.app.steering import SteeringResult
    from svo_cli.render.docx import Writer
    from svo_cli.render.views import status_view

    w = Writer(lang, template)
    if isinstance(r, SteeringResult):
        view = steering_view(r, lang)
        w.header_footer(view.title)
        w.heading(view.title, 0)
        register_section(w, r, lang, label("sec_register", lang))
    else:
        view = status_view(r.as_of, r.rows, r.counts, lang)
        w.header_footer(view.title)
        w.heading(view.title, 0)
        w.orientation(landscape=True)
        width = w.text_width()
        widths = [34, 20, 12, 22, 22, 22, 24, 22, 24, 6]
        w.table(view.header, [tuple(str(c) for c in row) for row in view.rows],
                (*widths, max(width - sum(widths), 30)))
        w.para(view.summary)
    _findings(w, r, lang)
    return w.bytes()
