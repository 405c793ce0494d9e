"""The register's own checks: quotes against their documents, provenance, freshness, documents, self-tests.

Each check is a pure function `check(dataset, context) -> list[Diagnostic]`, named in checks.CHECKS; the
document texts and the date arrive in the context (read at the edge), never from a file or the clock here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any, Iterator, Mapping

from svo_cli.dates import Duration, subtract
from svo_cli.diagnostics import Diagnostic, error, warning
from svo_cli.loader import Dataset, Loaded
from svo_cli.messages import T
from svo_cli.yamlfile import Loc

if TYPE_CHECKING:
    from svo_cli.text_keys import FindingKey
    from svo_cli.workplans import PlanStatus

OMISSION = "[…]"
DEFAULT_MAX_AGE_MONTHS = 12


@dataclass(frozen=True)
class Context:
    """What checks need beyond the data: the date (for freshness), the documents' texts by id (for
    quotes; None: not checked), the age after which a verification is stale, and the files whose own
    findings are wanted (`scope`, real paths; None: every file), which lets a check whose findings stay
    in their file skip the others (`svo validate FILE`, the pre-commit hook)."""

    as_of: date | None = None
    documents: Mapping[str, str] | None = None
    missing_documents: frozenset[str] = field(default_factory=frozenset)
    max_age_months: int = DEFAULT_MAX_AGE_MONTHS
    scope: frozenset[str] | None = None

    def wants(self, item: Loaded) -> bool:
        """Whether the findings of this file are wanted."""
        return self.scope is None or os.path.realpath(item.path) in self.scope


def _at(item: Loaded, loc: Loc) -> dict[str, Any]:
    pos = item.source_map.value(loc)
    return dict(path=item.path, line=pos.line, column=pos.column, excerpt=item.source_map.excerpt(pos.line))


def _items(dataset: Dataset) -> Iterator[Loaded]:
    yield from dataset.agreements
    yield from dataset.workplans
    yield from dataset.minutes


def sources(item: Loaded) -> Iterator[tuple[Loc, Any]]:
    """Every `source` in an agreement or plan file, with where it stands: the file's own, its notice's lead
    in meetings, and those of its follow-ups, events, decisions, meetings, expectations and assignments."""
    model = item.model
    yield ("source",), model.source
    notice = getattr(model, "notice", None)
    if notice is not None and notice.decision_meetings is not None and notice.decision_meetings.source is not None:
        yield ("notice", "decision_meetings", "source"), notice.decision_meetings.source
    next_meeting = getattr(model, "next_meeting", None)  # minutes: the next meeting they give
    if next_meeting is not None and next_meeting.source is not None:
        yield ("next_meeting", "source"), next_meeting.source
    for key in ("followups", "events", "decisions", "meetings", "expect", "items"):
        for i, entry in enumerate(getattr(model, key, ())):
            if getattr(entry, "source", None) is not None:
                yield (key, i, "source"), entry.source
    for i, area in enumerate(getattr(model, "areas", ())):
        for j, assignment in enumerate(area.assignments):
            if assignment.source is not None:
                yield ("areas", i, "assignments", j, "source"), assignment.source


# --------------------------------------------------------------------------- quotes


_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Whitespace runs (line breaks included) count as one space."""
    return _SPACE.sub(" ", text).strip()


def _pattern(segment: str) -> str:
    """A regular expression for one verbatim segment: each character as itself, a space as any run of
    whitespace, and between two letters an optional hyphen and line break (a word the source
    hyphenated at a line break may be joined in the quote)."""
    out: list[str] = []
    previous = ""
    for char in segment:
        if char == " ":
            out.append(r"\s+")
        else:
            if previous.isalpha() and char.isalpha():
                out.append(r"(?:-\s+)?")
            out.append(re.escape(char))
        previous = char
    return "".join(out)


@dataclass(frozen=True)
class QuoteMismatch:
    segment: int  # which part between omissions (0-based)
    matched: str  # the longest beginning of that part found in the document
    rest: str  # where the match stops: what follows in the quote


