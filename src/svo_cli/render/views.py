"""Results → views: a localized title, header, rows of cells and summary, shared by every tabular format."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Sequence

from svo_cli.diagnostics import Diagnostic
from svo_cli.engine import AgreementStatus
from svo_cli.i18n import explain, label
from svo_cli.kinds import decision_key, end_key, event_key, history_key, label_key
from svo_cli.obligations import Deadline


@dataclass(frozen=True)
class View:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    summary: str
    status_column: int | None = None  # which column holds a status (for colour)
    row_status: tuple[str, ...] = ()  # each row's status key
    wrap_column: int | None = None  # the long free-text column
    notes: tuple[str, ...] = field(default=())  # lines after the table (e.g. data warnings)
    notes_title: str = ""
    banner: tuple[str, ...] = ()  # lines before everything: the data could not all be read
    titles: tuple[str, ...] = ()  # each row's title, for people (cards show it beside the id)
    also_wrap: tuple[int, ...] = ()  # other free-text columns that may wrap (narrower minimum)
    head_column: int = 0  # the column that heads each card (the id)
    head_label: bool = False  # cards head with the column's name too ("Term 2"), for bare numbers
    lang: str = "en"


def incomplete_banner(errors: Sequence[Diagnostic], lang: str) -> tuple[str, ...]:
    """When data files could not be read or have errors: say so first, naming each file, so nobody takes
    an incomplete result for the whole picture."""
    if not errors:
        return ()
    paths = sorted({d.path for d in errors})
    return (label("incomplete", lang, n=len(paths)),) + tuple(f"  {p}" for p in paths)


def _d(value: date | None) -> str:
    return value.isoformat() if value else "–"


def status_view(as_of: date, rows: Sequence[AgreementStatus], counts: dict[str, int], lang: str) -> View:
    header = tuple(label(k, lang) for k in ("col_id", "col_status", "col_term", "col_term_start", "col_term_end", "col_ends_on",
                                             "col_next_notice_deadline", "col_binding_until", "col_withdrawn")) + \
        ("~", label("col_title", lang))
    cells = []
    for r in rows:
        term_end = label("open_ended", lang) if r.term is not None and r.term_end is None else _d(r.term_end)
        cells.append((r.id, label(label_key(r.status), lang), r.term if r.term else "–", _d(r.term_start), term_end,
                      _d(r.ends_on), _d(r.notice_deadline), _d(r.binding_until),
                      "; ".join(f"{w.party} {w.last_day.isoformat()}" for w in r.withdrawn) or "–",
                      "~" if r.approximate else "",
                      r.title + (label("assumed_short", lang) if r.assumed else "")))
    parts = ", ".join(f"{n} {label(label_key(s), lang)}" for s, n in counts.items())
    summary = label("summary_status", lang, n=len(rows), parts=parts)
    if any(r.approximate for r in rows):
        summary += label("approx_note", lang)
    if any(r.assumed for r in rows):
        summary += "\n" + label("assumed_legend", lang).strip()
    return View(label("agreements_on", lang, date=as_of.isoformat()), header, tuple(cells), summary,
                status_column=1, row_status=tuple(r.status for r in rows), titles=tuple(r.title for r in rows),
                wrap_column=10)


def deadline_cells(d: Deadline, lang: str, names: dict[str, str] | None = None) -> tuple[Any, ...]:
    what = explain(d.why, lang) + (label("approximate", lang) if d.approximate else "") + \
        (label("assumed_mark", lang) if d.assumed else "")
    return (d.date.isoformat(), d.act_by.isoformat(), decide_by_cell(d, lang), d.days_left, label(label_key(d.status), lang),
            label(label_key(d.kind), lang), d.id, what + decision_note(d, names or {}, lang))


def _deadline_key(d: Deadline) -> str:
    """The colour key of a deadline's state (a deadline's 'upcoming' is not an agreement's)."""
    return "upcoming_deadline" if d.status == "upcoming" else str(d.status)


