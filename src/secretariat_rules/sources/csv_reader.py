"""CSV files as raw tables: delimiter detection, a fast polars path and the csv module."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import polars as pl

from ..exceptions import DataFileError
from ..i18n.message import Text, msg
from .chunks import chunked_as
from .confine import (
    read_data_file,
)
from .rows import (
    LINE,
    POINTER,
    PROBLEMS,
    RawTable,
    RowCollector,
    _column_names,
    decode_text,
    is_blank,
    relative_path,
)

SMALL_CSV_BYTES = 32 * 1024
"""A CSV file smaller than this is read by the csv module (:func:`_csv_slow`), the reference
reader the polars path must equal: polars costs about 2 ms a file whatever its size, the
csv module about 12 µs a row (a 5 KB file of 50 rows: 2.7 ms against 0.6 ms; they cross at
~40 KB, 400 rows of 7 columns). A secretariat's own files are mostly this small."""


def _read_csv(path: Path, root: Path, collection: str) -> RawTable:
    rel = relative_path(path, root)
    data = read_data_file(path, root)
    if len(data) < SMALL_CSV_BYTES:
        return parse_csv(decode_text(data, rel), rel, collection, fast=False)
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # the file's own bytes go to polars, which checks they are UTF-8: no text is made
        start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        try:
            table = _csv_fast_utf8(data, rel, collection, start)
        except UnicodeDecodeError:
            pass  # not UTF-8: decode_text says what it is (Windows-1252 or an error)
        else:
            if table is not None:
                return table
            return parse_csv(decode_text(data, rel), rel, collection, fast=False)
    text = decode_text(data, rel)
    utf8 = data.removeprefix(codecs.BOM_UTF8)
    return parse_csv(text, rel, collection, utf8=utf8 if is_utf8(utf8) else None)


def _csv_fast_utf8(data: bytes, rel: str, collection: str, start: int = 0) -> RawTable | None:
    """:func:`_csv_fast` on UTF-8 bytes from ``start`` (after a BOM), decoding only the
    header's lines; the bytes are never copied.

    :raises UnicodeDecodeError: the bytes are not UTF-8 (polars' own check, or the header's).
    """
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        return None
    delimiter = _detect_delimiter_lines(_decoded_lines(data, start))
    return _csv_fast_lines(_decoded_lines(data, start), data, delimiter, rel, collection, start)


def _decoded_lines(data: bytes, start: int = 0) -> Iterator[str]:
    """:func:`_physical_lines` of UTF-8 ``data`` from ``start``, each decoded when reached."""
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end + 1
        yield data[start:end].decode("utf-8")
        start = end


def parse_csv(
    text: str, rel: str, collection: str, *, fast: bool = True, utf8: bytes | None = None
) -> RawTable:
    """A CSV text (already decoded) as a RawTable; ``fast=False`` forces the csv module.

    ``utf8``: the text's UTF-8 bytes, when the caller has them (the fast path reads them).
    """
    delimiter = _detect_delimiter(text)
    table = None
    if fast:
        table = _csv_fast(text, text.encode() if utf8 is None else utf8, delimiter, rel, collection)
    return table if table is not None else _csv_slow(text, delimiter, rel, collection)


