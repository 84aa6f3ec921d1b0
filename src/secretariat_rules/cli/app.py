"""The command group (:class:`SafeGroup`, :func:`main`) and the invocation's plugin registry."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from ..exit_codes import ExitCode
from ..i18n import catalog
from ..i18n.message import using_lang
from ..plugins import Registry, load_registry
from ..version import __version__
from .errors import report_error
from .help import Command, HelpOption, _Translated, lang_in_args, option


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
