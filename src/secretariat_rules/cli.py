"""The command line: the only place that turns errors into messages and exit codes.

Exit codes (SPEC §6, :class:`~secretariat_rules.exit_codes.ExitCode`): 0 no finding at or
above ``--fail-on``; 1 such findings; 2 usage or configuration error, with one clear
message and no traceback; 3 an internal error (a bug in secretariat-rules or a plugin):
one line asking for a bug report, and the traceback only with ``--debug`` or
``SECRETARIAT_RULES_DEBUG=1``.

Every command returns its :class:`ExitCode`; :func:`handle_errors` turns an exception
into its code (:func:`report_error`, by :func:`~secretariat_rules.exit_codes.exit_code_for`),
and the root :class:`SafeGroup` exits with the code once. Nothing else calls
``sys.exit``.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import stat
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from . import json_schema, region_info
from .api import DEFAULT_RULESET, load_baseline
from .api import check as run_check
from .audit import DEFAULT_JOBS, RegionAudit, audit_exit_code, run_audit
from .check_defaults import report_targets, repository_defaults, selection, selection_error
from .crashes import DEBUG_ENV, internal_error_line
from .engine import explanation
from .engine.ruleset import Ruleset, load_ruleset
from .engine.tailoring import tailoring_register
from .exceptions import ConfigurationError, UsageError
from .exit_codes import ExitCode, exit_code_for
from .findings import Result, Severity
from .i18n import catalog
from .i18n.catalog import t
from .i18n.message import Msg, chosen_lang, msg, ui_lang, using_lang
from .plugins import PROVIDED_KINDS, Registry, load_registry
from .reporters import reference, reference_markdown, reference_text
from .reporters.base import AuditReporter, ReportOptions, audit_renderer, dump_json, repository_path
from .reporters.summary import summary_line
from .rule_lookup import find_in_rulesets
from .safe_files import check_regular_file
from .schema.manifest import Period
from .sources.manifest import unknown_region_text
from .sources.values import has_invisible, parse_scalar, printable
from .version import __version__

F = TypeVar("F", bound=Callable[..., Any])


# --------------------------------------------------------------------------- language


def tr(key: str, **values: object) -> str:
    """Catalogue ``key`` in the language of this invocation (:func:`ui_lang`)."""
    return t(key, ui_lang(), **values)


def lang_in_args(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang X`` / ``--lang=X`` before ``--``, if a language.

    Read before click parses, so that ``check --lang en --help`` and the errors of that
    run are in English too.
    """
    found = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value is not None and value.strip().lower() in catalog.LANGUAGES:
            found = value.strip().lower()
    return found


def run_lang() -> str | None:
    """The language a run chose once it read its manifest (``check: lang:``), if any."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root().obj if ctx is not None else None
    chosen = root.get("ui_lang") if isinstance(root, dict) else None
    return chosen if isinstance(chosen, str) else None


HELP_VALUES: dict[str, object] = {"env": DEBUG_ENV}
"""Values the help templates may name (``{env}``)."""


def help_text(value: str | None) -> str | None:
    """A help text: a catalogue key rendered in :func:`ui_lang`; other text as it is."""
    if value and value in catalog.MESSAGES[ui_lang()]:
        return tr(value, **HELP_VALUES)
    return value


class _HelpText:
    """An attribute holding a catalogue key that reads as the text in :func:`ui_lang`.

    Click takes ``help=``/``epilog=`` when a command is declared; this renders them when
    the help is shown, in the language of that invocation.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_raw_{name}"

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        if obj is None:
            return self
        return help_text(getattr(obj, self.slot, None))

    def __set__(self, obj: object, value: str | None) -> None:
        setattr(obj, self.slot, value)


_SECTIONS = {
    "Options": "help.section.options",
    "Commands": "help.section.commands",
    "Positional arguments": "help.section.arguments",
}


