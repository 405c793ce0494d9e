"""The register's own checks: quotes against their documents, provenance, freshness, documents, self-tests.

Each check is a pure function `check(dataset, context) -> list[Diagnostic]`, named in checks.CHECKS; the
document texts and the date arrive in the context (read at the edge), never from a file or the clock here.
"""

from __future__ import annotations

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
    from svo_cli.workplans import PlanStatus

OMISSION = "[…]"
DEFAULT_MAX_AGE_MONTHS = 12


@dataclass(frozen=True)
class Context:
    """What checks need beyond the data: the date (for freshness), the documents' texts by id (for
    quotes; None: not checked) and the age after which a verification is stale."""

    as_of: date | None = None
    documents: Mapping[str, str] | None = None
    missing_documents: frozenset[str] = field(default_factory=frozenset)
    max_age_months: int = DEFAULT_MAX_AGE_MONTHS


def _at(item: Loaded, loc: Loc) -> dict[str, Any]:
    pos = item.source_map.value(loc)
    return dict(path=item.path, line=pos.line, column=pos.column, excerpt=item.source_map.excerpt(pos.line))


def _items(dataset: Dataset) -> Iterator[Loaded]:
    yield from dataset.agreements
    yield from dataset.workplans


def sources(item: Loaded) -> Iterator[tuple[Loc, Any]]:
    """Every `source` in an agreement or plan file, with where it stands: the file's own, and those of
    its events, decisions, meetings and expectations."""
    model = item.model
    yield ("source",), model.source
    for key in ("events", "decisions", "meetings", "expect"):
        for i, entry in enumerate(getattr(model, key, ())):
            if getattr(entry, "source", None) is not None:
                yield (key, i, "source"), entry.source


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
            mismatch = verify_quote(source.quote, text)
            if mismatch is not None:
                shown = mismatch.matched[-60:] if mismatch.matched else ""
                found.append(error("SVO401", T("quote_not_verbatim", document=source.document,
                                               matched=("…" if len(mismatch.matched) > 60 else "") + shown,
                                               rest=mismatch.rest[:60]),
                                   **_at(item, loc + ("quote",)),
                                   hint=T("copy_quote_exactly")))
    return found


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
        for key, what in (("events", "word_event"), ("decisions", "word_decision"), ("meetings", "word_meeting")):
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
    from svo_cli import engine, workplans

    # Work bounded by the input (red-team H5): the supersessions once, then each agreement's (and plan's)
    # status once per date its expectations name, never every agreement for each expectation.
    superseded = engine.supersessions(dataset.agreement_models())
    groups = {g.id: tuple(g.members) for g in dataset.groups}
    found: list[Diagnostic] = []
    for item in dataset.agreements:
        rows: dict[date, engine.AgreementStatus] = {}
        for i, expectation in enumerate(item.model.expect):
            day = expectation.as_of.start
            if day not in rows:
                rows[day] = engine.agreement_status(item.model, day, superseded, groups)
            got = {name: getattr(rows[day], name, None) for name in AGREEMENT_FIELDS}
            found += _mismatches(item, i, day, got, _expected_fields(expectation, AGREEMENT_FIELDS))
    for held in dataset.workplans:
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
    return found
