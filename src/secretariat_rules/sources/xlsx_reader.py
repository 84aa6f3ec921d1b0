"""Excel workbooks as raw tables: the zip checked before opening, the first sheet read."""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..exceptions import DataFileError
from ..i18n.message import Text, msg
from .confine import (
    MAX_XLSX_COLUMNS,
    MAX_XLSX_MEMBERS,
    MAX_XLSX_RATIO,
    MAX_XLSX_UNCOMPRESSED,
    read_data_file,
)
from .rows import (
    _WHITESPACE,
    RawTable,
    RowCollector,
    _column_names,
    is_blank,
    relative_path,
)
from .values import decimal_text


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
    import openpyxl  # deferred: a tenth of a second, for a repository with a workbook only

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
            from openpyxl.utils import get_column_letter  # deferred with openpyxl (above)

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
            from openpyxl.utils import get_column_letter  # deferred with openpyxl (above)

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
