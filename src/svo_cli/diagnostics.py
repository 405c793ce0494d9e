"""The one value every check returns: a located, coded finding (never raised past the loader)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Sequence


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    path: str
    line: int = 0
    column: int = 0
    hint: str = ""
    excerpt: str = ""  # the offending line, or a window of it (EXCERPT_CHARS) around the column
    excerpt_offset: int = 0  # the excerpt's first character is the line's character number offset + 1

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column}"
        return self.path

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code)


MAX_PER_FILE = 100  # findings shown for one file
MAX_SHOWN = 1000  # findings shown in all


@dataclass(frozen=True)
class Shown:
    """The findings an output shows: at most MAX_PER_FILE a file and MAX_SHOWN in all, in order (output
    bounded however many the data has: red-team M8); how many more each shown file has, and how many
    were left out in all. Counts and exit codes are taken from every finding, never from these."""

    findings: tuple[Diagnostic, ...]
    more_in_file: dict[str, int]  # path -> findings of that file left out (files with some shown)
    omitted: int  # every finding left out


def shown(diagnostics: Sequence[Diagnostic], per_file: int = MAX_PER_FILE, total: int = MAX_SHOWN) -> Shown:
    kept: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for d in diagnostics:
        seen[d.path] = seen.get(d.path, 0) + 1
        if seen[d.path] <= per_file and len(kept) < total:
            kept.append(d)
    per_path: dict[str, int] = {}
    for d in kept:
        per_path[d.path] = per_path.get(d.path, 0) + 1
    more = {p: seen[p] - n for p, n in per_path.items() if seen[p] > n}
    return Shown(tuple(kept), more, len(diagnostics) - len(kept))


EXCERPT_CHARS = 200


def window(excerpt: str, column: int) -> tuple[str, int]:
    """At most about EXCERPT_CHARS characters of a line around the column (… marks what is cut), and
    the offset to subtract from the column to place the caret: output grows with the input, never
    with its square (a 300 KB one-line file with many findings)."""
    if len(excerpt) <= EXCERPT_CHARS:
        return excerpt, 0
    start = max(0, min(column - 1 - EXCERPT_CHARS // 2, len(excerpt) - EXCERPT_CHARS))
    end = start + EXCERPT_CHARS
    text = ("…" if start else "") + excerpt[start:end] + ("…" if end < len(excerpt) else "")
    return text, start - (1 if start else 0)


def error(code: str, message: str, path: str, line: int = 0, column: int = 0, hint: str = "",
          excerpt: str = "") -> Diagnostic:
    text, offset = window(excerpt, column)
    return Diagnostic(code, Severity.ERROR, message, path, line, column, hint, text, offset)


def warning(code: str, message: str, path: str, line: int = 0, column: int = 0, hint: str = "",
            excerpt: str = "") -> Diagnostic:
    text, offset = window(excerpt, column)
    return Diagnostic(code, Severity.WARNING, message, path, line, column, hint, text, offset)


def promote_warnings(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """--strict: every warning becomes an error."""
    return [
        Diagnostic(d.code, Severity.ERROR, d.message, d.path, d.line, d.column, d.hint, d.excerpt, d.excerpt_offset)
        for d in diagnostics
    ]
