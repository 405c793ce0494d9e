"""The command line's own words: the help texts live in the one catalogue (`svo_cli.i18n_help`), looked up
through `svo_cli.text.text` like every other text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from svo_cli.text import table, text

if TYPE_CHECKING:
    from svo_cli.text_keys import HelpKey

HELP = table("help")


def help_text(key: HelpKey, lang: str) -> str:
    """A help text by id in `lang` (English when `lang` has none; MissingText for an id no table has)."""
    return text(key, lang)
