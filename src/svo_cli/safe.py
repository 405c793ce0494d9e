"""Text from a file never reaches a terminal's control channel: control characters found and made visible."""

from __future__ import annotations

import re

# C0 except tab and newline, DEL, C1, and the bidirectional overrides and isolates.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ANY_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_char(char: str) -> str:
    """One control character as the text a person can read: \\x1b, \\u202e."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, newlines: bool = True) -> str:
    """`text` with every control character written out (\\x1b); newlines kept unless `newlines=False`
    (then they are written out too, so one value cannot start a new line of output)."""
    pattern = CONTROL if newlines else _ANY_CONTROL
    if not pattern.search(text):
        return text
    return pattern.sub(lambda m: escape_char(m.group()), text)


def first_control(text: str) -> int | None:
    """The index of the first control character (tab, newline and carriage return allowed), or None."""
    match = CONTROL.search(text.replace("\r", " "))
    return match.start() if match else None
