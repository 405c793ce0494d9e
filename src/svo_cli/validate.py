"""Semantic checks across loaded data files → located findings (never raises)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, Any, Callable, Sequence

from svo_cli import engine
from svo_cli.diagnostics import Diagnostic, error, warning
from svo_cli.loader import Dataset, FileCheck, Loaded
from svo_cli.messages import T
from svo_cli.model import Agreement, Body, Group, Party, Workplan
from svo_cli.supersession import check_supersede_cycles, check_supersession, strongly_connected  # noqa: F401
from svo_cli.yamlfile import Loc

if TYPE_CHECKING:
    from svo_cli.text_keys import FindingKey

FAR_FUTURE = date(9000, 1, 1)
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

def _at(item: Loaded, loc: Loc, key: bool = False) -> dict[str, Any]:
    return item.at(loc, key)


def _parties_known(dataset: Dataset) -> frozenset[str] | None:
    return dataset.party_ids() if dataset.parties_file else None


def validate(dataset: Dataset) -> list[Diagnostic]:
    """The findings of every check on the data itself (checks.DATA_CHECKS: not the register's checks of
    sources, provenance, freshness and self-tests)."""
    from svo_cli.checks import DATA_CHECKS, run

    return run(dataset, None, DATA_CHECKS)


# --------------------------------------------------------------------------- file names


def check_file_names(dataset: Dataset) -> list[Diagnostic]:
    """SVO201: an agreement's or plan's id that is not its file name."""
    return [error("SVO201", T("id_differs_from_file_name", id=item.model.id, stem=item.stem),
                  **_at(item, ("id",)), hint=T("rename_file_or_id", id=item.model.id))
            for item in dataset.holders() if item.model.id != item.stem]


# --------------------------------------------------------------------------- duplicates


def check_duplicates(dataset: Dataset) -> list[Diagnostic]:
    """SVO202: an id two files (or two parties) share; SVO213: an id twice in one file; SVO221: an address
    twice among one party's contacts; SVO222: the same meeting twice in one plan."""
    found = _duplicate_file_ids(dataset) + _duplicate_party_ids(dataset)
    for item in dataset.agreements:
        counts = Counter(f.id for f in item.model.followups)
        found += [error("SVO213", T("duplicate_followup_id", id=f.id), **_at(item, ("followups", i, "id")))
                  for i, f in enumerate(item.model.followups) if counts[f.id] > 1]
    for held in dataset.workplans:
        found += _duplicates_in_plan(held)
    return found


def _duplicate_file_ids(dataset: Dataset) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    ids = Counter(item.model.id for item in dataset.agreements)
    seen: set[str] = set()
    for item in dataset.agreements:
        if ids[item.model.id] > 1:
            again = item.model.id in seen
            found.append(error("SVO202", T("duplicate_agreement_id" if again else
                                             "duplicate_agreement_id_elsewhere", id=item.model.id),
                               **_at(item, ("id",)), hint=T("agreement_needs_own_id")))
        seen.add(item.model.id)
    plan_ids = Counter(item.model.id for item in dataset.workplans)
    for plan in dataset.workplans:
        if plan_ids[plan.model.id] > 1:
            found.append(error("SVO202", T("duplicate_work_plan_id", id=plan.model.id), **_at(plan, ("id",)),
                               hint=T("work_plan_needs_own_id")))
    # Agreements and work plans share one set of ids (`svo show ID`): each file that holds the id.
    plans_by_id = {item.model.id: item for item in dataset.workplans}
    agreements_by_id = {item.model.id: item for item in dataset.agreements}
    for item in dataset.agreements:
        if item.model.id in plans_by_id:
            found.append(error("SVO202", T("agreement_id_is_work_plan_id", id=item.model.id,
                                           path=plans_by_id[item.model.id].path),
                               **_at(item, ("id",)), hint=T("agreement_and_plan_need_own_ids", id=item.model.id)))
    for plan in dataset.workplans:
        if plan.model.id in agreements_by_id:
            found.append(error("SVO202", T("work_plan_id_is_agreement_id", id=plan.model.id,
                                           path=agreements_by_id[plan.model.id].path),
                               **_at(plan, ("id",)), hint=T("agreement_and_plan_need_own_ids", id=plan.model.id)))
    return found


