"""Words for people in English and Swedish: labels, explanations, summaries, dates in prose."""

from __future__ import annotations

import os
from datetime import date
from typing import Any, Mapping

LANGS = ("en", "sv")

Why = tuple[str, tuple[tuple[str, Any], ...]]


def why(key: str, **params: Any) -> Why:
    """A language-free explanation: a template key and its parameters (hashable, for frozen values)."""
    return key, tuple(sorted(params.items()))


def detect_lang(environ: Mapping[str, str] | None = None) -> str:
    """Swedish when the locale says so (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    return "en"


MONTHS_SV = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
             "oktober", "november", "december")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")


def prose_date(d: date, lang: str) -> str:
    """A date as people write it: '31 december 2026' / '31 December 2026'."""
    months = MONTHS_SV if lang == "sv" else MONTHS_EN
    return f"{d.day} {months[d.month - 1]} {d.year}"


LABELS: dict[str, dict[str, str]] = {
    "en": {
        # statuses
        "upcoming": "upcoming", "active": "active", "notice_given": "notice given", "expired": "expired",
        "terminated": "terminated", "superseded": "superseded", "ended": "ended",
        "overdue": "overdue", "due": "due today", "done": "done",
        # deadline kinds
        "notice_deadline": "notice deadline", "term_end": "term end", "followup": "follow-up",
        "assignment": "assignment", "adoption": "adoption", "agenda": "agenda", "minutes": "minutes",
        "meeting": "meeting", "conference": "conference",
        # headings and columns
        "ID": "ID", "Title": "Title", "Status": "Status", "Term": "Term", "Term start": "Term start",
        "Term end": "Term end", "Ends on": "Ends on", "Next notice deadline": "Next notice deadline",
        "Date": "Date", "Act by": "Act by", "Days": "Days", "Kind": "Kind", "What": "What",
        "Party": "Party", "Body": "Body", "State": "State", "Period": "Period", "Adoption": "Adoption",
        "Assignments": "Assignments", "Next meeting": "Next meeting", "Start": "Start", "End": "End",
        "Type": "Type", "Details": "Details", "Events": "Events", "Deadlines": "Deadlines", "Terms": "Terms",
        "Source": "Source", "Notes": "Notes", "open-ended": "tills vidare",
        "agreements_on": "Agreements on {date}",
        "deadlines_title": "Deadlines from {start} to {end} (and everything overdue)",
        "plans_on": "Work plans on {date}",
        "check_title": "Check on {date}: what needs attention through {target}",
        "the_meeting": "the meeting {date}",
        "horizon": " (+ horizon to {date})",
        "nothing": "Nothing needs attention.",
        "data_warnings": "Data warnings",
        "approx_note": "  (~ rests on a coarse date)",
        "approximate": " (approximate: rests on a coarse date)",
        "summary_status": "{n} agreements: {parts}",
        "summary_deadlines": "{n} deadlines: {overdue} overdue, {due} due today, {upcoming} upcoming",
        "summary_check": "{overdue} overdue, {due} due today, {upcoming} coming by {target}",
        "summary_warnings": ", {n} data warning(s)",
        "adoption_cell": "{k} of {n}",
        "adoption_overdue": " OVERDUE",
        "adoption_due": "; due {date}; missing: {names}",
        "prepared_suffix": " (prepared {date})",
        "assignments_cell": "{open} open, {overdue} overdue, {done} done",
        "agenda_by": " (agenda by {date})",
        "in_force": "◀ in force",
        "data_errors": "{n} data error(s): results leave out what could not be read (run 'svo validate' for details)",
        "r_title": "svo report {date}",
        "r_window": "From {start} through {target}. Generated from the data files as of {date}.",
        "r_summary": "Summary",
        "r_overdue": "Overdue",
        "r_due_by": "Due by {target}",
        "r_agreements": "Agreements by state",
        "r_plans": "Work plans: adoption by the principals",
        "r_timeline": "Timeline",
        "r_none": "Nothing.",
        "r_sum_overdue": "{n} overdue",
        "r_sum_due": "{n} due by {target}",
        "r_sum_agreements": "{active} agreements in force ({notice} with notice given), {upcoming} upcoming",
        "r_sum_plans": "{plan}: adopted by {k} of {n} principals",
        "r_term": "term {term} {start} – {end}",
        "r_next_notice": "next notice deadline {date}",
        "r_ends": "ends {date}",
        "r_footer": "svo {version}. Dates: YYYY-MM-DD; “act by” is the last working day on or before a deadline.",
        "r_legend": "past term · term in force · future term · ◆ notice deadline · | today",
        "d_ids": "id: {id}   kind: {kind}   parties: {parties}",
        "d_responsible": "responsible: {who}",
        "d_valid": "valid: {start} – {end}",
        "d_renewal": "   renewal: every {every}",
        "d_notice_before": "   notice: {before} before term end",
        "d_notice_period": "   notice period: {period}",
        "d_status": "status on {date}: ",
        "d_status_tail": "   ends on: {ends}   next notice deadline: {next}",
        "d_approx": "   (approximate)",
        "d_supersedes": "supersedes: {ids}",
        "d_notice_given": "notice given {date}",
        "d_notice_by": " by {by}",
        "d_notice_late": " (late: after the notice deadline)",
        "d_notice_effect": "; ends after term {term}",
    },
    "sv": {
        "upcoming": "kommande", "active": "gäller", "notice_given": "uppsagd", "expired": "upphört",
        "terminated": "avslutad", "superseded": "ersatt", "ended": "avslutad",
        "overdue": "försenad", "due": "förfaller i dag", "done": "klar",
        "notice_deadline": "sista dag för uppsägning", "term_end": "avtalstidens slut", "followup": "uppföljning",
        "assignment": "uppdrag", "adoption": "beslut om antagande", "agenda": "dagordning",
        "minutes": "mötesanteckningar", "meeting": "möte", "conference": "konferens",
        "ID": "ID", "Title": "Titel", "Status": "Status", "Term": "Period", "Term start": "Periodens start",
        "Term end": "Periodens slut", "Ends on": "Upphör", "Next notice deadline": "Nästa uppsägningsdag",
        "Date": "Datum", "Act by": "Agera senast", "Days": "Dagar", "Kind": "Slag", "What": "Vad",
        "Party": "Part", "Body": "Organ", "State": "Läge", "Period": "Period", "Adoption": "Antagande",
        "Assignments": "Uppdrag", "Next meeting": "Nästa möte", "Start": "Start", "End": "Slut",
        "Type": "Typ", "Details": "Detaljer", "Events": "Händelser", "Deadlines": "Tidsgränser",
        "Terms": "Avtalsperioder", "Source": "Källa", "Notes": "Anteckningar", "open-ended": "tills vidare",
        "agreements_on": "Överenskommelser {date}",
        "deadlines_title": "Tidsgränser från {start} till {end} (och allt som är försenat)",
        "plans_on": "Arbetsplaner {date}",
        "check_title": "Kontroll {date}: det som behöver åtgärdas till och med {target}",
        "the_meeting": "mötet {date}",
        "horizon": " (+ till och med {date})",
        "nothing": "Inget behöver åtgärdas.",
        "data_warnings": "Varningar i data",
        "approx_note": "  (~ vilar på ett ungefärligt datum)",
        "approximate": " (ungefärligt: vilar på ett ungefärligt datum)",
        "summary_status": "{n} överenskommelser: {parts}",
        "summary_deadlines": "{n} tidsgränser: {overdue} försenade, {due} förfaller i dag, {upcoming} kommande",
        "summary_check": "{overdue} försenade, {due} förfaller i dag, {upcoming} kommande till och med {target}",
        "summary_warnings": ", {n} varning(ar) i data",
        "adoption_cell": "{k} av {n}",
        "adoption_overdue": " FÖRSENAT",
        "adoption_due": "; senast {date}; saknas: {names}",
        "prepared_suffix": " (berett {date})",
        "assignments_cell": "{open} öppna, {overdue} försenade, {done} klara",
        "agenda_by": " (dagordning senast {date})",
        "in_force": "◀ gäller",
        "data_errors": "{n} fel i data: resultaten utelämnar det som inte kunde läsas (kör 'svo validate' för detaljer)",
        "r_title": "svo-rapport {date}",
        "r_window": "Från {start} till och med {target}. Framtagen ur datafilerna per {date}.",
        "r_summary": "Sammanfattning",
        "r_overdue": "Försenat",
        "r_due_by": "Ska vara klart till och med {target}",
        "r_agreements": "Överenskommelser efter läge",
        "r_plans": "Arbetsplaner: huvudmännens beslut",
        "r_timeline": "Tidslinje",
        "r_none": "Inget.",
        "r_sum_overdue": "{n} försenade",
        "r_sum_due": "{n} ska vara klara till och med {target}",
        "r_sum_agreements": "{active} överenskommelser gäller ({notice} uppsagda), {upcoming} kommande",
        "r_sum_plans": "{plan}: antagen av {k} av {n} huvudmän",
        "r_term": "period {term} {start} – {end}",
        "r_next_notice": "nästa uppsägningsdag {date}",
        "r_ends": "upphör {date}",
        "r_footer": "svo {version}. Datum: ÅÅÅÅ-MM-DD; ”agera senast” är sista arbetsdagen på eller före en tidsgräns.",
        "r_legend": "tidigare period · gällande period · kommande period · ◆ sista uppsägningsdag · | i dag",
        "d_ids": "id: {id}   slag: {kind}   parter: {parties}",
        "d_responsible": "ansvar: {who}",
        "d_valid": "giltighetstid: {start} – {end}",
        "d_renewal": "   förlängning: {every} i taget",
        "d_notice_before": "   uppsägning: senast {before} före periodens slut",
        "d_notice_period": "   uppsägningstid: {period}",
        "d_status": "status {date}: ",
        "d_status_tail": "   upphör: {ends}   nästa uppsägningsdag: {next}",
        "d_approx": "   (ungefärligt)",
        "d_supersedes": "ersätter: {ids}",
        "d_notice_given": "uppsagd {date}",
        "d_notice_by": " av {by}",
        "d_notice_late": " (för sent: efter sista uppsägningsdag)",
        "d_notice_effect": "; upphör efter period {term}",
    },
}

EXPLANATIONS: dict[str, dict[str, str]] = {
    "en": {
        "notice_deadline": "last day to give {written}notice for term {term}: term end {term_end_earliest} minus "
                           "{before_end}; otherwise the agreement {renews} after {term_end}",
        "written": "written ",
        "renews_for": "renews for {every}",
        "ends": "ends",
        "term_end_expires": "term {term} ends and the agreement expires ({reason})",
        "reason_notice": "notice given {date}",
        "reason_notice_undated": "notice given",
        "reason_terminated": "terminated",
        "reason_superseded": "superseded from {date}",
        "reason_fixed": "no renewal rule",
        "term_end_renews": "term {term} ends {end}; renews for {every} from {next} unless notice was given in time",
        "followup": "follow-up '{what}': {rule}",
        "followup_done": "follow-up '{what}': {rule}; done {done}",
        "rule_every": "every {every} from {first}",
        "rule_every_k": "every {every} from {first} (occurrence {k})",
        "rule_mandate": "end of the council term {start}–{end}",
        "rule_before_notice": "the notice deadline {deadline} of term {term}",
        "rule_before_notice_lead": "{lead} before the notice deadline {deadline} of term {term}",
        "rule_due": "due by {due}",
        "adoption": "no adoption decision recorded for {name}; adoption due by {due}",
        "adoption_prepared": "no adoption decision recorded for {name}; adoption due by {due}; prepared {prepared}",
        "assignment": "assignment ({area}): {what}; due by {due}",
        "assignment_period": "assignment ({area}): {what}; no term of its own: due by the end of the plan period {due}",
        "owner": "; owner {owner}",
        "agenda": "agenda out for '{title}' {date}: {before} before, on a working day",
        "meeting": "meeting '{title}'",
        "conference": "conference '{title}'",
        "minutes": "minutes of '{title}' {date} final {after} after, unless comments came in",
    },
    "sv": {
        "notice_deadline": "sista dag för {written}uppsägning under period {term}: periodens slut {term_end_earliest} "
                           "minus {before_end}; annars {renews} efter {term_end}",
        "written": "skriftlig ",
        "renews_for": "förlängs överenskommelsen med {every}",
        "ends": "upphör överenskommelsen",
        "term_end_expires": "period {term} slutar och överenskommelsen upphör ({reason})",
        "reason_notice": "uppsagd {date}",
        "reason_notice_undated": "uppsagd",
        "reason_terminated": "avslutad",
        "reason_superseded": "ersatt från {date}",
        "reason_fixed": "ingen förlängningsregel",
        "term_end_renews": "period {term} slutar {end}; förlängs med {every} från {next} om ingen sagt upp i tid",
        "followup": "uppföljning '{what}': {rule}",
        "followup_done": "uppföljning '{what}': {rule}; klar {done}",
        "rule_every": "med {every}s intervall från {first}",
        "rule_every_k": "med {every}s intervall från {first} (tillfälle {k})",
        "rule_mandate": "mandatperiodens slut {start}–{end}",
        "rule_before_notice": "sista uppsägningsdag {deadline} för period {term}",
        "rule_before_notice_lead": "{lead} före sista uppsägningsdag {deadline} för period {term}",
        "rule_due": "senast {due}",
        "adoption": "inget beslut om antagande registrerat för {name}; beslut senast {due}",
        "adoption_prepared": "inget beslut om antagande registrerat för {name}; beslut senast {due}; berett {prepared}",
        "assignment": "uppdrag ({area}): {what}; senast {due}",
        "assignment_period": "uppdrag ({area}): {what}; ingen egen tidpunkt: senast vid arbetsplanens slut {due}",
        "owner": "; ansvar {owner}",
        "agenda": "dagordning för '{title}' {date} skickas ut: {before} före, på en arbetsdag",
        "meeting": "möte '{title}'",
        "conference": "konferens '{title}'",
        "minutes": "mötesanteckningar från '{title}' {date} fastställs {after} efter, om inga synpunkter inkommit",
    },
}


def label(key: str, lang: str, **params: Any) -> str:
    text = LABELS.get(lang, LABELS["en"]).get(key) or LABELS["en"].get(key, key)
    return text.format(**params) if params else text


def explain(reason: Why, lang: str) -> str:
    """Render a language-free explanation; nested explanations (parameters that are Why) too."""
    key, params = reason
    table = EXPLANATIONS.get(lang, EXPLANATIONS["en"])
    values = {k: (explain(v, lang) if _is_why(v) else _text(v, lang)) for k, v in params}
    suffix = ""
    if "owner" in values and key.startswith("assignment"):
        owner = values.pop("owner")
        suffix = table["owner"].format(owner=owner) if owner else ""
    return table[key].format(**values) + suffix


def _is_why(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], tuple)


def _text(value: Any, lang: str) -> str:
    from svo_cli.dates import Duration

    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Duration):
        return duration_text(value, lang)
    return "" if value is None else str(value)


_UNITS = {
    "en": {"year": ("year", "years"), "month": ("month", "months"), "week": ("week", "weeks"),
           "day": ("day", "days"), "working": ("working day", "working days")},
    "sv": {"year": ("år", "år"), "month": ("månad", "månader"), "week": ("vecka", "veckor"),
           "day": ("dag", "dagar"), "working": ("arbetsdag", "arbetsdagar")},
}


def duration_text(duration: Any, lang: str) -> str:
    """A duration in words in the output language, whatever language the data wrote it in."""
    units = _UNITS.get(lang, _UNITS["en"])

    def part(n: int, unit: str) -> str:
        return f"{n} {units[unit][0 if n == 1 else 1]}"

    if duration.working_days:
        return part(duration.working_days, "working")
    parts = []
    if duration.years:
        parts.append(part(duration.years, "year"))
    if duration.months:
        parts.append(part(duration.months, "month"))
    if duration.days:
        parts.append(part(duration.days // 7, "week") if duration.days % 7 == 0 else part(duration.days, "day"))
    return " ".join(parts) or part(0, "day")
