"""The trust boundary of a data repository: which files may be read, and how much of them.

A data repository is untrusted input (whoever can push to it controls every byte), so
every reader of a file *inside* a data repository goes through this module:

* :func:`read_data_file` reads a data file only if it is a regular file (not a symbolic
  link, not even one pointing inside) whose resolved path lies inside the repository.
  Anything else is a :class:`~secretariat_rules.exceptions.DataFileError` (DAT004) and
  is never opened; the message names the file as the repository names it and quotes
  nothing of what it points at. The file is opened with ``O_NOFOLLOW | O_NONBLOCK``
  and checked again with ``fstat``, so a symlink or a FIFO swapped in between the two
  looks is refused too, without blocking.
* :func:`confined_config` does the same for configuration files a repository names
  (``secretariat.yaml``, ``waivers.yaml``, ``attestations.yaml``, a manifest's
  ``ruleset:`` path): they must resolve inside the repository, else exit code 2 with a
  message that quotes none of the file.
* :func:`unrecognised_files` names every file in the repository root that no collection,
  adapter or known side file accounts for (a DAT005 warning each).

The bounds of the parsers (YAML, JSON, XML, xlsx) are named constants here too, so the
whole trust model is in one place (README "Trust model").
"""

from __future__ import annotations

import difflib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from ..exceptions import ConfigurationError, DataFileError, UsageError
from ..i18n.message import Msg, Text, msg
from .values import ValueProblem

__all__ = [
    "MAX_CONFIG_BYTES",
    "MAX_DATA_FILE_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_JSON_NUMBER_CHARS",
    "MAX_TABLE_COLUMNS",
    "MAX_XLSX_COLUMNS",
    "MAX_XLSX_MEMBERS",
    "MAX_XLSX_RATIO",
    "MAX_XLSX_UNCOMPRESSED",
    "MAX_XML_DEPTH",
    "MAX_YAML_ALIASES",
    "MAX_YAML_DEPTH",
    "MAX_YAML_NODES",
    "UnrecognisedFile",
    "confined_config",
    "file_kind",
    "is_present",
    "read_config_bytes",
    "read_data_file",
    "unrecognised_files",
]

MAX_DATA_FILE_BYTES = 256 * 1024 * 1024
"""Largest data file read by default (256 MiB); a larger one is DAT004."""
MAX_FILE_MB_VARIABLE = "SECRETARIAT_RULES_MAX_FILE_MB"
"""Environment variable raising (or lowering) the largest data file read, in MiB.

Set by whoever runs the checker (a CI job, the directorate's audit machine), never by a
data repository: national-scale extracts (10M distributions, ~380 MB of CSV) need more
than the default, a shared runner may want less.
"""
MAX_CONFIG_BYTES = 16 * 1024 * 1024
"""Largest configuration file read (16 MiB): manifest, ruleset, waivers, attestations."""
MAX_YAML_DEPTH = 64
"""Deepest nesting of YAML collections (mappings, sequences)."""
MAX_YAML_ALIASES = 1_000
"""Most aliases (``*name``) in one YAML document."""
MAX_YAML_NODES = 1_000_000
"""Most nodes of a YAML document with every alias expanded (an alias bomb exceeds it)."""
MAX_JSON_DEPTH = 32
"""Deepest nesting of JSON arrays and objects."""
MAX_JSON_NUMBER_CHARS = 100
"""Longest JSON number literal; a longer one is kept as text (and is then invalid)."""
MAX_XML_DEPTH = 100
"""Deepest element nesting of an XML file (libxml2's own limit is 256)."""
MAX_XLSX_UNCOMPRESSED = 256 * 1024 * 1024
"""Largest total uncompressed size of a workbook's zip members (256 MiB)."""
MAX_XLSX_RATIO = 100
"""Largest compression ratio of a workbook member bigger than 1 MiB uncompressed."""
MAX_XLSX_MEMBERS = 10_000
"""Most members in a workbook's zip."""
MAX_TABLE_COLUMNS = 1_024
"""Most distinct columns (header cells or record keys) one data file may have."""
MAX_XLSX_COLUMNS = 1_024
"""Rightmost column a sheet may use (``AMJ``); a cell beyond it (``XFD``) is DAT004."""

_KINDS = (
    (stat.S_ISLNK, "symlink"),
    (stat.S_ISDIR, "directory"),
    (stat.S_ISFIFO, "fifo"),
    (stat.S_ISCHR, "char_device"),
    (stat.S_ISBLK, "block_device"),
    (stat.S_ISSOCK, "socket"),
)