def is_utf8(data: bytes) -> bool:
    """Whether ``data`` is valid UTF-8 (then it is what :func:`decode_text` decoded)."""
    try:
        codecs.decode(data, "utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect_delimiter(text: str) -> str:
    """``;`` if the header line has more semicolons than commas outside quotes, else ``,``."""
    return _delimiter_of(m.group() for m in _LINE_TEXT.finditer(text))


def _detect_delimiter_lines(lines: Iterator[str]) -> str:
    """:func:`_detect_delimiter` of lines ending in ``\n`` (a ``\r`` only before one)."""
    return _delimiter_of(line.rstrip("\r\n") for line in lines)


def _delimiter_of(lines: Iterator[str]) -> str:
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


def _csv_fast(text: str, data: bytes, delimiter: str, rel: str, collection: str) -> RawTable | None:
    """polars reader with lines from embedded-newline counts; None when not provably exact.

    Taken only when every line ends in ``\\n``, every quote belongs to a well-formed quoted
    field, polars parses the body, the line count adds up and no cell lies under an empty
    header. Anything else goes to :func:`_csv_slow`, which also reports the errors.
    ``data`` is ``text`` as UTF-8: the body's lines are cut from it, as bytes.
    """
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        return None
    return _csv_fast_lines(_physical_lines(text), data, delimiter, rel, collection)


def _csv_fast_lines(
    lines: Iterator[str], data: bytes, delimiter: str, rel: str, collection: str, start: int = 0
) -> RawTable | None:
    """:func:`_csv_fast` with the text's physical lines (the header is read from them);
    ``data[start:]`` is the text as UTF-8."""
    try:
        header = next(_csv_records(_csv_reader(lines, delimiter), rel), None)
    except DataFileError:
        return None
    if header is None:
        return None
    header_line, cells = header
    names = _column_names(cells, rel, header_line)
    consumed = header_line + _first_record_extra_lines(cells)
    offset = _after_line(data, consumed, start)
    frame = _polars_body(data, offset, delimiter, len(names), consumed + 1)
    if frame is None:
        return None
    return _fast_table(frame, names, rel, collection, header_line)


def _first_record_extra_lines(cells: list[str]) -> int:
    return sum(cell.count("\n") for cell in cells)


def _after_line(data: bytes, line: int, start: int = 0) -> int:
    """The offset in ``data`` after its first ``line`` lines from ``start``."""
    offset = start
    for _ in range(line):
        found = data.find(b"\n", offset)
        if found < 0:
            return len(data)
        offset = found + 1
    return offset


_LEADING_BLANK_LINES = re.compile(rb"(?:[ \t]*\r?\n)*")


def _polars_body(
    data: bytes, offset: int, delimiter: str, width: int, first_line: int
) -> pl.DataFrame | None:
    """Cells of ``data[offset:]`` as ``c0..cN`` plus ``_line``; None unless the lines add up.

    polars skips the lines before ``offset`` itself (``skip_lines``): the body is not
    copied out of ``data`` unless its end must be trimmed.
    """
    skipped = _LEADING_BLANK_LINES.match(data, offset)
    if skipped is not None and skipped.end() > offset:
        first_line += data.count(b"\n", offset, skipped.end())
        offset = skipped.end()
    tail = data[max(offset, len(data) - 3) :]
    if not tail.endswith(b"\n") or tail.endswith((b"\n\n", b"\n\r\n")):
        data, offset = data[offset:].rstrip(b"\r\n") + b"\n", 0  # else it ends in one line end
    names = [f"c{i}" for i in range(width)]
    if len(data) - offset == 1:  # the body is one line end
        return pl.DataFrame(schema={**dict.fromkeys(names, pl.Utf8), LINE: pl.Int64})
    quoted = data.find(b'"', offset) >= 0
    if quoted and not _well_quoted(data, offset, delimiter):
        return None
    try:
        frame = pl.read_csv(
            data,
            has_header=False,
            skip_lines=data.count(b"\n", 0, offset),
            schema=dict.fromkeys(names, pl.Utf8),
            separator=delimiter,
            quote_char='"',
            infer_schema=False,
            raise_if_empty=False,
        )
    except (Exception, pl.exceptions.PanicException):
        return None  # the csv module reports what is wrong, with its line
    return _with_lines(frame, names, first_line, data.count(b"\n", offset), quoted)


def _chunk_lengths(frame: pl.DataFrame) -> list[int]:
    return frame.to_series(0).chunk_lengths() if frame.width else [frame.height]


def _with_lines(
    frame: pl.DataFrame, names: list[str], first_line: int, total_lines: int, quoted: bool
) -> pl.DataFrame | None:
    """Add ``_line`` from embedded newlines; None if the lines do not add up to the body."""
    lengths = _chunk_lengths(frame)
    if not quoted:
        if frame.height != total_lines:
            return None
        starts = pl.int_range(first_line, first_line + frame.height, dtype=pl.Int64, eager=True)
        return frame.with_columns(chunked_as(starts.alias(LINE), lengths))
    newlines = [pl.col(n).str.count_matches("\n", literal=True).fill_null(0) for n in names]
    spans = frame.select((pl.sum_horizontal(newlines).cast(pl.Int64) + 1).alias(LINE))
    lines = spans.to_series()
    if int(lines.sum()) != total_lines:
        return None
    return frame.with_columns(chunked_as((lines.cum_sum() - lines + first_line).rechunk(), lengths))


def _well_quoted(data: bytes, offset: int, delimiter: str) -> bool:
    """Whether every ``"`` of ``data[offset:]`` belongs to a quoted field spanning a whole
    cell (RFC 4180); ``data[offset - 1]`` is a line end (or ``offset`` is 0)."""
    return _WELL_QUOTED[delimiter].fullmatch(data, offset) is not None


def _well_quoted_pattern(delimiter: str) -> re.Pattern[bytes]:
    """Text between quoted fields, each opened after a delimiter/line start, closed before one.

    Possessive quantifiers: one linear pass, no backtracking.
    """
    sep = re.escape(delimiter)
    field = rf'(?<![^{sep}\n])"[^"]*+(?:""[^"]*+)*+"(?=[{sep}\r\n]|\Z)'
    return re.compile(rf'(?:[^"]*+{field})*+[^"]*+'.encode())


_WELL_QUOTED = {d: _well_quoted_pattern(d) for d in ",;"}


def _fast_table(
    frame: pl.DataFrame, names: list[str | None], rel: str, collection: str, header_line: int
) -> RawTable | None:
    """Rename, null empty cells, drop blank rows; None if a cell lies under an empty header.

    The frame keeps polars' chunks (:func:`~.chunks.chunked_as`): plain columns are renamed, not
    copied; only a column holding a quoted empty cell (``""``) is rewritten.
    """
    positional = [f"c{i}" for i in range(len(names))]
    blank = [pl.col(c).str.strip_chars().fill_null("") == "" for c in positional]
    # else no row is blank (the cells tested row by row, which polars does on every chunk
    # at once, then the mask reduced: an ``.any()`` in the plan runs on one thread)
    if positional and frame.select(blank[0]).to_series().any():
        frame = frame.filter(~pl.all_horizontal(blank))
    orphans = [blank[i] for i, name in enumerate(names) if name is None]
    if orphans and not frame.select(pl.all_horizontal(orphans)).to_series().all():
        return None
    columns = [(c, n) for c, n in zip(positional, names, strict=True) if n is not None]
    # an unquoted empty cell is null already: polars reads a quoted one as ""
    empties = frame.select((pl.col(c) == "").any() for c, _ in columns).row(0) if columns else ()
    nulls = pl.Series(dtype=pl.Utf8).extend_constant(None, frame.height)
    lengths = _chunk_lengths(frame)
    frame = frame.select(
        *(
            pl.when(pl.col(c) != "").then(pl.col(c)).alias(n) if empty else pl.col(c).alias(n)
            for (c, n), empty in zip(columns, empties, strict=True)
        ),
        pl.col(LINE),
        chunked_as(nulls.alias(POINTER), lengths),
        chunked_as(nulls.alias(PROBLEMS), lengths),
    )
    return RawTable(collection, rel, frame, header_line, tuple(n for _, n in columns))
