"""The hostile-input suite (issue 8): every case of :mod:`hostile.cases` through the CLI.

Each case copies a clean fixture repository, alters it, runs ``check --format json`` and
asserts: the exit code; no traceback (in-process: no exception escapes the CLI); the
expected ``(rule, subject)`` findings; that every finding on a collection the case does
not touch is exactly the clean repository's; the time bound (10 s) and, for the cases
run in a subprocess (bombs, FIFOs, huge inputs), the RSS bound (500 MB, 1 GB for xlsx).
Security cases write every report format and assert that no byte of a planted sentinel
appears in any of them, nor on stdout or stderr.
"""

from __future__ import annotations

import contextlib
import fnmatch
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import secretariat_rules.cli.app
from hostile.cases import BASES, SENTINEL, Ctx, HostileCase, Outcome, all_cases
from secretariat_rules.cli import main
from secretariat_rules.plugins import Registry, load_registry

TIME_LIMIT_S = 10.0
"""Every hostile input is answered within this (issue 8)."""
HARD_KILL_S = 15.0
"""A run still going after this is killed (in-process: interrupted) and fails."""
AS_OF = "2025-06-30"
REPORT_FORMATS = {
    "text": "r.txt",
    "junit": "r.xml",
    "sarif": "r.sarif",
    "markdown": "r.md",
    "html": "r.html",
    "github": "r.github",
}
CASES = all_cases()
PEAK_PROPERTY = "hostile_peak"
"""User property of each case's report: (case id, seconds, RSS in MB or None, pending);
``conftest.py`` prints the slowest case and the peak RSS at the end of the session (also
from pytest-xdist workers), for the issue's closing note."""

Finding = tuple[str, str, tuple[str, ...]]


def _triples(report: Any) -> set[Finding]:
    if isinstance(report, list):
        report = report[0]
    return {
        (
            f["rule"],
            f"{f['subject']['collection']}/{f['subject']['id']}",
            tuple(f"{loc['path']}:{loc['line']}" for loc in f["locations"]),
        )
        for f in report["findings"]
    }


# --------------------------------------------------------------------------- running


@pytest.fixture(scope="module", autouse=True)
def registry_once() -> Iterator[None]:
    """In-process runs share one plugin registry per set of ``-p`` modules and autoload
    flag (no case passes plugins or touches the environment's packages): loading the
    entry points' metadata was half of a clean run's time. Subprocess cases load their own."""
    loaded: dict[tuple[tuple[str, ...], bool], Registry] = {}

    def load_once(extra: Sequence[str] = (), *, load_entry_points: bool = True) -> Registry:
        key = (tuple(extra), load_entry_points)
        if key not in loaded:
            loaded[key] = load_registry(extra, load_entry_points=load_entry_points)
        return loaded[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(secretariat_rules.cli.app, "load_registry", load_once)
        yield


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def interrupt(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_in_process(argv: list[str], env: dict[str, str], workdir: Path | None = None) -> Outcome:
    runner = CliRunner(env=env)
    start = time.perf_counter()
    try:
        with _alarm(HARD_KILL_S):
            result = runner.invoke(main, argv, catch_exceptions=True)
    except TimeoutError as exc:
        return Outcome(-1, "", "", time.perf_counter() - start, crashed=str(exc))
    seconds = time.perf_counter() - start
    crashed = None
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        crashed = f"{type(result.exception).__name__}: {result.exception}"
    return Outcome(result.exit_code, result.stdout, result.stderr, seconds, crashed=crashed)


_LAUNCHER = """
import atexit, os, sys

def _peak():
    # VmHWM is this process image's own peak RSS (ru_maxrss would include the forked
    # copy of the test process before exec).
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                with open(os.environ["HOSTILE_RSS_FILE"], "w") as out:
                    out.write(line.split()[1])

atexit.register(_peak)
from secretariat_rules.cli import main
main(prog_name="secretariat-rules")
"""


def _vm_hwm_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def run_subprocess(argv: list[str], env: dict[str, str], workdir: Path) -> Outcome:
    """Run the CLI in a child, measuring its peak RSS and killing it after HARD_KILL_S."""
    out, err, rss_file = workdir / "stdout", workdir / "stderr", workdir / "rss"
    full_env = {**os.environ, **env, "HOSTILE_RSS_FILE": str(rss_file)}
    start = time.perf_counter()
    peak_kb = 0
    with out.open("wb") as o, err.open("wb") as e:
        proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, *argv],
            stdout=o,
            stderr=e,
            stdin=subprocess.DEVNULL,
            env=full_env,
        )
        killed = False
        while True:
            pid, status = os.waitpid(proc.pid, os.WNOHANG)
            if pid:
                break
            peak_kb = max(peak_kb, _vm_hwm_kb(proc.pid) or 0)
            if time.perf_counter() - start > HARD_KILL_S and not killed:
                proc.kill()
                killed = True
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if rss_file.exists() and rss_file.read_text().strip():
        peak_kb = max(peak_kb, int(rss_file.read_text()))
    return Outcome(
        proc.returncode,
        out.read_text(encoding="utf-8", errors="replace"),
        err.read_text(encoding="utf-8", errors="replace"),
        seconds,
        rss_mb=peak_kb / 1024,
        crashed=f"killed after {HARD_KILL_S:.0f} s" if killed else None,
    )


