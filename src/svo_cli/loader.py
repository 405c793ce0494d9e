"""Data directory (or files) → validated models, each with its source map; problems as diagnostics."""

from __future__ import annotations

import difflib
import multiprocessing
import os
import re
import signal
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any, Generator, Sequence, TypeVar

from pydantic import BaseModel, ValidationError

from svo_cli.diagnostics import MAX_PER_FILE, Diagnostic, error, warning
from svo_cli.messages import T
from svo_cli.model import Agreement, Group, PartiesFile, Party, SourcesFile, Workplan, with_record_start
from svo_cli.yamlfile import SourceMap, YamlDocument, display_path, read_yaml_file

M = TypeVar("M", bound=BaseModel)

PARTIES_FILE = "parties.yaml"
SOURCES_FILE = "sources.yaml"
AGREEMENTS_DIR = "agreements"
WORKPLANS_DIR = "workplans"
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Loaded:
    """A model and where it came from."""

    model: Any
    path: str
    source_map: SourceMap

    @property
    def stem(self) -> str:
        name = Path(self.path).name
        path = Path(name)
        return path.stem if path.suffix.lower() in YAML_SUFFIXES else name


@dataclass(frozen=True)
class Dataset:
    parties: tuple[Party, ...] = ()
    groups: tuple[Group, ...] = ()
    agreements: tuple[Loaded, ...] = ()
    parties_file: Loaded | None = None
    workplans: tuple[Loaded, ...] = field(default=())
    files: tuple[str, ...] = ()  # display paths of every data file read (loaded or not)
    sources_file: Loaded | None = None  # the document register, when the data directory has one
    # Agreements and plans read but not valid: the parsed YAML as `model`, so the checks can still resolve
    # their ids and references (one round reports every mistake; no cascade of "unknown agreement").
    unloaded: tuple[Loaded, ...] = ()

    def agreement_models(self) -> tuple[Agreement, ...]:
        return tuple(item.model for item in self.agreements)

    def workplan_models(self) -> tuple[Workplan, ...]:
        return tuple(item.model for item in self.workplans)

    def party_ids(self) -> frozenset[str]:
        return frozenset(p.id for p in self.parties) | frozenset(g.id for g in self.groups)


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
    "date_spec": "SVO110",
    "duration": "SVO111",
    "email": "SVO112",
    "one_line": "SVO112",
}


# pydantic's error types → what was expected, in svo's words (never the library's English)
_EXPECTED = {
    "list_type": "expected_list", "dict_type": "expected_mapping", "model_type": "expected_mapping",
    "model_attributes_type": "expected_mapping", "string_type": "expected_text", "bool_type": "expected_bool",
    "bool_parsing": "expected_bool", "int_parsing": "expected_int", "int_type": "expected_int",
    "int_from_float": "expected_int", "greater_than_equal": "expected_at_least", "less_than_equal": "expected_at_most",
}


def _diagnostic(err: dict[str, Any], source_map: SourceMap, model: type[BaseModel], suggest: bool = True) -> Diagnostic:
    loc = tuple(err["loc"])
    kind = err["type"]
    code = _CODES.get(kind, "SVO100")
    where = ".".join(str(part) for part in loc) or "(file)"
    hint: str = ""
    message: str
    if kind == "extra_forbidden":
        pos = source_map.key(loc)
        known = _field_names(model, loc[:-1])
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


def _load(path: Path, model: type[M], unloaded: list[Loaded] | None = None) -> tuple[Loaded | None, list[Diagnostic]]:
    """A file as a model; one that parses but is not valid goes to `unloaded` (raw) when given."""
    shown = display_path(path)
    document, diags = read_yaml_file(path, shown)
    if document is None:
        return None, diags
    built, diags = build_model(document, model)
    if built is None:
        if unloaded is not None:
            unloaded.append(Loaded(document.data, shown, document.source_map))
        return None, diags
    return Loaded(built, shown, document.source_map), []


def _yaml_files(directory: Path) -> list[Path]:
    """Data files in a directory (for `svo validate DIR`): .yaml/.yml in any case, hidden ones too."""
    try:
        return sorted(p for p in directory.iterdir() if p.suffix.lower() in YAML_SUFFIXES)
    except OSError:
        return []


