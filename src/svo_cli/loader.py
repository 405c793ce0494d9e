"""Data directory (or files) → validated models, each with its source map; problems as diagnostics."""

from __future__ import annotations

import os
import signal
from collections import deque
from contextlib import closing
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Generator, Generic, Sequence, TypeVar

from pydantic import BaseModel

from svo_cli.build import build_model, slug_of  # noqa: F401 - loader.build_model, loader.slug_of
from svo_cli.diagnostics import Diagnostic, error, warning
from svo_cli.messages import T
from svo_cli.model import (
    Agreement,
    Group,
    PartiesFile,
    Party,
    SourcesFile,
    Workplan,
    with_party_kinds,
    with_record_start,
)
from svo_cli.model_minutes import Minutes
from svo_cli.yamlfile import SourceMap, YamlDocument, display_path, read_yaml_file

M = TypeVar("M", bound=BaseModel)
M_co = TypeVar("M_co", bound=BaseModel, covariant=True)

PARTIES_FILE = "parties.yaml"
SOURCES_FILE = "sources.yaml"
AGREEMENTS_DIR = "agreements"
WORKPLANS_DIR = "workplans"
MINUTES_DIR = "minutes"
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class FileKind:
    """One kind of data file: a single file at the data directory's top (parties.yaml) or a directory
    of files, one model per file (agreements/). A new kind of file is one more row in KINDS."""

    name: str
    model: type[BaseModel]
    file: str | None = None
    directory: str | None = None
    required: bool = False


PARTIES = FileKind("parties", PartiesFile, file=PARTIES_FILE, required=True)
SOURCES = FileKind("sources", SourcesFile, file=SOURCES_FILE)
AGREEMENTS = FileKind("agreements", Agreement, directory=AGREEMENTS_DIR, required=True)
WORKPLANS = FileKind("workplans", Workplan, directory=WORKPLANS_DIR)
MINUTES = FileKind("minutes", Minutes, directory=MINUTES_DIR)
KINDS: tuple[FileKind, ...] = (PARTIES, SOURCES, AGREEMENTS, WORKPLANS, MINUTES)


@dataclass(frozen=True, slots=True)  # slots: one per file of a register of any size
class Loaded(Generic[M_co]):
    """A model and where it came from."""

    model: M_co
    path: str
    source_map: SourceMap
    # findings of per-file checks (FileCheck) computed where the file was read, by check name
    checked: tuple[tuple[str, tuple[Diagnostic, ...]], ...] = field(default=(), compare=False, repr=False)

    @property
    def stem(self) -> str:
        return stem(self.path)

    def at(self, loc: tuple, key: bool = False) -> dict[str, Any]:
        """Where `loc` is in the file (its value, or with `key` its key): a finding's path, line, column
        and excerpt."""
        pos = self.source_map.key(loc) if key else self.source_map.value(loc)
        return dict(path=self.path, line=pos.line, column=pos.column, excerpt=self.source_map.excerpt(pos.line))

    def checked_by(self, name: str) -> tuple[Diagnostic, ...] | None:
        """The findings the named per-file check gave when the file was read (None: not run there)."""
        return next((found for check, found in self.checked if check == name), None)


@dataclass(frozen=True)
class FileCheck:
    """A check of one agreement on its own (its model as the dataset holds it, nothing else), which the
    loader runs on each agreement as soon as it is built, while the worker processes parse the next
    files, so that on a large directory it is not left to the serial part after loading. `wants` tells
    from the parsed values alone whether the check can find anything in the file."""

    name: str
    run: Callable[[Loaded[Any]], list[Diagnostic]]
    wants: Callable[[dict[str, Any]], bool]


def stem(path: Path | str) -> str:
    """A data file's name without .yaml/.yml (any case): the id it should hold. (String arithmetic as
    pathlib's suffix and stem do it, without building a Path: called for every file.)"""
    name = os.path.basename(path)
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 and name[dot:].lower() in YAML_SUFFIXES else name


