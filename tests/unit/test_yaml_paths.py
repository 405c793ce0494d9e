"""The two YAML paths behind `parse_yaml_text` agree: the fast one (the C composer, walked node by
node, positions computed lazily) and the event path (the reference: positions recorded while
parsing, every refusal at its exact place). For every file of the corpus and the repository's data,
and for generated documents valid and broken, both give the same values, the same positions for
every value and key, and the same findings (code, line, column, message, hint, excerpt)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, DATA
from svo_cli.yamlfile import MAX_FAST_BRACKETS, RISKY_REFERENCE, _risky, decode, parse_yaml_text

FILES = sorted(CORPUS.glob("*.yaml")) + sorted(DATA.rglob("*.yaml"))
EXAMPLES = int(os.environ.get("SVO_FUZZ_EXAMPLES", "1500")) // 3
DIFFERENTIAL = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


def outcome(text: str, fast: bool) -> tuple:
    document, diagnostics = parse_yaml_text(text, "f.yaml", fast=fast)
    found = [(d.code, d.severity, d.line, d.column, d.message, d.hint, d.excerpt, d.excerpt_offset)
             for d in diagnostics]
    if document is None:
        return None, found, None, None
    source_map = document.source_map
    return document.data, found, dict(source_map.values), dict(source_map.keys)


def takes_fast_path(text: str) -> bool:
    return not RISKY_REFERENCE.search(text) and text.count("[") + text.count("{") <= MAX_FAST_BRACKETS


def assert_same(text: str) -> None:
    assert outcome(text, fast=True) == outcome(text, fast=False), text


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(p.parent.parent)))
def test_both_paths_agree_on_every_corpus_and_data_file(path):
    text, _ = decode(path.read_bytes(), path.name)
    if text is None:  # refused before parsing (encoding, NUL, raw control characters): one path
        return
    assert_same(text)


def test_the_repository_data_takes_the_fast_path():
    """The comparison above is worth something: the real files are the ones the fast path reads."""
    texts = [decode(p.read_bytes(), p.name)[0] for p in sorted(DATA.rglob("*.yaml"))]
    assert texts and all(t is not None and takes_fast_path(t) for t in texts)


# Found by this comparison (the fast path used to report a different finding than the reference):
FOUND = {
    # a duplicate key before a syntax error: the fast path reported the syntax error
    "duplicate-then-syntax-error": "a:\n  x: 1\n  x: 2\nb: [\n",
    # a duplicate key before a second document: the fast path reported the second document
    "duplicate-then-second-document": "a: 1\na: 2\n---\nb: 1\n",
    # two duplicates: the fast path reported the later one (it walked the mappings last first)
    "two-duplicates": "a: {x: 1, x: 2}\nb: {y: 1, y: 2}\n",
    "inner-duplicate-before-outer": "a:\n  x: 1\n  x: 2\na: 3\n",
    "duplicates-in-list-items": "- {a: 1, a: 2}\n- {b: 1, b: 2}\n",
    # a second document: the fast path gave a shorter hint
    "second-document": "id: x\n---\nid: y\n",
}


@pytest.mark.parametrize("text", list(FOUND.values()), ids=list(FOUND))
def test_differences_once_found(text):
    assert takes_fast_path(text)
    assert_same(text)


# Generated documents: a tree of mappings (keys from a small set, so duplicates are common), lists
# and scalars (YAML 1.1 words, impossible dates, nulls, quoted and escaped text), written in block or
# flow style, then mutated (tabs, anchors, aliases, tags, second documents, control characters,
# truncation, deep nesting, lines duplicated or dropped).

KEYS = st.sampled_from(["id", "title", "a", "b", "x", "~", "null", "no", "1", "'id'", '"a"', "due", "every"])
SCALARS = st.one_of(
    st.sampled_from(["no", "yes", "on", "off", "2024-02-30", "2024-02-29", "2023", "vt 2025", "12 months", "~",
                     "null", "NULL", "''", '""', "'null'", '"~"', "'it''s'", '"esc \\e here"', '"bell\\a"',
                     '"tab\\tok"', '"nl\\nok"', '"\\u202e"', "0o17", "1e3", ".inf", "-", "x # comment",
                     "'a: b'", "Överenskommelse", "|\n  block\n", ">-\n  folded\n", "'multi\n  line'"]),
    st.text(alphabet="abcåäö -_.0123456789", min_size=1, max_size=12).map(str.strip).filter(bool),
)


def _tree(children):
    return st.one_of(
        st.tuples(st.just("map"), st.lists(st.tuples(KEYS, children), max_size=4)),
        st.tuples(st.just("seq"), st.lists(children, max_size=4)),
    )


TREES = st.recursive(SCALARS, _tree, max_leaves=14)


def render(node, indent: int, flow: list[bool]) -> str:
    """A node as YAML at `indent`; `flow` (consumed) says which containers are written in flow style."""
    pad = " " * indent
    if isinstance(node, str):
        return node
    kind, items = node
    use_flow = flow.pop() if flow else False
    if not items:
        return "{}" if kind == "map" else "[]"
    if use_flow:
        if kind == "map":
            return "{" + ", ".join(f"{k}: {render(v, indent, flow)}" for k, v in items) + "}"
        return "[" + ", ".join(render(v, indent, flow) for v in items) + "]"
    lines = []
    for item in items:
        key, value = item if kind == "map" else (None, item)
        head = f"{pad}{key}:" if kind == "map" else f"{pad}-"
        if isinstance(value, tuple) and value[1] and not (flow and flow[-1]):
            lines.append(f"{head}\n{render(value, indent + 2, flow)}")
        else:
            lines.append(f"{head} {render(value, indent + 2, flow)}")
    return "\n".join(lines)


MUTATIONS = ["\t", "&a ", "*a", "!!str ", "! ", "!x ", "---\n", "...\n", "\x1b", "\x00", "\u202e", "\x7f", "? ",
             ": ", "- ", "[", "]", "{", "}", ",", "'", '"', "#", "\n", "  ", "a: 1\n", "a: 1\na: 2\n", "\r\n", "%YAML 1.1\n"]


@st.composite
def documents(draw) -> str:
    root = draw(st.tuples(st.just("map"), st.lists(st.tuples(KEYS, TREES), min_size=1, max_size=6)))
    flow = draw(st.lists(st.booleans(), max_size=30))
    text = render(root, 0, flow) + "\n"
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.integers(0, 4))
        if op == 0:
            text = text[:at] + draw(st.sampled_from(MUTATIONS)) + text[at:]
        elif op == 1:
            text = text[:at] + text[at + draw(st.integers(1, 8)):]
        elif op == 2:
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines.insert(j, lines[i])
            text = "\n".join(lines)
        elif op == 3:
            text = text[:at]
        else:
            lines = text.split("\n")
            del lines[draw(st.integers(0, len(lines) - 1))]
            text = "\n".join(lines)
    return text


def nested(depth: int, style: str) -> str:
    if style == "block":
        return "".join(f"{'  ' * i}k{i}:\n" for i in range(depth)) + f"{'  ' * depth}leaf: v\n"
    if style == "dashes":
        return "- " * depth + "v\n"
    return "a: " + "[" * depth + "v" + "]" * depth + "\n"


@DIFFERENTIAL
@given(documents())
@example("a:\n\tb: 1\n")
@example("title: no\nvalid_from: 2024-02-30\nnotes: yes\n")
@example("a: &x 1\nb: *x\n")
@example("id: !!python/object/apply:os.system [echo]\n")
@example('title: "x\\e]0;t\\a"\n')
def test_both_paths_agree_on_generated_documents(text):
    assert_same(text)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 60), st.sampled_from(["block", "dashes", "flow"]))
def test_both_paths_agree_on_deep_nesting(depth, style):
    assert_same(nested(depth, style))


@DIFFERENTIAL
@given(st.lists(st.sampled_from(list("ab:- \n\t[]{},'\"#&*!?|>~%.\\") + ["no", "---", "2024-02-30", "\x1b"]),
                max_size=60).map("".join))
def test_both_paths_agree_on_random_text(text):
    assert_same(text)


RISKY_PIECES = st.sampled_from([" ", "\t", "\n", "-", "- ", "-\t", "a", ":", "&", "*", "!", " " * 16, "\t" * 16, "- " * 6])


@given(st.lists(RISKY_PIECES, max_size=40).map("".join))
@example(" " * 48)
@example("a\n" + "\t" * 48 + "b")
@example("x: " + "- \t" * 12)
@example("- " * 11 + "-")
@example(" " * 47 + "\n" + " " * 47)
def test_fast_risk_test_is_the_reference_regex(text: str) -> None:
    """The fast test that sends a file to the event path answers as the one-regex definition does."""
    assert _risky(text) == (RISKY_REFERENCE.search(text) is not None)
