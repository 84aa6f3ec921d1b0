"""``check`` and ``validate``: run a ruleset (or the DAT rules) on data repositories."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import click

from ..api import check as run_check
from ..api import load_baseline
from ..check_defaults import report_targets, repository_defaults, selection, selection_error
from ..exceptions import UsageError
from ..exit_codes import ExitCode
from ..findings import Result, Severity
from ..i18n.message import chosen_lang, msg
from ..reporters.base import (
    ReportOptions,
    render_report,
    repository_path,
)
from ..reporters.json import result_to_dict
from ..reporters.summary import summary_line
from ..safe_files import check_regular_file
from .app import main, registry_of
from .errors import handle_errors
from .help import F, option
from .history import history_option, keep_and_trend
from .options import (
    COLOR_OPTION,
    SCHEMA_CHECK_OPTION,
    as_of_option,
    check_format,
    check_ruleset_path,
    fail_on_option,
    format_option,
    lang_option,
    output_option,
    parse_date,
    parse_period,
    parse_reports,
    period_option,
    reports_option,
    split_ids,
)
from .output import echo, echo_report, refuse_binary_terminal, use_color, write_atomic


def run_options(func: F) -> F:
    """Options shared by ``check`` and ``validate``."""
    options = [
        option("--ruleset", help="help.option.ruleset.run"),
        as_of_option("help.option.as_of"),
        period_option("help.option.period"),
        format_option("help.option.format.run"),
        output_option("help.option.output.report"),
        reports_option("help.option.report.run"),
        fail_on_option("help.option.fail_on.run", None),
        option("--select", multiple=True, metavar="IDS", help="help.option.select"),
        option("--ignore", multiple=True, metavar="IDS", help="help.option.ignore"),
        lang_option("help.option.lang.run", current=False),
        option("-q", "--quiet", is_flag=True, help="help.option.quiet.run"),
        option(
            "--waivers",
            type=click.Path(dir_okay=False, path_type=Path),
            help="help.option.waivers",
        ),
        option(
            "--baseline",
            type=click.Path(dir_okay=False, path_type=Path),
            help="help.option.baseline",
        ),
        COLOR_OPTION,
        SCHEMA_CHECK_OPTION,
        click.argument("data_dirs", nargs=-1, type=click.Path(path_type=Path)),
    ]
    for decorate in reversed(options):
        func = decorate(func)
    return func


@dataclass(frozen=True)
class RunRequest:
    """What ``check`` or ``validate`` was asked: its options as click parsed them."""

    ruleset: str | None
    as_of: str | None
    period: str | None
    fmt: str
    output: Path | None
    reports: tuple[str, ...]
    fail_on: str | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    lang: str | None
    quiet: bool
    waivers: Path | None
    baseline: Path | None
    color: bool | None
    schema_check: bool
    history: Path | None = None


def _run(
    ctx: click.Context,
    data_dirs: tuple[Path, ...],
    asked: RunRequest,
    *,
    inventory: bool = False,
) -> ExitCode:
    registry = registry_of(ctx)
    data_dirs = data_dirs or (Path("."),)
    check_format(asked.fmt, registry)
    if not asked.quiet:
        refuse_binary_terminal(registry.reporters[asked.fmt], asked.output, sys.stdout)
    extra_reports = parse_reports(asked.reports, registry)
    if asked.history is not None and len(data_dirs) != 1:
        raise UsageError(msg("trend.error.one_repository", count=len(data_dirs)))
    reference = parse_date(asked.as_of, "--as-of") if asked.as_of else None
    chosen_period = parse_period(asked.period) if asked.period else None
    check_ruleset_path(asked.ruleset)
    if asked.waivers is not None:
        check_regular_file(asked.waivers, "--waivers")
    known = load_baseline(asked.baseline) if asked.baseline else None
    found = [repository_defaults(data_dir, registry) for data_dir in data_dirs]
    lang = asked.lang or chosen_lang()
    if lang is None and found[0].defaults.lang:
        ctx.find_root().obj["ui_lang"] = found[0].defaults.lang  # errors from here on too
    lang = lang or found[0].defaults.lang or "nb"
    own_reports = [
        [] if asked.reports or inventory else report_targets(d, f, registry.reporters)
        for d, f in zip(data_dirs, found, strict=True)
    ]
    check_one = partial(  # what every repository of the run shares
        run_check,
        ruleset=asked.ruleset,
        as_of=reference,
        period=chosen_period,
        lang=lang,
        registry=registry,
        waivers=asked.waivers,
        baseline=known,
        schema_check=asked.schema_check,
    )
    results: list[Result] = []
    for data_dir, defaults in zip(data_dirs, found, strict=True):
        chosen_fail_on = asked.fail_on or defaults.defaults.fail_on or "error"
        chosen_select, chosen_ignore = selection(
            split_ids(asked.select), split_ids(asked.ignore), defaults.defaults
        )
        if inventory:  # validate: the DAT rules, whatever the manifest selects
            chosen_select, chosen_ignore = split_ids(asked.select), split_ids(asked.ignore)
        threshold = None if chosen_fail_on == "never" else Severity.parse(chosen_fail_on)
        try:
            result = check_one(
                data_dir, fail_on=threshold, select=chosen_select, ignore=chosen_ignore
            )
        except UsageError as exc:
            from_manifest = not (asked.select or asked.ignore or inventory)
            raise (selection_error(exc, data_dir, defaults) if from_manifest else exc) from None
        results.append(result)
    for result, targets in zip(results, own_reports, strict=True):
        for own_fmt, path in targets:
            own = render_report(registry.reporters[own_fmt], [result], ReportOptions(lang))
            write_atomic(path, own)
    stream = sys.stdout
    main_options = ReportOptions(
        lang=lang,
        color=use_color(asked.color, stream) if asked.output is None else False,
        inventory=inventory,
    )
    if asked.output is not None or not asked.quiet:
        text = render_report(registry.reporters[asked.fmt], results, main_options)
        if asked.output is not None:
            write_atomic(asked.output, text)
        else:
            echo_report(text, color=main_options.color)
    if asked.quiet:  # one line per repository, whatever --format
        for result in results:
            line = f"{repository_path(result.data_dir)}: {summary_line(result, lang)}"
            echo(line)
    for extra_fmt, path in extra_reports:
        extra_options = ReportOptions(lang=lang, inventory=inventory)
        write_atomic(path, render_report(registry.reporters[extra_fmt], results, extra_options))
    if asked.history is not None:
        shown = keep_and_trend(asked.history, result_to_dict(results[0]), lang)
        if asked.fmt == "text" and asked.output is None and not asked.quiet:
            echo("\n" + shown, nl=False)
    return ExitCode.FINDINGS if any(r.failing for r in results) else ExitCode.OK


@main.command(help="help.check", epilog="help.check.epilog")
@run_options
@history_option("help.option.history.check")
@click.pass_context
@handle_errors
def check(ctx: click.Context, data_dirs: tuple[Path, ...], **options: Any) -> ExitCode:
    """Run a ruleset on one or more data repositories (default: the current directory)."""
    return _run(ctx, data_dirs, RunRequest(**options))


@main.command(help="help.validate")
@run_options
@click.pass_context
@handle_errors
def validate(ctx: click.Context, data_dirs: tuple[Path, ...], **options: Any) -> ExitCode:
    """Check data integrity only (the DAT rules), and show what each source read."""
    options["select"] = ("DAT",)
    options["ignore"] = ()
    return _run(ctx, data_dirs, RunRequest(**options), inventory=True)