def _deadline_header(lang: str) -> tuple[str, ...]:
    return tuple(label(k, lang) for k in ("col_date", "col_act_by", "col_decide_by", "col_days", "col_status", "col_kind",
                                          "col_id", "col_what"))


def deadlines_view(as_of: date, until: date, rows: Sequence[Deadline], tally: dict, lang: str,
                   names: dict[str, str] | None = None) -> View:
    summary = label("summary_deadlines", lang, n=len(rows), **tally)
    if any(d.assumed for d in rows):
        summary += "\n" + label("assumed_legend", lang).strip()
    return View(label("deadlines_title", lang, start=as_of.isoformat(), end=until.isoformat()),
                _deadline_header(lang), tuple(deadline_cells(d, lang, names) for d in rows), summary,
                status_column=4, row_status=tuple(_deadline_key(d) for d in rows), wrap_column=7,
                titles=tuple(d.title for d in rows))


def finding_notes(diagnostics: Sequence[Diagnostic], lang: str) -> tuple[str, ...]:
    """Findings as notes under a table: one line each, capped as in every output (diagnostics.shown)."""
    from svo_cli.render.text import finding_line, listed_findings

    listed, closing = listed_findings(diagnostics, lang)
    return tuple(finding_line(d, lang) for d in listed) + tuple(closing)


def decision_note(d: Deadline, names: dict[str, str], lang: str) -> str:
    """For people: how far the boards have come on a row that needs their decisions ("; decided 9 of 14
    (continue 9); missing: …"), and a notice decided but not yet given. An adoption's explanation says
    what is recorded already."""
    if not d.deciders or d.kind == "adoption":
        return ""
    tally: dict[str, int] = {}
    for x in d.decided:
        tally[x.decision] = tally.get(x.decision, 0) + 1
    parts = ", ".join(f"{label(decision_key(k), lang)} {n}" for k, n in tally.items())
    text = label("decided_k_of_n", lang, k=len(d.decided), n=len(d.deciders), tally=f" ({parts})" if parts else "")
    if d.undecided:
        text += label("decided_missing", lang, names=", ".join(names.get(p, p) for p in d.undecided))
    noticing = [names.get(x.party, x.party) for x in d.decided if x.decision == "notice"]
    if noticing:
        text += label("notice_decided", lang, names=", ".join(noticing), date=d.act_by.isoformat())
    return text


def decide_by_cell(d: Deadline, lang: str) -> str:
    """The decide-by day, marked when it rests on svo's default lead (no source gives one)."""
    if d.decide_by is None:
        return "–"
    return d.decide_by.isoformat() + (label("assumed_short", lang) if d.decide_by_assumed else "")


def _decision_cells(d: Deadline, names: dict[str, str], lang: str) -> tuple[Any, ...]:
    state = label("decision_overdue", lang) if d.decision_overdue else label("decision_open", lang)
    from svo_cli.render.choices import options_text

    return (d.date.isoformat(), decide_by_cell(d, lang), d.act_by.isoformat(), state,
            d.id, explain(d.why, lang) + (label("approximate", lang) if d.approximate else "") +
            (label("assumed_mark", lang) if d.assumed else "") + decision_note(d, names, lang),
            options_text(d, lang, names) or "–")


def after_title(r: Any, lang: str) -> str:
    """The title of what falls due after the meeting, saying how far the window reaches and why."""
    if getattr(r, "window", "horizon") == "next_meeting" and r.next_meeting is not None:
        return label("sec_before_next", lang, date=r.next_meeting.isoformat(), until=r.until.isoformat())
    if getattr(r, "window", "horizon") == "quarter":
        return label("sec_after_quarter", lang, date=r.until.isoformat())
    return label("sec_after_meeting", lang, date=r.until.isoformat())