def verify_quote(quote: str, document: str) -> QuoteMismatch | None:
    """None when the quote is a verbatim excerpt of the document (rules above; `[…]` marks an
    omission, the parts must appear in order); else where the match stops."""
    position = 0
    for index, raw in enumerate(quote.split(OMISSION)):
        segment = normalise(raw)
        if not segment:
            continue
        found = re.compile(_pattern(segment)).search(document, position)
        if found is not None:
            position = found.end()
            continue
        words = segment.split(" ")
        low, high = 0, len(words)  # the longest prefix (in words) found after `position`
        while low < high:
            middle = (low + high + 1) // 2
            if re.search(_pattern(" ".join(words[:middle])), document[position:]):
                low = middle
            else:
                high = middle - 1
        matched = " ".join(words[:low])
        return QuoteMismatch(index, matched, " ".join(words[low:]))
    return None


def check_quotes(dataset: Dataset, context: Context) -> list[Diagnostic]:
    """SVO401: a quote that is not a verbatim excerpt of the document it names; SVO403: a named
    document that is not among the texts given (--sources DIR)."""
    if context.documents is None:
        return []
    found: list[Diagnostic] = []
    for item in _items(dataset):
        for loc, source in sources(item):
            if source.quote is None:
                continue
            text = context.documents.get(source.document)
            if text is None:
                found.append(warning("SVO403", T("document_not_in_sources", document=source.document),
                                     **_at(item, loc + ("document",)),
                                     hint=T("add_document_text")))
                continue
            listed = not isinstance(source.quote, str)
            for n, quote in enumerate(source.quotes):
                mismatch = verify_quote(quote, text)
                if mismatch is not None:
                    shown = mismatch.matched[-60:] if mismatch.matched else ""
                    found.append(error("SVO401", T("quote_not_verbatim", document=source.document,
                                                   matched=("…" if len(mismatch.matched) > 60 else "") + shown,
                                                   rest=mismatch.rest[:60]),
                                       **_at(item, loc + (("quote", n) if listed else ("quote",))),
                                       hint=T("copy_quote_exactly")))
    return found


# --------------------------------------------------------------------------- facts supported by quotes


# Swedish (and English) words for the numbers a clause spells out: "tolv månader", "två år".
NUMBER_WORDS = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
    "tio": 10, "elva": 11, "tolv": 12, "arton": 18, "tjugofyra": 24, "trettiosex": 36,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "twelve": 12, "eighteen": 18,
    "halvt": 0,  # "ett halvt år" is handled as six months below
}
ORDINALS = {"annat": 2, "andra": 2, "tredje": 3, "fjärde": 4, "femte": 5, "sjätte": 6, "second": 2, "third": 3,
            "fourth": 4}
UNIT_WORDS = {
    "år": "years", "året": "years", "åren": "years", "årsvis": "years", "years": "years", "year": "years",
    "månad": "months", "månader": "months", "månaden": "months", "månaders": "months", "months": "months",
    "month": "months", "mån": "months",
    "vecka": "weeks", "veckor": "weeks", "veckan": "weeks", "weeks": "weeks", "week": "weeks",
    "dag": "days", "dagar": "days", "dagen": "days", "days": "days", "day": "days",
    "arbetsdag": "working", "arbetsdagar": "working", "working": "working",
}
# Words that state a period by themselves: "årligen" is every year, "halvårsvis" every six months.
PERIOD_WORDS = {
    "årligen": (12, 0, 0), "årlig": (12, 0, 0), "årliga": (12, 0, 0), "årligt": (12, 0, 0), "annually": (12, 0, 0),
    "yearly": (12, 0, 0), "halvårsvis": (6, 0, 0), "halvår": (6, 0, 0), "halvåret": (6, 0, 0),
    "halvårsredovisning": (6, 0, 0), "kvartalsvis": (3, 0, 0), "kvartal": (3, 0, 0), "månadsvis": (1, 0, 0),
    "månatligen": (1, 0, 0), "vartannat": (24, 0, 0), "varannat": (24, 0, 0), "mandatperiod": (48, 0, 0),
    "mandatperioden": (48, 0, 0),
}
_WORD = re.compile(r"[0-9]+|[^\W\d_]+")
YEAR = re.compile(r"(?<![0-9])(1[89][0-9]{2}|2[01][0-9]{2})(?![0-9])")


