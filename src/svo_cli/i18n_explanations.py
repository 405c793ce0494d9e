"""How each date arose, in words (`i18n.explain` renders a language-free explanation with these), in
English and Swedish."""

from __future__ import annotations

EXPLANATIONS: dict[str, dict[str, str]] = {
    "en": {
        "why_notice_deadline": "last day to give {written}notice for term {term}: term end {term_end_earliest} minus "
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
        "why_followup": "follow-up '{what}': {rule}",
        "followup_done": "follow-up '{what}': {rule}; done {done}",
        "rule_every": "every {every} from {first}",
        "rule_every_k": "every {every} from {first} (occurrence {k})",
        "rule_mandate": "end of the council term {start}–{end}",
        "rule_due": "due by {due}",
        "why_adoption": "no adoption decision recorded for {name}; adoption due by {due}",
        "adoption_group": "adoption recorded for {k} of {n} principals (due by {due}); none recorded: {missing}",
        "adoption_prepared": "no adoption decision recorded for {name}; adoption due by {due}; prepared {prepared}",
        "why_assignment": "assignment ({area}): {what}; due by {due}",
        "owner": "; owner {owner}",
        "why_agenda": "agenda out for '{title}' {date}: {before} before, on a working day",
        "why_meeting": "meeting '{title}'",
        "why_conference": "conference '{title}'",
        "why_minutes": "minutes of '{title}' {date} final {after} after, unless comments came in",
        "notice_deadline_period": "last day to give {written}notice for term {term}: notice given on it with "
                                  "{period}'s notice{to_end} runs out by the term end {term_end_earliest}; otherwise "
                                  "the agreement {renews} after {term_end}",
        "to_end_of_month": " to the end of a month",
        "to_end_of_quarter": " to the end of a quarter",
        "to_end_of_half_year": " to the end of a half-year",
        "to_end_of_year": " to the end of a year",
        "reason_capped": "the last of at most {max} renewals",
        "reason_option_lapsed": "the option to extend was not used by {deadline}",
        "reason_latest_end": "it runs at the latest through {date}",
        "reason_ends_with": "it ends with {id}",
        "reason_option_capped": "the last of at most {max} extensions by the option",
        "why_option_deadline": "last day to use the option to extend term {term} by {every}: {rule}; otherwise the "
                           "agreement ends after {term_end}{left}",
        "option_rule_before": "term end {term_end_earliest} minus {before_end}",
        "option_rule_end": "the term end {term_end_earliest}",
        "option_left": " ({n} extension(s) left)",
        "term_end_option_used": "term {term} ends {end}; extended by {every} from {next} (option used {used})",
        "term_end_option_open": "term {term} ends {end}; the agreement goes on for {every} only if the option to "
                                "extend is used by {deadline}, otherwise it ends",
        "reason_terminated_on": "terminated by a decision of {date}",
        "reason_withdrawn": "fewer than two parties remain after notices of withdrawal",
        "why_withdrawal": "{party} leaves the agreement: notice of withdrawal given {date}, last day as a party {last} "
                      "(term {term})",
        "coarse": "{text} [coarse: {dates}]",
        "coarse_pair": "{a}, {b}", "coarse_first": "first {spec}",
        "coarse_due": "due {spec}", "coarse_followup_done": "followup_done {spec}",
        "coarse_valid_from": "valid_from {spec}", "coarse_valid_until": "valid_until {spec}",
        "coarse_notice": "notice {spec}", "coarse_extended": "extended {spec}",
        "coarse_extended_until": "extended until {spec}", "coarse_terminated": "terminated {spec}",
        "coarse_terminated_effective": "terminated effective {spec}", "coarse_latest_end": "latest_end {spec}",
        "coarse_supersession": "supersession {id} valid_from {spec}",
        "earlier_overdue": "{text}; {n} earlier occurrences also overdue, the oldest due {oldest}",
        "why_unrecorded": "follow-up '{what}': {rule}; {n} earlier follow-ups without a record since {oldest}, the "
                      "latest due {latest} (due before the register's records begin: neither done nor overdue)",
        "unrecorded_one": "follow-up '{what}': {rule}; no record of the one due {latest} (due before the register's "
                          "records begin: neither done nor overdue)",
        "unrecorded_plan": "{text}; no record (due {latest}, before the register's records begin: neither done nor "
                           "overdue)",
        "rule_before_notice_end": "the notice deadline {deadline} of term {term}, counted from its end {end}",
        "rule_before_notice_lead_end": "{lead} before the notice deadline {deadline} of term {term}, counted from "
                                       "its end {end}",
    },
    "sv": {
        "why_notice_deadline": "sista dag för {written}uppsägning under period {term}: periodens slut {term_end_earliest} "
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
        "why_followup": "uppföljning '{what}': {rule}",
        "followup_done": "uppföljning '{what}': {rule}; klar {done}",
        "rule_every": "med {every}s intervall från {first}",
        "rule_every_k": "med {every}s intervall från {first} (tillfälle {k})",
        "rule_mandate": "mandatperiodens slut {start}–{end}",
        "rule_due": "senast {due}",
        "why_adoption": "inget beslut om antagande registrerat för {name}; beslut senast {due}",
        "adoption_group": "antagande registrerat för {k} av {n} huvudmän (senast {due}); inget beslut registrerat: {missing}",
        "adoption_prepared": "inget beslut om antagande registrerat för {name}; beslut senast {due}; beredd {prepared}",
        "why_assignment": "uppdrag ({area}): {what}; senast {due}",
        "owner": "; ansvar {owner}",
        "why_agenda": "dagordning för '{title}' {date} skickas ut: {before} före, på en arbetsdag",
        "why_meeting": "möte '{title}'",
        "why_conference": "konferens '{title}'",
        "why_minutes": "mötesanteckningar från '{title}' {date} fastställs {after} efter, om inga synpunkter inkommit",
        "notice_deadline_period": "sista dag för {written}uppsägning under period {term}: en uppsägning den dagen med "
                                  "{period}s uppsägningstid{to_end} löper ut senast vid periodens slut "
                                  "{term_end_earliest}; annars {renews} efter {term_end}",
        "to_end_of_month": " till slutet av en månad",
        "to_end_of_quarter": " till slutet av ett kvartal",
        "to_end_of_half_year": " till slutet av ett halvår",
        "to_end_of_year": " till slutet av ett år",
        "reason_capped": "den sista av högst {max} förlängningar",
        "reason_option_lapsed": "möjligheten till förlängning utnyttjades inte senast {deadline}",
        "reason_latest_end": "det gäller längst till och med {date}",
        "reason_ends_with": "det upphör med {id}",
        "reason_option_capped": "den sista av högst {max} förlängningar genom option",
        "why_option_deadline": "sista dag att utnyttja möjligheten att förlänga period {term} med {every}: {rule}; "
                           "annars upphör avtalet efter {term_end}{left}",
        "option_rule_before": "periodens slut {term_end_earliest} minus {before_end}",
        "option_rule_end": "periodens slut {term_end_earliest}",
        "option_left": " ({n} förlängning(ar) kvar)",
        "term_end_option_used": "period {term} slutar {end}; förlängd med {every} från {next} (option utnyttjad {used})",
        "term_end_option_open": "period {term} slutar {end}; avtalet fortsätter {every} bara om möjligheten till "
                                "förlängning utnyttjas senast {deadline}, annars upphör det",
        "reason_terminated_on": "avslutad genom beslut {date}",
        "reason_withdrawn": "färre än två parter återstår efter uppsägningar av deltagandet",
        "why_withdrawal": "{party} lämnar överenskommelsen: uppsägning av deltagandet {date}, sista dag som part {last} "
                      "(period {term})",
        "coarse": "{text} [ungefärligt: {dates}]",
        "coarse_pair": "{a}, {b}", "coarse_first": "första gången {spec}",
        "coarse_due": "senast {spec}", "coarse_followup_done": "klar {spec}", "coarse_valid_from": "gäller från {spec}",
        "coarse_valid_until": "gäller till {spec}", "coarse_notice": "uppsägning {spec}",
        "coarse_extended": "förlängt {spec}", "coarse_extended_until": "förlängt till {spec}",
        "coarse_terminated": "avslutat {spec}", "coarse_terminated_effective": "avslutas {spec}",
        "coarse_latest_end": "gäller längst {spec}",
        "coarse_supersession": "ersätts av {id} som gäller från {spec}",
        "earlier_overdue": "{text}; ytterligare {n} tidigare tillfälle(n) är också försenade, det äldsta skulle vara "
                           "klart {oldest}",
        "why_unrecorded": "uppföljning '{what}': {rule}; {n} tidigare uppföljningar utan registrering sedan {oldest}, "
                      "den senaste skulle vara klar {latest} (före registrets första uppgifter: varken klara eller "
                      "försenade)",
        "unrecorded_one": "uppföljning '{what}': {rule}; ingen registrering av den som skulle vara klar {latest} "
                          "(före registrets första uppgifter: varken klar eller försenad)",
        "unrecorded_plan": "{text}; ingen registrering (skulle vara klart {latest}, före registrets första uppgifter: "
                           "varken klart eller försenat)",
        "rule_before_notice_end": "sista uppsägningsdag {deadline} för period {term}, räknad från periodens slut {end}",
        "rule_before_notice_lead_end": "{lead} före sista uppsägningsdag {deadline} för period {term}, räknad från "
                                       "periodens slut {end}",
    },
}
