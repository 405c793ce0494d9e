"""`svo changes` and the pack's "changed since the last meeting": the data directory at two git revisions,
each computed on the same as-of date, compared (changes.compare, pure).

The edge to git: git is run as the user has it (`git` on the PATH, the user's configuration), with a fixed
argument vector and no shell. A revision's files are read with `git ls-tree` and `git cat-file --batch`
into a temporary directory that the loader then reads like any data directory (its findings name the
revision: `HEAD~1:data/agreements/x.yaml`); nothing is written into the data directory or the repository.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Iterator
from zoneinfo import ZoneInfo

from svo_cli.app.loading import Checked, load
from svo_cli.app.requests import Request, UsageProblem
from svo_cli.app.results import Result
from svo_cli.app.rows import all_deadlines, with_decisions
from svo_cli.app.views import agreement_statuses, plan_statuses
from svo_cli.changes import FIELDS, Facts, ItemChange, compare
from svo_cli.diagnostics import Diagnostic
from svo_cli.kinds import DeadlineKind
from svo_cli.loader import Dataset

STOCKHOLM = ZoneInfo("Europe/Stockholm")
GIT_TIMEOUT = 300  # seconds for one git command (a large repository's tree)
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
DECIDED = (DeadlineKind.NOTICE_DEADLINE, DeadlineKind.OPTION_DEADLINE, DeadlineKind.ADOPTION)


@dataclass(frozen=True)
class Revision:
    """One side of the comparison: the revision as given (a date, a revision, or None for the working tree),
    the commit it names and that commit's date in Stockholm."""

    given: str | None
    commit: str | None = None
    committed: date | None = None
    subject: str = ""

    @property
    def label(self) -> str:
        return self.given if self.given is not None else "working-tree"


@dataclass(frozen=True)
class ChangesResult(Result):
    since: Revision
    until: Revision
    changes: tuple[ItemChange, ...] = ()
    missing: str | None = None  # why there is no comparison (a message id; the pack says it), else None
    missing_params: dict[str, str] = field(default_factory=dict)


class NoHistory(UsageProblem):
    """The data directory is not in a git repository, or git is not installed (exit 2)."""