def since_text(r: Any, lang: str) -> str:
    """The start of "since": a recorded meeting's day, or the 30 days used when none is recorded (said so)."""
    if r.since is None:
        return "–"
    if getattr(r, "since_meeting", True):
        body = getattr(r, "since_body", None)
        return label("since_meeting_of", lang, since=r.since.isoformat(), body=body) if body else r.since.isoformat()
    return label("since_no_meeting", lang, since=r.since.isoformat(), body=(r.body + "-") if r.body else "")


def ending_cells(e: Any, names: dict[str, str], lang: str) -> tuple[Any, ...]:
    reason = (label("end_withdrawal", lang, party=names.get(e.party, e.party)) if e.reason == "withdrawal"
              else label(end_key(e.reason), lang))
    return (e.last_day.isoformat(), e.id, reason + (label("approximate", lang) if e.approximate else ""), e.title)


def ending_view(r: Any, names: dict[str, str], lang: str) -> View:
    """Agreements (or a party's participation) whose last day falls in the window, and why."""
    header = tuple(label(k, lang) for k in ("col_last_day", "col_id", "col_reason", "col_title"))
    return View(label("sec_ending", lang, date=r.until.isoformat()), header,
                tuple(ending_cells(e, names, lang) for e in r.ending), "", wrap_column=3)


def happened_cells(h: Any, names: dict[str, str], lang: str) -> tuple[Any, ...]:
    what = label(history_key(h.kind), lang)
    if h.decision:
        what += f" ({label('d_' + h.decision, lang)})"
    return (h.date.isoformat(), h.id, what, names.get(h.party, h.party) if h.party else "", h.reference or "")


def since_view(r: Any, names: dict[str, str], lang: str, since: str) -> View:
    """What the register records as happened since the last meeting."""
    header = tuple(label(k, lang) for k in ("col_date", "col_id", "col_type", "col_party", "col_reference"))
    return View(label("sec_since", lang, since=since), header,
                tuple(happened_cells(h, names, lang) for h in r.since_events), "", wrap_column=2)


def check_views(r: Any, names: dict[str, str], lang: str) -> list[View]:
    """The pre-meeting check as sections, in the meeting's order: decisions needed now, overdue, due by the
    meeting, after the meeting (the horizon), renewed since; then the data's warnings and the summary."""
    target = label("the_meeting", lang, date=r.meeting.isoformat()) if r.meeting else r.until.isoformat()
    header = tuple(label(k, lang) for k in ("col_deadline", "col_decide_by", "col_act_by", "col_status", "col_id", "col_what",
                                             "col_options"))
    views = [View(label("sec_decisions", lang, date=r.as_of.isoformat()), header,
                  tuple(_decision_cells(d, names, lang) for d in r.decisions), "", status_column=3,
                  row_status=tuple("overdue" if d.decision_overdue else "due" for d in r.decisions),
                  wrap_column=5, also_wrap=(6,), titles=tuple(d.title for d in r.decisions))]
    titles = {"overdue": label("sec_overdue", lang),
              "by_meeting": label("sec_by_meeting", lang, target=target),
              "after_meeting": after_title(r, lang), "unrecorded": label("sec_unrecorded", lang)}
    for section in ("overdue", "by_meeting", "after_meeting", "unrecorded"):
        rows = list(r.people_in(section))
        if section == "after_meeting" and (r.meeting is None or r.until == r.meeting):
            continue
        if section == "unrecorded" and not rows:
            continue
        views.append(View(titles[section], _deadline_header(lang), tuple(deadline_cells(d, lang, names) for d in rows), "",
                          status_column=4, row_status=tuple(_deadline_key(d) for d in rows), wrap_column=7,
                          titles=tuple(d.title for d in rows)))
    if getattr(r, "has_minutes", False):  # the meetings' matters returning to this one (rule 23)
        from svo_cli.render.minutes import returning_view

        views.append(returning_view(r, lang))
    views.append(ending_view(r, names, lang))
    since = since_text(r, lang)
    renewed_header = tuple(label(k, lang) for k in ("col_deadline", "col_id", "col_term", "col_binding_until", "col_title"))
    views.append(View(label("sec_renewed", lang, since=since), renewed_header,
                      tuple((x.date.isoformat(), x.id, x.term, x.binding_until.isoformat() if x.binding_until else "–",
                             x.title) for x in r.renewed), "", wrap_column=4))
    views.append(since_view(r, names, lang, since))
    views = [replace(v, title=f"{i}. {v.title}") for i, v in enumerate(views, 1)]

    by_meeting, after = r.people_in("by_meeting"), r.people_in("after_meeting")
    tally = dict(r.counts, upcoming=sum(1 for d in by_meeting if d.status == "upcoming"))
    summary = label("summary_check", lang, target=target, **tally)
    if after:
        summary += label("summary_after", lang, n=len(after), date=r.until.isoformat())
    if r.counts.get("unrecorded"):
        summary += label("summary_unrecorded", lang, n=r.counts["unrecorded"])
    if getattr(r, "returning", ()):
        summary += label("summary_returning", lang, n=len(r.returning))
    summary = label("summary_decisions", lang, n=len(r.decisions)) + summary
    if any(d.assumed for d in (*r.decisions, *r.people)):
        summary += "\n" + label("assumed_legend", lang).strip()
    if r.warnings:
        summary += label("summary_warnings", lang, n=len(r.warnings))
    views.append(View("", (), (), summary, notes=finding_notes(r.warnings, lang),
                      notes_title=label("data_warnings", lang)))
    return views


