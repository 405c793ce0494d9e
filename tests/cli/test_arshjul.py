"""svo arshjul: the year as a wheel of twelve months, in plain SVG or an HTML page; no PNG."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from datetime import date

from conftest import hostile_data, invoke
from svo_cli.arshjul import RINGS, marks_of
from svo_cli.i18n import why
from svo_cli.kinds import DeadlineKind
from svo_cli.obligations import make_deadline

SVG = "{http://www.w3.org/2000/svg}"


def wheel(tmp_path, *args: str):
    target = tmp_path / "arshjul.svg"
    result = invoke("arshjul", "--year", "2027", "-o", str(target), *args)
    assert result.exit_code == 0, result.stderr
    return target.read_text(encoding="utf-8"), ET.parse(target).getroot()


def test_the_county_year_2027_is_drawn_in_swedish(tmp_path):
    text, root = wheel(tmp_path, "--lang", "sv", "--as-of", "2027-03-15")
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Årshjul 2027"
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    for month in ("januari", "maj", "september", "december"):
        assert month in texts
    assert "Beslut i huvudmännens nämnder" in texts and "Uppföljningar" in texts
    marks = [e for e in root.iter() if "mark" in (e.get("class") or "").split()]
    titles = [e.find(f"{SVG}title").text for e in marks]
    # the notice deadline of ramavtal-ungdomshalsa (2027-12-30) needs the boards' decisions by 2027-09-30
    assert any(t.startswith("2027-09-30 beslut senast: Ramavtal för ungdomshälsa") for t in titles), titles
    assert any(t.startswith("2027-12-30 sista dag för uppsägning: Ramavtal för ungdomshälsa") for t in titles)
    assert any(t.startswith("2027-06-30 uppföljning:") and "Halvårsvis redovisning" in t for t in titles)
    assert all(t[:4] == "2027" for t in titles)
    assert root.find(f".//{SVG}line[@class='today']") is not None
    # every mark is listed in words under the wheel too
    listed = " ".join(texts)
    assert "Halvårsvis redovisning" in listed and "September" in listed
    # nothing external: the only URL is the SVG namespace
    assert re.findall(r"https?://[^\"' ]+", text) == ["http://www.w3.org/2000/svg"]


def test_a_day_sits_at_its_place_on_the_clock(tmp_path):
    from svo_cli.render import arshjul

    january, july = arshjul._angle(date(2027, 1, 1)), arshjul._angle(date(2027, 7, 2))
    x, y = arshjul._point(january, 100)
    assert abs(x - arshjul.CX) < 2 and y < arshjul.CY  # 1 January at twelve o'clock
    assert abs(july - math.pi) < 0.02  # the year's middle at six


def test_a_decision_due_this_year_for_a_deadline_next_year_is_a_mark_of_its_own():
    from dataclasses import replace

    row = make_deadline(date(2028, 1, 31), DeadlineKind.NOTICE_DEADLINE, "x", "X", date(2027, 1, 1), False,
                        why("minutes_carried", text="t"), term=1)
    row = replace(row, decide_by=date(2027, 10, 29))
    marks = marks_of([row], 2027)
    assert [(m.day, m.ring) for m in marks] == [(date(2027, 10, 29), "decide_by")]
    assert set(RINGS) >= {m.ring for m in marks}


def test_html_page_has_the_wheel_and_a_table(tmp_path):
    target = tmp_path / "arshjul.html"
    result = invoke("arshjul", "--year", "2027", "--lang", "sv", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<html lang="sv">' in text and "<h1>Årshjul 2027</h1>" in text
    assert "<svg" in text and "<table>" in text and "@page { size: A4" in text
    assert "<script" not in text


def test_png_is_a_usage_error_naming_the_formats(tmp_path):
    result = invoke("arshjul", "-o", str(tmp_path / "arshjul.png"), "--lang", "sv")
    assert result.exit_code == 2
    assert "välj bland: svg, html" in result.stderr
    assert not (tmp_path / "arshjul.png").exists()


def test_text_from_the_data_is_escaped(tmp_path):
    (tmp_path / "data").mkdir()
    data = hostile_data(tmp_path / "data")
    target = tmp_path / "wheel.svg"
    result = invoke("arshjul", "--data", str(data), "--year", "2026", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;" in text
    ET.parse(target)  # still well-formed XML


def test_the_list_under_the_wheel_wraps_long_titles_so_entries_read_apart(tmp_path):
    """Two assignments of the same day once read the same ("uppdrag: Samråd vård och omsorg (SVO), arbets…"):
    an entry goes on over more lines instead of being cut (found by trying svo as a new user)."""
    from conftest import invoke

    out = tmp_path / "a.svg"
    invoke("arshjul", "--year", "2027", "--lang", "sv", "-o", str(out))
    svg = out.read_text(encoding="utf-8")
    assert "arbetsplan för åren 2026-2027" in svg and "arbetsplan 2024-2025" in svg
    assert "(SVO), arbets…" not in svg
