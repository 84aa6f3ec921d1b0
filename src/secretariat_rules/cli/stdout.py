"""Writing to stdout: a failed write is an error naming stdout; no character stops a run.

:func:`writing_stdout` is used by the commands' output (:mod:`.output`) and by click's
eager ``--help`` and ``--version`` callbacks, which write before any command runs;
:func:`settle_streams` by the command group at the start of every run.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any

from ..exceptions import write_failed

STDOUT_NAME = "stdout"
"""How a message names standard output."""


@contextmanager
def writing_stdout() -> Iterator[None]:
    """A failed write (a full disk, an I/O error) becomes a :class:`UsageError` naming
    stdout (exit code 2); a reader that went away stays a broken pipe (exit 141)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise write_failed(STDOUT_NAME, exc) from exc


def writes_stdout(callback: Callable[..., Any]) -> Callable[..., Any]:
    """An option callback whose writes to stdout go through :func:`writing_stdout`."""
    if getattr(callback, "writes_stdout", False):
        return callback

    @wraps(callback)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        with writing_stdout():
            return callback(*args, **kwargs)

    guarded.writes_stdout = True  # type: ignore[attr-defined]
    return guarded


def _is_utf8(stream: Any) -> bool:
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "utf-8"
    except LookupError:
        return False


def settle_streams() -> None:
    """Make stdout and stderr unable to fail on a character (at the start of a run).

    What goes to a file or a pipe is UTF-8, whatever the locale says (a Windows runner's
    redirected stdout is cp1252, a ``PYTHONIOENCODING`` may say latin-1 or UTF-16), as
    ``--output`` writes and the JSON, SARIF, JUnit and HTML formats declare.
    A terminal keeps its own encoding, and what it cannot show, like anything stderr
    cannot, is written as a backslash escape (``\\u2013``) instead of stopping the run.
    """
    out = sys.stdout
    if out is not None and hasattr(out, "reconfigure") and not _is_utf8(out):
        if is_terminal(out):
            out.reconfigure(errors="backslashreplace")
        else:
            out.reconfigure(encoding="utf-8", errors="strict")
    err = sys.stderr
    if err is not None and hasattr(err, "reconfigure") and not _is_utf8(err):
        err.reconfigure(errors="backslashreplace")


def is_terminal(stream: Any) -> bool:
    """Whether ``stream`` is a terminal (a stream without ``isatty``, or closed, is not)."""
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False
