"""The meeting-ready report: summary, overdue, due by the meeting, agreements by state, plans'
adoption and a timeline picture — as Markdown, or as one self-contained HTML file (inline CSS and
SVG, no scripts, no external assets), every text from the data escaped."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from html import escape
from typing import TYPE_CHECKING, Any

from svo_cli import __version__
from svo_cli.app import ReportResult
from svo_cli.diagnostics import Diagnostic
from svo_cli.engine import AgreementStatus
from svo_cli.i18n import explain, label
from svo_cli.kinds import label_key
from svo_cli.picture import Picture
from svo_cli.render.markdown import escape as md
from svo_cli.render.timeline import render_text
from svo_cli.render.views import (
    View,
    after_title,
    decide_by_cell,
    decision_note,
    ending_view,
    incomplete_banner,
    since_text,
    since_view,
)
from svo_cli.safe import visible

if TYPE_CHECKING:
    from svo_cli.text_keys import LabelKey


def h(text: str) -> str:
    """HTML-escaped, control characters made visible."""
    return escape(visible(str(text)))



def meeting_title(r: Any, lang: str) -> str:
    """"Inför SVO-mötet 2026-12-10" when the report (or check) prepares a meeting, else "svo-rapport
    2026-11-23"."""
    if r.meeting is not None:
        key: LabelKey = "r_title_body" if r.body else "r_title_meeting"
        return label(key, lang, body=r.body or "", date=r.meeting.isoformat())
    return label("r_title", lang, date=r.as_of.isoformat())


def _what(d, lang: str, names: dict | None = None) -> str:
    """A deadline's explanation with the marks the tables give it: approximate, [assumption], and how far
    the boards have come (decided k of n; missing: …)."""
    return (explain(d.why, lang) + (label("approximate", lang) if d.approximate else "")
            + (label("assumed_mark", lang) if d.assumed else "") + decision_note(d, names or {}, lang))


def _options(d, lang: str, names: dict | None = None) -> list[str]:
    """A decision's options, one line each (rule 16g)."""
    from svo_cli.render.choices import option_text

    return [option_text(o, lang, names) for o in d.options]


def _assumed_legend(r: ReportResult) -> bool:
    """Whether anything in the report rests on an assumed fact (then the legend says what the mark means)."""
    return any(d.assumed for d in (*r.decisions, *r.items)) or any(s.assumed for s in r.statuses)


def _decision_md(r: ReportResult, lang: str) -> list[str]:
    out = [f"## {md(label('sec_decisions', lang, date=r.as_of.isoformat()), 'cell')}", ""]
    if not r.decisions:
        return out + [label("r_none", lang), ""]
    out += [f"| {label('col_decide_by', lang)} | {label('col_act_by', lang)} | {label('col_deadline', lang)} | "
            f"{label('col_what', lang)} |", "|---|---|---|---|"]
    for d in r.decisions:
        late = " **" + md(label("decision_overdue", lang), 'part') + "**" if d.decision_overdue else ""
        lines = _options(d, lang, r.party_names)
        options = f" **{md(label('col_options', lang), 'part')}:** {md('; '.join(lines), 'part')}" if lines else ""
        out.append(f"| {decide_by_cell(d, lang)}{late} | {d.act_by.isoformat()} | "
                   f"{d.date.isoformat()} | **{md(d.title, 'part')}**: {md(_what(d, lang, r.party_names), 'part')}"
                   f"{options} |")
    return out + [""]


def _renewed_md(r: ReportResult, lang: str) -> list[str]:
    out = [f"## {md(label('sec_renewed', lang, since=since_text(r, lang)), 'cell')}", ""]
    if not r.renewed:
        return out + [label("r_none", lang), ""]
    out += [f"| {label('col_deadline', lang)} | {label('col_title', lang)} | {label('col_term', lang)} | "
            f"{label('col_binding_until', lang)} |", "|---|---|---|---|"]
    out += [f"| {x.date.isoformat()} | {md(x.title, 'cell')} | {x.term} | "
            f"{x.binding_until.isoformat() if x.binding_until else '–'} |" for x in r.renewed]
    return out + [""]


