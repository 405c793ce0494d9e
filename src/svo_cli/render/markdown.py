"""Views → Markdown (GitHub-flavoured tables), every cell escaped."""

from __future__ import annotations

import re
import string

from svo_cli.render.views import View
from svo_cli.safe import visible

_PUNCTUATION = frozenset(string.punctuation)
# At the start of a text (a paragraph, a list item, a cell): what would make it a heading, a list item,
# a quote, a thematic break or an ordered list item instead of text.
_LEADING = re.compile(r"^(?:#{1,6}(?=\s|$)|[-+*](?=\s|$)|>|(?:[-*_=]\s*)+$|\d{1,9}(?=[.)](?:\s|$)))")
_CLOSING = re.compile(r"(?:^|\s)(#+)$")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def escape(text: object, where: str = "block") -> str:
    """Text safe in Markdown, line breaks folded to spaces, with a backslash only before what would
    otherwise change the rendering: '|' (a cell's end), '`' and '<' (code, HTML), '*', '_' and '~' where
    they could open emphasis or strikethrough (so none can: a closer without an opener is text), '[' and
    ']' where they could make a link or a task box, an entity's '&', a backslash before punctuation.
    Hyphens, dots, parentheses and the like stay as written.

    `where`: "block" — a paragraph or list item of its own: also a leading '#', '-', '+', '*', '>', '1.'
    that would make a heading, list or quote; "cell" — a whole table cell or heading (inline only, with
    space around it); "part" — inline text next to other markup (its edges count as touching markup)."""
    flat = " ".join(visible(str(text)).split())
    edge = "*" if where == "part" else " "  # next to markup, or to space
    out: list[str] = []
    for i, char in enumerate(flat):
        before = flat[i - 1] if i > 0 else edge
        after = flat[i + 1] if i + 1 < len(flat) else edge
        if char in "|`<":
            needs = True
        elif char == "\\":
            needs = after in _PUNCTUATION
        elif char == "_" and before.isalnum() and after.isalnum():
            needs = False  # snake_case cannot open or close emphasis
        elif char in "*_" and where == "part":
            needs = True  # it could close the emphasis it is wrapped in
        elif char in "*_~":
            needs = not after.isspace() or where == "part"  # could open (or join the markup beside it)
        elif char == "]":
            needs = after in ("(", "[", ":")
        elif char == "[":
            needs = i == 0 and flat[1:3] in (" ]", "x]", "X]")  # '[ ]' / '[x]' first in a list item: a task box
        elif char == "&":
            needs = bool(_ENTITY.match(flat, i))
        else:
            needs = False
        out.append("\\" + char if needs else char)
    escaped = "".join(out)
    closing = _CLOSING.search(escaped) if where != "part" else None
    if closing:  # a heading's trailing '#'s would be taken for its closing sequence
        escaped = escaped[:closing.start(1)] + "\\" + escaped[closing.start(1):]
    leading = _LEADING.match(flat) if where == "block" else None
    if leading and not escaped.startswith("\\"):
        end = leading.end()
        if flat[:end].isdigit():  # '1. text': the dot after the number
            return escaped[:end] + "\\" + escaped[end:]
        return "\\" + escaped
    return escaped


def render_view_md(view: View) -> str:
    out = [f"> **{escape(line, 'part')}**" if i == 0 else f"> {escape(line)}" for i, line in enumerate(view.banner)]
    out += [""] if view.banner else []
    out += [f"## {escape(view.title, 'cell')}", ""] if view.title else []
    if not view.rows and view.header:
        from svo_cli.i18n import label

        out += [label("nothing_here", view.lang), ""]
    if view.rows:
        out.append("| " + " | ".join(escape(h, "cell") for h in view.header) + " |")
        out.append("|" + "|".join("---" for _ in view.header) + "|")
        for row in view.rows:
            out.append("| " + " | ".join(escape(c, "cell") for c in row) + " |")
        out.append("")
    if view.notes:
        out += [f"**{escape(view.notes_title, 'part')}**", ""] + [f"- {escape(n)}" for n in view.notes] + [""]
    for line in view.summary.split("\n") if view.summary else ():
        out += [escape(line), ""]
    return "\n".join(out)
