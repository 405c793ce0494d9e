"""Findings → compiler-style lines (path:line:column: severity: CODE message) for people and CI."""

from __future__ import annotations

from typing import Sequence

from svo_cli.diagnostics import Diagnostic
from svo_cli.i18n import SEVERITY, tr
from svo_cli.messages import T
from svo_cli.safe import visible


def finding_line(d: Diagnostic, lang: str = "en") -> str:
    severity = SEVERITY.get(lang, SEVERITY["en"])[d.severity.value]
    # Text from files (paths, echoed values and keys) is made visible, newlines too: one finding, one line.
    return visible(f"{d.location()}: {severity}: {d.code} {tr(d.message, lang)}", newlines=False)


MAX_PER_FILE = 100


def capped(diagnostics: Sequence[Diagnostic]) -> tuple[list[Diagnostic], dict[str, int]]:
    """At most MAX_PER_FILE findings per file (in order), and how many more each file has."""
    shown: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for d in diagnostics:
        seen[d.path] = seen.get(d.path, 0) + 1
        if seen[d.path] <= MAX_PER_FILE:
            shown.append(d)
    return shown, {p: n - MAX_PER_FILE for p, n in seen.items() if n > MAX_PER_FILE}


def _more_line(path: str, n: int, lang: str) -> str:
    return visible(f"{path}: " + tr(T("more_findings_in_file", n=n), lang), newlines=False)


def render_findings(diagnostics: Sequence[Diagnostic], files: int, lang: str = "en") -> str:
    out: list[str] = []
    shown, more = capped(diagnostics)
    for i, d in enumerate(shown):
        out.append(finding_line(d, lang))
        if d.excerpt:
            excerpt = visible(d.excerpt, newlines=False)
            out.append(f"  {d.line:>4} | {excerpt}")
            if d.column:
                before = visible(d.excerpt[: max(0, d.column - 1 - d.excerpt_offset)], newlines=False)
                out.append(f"       | {' ' * len(before)}^")
        if d.hint:
            out.append(visible(f"       = {tr(T('hint', hint=d.hint), lang)}", newlines=False))
        if d.path in more and (i + 1 == len(shown) or shown[i + 1].path != d.path):
            out.append(_more_line(d.path, more[d.path], lang))
    out.append(summary_line(diagnostics, files, lang))
    return "\n".join(out) + "\n"


def summary_line(diagnostics: Sequence[Diagnostic], files: int, lang: str = "en") -> str:
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors

    def count(n: int, one: str, many: str) -> T:
        return T(one if n == 1 else many, n=n)

    verdict = "summary_ok" if not errors else "summary_failed"
    return tr(T(verdict, files=count(files, "n_file", "n_files"), errors=count(errors, "n_error", "n_errors"),
                  warnings=count(warnings, "n_warning", "n_warnings")), lang)


def _escape_data(text: str) -> str:
    text = visible(text, newlines=True)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(diagnostics: Sequence[Diagnostic], files: int, lang: str = "en") -> str:
    """GitHub Actions workflow commands: one ::error/::warning annotation a finding, then the summary."""
    out = []
    shown, more = capped(diagnostics)
    for d in shown:
        props = [f"file={_escape_property(d.path)}"]
        if d.line:
            props += [f"line={d.line}", f"col={d.column}"]
        props.append(f"title={_escape_property('svo ' + d.code)}")
        message = tr(d.message, lang) + (f" ({tr(T('hint', hint=d.hint), lang)})" if d.hint else "")
        out.append(f"::{d.severity.value} {','.join(props)}::{_escape_data(message)}")
    out += [_more_line(path, n, lang) for path, n in more.items()]
    out.append(summary_line(diagnostics, files, lang))
    return "\n".join(out) + "\n"
