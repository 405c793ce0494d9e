"""Deterministic work counts of svo's commands on a small generated data set, for a regression check that
a shared or slow machine cannot fool: wall time moves with the machine's load, these do not.

    python benchmarks/counts.py                  # count, compare with benchmarks/counts.json
    python benchmarks/counts.py --instructions   # instructions too (needs valgrind)
    python benchmarks/counts.py --update         # record the counts as the new reference

Two measures, each in a fresh process, one process only (SVO_JOBS=1), fixed hash seed:
- calls: Python function calls in svo's own code (cProfile; library code is left out, so a dependency's
  new release does not move it), exact and the same on every machine with the same data;
- instructions: everything the process executes (valgrind's cachegrind, no cache simulation), with the
  bytecode compiled beforehand, so that whether svo was installed with bytecode does not count. They
  depend on the Python build, so they are compared only with a reference taken on the same Python.

Exit 1 when a count is more than TOLERANCE over its reference (tests/unit/test_benchmark_counts.py runs this
check in CI, marked slow). A change that makes svo faster should lower the reference (--update) so the
next regression is caught from there.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "counts.json"
SIZE = 200  # agreements: small enough for CI, large enough that per-file work outweighs start-up
AS_OF = "2026-11-23"
TOLERANCE = 0.10

sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402


def commands(data: Path) -> dict[str, list[str]]:
    """The issue's commands (validate, status and deadlines as JSON, --version)."""
    common = ["--data", str(data), "--as-of", AS_OF]
    return {
        "validate": ["validate", str(data)],
        "status": ["status", *common, "--format", "json"],
        "deadlines": ["deadlines", *common, "--within", "365", "--format", "json"],
        "version": ["--version"],
    }


# Runs svo's entry point under cProfile and prints the calls made in svo's own modules.
_PROFILED = """
import cProfile, os, pstats, sys
sys.argv = ["svo", *sys.argv[1:]]
from svo_cli.launch import main
profile = cProfile.Profile()
code = 0
profile.enable()
try:
    main()
except SystemExit as exc:
    code = exc.code
profile.disable()
marker = os.sep + "svo_cli" + os.sep
calls = sum(row[1] for key, row in pstats.Stats(profile).stats.items() if marker in key[0])
with open(os.environ["SVO_COUNT_FILE"], "w") as handle:
    handle.write(str(calls))
"""


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHONHASHSEED": "0", "SVO_JOBS": "1", "NO_COLOR": "1", "SVO_DATA": ""}


def count_calls(argv: list[str], scratch: Path) -> int:
    """Python function calls in svo's code for one command (its output discarded)."""
    result = scratch / "calls.txt"
    result.unlink(missing_ok=True)
    proc = subprocess.run([sys.executable, "-c", _PROFILED, *argv], env={**_environment(), "SVO_COUNT_FILE": str(result)},
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    if not result.exists():
        raise SystemExit(f"svo {' '.join(argv)}: no count (exit {proc.returncode})")
    return int(result.read_text(encoding="utf-8"))


def count_instructions(argv: list[str], cache: Path) -> int:
    """Instructions of the whole process (valgrind), bytecode read from `cache` (compiled beforehand)."""
    env = {**_environment(), "PYTHONPYCACHEPREFIX": str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    script = "import sys; sys.argv = ['svo', *sys.argv[1:]]; from svo_cli.launch import main; main()"
    # once without valgrind: writes the bytecode of everything the command imports
    subprocess.run([sys.executable, "-c", script, *argv], env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    out = cache / "cachegrind.out"
    subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}",
                    sys.executable, "-c", script, *argv], env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    for line in out.read_text(encoding="utf-8").splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1])
    raise SystemExit(f"svo {' '.join(argv)}: valgrind gave no count")


def baseline_instructions(data: Path, cache: Path) -> int:
    """The yardstick's instructions: PyYAML's C loader parsing the same files, nothing else."""
    script = ("import sys, yaml\nfrom pathlib import Path\nfor p in sorted(Path(sys.argv[1]).rglob('*.yaml')):\n"
              "    with p.open('rb') as f:\n        yaml.load(f, Loader=yaml.CSafeLoader)\n")
    out = cache / "baseline.out"
    subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}",
                    sys.executable, "-c", script, str(data)], env=_environment(), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    return next(int(line.split()[1]) for line in out.read_text(encoding="utf-8").splitlines()
                if line.startswith("summary:"))


def measure(workdir: Path, instructions: bool) -> dict:
    data = generate(SIZE, workdir / f"data-{SIZE}")
    result: dict = {"size": SIZE, "calls": {}, "instructions": {}}
    for name, argv in commands(data).items():
        result["calls"][name] = count_calls(argv, workdir)
    if instructions:
        result["instructions_python"] = platform.python_version()
        cache = workdir / "pycache"
        cache.mkdir(exist_ok=True)
        for name, argv in commands(data).items():
            result["instructions"][name] = count_instructions(argv, cache)
        result["instructions"]["baseline (PyYAML C loader)"] = baseline_instructions(data, cache)
    return result


def regressions(now: dict, reference: dict, tolerance: float = TOLERANCE) -> list[str]:
    """What grew more than `tolerance` over the reference (instructions only against the same Python)."""
    found = []
    same_python = now.get("instructions_python") == reference.get("instructions_python")
    measures = ["calls"] + (["instructions"] if same_python else [])
    for measure_name in measures:
        for name, value in now.get(measure_name, {}).items():
            before = reference.get(measure_name, {}).get(name)
            if before and value > before * (1 + tolerance) and not name.startswith("baseline"):
                found.append(f"{measure_name} of {name}: {value:,} against {before:,} (+{value / before - 1:.1%})")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instructions", action="store_true", help="count instructions too (valgrind)")
    parser.add_argument("--update", action="store_true", help=f"record the counts in {REFERENCE.name}")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    if args.instructions and not shutil.which("valgrind"):
        raise SystemExit("--instructions needs valgrind")
    with tempfile.TemporaryDirectory() as scratch:
        now = measure(args.workdir or Path(scratch), args.instructions)
    reference = json.loads(REFERENCE.read_text(encoding="utf-8")) if REFERENCE.exists() else {}
    print(f"{SIZE} generated agreements, one process, Python {platform.python_version()}")
    for measure_name in ("calls", "instructions"):
        for name, value in now[measure_name].items():
            before = reference.get(measure_name, {}).get(name)
            change = f" (reference {before:,}, {value / before - 1:+.1%})" if before else ""
            print(f"  {measure_name:12s} {name:28s} {value:>15,}{change}")
    base = now["instructions"].get("baseline (PyYAML C loader)")
    if base:
        print("  instructions × the C-loader parse: " + ", ".join(
            f"{name} {value / base:.2f}" for name, value in now["instructions"].items() if name != "version"
            and not name.startswith("baseline")))
    if args.update:
        kept = {**reference, **{k: v for k, v in now.items() if k != "instructions" or v}}  # keep the last instructions
        REFERENCE.write_text(json.dumps(kept, indent=2) + "\n", encoding="utf-8")
        print(f"recorded in {REFERENCE.name}")
        return
    found = regressions(now, reference)
    for line in found:
        print(f"regression: {line}", file=sys.stderr)
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
