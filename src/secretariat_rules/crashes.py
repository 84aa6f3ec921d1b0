"""How an unexpected exception (a bug) is described: in one line, quoting no data.

The command line prints :func:`internal_error_line` and exits 3
(:attr:`~secretariat_rules.exit_codes.ExitCode.INTERNAL_ERROR`, SPEC §6); ``audit`` marks
a region ``crashed`` with :func:`crash_summary` as its message, and exits 3 too. Neither includes
the exception's message, which may quote bytes of the data (a record's value, a file's
content), so that a bug cannot copy data into a report or a CI log; the traceback, which
does, is printed only on request (``--debug`` or ``SECRETARIAT_RULES_DEBUG=1``).
"""

from __future__ import annotations

import traceback
from pathlib import PurePath

from .i18n.message import msg

__all__ = ["DEBUG_ENV", "OUR_PACKAGES", "crash_summary", "internal_error_line", "raised_at"]

DEBUG_ENV = "SECRETARIAT_RULES_DEBUG"
"""Environment variable that, set to anything but ``""`` or ``0``, acts like ``--debug``."""

OUR_PACKAGES = ("secretariat_rules", "secretariat_regions")
"""Packages whose innermost frame is named too when the exception was raised elsewhere."""


def _short(filename: str, line: int | None) -> str:
    parts = PurePath(filename).parts
    return f"{'/'.join(parts[-2:])}:{line}"


def raised_at(exc: BaseException) -> str:
    """``pkg/module.py:LINE`` of the innermost frame, and ``(from pkg/module.py:LINE)``
    for the innermost frame of secretariat-rules when that is not the same one."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return ""
    last = frames[-1]
    where = _short(last.filename, last.lineno)
    ours = [f for f in frames if any(p in PurePath(f.filename).parts for p in OUR_PACKAGES)]
    if ours and ours[-1] is not last:
        where += f" (from {_short(ours[-1].filename, ours[-1].lineno)})"
    return where


def crash_summary(exc: BaseException) -> str:
    """``ZeroDivisionError at secretariat_rules/x.py:12``: the type and where, no message."""
    where = raised_at(exc)
    return f"{type(exc).__name__} at {where}" if where else type(exc).__name__


def internal_error_line(exc: BaseException) -> str:
    """The one line printed for an unexpected exception (exit code 3, see
    :func:`~secretariat_rules.exit_codes.exit_code_for`), in the ui language (the
    catalogue entry ``cli.internal_error``)."""
    return str(msg("cli.internal_error", summary=crash_summary(exc), env=DEBUG_ENV))
