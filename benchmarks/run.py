"""Benchmark runner: times svo's commands as whole processes against a baseline measured in the same
run (parsing the same files with PyYAML's C loader and nothing else), with peak memory.

    python benchmarks/run.py                      # 100, 1,000 and 10,000 agreements, 5 runs each
    python benchmarks/run.py --sizes 100000 --runs 3
    python benchmarks/run.py --quick              # 100 and 1,000, 3 runs (a smoke run)
    python benchmarks/run.py --targets 10000 --runs 3 --instructions 1000   # the ratios of issue 26
    python benchmarks/run.py --targets 10000 --before "env PYTHONPATH=/tmp/old/src python -m svo_cli"
    python benchmarks/run.py --sizes 10000 --commands deadlines check --svo "env PYTHONPATH=/tmp/old/src python -m svo_cli"

Prints a table of median seconds, the ratio to the baseline and peak RSS, then the start-up
figures (svo --help / --version against `python -c "import typer"`, svo status on the repository's
data) and, when check-jsonschema is installed, svo validate against check-jsonschema on the same
files. Results are also written as JSON (--json FILE). Benchmarks are not tests: nothing here fails
on a slow machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

AS_OF = "2026-11-23"
COMMANDS: list[str] = []  # --commands: time only these
BASELINE = """
import sys, yaml
from pathlib import Path
for p in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    with p.open("rb") as f:
        yaml.load(f, Loader=yaml.CSafeLoader)
