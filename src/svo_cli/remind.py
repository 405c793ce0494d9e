"""svo remind: the reminders due on the as-of date, one digest mail per principal with contacts.

A milestone is a day N days (default 28, 7 and 1) before a notice deadline's or adoption's decide-by or
act-by day; on Mondays the decisions and deadlines already overdue are listed too. Each day has its own
milestones, so a daily run mails each exactly once, with no state kept. Pure: the mails are built as
email.message.EmailMessage objects; writing or sending them is the edge's (mail.py, the command).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from html import escape
from typing import Sequence
from zoneinfo import ZoneInfo

from svo_cli.app import Request, Result, Window
from svo_cli.i18n import explain, label
from svo_cli.obligations import Deadline
from svo_cli.safe import visible

DEFAULT_AT = (28, 7, 1)
MONDAY = 0


@dataclass(frozen=True)
class Milestone:
    row: Deadline
    anchor: str  # "decide_by", "act_by" or "overdue"
    days: int  # days left (negative: overdue)

    @property
    def key(self) -> str:
        return f"{self.row.key}/{self.anchor}/{self.days}"


@dataclass(frozen=True)
class Reminder:
    party: str
    name: str
    to: tuple[tuple[str, str], ...]  # (name or role, address)
    cc: tuple[tuple[str, str], ...]
    milestones: tuple[Milestone, ...]
    message: EmailMessage

    def file_name(self, as_of: date) -> str:
        return f"{as_of.isoformat()}-{self.party}.eml"


@dataclass(frozen=True)
class RemindResult(Result):
    reminders: tuple[Reminder, ...]
    without_contacts: tuple[str, ...]  # principals with milestones today but no contact


def milestones_for(party: str, rows: Sequence[Deadline], as_of: date, at: Sequence[int]) -> tuple[Milestone, ...]:
    """The principal's milestones falling on the date: decisions it must take (notice deadlines, adoptions)."""
    found: dict[str, Milestone] = {}
    for d in rows:
        if d.decide_by is None or party not in (d.deciders or (d.party,)):
            continue
        for anchor in ("decide_by", "act_by"):
            days = (getattr(d, anchor) - as_of).days
            if days in at and d.date >= as_of:
                m = Milestone(d, anchor, days)
                found.setdefault(m.key, m)
        if as_of.weekday() == MONDAY and (d.decision_overdue or d.date < as_of):
            m = Milestone(d, "overdue", (d.decide_by - as_of).days)
            found.setdefault(m.key, m)
    return tuple(sorted(found.values(), key=lambda m: (m.anchor == "overdue", m.days, m.row.id, m.key)))


def _line(m: Milestone, lang: str) -> str:
    d = m.row
    when = {"decide_by": label("rm_decide_by", lang, date=d.decide_by.isoformat() if d.decide_by else "", n=m.days),
            "act_by": label("rm_act_by", lang, date=d.act_by.isoformat(), n=m.days),
            "overdue": label("rm_overdue", lang, date=d.decide_by.isoformat() if d.decide_by else "")}[m.anchor]
    return visible(f"{when}: {d.title} – {explain(d.why, lang)}" + (label("assumed_mark", lang) if d.assumed else ""),
                   newlines=False)


def message(party: str, name: str, to: Sequence[tuple[str, str]], cc: Sequence[tuple[str, str]],
            milestones: Sequence[Milestone], as_of: date, sender: str, lang: str = "sv") -> EmailMessage:
    """One digest: plain and HTML parts, a Message-ID that is the same for the same milestones, a Date on
    the as-of day at 07:00 in Stockholm (no clock is read)."""
    msg = EmailMessage(policy=SMTP)
    shown = visible(name, newlines=False)
    msg["Subject"] = label("rm_subject", lang, name=shown, date=as_of.isoformat(), n=len(milestones))
    msg["From"] = sender
    msg["To"] = [Address(display_name=visible(n, newlines=False), addr_spec=a) for n, a in to]
    if cc:
        msg["Cc"] = [Address(display_name=visible(n, newlines=False), addr_spec=a) for n, a in cc]
    msg["Date"] = format_datetime(datetime.combine(as_of, time(7, 0), tzinfo=ZoneInfo("Europe/Stockholm")))
    digest = hashlib.sha256("\n".join([party, *sorted(m.key for m in milestones)]).encode("utf-8")).hexdigest()
    msg["Message-ID"] = f"<{digest[:40]}@svo>"
    lines = [label("rm_greeting", lang, name=shown), ""] + [f"- {_line(m, lang)}" for m in milestones] + [
        "", label("rm_footer", lang, date=as_of.isoformat())]
    msg.set_content("\n".join(lines) + "\n")
    items = "".join(f"<li>{escape(_line(m, lang))}</li>" for m in milestones)
    msg.add_alternative(f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>'
                        f'{escape(str(msg["Subject"]))}</title></head><body><p>{escape(lines[0])}</p><ul>{items}</ul>'
                        f"<p>{escape(lines[-1])}</p></body></html>\n", subtype="html")
    msg.set_boundary(f"svo-{digest[:32]}")  # the same mail byte for byte on every run
    return msg


def remind(request: Request, at: Sequence[int] = DEFAULT_AT, sender: str = "svo@localhost") -> RemindResult:
    """The reminders due on the as-of date, for every principal with contacts."""
    from svo_cli import app

    with app.read_once():
        loaded = app.load(request)
        result = app.deadlines(request, Window(within=max(at, default=0)))
    dataset, day = loaded.dataset, request.as_of
    reminders: list[Reminder] = []
    without: list[str] = []
    order = app.principal_order(dataset)
    for party in sorted(dataset.parties, key=lambda p: order(p.id)):
        found = milestones_for(party.id, result.rows, day, tuple(at))
        if not found:
            continue
        if not party.contacts:
            without.append(party.id)
            continue
        to = tuple((c.name or c.role, c.email) for c in party.contacts if not c.deputy)
        cc = tuple((c.name or c.role, c.email) for c in party.contacts if c.deputy)
        if not to:
            to, cc = cc, ()
        reminders.append(Reminder(party.id, party.name, to, cc, found,
                                  message(party.id, party.name, to, cc, found, day, sender, request.lang)))
    return RemindResult(day, loaded.findings, tuple(reminders), tuple(without))
