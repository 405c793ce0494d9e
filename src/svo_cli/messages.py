"""Findings text keyed by message id: a message is an id and its parameters; FINDINGS (messages_findings.py)
holds each id's English and Swedish template. Imports nothing from svo_cli but that catalogue, so the
parsers (dates, yamlfile) can word errors without i18n."""

from __future__ import annotations

from typing import Any

from svo_cli.messages_findings import FINDINGS


class MissingText(KeyError):
    """A text id no catalogue has: the one way a missing text fails (findings, labels, explanations and
    help alike), where it is looked up; svo never prints an id in place of its text."""

    def __init__(self, catalogue: str, key: str) -> None:
        super().__init__(f"no {catalogue} text with id {key!r}")
        self.catalogue, self.key = catalogue, key


def lookup(tables: dict[str, dict[str, str]], catalogue: str, key: str, lang: str) -> str:
    """The text of `key` in `lang` (English where `lang` has none); MissingText when no table has it."""
    text = tables.get(lang, tables["en"]).get(key) or tables["en"].get(key)
    if text is None:
        raise MissingText(catalogue, key)
    return text


class T(str):
    """A message: an id in FINDINGS and its parameters (which may be messages themselves). It reads as its
    English text wherever it is used as a str; `render` gives it in another language."""

    id: str
    params: dict[str, Any]

    def __new__(cls, msg_id: str, /, **params: Any) -> "T":
        template = lookup(FINDINGS, "finding", msg_id, "en")  # an unknown id fails here, where it is made
        obj = super().__new__(cls, template.format(**params) if params else template)
        obj.id = msg_id
        obj.params = params
        return obj

    def __reduce__(self):  # keep id and parameters across processes
        return (_rebuild, (self.id, self.params))

    def render(self, lang: str) -> str:
        """The message in `lang` (English for a language with no table)."""
        template = lookup(FINDINGS, "finding", self.id, lang)
        if not self.params:
            return template
        return template.format(**{k: v.render(lang) if isinstance(v, T) else str(v) for k, v in self.params.items()})


def _rebuild(msg_id: str, params: dict[str, Any]) -> T:
    return T(msg_id, **params)


def _minutes_findings() -> None:
    """The findings of minutes files (kept beside, in messages_minutes.py), in FINDINGS."""
    from svo_cli.messages_minutes import MINUTES_FINDINGS

    for lang, texts in MINUTES_FINDINGS.items():
        FINDINGS[lang].update(texts)


_minutes_findings()
