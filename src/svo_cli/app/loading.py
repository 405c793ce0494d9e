"""Reading the data directory and running the named checks a command needs; `svo validate`'s files.

The edge of the application: paths arrive in the request, findings leave sorted by place.
"""

from __future__ import annotations

import errno
import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from svo_cli import checks as named_checks
from svo_cli import register
from svo_cli.app.requests import Request, UsageProblem, ValidateRequest
from svo_cli.diagnostics import Diagnostic, promote_warnings
from svo_cli.loader import Dataset, named_files
from svo_cli.loader import load as load_data
from svo_cli.yamlfile import display_path

if TYPE_CHECKING:
    from svo_cli.text_keys import LabelKey


@dataclass(frozen=True)
class Checked:
    """The data directory read and checked: the dataset and its findings, sorted by place (not
    loader.Loaded, which is one file's model)."""

    dataset: Dataset
    findings: tuple[Diagnostic, ...] = field(default=())


ERRORS, EVERYTHING = "errors", "everything"  # which named checks a command runs


def load(request: Request, checks: str = ERRORS) -> Checked:
    """Read the data directory and run the named checks a command needs: the ones that can find errors
    (ERRORS: checks.ERROR_CHECKS), or every one (EVERYTHING: checks.CHECKS)."""
    key = (str(request.data_dir), request.as_of, checks)
    if _READ_ONCE is not None and key in _READ_ONCE:
        return _READ_ONCE[key]
    _require_dir(request.data_dir)
    every = checks == EVERYTHING
    with _loading():
        chosen = named_checks.CHECKS if every else named_checks.ERROR_CHECKS
        dataset, diagnostics = load_data(request.data_dir, jobs=request.jobs, file_checks=named_checks.file_checks(chosen))
        diagnostics += named_checks.run(dataset, register.Context(as_of=request.as_of), chosen)
    _keep(dataset)
    checked = Checked(dataset, tuple(sorted(diagnostics, key=lambda d: d.sort_key())))
    if _READ_ONCE is not None:
        _READ_ONCE[key] = checked
    return checked


_READ_ONCE: dict[tuple[str, date, str], Checked] | None = None


@contextmanager
def read_once() -> Iterator[None]:
    """Within the block, each (data directory, date, checks) is read once: what builds many results from
    one data directory (svo site, svo remind) reads it once, not once per result."""
    global _READ_ONCE
    previous, _READ_ONCE = _READ_ONCE, {}
    try:
        yield
    finally:
        _READ_ONCE = previous


FREEZE_FROM_FILES = 1000


@contextmanager
def _loading() -> Iterator[None]:
    """Python's cycle collector, paused while the data is read and checked. Each of its full passes
    visits every live object, and loading thousands of files keeps hundreds of thousands alive (models,
    values, source maps) while making no cyclic garbage: at 10,000 agreements the passes cost more
    than a third of `svo deadlines`' CPU time (benchmarks/run.py, docs/performance.md)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _keep(dataset: Dataset) -> None:
    """A large dataset lives as long as the command: its objects are moved out of the collector's sight
    (gc.freeze), so the passes while the engine runs visit only what the engine makes. Small datasets
    are left alone (in a long-lived process, such as the test suite, frozen objects are never scanned
    again)."""
    if len(dataset.files) >= FREEZE_FROM_FILES:
        gc.freeze()


def _require_dir(path: Path, missing: LabelKey = "no_data_dir") -> None:
    """The directory exists and is a directory; a path the system cannot take is a usage error."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise UsageProblem(missing, path=str(path)) from None
        raise UsageProblem("bad_path", path=str(path), reason=exc.strerror or str(exc)) from None
    if missing == "no_data_dir":
        root = data_root(path if path.is_dir() else path.parent)
        if path.is_file() and root is not None:
            raise UsageProblem("data_is_file", path=str(path), suggestion=_shown(root))
        if path.is_dir() and not (path / "parties.yaml").exists() and root is not None and root != Path(
                os.path.abspath(path)):
            raise UsageProblem("data_is_subdir", path=str(path), suggestion=_shown(root))
    if not path.is_dir():
        raise UsageProblem(NOT_A_DIRECTORY.get(missing, missing), path=str(path))


NOT_A_DIRECTORY: dict[str, LabelKey] = {"no_data_dir": "data_not_dir", "no_sources_dir": "sources_not_dir"}


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:
        return str(path)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _exists(path: Path) -> bool:
    try:
        os.lstat(path)
        return True
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise UsageProblem("bad_path", path=str(path), reason=exc.strerror or str(exc)) from None


def data_root(path: Path) -> Path | None:
    """The data directory a file belongs to: the nearest directory above it (or it) holding parties.yaml
    and agreements/ — as git finds its repository."""
    current = Path(os.path.abspath(path))
    for candidate in (current, *current.parents):
        if (candidate / "parties.yaml").is_file() and (candidate / "agreements").is_dir():
            return candidate
    return None


def read_documents(dataset: Dataset, directory: Path) -> tuple[dict[str, str], frozenset[str]]:
    """The plain text of every document the data names, from `directory` (edge I/O: the checks get
    texts, never paths). Returns the texts and the names not found there."""
    names = {source.document for item in (*dataset.agreements, *dataset.workplans, *dataset.minutes)
             for _, source in register.sources(item)}
    texts: dict[str, str] = {}
    for name in sorted(names):
        path = directory / name
        try:  # a name the system cannot take (too long, …) is a document not found: a located finding
            if "/" in name or name.startswith(".") or not path.is_file():
                continue
            texts[name] = path.read_text(encoding="utf-8", errors="replace")
        except (OSError, ValueError):
            continue
    return texts, frozenset(names - set(texts))


