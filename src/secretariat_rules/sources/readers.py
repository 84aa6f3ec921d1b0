"""Raw tables with exact provenance from CSV, YAML, JSON and Excel files (SPEC §2).

A reader turns one collection file into a :class:`RawTable`: one ``Utf8`` column per
header/key, plus the line (or Excel row) where each record starts. Readers do not
interpret values (that is :mod:`.values`); they only decode the file. A file that cannot
be decoded or parsed raises :class:`~secretariat_rules.exceptions.DataFileError` with the
line where that is known; no other exception escapes for bad input.

Row-level structural problems (a list where a value belongs, more cells than the header)
do not stop the file: they are listed in the row's ``_problems`` column, in English;
:func:`row_problems` gives them back as the messages they were made from, so a report
shows them in its own language.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import yaml
from openpyxl.utils import get_column_letter

from ..exceptions import DataFileError
from ..i18n.message import Msg, Text, msg
from .confine import (
    MAX_JSON_DEPTH,
    MAX_JSON_NUMBER_CHARS,
    MAX_TABLE_COLUMNS,
    MAX_XLSX_COLUMNS,
    MAX_XLSX_MEMBERS,
    MAX_XLSX_RATIO,
    MAX_XLSX_UNCOMPRESSED,
    MAX_YAML_ALIASES,
    MAX_YAML_DEPTH,
    read_data_file,
)
from .values import ValueProblem, decimal_text

__all__ = [
    "READERS",
    "RESERVED_COLUMNS",
    "RawTable",
    "RowCollector",
    "decode_text",
    "is_blank",
    "open_workbook",
    "parse_csv",
    "read_bytes",
    "read_data_file",
    "read_table",
    "relative_path",
    "row_problems",
    "sheet_rows",
    "xlsx_error_reason",
    "xlsx_row",
    "xlsx_text",
]
"""Public for source adapters in plugins: reading, decoding and cell conversion."""

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


Reader = Callable[[Path, Path, str], "RawTable"]


def read_table(path: Path, root: Path, collection: str) -> RawTable:
    """Read one collection file, dispatching on its suffix."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise DataFileError(
            relative_path(path, root), msg("data.file.unsupported_type", suffix=repr(path.suffix))
        )
    return reader(path, root, collection)


# --------------------------------------------------------------------------- shared


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
        self.problems.append("; ".join(_problem_text(p) for p in problems) or None)

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
        return RawTable(collection, rel, frame, header_line, names)


_PROBLEM_MESSAGES: dict[str, Msg] = {}
"""The message behind each (English) problem text a ``_problems`` column holds."""


def _problem_text(problem: Text) -> str:
    """A row problem as the ``_problems`` column holds it: English; its message is kept."""
    if isinstance(problem, str):
        return problem
    text = problem.render("en")
    _PROBLEM_MESSAGES.setdefault(text, problem)
    return text


def row_problems(cell: str) -> tuple[Text, ...]:
    """The problems of one ``_problems`` cell, each as the message it was made from.

    A problem an adapter wrote as plain text stays that text.
    """
    return tuple(_PROBLEM_MESSAGES.get(part, part) for part in cell.split("; "))


def _nested_problem(name: str, value: object) -> Msg:
    is_list = isinstance(value, list | yaml.SequenceNode)
    return msg("data.row.holds_list" if is_list else "data.row.holds_mapping", name=repr(name))


# --------------------------------------------------------------------------- CSV


def _read_csv(path: Path, root: Path, collection: str) -> RawTable:
    rel = relative_path(path, root)
    return parse_csv(decode_text(read_data_file(path, root), rel), rel, collection)


def parse_csv(text: str, rel: str, collection: str, *, fast: bool = True) -> RawTable:
    """A CSV text (already decoded) as a RawTable; ``fast=False`` forces the csv module."""
    delimiter = _detect_delimiter(text)
    table = _csv_fast(text, delimiter, rel, collection) if fast else None
    return table if table is not None else _csv_slow(text, delimiter, rel, collection)


