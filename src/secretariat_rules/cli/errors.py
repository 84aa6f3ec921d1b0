"""Errors become messages and exit codes here: :func:`handle_errors`, :func:`report_error`."""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from functools import wraps
from typing import Any

import click

from ..crashes import DEBUG_ENV, internal_error_line
from ..exit_codes import ExitCode, exit_code_for
from ..i18n.message import LANG_ENV, names_unknown_lang, using_lang
from ..reporters.terminal import terminal_text
from .help import F, run_lang, tr


def debug_requested() -> bool:
    """Whether tracebacks were asked for: ``--debug`` or ``SECRETARIAT_RULES_DEBUG``."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root().obj if ctx is not None else None
    if isinstance(root, dict) and root.get("debug"):
        return True
    return os.environ.get(DEBUG_ENV, "").strip() not in ("", "0")


def tell(text: str) -> None:
    """A line on stderr, if stderr can be written: an error's exit code is its own even
    when its message cannot be shown (``2>/dev/full``, a full disk under a CI log).

    What the text quotes from the data cannot control the terminal (:mod:`..reporters.
    terminal`: a control character or bidirectional override is written escaped).
    """
    with contextlib.suppress(OSError):
        click.echo(terminal_text(text), err=True)


def warn_unknown_lang_env() -> None:
    """One line on stderr when ``SECRETARIAT_RULES_LANG`` names no language (it is then
    ignored: bokmål), so a typo does not silently keep the tool in Norwegian."""
    value = os.environ.get(LANG_ENV, "")
    if names_unknown_lang(value):
        tell(tr("cli.lang_env.unknown", env=LANG_ENV, value=value))


def report_internal_error(exc: BaseException) -> None:
    """Print the traceback if asked for, then the one-line bug-report request."""
    if debug_requested():
        tell("".join(traceback.format_exception(exc)).rstrip("\n"))
    tell(internal_error_line(exc))


def report_error(exc: BaseException) -> ExitCode:
    """Tell the user about an exception that stopped a command, and return its exit code.

    The code is :func:`~secretariat_rules.exit_codes.exit_code_for`'s: a configuration
    error is one message (2; the traceback too when asked for), Ctrl-C one line (130), a
    broken stdout pipe nothing (141), anything else the one-line bug-report request (3).
    """
    code = exit_code_for(exc)
    if code is ExitCode.CONFIG_ERROR:
        with using_lang(run_lang()):
            tell(tr("cli.error", message=str(exc)))
        if debug_requested():
            tell("".join(traceback.format_exception(exc)).rstrip("\n"))
    elif code is ExitCode.INTERRUPTED:  # not a finding (1) nor a bug (3)
        tell(tr("cli.interrupted"))
    elif code is ExitCode.TERMINATED:
        tell(tr("cli.terminated"))
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
