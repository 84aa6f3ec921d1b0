"""No locale makes a run fail on a character, and reports on stdout are UTF-8.

A Windows runner's redirected stdout is cp1252; ``PYTHONIOENCODING`` may say anything.
What goes to a pipe or a file is the bytes ``--output`` writes; a terminal keeps its own
encoding with backslash escapes for what it cannot show; so does stderr.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from builders import on_terminal

ROOT = Path(__file__).resolve().parent.parent
MILJOLOFTET = ROOT / "fixtures" / "miljoloftet"
ENCODINGS = ["cp1252", "latin-1", "ascii", "utf-16"]


def run(args: list[str], encoding: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "SECRETARIAT_RULES_LANG": "nb"}
    return subprocess.run(
        [sys.executable, "-m", "secretariat_rules", *args],
        env=env, capture_output=True, timeout=120, check=False, **kwargs,  # type: ignore[arg-type]
    )  # fmt: skip


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_report_on_stdout_is_the_bytes_output_writes(encoding: str, tmp_path: Path) -> None:
    written = tmp_path / "report.json"
    to_file = run(["check", str(MILJOLOFTET), "-f", "json", "-o", str(written)], encoding)
    to_stdout = run(["check", str(MILJOLOFTET), "-f", "json"], encoding)
    assert (to_file.returncode, to_stdout.returncode) == (1, 1)
    assert to_stdout.stdout == written.read_bytes()
    assert "verten vegvesen.no hører til".encode() in to_stdout.stdout


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_text_on_a_pipe_is_utf8_whatever_the_locale(encoding: str) -> None:
    explained = run(["explain", "SEK008"], encoding)
    assert explained.returncode == 0, explained.stderr
    assert "SEK008 equal-information-access — Partene får lik tilgang".encode() in explained.stdout
    checked = run(["check", str(MILJOLOFTET)], encoding)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr.decode("utf-8", "replace")
    checked.stdout.decode("utf-8")  # strict: the text report is UTF-8 too


def test_stderr_escapes_what_its_encoding_cannot_show(tmp_path: Path) -> None:
    odd = tmp_path / "Łódź→data"
    odd.mkdir()
    done = run(["check", str(odd)], "latin-1")
    assert done.returncode == 2
    assert b"\\u0141\xf3d\\u017a\\u2192data" in done.stderr  # latin-1 has the \xf3 (ó)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_terminal_keeps_its_encoding_with_escapes() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "latin-1", "SECRETARIAT_RULES_LANG": "nb"}
    code, shown = on_terminal([sys.executable, "-m", "secretariat_rules", "explain", "SEK008"], env)
    assert code == 0
    assert "SEK008 equal-information-access \\u2014 Partene får".encode("latin-1") in shown