def _detect_delimiter(text: str) -> str:
    """``;`` if the header line has more semicolons than commas outside quotes, else ``,``."""
    lines = (m.group() for m in _LINE_TEXT.finditer(text))
    line = next((ln for ln in lines if not is_blank(ln)), "")
    outside = "".join(line.split('"')[::2])
    return ";" if outside.count(";") > outside.count(",") else ","


_LINE_TEXT = re.compile(r"[^\r\n]+")


def _physical_lines(text: str) -> Iterator[str]:
    """Lines split on ``\\n`` only, line ends kept (``\\r\\n`` stays within the line)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield text[start:end]
        start = end


def _csv_reader(lines: Iterable[str], delimiter: str) -> Any:
    return csv.reader(lines, delimiter=delimiter, quotechar='"', strict=True)


def _csv_slow(text: str, delimiter: str, rel: str, collection: str) -> RawTable:
    """Reference reader on the csv module: exact lines from ``reader.line_num``."""
    reader = _csv_reader(io.StringIO(text, newline=""), delimiter)
    records = _csv_records(reader, rel)
    header = next(records, None)
    if header is None:
        return RowCollector().table(collection, rel, None)
    header_line, cells = header
    names = _column_names(cells, rel, header_line)
    rows = RowCollector(n for n in names if n is not None)
    for line, row in records:
        if all(is_blank(cell) for cell in row):
            continue
        values, problems = _csv_row(row, names, len(cells))
        rows.add(line, values, problems)
    return rows.table(collection, rel, header_line)


def _csv_records(reader: Any, rel: str) -> Iterator[tuple[int, list[str]]]:
    """``(start line, cells)`` of every record; blank lines skipped before the header."""
    seen_header = False
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise DataFileError(rel, msg("data.csv.malformed", error=str(exc)), start) from exc
        if not seen_header and all(is_blank(cell) for cell in row):
            continue
        seen_header = True
        yield start, row


def _csv_row(
    row: list[str], names: list[str | None], width: int
) -> tuple[dict[str, str | None], list[Text]]:
    """One record's cells by column name, and its structural problems."""
    values: dict[str, str | None] = {}
    problems: list[Text] = []
    for index, cell in enumerate(row[:width]):
        name = names[index]
        if name is not None:
            values[name] = cell or None
        elif not is_blank(cell):
            problems.append(msg("data.row.cell_without_column", cell=index + 1))
    if len(row) > width and not all(is_blank(cell) for cell in row[width:]):
        problems.append(msg("data.row.too_many_cells", cells=len(row), width=width))
    return values, problems


def _csv_fast(text: str, delimiter: str, rel: str, collection: str) -> RawTable | None:
    """polars reader with lines from embedded-newline counts; None when not provably exact.

    Taken only when every line ends in ``\\n``, every quote belongs to a well-formed quoted
    field, polars parses the body, the line count adds up and no cell lies under an empty
    header. Anything else goes to :func:`_csv_slow`, which also reports the errors.
    """
    if text.count("\r") != text.count("\r\n"):
        return None
    lines = _physical_lines(text)
    try:
        header = next(_csv_records(_csv_reader(lines, delimiter), rel), None)
    except DataFileError:
        return None
    if header is None:
        return None
    header_line, cells = header
    names = _column_names(cells, rel, header_line)
    consumed = header_line + _first_record_extra_lines(cells)
    body = _after_line(text, consumed)
    frame = _polars_body(body, delimiter, len(names), consumed + 1)
    if frame is None:
        return None
    return _fast_table(frame, names, rel, collection, header_line)


def _first_record_extra_lines(cells: list[str]) -> int:
    return sum(cell.count("\n") for cell in cells)


def _after_line(text: str, line: int) -> str:
    """``text`` after its first ``line`` lines."""
    offset = 0
    for _ in range(line):
        found = text.find("\n", offset)
        if found < 0:
            return ""
        offset = found + 1
    return text[offset:]


_LEADING_BLANK_LINES = re.compile(r"(?:[ \t]*\r?\n)*")