def _duplicate_party_ids(dataset: Dataset) -> list[Diagnostic]:
    item = dataset.parties_file
    if item is None:
        return []
    bodies = item.model.bodies
    counts = Counter([p.id for p in dataset.parties] + [g.id for g in dataset.groups] + [b.id for b in bodies])
    found = [error("SVO202", T("duplicate_party_id", id=party.id), **_at(item, ("parties", i, "id")))
             for i, party in enumerate(dataset.parties) if counts[party.id] > 1]
    found += [error("SVO202", T("duplicate_id", id=group.id), **_at(item, ("groups", i, "id")))
              for i, group in enumerate(dataset.groups) if counts[group.id] > 1]
    found += [error("SVO202", T("duplicate_id", id=body.id), **_at(item, ("bodies", i, "id")))
              for i, body in enumerate(bodies) if counts[body.id] > 1]
    holders_by_key: tuple[tuple[str, Sequence[Party | Group | Body]], ...] = (
        ("parties", dataset.parties), ("groups", dataset.groups), ("bodies", bodies))
    for key, holders in holders_by_key:
        for i, holder in enumerate(holders):
            seen: set[str] = set()
            for j, contact in enumerate(holder.contacts):
                address = contact.email.casefold()
                if address in seen:
                    found.append(error("SVO221", T("duplicate_contact", email=contact.email, id=holder.id),
                                       **_at(item, (key, i, "contacts", j, "email")), hint=T("list_contact_once")))
                seen.add(address)
    return found


def _duplicates_in_plan(item: Loaded) -> list[Diagnostic]:
    plan: Workplan = item.model
    found: list[Diagnostic] = []
    ids = Counter([a.id for a in plan.areas] + [s.id for a in plan.areas for s in a.assignments]
                  + [f.id for f in plan.followups])
    for i, area in enumerate(plan.areas):
        if ids[area.id] > 1:
            found.append(error("SVO213", T("duplicate_id", id=area.id), **_at(item, ("areas", i, "id"))))
        for j, a in enumerate(area.assignments):
            if ids[a.id] > 1:
                found.append(error("SVO213", T("duplicate_id", id=a.id), **_at(item, ("areas", i, "assignments", j, "id"))))
    meetings: dict[tuple[date, str, str], int] = {}
    for i, m in enumerate(plan.meetings):
        same = (m.date.start, m.kind, m.title)
        if same in meetings:
            found.append(error("SVO222", T("duplicate_meeting", date=str(m.date), first=meetings[same] + 1),
                               **_at(item, ("meetings", i)), hint=T("remove_or_retitle_meeting")))
        else:
            meetings[same] = i
    return found


# --------------------------------------------------------------------------- references


