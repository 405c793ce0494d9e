"""One format registry (render.REGISTRY): the command line offers each command exactly the formats its row
has, by --format and by the -o file's extension, and anything else is a usage error naming them."""

from __future__ import annotations

import re

import pytest

from conftest import invoke, options_of, run_of
from svo_cli.render import REGISTRY, Command, Format, format_of_suffix, formats


@pytest.mark.parametrize("command", list(Command))
def test_the_clis_format_choices_are_the_registrys(command):
    """What the help page offers (typer shows an option's choices as <a|b|c>), in the registry's order."""
    shown = re.search(r"--format <([^>]+)>", invoke(command, "--help", env={"COLUMNS": "200"}).stdout)
    if shown is None:  # a command of one format takes no --format
        assert len(formats(command)) == 1 and "--format" not in options_of(command)
    else:
        assert shown.group(1).split("|") == [f.value for f in formats(command)]


@pytest.mark.parametrize("command", [c for c in Command if "--format" in options_of(c)])
def test_a_format_the_command_does_not_write_is_a_usage_error_that_lists_its_formats(command):
    result = invoke(*run_of(command), "--format", "pdf", "--as-of", "2026-11-23")
    assert result.exit_code == 2, result.stderr
    assert all(f"'{f}'" in result.stderr for f in formats(command)) and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [c for c in Command if "--output" in options_of(c)])
def test_an_extension_picks_the_format_it_names_or_is_refused_naming_the_formats(command, tmp_path):
    for fmt in Format:
        for suffix in fmt.suffixes:
            target = tmp_path / f"out{suffix}"
            result = invoke(*run_of(command), "--as-of", "2026-11-23", "-o", str(target))
            if fmt in formats(command):
                assert result.exit_code in (0, 1) and target.exists(), (suffix, result.stderr)
                target.unlink()
            else:
                assert result.exit_code == 2 and not target.exists(), (suffix, result.stderr)
                assert all(f in result.stderr for f in formats(command)), result.stderr


def test_suffixes_name_one_format_each():
    named = [s for f in Format for s in f.suffixes]
    assert len(named) == len(set(named)) and all(format_of_suffix(s.upper()) is not None for s in named)


def test_every_default_is_one_of_the_commands_formats():
    assert all(row.default in row.renderers for row in REGISTRY.values())
