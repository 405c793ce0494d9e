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


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(diagnostics: Sequence[Diagnostic], files: int) -> str:
    """GitHub Actions workflow commands: one ::error/::warning annotation a finding, then the summary."""
    out = []
    for d in diagnostics:
        props = [f"file={_escape_property(d.path)}"]
        if d.line:
            props += [f"line={d.line}", f"col={d.column}"]
        props.append(f"title={_escape_property('svo ' + d.code)}")
        message = d.message + (f" (hint: {d.hint})" if d.hint else "")
        out.append(f"::{d.severity.value} {','.join(props)}::{_escape_data(message)}")
    out.append(summary_line(diagnostics, files))
    return "\n".join(out) + "\n"