def check_references(dataset: Dataset) -> list[Diagnostic]:
    """What a file names must exist: SVO203 a party or group (parties.yaml), SVO204 an agreement
    (`supersedes`, a plan's `agreements`), SVO211 a follow-up (a `followup_done` event)."""
    parties = _parties_known(dataset)
    agreement_ids = {item.model.id for item in dataset.agreements} | {_raw_id(item) for item in dataset.unloaded}
    found = _group_members_known(dataset)
    meant = _party_hint(dataset)
    if parties is not None:
        found += [d for item in dataset.unloaded for d in _raw_party_references(item, parties, meant)]
    for item in dataset.agreements:
        a: Agreement = item.model
        if parties is not None:
            found += [error("SVO203", T("unknown_party_or_group", id=party), **_at(item, ("parties", i)),
                            hint=meant(party)) for i, party in enumerate(a.parties) if party not in parties]
            found += [error("SVO203", T("unknown_party", id=event.by), **_at(item, ("events", i, "by")),
                            hint=meant(event.by))
                      for i, event in enumerate(a.events) if event.by is not None and event.by not in parties]
            found += [error("SVO203", T("unknown_party_or_group", id=d.party), **_at(item, ("decisions", i, "party")),
                            hint=T("use_party_id")) for i, d in enumerate(a.decisions) if d.party not in parties]
        found += [error("SVO204", T("supersedes_unknown_agreement", id=old), **_at(item, ("supersedes", i)),
                        hint=T("transcribe_older_agreement"))
                  for i, old in enumerate(a.supersedes) if old not in agreement_ids]
        followups = {f.id for f in a.followups}
        found += [error("SVO211", T("followup_done_unknown", id=event.followup),
                        **_at(item, ("events", i, "followup")),
                        hint=T("use_one_of", ids=", ".join(f.id for f in a.followups) or "–"))
                  for i, event in enumerate(a.events)
                  if event.type == "followup_done" and event.followup not in followups]
    for held in dataset.workplans:
        found += _plan_references(held, parties, agreement_ids)
    return found + _ends_with_references(dataset, agreement_ids)


def _ends_with_references(dataset: Dataset, agreement_ids: set[str]) -> list[Diagnostic]:
    """SVO236: `ends_with` names an unknown agreement, the agreement itself, or a chain that comes back
    to it (each would have no end to take)."""
    links = {item.model.id: item.model.ends_with for item in dataset.agreements if item.model.ends_with}
    found: list[Diagnostic] = []
    for item in dataset.agreements:
        target = item.model.ends_with
        if target is None:
            continue
        seen, current = {item.model.id}, target
        while current in links and current not in seen:
            seen.add(current)
            current = links[current]
        if target not in agreement_ids:
            found.append(error("SVO236", T("ends_with_unknown", id=target), **_at(item, ("ends_with",)),
                               hint=T("transcribe_older_agreement")))
        elif current == item.model.id:
            found.append(error("SVO236", T("ends_with_loop", id=target), **_at(item, ("ends_with",)),
                               hint=T("ends_with_main_agreement")))
    return found


def _raw_id(item: Loaded) -> str:
    """The id of a file that did not load: its `id` when that is text, else its file name."""
    raw = item.model.get("id") if isinstance(item.model, dict) else None
    return raw if isinstance(raw, str) else item.stem


def _raw_party_references(item: Loaded, parties: frozenset[str], meant: Callable[[str], str]) -> list[Diagnostic]:
    """SVO203 in a file that did not load (its other mistakes are reported): its `parties` and its events'
    `by` that are well-formed ids but unknown, so one round reports them too."""
    data = item.model if isinstance(item.model, dict) else {}
    refs: list[tuple[Loc, Any, FindingKey]] = []
    if isinstance(data.get("parties"), list):
        refs += [(("parties", i), value, "unknown_party_or_group") for i, value in enumerate(data["parties"])]
    if isinstance(data.get("events"), list):
        refs += [(("events", i, "by"), event.get("by"), "unknown_party")
                 for i, event in enumerate(data["events"]) if isinstance(event, dict)]
    return [error("SVO203", T(message, id=value), **_at(item, loc), hint=meant(value))
            for loc, value, message in refs
            if isinstance(value, str) and SLUG.fullmatch(value) and value not in parties]


def _party_hint(dataset: Dataset) -> Callable[[str], str]:
    """The hint for an unknown party id: the id meant, found by its name ("norrkopings-kommun" is
    Norrköpings kommun: norrkoping) or by spelling, else where the ids are."""
    from svo_cli.loader import slug_of

    by_key: dict[str, str] = {}
    holders: list[Party | Group] = [*dataset.parties, *dataset.groups]
    for holder in holders:
        by_key.setdefault(holder.id, holder.id)
        by_key.setdefault(slug_of(holder.name), holder.id)

    def hint(wrong: str) -> str:
        import difflib  # only for an unknown party

        key = slug_of(wrong)
        close = [key] if key in by_key else difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.75)
        return T("did_you_mean", close=by_key[close[0]]) if close else T("use_party_id")
    return hint