class HelpFormatter(click.HelpFormatter):
    """Click's formatter with its words (Usage, Options, Commands) in :func:`ui_lang`."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, f"{tr('help.usage')} " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        key = _SECTIONS.get(heading)
        super().write_heading(tr(key) if key else heading)


class Context(click.Context):
    formatter_class = HelpFormatter


class HelpOption(click.Option):
    """An option whose ``help`` is a catalogue key, and whose ``[default: ...]`` is
    translated too."""

    help = _HelpText()

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        if self.hidden:
            return None
        text = self.help or ""
        extra = self.get_help_extra(ctx)
        items = []
        if "envvars" in extra:
            items.append(tr("help.extra.envvar", var=", ".join(extra["envvars"])))
        if "default" in extra:
            items.append(tr("help.extra.default", default=extra["default"]))
        if "range" in extra:
            items.append(extra["range"])
        if "required" in extra:
            items.append(tr("help.extra.required"))
        if items:
            joined = "; ".join(items)
            text = f"{text}  [{joined}]" if text else f"[{joined}]"
        return self.get_help_spec(ctx), text


def option(*decls: str, **attrs: Any) -> Callable[[F], F]:
    """``click.option`` with :class:`HelpOption`: ``help`` is a catalogue key."""
    attrs.setdefault("cls", HelpOption)
    return click.option(*decls, **attrs)


class _Translated:
    """Help, short help and epilog of a command rendered in :func:`ui_lang`; click's own
    help option too."""

    help = _HelpText()
    short_help = _HelpText()
    epilog = _HelpText()
    context_class = Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        found: click.Option | None = super().get_help_option(ctx)  # type: ignore[misc]
        if found is not None:
            found.help = tr("help.option.help")
        return found


class Command(_Translated, click.Command):  # type: ignore[misc]
    """A command whose help texts are catalogue keys."""


def debug_requested() -> bool:
    """Whether tracebacks were asked for: ``--debug`` or ``SECRETARIAT_RULES_DEBUG``."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root().obj if ctx is not None else None
    if isinstance(root, dict) and root.get("debug"):
        return True
    return os.environ.get(DEBUG_ENV, "").strip() not in ("", "0")


def report_internal_error(exc: BaseException) -> None:
    """Print the traceback if asked for, then the one-line bug-report request."""
    if debug_requested():
        trace = "".join(traceback.format_exception(exc)).rstrip("\n")
        click.echo(trace, err=True)
    click.echo(internal_error_line(exc), err=True)


def report_error(exc: BaseException) -> ExitCode:
    """Tell the user about an exception that stopped a command, and return its exit code.

    The code is :func:`~secretariat_rules.exit_codes.exit_code_for`'s: a configuration
    error is one message (2; the traceback too when asked for), Ctrl-C one line (130), a
    broken stdout pipe nothing (141), anything else the one-line bug-report request (3).
    """
    code = exit_code_for(exc)
    if code is ExitCode.CONFIG_ERROR:
        with using_lang(run_lang()):
            click.echo(tr("cli.error", message=str(exc)), err=True)
        if debug_requested():
            click.echo("".join(traceback.format_exception(exc)).rstrip("\n"), err=True)
    elif code is ExitCode.INTERRUPTED:  # not a finding (1) nor a bug (3)
        click.echo(tr("cli.interrupted"), err=True)
    elif code is ExitCode.BROKEN_PIPE:
        silence_stdout()
    else:
        report_internal_error(exc)
    return code


def handle_errors(func: F) -> F:
    """Make a command return its exit code whatever happens: the code it returns (``None``
    is :attr:`ExitCode.OK`), or the code of the exception that stopped it, reported by
    :func:`report_error` (a configuration mistake 2, a bug 3). Click's own exits and
    usage errors pass through."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> ExitCode:
        try:
            code = func(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except (Exception, KeyboardInterrupt) as exc:
            return report_error(exc)
        return ExitCode.OK if code is None else ExitCode(code)

    return wrapper  # type: ignore[return-value]


def silence_stdout() -> None:
    """The reader of stdout went away (``check ... | head``): not a bug, not findings.

    The run exits 141 (128 + SIGPIPE, as a shell reports it); stdout is pointed at
    /dev/null so that the interpreter's final flush does not fail again.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


class SafeGroup(_Translated, click.Group):  # type: ignore[misc]
    """The command group; the root one exits with the :class:`ExitCode` its command
    returned (the one place that exits), and an exception outside a command (an option's
    callback, the group's own, a plugin that fails to load) is reported by
    :func:`report_error` too, so that a bug exits 3, not 1.

    Help, errors and progress of an invocation are in the language of its ``--lang``,
    else of ``SECRETARIAT_RULES_LANG``, else nb (:func:`lang_in_args`, :func:`ui_lang`).
    """

    command_class = Command
    group_class = type

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        given = sys.argv[1:] if args is None else list(args)
        with using_lang(lang_in_args(given)):
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            code = super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except (Exception, KeyboardInterrupt) as exc:
            code = report_error(exc)
        if ctx.parent is None and isinstance(code, ExitCode):  # a nested group passes it up
            ctx.exit(code)
        return code


# --------------------------------------------------------------------------- option parsing


def parse_date(value: str, option: str) -> dt.date:
    """A date given on the command line, by the data-file rules: ``2025-06-30``, ``30.06.2025``."""
    try:
        parsed = parse_scalar(value, "date")
    except ValueError:
        parsed = None
    if not isinstance(parsed, dt.date):
        raise UsageError(msg("cli.date.invalid", option=option, value=printable(value)))
    return parsed


