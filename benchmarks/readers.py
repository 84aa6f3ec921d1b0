"""Benchmark the readers (issue 13): one large collection read as CSV and as JSON.

Usage::

    python benchmarks/readers.py [--data /tmp/b1m] [--collection distributions]
        [--repeat 3] [--against OTHER/src] [--work DIR]

Makes a JSON twin of ``--data`` in ``--work`` (every file copied, the collection's CSV
written as a JSON array of objects, one per line, the strings as in the CSV), then times,
each run in a fresh child process (after its imports), the collection's ``read_table``
and the whole ``api.load_dataset`` for both repositories, and prints the medians and the
JSON/CSV ratio. With ``--against DIR`` (another checkout's ``src``), every run is paired
with one of that tree, the order alternating: the fair way to compare on a busy machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import json, sys, time
from pathlib import Path
from secretariat_rules import api
from secretariat_rules.sources.readers import read_table
repo, name = Path(sys.argv[1]), sys.argv[2]
start = time.perf_counter()
read_table(repo / name, repo, sys.argv[3])
read = time.perf_counter() - start
start = time.perf_counter()
api.load_dataset(repo)
print(json.dumps({"read": read, "load": time.perf_counter() - start}))
"""


def json_twin(data: Path, collection: str, work: Path) -> Path:
    """``work/<name>-json``: ``data`` with the collection's CSV as JSON (made once)."""
    twin = work / f"{data.name}-json"
    target = twin / f"{collection}.json"
    if target.exists():
        return twin
    twin.mkdir(parents=True, exist_ok=True)
    for path in data.iterdir():
        if path.is_file() and path.name != f"{collection}.csv":
            shutil.copyfile(path, twin / path.name)
    with (data / f"{collection}.csv").open(newline="", encoding="utf-8-sig") as handle:
        rows = [{k: v for k, v in row.items() if v} for row in csv.DictReader(handle)]
    partial = target.with_suffix(".tmp")
    with partial.open("w", encoding="utf-8") as out:
        out.write("[\n" + ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in rows))
        out.write("\n]\n")
    partial.replace(target)
    return twin


def run(src: str, repo: Path, name: str, collection: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": src}
    args = [sys.executable, "-c", _CHILD, str(repo), name, collection]
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"{src} {repo}: exit {done.returncode}\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/tmp/b1m"))
    parser.add_argument("--collection", default="distributions")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", help="another checkout's src directory")
    parser.add_argument("--work", type=Path, default=Path("/tmp/readers-bench"))
    args = parser.parse_args()
    twin = json_twin(args.data, args.collection, args.work)
    trees = {"this": str(ROOT / "src")}
    if args.against:
        trees["against"] = args.against
    cases = [("csv", args.data), ("json", twin)]
    times: dict[tuple[str, str, str], list[float]] = {}
    for i in range(args.repeat):
        order = list(trees.items()) if i % 2 == 0 else list(trees.items())[::-1]
        for fmt, repo in cases:
            for tree, src in order:
                result = run(src, repo, f"{args.collection}.{fmt}", args.collection)
                for step, seconds in result.items():
                    times.setdefault((tree, fmt, step), []).append(seconds)
    print(f"{args.collection} of {args.data}, medians of {args.repeat} (s)")
    for tree in trees:
        cells = {k[1:]: statistics.median(v) for k, v in times.items() if k[0] == tree}
        line = "  ".join(f"{fmt} {step} {cells[fmt, step]:.3f}" for fmt, step in sorted(cells))
        ratio = cells["json", "load"] / cells["csv", "load"]
        print(f"{tree:8} {line}  json/csv load {ratio:.2f}x")


if __name__ == "__main__":
    main()
