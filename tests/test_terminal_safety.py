"""No character from the data controls the terminal that shows a report or an error.

A data repository is written by whoever can push to it: a file name holding ESC ``[2J``
would clear the reader's screen, a line feed would forge a finding's line, a
bidirectional override would reorder what is shown.
"""

from __future__ import annotations

from collections.abc import Callable

import click
import pytest

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
    assert terminal_line("plain æøå – text\tend") == "plain æøå – text\\tend"
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