_YEAR = re.compile(r"[0-9]{4}")


def parse_period(value: str) -> Period:
    """``2024`` (a calendar year) or ``START..END`` (each a date or a year)."""
    text = value.strip()
    if _YEAR.fullmatch(text):
        return Period(
            start=_year_day(text, value, first=True), end=_year_day(text, value, first=False)
        )
    start, sep, end = text.partition("..")
    if not sep:
        raise UsageError(msg("cli.period.invalid", value=printable(value)))
    first, last = _period_bound(start, value, first=True), _period_bound(end, value, first=False)
    if first > last:
        raise UsageError(msg("cli.period.reversed", value=printable(value)))
    return Period(start=first, end=last)


def _year_day(year: str, value: str, *, first: bool) -> dt.date:
    """1 January or 31 December of a four-digit year; year 0 does not exist."""
    number = int(year)
    if number < 1:
        raise UsageError(msg("cli.period.no_year", value=printable(value), year=year))
    return dt.date(number, 1, 1) if first else dt.date(number, 12, 31)


def _period_bound(text: str, value: str, *, first: bool) -> dt.date:
    """One end of ``--period``: a date, or a year (its first or last day)."""
    text = text.strip()
    if _YEAR.fullmatch(text):
        return _year_day(text, value, first=first)
    try:
        parsed = parse_scalar(text, "date")
    except ValueError:
        parsed = None
    if not isinstance(parsed, dt.date):
        raise UsageError(msg("cli.period.bound", value=printable(value), bound=printable(text)))
    return parsed


def split_ids(values: Sequence[str]) -> tuple[str, ...]:
    """Rule ids (or prefixes) from repeated and comma-separated options, matched as written.

    ``sek008`` is an error naming ``SEK008``: ids are written in capitals (SPEC §2.3).
    """
    ids = tuple(part.strip() for v in values for part in v.split(",") if part.strip())
    for part in ids:
        if part != part.upper() or has_invisible(part):
            if has_invisible(part):
                raise UsageError(msg("cli.rule_id.case", id=printable(part)))
            near = repr(part.upper())
            raise UsageError(msg("cli.rule_id.case.near", id=printable(part), near=near))
    return ids


def parse_reports(values: Sequence[str], registry: Registry) -> list[tuple[str, Path]]:
    """``--report FORMAT=PATH`` options."""
    out = []
    for value in values:
        fmt, sep, path = value.partition("=")
        if not sep or not path:
            raise UsageError(msg("cli.report.invalid", value=repr(value)))
        check_format(fmt, registry)
        out.append((fmt, Path(path)))
    return out


def check_format(fmt: str, registry: Registry) -> None:
    if fmt not in registry.reporters:
        known = ", ".join(sorted(registry.reporters))
        raise UsageError(msg("cli.format.unknown", format=repr(fmt), known=known))


def _current_umask() -> int:
    """The process umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def report_mode(path: Path) -> int:
    """The mode a report gets: that of the regular file it replaces, else 0666 & ~umask
    (0644 under the usual umask 022), as ``open()`` would have created it."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        info = None
    if info is not None and stat.S_ISREG(info.st_mode):
        return stat.S_IMODE(info.st_mode)
    return 0o666 & ~_current_umask()