def _inside(path: Path, root: Path) -> bool:
    real, real_root = os.path.realpath(path), os.path.realpath(root)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def _data_files(directory: Path, root: Path, required: bool) -> tuple[list[Path], list[Diagnostic]]:
    """The data files in `directory`, and findings for everything else found there.

    Files ending in .yaml or .yml (any case) are data files, hidden ones too. Any other entry is
    named in a warning, so nothing is silently ignored. A symlink whose target lies outside the data
    directory is refused and never read (its target is not shown). A missing or unlistable
    directory is a finding."""
    shown = display_path(directory)
    if not directory.is_dir():
        if required or directory.exists() or directory.is_symlink():
            return [], [error("SVO302", T("no_directory_in_data", name=directory.name), shown,
                              hint=T("create_agreements_directory", path=shown))]
        return [], []
    try:
        entries = sorted(directory.iterdir())
    except OSError as exc:
        return [], [error("SVO001", T("cannot_read_directory", reason=exc.strerror or str(exc)), shown,
                          hint=T("check_directory_readable"))]
    files: list[Path] = []
    diags: list[Diagnostic] = []
    for path in entries:
        if path.suffix.lower() not in YAML_SUFFIXES:
            diags.append(warning("SVO303", T("not_a_data_file"), display_path(path),
                                 hint=T("rename_to_yaml_or_move")))
            continue
        if path.is_symlink():
            if not _inside(path, root):
                diags.append(error("SVO304", T("symlink_outside_data"),
                                   display_path(path), hint=T("copy_file_into_data")))
                continue
        files.append(path)
    return files, diags
PARALLEL_FROM_FILES = 1500  # below this, starting worker processes costs more than it saves
CHUNK_FILES = 200


def load_dataset(data_dir: Path, jobs: int | None = None) -> tuple[Dataset, list[Diagnostic]]:
    """Load parties, agreements and work plans below data_dir.

    Large directories are read and parsed by worker processes (one per core, in chunks) while this
    process builds the models from each chunk as it arrives: parsed values and texts cross the
    process boundary cheaply, models would not.
    """
    diags: list[Diagnostic] = []
    parties_path = data_dir / PARTIES_FILE
    parties_file: Loaded | None = None
    if parties_path.is_symlink() and not _inside(parties_path, data_dir):
        diags.append(error("SVO304", T("symlink_outside_data"),
                           display_path(parties_path), hint=T("copy_file_into_data")))
    elif parties_path.exists() or parties_path.is_symlink():
        parties_file, found = _load(parties_path, PartiesFile)
        diags += found
    else:
        diags.append(error("SVO301", T("no_file_in_data", name=PARTIES_FILE), display_path(data_dir),
                           hint=T("create_parties_file", path=display_path(parties_path))))
    agreement_files, found = _data_files(data_dir / AGREEMENTS_DIR, data_dir, required=True)
    workplan_files, more = _data_files(data_dir / WORKPLANS_DIR, data_dir, required=False)
    diags += found + more
    files = [(p, Agreement) for p in agreement_files] + [(p, Workplan) for p in workplan_files]
    agreements: list[Loaded] = []
    workplans: list[Loaded] = []
    unloaded: list[Loaded] = []
    with closing(_parsed(files, jobs)) as parsed:  # Ctrl-C anywhere here ends the worker pool at once
        for (path, model), (document, found) in zip(files, parsed):
            if document is not None:
                built, found = build_model(document, model)
                if built is not None:
                    (agreements if model is Agreement else workplans).append(
                        Loaded(built, document.path, document.source_map))
                else:
                    unloaded.append(Loaded(document.data, document.path, document.source_map))
            diags += found
    read = ([display_path(parties_path)] if parties_path.exists() or parties_path.is_symlink() else [])
    sources_file, found = _register(data_dir)
    diags += found
    read += [display_path(data_dir / SOURCES_FILE)] if sources_file is not None or found else []
    read += [display_path(p) for p, _ in files]
    return replace(_dataset(parties_file, agreements, workplans), files=tuple(read), sources_file=sources_file,
                   unloaded=tuple(unloaded)), diags


def _register(data_dir: Path) -> tuple[Loaded | None, list[Diagnostic]]:
    """The document register (sources.yaml), when the data directory has one."""
    path = data_dir / SOURCES_FILE
    if not (path.exists() or path.is_symlink()):
        return None, []
    if path.is_symlink() and not _inside(path, data_dir):
        return None, [error("SVO304", T("symlink_outside_data"),
                            display_path(path), hint=T("copy_file_into_data"))]
    return _load(path, SourcesFile)


