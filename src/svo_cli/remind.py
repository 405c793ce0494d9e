"""svo remind: the reminders due on the as-of date, one digest mail per recipient address.

Contacts may be given for a principal, a group (its members' milestones) and a responsible body (the
milestones of what it is responsible for: agreements naming it in `responsible`, plans and minutes in
`body`). An address reaches one mail a day however often it is listed: the mail holds the milestones of
every principal, group and body it is a contact of; addresses with the same audiences share one mail (To,
deputies Cc). A milestone is a day N days (default 28, 7 and 1) before a notice deadline's or adoption's decide-by or
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
from typing import Any, Callable, Mapping, Sequence
from zoneinfo import ZoneInfo

from svo_cli.app import Request, Result, Window
from svo_cli.i18n import explain, label
from svo_cli.loader import Dataset
from svo_cli.model import Contact
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
            milestones: Sequence[Milestone], as_of: date, sender: str, lang: str = "sv",
            who: Mapping[str, str] | None = None) -> EmailMessage:
    """One digest: plain and HTML parts, a Message-ID that is the same for the same milestones and addresses,
    a Date on the as-of day at 07:00 in Stockholm (no clock is read). `who`: by milestone key, the principals
    it concerns, when the mail is not one principal's own."""
    msg = EmailMessage(policy=SMTP)
    shown = visible(name, newlines=False)
    msg["Subject"] = label("rm_subject", lang, name=shown, date=as_of.isoformat(), n=len(milestones))
    msg["From"] = sender
    msg["To"] = [Address(display_name=visible(n, newlines=False), addr_spec=a) for n, a in to]
    if cc:
        msg["Cc"] = [Address(display_name=visible(n, newlines=False), addr_spec=a) for n, a in cc]
    msg["Date"] = format_datetime(datetime.combine(as_of, time(7, 0), tzinfo=ZoneInfo("Europe/Stockholm")))
    addresses = sorted(a.casefold() for _, a in (*to, *cc))
    digest = hashlib.sha256("\n".join([party, *sorted(m.key for m in milestones), *addresses]).encode("utf-8")
                            ).hexdigest()
    msg["Message-ID"] = f"<{digest[:40]}@svo>"

    def line(m: Milestone) -> str:
        concerns = (who or {}).get(m.key)
        return _line(m, lang) + (visible(label("rm_who", lang, names=concerns), newlines=False) if concerns else "")

    lines = [label("rm_greeting", lang, name=shown), ""] + [f"- {line(m)}" for m in milestones] + [
        "", label("rm_footer", lang, date=as_of.isoformat())]
    msg.set_content("\n".join(lines) + "\n")
    items = "".join(f"<li>{escape(line(m))}</li>" for m in milestones)
    msg.add_alternative(f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>'
                        f'{escape(str(msg["Subject"]))}</title></head><body><p>{escape(lines[0])}</p><ul>{items}</ul>'
                        f"<p>{escape(lines[-1])}</p></body></html>\n", subtype="html")
    msg.set_boundary(f"svo-{digest[:32]}")  # the same mail byte for byte on every run
    return msg


@dataclass(frozen=True)
class Audience:
    """Whom a contact speaks for: a principal (its own milestones), a group (its members') or a responsible
    body (those of the agreements, plans and minutes in its care)."""

    kind: str  # "party", "group" or "body"
    id: str
    name: str
    contacts: tuple[Contact, ...]
    concerns: frozenset[str] | None  # the principals whose milestones it hears of (None: every decider)
    items: frozenset[str] | None = None  # a body: the ids of the agreements, plans and minutes in its care


def audiences(dataset: Dataset, order: Callable[[str], Any]) -> list[Audience]:
    """Every principal (in the principals' order), group and responsible body (in the file's order)."""
    found = [Audience("party", p.id, p.name, tuple(p.contacts), frozenset({p.id}))
             for p in sorted(dataset.parties, key=lambda p: order(p.id))]
    found += [Audience("group", g.id, g.name, tuple(g.contacts), frozenset(g.members)) for g in dataset.groups]
    bodies = dataset.parties_file.model.bodies if dataset.parties_file is not None else []
    for b in bodies:
        name = b.name.casefold()
        items = {a.id for a in dataset.agreement_models() if (a.responsible or "").casefold() == name}
        items |= {w.id for w in dataset.workplan_models() if w.body.casefold() == name}
        items |= {m.id for m in dataset.minutes_models() if m.body.casefold() == name}
        found.append(Audience("body", b.id, b.name, tuple(b.contacts), None, frozenset(items)))
    return found


