"""Deliver a command's output: refuse targets that would destroy something, write regular files atomically."""

from __future__ import annotations

import codecs
import errno
import os
import signal
import stat
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Union

if TYPE_CHECKING:
    from svo_cli.text_keys import LabelKey

STDOUT = "-"
# svo writes no YAML: a target with one of these suffixes can only be a slip onto a data file.
DATA_SUFFIXES = (".yaml", ".yml")
# Exit status when standard output cannot be written (sysexits.h EX_IOERR).
EXIT_IO = 74

# What a command writes: text, bytes, or text in chunks written as they come (a large JSON document).
Payload = Union[str, bytes, Iterable[Union[str, bytes]]]


class OutputRefused(Exception):
    """The target may not be written: a usage error (exit 2). `message_id` and `params` go to i18n."""

    def __init__(self, message_id: LabelKey, **params: str) -> None:
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
    """Where output goes: standard output (path None), a regular file (replaced atomically), an open
    descriptor the path names (/dev/stdout, /dev/fd/N, /proc/self/fd/N, or any path to the file standard
    output or error already writes: written through that descriptor, so `>>` keeps appending and a
    grouped redirection keeps its other lines) or any other file (a device, a FIFO: written in place,
    never replaced)."""

    path: Path | None
    regular: bool = True
    shown: str = ""  # the path as the user wrote it, for messages
    fd: int | None = None  # write through this open descriptor (its offset and O_APPEND are kept)

    @property
    def name(self) -> str:
        return self.shown or str(self.path)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _inside(child: str, parent: str) -> bool:
    return child == parent or child.startswith(parent.rstrip(os.sep) + os.sep)


_STREAMS = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
_FD_DIRS = ("/dev/fd/", "/proc/self/fd/", f"/proc/{os.getpid()}/fd/")


def _named_descriptor(text: str) -> int | None:
    """The descriptor a path names by itself (/dev/stdout, /dev/fd/N, /proc/self/fd/N), when it is open."""
    normal = os.path.normpath(text)
    number: int | None = _STREAMS.get(normal)
    for prefix in _FD_DIRS:
        rest = normal[len(prefix):] if normal.startswith(prefix) else ""
        if rest.isdigit():
            number = int(rest)
    if number is None:
        return None
    try:
        os.fstat(number)
    except OSError:
        return None
    return number


def stream_alias(text: str) -> int | None:
    """The open descriptor `text` stands for: one it names (/dev/stdout, /dev/fd/N, /proc/self/fd/N), or
    standard output or error when the path is the very file (same device and inode) they write to.
    Writing through the descriptor keeps what the shell set up: `>> log` appends, `{ …; } > out` keeps
    the other lines; replacing the file would cut the shell's descriptor off from it."""
    named = _named_descriptor(text)
    if named is not None:
        return named
    try:
        info = os.stat(text)
    except OSError:
        return None
    for number in (1, 2):
        try:
            stream = os.fstat(number)
        except OSError:
            continue
        if (stream.st_dev, stream.st_ino) == (info.st_dev, info.st_ino):
            return number
    return None


def _read_only_fs(directory: str) -> bool:
    try:
        return bool(os.statvfs(directory).f_flag & getattr(os, "ST_RDONLY", 1))
    except OSError:
        return False


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
        alias = stream_alias(text) if info is not None else None
        if alias is not None:
            return Target(path, regular=False, shown=text, fd=alias)
        if info is not None and not stat.S_ISREG(info.st_mode):
            return Target(path, regular=False, shown=text)
        parent = os.path.dirname(real) or "."
        if not os.path.isdir(parent):
            # name the directory the file would really go to (through a symlink, the link's target's)
            raise OutputRefused("output_no_dir", path=text, dir=parent if os.path.islink(text) else
                                os.path.dirname(text) or ".")
        if _read_only_fs(parent):
            raise OutputRefused("output_read_only_fs", path=text)
        if info is not None and not os.access(text, os.W_OK):
            raise OutputRefused("output_not_writable", path=text)
        if info is None and not os.access(parent, os.W_OK | os.X_OK):
            raise OutputRefused("output_dir_not_writable", path=text, dir=os.path.dirname(text) or ".")
    except OSError as exc:  # a name too long, a loop of symlinks, …
        raise OutputRefused("output_bad_path", path=text, reason=_reason(exc)) from None
    # A symlink to a regular file is written through: the file it names is replaced, never the link.
    return Target(Path(real), regular=True, shown=text)


