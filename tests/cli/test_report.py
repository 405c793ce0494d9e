"""svo report (Markdown and self-contained HTML; drawn in headless Chromium in tests/process/test_report_browser.py)
and svo timeline."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from conftest import hostile_data, html_report, svo


class Structure(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.mark.rule(id="17")
def test_html_report_is_self_contained_and_complete(tmp_path):
    text = html_report(tmp_path, "--lang", "sv").read_text(encoding="utf-8")
    parser = Structure()
    parser.feed(text)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and "link" not in tags and "img" not in tags and "iframe" not in tags
    assert not any(k in ("src", "href") for _, attrs in parser.tags for k in attrs)
    sections = [a.get("id") for t, a in parser.tags if t == "section"]
    assert sections == ["summary", "decisions", "overdue", "due", "agreements", "renewed", "ending", "since", "plans",
                        "timeline"]
    assert "@page { size: A4" in text and "<th></th>" not in text
    assert tags.count("rect") >= 16 and tags.count("polygon") >= 6
    assert "Sammanfattning" in text and "antagen av 0 av 14 huvudmän" in text


@pytest.mark.rule(id="17")
def test_markdown_report(tmp_path):
    result = svo("report", "--as-of", "2026-11-23", "--horizon", "40")
    assert result.returncode == 0
    for heading in ("# svo report 2026-11-23", "## Summary", "## Overdue", "## Due by 2027-01-02",
                    "## Agreements by state", "## Work plans: adoption by the principals", "## Timeline"):
        assert heading in result.stdout
    assert "◆" in result.stdout and "┃" in result.stdout


def test_report_escapes_data(tmp_path):
    target = tmp_path / "hostile.html"
    (tmp_path / "data").mkdir()
    data = str(hostile_data(tmp_path / "data"))
    assert svo("report", "--data", data, "--as-of", "2026-11-23", "--horizon", "30", "-o", str(target)).returncode == 0
    text = target.read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text


@pytest.mark.rule(id="18")
def test_terminal_timeline():
    result = svo("timeline", "--as-of", "2026-11-23")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    row = next(line for line in lines if line.startswith("missbruk-psykisk-funktionsnedsattning"))
    assert "━" in row and "◆" in row and "┄" in row and "┃" in row
    assert "2026" in lines[0] and "2030" in lines[0]
    assert not any(line.startswith("psykisk-ohalsa-2013") for line in lines)
    assert any(line.startswith("psykisk-ohalsa-2013") for line in
               svo("timeline", "--as-of", "2026-11-23", "--all", "--years-back", "12").stdout.splitlines())


@pytest.mark.rule(id="17")
def test_the_report_is_a_meeting_pack(tmp_path):
    target = tmp_path / "pack.html"
    assert svo("report", "--as-of", "2026-11-23", "--meeting", "2026-12-10", "--body", "SVO", "--lang", "sv",
               "-o", str(target)).returncode == 0
    text = target.read_text(encoding="utf-8")
    assert "<title>Inför SVO-mötet 2026-12-10</title>" in text and "<h1>Inför SVO-mötet 2026-12-10</h1>" in text
    assert 'class="meeting"' in text and "möte 2026-12-10" in text  # the meeting day on the timeline
    assert "missbruk-psykisk-funktionsnedsattning" in text or "Samverkansöverenskommelse avseende" in text
    decisions = text[text.index('id="decisions"'):text.index('id="overdue"')]
    assert "2026-09-30" in decisions and "beslut sent" in decisions
    assert "vilar på ett ungefärligt datum" in text  # ~ explained
    md = svo("report", "--as-of", "2026-11-23", "--meeting", "2026-12-10").stdout
    assert md.startswith("# Before the meeting 2026-12-10")


def test_report_marks_what_rests_on_an_assumption_with_a_legend():
    """As the tables do: '[antagande]' after each result resting on an assumed fact, and what it means."""
    from conftest import invoke

    for fmt, mark in (("html", "[antagande]"), ("md", "[antagande]")):
        text = invoke("report", "--meeting", "2026-12-10", "--as-of", "2026-11-23", "--lang", "sv",
                      "--format", fmt).stdout
        assert text.count(mark) >= 2, fmt
        assert "[antagande] markerar ett resultat som vilar på ett faktum som ingen källa anger" in text, fmt
    english = invoke("report", "--meeting", "2026-12-10", "--as-of", "2026-11-23", "--format", "html").stdout
    assert "[assumption]" in english and "[assumption] marks a result" in english


def test_the_report_has_the_check_s_ending_and_since_sections_in_both_formats():
    """What ends in the window and what was recorded since the last meeting, as svo check lists them
    (issue 20 item 3): in Markdown and in HTML, in the reader's language."""
    import json as _json

    from conftest import invoke

    args = ("--meeting", "2026-12-10", "--as-of", "2026-12-02")
    check = _json.loads(invoke("check", *args, "--format", "json").stdout)
    md_text = invoke("report", *args, "--format", "md").stdout
    assert "## Ending, through " in md_text and "## Recorded since " in md_text
    for event in check["since_events"]:
        assert f"| {event['date']} | {event['id']} |" in md_text
    html_text = invoke("report", *args, "--format", "html", "--lang", "sv").stdout
    assert '<section id="ending"><h2>Upphör' in html_text and '<section id="since">' in html_text


def test_show_marks_the_rows_that_rest_on_an_assumption_as_json_does():
    """svo show's deadline table marks `[assumption]` exactly on the rows its JSON calls assumed (issue 20)."""
    import json as _json

    from conftest import invoke

    args = ("show", "samverkan-barn-och-unga", "--as-of", "2026-12-02")
    rows = _json.loads(invoke(*args, "--format", "json").stdout)["deadlines"]
    text = invoke(*args).stdout
    section = text[text.index("\nDeadlines\n"):].split("\n\n")[0].splitlines()[3:]
    lines: list[str] = []
    for li in section:  # a wrapped cell goes on in indented lines
        if li[:4].isdigit():
            lines.append(li.rstrip())
        else:
            lines[-1] += " " + li.strip()
    table = lines
    assert len(table) == len(rows) and any(r["assumed"] for r in rows) and not all(r["assumed"] for r in rows)
    for row, line in zip(rows, table):
        assert line.startswith(row["date"]) and line.endswith("[assumption]") == row["assumed"], line


def test_the_report_names_the_missing_principals_in_every_section():
    """Every section of the report names principals, never ids (the rows after the meeting once said
    "missing: boxholm, finspang, …")."""
    from conftest import invoke

    args = ("report", "--meeting", "2026-12-10", "--as-of", "2026-12-02", "--lang", "sv")
    for fmt in ("html", "md"):
        text = invoke(*args, "--format", fmt).stdout
        assert "Boxholms kommun" in text and "saknas: boxholm" not in text, fmt


def test_the_report_timeline_never_cuts_an_id():
    """The picture's label column fits the longest id ("missbruk-psykisk-funktionsnedsa…" once)."""
    from conftest import invoke

    html = invoke("report", "--meeting", "2026-12-10", "--as-of", "2026-12-02", "--format", "html").stdout
    svg = html[html.index('<svg class="timeline"'):]
    assert ">missbruk-psykisk-funktionsnedsattning</text>" in svg and "…</text>" not in svg
