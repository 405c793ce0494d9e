"""A directory of files written without destroying anything: each file through output.py (atomic, never
into the data directory, never a YAML file), the directory itself refused when it is inside the data
directory or is not a directory. Files the build does not make are left as they are (svo remind's mails;
svo site replaces its whole directory instead: swap.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

from svo_cli.output import OutputFailed, OutputRefused, _inside, deliver, resolve_target


def check_directory(directory: Path, data_dir: Path) -> None:
    """Refuse (OutputRefused) a target directory inside the data directory, one that is a file, or one whose
    parent does not exist; before anything is computed."""
    text = str(directory)
    real = os.path.realpath(text)
    if _inside(real, os.path.realpath(data_dir)) or _inside(os.path.realpath(data_dir), real):
        raise OutputRefused("output_in_data", path=text, data=str(data_dir))
    if os.path.exists(text) and not os.path.isdir(text):
        raise OutputRefused("site_not_a_dir", path=text)
    parent = os.path.dirname(os.path.abspath(text))
    if not os.path.isdir(parent):
        raise OutputRefused("output_no_dir", path=text, dir=parent)


def write_tree(files: Mapping[str, bytes], directory: Path, data_dir: Path) -> int:
    """Write every file under `directory` (paths with '/'); returns how many. OutputRefused or OutputFailed
    (one line: path and reason) on the first that cannot be written."""
    check_directory(directory, data_dir)
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError as exc:
        raise OutputFailed(str(directory), exc.strerror or str(exc)) from None
    for name, payload in sorted(files.items()):
        path = directory.joinpath(*name.split("/"))
        if ".." in name.split("/") or name.startswith("/"):
            raise OutputRefused("output_bad_path", path=str(path), reason="outside the directory")
        try:
            os.makedirs(path.parent, exist_ok=True)
        except OSError as exc:
            raise OutputFailed(str(path.parent), exc.strerror or str(exc)) from None
        deliver(resolve_target(path, (data_dir,)), payload)
    return len(files)
