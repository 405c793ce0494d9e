"""The site's pages loaded in a real browser (headless Chromium, served on the loopback address; slow)."""

from __future__ import annotations

import pytest

from conftest import broken_links, browse


@pytest.mark.slow
def test_every_page_loads_in_headless_chromium_without_errors(site, tmp_path):
    """Every page of the site loaded in Chromium (one page framing them all, served on the loopback address):
    each requested once and found, nothing else requested but the browser's favicon, no console message;
    every link resolves (checked on the files, fragments included)."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    browsed = browse(site, pages, tmp_path / "profile")
    assert browsed.dom.count("<iframe") == len(pages)
    fetched = [(path, status) for path, status in browsed.requests if path != "/favicon.ico"]
    assert sorted(fetched) == sorted((f"/{p}", 200) for p in pages), [r for r in fetched if r[1] != 200][:5]
    assert browsed.console == [], browsed.console[:5]
    assert broken_links(site) == []
    index = browse(site, ["index.html"], tmp_path / "profile2")
    assert index.console == [] and ("/index.html", 200) in index.requests


@pytest.mark.slow
def test_the_browser_check_fails_on_a_broken_page(tmp_path):
    """The check above can fail: a page with a missing stylesheet and image, a link to nowhere and a console
    error (a page made for this test; the site itself has no script) is caught on every count."""
    root = tmp_path / "broken"
    root.mkdir()
    (root / "ok.html").write_text('<!DOCTYPE html><html lang="sv"><title>ok</title><p>ok</p></html>', encoding="utf-8")
    (root / "bad.html").write_text(
        '<!DOCTYPE html><html lang="sv"><head><title>bad</title><link rel="stylesheet" href="saknas.css"></head>'
        '<body><img src="saknas.png" alt=""><a href="ingenstans.html">x</a><a href="ok.html#nej">y</a>'
        '<script>console.error("trasig sida")</script></body></html>', encoding="utf-8")
    browsed = browse(root, ["ok.html", "bad.html", "borta.html"], tmp_path / "profile")
    failed = sorted(path for path, status in browsed.requests if status != 200 and path != "/favicon.ico")
    assert failed == ["/borta.html", "/saknas.css", "/saknas.png"]
    assert any("trasig sida" in line for line in browsed.console), browsed.console
    assert broken_links(root) == [("bad.html", "ingenstans.html"), ("bad.html", "ok.html#nej")]
