"""The findings' words for minutes files (data/minutes/), English and Swedish, merged into
messages.FINDINGS. Imports nothing from svo_cli."""

from __future__ import annotations

MINUTES_FINDINGS: dict[str, dict[str, str]] = {
    "en": {
        "check_about_minutes": "minutes: ids, follow-ups of earlier items, dues after the meeting, related ids",
        "minutes_owner_due_only_assignment": "'owner' and 'due' go with kind 'assignment'",
        "minutes_follows_needs_status": "'follows' and 'status' go together: an item that follows up an earlier "
                                        "one says whether it is done, carried or dropped",
        "minutes_item_needs_source": "needs 'source:' (with a verbatim quote) or 'assumed: <why>'",
        "minutes_unknown_follows": "follows '{target}': {detail}",
        "minutes_no_such_minutes": "no minutes file has the id '{id}'",
        "minutes_no_such_item": "the minutes '{id}' have no item '{item}'",
        "minutes_follows_hint": "write <minutes-id>/<item-id> of an earlier meeting's item",
        "minutes_due_before_meeting": "due {due} ends before the meeting {date} it was decided at",
        "minutes_next_not_after": "next meeting {next} is not after the meeting {date}",
        "minutes_check_date": "check the year: a date before the meeting cannot be its due date",
        "minutes_duplicate_item": "duplicate item id '{id}' in these minutes",
        "minutes_give_each_id": "give each item its own id",
        "minutes_follows_not_earlier": "follows '{target}' of a meeting on {date}, not before this one ({own})",
        "minutes_follow_earlier": "an item can only follow up an item of an earlier meeting",
        "minutes_unknown_related": "related '{id}' is no agreement, work plan or minutes id",
        "minutes_related_hint": "use the id of an agreement, a work plan or minutes",
        "minutes_id_mismatch": "id '{id}' differs from the file name '{stem}'",
        "minutes_id_taken": "id '{id}' is also the id of {what}: svo show can show only one",
        "minutes_rename": "rename the file or change the id",
        "minutes_followed_after_closed": "follows '{target}', closed as {status} on {date} already: this changes "
                                         "nothing",
        "minutes_follow_open_item": "follow up the item where it is still open, or remove this follow-up",
    },
    "sv": {
        "check_about_minutes": "mötesanteckningar: id, uppföljning av tidigare punkter, tidpunkter efter mötet, "
                               "relaterade id",
        "minutes_owner_due_only_assignment": "'owner' och 'due' hör ihop med kind 'assignment'",
        "minutes_follows_needs_status": "'follows' och 'status' hör ihop: en punkt som följer upp en tidigare "
                                        "anger om den är klar, ligger kvar eller har avskrivits",
        "minutes_item_needs_source": "behöver 'source:' (med ett ordagrant citat) eller 'assumed: <varför>'",
        "minutes_unknown_follows": "follows '{target}': {detail}",
        "minutes_no_such_minutes": "inga mötesanteckningar har id '{id}'",
        "minutes_no_such_item": "mötesanteckningarna '{id}' har ingen punkt '{item}'",
        "minutes_follows_hint": "skriv <mötes-id>/<punkt-id> för en punkt från ett tidigare möte",
        "minutes_due_before_meeting": "tidpunkten {due} slutar före mötet {date} där uppdraget gavs",
        "minutes_next_not_after": "nästa möte {next} ligger inte efter mötet {date}",
        "minutes_check_date": "kontrollera året: en dag före mötet kan inte vara uppdragets tidpunkt",
        "minutes_duplicate_item": "punkt-id '{id}' förekommer två gånger i mötesanteckningarna",
        "minutes_give_each_id": "ge varje punkt ett eget id",
        "minutes_follows_not_earlier": "follows '{target}' från ett möte {date}, inte före det här ({own})",
        "minutes_follow_earlier": "en punkt kan bara följa upp en punkt från ett tidigare möte",
        "minutes_unknown_related": "related '{id}' är inget id för en överenskommelse, en arbetsplan eller "
                                   "mötesanteckningar",
        "minutes_related_hint": "använd id för en överenskommelse, en arbetsplan eller mötesanteckningar",
        "minutes_id_mismatch": "id '{id}' skiljer sig från filnamnet '{stem}'",
        "minutes_id_taken": "id '{id}' är också id för {what}: svo show kan bara visa en av dem",
        "minutes_rename": "byt namn på filen eller ändra id",
        "minutes_followed_after_closed": "follows '{target}', som redan avslutades som {status} {date}: det här "
                                         "ändrar ingenting",
        "minutes_follow_open_item": "följ upp punkten där den fortfarande är öppen, eller ta bort uppföljningen",
    },
}
