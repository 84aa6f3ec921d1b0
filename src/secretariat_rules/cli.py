"""The command line: the only place that turns errors into messages and exit codes.

Exit codes (SPEC §6): 0 no finding at or above ``--fail-on``; 1 such findings; 2 usage or
configuration error, with one clear message and no traceback; 3 an internal error (a bug
in secretariat-rules or a plugin): one line asking for a bug report, and the traceback
only with ``--debug`` or ``SECRETARIAT_RULES_DEBUG=1``.
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
from enum import IntEnum
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__, json_schema, reference, region_info
from .api import DEFAULT_RULESET, load_baseline
from .api import check as run_check
from .audit import DEFAULT_JOBS, RegionAudit, run_audit
from .check_defaults import report_targets, repository_defaults, selection, selection_error
from .crashes import DEBUG_ENV, internal_error_line
from .engine.ruleset import Ruleset, load_ruleset
from .exceptions import ConfigurationError, UsageError
from .findings import Result, Severity
from .i18n.catalog import t
from .plugins import PROVIDED_KINDS, Registry, load_registry
from .reporters.base import AuditReporter, ReportOptions, audit_renderer, repository_path
from .reporters.summary import summary_line
from .rule_lookup import find_in_rulesets
from .safe_files import check_regular_file
from .schema.manifest import Period
from .sources.manifest import unknown_region_text
from .sources.values import has_invisible, parse_scalar, printable


class ExitCode(IntEnum):
    """Process exit codes."""

    OK = 0
    FINDINGS = 1
    CONFIG_ERROR = 2
    INTERNAL_ERROR = 3
    INTERRUPTED = 130
    BROKEN_PIPE = 141


F = TypeVar("F", bound=Callable[..., Any])


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


def handle_errors(func: F) -> F:
    """Turn a user's configuration mistake into one message and exit code 2, and any
    other exception (a bug) into one line asking for a bug report and exit code 3."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ConfigurationError as exc:
            click.echo(f"secretariat-rules: error: {exc}", err=True)
            if debug_requested():
                click.echo("".join(traceback.format_exception(exc)).rstrip("\n"), err=True)
            sys.exit(ExitCode.CONFIG_ERROR)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:
            broken_pipe()
        except Exception as exc:
            report_internal_error(exc)
            sys.exit(ExitCode.INTERNAL_ERROR)

    return wrapper  # type: ignore[return-value]


def broken_pipe() -> None:
    """The reader of stdout went away (``check ... | head``): not a bug, not findings.

    Exit 141 (128 + SIGPIPE, as a shell reports it), with stdout pointed at /dev/null so
    that the interpreter's final flush does not fail again.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    sys.exit(ExitCode.BROKEN_PIPE)


class SafeGroup(click.Group):
    """The command group; an exception that escapes a command (a bug) exits 3, not 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except ConfigurationError as exc:
            click.echo(f"secretariat-rules: error: {exc}", err=True)
            sys.exit(ExitCode.CONFIG_ERROR)
        except KeyboardInterrupt:  # not a finding (1) nor a bug (3): the shell's 128 + SIGINT
            click.echo("secretariat-rules: interrupted", err=True)
            sys.exit(ExitCode.INTERRUPTED)
        except BrokenPipeError:
            broken_pipe()
        except Exception as exc:
            report_internal_error(exc)
            sys.exit(ExitCode.INTERNAL_ERROR)


# --------------------------------------------------------------------------- option parsing


def parse_date(value: str, option: str) -> dt.date:
    """A date given on the command line, by the data-file rules: ``2025-06-30``, ``30.06.2025``."""
    try:
        parsed = parse_scalar(value, "date")
    except ValueError:
        parsed = None
    if not isinstance(parsed, dt.date):
        raise UsageError(
            f"{option} {printable(value)}: expected a date such as 2025-06-30 or 30.06.2025"
        )
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
        raise UsageError(
            f"--period {printable(value)}: expected a year (2024) or START..END "
            "(2024-01-01..2024-06-30, 01.01.2024..30.06.2024, 2023..2024)"
        )
    first, last = _period_bound(start, value, first=True), _period_bound(end, value, first=False)
    if first > last:
        raise UsageError(f"--period {printable(value)}: start is after end")
    return Period(start=first, end=last)


