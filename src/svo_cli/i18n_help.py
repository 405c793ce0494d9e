"""The command line's own words in English and Swedish: command summaries, option help, help headings, by id.
Imports nothing from svo_cli; `svo_cli.text.text(id, lang)` finds every one (`cli.texts.help_text`)."""

from __future__ import annotations

HELP: dict[str, dict[str, str]] = {
    "en": {
        "app": "Agreement-lifecycle checker for the health- and social-care cooperation in Östergötland.",
        # command summaries (whole sentences) and their longer help
        "status.short": "Shows every agreement's state on the date.",
        "status": "Every agreement's state on the date: term in force, end, next notice deadline.",
        "deadlines.short": "Lists the deadlines in a window, and everything overdue.",
        "deadlines": "Every dated obligation in the window (default 90 days), soonest first, plus everything "
                     "overdue.",
        "show.short": "Shows one agreement or work plan in full.",
        "show": "One agreement or work plan in full: terms or adoption, deadlines, events and source quote.",
        "plans.short": "Shows each work plan's adoption, assignments and next meeting.",
        "plans": "Each work plan's state, adoption progress, assignments and next meeting.",
        "check.short": "Checks what needs attention before a meeting.",
        "check": "The pre-meeting check: decisions needed now, then everything that needs attention from the "
                 "date through the meeting. Exit 1 when anything is overdue (see --fail-on).",
        "calendar.short": "Writes the deadlines as a calendar file for Outlook.",
        "calendar": "An iCalendar (RFC 5545) file of every deadline in the window (default 365 days), for "
                    "Outlook and other calendars.",
        "report.short": "Writes a report to bring to a meeting.",
        "report": "A meeting-ready report: summary, decisions, overdue, due by the meeting, agreements, plans, "
                  "timeline.",
        "timeline.short": "Draws every agreement's terms as a timeline.",
        "timeline": "Every agreement's terms, notice deadlines and today, as a picture in the terminal.",
        "arshjul.short": "Draws the year's dates as an annual wheel (årshjul).",
        "arshjul": "The year as a wheel of twelve months: meetings, board decisions, notice deadlines, follow-ups, "
                   "adoptions and assignments on their days, by kind; every date listed under the wheel.",
        "year": "The year to draw (default: the year of the date).",
        "site.short": "Builds a static web site of the register, with calendar feeds.",
        "site": "A static web site (no server, no script): an overview, a page per principal, agreement and plan, "
                "the annual wheel, and a calendar feed per principal at kalender/<principal>.ics. Swedish at the "
                "root, English under en/.",
        "site_output": "The directory to write the site to (made when missing; never inside the data directory).",
        "remind.short": "Mails the day's reminders to the principals' contacts.",
        "remind": "One digest mail per principal with contacts in parties.yaml, listing its milestones that fall on "
                  "the date (DAYS before each decide-by and act-by), and on Mondays what is overdue. Dry run into "
                  "-o DIR as .eml files; --send sends them over SMTP (SVO_SMTP_HOST, _PORT, _USER, _PASSWORD, "
                  "STARTTLS unless SVO_SMTP_STARTTLS=0).",
        "at": "Days before each decide-by and act-by day to remind on, comma-separated.",
        "remind_output": "Write the mails as .eml files into this directory (a dry run).",
        "send": "Send the mails over SMTP (settings from SVO_SMTP_*; credentials never printed).",
        "schema.short": "Prints the JSON Schema of a data file.",
        "schema": "JSON Schema (2020-12) of a data file, for editor completion and checks while typing.",
        "validate.short": "Checks the data files.",
        "validate": "Check data files: YAML, keys, dates, references, quotes, provenance, self-tests. Exit 1 on "
                    "errors.",
        # options
        "version": "Show the version and exit.",
        "help": "Show this message and exit.",
        "install_completion": "Install completion for the current shell.",
        "show_completion": "Show completion for the current shell, to copy it or customise the installation.",
        "data": "Data directory (default: $SVO_DATA, else the nearest directory upwards holding parties.yaml "
                "and agreements/, else ./data).",
        "as_of": "The date to compute for, YYYY-MM-DD or today (default: today in Europe/Stockholm).",
        "format": "The output format (default: the one the --output file's extension names, else {default}).",
        "format.csv-excel": "csv-excel: semicolons and a byte-order mark, for Excel with Swedish settings.",
        "format.github": "github: workflow annotations.",
        "lang": "sv or en (default: Swedish when the locale is Swedish, else English).",
        "output": "Write to this file (atomically; '-' is standard output).",
        "template": "docx: build on this Word document (.docx): its styles, page set-up, letterhead and header.",
        "within": "Window length in days.",
        "until": "Last day of the window.",
        "party": "Only what concerns this principal or group (directly or through a group).",
        "responsible": "Only agreements and plans whose responsible or owner contains TEXT.",
        "kind": "Only agreements of this kind (avtal, överenskommelse, …); repeatable.",
        "body": "Only this body's work plans and meetings (SVO, LGVO).",
        "meeting_option": "The meeting to prepare for.",
        "next_meeting": "The next meeting in the work plans.",
        "horizon_option": "Days past the meeting to include (default 0; 30 from the date when there is no meeting).",
        "since": "List what renewed silently after this day (default: the last work-plan meeting before the "
                 "date, else 30 days before it).",
        "fail_on": "Exit 1 when anything is overdue (default), when anything is overdue or due by the meeting, "
                   "or never.",
        "id": "The agreement's or work plan's id (its file name).",
        "years": "How many years ahead to show terms and deadlines.",
        "remind_days": "Reminders this many days before every event, e.g. 28,7 (0: none; default: 14 before the day "
                  "to act, 28 and 7 before the day the boards must decide).",
        "on": "Put each event on the last working day to act (act-by, default) or on the legal deadline itself.",
        "years_back": "Years shown before the date.",
        "years_ahead": "Years shown after the date.",
        "all": "Include agreements no longer in force.",
        "schema_kind": "Which data file.",
        "paths": "Files or directories (default: the data directory).",
        "strict": "Treat warnings as errors.",
        "sources": "Check every quote against the documents' plain text in DIR.",
        "max_age": "Warn when a file was last verified against its source longer ago than this.",
        "quiet": "Print nothing when there is no finding.",
        "check_name": "Run only this check (see --list-checks); repeatable. Findings from reading the files are always "
                 "reported.",
        "list_checks": "List the checks: name, the codes each reports, what it checks.",
        # headings of the help page
        "h.usage": "Usage:", "h.options": "Options", "h.arguments": "Arguments", "h.commands": "Commands",
        "h.default": "default", "h.required": "required", "h.options_metavar": "[OPTIONS]",
        "h.command_metavar": "COMMAND [ARGS]...",
    },
    "sv": {
        "app": "Håller koll på överenskommelserna i samverkan kring vård och omsorg i Östergötland.",
        "status.short": "Visar varje överenskommelses läge på datumet.",
        "status": "Varje överenskommelses läge på datumet: gällande period, slut, nästa sista dag för uppsägning.",
        "deadlines.short": "Listar tidsgränserna i ett fönster, och allt som är försenat.",
        "deadlines": "Varje daterad skyldighet i fönstret (90 dagar om inget anges), närmast först, och allt som "
                     "är försenat.",
        "show.short": "Visar en överenskommelse eller arbetsplan i sin helhet.",
        "show": "En överenskommelse eller arbetsplan i sin helhet: perioder eller antagande, tidsgränser, "
                "händelser och källcitat.",
        "plans.short": "Visar varje arbetsplans antagande, uppdrag och nästa möte.",
        "plans": "Varje arbetsplans läge, huvudmännens antagande, uppdrag och nästa möte.",
        "check.short": "Kontrollerar vad som behöver göras före ett möte.",
        "check": "Kontrollen inför mötet: beslut som behövs nu, sedan allt som behöver göras från datumet till "
                 "och med mötet. Slutkod 1 när något är försenat (se --fail-on).",
        "calendar.short": "Skriver tidsgränserna som en kalenderfil för Outlook.",
        "calendar": "En iCalendar-fil (RFC 5545) med varje tidsgräns i fönstret (365 dagar om inget anges), "
                    "för Outlook och andra kalendrar.",
        "report.short": "Skriver en rapport att ta med till ett möte.",
        "report": "En rapport inför mötet: sammanfattning, beslut, försenat, att göra före mötet, "
                  "överenskommelser, arbetsplaner, tidslinje.",
        "timeline.short": "Ritar varje överenskommelses perioder som en tidslinje.",
        "timeline": "Varje överenskommelses perioder, uppsägningsdagar och dagens datum, som en bild i "
                    "terminalen.",
        "arshjul.short": "Ritar årets datum som ett årshjul.",
        "arshjul": "Året som ett hjul med tolv månader: möten, beslut i nämnderna, sista dag för uppsägning, "
                   "uppföljningar, antaganden och uppdrag på sina dagar, efter slag; alla datum listas under hjulet.",
        "year": "Året som ritas (standard: datumets år).",
        "site.short": "Bygger en statisk webbplats av registret, med kalenderflöden.",
        "site": "En statisk webbplats (ingen server, inga skript): en översikt, en sida per huvudman, "
                "överenskommelse och plan, årshjulet och ett kalenderflöde per huvudman i "
                "kalender/<huvudman>.ics. Svenska i roten, engelska under en/.",
        "site_output": "Katalogen webbplatsen skrivs till (skapas om den saknas; aldrig i datakatalogen).",
        "remind.short": "Skickar dagens påminnelser till huvudmännens kontakter.",
        "remind": "Ett samlingsbrev per huvudman med kontakter i parties.yaml, med de av dess hållpunkter som "
                  "infaller på datumet (DAGAR före varje beslutsdag och sista dag att agera), och på måndagar det "
                  "som är försenat. Provkörning till -o KATALOG som .eml-filer; --send skickar via SMTP "
                  "(SVO_SMTP_HOST, _PORT, _USER, _PASSWORD, STARTTLS om inte SVO_SMTP_STARTTLS=0).",
        "at": "Dagar före varje beslutsdag och sista dag att agera att påminna på, kommaseparerade.",
        "remind_output": "Skriv breven som .eml-filer i denna katalog (provkörning).",
        "send": "Skicka breven via SMTP (inställningar från SVO_SMTP_*; inloggningsuppgifter skrivs aldrig ut).",
        "schema.short": "Skriver ut JSON-schemat för en datafil.",
        "schema": "JSON-schema (2020-12) för en datafil, för komplettering och kontroll i editorn.",
        "validate.short": "Kontrollerar datafilerna.",
        "validate": "Kontrollera datafiler: YAML, nycklar, datum, hänvisningar, citat, källor, självtester. "
                    "Slutkod 1 vid fel.",
        "version": "Visa versionen och avsluta.",
        "help": "Visa den här hjälpen och avsluta.",
        "install_completion": "Installera komplettering för det aktuella skalet.",
        "show_completion": "Visa kompletteringen för det aktuella skalet, för att kopiera den eller anpassa "
                           "installationen.",
        "data": "Datakatalog (annars $SVO_DATA, annars närmaste katalog uppåt med parties.yaml och agreements/, "
                "annars ./data).",
        "as_of": "Datumet att räkna för, ÅÅÅÅ-MM-DD eller idag (annars dagens datum i Europe/Stockholm).",
        "format": "Utdataformatet (annars det som --output-filens filändelse anger, annars {default}).",
        "format.csv-excel": "csv-excel: semikolon och byte-order mark, för Excel med svenska inställningar.",
        "format.github": "github: annoteringar i arbetsflöden.",
        "lang": "sv eller en (annars svenska när systemets språk är svenska, annars engelska).",
        "output": "Skriv till den här filen (atomärt; '-' är standard ut).",
        "template": "docx: bygg på det här Word-dokumentet (.docx): dess formatmallar, sidinställningar, brevhuvud "
                    "och sidhuvud.",
        "within": "Fönstrets längd i dagar.",
        "until": "Fönstrets sista dag.",
        "party": "Bara det som rör den här huvudmannen eller gruppen (direkt eller genom en grupp).",
        "responsible": "Bara överenskommelser och planer vars ansvarig eller ägare innehåller TEXT.",
        "kind": "Bara överenskommelser av det här slaget (avtal, överenskommelse, …); kan upprepas.",
        "body": "Bara det här organets arbetsplaner och möten (SVO, LGVO).",
        "meeting_option": "Mötet att förbereda.",
        "next_meeting": "Nästa möte i arbetsplanerna.",
        "horizon_option": "Dagar efter mötet att ta med (annars 0; 30 från datumet när inget möte anges).",
        "since": "Lista det som förlängts i tysthet efter den här dagen (annars arbetsplanernas senaste möte "
                 "före datumet, annars 30 dagar före det).",
        "fail_on": "Slutkod 1 när något är försenat (standard), när något är försenat eller ska vara klart till "
                   "mötet, eller aldrig.",
        "id": "Överenskommelsens eller arbetsplanens id (filens namn).",
        "years": "Hur många år framåt perioder och tidsgränser visas.",
        "remind_days": "Påminnelser så här många dagar före varje händelse, t.ex. 28,7 (0: ingen; standard: 14 före "
                  "dagen att agera, 28 och 7 före dagen då nämnderna senast ska besluta).",
        "on": "Lägg varje händelse på sista arbetsdagen att agera (act-by, standard) eller på själva "
              "tidsgränsen (deadline).",
        "years_back": "År som visas före datumet.",
        "years_ahead": "År som visas efter datumet.",
        "all": "Ta med överenskommelser som inte längre gäller.",
        "schema_kind": "Vilken datafil.",
        "paths": "Filer eller kataloger (annars datakatalogen).",
        "strict": "Behandla varningar som fel.",
        "sources": "Kontrollera varje citat mot dokumentens text i DIR.",
        "max_age": "Varna när en fil senast kontrollerades mot sin källa för längre sedan än så här.",
        "quiet": "Skriv ingenting när det inte finns några fynd.",
        "check_name": "Kör bara den här kontrollen (se --list-checks); kan upprepas. Fynd från läsningen av filerna "
                 "rapporteras alltid.",
        "list_checks": "Lista kontrollerna: namn, koderna var och en rapporterar, vad den kontrollerar.",
        "h.usage": "Användning:", "h.options": "Flaggor", "h.arguments": "Argument", "h.commands": "Kommandon",
        "h.default": "standard", "h.required": "krävs", "h.options_metavar": "[FLAGGOR]",
        "h.command_metavar": "KOMMANDO [ARGUMENT]...",
    },
}

