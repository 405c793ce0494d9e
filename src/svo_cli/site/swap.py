"""svo site's output directory, safe and clean: the site is built in a new directory beside DIR and swapped
in, so DIR never holds a half-written site nor a stale page of an earlier build.

DIR may be missing, empty, or a directory svo site wrote earlier: it then holds a manifest (MANIFEST, the
list of the files svo wrote) and nothing else. Anything else in DIR (a file svo did not write, a symlink, a
data directory) makes svo refuse before it computes anything: svo removes only what it wrote, and never
follows a symlink (DIR itself may not be one). The swap is two renames in DIR's parent (the old site aside,
the new one in place) and then the old site is removed; an interrupted run removes what it made and leaves
the old site where it was. The pages are written as they are made, so the new directory exists while the
site renders: a process killed outright then (SIGKILL, the out-of-memory killer) cannot remove it, and
leaves `.DIR.svo-new-PID-N` beside DIR, which holds only pages and may be removed.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

from svo_cli.output import OutputFailed, OutputRefused, _cleanup_on_signals

if TYPE_CHECKING:
    from svo_cli.text_keys import LabelKey

MANIFEST = ".svo-site.json"  # the files svo site wrote, so a later build may remove them and only them
MAX_ENTRIES = 100_000  # a directory with more entries than any site svo makes is not one of its sites


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _manifest(directory: Path) -> set[str] | None:
    """The paths the manifest in `directory` lists (None: no readable manifest, a regular file)."""
    path = directory / MANIFEST
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            listed = json.loads(handle.read(16 * 1024 * 1024))
    except (OSError, ValueError):
        return None
    files = listed.get("files") if isinstance(listed, dict) else None
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    return set(files)


def foreign(directory: Path) -> tuple[str, str] | None:
    """The first entry of an existing `directory` that svo site did not write, as (reason, relative path):
    reason "data" (a data directory: parties.yaml), "symlink", or "foreign"; None when every entry is svo's
    (or there is none). Symlinks are never followed."""
    listed = _manifest(directory) or set()
    parents = {"/".join(f.split("/")[:i]) for f in listed for i in range(1, f.count("/") + 1)}
    seen = 0
    found: tuple[str, str] | None = None
    stack = [""]
    while stack:
        prefix = stack.pop()
        try:
            entries = sorted(os.scandir(directory / prefix if prefix else directory), key=lambda e: e.name)
        except OSError as exc:
            raise OutputFailed(str(directory / prefix), _reason(exc)) from None
        for entry in entries:
            seen += 1
            if seen > MAX_ENTRIES:
                return found or ("foreign", prefix + entry.name)
            rel = prefix + entry.name
            if entry.name in ("parties.yaml", "parties.yml"):
                return ("data", rel)  # a data directory, or one inside: refused whatever else is there
            if entry.is_symlink():
                found = found or ("symlink", rel)
            elif entry.is_dir(follow_symlinks=False):
                if rel not in parents:
                    found = found or ("foreign", rel + "/")
                stack.append(rel + "/")
            elif not (entry.is_file(follow_symlinks=False) and (rel in listed or rel == MANIFEST and listed)):
                found = found or ("foreign", rel)
    return found


def check_target(directory: Path) -> None:
    """Refuse (OutputRefused) a DIR that is a symlink or holds anything svo site did not write."""
    text = str(directory)
    if os.path.islink(text):
        raise OutputRefused("site_symlink", path=text)
    if not os.path.isdir(text):
        return
    found = foreign(directory)
    if found is not None:
        reason, rel = found
        refusals: dict[str, LabelKey] = {"data": "site_holds_data", "symlink": "site_holds_symlink"}
        raise OutputRefused(refusals.get(reason, "site_foreign"),
                            path=text, entry=rel)


def _only_svo(directory: Path) -> bool:
    try:
        return foreign(directory) is None
    except OutputFailed:
        return False


def _mode(bits: int) -> int:
    umask = os.umask(0)
    os.umask(umask)
    return bits & ~umask


def _aside(directory: Path, what: str) -> Path:
    """A new, unused name beside `directory` (hidden, named after it and this process)."""
    n = 0
    while True:
        candidate = directory.parent / f".{directory.name}.svo-{what}-{os.getpid()}-{n}"
        if not os.path.lexists(candidate):
            return candidate
        n += 1


def _build(files: Iterable[tuple[str, bytes]], root: Path) -> set[str]:
    """Write each file under `root` as it comes (none is held after it is written), then the manifest;
    returns the files' names. A name given again replaces its file, as a mapping's later value would
    (the pages of two files with one id, SVO202, are the same page). OutputFailed when a file cannot be
    written; what making a file raises passes as it is."""
    try:
        os.mkdir(root, _mode(0o777))
    except OSError as exc:
        raise OutputFailed(str(root), _reason(exc)) from None
    names: set[str] = set()
    for name, payload in files:
        parts = name.split("/")
        if name.startswith("/") or any(p in ("", ".", "..") for p in parts) or name == MANIFEST:
            raise OutputRefused("output_bad_path", path=str(root.joinpath(*parts)), reason="outside the directory")
        _written(root.joinpath(*parts), payload, again=name in names)
        names.add(name)
    listing = json.dumps({"written_by": "svo site", "files": sorted(names)}, indent=1).encode("utf-8") + b"\n"
    _written(root / MANIFEST, listing, sync=True)
    return names


def _written(path: Path, payload: bytes, again: bool = False, sync: bool = False) -> None:
    """A new file at `path` in this run's own directory (`again`: one written before, removed first, so
    that no file that exists is ever opened); OutputFailed when it cannot be written."""
    try:
        os.makedirs(path.parent, mode=_mode(0o777), exist_ok=True)
        if again:
            os.unlink(path)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), _mode(0o666))
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            if sync:
                os.fsync(handle.fileno())
    except OSError as exc:
        raise OutputFailed(str(exc.filename or path), _reason(exc)) from None


def publish(files: Mapping[str, bytes] | Iterable[tuple[str, bytes]], directory: Path) -> int:
    """Build the site beside `directory` from its files (by path, or (path, bytes) pairs as they are made),
    then swap it in (see the module's text); returns how many files (the manifest not counted).
    OutputRefused or OutputFailed (one line: path and reason) on failure, with `directory` as it was."""
    pairs = files.items() if isinstance(files, Mapping) else files
    directory = Path(os.path.abspath(directory))
    new, old = _aside(directory, "new"), _aside(directory, "old")
    with _cleanup_on_signals():
        try:
            written = _build(pairs, new)
            check_target(directory)  # once more, just before the swap: nothing appeared meanwhile
            try:
                if os.path.isdir(directory):
                    os.rename(directory, old)
                    try:
                        os.rename(new, directory)
                    except OSError:
                        os.rename(old, directory)
                        raise
                else:
                    os.rename(new, directory)
            except OSError as exc:
                raise OutputFailed(str(directory), _reason(exc)) from None
        finally:
            if os.path.lexists(new) and not os.path.islink(new):
                shutil.rmtree(new, ignore_errors=True)  # only what this run wrote
            if os.path.isdir(old) and not os.path.islink(old) and _only_svo(old):
                shutil.rmtree(old, ignore_errors=True)  # the earlier site, still only svo's files
    return len(written)