@dataclass(frozen=True)
class Dataset:
    parties: tuple[Party, ...] = ()
    groups: tuple[Group, ...] = ()
    agreements: tuple[Loaded[Agreement], ...] = ()
    parties_file: Loaded[PartiesFile] | None = None
    workplans: tuple[Loaded[Workplan], ...] = field(default=())
    files: tuple[str, ...] = ()  # display paths of every data file read (loaded or not)
    sources_file: Loaded[SourcesFile] | None = None  # the document register, when the data directory has one
    # Agreements and plans read but not valid: the parsed YAML as `model`, so the checks can still resolve
    # their ids and references (one round reports every mistake; no cascade of "unknown agreement").
    unloaded: tuple[Loaded[Any], ...] = ()
    minutes: tuple[Loaded[Minutes], ...] = ()  # meetings' minutes (data/minutes/), oldest first

    def minutes_models(self) -> tuple[Minutes, ...]:
        return tuple(item.model for item in self.minutes)

    def holders(self) -> tuple[Loaded[Agreement | Workplan], ...]:
        """Agreements, then work plans: the files that hold obligations."""
        return (*self.agreements, *self.workplans)

    def items(self, kind: FileKind) -> tuple[Loaded[BaseModel], ...]:
        """The loaded files of one kind, in file order."""
        one = {PARTIES.name: self.parties_file, SOURCES.name: self.sources_file}
        if kind.name in one:
            found = one[kind.name]
            return (found,) if found is not None else ()
        return {AGREEMENTS.name: self.agreements, WORKPLANS.name: self.workplans,
                MINUTES.name: self.minutes}.get(kind.name, ())

    def agreement_models(self) -> tuple[Agreement, ...]:
        return tuple(item.model for item in self.agreements)

    def workplan_models(self) -> tuple[Workplan, ...]:
        return tuple(item.model for item in self.workplans)

    def party_ids(self) -> frozenset[str]:
        return frozenset(p.id for p in self.parties) | frozenset(g.id for g in self.groups)


# --------------------------------------------------------------------------- what the loader may read


def _real(path: Path) -> str:
    return os.path.realpath(path)


def _inside(path: Path, root: Path) -> bool:
    real, real_root = _real(path), _real(root)
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def refused(path: Path, root: Path) -> Diagnostic | None:
    """The one rule for what the loader may read, for files and directories alike: nothing that a
    symlink, at any level, leads outside `root` (the data directory; for a named file outside any data
    directory, the working directory or the file's own directory). A refused entry is reported at its
    own path, and neither its target nor, for a directory, its contents are read or shown. What is not
    a regular file is refused when it is opened (yamlfile.read_yaml_file: stat first, O_NONBLOCK)."""
    try:
        if _inside(path, root):
            return None
    except (OSError, ValueError):
        pass
    return error("SVO304", T("symlink_outside_data"), display_path(path), 1, 1, hint=T("copy_file_into_data"))


def read_checked(path: Path, root: Path) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """One file, read under the rule (refused, or parsed with yamlfile's limits)."""
    refusal = refused(path, root)
    if refusal is not None:
        return None, [refusal]
    return read_yaml_file(path, display_path(path))


def named_root(path: Path) -> Path:
    """The root a file named outside any data directory is read under: the working directory when the
    file is below it (a repository checked by pre-commit), else the file's own directory."""
    try:
        here = os.getcwd()
    except OSError:
        return path.parent
    absolute = os.path.abspath(path)
    return Path(here) if absolute.startswith(here.rstrip(os.sep) + os.sep) else Path(os.path.dirname(absolute))


def _exists(path: Path) -> bool:
    try:
        os.lstat(path)
        return True
    except OSError:
        return False


