"""The process exit codes (SPEC §6), and the one mapping from an exception to its code.

======  =====================  ==========================================================
code    member                 meaning
======  =====================  ==========================================================
0       ``OK``                 no finding at or above ``--fail-on`` (``audit``: in no
                               region, against its own ruleset)
1       ``FINDINGS``           findings at or above ``--fail-on``
2       ``CONFIG_ERROR``       a usage or configuration error: a bad option, a missing
                               directory, an invalid manifest, ruleset, waivers file or
                               plugin (``audit``: a region is ``broken``); one message,
                               no traceback
3       ``INTERNAL_ERROR``     an internal error, a bug in secretariat-rules or a plugin
                               (``audit``: a region ``crashed``; this outranks 2); one
                               line asking for a bug report, the traceback on request
130     ``INTERRUPTED``        Ctrl-C: neither findings nor a bug (the shell's 128 + SIGINT)
141     ``BROKEN_PIPE``        the reader of stdout went away (``check | head``; 128 +
                               SIGPIPE)
143     ``TERMINATED``         stopped by SIGTERM (a cancelled CI job; 128 + SIGTERM)
======  =====================  ==========================================================

:func:`exit_code_for` is the only place that decides which code an exception means: the
command line (``cli.handle_errors`` and the command group) reports an exception by it,
and ``audit`` marks a region ``broken`` or ``crashed`` by it. Commands return their code;
the command group exits with it once.

This module is on the ground floor (it imports only :mod:`secretariat_rules.exceptions`),
so the audit and the command line share it.
"""

from __future__ import annotations

from enum import IntEnum

from .exceptions import ConfigurationError, Terminated

__all__ = ["ExitCode", "exit_code_for"]


class ExitCode(IntEnum):
    """Process exit codes (SPEC §6; 130, 141 and 143 as a shell reports the signal)."""

    OK = 0
    """No finding at or above ``--fail-on``."""
    FINDINGS = 1
    """Findings at or above ``--fail-on``."""
    CONFIG_ERROR = 2
    """A usage or configuration error (an audit region ``broken``)."""
    INTERNAL_ERROR = 3
    """An internal error, a bug (an audit region ``crashed``)."""
    INTERRUPTED = 130
    """Interrupted (Ctrl-C)."""
    BROKEN_PIPE = 141
    """The reader of stdout went away."""
    TERMINATED = 143
    """Stopped by SIGTERM."""


def exit_code_for(exc: BaseException) -> ExitCode:
    """The exit code an exception that stopped a command (or an audit region) means.

    A :class:`~secretariat_rules.exceptions.ConfigurationError` (and its subclasses:
    manifest, ruleset, waivers, attestations, plugin and usage errors) is the user's to
    fix: 2. Ctrl-C is 130, SIGTERM 143 and a broken stdout pipe 141. Anything else is a
    bug: 3.
    """
    if isinstance(exc, ConfigurationError):
        return ExitCode.CONFIG_ERROR
    if isinstance(exc, Terminated):
        return ExitCode.TERMINATED
    if isinstance(exc, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    if isinstance(exc, BrokenPipeError):
        return ExitCode.BROKEN_PIPE
    return ExitCode.INTERNAL_ERROR
