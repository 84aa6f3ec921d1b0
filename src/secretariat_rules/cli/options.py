"""Options shared by commands, and the parsing of their values (dates, periods, ids, reports)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from ..api import DEFAULT_RULESET
from ..exceptions import UsageError
from ..i18n.message import msg, ui_lang
from ..plugins import Registry
from ..safe_files import check_regular_file
from ..schema.manifest import Period
from ..sources.values import has_invisible, parse_scalar, printable
from .help import F, option


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


def check_ruleset_path(name: str | None) -> None:
    """``--ruleset PATH`` naming something that exists must be a regular file (exit 2).

    A name (``national``) or a path that does not exist is left to the ruleset loader.
    """
    if name and os.path.lexists(name) and (name.endswith((".yaml", ".yml")) or "/" in name):
        check_regular_file(Path(name), "--ruleset")


# ---- options declared once, used by several commands

LANGUAGE_CHOICE = click.Choice(["nb", "en"])
FAIL_ON_CHOICE = click.Choice(["error", "warning", "info", "never"])


def _current_lang(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str:
    """No ``--lang``: the language of the invocation (:func:`ui_lang`)."""
    return value or ui_lang()


def lang_option(help_key: str, *, current: bool = True) -> Callable[[F], F]:
    """``--lang nb|en``; with ``current``, none given is the invocation's language, else
    ``None`` (``check`` then reads the manifest's)."""
    extra: dict[str, Any] = {"callback": _current_lang} if current else {}
    return option("--lang", type=LANGUAGE_CHOICE, default=None, help=help_key, **extra)


def format_option(
    help_key: str | None = None, choices: Sequence[str] | None = None
) -> Callable[[F], F]:
    """``-f/--format``, ``text`` by default; ``choices`` when the formats are fixed (else
    any reporter's name, checked by :func:`check_format`)."""
    extra: dict[str, Any] = {"type": click.Choice(list(choices))} if choices else {}
    if help_key is not None:
        extra["help"] = help_key
    return option("-f", "--format", "fmt", default="text", show_default=True, **extra)


def output_option(help_key: str) -> Callable[[F], F]:
    """``-o/--output FILE``."""
    return option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help=help_key)


def reports_option(help_key: str) -> Callable[[F], F]:
    """``--report FORMAT=PATH``, repeatable (:func:`parse_reports`)."""
    return option("--report", "reports", multiple=True, metavar="FORMAT=PATH", help=help_key)


def as_of_option(help_key: str) -> Callable[[F], F]:
    """``--as-of DATE`` (:func:`parse_date`)."""
    return option("--as-of", "as_of", metavar="DATE", help=help_key)


def period_option(help_key: str) -> Callable[[F], F]:
    """``--period YEAR|START..END`` (:func:`parse_period`)."""
    return option("--period", metavar="YEAR|START..END", help=help_key)


def fail_on_option(help_key: str, default: str | None) -> Callable[[F], F]:
    """``--fail-on error|warning|info|never``; a default is shown in the help."""
    extra: dict[str, Any] = {"show_default": True} if default is not None else {}
    return option("--fail-on", type=FAIL_ON_CHOICE, default=default, help=help_key, **extra)


SCHEMA_CHECK_OPTION = option("--schema-check", is_flag=True, help="help.option.schema_check")
COLOR_OPTION = option("--color/--no-color", default=None, help="help.option.color")
TEXT_OR_JSON_OPTION = format_option("help.option.format.text_or_json", ["text", "json"])
LANG_OPTION = lang_option("help.option.lang.reference")
RULESET_OPTION = option(
    "--ruleset",
    "ruleset_name",
    default=DEFAULT_RULESET,
    show_default=True,
    metavar="NAME",
    help="help.option.ruleset.reference",
)
OUTPUT_OPTION = output_option("help.option.output.file")