def _heard(audience: Audience, rows: Sequence[Deadline], as_of: date, at: Sequence[int]
           ) -> dict[str, tuple[Milestone, set[str]]]:
    """The audience's milestones on the date, by key, each with the principals it concerns."""
    found: dict[str, tuple[Milestone, set[str]]] = {}
    mine = [d for d in rows if audience.items is None or d.id in audience.items]
    for d in mine:
        deciders = d.deciders or ((d.party,) if d.party else ())
        for party in deciders:
            if audience.concerns is not None and party not in audience.concerns:
                continue
            for m in milestones_for(party, [d], as_of, at):
                found.setdefault(m.key, (m, set()))[1].add(party)
    return found


def remind(request: Request, at: Sequence[int] = DEFAULT_AT, sender: str = "svo@localhost") -> RemindResult:
    """The reminders due on the as-of date: one mail per address, for every principal, group and
    responsible body with contacts."""
    from svo_cli import app

    with app.read_once():
        loaded = app.load(request)
        result = app.deadlines(request, Window(within=max(at, default=0)))
    dataset, day = loaded.dataset, request.as_of
    order = app.principal_order(dataset)
    names = {p.id: p.name for p in dataset.parties}
    heard = [(a, _heard(a, result.rows, day, tuple(at))) for a in audiences(dataset, order)]
    heard = [(a, found) for a, found in heard if found]
    # each address: its audiences, the milestones they hear of (and whom each concerns), how it is named
    listed: dict[str, dict[str, Any]] = {}
    for a, found in heard:
        for c in a.contacts:
            entry = listed.setdefault(c.email.casefold(), {"email": c.email, "shown": c.name or c.role,
                                                           "deputy": True, "audiences": [], "milestones": {}})
            entry["deputy"] = entry["deputy"] and c.deputy
            if a not in entry["audiences"]:
                entry["audiences"].append(a)
            for key, (m, parties) in found.items():
                entry["milestones"].setdefault(key, (m, set()))[1].update(parties)
    # a principal is reminded through its own contacts or a group's it belongs to (a body's are not its own)
    reached = {p for a, found in heard if a.contacts and a.kind != "body" for _, ps in found.values() for p in ps}
    without = [a.id for a, found in heard if a.kind == "party" and a.id not in reached]
    # addresses with the same audiences and milestones share one mail
    mails: dict[tuple[tuple[str, ...], tuple[str, ...]], list[dict[str, Any]]] = {}
    for address in listed:  # in the order the contacts are listed
        entry = listed[address]
        shared = (tuple(f"{a.kind}:{a.id}" for a in entry["audiences"]), tuple(sorted(entry["milestones"])))
        mails.setdefault(shared, []).append(entry)
    position = {f"{a.kind}:{a.id}": i for i, (a, _) in enumerate(heard)}
    reminders: list[Reminder] = []
    for (_, _), entries in sorted(mails.items(), key=lambda kv: ([position[k] for k in kv[0][0]], kv[0])):
        first = entries[0]
        party = "+".join(a.id for a in first["audiences"])
        name = ", ".join(a.name for a in first["audiences"])
        picked = sorted((m for m, _ in first["milestones"].values()),
                       key=lambda m: (m.anchor == "overdue", m.days, m.row.id, m.key))
        own = len(first["audiences"]) == 1 and first["audiences"][0].kind == "party"
        who = {} if own else {k: ", ".join(names.get(p, p) for p in sorted(ps, key=order))
                              for k, (_, ps) in first["milestones"].items()}
        to = tuple((e["shown"], e["email"]) for e in entries if not e["deputy"])
        cc = tuple((e["shown"], e["email"]) for e in entries if e["deputy"])
        if not to:
            to, cc = cc, ()
        reminders.append(Reminder(party, name, to, cc, tuple(picked),
                                  message(party, name, to, cc, picked, day, sender, request.lang, who)))
    return RemindResult(day, loaded.findings, tuple(reminders), tuple(without))
