"""Meeting follow-up for people and scripts: `svo show <minutes-id>` (table and JSON) and `svo check`'s
section "Returning to this meeting" (a view, and its JSON rows)."""

from __future__ import annotations

from datetime import date
from typing import Any

from svo_cli.i18n import label
from svo_cli.kinds import item_kind_key, item_state_key, item_status_key, returning_key
from svo_cli.minutes import ItemState, Returning
from svo_cli.model_minutes import NEXT_MEETING
from svo_cli.render.views import View

# --------------------------------------------------------------------------- an item, in words


def item_state_text(s: ItemState, lang: str) -> str:
    if s.state == "open" and s.carried:
        return label("item_state_carried", lang)
    return label(item_state_key(s.state), lang)


def due_text(s: ItemState, lang: str) -> str:
    if s.due == NEXT_MEETING:
        return (label("item_due_next", lang, date=s.due_day.isoformat()) if s.due_day
                else label("item_due_next_unknown", lang))
    if s.due is not None:
        return str(s.due) + ("~" if s.approximate else "")
    if s.returns == NEXT_MEETING:
        return label("item_returns_next", lang) + (f" ({s.return_day.isoformat()})" if s.return_day else "")
    if s.returns == "later":
        return label("item_returns_later", lang)
    return label("continuous", lang) if s.item.kind == "assignment" else "–"


def chain_text(s: ItemState, lang: str) -> str:
    return "; ".join(label("chain_step", lang, date=f.minutes.date.start.isoformat(), id=f"{f.minutes.id}/{f.item.id}",
                           status=label(item_status_key(str(f.item.status)), lang)) for f in s.chain) or "–"


def returning_text(r: Returning, lang: str) -> str:
    day = r.day.isoformat() if r.day else ""
    return label(returning_key(r.reason), lang, date=day) if day else label(returning_key(r.reason), lang)


# --------------------------------------------------------------------------- svo check


def returning_view(r: Any, lang: str) -> View:
    """svo check's section of the meetings' matters returning to this meeting (rule 23)."""
    header = tuple(label(k, lang) for k in ("col_returns", "col_from", "col_id", "col_state_item", "col_what"))
    rows = tuple((returning_text(x, lang), x.state.minutes.date.start.isoformat(),
                  f"{x.state.minutes.id}/{x.state.item.id}", item_state_text(x.state, lang),
                  " ".join(x.state.item.title.split()) + (f" ({x.state.owner})" if x.state.owner else ""))
                 for x in r.returning)
    title = label("sec_returning" if r.meeting else "sec_returning_no_meeting", lang)
    return View(title, header, rows, "", wrap_column=4, head_column=2)


def returning_rows(r: Any) -> list[dict[str, Any]]:
    """The returning matters for scripts (docs/json.md)."""
    return [{"id": x.state.minutes.id, "item": x.state.item.id, "title": x.state.item.title,
             "kind": x.state.item.kind, "meeting": x.state.minutes.date.start.isoformat(),
             "body": x.state.minutes.body, "returns_on": x.day.isoformat() if x.day else None,
             "reason": x.reason, "owner": x.state.owner, "carried": x.state.carried} for x in r.returning]


# --------------------------------------------------------------------------- svo show <minutes-id>


def items_view(r: Any, lang: str) -> View:
    header = tuple(label(k, lang) for k in ("col_id", "col_kind_item", "col_state_item", "col_due", "col_owner",
                                            "col_follow_up", "col_what"))
    rows = tuple((s.item.id, label(item_kind_key(s.item.kind), lang), item_state_text(s, lang),
                  due_text(s, lang) + (label("assumed_short", lang) if s.item.assumed else ""),
                  s.owner or "", chain_text(s, lang), " ".join(s.item.title.split())) for s in r.states)
    return View(label("minutes_items", lang, date=r.minutes.date.start.isoformat()), header, rows, "",
                wrap_column=6, also_wrap=(5,), titles=tuple(s.item.title for s in r.states))


def follow_ups_view(r: Any, lang: str) -> View:
    header = tuple(label(k, lang) for k in ("col_id", "col_follow_up", "col_state_item", "col_what"))
    rows = tuple((item.id, f"{item.follows} ({label(item_status_key(str(item.status)), lang)})",
                  item_state_text(state, lang) if state is not None else "–", " ".join(item.title.split()))
                 for item, state in r.follow_ups)
    return View(label("minutes_follow_ups_here", lang), header, rows, "", wrap_column=3)


def render_minutes(r: Any, plain: bool, width: int, lang: str) -> str:
    from rich.text import Text

    from svo_cli.render.table import _print_source, console_for, finish, print_view

    m = r.minutes
    console, buffer = console_for(plain, width)
    console.print(Text(label("minutes_heading", lang, title=m.title, body=m.body, date=m.date.start.isoformat()),
                       style="" if plain else "bold"))
    console.print(Text(label("minutes_next_meeting", lang, date=r.next_meeting.isoformat()) if r.next_meeting
                       else label("minutes_next_unknown", lang)))
    console.print()
    if r.states:
        print_view(console, items_view(r, lang), plain, width)
        console.print()
    if r.follow_ups:
        print_view(console, follow_ups_view(r, lang), plain, width)
        console.print()
    _print_source(console, m.source, m.notes, plain, lang, r.citation)
    return finish(buffer)


def _state_row(s: ItemState) -> dict[str, Any]:
    def day(value: date | None) -> str | None:
        return value.isoformat() if value else None

    return {"id": s.item.id, "kind": s.item.kind, "title": s.item.title, "state": s.state, "tracked": s.tracked,
            "carried": s.carried, "owner": s.owner, "due": str(s.due) if s.due is not None else None,
            "due_day": day(s.due_day), "approximate": s.approximate, "returns": s.returns,
            "returns_on": day(s.return_day), "closed_on": day(s.closed_on), "related": list(s.item.related),
            "chain": [{"id": f.minutes.id, "item": f.item.id, "date": f.minutes.date.start.isoformat(),
                       "status": f.item.status} for f in s.chain]}


def minutes_document(r: Any, lang: str) -> dict[str, Any]:
    from svo_cli.render.jsonfmt import findings_fields

    return {"as_of": r.as_of, "minutes": r.minutes.model_dump(mode="json", exclude_none=True),
            "next_meeting": r.next_meeting.isoformat() if r.next_meeting else None,
            "items": [_state_row(s) for s in r.states],
            "follow_ups": [{"item": item.id, "follows": item.follows, "status": item.status,
                            "state": state.state if state is not None else None} for item, state in r.follow_ups],
            **findings_fields(r.findings, lang)}