def _polars_body(body: str, delimiter: str, width: int, first_line: int) -> pl.DataFrame | None:
    """Body cells as ``c0..cN`` plus ``_line``; None unless the line count adds up."""
    skipped = _LEADING_BLANK_LINES.match(body)
    if skipped is not None and skipped.end():
        first_line += skipped.group().count("\n")
        body = body[skipped.end() :]
    body = body.rstrip("\r\n")
    names = [f"c{i}" for i in range(width)]
    if not body:
        return pl.DataFrame(schema={**dict.fromkeys(names, pl.Utf8), LINE: pl.Int64})
    quoted = '"' in body
    if quoted and not _well_quoted(body, delimiter):
        return None
    try:
        frame = pl.read_csv(
            (body + "\n").encode(),
            has_header=False,
            schema=dict.fromkeys(names, pl.Utf8),
            separator=delimiter,
            quote_char='"',
            infer_schema=False,
            raise_if_empty=False,
        )
    except (Exception, pl.exceptions.PanicException):
        return None  # the csv module reports what is wrong, with its line
    return _with_lines(frame, names, first_line, body.count("\n") + 1, quoted)


def _with_lines(
    frame: pl.DataFrame, names: list[str], first_line: int, total_lines: int, quoted: bool
) -> pl.DataFrame | None:
    """Add ``_line`` from embedded newlines; None if the lines do not add up to the body."""
    if not quoted:
        if frame.height != total_lines:
            return None
        starts = pl.int_range(first_line, first_line + frame.height, dtype=pl.Int64, eager=True)
        return frame.with_columns(starts.alias(LINE))
    newlines = [pl.col(n).str.count_matches("\n", literal=True).fill_null(0) for n in names]
    spans = frame.select((pl.sum_horizontal(newlines).cast(pl.Int64) + 1).alias(LINE))
    lines = spans.to_series()
    if int(lines.sum()) != total_lines:
        return None
    return frame.with_columns(lines.cum_sum() - lines + first_line)


def _well_quoted(body: str, delimiter: str) -> bool:
    """Whether every ``"`` belongs to a quoted field spanning a whole cell (RFC 4180)."""
    return _WELL_QUOTED[delimiter].fullmatch(body) is not None


def _well_quoted_pattern(delimiter: str) -> re.Pattern[str]:
    """Text between quoted fields, each opened after a delimiter/line start, closed before one.

    Possessive quantifiers: one linear pass, no backtracking.
    """
    sep = re.escape(delimiter)
    field = rf'(?<![^{sep}\n])"[^"]*+(?:""[^"]*+)*+"(?=[{sep}\r\n]|\Z)'
    return re.compile(rf'(?:[^"]*+{field})*+[^"]*+')


_WELL_QUOTED = {d: _well_quoted_pattern(d) for d in ",;"}


def _fast_table(
    frame: pl.DataFrame, names: list[str | None], rel: str, collection: str, header_line: int
) -> RawTable | None:
    """Rename, null empty cells, drop blank rows; None if a cell lies under an empty header."""
    positional = [f"c{i}" for i in range(len(names))]
    blank = [pl.col(c).str.strip_chars().fill_null("") == "" for c in positional]
    frame = frame.filter(~pl.all_horizontal(blank))
    orphans = [blank[i] for i, name in enumerate(names) if name is None]
    if orphans and not frame.select(pl.all_horizontal(orphans)).to_series().all():
        return None
    columns = [(c, n) for c, n in zip(positional, names, strict=True) if n is not None]
    frame = frame.select(
        *(pl.when(pl.col(c) != "").then(pl.col(c)).alias(n) for c, n in columns),
        pl.col(LINE),
        pl.lit(None, dtype=pl.Utf8).alias(POINTER),
        pl.lit(None, dtype=pl.Utf8).alias(PROBLEMS),
    )
    return RawTable(collection, rel, frame, header_line, tuple(n for _, n in columns))


# --------------------------------------------------------------------------- YAML

_YamlLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL_TAG = "tag:yaml.org,2002:null"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_DOT_GROUPED = re.compile(r"[-+]?[1-9][0-9]{0,2}(?:\.[0-9]{3})+")
_FLOAT_CONSTRUCTOR = yaml.SafeLoader("")


def _read_yaml(path: Path, root: Path, collection: str) -> RawTable:
    rel = relative_path(path, root)
    return parse_yaml(decode_text(read_data_file(path, root), rel), rel, collection)