def file_kind(mode: int) -> Msg:
    """``a symbolic link``, ``a directory``, ``a FIFO``... for a non-regular ``st_mode``."""
    kind = next((name for test, name in _KINDS if test(mode)), "other")
    return msg(f"data.kind.{kind}")


def _rel(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` as written (never resolved: a link's target is not named)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def is_present(path: Path) -> bool:
    """Whether a directory entry exists at ``path`` (a dangling symlink or a FIFO counts)."""
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
)


def _read_regular(path: Path, limit: int) -> bytes:
    """Open without following a link or blocking, re-check ``fstat``, read up to ``limit``.

    :raises ValueProblem: with the reason, when the file is not a regular file or too large.
    :raises OSError: when it cannot be opened or read.
    """
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueProblem(msg("data.file.not_regular", kind=file_kind(info.st_mode)))
        if info.st_size > limit:
            raise ValueProblem(msg("data.file.too_large", limit=limit))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise ValueProblem(msg("data.file.too_large", limit=limit))
    return data


def _refusal(path: Path, root: Path) -> Msg | None:
    """Why the entry at ``path`` may not be read as a file of ``root``; None if it may."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return msg("data.file.missing")
    except (OSError, ValueError) as exc:
        return msg("data.file.cannot_read", reason=getattr(exc, "strerror", None) or str(exc))
    if stat.S_ISLNK(info.st_mode):
        return msg("data.file.symlink")
    if not stat.S_ISREG(info.st_mode):
        return msg("data.file.not_regular", kind=file_kind(info.st_mode))
    if not _inside(path, root):
        return msg("data.file.outside")
    return None


def data_file_limit() -> int:
    """The largest data file read, in bytes: :data:`MAX_FILE_MB_VARIABLE` MiB if set, else
    :data:`MAX_DATA_FILE_BYTES`.

    :raises UsageError: the variable is not a whole number of MiB above 0 (exit code 2).
    """
    value = os.environ.get(MAX_FILE_MB_VARIABLE)
    if value is None or value.strip() == "":
        return MAX_DATA_FILE_BYTES
    text = value.strip()
    if not text.isascii() or not text.isdigit() or int(text) <= 0:
        raise UsageError(
            msg("error.env.max_file_mb", name=MAX_FILE_MB_VARIABLE, quoted=repr(value))
        )
    return int(text) * 1024 * 1024


def read_data_file(path: Path, root: Path, limit: int | None = None) -> bytes:
    """The bytes of a data file of the repository ``root``, if it may be read.

    ``limit``: the largest size read, by default :func:`data_file_limit`.

    :raises DataFileError: (DAT004) a symlink, a special file, a path resolving outside
        ``root``, an unreadable or too large file; the message quotes none of its bytes.
    """
    rel = _rel(path, root)
    reason = _refusal(path, root)
    if reason is not None:
        raise DataFileError(rel, reason)
    try:
        return _read_regular(path, data_file_limit() if limit is None else limit)
    except ValueError as exc:
        raise DataFileError(rel, exc.msg if isinstance(exc, ValueProblem) else str(exc)) from None
    except OSError as exc:
        if exc.errno == getattr(os, "ELOOP", -1):  # swapped for a link after the check
            raise DataFileError(rel, msg("data.file.symlink_swapped")) from None
        cause = exc.strerror or str(exc)
        raise DataFileError(rel, msg("data.file.cannot_read", reason=cause)) from None


def confined_config(
    root: Path, name: str, error: type[ConfigurationError], what: str
) -> Path | None:
    """The path of a configuration file a repository names, if it may be read.

    ``name`` is relative to ``root`` (as the manifest writes it). The file must resolve
    inside the repository and be a regular file; a link whose target lies inside is
    followed. Returns None when nothing is there.

    :raises error: (exit code 2) the path leaves the repository or is not a regular file;
        the message names the path as written and quotes nothing of the file.
    """
    path = root / name
    if not _inside(path, root):
        raise error(f"{name}: the {what} path resolves outside the data repository; not read")
    if not is_present(path):
        return None
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        raise error(f"{name}: the {what} is a dangling symbolic link; not read") from None
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{name}: the {what} is {file_kind(info.st_mode)}, not a regular file")
    return path


def read_config_bytes(
    path: Path, display: str, error: type[ConfigurationError], what: str
) -> bytes:
    """A configuration file's bytes, refusing a non-regular or oversized file without blocking.

    A link is followed here: a repository's config file was confined first
    (:func:`confined_config`), and a command-line path may point anywhere.

    :raises error: (exit code 2) naming ``display``; never quoting the file.
    """
    flags = _OPEN_FLAGS & ~getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                kind = file_kind(info.st_mode)
                raise error(f"{display}: the {what} is {kind}, not a regular file; not read")
            with os.fdopen(fd, "rb", closefd=False) as handle:
                data = handle.read(MAX_CONFIG_BYTES + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        raise error(f"{display}: cannot read {what}: {exc.strerror or exc}") from None
    except ValueError as exc:  # a NUL in the path
        raise error(f"{display}: cannot read {what}: {exc}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise error(f"{display}: the {what} is larger than {MAX_CONFIG_BYTES} bytes; not read")
    return data


# --------------------------------------------------------------------------- unrecognised

SIDE_FILES = frozenset({"secretariat.yaml", "waivers.yaml", "attestations.yaml"})
"""Files of a data repository that are not collections but are read (or allowed)."""
SIDE_PREFIXES = (
    "readme",
    "license",
    "licence",
    "copying",
    "changelog",
    "notice",
    "authors",
    "codeowners",
    "makefile",
    "secretariat-rules.",
)
"""Lower-case name prefixes of documentation files a repository may keep in its root, and
of the reports the CI configurations ``init`` writes put there (``secretariat-rules.xml``,
``secretariat-rules.sarif``): a local run of the same command leaves them behind."""


IGNORE_FILE = ".secretariatignore"
"""Glob patterns (one a line, ``#`` comments) of root files a repository keeps on purpose."""
MAX_IGNORE_PATTERNS = 1_000
"""Most patterns read from ``.secretariatignore``."""


def ignore_patterns(root: Path) -> list[str]:
    """The patterns of the repository's ``.secretariatignore`` (none if it may not be read)."""
    path = root / IGNORE_FILE
    if not is_present(path):
        return []
    try:
        text = read_data_file(path, root, limit=64 * 1024).decode("utf-8-sig", "replace")
    except DataFileError:
        return []
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")][:MAX_IGNORE_PATTERNS]


@dataclass(frozen=True)
class UnrecognisedFile:
    """A file in the repository root that nothing reads (a DAT005 warning)."""

    name: str
    message: Text


def _allowed(name: str) -> bool:
    lower = name.lower()
    return name.startswith(".") or name in SIDE_FILES or lower.startswith(SIDE_PREFIXES)


def unrecognised_files(
    root: Path, claimed: Iterable[str], collections: Iterable[str], suffixes: Iterable[str]
) -> list[UnrecognisedFile]:
    """Files in ``root`` (not directories) that no adapter claimed and no allow-list names.

    Hidden entries (``.git``, ``.gitlab-ci.yml``, ``.pre-commit-config.yaml``...), the
    manifest, ``waivers.yaml``, ``attestations.yaml``, documentation files (README*,
    LICENSE*...) and the glob patterns of ``.secretariatignore`` are allowed. Each other
    file is named with the closest collection.
    """
    taken = set(claimed)
    patterns = ignore_patterns(root)
    names = sorted(collections)
    exts = sorted(suffixes)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return []
    out = []
    for entry in entries:
        name = entry.name
        if name in taken or _allowed(name) or any(fnmatchcase(name, p) for p in patterns):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                continue
        except OSError:
            pass
        out.append(UnrecognisedFile(name, _unrecognised_message(name, names, exts)))
    return out


def _unrecognised_message(name: str, collections: list[str], suffixes: list[str]) -> Msg:
    stem, dot, ext = name.partition(".")
    ext = f".{ext.lower()}" if dot else ""
    lower = stem.lower()
    close = difflib.get_close_matches(lower, collections, n=1, cutoff=0.75)
    near = lower if lower in collections else (close[0] if close else None)
    if near is None:
        return msg("data.unrecognised.no_match", name=name)
    if ext in suffixes:
        return msg("data.unrecognised.near", name=name, near=f"{near}{ext}")
    kinds = ", ".join(suffixes)
    return msg(
        "data.unrecognised.near_kind", name=name, near=near, collection=repr(near), kinds=kinds
    )
