"""Views → Markdown (GitHub-flavoured tables), every cell escaped."""

from __future__ import annotations

import re

from svo_cli.render.views import View
from svo_cli.safe import visible

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape(text: object) -> str:
    """Text safe inside a Markdown table cell: specials escaped, line breaks folded to spaces."""
    flat = " ".join(visible(str(text)).split())
    return _SPECIAL.sub(r"\\\1", flat)


def render_view_md(view: View) -> str:
    out = [f"> **{escape(line)}**" if i == 0 else f"> {escape(line)}" for i, line in enumerate(view.banner)]
    out += [""] if view.banner else []
    out += [f"## {escape(view.title)}", ""]
    if not view.rows and view.header:
        from svo_cli.i18n import label

        out += [label("nothing_here", view.lang), ""]
    if view.rows:
        out.append("| " + " | ".join(escape(h) for h in view.header) + " |")
        out.append("|" + "|".join("---" for _ in view.header) + "|")
        for row in view.rows:
            out.append("| " + " | ".join(escape(c) for c in row) + " |")
        out.append("")
    if view.notes:
        out += [f"**{escape(view.notes_title)}**", ""] + [f"- {escape(n)}" for n in view.notes] + [""]
    if view.summary:
        out += [escape(view.summary), ""]
    return "\n".join(out)