def _parsed(files: Sequence[tuple[Path, type]], jobs: int | None) -> Generator[tuple[YamlDocument | None, list[Diagnostic]], None, None]:
    """(document, diagnostics) for each file, in order; in worker processes when that wins."""
    paths = [str(p) for p, _ in files]
    workers = jobs if jobs is not None else min(os.cpu_count() or 1, 4)
    if workers < 2 or len(paths) < PARALLEL_FROM_FILES or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(_read_one, paths)
        return
    chunks = [paths[i:i + CHUNK_FILES] for i in range(0, len(paths), CHUNK_FILES)]
    # Ctrl-C: the workers are forked with SIGINT ignored (they never print a traceback); the main
    # process kills them and exits 130 at once, without waiting on the pool's threads.
    # Ctrl-C during the fork is held back (blocked, not lost) until the handler is in place.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    previous = signal.getsignal(signal.SIGINT)
    try:
        if previous is signal.default_int_handler:
            signal.signal(signal.SIGINT, _interrupted)
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_ignore_sigint)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        for chunk in pool.imap(_read_chunk, chunks):
            yield from chunk
        pool.close()
    finally:
        pool.terminate()
        pool.join()
        signal.signal(signal.SIGINT, previous)


def _interrupted(signum: int, frame: object) -> None:
    for child in multiprocessing.active_children():
        child.kill()
    os._exit(130)


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _read_one(path: str) -> tuple[YamlDocument | None, list[Diagnostic]]:
    return read_yaml_file(Path(path), display_path(Path(path)))


def _read_chunk(paths: list[str]) -> list[tuple[YamlDocument | None, list[Diagnostic]]]:
    return [_read_one(p) for p in paths]


def _is_workplan(path: Path) -> bool:
    """A file under a workplans/ directory is a work plan; elsewhere, one with a 'period:' key."""
    if path.parent.name == WORKPLANS_DIR:
        return True
    if path.parent.name == AGREEMENTS_DIR:
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return False
    return any(line.startswith(b"period:") for line in head.splitlines())


def load_files(paths: list[Path], data_dir: Path | None) -> tuple[Dataset, list[Diagnostic], set[str]]:
    """Load the given files (for `svo validate PATH ...`), with parties from data_dir when present.

    Returns the dataset, diagnostics and the display paths of the files asked for.
    """
    diags: list[Diagnostic] = []
    parties_file: Loaded | None = None
    sources_file: Loaded | None = None
    agreements: list[Loaded] = []
    workplans: list[Loaded] = []
    unloaded: list[Loaded] = []
    asked: set[str] = set()
    files: list[Path] = []
    for path in paths:
        files += _yaml_files(path) if path.is_dir() and path.suffix.lower() not in YAML_SUFFIXES else [path]
    for path in files:
        asked.add(display_path(path))
        if path.name == PARTIES_FILE:
            parties_file, found = _load(path, PartiesFile)
        elif path.name == SOURCES_FILE:
            sources_file, found = _load(path, SourcesFile)
        elif _is_workplan(path):
            loaded, found = _load(path, Workplan, unloaded)
            if loaded is not None:
                workplans.append(loaded)
        else:
            loaded, found = _load(path, Agreement, unloaded)
            if loaded is not None:
                agreements.append(loaded)
        diags += found
    if parties_file is None and data_dir is not None and (data_dir / PARTIES_FILE).is_file():
        parties_file, found = _load(data_dir / PARTIES_FILE, PartiesFile)
        diags += found
    if sources_file is None and data_dir is not None:
        sources_file, found = _register(data_dir)
        diags += found
    return (replace(_dataset(parties_file, agreements, workplans), sources_file=sources_file,
                    unloaded=tuple(unloaded)), diags, asked)


def _dataset(parties_file: Loaded | None, agreements: list[Loaded], workplans: list[Loaded] | None = None) -> Dataset:
    parties = tuple(parties_file.model.parties) if parties_file else ()
    groups = tuple(parties_file.model.groups) if parties_file else ()
    start = parties_file.model.records_from if parties_file else None
    if start is not None:  # the register's record start, for every follow-up without its own (rule 8b)
        agreements = [replace(item, model=with_record_start(item.model, start)) for item in agreements]
        workplans = [replace(item, model=with_record_start(item.model, start)) for item in workplans or ()]
    return Dataset(parties, groups, tuple(agreements), parties_file, tuple(workplans or ()))
