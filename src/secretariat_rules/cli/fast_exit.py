"""The console script: the command group, then an end of the process without teardown.

When a command has finished, the interpreter's finalization frees every object one by one:
the loaded frames, the ruleset, every module. At a million distributions that took
0.10–0.21 s of a 2.3 s ``check`` (issue 13), more than the report's writing: polars'
allocator hands each freed page back at once (:func:`.app.return_freed_memory`). The
console script (and ``python -m secretariat_rules``) therefore ends the process as mypy's
does (``mypy.util.hard_exit``): once the command has returned it does what finalization
does that anyone could observe — waits for the threads that are not daemons, runs the
``atexit`` callbacks (a plugin's, coverage's...), flushes stdout and stderr — and then
calls :func:`os._exit`. Code that calls :data:`.app.main` itself (click's test runner,
a wrapper) and the library API never come here.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
from typing import NoReturn

from ..exit_codes import ExitCode
from .app import main

FLUSH_FAILED = 120
"""The status Python itself exits with when flushing stdout or stderr at exit fails."""


def console_main() -> NoReturn:
    """Run the command line (:data:`.app.main`) and end the process (:func:`quick_exit`)."""
    try:
        main()
    except SystemExit as exc:
        quick_exit(exc.code)
    quick_exit(0)  # pragma: no cover - click's standalone mode always raises SystemExit


def exit_status(code: object) -> int:
    """The process status of ``SystemExit(code)``, as Python gives it: None is 0, an
    integer itself; anything else is printed to stderr and is 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    with contextlib.suppress(Exception):  # as Python: a status whatever happens
        print(code, file=sys.stderr)
    return 1


def quick_exit(code: object) -> NoReturn:
    """End the process with ``code`` (as ``SystemExit(code)`` would) without tearing the
    interpreter down: threads awaited, ``atexit`` callbacks run, stdout and stderr flushed.

    Where this Python lacks ``threading._shutdown`` (what finalization calls to wait for
    the threads and stop ``concurrent.futures`` workers), it exits the usual way instead.
    """
    status = exit_status(code)
    shutdown = getattr(threading, "_shutdown", None)
    if shutdown is None:  # pragma: no cover - CPython 3.11-3.14 have it
        raise SystemExit(status)
    shutdown()
    atexit._run_exitfuncs()
    status = _flushed(status)
    os._exit(status)


def _flushed(status: int) -> int:
    """Flush stdout and stderr; the status to exit with afterwards.

    A reader of stdout that went away (``check ... | head``) is :attr:`ExitCode.BROKEN_PIPE`,
    as when the command itself notices it; any other failure to flush is Python's own
    status for it (:data:`FLUSH_FAILED`).
    """
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            stream.flush()
        except BrokenPipeError:
            status = ExitCode.BROKEN_PIPE if stream is sys.stdout else status
        except (OSError, ValueError):
            status = FLUSH_FAILED
    return int(status)
