"""JSON written in chunks (render/jsonfmt.pieces): joined, the chunks are exactly `json.dumps` of the whole
document, compact and indented, with `data_dir` first when given; every chunk ends between two values, so
nothing that looks at one chunk at a time (the `##[` guard, a reader of a pipe) ever sees half a string."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA
from svo_cli import app
from svo_cli.render import Command, Display, Format, jsonfmt, render, stream
from svo_cli.render.jsonfmt import Plain, Rows, pieces

scalars = st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=12)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=12)
documents = st.dictionaries(st.text(max_size=8) | st.integers(-5, 5) | st.none() | st.booleans(), values | st.lists(values, max_size=6).map(lambda v: ("rows", v)),
                            max_size=5)


def _split(document: dict) -> tuple[Plain, dict]:
    """The document with its ("rows", list) fields as `Rows` (each element made by a function, as the
    renderers do), and the same document as plain values for json.dumps."""
    lazy, whole = Plain(), {}
    for key, value in document.items():
        if isinstance(value, tuple):
            lazy[key] = Rows(list(range(len(value[1]))), value[1].__getitem__)
            whole[key] = value[1]
        else:
            lazy[key] = whole[key] = value
    return lazy, whole


def _dumps(value: object, pretty: bool) -> str:
    if pretty:
        return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


@settings(max_examples=300, deadline=None)
@given(documents, st.booleans(), st.none() | st.text(max_size=10), st.integers(1, 64))
def test_the_chunks_joined_are_the_whole_documents_json(document, pretty, data_dir, chunk):
    lazy, whole = _split(document)
    chunks = list(pieces(lazy, pretty, data_dir=data_dir, size=chunk))
    expected = {"data_dir": data_dir, **whole} if data_dir is not None else whole
    assert "".join(chunks) == _dumps(expected, pretty)
    for i in range(1, len(chunks)):  # each boundary lies outside every string: the text before it is whole
        before = "".join(chunks[:i])
        assert _outside_strings(before)


def _outside_strings(text: str) -> bool:
    """Whether the end of `text` (a prefix of JSON text) lies outside every string."""
    inside = escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = inside
        elif char == '"':
            inside = not inside
    return not inside


def test_a_large_document_comes_in_many_chunks():
    rows = Rows(range(5000), lambda i: {"id": f"row-{i}", "text": "å" * 40})
    chunks = list(pieces(Plain(as_of="2026-11-23", deadlines=rows), pretty=False))
    assert len(chunks) > 1 and max(len(c) for c in chunks) < jsonfmt.CHUNK + 200
    assert [r["id"] for r in json.loads("".join(chunks))["deadlines"]] == [f"row-{i}" for i in range(5000)]


def test_a_chunk_boundary_never_splits_the_workflow_command_guard(monkeypatch):
    """`##[` in a string is written `##\\u005b` by render.stream chunk by chunk: with one element per chunk
    too, every one of them is guarded."""
    monkeypatch.setattr(jsonfmt, "CHUNK", 1)
    result = app.deadlines(app.Request(data_dir=DATA, as_of=date(2026, 11, 23)), app.Window(365, None))
    hostile = [replace(d, title="x\n##[error]boom") for d in result.rows]
    shown = replace(result, rows=tuple(hostile))
    chunks = list(stream(Command.DEADLINES, Format.JSON, shown, Display(pretty=False)))
    assert len(chunks) > len(hostile) and "##[" not in "".join(chunks)
    assert json.loads("".join(chunks))["deadlines"][0]["title"] == "x\n##[error]boom"
    assert render(Command.DEADLINES, Format.JSON, shown, Display(pretty=False)) == "".join(chunks)