def plans_view(as_of: date, rows: Sequence[Any], names: dict[str, str], lang: str) -> View:
    header = tuple(label(k, lang) for k in ("col_id", "col_body", "col_state", "col_period", "col_adoption", "col_assignments",
                                             "col_next_meeting"))
    cells = []
    for r in rows:
        adoption = "–"
        if r.adoption is not None:
            a = r.adoption
            adoption = label("adoption_cell", lang, k=len(a.adopted), n=len(a.required))
            if a.missing:
                prepared = dict(a.prepared)
                missing = [names.get(p, p) + (label("prepared_suffix", lang, date=prepared[p].isoformat())
                                              if p in prepared else "") for p in a.missing]
                adoption += (label("adoption_overdue", lang) if a.overdue else "")
                adoption += label("adoption_due", lang, date=_d(a.due), names=", ".join(missing))
        assignments = label("assignments_cell", lang, open=r.assignments_open, overdue=r.assignments_overdue,
                            done=r.assignments_done)
        meeting = "–"
        if r.next_meeting is not None:
            m = r.next_meeting
            meeting = f"{m.date.isoformat()} {m.title}"
            if m.agenda_by:
                meeting += label("agenda_by", lang, date=m.agenda_by.isoformat())
        cells.append((r.id, r.body, label(label_key(r.state), lang), f"{r.period_from.isoformat()} – {r.period_until.isoformat()}",
                      adoption, assignments, meeting))
    return View(label("plans_on", lang, date=as_of.isoformat()), header, tuple(cells), "",
                status_column=2, row_status=tuple(r.state for r in rows), wrap_column=4,
                titles=tuple(r.title for r in rows))


# --------------------------------------------------------------------------- svo show: one item's tables


def terms_view(detail: Any, lang: str) -> View:
    """An agreement's terms: number, start, end, notice deadline, act-by day; the term in force marked."""
    tl, s = detail.timeline, detail.status
    header = tuple(label(k, lang) for k in ("col_term", "col_start", "col_end", "col_next_notice_deadline", "col_act_by")) + ("",)
    unknown = detail.agreement.valid_from.unknown
    rows = tuple((t.number, label("unknown_start", lang) if unknown and t.number == 1 else t.start.isoformat(),
                  label("open_ended", lang) if t.end is None else t.end.isoformat(),
                  _d(t.notice_deadline), _d(detail.notice_act_by.get(t.number)),
                  label("in_force", lang) if s.term == t.number else "") for t in tl.terms)
    return View(label("col_terms", lang), header, rows, "", status_column=5, head_label=True, lang=lang,
                row_status=tuple("active" if s.term == t.number else "" for t in tl.terms))


