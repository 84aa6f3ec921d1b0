"""The raw table every reader builds, and what all readers share (SPEC §2).

:class:`RawTable` (one ``Utf8`` column per header/key, plus ``_line``, ``_pointer`` and
``_problems``), :class:`RowCollector` that builds one, and the shared steps: reading and
decoding a file, header names, and the row problems kept as the messages they were made
from (:func:`row_problems`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from ..exceptions import DataFileError
from ..i18n.message import Msg, Text, msg
from .confine import (
    MAX_TABLE_COLUMNS,
)

LINE = "_line"
POINTER = "_pointer"
PROBLEMS = "_problems"
RESERVED_COLUMNS = (LINE, POINTER, PROBLEMS)

_WHITESPACE = (
    " \t\n\r\x0b\x0c\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Unicode White_Space, the set polars' ``strip_chars`` strips (Python's ``strip`` differs)."""


@dataclass(frozen=True)
class RawTable:
    """The raw text of one collection file, one row per record, with provenance.

    ``frame`` holds one ``Utf8`` column per header/key (first-seen order) and ``_line``
    (1-based line where the record starts; Excel row number), ``_pointer`` (Excel
    ``Sheet!row``, else null) and ``_problems`` (structural problems, ``"; "``-joined).
    """

    collection: str
    path: str
    frame: pl.DataFrame
    header_line: int | None
    columns: tuple[str, ...]
    messages: Mapping[str, Msg] = field(default_factory=dict)
    """The message behind each problem text of ``_problems`` (see :func:`row_problems`)."""


Reader = Callable[[Path, Path, str], "RawTable"]


def relative_path(path: Path, root: Path) -> str:
    """``path`` as a POSIX path relative to ``root`` (as given if outside it).

    Lexical first: a symlink's target is never named (it may point anywhere).
    """
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def read_bytes(path: Path, rel: str) -> bytes:
    """Unconfined read, kept for third-party adapters; prefer :func:`read_data_file`."""
    try:
        return path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DataFileError(rel, msg("data.file.cannot_read", reason=reason)) from exc


def decode_text(data: bytes, rel: str) -> str:
    """UTF-8 (BOM stripped), else Windows-1252; anything else is a DataFileError."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataFileError(rel, msg("data.file.utf16"), 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        message = msg("data.file.encoding", byte=f"{data[exc.start]:02X}")
        raise DataFileError(rel, message, line) from exc


def is_blank(text: str | None) -> bool:
    return text is None or not text.strip(_WHITESPACE)


def _column_names(cells: Iterable[str | None], rel: str, line: int) -> list[str | None]:
    """Stripped header names; None for an empty header cell. Duplicates are an error."""
    names: list[str | None] = []
    seen: set[str] = set()
    for cell in cells:
        if len(names) == MAX_TABLE_COLUMNS:
            raise DataFileError(
                rel, msg("data.header.too_many_columns", limit=MAX_TABLE_COLUMNS), line
            )
        name = None if is_blank(cell) else str(cell).strip(_WHITESPACE)
        if name in RESERVED_COLUMNS:
            raise DataFileError(rel, msg("data.header.reserved", name=repr(name)), line)
        if name is not None:
            if name in seen:
                raise DataFileError(rel, msg("data.header.twice", name=repr(name)), line)
            seen.add(name)
        names.append(name)
    return names


def _schema(columns: Iterable[str]) -> dict[str, pl.DataType]:
    schema: dict[str, pl.DataType] = {name: pl.Utf8() for name in columns}
    schema.update({LINE: pl.Int64(), POINTER: pl.Utf8(), PROBLEMS: pl.Utf8()})
    return schema


class RowCollector:
    """Collects records as ``{column: text}`` with their provenance; builds the frame."""

    def __init__(self, columns: Iterable[str] = ()) -> None:
        self.columns: dict[str, None] = dict.fromkeys(columns)
        self.cells: list[dict[str, str | None]] = []
        self.lines: list[int] = []
        self.pointers: list[str | None] = []
        self.problems: list[str | None] = []
        self.messages: dict[str, Msg] = {}

    def add(
        self,
        line: int,
        cells: dict[str, str | None],
        problems: Iterable[Text],
        pointer: str | None = None,
    ) -> None:
        """One record; each problem a :class:`~secretariat_rules.i18n.message.Msg` or text."""
        for name in cells:
            self.columns.setdefault(name)
        self.cells.append(cells)
        self.lines.append(line)
        self.pointers.append(pointer)
        self.problems.append("; ".join(self._problem_text(p) for p in problems) or None)

    def _problem_text(self, problem: Text) -> str:
        """A problem as the ``_problems`` column holds it (English); its message is kept."""
        if isinstance(problem, str):
            return problem
        text = problem.render("en")
        self.messages.setdefault(text, problem)
        return text

    def table(self, collection: str, rel: str, header_line: int | None) -> RawTable:
        """The collected records as one frame.

        :raises DataFileError: when they use more than ``MAX_TABLE_COLUMNS`` columns.
        """
        names = tuple(self.columns)
        if len(names) > MAX_TABLE_COLUMNS:
            raise DataFileError(rel, msg("data.records.too_many_columns", limit=MAX_TABLE_COLUMNS))
        data: dict[str, list[Any]] = {n: [row.get(n) for row in self.cells] for n in names}
        data.update({LINE: self.lines, POINTER: self.pointers, PROBLEMS: self.problems})
        frame = pl.DataFrame(data, schema=_schema(names))
        return RawTable(collection, rel, frame, header_line, names, dict(self.messages))


def row_problems(cell: str, messages: Mapping[str, Msg]) -> tuple[Text, ...]:
    """The problems of one ``_problems`` cell, each as the message it was made from
    (``messages``: the tables' :attr:`RawTable.messages`).

    A problem an adapter wrote as plain text stays that text.
    """
    return tuple(messages.get(part, part) for part in cell.split("; "))


def _nested_problem(name: str, value: object) -> Msg:
    is_list = isinstance(value, list | yaml.SequenceNode)
    return msg("data.row.holds_list" if is_list else "data.row.holds_mapping", name=repr(name))


def _put(
    values: dict[str, str | None],
    problems: list[Text],
    key: str,
    value: object,
    cell: Callable[[Any], str | None],
) -> None:
    """Store one field of a mapping record, or note why it cannot be stored."""
    if key in RESERVED_COLUMNS:
        problems.append(msg("data.row.reserved_field", name=repr(key)))
    elif key in values:
        problems.append(msg("data.row.field_twice", name=repr(key)))
        values[key] = None
    elif isinstance(value, list | dict | yaml.SequenceNode | yaml.MappingNode):
        problems.append(_nested_problem(key, value))
        values[key] = None
    else:
        values[key] = cell(value)
