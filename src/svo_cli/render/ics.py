"""Deadlines → an RFC 5545 calendar: all-day events with stable UIDs, a reminder, text escaped."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Mapping, Sequence

from svo_cli.i18n import explain, label, prose_date
from svo_cli.kinds import label_key, todo_key
from svo_cli.obligations import Deadline
from svo_cli.safe import visible

PRODID = "-//svo//agreement-lifecycle checker//SV"


def uid(d: Deadline) -> str:
    return _uid(d.key)


def _uid(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@svo"


def uids(rows: Sequence[Deadline]) -> list[str]:
    """Each row's UID, unique within the calendar (red-team L2: two meetings of a plan on one day, or a
    meeting and a conference, shared one key, and calendar clients kept one of the events). A key that
    several rows share is told apart by what the row is (meeting or conference) and its own title; one
    still shared (the same meeting twice: SVO222) by its place among them. A key no other row shares is
    unchanged, so re-importing updates the events already there."""
    keys = [d.key for d in rows]
    counts = Counter(keys)
    for i, (key, d) in enumerate(zip(keys, rows)):
        if counts[key] > 1:
            # what the row is: its explanation's id without the why_ prefix (the word the UIDs have always had)
            keys[i] = f"{key}/{d.why.key.removeprefix('why_')}/{d.why.get('title', d.title)}"
    counts = Counter(keys)
    seen: Counter[str] = Counter()
    result = []
    for key in keys:
        seen[key] += 1
        result.append(_uid(key if counts[key] == 1 or seen[key] == 1 else f"{key}#{seen[key]}"))
    return result


ACT_BY_ALARMS = (14,)  # days before an act-by event
DECIDE_BY_ALARMS = (28, 7)  # days before a decide-by event: a board needs preparation and a meeting


def alarm_days(remind: int | Sequence[int] | None) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The alarms of act-by and of decide-by events, in days before them: the defaults (None), or the
    same days for every event (0 or nothing: none)."""
    if remind is None:
        return ACT_BY_ALARMS, DECIDE_BY_ALARMS
    days = (remind,) if isinstance(remind, int) else tuple(remind)
    days = tuple(n for n in days if n > 0)
    return days, days


def _alarms(event: Any, days: Sequence[int], text: str) -> None:
    from icalendar import Alarm

    for n in days:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", visible(text))
        alarm.add("trigger", timedelta(days=-n))
        event.add_component(alarm)