def parse_yaml(text: str, rel: str, collection: str) -> RawTable:
    """A YAML list of mappings as a RawTable; each record's line is its first key's."""
    document = _compose(text, rel)
    rows = RowCollector()
    if document is None or (isinstance(document, yaml.ScalarNode) and document.tag == _NULL_TAG):
        return rows.table(collection, rel, None)
    if not isinstance(document, yaml.SequenceNode):
        line = document.start_mark.line + 1
        raise DataFileError(rel, msg("data.yaml.expected_list"), line)
    for item in document.value:
        _yaml_record(item, rows)
    return rows.table(collection, rel, None)


def _check_node_bounds(document: yaml.Node | None, rel: str) -> None:
    """Refuse a composed data document deeper than ``MAX_YAML_DEPTH`` or with more than
    ``MAX_YAML_ALIASES`` aliases; one iterative walk, each node once.

    Data YAML is never expanded (records are read one level deep from the node graph,
    where an alias is the same node again), so an alias bomb costs nothing here; libyaml
    stops nesting beyond 1000 levels itself, before the (recursive) composer sees it.
    """
    if document is None:
        return
    seen: set[int] = set()
    aliases = 0
    stack: list[tuple[yaml.Node, int]] = [(document, 0)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            aliases += 1
            if aliases > MAX_YAML_ALIASES:
                line = node.start_mark.line + 1
                message = msg("data.yaml.too_many_aliases", limit=MAX_YAML_ALIASES)
                raise DataFileError(rel, message, line)
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode | yaml.MappingNode):
            if depth >= MAX_YAML_DEPTH:
                message = msg("data.yaml.too_deep", limit=MAX_YAML_DEPTH)
                raise DataFileError(rel, message, node.start_mark.line + 1)
            if isinstance(node, yaml.MappingNode):
                stack.extend((n, depth + 1) for pair in node.value for n in pair)
            else:
                stack.extend((n, depth + 1) for n in node.value)


def _compose(text: str, rel: str) -> yaml.Node | None:
    document = _compose_nodes(text, rel)
    _check_node_bounds(document, rel)
    return document


