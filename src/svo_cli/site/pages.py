"""The site's files from a SiteResult: HTML pages (Swedish at the root, English under en/), the årshjul,
and the calendar feeds. Plain HTML and CSS: no script, no font, nothing fetched from elsewhere; every text
from the data escaped; landmarks, headings in order, visible focus, contrast of at least 4.5:1; A4 print."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from svo_cli import __version__
from svo_cli.app import AgreementResult, MinutesResult, PlanResult
from svo_cli.engine import AgreementStatus
from svo_cli.i18n import explain, label
from svo_cli.kinds import event_key, item_kind_key, item_status_key, label_key
from svo_cli.obligations import Deadline
from svo_cli.render import arshjul as wheel
from svo_cli.render.ics import render_calendar
from svo_cli.render.report import h
from svo_cli.render.views import decide_by_cell, decision_note, incomplete_banner
from svo_cli.site import Principal, SiteResult

if TYPE_CHECKING:
    from svo_cli.text_keys import LabelKey

LANGS = ("sv", "en")  # Swedish at the root, English under en/

CSS = """
:root { --ink:#1b1f24; --muted:#4a525c; --line:#d6dbe1; --alert:#b71c1c; --link:#0b4f9c; --focus:#0d47a1; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff;
       margin: 0 auto; max-width: 1100px; padding: 0 1rem 2rem; }
a { color: var(--link); } a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; padding: .8rem 0; margin: 0;
  border-bottom: 2px solid var(--line); }
h1 { font-size: 1.6rem; margin: 1rem 0 .25rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .5rem;
  border-bottom: 2px solid var(--line); padding-bottom: .2rem; } h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
