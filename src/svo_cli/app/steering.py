"""`svo status --view register`: the steering-documents appendix the work plans end with ("Bilaga 2
Gemensamma styrdokument", "Bilaga 7 Överenskommelser och avtal"), written from the register: per agreement
its document, kind, validity as svo computes it (or "tills vidare"), its notice and renewal clauses in words,
the next notice (or option) deadline, the follow-ups, the responsible group and the source. In Swedish
alphabetical order of the titles; ended ones (superseded, expired, terminated) only with --all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from svo_cli.app.loading import Checked, load
from svo_cli.app.requests import Request
from svo_cli.app.results import Result
from svo_cli.app.views import agreement_statuses, check_filters, kept, source_line, swedish_order
from svo_cli.i18n import duration_text, label
from svo_cli.kinds import ENDED, unit_key
from svo_cli.model import Agreement

if TYPE_CHECKING:
    from svo_cli.text_keys import LabelKey


@dataclass(frozen=True)
class SteeringRow:
    """One document of the appendix, its words in the output language (the dates typed)."""

    id: str
    title: str
    kind: str
    status: str
    valid_from: date
    valid_until: date | None  # the current term's end, or the known end (None: until further notice)
    term: int | None
    validity: str
    notice: str
    renewal: str
    next_deadline: date | None
    next_deadline_kind: str | None  # notice_deadline, option_deadline
    followup: str
    responsible: str | None
    source: str
    assumed: bool = False
    approximate: bool = False


@dataclass(frozen=True)
class SteeringResult(Result):
    rows: tuple[SteeringRow, ...]
    left_out: int = 0  # ended documents left out (without --all)
    all: bool = False


def _notice(a: Agreement, lang: str) -> str:
    n = a.notice
    if n is None:
        return label("reg_no_notice", lang)
    written = label("reg_written", lang) if n.written else ""
    if n.before_end is not None:
        text = label("reg_notice_before", lang, written=written, before=duration_text(n.before_end, lang))
    else:
        to_end = label("reg_to_end", lang, unit=label(unit_key(n.to_end_of), lang)) if n.to_end_of else ""
        text = label("reg_notice_period", lang, period=duration_text(n.period, lang), to_end=to_end)
    return text + (label("reg_withdrawal", lang) if n.effect == "withdrawal" else "")


def _renewal(a: Agreement, lang: str) -> str:
    r = a.renewal
    if r is None or a.valid_until is None:
        return label("reg_no_renewal", lang)
    every = duration_text(r.every, lang)
    if r.option is not None:
        return label("reg_option", lang, every=every,
                     max=label("reg_option_max", lang, max=r.max) if r.max is not None else "")
    if r.max is not None:
        return label("reg_renews_max", lang, every=every, max=r.max)
    return label("reg_renews", lang, every=every)


def _followups(a: Agreement, lang: str) -> str:
    parts = []
    for f in a.followups:
        what = " ".join(f.what.split())
        if f.every is not None:
            often = f.every.years == 1 and not (f.every.months or f.every.days)
            half = f.every.months == 6 and not (f.every.years or f.every.days)
            key: LabelKey = "reg_fu_yearly" if often else "reg_fu_half_yearly" if half else "reg_fu_every"
            parts.append(label(key, lang, what=what, every=duration_text(f.every, lang), first=str(f.first)))
        elif f.due is not None:
            parts.append(label("reg_fu_due", lang, what=what, due=str(f.due)))
        elif f.at is not None:
            parts.append(label("reg_fu_mandate", lang, what=what))
        else:
            parts.append(label("reg_fu_before", lang, what=what))
    return "; ".join(parts)


def steering_rows(checked: Checked, as_of: date, lang: str, everything: bool = False) -> tuple[tuple[SteeringRow, ...], int]:
    """The appendix's rows (pure: the loaded data, the date, the language) and how many ended ones were left out."""
    dataset = checked.dataset
    agreements = {a.id: a for a in dataset.agreement_models()}
    rows: list[SteeringRow] = []
    left = 0
    for s in agreement_statuses(dataset, as_of):
        a = agreements[s.id]
        if s.status in ENDED and not everything:
            left += 1
            continue
        start = a.valid_from.start
        until = s.ends_on if s.ends_on is not None else s.term_end
        if s.term is None and s.status not in ENDED and a.valid_until is not None:
            until = a.valid_until.end  # upcoming: the first term's end
        end_text = until.isoformat() if until is not None else label("reg_until_further", lang)
        if s.term is not None and s.term > 1 and until is not None and s.ends_on is None:
            validity = label("reg_validity_term", lang, start=start.isoformat(), end=end_text, term=s.term)
        else:
            validity = label("reg_validity", lang, start=start.isoformat(), end=end_text)
        deadline, kind = ((s.option_deadline, "option_deadline") if s.option_deadline is not None
                          else (s.notice_deadline, "notice_deadline") if s.notice_deadline is not None else (None, None))
        rows.append(SteeringRow(a.id, a.title, a.kind, str(s.status), start, until, s.term, validity,
                                _notice(a, lang), _renewal(a, lang), deadline, kind, _followups(a, lang),
                                a.responsible, source_line(a.source, dataset), s.assumed, s.approximate))
    rows.sort(key=lambda r: (swedish_order(r.title), r.id))
    return tuple(rows), left


def register(request: Request, everything: bool = False) -> SteeringResult:
    """svo status --view register."""
    loaded = load(request)
    check_filters(loaded.dataset, request.filters)
    rows, left = steering_rows(loaded, request.as_of, request.lang, everything)
    rows = kept(rows, loaded.dataset, request.filters)
    return SteeringResult(request.as_of, loaded.findings, rows, left, everything)


def cells(row: SteeringRow, lang: str) -> tuple[Any, ...]:
    """A row for people in the appendix's column order (document, kind, validity, notice and renewal, next
    deadline, follow-up, responsible, source)."""
    deadline = "–"
    if row.next_deadline is not None:
        deadline = (label("reg_option_deadline", lang, date=row.next_deadline.isoformat())
                    if row.next_deadline_kind == "option_deadline" else row.next_deadline.isoformat())
    return (row.title + (label("assumed_short", lang) if row.assumed else ""), row.kind, row.validity,
            f"{row.notice}; {row.renewal}", deadline, row.followup or "–", row.responsible or "–", row.source)


HEADER: tuple[LabelKey, ...] = ("col_document", "col_kind", "col_validity", "col_notice_renewal", "col_next_deadline", "col_followup",
          "col_responsible", "col_source")
