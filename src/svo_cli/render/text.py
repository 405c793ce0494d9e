"""Findings → compiler-style lines (path:line:column: severity: CODE message) for people and CI."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from svo_cli.diagnostics import MAX_PER_FILE, MAX_SHOWN, Diagnostic, shown
from svo_cli.i18n import SEVERITY, tr
from svo_cli.messages import T
from svo_cli.safe import annotation_data, annotation_property, plain_lines, visible

if TYPE_CHECKING:
    from svo_cli.text_keys import FindingKey


def finding_line(d: Diagnostic, lang: str = "en") -> str:
    severity = SEVERITY.get(lang, SEVERITY["en"])[d.severity.value]
    # Text from files (paths, echoed values and keys) is made visible, newlines too: one finding, one line.
    return visible(f"{d.location()}: {severity}: {d.code} {tr(d.message, lang)}", newlines=False)


def listed_findings(diagnostics: Sequence[Diagnostic], lang: str = "en") -> tuple[list[Diagnostic], list[str]]:
    """The findings a text output shows (diagnostics.shown: at most MAX_PER_FILE a file, MAX_SHOWN in
    all) and the closing line saying how many were left out (none when all are shown)."""
    capped = shown(diagnostics)
    if not capped.omitted:
        return list(capped.findings), []
    return list(capped.findings), [omitted_line(capped.omitted, lang)]


def omitted_line(n: int, lang: str = "en") -> str:
    return tr(T("more_findings", n=n, per_file=MAX_PER_FILE, total=MAX_SHOWN), lang)


def _more_line(path: str, n: int, lang: str) -> str:
    return visible(f"{path}: " + tr(T("more_findings_in_file", n=n), lang), newlines=False)


def render_findings(diagnostics: Sequence[Diagnostic], files: int, lang: str = "en") -> str:
    out: list[str] = []
    capped = shown(diagnostics)
    listed, more = capped.findings, capped.more_in_file
    for i, d in enumerate(listed):
        out.append(finding_line(d, lang))
        if d.excerpt:
            excerpt = visible(d.excerpt, newlines=False)
            out.append(f"  {d.line:>4} | {excerpt}")
            if d.column:
                before = visible(d.excerpt[: max(0, d.column - 1 - d.excerpt_offset)], newlines=False)
                out.append(f"       | {' ' * len(before)}^")
        if d.hint:
            out.append(visible(f"       = {tr(T('hint', hint=d.hint), lang)}", newlines=False))
        if d.path in more and (i + 1 == len(listed) or listed[i + 1].path != d.path):
            out.append(_more_line(d.path, more[d.path], lang))
    if capped.omitted:
        out.append(omitted_line(capped.omitted, lang))
    out.append(summary_line(diagnostics, files, lang))
    return "\n".join(out) + "\n"


def summary_line(diagnostics: Sequence[Diagnostic], files: int, lang: str = "en") -> str:
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors

    def count(n: int, one: FindingKey, many: FindingKey) -> T:
        return T(one if n == 1 else many, n=n)

    verdict: FindingKey = "summary_ok" if not errors else "summary_failed"
    return tr(T(verdict, files=count(files, "n_file", "n_files"), errors=count(errors, "n_error", "n_errors"),
                  warnings=count(warnings, "n_warning", "n_warnings")), lang)


def render_github(diagnostics: Sequence[Diagnostic], files: int, lang: str = "en") -> str:
    """GitHub Actions workflow commands: one ::error/::warning annotation a finding, then the summary."""
    out = []
    capped = shown(diagnostics)
    for d in capped.findings:
        props = [f"file={annotation_property(d.path)}"]
        if d.line:
            props += [f"line={d.line}", f"col={d.column}"]
        props.append(f"title={annotation_property('svo ' + d.code)}")
        message = tr(d.message, lang) + (f" ({tr(T('hint', hint=d.hint), lang)})" if d.hint else "")
        out.append(f"::{d.severity.value} {','.join(props)}::{annotation_data(message)}")
    out += [plain_lines(_more_line(path, n, lang)) for path, n in capped.more_in_file.items()]
    if capped.omitted:
        out.append(plain_lines(omitted_line(capped.omitted, lang)))
    out.append(summary_line(diagnostics, files, lang))
    return "\n".join(out) + "\n"


def render_checks(lang: str = "en", json: bool = False, width: int | None = None) -> str:
    """`svo validate --list-checks`: each check's name, the codes it reports and what it checks (in
    `lang`); with `json`, the same as a list of objects (name, codes, errors, description). At a
    terminal `width` the codes and the description wrap within their columns (a code is never cut)."""
    import textwrap

    from svo_cli.checks import CHECKS

    if json:
        import json as json_module

        rows = [{"name": c.name, "codes": list(c.codes), "errors": c.errors, "description": tr(T(c.about), lang)}
                for c in CHECKS]
        return json_module.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    name_width = max(len(c.name) for c in CHECKS)
    code_width = max(len(", ".join(c.codes)) for c in CHECKS)
    if width is not None and width < name_width + 2 + code_width + 2 + 30:  # narrow: codes wrap too
        code_width = max(len("SVO000,"), min(code_width, (width - name_width - 4) // 3))
    text_width = None if width is None else max(20, width - name_width - code_width - 4)
    lines = []
    for c in CHECKS:
        codes = textwrap.wrap(", ".join(c.codes), code_width, break_long_words=False) or [""]
        about = tr(T(c.about), lang)
        words = textwrap.wrap(about, text_width, break_long_words=False) if text_width else [about]
        for i in range(max(len(codes), len(words))):
            left = c.name if i == 0 else ""
            code = codes[i] if i < len(codes) else ""
            word = words[i] if i < len(words) else ""
            lines.append(f"{left:<{name_width}}  {code:<{code_width}}  {word}".rstrip())
    return "\n".join(lines) + "\n"
    code_width = max(len(", ".join(c.codes)) for c in CHECKS)
    return "".join(f"{c.name:<{name_width}}  {', '.join(c.codes):<{code_width}}  {tr(T(c.about), lang)}\n"
                   for c in CHECKS)