def _ending_and_since(r: ReportResult, lang: str) -> list[View]:
    """What ends in the window and what the register records as happened since (as in svo check)."""
    return [ending_view(r, r.party_names, lang), since_view(r, r.party_names, lang, since_text(r, lang))]


def _view_md(view: View, lang: str) -> list[str]:
    out = [f"## {md(view.title, 'cell')}", ""]
    if not view.rows:
        return out + [label("r_none", lang), ""]
    out += ["| " + " | ".join(md(c, "cell") for c in view.header) + " |", "|" + "---|" * len(view.header)]
    out += ["| " + " | ".join(md(str(c), "cell") for c in row) + " |" for row in view.rows]
    return out + [""]


def _view_html(view: View, name: str, lang: str) -> list[str]:
    out = [f'<section id="{name}"><h2>{h(view.title)}</h2>']
    if not view.rows:
        return out + [f'<p class="muted">{h(label("r_none", lang))}</p></section>']
    out.append("<table><thead><tr>" + "".join(f"<th>{h(c)}</th>" for c in view.header) + "</tr></thead><tbody>")
    out += ["<tr>" + "".join(f"<td>{h(str(c))}</td>" for c in row) + "</tr>" for row in view.rows]
    return out + ["</tbody></table></section>"]


def _target(r: ReportResult, lang: str) -> str:
    return label("the_meeting", lang, date=r.meeting.isoformat()) if r.meeting else r.until.isoformat()


def _summary_lines(r: ReportResult, lang: str) -> list[str]:
    overdue = list(r.overdue)
    due = list(r.coming)
    counts = dict.fromkeys(("active", "notice_given", "upcoming"), 0) | r.state_counts
    lines = [label("r_sum_overdue", lang, n=len(overdue)),
             label("r_sum_due", lang, n=len(due), target=_target(r, lang)),
             label("r_sum_agreements", lang, active=counts["active"] + counts["notice_given"],
                   notice=counts["notice_given"], upcoming=counts["upcoming"])]
    if r.decisions:
        lines.insert(0, label("r_sum_decisions", lang, n=len(r.decisions)))
    if r.unrecorded:
        lines.append(label("r_sum_unrecorded", lang, n=sum(d.unrecorded for d in r.unrecorded)))
    for p in r.plans:
        if p.adoption is not None and p.state == "active":  # not yet started: nothing to adopt by yet
            lines.append(label("r_sum_plans", lang, plan=p.title, k=len(p.adoption.adopted), n=len(p.adoption.required)))
    return lines


def _agreement_line(s: AgreementStatus, lang: str) -> str:
    parts = [s.title]
    if s.term is not None:
        end = s.term_end.isoformat() if s.term_end else label("open_ended", lang)
        parts.append(label("r_term", lang, term=s.term, start=s.term_start.isoformat() if s.term_start else "", end=end))
    if s.notice_deadline:
        parts.append(label("r_next_notice", lang, date=s.notice_deadline.isoformat()))
    if s.option_deadline:
        parts.append(label("r_next_option", lang, date=s.option_deadline.isoformat()))
    if s.ends_on and s.status in ("notice_given", "active"):
        parts.append(label("r_ends", lang, date=s.ends_on.isoformat()))
    return " — ".join(parts) + (" ~" if s.approximate else "") + (label("assumed_short", lang) if s.assumed else "")


def _plan_cells(p, names: dict, lang: str) -> tuple[str, str, str]:
    a = p.adoption
    if a is None:
        return p.title, "–", ""
    prepared = dict(a.prepared)
    missing = ", ".join(names.get(x, x) + (label("prepared_suffix", lang, date=prepared[x].isoformat()) if x in prepared else "")
                        for x in a.missing)
    due = label("adoption_overdue", lang).strip() if a.overdue else (a.due.isoformat() if a.due else "–")
    return p.title, label("adoption_cell", lang, k=len(a.adopted), n=len(a.required)) + f" ({due})", missing