def _measure(count: int, unit: str) -> tuple[int, int, int]:
    """(months, days, working days) of a count of a unit: a year is twelve months, a week seven days."""
    return {"years": (12 * count, 0, 0), "months": (count, 0, 0), "weeks": (0, 7 * count, 0),
            "days": (0, count, 0), "working": (0, 0, count)}[unit]


def stated_durations(text: str) -> set[tuple[int, int, int]]:
    """Every length of time a text states, as (months, days, working days): a number in digits or words
    before a unit ("tolv månader", "2 år", "ett år"), an ordinal period ("var tredje år", "vartannat år"),
    "ett halvt år", or a word that is a period by itself ("årligen", "halvårsvis")."""
    words = _WORD.findall(text.lower())
    found: set[tuple[int, int, int]] = set()
    for i, word in enumerate(words):
        if word in PERIOD_WORDS:
            found.add(PERIOD_WORDS[word])
        unit = UNIT_WORDS.get(word)
        if unit is None or i == 0:
            continue
        before = words[i - 1]
        if before == "halvt" and unit == "years":
            found.add((6, 0, 0))
        elif before.isdigit():
            found.add(_measure(int(before), unit))
        elif before in NUMBER_WORDS:
            found.add(_measure(NUMBER_WORDS[before], unit))
        elif before in ORDINALS:
            found.add(_measure(ORDINALS[before], unit))
        elif before in ("varje", "per", "every", "each", "a"):
            found.add(_measure(1, unit))
    return found


def _duration_measure(value: Duration) -> tuple[int, int, int]:
    return (12 * value.years + value.months, value.days, value.working_days)


@dataclass(frozen=True)
class Fact:
    """A key fact of an agreement, where it stands, and whether the data marks it assumed."""

    loc: Loc
    name: FindingKey  # the message id of what it is
    shown: str  # the value as written
    assumed: bool
    year: int | None = None  # a date's year …
    duration: Duration | None = None  # … or a length of time


def key_facts(agreement: Any) -> list[Fact]:
    """The facts the deadlines rest on: the start and end years, the notice durations, the renewal period
    and each recurring follow-up's period."""
    assumed = agreement.assumed
    facts = [] if agreement.valid_from.unknown else [
        Fact(("valid_from",), "fact_valid_from", str(agreement.valid_from.start.year),
             bool(assumed and assumed.valid_from), year=agreement.valid_from.start.year)]
    if agreement.valid_until is not None:
        facts.append(Fact(("valid_until",), "fact_valid_until", str(agreement.valid_until.end.year),
                          bool(assumed and assumed.valid_until), year=agreement.valid_until.end.year))
    notice = agreement.notice
    if notice is not None:
        for key in ("before_end", "period"):
            value = getattr(notice, key)
            if value is not None:
                facts.append(Fact(("notice", key), "fact_notice", f"'{value}'", notice.assumed is not None,
                                  duration=value))
    if agreement.renewal is not None:
        facts.append(Fact(("renewal", "every"), "fact_renewal", f"'{agreement.renewal.every}'",
                          agreement.renewal.assumed is not None, duration=agreement.renewal.every))
    for i, followup in enumerate(agreement.followups):
        if followup.every is not None:
            facts.append(Fact(("followups", i, "every"), "fact_followup", f"'{followup.every}'",
                              followup.assumed is not None, duration=followup.every))
    return facts


def supported(fact: Fact, text: str, durations: set[tuple[int, int, int]]) -> bool:
    if fact.year is not None:
        return any(int(y) == fact.year for y in YEAR.findall(text))
    return fact.duration is not None and _duration_measure(fact.duration) in durations


def check_supported_facts(dataset: Dataset, context: Context) -> list[Diagnostic]:
    """SVO408: a key fact of an agreement (key_facts) that none of the file's quotes states and that is not
    marked `assumed`. Years are matched as four digits; durations in digits or words, equal lengths
    counted equal (12 months is one year). Run with --sources, beside the quotes' own check."""
    if context.documents is None:
        return []
    found: list[Diagnostic] = []
    for item in dataset.agreements:
        text = " ".join(q for _, source in sources(item) for q in source.quotes)
        durations = stated_durations(text)
        for fact in key_facts(item.model):
            if fact.assumed or supported(fact, text, durations):
                continue
            found.append(warning("SVO408", T("fact_not_in_quotes", fact=T(fact.name), value=fact.shown),
                                 **_at(item, fact.loc),
                                 hint=T("quote_fact_or_assume", where=_assume_where(fact.loc))))
    return found


