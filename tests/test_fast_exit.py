"""The console script ends the process without the interpreter's teardown (issue 13), and
still does what a normal exit does that anyone could see: the exit status, threads that
are not daemons awaited, ``atexit`` callbacks run, every byte of stdout flushed."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from secretariat_rules.cli import fast_exit
from secretariat_rules.exit_codes import ExitCode

ROOT = Path(__file__).resolve().parent.parent
MILJOLOFTET = ROOT / "fixtures" / "miljoloftet"

PLUGIN = '''
"""A plugin that leaves work for the end of the process."""
import atexit, os, pathlib, threading, time

OUT = pathlib.Path(os.environ["FAST_EXIT_OUT"])

atexit.register(lambda: (OUT / "atexit").write_text("ran", encoding="utf-8"))


def _late():
    time.sleep(0.3)
    (OUT / "thread").write_text("done", encoding="utf-8")


threading.Thread(target=_late).start()  # not a daemon: the process waits for it
'''


def console(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -m secretariat_rules ARGS`` (the console script's own path)."""
    command = [sys.executable, "-m", "secretariat_rules", *map(str, args)]
    return subprocess.run(command, capture_output=True, check=False, env=env, cwd=ROOT)


@pytest.mark.parametrize(
    ("code", "status", "printed"),
    [(None, 0, ""), (0, 0, ""), (1, 1, ""), (141, 141, ""), (True, 1, ""), ("bad", 1, "bad\n")],
)
def test_exit_status_is_pythons(
    code: object, status: int, printed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert fast_exit.exit_status(code) == status
    assert capsys.readouterr().err == printed


class _Broken(io.StringIO):
    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    def flush(self) -> None:
        raise self.error


@pytest.mark.parametrize(
    ("error", "status"),
    [(BrokenPipeError(32, "Broken pipe"), ExitCode.BROKEN_PIPE), (OSError(28, "full"), 120)],
)
def test_a_failed_final_flush_changes_the_status(
    monkeypatch: pytest.MonkeyPatch, error: OSError, status: int
) -> None:
    monkeypatch.setattr(sys, "stdout", _Broken(error))
    assert fast_exit._flushed(0) == status


def test_a_flushed_stream_keeps_the_status(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setattr(sys, "stderr", None)  # pythonw: no stream at all
    assert fast_exit._flushed(1) == 1


def test_threads_and_atexit_callbacks_still_run(tmp_path: Path) -> None:
    (tmp_path / "late_plugin.py").write_text(PLUGIN, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]),
        FAST_EXIT_OUT=str(out),
    )
    done = console("-p", "late_plugin", "check", MILJOLOFTET, "-q", env=env)
    assert done.returncode == ExitCode.FINDINGS, done.stderr
    assert (out / "atexit").read_text(encoding="utf-8") == "ran"
    assert (out / "thread").read_text(encoding="utf-8") == "done"


def test_every_byte_of_a_long_report_on_stdout(tmp_path: Path) -> None:
    """A report far longer than a pipe's buffer reaches the reader whole."""
    data = tmp_path / "data"
    generate = [sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(data)]
    subprocess.run([*generate, "--distributions", "20000", "--quiet"], check=True)
    report = tmp_path / "report.json"
    written = console("check", data, "-f", "json", "-o", report)
    piped = console("check", data, "-f", "json")
    assert (written.returncode, piped.returncode) == (ExitCode.FINDINGS, ExitCode.FINDINGS)
    assert len(piped.stdout) > 65_536
    assert piped.stdout == report.read_bytes()
    assert json.loads(piped.stdout)["findings"]


@pytest.mark.parametrize(
    ("args", "status"),
    [(("--version",), ExitCode.OK), (("check", "no-such-dir"), ExitCode.CONFIG_ERROR)],
)
def test_the_status_is_the_commands(args: tuple[str, ...], status: int) -> None:
    done = console(*args)
    assert done.returncode == status, done.stderr