def _year_day(year: str, value: str, *, first: bool) -> dt.date:
    """1 January or 31 December of a four-digit year; year 0 does not exist."""
    number = int(year)
    if number < 1:
        raise UsageError(f"--period {printable(value)}: year {year} does not exist")
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
        raise UsageError(
            f"--period {printable(value)}: {printable(text)} is not a date such as "
            "2024-01-01 or 01.01.2024, nor a year"
        )
    return parsed


def split_ids(values: Sequence[str]) -> tuple[str, ...]:
    """Rule ids (or prefixes) from repeated and comma-separated options, matched as written.

    ``sek008`` is an error naming ``SEK008``: ids are written in capitals (SPEC §2.3).
    """
    ids = tuple(part.strip() for v in values for part in v.split(",") if part.strip())
    for part in ids:
        if part != part.upper() or has_invisible(part):
            near = part.upper() if not has_invisible(part) else None
            hint = f"; did you mean {near!r}?" if near else ""
            raise UsageError(f"rule id {printable(part)}: ids are matched as written{hint}")
    return ids


def parse_reports(values: Sequence[str], registry: Registry) -> list[tuple[str, Path]]:
    """``--report FORMAT=PATH`` options."""
    out = []
    for value in values:
        fmt, sep, path = value.partition("=")
        if not sep or not path:
            raise UsageError(f"--report {value!r}: expected FORMAT=PATH, e.g. junit=report.xml")
        check_format(fmt, registry)
        out.append((fmt, Path(path)))
    return out


