"""Benchmark loading and checking a national-scale data repository.

Usage::

    python benchmarks/run.py [--distributions 1000000] [--seed 1] [--repeat 3] [--keep]

Generates a synthetic repository with ``benchmarks/generate.py`` into
``benchmarks/data/`` (gitignored) unless it is already there, then measures three phases,
each run ``--repeat`` times, every run in a fresh child process so that its peak memory
is its own:

``load``
    ``secretariat_rules.api.load_dataset(path)`` — read and validate every collection.
``check``
    ``secretariat_rules.api.check(path)`` — load plus the full (national) ruleset.
``cli``
    ``python -m secretariat_rules check PATH --format json --output FILE`` end to end.

For ``load`` and ``check`` the wall time is that of the call alone (interpreter start-up
and imports are shown apart, under *process s*); for ``cli`` it is the whole command.
Peak RSS is ``ru_maxrss`` as seen by a tiny wrapper child: its own (``RUSAGE_SELF``) for
``load`` and ``check``, its only child's (``RUSAGE_CHILDREN``) for ``cli``. The reported
time is the best of the repeats, the reported memory the highest.
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
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA_ROOT = HERE / "data"
GENERATOR = HERE / "generate.py"
COMPLETE_MARK = ".complete"
PHASES: tuple[str, ...] = ("load", "check", "cli")

# Runs in a child: ``python -c WRAPPER PHASE DATA_DIR RESULT_JSON [REPORT_FILE]``. It writes
# its measurements to RESULT_JSON (the library may print to stdout; a file cannot mix).
WRAPPER = r"""
import json, resource, subprocess, sys, time

started = time.perf_counter()
phase, path, result_file = sys.argv[1:4]
out = {"phase": phase, "records": None, "findings": None}


def maxrss_mb(who):
    rss = resource.getrusage(who).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 2**10  # bytes vs KiB


def records_of(dataset):
    frames = getattr(dataset, "frames", None)
    return None if frames is None else sum(frame.height for frame in frames.values())


if phase == "load":
    from secretariat_rules.api import load_dataset

    out["import_s"] = time.perf_counter() - started
    t0 = time.perf_counter()
    dataset = load_dataset(path)
    out["wall_s"] = time.perf_counter() - t0
    out["records"] = records_of(dataset)
    out["rss_mb"] = maxrss_mb(resource.RUSAGE_SELF)
elif phase == "check":
    from secretariat_rules.api import check

    out["import_s"] = time.perf_counter() - started
    t0 = time.perf_counter()
    result = check(path)
    out["wall_s"] = time.perf_counter() - t0
    out["findings"] = len(result.findings)
    out["records"] = records_of(getattr(result, "dataset", None))
    out["rss_mb"] = maxrss_mb(resource.RUSAGE_SELF)
elif phase == "cli":
    report = sys.argv[4]
    command = [sys.executable, "-m", "secretariat_rules", "check", path,
               "--format", "json", "--output", report]
    t0 = time.perf_counter()
    proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    out["wall_s"] = time.perf_counter() - t0
    out["rss_mb"] = maxrss_mb(resource.RUSAGE_CHILDREN)
    out["exit_code"] = proc.returncode
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr)
        sys.exit(f"the CLI exited with {proc.returncode} (0 or 1 expected)")
    with open(report, encoding="utf-8") as fh:
        out["findings"] = len(json.load(fh)["findings"])
else:
    sys.exit(f"unknown phase {phase!r}")
out["process_s"] = time.perf_counter() - started
with open(result_file, "w", encoding="utf-8") as fh:
    json.dump(out, fh)
