"""SIGTERM (a cancelled CI job) stops a run like Ctrl-C: no temporary file left, exit 143."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from secretariat_rules.cli.app import stopping_on_sigterm
from secretariat_rules.exceptions import Terminated
from secretariat_rules.exit_codes import ExitCode, exit_code_for

ROOT = Path(__file__).resolve().parent.parent
MILJOLOFTET = ROOT / "fixtures" / "miljoloftet"

SLOW_WRITE = """
import sys, time
from secretariat_rules.cli import output
from secretariat_rules.cli.fast_exit import console_main

encoded = output._encoded

def slow(text):
    sys.stderr.write("writing\\n"); sys.stderr.flush()
    time.sleep(60)  # SIGTERM arrives here, the temporary file open beside the report
    return encoded(text)

output._encoded = slow
sys.argv = ["secretariat-rules", *sys.argv[1:]]
console_main()
"""


def test_the_handler_raises_terminated_and_is_put_back() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Terminated), stopping_on_sigterm():
        os.kill(os.getpid(), signal.SIGTERM)  # the handler runs before the next line
    assert signal.getsignal(signal.SIGTERM) is before
    assert exit_code_for(Terminated()) is ExitCode.TERMINATED == 143


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_while_writing_a_report_leaves_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "reports" / "report.json"
    env = {**os.environ, "SECRETARIAT_RULES_LANG": "en"}
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITE, "check", str(MILJOLOFTET), "-f", "json", "-o", str(out)],
        stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert child.stderr is not None
    assert child.stderr.readline() == b"writing\n"
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=60) == 143
    assert child.stderr.read().decode().strip() == "secretariat-rules: stopped (SIGTERM)"
    assert sorted(p.name for p in out.parent.iterdir()) == []  # nor the report, nor its tmp
