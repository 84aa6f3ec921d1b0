"""Writing a report: atomically to a file, in place to a FIFO or device, or to stdout; colour."""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from ..exceptions import UsageError, write_failed
from ..i18n.message import Msg, msg
from ..reporters.terminal import terminal_text
from .stdout import is_terminal, writing_stdout


def _current_umask() -> int:
    """The process umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def report_mode(path: Path) -> int:
    """The mode a report gets: that of the regular file it replaces, else 0666 & ~umask
    (0644 under the usual umask 022), as ``open()`` would have created it."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        info = None
    if info is not None and stat.S_ISREG(info.st_mode):
        return stat.S_IMODE(info.st_mode)
    return 0o666 & ~_current_umask()


_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """``text`` with any lone surrogate (which UTF-8 cannot encode) as U+FFFD.

    A report must never fail to be written because a value from the data carried one.
    """
    try:
        text.encode("utf-8")  # in C, far cheaper than a regex search of a large report
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def _encoded(content: str | bytes) -> bytes:
    """A report's bytes: text as UTF-8 (lone surrogates as U+FFFD), bytes as they are."""
    if isinstance(content, bytes):
        return content
    try:
        return content.encode("utf-8")
    except UnicodeEncodeError:  # only a lone surrogate fails to encode
        return _SURROGATE.sub("\ufffd", content).encode("utf-8")


def _write_stream(path: Path, text: str | bytes) -> None:
    """Write to a FIFO or a character device (``/dev/stdout``) in place, never blocking
    on a FIFO nobody reads (``O_NONBLOCK`` open: an error instead)."""
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        reason: Msg | str = (
            msg("cli.write.no_reader") if exc.errno == errno.ENXIO else exc.strerror or str(exc)
        )
        raise UsageError(msg("cli.write.failed", path=str(path), reason=reason)) from None
    try:
        os.set_blocking(fd, True)
        with os.fdopen(fd, "wb", closefd=False) as handle:
            handle.write(_encoded(text))
    except OSError as exc:
        raise write_failed(path, exc) from None
    finally:
        os.close(fd)


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write a report so that a failed run never leaves half a file in its place.

    The text goes to a temporary file beside ``path`` that then replaces it, with the
    mode of the file it replaces, or the umask's (0644 under 022) for a new one. A FIFO
    or character device (``--output /dev/stdout``) is written in place instead, without
    blocking when nobody reads the FIFO; a directory is an error. Bytes (a binary
    report) are written as they are.
    """
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        info = None
    if info is not None and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        _write_stream(path, text)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = report_mode(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except (OSError, ValueError) as exc:
        raise write_failed(path, exc) from exc
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(_encoded(text))
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise write_failed(path, exc) from exc
        raise


def use_color(choice: bool | None, stream: Any) -> bool:
    """Colour only on a terminal, unless asked; ``NO_COLOR`` turns it off."""
    if choice is not None:
        return choice
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def refuse_binary_terminal(reporter: object, output: Path | None, stream: Any) -> None:
    """Exit 2 before any work when a binary format (``xlsx``, ``pdf``) would go to a
    terminal: it needs ``--output`` (or stdout redirected to a file or pipe)."""
    from ..reporters.base import is_binary

    if output is None and is_binary(reporter) and getattr(stream, "isatty", lambda: False)():
        name = getattr(reporter, "name", "?")
        raise UsageError(msg("report.binary.terminal", format=name))


def echo_report(content: str | bytes, color: bool = False) -> None:
    """Write a report to stdout: text through click, bytes (a binary format) as they are.

    On a terminal, no character of a report controls it (HTML or Markdown read there
    quote the data as it is; :func:`~..reporters.terminal.terminal_line`, the report's
    colours kept); to a pipe or a file a report is exactly what ``--output`` writes.
    A failed write (a full disk, an I/O error) is a :class:`UsageError` naming stdout, as
    it is for ``--output``; a reader that went away stays a broken pipe (exit 141).
    """
    with writing_stdout():
        terminal = is_terminal(sys.stdout)
        buffer = getattr(sys.stdout, "buffer", None)
        if isinstance(content, str) and not color and not terminal and buffer is not None:
            # the report's own bytes (click would strip what looks like a colour code)
            content = _encoded(content) + (b"" if content.endswith("\n") else b"\n")
        if isinstance(content, bytes):
            sys.stdout.flush()  # what was echoed before comes first
            stream = sys.stdout.buffer
            stream.write(content)
            stream.flush()
            return
        if terminal:
            content = terminal_text(content, colour=color)
        click.echo(encodable(content), nl=not content.endswith("\n"), color=color)


def echo(text: str, nl: bool = True) -> None:
    """A line of a command's output on stdout, a failed write as in :func:`echo_report`.

    No character of it controls the terminal (:func:`~..reporters.terminal.terminal_text`):
    listings and messages quote the data (a waiver's reason, a file name).
    """
    with writing_stdout():
        click.echo(terminal_text(text), nl=nl)


def emit(text: str, output: Path | None) -> None:
    """Write to ``output`` atomically, or to stdout (as :func:`echo`)."""
    if output is None:
        echo(text, nl=not text.endswith("\n"))
    else:
        write_atomic(output, text)
