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
    excerpt: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column}"
        return self.path

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code)


def error(code: str, message: str, path: str, line: int = 0, column: int = 0, hint: str = "",
          excerpt: str = "") -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, path, line, column, hint, excerpt)


def warning(code: str, message: str, path: str, line: int = 0, column: int = 0, hint: str = "",
            excerpt: str = "") -> Diagnostic:
    return Diagnostic(code, Severity.WARNING, message, path, line, column, hint, excerpt)


def promote_warnings(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """--strict: every warning becomes an error."""
    return [
        Diagnostic(d.code, Severity.ERROR, d.message, d.path, d.line, d.column, d.hint, d.excerpt)
        for d in diagnostics
    ]