# --------------------------------------------------------------------------- Markdown


def render_markdown(r: ReportResult, lang: str) -> str:
    out = [f"# {md(meeting_title(r, lang), 'cell')}", "",
           md(label("r_window", lang, start=r.as_of.isoformat(), target=_target(r, lang), date=r.as_of.isoformat())), "",
           f"## {md(label('r_summary', lang), 'cell')}", ""]
    banner = incomplete_banner(r.errors, lang)
    if banner:
        out[2:2] = [f"> **{md(banner[0], 'part')}**"] + [f"> {md(line.strip())}" for line in banner[1:]] + [""]
    out += [f"- {md(line)}" for line in _summary_lines(r, lang)] + [""]
    out += _decision_md(r, lang)
    for title, rows in ((label("r_overdue", lang), list(r.overdue)),
                        (label("r_due_by", lang, target=_target(r, lang)), list(r.coming)),
                        *(((after_title(r, lang), list(r.after)),) if r.meeting and r.until != r.meeting else ())):
        out += [f"## {md(title, 'cell')}", ""]
        if not rows:
            out += [label("r_none", lang), ""]
            continue
        out += [f"| {label('col_date', lang)} | {label('col_act_by', lang)} | {label('col_kind', lang)} | {label('col_what', lang)} |",
                "|---|---|---|---|"]
        for d in rows:
            out.append(f"| {d.date.isoformat()} | {d.act_by.isoformat()} | {md(label(label_key(d.kind), lang), 'cell')} | "
                       f"**{md(d.title, 'part')}**: {md(_what(d, lang, r.party_names), 'part')} |")
        out.append("")
    out += [f"## {md(label('r_agreements', lang), 'cell')}", ""]
    for state, group in r.by_state:
        out += [f"### {md(label(label_key(state), lang), 'cell')} ({len(group)})", ""]
        out += [f"- {md(_agreement_line(s, lang))}" for s in group] + [""]
    if any(s.approximate for s in r.statuses):
        out += [md(label("approx_note", lang).strip()), ""]
    out += _renewed_md(r, lang)
    for view in _ending_and_since(r, lang):
        out += _view_md(view, lang)
    out += [f"## {md(label('r_plans', lang), 'cell')}", ""]
    out += [f"| {label('col_title', lang)} | {label('col_adoption', lang)} | {label('col_missing', lang)} |", "|---|---|---|"]
    for p in r.plans:
        title, adoption, missing = _plan_cells(p, r.party_names, lang)
        out.append(f"| {md(title, 'cell')} | {md(adoption, 'cell')} | {md(missing, 'cell')} |")
    out += ["", f"## {md(label('r_timeline', lang), 'cell')}", "", "```", render_text(r.picture, 110, lang=lang).rstrip(), "```", ""]
    if _assumed_legend(r):
        out += [md(label("assumed_legend", lang).strip()), ""]
    out += [f"_{md(label('r_footer', lang, version=__version__), 'part')}_", ""]
    return "\n".join(out)


# --------------------------------------------------------------------------- HTML

