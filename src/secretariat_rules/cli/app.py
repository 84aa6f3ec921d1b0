"""The command group (:class:`SafeGroup`, :func:`main`) and the invocation's plugin registry.

The root group loads its commands lazily (:data:`COMMANDS`, click's "lazy group"
pattern): ``--version`` and ``--help`` import no command module, a command imports its
own module (and what that needs) when it runs.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from contextlib import contextmanager
from importlib import import_module
from typing import TYPE_CHECKING, Any

import click

from ..exceptions import Terminated
from ..exit_codes import ExitCode
from ..i18n import catalog
from ..i18n.message import using_lang
from ..version import __version__
from .errors import report_error, warn_unknown_lang_env
from .help import Command, OutputOption, _Translated, lang_in_args, option
from .stdout import settle_streams, writing_stdout

if TYPE_CHECKING:
    from ..plugins import Registry

COMMANDS: dict[str, tuple[str, str]] = {
    "audit": (".audit:audit_command", "help.audit"),
    "check": (".run:check", "help.check"),
    "diff": (".diff:diff_command", "help.diff"),
    "docs": (".reference:docs_command", "help.docs"),
    "evidence": (".evidence:evidence_group", "help.evidence"),
    "explain": (".reference:explain_command", "help.explain"),
    "init": (".init:init_command", "help.init"),
    "plugins": (".reference:plugins_command", "help.plugins"),
    "pull": (".pull:pull_group", "help.pull"),
    "regions": (".reference:regions_command", "help.regions"),
    "rules": (".reference:rules_command", "help.rules"),
    "schema": (".reference:schema_command", "help.schema"),
    "validate": (".run:validate", "help.validate"),
    "waivers": (".waivers:waivers_command", "help.waivers"),
}
"""The root group's commands: name → (``module:attr`` in this package, the catalogue key of
its ``help``). The key gives the short help of the ``--help`` listing without importing
the command (tests/test_startup.py checks that it is the command's own)."""


@contextmanager
def loading() -> Iterator[None]:
    """Import a command's modules or build the registry without the cyclic GC (issue 13).

    Start-up allocates a few hundred thousand objects (modules, classes, pydantic
    schemas) that live until exit; the collector would traverse them ~150 times while
    they are made (≈15 % of a small ``check``). Off meanwhile, then :func:`gc.freeze`:
    later collections skip them. :meth:`SafeGroup.main` unfreezes at the end.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


@contextmanager
def stopping_on_sigterm() -> Iterator[None]:
    """SIGTERM (a cancelled CI job) raises :class:`~..exceptions.Terminated` where the run
    stands, as Ctrl-C raises ``KeyboardInterrupt``: a report being written leaves no
    temporary file, and the exit code is 143. Only from the main thread, and only where
    nobody set a handler of their own (an application embedding the command line)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)
    if previous is not signal.SIG_DFL:
        yield
        return
    signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


ALLOCATOR_ENV = "_RJEM_MALLOC_CONF"
"""polars' allocator's settings (jemalloc, with the prefix polars builds it with)."""
ALLOCATOR_CONF = "dirty_decay_ms:0"


def return_freed_memory() -> None:
    """Have polars' allocator give freed pages back at once, unless the user set it.

    jemalloc keeps freed pages for 10 s by default, so a run's peak RSS counts much of
    what it freed: the 1M-distribution full catalog peaks at 458–494 MB, with this at
    410 MB, for 6–7 % more CPU (system time returning the pages; paired runs, issue 13,
    ``benchmarks/README.md``). Read once, when polars is first imported: a command
    module imports it after this.
    """
    os.environ.setdefault(ALLOCATOR_ENV, ALLOCATOR_CONF)


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

    def __init__(
        self,
        *args: Any,
        lazy_commands: Mapping[str, tuple[str, str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            module, _, attr = self.lazy_commands[cmd_name][0].partition(":")
            with loading():
                command = getattr(import_module(module, __package__), attr)
            self.add_command(command, cmd_name)  # the module's decorator registered it too
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as exc:
            # click suggests from the loaded commands only: suggest from all of them
            names = self.list_commands(ctx)
            raise click.exceptions.NoSuchCommand(
                click.utils.make_str(args[0]), possibilities=names, ctx=ctx
            ) from exc

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Click's listing, where a command not loaded yet is a stand-in with its help key:
        the same short help (click's ``get_short_help_str``) without importing it."""
        commands = []
        for name in self.list_commands(ctx):
            if name in self.commands or name not in self.lazy_commands:
                command = self.get_command(ctx, name)
            else:
                command = Command(name, help=self.lazy_commands[name][1])
            if command is not None and not command.hidden:
                commands.append((name, command))
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _ in commands)
            rows = [(name, command.get_short_help_str(limit)) for name, command in commands]
            with formatter.section("Commands"):  # HelpFormatter translates the heading
                formatter.write_dl(rows)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        given = sys.argv[1:] if args is None else list(args)
        return_freed_memory()
        settle_streams()
        asked = lang_in_args(given)
        if asked is None:
            warn_unknown_lang_env()
        try:
            with using_lang(asked), stopping_on_sigterm():
                return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        finally:
            gc.unfreeze()  # what :func:`loading` froze is collectable again (tests: many runs)

    def _main_shell_completion(
        self, ctx_args: MutableMapping[str, Any], prog_name: str, complete_var: str | None = None
    ) -> None:
        """Click's shell completion (``_SECRETARIAT_RULES_COMPLETE=bash_source``), whose
        failed write to stdout exits as a command's would (2, or 141 for a closed pipe)."""
        try:
            with writing_stdout():
                super()._main_shell_completion(ctx_args, prog_name, complete_var)
        except (Exception, KeyboardInterrupt) as exc:
            raise SystemExit(report_error(exc)) from exc

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        """Click's, where an exception of an eager option (``--help``, ``--version``: a
        failed write to stdout) is reported as a command's would be, with its exit code."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except (Exception, KeyboardInterrupt) as exc:
            raise click.exceptions.Exit(report_error(exc)) from exc

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


@click.group(
    cls=SafeGroup,
    lazy_commands=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="help.main",
    epilog="help.main.epilog",
)
@click.version_option(
    __version__, prog_name="secretariat-rules", cls=OutputOption, help="help.option.version"
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


def load_registry(extra: Sequence[str] = (), *, load_entry_points: bool = True) -> Registry:
    """:func:`secretariat_rules.plugins.load_registry`, imported when a command needs it."""
    from ..plugins import load_registry as load  # importlib.metadata, pluggy: not for --help

    return load(extra, load_entry_points=load_entry_points)


def registry_of(ctx: click.Context) -> Registry:
    """The plugin registry for this invocation, built once."""
    if "registry" not in ctx.obj:
        with loading():
            ctx.obj["registry"] = load_registry(
                ctx.obj["plugins"], load_entry_points=ctx.obj["autoload"]
            )
    registry: Registry = ctx.obj["registry"]
    return registry
