"""Findings as values: a message is a finding's text id and its parameters (`T`), worded in any language
through the one text API (`svo_cli.text`). Imports nothing from svo_cli but that, so the parsers (dates,
yamlfile) can word errors without the label tables."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from svo_cli.text import MissingText, table, text

if TYPE_CHECKING:
    from svo_cli.text_keys import FindingKey

__all__ = ["FINDINGS", "MissingText", "T"]

FINDINGS = table("finding")


class T(str):
    """A message: an id in FINDINGS and its parameters (which may be messages themselves). It reads as its
    English text wherever it is used as a str; `render` gives it in another language."""

    id: FindingKey
    params: dict[str, Any]

    def __new__(cls, msg_id: FindingKey, /, **params: Any) -> "T":
        obj = super().__new__(cls, text(msg_id, "en", **params))  # an unknown id fails here, where it is made
        obj.id = msg_id
        obj.params = params
        return obj

    def __reduce__(self):  # keep id and parameters across processes
        return (_rebuild, (self.id, self.params))

    def render(self, lang: str) -> str:
        """The message in `lang` (English for a language with no table)."""
        if not self.params:
            return text(self.id, lang)
        return text(self.id, lang, **{k: v.render(lang) if isinstance(v, T) else str(v) for k, v in self.params.items()})


def _rebuild(msg_id: FindingKey, params: dict[str, Any]) -> T:
    return T(msg_id, **params)
