"""Words for people in English and Swedish: labels, explanations, summaries, dates in prose."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any, Mapping

from svo_cli.i18n_explanations import EXPLANATIONS
from svo_cli.messages import T, lookup

LANGS = ("en", "sv")

Why = tuple[str, tuple[tuple[str, Any], ...]]


def why(key: str, **params: Any) -> Why:
    """A language-free explanation: a template key and its parameters (hashable, for frozen values)."""
    return key, tuple(sorted(params.items()))


def detect_lang(environ: Mapping[str, str]) -> str:
    """Swedish when the locale says so (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else English."""
    env = environ
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
        "awaiting_adoption": "awaiting adoption", "unknown_start": "unknown",
        "p_meetings_dated": "{body} meets {n} times a year (meeting_rules.per_year); dated in the register: {years}. "
                            "The others are not yet recorded: their agenda and minutes deadlines cannot be shown.",
        "p_meetings_year": "{dated} in {year}",
        "terminated": "terminated", "superseded": "superseded", "ended": "ended",
        "overdue": "overdue", "due": "act now", "done": "done", "unrecorded": "no record",
        # deadline kinds
        "notice_deadline": "notice deadline", "option_deadline": "option deadline", "term_end": "term end", "followup": "follow-up",
        "assignment": "assignment", "adoption": "adoption", "agenda": "agenda", "minutes": "minutes",
        "meeting": "meeting", "conference": "conference",
        # headings and columns
        "col_id": "ID", "col_title": "Title", "col_status": "Status", "col_term": "Term", "col_term_start": "Term start",
        "col_term_end": "Term end", "col_ends_on": "Ends on", "col_next_notice_deadline": "Next notice deadline",
        "col_date": "Date", "col_act_by": "Act by", "col_days": "Days", "col_kind": "Kind", "col_what": "What",
        "col_party": "Party", "col_body": "Body", "col_state": "State", "col_period": "Period", "col_adoption": "Adoption",
        "col_assignments": "Assignments", "col_next_meeting": "Next meeting", "col_start": "Start", "col_end": "End",
        "col_type": "Type", "col_reference": "Reference", "col_decided": "Decided", "col_undecided": "Not decided", "col_decide_by_assumed": "Decide-by assumed", "col_details": "Details", "col_events": "Events", "col_deadlines": "Deadlines", "col_terms": "Terms",
        "col_source": "Source", "col_notes": "Notes", "open_ended": "until further notice",
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
        "summary_deadlines": "{n} deadlines: {overdue} overdue, {due} to act on now, {upcoming} upcoming",
        "summary_check": "{overdue} overdue, {due} to act on now, {upcoming} coming by {target}",
        "summary_warnings": ", {n} data warnings",
        "adoption_cell": "{k} of {n}",
        "adoption_overdue": " OVERDUE",
        "adoption_due": "; due {date}; missing: {names}",
        "prepared_suffix": " (prepared {date})",
        "assignments_cell": "{open} open, {overdue} overdue, {done} done",
        "agenda_by": " (agenda by {date})",
        "in_force": "◀ in force",
        "event_notice": "notice given", "event_extended": "extended", "event_option_used": "option to extend used",
        "event_revised": "revised",
        "event_terminated": "terminated", "event_followup_done": "follow-up done", "event_decision": "decision",
        "event_note": "note",
        "no_data_dir": "data directory '{path}' not found (use --data DIR or set SVO_DATA)",
        "within_and_until": "give --within or --until, not both",
        "until_before": "--until {until} is before the date {date}",
        "meeting_and_next": "give --meeting or --next-meeting, not both",
        "no_next_meeting": "no meeting on or after {date} in the work plans; use --meeting DATE",
        "meeting_before": "the meeting {meeting} is before the date {date}",
        "no_such_id": "no agreement '{id}'",
        "no_such_id_close": "no agreement '{id}'; did you mean {close}?",
        "no_such_path": "no such file or directory: {path}",
        "unknown_value": "{what} {value}: unknown; use one of: {known}",
        "since_after": "--since {since} is after the date {date}",
        "id_unreadable": "'{id}' could not be read: {path} has errors (run 'svo validate {path}')",
        "unknown_value_close": "{what} {value}: unknown; did you mean {close}?",
        "no_sources_dir": "sources directory '{path}' not found (--sources DIR: the documents' plain text)",
        "sources_not_dir": "sources directory '{path}' is not a directory (--sources DIR: the documents' plain text)",
        "data_not_dir": "data directory '{path}' is not a directory (use --data DIR or set SVO_DATA)",
        "data_found_foreign": "the data directory {path}, found above the working directory, belongs to another user (uid {uid}); not read. Name it with --data {path} if you trust it",
        "data_found_note": "svo: reading the data directory {path} (found above the working directory)",
        "cwd_gone": "the working directory no longer exists; change to an existing directory, or give --data as an absolute path",
        "no_such_id_data_errors": "no agreement or work plan '{id}' could be read: the data directory has {n} error(s), the first: {first} (run 'svo validate')",
        "bad_path": "{path}: {reason}",
        "not_a_date": "{option}: '{value}' is not a date; {hint}",
        "date_hint": "write YYYY-MM-DD, e.g. 2026-01-05, or today",
        "date_hint_guess": "did you mean {date}? (write YYYY-MM-DD)",
        "date_out_of_range": "{option}: '{value}' is outside the years svo computes with ({low}–{high}); "
                             "write a date in them, e.g. 2026-01-05, or today",
        "data_is_file": "data directory '{path}' is a file; did you mean --data {suggestion}?",
        "data_is_subdir": "'{path}' is inside a data directory; did you mean --data {suggestion}?",
        "output_suffix_unknown": "--output {path}: no format writes '{suffix}' files; use one of: {formats} (or --format)",
        "output_suffix_contradicts": "--output {path}: the file's extension does not match --format {format}; formats here: {formats}",
        "xlsx_terminal": "xlsx is a binary file: write it with -o FILE.xlsx",
        "output_yaml": "--output {path}: svo writes no YAML; a .yaml/.yml target could only overwrite a data file",
        "output_in_data": "--output {path} is inside the data directory {data}; write the output elsewhere",
        "output_is_input": "--output {path} is one of the data files being read; write the output elsewhere",
        "output_is_dir": "--output {path} is a directory; name a file",
        "output_no_dir": "--output {path}: no such directory {dir}",
        "output_not_writable": "--output {path} is not writable (permission denied)",
        "output_read_only_fs": "--output {path} is on a read-only file system",
        "output_dir_not_writable": "--output {path}: cannot create a file in {dir} (permission denied)",
        "output_bad_path": "--output {path}: {reason}",
        "write_failed": "cannot write {path}: {reason}",
        "incomplete": "INCOMPLETE: {n} data files have errors and are left out or only partly used; run 'svo validate':",
        "col_approximate": "Approximate", "col_assumed": "Assumed", "col_adopted": "Adopted", "col_required": "Required", "col_missing": "Missing",
        "col_assignments_open": "Assignments open", "col_assignments_overdue": "Assignments overdue",
        "col_assignments_done": "Assignments done", "col_next_meeting_title": "Next meeting title", "yes": "yes",
        "sheet_status": "Status", "sheet_deadlines": "Deadlines", "sheet_check": "Check", "sheet_plans": "Work plans",
        "usage": "Usage:", "try_help": "Try '{command} --help' for help.", "error_prefix": "Error: ",
        "did_you_mean": "Did you mean {what}?", "not_one_of": "'{value}' is not one of {choices}.",
        "no_such_option": "No such option: {option}", "possible_options": "(Possible options: {what})",
        "missing_option": "Missing option '{what}'.", "missing_argument": "Missing argument '{what}'.",
        "invalid_value": "Invalid value for {what}:", "not_an_integer": "'{value}' is not a whole number.",
        "out_of_range": "{value} is not in the range {range}.", "no_such_command": "No such command '{what}'.",
        "extra_argument": "Got unexpected extra argument ({what})",
        "requires_argument": "Option '{what}' requires an argument.", "whole_number": "not a whole number",
        "at_least": "must be at least {n}", "at_most": "must be at most {n}",
        "output_suffix_not_here": "--output {path}: svo {command} does not write {format}; formats here: {formats} "
                                  "(HTML: svo report, a calendar: svo calendar)",
        "col_section": "Section", "s_decisions": "Decisions needed now", "s_overdue": "Overdue", "s_unrecorded": "Without a record",
        "s_by_meeting": "Due by the meeting", "s_after_meeting": "After the meeting",
        "s_renewed": "Renewed silently", "renewed": "renewed", "renewed_what": "term {term} now certain",
        "todo_notice_deadline": "Last day to give notice: {title}", "todo_option_deadline": "Last day to extend: {title}", "todo_term_end": "Term ends: {title}",
        "todo_followup": "Follow-up due: {title}", "todo_assignment": "Assignment due: {title}",
        "todo_adoption": "Adopt the work plan: {title}", "todo_agenda": "Send the agenda: {title}",
        "todo_meeting": "Meeting: {title}", "todo_minutes": "Minutes final: {title}",
        "todo_withdrawal": "A party leaves: {title}", "col_decide_by": "Decide by", "col_deadline": "Deadline",
        "sec_decisions": "Decisions needed now (as of {date}): give notice, extend or adopt, each principal's board first",
        "continuous": "continuous", "nothing_here": "Nothing.", "summary_after": ", {n} after the meeting through {date}",
        "assumed_mark": " [assumption]",
        "assumed_short": " [assumption]",
        "assumed_legend": "  [assumption] marks a result that rests on a fact no source states",
        "sec_overdue": "Overdue", "sec_by_meeting": "Due by {target}",
        "sec_unrecorded": "Earlier follow-ups, assignments and adoptions without a record (neither done nor overdue)",
        "summary_unrecorded": "; {n} earlier obligation(s) without a record",
        "sec_after_meeting": "After the meeting, through {date}", "sec_renewed": "Renewed silently since {since}",
        "decision_overdue": "decision late", "decision_open": "decide now", "col_binding_until": "Binding until",
        "deciders": "; decided by: {names}", "summary_decisions": "{n} decisions needed now; ",
        "bad_remind": "--remind {value}: give whole days before each event, 0–365, separated by commas (e.g. 28,7)",
        "decided_k_of_n": "; decided {k} of {n}{tally}", "decided_missing": "; missing: {names}",
        "d_continue": "continue", "d_notice": "notice", "d_extend": "extend", "d_adopt": "adopt", "d_revise": "revise",
        "notice_decided": "; notice decided by {names}: give it by {date}",
        "decide_what": "Deadline: {deadline} ({kind}); act by {act_by}",
        "undecided_list": "Not yet decided: {names}", "default_lead": " [assumption: svo's default lead of 3 months]",
        "sec_ending": "Ending, through {date}", "s_ending": "Ending", "col_last_day": "Last day", "col_reason": "Reason",
        "sec_since": "Recorded since {since}", "s_since": "Recorded since",
        "since_no_meeting": "{since} (no earlier {body}meeting recorded: the last 30 days)",
        "since_meeting_of": "{since} ({body}'s meeting)",
        "sec_before_next": "Due before the next meeting {date} (through {until})",
        "sec_after_quarter": "In the 91 days after the meeting (through {date}; no later meeting recorded)",
        "col_withdrawn": "Withdrawn", "end_withdrawal": "{party} leaves", "end_withdrawn": "fewer than two parties remain",
        "end_notice": "notice given", "end_terminated": "terminated", "end_superseded": "superseded",
        "end_capped": "the last allowed renewal ends", "end_fixed": "its fixed term ends",
        "end_option_lapsed": "the option to extend was not used",
        "end_latest_end": "its latest end (latest_end)",
        "end_ends_with": "the agreement it ends with ends",
        "ev_notice": "notice", "ev_withdrawal": "withdrawal", "ev_terminated": "termination", "ev_decision": "decision",
        "ev_adoption": "adoption", "ev_followup_done": "follow-up done", "ev_assignment_done": "assignment done", "ev_extended": "extension",
        "data_errors": "{n} data errors: results leave out what could not be read (run 'svo validate' for details)",
        "r_title": "svo report {date}",
        "t_legend": "─ past term   ━ term in force   ┄ future term   │ term start   → until further notice   ◆ notice deadline   ! notice deadline within {days} days   ┃ {today}",
        "t_soon_title": "Notice deadlines within {days} days",
        "r_title_body": "Before the {body} meeting {date}", "r_title_meeting": "Before the meeting {date}",
        "r_meeting_mark": "meeting {date}", "r_sum_decisions": "{n} decisions needed now (give notice, extend or adopt)",
        "r_window": "From {start} through {target}. Generated from the data files as of {date}.",
        "r_summary": "Summary",
        "r_overdue": "Overdue",
        "r_due_by": "Due by {target}",
        "r_agreements": "Agreements by state",
        "r_plans": "Work plans: adoption by the principals",
        "r_timeline": "Timeline",
        "r_none": "Nothing.",
        "r_sum_overdue": "{n} overdue",
        "r_sum_unrecorded": "{n} earlier follow-up(s), assignment(s) or adoption(s) without a record (before the register's records begin)",
        "r_sum_due": "{n} due by {target}",
        "r_sum_agreements": "{active} agreements in force ({notice} with notice given), {upcoming} upcoming",
        "r_sum_plans": "{plan}: adopted by {k} of {n} principals",
        "r_term": "term {term} {start} – {end}",
        "r_next_notice": "next notice deadline {date}",
        "r_next_option": "last day to use the option to extend {date}",
        "r_ends": "ends {date}",
        "r_footer": "svo {version}. Dates: YYYY-MM-DD; “act by” is the last working day on or before a deadline.",
        "r_legend": "past term · term in force · future term · ◆ notice deadline · | today",
        "p_head": "id: {id}   body: {body}   period: {start} – {end}   state: {state}",
        "p_adoption": "Adoption by the principals ({k} of {n}; due {due})",
        "p_adopted": "adopted {date}",
        "p_prepared": "prepared {date}, not yet adopted",
        "p_missing": "no decision recorded",
        "col_meetings": "Meetings", "col_agenda_by": "Agenda by", "col_minutes_final": "Minutes final", "col_done": "Done",
        "col_due": "Due", "col_owner": "Owner", "col_area": "Area",
        "d_ids": "id: {id}   kind: {kind}   parties: {parties}",
        "d_responsible": "responsible: {who}",
        "d_assumed": "[assumption] {what}: {why}",
        "d_assumed_valid_from": "start",
        "d_assumed_valid_until": "end, or in force still",
        "d_assumed_parties": "parties",
        "d_assumed_notice": "notice rule",
        "d_assumed_renewal": "renewal rule",
        "d_valid": "valid: {start} – {end}",
        "d_valid_first": "first term: {start} – {end}",
        "d_renewal": "   renewal: every {every}",
        "d_notice_before": "   notice: {before} before term end",
        "d_notice_period": "   notice period: {period}",
        "d_status": "status on {date}: ",
        "d_status_tail": "   ends on: {ends}   next notice deadline: {next}",
        "d_status_tail_option": "   ends on: {ends}   last day to use the option to extend: {next}",
        "d_approx": "   (approximate)",
        "d_supersedes": "supersedes: {ids}",
        "d_notice_given": "notice given {date}",
        "d_notice_by": " by {by}",
        "d_notice_late": " (late: after the notice deadline)",
        "d_notice_effect": "; ends after term {term}",
        "withdrawal": "withdrawal",
        "d_binding": "   bound until: {date}",
        "d_withdrawn": "withdrawn: {items}",
        "d_withdrawn_item": "{party} (last day {date})",
        "d_approx_dates": "   (approximate: rests on {dates})",
    },
    "sv": {
        "upcoming": "kommande", "active": "gäller", "notice_given": "uppsagd", "expired": "upphört",
        "awaiting_adoption": "väntar på antagande", "unknown_start": "okänd",
        "p_meetings_dated": "{body} sammanträder {n} gånger per år (meeting_rules.per_year); daterade i registret: "
                            "{years}. De övriga är inte registrerade: deras dagordnings- och protokolldagar kan inte "
                            "visas.",
        "p_meetings_year": "{dated} under {year}",
        "terminated": "avslutad", "superseded": "ersatt", "ended": "avslutad",
        "overdue": "försenad", "due": "agera nu", "done": "klar", "unrecorded": "ingen registrering",
        "notice_deadline": "sista dag för uppsägning", "option_deadline": "sista dag för förlängning", "term_end": "avtalstidens slut", "followup": "uppföljning",
        "assignment": "uppdrag", "adoption": "beslut om antagande", "agenda": "dagordning",
        "minutes": "mötesanteckningar", "meeting": "möte", "conference": "konferens",
        "col_id": "ID", "col_title": "Titel", "col_status": "Status", "col_term": "Period", "col_term_start": "Periodens start",
        "col_term_end": "Periodens slut", "col_ends_on": "Upphör", "col_next_notice_deadline": "Nästa uppsägningsdag",
        "col_date": "Datum", "col_act_by": "Agera senast", "col_days": "Dagar", "col_kind": "Slag", "col_what": "Vad",
        "col_party": "Part", "col_body": "Organ", "col_state": "Läge", "col_period": "Period", "col_adoption": "Antagande",
        "col_assignments": "Uppdrag", "col_next_meeting": "Nästa möte", "col_start": "Start", "col_end": "Slut",
        "col_type": "Typ", "col_reference": "Diarienummer", "col_decided": "Beslutat", "col_undecided": "Inget beslut", "col_decide_by_assumed": "Beslut senast antaget", "col_details": "Detaljer", "col_events": "Händelser", "col_deadlines": "Tidsgränser",
        "col_terms": "Avtalsperioder", "col_source": "Källa", "col_notes": "Anteckningar", "open_ended": "tills vidare",
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
        "summary_deadlines": "{n} tidsgränser: {overdue} försenade, {due} att agera på nu, {upcoming} kommande",
        "summary_check": "{overdue} försenade, {due} att agera på nu, {upcoming} kommande till och med {target}",
        "summary_warnings": ", {n} varning(ar) i data",
        "adoption_cell": "{k} av {n}",
        "adoption_overdue": " FÖRSENAT",
        "adoption_due": "; senast {date}; saknas: {names}",
        "prepared_suffix": " (beredd {date})",
        "assignments_cell": "{open} öppna, {overdue} försenade, {done} klara",
        "agenda_by": " (dagordning senast {date})",
        "in_force": "◀ gäller",
        "event_notice": "uppsägning", "event_extended": "förlängning", "event_option_used": "option om förlängning utnyttjad",
        "event_revised": "revidering",
        "event_terminated": "avslut", "event_followup_done": "uppföljning klar", "event_decision": "beslut",
        "event_note": "anteckning",
        "no_data_dir": "datakatalogen '{path}' finns inte (ange --data KATALOG eller sätt SVO_DATA)",
        "within_and_until": "ange --within eller --until, inte båda",
        "until_before": "--until {until} ligger före datumet {date}",
        "meeting_and_next": "ange --meeting eller --next-meeting, inte båda",
        "no_next_meeting": "inget möte den {date} eller senare i arbetsplanerna; ange --meeting DATUM",
        "meeting_before": "mötet {meeting} ligger före datumet {date}",
        "no_such_id": "ingen överenskommelse '{id}'",
        "no_such_id_close": "ingen överenskommelse '{id}'; menade du {close}?",
        "no_such_path": "filen eller katalogen finns inte: {path}",
        "unknown_value": "{what} {value}: okänt; välj bland: {known}",
        "since_after": "--since {since} ligger efter datumet {date}",
        "id_unreadable": "'{id}' kunde inte läsas: {path} har fel (kör 'svo validate {path}')",
        "unknown_value_close": "{what} {value}: okänt; menade du {close}?",
        "no_sources_dir": "källkatalogen '{path}' finns inte (--sources KATALOG: dokumentens text)",
        "sources_not_dir": "källkatalogen '{path}' är ingen katalog (--sources KATALOG: dokumentens text)",
        "data_not_dir": "datakatalogen '{path}' är ingen katalog (ange --data KATALOG eller sätt SVO_DATA)",
        "data_found_foreign": "datakatalogen {path}, funnen ovanför arbetskatalogen, tillhör en annan användare (uid {uid}); läses inte. Ange den med --data {path} om du litar på den",
        "data_found_note": "svo: läser datakatalogen {path} (funnen ovanför arbetskatalogen)",
        "cwd_gone": "arbetskatalogen finns inte längre; byt till en befintlig katalog, eller ange --data som en absolut sökväg",
        "no_such_id_data_errors": "ingen överenskommelse eller arbetsplan '{id}' kunde läsas: datakatalogen har {n} fel, det första: {first} (kör 'svo validate')",
        "bad_path": "{path}: {reason}",
        "not_a_date": "{option}: '{value}' är inget datum; {hint}",
        "date_hint": "skriv ÅÅÅÅ-MM-DD, t.ex. 2026-01-05, eller idag",
        "date_hint_guess": "menade du {date}? (skriv ÅÅÅÅ-MM-DD)",
        "date_out_of_range": "{option}: '{value}' ligger utanför åren svo räknar med ({low}–{high}); "
                             "skriv ett datum inom dem, t.ex. 2026-01-05, eller idag",
        "data_is_file": "datakatalogen '{path}' är en fil; menade du --data {suggestion}?",
        "data_is_subdir": "'{path}' ligger i en datakatalog; menade du --data {suggestion}?",
        "output_suffix_unknown": "--output {path}: inget format skriver '{suffix}'-filer; välj bland: {formats} (eller --format)",
        "output_suffix_contradicts": "--output {path}: filändelsen stämmer inte med --format {format}; format här: {formats}",
        "xlsx_terminal": "xlsx är en binärfil: skriv den med -o FIL.xlsx",
        "output_yaml": "--output {path}: svo skriver ingen YAML; ett mål som slutar på .yaml/.yml kan bara skriva över en datafil",
        "output_in_data": "--output {path} ligger i datakatalogen {data}; skriv utdata någon annanstans",
        "output_is_input": "--output {path} är en av datafilerna som läses; skriv utdata någon annanstans",
        "output_is_dir": "--output {path} är en katalog; ange en fil",
        "output_no_dir": "--output {path}: katalogen {dir} finns inte",
        "output_not_writable": "--output {path} är skrivskyddad (åtkomst nekad)",
        "output_read_only_fs": "--output {path} ligger på ett skrivskyddat filsystem",
        "output_dir_not_writable": "--output {path}: kan inte skapa en fil i {dir} (åtkomst nekad)",
        "output_bad_path": "--output {path}: {reason}",
        "write_failed": "kan inte skriva {path}: {reason}",
        "incomplete": "OFULLSTÄNDIGT: {n} datafil(er) har fel och är utelämnade eller bara delvis med; kör 'svo validate':",
        "col_approximate": "Ungefärligt", "col_assumed": "Antagande", "col_adopted": "Antagen av", "col_required": "Ska antas av", "col_missing": "Saknas",
        "col_assignments_open": "Uppdrag öppna", "col_assignments_overdue": "Uppdrag försenade",
        "col_assignments_done": "Uppdrag klara", "col_next_meeting_title": "Nästa möte, rubrik", "yes": "ja",
        "sheet_status": "Läge", "sheet_deadlines": "Tidsgränser", "sheet_check": "Kontroll", "sheet_plans": "Arbetsplaner",
        "usage": "Användning:", "try_help": "Se '{command} --help' för hjälp.", "error_prefix": "Fel: ",
        "did_you_mean": "Menade du {what}?", "not_one_of": "'{value}' är inte {choices}.",
        "no_such_option": "okänd flagga: {option}", "possible_options": "(möjliga flaggor: {what})",
        "missing_option": "flaggan '{what}' saknas.", "missing_argument": "argumentet '{what}' saknas.",
        "invalid_value": "ogiltigt värde för {what}:", "not_an_integer": "'{value}' är inget heltal.",
        "out_of_range": "{value} ligger utanför intervallet {range}.", "no_such_command": "okänt kommando '{what}'.",
        "extra_argument": "oväntat extra argument ({what})",
        "requires_argument": "flaggan '{what}' behöver ett värde.", "whole_number": "inget heltal",
        "at_least": "måste vara minst {n}", "at_most": "får vara högst {n}",
        "output_suffix_not_here": "--output {path}: svo {command} skriver inte {format}; format här: {formats} "
                                  "(HTML: svo report, kalender: svo calendar)",
        "col_section": "Avsnitt", "s_decisions": "Beslut som behövs nu", "s_overdue": "Försenat", "s_unrecorded": "Utan registrering",
        "s_by_meeting": "Före mötet", "s_after_meeting": "Efter mötet",
        "s_renewed": "Förlängt utan uppsägning", "renewed": "förlängd", "renewed_what": "period {term} är nu säker",
        "todo_notice_deadline": "Sista dag att säga upp: {title}", "todo_option_deadline": "Sista dag att förlänga: {title}", "todo_term_end": "Perioden slutar: {title}",
        "todo_followup": "Uppföljning senast: {title}", "todo_assignment": "Uppdrag klart senast: {title}",
        "todo_adoption": "Anta arbetsplanen: {title}", "todo_agenda": "Skicka dagordningen: {title}",
        "todo_meeting": "Möte: {title}", "todo_minutes": "Mötesanteckningar fastställs: {title}",
        "todo_withdrawal": "En part lämnar: {title}", "col_decide_by": "Beslut senast", "col_deadline": "Tidsgräns",
        "sec_decisions": "Beslut som behövs nu (per {date}): säga upp, förlänga eller anta, först i varje huvudmans nämnd",
        "continuous": "löpande", "nothing_here": "Inget.", "summary_after": ", {n} efter mötet till och med {date}",
        "assumed_mark": " [antagande]",
        "assumed_short": " [antagande]",
        "assumed_legend": "  [antagande] markerar ett resultat som vilar på ett faktum som ingen källa anger",
        "sec_overdue": "Försenat", "sec_by_meeting": "Senast {target}",
        "sec_unrecorded": "Tidigare uppföljningar, uppdrag och antaganden utan registrering (varken klara eller försenade)",
        "summary_unrecorded": "; {n} tidigare åtagande(n) utan registrering",
        "sec_after_meeting": "Efter mötet, till och med {date}", "sec_renewed": "Förlängt utan uppsägning sedan {since}",
        "decision_overdue": "beslut sent", "decision_open": "besluta nu", "col_binding_until": "Bindande till",
        "deciders": "; beslutas av: {names}", "summary_decisions": "{n} beslut behövs nu; ",
        "bad_remind": "--remind {value}: ange hela dagar före varje händelse, 0–365, åtskilda med komma (t.ex. 28,7)",
        "decided_k_of_n": "; beslutat {k} av {n}{tally}", "decided_missing": "; saknas: {names}",
        "d_continue": "fortsätta", "d_notice": "säga upp", "d_extend": "förlänga", "d_adopt": "anta", "d_revise": "omförhandla",
        "notice_decided": "; uppsägning beslutad av {names}: ge den senast {date}",
        "decide_what": "Tidsgräns: {deadline} ({kind}); agera senast {act_by}",
        "undecided_list": "Inget beslut registrerat: {names}", "default_lead": " [antagande: svo:s standard 3 månader]",
        "sec_ending": "Upphör, till och med {date}", "s_ending": "Upphör", "col_last_day": "Sista dag", "col_reason": "Orsak",
        "sec_since": "Registrerat sedan {since}", "s_since": "Registrerat sedan",
        "since_no_meeting": "{since} (inget tidigare {body}möte registrerat: de senaste 30 dagarna)",
        "since_meeting_of": "{since} ({body}-mötet)",
        "sec_before_next": "Före nästa möte {date} (till och med {until})",
        "sec_after_quarter": "De 91 dagarna efter mötet (till och med {date}; inget senare möte registrerat)",
        "col_withdrawn": "Utträden", "end_withdrawal": "{party} lämnar", "end_withdrawn": "färre än två parter återstår",
        "end_notice": "uppsagd", "end_terminated": "avslutad", "end_superseded": "ersatt",
        "end_capped": "den sista tillåtna förlängningen slutar", "end_fixed": "den fasta avtalstiden slutar",
        "end_option_lapsed": "möjligheten till förlängning utnyttjades inte",
        "end_latest_end": "det gäller längst till och med den dagen",
        "end_ends_with": "avtalet det hör till upphör",
        "ev_notice": "uppsägning", "ev_withdrawal": "utträde", "ev_terminated": "avslut", "ev_decision": "beslut",
        "ev_adoption": "antagande", "ev_followup_done": "uppföljning klar", "ev_assignment_done": "uppdrag klart", "ev_extended": "förlängning",
        "data_errors": "{n} fel i data: resultaten utelämnar det som inte kunde läsas (kör 'svo validate' för detaljer)",
        "r_title": "svo-rapport {date}",
        "t_legend": "─ tidigare period   ━ gällande period   ┄ kommande period   │ periodens början   → tills vidare   ◆ sista uppsägningsdag   ! sista uppsägningsdag inom {days} dagar   ┃ {today}",
        "t_soon_title": "Sista uppsägningsdag inom {days} dagar",
        "r_title_body": "Inför {body}-mötet {date}", "r_title_meeting": "Inför mötet {date}",
        "r_meeting_mark": "möte {date}", "r_sum_decisions": "{n} beslut behövs nu (säga upp, förlänga eller anta)",
        "r_window": "Från {start} till och med {target}. Framtagen ur datafilerna per {date}.",
        "r_summary": "Sammanfattning",
        "r_overdue": "Försenat",
        "r_due_by": "Ska vara klart till och med {target}",
        "r_agreements": "Överenskommelser efter läge",
        "r_plans": "Arbetsplaner: huvudmännens beslut",
        "r_timeline": "Tidslinje",
        "r_none": "Inget.",
        "r_sum_overdue": "{n} försenade",
        "r_sum_unrecorded": "{n} tidigare uppföljning(ar), uppdrag eller antaganden utan registrering (före registrets första uppgifter)",
        "r_sum_due": "{n} ska vara klara till och med {target}",
        "r_sum_agreements": "{active} överenskommelser gäller ({notice} uppsagda), {upcoming} kommande",
        "r_sum_plans": "{plan}: antagen av {k} av {n} huvudmän",
        "r_term": "period {term} {start} – {end}",
        "r_next_notice": "nästa uppsägningsdag {date}",
        "r_next_option": "sista dag att utnyttja förlängningen {date}",
        "r_ends": "upphör {date}",
        "r_footer": "svo {version}. Datum: ÅÅÅÅ-MM-DD; ”agera senast” är sista arbetsdagen på eller före en tidsgräns.",
        "r_legend": "tidigare period · gällande period · kommande period · ◆ sista uppsägningsdag · | i dag",
        "p_head": "id: {id}   organ: {body}   period: {start} – {end}   läge: {state}",
        "p_adoption": "Huvudmännens beslut ({k} av {n}; senast {due})",
        "p_adopted": "antagen {date}",
        "p_prepared": "beredd {date}, ännu inte antagen",
        "p_missing": "inget beslut registrerat",
        "col_meetings": "Möten", "col_agenda_by": "Dagordning senast", "col_minutes_final": "Anteckningar fastställda",
        "col_done": "Klar", "col_due": "Senast", "col_owner": "Ansvar", "col_area": "Område",
        "d_ids": "id: {id}   slag: {kind}   parter: {parties}",
        "d_responsible": "ansvar: {who}",
        "d_assumed": "[antagande] {what}: {why}",
        "d_assumed_valid_from": "start",
        "d_assumed_valid_until": "slut, eller att den fortfarande gäller",
        "d_assumed_parties": "parter",
        "d_assumed_notice": "uppsägningsregel",
        "d_assumed_renewal": "förlängningsregel",
        "d_valid": "giltighetstid: {start} – {end}",
        "d_valid_first": "första avtalsperioden: {start} – {end}",
        "d_renewal": "   förlängning: {every} i taget",
        "d_notice_before": "   uppsägning: senast {before} före periodens slut",
        "d_notice_period": "   uppsägningstid: {period}",
        "d_status": "status {date}: ",
        "d_status_tail": "   upphör: {ends}   nästa uppsägningsdag: {next}",
        "d_status_tail_option": "   upphör: {ends}   sista dag att utnyttja förlängningen: {next}",
        "d_approx": "   (ungefärligt)",
        "d_supersedes": "ersätter: {ids}",
        "d_notice_given": "uppsagd {date}",
        "d_notice_by": " av {by}",
        "d_notice_late": " (för sent: efter sista uppsägningsdag)",
        "d_notice_effect": "; upphör efter period {term}",
        "withdrawal": "utträde",
        "d_binding": "   bunden till och med: {date}",
        "d_withdrawn": "utträtt: {items}",
        "d_withdrawn_item": "{party} (sista dag {date})",
        "d_approx_dates": "   (ungefärligt: vilar på {dates})",
    },
}

# EXPLANATIONS, how each date arose in words (rendered by `explain`), are kept beside: i18n_explanations.py.


def join_or(items: list[str], lang: str) -> str:
    """'a', 'b' or 'c' / 'a', 'b' eller 'c'."""
    word = " eller " if lang == "sv" else " or "
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + word + items[-1]


SINGULAR = {
    "sv": {"försenade": "försenad", "öppna": "öppen", "klara": "klar", "tidsgränser": "tidsgräns",
           "överenskommelser": "överenskommelse", "huvudmän": "huvudman", "uppsagda": "uppsagd",
           "datafil(er)": "datafil", "varningar": "varning"},
    "en": {"deadlines": "deadline", "agreements": "agreement", "decisions": "decision", "file(s)": "file",
           "error(s)": "error", "warning(s)": "warning", "principals": "principal", "data files have": "data file has",
           "data errors": "data error", "data warnings": "data warning", "earlier occurrences": "earlier occurrence"},
}
_ONE = {lang: re.compile(r"(?<![\d.,-])1 (" + "|".join(re.escape(w) for w in words) + r")(?![\w(])")
        for lang, words in SINGULAR.items()}


def grammar(text: str, lang: str) -> str:
    """Counts agree with their noun: "1 försenad", "1 deadline" (the tables say "{n} försenade")."""
    pattern = _ONE.get(lang)
    if pattern is None or "1 " not in text:
        return text
    return pattern.sub(lambda m: "1 " + SINGULAR[lang][m.group(1)], text)


def label(key: str, lang: str, **params: Any) -> str:
    """A label by id in `lang`, its parameters filled in (MissingText for an id no table has)."""
    text = lookup(LABELS, "label", key, lang)
    return grammar(text.format(**params), lang) if params else text


@lru_cache(maxsize=65536)
def explain(reason: Why, lang: str) -> str:
    """Render a language-free explanation; nested explanations (parameters that are Why) too.
    (Reasons are immutable and their parts repeat across rows, so renderings are memoised.)"""
    key, params = reason
    values = {k: (explain(v, lang) if _is_why(v) else _text(v, lang)) for k, v in params}
    suffix = ""
    if "owner" in values and key.startswith("assignment"):
        owner = values.pop("owner")
        suffix = lookup(EXPLANATIONS, "explanation", "owner", lang).format(owner=owner) if owner else ""
    return lookup(EXPLANATIONS, "explanation", key, lang).format(**values) + suffix


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


# --------------------------------------------------------------------------- findings


def tr(text: Any, lang: str) -> str:
    """A finding's text in `lang`: a message (svo_cli.messages.T) from its id; any other text as it is."""
    return text.render(lang) if isinstance(text, T) else str(text)


SEVERITY = {"en": {"error": "error", "warning": "warning"}, "sv": {"error": "fel", "warning": "varning"}}


# The words kept beside, by concern, merged into LABELS and EXPLANATIONS once: svo site, remind and arshjul
# (i18n_publish), the meeting pack (i18n_pack), meeting follow-up (i18n_minutes), svo changes and the
# steering-documents appendix (i18n_changes).
CATALOGUES = (("i18n_publish", "PUBLISH", None), ("i18n_pack", "PACK", None),
              ("i18n_minutes", "MINUTES_LABELS", "MINUTES_EXPLANATIONS"), ("i18n_changes", "CHANGES", None))


def _merge_catalogues() -> None:
    from importlib import import_module

    for module_name, labels, explanations in CATALOGUES:
        module = import_module(f"svo_cli.{module_name}")
        for lang in LANGS:
            LABELS[lang].update(getattr(module, labels)[lang])
            if explanations is not None:
                EXPLANATIONS[lang].update(getattr(module, explanations)[lang])


_merge_catalogues()