_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """``text`` with any lone surrogate (which UTF-8 cannot encode) as U+FFFD.

    A report must never fail to be written because a value from the data carried one.
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _write_stream(path: Path, text: str) -> None:
    """Write to a FIFO or a character device (``/dev/stdout``) in place, never blocking
    on a FIFO nobody reads (``O_NONBLOCK`` open: an error instead)."""
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        reason: Msg | str = (
            msg("cli.write.no_reader") if exc.errno == errno.ENXIO else exc.strerror or str(exc)
        )
        raise UsageError(msg("cli.write.failed", path=str(path), reason=reason)) from None
    try:
        os.set_blocking(fd, True)
        with os.fdopen(fd, "wb", closefd=False) as handle:
            handle.write(encodable(text).encode("utf-8"))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageError(msg("cli.write.failed", path=str(path), reason=reason)) from None
    finally:
        os.close(fd)


def write_atomic(path: Path, text: str) -> None:
    """Write a report so that a failed run never leaves half a file in its place.

    The text goes to a temporary file beside ``path`` that then replaces it, with the
    mode of the file it replaces, or the umask's (0644 under 022) for a new one. A FIFO
    or character device (``--output /dev/stdout``) is written in place instead, without
    blocking when nobody reads the FIFO; a directory is an error.
    """
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        info = None
    if info is not None and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        _write_stream(path, text)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = report_mode(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise UsageError(msg("cli.write.failed", path=str(path), reason=str(reason))) from exc
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(encodable(text))
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
            raise UsageError(msg("cli.write.failed", path=str(path), reason=reason)) from exc
        raise


def use_color(choice: bool | None, stream: Any) -> bool:
    """Colour only on a terminal, unless asked; ``NO_COLOR`` turns it off."""
    if choice is not None:
        return choice
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


# --------------------------------------------------------------------------- commands


@click.group(
    cls=SafeGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="help.main",
    epilog="help.main.epilog",
)
@click.version_option(
    __version__, prog_name="secretariat-rules", cls=HelpOption, help="help.option.version"
)
@option(
    "-p",
    "--plugin",
    "plugins",
    multiple=True,
    metavar="MODULE",
    help="help.option.plugin",
)
@option("--no-plugin-autoload", is_flag=True, help="help.option.no_plugin_autoload")
@option(
    "--lang",
    type=click.Choice(catalog.LANGUAGES),
    expose_value=False,
    is_eager=True,
    help="help.option.lang.main",
)
@option(
    "--debug",
    is_flag=True,
    help="help.option.debug",
)
@click.pass_context
def main(
    ctx: click.Context, plugins: tuple[str, ...], no_plugin_autoload: bool, debug: bool
) -> None:
    """Check urban growth agreement secretariats against their guidelines.

    \b
    Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 a usage or
    configuration error; 3 an internal error (a bug: please report it).
    """
    autoload = not no_plugin_autoload and not os.environ.get(
        "SECRETARIAT_RULES_DISABLE_PLUGIN_AUTOLOAD"
    )
    ctx.obj = {"plugins": plugins, "autoload": autoload, "debug": debug}


def registry_of(ctx: click.Context) -> Registry:
    """The plugin registry for this invocation, built once."""
    if "registry" not in ctx.obj:
        ctx.obj["registry"] = load_registry(
            ctx.obj["plugins"], load_entry_points=ctx.obj["autoload"]
        )
    registry: Registry = ctx.obj["registry"]
    return registry


SCHEMA_CHECK_OPTION = option(
    "--schema-check",
    is_flag=True,
    help="help.option.schema_check",
)


def run_options(func: F) -> F:
    """Options shared by ``check`` and ``validate``."""
    options = [
        option("--ruleset", help="help.option.ruleset.run"),
        option(
            "--as-of",
            "as_of",
            metavar="DATE",
            help="help.option.as_of",
        ),
        option(
            "--period",
            metavar="YEAR|START..END",
            help="help.option.period",
        ),
        option(
            "-f",
            "--format",
            "fmt",
            default="text",
            show_default=True,
            help="help.option.format.run",
        ),
        option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, path_type=Path),
            help="help.option.output.report",
        ),
        option(
            "--report",
            "reports",
            multiple=True,
            metavar="FORMAT=PATH",
            help="help.option.report.run",
        ),
        option(
            "--fail-on",
            type=click.Choice(["error", "warning", "info", "never"]),
            default=None,
            help="help.option.fail_on.run",
        ),
        option(
            "--select",
            multiple=True,
            metavar="IDS",
            help="help.option.select",
        ),
        option("--ignore", multiple=True, metavar="IDS", help="help.option.ignore"),
        option(
            "--lang",
            type=click.Choice(["nb", "en"]),
            default=None,
            help="help.option.lang.run",
        ),
        option(
            "-q",
            "--quiet",
            is_flag=True,
            help="help.option.quiet.run",
        ),
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
        option(
            "--color/--no-color",
            default=None,
            help="help.option.color",
        ),
        SCHEMA_CHECK_OPTION,
        click.argument("data_dirs", nargs=-1, type=click.Path(path_type=Path)),
    ]
    for decorate in reversed(options):
        func = decorate(func)
    return func


def _run(
    ctx: click.Context,
    data_dirs: tuple[Path, ...],
    *,
    ruleset: str | None,
    as_of: str | None,
    period: str | None,
    fmt: str,
    output: Path | None,
    reports: tuple[str, ...],
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    lang: str | None,
    color: bool | None,
    quiet: bool = False,
    waivers: Path | None = None,
    baseline: Path | None = None,
    schema_check: bool = False,
    inventory: bool = False,
) -> ExitCode:
    registry = registry_of(ctx)
    data_dirs = data_dirs or (Path("."),)
    check_format(fmt, registry)
    extra_reports = parse_reports(reports, registry)
    reference = parse_date(as_of, "--as-of") if as_of else None
    chosen_period = parse_period(period) if period else None
    check_ruleset_path(ruleset)
    if waivers is not None:
        check_regular_file(waivers, "--waivers")
    known = load_baseline(baseline) if baseline else None
    found = [repository_defaults(data_dir, registry) for data_dir in data_dirs]
    lang = lang or chosen_lang()
    if lang is None and found[0].defaults.lang:
        ctx.find_root().obj["ui_lang"] = found[0].defaults.lang  # errors from here on too
    lang = lang or found[0].defaults.lang or "nb"
    own_reports = [
        [] if reports or inventory else report_targets(d, f, registry.reporters)
        for d, f in zip(data_dirs, found, strict=True)
    ]
    results: list[Result] = []
    for data_dir, defaults in zip(data_dirs, found, strict=True):
        chosen_fail_on = fail_on or defaults.defaults.fail_on or "error"
        chosen_select, chosen_ignore = selection(
            split_ids(select), split_ids(ignore), defaults.defaults
        )
        if inventory:  # validate: the DAT rules, whatever the manifest selects
            chosen_select, chosen_ignore = split_ids(select), split_ids(ignore)
        try:
            result = run_check(
                data_dir,
                ruleset=ruleset,
                as_of=reference,
                period=chosen_period,
                lang=lang,
                fail_on=None if chosen_fail_on == "never" else Severity.parse(chosen_fail_on),
                select=chosen_select,
                ignore=chosen_ignore,
                registry=registry,
                waivers=waivers,
                baseline=known,
                schema_check=schema_check,
            )
        except UsageError as exc:
            from_manifest = not (select or ignore or inventory)
            raise (selection_error(exc, data_dir, defaults) if from_manifest else exc) from None
        results.append(result)
    for result, targets in zip(results, own_reports, strict=True):
        for own_fmt, path in targets:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, registry.reporters[own_fmt].render([result], ReportOptions(lang)))
    stream = sys.stdout
    main_options = ReportOptions(
        lang=lang,
        color=use_color(color, stream) if output is None else False,
        inventory=inventory,
    )
    text = registry.reporters[fmt].render(results, main_options)
    if output is not None:
        write_atomic(output, text)
    elif not quiet:
        click.echo(encodable(text), nl=not text.endswith("\n"), color=main_options.color)
    if quiet:  # one line per repository, whatever --format
        for result in results:
            line = f"{repository_path(result.data_dir)}: {summary_line(result, lang)}"
            click.echo(encodable(line))
    for extra_fmt, path in extra_reports:
        extra_options = ReportOptions(lang=lang, inventory=inventory)
        write_atomic(path, registry.reporters[extra_fmt].render(results, extra_options))
    return ExitCode.FINDINGS if any(r.failing for r in results) else ExitCode.OK


@main.command(help="help.check", epilog="help.check.epilog")
@run_options
@click.pass_context
@handle_errors
def check(ctx: click.Context, data_dirs: tuple[Path, ...], **options: Any) -> ExitCode:
    """Run a ruleset on one or more data repositories (default: the current directory)."""
    return _run(ctx, data_dirs, **options)


@main.command(help="help.validate")
@run_options
@click.pass_context
@handle_errors
def validate(ctx: click.Context, data_dirs: tuple[Path, ...], **options: Any) -> ExitCode:
    """Check data integrity only (the DAT rules), and show what each source read."""
    options["select"] = ("DAT",)
    options["ignore"] = ()
    return _run(ctx, data_dirs, **options, inventory=True)


TEXT_OR_JSON_OPTION = option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="help.option.format.text_or_json",
)


@main.command("plugins", help="help.plugins")
@TEXT_OR_JSON_OPTION
@click.pass_context
@handle_errors
def plugins_command(ctx: click.Context, fmt: str) -> ExitCode:
    """List loaded plugins: version (or built-in) and what each provides.

    \b
    text: NAME: PROVIDES [VERSION; MODULE]   one line per plugin
    json: a list of {name, module, origin, distribution, version, label, provides}
    """
    listing = registry_of(ctx).listing()
    if fmt == "json":
        emit(dump_json(listing), None)
        return ExitCode.OK
    kinds = {
        key: tr("cli.plugins.kind." + kind.replace(" ", "_"))
        for kind, key in PROVIDED_KINDS.items()
    }
    for entry in listing:
        provided = entry["provides"].items()
        items = [f"{kinds[key]} {name}" for key, names in provided for name in names]
        where = entry["label"]
        if entry["module"] != entry["name"]:
            where += f"; {entry['module']}"
        provides = ", ".join(items) if items else tr("cli.plugins.nothing")
        click.echo(f"{entry['name']}: {provides} [{where}]")
    return ExitCode.OK


# ---- reference commands


def check_ruleset_path(name: str | None) -> None:
    """``--ruleset PATH`` naming something that exists must be a regular file (exit 2).

    A name (``national``) or a path that does not exist is left to the ruleset loader.
    """
    if name and os.path.lexists(name) and (name.endswith((".yaml", ".yml")) or "/" in name):
        check_regular_file(Path(name), "--ruleset")


def load_named_ruleset(registry: Registry, name: str) -> Ruleset:
    """A resolved ruleset by name or path (errors become exit code 2)."""
    check_ruleset_path(name)
    return load_ruleset(name, registry.rulesets, registry.check_kinds)


def layer_loader(registry: Registry) -> Callable[[str], Ruleset | None]:
    """Resolve an earlier layer of a chain by name, or ``None`` if it is not registered."""

    def load(layer: str) -> Ruleset | None:
        if layer not in registry.rulesets:
            return None
        try:
            return load_named_ruleset(registry, layer)
        except ConfigurationError:
            return None

    return load


def emit(text: str, output: Path | None) -> None:
    """Write to ``output`` atomically, or to stdout."""
    if output is None:
        click.echo(encodable(text), nl=not text.endswith("\n"))
    else:
        write_atomic(output, text)


LANG_OPTION = option(
    "--lang",
    type=click.Choice(["nb", "en"]),
    default=None,
    callback=lambda _ctx, _param, value: value or ui_lang(),
    help="help.option.lang.reference",
)
RULESET_OPTION = option(
    "--ruleset",
    "ruleset_name",
    default=DEFAULT_RULESET,
    show_default=True,
    metavar="NAME",
    help="help.option.ruleset.reference",
)
OUTPUT_OPTION = option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="help.option.output.file",
)


@main.command("rules", help="help.rules")
@RULESET_OPTION
@click.argument("baseline", required=False)
@option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
@LANG_OPTION
@OUTPUT_OPTION
@click.pass_context
@handle_errors
def rules_command(
    ctx: click.Context,
    ruleset_name: str,
    baseline: str | None,
    fmt: str,
    lang: str,
    output: Path | None,
) -> ExitCode:
    """List the rules of a resolved ruleset, or its tailoring relative to BASELINE.

    \b
    secretariat-rules rules --ruleset bymiljopakken            rules of bymiljopakken
    secretariat-rules rules --ruleset bymiljopakken national   how it deviates from national

    The tailoring lists every rule added, disabled (with its reason), re-worded or
    re-parameterised (old → new), and the layer that did it.
    """
    registry = registry_of(ctx)
    ruleset = load_named_ruleset(registry, ruleset_name)
    if baseline is None:
        if fmt == "json":
            text = dump_json(reference.listing(ruleset))
        elif fmt == "markdown":
            text = reference_markdown.listing_markdown(ruleset, lang)
        else:
            text = reference_text.listing_text(ruleset, lang)
    else:
        register = tailoring_register(ruleset, load_named_ruleset(registry, baseline))
        if fmt == "json":
            text = dump_json(reference.tailoring_report(register))
        elif fmt == "markdown":
            text = reference_markdown.tailoring_markdown(register, lang)
        else:
            text = reference_text.tailoring_text(register, lang)
    emit(text, output)
    return ExitCode.OK


@main.command("explain", help="help.explain")
@click.argument("rule")
@option(
    "--ruleset",
    "ruleset_name",
    default=None,
    metavar="NAME",
    help="help.option.ruleset.explain",
)
@TEXT_OR_JSON_OPTION
@LANG_OPTION
@click.pass_context
@handle_errors
def explain_command(
    ctx: click.Context, rule: str, ruleset_name: str | None, fmt: str, lang: str
) -> ExitCode:
    """Explain RULE (an id or a name): guideline, semantics, parameters, an example finding.

    Without --ruleset, RULE is looked up in every registered ruleset: the national one is
    explained if it has the rule, else the first by name, and the others that have it are
    named.
    """
    registry = registry_of(ctx)
    if ruleset_name is None:
        names = registry.rulesets
        lookup = find_in_rulesets(rule, names, lambda n: load_named_ruleset(registry, n))
        ruleset, found, found_in = lookup.ruleset, lookup.rule, list(lookup.found_in)
    else:
        ruleset = load_named_ruleset(registry, ruleset_name)
        found = explanation.find_rule(ruleset, rule)
        found_in = [ruleset.name]
    info = explanation.explanation(found, ruleset, lang, layer_loader(registry))
    info["found_in"] = found_in
    if fmt == "json":
        text = dump_json(info)
    else:
        text = reference_text.explain_text(info, lang)
        if len(found_in) > 1:
            shown = t("explain.rulesets", lang, rulesets=", ".join(found_in), shown=ruleset.name)
            text += f"\n{shown}\n"
    emit(text, None)
    return ExitCode.OK


@main.command("regions", help="help.regions")
@click.argument("region", required=False)
@TEXT_OR_JSON_OPTION
@LANG_OPTION
@click.pass_context
@handle_errors
def regions_command(ctx: click.Context, region: str | None, fmt: str, lang: str) -> ExitCode:
    """List the regions the plugins provide (id, name, ruleset); with REGION, its parties,
    bodies and channels with the ids to write in the data files.

    \b
    json: a list of {id, name, ruleset}; with REGION {id, name, ruleset, description,
          parties, bodies, channels, references}
    """
    profiles = registry_of(ctx).region_profiles
    if region is None:
        listing = region_info.region_list(profiles)
        text = dump_json(listing) if fmt == "json" else None
        emit(text or region_info.region_list_text(listing, lang), None)
        return ExitCode.OK
    if region not in profiles:
        raise UsageError(unknown_region_text(region, profiles))
    detail = region_info.region_detail(profiles[region])
    json_text = dump_json(detail) if fmt == "json" else None
    emit(json_text or region_info.region_text(detail, lang), None)
    return ExitCode.OK


@main.command("schema", help="help.schema")
@click.argument(
    "target",
    type=click.Choice(json_schema.SCHEMA_TARGETS),
    default="manifest",
    required=False,
    metavar="[TARGET]",
)
@click.argument("name", required=False)
@OUTPUT_OPTION
@click.pass_context
@handle_errors
def schema_command(
    ctx: click.Context, target: str, name: str | None, output: Path | None
) -> ExitCode:
    """Print the JSON Schema (draft 2020-12) of the manifest, a collection, a ruleset or
    the JSON report.

    \b
    TARGET: manifest (default) | ruleset | collection NAME | attestations | waivers | report
    """
    registry = registry_of(ctx)
    schema = json_schema.schema_of(target, name, registry.check_kinds)
    emit(dump_json(schema), output)
    return ExitCode.OK


@main.command("docs", help="help.docs")
@OUTPUT_OPTION
@option(
    "--hooks",
    "hooks_output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="help.option.hooks",
)
@click.pass_context
@handle_errors
def docs_command(ctx: click.Context, output: Path | None, hooks_output: Path | None) -> ExitCode:
    """Generate the rule reference (docs/rules.md) from the rulesets and check kinds."""
    from .docs import generate, hooks_reference

    emit(generate(registry_of(ctx)), output)
    if hooks_output is not None:
        write_atomic(hooks_output, hooks_reference())
    return ExitCode.OK


# ---- init


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
@option(
    "--lang",
    type=click.Choice(["nb", "en"]),
    default=None,
    callback=lambda _ctx, _param, value: value or ui_lang(),
    help="help.option.lang.init",
)
@click.pass_context
@handle_errors
def init_command(
    ctx: click.Context, directory: Path, region: str, year: int | None, ci: str, lang: str
) -> ExitCode:
    """Scaffold a data repository for a region: manifest, empty collections, an
    attestations template, a README listing the region's party and body ids, CI file."""
    from .scaffold import scaffold

    this_year = year or dt.date.today().year
    made = scaffold(directory, region, registry_of(ctx), this_year, ci, lang)
    for path in made.files:
        click.echo(tr("cli.init.created", path=str(path)))
    return ExitCode.OK