def events_view(events: Sequence[Any], lang: str) -> View:
    """An agreement's recorded events: date, kind, details (who, until when, which follow-up, note)."""
    header = tuple(label(k, lang) for k in ("col_date", "col_type", "col_details"))
    rows = tuple((str(e.date), label(event_key(e.type), lang), "; ".join(x for x in (
        e.by or "", f"→ {e.until}" if e.until else "", e.followup or "", e.note or "", e.reference or "") if x))
        for e in events)
    return View(label("col_events", lang), header, rows, "", wrap_column=2, lang=lang)


def show_deadlines_view(deadlines: Sequence[Deadline], lang: str) -> View:
    """The deadlines of one agreement or work plan (its id is the item's own: not repeated)."""
    header = tuple(label(k, lang) for k in ("col_date", "col_act_by", "col_status", "col_kind", "col_what"))
    rows = tuple((d.date.isoformat(), d.act_by.isoformat(), label(label_key(d.status), lang), label(label_key(d.kind), lang),
                  explain(d.why, lang) + (label("assumed_mark", lang) if d.assumed else "")) for d in deadlines)
    return View(label("col_deadlines", lang), header, rows, "", status_column=2, wrap_column=4, lang=lang,
                row_status=tuple(_deadline_key(d) for d in deadlines))


def adoption_view(progress: Any, names: dict[str, str], lang: str) -> View:
    """A work plan's adoption, principal by principal (in the order the application layer gives)."""
    adopted, prepared = dict(progress.adopted), dict(progress.prepared)
    rows, keys = [], []
    for party in progress.required:
        if party in adopted:
            rows.append((names.get(party, party), label("p_adopted", lang, date=adopted[party].isoformat())))
            keys.append("active")
        elif party in prepared:
            rows.append((names.get(party, party), label("p_prepared", lang, date=prepared[party].isoformat())))
            keys.append("notice_given")
        else:
            rows.append((names.get(party, party), label("p_missing", lang)))
            keys.append("overdue" if progress.overdue else "upcoming")
    title = label("p_adoption", lang, k=len(progress.adopted), n=len(progress.required), due=_d(progress.due))
    return View(title, (label("col_party", lang), label("col_status", lang)), tuple(rows), "", status_column=1,
                row_status=tuple(keys), wrap_column=1, lang=lang)


def assignments_view(assignments: Sequence[tuple[str, Any, Any]], lang: str) -> View:
    """A work plan's assignments: id, what, owner, due, done, area (free text wraps, ids never)."""
    header = tuple(label(k, lang) for k in ("col_id", "col_what", "col_owner", "col_due", "col_done", "col_area"))
    rows = tuple((a.id, " ".join(a.what.split()), a.owner or "", str(due or label("continuous", lang)),
                  str(a.done) if a.done else "–", area) for area, a, due in assignments)
    return View(label("col_assignments", lang), header, rows, "", wrap_column=1, also_wrap=(2, 5), lang=lang)


def meetings_view(meetings: Sequence[Any], lang: str) -> View:
    """A work plan's meetings with the days the agenda and the minutes are due."""
    header = tuple(label(k, lang) for k in ("col_date", "col_kind", "col_what", "col_agenda_by", "col_minutes_final"))
    rows = tuple((m.date.isoformat(), label(label_key(m.kind), lang), m.title, _d(m.agenda_by), _d(m.minutes_final))
                 for m in meetings)
    return View(label("col_meetings", lang), header, rows, "", wrap_column=2, lang=lang)
