"""The Word documents opened and converted by LibreOffice Writer headless (slow)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from conftest import commands_with, write_docx


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("CI must install LibreOffice Writer (see .ci/run)")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui, "
                    "or libreoffice-writer)")
    return found


@pytest.mark.slow
@pytest.mark.parametrize("command", commands_with("--meeting", format="docx"))
def test_libreoffice_opens_and_converts_the_document(tmp_path, command):
    office = soffice()
    write_docx(tmp_path, command, "--lang", "sv", name="pack.docx")
    profile = tmp_path / "profile"
    ran = subprocess.run([office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                          "--outdir", str(tmp_path), str(tmp_path / "pack.docx")],
                         capture_output=True, text=True, timeout=300, check=False)
    pdf = tmp_path / "pack.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000, (ran.stdout, ran.stderr)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert b"/MediaBox [0 0 595" in pdf.read_bytes() or b"/MediaBox[0 0 595" in pdf.read_bytes()  # A4 pages
