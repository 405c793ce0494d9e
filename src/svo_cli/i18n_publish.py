"""The words of publishing: svo arshjul, svo site and svo remind, in English and Swedish (merged into
i18n.LABELS: `label(key, lang)` finds them)."""

from __future__ import annotations

PUBLISH: dict[str, dict[str, str]] = {
    "en": {
        # the årshjul
        "aj_title": "Annual wheel {year}",
        "aj_desc": "The year as a wheel of twelve months, January at the top, clockwise: {n} dated obligations on "
                   "rings by kind; every one is listed by month below the wheel.",
        "aj_today": "today {date}",
        "aj_list": "Every date of the year",
        "aj_none": "nothing",
        "aj_decide_by": "boards decide by",
        "aj_ring_meeting": "Meetings, agendas, minutes",
        "aj_ring_decide_by": "Board decisions due",
        "aj_ring_notice": "Notice deadlines, term ends",
        "aj_ring_followup": "Follow-ups",
        "aj_ring_adoption": "Work-plan adoption",
        "aj_ring_assignment": "Assignments",
        "aj_no_png": "--output {path}: svo draws the annual wheel as SVG or HTML (no raster library is "
                     "installed with svo); use one of: svg, html — a browser prints either, and converts to PNG",
    },
    "sv": {
        "aj_title": "Årshjul {year}",
        "aj_desc": "Året som ett hjul med tolv månader, januari överst, medurs: {n} daterade åtaganden på ringar "
                   "efter slag; alla står per månad under hjulet.",
        "aj_today": "i dag {date}",
        "aj_list": "Årets alla datum",
        "aj_none": "inget",
        "aj_decide_by": "beslut senast",
        "aj_ring_meeting": "Möten, dagordningar, protokoll",
        "aj_ring_decide_by": "Beslut i huvudmännens nämnder",
        "aj_ring_notice": "Sista dag för uppsägning, avtalstidens slut",
        "aj_ring_followup": "Uppföljningar",
        "aj_ring_adoption": "Antagande av arbetsplan",
        "aj_ring_assignment": "Uppdrag",
        "aj_no_png": "--output {path}: svo ritar årshjulet som SVG eller HTML (inget rastreringsbibliotek "
                     "följer med svo); välj bland: svg, html — en webbläsare skriver ut båda och kan spara som PNG",
    },
}