def _group_members_known(dataset: Dataset) -> list[Diagnostic]:
    item = dataset.parties_file
    if item is None:
        return []
    party_ids = {p.id for p in dataset.parties}
    return [error("SVO203", T("group_unknown_member", group=group.id, member=member),
                  **_at(item, ("groups", i, "members", j)), hint=T("list_party_first"))
            for i, group in enumerate(dataset.groups) for j, member in enumerate(group.members)
            if member not in party_ids]


def _plan_references(item: Loaded, parties: frozenset[str] | None, agreement_ids: set[str]) -> list[Diagnostic]:
    plan: Workplan = item.model
    found: list[Diagnostic] = []
    if parties is not None:
        refs: list[tuple[tuple[str | int, ...], str]] = [
            (("adoption", "required", i), pid) for i, pid in enumerate(plan.adoption.required if plan.adoption else [])]
        refs += [(("decisions", i, "party"), d.party) for i, d in enumerate(plan.decisions)]
        found += [error("SVO203", T("unknown_party_or_group", id=pid), **_at(item, loc), hint=T("use_party_id"))
                  for loc, pid in refs if pid not in parties]
    found += [error("SVO204", T("plan_lists_unknown_agreement", id=aid), **_at(item, ("agreements", i)),
                    hint=T("transcribe_agreement"))
              for i, aid in enumerate(plan.agreements) if aid not in agreement_ids]
    followup_ids = {f.id for f in plan.followups}
    found += [error("SVO211", T("followup_done_unknown", id=event.followup), **_at(item, ("events", i, "followup")))
              for i, event in enumerate(plan.events)
              if event.type == "followup_done" and event.followup not in followup_ids]
    return found


# --------------------------------------------------------------------------- dates


def check_dates(dataset: Dataset) -> list[Diagnostic]:
    """SVO206: an end before the start (an agreement's `valid_until`, a plan's period); SVO212: events
    not oldest first."""
    found: list[Diagnostic] = []
    for item in dataset.agreements:
        a: Agreement = item.model
        if a.valid_until is not None and a.valid_until.end < a.valid_from.start:
            found.append(error("SVO206", T("valid_until_before_valid_from", until=str(a.valid_until),
                                           start=str(a.valid_from)),
                               **_at(item, ("valid_until",)), hint=T("valid_until_is_last_day")))
        if a.latest_end is not None and a.latest_end.end < a.valid_from.start:
            found.append(error("SVO206", T("latest_end_before_valid_from", until=str(a.latest_end),
                                           start=str(a.valid_from)),
                               **_at(item, ("latest_end",)), hint=T("latest_end_is_last_day")))
        previous = None
        for i, event in enumerate(a.events):
            if previous is not None and event.date.end < previous:
                found.append(warning("SVO212", T("events_out_of_order", date=str(event.date)),
                                     **_at(item, ("events", i, "date")), hint=T("list_events_oldest_first")))
            previous = event.date.end
    for held in dataset.workplans:
        plan: Workplan = held.model
        if plan.period.until.end < plan.period.from_.start:
            found.append(error("SVO206", T("period_until_before_from", until=str(plan.period.until),
                                           start=str(plan.period.from_)),
                               **_at(held, ("period", "until"))))
    return found


# --------------------------------------------------------------------------- notice rules