def _data_files(directory: Path, root: Path, required: bool) -> tuple[list[Path], list[Diagnostic]]:
    """The data files in `directory`, and findings for everything else found there.

    Files ending in .yaml or .yml (any case) are data files, hidden ones too. Any other entry is
    named in a warning, so nothing is silently ignored. The directory and each file are read under
    the rule (`refused`). A missing or unlistable directory is a finding."""
    shown = display_path(directory)
    if _exists(directory):
        refusal = refused(directory, root)
        if refusal is not None:
            return [], [refusal]
    if not directory.is_dir():
        if required or _exists(directory):
            return [], [error("SVO302", T("no_directory_in_data", name=directory.name), shown, 1, 1,
                              hint=T("create_agreements_directory", path=shown))]
        return [], []
    try:
        entries = sorted(directory.iterdir(), key=str)  # one directory: the order of the names
        with os.scandir(directory) as listing:
            plain = {entry.name for entry in listing if not _maybe_link(entry)}
    except OSError as exc:
        return [], [error("SVO001", T("cannot_read_directory", reason=exc.strerror or str(exc)), shown, 1, 1,
                          hint=T("check_directory_readable"))]
    files: list[Path] = []
    diags: list[Diagnostic] = []
    for path in entries:
        if path.suffix.lower() not in YAML_SUFFIXES:
            diags.append(warning("SVO303", T("not_a_data_file"), display_path(path), 1, 1,
                                 hint=T("rename_to_yaml_or_move")))
            continue
        # An entry that is not a symlink is where its directory is, and the directory passed the rule
        # (or is the root itself): only symlinks, and what the listing cannot tell, need resolving.
        refusal = refused(path, root) if path.name not in plain else None
        if refusal is not None:
            diags.append(refusal)
            continue
        files.append(path)
    return files, diags


def _maybe_link(entry: os.DirEntry[str]) -> bool:
    """Whether a directory entry is a symlink (from the listing itself: no call per file); when that
    cannot be told, it is treated as one (and resolved)."""
    try:
        return entry.is_symlink()
    except OSError:
        return True


def kind_files(root: Path, kind: FileKind) -> tuple[list[Path], list[Diagnostic]]:
    """The data files of a directory kind below `root`, listed under the rule."""
    return _data_files(root / (kind.directory or ""), root, kind.required)


def _yaml_files(directory: Path) -> list[Path]:
    """Data files in a directory named on the command line: .yaml/.yml in any case, hidden ones too."""
    try:
        return sorted(p for p in directory.iterdir() if p.suffix.lower() in YAML_SUFFIXES)
    except OSError:
        return []


# --------------------------------------------------------------------------- the one entry point


def kind_of_path(path: Path) -> FileKind | None:
    """The kind a file's place names (parties.yaml, agreements/x.yaml, …); None: decided by its content."""
    for kind in KINDS:
        if (kind.file is not None and path.name == kind.file) or (
                kind.directory is not None and path.parent.name == kind.directory):
            return kind
    return None


def kind_of_document(document: YamlDocument) -> FileKind:
    """A file outside the kinds' places: a work plan when it has a top-level 'period', else an agreement."""
    return WORKPLANS if "period" in document.data else AGREEMENTS


_Planned = tuple[Path, "FileKind | None"]


def _plan_directory(root: Path) -> tuple[list[_Planned], list[Diagnostic], list[str]]:
    """Every data file of every kind below `root`, with the findings about what is missing or refused."""
    planned: list[_Planned] = []
    diags: list[Diagnostic] = []
    shown: list[str] = []
    for kind in KINDS:
        if kind.file is not None:
            path = root / kind.file
            if not _exists(path):
                if kind.required:
                    diags.append(error("SVO301", T("no_file_in_data", name=kind.file), display_path(root), 1, 1,
                                       hint=T("create_parties_file", path=display_path(path))))
                continue
            shown.append(display_path(path))
            refusal = refused(path, root)
            if refusal is not None:
                diags.append(refusal)
            else:
                planned.append((path, kind))
        if kind.directory is not None:
            files, found = kind_files(root, kind)
            diags += found
            planned += [(path, kind) for path in files]
            shown += [display_path(path) for path in files]
    return planned, diags, shown


