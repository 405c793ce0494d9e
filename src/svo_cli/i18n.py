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

class Why(tuple):
    """A language-free explanation: a template key and its parameters, by name (sorted), immutable and
    hashable. Compact, as every deadline row holds one or more: the names are one tuple shared by every
    explanation with the same names, the values one tuple (a tuple of (name, value) pairs took more
    memory than the rest of the row). A tuple (key, names, values) underneath, made in one step by
    `why`, and read by name.

    >>> w = why("term_end_renews", term=2, end=date(2027, 12, 31))
    >>> w.key, w.params
    ('term_end_renews', (('end', datetime.date(2027, 12, 31)), ('term', 2)))
    >>> w == why("term_end_renews", end=date(2027, 12, 31), term=2)
    True
    >>> w.names is why("term_end_renews", end=None, term=3).names
    True
    """

    __slots__ = ()

    @property
    def key(self) -> str:
        return cast(str, self[0])

    @property
    def names(self) -> tuple[str, ...]:
        return cast("tuple[str, ...]", self[1])

    @property
    def values(self) -> tuple[Any, ...]:  # type: ignore[override]
        return cast("tuple[Any, ...]", self[2])

    @property
    def params(self) -> tuple[tuple[str, Any], ...]:
        """The parameters as (name, value) pairs, by name."""
        return tuple(zip(self[1], self[2]))

    def get(self, name: str, default: Any = None) -> Any:
        """One parameter's value (`default` when this explanation has none by that name)."""
        names = self[1]
        return self[2][names.index(name)] if name in names else default

    def __reduce__(self) -> tuple[Any, ...]:
        return _remade, (self[0], self[1], self[2])

    def __repr__(self) -> str:
        return f"why({self[0]!r}{''.join(f', {n}={v!r}' for n, v in zip(self[1], self[2]))})"


_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple of each set of names
_make = tuple.__new__


def why(key: ExplanationKey, **params: Any) -> Why:
    """A language-free explanation: a template key and its parameters (hashable, for frozen values)."""
    names = tuple(sorted(params))
    return _remade(key, names, tuple(map(params.__getitem__, names)))


def _remade(key: str, names: tuple[str, ...], values: tuple[Any, ...]) -> Why:
    """An explanation from its parts, its names shared (made by `why`, and when unpickled)."""
    return _make(Why, (key, _NAMES.setdefault(names, names), values))


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
    key = cast("ExplanationKey", reason[0])
    values = {k: (explain(v, lang) if isinstance(v, Why) else _text(v, lang)) for k, v in zip(reason[1], reason[2])}
    suffix = ""
    if "owner" in values and key in _OWNED:
        owner = values.pop("owner")
        suffix = text("owner", lang, owner=owner) if owner else ""
    return text(key, lang, **values) + suffix


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
