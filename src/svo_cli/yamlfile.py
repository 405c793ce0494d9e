"""One YAML file → plain values (dict/list/str/None) plus a source map, or located diagnostics."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

from svo_cli.diagnostics import Diagnostic, error
from svo_cli.messages import T
from svo_cli.safe import escape_char, first_control, kind_of

if TYPE_CHECKING:
    from svo_cli.text_keys import FindingKey

try:  # the C parser where present: same safe event stream, much faster
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 32
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})

Loc = tuple[str | int, ...]


class Position(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based


class _TextLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """The safe C loader without implicit resolution: svo reads every scalar as text, so PyYAML's
    per-scalar regex resolution (bool, int, timestamp, …) is skipped; nulls are recognised by value."""

    def resolve(self, kind, value, implicit):  # noqa: D102 - same contract as yaml.resolver
        if kind is yaml.ScalarNode:
            return "tag:yaml.org,2002:str"
        return "tag:yaml.org,2002:seq" if kind is yaml.SequenceNode else "tag:yaml.org,2002:map"


def _absent_is_expected(loc: Loc) -> bool:
    """Findings about a missing key point at where it would be (its parent): allowed."""
    return bool(loc) and loc[-1] in ("last_verified", "source", "assumed")


class SourceMap:
    """Where each value (and each mapping key) stands in its file, by path of keys and indices.

    Positions are only needed when a finding is reported, so a map made from a file's text computes
    them on first use (by parsing that one file again with positions); maps built while parsing
    (the event path) carry them from the start.
    """

    __slots__ = ("path", "_text", "_values", "_keys", "_lines", "_file", "_size", "_crc", "_changed")  # one per file

    def __init__(self, path: str, text: str | None = None,
                 values: dict[Loc, Any] | None = None, keys: dict[Loc, Any] | None = None):
        self.path = path
        self._text = text
        self._values = values
        self._keys = keys
        self._lines: tuple[str, ...] | None = None
        self._file: str | None = None  # with _size and _crc: where the text is, once it is forgotten
        self._size = self._crc = 0
        self._changed = False  # the file no longer holds the bytes read: no positions, no excerpt

    def forget_text(self, file: str, raw: bytes) -> None:
        """Keep where the text is instead of the text (a large register keeps no file's text in memory):
        the file is read again when a finding needs a position or an excerpt, and used only if it still
        holds these bytes (same length and CRC-32). A file changed while svo runs gives its findings no
        excerpt, and line 1, column 1 unless the positions were found while parsing (the event path): a
        position in the text svo read, never one in another text."""
        self._text = None
        self._file, self._size, self._crc = self.path if file == self.path else file, len(raw), zlib.crc32(raw)

    def _source(self) -> str | None:
        if self._text is None and self._file is not None:
            self._text, self._file = _read_again(self._file, self._size, self._crc), None
            self._changed = self._text is None
        return self._text

    @property
    def values(self) -> dict[Loc, Any]:
        self._ensure()
        return self._values  # type: ignore[return-value]

    @property
    def keys(self) -> dict[Loc, Any]:
        self._ensure()
        return self._keys  # type: ignore[return-value]

    def _ensure(self) -> None:
        if self._values is None:
            self._values, self._keys = {}, {}
            text = self._source()
            if text is not None:
                _walk_with_positions(text, self)

    STRICT = False  # tests set this: a finding that points at a key path the file lacks fails loudly

    def value(self, loc: Loc) -> Position:
        """Position of the value at loc, or of its nearest enclosing value."""
        loc = tuple(loc)
        values = self.values
        if SourceMap.STRICT and not self._changed and loc not in values and not _absent_is_expected(loc):
            raise LookupError(f"{self.path}: a finding points at {loc!r}, which the file does not have")
        while loc and loc not in values:
            loc = loc[:-1]
        return Position(*values.get(loc, (1, 1)))

    def key(self, loc: Loc) -> Position:
        """Position of the key naming loc (falls back to the value)."""
        found = self.keys.get(tuple(loc))
        return Position(*found) if found else self.value(loc)

    @property
    def lines(self) -> tuple[str, ...]:
        if self._lines is None:
            self._lines = tuple((self._source() or "").splitlines())
        return self._lines

    def excerpt(self, line: int) -> str:
        lines = self.lines
        if 1 <= line <= len(lines):
            return lines[line - 1]
        return ""


@dataclass(frozen=True)
class YamlDocument:
    path: str
    data: dict[str, Any]
    source_map: SourceMap


def read_yaml_file(path: Path, display: str | None = None) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Read and parse one data file. Never raises for bad input: returns diagnostics instead.

    Only regular files are opened: a FIFO, a device or a socket named like a data file is reported
    and never opened (opening a FIFO with no writer would block forever)."""
    shown = display or str(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            return None, [error("SVO001", T("is_a_directory"), shown, 1, 1,
                                hint=T("remove_or_rename_directory"))]
        if not stat.S_ISREG(info.st_mode):
            return None, [error("SVO001", T("not_a_regular_file"), shown, 1, 1,
                                hint=T("replace_with_yaml_file"))]
        if info.st_size > MAX_FILE_BYTES:
            return None, [error("SVO009", T("file_size_over_limit", size=info.st_size,
                                            limit=MAX_FILE_BYTES),
                                shown, 1, 1, hint=T("split_large_file"))]
        read = _read_regular(str(path), MAX_FILE_BYTES + 1)
        if read is None:  # replaced since the stat: still never read
            return None, [error("SVO001", T("not_a_regular_file"), shown, 1, 1,
                                hint=T("replace_with_yaml_file"))]
        raw = read
    except OSError as exc:
        reason = T("symlink_loop") if exc.errno == errno.ELOOP else (exc.strerror or str(exc))
        return None, [error("SVO001", T("cannot_read_file", reason=reason), shown, 1, 1,
                            hint=T("check_file_readable"))]
    if len(raw) > MAX_FILE_BYTES:
        return None, [error("SVO009", T("file_larger_than_limit", limit=MAX_FILE_BYTES), shown, 1, 1)]
    text, diags = decode(raw, shown)
    if text is None:
        return None, diags
    document, diags = parse_yaml_text(text, shown)
    if document is not None:
        document.source_map.forget_text(str(path), raw)
    return document, diags


def _read_regular(file: str, limit: int) -> bytes | None:
    """At most `limit` bytes of `file` if it is a regular file when opened (None if not): opened without
    blocking, so a FIFO put in its place is never waited on. OSError as the system gives it."""
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None
        return handle.read(limit)


def _read_again(file: str, size: int, crc: int) -> str | None:
    """A data file's text read again for a finding's position, if it still holds the bytes read first
    (a regular file only, as when it was first read)."""
    try:
        raw = _read_regular(file, size + 1)
    except OSError:
        return None
    if raw is None or len(raw) != size or zlib.crc32(raw) != crc:
        return None
    return decode(raw, file)[0]


def decode(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 (with or without byte-order mark) → text; any other encoding → located error."""
    for bom, name in ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                      (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if raw.startswith(bom):
            return None, [error("SVO002", T("file_encoding_not_utf8", name=name), path, 1, 1,
                                hint=T("save_as_utf8"))]
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start:exc.start].decode("utf-8", errors="replace")) + 1  # characters, not bytes
        bad = raw[exc.start:exc.start + 1]
        guess: str = ""
        if bad and bad[0] in b"\xe5\xe4\xf6\xc5\xc4\xd6\xe9":
            guess = T("latin1_guess", byte=bad.hex(), char=bad.decode("cp1252"))
        return None, [error("SVO002", T("file_not_utf8", guess=guess), path, line, column,
                            hint=T("save_as_utf8"))]
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        return None, [error("SVO002", T("file_contains_nul"),
                            path, line, 1, hint=T("save_as_utf8"))]
    control = first_control(text)
    if control is not None:
        return None, [control_character(path, text, control)]
    return text, []


def control_character(path: str, text: str, offset: int, line: int | None = None,
                      column: int | None = None, excerpt: str = "") -> Diagnostic:
    """SVO012: a control character (raw at `offset` in `text`, or in a value at line:column)."""
    if line is None:
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        excerpt = text.split("\n")[line - 1] if text else ""
    messages: dict[str, FindingKey] = {"line_separator": "line_separator_character", "invisible": "invisible_character"}
    message = messages.get(
        kind_of(text[offset]), "control_character")
    return error("SVO012", T(message,
                             char=escape_char(text[offset])), path, line, column or 1,
                 hint=T("delete_control_character"), excerpt=excerpt)


class _Refused(Exception):
    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic


# What sends a file to the event path: an anchor, alias or tag character anywhere, a line indented 48
# blanks or more, a run of 12 or more "- " (nested sequences on one line). One regex with these three
# alternatives tried each at every character (60 ns a character: longer than composing the file);
# written as below, each part starts with a literal the regex engine scans for, about 20 times faster.
RISKY_REFERENCE = re.compile(r"[&*!]|^[ \t]{48,}|(?:-[ \t]+){12,}", re.M)  # the definition; tests hold _risky to it
_DEEP_INDENT = re.compile(r"\n[ \t]{48}")
_DEEP_INDENT_FIRST = re.compile(r"[ \t]{48}")
_DASH_RUN = re.compile(r"-[ \t]+(?:-[ \t]+){11}")
MAX_FAST_BRACKETS = 64


def _risky(text: str) -> bool:
    """RISKY_REFERENCE.search(text) is not None, computed fast."""
    return ("&" in text or "*" in text or "!" in text or _DEEP_INDENT.search(text) is not None
            or _DEEP_INDENT_FIRST.match(text) is not None or _DASH_RUN.search(text) is not None)


def parse_yaml_text(text: str, path: str, *, fast: bool = True) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Parse YAML text into plain values; refuse what data files never need.

    Ordinary files are composed by the C parser and walked node by node (fast). Files with anchors,
    aliases or tags (any '&', '*' or '!'), or that could nest deeply (many brackets, deep indentation,
    long '- - -' runs: the C composer recurses and would overflow), take the event path, which refuses
    each of those at its exact position. The event path is the reference: the node path gives the
    same values, positions and findings (tests/unit/test_yaml_paths.py compares them), and hands any file
    it finds a problem in to the event path, which reports the first problem in the file's order.
    `fast=False` takes the event path for every file. `text` is what `decode` gives: raw control
    characters were refused there, so only escapes can put one in a value.
    """
    if not fast or _risky(text) or text.count("[") + text.count("{") > MAX_FAST_BRACKETS:
        return _parse_events(text, path)
    return _parse_nodes(text, path)


def _parse_nodes(text: str, path: str) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Compose in C, then build plain values (no positions: the source map computes them lazily)."""
    try:
        root_node = yaml.compose(text, Loader=_TextLoader)
    except yaml.YAMLError:
        # the event path reports it: a problem earlier in the file (a duplicate key) comes first,
        # and a second document is refused where it starts
        return _parse_events(text, path)
    source_map = SourceMap(path, text)
    if root_node is None:
        return _document(None, path, source_map)
    root: Any = None
    stack: list[tuple[Any, Any, Any, int]] = [(root_node, None, None, 0)]
    mapping, scalar = yaml.MappingNode, yaml.ScalarNode
    while stack:
        node, parent, slot, depth = stack.pop()
        if depth >= MAX_DEPTH:
            return _parse_events(text, path)  # reports the nesting where it stands
        value: Any
        if node.__class__ is scalar:
            value = None if node.style is None and node.value in NULL_WORDS else node.value
        elif node.__class__ is mapping:
            value = {}
            for key_node, value_node in node.value:
                key = key_node.value
                if key_node.__class__ is not scalar or key in value:
                    # a complex or duplicate key: the event path reports the first one in the file
                    return _parse_events(text, path)
                value[key] = None
                stack.append((value_node, value, key, depth + 1))
        else:
            value = [None] * len(node.value)
            stack.extend((item, value, index, depth + 1) for index, item in enumerate(node.value))
        if parent is None:
            root = value
        else:
            parent[slot] = value
    return _document(root, path, source_map)


def _walk_with_positions(text: str, source_map: SourceMap) -> list[Diagnostic]:
    """Fill source_map with the position of every value and key; return the findings on the way
    (duplicate keys, complex keys). Used lazily, when a finding needs a position."""
    path = source_map.path
    values, keys = source_map._values, source_map._keys
    assert values is not None and keys is not None
    try:
        root_node = yaml.compose(text, Loader=_TextLoader)
    except yaml.YAMLError:
        return []
    if root_node is None:
        return []
    stack: list[tuple[Any, Loc]] = [(root_node, ())]
    while stack:
        node, loc = stack.pop()
        mark = node.start_mark
        values[loc] = (mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                key_mark = key_node.start_mark
                line, column = key_mark.line + 1, key_mark.column + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    return [error("SVO003", T("key_not_plain_text"), path, line, column,
                                  T("write_key_as_word"), source_map.excerpt(line))]
                key = key_node.value
                if key in seen:
                    first = Position(*keys[loc + (key,)])
                    return [error("SVO004", T("duplicate_key", key=key, first=first.line), path, line, column,
                                  T("merge_duplicate_key"),
                                  source_map.excerpt(line))]
                seen.add(key)
                keys[loc + (key,)] = (line, column)
                stack.append((value_node, loc + (key,)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, loc + (index,)) for index, item in enumerate(node.value))
    return []


def _parse_events(text: str, path: str) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Parse YAML from its event stream, refusing anchors, aliases, tags and deep nesting at once."""
    source_map = SourceMap(path, text, {}, {})

    def at(mark: Any, code: str, message: str, hint: str = "") -> _Refused:
        line, column = mark.line + 1, mark.column + 1
        return _Refused(error(code, message, path, line, column, hint, source_map.excerpt(line)))

    root: Any = None
    has_root = False
    documents = 0
    # Each frame: [container, loc, pending_key (mappings only)]
    stack: list[list[Any]] = []
    try:
        for event in yaml.parse(text, Loader=_SafeLoader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise at(event.start_mark, "SVO006", T("second_yaml_document"),
                             T("remove_second_document"))
                continue
            if isinstance(event, yaml.AliasEvent):
                raise at(event.start_mark, "SVO005", T("aliases_not_allowed"),
                         T("write_value_out_in_full"))
            if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if event.anchor is not None:
                    raise at(event.start_mark, "SVO005",
                             T("anchors_not_allowed", name=event.anchor),
                             T("write_value_out_in_full"))
                if event.tag is not None and event.tag != "!":
                    raise at(event.start_mark, "SVO008", T("tags_not_allowed", tag=event.tag),
                             T("remove_tag"))
            if isinstance(event, yaml.ScalarEvent):
                plain = event.implicit[0] and event.style is None
                value = None if plain and event.value in NULL_WORDS else event.value
                if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None:
                    frame = stack[-1]
                    key = event.value
                    key_loc = frame[1] + (key,)
                    if key in frame[0]:
                        first = Position(*source_map.keys[key_loc])
                        raise at(event.start_mark, "SVO004",
                                 T("duplicate_key", key=key, first=first.line),
                                 T("merge_duplicate_key"))
                    source_map.keys[key_loc] = _pos(event.start_mark)
                    frame[2] = key
                    continue
                loc = _attach(stack, value)
                source_map.values[loc] = _pos(event.start_mark)
                if not stack:
                    root, has_root = value, True
                continue
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None:
                    raise at(event.start_mark, "SVO003", T("key_not_plain_text"),
                             T("write_key_as_word"))
                if len(stack) >= MAX_DEPTH:
                    raise at(event.start_mark, "SVO010", T("nesting_too_deep", depth=MAX_DEPTH),
                             T("check_nesting_indentation"))
                container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
                loc = _attach(stack, container)
                source_map.values[loc] = _pos(event.start_mark)
                if not stack:
                    root, has_root = container, True
                stack.append([container, loc, None])
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                if stack and isinstance(stack[-1][0], dict):
                    stack[-1][2] = None
    except _Refused as refused:
        return None, [refused.diagnostic]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(exc, path, source_map)]
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        return None, [error("SVO003", T("yaml_syntax_error", problem=str(exc)), path, 1, 1)]
    except RecursionError:  # pragma: no cover - guarded by MAX_DEPTH
        return None, [error("SVO010", T("nesting_too_deep", depth=MAX_DEPTH), path, 1, 1)]

    if not has_root:
        return None, [error("SVO007", T("file_empty"), path, 1, 1,
                            hint=T("write_keys_or_delete"))]
    return _document(root, path, source_map)


def _document(root: Any, path: str, source_map: SourceMap) -> tuple[YamlDocument | None, list[Diagnostic]]:
    if root is None:
        return None, [error("SVO007", T("file_empty"), path, 1, 1,
                            hint=T("write_keys_or_delete"))]
    if not isinstance(root, dict):
        kind = T("kind_list") if isinstance(root, list) else T("kind_single_value")
        pos = source_map.value(())
        return None, [error("SVO011", T("file_not_a_mapping", kind=kind), path, pos.line, pos.column,
                            hint=T("start_with_id"))]
    # A control character reaches a key or value only through a double-quoted escape ("\\e", "\\x1b"):
    # raw ones were refused before parsing, and line breaks are read as "\\n". No backslash, no walk.
    text = source_map._text
    found = _escaped_controls(root, (), path, source_map) if text is None or "\\" in text else []
    if found:
        return None, found
    return YamlDocument(path, root, source_map), []


def _escaped_controls(value: Any, loc: Loc, path: str, source_map: SourceMap) -> list[Diagnostic]:
    """Control characters written as YAML escapes ("\\e", "\\x1b", "\\0") in keys or values: SVO012 at the
    value (the raw characters were refused before parsing)."""
    found: list[Diagnostic] = []
    stack: list[tuple[Any, Loc]] = [(value, loc)]
    while stack and len(found) < 100:
        item, here = stack.pop()
        if isinstance(item, dict):
            for key, child in item.items():
                if isinstance(key, str) and first_control(key, raw=False) is not None:
                    pos = source_map.key(here + (key,))
                    found.append(control_character(path, key, first_control(key, raw=False) or 0, pos.line, pos.column,
                                                    source_map.excerpt(pos.line)))
                stack.append((child, here + (key,)))
        elif isinstance(item, list):
            stack.extend((child, here + (i,)) for i, child in enumerate(item))
        elif isinstance(item, str):
            offset = first_control(item, raw=False)
            if offset is not None:
                pos = source_map.value(here)
                found.append(control_character(path, item, offset, pos.line, pos.column, source_map.excerpt(pos.line)))
    return sorted(found, key=lambda d: (d.line, d.column))


def _attach(stack: list[list[Any]], value: Any) -> Loc:
    """Put value into the open container on top of the stack; return its loc."""
    if not stack:
        return ()
    container, loc, key = stack[-1]
    if isinstance(container, dict):
        container[key] = value
        stack[-1][2] = None
        return loc + (key,)
    container.append(value)
    return loc + (len(container) - 1,)


def _pos(mark: Any) -> Position:
    """1-based position of a parser mark (events always carry one)."""
    return Position(mark.line + 1, mark.column + 1) if mark is not None else Position(1, 1)


def _syntax_error(exc: yaml.MarkedYAMLError, path: str, source_map: SourceMap) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    hint: str = T("check_indentation_and_colons")
    text_line = source_map.excerpt(line)
    if "\t" in text_line[: column] or "\t" in text_line[: len(text_line) - len(text_line.lstrip())]:
        hint = T("indent_with_spaces")
        problem = T("tab_in_indentation")
    if "expected a single document" in problem or "but found another document" in problem:
        return error("SVO006", T("second_yaml_document"), path, line, column,
                     T("keep_one_document"), source_map.excerpt(line))
    for words, msg_id in _YAML_PROBLEMS:
        if isinstance(problem, str) and words in problem:
            problem = T(msg_id)
            if msg_id == "yaml_colon_in_value":
                key, _, value = text_line.strip().partition(": ")
                if key and value and not value.startswith(("'", '"', "[", "{")):
                    hint = T("quote_the_value", key=key.lstrip("- "), value=value.replace('"', "'"))
            break
    context = f" {exc.context}" if exc.context and not isinstance(problem, T) else ""
    return error("SVO003", T("yaml_syntax_error", problem=T("concat", a=problem, b=context)), path, line, column, hint,
                 source_map.excerpt(line))


# PyYAML's words for common mistakes → svo's own (in the reader's language); others are shown as they are
_YAML_PROBLEMS: tuple[tuple[str, FindingKey], ...] = (
    ("mapping values are not allowed", "yaml_colon_in_value"),
    ("could not find expected ':'", "yaml_no_colon"),
    ("did not find expected key", "yaml_indentation"),
    ("did not find expected '-' indicator", "yaml_indentation"),
    ("expected <block end>", "yaml_indentation"),
    ("found unexpected end of stream", "yaml_unexpected_end"),
    ("found unexpected end", "yaml_unexpected_end"),
)


def display_path(path: Path) -> str:
    """A short path to show in findings: relative to the working directory when inside it (string
    arithmetic only: no file-system calls per file). Bytes of a name that are not UTF-8 (which Python
    keeps as surrogate escapes) are written out as \\xNN, so every output can carry the path."""
    text = str(path)
    if not os.path.isabs(text):
        shown = os.path.normpath(text)
    else:
        cwd = _cwd()
        shown = text[len(cwd) + 1:] if cwd and text.startswith(cwd + os.sep) else text
    return _UNDECODABLE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", shown) if _UNDECODABLE.search(shown) \
        else shown


_UNDECODABLE = re.compile("[\udc80-\udcff]")


@lru_cache(maxsize=1)
def _cwd() -> str:
    try:
        return os.getcwd()
    except OSError:  # the working directory was removed: show paths as given
        return ""