def check_format(fmt: str, registry: Registry) -> None:
    if fmt not in registry.reporters:
        known = ", ".join(sorted(registry.reporters))
        raise UsageError(f"unknown format {fmt!r}; available: {known}")


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
        reason = "no process is reading it" if exc.errno == errno.ENXIO else exc.strerror
        raise UsageError(f"cannot write {path}: {reason or exc}") from None
    try:
        os.set_blocking(fd, True)
        with os.fdopen(fd, "wb", closefd=False) as handle:
            handle.write(encodable(text).encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
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
        raise UsageError(f"cannot write {path}: {reason}") from exc
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(encodable(text))
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise


def use_color(choice: bool | None, stream: Any) -> bool:
    """Colour only on a terminal, unless asked; ``NO_COLOR`` turns it off."""
    if choice is not None:
        return choice
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


# --------------------------------------------------------------------------- commands


MAIN_EPILOG = """\b
Examples:
  secretariat-rules init my-data --region miljoloftet
  secretariat-rules check my-data
  secretariat-rules check my-data --format html --output report.html
  secretariat-rules explain SEK008
  secretariat-rules audit fixtures/* --format html --output audit.html

\b
Formats: text, json, junit, sarif, markdown, html, github (check --help).
Shell completion (bash; zsh_source, fish_source likewise):
  eval "$(_SECRETARIAT_RULES_COMPLETE=bash_source secretariat-rules)"
"""


@click.group(
    cls=SafeGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=MAIN_EPILOG,
)
@click.version_option(__version__, prog_name="secretariat-rules")
@click.option(
    "-p",
    "--plugin",
    "plugins",
    multiple=True,
    metavar="MODULE",
    help="Load a plugin module (repeatable).",
)
@click.option(
    "--no-plugin-autoload", is_flag=True, help="Do not load third-party plugins from entry points."
)
@click.option(
    "--debug",
    is_flag=True,
    help=f"Print the traceback of an internal error (exit code 3); also {DEBUG_ENV}=1.",
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


SCHEMA_CHECK_OPTION = click.option(
    "--schema-check",
    is_flag=True,
    help="Also validate records-system files (a Noark 5 extract...) against the official "
    "schema of their version; breaches are DAT008 warnings with line numbers.",
)


def run_options(func: F) -> F:
    """Options shared by ``check`` and ``validate``."""
    options = [
        click.option(
            "--ruleset", help="Ruleset name or path (default: the manifest's, else national)."
        ),
        click.option(
            "--as-of",
            "as_of",
            metavar="DATE",
            help="Reference date for everything due (default: the manifest's as_of, else today).",
        ),
        click.option(
            "--period",
            metavar="YEAR|START..END",
            help="Assessment period (default: the manifest's).",
        ),
        click.option(
            "-f",
            "--format",
            "fmt",
            default="text",
            show_default=True,
            help="Format for stdout or --output.",
        ),
        click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Write the --format report to this file.",
        ),
        click.option(
            "--report",
            "reports",
            multiple=True,
            metavar="FORMAT=PATH",
            help="Also write FORMAT to PATH (repeatable), e.g. junit=report.xml.",
        ),
        click.option(
            "--fail-on",
            type=click.Choice(["error", "warning", "info", "never"]),
            default=None,
            help="Lowest severity that fails the run  [default: the manifest's check: fail_on, "
            "else error]",
        ),
        click.option(
            "--select",
            multiple=True,
            metavar="IDS",
            help="Only these rule ids or prefixes (comma-separated, repeatable).",
        ),
        click.option(
            "--ignore", multiple=True, metavar="IDS", help="Skip these rule ids or prefixes."
        ),
        click.option(
            "--lang",
            type=click.Choice(["nb", "en"]),
            default=None,
            help="Report language  [default: the manifest's check: lang, else nb]",
        ),
        click.option(
            "-q",
            "--quiet",
            is_flag=True,
            help="Print only one summary line per repository (reports are still written).",
        ),
        click.option(
            "--waivers",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Waivers file (default: waivers.yaml in each data repository, if present).",
        ),
        click.option(
            "--baseline",
            type=click.Path(dir_okay=False, path_type=Path),
            help="A previous JSON report: fail only on findings it does not hold.",
        ),
        click.option(
            "--color/--no-color",
            default=None,
            help="Force colour on or off (default: on a terminal).",
        ),
        SCHEMA_CHECK_OPTION,
        click.argument("data_dirs", nargs=-1, type=click.Path(path_type=Path)),
    ]
    for option in reversed(options):
        func = option(func)
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
) -> None:
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
    failing = any(r.failing for r in results)
    sys.exit(ExitCode.FINDINGS if failing else ExitCode.OK)


CHECK_EPILOG = """\b
Formats (--format, --report FORMAT=PATH): text, json, junit, sarif, markdown, html,
github, and any a plugin adds (secretariat-rules plugins).

\b
Defaults for fail_on, lang, select, ignore and reports can be set once in the
manifest's check: section (secretariat-rules schema manifest); options here win.

\b
Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 a usage or
configuration error (file:line); 3 an internal error (a bug: please report it).

\b
Examples:
  secretariat-rules check                  the data repository in this directory
  secretariat-rules check data -q          one summary line
  secretariat-rules check data --report junit=junit.xml --report sarif=report.sarif
  secretariat-rules check data --fail-on warning --lang en
  secretariat-rules check data --select SEK0 --ignore SEK013
  secretariat-rules check data --baseline baseline.json
"""


@main.command(epilog=CHECK_EPILOG)
@run_options
@click.pass_context
@handle_errors
def check(ctx: click.Context, data_dirs: tuple[Path, ...], **options: Any) -> None:
    """Run a ruleset on one or more data repositories (default: the current directory)."""
    _run(ctx, data_dirs, **options)


@main.command()
@run_options
@click.pass_context
@handle_errors
def validate(ctx: click.Context, data_dirs: tuple[Path, ...], **options: Any) -> None:
    """Check data integrity only (the DAT rules), and show what each source read."""
    options["select"] = ("DAT",)
    options["ignore"] = ()
    _run(ctx, data_dirs, **options, inventory=True)