"""

PREFLIGHT = "from secretariat_rules.api import check, load_dataset"


class BenchmarkError(Exception):
    """A phase failed or the library is not ready; the message says why."""


@dataclass
class PhaseResult:
    """The best time and highest memory of one phase over its repeats."""

    phase: str
    wall_s: float
    process_s: float
    rss_mb: float
    records: int | None
    findings: int | None


def data_dir_for(distributions: int, seed: int) -> Path:
    return DATA_ROOT / f"n{distributions}-s{seed}"


def ensure_data(path: Path, distributions: int, seed: int) -> bool:
    """Generate the repository at ``path`` unless complete; True if generated now."""
    if (path / COMPLETE_MARK).is_file():
        print(f"data: {path} (present)")
        return False
    if path.exists():
        shutil.rmtree(path)  # an interrupted earlier generation
    print(f"data: generating {path} (--distributions {distributions} --seed {seed}) ...")
    t0 = time.perf_counter()
    command = [sys.executable, str(GENERATOR), str(path)]
    command += ["--distributions", str(distributions), "--seed", str(seed), "--quiet"]
    subprocess.run(command, check=True)
    (path / COMPLETE_MARK).write_text(f"{distributions} {seed}\n", encoding="utf-8")
    print(f"data: generated in {time.perf_counter() - t0:.1f} s")
    return True


def preflight() -> None:
    """Fail with a clear message if the API under test cannot be imported."""
    proc = subprocess.run(
        [sys.executable, "-c", PREFLIGHT], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise BenchmarkError(
            f"cannot import the API under test with {sys.executable}:\n"
            f"    {PREFLIGHT}\n    -> {last}\n"
            "Install the project first (make bench, or .venv/bin/pip install -e .) and "
            "make sure secretariat_rules.api defines load_dataset() and check()."
        )


def run_once(phase: str, data: Path, workdir: Path, timeout: float) -> dict[str, Any]:
    """One measured run of ``phase`` in a fresh wrapper child."""
    result_file = workdir / f"{phase}.json"
    result_file.unlink(missing_ok=True)
    command = [sys.executable, "-c", WRAPPER, phase, str(data), str(result_file)]
    if phase == "cli":
        command.append(str(workdir / "report.json"))
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise BenchmarkError(f"phase {phase}: no result within {timeout:.0f} s") from exc
    if proc.returncode != 0 or not result_file.is_file():
        tail = "\n".join(proc.stderr.strip().splitlines()[-20:])
        raise BenchmarkError(f"phase {phase} failed (exit code {proc.returncode}):\n{tail}")
    data_out: dict[str, Any] = json.loads(result_file.read_text(encoding="utf-8"))
    return data_out


def measure(phase: str, data: Path, workdir: Path, repeat: int, timeout: float) -> PhaseResult:
    runs = []
    for i in range(repeat):
        run = run_once(phase, data, workdir, timeout)
        print(
            f"  {phase:<5} run {i + 1}/{repeat}: {run['wall_s']:.2f} s, {run['rss_mb']:.0f} MB",
            flush=True,
        )
        runs.append(run)
    best = min(runs, key=lambda r: float(r["wall_s"]))
    return PhaseResult(
        phase=phase,
        wall_s=float(best["wall_s"]),
        process_s=min(float(r["process_s"]) for r in runs),
        rss_mb=max(float(r["rss_mb"]) for r in runs),
        records=best["records"],
        findings=best["findings"],
    )


def count(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def table(results: Sequence[PhaseResult], repeat: int) -> str:
    """The results as a Markdown table (readable in a terminal, pasteable in the README)."""
    header = f"| phase | wall s (best of {repeat}) | process s | peak RSS MB | records | findings |"
    lines = [header, "|---|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(
            f"| {r.phase} | {r.wall_s:.2f} | {r.process_s:.2f} | {r.rss_mb:.0f} "
            f"| {count(r.records)} | {count(r.findings)} |"
        )
    return "\n".join(lines)


def environment(data: Path) -> dict[str, Any]:
    size = sum(p.stat().st_size for p in data.iterdir() if p.is_file())
    versions = subprocess.run(
        [
            sys.executable,
            "-c",
            "import importlib.metadata as m; "
            "print(m.version('secretariat-rules'), m.version('polars'), m.version('pydantic'))",
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    names = ("secretariat_rules", "polars", "pydantic")
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "data_mb": round(size / 1e6, 1),
        **dict(zip(names, versions, strict=False)),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--distributions", type=int, default=1_000_000, metavar="N")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs per phase (best counts)")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the generated data (and the CLI's report) for the next run",
    )
    parser.add_argument(
        "--phases", default=",".join(PHASES), help="comma-separated subset of load,check,cli"
    )
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per run")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args(argv)
    phases = [p.strip() for p in args.phases.split(",") if p.strip()]
    if args.distributions < 1 or args.repeat < 1 or not set(phases) <= set(PHASES):
        parser.error("need --distributions >= 1, --repeat >= 1, phases among load,check,cli")

    try:
        preflight()
    except BenchmarkError as exc:
        print(f"benchmark: {exc}", file=sys.stderr)
        return 2

    data = data_dir_for(args.distributions, args.seed)
    generated = ensure_data(data, args.distributions, args.seed)
    env = environment(data)
    print("env: " + ", ".join(f"{k}={v}" for k, v in env.items()))
    results: list[PhaseResult] = []
    try:
        with tempfile.TemporaryDirectory(prefix="secretariat-bench-") as tmp:
            workdir = Path(tmp)
            for phase in phases:
                results.append(measure(phase, data, workdir, args.repeat, args.timeout))
            report = workdir / "report.json"
            if args.keep and report.is_file():
                kept = data.with_name(data.name + ".report.json")
                shutil.copyfile(report, kept)
                print(f"CLI report kept at {kept}")
    except BenchmarkError as exc:
        print(f"benchmark: {exc}", file=sys.stderr)
        return 1
    finally:
        if generated and not args.keep:
            shutil.rmtree(data, ignore_errors=True)
            if DATA_ROOT.is_dir() and not any(DATA_ROOT.iterdir()):
                DATA_ROOT.rmdir()

    print()
    print(f"distributions={args.distributions:,} seed={args.seed} data={env['data_mb']} MB")
    print(table(results, args.repeat))
    if args.json:
        payload = {
            "distributions": args.distributions,
            "seed": args.seed,
            "repeat": args.repeat,
            "environment": env,
            "results": [r.__dict__ for r in results],
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
