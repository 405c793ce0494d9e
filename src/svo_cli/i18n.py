"""Words for people in English and Swedish: labels, explanations, summaries, dates in prose."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Mapping, cast

from svo_cli.messages import T
from svo_cli.text import LANGS, table, text

if TYPE_CHECKING:
    from svo_cli.text_keys import ExplanationKey, LabelKey

__all__ = ["EXPLANATIONS", "LABELS", "LANGS", "T", "explain", "label", "why"]

Why = tuple[str, tuple[tuple[str, Any], ...]]


def why(key: ExplanationKey, **params: Any) -> Why:
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


# The tables, by topic (svo_cli.text.SOURCES): labels (i18n_labels and, by concern, i18n_publish, i18n_pack,
# i18n_minutes, i18n_changes) and explanations, how each date arose (i18n_explanations, i18n_minutes).
LABELS = table("label")
EXPLANATIONS = table("explanation")


def join_or(items: list[str], lang: str) -> str:
    """'a', 'b' or 'c' / 'a', 'b' eller 'c'."""
    word = " eller " if lang == "sv" else " or "
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + word + items[-1]


def label(key: LabelKey, lang: str, **params: Any) -> str:
    """A label by id in `lang`, its parameters filled in (MissingText for an id no table has); the one text
    API's `text` (svo_cli.text), typed to the labels' ids. A count agrees with its noun by the template's own
    forms: "{n} {n:agreement|agreements}"."""
    return text(key, lang, **params)


_OWNED = frozenset({"why_assignment", "assignment_minutes", "assignment_minutes_next"})  # "; owner {owner}" follows


@lru_cache(maxsize=65536)
def explain(reason: Why, lang: str) -> str:
    """Render a language-free explanation; nested explanations (parameters that are Why) too.
    (Reasons are immutable and their parts repeat across rows, so renderings are memoised.)"""
    key, params = cast("tuple[ExplanationKey, tuple[tuple[str, Any], ...]]", reason)
    values = {k: (explain(v, lang) if _is_why(v) else _text(v, lang)) for k, v in params}
    suffix = ""
    if "owner" in values and key in _OWNED:
        owner = values.pop("owner")
        suffix = text("owner", lang, owner=owner) if owner else ""
    return text(key, lang, **values) + suffix


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