def check_notice_rules(dataset: Dataset) -> list[Diagnostic]:
    """A notice rule or follow-up that cannot be counted: SVO207 (`before_end` or a before-notice
    follow-up without a term end; a plan's follow-up `before`), SVO210 (renewal of an open-ended
    agreement), SVO214 (a notice on an open-ended agreement without a period)."""
    found: list[Diagnostic] = []
    for item in dataset.agreements:
        found += _notice_rules(item)
    for held in dataset.workplans:
        found += [error("SVO207", T("work_plan_no_notice_deadline"), **_at(held, ("followups", i, "before")))
                  for i, f in enumerate(held.model.followups) if f.before is not None]
    return found


def _notice_rules(item: Loaded) -> list[Diagnostic]:
    a: Agreement = item.model
    found: list[Diagnostic] = []
    if a.notice and a.notice.before_end is not None and a.valid_until is None:
        found.append(error("SVO207", T("before_end_open_ended"), **_at(item, ("notice", "before_end")),
                           hint=T("set_valid_until_or_period")))
    if a.renewal is not None and a.valid_until is None:
        found.append(error("SVO210", T("renewal_needs_first_term_end"), **_at(item, ("renewal",), key=True),
                           hint=T("set_valid_until_or_no_renewal")))
    has_notice_event = any(e.type == "notice" for e in a.events)
    if has_notice_event and a.valid_until is None and (a.notice is None or a.notice.period is None):
        i = next(i for i, e in enumerate(a.events) if e.type == "notice")
        found.append(error("SVO214", T("notice_open_ended_no_period"),
                           **_at(item, ("events", i)), hint=T("add_notice_period")))
    for i, f in enumerate(a.followups):
        if f.before == "notice_deadline" and (a.notice is None or a.notice.before_end is None):
            found.append(error("SVO207", T("followup_needs_before_end"), **_at(item, ("followups", i, "before"))))
    return found


# --------------------------------------------------------------------------- sources


def check_sources_quoted(dataset: Dataset) -> list[Diagnostic]:
    """SVO209: an agreement or plan whose source has no quote."""
    return [warning("SVO209", T("source_has_no_quote"), **_at(item, ("source",), key=True),
                    hint=T("quote_the_clause"))
            for item in dataset.holders() if item.model.source.quote is None]


# --------------------------------------------------------------------------- event replay


def check_event_replay(dataset: Dataset) -> list[Diagnostic]:
    """Each agreement with notices or follow-ups done replayed with every event known (costly: a
    warnings-only check): SVO208 a late notice, SVO215 a follow-up done that completes nothing. Reading a
    directory, the loader has replayed each agreement as it was built (EVENT_REPLAY), while its worker
    processes parsed the next files."""
    found: list[Diagnostic] = []
    for item in dataset.agreements:
        done = item.checked_by(EVENT_REPLAY.name)
        found += done if done is not None else replay_one(item)
    return found


REPLAYED = ("notice", "followup_done")


def replay_one(item: Loaded) -> list[Diagnostic]:
    """The event replay of one agreement (nothing to replay without a notice or a follow-up done)."""
    return _replay(item) if any(e.type in REPLAYED for e in item.model.events) else []


def _replays(data: dict[str, Any]) -> bool:
    """From the parsed values alone: whether the file has an event the replay replays (or events that are
    not what they should be: the model decides)."""
    events = data.get("events")
    if not isinstance(events, list):
        return events is not None
    return any(not isinstance(e, dict) or e.get("type") in REPLAYED for e in events)


EVENT_REPLAY = FileCheck("event-replay", replay_one, _replays)


