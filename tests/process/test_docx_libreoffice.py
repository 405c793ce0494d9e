"""The Word documents opened and converted by LibreOffice Writer headless (slow)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from conftest import DATA, commands_with, invoke

ARGS = ["--meeting", "2026-12-10", "--as-of", "2026-12-02", "--data", str(DATA)]


def write(tmp_path: Path, command: str, *args: str, name: str = "out.docx") -> docx.document.Document:
    target = tmp_path / name
    extra = ["--fail-on", "never"] if command == "check" else []
    result = invoke(command, *ARGS, *extra, *args, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    return docx.Document(str(target))


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
    write(tmp_path, command, "--lang", "sv", name="pack.docx")
    profile = tmp_path / "profile"
    ran = subprocess.run([office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                          "--outdir", str(tmp_path), str(tmp_path / "pack.docx")],
                         capture_output=True, text=True, timeout=300, check=False)
    pdf = tmp_path / "pack.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000, (ran.stdout, ran.stderr)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert b"/MediaBox [0 0 595" in pdf.read_bytes() or b"/MediaBox[0 0 595" in pdf.read_bytes()  # A4 pages
