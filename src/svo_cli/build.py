"""A YAML document → a validated model; pydantic's errors as located findings in the file's words (its
keys, its lines and columns, what was expected and what was likely meant)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from pydantic import BaseModel, ValidationError

from svo_cli.diagnostics import MAX_PER_FILE, Diagnostic, error
from svo_cli.messages import T
from svo_cli.yamlfile import SourceMap, YamlDocument

if TYPE_CHECKING:
    from svo_cli.text_keys import FindingKey

M = TypeVar("M", bound=BaseModel)


def build_model(document: YamlDocument, model: type[M]) -> tuple[M | None, list[Diagnostic]]:
    """Validate a parsed document against a model; pydantic errors become located diagnostics. A key
    misspelt as a known one (`valid_untill`) also has its value checked as that key's, so one round
    reports the value's mistake too."""
    try:
        return model.model_validate(document.data), []
    except ValidationError as exc:
        # Past the findings any output shows of one file (MAX_PER_FILE), the costly "did you mean" search
        # is skipped: 100,000 unknown keys cost seconds of it (red-team M8).
        errors = exc.errors()
        found = [_diagnostic(dict(err), document.source_map, model, suggest=i < MAX_PER_FILE)
                 for i, err in enumerate(errors)]
        for err in errors[:MAX_PER_FILE]:
            if err["type"] == "extra_forbidden":
                found += _as_meant(tuple(err["loc"]), err["input"], document, model)
        return None, found


def _as_meant(loc: tuple, value: Any, document: YamlDocument, model: type[BaseModel]) -> list[Diagnostic]:
    """The findings of a misspelt key's value checked as the key it is closest to (none when no key is
    close, or the file has that key too)."""
    from pydantic import TypeAdapter

    holder: Any = _inner_model_at(model, loc[:-1])
    fields = getattr(holder, "model_fields", {})
    import difflib  # only for a finding's suggestion

    close = difflib.get_close_matches(str(loc[-1]), list(fields), n=1)
    parent = _value_at(document.data, loc[:-1])
    if not close or not isinstance(parent, dict) or close[0] in parent:
        return []
    info = fields[close[0]]
    kind: Any = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    try:
        TypeAdapter(kind).validate_python(value)
    except ValidationError as exc:
        return [_diagnostic({**dict(err), "loc": loc + tuple(err["loc"])}, document.source_map, model, suggest=False)
                for err in exc.errors()[:MAX_PER_FILE]]
    except Exception:  # a type no adapter builds: the key's own finding (SVO101) says enough
        return []
    return []