def named_files(paths: Sequence[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """The files named on the command line, a named directory's data files listed in their place; a
    directory that the rule refuses is reported and not listed."""
    files: list[Path] = []
    diags: list[Diagnostic] = []
    for path in paths:
        if path.is_dir() and path.suffix.lower() not in YAML_SUFFIXES:
            refusal = refused(path, named_root(path))
            if refusal is not None:
                diags.append(refusal)
                continue
            files += _yaml_files(path)
        else:
            files.append(path)
    return files, diags


def _plan_named(paths: Sequence[Path], root: Path | None) -> tuple[list[_Planned], list[Diagnostic]]:
    """The named files (a named directory: its data files), and the parties and register of `root`
    when they are not among them."""
    planned: list[_Planned] = []
    files, diags = named_files(paths)
    for file in files:
        refusal = refused(file, named_root(file))
        if refusal is not None:
            diags.append(refusal)
        else:
            planned.append((file, kind_of_path(file)))
    named = {kind for _, kind in planned}
    if root is not None:
        for kind in (PARTIES, SOURCES):
            path = root / (kind.file or "")
            if kind not in named and _exists(path):
                refusal = refused(path, root)
                if refusal is not None:
                    diags.append(refusal)
                else:
                    planned.append((path, kind))
    return planned, diags


def load(root: Path | None, only: Sequence[Path] | None = None, jobs: int | None = None,
         file_checks: Sequence[FileCheck] = ()) -> tuple[Dataset, list[Diagnostic]]:
    """Read data files, every kind through the same rule, limits and parsing: all of them below the data
    directory `root`, or `only` the named files (for `svo validate PATH ...`), with the parties and the
    register of `root` when it is given and they are not named.

    Large directories are read and parsed by worker processes (one per core, in chunks) while this
    process builds the models from each chunk as it arrives: parsed values and texts cross the
    process boundary cheaply, models would not. Reading a directory, the parties come first, so each
    agreement is settled as the dataset holds it (_settle) and given the `file_checks` as soon as it is
    built, in the time this process would otherwise wait for the workers."""
    if only is None:
        if root is None:
            raise ValueError("load: a data directory or files to read")
        planned, diags, shown = _plan_directory(root)
    else:
        planned, diags = _plan_named(only, root)
        shown = [display_path(path) for path, _ in planned]
    loaded: dict[str, list[Loaded[BaseModel]]] = {kind.name: [] for kind in KINDS}
    unloaded: list[Loaded[Any]] = []
    in_place = only is None  # a directory: parties.yaml is planned first, so it is read when agreements come
    context: _Settle | None = None
    with closing(_parsed([path for path, _ in planned], jobs)) as parsed:  # Ctrl-C ends the pool at once
        for (path, kind), (document, found) in zip(planned, parsed):
            if document is not None:
                kind = kind or kind_of_document(document)
                built, found = build_model(document, kind.model)
                if built is None:
                    if kind.name in (AGREEMENTS.name, WORKPLANS.name):
                        unloaded.append(Loaded(document.data, document.path, document.source_map))
                elif in_place and kind.name in (AGREEMENTS.name, WORKPLANS.name):
                    if context is None:
                        context = _context(loaded)
                    loaded[kind.name].append(_settled(built, document, context, file_checks))
                else:
                    loaded[kind.name].append(Loaded(built, document.path, document.source_map))
            diags += found
    return _dataset(loaded, shown, unloaded, settled=in_place), diags


_Settle = tuple[dict[str, Any], Any]  # party kinds by id, the register's records_from


def _context(loaded: dict[str, list[Loaded[BaseModel]]]) -> _Settle:
    """What the dataset changes in each agreement and plan: from the parties file read (the last one)."""
    parties_file: Any = next(iter(loaded[PARTIES.name][-1:]), None)
    if parties_file is None:
        return {}, None
    return {p.id: p.kind for p in parties_file.model.parties}, parties_file.model.records_from


def _settled(built: Any, document: YamlDocument, context: _Settle, checks: Sequence[FileCheck]) -> Loaded[Any]:
    """An agreement or plan as the dataset holds it, an agreement with its per-file checks' findings."""
    kinds, start = context
    if isinstance(built, Workplan):
        item: Loaded[Any] = Loaded(with_record_start(built, start) if start is not None else built, document.path,
                                   document.source_map)
        return item
    item = Loaded(_settle(built, kinds, start), document.path, document.source_map)
    if not checks:
        return item
    checked = tuple((check.name, tuple(check.run(item)) if check.wants(document.data) else ()) for check in checks)
    return replace(item, checked=_CLEAN.setdefault(checked, checked) if not any(f for _, f in checked) else checked)


# The per-file checks' results of a file they found nothing in, one tuple for all such files.
_CLEAN: dict[tuple[tuple[str, tuple[Diagnostic, ...]], ...], tuple[tuple[str, tuple[Diagnostic, ...]], ...]] = {}


def load_dataset(data_dir: Path, jobs: int | None = None) -> tuple[Dataset, list[Diagnostic]]:
    """Every data file below `data_dir` (load, for callers that read a whole directory)."""
    return load(data_dir, jobs=jobs)


def load_files(paths: list[Path], data_dir: Path | None) -> tuple[Dataset, list[Diagnostic], set[str]]:
    """The named files, with the parties and register of data_dir (load, for callers that name files);
    also the display paths of the files asked for."""
    dataset, diags = load(data_dir if data_dir is not None and data_dir.is_dir() else None, only=paths)
    return dataset, diags, set(dataset.files)


PARALLEL_FROM_FILES = 1500  # below this, starting worker processes costs more than it saves
CHUNK_FILES = 200


def _parsed(paths_in: Sequence[Path], jobs: int | None) -> Generator[tuple[YamlDocument | None, list[Diagnostic]], None, None]:
    """(document, diagnostics) for each file, in order; in worker processes when that wins."""
    paths = [str(p) for p in paths_in]
    workers = jobs if jobs is not None else min(os.cpu_count() or 1, 4)
    if workers < 2 or len(paths) < PARALLEL_FROM_FILES:
        yield from map(_read_one, paths)
        return
    import multiprocessing  # only here: a county-sized run (the pre-commit hook) does without its imports

    if "fork" not in multiprocessing.get_all_start_methods():
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
        # A window of chunks in flight, not all of them: when this process builds models more slowly
        # than the workers parse, parsed files would otherwise pile up here (memory grows with N).
        waiting = iter(chunks)
        in_flight = deque(pool.apply_async(_read_chunk, (chunk,)) for chunk in islice(waiting, 2 * workers))
        while in_flight:
            done = in_flight.popleft().get()
            following = next(waiting, None)
            if following is not None:
                in_flight.append(pool.apply_async(_read_chunk, (following,)))
            yield from done
        pool.close()
    finally:
        pool.terminate()
        pool.join()
        signal.signal(signal.SIGINT, previous)


def _interrupted(signum: int, frame: object) -> None:
    import multiprocessing

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


def _settle(agreement: Agreement, kinds: dict[str, Any], start: Any) -> Agreement:
    """An agreement as the dataset holds it: what min_parties counts (rule 4b), and the register's record
    start for every follow-up without its own (rule 8b)."""
    if agreement.min_parties:
        agreement = with_party_kinds(agreement, kinds)
    if start is not None:
        agreement = with_record_start(agreement, start)
    return agreement


def _dataset(loaded: dict[str, list[Loaded[BaseModel]]], files: Sequence[str] = (),
             unloaded: Sequence[Loaded[Any]] = (), settled: bool = False) -> Dataset:
    """The dataset of what was loaded; agreements and plans settled here unless `settled` already."""
    parties_file: Any = next(iter(loaded[PARTIES.name][-1:]), None)
    sources_file: Any = next(iter(loaded[SOURCES.name][-1:]), None)
    agreements: Any = tuple(loaded[AGREEMENTS.name])
    workplans: Any = tuple(loaded[WORKPLANS.name])
    parties = tuple(parties_file.model.parties) if parties_file else ()
    groups = tuple(parties_file.model.groups) if parties_file else ()
    kinds = {p.id: p.kind for p in parties}
    start = parties_file.model.records_from if parties_file else None
    if not settled and (start is not None or any(item.model.min_parties for item in agreements)):  # _settle
        agreements = tuple(replace(item, model=_settle(item.model, kinds, start)) for item in agreements)
    if not settled and start is not None:  # the register's record start, for follow-ups without their own (8b)
        workplans = tuple(replace(item, model=with_record_start(item.model, start)) for item in workplans)
    minutes: Any = tuple(sorted(loaded[MINUTES.name], key=lambda item: (item.model.date.start, item.model.id)))
    return Dataset(parties, groups, agreements, parties_file, workplans, tuple(files), sources_file,
                   tuple(unloaded), minutes)
