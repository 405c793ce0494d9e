"""The one value every check returns: a located, coded finding (never raised past the loader)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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
