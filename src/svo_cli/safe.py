"""The one place where text from the data (values, file names, keys) is made safe for each kind of sink.

What is never passed through as it is, in any sink:
- control characters: C0 but tab and newline, DEL, C1 (NEL, U+0085, among them);
- line separators other than the newline: carriage return, U+2028, U+2029 (and NEL), so one value can
  never start a new line of output (`str.splitlines()` and terminals break lines on them);
- invisible and direction characters: zero-width space, joiners and marks (U+200B–U+200F), the Arabic
  letter mark (U+061C), the word joiner (U+2060), the byte-order mark (U+FEFF), bidirectional embeddings
  and overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they change what a reader sees, and what
  `--body SVO` matches, without being seen.

The loader refuses all of these in a file's text and values (SVO012); the sinks still escape them, for
text that does not come through the loader (file names, command-line values echoed back).

Sinks:
- `visible`: people's text (terminal tables, cards, banners, usage errors, findings, Markdown, HTML, ICS,
  CSV and xlsx cells): each such character written out as `\\x1b` / `\\u2028`; newlines kept or written
  out (`newlines=False`) as the caller needs.
- `plain_lines`: the last step of every plain-text output (stdout tables, `show`, `validate` text,
  stderr): a line of svo's output never starts a GitHub Actions workflow command. `::` at a line's
  start (after spaces, which the runner trims) becomes `:\\:`, and `##[` anywhere becomes `##\\[`.
- `annotation_data` / `annotation_property`: the message and the properties of a GitHub Actions
  annotation (`::error file=…::message`): percent-encoded as the runner decodes them.
"""

from __future__ import annotations

import re

# Allowed: tab, newline (and, in a file's raw text only, the carriage return of a CRLF line end).
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_SEPARATORS = "\u2028\u2029"
_INVISIBLE = "\u200b-\u200f\u061c\u2060\ufeff\u202a-\u202e\u2066-\u2069"
CONTROL = re.compile(f"[{_CONTROLS}{_SEPARATORS}{_INVISIBLE}]")
_ANY_CONTROL = re.compile(f"[\n{_CONTROLS}{_SEPARATORS}{_INVISIBLE}]")
_LINE_BREAKS = frozenset("\r\x85\u2028\u2029\x0b\x0c\x1c\x1d\x1e")
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")

# GitHub Actions workflow commands: `::name …::` at a line's start (the runner trims spaces first) and
# the legacy `##[name]` anywhere in a line.
_WORKFLOW_START = re.compile(r"^([ \t]*):(?=:)", re.MULTILINE)
_LEGACY = "##["


def escape_char(char: str) -> str:
    """One character as the text a person can read: \\x1b, \\u2028."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, newlines: bool = True) -> str:
    """`text` with every control, line-separator and invisible character written out (\\x1b, \\u2028);
    newlines kept unless `newlines=False` (then they are written out too, so one value cannot start a
    new line of output)."""
    pattern = CONTROL if newlines else _ANY_CONTROL
    if not pattern.search(text):
        return text
    return pattern.sub(lambda m: escape_char(m.group()), text)


def kind_of(char: str) -> str:
    """Which class a refused character belongs to: 'line_separator', 'invisible' or 'control'."""
    if char in _LINE_BREAKS:
        return "line_separator"
    if _INVISIBLE_RE.fullmatch(char):
        return "invisible"
    return "control"


def first_control(text: str, raw: bool = True) -> int | None:
    """The index of the first character `visible` would escape (tab and newline allowed), or None.
    In a file's raw text (`raw`) a carriage return is a line end and allowed; in a value it is not."""
    match = CONTROL.search(text.replace("\r", " ") if raw else text)
    return match.start() if match else None


def plain_lines(text: str) -> str:
    """Plain text whose lines cannot be read as GitHub Actions workflow commands: `::` at a line's
    start becomes `:\\:`, `##[` becomes `##\\[`. Everything else is left as it is."""
    if "::" in text:
        text = _WORKFLOW_START.sub(r"\1:\\", text)
    return text.replace(_LEGACY, "##\\[") if _LEGACY in text else text


def annotation_data(text: str) -> str:
    """The message of a GitHub Actions annotation: one line, percent-encoded as the runner decodes it,
    and no legacy `##[` command inside."""
    text = visible(text, newlines=True).replace(_LEGACY, "##\\[")
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def annotation_property(text: str) -> str:
    """A property value (file=, title=) of a GitHub Actions annotation."""
    return annotation_data(text).replace(":", "%3A").replace(",", "%2C")