class _Terminated(BaseException):
    """SIGTERM or SIGHUP during an atomic write: unwind so the temporary file is removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


# The signals that end a process by default and that a user or a terminal sends: SIGINT unwinds by
# itself (KeyboardInterrupt); SIGTERM (kill) and SIGHUP (the terminal closed, an SSH session dropped)
# are turned into an unwinding exception, then re-sent once the temporary file is gone.
_ENDING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextmanager
def _cleanup_on_signals() -> Iterator[None]:
    def handler(signum: int, frame: object) -> None:
        raise _Terminated(signum)

    previous: dict[int, object] = {}
    try:
        for signum in _ENDING_SIGNALS:
            previous[signum] = signal.signal(signum, handler)
    except ValueError:  # not the main thread: nothing to install
        yield
        return
    try:
        yield
    except _Terminated as ended:
        for signum, old in previous.items():
            signal.signal(signum, old)  # type: ignore[arg-type]
        os.kill(os.getpid(), ended.signum)
        raise SystemExit(128 + ended.signum) from None
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)  # type: ignore[arg-type]


def _keep_owner(tmp_name: str, path: Path) -> None:
    """The replacement keeps the target's owner and group where the process may set them (as root: both;
    otherwise a group the user belongs to); where it may not, the file becomes the writer's, as any new
    file would."""
    try:
        info = os.stat(path)
    except OSError:
        return
    try:
        os.chown(tmp_name, info.st_uid, info.st_gid)
    except OSError:
        try:
            os.chown(tmp_name, -1, info.st_gid)
        except OSError:
            pass


def _write_atomic(path: Path, payload: Iterable[bytes]) -> None:
    """Replace a regular file in one step, keeping its permission bits; a new file gets 0666 & ~umask."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    directory = path.parent if str(path.parent) else Path(".")
    import tempfile  # only for a file written: output to the terminal or a pipe does without it

    with _cleanup_on_signals():
        fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                for part in payload:
                    handle.write(part)
                handle.flush()
                os.fsync(handle.fileno())
            _keep_owner(tmp_name, path)
            os.chmod(tmp_name, mode)
            os.replace(tmp_name, path)
        except BaseException:
            try:
                os.unlink(tmp_name)
            except FileNotFoundError:
                pass
            raise


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _write_in_place(path: Path, payload: Iterable[bytes]) -> None:
    """Devices, FIFOs: open for writing (never create, never replace) and write."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    try:
        for part in payload:
            _write_all(fd, part)
    finally:
        os.close(fd)


def _write_through(fd: int, payload: Iterable[bytes]) -> None:
    """An open descriptor (standard output, error, or one the shell opened): what Python holds buffered
    for it goes first, then the payload, at the descriptor's own offset and in its own mode."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None and stream.fileno() == fd:
                stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    for part in payload:
        _write_all(fd, part)


def _escape_undecodable(exc: UnicodeError) -> tuple[str, int]:
    """A file name's bytes that are not UTF-8 (kept by Python as surrogate escapes) written as \\xNN."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return "".join(f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF else f"\\u{ord(c):04x}"
                   for c in bad), exc.end


codecs.register_error("svo-escape", _escape_undecodable)


def encode(text: str) -> bytes:
    """UTF-8; a character UTF-8 cannot carry (a lone surrogate, from a file name that is not UTF-8) is
    written out (\\xff), so output never fails on a name."""
    return text.encode("utf-8", errors="svo-escape")


def write_atomic(path: Path, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write `data` to the regular file `path` atomically (kept for callers that own their path)."""
    _write_atomic(path, ((encode(data) if encoding == "utf-8" else data.encode(encoding))
                         if isinstance(data, str) else data,))


def _parts(data: Payload) -> Iterable[str | bytes]:
    return (data,) if isinstance(data, (str, bytes)) else data


def deliver(target: Target, data: Payload) -> None:
    """Write `data` to the target, chunk by chunk as they come; OutputFailed (one line: path and reason)
    on any error but a reader gone (BrokenPipeError, as on standard output). A regular file is still
    replaced in one step, once the last chunk is written."""
    if target.path is None:
        for part in _parts(data):
            write_stdout(part)
        return
    payload = (encode(part) if isinstance(part, str) else part for part in _parts(data))
    try:
        if target.fd is not None:
            _write_through(target.fd, payload)
        elif target.regular and not _now_special(target.path):
            _write_atomic(target.path, payload)
        else:
            _write_in_place(target.path, payload)
    except BrokenPipeError:  # the reader of a pipe went away (`-o /dev/stdout | head`): as on standard output
        raise
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
