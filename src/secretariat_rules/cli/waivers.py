"""``waivers``: every waiver of a data repository with its status, judged by a check of it."""

from __future__ import annotations

from pathlib import Path

import click

from ..api import check_dataset, load_dataset, repository_waivers, resolve_ruleset
from ..check_defaults import repository_defaults, selection
from ..engine.waivers import waiver_listing
from ..exit_codes import ExitCode
from ..reporters.waiver_list import FORMATS, RENDERERS
from ..safe_files import check_regular_file
from . import options as opt
from .app import main, registry_of
from .errors import handle_errors
from .help import option
from .output import emit


@main.command("waivers", help="help.waivers", epilog="help.waivers.epilog")
@click.argument("data_dir", required=False, default=".", type=click.Path(path_type=Path))
@option("--waivers", type=click.Path(dir_okay=False, path_type=Path), help="help.option.waivers")
@opt.as_of_option("help.option.as_of.waivers")
@option(
    "--expiring-within",
    type=click.IntRange(min=0),
    default=30,
    show_default=True,
    metavar="DAYS",
    help="help.option.expiring_within",
)
@opt.format_option("help.option.format.waivers", FORMATS)
@opt.output_option("help.option.output.waivers")
@opt.lang_option("help.option.lang.waivers")
@option("--strict", is_flag=True, help="help.option.strict.waivers")
@click.pass_context
@handle_errors
def waivers_command(
    ctx: click.Context,
    data_dir: Path,
    waivers: Path | None,
    as_of: str | None,
    expiring_within: int,
    fmt: str,
    output: Path | None,
    lang: str,
    strict: bool,
) -> ExitCode:
    """List every waiver (``--waivers FILE``, else the repository's ``waivers.yaml``) with
    its statuses as of ``--as-of`` (else the manifest's, else today, as ``check``): the
    command checks DATA with its ruleset and the manifest's selection to find the
    findings each waiver waives and the unused ones.

    Exit codes: 0; 1 with ``--strict`` when a waiver is expired or unused; 2 a usage or
    configuration error.
    """
    registry = registry_of(ctx)
    reference = opt.parse_date(as_of, "--as-of") if as_of else None
    if waivers is not None:
        check_regular_file(waivers, "--waivers")
    defaults = repository_defaults(data_dir, registry).defaults
    select, ignore = selection((), (), defaults)
    dataset = load_dataset(data_dir, registry=registry)
    ruleset = resolve_ruleset(None, dataset, registry)
    result = check_dataset(
        dataset, ruleset, as_of=reference, lang=lang, select=select, ignore=ignore, waivers=waivers
    )
    listing = waiver_listing(result, repository_waivers(dataset, waivers), expiring_within)
    emit(RENDERERS[fmt](listing, lang), output)
    failing = strict and any(entry.is_problem for entry in listing.entries)
    return ExitCode.FINDINGS if failing else ExitCode.OK
