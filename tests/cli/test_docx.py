"""svo check and svo report as Word documents (`--format docx`, `-o FILE.docx`), read back with python-docx:
A4, the header and page numbers, the check's sections in order, each decision with both options and an
editable proposed decision, tables that fit their page, an organisation's template. The golden text dump
of the frozen data is in tests/golden/test_golden_docx.py, LibreOffice opening and converting the file in
tests/process/test_docx_libreoffice.py."""

from __future__ import annotations

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, RGBColor

from conftest import DATA, invoke, write_docx

ARGS = ["--meeting", "2026-12-10", "--as-of", "2026-12-02", "--data", str(DATA)]


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_the_first_decision_of_the_county_check_has_both_options_and_a_proposed_decision(tmp_path):
    document = write_docx(tmp_path, "check", "--lang", "sv", name="kontroll.docx")
    first = document.sections[0]
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)  # A4
    decision = headings(document, 2)[0]
    assert decision.startswith("1.1 ") and decision.endswith("(missbruk-psykisk-funktionsnedsattning)")
    texts = [p.text for p in document.paragraphs]
    at = texts.index(decision)
    block = texts[at:texts.index(headings(document, 2)[1])]
    assert "fortsätta → bindande till 2029-12-31" in block
    assert "säga upp senast 2026-12-30 → sista dag 2027-12-31" in block
    assert any(t.startswith("Tidsgräns 2026-12-31 · agera senast 2026-12-30 · beslut senast 2026-09-30") for t in block)
    assert any(t.startswith("Källa: Samverkansöverenskommelse") and "1.4 Giltighetstid" in t for t in block)
    proposal = block[block.index("Förslag till beslut") + 1]
    assert "fortsätta (bindande till 31 december 2029)" in proposal
    assert "säga upp den senast 30 december 2026 (sista dag 31 december 2027)" in proposal
    heading = next(p for p in document.paragraphs if p.text == "Förslag till beslut")
    assert heading.style.name == "Heading 3"


def test_the_sections_come_in_the_checks_order_with_header_and_page_numbers(tmp_path):
    document = write_docx(tmp_path, "check", "--lang", "sv", "--body", "SVO")
    titles = headings(document, 1)
    starts = ["1. Beslut som behövs nu", "2. Försenat", "3. Senast mötet 2026-12-10", "4. De 91 dagarna efter mötet",
              "5. Tidigare uppföljningar, uppdrag och antaganden utan registrering", "6. Upphör", "7. Förlängt utan uppsägning sedan",
              "8. Registrerat sedan", "9. Ändrat sedan", "Anmärkningar i datafilerna",
              "Bilaga: gemensamma styrdokument"]
    assert len(titles) == len(starts) and all(t.startswith(s) for t, s in zip(titles, starts)), titles
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert header == "SVO · möte 2026-12-10 · per 2026-12-02"
    assert "PAGE" in document.sections[0].footer._element.xml
    assert document.paragraphs[0].style.name == "Title" and document.paragraphs[0].text == "Inför SVO-mötet 2026-12-10"
    # assumption marks with their reasons from the data
    assert any(p.text.startswith("Varför [antagande]: ") for p in document.paragraphs)


def test_tables_fit_their_pages_and_repeat_their_header_row(tmp_path):
    document = write_docx(tmp_path, "check", "--lang", "en")
    orientations = [s.orientation for s in document.sections]
    assert WD_ORIENT.LANDSCAPE in orientations and orientations[0] == WD_ORIENT.PORTRAIT
    landscape = next(s for s in document.sections if s.orientation == WD_ORIENT.LANDSCAPE)
    assert round(landscape.page_width.mm) == 297
    widest = max(s.page_width - s.left_margin - s.right_margin for s in document.sections)
    for table in document.tables:
        assert 'w:tblHeader w:val="true"' in table.rows[0]._tr.xml
        width = sum(cell.width for cell in table.rows[-1].cells)
        assert width <= widest + Mm(1), (width, widest)
    assert "Proposed decision" in [p.text for p in document.paragraphs]


def test_the_report_has_its_summary_agreements_and_plans(tmp_path):
    document = write_docx(tmp_path, "report", "--lang", "sv", name="rapport.docx")
    titles = headings(document, 1)
    assert titles[0] == "Sammanfattning" and titles[1].startswith("1. Beslut som behövs nu")
    assert "Överenskommelser efter läge" in titles and "Arbetsplaner: huvudmännens beslut" in titles
    assert "Förslag till beslut" in [p.text for p in document.paragraphs]


def test_a_template_gives_its_styles_and_letterhead_and_loses_its_example_text(tmp_path):
    base = docx.Document()
    base.sections[0].header.paragraphs[0].text = "Region Östergötland — brevhuvud"
    base.styles["Heading 1"].font.color.rgb = RGBColor(0x12, 0x34, 0x56)
    base.add_paragraph("Exempeltext i mallen")
    template = tmp_path / "mall.docx"
    base.save(str(template))
    document = write_docx(tmp_path, "check", "--lang", "sv", "--body", "SVO", "--template", str(template))
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header == ["Region Östergötland — brevhuvud", "SVO · möte 2026-12-10 · per 2026-12-02"]
    assert document.styles["Heading 1"].font.color.rgb == RGBColor(0x12, 0x34, 0x56)
    assert "Exempeltext i mallen" not in [p.text for p in document.paragraphs]
    assert headings(document, 1)[0].startswith("1. Beslut som behövs nu")


def test_a_template_must_be_a_word_document_and_is_for_docx_only(tmp_path):
    not_word = tmp_path / "mall.docx"
    not_word.write_text("no zip", encoding="utf-8")
    target = tmp_path / "out.docx"
    result = invoke("check", *ARGS, "--template", str(not_word), "-o", str(target), "--lang", "sv")
    assert result.exit_code == 2 and "inte ett Word-dokument" in result.stderr and not target.exists()
    result = invoke("check", *ARGS, "--template", str(tmp_path / "missing.docx"), "-o", str(target))
    assert result.exit_code == 2 and "missing.docx" in result.stderr and not target.exists()
    result = invoke("report", *ARGS, "--template", str(not_word), "--format", "md")
    assert result.exit_code == 2 and "--template is for --format docx" in result.stderr


def test_a_row_s_reason_is_on_a_line_of_its_own_never_written_out(tmp_path):
    """The explanation and the reason for its [antagande] are two lines of one cell: a real line break,
    never the text "\\x0a" (found by trying the pack as a new user)."""
    import docx as _docx

    from conftest import invoke

    out = tmp_path / "kontroll.docx"
    invoke("check", "--meeting", "2026-12-10", "--as-of", "2026-12-02", "--lang", "sv", "-o", str(out))
    cells = [c.text for t in _docx.Document(str(out)).tables for r in t.rows for c in r.cells]
    assert not [c for c in cells if "\\x0a" in c]
    assert any("[antagande]\nVarför [antagande]" in c for c in cells)


def test_the_report_s_word_document_has_the_changes_and_the_appendix_too(tmp_path):
    """As the check's pack: what the data's changes did since the last meeting, and the steering documents."""
    import docx as _docx

    from conftest import invoke

    out = tmp_path / "rapport.docx"
    invoke("report", "--meeting", "2026-12-10", "--as-of", "2026-12-02", "--lang", "sv", "-o", str(out))
    headings = [p.text for p in _docx.Document(str(out)).paragraphs if p.style.name.startswith("Heading")]
    assert any(h.startswith("9. Ändrat sedan förra mötet, 2024-08-23 (LGVO-mötet)") for h in headings), headings
    assert headings[-1] == "Bilaga: gemensamma styrdokument"
