"""Writing to stdout: a failed write is a configuration-style error naming stdout.

Used by the commands' output (:mod:`.output`) and by click's eager ``--help`` and
``--version`` callbacks, which write before any command runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any

from ..exceptions import UsageError
from ..i18n.message import msg

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
        reason = exc.strerror or str(exc)
        raise UsageError(msg("cli.write.failed", path=STDOUT_NAME, reason=reason)) from exc


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
