"""Help pages in the user's language, whole-sentence summaries, and shell completion (issue 14, items 3, 5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import COMMANDS, DATA, invoke


def test_the_tests_command_table_is_the_clis():
    """conftest.COMMANDS, which the tests parametrize over, has a row for every command the CLI declares."""
    from svo_cli.cli import app

    assert list(COMMANDS) == [c.name for c in app.registered_commands]


def test_every_help_text_has_both_languages_and_every_id_used_exists():
    from svo_cli.cli.texts import HELP

    assert set(HELP["en"]) == set(HELP["sv"])
    source = "".join(p.read_text(encoding="utf-8") for p in Path("src/svo_cli/cli").glob("*.py"))
    used = set(re.findall(r'\bhelp="([a-z_.]+)"', source))
    assert used and used <= set(HELP["en"]), used - set(HELP["en"])
    assert {c for c in COMMANDS} | {f"{c}.short" for c in COMMANDS} <= set(HELP["en"])


@pytest.mark.parametrize("columns", ["80", "200"])
@pytest.mark.parametrize("command", COMMANDS)
def test_help_in_swedish_has_no_english_left(command, columns):
    from svo_cli.cli.texts import HELP

    page = invoke(command, "--help", "--lang", "sv", env={"COLUMNS": columns}).stdout
    assert page.startswith("Användning: svo " + command)
    assert "Flaggor:" in page and "Visa den här hjälpen och avsluta." in page
    assert HELP["sv"][command].split()[0] in page
    flat = " ".join(page.split())  # words a line break split are whole again
    for english in ("Usage:", "Options:", "Show this message", "[default:", "[required]", "Data directory", "[OPTIONS]",
                    "<str>", "<list", "default:"):
        assert english not in flat, english


def test_help_follows_a_swedish_locale_and_english_stays_english():
    assert "Kommandon:" in invoke("--help", env={"LANG": "sv_SE.UTF-8"}).stdout
    english = invoke("--help", env={"LANG": "C.UTF-8"}).stdout
    assert "Commands:" in english and "Usage: svo" in english


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_command_summaries_are_whole_sentences(lang):
    page = invoke("--help", env={"LANG": "sv_SE.UTF-8" if lang == "sv" else "C"}).stdout
    rows = page.split("Kommandon:" if lang == "sv" else "Commands:")[1].strip().splitlines()
    summaries = {line.split()[0]: line.split(None, 1)[1] for line in rows}
    assert set(summaries) == set(COMMANDS)
    for name, text in summaries.items():
        assert text.endswith(".") and not text.endswith("..."), (name, text)


def test_metavars_name_what_they_take():
    page = " ".join(invoke("check", "--help").stdout.split())
    for shown in ("--data DIR", "--as-of DATE", "--meeting DATE", "--horizon DAYS", "--since DATE", "-o, --output FILE",
                  "--party ID"):
        assert shown in page, shown


def complete(words: str, env: dict | None = None) -> list[str]:
    line = words.split(" ")
    result = invoke(env={"_SVO_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(line) - 1),
                         **(env or {})})
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()


def test_completion_of_agreement_and_plan_ids():
    ids = complete("svo show svo-")
    assert ids == sorted(p.stem for p in (DATA / "workplans").glob("svo-*.yaml"))
    assert complete("svo show lakar") == ["lakarmedverkan"]


def test_completion_reads_the_data_directory_given():
    assert complete(f"svo show --data {DATA} hjalp") == ["hjalpmedelsavtal"]
    assert complete("svo show hjalp", env={"SVO_DATA": "/nonexistent"}) == []


def test_completion_of_parties_kinds_bodies_and_commands():
    assert complete("svo status --party link") == ["linkoping"]
    assert complete("svo status --kind över") == ["överenskommelse"]
    assert complete("svo check --body LG") == ["LGVO"]
    assert complete("svo sta") == ["status"]


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_command_named_first_runs_from_a_tree_of_that_command_alone_and_says_the_same(command):
    """The console script builds only the command its first word names (start-up); its help page, usage
    errors and results are the whole tree's. Help, a mistyped name and shell completion get the whole tree."""
    from typer.testing import CliRunner

    from svo_cli.cli import app, for_argv

    one = for_argv([command, "--help"], {})
    assert [c.name for c in one.registered_commands] == [command]
    env = {"NO_COLOR": "1", "SVO_DATA": str(DATA), "COLUMNS": "120"}
    for args in ([command, "--help"], [command, "--no-such-option"]):
        alone, whole = (CliRunner().invoke(a, args, env=env) for a in (one, app))
        assert (alone.exit_code, alone.stdout, alone.stderr) == (whole.exit_code, whole.stdout, whole.stderr)
    for argv, environ in (([], {}), (["--help"], {}), (["validat"], {}), ([command], {"_SVO_COMPLETE": "zsh_complete"})):
        assert for_argv(argv, environ) is app