"""


SVO: list[str] = []  # --svo: the command to time instead of the installed svo


def svo_command() -> list[str]:
    if SVO:
        return SVO
    found = shutil.which("svo", path=str(Path(sys.executable).parent)) or shutil.which("svo")
    return [found] if found else [sys.executable, "-m", "svo_cli"]


def _tree_sum_kb(pid: int, name: str, field: str) -> int:
    """A /proc/PID/`name` field (in kB) summed over a process and all its descendants."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/{name}") as handle:
                total += next((int(line.split()[1]) for line in handle if line.startswith(field)), 0)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo += [int(c) for c in handle.read().split()]
        except (OSError, ValueError):
            continue
    return total


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (shared pages counted in each: an upper
    bound)."""
    return _tree_sum_kb(pid, "status", "VmRSS:")


def _tree_pss_kb(pid: int) -> int:
    """Proportional memory of a process and all its descendants: each page shared between them (the
    forked workers share the main process's pages) counted once in all, divided among them, from
    /proc/PID/smaps_rollup (Linux 4.14+; 0 where there is none)."""
    return _tree_sum_kb(pid, "smaps_rollup", "Pss:")


# Polls between two readings of the tree's proportional memory (each walks its page tables): a reading
# every 0.1 s, so a process of a fraction of a second has none worth showing (start-up rows leave it out).
PSS_EVERY = 10


def run_once(argv: list[str], env: dict | None = None, cwd: Path | None = None,
             poll: float = 0.01) -> tuple[float, float, float, int, float]:
    """One whole-process run: wall seconds, peak memory in MB (the process's own peak RSS or its whole
    process tree's, workers included, sampled every `poll` seconds, whichever is larger), CPU seconds
    (user + system, of the process and the workers it waited for), the exit code, and the tree's peak
    proportional memory in MB (PSS, sampled every PSS_EVERY polls; pages shared counted once)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd,
                            env={**os.environ, **(env or {})})
    tree_peak = pss_peak = polls = 0
    while True:
        waited, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if waited:
            break
        tree_peak = max(tree_peak, _tree_rss_kb(proc.pid))
        if polls % PSS_EVERY == 0:
            pss_peak = max(pss_peak, _tree_pss_kb(proc.pid))
        polls += 1
        time.sleep(poll)
    return (time.perf_counter() - start, max(usage.ru_maxrss, tree_peak) / 1024, usage.ru_utime + usage.ru_stime,
            os.waitstatus_to_exitcode(status), pss_peak / 1024)


LAST_PSS: dict[str, int] = {}  # the largest tree PSS (MB) of the last `measure` of each command line


def measure(argv: list[str], runs: int, env: dict | None = None) -> tuple[float, float, int, float]:
    """Median and minimum wall seconds, the largest peak memory (MB) over `runs` runs (the process's
    own peak RSS, or its whole process tree's, workers included, sampled every 10 ms, whichever is
    larger) and the median CPU seconds (user + system, of the process and the workers it waited for:
    less sensitive than wall time to other work on a shared machine). The largest tree PSS goes to
    LAST_PSS."""
    times, peaks, cpus, psses, code = [], [], [], [], 0
    for _ in range(runs):
        wall, peak, cpu, code, pss = run_once(argv, env)
        times.append(wall)
        peaks.append(peak)
        cpus.append(cpu)
        psses.append(pss)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited {code}")
    LAST_PSS[" ".join(argv)] = round(max(psses))
    return statistics.median(times), min(times), round(max(peaks)), statistics.median(cpus)


def commands(data: Path) -> dict[str, list[str]]:
    svo = svo_command()
    common = ["--data", str(data), "--as-of", AS_OF]
    return {
        "validate": svo + ["validate", str(data)],
        "status": svo + ["status", *common, "--format", "json"],
        "deadlines": svo + ["deadlines", *common, "--format", "json"],
        "check": svo + ["check", *common, "--format", "json", "--fail-on", "never"],
        "calendar": svo + ["calendar", *common],
        "report": svo + ["report", *common, "--format", "md", "-o", str(data.parent / f"report-{data.name}.md")],
        "site": svo + ["site", *common, "-o", str(data.parent / f"site-{data.name}")],
    }


OPT_IN = ("report", "site")  # timed only when named (--commands): the site takes minutes at 10,000


def run_size(count: int, runs: int, workdir: Path) -> list[dict]:
    data = workdir / f"data-{count}"
    if not (data / "parties.yaml").exists():
        generate(count, data)
    rows = []
    baseline = [sys.executable, "-c", BASELINE, str(data)]
    base, base_min, base_mem, base_cpu = measure(baseline, runs)
    rows.append({"size": count, "what": "baseline (PyYAML C loader)", "median_s": base, "min_s": base_min,
                 "ratio": 1.0, "peak_mb": base_mem, "pss_mb": LAST_PSS[" ".join(baseline)], "cpu_s": base_cpu})
    for name, argv in commands(data).items():
        timed = name in COMMANDS if COMMANDS else name not in OPT_IN
        if not timed:
            continue
        median, fastest, peak, cpu = measure(argv, runs)
        rows.append({"size": count, "what": name, "median_s": median, "min_s": fastest,
                     "ratio": median / base, "peak_mb": peak, "pss_mb": LAST_PSS[" ".join(argv)], "cpu_s": cpu})
    return rows


def startup(runs: int) -> list[dict]:
    svo = svo_command()
    typer = [sys.executable, "-c", "import typer"]
    typer_s, typer_min, typer_mem, typer_cpu = measure(typer, runs)
    rows = [{"what": "python -c 'import typer'", "median_s": typer_s, "min_s": typer_min, "ratio": 1.0,
             "peak_mb": typer_mem, "cpu_s": typer_cpu}]
    for name, argv in (("svo --help", svo + ["--help"]), ("svo --version", svo + ["--version"]),
                       ("svo status (repository data)", svo + ["status", "--data", str(REPO / "data"), "--as-of", AS_OF])):
        median, fastest, peak, cpu = measure(argv, runs)
        rows.append({"what": name, "median_s": median, "min_s": fastest, "ratio": median / typer_s, "peak_mb": peak,
                     "cpu_s": cpu})
    return rows


def against_jsonschema(count: int, runs: int, workdir: Path) -> list[dict]:
    tool = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which("check-jsonschema")
    if not tool:
        return []
    data = workdir / f"data-{count}"
    files = sorted(str(p) for p in (data / "agreements").glob("*.yaml"))
    schema = workdir / "agreement.schema.json"
    subprocess.run(svo_command() + ["schema", "agreement", "-o", str(schema)], check=True)
    theirs, theirs_min, theirs_mem, theirs_cpu = measure([tool, "--schemafile", str(schema), *files], runs)
    ours, ours_min, ours_mem, ours_cpu = measure(svo_command() + ["validate", str(data)], runs)
    return [{"size": count, "what": "check-jsonschema (schema only)", "median_s": theirs, "min_s": theirs_min,
             "ratio": 1.0, "peak_mb": theirs_mem, "cpu_s": theirs_cpu},
            {"size": count, "what": "svo validate (schema + semantics)", "median_s": ours, "min_s": ours_min,
             "ratio": ours / theirs, "peak_mb": ours_mem, "cpu_s": ours_cpu}]


# Issue 26's targets: whole-process wall time, minimum over alternated rounds, against the yardstick
# measured in the same rounds (the C-loader parse of the same files; `import typer` for start-up).
TARGETS = {"validate": 1.2, "status": 1.5, "deadlines": 2.0, "svo --version": 1.2}
PRECOMMIT_SECONDS, PRECOMMIT_RATIO = 0.3, 4.0
PRECOMMIT_FILE = REPO / "data" / "agreements" / "lakarmedverkan.yaml"


BEFORE: list[str] = []  # --before: another version's svo command, timed in the same rounds


def target_commands(data: Path, svo: list[str] | None = None) -> dict[str, list[str]]:
    svo = svo or svo_command()
    common = ["--data", str(data), "--as-of", AS_OF]
    return {"validate": svo + ["validate", str(data)],
            "status": svo + ["status", *common, "--format", "json"],
            "deadlines": svo + ["deadlines", *common, "--within", "365", "--format", "json"]}


def alternated(jobs: dict[str, tuple[list[str], Path | None]], rounds: int) -> dict[str, dict]:
    """Each command once per round, in turn, `rounds` rounds: the minimum wall and CPU seconds of each
    and its largest peak memory (a slow spell of the machine hits every command of a round alike)."""
    best: dict[str, dict] = {}
    for _ in range(rounds):
        for name, (argv, cwd) in jobs.items():
            wall, peak, cpu, code, pss = run_once(argv, cwd=cwd, poll=0.005)
            if code not in (0, 1):
                raise SystemExit(f"{' '.join(argv)} exited {code}")
            row = best.setdefault(name, {"wall_s": wall, "cpu_s": 9e9, "peak_mb": 0, "pss_mb": 0})
            row["wall_s"] = min(row["wall_s"], wall)
            row["cpu_s"] = min(row["cpu_s"], cpu)
            row["peak_mb"] = max(row["peak_mb"], round(peak))
            row["pss_mb"] = max(row["pss_mb"], round(pss))
    return best


def targets(size: int, rounds: int, workdir: Path) -> list[dict]:
    """The issue's ratios at `size` agreements, the start-up ratio and the pre-commit case."""
    data = workdir / f"data-{size}"
    if not (data / "parties.yaml").exists():
        generate(size, data)
    jobs: dict[str, tuple[list[str], Path | None]] = {
        "baseline": ([sys.executable, "-c", BASELINE, str(data)], None)}
    jobs.update({name: (argv, None) for name, argv in target_commands(data).items()})
    if BEFORE:
        jobs.update({f"{name} (before)": (argv, None) for name, argv in target_commands(data, BEFORE).items()})
    measured = alternated(jobs, rounds)
    base = measured.pop("baseline")
    rows = [{"size": size, "what": name, **m, "ratio": m["wall_s"] / base["wall_s"],
             "cpu_ratio": m["cpu_s"] / base["cpu_s"], "target": TARGETS.get(name)} for name, m in measured.items()]
    rows.insert(0, {"size": size, "what": "baseline (PyYAML C loader)", **base, "ratio": 1.0, "cpu_ratio": 1.0,
                    "target": None})
    svo = svo_command()
    starting = {"typer": ([sys.executable, "-c", "import typer"], None),
                "svo --version": (svo + ["--version"], None),
                "pre-commit": (svo + ["validate", str(PRECOMMIT_FILE.relative_to(REPO))], REPO)}
    if BEFORE:
        starting.update({"svo --version (before)": (BEFORE + ["--version"], None),
                         "pre-commit (before)": (BEFORE + ["validate", str(PRECOMMIT_FILE.relative_to(REPO))], REPO)})
    start = alternated(starting, max(rounds, 10))
    typer = start.pop("typer")
    rows.append({"size": "", "what": "python -c 'import typer'", **typer, "ratio": 1.0, "cpu_ratio": 1.0,
                 "target": None})
    for name, m in start.items():
        shown = name.replace("pre-commit", f"svo validate data/agreements/{PRECOMMIT_FILE.name} (pre-commit)")
        target = None if name.endswith("(before)") else TARGETS.get(name, PRECOMMIT_RATIO)
        rows.append({"size": "", "what": shown, **m, "ratio": m["wall_s"] / typer["wall_s"],
                     "cpu_ratio": m["cpu_s"] / typer["cpu_s"], "target": target})
    return rows


def targets_table(rows: list[dict]) -> str:
    lines = ["| size | what | wall s (min) | × yardstick | target | cpu s (min) | cpu × | peak MB | PSS MB |",
             "|---:|---|---:|---:|---|---:|---:|---:|---:|"]
    for r in rows:
        target = ""
        if r["target"] is not None:
            met = r["ratio"] <= r["target"]
            if "pre-commit" in r["what"]:
                met = met and r["wall_s"] <= PRECOMMIT_SECONDS
                target = f"≤ {r['target']:.1f}× and ≤ {PRECOMMIT_SECONDS} s"
            else:
                target = f"≤ {r['target']:.1f}×"
            target += " met" if met else " NOT met"
        lines.append(f"| {r['size']} | {r['what']} | {r['wall_s']:.3f} | {r['ratio']:.2f} | {target} | "
                     f"{r['cpu_s']:.3f} | {r['cpu_ratio']:.2f} | {r['peak_mb']} | {r.get('pss_mb', '') if r['size'] != '' else ''} |")
    return "\n".join(lines)


def instruction_counts(size: int, workdir: Path) -> dict:
    """Instructions of each command in one process (valgrind), and of the yardstick, at a small size."""
    import counts

    data = workdir / f"data-{size}"
    if not (data / "parties.yaml").exists():
        generate(size, data)
    cache = workdir / "pycache"
    cache.mkdir(exist_ok=True)
    found = {name: counts.count_instructions(argv, cache) for name, argv in counts.commands(data).items()}
    found["baseline (PyYAML C loader)"] = counts.baseline_instructions(data, cache)
    return found


def table(rows: list[dict], ratio_to: str) -> str:
    lines = [f"| size | what | median s | min s | × {ratio_to} | peak MB | PSS MB | cpu s |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r.get('size', '')} | {r['what']} | {r['median_s']:.3f} | {r['min_s']:.3f} | "
                     f"{r['ratio']:.2f} | {r['peak_mb']} | {r.get('pss_mb', '')} | {r['cpu_s']:.2f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 agreements, 3 runs")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "svo-benchmarks")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--no-jsonschema", action="store_true")
    parser.add_argument("--commands", nargs="+",
                        choices=["validate", "status", "deadlines", "check", "calendar", *OPT_IN],
                        help=f"time only these commands (default: all but {' and '.join(OPT_IN)})")
    parser.add_argument("--targets", type=int, metavar="N",
                        help="only the issue's ratios: validate, status, deadlines at N agreements against the "
                             "C-loader parse, --version and the pre-commit case against import typer, "
                             "alternated (--runs rounds)")
    parser.add_argument("--before", help="with --targets: another version's svo command, timed in the same "
                                         "rounds (e.g. 'env PYTHONPATH=/tmp/old/src python -m svo_cli')")
    parser.add_argument("--instructions", type=int, metavar="N",
                        help="with --targets: also count instructions at N agreements (needs valgrind)")
    parser.add_argument("--svo", help="the svo command to time, e.g. 'env PYTHONPATH=/tmp/old/src python -m svo_cli' "
                                      "for another version of the code (default: the installed svo)")
    args = parser.parse_args()
    SVO[:] = shlex.split(args.svo) if args.svo else []
    BEFORE[:] = shlex.split(args.before) if args.before else []
    COMMANDS[:] = args.commands or []
    if args.quick:
        args.sizes, args.runs = [100, 1000], 3
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.2f} at the start")
    if args.targets:
        rows = targets(args.targets, args.runs, args.workdir)
        print(f"\ntargets (wall: minimum of {args.runs} alternated rounds, 10 for start-up; load average "
              f"{os.getloadavg()[0]:.2f} at the end)\n" + targets_table(rows))
        found: dict = {"targets": rows}
        if args.instructions:
            if not shutil.which("valgrind"):
                print("\ninstructions: valgrind is not installed")
            else:
                counted = instruction_counts(args.instructions, args.workdir)
                base = counted["baseline (PyYAML C loader)"]
                print(f"\ninstructions at {args.instructions} agreements, one process (deterministic):")
                for name, value in counted.items():
                    ratio = f" ({value / base:.2f}× the C-loader parse)" if name not in ("version",) else ""
                    print(f"  {name}: {value:,}{ratio}")
                found["instructions"] = counted
        if args.json:
            args.json.write_text(json.dumps(found, indent=2), encoding="utf-8")
        return
    results: dict = {"as_of": AS_OF, "runs": args.runs, "sizes": {}, "startup": [], "jsonschema": []}
    for size in args.sizes:
        rows = run_size(size, args.runs, args.workdir)
        results["sizes"][str(size)] = rows
        print(f"\n{size} agreements\n" + table(rows, "baseline"), flush=True)
    if len(args.sizes) >= 2:
        small, large = sorted(args.sizes)[-2:]
        growth = {r["what"]: r["median_s"] for r in results["sizes"][str(large)]}
        prior = {r["what"]: r["median_s"] for r in results["sizes"][str(small)]}
        print(f"\ngrowth {small} → {large} agreements (×{large // small} data):")
        for what in growth:
            print(f"  {what}: ×{growth[what] / prior[what]:.2f}")
    results["startup"] = startup(max(args.runs, 10))
    print("\nstart-up\n" + table(results["startup"], "import typer"))
    if not args.no_jsonschema:
        results["jsonschema"] = against_jsonschema(max(args.sizes) if max(args.sizes) <= 10000 else 10000,
                                                   args.runs, args.workdir)
        if results["jsonschema"]:
            print("\nagainst check-jsonschema\n" + table(results["jsonschema"], "check-jsonschema"))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