CSS = """
:root { --ink:#1b1f24; --muted:#5b6470; --line:#d6dbe1; --past:#b8c0ca; --current:#2e7d32; --future:#9ccc9f;
        --notice:#c62828; --today:#1565c0; --overdue:#c62828; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem;
     border-bottom: 2px solid var(--line); padding-bottom: .2rem; } h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
.window { color: var(--muted); margin: 0 0 1rem; }
.summary { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; }
.summary li { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .7rem; }
.summary li.alert { border-color: var(--overdue); color: var(--overdue); font-weight: 600; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top;
  padding: .3rem .5rem; border-bottom: 1px solid var(--line); } th { font-weight: 600; }
td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.overdue td.date { color: var(--overdue); font-weight: 600; }
ul.agreements { padding-left: 1.2rem; } .muted { color: var(--muted); }
svg.timeline { width: 100%; height: auto; } svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg .meeting { stroke: #6a1b9a; stroke-width: 2; stroke-dasharray: 5 3; } svg .meeting-label { fill: #6a1b9a; }
svg .past { fill: var(--past); } svg .current { fill: var(--current); } svg .future { fill: var(--future); }
svg .notice { fill: var(--notice); } svg .today { stroke: var(--today); stroke-width: 2; }
svg .grid { stroke: var(--line); } svg .axis { fill: var(--muted); }
.legend span.sw { display: inline-block; width: 1.4em; height: .8em; border-radius: 2px; margin: 0 .3em 0 .8em;
  vertical-align: baseline; } .sw.past { background: var(--past); } .sw.current { background: var(--current); }
.sw.future { background: var(--future); } .legend .dia { color: var(--notice); margin-left: .8em; }
.legend .now { color: var(--today); font-weight: 700; margin-left: .8em; }
.incomplete { border: 2px solid var(--overdue); color: var(--overdue); padding: .5rem .8rem; border-radius: 6px; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
@page { size: A4; margin: 12mm; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } svg text { font-size: 12px; } h2 { break-after: avoid; }
  tr, li { break-inside: avoid; } .timeline-wrap { break-inside: avoid; } a { color: inherit; } }
"""