TEXT_OR_JSON_OPTION = click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)


@main.command("plugins")
@TEXT_OR_JSON_OPTION
@click.pass_context
@handle_errors
def plugins_command(ctx: click.Context, fmt: str) -> None:
    """List loaded plugins: version (or built-in) and what each provides.

    \b
    text: NAME: PROVIDES [VERSION; MODULE]   one line per plugin
    json: a list of {name, module, origin, distribution, version, label, provides}
    """
    listing = registry_of(ctx).listing()
    if fmt == "json":
        emit(reference.dump_json(listing), None)
        return
    kinds = {key: kind for kind, key in PROVIDED_KINDS.items()}
    for entry in listing:
        provided = entry["provides"].items()
        items = [f"{kinds[key]} {name}" for key, names in provided for name in names]
        where = entry["label"]
        if entry["module"] != entry["name"]:
            where += f"; {entry['module']}"
        provides = ", ".join(items) if items else "(provides nothing)"
        click.echo(f"{entry['name']}: {provides} [{where}]")


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


LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["nb", "en"]),
    default="nb",
    show_default=True,
    help="Language of titles, messages and labels.",
)
RULESET_OPTION = click.option(
    "--ruleset",
    "ruleset_name",
    default=DEFAULT_RULESET,
    show_default=True,
    metavar="NAME",
    help="Ruleset name or path.",
)
OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout.",
)


@main.command("rules")
@RULESET_OPTION
@click.argument("baseline", required=False)
@click.option(
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
) -> None:
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
            text = reference.dump_json(reference.listing(ruleset))
        elif fmt == "markdown":
            text = reference.listing_markdown(ruleset, lang)
        else:
            text = reference.listing_text(ruleset, lang)
    else:
        base = load_named_ruleset(registry, baseline)
        if fmt == "json":
            text = reference.dump_json(reference.tailoring_report(ruleset, base))
        elif fmt == "markdown":
            text = reference.tailoring_markdown(ruleset, base, lang)
        else:
            text = reference.tailoring_text(ruleset, base, lang)
    emit(text, output)


@main.command("explain")
@click.argument("rule")
@click.option(
    "--ruleset",
    "ruleset_name",
    default=None,
    metavar="NAME",
    help="Ruleset name or path (default: every registered ruleset, national first).",
)
@TEXT_OR_JSON_OPTION
@LANG_OPTION
@click.pass_context
@handle_errors
def explain_command(
    ctx: click.Context, rule: str, ruleset_name: str | None, fmt: str, lang: str
) -> None:
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
        found = reference.find_rule(ruleset, rule)
        found_in = [ruleset.name]
    info = reference.explanation(found, ruleset, lang, layer_loader(registry))
    info["found_in"] = found_in
    if fmt == "json":
        text = reference.dump_json(info)
    else:
        text = reference.explain_text(info, lang)
        if len(found_in) > 1:
            shown = t("explain.rulesets", lang, rulesets=", ".join(found_in), shown=ruleset.name)
            text += f"\n{shown}\n"
    emit(text, None)


@main.command("regions")
@click.argument("region", required=False)
@TEXT_OR_JSON_OPTION
@LANG_OPTION
@click.pass_context
@handle_errors
def regions_command(ctx: click.Context, region: str | None, fmt: str, lang: str) -> None:
    """List the regions the plugins provide (id, name, ruleset); with REGION, its parties,
    bodies and channels with the ids to write in the data files.

    \b
    json: a list of {id, name, ruleset}; with REGION {id, name, ruleset, description,
          parties, bodies, channels, references}
    """
    profiles = registry_of(ctx).region_profiles
    if region is None:
        listing = region_info.region_list(profiles)
        text = reference.dump_json(listing) if fmt == "json" else None
        emit(text or region_info.region_list_text(listing, lang), None)
        return
    if region not in profiles:
        raise UsageError(unknown_region_text(region, profiles))
    detail = region_info.region_detail(profiles[region])
    json_text = reference.dump_json(detail) if fmt == "json" else None
    emit(json_text or region_info.region_text(detail, lang), None)