def prepare(case: HostileCase, tmp_path: Path) -> tuple[Ctx, Path, list[str]]:
    repo = tmp_path / "repo"
    outside = tmp_path / "outside"
    out = tmp_path / "out"
    shutil.copytree(BASES[case.base], repo, symlinks=True)
    outside.mkdir()
    out.mkdir()
    ctx = Ctx(repo, outside)
    case.mutate(ctx)
    args = [a.format(repo=repo, outside=outside, out=out) for a in case.args]
    argv = ["check"]
    if not any(a == str(outside / "no-such-repo") or a == str(outside / "file.txt") for a in args):
        argv.append(str(repo))
    argv += ["--format", "json", "--as-of", AS_OF]
    if "--output" not in args:
        argv += ["--output", str(out / "report.json")]
    if case.security:
        for fmt, name in REPORT_FORMATS.items():
            argv += ["--report", f"{fmt}={out / name}"]
    return ctx, out, argv + args


def run_case(
    case: HostileCase,
    tmp_path: Path,
    record_property: Callable[[str, object], None] | None = None,
) -> tuple[Outcome, Path]:
    ctx, out, argv = prepare(case, tmp_path)
    env = dict(case.env)
    run = run_subprocess if case.isolated else run_in_process
    outcome = run(argv, env, tmp_path)
    for path in sorted(out.rglob("*")):
        if path.is_file():
            outcome.outputs[path.name] = path.read_bytes()
    if record_property is not None:
        record_property(PEAK_PROPERTY, (case.id, outcome.seconds, outcome.rss_mb, case.pending))
    return outcome, ctx.repo


# --------------------------------------------------------------------------- the clean runs


@pytest.fixture(scope="session")
def clean_findings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[Finding]]:
    """Findings of each base repository, unaltered (copied, as the cases are)."""
    found: dict[str, set[Finding]] = {}
    for base, source in BASES.items():
        root = tmp_path_factory.mktemp(f"clean-{base}")
        repo = root / "repo"
        shutil.copytree(source, repo, symlinks=True)
        report = root / "report.json"
        outcome = run_in_process(
            ["check", str(repo), "--format", "json", "--as-of", AS_OF, "--output", str(report)],
            {},
        )
        assert outcome.exit_code == 1 and outcome.crashed is None, outcome.stderr
        found[base] = _triples(json.loads(report.read_text(encoding="utf-8")))
    return found


def _params() -> list[Any]:
    params = []
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case.pending)] if case.pending else []
        params.append(pytest.param(case, id=case.id, marks=marks))
    return params


def _subject_matches(pattern: str, subject: str) -> bool:
    """``files/NAME.EXT`` also matches ``files/NAME`` (the collection), as reported today."""
    if pattern.endswith("*"):
        return fnmatch.fnmatchcase(subject, pattern)
    if pattern.startswith("files/") and subject == pattern.rsplit(".", 1)[0]:
        return True
    return pattern == subject


