"""Benchmark case: small files whose shapes once made svo's work unbounded (red-team F8 and F9), and
the largest files of those shapes under the 1 MiB limit. Each shape is written to its own data
directory and every command is timed as a whole process, with peak memory:

    python benchmarks/pathological.py                 # every shape, 3 runs each
    python benchmarks/pathological.py --runs 1 --shapes f9-daily-renewal
    python benchmarks/pathological.py --svo "env PYTHONPATH=/tmp/old/src python -m svo_cli"  # other code

Shapes:
  f8-daily-followups-10   10 follow-ups `every: 1 day` from 1900-01-01 (677 bytes; red F8)
  f8-daily-followups-40   40 of them (2,356 bytes; red F8, the 42 s / 3.9 GB case)
  f9-daily-renewal        a renewal `every: 1 day` from 2000 with `49999 arbetsdagar` notice (red F9)
  f9-daily-renewal-period the same with `notice.period: 49999 arbetsdagar` (the last day to give notice
                          is searched, not counted)
  daily-renewal-2199      a renewal `every: 1 day` asked about on 2199-12-31 (term 73,049)
  many-daily-renewals     as many F9 agreements as fit in 1 MiB of files (1,000 files)
  max-daily-followups     one file just under 1 MiB of `every: 1 day` follow-ups from 1900
  many-monthly-renewals   many-daily-renewals at the floor on periods: 1,000 files renewing every month
  max-monthly-followups   max-daily-followups at the floor: one file just under 1 MiB of `every: P1M`
                          follow-ups from 1900 (~18,000)
  h4-supersede-layers-N   N layers of two files, each superseding both files of the next layer (red H4:
                          2^N paths; 24 layers took 31.7 s); -loop-N: the last layer supersedes the first
  h5-max-expectations     one file just under 1 MiB of `expect:` self-tests, each on its own date (26,205)
  h5-expectations-400-agreements  2,000 self-tests (80 KB) beside 400 other agreements (red H5: 38.6 s)
  h6-followups-done-12000 12,000 follow-up-done events that complete nothing (972 KB; red H6: 101 s)
  h6-terminations-6000    6,000 terminations after the known end (red H6: 24.6 s)
  m8-unknown-keys-N       one file with N unknown keys: N findings, of which 100 are shown (red M8)

Since the floor on periods (1 month, SVO111), every file of the shapes with a daily period is refused
and reported: those shapes time how fast a broken file is reported; the monthly ones, how long the
largest data at the floor takes.

The target (rules.md, "Bounded work"): every command on any of these finishes in under 5 s and
500 MB. Benchmarks are not tests: nothing here fails on a slow machine; the test suite checks the
results for these shapes (tests/unit/test_rules.py, tests/unit/test_bounded_work.py), not their times.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from run import SVO, _tree_rss_kb, svo_command  # noqa: E402

LIMIT = 1024 * 1024
SOURCE = "source: {document: d, quote: q}\n"


def _daily_followups(count: int, every: str = "1 day") -> str:
    head = ("id: mem\ntitle: T\nkind: avtal\nparties: [region-ostergotland]\nvalid_from: 1900-01-01\n"
            "followups:\n")
    lines = [f"  - {{id: f{i}, what: w, every: {every}, first: 1900-01-01}}\n" for i in range(count)]
    return head + "".join(lines) + SOURCE


def _max_daily_followups(every: str = "1 day") -> str:
    line = len(f"  - {{id: f00000, what: w, every: {every}, first: 1900-01-01}}\n")
    count = (LIMIT - 400) // line
    return _daily_followups(count, every)


def _daily_renewal(ident: str = "slow", notice: str = "before_end", every: str = "1 day") -> str:
    return (f"id: {ident}\ntitle: T\nkind: avtal\nparties: [region-ostergotland]\nvalid_from: 2000-01-01\n"
            f"valid_until: 2000-01-01\nnotice: {{{notice}: \"49999 arbetsdagar\"}}\nrenewal: {{every: {every}}}\n"
            + SOURCE)


def agreement(ident: str, extra: str = "", valid_from: str = "2000-01-01") -> str:
    return (f"id: {ident}\ntitle: T\nkind: avtal\nparties: [region-ostergotland]\nvalid_from: {valid_from}\n"
            + extra + SOURCE)


def supersede_layers(layers: int, loop: bool = False) -> dict[str, str]:
    """Two files a layer, each superseding both files of the next layer (red H4: 2^layers paths); with
    `loop`, the last layer supersedes the first, so every file is in one loop."""
    files = {}
    starts = days(layers)  # a day a layer: valid dates for any number of layers
    for layer in range(layers):
        following = layer + 1 if layer + 1 < layers else (0 if loop else None)
        names = f"[l{following:02d}a, l{following:02d}b]" if following is not None else "[]"
        for side in "ab":
            files[f"l{layer:02d}{side}"] = agreement(f"l{layer:02d}{side}", f"supersedes: {names}\n", starts[layer])
    return files


def days(count: int) -> list[str]:
    """`count` days from 2000-01-01, ISO."""
    from datetime import date, timedelta

    return [(date(2000, 1, 1) + timedelta(days=i)).isoformat() for i in range(count)]


def expectations(on: list[str], status: str = "active") -> str:
    """One agreement with a self-test on each of the days given (red H5)."""
    lines = [f"  - {{as_of: {day}, status: {status}}}\n" for day in on]
    return agreement("selftest", "expect:\n" + "".join(lines))


def _max_expectations() -> str:
    line = len("  - {as_of: 2000-01-01, status: active}\n")
    return expectations(days((LIMIT - 400) // line))


def followups_done(on: list[str]) -> str:
    """A follow-up-done event on each day given, completing nothing (each is a SVO215 warning; red H6)."""
    lines = [f"  - {{date: {day}, type: followup_done, followup: f, occurrence: 1999-01-01}}\n" for day in on]
    return agreement("replay", "followups:\n  - {id: f, what: w, every: 1 year, first: 2000-12-31}\n"
                               "events:\n" + "".join(lines))


def terminations(on: list[str]) -> str:
    """A termination on each day given, after the known end 2000-12-31 (each is a SVO217 warning; red H6)."""
    lines = [f"  - {{date: {day}, type: terminated}}\n" for day in on]
    return agreement("ended", "valid_until: 2000-12-31\nevents:\n" + "".join(lines))


def unknown_keys(ident: str, count: int) -> str:
    """One file with `count` unknown keys: as many findings (red M8)."""
    return agreement(ident, "".join(f"k{i}: 1\n" for i in range(count)))


SHAPES: dict[str, tuple[str, dict[str, str]]] = {
    # name: (as-of date, {file stem: content})
    "f8-daily-followups-10": ("2026-01-01", {"mem": _daily_followups(10)}),
    "f8-daily-followups-40": ("2026-01-01", {"mem": _daily_followups(40)}),
    "f9-daily-renewal": ("2026-01-01", {"slow": _daily_renewal()}),
    "f9-daily-renewal-period": ("2026-01-01", {"slow": _daily_renewal(notice="period")}),
    "daily-renewal-2199": ("2199-12-31", {"slow": _daily_renewal()}),
    "many-daily-renewals": ("2026-01-01", {f"slow{i:04d}": _daily_renewal(f"slow{i:04d}") for i in range(1000)}),
    "max-daily-followups": ("2026-01-01", {"mem": _max_daily_followups()}),
    "many-monthly-renewals": ("2026-01-01", {f"slow{i:04d}": _daily_renewal(f"slow{i:04d}", every="1 month")
                                             for i in range(1000)}),
    "max-monthly-followups": ("2026-01-01", {"mem": _max_daily_followups("P1M")}),
    "h4-supersede-layers-24": ("2026-01-01", supersede_layers(24)),
    "h4-supersede-layers-500": ("2026-01-01", supersede_layers(500)),
    "h4-supersede-loop-500": ("2026-01-01", supersede_layers(500, loop=True)),
    "h5-max-expectations": ("2026-01-01", {"selftest": _max_expectations()}),
    "h5-expectations-400-agreements": ("2026-01-01", {"selftest": expectations(days(2000)),
                                                      **{f"other{i:03d}": agreement(f"other{i:03d}")
                                                         for i in range(400)}}),
    "h6-followups-done-12000": ("2026-01-01", {"replay": followups_done(days(12000))}),
    "h6-terminations-6000": ("2026-01-01", {"ended": terminations(days(6366)[366:])}),
    "m8-unknown-keys-20000": ("2026-01-01", {"keys": unknown_keys("keys", 20000)}),
    "m8-unknown-keys-100000": ("2026-01-01", {"keys": unknown_keys("keys", 100000)}),
}


def write(shape: str, root: Path) -> tuple[Path, str, str]:
    """The shape's data directory, its as-of date and the id `show` asks for."""
    as_of, files = SHAPES[shape]
    data = root / shape
    shutil.rmtree(data, ignore_errors=True)
    (data / "agreements").mkdir(parents=True)
    shutil.copy(REPO / "data" / "parties.yaml", data / "parties.yaml")
    for stem, text in files.items():
        assert len(text.encode()) <= LIMIT, (shape, len(text.encode()))
        (data / "agreements" / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return data, as_of, next(iter(files))


def measure(argv: list[str], runs: int, timeout: float) -> tuple[float, float, int, bool]:
    """Median and minimum wall seconds and peak memory (MB) over `runs` runs; a run still going after
    `timeout` seconds is stopped (its time is reported as the timeout, and the flag is set)."""
    times, peaks, stopped = [], [], False
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        peak = 0
        while True:
            waited, _, usage = os.wait4(proc.pid, os.WNOHANG)
            if waited:
                peak = max(peak, usage.ru_maxrss)
                break
            peak = max(peak, _tree_rss_kb(proc.pid))
            if time.perf_counter() - start > timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                os.wait4(proc.pid, 0)
                stopped = True
                break
            time.sleep(0.01)
        times.append(min(time.perf_counter() - start, timeout))
        peaks.append(peak / 1024)
        if stopped:
            break
    return statistics.median(times), min(times), round(max(peaks)), stopped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=list(SHAPES))
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "svo-pathological")
    parser.add_argument("--timeout", type=float, default=60, help="stop a run after this many seconds")
    parser.add_argument("--svo", help="the svo command to time, e.g. 'env PYTHONPATH=/tmp/old/src python -m svo_cli' "
                                      "for another version of the code (default: the installed svo)")
    args = parser.parse_args()
    SVO[:] = shlex.split(args.svo) if args.svo else []
    svo = svo_command()
    print("| shape | command | median s | min s | peak MB |")
    print("|---|---|---:|---:|---:|")
    for shape in args.shapes:
        data, as_of, ident = write(shape, args.workdir)
        common = ["--data", str(data), "--as-of", as_of]
        commands = {
            "validate": svo + ["validate", str(data)],
            "status": svo + ["status", *common, "--format", "json"],
            "deadlines": svo + ["deadlines", *common, "--format", "json"],
            "deadlines --within 3650": svo + ["deadlines", *common, "--within", "3650", "--format", "json"],
            "check": svo + ["check", *common, "--format", "json", "--fail-on", "never"],
            "show": svo + ["show", ident, *common[:2], "--as-of", as_of, "--format", "json"],
        }
        for name, argv in commands.items():
            median, least, peak, stopped = measure(argv, args.runs, args.timeout)
            over = " (stopped)" if stopped else ""
            print(f"| {shape} | {name} | {median:.2f}{over} | {least:.2f} | {peak} |", flush=True)


if __name__ == "__main__":
    main()