def _assume_where(loc: Loc) -> str:
    if loc[0] in ("valid_from", "valid_until"):
        return f"assumed: {{{loc[0]}: …}}"
    if loc[0] == "followups":
        return f"followups[{loc[1]}].assumed"
    return f"{loc[0]}.assumed"


# --------------------------------------------------------------------------- documents


def check_documents(dataset: Dataset, context: Context) -> list[Diagnostic]:
    """SVO402: a `source.document` that is not in the document register (when there is one)."""
    register = dataset.sources_file
    if register is None:
        return []
    known = {d.id for d in register.model.documents}
    found: list[Diagnostic] = []
    for item in _items(dataset):
        for loc, source in sources(item):
            if source.document not in known:
                found.append(error("SVO402", T("document_not_registered",
                                               document=source.document), **_at(item, loc + ("document",)),
                                   hint=T("register_document")))
    return found


# --------------------------------------------------------------------------- provenance


def check_provenance(dataset: Dataset, context: Context) -> list[Diagnostic]:
    """SVO404: an event, decision or meeting with neither `source` nor `assumed`."""
    found: list[Diagnostic] = []
    for item in _items(dataset):
        words: tuple[tuple[str, FindingKey], ...] = (("events", "word_event"), ("decisions", "word_decision"),
                                                     ("meetings", "word_meeting"))
        for key, what in words:
            for i, entry in enumerate(getattr(item.model, key, ())):
                if entry.source is None and entry.assumed is None:
                    found.append(warning("SVO404", T("no_source_not_assumed",
                                                     what=T(what), date=str(entry.date)),
                                         **_at(item, (key, i)),
                                         hint=T("add_source_or_assumed")))
    return found


# --------------------------------------------------------------------------- freshness


def check_freshness(dataset: Dataset, context: Context) -> list[Diagnostic]:
    """SVO405: no `last_verified`; SVO406: verified longer ago than the allowed age."""
    if context.as_of is None:
        return []
    limit = subtract(context.as_of, Duration(months=context.max_age_months, text=f"{context.max_age_months} months"))
    found: list[Diagnostic] = []
    for item in _items(dataset):
        verified = item.model.last_verified
        if verified is None:
            found.append(warning("SVO405", T("no_last_verified"), item.path, 1, 1,
                                 hint=T("verify_file")))
        elif verified.end < limit:
            found.append(warning("SVO406", T("last_verified_too_old",
                                             date=str(verified), months=context.max_age_months),
                                 **_at(item, ("last_verified",)),
                                 hint=T("reverify_file")))
    return found


# --------------------------------------------------------------------------- self-tests


AGREEMENT_FIELDS = ("status", "term", "notice_deadline", "binding_until", "ends_on")
PLAN_FIELDS = ("state", "required", "adopted", "missing", "adoption_overdue", "assignments_open",
               "assignments_overdue", "assignments_done", "next_meeting")