# ---- audit


def audit_reporter(fmt: str, registry: Registry) -> AuditReporter:
    """The reporter of ``fmt`` if it can render an audit (``render_audit``), else exit 2."""
    check_format(fmt, registry)
    reporter = audit_renderer(registry.reporters[fmt])
    if reporter is None:
        able = ", ".join(n for n, r in sorted(registry.reporters.items()) if audit_renderer(r))
        raise UsageError(msg("cli.audit.format_unable", format=repr(fmt), able=able))
    return reporter


@main.command("audit", help="help.audit", epilog="help.audit.epilog")
@click.argument("data_dirs", nargs=-1, required=True, type=click.Path(path_type=Path))
@option(
    "-f",
    "--format",
    "fmt",
    default="text",
    show_default=True,
    help="help.option.format.audit",
)
@option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="help.option.output.report",
)
@option(
    "--report",
    "reports",
    multiple=True,
    metavar="FORMAT=PATH",
    help="help.option.report.audit",
)
@option(
    "--as-of",
    "as_of",
    metavar="DATE",
    help="help.option.as_of.audit",
)
@option(
    "--period",
    metavar="YEAR|START..END",
    help="help.option.period.audit",
)
@option(
    "--lang",
    type=click.Choice(["nb", "en"]),
    default=None,
    callback=lambda _ctx, _param, value: value or ui_lang(),
    help="help.option.lang.audit",
)
@option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=DEFAULT_JOBS,
    show_default=True,
    help="help.option.jobs",
)
@option("-q", "--quiet", is_flag=True, help="help.option.quiet.audit")
@option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="error",
    show_default=True,
    help="help.option.fail_on.audit",
)
@option(
    "--color/--no-color",
    default=None,
    help="help.option.color",
)
@SCHEMA_CHECK_OPTION
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
    extra = [(path, audit_reporter(f, registry)) for f, path in parse_reports(reports, registry)]
    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    reference_date = parse_date(as_of, "--as-of") if as_of else None
    chosen_period = parse_period(period) if period else None
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
        click.echo(encodable(line), err=True)

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
        click.echo(tr("cli.error", message=f"{region.data_dir}: {region.message}"), err=True)
        if region.crashed and region.traceback and debug:
            click.echo(region.traceback.rstrip("\n"), err=True)
    if audit.crashed:
        crashed = msg("cli.audit.crashed", count=len(audit.crashed), env=DEBUG_ENV)
        click.echo(str(crashed), err=True)
    colored = use_color(color, sys.stdout) if output is None else False
    options = ReportOptions(lang=lang, color=colored)
    text = main_reporter.render_audit(audit, options)
    if output is None:
        click.echo(encodable(text), nl=not text.endswith("\n"), color=options.color)
    else:
        write_atomic(output, text)
    for path, reporter in extra:
        write_atomic(path, reporter.render_audit(audit, ReportOptions(lang=lang)))
    return audit_exit_code(audit)


