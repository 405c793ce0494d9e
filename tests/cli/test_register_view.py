"""`svo status --view register` (issue 22, item 4): the work plans' steering-documents appendix from the register,
in every status format, ended documents only with --all."""

from __future__ import annotations

import io
import json

import docx
import openpyxl
import pytest

from conftest import invoke

ARGS = ("status", "--view", "register", "--as-of", "2026-12-02")


def _json(*extra: str) -> dict:
    result = invoke(*ARGS, *extra, "--format", "json", "--lang", "sv")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_appendix_reads_like_the_work_plans_own():
    document = _json()
    rows = {r["id"]: r for r in document["documents"]}
    row = rows["missbruk-psykisk-funktionsnedsattning"]
    assert row["validity"] == "2018-01-01 – 2027-12-31 (period 4)"
    assert row["notice"] == "uppsägning skriftligen senast 12 månader före avtalstidens utgång"
    assert row["renewal"] == "förlängs med 2 år i taget om ingen part säger upp"
    assert row["next_deadline"] == "2026-12-31" and row["next_deadline_kind"] == "notice_deadline"
    assert row["responsible"] == "LPO Psykisk hälsa" and "årligen från 2019" in row["followup"]
    assert rows["hemsjukvardsavtalet"]["validity"] == "2014-01-01 – tills vidare"
    titles = [r["title"] for r in document["documents"]]
    assert titles[0].startswith("Avsiktsförklaring") and titles[-1].startswith("Överenskommelse")  # Swedish order
    assert all(r["status"] not in ("superseded", "expired", "terminated") for r in document["documents"])


def test_ended_documents_only_with_all():
    some, every = _json(), _json("--all")
    assert some["left_out"] > 0 and every["left_out"] == 0
    assert len(every["documents"]) == len(some["documents"]) + some["left_out"]
    assert "psykisk-ohalsa-2013" in {r["id"] for r in every["documents"]}


@pytest.mark.parametrize("fmt", ["table", "md", "csv", "csv-excel"])
def test_every_text_format(fmt):
    result = invoke(*ARGS, "--format", fmt, "--lang", "sv")
    assert result.exit_code == 0 and "Ansvar" in result.stdout and "förlängs med 2 år i taget" in result.stdout


def test_xlsx_and_docx(tmp_path):
    sheet = tmp_path / "styrdokument.xlsx"
    assert invoke(*ARGS, "--lang", "sv", "-o", str(sheet)).exit_code == 0
    book = openpyxl.load_workbook(sheet)
    header = [c.value for c in book[book.sheetnames[-1]][1]]
    assert header[:3] == ["Dokument", "ID", "Slag"] and "Gäller till" in header
    word = tmp_path / "styrdokument.docx"
    assert invoke(*ARGS, "--lang", "sv", "-o", str(word)).exit_code == 0
    document = docx.Document(io.BytesIO(word.read_bytes()))
    header = [c.text for c in document.tables[0].rows[0].cells]
    assert header == ["Dokument", "Slag", "Giltighetstid", "Uppsägning och förlängning",
                      "Nästa sista dag för uppsägning", "Tidplan uppföljning", "Ansvar", "Källa"]
    plain = tmp_path / "status.docx"  # the default view as a Word document too
    assert invoke("status", "--as-of", "2026-12-02", "-o", str(plain)).exit_code == 0
    assert docx.Document(str(plain)).tables
