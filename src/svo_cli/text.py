"""One text API: every word svo shows people, by id, in English and Swedish — `text(key, lang, **params)`.

The tables stay split by topic (SOURCES: findings, labels, explanations, help), but their ids are one
namespace (tests/unit/test_texts.py holds that no id is in two tables with different texts) and there is one
failure mode: an id no table has raises MissingText where it is looked up, never prints itself.
A template may name a count's singular and plural forms: `{n} {n:agreement|agreements}` reads
"1 agreement", "2 agreements" (the form left of `|` when the value is 1).

The key types (`svo_cli.text_keys`: LabelKey, FindingKey, ExplanationKey, HelpKey, TextKey) are generated
from these tables by `python -m svo_cli.text_keys`, so mypy rejects an id no table has.

Imports nothing from svo_cli but the catalogues, and those only when first needed: the findings' tables
first (the parsers word their errors with them alone), the others at the first id they do not have."""

from __future__ import annotations

import re
import string
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from svo_cli.text_keys import TextKey

LANGS = ("en", "sv")

# Each table, from its modules (module, name) in svo_cli: the first is the table, the others merged into it.
SOURCES: dict[str, tuple[tuple[str, str], ...]] = {
    "finding": (("messages_findings", "FINDINGS"), ("messages_minutes", "MINUTES_FINDINGS")),
    "label": (("i18n_labels", "LABELS"), ("i18n_publish", "PUBLISH"), ("i18n_pack", "PACK"),
              ("i18n_minutes", "MINUTES_LABELS"), ("i18n_changes", "CHANGES")),
    "explanation": (("i18n_explanations", "EXPLANATIONS"), ("i18n_minutes", "MINUTES_EXPLANATIONS")),
    "help": (("i18n_help", "HELP"),),
}
# The type each table's ids have in svo_cli.text_keys.
KEY_TYPES = {"label": "LabelKey", "finding": "FindingKey", "explanation": "ExplanationKey", "help": "HelpKey"}


class MissingText(KeyError):
    """A text id no table has: the one way a missing text fails (findings, labels, explanations and help
    alike), where it is looked up; svo never prints an id in place of its text."""

    def __init__(self, key: str) -> None:
        super().__init__(f"no text with id {key!r}")
        self.key = key


_TABLES: dict[str, dict[str, dict[str, str]]] = {}
_TEXTS: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}  # every loaded table's ids, one namespace


def table(name: str) -> dict[str, dict[str, str]]:
    """One table by topic ("finding", "label", "explanation", "help"): language → id → template."""
    if name not in _TABLES:
        (module, attr), *more = SOURCES[name]
        merged: dict[str, dict[str, str]] = getattr(import_module(f"svo_cli.{module}"), attr)
        for module, attr in more:
            for lang, texts in getattr(import_module(f"svo_cli.{module}"), attr).items():
                merged[lang].update(texts)
        _TABLES[name] = merged
        for lang in LANGS:
            _TEXTS[lang].update(merged[lang])
    return _TABLES[name]


def _load_all() -> bool:
    """Load the tables not yet loaded; False when every one already was."""
    missing = [name for name in SOURCES if name not in _TABLES]
    for name in missing:
        table(name)
    return bool(missing)


def template(key: TextKey, lang: str) -> str:
    """The template of `key` in `lang` (English where `lang` has none, or an empty one); MissingText when no
    table has it."""
    while True:
        found = _TEXTS.get(lang, _TEXTS["en"]).get(key) or _TEXTS["en"].get(key)
        if found is not None:
            return found
        if not _load_all():
            raise MissingText(key)


def text(key: TextKey, lang: str, /, **params: Any) -> str:
    """The text of `key` in `lang`, its parameters filled in; a count's forms chosen by its value."""
    found = template(key, lang)
    if not params:
        return found
    if _counted(found):
        return _FORMS.vformat(found, (), params)
    return found.format(**params)


_COUNTED_CACHE: dict[str, bool] = {}


def _counted(found: str) -> bool:
    """Whether a template names a count's forms (`{n:one|other}`); the pattern is compiled at the first
    template that could."""
    counted = _COUNTED_CACHE.get(found)
    if counted is None:
        counted = _COUNTED_CACHE[found] = "|" in found and bool(re.search(r"\{\w+:[^{}]*\|[^{}]*\}", found))
    return counted


class _Forms(string.Formatter):
    """`{n:one|other}`: the form left of `|` when n is 1, else the right one."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            return one if str(value) == "1" else other
        return format(value, format_spec)


_FORMS = _Forms()


# --------------------------------------------------------------------------- the key types


def keys_module() -> str:
    """The source of svo_cli/text_keys.py: each table's ids as a Literal type (`python -m svo_cli.text_keys`)."""
    _load_all()
    out = ['"""The text ids as types, generated from the catalogues by `python -m svo_cli.text_keys` (do not edit):',
           "mypy rejects an id no table has. Read only by mypy (imported under TYPE_CHECKING) and by its test."
           '"""', "", "from __future__ import annotations", "", "from typing import Literal"]
    for name, type_name in KEY_TYPES.items():
        ids = sorted(set(_TABLES[name]["en"]) | set(_TABLES[name]["sv"]))
        lines, line = [], "   "
        for key in ids:  # ids packed into lines of at most 120 columns
            item = f" {key!r},"
            if len(line) + len(item) > 120:
                lines.append(line)
                line = "   "
            line += item
        out += ["", f"{type_name} = Literal["] + lines + [line, "]"]
    out += ["", "TextKey = LabelKey | FindingKey | ExplanationKey | HelpKey", "", "",
            'if __name__ == "__main__":  # rewrite this file from the catalogues',
            "    from pathlib import Path", "", "    from svo_cli.text import keys_module", "",
            '    Path(__file__).write_text(keys_module(), encoding="utf-8")', ""]
    return "\n".join(out)