@main.command("schema")
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
def schema_command(ctx: click.Context, target: str, name: str | None, output: Path | None) -> None:
    """Print the JSON Schema (draft 2020-12) of the manifest, a collection, a ruleset or
    the JSON report.

    \b
    TARGET: manifest (default) | ruleset | collection NAME | attestations | waivers | report
    """
    registry = registry_of(ctx)
    schema = json_schema.schema_of(target, name, registry.check_kinds)
    emit(reference.dump_json(schema), output)


@main.command("docs")
@OUTPUT_OPTION
@click.option(
    "--hooks",
    "hooks_output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the hook reference (docs/hooks.md) to this file.",
)
@click.pass_context
@handle_errors
def docs_command(ctx: click.Context, output: Path | None, hooks_output: Path | None) -> None:
    """Generate the rule reference (docs/rules.md) from the rulesets and check kinds."""
    from .docs import generate, hooks_reference

    emit(generate(registry_of(ctx)), output)
    if hooks_output is not None:
        write_atomic(hooks_output, hooks_reference())


# ---- init


@main.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--region", required=True, help="Region id (see `secretariat-rules regions`).")
@click.option("--year", type=int, help="Assessment year (default: the current year).")
@click.option(
    "--ci",
    type=click.Choice(["github", "gitlab", "none"]),
    default="github",
    show_default=True,
    help="CI pipeline to add.",
)
@click.option(
    "--lang",
    type=click.Choice(["nb", "en"]),
    default="nb",
    show_default=True,
    help="Language of the README and the attestations template.",
)
@click.pass_context
@handle_errors
def init_command(
    ctx: click.Context, directory: Path, region: str, year: int | None, ci: str, lang: str
) -> None:
    """Scaffold a data repository for a region: manifest, empty collections, an
    attestations template, a README listing the region's party and body ids, CI file."""
    from .scaffold import scaffold

    this_year = year or dt.date.today().year
    made = scaffold(directory, region, registry_of(ctx), this_year, ci, lang)
    for path in made.files:
        click.echo(f"created {path}")


# ---- audit


def audit_reporter(fmt: str, registry: Registry) -> AuditReporter:
    """The reporter of ``fmt`` if it can render an audit (``render_audit``), else exit 2."""
    check_format(fmt, registry)
    reporter = audit_renderer(registry.reporters[fmt])
    if reporter is None:
        able = ", ".join(n for n, r in sorted(registry.reporters.items()) if audit_renderer(r))
        raise UsageError(f"format {fmt!r} cannot render an audit; available: {able}")
    return reporter


