"""Findings → compiler-style lines (path:line:column: severity: CODE message) for people and CI."""

from __future__ import annotations

from typing import Sequence

from svo_cli.diagnostics import Diagnostic


def finding_line(d: Diagnostic) -> str:
    return f"{d.location()}: {d.severity.value}: {d.code} {d.message}"


def render_findings(diagnostics: Sequence[Diagnostic], files: int, details: bool = True) -> str:
    out: list[str] = []
    for d in diagnostics:
        out.append(finding_line(d))
        if details and d.excerpt:
            out.append(f"  {d.line:>4} | {d.excerpt}")
            if d.column:
                out.append(f"       | {' ' * (d.column - 1)}^")
        if details and d.hint:
            out.append(f"       = hint: {d.hint}")
    out.append(summary_line(diagnostics, files))
    return "\n".join(out) + "\n"


def summary_line(diagnostics: Sequence[Diagnostic], files: int) -> str:
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    verdict = "ok" if not errors else "failed"
    return (f"{verdict}: {files} file{'s' if files != 1 else ''} checked, "
            f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}")
