"""Files the user names on the command line: ``--baseline``, ``--waivers``, ``--ruleset PATH``.

Such a path may point anywhere (it is the user's own choice, not the data repository's),
but it must be a regular file: a FIFO, a directory, a device or a socket is refused with
exit code 2 *before* it is opened, so the checker never blocks on a FIFO nor reads a
device. The file is then opened with ``O_NONBLOCK`` and checked again with ``fstat``, so a
FIFO swapped in between the two looks is refused too, without blocking.

Files inside a data repository go through the repository's own confinement instead (a
data file must lie inside the repository); this module is only for command-line paths.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .exceptions import UsageError
from .i18n.message import Msg, msg
from .sources.confine import file_kind

__all__ = ["MAX_USER_FILE_BYTES", "check_regular_file", "file_kind", "read_regular_file"]

MAX_USER_FILE_BYTES = 256 * 1024 * 1024
"""Largest command-line file read (256 MiB); a larger one is refused with exit code 2."""


def _refuse(path: Path, option: str, mode: int) -> UsageError:
    return UsageError(
        msg("error.file.not_regular", option=option, path=str(path), kind=file_kind(mode))
    )


def _unreadable(path: Path, option: str, reason: str) -> Msg:
    return msg("error.file.unreadable", option=option, path=str(path), reason=reason)


def _too_large(path: Path, option: str, limit: int) -> Msg:
    return msg("error.file.too_large", option=option, path=str(path), limit=limit)


def check_regular_file(path: Path, option: str) -> None:
    """Refuse (exit code 2) a path that is missing or is not a regular file; never opens it.

    :raises UsageError: naming the option, the path and what it is instead.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise UsageError(msg("error.file.missing", option=option, path=str(path))) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UsageError(_unreadable(path, option, reason)) from None
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(path, option, info.st_mode)


def read_regular_file(path: Path, option: str, limit: int = MAX_USER_FILE_BYTES) -> bytes:
    """The bytes of a regular file, refusing anything else without blocking.

    :raises UsageError: missing, not a regular file, unreadable, or over ``limit`` bytes.
    """
    check_regular_file(path, option)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise UsageError(_unreadable(path, option, exc.strerror or str(exc))) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(path, option, info.st_mode)
        if info.st_size > limit:
            raise UsageError(_too_large(path, option, limit))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UsageError(_unreadable(path, option, exc.strerror or str(exc))) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise UsageError(_too_large(path, option, limit))
    return data