def render_calendar(rows: Sequence[Deadline], as_of: date, remind: int | Sequence[int] | None, lang: str,
                    sources: Mapping[str, str] | None = None, on_act_by: bool = True, incomplete: str = "",
                    decisions: bool = False, name: str = "", deciding: Sequence[Deadline] = (),
                    names: Mapping[str, str] | None = None) -> bytes:
    """One all-day event per obligation, on the last working day to act (or on the legal deadline);
    the summary says what to do, the description when to decide and act, the deadline, the source and
    how the date arose. Each row in `deciding` (with `decisions`: every row with a decide-by day) gets
    an event on its decide-by day too, naming the deadline, the principals not yet decided and the
    act-by day. `remind`: the alarms of every event, in days before it (None: 14 before an act-by
    event, 28 and 7 before a decide-by event)."""
    from icalendar import Calendar, Event

    act_alarms, decide_alarms = alarm_days(remind)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", visible(name, newlines=False) or "svo – " + ("tidsgränser" if lang == "sv" else "deadlines"))
    stamp = datetime.combine(as_of, time(0, 0), tzinfo=timezone.utc)  # deterministic: the as-of date
    closing = b"END:VCALENDAR\r\n"
    head = calendar.to_ical()
    assert head.endswith(closing)
    parts = [head[: -len(closing)]]
    for d, identity in zip(rows, uids(rows)):  # each event is serialised as soon as it is built
        event = Event()
        event.add("uid", identity)
        event.add("dtstamp", stamp)
        day = d.act_by if on_act_by else d.date
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        mark = label("assumed_mark", lang) if d.assumed else ""
        summary = label(todo_key(d.kind), lang, title=d.title) + mark
        event.add("summary", visible(summary))
        lines = []
        decide_by = d.decide_by
        if decide_by is not None:
            lines.append(f"{label('col_decide_by', lang)}: {prose_date(decide_by, lang)}"
                         + (label("default_lead", lang) if d.decide_by_assumed else ""))
        lines += [f"{label('col_act_by', lang)}: {prose_date(d.act_by, lang)}",
                  f"{label('col_deadline', lang)}: {prose_date(d.date, lang)}",
                  explain(d.why, lang) + (label("approximate", lang) if d.approximate else "") + mark, f"ID: {d.id}"]
        if sources and d.id in sources:
            lines.append(f"{label('col_source', lang)}: {sources[d.id]}")
        event.add("description", visible("\n".join(lines)))
        event.add("categories", ["svo", label(label_key(d.kind), lang)])
        event.add("transp", "TRANSPARENT")
        _alarms(event, act_alarms, summary)
        parts.append(event.to_ical())
        if decisions and not deciding and d.decide_by is not None:  # every row's boards' day (svo site's feeds)
            parts.append(_decision_event(d, stamp, decide_alarms, lang, sources, names))
    parts += [_decision_event(d, stamp, decide_alarms, lang, sources, names) for d in deciding]
    if incomplete:  # a subscribed calendar must not silently lose what could not be read
        event = Event()
        event.add("uid", hashlib.sha256(incomplete.encode("utf-8")).hexdigest()[:32] + "@svo")
        event.add("dtstamp", stamp)
        event.add("dtstart", as_of)
        event.add("dtend", as_of + timedelta(days=1))
        event.add("summary", visible("svo: " + incomplete.split("\n")[0]))
        event.add("description", visible(incomplete))
        parts.append(event.to_ical())
    parts.append(closing)
    return b"".join(parts)


def _decision_event(d: Deadline, stamp: datetime, alarms: Sequence[int], lang: str,
                    sources: Mapping[str, str] | None, names: Mapping[str, str] | None) -> bytes:
    """An all-day event on the day the boards must decide by, with its own UID and alarms: the deadline,
    its kind, the act-by day and the principals not yet decided; marked when the lead is svo's default."""
    from icalendar import Event

    assert d.decide_by is not None
    event = Event()
    event.add("uid", _uid(d.key + "/decide-by"))
    event.add("dtstamp", stamp)
    event.add("dtstart", d.decide_by)
    event.add("dtend", d.decide_by + timedelta(days=1))
    mark = label("assumed_mark", lang) if d.decide_by_assumed or d.assumed else ""
    summary = label("ics_decide_by", lang, title=d.title) + mark
    event.add("summary", visible(summary))
    lines = [label("decide_what", lang, deadline=prose_date(d.date, lang), kind=label(label_key(d.kind), lang),
                   act_by=prose_date(d.act_by, lang))]
    if d.undecided:
        lines.append(label("undecided_list", lang, names=", ".join((names or {}).get(p, p) for p in d.undecided)))
    lines.append(f"{label('col_decide_by', lang)}: {prose_date(d.decide_by, lang)}"
                 + (label("default_lead", lang) if d.decide_by_assumed else ""))
    lines += [explain(d.why, lang) + (label("approximate", lang) if d.approximate else "")
              + (label("assumed_mark", lang) if d.assumed else ""), f"ID: {d.id}"]
    if sources and d.id in sources:
        lines.append(f"{label('col_source', lang)}: {sources[d.id]}")
    event.add("description", visible("\n".join(lines)))
    event.add("categories", ["svo", label("aj_decide_by", lang)])
    event.add("transp", "TRANSPARENT")
    _alarms(event, alarms, summary)
    return event.to_ical()
