"""The named checks over loaded data: one type, each sized by one concern and naming the codes it reports,
selectable by name (`svo validate --check NAME`, `--list-checks`: hledger's model).

The loader's findings (SVO0xx reading, SVO1xx keys and values, SVO3xx the data directory) come from
reading the files and are not checks: no selection leaves them out. Every other code belongs to exactly
one check (tests/unit/test_checks.py holds docs/errors.md to this table).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

from svo_cli import register, validate
from svo_cli.diagnostics import Diagnostic
from svo_cli.loader import Dataset, FileCheck
from svo_cli.register import Context

if TYPE_CHECKING:
    from svo_cli.text_keys import FindingKey


@dataclass(frozen=True)
class Check:
    name: str
    codes: tuple[str, ...]  # every code it can report
    run: Callable[[Dataset, Context], list[Diagnostic]]
    errors: bool  # can find errors: the commands that report only errors run it (ERROR_CHECKS)
    about: FindingKey  # the message id of its one-line description (messages.FINDINGS, in each language)
    per_file: FileCheck | None = None  # its per-agreement part, which the loader's workers can run


def file_checks(checks: Sequence[Check]) -> tuple[FileCheck, ...]:
    """The per-file parts of these checks, for the loader to run in its workers."""
    return tuple(c.per_file for c in checks if c.per_file is not None)


def _data(check: Callable[[Dataset], list[Diagnostic]]) -> Callable[[Dataset, Context], list[Diagnostic]]:
    return lambda dataset, context: check(dataset)


def _minutes(dataset: Dataset) -> list[Diagnostic]:
    """The minutes check; without minutes files it has nothing to check, and their modules are not
    imported (a register without minutes, the pre-commit hook's start-up)."""
    if not dataset.minutes:
        return []
    from svo_cli import minutes_checks

    return minutes_checks.check_minutes(dataset)


# On the data itself (what `validate.validate` runs), then on the register: sources, freshness, self-tests.
DATA_CHECKS: tuple[Check, ...] = (
    Check("file-names", ("SVO201",), _data(validate.check_file_names), True, "check_about_file_names"),
    Check("duplicates", ("SVO202", "SVO213", "SVO221", "SVO222"), _data(validate.check_duplicates), True, "check_about_duplicates"),
    Check("references", ("SVO203", "SVO204", "SVO211", "SVO236"), _data(validate.check_references), True, "check_about_references"),
    Check("supersession", ("SVO205",), _data(validate.check_supersession), True, "check_about_supersession"),
    Check("dates", ("SVO206", "SVO212"), _data(validate.check_dates), True, "check_about_dates"),
    Check("notice-rules", ("SVO207", "SVO210", "SVO214"), _data(validate.check_notice_rules), True, "check_about_notice_rules"),
    Check("event-meaning", ("SVO218", "SVO219", "SVO220", "SVO234"), _data(validate.check_events_meaning), True, "check_about_event_meaning"),
    Check("sources-quoted", ("SVO209",), _data(validate.check_sources_quoted), False, "check_about_sources_quoted"),
    Check("event-replay", ("SVO208", "SVO215"), _data(validate.check_event_replay), False, "check_about_event_replay",
          validate.EVENT_REPLAY),
    Check("term-rules", ("SVO216", "SVO217", "SVO235", "SVO237"), _data(validate.check_terms), False, "check_about_term_rules"),
    Check("options", ("SVO230", "SVO231", "SVO232", "SVO233"), _data(validate.check_options), True,
          "check_about_options"),
    Check("minutes", ("SVO250", "SVO251", "SVO252", "SVO253", "SVO254", "SVO255", "SVO256"),
          _data(_minutes), True, "check_about_minutes"),
)
REGISTER_CHECKS: tuple[Check, ...] = (
    Check("document-register", ("SVO402",), register.check_documents, True, "check_about_document_register"),
    Check("self-tests", ("SVO407",), register.check_expectations, True, "check_about_self_tests"),
    Check("quotes", ("SVO401", "SVO403"), register.check_quotes, True, "check_about_quotes"),
    Check("supported-facts", ("SVO408",), register.check_supported_facts, False, "check_about_supported_facts"),
    Check("future-events", ("SVO409",), register.check_future_events, False, "check_about_future_events"),
    Check("provenance", ("SVO404",), register.check_provenance, False, "check_about_provenance"),
    Check("freshness", ("SVO405", "SVO406"), register.check_freshness, False, "check_about_freshness"),
)
CHECKS: tuple[Check, ...] = DATA_CHECKS + REGISTER_CHECKS
ERROR_CHECKS: tuple[Check, ...] = tuple(c for c in CHECKS if c.errors)
NAMES: tuple[str, ...] = tuple(c.name for c in CHECKS)


def named(names: Sequence[str]) -> tuple[Check, ...]:
    """The checks of these names, in the table's order (every check when none is named). An unknown name
    raises KeyError (a usage error at the edge, which lists NAMES)."""
    if not names:
        return CHECKS
    unknown = [n for n in names if n not in NAMES]
    if unknown:
        raise KeyError(unknown[0])
    return tuple(c for c in CHECKS if c.name in names)


def run(dataset: Dataset, context: Context | None, checks: Sequence[Check] | None = None) -> list[Diagnostic]:
    """The findings of the checks given (default: all of them)."""
    context = context if context is not None else Context()
    found: list[Diagnostic] = []
    for check in CHECKS if checks is None else checks:
        found += check.run(dataset, context)
    return found
