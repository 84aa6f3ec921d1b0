"""``audit``: every region against the national baseline and its own ruleset."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..audit import DEFAULT_JOBS, RegionAudit, audit_exit_code, run_audit
from ..crashes import DEBUG_ENV
from ..exceptions import UsageError
from ..exit_codes import ExitCode
from ..findings import Severity
from ..i18n.message import msg
from ..plugins import Registry
from ..reporters.base import (
    AuditReporter,
    ReportOptions,
    audit_renderer,
    render_audit_report,
    repository_path,
)
from ..reporters.json import audit_to_dict
from . import options as opt
from .app import main, registry_of
from .errors import debug_requested, handle_errors, tell
from .help import option, tr
from .history import history_option, keep_and_trend
from .output import echo, echo_report, refuse_binary_terminal, use_color, write_atomic


def audit_reporter(fmt: str, registry: Registry) -> AuditReporter:
    """The reporter of ``fmt`` if it can render an audit (``render_audit``), else exit 2."""
    opt.check_format(fmt, registry)
    reporter = audit_renderer(registry.reporters[fmt])
    if reporter is None:
        able = ", ".join(n for n, r in sorted(registry.reporters.items()) if audit_renderer(r))
        raise UsageError(msg("cli.audit.format_unable", format=repr(fmt), able=able))
    return reporter


@main.command("audit", help="help.audit", epilog="help.audit.epilog")
@click.argument("data_dirs", nargs=-1, required=True, type=click.Path(path_type=Path))
@opt.format_option("help.option.format.audit")
@opt.output_option("help.option.output.report")
@opt.reports_option("help.option.report.audit")
@opt.as_of_option("help.option.as_of.audit")
@opt.period_option("help.option.period.audit")
@opt.lang_option("help.option.lang.audit")
@option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=DEFAULT_JOBS,
    show_default=True,
    help="help.option.jobs",
)
@option("-q", "--quiet", is_flag=True, help="help.option.quiet.audit")
@opt.fail_on_option("help.option.fail_on.audit", "error")
@opt.COLOR_OPTION
@opt.SCHEMA_CHECK_OPTION
@history_option("help.option.history.audit")
@click.pass_context
@handle_errors
def audit_command(
    ctx: click.Context,
    data_dirs: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    reports: tuple[str, ...],
    as_of: str | None,
    period: str | None,
    lang: str,
    jobs: int,
    quiet: bool,
    fail_on: str,
    color: bool | None,
    schema_check: bool,
    history: Path | None,
) -> ExitCode:
    """Audit every region: each data repository against the national baseline and
    against its own ruleset, as a region × rule matrix with compliance per rule and per
    region, and the tailoring register (how each region's ruleset deviates).

    \b
    secretariat-rules audit fixtures/* --format html --output audit.html
    secretariat-rules audit DATA... --report junit=audit.xml --report json=audit.json

    A region that cannot be audited is reported as broken (invalid manifest, ruleset or
    waivers) or crashed (an internal error, a bug), and the others still run. On a
    terminal, progress goes to stderr as each region finishes (not with --quiet, nor
    when stderr is piped).

    \b
    Exit codes (:func:`~secretariat_rules.audit.audit_exit_code`): 0 no region has
    findings at or above --fail-on against its own ruleset; 1 some region has; 2 a usage
    error, or some region is broken (a configuration error in it); 3 some region crashed
    (an internal error), which outranks 2 (reports are still written for 2 and 3).
    """
    registry = registry_of(ctx)
    main_reporter = audit_reporter(fmt, registry)
    refuse_binary_terminal(main_reporter, output, sys.stdout)
    extra = [
        (path, audit_reporter(f, registry)) for f, path in opt.parse_reports(reports, registry)
    ]
    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    reference_date = opt.parse_date(as_of, "--as-of") if as_of else None
    chosen_period = opt.parse_period(period) if period else None
    missing = [str(d) for d in data_dirs if not d.exists()]
    if missing:
        raise UsageError(msg("cli.audit.no_dir", dirs=", ".join(missing)))
    show_progress = not quiet and bool(getattr(sys.stderr, "isatty", lambda: False)())

    def progress(done: int, total: int, region: RegionAudit) -> None:
        state = tr("audit.progress.done" if region.ok else f"audit.status.{region.status}")
        where = repository_path(region.data_dir)
        line = tr(
            "cli.audit.progress", done=done, total=total, region=region.id, where=where, state=state
        )
        tell(line)

    audit = run_audit(
        data_dirs,
        as_of=reference_date,
        period=chosen_period,
        lang=lang,
        fail_on=threshold,
        jobs=jobs,
        plugins=ctx.obj["plugins"],
        load_entry_points=ctx.obj["autoload"],
        registry=registry,
        progress=progress if show_progress else None,
        schema_check=schema_check,
    )
    debug = debug_requested()
    for region in audit.unassessed:
        tell(tr("cli.error", message=f"{region.data_dir}: {region.message}"))
        if region.crashed and region.traceback and debug:
            tell(region.traceback.rstrip("\n"))
    if audit.crashed:
        tell(str(msg("cli.audit.crashed", count=len(audit.crashed), env=DEBUG_ENV)))
    colored = use_color(color, sys.stdout) if output is None else False
    options = ReportOptions(lang=lang, color=colored)
    text = render_audit_report(main_reporter, audit, options)
    if output is None:
        echo_report(text, color=options.color)
    else:
        write_atomic(output, text)
    for path, reporter in extra:
        write_atomic(path, render_audit_report(reporter, audit, ReportOptions(lang=lang)))
    if history is not None:
        shown = keep_and_trend(history, audit_to_dict(audit), lang)
        if fmt == "text" and output is None and not quiet:
            echo("\n" + shown, nl=False)
    return audit_exit_code(audit)
