"""Check that two trees give byte-identical ``check -f json`` reports on one repository.

Usage::

    python benchmarks/equivalence.py --against DIR [--distributions 100000] [--seed 1]
                                     [--data DIR] [--keep]

Generates a synthetic repository with ``benchmarks/generate.py`` (unless ``--data`` names
one), runs ``python -m secretariat_rules check REPO -f json`` once with this tree
(``PYTHONPATH=src:plugins``) and once with the other one, and compares the two reports
byte for byte: nothing is masked or left out. ``--against DIR`` is the root of another
checkout (its ``src`` and ``plugins`` go on ``PYTHONPATH``; e.g. one made by ``git
worktree add /tmp/before REV``) or a ``PYTHONPATH`` list itself. Prints the result (and,
when they differ, the first differing line); exits 0 when identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pythonpath(tree: Path) -> str:
    """``TREE/src:TREE/plugins`` for a checkout's root, else the given path list itself."""
    if (tree / "src" / "secretariat_rules").is_dir():
        parts = [tree / "src", tree / "plugins"]
        return os.pathsep.join(str(p.resolve()) for p in parts if p.is_dir())
    return os.pathsep.join(str(Path(p).resolve()) for p in str(tree).split(os.pathsep))


def report(path_list: str, repo: Path) -> tuple[bytes, int, float]:
    """The JSON report of ``check`` with ``PYTHONPATH=path_list``, its exit code, seconds."""
    env = dict(os.environ, PYTHONPATH=path_list)
    command = [sys.executable, "-m", "secretariat_rules", "check", str(repo), "-f", "json"]
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1) or not proc.stdout:
        sys.stderr.write(proc.stderr.decode(errors="replace"))
        raise SystemExit(f"check failed with PYTHONPATH={path_list} (exit {proc.returncode})")
    return proc.stdout, proc.returncode, elapsed


def first_difference(ours: bytes, theirs: bytes) -> str:
    for n, (a, b) in enumerate(zip(ours.splitlines(), theirs.splitlines(), strict=False), 1):
        if a != b:
            return f"line {n}:\n  this tree: {a[:300]!r}\n  other:     {b[:300]!r}"
    return f"one report is a prefix of the other ({len(ours)} vs {len(theirs)} bytes)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", metavar="DIR", required=True, type=Path)
    parser.add_argument("--distributions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", metavar="DIR", type=Path, help="an existing repository")
    parser.add_argument("--keep", action="store_true", help="keep the generated repository")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="equivalence-") as tmp:
        repo = args.data
        if repo is None:
            repo = Path(tmp) / "repo"
            if args.keep:
                repo = Path(tempfile.mkdtemp(prefix="equivalence-repo-"))
            command = [sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(repo)]
            command += ["--distributions", str(args.distributions), "--seed", str(args.seed)]
            subprocess.run([*command, "--quiet"], check=True)
            print(f"data: {repo} (--distributions {args.distributions} --seed {args.seed})")
        ours, our_code, our_time = report(pythonpath(ROOT), repo)
        theirs, their_code, their_time = report(pythonpath(args.against), repo)
    for name, data, code, seconds in (
        ("this tree", ours, our_code, our_time),
        (str(args.against), theirs, their_code, their_time),
    ):
        digest = hashlib.sha256(data).hexdigest()[:16]
        print(f"{name}: {len(data)} bytes, sha256 {digest}, exit {code}, {seconds:.1f} s")
    if ours == theirs and our_code == their_code:
        print("identical: the reports are byte for byte the same")
        return 0
    print("DIFFERENT: " + first_difference(ours, theirs))
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