# --------------------------------------------------------------------------- git


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        return subprocess.run(["git", "-C", str(cwd), *args], input=stdin, capture_output=True, env=env,
                              timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise NoHistory("changes_no_git") from None
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise NoHistory("changes_git_failed", reason=str(exc)) from None


def _reason(done: subprocess.CompletedProcess[bytes]) -> str:
    lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[0] if lines else f"git exited {done.returncode}"


def repository(data_dir: Path) -> tuple[Path, str]:
    """The repository's top directory and the data directory's path in it ('' at the top, else 'data/')."""
    if not data_dir.is_dir():
        raise UsageProblem("no_data_dir", path=str(data_dir))
    done = _git(data_dir, "rev-parse", "--show-toplevel", "--show-prefix")
    if done.returncode != 0:
        raise NoHistory("changes_not_in_git", path=str(data_dir), reason=_reason(done))
    top, _, prefix = done.stdout.decode("utf-8", "surrogateescape").partition("\n")
    return Path(top.strip()), prefix.strip()


def end_of_day(day: date) -> str:
    """The last second of a day in Stockholm, as git reads a date ('2026-11-30 23:59:59 +0100')."""
    moment = datetime.combine(day, time(23, 59, 59), STOCKHOLM)
    return moment.strftime("%Y-%m-%d %H:%M:%S %z")


def resolve(top: Path, given: str) -> Revision:
    """A revision (anything git names a commit by) or a DATE (YYYY-MM-DD: the last commit on or before that
    day, Stockholm time); one git does not know is a usage error."""
    if DAY.fullmatch(given.strip()):
        from svo_cli.dates import DateSpecError, parse_iso_date

        try:
            day = parse_iso_date(given.strip())
        except DateSpecError:
            raise UsageProblem("changes_bad_revision", rev=given, reason="") from None
        done = _git(top, "rev-list", "-1", f"--before={end_of_day(day)}", "HEAD", "--")
        commit = done.stdout.decode().strip()
        if done.returncode != 0 or not commit:
            raise UsageProblem("changes_no_commit_before", date=day.isoformat())
    else:
        if not given or given.startswith("-"):
            raise UsageProblem("changes_bad_revision", rev=given, reason="")
        done = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{given}^{{commit}}")
        commit = done.stdout.decode().strip()
        if done.returncode != 0 or not commit:
            raise UsageProblem("changes_bad_revision", rev=given,
                               reason=f" ({_reason(done)})" if done.stderr.strip() else "")
    shown = _git(top, "show", "-s", "--format=%ct%n%s", commit)
    stamp, _, subject = shown.stdout.decode("utf-8", "replace").partition("\n")
    committed = datetime.fromtimestamp(int(stamp), STOCKHOLM).date() if stamp.strip().isdigit() else None
    return Revision(given, commit, committed, subject.strip())


def _entries(top: Path, commit: str, prefix: str) -> Iterator[tuple[str, str]]:
    """(object id, path below the data directory) of every regular file under `prefix` at `commit`
    (symbolic links and submodules are left out: the loader would not read them either)."""
    pathspec = ("--", f":(literal){prefix}") if prefix else ()
    done = _git(top, "ls-tree", "-r", "-z", "--full-tree", commit, *pathspec)
    if done.returncode != 0:
        raise NoHistory("changes_git_failed", reason=_reason(done))
    for entry in done.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, raw = entry.partition(b"\t")
        mode, kind, oid = meta.decode().split()
        path = raw.decode("utf-8", "surrogateescape")
        if kind != "blob" or mode not in ("100644", "100755") or not path.startswith(prefix):
            continue
        relative = path[len(prefix):]
        parts = relative.split("/")
        if not relative or any(p in ("", ".", "..") for p in parts):
            continue
        yield oid, relative


def extract(top: Path, commit: str, prefix: str, into: Path) -> int:
    """Write the data directory's regular files at `commit` below `into`; how many."""
    entries = list(_entries(top, commit, prefix))
    if not entries:
        return 0
    done = _git(top, "cat-file", "--batch", stdin="".join(f"{oid}\n" for oid, _ in entries).encode())
    if done.returncode != 0:
        raise NoHistory("changes_git_failed", reason=_reason(done))
    out, at = done.stdout, 0
    for oid, relative in entries:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        size = int(header[2]) if len(header) == 3 else 0
        content = out[end + 1:end + 1 + size]
        at = end + 1 + size + 1
        target = into.joinpath(*relative.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return len(entries)


# --------------------------------------------------------------------------- the two versions


def facts_of(dataset: Dataset, as_of: date) -> dict[str, Facts]:
    """Each agreement's and plan's facts on the date, as the engine computes them (changes.FIELDS)."""
    statuses = agreement_statuses(dataset, as_of)
    reach = max([as_of] + [d for s in statuses for d in (s.notice_deadline, s.option_deadline) if d is not None]
                + [p.adoption.due.end for p in dataset.workplan_models() if p.adoption and p.adoption.due])
    rows = with_decisions([r for r in all_deadlines(dataset, as_of, as_of, decisions_until=reach)
                           if r.kind in DECIDED], dataset, as_of)
    decide_by: dict[str, date] = {}
    for row in sorted(rows, key=lambda r: r.date):
        if row.decide_by is not None and row.id not in decide_by:
            decide_by[row.id] = row.decide_by
    found: dict[str, Facts] = {}
    for s in statuses:
        values = {"status": str(s.status), "term_end": s.term_end, "ends_on": s.ends_on,
                  "notice_deadline": s.notice_deadline, "option_deadline": s.option_deadline,
                  "binding_until": s.binding_until, "decide_by": decide_by.get(s.id)}
        found[s.id] = Facts(s.id, s.title, "agreement", tuple((k, values[k]) for k in FIELDS if k in values))
    for p in plan_statuses(dataset, as_of):
        a = p.adoption
        values = {"status": str(p.state), "decide_by": decide_by.get(p.id),
                  "adoption": f"{len(a.adopted)}/{len(a.required)}" if a else None,
                  "adoption_due": a.due if a else None}
        found[p.id] = Facts(p.id, p.title, "plan", tuple((k, values[k]) for k in FIELDS if k in values))
    return found


def _relabel(findings: tuple[Diagnostic, ...], root: Path, revision: Revision, prefix: str) -> tuple[Diagnostic, ...]:
    """Findings of a revision's files named as git names them: `REV:data/agreements/x.yaml`."""
    real = os.path.realpath(root)

    def named(path: str) -> str:
        full = os.path.realpath(path)
        if full == real or full.startswith(real + os.sep):
            inside = os.path.relpath(full, real).replace(os.sep, "/")
            return f"{revision.label}:{prefix}{'' if inside == '.' else inside}"
        return path

    return tuple(replace(d, path=named(d.path)) for d in findings)


def _version(request: Request, top: Path, prefix: str, revision: Revision, scratch: Path) -> Checked:
    """The data at a revision (or the working tree), read and checked as any data directory."""
    if revision.commit is None:
        return load(request)
    root = scratch / revision.commit
    root.mkdir()
    if extract(top, revision.commit, prefix, root) == 0:
        raise UsageProblem("changes_no_data_at", rev=revision.label, path=prefix or ".")
    checked = load(replace(request, data_dir=root))
    return Checked(checked.dataset, _relabel(checked.findings, root, revision, prefix))


def changes(request: Request, since: str, until: str | None = None) -> ChangesResult:
    """`svo changes --since REV|DATE [--until REV]`: what the data changes between the two did, both
    computed on the as-of date (until: the working tree when not given)."""
    top, prefix = repository(request.data_dir)
    old_rev = resolve(top, since)
    new_rev = resolve(top, until) if until is not None else Revision(None)
    with tempfile.TemporaryDirectory(prefix="svo-changes-") as scratch:
        old = _version(request, top, prefix, old_rev, Path(scratch))
        new = old if new_rev.commit is not None and new_rev.commit == old_rev.commit else \
            _version(request, top, prefix, new_rev, Path(scratch))
    found = compare(old.dataset, new.dataset, facts_of(old.dataset, request.as_of),
                    facts_of(new.dataset, request.as_of))
    findings = tuple(sorted({*old.findings, *new.findings}, key=lambda d: d.sort_key()))
    return ChangesResult(request.as_of, findings, old_rev, new_rev, found)


def since_day(request: Request, day: date) -> ChangesResult:
    """For the meeting pack: the changes since the last commit on or before `day` to the working tree; when
    there is no history to compare with, an empty result saying why (`missing`)."""
    try:
        return changes(request, day.isoformat())
    except UsageProblem as exc:
        return ChangesResult(request.as_of, (), Revision(day.isoformat()), Revision(None), (), exc.message_id,
                             {k: str(v) for k, v in exc.params.items()})