def _replay(item: Loaded) -> list[Diagnostic]:
    a: Agreement = item.model
    found: list[Diagnostic] = []
    last_event = max([a.valid_from.start] + [e.date.end for e in a.events])
    tl = engine.timeline(a, FAR_FUTURE, through=last_event, window=False)  # reads no term of the window
    notice = tl.notice
    if notice is not None and notice.late and notice.last_day == tl.final_end:  # the notice that fixed the end
        i = next(i for i, e in enumerate(a.events) if e.type == "notice" and e.date.end == notice.date)
        missed_term = notice.effective_term - 1
        missed = tl.schedule.natural_deadline(missed_term)
        renewals = notice.effective_term - notice.given_in_term
        found.append(warning("SVO208", T("late_notice",
                                         date=notice.date.isoformat(), deadline=_iso(missed),
                                         missed_term=missed_term, term=notice.effective_term,
                                         end=_iso(notice.last_day), term_deadline=_iso(notice.effective_deadline)),
                             **_at(item, ("events", i, "date")),
                             hint=T("check_date_renews_once") if renewals == 1
                             else T("check_date_renews_n_times",
                                    n=renewals)))
    for w in tl.withdrawals:
        if w.late and w.position is not None:
            missed = next((d for j in range(w.term - 1, w.given_in_term - 1, -1)
                           if (d := tl.schedule.natural_deadline(j)) is not None), None)
            found.append(warning("SVO208", T("late_withdrawal", date=w.date.isoformat(), deadline=_iso(missed),
                                             party=w.party, end=_iso(w.last_day), term=w.term),
                                 **_at(item, ("events", w.position, "date")),
                                 hint=T("check_date_renews_n_times", n=w.term - w.given_in_term)
                                 if w.term - w.given_in_term > 1 else T("check_date_renews_once")))
    known = {f.id for f in a.followups}
    if not any(e.type == "followup_done" and e.followup in known for e in a.events):
        return found  # no done event that could match nothing
    for done in engine.followups_done_unmatched(tl):
        if done.followup not in known:
            continue  # reported as SVO211
        found.append(warning("SVO215", T("followup_done_no_occurrence",
                                         date=str(done.date), id=done.followup), **_at(item, ("events", done.position)),
                             hint=T("check_date_or_name_occurrence")))
    return found


def _iso(day: date | None) -> str:
    return day.isoformat() if day is not None else "–"


# --------------------------------------------------------------------------- what events mean


def check_events_meaning(dataset: Dataset) -> list[Diagnostic]:
    members = {g.id: g.members for g in dataset.groups}
    parties = _parties_known(dataset)
    return [d for item in dataset.agreements for d in check_event_meaning(item, members, parties)]


def check_terms(dataset: Dataset) -> list[Diagnostic]:
    return [d for item in dataset.agreements for d in check_term_rules(item)]


def check_event_meaning(item: Loaded, groups: dict[str, list[str]],
                        parties: set[str] | frozenset[str] | None) -> list[Diagnostic]:
    """Events that cannot mean what they say: dated before the agreement exists (SVO218), a notice by
    someone who is not a party to it (SVO219), a withdrawal without the party that leaves (SVO220)."""
    a: Agreement = item.model
    found: list[Diagnostic] = []
    members = set(a.parties)
    for pid in a.parties:
        members.update(groups.get(pid, ()))
    withdrawal = a.notice is not None and a.notice.effect == "withdrawal"
    holders = ({m for p in a.notice.by for m in groups.get(p, [p])}
               if a.notice is not None and a.notice.by else None)
    for i, event in enumerate(a.events):
        if event.date.end < a.valid_from.start and event.type != "decision":  # decisions come first (rule 4e)
            found.append(error("SVO218", T("event_before_valid_from", type=event.type,
                                           date=str(event.date), start=str(a.valid_from)),
                               **_at(item, ("events", i, "date")),
                               hint=T("check_year_before_start")))
        if event.type != "notice":
            continue
        if event.by is None:
            if withdrawal:
                found.append(error("SVO220", T("withdrawal_needs_by"), **_at(item, ("events", i))))
            continue
        if parties is not None and event.by not in parties:
            continue  # an unknown id: SVO203
        group = groups.get(event.by)
        is_party = event.by in members or (group is not None and set(group) <= members)
        if not is_party:
            found.append(error("SVO219", T("notice_by_non_party", id=event.by),
                               **_at(item, ("events", i, "by")),
                               hint=T("only_parties_give_notice")))
        elif holders is not None and not set(groups.get(event.by, [event.by])) <= holders:
            found.append(error("SVO234", T("notice_by_without_right", id=event.by, holders=", ".join(sorted(holders))),
                               **_at(item, ("events", i, "by")), hint=T("only_notice_by_give_notice")))
    return found


