"""The terminal timeline (issue 14): colour on a terminal and none when plain, notice deadlines close to
the date marked so the mark survives without colour, year labels that never run together."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from conftest import DATA, invoke
from svo_cli import app
from svo_cli.render import Command, Display, Format, render

SGR = re.compile(r"\x1b\[[0-9;]*m")


def _timeline(as_of: date, width: int, plain: bool, lang: str = "en") -> str:
    result = app.timeline(app.Request(Path(DATA), as_of, lang), 4, 4, False)
    return str(render(Command.TIMELINE, Format.TABLE, result, Display(lang=lang, width=width, plain=plain)))


def test_colour_on_a_terminal_none_when_plain():
    coloured = _timeline(date(2026, 11, 23), 100, plain=False)
    plain = _timeline(date(2026, 11, 23), 100, plain=True)
    assert SGR.search(coloured)
    assert not SGR.search(plain)
    assert SGR.sub("", coloured) == plain  # the same picture, colour added only
    assert "\x1b[1;31m!" in coloured  # a close notice deadline is red as well as marked


def test_no_colour_under_no_color_or_piped():
    result = invoke("timeline", "--as-of", "2026-11-23", env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_close_notice_deadlines_are_marked_without_colour(lang):
    text = _timeline(date(2026, 11, 23), 80, plain=True, lang=lang)
    rows = {line.split()[0]: line for line in text.splitlines() if line[:1].isalpha()}
    for item in ("missbruk-psykisk-funktionsnedsattning", "samverkan-barn-och-unga"):
        assert re.match(rf"{item} +! ", rows[item])  # marked before the bars
        assert f"! 2026-12-31  {item}" in text  # and listed with the date
    assert not re.match(r"placerade-barn-och-unga +! ", rows["placerade-barn-och-unga"])  # a year away
    assert ("within 90 days" if lang == "en" else "inom 90 dagar") in text
    # half a year earlier nothing is close
    assert "! 2026" not in _timeline(date(2026, 6, 1), 80, plain=True, lang=lang)


@pytest.mark.parametrize("width", [60, 80, 100, 160])
def test_year_labels_never_run_together(width):
    text = _timeline(date(2026, 11, 23), width, plain=True)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    axis = lines[0]
    labels = re.findall(r"\S+", axis)
    assert len(labels) >= 2
    assert all(re.fullmatch(r"20\d\d", year) for year in labels), labels


def test_piped_timeline_is_not_a_hundred_thousand_columns_wide():
    result = invoke("timeline", "--as-of", "2026-11-23", env={"COLUMNS": ""})
    assert max(len(line) for line in result.stdout.splitlines()) <= 120
