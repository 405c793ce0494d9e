"""The HTML report drawn in a real browser (headless Chromium; slow)."""

from __future__ import annotations

import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from conftest import browse, chromium, html_report

GREEN_CURRENT = (0x2E, 0x7D, 0x32)


RED_NOTICE = (0xC6, 0x28, 0x28)


BLUE_TODAY = (0x15, 0x65, 0xC0)


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA, non-interlaced PNG (what Chromium writes) into pixel rows."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and color in (2, 6) and interlace == 0
            bpp = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, previous = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, [bytes(r[i:i + 3]) for r in rows for i in range(0, len(r), bpp)]


@pytest.mark.slow
def test_html_report_is_drawn_in_headless_chromium(tmp_path):
    browser = chromium()
    page = html_report(tmp_path)
    shot = tmp_path / "page.png"
    profile = tmp_path / "profile"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={profile}", "--hide-scrollbars", "--window-size=1200,6000",
                    f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120, check=False)
    assert shot.exists(), "Chromium wrote no screenshot"
    width, height, pixels = read_png(shot)
    assert (width, height) == (1200, 6000)
    counts = {name: sum(1 for p in pixels if p == bytes(rgb)) for name, rgb in
              (("current", GREEN_CURRENT), ("notice", RED_NOTICE), ("today", BLUE_TODAY))}
    assert counts["current"] > 5000, counts  # terms in force drawn as bars
    assert counts["notice"] > 200, counts  # notice-deadline diamonds and overdue dates
    assert counts["today"] > 300, counts  # the today line
    dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120, check=False).stdout
    assert '<svg class="timeline"' in dom and dom.count("<rect") >= 16
    # Served over HTTP (a file:// load logs no failed request): the page alone is fetched, nothing from
    # elsewhere, and the browser's console stays silent.
    browsed = browse(page.parent, [page.name], tmp_path / "profile-served")
    assert browsed.console == [], browsed.console
    assert {path for path, _ in browsed.requests} - {"/favicon.ico"} == {"/" + page.name}, browsed.requests
    assert all(code == 200 for path, code in browsed.requests if path != "/favicon.ico"), browsed.requests