@dataclass(frozen=True)
class ValidateResult:
    findings: tuple[Diagnostic, ...]
    files: int

    @property
    def error_count(self) -> int:
        return sum(1 for d in self.findings if d.is_error)

    @property
    def warning_count(self) -> int:
        return len(self.findings) - self.error_count

    @property
    def exit_code(self) -> int:
        return 1 if any(d.is_error for d in self.findings) else 0


def validate_files(request: ValidateRequest) -> ValidateResult:
    """`svo validate`: the data directory, or the named files with references resolved against it."""
    data_dir, paths, strict, jobs = request.data_dir, list(request.paths), request.strict, request.jobs
    if request.sources_dir is not None:
        _require_dir(request.sources_dir, "no_sources_dir")

    if paths and len(paths) == 1 and _exists(paths[0]) and paths[0].is_dir() and (paths[0] / "parties.yaml").exists():
        data_dir, paths = paths[0], []
    if paths:
        missing = [p for p in paths if not _exists(p)]
        if missing:
            raise UsageProblem("no_such_path", path=str(missing[0]))
        diagnostics, files = _validate_named(paths, data_dir, request)
    else:
        _require_dir(data_dir)
        with _loading():
            dataset, diagnostics = load_data(data_dir, jobs=jobs,
                                             file_checks=named_checks.file_checks(named_checks.named(request.checks)))
            diagnostics += _run_checks(dataset, request)
        files = len(dataset.files)
    if strict:
        diagnostics = promote_warnings(diagnostics)
    return ValidateResult(tuple(sorted(diagnostics, key=lambda d: d.sort_key())), files)


def _validate_named(paths: Sequence[Path], data_dir: Path, request: ValidateRequest) -> tuple[list[Diagnostic], int]:
    """Findings for the named files only, each checked with the whole data directory it belongs to, so a
    reference to another file (a superseded agreement, a plan's agreements) resolves as in the full check:
    what pre-commit, which names only the changed files, needs. Besides, what a change can break in
    other files: the codes of ACROSS_FILES wherever found, and the self-tests that may rest on a named
    file (`_resting_on`) in the files they are in. Files outside any data directory are checked on their
    own, with the parties of `data_dir`."""
    files, found = named_files(paths)  # a named directory is listed under the loader's rule
    files = list({os.path.realpath(p): p for p in files}.values())  # each file once
    by_root: dict[Path | None, list[Path]] = {}
    for path in files:
        by_root.setdefault(data_root(path.parent if path.is_file() else path), []).append(path)
    for root, named in by_root.items():
        wanted = {os.path.realpath(display_path(p)) for p in named}
        if root is None:
            dataset, diagnostics = load_data(data_dir if _is_dir(data_dir) else None, only=named)
        else:
            dataset, diagnostics = load_data(root, jobs=request.jobs,
                                             file_checks=named_checks.file_checks(named_checks.named(request.checks)))
        resting = _resting_on(dataset, wanted) - wanted
        diagnostics += _run_checks(dataset, request, frozenset(wanted | resting))
        found += [d for d in diagnostics if os.path.realpath(d.path) in wanted or d.code in ACROSS_FILES
                  or (d.code in SELF_TESTS and os.path.realpath(d.path) in resting)]
    return found, len(files)


SELF_TESTS = frozenset({"SVO407"})  # an `expect:` the engine disagrees with


def _resting_on(dataset: Dataset, wanted: set[str]) -> set[str]:
    """The files (real paths) whose self-tests may rest on a named file, so that a change that breaks one
    is reported where the file was named, as the check of the whole register would: with `parties.yaml`
    named, every file (its groups and kinds go into every status); with an agreement named, every
    agreement (a status reads the agreements that supersede it and that it ends with, and the change may
    be the link itself: a `supersedes` removed shows in no file as it is now); with a work plan or
    minutes named, every minutes file (their self-tests read the records of other minutes and the
    meeting days of work plans). A work plan's self-tests read only the plan and the groups. Each
    agreement's self-tests take well under a millisecond on the county's register."""
    real = os.path.realpath

    def paths(items: Sequence[Any]) -> set[str]:
        return {real(item.path) for item in items}

    agreements, plans, minutes = paths(dataset.agreements), paths(dataset.workplans), paths(dataset.minutes)
    parties = dataset.parties_file
    if parties is not None and real(parties.path) in wanted:
        return agreements | plans | minutes
    return (agreements if agreements & wanted else set()) | (minutes if (plans | minutes) & wanted else set())


# What one file's change can break in another: ids two files share, a party, group or agreement that one
# file names and another defines, a loop of supersessions. Reported wherever they are found, so removing a
# party an agreement uses, or an agreement a plan lists, is caught when only the changed file is named.
ACROSS_FILES = frozenset({"SVO202", "SVO203", "SVO204", "SVO205", "SVO250", "SVO254", "SVO255"})


def _run_checks(dataset: Dataset, request: ValidateRequest, scope: frozenset[str] | None = None) -> list[Diagnostic]:
    """The checks the request names (every one by default), with the documents' texts and the date; those
    whose findings stay in their file skip files outside `scope` (real paths) when it is given."""
    texts, missing = read_documents(dataset, request.sources_dir) if request.sources_dir else (None, frozenset())
    context = register.Context(as_of=request.as_of, documents=texts, missing_documents=missing,
                               max_age_months=request.max_age_months, scope=scope)
    return named_checks.run(dataset, context, named_checks.named(request.checks))
