"""A decision's options in words (rule 16g): one line per choice for the tables, and the proposed decision
("Förslag till beslut") naming every choice, for the Word document."""

from __future__ import annotations

from datetime import date
from typing import Any, Mapping

from svo_cli.i18n import label, prose_date
from svo_cli.kinds import option_key, proposal_key
from svo_cli.obligations import Deadline, Option


def _day(value: date | None, lang: str, approximate: bool = False, prose: bool = False) -> str:
    if value is None:
        return label("opt_unknown", lang)
    text = prose_date(value, lang) if prose else value.isoformat()
    return text + (" ~" if approximate else "")


def option_text(o: Option, lang: str, names: Mapping[str, str] | None = None) -> str:
    """"continue → bound until 2029-12-31", "notice by 2026-12-30 → last day 2027-12-31", "adopt by … →
    adopted by 0 of 14; missing: …"."""
    params: dict[str, Any] = {"act_by": _day(o.act_by, lang), "date": _day(o.leads_to, lang, o.approximate)}
    if o.outcome == "adopted":
        params.update(k=o.adopted or 0, n=o.required or 0)
    text = label(option_key(o.choice, o.outcome), lang, **params)
    if o.missing:
        text += label("opt_missing", lang, names=", ".join((names or {}).get(p, p) for p in o.missing))
    return text


def options_text(d: Deadline, lang: str, names: Mapping[str, str] | None = None, sep: str = "; ") -> str:
    """Every option of a row, joined (empty for a row without options)."""
    return sep.join(option_text(o, lang, names) for o in d.options)


def proposal(d: Deadline, lang: str, body: str | None) -> str:
    """The proposed decision naming every option, in prose dates, for the meeting document to edit: "SVO
    rekommenderar varje huvudman att besluta att [välj ett alternativ] låta överenskommelsen fortsätta
    (bindande till 31 december 2029) eller säga upp den senast 30 december 2026 (sista dag 31 december
    2027)."."""
    phrases = [label(proposal_key(o.choice, o.outcome), lang, act_by=_day(o.act_by, lang, prose=True),
                     date=_day(o.leads_to, lang, o.approximate, prose=True)) for o in d.options]
    if [o.choice for o in d.options] == ["adopt"]:
        phrases.append(label("prop_not_adopt", lang))
    intro = label("prop_intro_body", lang, body=body) if body else label("prop_intro", lang)
    choose = label("prop_choose", lang) + " " if len(phrases) > 1 else ""
    return intro + choose + label("prop_or", lang).join(phrases) + "."
