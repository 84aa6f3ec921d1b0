"""JSON files as raw tables: exact numbers, bounded depth, line of each record."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

import orjson
import polars as pl

from ..exceptions import DataFileError
from ..i18n.message import Text, msg
from .confine import (
    MAX_JSON_DEPTH,
    MAX_JSON_NUMBER_CHARS,
    MAX_TABLE_COLUMNS,
    read_data_file,
)
from .rows import (
    _WHITESPACE,
    LINE,
    POINTER,
    PROBLEMS,
    RESERVED_COLUMNS,
    RawTable,
    RowCollector,
    _put,
    decode_text,
    relative_path,
)
from .values import ValueProblem, decimal_text

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


SMALL_JSON_BYTES = 8 * 1024
"""A JSON file smaller than this is read by :func:`parse_json`, the reference reader the
fast paths must equal: they cost 2–6 ms a file whatever its size, it about 15 µs a record
(a fixture's 1 KB file: 5 ms against 0.7 ms; they cross at ~12 KB of one-line records)."""


def _read_json(path: Path, root: Path, collection: str) -> RawTable:
    rel = relative_path(path, root)
    data = read_data_file(path, root)
    if len(data) < SMALL_JSON_BYTES:
        return parse_json(decode_text(data, rel), rel, collection)
    table = _json_fast(data.removeprefix(codecs.BOM_UTF8), rel, collection)
    return table if table is not None else parse_json(decode_text(data, rel), rel, collection)


_PLAIN = frozenset({str, type(None)})
_SCALAR = frozenset({str, type(None), bool, int})


def _json_fast(data: bytes, rel: str, collection: str) -> RawTable | None:
    """orjson reader for an array of flat objects; None when not provably :func:`parse_json`'s.

    The common layout (one record a line, :func:`_json_lines`) is read by polars first.
    Else taken only when orjson parses the (UTF-8) bytes into a non-empty list of objects whose
    keys are usable names and whose values are strings, null, booleans or integers (a float
    needs its exact literal), no key is given twice (the file's strings are exactly the keys
    plus the string values) and every ``{`` starts a record (so its line is the record's).
    Anything else goes to :func:`parse_json`, which also reports the errors.
    """
    table = _json_lines(data, rel, collection)  # the common layout, without orjson
    if table is not None:
        return table
    try:
        records = orjson.loads(data)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(records, list) or not records:
        return None
    if set(map(type, records)) != {dict} or data.count(b"{") != len(records):
        return None
    cells = _cells(records)
    if not cells or len(cells) > MAX_TABLE_COLUMNS or not all(_plain_key(k) for k in cells):
        return None
    strings = sum(map(len, records))
    columns: list[pl.Series] = []
    for key, values in cells.items():
        column = _text_column(key, values)
        if column is None:
            return None
        columns.append(column[0])
        strings += column[1]
    if _string_count(data) != strings:
        return None  # a key given twice
    lines = _brace_lines(data)
    if lines is None or len(lines) != len(records):
        return None
    frame = pl.DataFrame(columns).with_columns(
        lines.alias(LINE),
        pl.lit(None, dtype=pl.Utf8).alias(POINTER),
        pl.lit(None, dtype=pl.Utf8).alias(PROBLEMS),
    )
    return RawTable(collection, rel, frame, None, tuple(cells))


_JSON_LINE_VALUE = r'("[^"\\\x00-\x1f]*"|null|true|false|-?(?:0|[1-9][0-9]{0,17}))'
"""A JSON value of :func:`_json_lines`: a string without escapes or control characters,
null, a boolean or an integer of at most 18 digits (one an ``int64`` holds)."""
_JSON_LINE_STRING = r'"[^"\\\x00-\x1f]*"'
"""A string token of :data:`_JSON_LINE_VALUE`."""
_JSON_LINE_KEY = re.compile(r'"([^"\\\x00-\x1f]*)"[ \t]*:')


def _json_lines(data: bytes, rel: str, collection: str) -> RawTable | None:
    """The common layout read by polars alone: no Python object per record, or None.

    Taken only for ``[`` on the first line, ``]`` on the last, and between them one flat
    record a line, every one with the first record's keys in its order (each once), each
    value a string without a backslash or control character, null, a boolean or a short
    integer, and a comma after each record but the last: a regular expression over each
    line proves the line is that JSON (:func:`_json_line_values` then takes the values).
    The file has no backslash
    (no escapes) and no NUL; polars checks it is UTF-8. The values' texts are
    :func:`_json_fast`'s (an integer as ``str(int)``), each record's line is its own: a
    ``{`` inside a string changes neither (a value holds no quote, so it cannot end its
    string early), and counting them cost 37 ms at 1M records.
    """
    if data.find(b"\\") >= 0 or data.find(b"\x00") >= 0 or not data.startswith(b"["):
        return None
    try:
        lines = _split_lines(data)
    except (Exception, pl.exceptions.PanicException):
        return None  # not UTF-8
    if len(lines) < 3 or lines[0] is None or lines[-1] is None:
        return None
    if lines[0].strip(" \t\r") != "[" or lines[-1].strip(" \t\r") != "]":
        return None
    body = lines.slice(1, len(lines) - 2)
    keys = _JSON_LINE_KEY.findall(body[0] or "")
    if not keys or len(set(keys)) != len(keys) or len(keys) > MAX_TABLE_COLUMNS:
        return None
    if not all(_plain_key(k) for k in keys):
        return None
    if body.null_count():
        return None
    # proved with strings for values first (the common case: its values are then cheaper)
    strings = _json_lines_proved(body, keys, _JSON_LINE_STRING)
    if not strings and not _json_lines_proved(body, keys, _JSON_LINE_VALUE):
        return None
    frame = pl.DataFrame(_json_line_values(data, body, keys, strings)).with_columns(
        pl.int_range(2, len(body) + 2, dtype=pl.Int64).alias(LINE),
        pl.lit(None, dtype=pl.Utf8).alias(POINTER),
        pl.lit(None, dtype=pl.Utf8).alias(PROBLEMS),
    )
    return RawTable(collection, rel, frame, None, tuple(keys))


_SEP = r"[ \t]*"


PROOF_PARTS = 4
"""The lines are proved in this many parts, one expression each: polars runs a select's
expressions side by side, but one ``str.contains(...).all()`` on one thread (1M lines:
0.19 -> 0.12 s on two cores)."""


def _json_lines_proved(body: pl.Series, keys: list[str], value: str) -> bool:
    """Whether each line is a record of ``keys`` with ``value`` tokens, a comma after each
    but the last (whole lines, by regexes without captures: polars' fastest engine)."""
    pairs = f"{_SEP},{_SEP}".join(f'"{pl.escape_regex(k)}"{_SEP}:{_SEP}{value}' for k in keys)
    record = rf"^{_SEP}\{{{_SEP}{pairs}{_SEP}\}}"
    line = pl.col("line")
    but_last = len(body) - 1
    size = max(1, -(-but_last // PROOF_PARTS))
    parts = [
        line.slice(start, min(size, but_last - start))
        .str.contains(rf"{record}{_SEP},[ \t\r]*$")
        .all()
        .alias(f"{start}")
        for start in range(0, but_last, size)
    ]
    try:
        valid = body.to_frame("line").select(
            *parts, line.tail(1).str.contains(rf"{record}[ \t\r]*$").all().alias("last")
        )
    except (Exception, pl.exceptions.PanicException):
        return False  # e.g. too many keys for the regex engine's size limit
    return all(valid.row(0))


def _json_line_values(
    data: bytes, body: pl.Series, keys: list[str], strings: bool
) -> list[pl.Series]:
    """Each key's cells of the proved lines (``body``: the lines of ``data`` after the
    first) of :func:`_json_lines`, as text.

    When every value is a string (``strings``; none holds a quote), a line is ``4 × keys``
    quotes, and value ``j`` lies between quotes ``4j + 3`` and ``4j + 4``: polars' CSV
    reader splits the lines at the quotes (no quoting) and keeps those fields. Otherwise
    each key's value follows its quoted name and a colon (in a proved line only there),
    and is turned into text by :func:`_json_line_text`.
    """
    if strings:
        fields = {f"f{i}": pl.Utf8 for i in range(4 * len(keys) + 1)}
        values = (
            pl.scan_csv(
                data,
                has_header=False,
                separator='"',
                quote_char=None,
                skip_lines=1,
                n_rows=len(body),
                schema=fields,
                empty_string_is_null=False,
                infer_schema=False,
            )
            .select(pl.col(f"f{4 * j + 3}").alias(k) for j, k in enumerate(keys))
            .collect(engine="in-memory")
        )
        return values.get_columns()
    lines = body.to_frame("line")
    tokens = lines.select(
        pl.col("line")
        .str.extract(f'"{pl.escape_regex(k)}"{_SEP}:{_SEP}{_JSON_LINE_VALUE}', 1)
        .alias(str(i))
        for i, k in enumerate(keys)
    )
    texts = tokens.select(
        _json_line_text(tokens.get_column(c)).alias(k)
        for c, k in zip(tokens.columns, keys, strict=True)
    )
    return texts.get_columns()


def _split_lines(data: bytes) -> pl.Series:
    """The lines of ``data`` (an empty one null), split by polars (no quoting, NUL-separated).

    :raises polars.exceptions.ComputeError: not UTF-8.
    """
    return pl.read_csv(
        data,
        has_header=False,
        separator="\x00",
        quote_char=None,
        schema={"line": pl.Utf8},
        raise_if_empty=False,
    ).to_series()


def _json_line_text(tokens: pl.Series) -> pl.Expr:
    """:data:`_JSON_LINE_VALUE` tokens as the cells' texts (a string unquoted)."""
    token = pl.col(tokens.name)
    text = token.str.strip_prefix('"').str.strip_suffix('"')
    if tokens.str.starts_with('"').all():  # the common case: strings only
        return text
    return (
        pl.when(token.str.starts_with('"'))
        .then(text)
        .when(token == "null")
        .then(None)
        .when(token.is_in(["true", "false"]))
        .then(token)
        .otherwise(token.cast(pl.Int64, strict=False).cast(pl.Utf8))
    )


def _cells(records: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Each key's values (null where a record lacks it), keys in first-seen order."""
    first = list(records[0])
    if sum(map(len, records)) == len(first) * len(records):
        try:  # then each record has just the first one's keys, or a KeyError tells
            return {key: list(map(itemgetter(key), records)) for key in first}
        except KeyError:
            pass
    keys = dict.fromkeys(chain.from_iterable(records))
    return {key: [r.get(key) for r in records] for key in keys}


def _text_column(key: str, cells: list[Any]) -> tuple[pl.Series, int] | None:
    """The cells as text, and how many are strings; None if one is a float, list or object."""
    try:
        column = pl.Series(key, cells, dtype=pl.Utf8, strict=True)
    except TypeError:
        pass
    else:
        return column, len(column) - column.null_count()
    if not set(map(type, cells)) <= _SCALAR:
        return None
    texts = list(map(_scalar_text, cells))
    return pl.Series(key, texts, dtype=pl.Utf8), sum(type(c) is str for c in cells)


def _plain_key(key: str) -> bool:
    return bool(key) and key == key.strip(_WHITESPACE) and key not in RESERVED_COLUMNS


def _scalar_text(value: str | bool | int | None) -> str | None:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return value if value is None or type(value) is str else str(value)


_ESCAPED_QUOTE = re.compile(rb'\\+"')


def _string_count(data: bytes) -> int:
    """How many JSON strings ``data`` (valid JSON) holds: its unescaped quotes, halved."""
    quotes = data.count(b'"')
    if data.find(b"\\") >= 0 and b'\\"' in data:  # one byte is found faster than two
        quotes -= sum(len(m.group()) % 2 == 0 for m in _ESCAPED_QUOTE.finditer(data))
    return quotes // 2


def _brace_lines(data: bytes) -> pl.Series | None:
    """The line of every ``{`` of ``data`` (valid JSON: no raw control character), in order.

    polars splits the lines (separator NUL, no quoting: each line one cell, an empty line
    a null), so no Python object is made per line.
    """
    try:
        lines = _split_lines(data)
    except (Exception, pl.exceptions.PanicException):
        return None
    braces = lines.str.count_matches("{", literal=True).fill_null(0)
    numbers = pl.int_range(1, len(lines) + 1, dtype=pl.Int64, eager=True)
    if braces.max() == 1:
        return numbers.filter(braces == 1)
    return numbers.repeat_by(braces).explode()


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
