"""Usage errors that help, in the user's language (issue 14, items 3-5)."""

from __future__ import annotations

import pytest

from conftest import DATA, invoke


@pytest.mark.parametrize("value, guess", [("2026-1-5", "2026-01-05"), ("23/11/2026", "2026-11-23"),
                                          ("20261123", "2026-11-23"), ("23.11.2026", "2026-11-23"),
                                          ("1 januari 2027", "2027-01-01"), ("den 1:a januari 2027", "2027-01-01"),
                                          ("10 dec. 2026", "2026-12-10"), ("December 10, 2026", "2026-12-10")])
def test_a_date_option_names_itself_and_suggests_the_day(value, guess):
    """F10: the guess is the day meant, not a fixed example."""
    result = invoke("status", "--as-of", value, "--lang", "sv")
    assert result.exit_code == 2
    assert f"--as-of: '{value}' är inget datum; menade du {guess}? (skriv ÅÅÅÅ-MM-DD)" in result.stderr


def test_a_date_option_without_a_likely_day_shows_the_form():
    result = invoke("check", "--meeting", "10 december", "--lang", "sv")
    assert result.exit_code == 2
    assert "--meeting: '10 december' är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2026-01-05, eller idag" in result.stderr


@pytest.mark.parametrize("word", ["today", "idag", "TODAY"])
def test_today_is_a_date(word):
    assert invoke("status", "--as-of", word).exit_code == 0
    assert invoke("deadlines", "--until", word).exit_code == 0


@pytest.mark.parametrize("args, swedish", [
    (["status", "--fromat", "json"], "Fel: okänd flagga: --fromat (möjliga flaggor: --format)"),
    (["status", "--format", "jsno"], "Menade du 'json'?"),
    (["deadlines", "--within", "x"], "Fel: ogiltigt värde för '--within': inget heltal"),
    (["show"], "Fel: argumentet 'ID' saknas."),
    (["stauts"], "Fel: okänt kommando 'stauts'. Menade du 'status'?"),
])
def test_usage_errors_in_swedish(args, swedish):
    result = invoke(*args, "--lang", "sv") if args != ["stauts"] else invoke(*args, env={"LANG": "sv_SE.UTF-8"})
    assert result.exit_code == 2
    assert swedish in result.stderr
    assert "Användning: svo" in result.stderr


def test_usage_errors_in_english_suggest_choices_too():
    result = invoke("status", "--format", "jsno", "--lang", "en")
    assert result.exit_code == 2 and "Did you mean 'json'?" in result.stderr and "Usage: svo status" in result.stderr


def test_short_help_and_quiet_validate():
    assert invoke("-h").exit_code == 0 and "Commands" in invoke("-h").stdout
    assert invoke("status", "-h").exit_code == 0
    quiet = invoke("validate", "--quiet", "--as-of", "2026-11-23")
    assert quiet.exit_code == 0 and quiet.stdout == ""


def test_the_data_directory_is_found_upwards(monkeypatch):
    monkeypatch.chdir(DATA / "workplans")
    result = invoke("status", "--as-of", "2026-11-23", env={"SVO_DATA": ""})
    assert result.exit_code == 0 and "lakarmedverkan" in result.stdout


@pytest.mark.parametrize("given", ["agreements", "parties.yaml"])
def test_data_given_a_file_or_a_subdirectory_suggests_the_directory(given):
    result = invoke("status", "--data", str(DATA / given))
    assert result.exit_code == 2 and f"--data {DATA}" in result.stderr.replace("\n", " ") or "did you mean" in result.stderr


@pytest.mark.parametrize("value, lang, message", [
    ("-5", "sv", "Fel: ogiltigt värde för '--within': måste vara minst 0"),
    ("-5", "en", "Error: Invalid value for '--within': must be at least 0"),
    ("99999", "sv", "Fel: ogiltigt värde för '--within': får vara högst 36500"),
])
def test_a_number_out_of_range_is_said_in_the_users_words(value, lang, message):
    result = invoke("deadlines", "--within", value, "--lang", lang)
    assert result.exit_code == 2 and message in result.stderr and "Input should" not in result.stderr


def test_a_dangling_symlink_target_names_the_directory_it_points_into(tmp_path):
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "missing" / "x.json")
    result = invoke("status", "-o", str(link), "--lang", "en")
    assert result.exit_code == 2
    assert f"no such directory {tmp_path / 'missing'}" in result.stderr.replace("\n", "")


@pytest.mark.parametrize("args, says", [(["status", "-o", "s.HTML"], "svo status skriver inte html"),
                                        (["calendar", "-o", "c.xlsx"], "svo calendar skriver inte xlsx")])
def test_an_extension_the_command_does_not_write_says_so_and_where_it_is_written(tmp_path, args, says):
    args[-1] = str(tmp_path / args[-1])
    result = invoke(*args, "--lang", "sv")
    assert result.exit_code == 2 and says in result.stderr and "--format" not in result.stderr
    assert list(tmp_path.iterdir()) == []