def _compose_nodes(text: str, rel: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_YamlLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        error = str(exc.problem or exc.context)
        raise DataFileError(rel, msg("data.yaml.invalid", error=error), line) from exc
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise DataFileError(rel, msg("data.yaml.invalid", error=str(exc.reason)), line) from exc
    except (yaml.YAMLError, RecursionError) as exc:
        raise DataFileError(rel, msg("data.yaml.invalid", error=str(exc))) from exc


def _yaml_record(item: yaml.Node, rows: RowCollector) -> None:
    if not isinstance(item, yaml.MappingNode):
        rows.add(item.start_mark.line + 1, {}, [msg("data.row.not_mapping")])
        return
    line = (item.value[0][0] if item.value else item).start_mark.line + 1
    values: dict[str, str | None] = {}
    problems: list[Text] = []
    for key_node, value_node in item.value:
        key = _yaml_key(key_node)
        if key is None:
            problems.append(msg("data.row.no_usable_name"))
        else:
            _put(values, problems, key, value_node, _yaml_cell)
    rows.add(line, values, problems)


def _yaml_key(node: yaml.Node) -> str | None:
    if not isinstance(node, yaml.ScalarNode) or is_blank(node.value):
        return None
    return str(node.value).strip(_WHITESPACE)


def _yaml_cell(node: Any) -> str | None:
    """Raw text of a scalar; null is None and a float gets a comma decimal."""
    if node.tag == _NULL_TAG:
        return None
    if node.tag == _FLOAT_TAG and not _DOT_GROUPED.fullmatch(node.value):
        try:
            return decimal_text(_FLOAT_CONSTRUCTOR.construct_yaml_float(node))
        except (ValueError, ArithmeticError):
            return str(node.value)
    return str(node.value)


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


# --------------------------------------------------------------------------- JSON

_JSON_SPACE = re.compile(r"[ \t\n\r]*")


class _JsonObject(dict[str, Any]):
    """A JSON object that remembers the keys it was given more than once."""

    duplicates: tuple[str, ...] = ()


def _json_object(pairs: list[tuple[str, Any]]) -> _JsonObject:
    obj = _JsonObject(pairs)
    if len(obj) != len(pairs):
        keys = [key for key, _ in pairs]
        obj.duplicates = tuple(k for k in obj if keys.count(k) > 1)
    return obj


def _reject_constant(name: str) -> None:
    raise ValueProblem(msg("data.json.not_valid_constant", name=name))


class _LongNumber(str):
    """A JSON number literal longer than ``MAX_JSON_NUMBER_CHARS``, kept as its text."""


def _json_float(text: str) -> Decimal | str:
    if len(text) > MAX_JSON_NUMBER_CHARS:
        return _LongNumber(text[:MAX_JSON_NUMBER_CHARS] + "...")
    number = Decimal(text)
    if abs(number.adjusted()) > MAX_JSON_NUMBER_CHARS:  # 1E+99999999999: no digits to print
        return _LongNumber(text)
    return number


def _json_int(text: str) -> int | str:
    return _LongNumber(text[:MAX_JSON_NUMBER_CHARS] + "...") if len(text) > 30 else int(text)


_DECODER = json.JSONDecoder(
    parse_float=_json_float,
    parse_int=_json_int,
    parse_constant=_reject_constant,
    object_pairs_hook=_json_object,
)
_JSON_TOKENS = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]')
_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_json_depth(text: str, rel: str) -> None:
    """Refuse nesting deeper than ``MAX_JSON_DEPTH`` before the (recursive) decoder runs."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return
    depth = 0
    for match in _JSON_TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                line = _line_at(text, match.start())
                message = msg("data.json.too_deep", limit=MAX_JSON_DEPTH)
                raise DataFileError(rel, message, line)
        elif token in "]}":
            depth -= 1


def _read_json(path: Path, root: Path, collection: str) -> RawTable:
    rel = relative_path(path, root)
    return parse_json(decode_text(read_data_file(path, root), rel), rel, collection)


def parse_json(text: str, rel: str, collection: str) -> RawTable:
    """A JSON array of objects as a RawTable; each record's line is where it starts."""
    rows = RowCollector()
    line, offset = 1, 0
    _check_json_depth(text, rel)
    for start, value in _json_items(text, rel):
        line += text.count("\n", offset, start)
        offset = start
        _json_record(value, line, rows)
    return rows.table(collection, rel, None)


def parse_json_value(text: str, rel: str) -> Any:
    """One JSON document (any value) read under the same bounds as :func:`parse_json`.

    :raises DataFileError: too deep, invalid, or extra data after the value.
    """
    _check_json_depth(text, rel)
    value, end = _json_value(text, _skip_space(text, 0), rel)
    index = _skip_space(text, end)
    if index != len(text):
        raise DataFileError(rel, msg("data.json.extra_after_value"), _line_at(text, index))
    return value


def _json_items(text: str, rel: str) -> Iterator[tuple[int, Any]]:
    """``(start offset, value)`` of every element of the top-level array."""
    index = _skip_space(text, 0)
    if index == len(text) or _is_null_document(text, index):
        return
    if text[index] != "[":
        raise DataFileError(rel, msg("data.json.expected_array"), _line_at(text, index))
    index = _skip_space(text, index + 1)
    if text.startswith("]", index):
        _expect_end(text, index + 1, rel)
        return
    while True:
        value, end = _json_value(text, index, rel)
        yield index, value
        index = _skip_space(text, end)
        if text.startswith(",", index):
            index = _skip_space(text, index + 1)
        elif text.startswith("]", index):
            _expect_end(text, index + 1, rel)
            return
        else:
            raise DataFileError(rel, msg("data.json.expected_comma"), _line_at(text, index))


def _json_value(text: str, index: int, rel: str) -> tuple[Any, int]:
    try:
        return _DECODER.raw_decode(text, index)
    except json.JSONDecodeError as exc:
        raise DataFileError(rel, msg("data.json.invalid", error=exc.msg), exc.lineno) from exc
    except (ValueError, RecursionError) as exc:
        error = exc.msg if isinstance(exc, ValueProblem) else str(exc)
        message = msg("data.json.invalid", error=error)
        raise DataFileError(rel, message, _line_at(text, index)) from exc