def _expected_fields(expectation: Any, names: tuple[str, ...]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name in names:
        value = getattr(expectation, name)
        if value is None:
            continue
        result[name] = value.start if hasattr(value, "start") and hasattr(value, "approximate") else value
    return result


def _shown(value: Any) -> str:
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


def _mismatches(item: Loaded, i: int, day: date, got: Mapping[str, Any],
                wanted: Mapping[str, Any]) -> list[Diagnostic]:
    """SVO407 at each expected field whose computed value differs."""
    found: list[Diagnostic] = []
    for name, value in wanted.items():
        actual = got.get(name)
        if isinstance(actual, Enum):
            actual = actual.value
        if actual != value:
            found.append(error("SVO407", T("self_test_mismatch", date=day.isoformat(), field=name,
                                           got=_shown(actual), wanted=_shown(value)),
                               **_at(item, ("expect", i, name)),
                               hint=T("check_data_against_source")))
    return found


def _plan_values(status: PlanStatus) -> dict[str, Any]:
    """What the work-plan engine computes (a PlanStatus), under the names a plan's expectation uses;
    the adoption fields are absent (null) for a plan without `adoption`."""
    adoption = status.adoption
    values: dict[str, Any] = {
        "state": status.state,
        "assignments_open": status.assignments_open,
        "assignments_overdue": status.assignments_overdue,
        "assignments_done": status.assignments_done,
        "next_meeting": status.next_meeting.date if status.next_meeting is not None else None,
    }
    if adoption is not None:
        values.update(required=len(adoption.required), adopted=len(adoption.adopted),
                      missing=list(adoption.missing), adoption_overdue=adoption.overdue)
    return values


def check_expectations(dataset: Dataset, context: Context) -> list[Diagnostic]:
    """SVO407: an `expect:` self-test the engine disagrees with. An agreement's: the engine runs on the
    expectation's date with every agreement known, as `svo status --as-of` does; a work plan's: as
    `svo plans --as-of` does (groups expanded)."""
    from svo_cli import engine

    # Work bounded by the input (red-team H5): the supersessions once, then each agreement's (and plan's)
    # status once per date its expectations name, never every agreement for each expectation.
    superseded = engine.supersessions(dataset.agreement_models())
    others = engine.by_id(dataset.agreement_models())
    groups = {g.id: tuple(g.members) for g in dataset.groups}
    # An agreement a file that did not load supersedes cannot be computed as it is: its self-tests wait
    # for that file (its own findings say why), so one mistake is not reported again here.
    waiting = {old for raw in dataset.unloaded if isinstance(raw.model, dict)
               and isinstance(raw.model.get("supersedes"), list) for old in raw.model["supersedes"]}
    found: list[Diagnostic] = []
    for item in dataset.agreements:
        if item.model.id in waiting or not item.model.expect or not context.wants(item):
            continue
        rows: dict[date, engine.AgreementStatus] = {}
        for i, expectation in enumerate(item.model.expect):
            day = expectation.as_of.start
            if day not in rows:
                rows[day] = engine.agreement_status(item.model, day, superseded, groups, others)
            got = {name: getattr(rows[day], name, None) for name in AGREEMENT_FIELDS}
            found += _mismatches(item, i, day, got, _expected_fields(expectation, AGREEMENT_FIELDS))
    for held in dataset.workplans:
        if not held.model.expect or not context.wants(held):
            continue
        from svo_cli import workplans  # only here: validating an agreement alone does without it

        plan_rows: dict[date, PlanStatus] = {}
        for i, wish in enumerate(held.model.expect):
            day = wish.as_of.start
            if day not in plan_rows:
                plan_rows[day] = workplans.plan_status(held.model, dataset.groups, day)
            status = plan_rows[day]
            wanted = _expected_fields(wish, PLAN_FIELDS)
            got = _plan_values(status)
            if "missing" in wanted:  # a set of principals: groups expanded, in any order
                expected_missing = workplans.expand_parties(wanted["missing"], dataset.groups)
                computed = got.get("missing")
                if computed is not None and sorted(expected_missing) == sorted(computed):
                    expected_missing = computed
                wanted["missing"] = expected_missing
            found += _mismatches(held, i, day, got, wanted)
    if not dataset.minutes:
        return found
    from svo_cli.minutes_checks import check_minutes_expectations

    return found + check_minutes_expectations(dataset, context.wants)


# --------------------------------------------------------------------------- events after the day


def check_future_events(dataset: Dataset, context: Context) -> list[Diagnostic]:
    """SVO409: an event or decision recorded with a date after the as-of day (a typo in the year, or a plan
    recorded as if done): its earliest day lies after the day. Meetings are planned and may lie ahead."""
    if context.as_of is None:
        return []
    day = context.as_of
    found: list[Diagnostic] = []
    for item in _items(dataset):
        words: tuple[tuple[str, FindingKey], ...] = (("events", "word_event"), ("decisions", "word_decision"))
        for key, what in words:
            for i, entry in enumerate(getattr(item.model, key, ())):
                if entry.date.start > day:
                    found.append(warning("SVO409", T("event_after_as_of", what=T(what), date=str(entry.date),
                                                     as_of=day.isoformat()),
                                         **_at(item, (key, i, "date")), hint=T("check_event_year")))
    return found