def render_svg(picture: Picture, lang: str, meeting: date | None = None) -> str:
    # About as wide as an A4 page's text (700 px at 96 dpi), so 12 px labels print at 9 pt (>= 8 pt).
    longest = max((len(row.id) for row in picture.rows), default=0)
    # the labels' column fits the longest id (ids are never cut, README): about 7 px a character at 12 px
    label_w, plot_w, row_h, top = max(230, 7 * longest + 12), 460, 22, 28
    width = label_w + plot_w + 10
    height = top + row_h * len(picture.rows) + 30
    span = (picture.end - picture.start).days + 1

    def x(d: date) -> float:
        return label_w + max(0, min(span, (d - picture.start).days)) * plot_w / span

    parts = [f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{h(label("r_timeline", lang))}">']
    for year in range(picture.start.year, picture.end.year + 2):
        d = date(year, 1, 1)
        if picture.start <= d <= picture.end + timedelta(days=1):
            parts.append(f'<line class="grid" x1="{x(d):.1f}" y1="{top - 10}" x2="{x(d):.1f}" y2="{height - 20}"/>')
            if d <= picture.end:
                parts.append(f'<text class="axis" x="{x(d) + 3:.1f}" y="{top - 14}">{year}</text>')
    for i, row in enumerate(picture.rows):
        y = top + i * row_h
        name = row.id
        parts.append(f'<g class="row" data-id="{h(row.id)}"><title>{h(row.title)}</title>')
        parts.append(f'<text x="4" y="{y + 14}">{h(name)}</text>')
        for bar in row.bars:
            x1 = x(max(bar.start, picture.start))
            x2 = x(min(bar.end, picture.end) + timedelta(days=1)) if bar.end else label_w + plot_w
            parts.append(f'<rect class="term {bar.state}" x="{x1:.1f}" y="{y + 4}" width="{max(1.0, x2 - x1 - 1):.1f}" '
                         f'height="{row_h - 8}" rx="3"><title>{h(label("col_term", lang))} {h(bar.label)}: '
                         f'{bar.start.isoformat()} – {bar.end.isoformat() if bar.end else h(label("open_ended", lang))}'
                         f'</title></rect>')
        for d in row.notice_deadlines:
            cx, cy = x(d), y + row_h / 2
            parts.append(f'<polygon class="notice" points="{cx:.1f},{cy - 7:.1f} {cx + 6:.1f},{cy:.1f} {cx:.1f},{cy + 7:.1f} '
                         f'{cx - 6:.1f},{cy:.1f}"><title>{h(label("notice_deadline", lang))} {d.isoformat()}</title></polygon>')
        parts.append("</g>")
    if picture.start <= picture.today <= picture.end:
        tx = x(picture.today)
        parts.append(f'<line class="today" x1="{tx:.1f}" y1="{top - 8}" x2="{tx:.1f}" y2="{height - 20}"/>')
        parts.append(f'<text x="{tx + 3:.1f}" y="{height - 6}" fill="#1565c0">{picture.today.isoformat()}</text>')
    if meeting is not None and picture.start <= meeting <= picture.end:
        mx = x(meeting)
        parts.append(f'<line class="meeting" x1="{mx:.1f}" y1="{top - 8}" x2="{mx:.1f}" y2="{height - 20}"/>')
        parts.append(f'<text class="meeting-label" x="{mx - 3:.1f}" y="{top - 2}" text-anchor="end">'
                     f'{h(label("r_meeting_mark", lang, date=meeting.isoformat()))}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def html_banner(errors: Sequence[Diagnostic], lang: str) -> list[str]:
    """The data's errors at the top of an HTML page (the report, the årshjul): nothing when there are none."""
    banner = incomplete_banner(errors, lang)
    if not banner:
        return []
    items = "".join(f"<li>{h(line.strip())}</li>" for line in banner[1:])
    return [f'<div class="incomplete" role="alert"><strong>{h(banner[0])}</strong><ul>{items}</ul></div>']


def render_html(r: ReportResult, lang: str) -> str:
    target = _target(r, lang)
    overdue = list(r.overdue)
    due = list(r.coming)
    summary = _summary_lines(r, lang)
    out = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{h(meeting_title(r, lang))}</title><style>{CSS}</style></head><body>",
           f"<h1>{h(meeting_title(r, lang))}</h1>",
           *html_banner(r.errors, lang),
           f'<p class="window">{h(label("r_window", lang, start=r.as_of.isoformat(), target=target, date=r.as_of.isoformat()))}</p>',
           f'<section id="summary"><h2>{h(label("r_summary", lang))}</h2><ul class="summary">']
    out += [f'<li class="{"alert" if i == 0 and overdue else ""}">{h(line)}</li>' for i, line in enumerate(summary)]
    out.append("</ul></section>")
    out.append(f'<section id="decisions"><h2>{h(label("sec_decisions", lang, date=r.as_of.isoformat()))}</h2>')
    if r.decisions:
        out.append(f"<table><thead><tr><th>{h(label('col_decide_by', lang))}</th><th>{h(label('col_act_by', lang))}</th>"
                   f"<th>{h(label('col_deadline', lang))}</th><th>{h(label('col_what', lang))}</th></tr></thead><tbody>")
        for d in r.decisions:
            late = f'<br><strong>{h(label("decision_overdue", lang))}</strong>' if d.decision_overdue else ""
            out.append(f'<tr class="{"overdue" if d.decision_overdue else ""}"><td class="date">'
                       f'{h(decide_by_cell(d, lang))}{late}</td>'
                       f'<td class="date">{d.act_by.isoformat()}</td><td class="date">{d.date.isoformat()}</td>'
                       f"<td><strong>{h(d.title)}</strong><br>{h(_what(d, lang, r.party_names))}"
                       + "".join(f'<br><span class="option">{h(line)}</span>'
                                 for line in _options(d, lang, r.party_names)) + "</td></tr>")
        out.append("</tbody></table></section>")
    else:
        out.append(f'<p class="muted">{h(label("r_none", lang))}</p></section>')
    for section_id, title, rows in (("overdue", label("r_overdue", lang), overdue),
                                    ("due", label("r_due_by", lang, target=target), due),
                                    *((("after", after_title(r, lang), list(r.after)),)
                                      if r.meeting and r.until != r.meeting else ())):
        out.append(f'<section id="{section_id}"><h2>{h(title)}</h2>')
        if not rows:
            out.append(f'<p class="muted">{h(label("r_none", lang))}</p></section>')
            continue
        out.append(f"<table><thead><tr><th>{h(label('col_date', lang))}</th><th>{h(label('col_act_by', lang))}</th>"
                   f"<th>{h(label('col_kind', lang))}</th><th>{h(label('col_what', lang))}</th></tr></thead><tbody>")
        for d in rows:
            out.append(f'<tr class="{h(d.status)}"><td class="date">{d.date.isoformat()}</td>'
                       f'<td class="date">{d.act_by.isoformat()}</td><td>{h(label(label_key(d.kind), lang))}</td>'
                       f"<td><strong>{h(d.title)}</strong><br>{h(_what(d, lang, r.party_names))}</td></tr>")
        out.append("</tbody></table></section>")
    out.append(f'<section id="agreements"><h2>{h(label("r_agreements", lang))}</h2>')
    for state, group in r.by_state:
        out.append(f"<h3>{h(label(label_key(state), lang))} ({len(group)})</h3><ul class=\"agreements\">")
        out += [f"<li>{h(_agreement_line(s, lang))}</li>" for s in group]
        out.append("</ul>")
    if any(s.approximate for s in r.statuses):
        out.append(f'<p class="muted">{h(label("approx_note", lang).strip())}</p>')
    out.append("</section>")
    out.append(f'<section id="renewed"><h2>{h(label("sec_renewed", lang, since=since_text(r, lang)))}'
               "</h2>")
    if r.renewed:
        out.append(f"<table><thead><tr><th>{h(label('col_deadline', lang))}</th><th>{h(label('col_title', lang))}</th>"
                   f"<th>{h(label('col_term', lang))}</th><th>{h(label('col_binding_until', lang))}</th></tr></thead><tbody>")
        out += [f'<tr><td class="date">{x.date.isoformat()}</td><td>{h(x.title)}</td><td>{x.term}</td>'
                f'<td class="date">{x.binding_until.isoformat() if x.binding_until else "–"}</td></tr>'
                for x in r.renewed]
        out.append("</tbody></table></section>")
    else:
        out.append(f'<p class="muted">{h(label("r_none", lang))}</p></section>')
    for view, name in zip(_ending_and_since(r, lang), ("ending", "since")):
        out += _view_html(view, name, lang)
    out.append(f'<section id="plans"><h2>{h(label("r_plans", lang))}</h2><table><thead><tr>'
               f"<th>{h(label('col_title', lang))}</th><th>{h(label('col_adoption', lang))}</th>"
               f"<th>{h(label('col_missing', lang))}</th></tr></thead><tbody>")
    for p in r.plans:
        title, adoption, missing = _plan_cells(p, r.party_names, lang)
        out.append(f"<tr><td>{h(title)}</td><td>{h(adoption)}</td><td class=\"muted\">{h(missing)}</td></tr>")
    out.append("</tbody></table></section>")
    out.append(f'<section id="timeline" class="timeline-wrap"><h2>{h(label("r_timeline", lang))}</h2>')
    out.append(render_svg(r.picture, lang, r.meeting))
    past, current, future, notice, today = (x.strip() for x in label("r_legend", lang).split("·"))
    out.append(f'<p class="legend muted"><span class="sw past"></span>{h(past)}<span class="sw current"></span>'
               f'{h(current)}<span class="sw future"></span>{h(future)}<span class="dia">{h(notice)}</span>'
               f'<span class="now">{h(today)}</span></p></section>')
    if _assumed_legend(r):
        out.append(f'<p class="muted assumed-legend">{h(label("assumed_legend", lang).strip())}</p>')
    out.append(f"<footer>{h(label('r_footer', lang, version=__version__))}</footer></body></html>")
    return "\n".join(out) + "\n"