@pytest.mark.parametrize("case", _params())
def test_hostile_input(
    case: HostileCase,
    tmp_path: Path,
    clean_findings: dict[str, set[Finding]],
    record_property: Callable[[str, object], None],
) -> None:
    outcome, _repo = run_case(case, tmp_path, record_property)
    streams = outcome.stdout + outcome.stderr
    assert outcome.crashed is None, f"crashed: {outcome.crashed}\n{outcome.stderr[-2000:]}"
    assert "Traceback" not in streams, outcome.stderr[-2000:]
    assert outcome.exit_code == case.exit_code, (outcome.exit_code, outcome.stderr[-2000:])
    assert outcome.seconds < TIME_LIMIT_S, f"took {outcome.seconds:.1f} s"
    if outcome.rss_mb is not None:
        assert outcome.rss_mb < case.memory_mb, f"peak RSS {outcome.rss_mb:.0f} MB"
    for text in case.stderr_contains:
        assert text in outcome.stderr, outcome.stderr
    if case.exit_code == 2:
        assert outcome.stderr.strip(), "a configuration error says what is wrong"
        assert len(outcome.stderr) < 4000, "one clear message, not a dump"
    everything = [streams.encode(), *outcome.outputs.values()]
    for secret in (SENTINEL, *case.forbidden):
        for blob in everything:
            assert secret.encode() not in blob, f"{secret!r} leaked into an output"
    assert not (tmp_path / "outside" / "PWNED").exists() and not Path("PWNED").exists()
    if case.exit_code == 2:
        assert "report.json" not in outcome.outputs, "a failed run writes no report"
        return
    report = json.loads(outcome.outputs["report.json"])
    got = _triples(report)
    pairs = {(rule, subject) for rule, subject, _ in got}
    for rule, pattern in case.findings:
        assert any(r == rule and _subject_matches(pattern, s) for r, s in pairs), (
            f"missing {rule} {pattern}; got {sorted(p for p in pairs if p[0].startswith('DAT'))}"
        )
    for finding in report["findings"] if isinstance(report, dict) else report[0]["findings"]:
        assert len(finding["message"]) <= 2000, "an echoed value is truncated"

    def untouched(findings: set[Finding]) -> set[Finding]:
        return {
            f
            for f in findings
            if f[1].split("/", 1)[0] not in case.touched
            and not (f[1].startswith("files/") and f[1].split("/", 1)[1] in case.touched)
            and not any(f[0] == r and _subject_matches(p, f[1]) for r, p in case.findings)
        }

    clean = untouched(clean_findings[case.base])
    assert untouched(got) == clean, (
        f"extra {sorted(untouched(got) - clean)}; missing {sorted(clean - untouched(got))}"
    )
    if case.security:
        assert set(REPORT_FORMATS.values()) <= set(outcome.outputs), "every format was written"


def test_there_are_at_least_150_cases() -> None:
    assert len(CASES) >= 150
    assert {c.category for c in CASES} >= {
        "encodings",
        "csv",
        "values",
        "yaml",
        "json",
        "xlsx",
        "xml",
        "structure",
        "manifest",
        "rulesets",
        "cli",
    }


def test_concurrent_checks_writing_one_report(
    tmp_path: Path, clean_findings: dict[str, set[Finding]]
) -> None:
    """Two checks writing the same --output at once leave one complete report."""
    repo = tmp_path / "repo"
    shutil.copytree(BASES["canonical"], repo, symlinks=True)
    target = tmp_path / "report.json"
    argv = [sys.executable, "-m", "secretariat_rules", "check", str(repo), "--format", "json"]
    argv += ["--as-of", AS_OF, "--output", str(target)]
    for _ in range(2):
        procs = [subprocess.Popen(argv, stderr=subprocess.PIPE) for _ in range(2)]
        codes = []
        for proc in procs:
            _, stderr = proc.communicate(timeout=60)
            assert b"Traceback" not in stderr
            codes.append(proc.returncode)
        assert codes == [1, 1]
        assert (
            _triples(json.loads(target.read_text(encoding="utf-8"))) == clean_findings["canonical"]
        )
        left = {p.name for p in tmp_path.iterdir()}
        assert left == {"repo", "report.json"}, "no temporary file left behind"
