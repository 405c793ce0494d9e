"""Deadlines → an RFC 5545 calendar: all-day events with stable UIDs, a reminder, text escaped."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from typing import Mapping, Sequence

from svo_cli.i18n import explain, label, prose_date
from svo_cli.obligations import Deadline
from svo_cli.safe import visible

PRODID = "-//svo//agreement-lifecycle checker//SV"


def obligation_key(d: Deadline) -> str:
    """What makes an obligation the same one across runs, so a re-import updates it.

    Terms, parties and assignments are identified by number or id, follow-ups by their id and
    the day they fall due, meetings (and their agenda and minutes) by the meeting's day.
    """
    parts = [d.kind, d.id]
    if d.kind in ("notice_deadline", "term_end"):
        parts.append(f"term-{d.term}")
    elif d.kind == "adoption":
        parts.append(d.party or "")
    elif d.kind == "assignment":
        parts.append(d.assignment or "")
    elif d.kind == "followup":
        parts += [d.followup or "", d.date.isoformat()]
    elif d.kind == "withdrawal":  # one party's last day: several may leave on the same day
        parts += [d.party or "", d.date.isoformat()]
    else:  # agenda, meeting, minutes: the meeting day is in the reason
        parts.append(str(dict(d.why[1]).get("date", d.date)))
    return "/".join(parts)


def uid(d: Deadline) -> str:
    return _uid(obligation_key(d))


def _uid(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@svo"


def uids(rows: Sequence[Deadline]) -> list[str]:
    """Each row's UID, unique within the calendar (red-team L2: two meetings of a plan on one day, or a
    meeting and a conference, shared one key, and calendar clients kept one of the events). A key that
    several rows share is told apart by what the row is (meeting or conference) and its own title; one
    still shared (the same meeting twice: SVO222) by its place among them. A key no other row shares is
    unchanged, so re-importing updates the events already there."""
    keys = [obligation_key(d) for d in rows]
    counts = Counter(keys)
    for i, (key, d) in enumerate(zip(keys, rows)):
        if counts[key] > 1:
            keys[i] = f"{key}/{d.why[0]}/{dict(d.why[1]).get('title', d.title)}"
    counts = Counter(keys)
    seen: Counter[str] = Counter()
    result = []
    for key in keys:
        seen[key] += 1
        result.append(_uid(key if counts[key] == 1 or seen[key] == 1 else f"{key}#{seen[key]}"))
    return result


def render_calendar(rows: Sequence[Deadline], as_of: date, remind_days: int, lang: str,
                    sources: Mapping[str, str] | None = None, on_act_by: bool = True, incomplete: str = "",
                    decisions: bool = False, name: str = "") -> bytes:
    """One all-day event per obligation, on the last working day to act (or on the legal deadline);
    the summary says what to do, the description when to decide and act, the deadline, the source and
    how the date arose."""
    from icalendar import Alarm, Calendar, Event

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
        event.add("summary", visible(label(f"todo_{d.kind}", lang, title=d.title)))
        lines = []
        decide_by = getattr(d, "decide_by", None)
        if decide_by is not None:
            lines.append(f"{label('col_decide_by', lang)}: {prose_date(decide_by, lang)}")
        lines += [f"{label('col_act_by', lang)}: {prose_date(d.act_by, lang)}",
                  f"{label('col_deadline', lang)}: {prose_date(d.date, lang)}",
                  explain(d.why, lang) + (label("approximate", lang) if d.approximate else ""), f"ID: {d.id}"]
        if sources and d.id in sources:
            lines.append(f"{label('col_source', lang)}: {sources[d.id]}")
        event.add("description", visible("\n".join(lines)))
        event.add("categories", ["svo", label(d.kind, lang)])
        event.add("transp", "TRANSPARENT")
        if remind_days > 0:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", visible(label(f"todo_{d.kind}", lang, title=d.title)))
            alarm.add("trigger", timedelta(days=-remind_days))
            event.add_component(alarm)
        parts.append(event.to_ical())
        if decisions and d.decide_by is not None:  # the boards' day as an event of its own (svo site's feeds)
            parts.append(_decision_event(d, stamp, remind_days, lang))
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


def _decision_event(d: Deadline, stamp: datetime, remind_days: int, lang: str) -> bytes:
    """An all-day event on the day the boards must decide by, with its own UID and reminder."""
    from icalendar import Alarm, Event

    assert d.decide_by is not None
    event = Event()
    event.add("uid", hashlib.sha256((obligation_key(d) + "/decide-by").encode("utf-8")).hexdigest()[:32] + "@svo")
    event.add("dtstamp", stamp)
    event.add("dtstart", d.decide_by)
    event.add("dtend", d.decide_by + timedelta(days=1))
    summary = visible(label("ics_decide_by", lang, title=d.title))
    event.add("summary", summary)
    event.add("description", visible("\n".join([
        f"{label('col_decide_by', lang)}: {prose_date(d.decide_by, lang)}",
        f"{label('col_act_by', lang)}: {prose_date(d.act_by, lang)}",
        explain(d.why, lang) + (label("assumed_mark", lang) if d.assumed else ""), f"ID: {d.id}"])))
    event.add("categories", ["svo", label("aj_decide_by", lang)])
    event.add("transp", "TRANSPARENT")
    if remind_days > 0:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", timedelta(days=-remind_days))
        event.add_component(alarm)
    return event.to_ical()
