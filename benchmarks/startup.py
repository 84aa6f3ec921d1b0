"""Benchmark the start-up of the command line (issue 13): whole processes, as CI runs them.

Usage::

    python benchmarks/startup.py [--repeat 15] [--against OTHER/src] [--json out.json]

Runs each command ``--repeat`` times as a fresh ``python -m secretariat_rules`` child
process from the repository root, the commands alternating (``--version``, ``--help``,
``check``, ``--version``, ...), so that a change in the machine's load hits all of them
alike, and prints the median, minimum and maximum wall time of each against its target.

With ``--against DIR`` (the ``src`` directory of another checkout, e.g. one made by
``git worktree add /tmp/before HEAD~3``; several joined by ``:``, e.g. its
``src:plugins``), every run is paired with one of that tree
(``PYTHONPATH=DIR``), the order within a pair alternating, and the table shows both
medians and their ratio: the fair way to compare on a busy machine.

Python compiles a module whose bytecode is not cached on every start (with
``PYTHONDONTWRITEBYTECODE`` set, the package's own ~400 modules, ≈0.1 s); an installed
wheel has it cached (pip compiles at install time, and ``make`` does the same for the
editable install). So the benchmark byte-compiles ``src/`` and ``plugins/`` (and the
``--against`` trees) first (``__pycache__``, gitignored; only stale files are rewritten):
``--no-compile`` measures the uncached start instead. The header says which.

A command's exit code must be its expected one (``check`` of the fixture has findings:
1); otherwise the benchmark stops with its stderr and exit code 1.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]
    target: float
    """Seconds, whole process (issue 13)."""
    codes: tuple[int, ...] = (0,)


CASES = (
    Case("--version", ("--version",), 0.15),
    Case("--help", ("--help",), 0.15),
    Case("check fixtures/miljoloftet -q", ("check", "fixtures/miljoloftet", "-q"), 0.35, (0, 1)),
)


@dataclass
class Timings:
    current: list[float] = field(default_factory=list)
    other: list[float] = field(default_factory=list)


def run_once(case: Case, pythonpath: str | None) -> float:
    """Wall seconds of one whole ``python -m secretariat_rules`` process."""
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
    command = [sys.executable, "-m", "secretariat_rules", *case.args]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in case.codes:
        sys.stderr.write(done.stderr.decode(errors="replace")[-2000:])
        raise SystemExit(f"{case.name}: exit code {done.returncode}, expected {case.codes}")
    return elapsed


def measure(repeat: int, against: str | None, warmup: int) -> dict[str, Timings]:
    results = {case.name: Timings() for case in CASES}
    for _ in range(warmup):  # fill the OS file cache; not counted
        for case in CASES:
            run_once(case, None)
            if against is not None:
                run_once(case, against)
    for round_ in range(repeat):
        for case in CASES:
            timings = results[case.name]
            if against is None:
                timings.current.append(run_once(case, None))
            elif round_ % 2 == 0:
                timings.current.append(run_once(case, None))
                timings.other.append(run_once(case, against))
            else:
                timings.other.append(run_once(case, against))
                timings.current.append(run_once(case, None))
    return results


def table(results: dict[str, Timings], against: str | None) -> str:
    head = ["command", "median s", "min s", "max s", "target s", ""]
    if against is not None:
        head[4:4] = ["other median s", "ratio"]
    rows = [head]
    for case in CASES:
        timings = results[case.name]
        median = statistics.median(timings.current)
        row = [
            case.name,
            f"{median:.3f}",
            f"{min(timings.current):.3f}",
            f"{max(timings.current):.3f}",
            f"{case.target:.2f}",
            "ok" if median <= case.target else "over",
        ]
        if against is not None:
            other = statistics.median(timings.other)
            row[4:4] = [f"{other:.3f}", f"{median / other:.2f}"]
        rows.append(row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = []
    for number, row in enumerate(rows):
        cells = [
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def compile_trees(against: str | None = None) -> None:
    """Byte-compile ``src/``, ``plugins/`` and the ``--against`` trees, as an install does."""
    others = [Path(part) for part in against.split(os.pathsep)] if against else []
    for tree in [ROOT / "src", ROOT / "plugins", *others]:
        compileall.compile_dir(tree, quiet=1)


def bytecode_cached() -> bool:
    """Whether the package's bytecode is cached (here: that of ``api.py``)."""
    return any((ROOT / "src" / "secretariat_rules" / "__pycache__").glob("api.*.pyc"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs per command (default 15)")
    parser.add_argument("--warmup", type=int, default=1, help="uncounted rounds first (default 1)")
    parser.add_argument(
        "--against", metavar="DIR", help="the src directory of another tree: paired runs"
    )
    parser.add_argument(
        "--compile",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="byte-compile src/ and plugins/ first, as an install does (default: yes)",
    )
    parser.add_argument("--json", metavar="FILE", help="also write the timings as JSON")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    against = (
        os.pathsep.join(str(Path(part).resolve()) for part in args.against.split(os.pathsep))
        if args.against
        else None
    )
    if args.compile:
        compile_trees(against)
    cached = bytecode_cached()
    results = measure(args.repeat, against, args.warmup)
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.repeat} runs per command"
        + (f", paired with {against}" if against else "")
        + f"; bytecode {'cached' if cached else 'not cached (compiled on every start)'}"
    )
    print(table(results, against))
    if args.json:
        data = {
            name: {"current": timings.current, "other": timings.other}
            for name, timings in results.items()
        }
        Path(args.json).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
