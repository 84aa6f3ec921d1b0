"""``init``: scaffold a data repository for a region."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..exit_codes import ExitCode
from .app import main, registry_of
from .errors import handle_errors
from .help import option, tr
from .options import (
    lang_option,
)
from .output import echo


@main.command("init", help="help.init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@option("--region", required=True, help="help.option.region")
@option("--year", type=int, help="help.option.year")
@option(
    "--ci",
    type=click.Choice(["github", "gitlab", "none"]),
    default="github",
    show_default=True,
    help="help.option.ci",
)
@lang_option("help.option.lang.init")
@click.pass_context
@handle_errors
def init_command(
    ctx: click.Context, directory: Path, region: str, year: int | None, ci: str, lang: str
) -> ExitCode:
    """Scaffold a data repository for a region: manifest, empty collections, an
    attestations template, a README listing the region's party and body ids, CI file."""
    from ..scaffold import scaffold

    this_year = year or dt.date.today().year
    made = scaffold(directory, region, registry_of(ctx), this_year, ci, lang)
    for path in made.files:
        echo(tr("cli.init.created", path=str(path)))
    return ExitCode.OK