# ---- pull


@main.group("pull", cls=SafeGroup, help="help.pull")
def pull_group() -> None:
    """Download records from a public service into a data repository."""


@pull_group.command("einnsyn", help="help.pull.einnsyn")
@click.argument("data_dir", type=click.Path(file_okay=False, path_type=Path))
@option("--body", required=True, help="help.option.body")
@option("--from", "start", required=True, help="help.option.from")
@option("--to", "end", required=True, help="help.option.to")
@option("--base-url", default=None, help="help.option.base_url")
@option(
    "--api-key",
    envvar="EINNSYN_API_KEY",
    default=None,
    help="help.option.api_key",
)
@option(
    "--rate", type=click.FloatRange(min=0.01), default=2.0, show_default=True,
    help="help.option.rate",
)  # fmt: skip
@option(
    "--retries", type=click.IntRange(0, 20), default=5, show_default=True,
    help="help.option.retries",
)  # fmt: skip
@option(
    "--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
    help="help.option.timeout",
)  # fmt: skip
@option("--restart", is_flag=True, help="help.option.restart")
@handle_errors
def pull_einnsyn_command(
    data_dir: Path,
    body: str,
    start: str,
    end: str,
    base_url: str | None,
    api_key: str | None,
    rate: float,
    retries: int,
    timeout: float,
    restart: bool,
) -> ExitCode:
    """Save a body's eInnsyn public journal (journalposts, meetings, cases) for a date
    range under DATA_DIR/einnsyn/, resumably; the `einnsyn` source adapter reads it."""
    from .pull.client import Client
    from .pull.einnsyn import (
        API_KEY_HEADER,
        DEFAULT_BASE_URL,
        check_body,
        pull_einnsyn,
        stderr_progress,
    )

    first, last = parse_date(start, "--from"), parse_date(end, "--to")
    if first > last:
        raise UsageError(msg("cli.pull.from_after_to", start=str(first), end=str(last)))
    base = (base_url or DEFAULT_BASE_URL).rstrip("/")
    if not base.startswith(("http://", "https://")):
        raise UsageError(msg("cli.pull.base_url", value=printable(base)))
    headers = {API_KEY_HEADER: api_key} if api_key else {}
    progress = stderr_progress()
    with Client(headers=headers, rate=rate, retries=retries, timeout=timeout) as client:
        result = pull_einnsyn(
            data_dir,
            client,
            base_url=base,
            body=check_body(body),
            start=first,
            end=last,
            restart=restart,
            progress=progress,
        )
    if progress is not None:
        click.echo("", err=True)
    pages = ", ".join(f"{entity} {count}" for entity, count in result.saved.items())
    state = tr("cli.pull.complete" if result.complete else "cli.pull.incomplete")
    click.echo(tr("cli.pull.done", path=str(data_dir / "einnsyn"), pages=pages, state=state))
    return ExitCode.OK
