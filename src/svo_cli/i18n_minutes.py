"""The words of meeting follow-up (minutes files: svo check's returning matters, svo show of minutes, the
explanations of their assignments), English and Swedish, merged into i18n's LABELS and EXPLANATIONS."""

from __future__ import annotations

MINUTES_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "sec_returning": "Returning to this meeting",
        "sec_returning_no_meeting": "Returning matters",
        "col_returns": "Returns", "col_from": "From the meeting",
        "returning_next_meeting": "next meeting {date}",
        "returning_missed": "next meeting {date} (passed; still open)",
        "returning_unknown": "next meeting (date not known: no later minutes or meeting recorded)",
        "returning_later": "later (no date given)",
        "returning_due_unknown": "due at the next meeting (date not known: no later minutes or meeting recorded)",
        "summary_returning": "; {n} returning matter(s)",
        "minutes_heading": "{title} ({body}, {date})",
        "minutes_next_meeting": "Next meeting: {date}",
        "minutes_next_unknown": "Next meeting: not known (no later minutes or meeting recorded)",
        "minutes_items": "Items on {date}",
        "col_kind_item": "Kind", "col_state_item": "State", "col_follow_up": "Follow-up",
        "item_decision": "decision", "item_assignment": "assignment", "item_information": "information",
        "item_referral": "referral",
        "item_state_open": "open", "item_state_done": "done", "item_state_dropped": "dropped",
        "item_state_recorded": "recorded", "item_state_carried": "open (carried)",
        "item_due_next": "next meeting ({date})", "item_due_next_unknown": "next meeting (date not known)",
        "item_returns_next": "returns to the next meeting", "item_returns_later": "returns later",
        "chain_step": "{date} {id}: {status}",
        "minutes_follow_ups_here": "Follow-ups recorded at this meeting",
        "status_done": "done", "status_carried": "carried", "status_dropped": "dropped",
    },
    "sv": {
        "sec_returning": "Återkommer till mötet",
        "sec_returning_no_meeting": "Ärenden som återkommer",
        "col_returns": "Återkommer", "col_from": "Från mötet",
        "returning_next_meeting": "nästa möte {date}",
        "returning_missed": "nästa möte {date} (passerat; fortfarande öppet)",
        "returning_unknown": "nästa möte (datum okänt: inga senare mötesanteckningar eller möten registrerade)",
        "returning_later": "senare (inget datum angivet)",
        "returning_due_unknown": "senast nästa möte (datum okänt: inga senare mötesanteckningar eller möten "
                                 "registrerade)",
        "summary_returning": "; {n} ärende(n) återkommer",
        "minutes_heading": "{title} ({body}, {date})",
        "minutes_next_meeting": "Nästa möte: {date}",
        "minutes_next_unknown": "Nästa möte: okänt (inga senare mötesanteckningar eller möten registrerade)",
        "minutes_items": "Punkter {date}",
        "col_kind_item": "Typ", "col_state_item": "Läge", "col_follow_up": "Uppföljning",
        "item_decision": "beslut", "item_assignment": "uppdrag", "item_information": "information",
        "item_referral": "remiss/vidare",
        "item_state_open": "öppen", "item_state_done": "klar", "item_state_dropped": "avskriven",
        "item_state_recorded": "antecknad", "item_state_carried": "öppen (ligger kvar)",
        "item_due_next": "nästa möte ({date})", "item_due_next_unknown": "nästa möte (datum okänt)",
        "item_returns_next": "återkommer till nästa möte", "item_returns_later": "återkommer senare",
        "chain_step": "{date} {id}: {status}",
        "minutes_follow_ups_here": "Uppföljningar vid det här mötet",
        "status_done": "klar", "status_carried": "ligger kvar", "status_dropped": "avskriven",
    },
}

MINUTES_EXPLANATIONS: dict[str, dict[str, str]] = {
    "en": {
        "assignment_minutes": "assignment of the meeting {meeting}: {title}; due by {due}",
        "assignment_minutes_next": "assignment of the meeting {meeting}: {title}; due at the next meeting {next}",
        "minutes_carried": "{text} (carried)",
    },
    "sv": {
        "assignment_minutes": "uppdrag från mötet {meeting}: {title}; senast {due}",
        "assignment_minutes_next": "uppdrag från mötet {meeting}: {title}; senast till nästa möte {next}",
        "minutes_carried": "{text} (ligger kvar)",
    },
}