@main.command("audit")
@click.argument("data_dirs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-f",
    "--format",
    "fmt",
    default="text",
    show_default=True,
    help="Format for stdout or --output: text, json, junit, html (or a plugin's).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the --format report to this file.",
)
@click.option(
    "--report",
    "reports",
    multiple=True,
    metavar="FORMAT=PATH",
    help="Also write FORMAT to PATH (repeatable), e.g. html=audit.html.",
)
@click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    help="Reference date for every region (default: each manifest's as_of, else today).",
)
@click.option(
    "--period",
    metavar="YEAR|START..END",
    help="Assessment period for every region (default: each manifest's).",
)
@click.option(
    "--lang",
    type=click.Choice(["nb", "en"]),
    default="nb",
    show_default=True,
    help="Report language.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=DEFAULT_JOBS,
    show_default=True,
    help="Worker processes (1 runs every region in this process).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress on stderr.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="error",
    show_default=True,
    help="Lowest severity, against a region's own ruleset, that fails the run.",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Force colour on or off (default: on a terminal).",
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
) -> None:
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
    Exit codes: 0 no region has findings at or above --fail-on against its own ruleset;
    1 some region has; 2 a usage error, or some region is broken; 3 some region crashed
    (reports are still written for 2 and 3).
    """
    registry = registry_of(ctx)
    main_reporter = audit_reporter(fmt, registry)
    extra = [(path, audit_reporter(f, registry)) for f, path in parse_reports(reports, registry)]
    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    reference_date = parse_date(as_of, "--as-of") if as_of else None
    chosen_period = parse_period(period) if period else None
    missing = [str(d) for d in data_dirs if not d.exists()]
    if missing:
        raise UsageError(f"no such data directory: {', '.join(missing)}")
    show_progress = not quiet and bool(getattr(sys.stderr, "isatty", lambda: False)())

    def progress(done: int, total: int, region: RegionAudit) -> None:
        state = t("audit.progress.done" if region.ok else f"audit.status.{region.status}", lang)
        where = repository_path(region.data_dir)
        click.echo(encodable(f"[{done}/{total}] {region.id} ({where}) {state}"), err=True)

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
        click.echo(f"secretariat-rules: error: {region.data_dir}: {region.message}", err=True)
        if region.crashed and region.traceback and debug:
            click.echo(region.traceback.rstrip("\n"), err=True)
    if audit.crashed:
        click.echo(
            f"secretariat-rules: internal error in {len(audit.crashed)} region(s) (crashed). "
            "This is a bug in secretariat-rules or a plugin; please report it with the "
            f"command you ran (re-run with --debug or {DEBUG_ENV}=1 for the traceback).",
            err=True,
        )
    colored = use_color(color, sys.stdout) if output is None else False
    options = ReportOptions(lang=lang, color=colored)
    text = main_reporter.render_audit(audit, options)
    if output is None:
        click.echo(encodable(text), nl=not text.endswith("\n"), color=options.color)
    else:
        write_atomic(output, text)
    for path, reporter in extra:
        write_atomic(path, reporter.render_audit(audit, ReportOptions(lang=lang)))
    if audit.crashed:
        sys.exit(ExitCode.INTERNAL_ERROR)
    if audit.broken:
        sys.exit(ExitCode.CONFIG_ERROR)
    sys.exit(ExitCode.FINDINGS if audit.failing else ExitCode.OK)


# ---- pull


@main.group("pull", cls=SafeGroup)
def pull_group() -> None:
    """Download records from a public service into a data repository."""


@pull_group.command("einnsyn")
@click.argument("data_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--body", required=True, help="The body's eInnsyn enhet id (enh_…).")
@click.option("--from", "start", required=True, help="First date (2024-01-01 or 01.01.2024).")
@click.option("--to", "end", required=True, help="Last date, included.")
@click.option("--base-url", default=None, help="API address (default https://api.einnsyn.no).")
@click.option(
    "--api-key",
    envvar="EINNSYN_API_KEY",
    default=None,
    help="API key, sent as X-EIN-API-KEY (also EINNSYN_API_KEY).",
)
@click.option(
    "--rate", type=click.FloatRange(min=0.01), default=2.0, show_default=True,
    help="Requests per second at most.",
)  # fmt: skip
@click.option(
    "--retries", type=click.IntRange(0, 20), default=5, show_default=True,
    help="Retries of a 429/5xx answer or a connection error, with back-off.",
)  # fmt: skip
@click.option(
    "--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
    help="Seconds to wait for a connection or an answer.",
)  # fmt: skip
@click.option("--restart", is_flag=True, help="Discard a previous pull in DATA_DIR/einnsyn.")
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
) -> None:
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
        raise UsageError(f"--from {first} is after --to {last}")
    base = (base_url or DEFAULT_BASE_URL).rstrip("/")
    if not base.startswith(("http://", "https://")):
        raise UsageError(f"--base-url {printable(base)}: expected an http(s) address")
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
    state = "complete" if result.complete else "incomplete"
    click.echo(f"pulled into {data_dir / 'einnsyn'}: pages saved now: {pages}; {state}")