def check_options(dataset: Dataset) -> list[Diagnostic]:
    """Options to extend (rule 2a): a use on an agreement without one (SVO232), by a party that does not
    hold it (SVO233), after its last day (SVO230, it still extends), beyond renewal.max (SVO231)."""
    members = {g.id: g.members for g in dataset.groups}
    found: list[Diagnostic] = []
    for item in dataset.agreements:
        a: Agreement = item.model
        uses = [i for i, e in enumerate(a.events) if e.type == "option_used"]
        option = a.renewal.option if a.renewal is not None and a.valid_until is not None else None
        if option is None:
            found += [error("SVO232", T("option_used_without_option"), **_at(item, ("events", i, "type")),
                            hint=T("add_renewal_option")) for i in uses]
            continue
        holders = {m for p in (option.by or a.parties) for m in members.get(p, (p,))}
        for i in uses:
            by = a.events[i].by
            if by is not None and not set(members.get(by, (by,))) <= holders:
                found.append(error("SVO233", T("option_used_by_non_holder", id=by, holders=", ".join(sorted(holders))),
                                   **_at(item, ("events", i, "by")), hint=T("only_holders_use_option")))
        if not uses and not any(d.decision == "extend" for d in a.decisions):
            continue
        last_event = max([a.valid_from.start] + [e.date.end for e in a.events] + [d.date.end for d in a.decisions])
        tl = engine.timeline(a, last_event, through=last_event, groups=members)
        for use in tl.option_uses:
            if use.late:
                path: tuple[str | int, ...] = (("events", use.event, "date") if use.event is not None
                                               else ("decisions", use.decision or 0, "date"))
                found.append(warning("SVO230", T("option_used_late", date=use.date.isoformat(), term=use.term,
                                                 deadline=_iso(use.deadline)),
                                     **_at(item, path), hint=T("check_date_option")))
        for position in tl.options_beyond:
            found.append(warning("SVO231", T("option_used_beyond_max", max=a.renewal.max),  # type: ignore[union-attr]
                                 **_at(item, ("events", position)), hint=T("check_renewal_max")))
    return found


def check_term_rules(item: Loaded) -> list[Diagnostic]:
    """Warnings about terms: a renewing agreement without a notice rule (SVO216), a termination dated
    after the known end (SVO217)."""
    a: Agreement = item.model
    found: list[Diagnostic] = []
    if a.renewal is not None and a.valid_until is not None and a.notice is None and a.renewal.option is None:
        found.append(warning("SVO216", T("renews_without_notice_rule"), **_at(item, ("renewal",), key=True),
                             hint=T("add_notice_rule")))
    if a.valid_from.unknown:
        found.append(warning("SVO237", T("valid_from_unknown"), **_at(item, ("valid_from",)),
                             hint=T("valid_from_unknown_hint")))
    if a.min_parties and (a.notice is None or a.notice.effect != "withdrawal"):
        found.append(warning("SVO235", T("min_parties_without_withdrawal"), **_at(item, ("min_parties",), key=True),
                             hint=T("min_parties_needs_withdrawal")))
    if any(e.type == "terminated" for e in a.events):
        last_event = max([a.valid_from.start] + [e.date.end for e in a.events])
        tl = engine.timeline(a, FAR_FUTURE, through=last_event, window=False)  # reads no term of the window
        for ignored in tl.ignored_terminations:
            last = (ignored.event.effective or ignored.event.date).end
            found.append(warning("SVO217", T("termination_after_end", last=last.isoformat(),
                                             end=ignored.known_end.isoformat()),
                                 **_at(item, ("events", ignored.position, "date")),
                                 hint=T("termination_only_earlier")))
    return found