def _is_null_document(text: str, index: int) -> bool:
    return text.startswith("null", index) and _skip_space(text, index + 4) == len(text)


def _expect_end(text: str, index: int, rel: str) -> None:
    index = _skip_space(text, index)
    if index != len(text):
        raise DataFileError(rel, msg("data.json.extra_after_array"), _line_at(text, index))


def _skip_space(text: str, index: int) -> int:
    match = _JSON_SPACE.match(text, index)
    return match.end() if match else index


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _json_record(value: Any, line: int, rows: RowCollector) -> None:
    if not isinstance(value, dict):
        rows.add(line, {}, [msg("data.row.not_object")])
        return
    values: dict[str, str | None] = {}
    problems: list[Text] = [
        msg("data.row.field_twice", name=repr(k)) for k in getattr(value, "duplicates", ())
    ]
    for raw_key, item in value.items():
        key = raw_key.strip(_WHITESPACE)
        if not key or _SURROGATE.search(key):
            problems.append(msg("data.row.no_usable_name"))
        elif isinstance(item, str) and _SURROGATE.search(item):
            problems.append(msg("data.row.lone_surrogate", name=repr(key)))
            values[key] = None
        else:
            _put(values, problems, key, item, _json_cell)
    for key in getattr(value, "duplicates", ()):
        values[key.strip(_WHITESPACE)] = None
    rows.add(line, values, problems)


def _json_cell(value: Any) -> str | None:
    """A JSON scalar as text: booleans ``true``/``false``, numbers with a comma decimal."""
    if value is None or isinstance(value, str):
        return str(value) if value is not None else None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return decimal_text(value)


# --------------------------------------------------------------------------- XLSX


def _read_xlsx(path: Path, root: Path, collection: str) -> RawTable:
    """First sheet, header row 1; ``_line`` is the Excel row, ``_pointer`` ``Sheet!row``."""
    rel = relative_path(path, root)
    data = read_data_file(path, root)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = open_workbook(data, path, rel)
        try:
            return _xlsx_table(workbook, rel, collection)
        except DataFileError:
            raise
        except Exception as exc:  # rows are parsed lazily: corrupt XML surfaces here
            reason = xlsx_error_reason(exc, path, rel)
            raise DataFileError(rel, msg("data.xlsx.cannot_read", reason=reason)) from exc
        finally:
            workbook.close()


