"""The checker side by side with hand-written polars, and issue 13's other figures.

For each size (``--sizes``, distributions) a repository is generated (``generate.py``,
kept under ``benchmarks/data/`` like ``run.py``'s) and measured in child processes,
each child's wall time, CPU time (user + sys) and peak RSS read with ``os.wait4``:

* **three rules**: ``secretariat-rules check DATA --select SEK008,SEK025,SEK019 -f json``
  and ``hand_rules.py DATA`` alternately (``--repeat`` pairs, medians, the median of the
  per-pair wall ratios). Correctness first: both must find exactly the same subjects per
  rule, or the script stops with exit 1 and the differences.
* **full catalog**: ``check DATA -f json``, and the CPU ratio between consecutive sizes.
* **fixed cost**: ``--version``, ``--help``, ``check fixtures/miljoloftet -q``
  (``startup.py``'s cases, bytecode compiled first as an install has it).
* **JSON vs CSV**: ``api.load_dataset`` of the repository with distributions as CSV and
  of a copy with the same records as a JSON list of objects (largest size ≤ 1M).

Every figure is printed against issue 13's target. ``--json FILE`` keeps them.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as bench_run  # noqa: E402  (benchmarks/run.py: data generation)
import startup  # noqa: E402

ROOT = HERE.parent
RULES = ("SEK008", "SEK025", "SEK019")


@dataclass(frozen=True)
class Sample:
    wall: float
    cpu: float
    rss_mb: float


def measured(command: Sequence[str], codes: Sequence[int] = (0, 1)) -> tuple[Sample, bytes]:
    """Run ``command`` under a wrapper that reaps it with ``os.wait4``: its own wall time,
    CPU time and peak RSS (the wrapper's are not counted)."""
    wrapper = (
        "import os,sys,json,time,subprocess\n"
        "t=time.perf_counter()\n"
        "p=subprocess.Popen(sys.argv[1:])\n"
        "_,s,u=os.wait4(p.pid,0)\n"
        "w=time.perf_counter()-t\n"
        "sys.stderr.write('\\n@@'+json.dumps([w,u.ru_utime+u.ru_stime,u.ru_maxrss/1024,"
        "os.waitstatus_to_exitcode(s)]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *command], cwd=ROOT, capture_output=True, check=False
    )
    err = done.stderr.decode(errors="replace")
    head, _, tail = err.rpartition("\n@@")
    wall, cpu, rss, code = json.loads(tail)
    if code not in codes:
        sys.stderr.write(head[-3000:])
        raise SystemExit(f"{' '.join(command)}: exit code {code}")
    return Sample(wall, cpu, rss), done.stdout


def tool(*args: str) -> list[str]:
    return [sys.executable, "-m", "secretariat_rules", *args]


def subjects_of(report: Path) -> dict[str, list[str]]:
    found: dict[str, set[str]] = {rule: set() for rule in RULES}
    for f in json.loads(report.read_text(encoding="utf-8"))["findings"]:
        if f["rule"] in found:
            found[f["rule"]].add(f"{f['subject']['collection']}/{f['subject']['id']}")
    return {rule: sorted(s) for rule, s in found.items()}


def three_rules(data: Path, work: Path, repeat: int) -> dict[str, Any]:
    report = work / "three.json"
    checker = tool("check", str(data), "--select", ",".join(RULES), "-f", "json", "-o", str(report))
    hand = [sys.executable, str(HERE / "hand_rules.py"), str(data)]
    ours: list[Sample] = []
    theirs: list[Sample] = []
    hand_out = b""
    for i in range(repeat):
        order = [(checker, ours), (hand, theirs)]
        for command, into in order if i % 2 == 0 else order[::-1]:
            sample, out = measured(command)
            into.append(sample)
            if command is hand:
                hand_out = out
    expected = json.loads(hand_out)
    got = subjects_of(report)
    if got != expected:
        for rule in RULES:
            a, b = set(got[rule]), set(expected[rule])
            print(f"{rule}: checker only {sorted(a - b)[:10]}, hand only {sorted(b - a)[:10]}")
        raise SystemExit("the checker and the hand-written query disagree")
    ratios = [a.wall / b.wall for a, b in zip(ours, theirs, strict=True)]
    return {
        "subjects": {rule: len(s) for rule, s in got.items()},
        "checker": summary(ours),
        "hand": summary(theirs),
        "wall_ratio": statistics.median(ratios),
        "rss_ratio": summary(ours)["rss_mb"] / summary(theirs)["rss_mb"],
    }


def summary(samples: Sequence[Sample]) -> dict[str, float]:
    return {
        "wall": statistics.median(s.wall for s in samples),
        "cpu": statistics.median(s.cpu for s in samples),
        "rss_mb": max(s.rss_mb for s in samples),
    }


def full_catalog(data: Path, work: Path, repeat: int) -> dict[str, float]:
    command = tool("check", str(data), "-f", "json", "-o", str(work / "full.json"))
    return summary([measured(command)[0] for _ in range(repeat)])


def fixed_cost(repeat: int) -> dict[str, float]:
    startup.compile_trees()  # bytecode cached, as in an install (startup.py's docstring)
    results = startup.measure(repeat, None, warmup=1)
    return {name: statistics.median(t.current) for name, t in results.items()}


def as_json_copy(data: Path, work: Path) -> Path:
    """A copy of ``data`` with distributions as a JSON list of objects (same records)."""
    copy = work / "json-repo"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(data, copy)
    source = copy / "distributions.csv"
    with source.open(encoding="utf-8", newline="") as handle:
        records = [{k: v for k, v in row.items() if v != ""} for row in csv.DictReader(handle)]
    (copy / "distributions.json").write_text(
        "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]\n",
        encoding="utf-8",
    )
    source.unlink()
    return copy


LOAD = (
    "import sys,time\nfrom secretariat_rules import api\n"
    "t=time.perf_counter(); api.load_dataset(sys.argv[1]); print(time.perf_counter()-t)"
)


def json_vs_csv(data: Path, work: Path, repeat: int) -> dict[str, float]:
    copy = as_json_copy(data, work)
    csv_times, json_times = [], []
    for i in range(repeat):
        pair = [(data, csv_times), (copy, json_times)]
        for repo, into in pair if i % 2 == 0 else pair[::-1]:
            _, out = measured([sys.executable, "-c", LOAD, str(repo)], codes=(0,))
            into.append(float(out.decode().strip().splitlines()[-1]))
    return {
        "csv_load": statistics.median(csv_times),
        "json_load": statistics.median(json_times),
        "ratio": statistics.median(j / c for j, c in zip(json_times, csv_times, strict=True)),
    }


def verdict(value: float, target: float) -> str:
    return "met" if value <= target else "NOT met"


def report(results: dict[str, Any]) -> str:
    lines = ["", "| figure | measured | target | |", "|---|---:|---:|---|"]

    def row(name: str, value: float, target: float, unit: str = "") -> None:
        lines.append(
            f"| {name} | {value:.2f}{unit} | {target:g}{unit} | {verdict(value, target)} |"
        )

    sizes = results["sizes"]
    for size, r in sizes.items():
        t = r["three_rules"]
        row(f"{size}: three rules, wall ratio to hand polars", t["wall_ratio"], 2, "×")
        row(f"{size}: three rules, peak RSS ratio to hand polars", t["rss_ratio"], 2, "×")
        lines.append(
            f"| {size}: three rules checker / hand | {t['checker']['wall']:.2f} s, "
            f"{t['checker']['rss_mb']:.0f} MB / {t['hand']['wall']:.2f} s, "
            f"{t['hand']['rss_mb']:.0f} MB | | |"
        )
        f = r.get("full_catalog")
        if f is None:  # --skip full
            continue
        lines.append(
            f"| {size}: full catalog wall / CPU / RSS | {f['wall']:.2f} s / {f['cpu']:.2f} s / "
            f"{f['rss_mb']:.0f} MB | | |"
        )
        if size == 1_000_000:
            row("1M: full catalog CPU", f["cpu"], 2, " s")
            row("1M: full catalog peak RSS", f["rss_mb"], 500, " MB")
        if size == 10_000_000:
            row("10M: full catalog peak RSS", f["rss_mb"], 2500, " MB")
    keys = sorted(s for s in sizes if "full_catalog" in sizes[s])
    for small, big in itertools.pairwise(keys):
        ratio = sizes[big]["full_catalog"]["cpu"] / sizes[small]["full_catalog"]["cpu"]
        row(f"CPU ratio {big}÷{small}", ratio, big / small, "×")  # at most linear
    for name, seconds in results.get("fixed", {}).items():
        target = next(c.target for c in startup.CASES if c.name == name)
        row(f"`{name}` whole process", seconds, target, " s")
    if "json_vs_csv" in results:
        j = results["json_vs_csv"]
        row(f"JSON vs CSV load ({j['size']})", j["ratio"], 1.3, "×")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data-root", type=Path, default=bench_run.DATA_ROOT)
    parser.add_argument("--skip", default="", help="comma list of: fixed,json,full")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    # 10M distributions are ~380 MB of CSV, over the default bound of a data file (256 MiB)
    os.environ.setdefault("SECRETARIAT_RULES_MAX_FILE_MB", "4096")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    skip = set(filter(None, args.skip.split(",")))
    work = args.data_root / "sidebyside"
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"sizes": {}}
    for size in sizes:
        data = args.data_root / f"n{size}-s{args.seed}"
        bench_run.ensure_data(data, size, args.seed)
        entry: dict[str, Any] = {"three_rules": three_rules(data, work, args.repeat)}
        print(f"{size}: three rules {json.dumps(entry['three_rules'])}", flush=True)
        if "full" not in skip:
            entry["full_catalog"] = full_catalog(data, work, max(1, args.repeat // 2))
            print(f"{size}: full catalog {json.dumps(entry['full_catalog'])}", flush=True)
        results["sizes"][size] = entry
    if "fixed" not in skip:
        results["fixed"] = fixed_cost(args.repeat)
    if "json" not in skip:
        size = max(s for s in sizes if s <= 1_000_000) if min(sizes) <= 1_000_000 else None
        if size is not None:
            data = args.data_root / f"n{size}-s{args.seed}"
            results["json_vs_csv"] = {"size": size, **json_vs_csv(data, work, args.repeat)}
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=asdict) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