.asof, .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
th { font-weight: 600; } td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
.late { color: var(--alert); font-weight: 600; }
blockquote { margin: .5rem 0; padding: .3rem .8rem; border-left: 4px solid var(--line); }
.incomplete { border: 2px solid var(--alert); color: var(--alert); padding: .5rem .8rem; }
svg.arshjul { width: 100%; max-width: 760px; height: auto; }
footer { margin-top: 2rem; color: var(--muted); font-size: .9rem; border-top: 1px solid var(--line); }
@page { size: A4; margin: 14mm; }
@media print { body { max-width: none; font-size: 10.5pt; padding: 0; } header nav { display: none; }
  a { color: inherit; text-decoration: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""

INDEX = "index.html"


def principal_path(pid: str) -> str:
    return f"huvudman/{pid}.html"


def agreement_path(aid: str) -> str:
    return f"avtal/{aid}.html"


def plan_path(pid: str) -> str:
    return f"plan/{pid}.html"


def minutes_path(mid: str) -> str:
    return f"moten/{mid}.html"


def item_anchor(item_id: str) -> str:
    """The fragment of a meeting's item on its minutes page."""
    return f"punkt-{item_id}"


def feed_path(pid: str) -> str:
    return f"kalender/{pid}.ics"


ALL_FEED = "kalender/alla.ics"
WHEEL_PAGE, WHEEL_SVG = "arshjul.html", "arshjul.svg"


class Page:
    """One page being written: its path in the site and its language, for links relative to it."""

    def __init__(self, site: SiteResult, lang: str, path: str) -> None:
        self.site, self.lang, self.path = site, lang, path

    def L(self, key: LabelKey, **params: object) -> str:  # noqa: N802 - the one word-lookup of a page
        return label(key, self.lang, **params)

    def href(self, target: str) -> str:
        """A link from this page to `target` (a path in this language's tree)."""
        return "../" * self.path.count("/") + target

    def link(self, target: str, text: str) -> str:
        return f'<a href="{h(self.href(target))}">{h(text)}</a>'

    def item_link(self, item_id: str, text: str, item: str | None = None) -> str:
        """A link to the page of an agreement, plan or minutes (`item`: a meeting's item on that page)."""
        page = self.site.pages.get(item_id)
        if page == "agreement":
            return self.link(agreement_path(item_id), text)
        if page == "plan":
            return self.link(plan_path(item_id), text)
        if page == "minutes":
            return self.link(minutes_path(item_id) + (f"#{item_anchor(item)}" if item else ""), text)
        return h(text)

    def html(self, title: str, body: Sequence[str]) -> bytes:
        other = "en" if self.lang == "sv" else "sv"
        depth = self.path.count("/")
        to_other = "../" * depth + "en/" + self.path if other == "en" else "../" * (depth + 1) + self.path
        nav = [(INDEX, self.L("site_nav_index")), (WHEEL_PAGE, self.L("site_nav_wheel")),
               (ALL_FEED, self.L("site_nav_feed"))]
        banner = incomplete_banner(self.site.errors, self.lang)
        alert = ([f'<div class="incomplete" role="alert"><strong>{h(banner[0])}</strong><ul>'
                  + "".join(f"<li>{h(line.strip())}</li>" for line in banner[1:]) + "</ul></div>"] if banner else [])
        return "\n".join([
            "<!DOCTYPE html>", f'<html lang="{self.lang}"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{h(title)} – svo</title><style>{CSS}</style></head><body>",
            f'<header><nav aria-label="{h(self.L("site_nav"))}"><ul>'
            + "".join(f"<li>{self.link(t, text)}</li>" for t, text in nav)
            + f'<li><a href="{h(to_other)}" lang="{other}" hreflang="{other}">{h(label("site_other_lang", other))}'
              f"</a></li></ul></nav></header>",
            "<main>", f"<h1>{h(title)}</h1>",
            f'<p class="asof">{h(self.L("site_as_of", date=self.site.as_of.isoformat()))}</p>', *alert, *body,
            "</main>", f"<footer><p>{h(self.L('r_footer', version=__version__))}</p></footer>", "</body></html>", ""
        ]).encode("utf-8")

    # ------------------------------------------------------------------ pieces

    def what(self, d: Deadline) -> str:
        """A row's explanation with the marks and the boards' progress the tables give it ("decided 0 of
        14; missing: …")."""
        return (explain(d.why, self.lang) + decision_note(d, self.site.names, self.lang)
                + (self.L("approximate") if d.approximate else "") + (self.L("assumed_mark") if d.assumed else ""))

    def deadline_table(self, rows: Iterable[Deadline], decisions: bool = False) -> str:
        rows = list(rows)
        if not rows:
            return f"<p>{h(self.L('r_none'))}</p>"
        head: list[LabelKey] = ["col_decide_by"] if decisions else []
        head += ["col_deadline", "col_act_by", "col_kind", "col_what"]
        out = ["<table><thead><tr>" + "".join(f'<th scope="col">{h(self.L(k))}</th>' for k in head)
               + "</tr></thead><tbody>"]
        for d in rows:
            cells = []
            if decisions:
                late = f' <span class="late">{h(self.L("decision_overdue"))}</span>' if d.decision_overdue else ""
                cells.append(f'<td class="date">{h(decide_by_cell(d, self.lang))}{late}</td>')
            overdue = d.status == "overdue"
            cells += [f'<td class="date{" late" if overdue else ""}">{d.date.isoformat()}</td>',
                      f'<td class="date">{d.act_by.isoformat()}</td>', f"<td>{h(self.L(label_key(d.kind)))}</td>",
                      f"<td><strong>{self.item_link(d.id, d.title, d.assignment)}</strong>: {h(self.what(d))}</td>"]
            out.append("<tr>" + "".join(cells) + "</tr>")
        return "".join(out) + "</tbody></table>"

    def status_list(self, rows: Iterable[AgreementStatus]) -> str:
        rows = list(rows)
        if not rows:
            return f"<p>{h(self.L('r_none'))}</p>"
        items = []
        for s in rows:
            ends = f" – {h(self.L('r_ends', date=s.ends_on.isoformat()))}" if s.ends_on else ""
            notice = (f" – {h(self.L('r_next_notice', date=s.notice_deadline.isoformat()))}"
                      if s.notice_deadline else
                      f" – {h(self.L('r_next_option', date=s.option_deadline.isoformat()))}"
                      if s.option_deadline else "")
            items.append(f"<li>{self.link(agreement_path(s.id), s.title)} ({h(self.L(label_key(s.status)))}){notice}{ends}"
                         f"{h(self.L('assumed_short')) if s.assumed else ''}</li>")
        return "<ul>" + "".join(items) + "</ul>"

    def section(self, key: LabelKey, content: str, **params: object) -> str:
        return f"<section><h2>{h(self.L(key, **params))}</h2>{content}</section>"


# ---------------------------------------------------------------------- pages


def index_page(site: SiteResult, lang: str) -> bytes:
    p = Page(site, lang, INDEX)
    check = site.check
    ending = [s for s in site.status.rows if s.ends_on is not None and s.status in ("active", "notice_given")
              and 0 <= (s.ends_on - site.as_of).days <= 365]
    renewed = ("<ul>" + "".join(f"<li>{x.date.isoformat()}: {p.link(agreement_path(x.id), x.title)} – "
                                f"{h(p.L('site_renewed_item', term=x.term, until=x.binding_until.isoformat() if x.binding_until else '–'))}"
                                f"</li>" for x in check.renewed) + "</ul>") if check.renewed else f"<p>{h(p.L('r_none'))}</p>"
    principals = "<ul>" + "".join(f"<li>{p.link(principal_path(x.id), x.name)} ({p.link(feed_path(x.id), p.L('site_feed'))})"
                                  f"</li>" for x in site.principals) + "</ul>"
    plans = "<ul>" + "".join(f"<li>{p.link(plan_path(x.plan.id), x.plan.title)}</li>" for x in site.workplans) + "</ul>"
    held = ("<ul>" + "".join(f"<li>{x.minutes.date.start.isoformat()}: {p.link(minutes_path(x.minutes.id), x.minutes.title)}"
                             f" ({h(x.minutes.body)})</li>" for x in site.minutes) + "</ul>"
            if site.minutes else f"<p>{h(p.L('r_none'))}</p>")
    body = [p.section("sec_decisions", p.deadline_table(check.decisions, decisions=True), date=site.as_of.isoformat()),
            p.section("site_overdue", p.deadline_table(check.people_in("overdue"))),
            p.section("site_coming", p.deadline_table(check.people_in("by_meeting") + check.people_in("after_meeting")),
                      date=check.until.isoformat()),
            p.section("site_ending", p.status_list(ending)),
            p.section("sec_renewed", renewed, since=check.since.isoformat() if check.since else "–"),
            p.section("site_principals", principals),
            p.section("r_agreements", p.status_list(site.status.rows)),
            p.section("r_plans", plans),
            p.section("site_minutes", held),
            p.section("site_feeds", f"<p>{h(p.L('site_feeds_text'))}</p><p>{p.link(ALL_FEED, p.L('site_feed_all'))}</p>")]
    return p.html(p.L("site_title"), body)


def principal_page(site: SiteResult, lang: str, x: Principal) -> bytes:
    p = Page(site, lang, principal_path(x.id))
    rows = x.deadlines.rows
    decisions = [d for d in rows if d.decide_by is not None and x.id in (d.deciders or (d.party,))]
    adoptions = []
    for plan in site.plans.rows:
        a = plan.adoption
        if a is None or x.id not in a.required:
            continue
        adopted, prepared = dict(a.adopted), dict(a.prepared)
        state = (p.L("site_adopted", date=adopted[x.id].isoformat()) if x.id in adopted else
                 p.L("site_prepared", date=prepared[x.id].isoformat()) if x.id in prepared else p.L("site_no_decision"))
        adoptions.append(f"<tr><td>{p.link(plan_path(plan.id), plan.title)}</td><td>{h(state)}</td>"
                         f"<td>{h(p.L('adoption_cell', k=len(a.adopted), n=len(a.required)))}</td></tr>")
    adoption_table = (f'<table><thead><tr><th scope="col">{h(p.L("col_title"))}</th><th scope="col">'
                      f'{h(p.L("site_this_principal"))}</th><th scope="col">{h(p.L("site_k_of_n"))}</th></tr></thead>'
                      f"<tbody>{''.join(adoptions)}</tbody></table>") if adoptions else f"<p>{h(p.L('r_none'))}</p>"
    body = [f"<p>{p.link(feed_path(x.id), p.L('site_feed_of', name=x.name))}</p>",
            p.section("site_decisions_of", p.deadline_table(decisions, decisions=True)),
            p.section("site_deadlines_of", p.deadline_table(x.deadlines.people),
                      date=x.deadlines.until.isoformat()),
            p.section("site_adoptions", adoption_table),
            p.section("r_agreements", p.status_list(x.status.rows))]
    return p.html(x.name, body)


def _quote(p: Page, source: object, citation: str) -> str:
    quotes = getattr(source, "quotes", ())
    return ("".join(f"<blockquote><p>{h(quote)}</p></blockquote>" for quote in quotes)
            + f"<p class=\"muted\">{h(p.L('col_source'))}: {h(citation)}</p>")


def agreement_page(site: SiteResult, lang: str, r: AgreementResult) -> bytes:
    a, detail = r.detail.agreement, r.detail
    p = Page(site, lang, agreement_path(a.id))
    parties = ", ".join(r.names.get(x, x) for x in a.parties)
    terms = "".join(f"<tr><td>{t.number}</td><td class=\"date\">{t.start.isoformat()}</td><td class=\"date\">"
                    f"{t.end.isoformat() if t.end else h(p.L('open_ended'))}</td><td class=\"date\">"
                    f"{t.notice_deadline.isoformat() if t.notice_deadline else '–'}</td></tr>" for t in detail.timeline.terms)
    terms_table = (f'<table><thead><tr><th scope="col">{h(p.L("col_term"))}</th><th scope="col">{h(p.L("site_from"))}'
                   f'</th><th scope="col">{h(p.L("site_until"))}</th><th scope="col">{h(p.L("notice_deadline"))}</th>'
                   f"</tr></thead><tbody>{terms}</tbody></table>")
    events = "".join(f"<li>{h(str(e.date))}: {h(p.L(event_key(e.type)))}"
                     f"{' (' + h(r.names.get(e.by, e.by)) + ')' if e.by else ''}"
                     f"{' – ' + h(e.note) if e.note else ''}{h(p.L('assumed_short')) if e.assumed else ''}</li>"
                     for e in a.events)
    body = [f"<p>{h(p.L(label_key(detail.status.status)))} · {h(a.kind)} · {h(parties)}</p>",
            p.section("col_terms", terms_table),
            p.section("col_deadlines", p.deadline_table(detail.deadlines, decisions=True)),
            p.section("col_events", f"<ul>{events}</ul>" if events else f"<p>{h(p.L('r_none'))}</p>"),
            p.section("col_source", _quote(p, a.source, r.citation))]
    if a.notes:
        body.append(p.section("col_notes", f"<p>{h(a.notes)}</p>"))
    return p.html(a.title, body)


def plan_page(site: SiteResult, lang: str, r: PlanResult) -> bytes:
    plan = r.plan
    p = Page(site, lang, plan_path(plan.id))
    progress = r.progress
    rows = ""
    if progress is not None:
        adopted, prepared = dict(progress.adopted), dict(progress.prepared)
        for party in progress.required:
            state = (p.L("site_adopted", date=adopted[party].isoformat()) if party in adopted else
                     p.L("site_prepared", date=prepared[party].isoformat()) if party in prepared
                     else p.L("site_no_decision"))
            name = r.names.get(party, party)
            cell = p.link(principal_path(party), name) if any(x.id == party for x in site.principals) else h(name)
            rows += f"<tr><td>{cell}</td><td>{h(state)}</td></tr>"
    adoption = (f"<p>{h(p.L('adoption_cell', k=len(progress.adopted), n=len(progress.required)))}</p>"
                f'<table><thead><tr><th scope="col">{h(p.L("site_principal"))}</th><th scope="col">'
                f'{h(p.L("col_adoption"))}</th></tr></thead><tbody>{rows}</tbody></table>') if progress else \
        f"<p>{h(p.L('r_none'))}</p>"
    assignments = "".join(f"<li>{h(area)}: {h(x.what)}"
                          f"{' – ' + h(str(due)) if due else ''}</li>" for area, x, due in r.assignments)
    body = [f"<p>{h(plan.body)} · {h(str(plan.period.from_))} – {h(str(plan.period.until))}</p>",
            p.section("col_adoption", adoption),
            p.section("col_deadlines", p.deadline_table(r.rows, decisions=True)),
            p.section("site_assignments", f"<ul>{assignments}</ul>" if assignments else f"<p>{h(p.L('r_none'))}</p>"),
            p.section("col_source", _quote(p, plan.source, r.citation))]
    return p.html(plan.title, body)


def minutes_page(site: SiteResult, lang: str, r: MinutesResult) -> bytes:
    """One meeting's minutes: its items where they stand on the date, each with its follow-up chain (linked to
    the later minutes that followed it up), and the earlier items this meeting followed up (linked back)."""
    from svo_cli.render.minutes import due_text, item_state_text

    m = r.minutes
    p = Page(site, lang, minutes_path(m.id))

    def at(minutes_id: str, item_id: str) -> str:
        return p.item_link(minutes_id, f"{minutes_id}/{item_id}", item_id)

    def chain(s: object) -> str:
        steps = [f"{h(f.minutes.date.start.isoformat())} {at(f.minutes.id, f.item.id)}: "
                 f"{h(p.L(item_status_key(str(f.item.status))))}" for f in getattr(s, "chain", ())]
        return "; ".join(steps) or "–"

    head = "".join(f'<th scope="col">{h(p.L(k))}</th>' for k in (
        "col_id", "col_kind_item", "col_state_item", "col_due", "col_owner", "col_follow_up", "col_what"))
    rows = "".join(
        f'<tr id="{h(item_anchor(s.item.id))}"><td>{h(s.item.id)}</td><td>{h(p.L(item_kind_key(s.item.kind)))}</td>'
        f"<td>{h(item_state_text(s, lang))}</td>"
        f'<td class="date">{h(due_text(s, lang) + (p.L("assumed_short") if s.item.assumed else ""))}</td>'
        f"<td>{h(s.owner or '')}</td><td>{chain(s)}</td><td>{h(' '.join(s.item.title.split()))}</td></tr>"
        for s in r.states)
    items = (f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>" if r.states
             else f"<p>{h(p.L('r_none'))}</p>")
    follow_head = "".join(f'<th scope="col">{h(p.L(k))}</th>' for k in (
        "site_minutes_item", "site_minutes_follows", "col_state_item", "site_minutes_state_now", "col_what"))
    follow_rows = []
    for item, state in r.follow_ups:
        target = (at(state.minutes.id, state.item.id) if state is not None else h(str(item.follows)))
        follow_rows.append(
            f'<tr id="{h(item_anchor(item.id))}"><td>{h(item.id)}</td><td>{target}</td>'
            f"<td>{h(p.L(item_status_key(str(item.status))))}</td>"
            f"<td>{h(item_state_text(state, lang)) if state is not None else '–'}</td>"
            f"<td>{h(' '.join(item.title.split()))}</td></tr>")
    follows = (f"<table><thead><tr>{follow_head}</tr></thead><tbody>{''.join(follow_rows)}</tbody></table>"
               if follow_rows else f"<p>{h(p.L('r_none'))}</p>")
    upcoming = (p.L("minutes_next_meeting", date=r.next_meeting.isoformat()) if r.next_meeting
                else p.L("minutes_next_unknown"))
    body = [f"<p>{h(p.L('site_minutes_meta', body=m.body, date=m.date.start.isoformat()))}</p>",
            f"<p>{h(upcoming)}</p>",
            p.section("minutes_items", items, date=m.date.start.isoformat()),
            p.section("minutes_follow_ups_here", follows),
            p.section("col_source", _quote(p, m.source, r.citation))]
    if m.notes:
        body.append(p.section("col_notes", f"<p>{h(m.notes)}</p>"))
    return p.html(m.title, body)


def wheel_page(site: SiteResult, lang: str) -> bytes:
    p = Page(site, lang, WHEEL_PAGE)
    body = [f"<p>{p.link(WHEEL_SVG, p.L('site_wheel_svg'))}</p>", wheel.render_svg(site.wheel, lang),
            p.section("aj_list", wheel.marks_table(site.wheel, lang))]
    return p.html(p.L("aj_title", year=site.wheel.year), body)


def feed(site: SiteResult, lang: str, rows: Sequence[Deadline], name: str, remind: int | Sequence[int] | None) -> bytes:
    banner = incomplete_banner(site.errors, lang)
    return render_calendar(rows, site.as_of, remind, lang, site.calendar.sources, on_act_by=True,
                           incomplete="\n".join(line.strip() for line in banner), decisions=True, name=name)


def render_site(site: SiteResult) -> dict[str, bytes]:
    """Every file of the site, by its path in the site."""
    return dict(site_files(site))


def site_files(site: SiteResult) -> Iterator[tuple[str, bytes]]:
    """Every file of the site with its path in the site, made one at a time: `svo site` writes each as it
    is made (a site of 10,000 agreements is ~330 MB of pages, none of them held)."""
    for lang in LANGS:
        prefix = "" if lang == "sv" else f"{lang}/"
        pages: list[tuple[str, Callable[[], bytes]]] = [
            (INDEX, lambda: index_page(site, lang)), (WHEEL_PAGE, lambda: wheel_page(site, lang)),
            (WHEEL_SVG, lambda: wheel.render_svg(site.wheel, lang).encode("utf-8"))]
        for path, make in pages:
            yield prefix + path, make()
        for x in site.principals:
            yield prefix + principal_path(x.id), principal_page(site, lang, x)
            yield prefix + feed_path(x.id), feed(site, lang, x.calendar.rows, f"svo – {x.name}", x.calendar.remind)
        for a in site.agreements:
            yield prefix + agreement_path(a.detail.agreement.id), agreement_page(site, lang, a)
        for w in site.workplans:
            yield prefix + plan_path(w.plan.id), plan_page(site, lang, w)
        for r in site.minutes:
            yield prefix + minutes_path(r.minutes.id), minutes_page(site, lang, r)
        yield prefix + ALL_FEED, feed(site, lang, site.calendar.rows, "svo", site.calendar.remind)