def check_workbook_zip(data: bytes, rel: str) -> None:
    """Refuse a workbook whose zip is out of proportion, before openpyxl inflates any of it.

    Bounds: ``MAX_XLSX_MEMBERS`` members, ``MAX_XLSX_UNCOMPRESSED`` bytes in all, and a
    compression ratio of at most ``MAX_XLSX_RATIO`` for a member over 1 MiB. The sizes are
    the zip's declared ones; the zip reader never inflates a member past its declared size.

    :raises DataFileError: (DAT004) with the reason.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise DataFileError(rel, msg("data.xlsx.not_zip", error=str(exc))) from None
    if len(members) > MAX_XLSX_MEMBERS:
        raise DataFileError(rel, msg("data.xlsx.too_many_parts", limit=MAX_XLSX_MEMBERS))
    total = sum(m.file_size for m in members)
    if total > MAX_XLSX_UNCOMPRESSED:
        raise DataFileError(
            rel,
            msg("data.xlsx.inflates", total=total, limit=MAX_XLSX_UNCOMPRESSED),
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > MAX_XLSX_RATIO:
            raise DataFileError(
                rel,
                msg(
                    "data.xlsx.bomb",
                    part=repr(member.filename),
                    ratio=f"{ratio:.0f}",
                    limit=MAX_XLSX_RATIO,
                ),
            )


def open_workbook(data: bytes, path: Path, rel: str) -> Any:
    """A read-only workbook from a data file's bytes, after :func:`check_workbook_zip`.

    Every sheet's declared dimension is dropped (a sheet claiming ``A1:XFD1048576``
    would make openpyxl pad every row to 16384 cells); :func:`sheet_rows` bounds the
    columns actually used.

    :raises DataFileError: (DAT004) the workbook is refused or cannot be opened.
    """
    check_workbook_zip(data, rel)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many unrelated types on corrupt files
        reason = xlsx_error_reason(exc, path, rel)
        raise DataFileError(rel, msg("data.xlsx.cannot_open", reason=reason)) from exc
    for sheet in workbook.worksheets:
        reset = getattr(sheet, "reset_dimensions", None)
        if reset is not None:
            reset()
    return workbook


def sheet_rows(sheet: Any, rel: str) -> Iterator[tuple[Any, ...]]:
    """The rows of a read-only sheet, values only; a cell beyond ``MAX_XLSX_COLUMNS`` is DAT004.

    :raises DataFileError: naming the sheet and the cell.
    """
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if len(row) > MAX_XLSX_COLUMNS:
            cell = f"{get_column_letter(len(row))}{number}"
            raise DataFileError(
                rel,
                msg(
                    "data.xlsx.beyond_column",
                    sheet=repr(sheet.title),
                    cell=cell,
                    last=get_column_letter(MAX_XLSX_COLUMNS),
                    limit=MAX_XLSX_COLUMNS,
                ),
                number,
            )
        yield row


def xlsx_error_reason(exc: Exception, path: Path, rel: str) -> Text:
    """First line of a foreign error, with the file named as the user named it."""
    cause = exc.__cause__ or exc.__context__
    text = str(exc).replace(str(path), rel).strip().splitlines()
    reason = text[0] if text else type(exc).__name__
    if cause is not None and "Forbidden" in type(cause).__name__:
        return msg("data.xlsx.forbidden", reason=reason, error=type(cause).__name__)
    return reason


def _xlsx_table(workbook: Any, rel: str, collection: str) -> RawTable:
    if not workbook.worksheets:
        raise DataFileError(rel, msg("data.xlsx.no_sheet"))
    sheet = workbook.worksheets[0]
    rows_iter = enumerate(sheet_rows(sheet, rel), start=1)
    first = next(rows_iter, None)
    if first is None:
        return RowCollector().table(collection, rel, None)
    names = _column_names([xlsx_text(v) for v in first[1]], rel, 1)
    rows = RowCollector(n for n in names if n is not None)
    for number, row in rows_iter:
        texts = [xlsx_text(v) for v in row]
        if all(is_blank(t) for t in texts):
            continue
        if not any(names):
            raise DataFileError(rel, msg("data.xlsx.empty_header"), 1)
        values, problems = xlsx_row(texts, names, number)
        rows.add(number, values, problems, f"{sheet.title}!{number}")
    return rows.table(collection, rel, 1)


def xlsx_row(
    texts: list[str | None], names: list[str | None], number: int
) -> tuple[dict[str, str | None], list[Text]]:
    values: dict[str, str | None] = {}
    problems: list[Text] = []
    for index, text in enumerate(texts):
        name = names[index] if index < len(names) else None
        if name is not None:
            values[name] = text
        elif not is_blank(text):
            cell = f"{get_column_letter(index + 1)}{number}"
            problems.append(msg("data.row.cell_without_column", cell=cell))
    return values, problems


def xlsx_text(value: object) -> str | None:
    """An Excel cell value as the text a person would have typed."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip(_WHITESPACE) or None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return _xlsx_datetime(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return decimal_text(value)
    return str(value)


def _xlsx_datetime(value: dt.datetime) -> str:
    """To the nearest second (Excel stores fractions of a day); midnight is a date."""
    rounded = (value + dt.timedelta(microseconds=500_000)).replace(microsecond=0)
    if rounded.time() == dt.time(0):
        return rounded.date().isoformat()
    return rounded.isoformat(timespec="seconds")


READERS: dict[str, Reader] = {
    ".csv": _read_csv,
    ".yaml": _read_yaml,
    ".yml": _read_yaml,
    ".json": _read_json,
    ".xlsx": _read_xlsx,
}
"""Reader per file suffix (lower case)."""