def _inner_model_at(model: type[BaseModel], loc: tuple) -> Any:
    """The (nested) model that loc points into; None when loc leaves the models."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return current


def _value_at(data: Any, loc: tuple) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


_CODES = {
    "extra_forbidden": "SVO101",
    "missing": "SVO102",
    "literal_error": "SVO103",
    "string_pattern_mismatch": "SVO103",
    "too_short": "SVO103",
    "too_long": "SVO103",
    "string_too_short": "SVO103",
    "string_too_long": "SVO103",
    "bool_parsing": "SVO104",
    "bool_type": "SVO104",
    "string_type": "SVO104",
    "list_type": "SVO104",
    "dict_type": "SVO104",
    "model_type": "SVO104",
    "model_attributes_type": "SVO104",
    "notice_rule": "SVO105",
    "followup_form": "SVO105",
    "event_form": "SVO105",
    "minutes_form": "SVO105",
    "date_spec": "SVO110",
    "duration": "SVO111",
    "email": "SVO112",
    "one_line": "SVO112",
}


# pydantic's error types → what was expected, in svo's words (never the library's English)
_EXPECTED: dict[str, FindingKey] = {
    "list_type": "expected_list", "dict_type": "expected_mapping", "model_type": "expected_mapping",
    "model_attributes_type": "expected_mapping", "string_type": "expected_text", "bool_type": "expected_bool",
    "bool_parsing": "expected_bool", "int_parsing": "expected_int", "int_type": "expected_int",
    "int_from_float": "expected_int", "greater_than_equal": "expected_at_least", "less_than_equal": "expected_at_most",
}


_UNION_TAG = re.compile(r"[a-z-]+\[.*\]|constrained-str|str|int|float|bool|date|none|is-instance\[.*\]")


def _data_loc(loc: tuple, source_map: SourceMap) -> tuple:
    """pydantic's loc without the union members it names (`quote.constrained-str`, `list[…]`): the path
    of keys and indices the file has."""
    if not any(isinstance(part, str) and _UNION_TAG.fullmatch(part) for part in loc):
        return loc
    kept: tuple = ()
    for part in loc:
        if isinstance(part, str) and _UNION_TAG.fullmatch(part) and (*kept, part) not in source_map.values:
            continue
        kept = (*kept, part)
    return kept


def _diagnostic(err: dict[str, Any], source_map: SourceMap, model: type[BaseModel], suggest: bool = True) -> Diagnostic:
    loc = _data_loc(tuple(err["loc"]), source_map)
    kind = err["type"]
    code = _CODES.get(kind, "SVO100")
    where = ".".join(str(part) for part in loc) or "(file)"
    hint: str = ""
    message: str
    if kind == "extra_forbidden":
        pos = source_map.key(loc)
        known = _field_names(model, loc[:-1])
        import difflib

        close = difflib.get_close_matches(str(loc[-1]), known, n=1) if suggest else []
        message = (T("unknown_key_in", key=loc[-1], where=".".join(map(str, loc[:-1]))) if loc[:-1]
                   else T("unknown_key", key=loc[-1]))
        hint = T("did_you_mean", close=close[0]) if close else T("expected_one_of", known=", ".join(known))
    elif kind == "missing":
        pos = source_map.key(loc[:-1]) if loc[:-1] else source_map.value(())
        message = (T("missing_key_in", key=loc[-1], where=".".join(map(str, loc[:-1]))) if loc[:-1]
                   else T("missing_key", key=loc[-1]))
        hint = T("add_key", key=loc[-1])
    elif kind == "literal_error":
        pos = source_map.value(loc)
        items = re.findall(r"'[^']*'", str(err.get("ctx", {}).get("expected", "")))
        message = T("value_not_allowed", where=where, value=repr(err["input"]),
                    expected=T("one_of", items=", ".join(items)))
    elif kind == "too_long":
        pos = source_map.value(loc)
        message = T("too_many_items", where=where, limit=err.get("ctx", {}).get("max_length", ""))
        hint = T("split_or_merge_followups")
    elif kind == "string_pattern_mismatch":
        pos = source_map.value(loc)
        message = T("value_not_an_id", where=where,
                    value=repr(err["input"]))
        meant = slug_of(err["input"]) if isinstance(err["input"], str) else ""
        hint = T("did_you_mean", close=meant) if meant else T("id_example")
    elif kind in _EXPECTED:
        pos = source_map.value(loc)
        detail: Any = T(_EXPECTED[kind], **{k: v for k, v in err.get("ctx", {}).items() if k == "n"})
        if kind in ("greater_than_equal", "less_than_equal"):
            detail = T(_EXPECTED[kind], n=next(iter(err.get("ctx", {}).values()), ""))
        if isinstance(err.get("input"), str):
            detail = T("got", detail=detail, value=err["input"])
        message = T("wrong_type", where=where, detail=detail) if code == "SVO104" else T("where_detail", where=where,
                                                                                           detail=detail)
    else:
        pos = source_map.value(loc)
        message = T("where_detail", where=where, detail=err.get("ctx", {}).get("text", err["msg"]))
        if err.get("ctx", {}).get("meant"):
            hint = T("did_you_mean", close=err["ctx"]["meant"])
    return error(code, message, source_map.path, pos.line, pos.column, hint, source_map.excerpt(pos.line))


def slug_of(text: str) -> str:
    """The id a name most likely becomes: lower case, letters without their marks (ö → o), other
    characters as single hyphens ("Valdemarsvik" → valdemarsvik, "Norrköpings kommun" →
    norrkopings-kommun); empty when nothing is left."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:120]


def _field_names(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the (nested) model that loc points into."""
    return sorted(getattr(_inner_model_at(model, loc), "model_fields", {}).keys())


def _inner_model(annotation: Any) -> Any:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
