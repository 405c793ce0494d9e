"""The frozen data's check as a Word document, as text, held to its golden file (formats/check-sv.docx.txt);
SVO_UPDATE_GOLDEN=1 rewrites it."""

from __future__ import annotations

import os

import docx

from conftest import GOLDEN, invoke


def dump(document) -> str:
    """The document as text, in order: each section's page and orientation, the header and footer, every
    paragraph with its style and every table row (cells joined by |)."""
    lines = []
    for s in document.sections:
        lines.append(f"[section {round(s.page_width.mm)}x{round(s.page_height.mm)} {s.orientation.name}]")
    lines += ["[header] " + p.text for p in document.sections[0].header.paragraphs]
    lines += ["[footer] " + p.text + (" {PAGE}" if "PAGE" in p._p.xml else "") for p in document.sections[0].footer.paragraphs]
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            lines += [" | ".join(c.text.replace("\n", " / ") for c in row.cells) for row in block.rows]
        elif block.text:
            lines.append(f"[{block.style.name}] {block.text}")
    return "\n".join(lines) + "\n"


def test_golden_text_of_the_check_document():
    """The frozen data's check as a Word document, as text (tests/golden/formats/check-sv.docx.txt)."""
    result = invoke("check", "--meeting", "2026-12-10", "--fail-on", "never", "--format", "docx", "--lang", "sv",
                    "--as-of", "2026-11-23", "--data", str(GOLDEN / "data"))
    assert result.exit_code in (0, 1), result.stderr
    import io

    got = dump(docx.Document(io.BytesIO(result.stdout_bytes)))
    golden = GOLDEN / "formats" / "check-sv.docx.txt"
    if os.environ.get("SVO_UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")
