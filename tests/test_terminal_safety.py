"""No character from the data controls the terminal that shows a report or an error.

A data repository is written by whoever can push to it: a file name holding ESC ``[2J``
would clear the reader's screen, a line feed would forge a finding's line, a
bidirectional override would reorder what is shown.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import click
import pytest

from builders import check_doc, on_terminal
from secretariat_rules.reporters.terminal import terminal_line, terminal_text
from secretariat_rules.testing import Repo, run_cli

RepoFactory = Callable[..., Repo]

FORGED = "evil\x1b[2J\nFAKE  error  SEK999 forged\u202e.csv"
"""A file name that clears the screen, forges a line and reverses what follows."""
SHOWN = "evil\\x1b[2J\\nFAKE  error  SEK999 forged\\u202e.csv"


def test_controls_line_feeds_overrides_and_surrogates_are_written_escaped() -> None:
    assert terminal_line("a\x1b]8;;http://x\x07b\x00\x7f\x9b\u2066\ud800") == (
        "a\\x1b]8;;http://x\\x07b\\x00\\x7f\\x9b\\u2066\\ud800"
    )
    assert terminal_line("plain æøå – text\tend") == "plain æøå – text\tend"  # a tab stays
    red = click.style("error", fg="red")
    assert terminal_line(red, colour=True) == red  # the reporter's own colours stay
    assert terminal_line(red) == red.replace("\x1b", "\\x1b")  # without colour, escaped
    assert terminal_text("one\ntwo\x1b[2J") == "one\ntwo\\x1b[2J"


@pytest.mark.usefixtures("english")
def test_a_file_name_cannot_control_the_text_report(secretariat_repo: RepoFactory) -> None:
    repo = secretariat_repo(files={FORGED: "x"})
    run = run_cli("check", repo.path)
    assert "\x1b" not in run.output and "\u202e" not in run.output
    lines = run.output.splitlines()
    assert f"  warning  DAT005 unknown-field  files/{SHOWN}" in lines
    assert not any(line.startswith("FAKE") for line in lines)  # no forged line
    coloured = run_cli("check", repo.path, "--color")
    assert "\x1b[2J" not in coloured.output and SHOWN in coloured.output
    assert click.style("DAT005", bold=True) in coloured.output  # colours kept


@pytest.mark.usefixtures("english")
def test_an_error_quoting_the_data_cannot_control_the_terminal(
    secretariat_repo: RepoFactory,
) -> None:
    repo = secretariat_repo()
    manifest = repo.path / "secretariat.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8") + '"unknown_key\\e[2J": x\n',  # YAML's \e: ESC
        encoding="utf-8",
    )
    run = run_cli("check", repo.path)
    assert run.exit_code == 2
    assert "\x1b" not in run.stderr and "unknown_key\\x1b[2J" in run.stderr


@pytest.mark.usefixtures("english")
def test_a_waiver_cannot_control_the_listing(
    secretariat_repo: RepoFactory,
) -> None:
    """``waivers`` shows what the waivers file says, escaped (its reason a line)."""
    waivers = (
        "- rule: SEK025\n"
        '  subject: "documents/*"\n'
        '  reason: "ok\\e[2J\\nFAKE line"\n'
        '  approved_by: "AU 12/24\\e]0;pwned\\a"\n'
        "  expires: 2030-01-01\n"
    )
    repo = secretariat_repo(files={"waivers.yaml": waivers})
    listing = run_cli("waivers", repo.path)
    assert listing.exit_code == 0, listing.stderr
    assert "\x1b" not in listing.output and "\x07" not in listing.output
    assert "  Reason: ok\\x1b[2J\\nFAKE line" in listing.output.splitlines()
    assert "  Approved by: AU 12/24\\x1b]0;pwned\\x07" in listing.output.splitlines()


@pytest.mark.usefixtures("english")
def test_a_report_cannot_control_the_diff(tmp_path: Path) -> None:
    """``diff``'s text shows two reports' findings: their messages are the data's."""
    finding = {
        "rule": "SEK001",
        "severity": "error",
        "subject": {"collection": "documents", "id": "D1"},
        "message": "m\x1b[2J\nFAKE  error  forged",
        "fingerprint": "f1",
        "waived": False,
    }

    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(check_doc([])), encoding="utf-8")
    new.write_text(json.dumps(check_doc([finding])), encoding="utf-8")
    run = run_cli("diff", old, new)
    assert run.exit_code == 1
    assert "\x1b" not in run.output
    assert not any(line.startswith("FAKE") for line in run.output.splitlines())
    assert "m\\x1b[2J\\nFAKE  error  forged" in run.output


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_report_read_on_a_terminal_cannot_control_it(secretariat_repo: RepoFactory) -> None:
    """Markdown (or HTML) printed to a terminal quotes the data as it is: there, its
    controls are escaped; to a pipe the report is the bytes ``--output`` writes."""
    import subprocess

    repo = secretariat_repo(files={FORGED: "x"})
    written = repo.path.parent / "report.md"
    assert run_cli("check", repo.path, "-f", "markdown", "-o", written).exit_code == 1
    command = [sys.executable, "-m", "secretariat_rules", "check", str(repo.path), "-f", "markdown"]
    piped = subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert piped.stdout == written.read_bytes() and b"\x1b[2J" in piped.stdout
    code, shown = on_terminal(command)
    assert code == 1
    assert b"\x1b[2J" not in shown and b"evil\\x1b[2J" in shown