# svo changes and svo status --view register
HELP["en"].update({
    "changes.short": "Shows what changed in the register between two git revisions.",
    "changes": "The data directory at two git revisions (--since REV or DATE: the last commit on or before that "
               "day; --until REV, default the working tree), both computed on the date: per agreement and plan "
               "added, removed, superseded, the dates that moved (old → new), what was recorded, the quotes that "
               "changed. Exit 1 when either version has data errors, 2 when the directory is not in git.",
    "changes_since": "The earlier version: a git revision (HEAD~1, origin/main, a commit) or a date YYYY-MM-DD "
                     "(the last commit on or before that day, Stockholm time).",
    "changes_until": "The later version: a git revision (default: the working tree, uncommitted edits included).",
    "view": "agreements (default): each agreement's state; register: the steering-documents appendix of the work "
            "plans (document, kind, validity, notice and renewal, next deadline, follow-up, responsible, source).",
    "status_all": "--view register: include ended documents (superseded, expired, terminated).",
})
HELP["sv"].update({
    "changes.short": "Visar vad som ändrats i registret mellan två git-revisioner.",
    "changes": "Datakatalogen vid två git-revisioner (--since REV eller DATUM: den sista incheckningen den dagen "
               "eller tidigare; --until REV, annars arbetskopian), båda beräknade på datumet: per överenskommelse "
               "och plan tillagd, borttagen, ersatt, datum som flyttats (före → efter), vad som registrerats, "
               "citat som ändrats. Slutkod 1 när någon version har fel i datan, 2 när katalogen inte ligger i git.",
    "changes_since": "Den tidigare versionen: en git-revision (HEAD~1, origin/main, en incheckning) eller ett datum "
                     "ÅÅÅÅ-MM-DD (den sista incheckningen den dagen eller tidigare, svensk tid).",
    "changes_until": "Den senare versionen: en git-revision (standard: arbetskopian, med ändringar som inte "
                     "checkats in).",
    "view": "agreements (standard): varje överenskommelses läge; register: arbetsplanernas bilaga över "
            "styrdokument (dokument, slag, giltighetstid, uppsägning och förlängning, nästa tidsgräns, "
            "uppföljning, ansvar, källa).",
    "status_all": "--view register: ta med upphörda dokument (ersatta, utgångna, uppsagda).",
})
