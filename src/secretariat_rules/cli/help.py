"""The language of an invocation and the help texts: catalogue keys rendered in :func:`ui_lang`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from ..crashes import DEBUG_ENV
from ..i18n import catalog
from ..i18n.catalog import t
from ..i18n.message import ui_lang
from .stdout import writes_stdout

F = TypeVar("F", bound=Callable[..., Any])


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


class OutputOption(HelpOption):
    """An eager option that prints and exits (``--version``): a failed write to stdout
    is an error naming stdout (exit code 2), not a crash (:func:`.stdout.writes_stdout`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.callback is not None:
            self.callback = writes_stdout(self.callback)


def option(*decls: str, **attrs: Any) -> Callable[[F], F]:
    """``click.option`` with :class:`HelpOption`: ``help`` is a catalogue key."""
    attrs.setdefault("cls", HelpOption)
    return click.option(*decls, **attrs)


class _Translated:
    """Help, short help and epilog of a command rendered in :func:`ui_lang`; click's own
    help option too, whose failed write to stdout is an error naming stdout."""

    help = _HelpText()
    short_help = _HelpText()
    epilog = _HelpText()
    context_class = Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        found: click.Option | None = super().get_help_option(ctx)  # type: ignore[misc]
        if found is not None:
            found.help = tr("help.option.help")
            if found.callback is not None:
                found.callback = writes_stdout(found.callback)
        return found


class Command(_Translated, click.Command):  # type: ignore[misc]
    """A command whose help texts are catalogue keys."""
