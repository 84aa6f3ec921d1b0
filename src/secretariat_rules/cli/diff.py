"""``diff``: compare two JSON reports of ``check`` or ``audit``."""

from __future__ import annotations

from pathlib import Path

import click

from ..exit_codes import ExitCode
from ..findings import Severity
from ..report_diff import diff_reports, load_report, new_failing
from ..reporters.diff_report import DIFF_FORMATS, render_diff
from . import options as opt
from .app import main
from .errors import handle_errors
from .output import emit


@main.command("diff", help="help.diff")
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@opt.format_option("help.option.format.diff", list(DIFF_FORMATS))
@opt.output_option("help.option.output.diff")
@opt.fail_on_option("help.option.fail_on.diff", "error")
@opt.lang_option("help.option.lang.diff")
@handle_errors
def diff_command(
    old: Path, new: Path, fmt: str, output: Path | None, fail_on: str, lang: str
) -> ExitCode:
    """Findings new, fixed and unchanged between two reports (exit 1: a new finding at
    or above ``--fail-on``, not waived)."""
    document = diff_reports(load_report(old), load_report(new))
    emit(render_diff(document, fmt, lang), output)
    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    return ExitCode.FINDINGS if new_failing(document, threshold) else ExitCode.OK
