"""Workbook helpers of the Excel report: tables of text cells and deterministic bytes.

Every value from the data is stored as a text cell, never a formula: a subject or message
starting with ``=``, ``+``, ``-`` or ``@`` is untrusted input (formula injection), so the
cell is typed as a string and marked ``quotePrefix`` (Excel shows it as text and keeps it
text when edited). A table has a bold header row that is frozen, an autofilter over all
its rows and column widths from the longest value (capped).

:func:`workbook_bytes` gives byte-identical output for equal input: the workbook's
created and modified dates are the report's ``as_of`` (openpyxl would write the clock),
and the zip is rewritten with fixed entry timestamps, in openpyxl's entry order.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

_MAX_WIDTH = 60
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_MODIFIED = re.compile(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>")
_CREATED = re.compile(rb"<dcterms:created([^>]*)>[^<]*</dcterms:created>")

Value = str | int | None


def new_workbook() -> Workbook:
    """An empty workbook (its default sheet removed)."""
    book = Workbook()
    book.remove(book.active)
    return book


def sheet_title(wanted: str, taken: Iterable[str]) -> str:
    """A valid, unique sheet name: no ``[]:*?/\\``, at most 31 characters, ``(2)`` when taken."""
    base = _SHEET_FORBIDDEN.sub("-", wanted).strip("'") or "-"
    used = {name.casefold() for name in taken}
    title, number = base[:31], 2
    while title.casefold() in used:
        suffix = f" ({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    return title


def put(sheet: Worksheet, row: int, column: int, value: Value) -> None:
    """Write ``value`` to a cell; text always as text (never a formula)."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"
        if value[:1] in ("=", "+", "-", "@"):
            cell.quotePrefix = True
    else:
        cell.value = value


def table(
    sheet: Worksheet, header: Sequence[str], rows: Iterable[Sequence[Value]], start: int = 1
) -> int:
    """Write a header row at ``start`` and the rows below it: bold header frozen, an
    autofilter, wrapped cells, column widths from the content. The next free row."""
    widths = [len(label) for label in header]
    for column, label in enumerate(header, start=1):
        put(sheet, start, column, label)
        sheet.cell(row=start, column=column).font = _BOLD
    row = start
    for row, values in enumerate(rows, start=start + 1):
        for column, value in enumerate(values, start=1):
            put(sheet, row, column, value)
            if isinstance(value, str) and "\n" in value:
                sheet.cell(row=row, column=column).alignment = _WRAP
            longest = max((len(part) for part in str(value or "").split("\n")), default=0)
            widths[column - 1] = max(widths[column - 1], longest)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, _MAX_WIDTH)
    sheet.freeze_panes = sheet.cell(row=start + 1, column=1)
    last = get_column_letter(max(len(header), 1))
    sheet.auto_filter.ref = f"A{start}:{last}{max(row, start)}"
    return row + 1


def fill(sheet: Worksheet, row: int, column: int, colour: str) -> None:
    """Colour a cell's background (``RRGGBB``)."""
    sheet.cell(row=row, column=column).fill = PatternFill("solid", fgColor=colour)


def _zip_time(when: dt.date) -> tuple[int, int, int, int, int, int]:
    """A zip entry's timestamp: midnight of ``when`` (zip dates start in 1980)."""
    return (
        (when.year, when.month, when.day, 0, 0, 0) if when.year >= 1980 else (1980, 1, 1, 0, 0, 0)
    )


def workbook_bytes(book: Workbook, when: dt.date, title: str, lang: str) -> bytes:
    """The workbook as deterministic bytes, dated ``when`` (created and modified)."""
    moment = dt.datetime(when.year, when.month, when.day)
    props = book.properties
    props.created = moment
    props.modified = moment
    props.creator = "secretariat-rules"
    props.lastModifiedBy = "secretariat-rules"
    props.title = title
    props.language = lang
    raw = io.BytesIO()
    book.save(raw)
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":  # openpyxl stamps the clock here
                data = _MODIFIED.sub(
                    rb"<dcterms:modified\1>" + stamp + b"</dcterms:modified>", data
                )
                data = _CREATED.sub(rb"<dcterms:created\1>" + stamp + b"</dcterms:created>", data)
            info = zipfile.ZipInfo(entry.filename, date_time=_zip_time(when))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
    return out.getvalue()
