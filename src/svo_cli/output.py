"""Deliver a command's output: refuse targets that would destroy something, write regular files atomically."""

from __future__ import annotations

import errno
import os
import signal
import stat
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

STDOUT = "-"
# svo writes no YAML: a target with one of these suffixes can only be a slip onto a data file.
DATA_SUFFIXES = (".yaml", ".yml")
# Exit status when standard output cannot be written (sysexits.h EX_IOERR).
EXIT_IO = 74


class OutputRefused(Exception):
    """The target may not be written: a usage error (exit 2). `message_id` and `params` go to i18n."""

    def __init__(self, message_id: str, **params: str) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.params = params


class OutputFailed(Exception):
    """Writing failed: one line naming the path and the operating system's reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Target:
    """Where output goes: standard output (path None), a regular file (replaced atomically) or any other
    file (a device, a FIFO, /dev/stdout: written in place, never replaced)."""

    path: Path | None
    regular: bool = True
    shown: str = ""  # the path as the user wrote it, for messages

    @property
    def name(self) -> str:
        return self.shown or str(self.path)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _inside(child: str, parent: str) -> bool:
    return child == parent or child.startswith(parent.rstrip(os.sep) + os.sep)


def resolve_target(raw: str | Path | None, protected_dirs: tuple[Path, ...] = (),
                   protected_files: tuple[Path, ...] = ()) -> Target:
    """Decide how to write `raw`, or refuse it (OutputRefused) before anything is computed or written.

    Refused: a target inside a protected directory (the data directory) or equal to a protected file
    (a data file named on the command line), after resolving symlinks; a .yaml/.yml target; a
    directory; a missing parent directory; an existing regular file that is not writable."""
    if raw is None or str(raw) == STDOUT:
        return Target(None)
    path = Path(raw)
    text = str(path)
    try:
        real = os.path.realpath(text)
        if path.suffix.lower() in DATA_SUFFIXES:
            raise OutputRefused("output_yaml", path=text)
        for directory in protected_dirs:
            if _inside(real, os.path.realpath(directory)):
                raise OutputRefused("output_in_data", path=text, data=str(directory))
        for file in protected_files:
            if real == os.path.realpath(file):
                raise OutputRefused("output_is_input", path=text)
        try:
            info = os.stat(text)
        except FileNotFoundError:
            info = None
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise OutputRefused("output_is_dir", path=text)
        if info is not None and not stat.S_ISREG(info.st_mode):
            return Target(path, regular=False, shown=text)
        parent = os.path.dirname(real) or "."
        if not os.path.isdir(parent):
            # name the directory the file would really go to (through a symlink, the link's target's)
            raise OutputRefused("output_no_dir", path=text, dir=parent if os.path.islink(text) else
                                os.path.dirname(text) or ".")
        if info is not None and not os.access(text, os.W_OK):
            raise OutputRefused("output_not_writable", path=text)
        if info is None and not os.access(parent, os.W_OK | os.X_OK):
            raise OutputRefused("output_dir_not_writable", path=text, dir=os.path.dirname(text) or ".")
    except OSError as exc:  # a name too long, a loop of symlinks, …
        raise OutputRefused("output_bad_path", path=text, reason=_reason(exc)) from None
    # A symlink to a regular file is written through: the file it names is replaced, never the link.
    return Target(Path(real), regular=True, shown=text)


class _Terminated(BaseException):
    """SIGTERM during an atomic write: unwind so the temporary file is removed."""


@contextmanager
def _cleanup_on_sigterm() -> Iterator[None]:
    def handler(signum: int, frame: object) -> None:
        raise _Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: nothing to install
        yield
        return
    try:
        yield
    except _Terminated:
        signal.signal(signal.SIGTERM, previous)
        os.kill(os.getpid(), signal.SIGTERM)
        raise SystemExit(128 + signal.SIGTERM) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


def _write_atomic(path: Path, payload: bytes) -> None:
    """Replace a regular file in one step, keeping its permission bits; a new file gets 0666 & ~umask."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    directory = path.parent if str(path.parent) else Path(".")
    with _cleanup_on_sigterm():
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp_name, mode)
            os.replace(tmp_name, path)
        except BaseException:
            try:
                os.unlink(tmp_name)
            except FileNotFoundError:
                pass
            raise


def _write_in_place(path: Path, payload: bytes) -> None:
    """Devices, FIFOs, /dev/stdout: open for writing (never create, never replace) and write."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    try:
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    finally:
        os.close(fd)


def write_atomic(path: Path, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write `data` to the regular file `path` atomically (kept for callers that own their path)."""
    _write_atomic(path, data.encode(encoding) if isinstance(data, str) else data)


def deliver(target: Target, data: str | bytes) -> None:
    """Write `data` to the target; OutputFailed (one line: path and reason) on any error."""
    if target.path is None:
        write_stdout(data)
        return
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if target.regular and not _now_special(target.path):
            _write_atomic(target.path, payload)
        else:
            _write_in_place(target.path, payload)
    except OSError as exc:
        raise OutputFailed(target.name, _reason(exc)) from None


def _now_special(path: Path) -> bool:
    """A target that became a device or FIFO since it was checked is still never replaced."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def write_stdout(data: str | bytes) -> None:
    """Text in the stream's own encoding (characters it cannot carry are replaced); bytes as they are."""
    stream = sys.stdout
    if stream is None:
        raise OutputFailed("<stdout>", os.strerror(errno.EBADF))
    try:
        if isinstance(data, bytes):
            stream.flush()
            buffer = getattr(stream, "buffer", None)
            if buffer is None:
                stream.write(data.decode("utf-8", errors="replace"))
            else:
                buffer.write(data)
                buffer.flush()
        else:
            stream.write(data)
        stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: I/O on a closed file
        reason = _reason(exc) if isinstance(exc, OSError) else os.strerror(errno.EBADF)
        raise OutputFailed("<stdout>", reason) from None
