"""Source adapter ``excel-followup``: a secretariat's follow-up workbook (Miljøløftet).

The workbook is ``oppfolging.xlsx`` (or ``oppfølging.xlsx``; any case) in the data
repository's root: a fixed name, so the adapter never guesses which of several workbooks
is meant and a broken one is reported, not skipped. Its sheets, matched by name with or
without æ/ø/å, give four collections; other sheets (instructions, pivot tables) are
ignored:

============  ==============  ==========================================================
sheet         collection      headers (see :mod:`.vocabulary` for every alias)
============  ==============  ==========================================================
Møter         meetings        Id, Organ, Dato, Innkalling sendt, Sekretariatet til stede,
                              Referat
Vedtak        decisions       Id, Møte, Sak, Tittel, Type, Ansvarlig part, Formidlet
Oppfølging    followups       Id, Vedtak, Ansvarlig part, Frist, Fullført
Avvik         deviations      Id, Type, Oppfølging, Prosjekt, Oppdaget, Rapportert,
                              Rapportert til, Ny frist
============  ==============  ==========================================================

Sheets are laid out as people leave them: the header row is the first of the first 50
rows with at least two known column names (title rows above it are skipped, merged or
not); a header row followed by a row of column names under merged group headings
(``Status`` over ``Frist`` | ``Fullført``) is read as a two-row header; blank rows
between records are skipped; a ``Kommentar`` column is dropped. Cells are converted
exactly as the canonical reader converts them (dates, numbers, booleans). Each record's
provenance is the workbook, its Excel row (``_line``) and ``Sheet!row`` (``_pointer``).

A workbook that cannot be opened is one DAT004 finding (on ``files/meetings``, naming the
four collections it would have given); a sheet that cannot be read is a DAT004 finding
on its own collection. Neither ever stops the run.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from secretariat_rules import hookimpl
from secretariat_rules.exceptions import DataFileError
from secretariat_rules.i18n.message import msg
from secretariat_rules.schema.manifest import Manifest
from secretariat_rules.sources.base import FileProblem, SourceAdapter, SourceOutput
from secretariat_rules.sources.confine import is_present
from secretariat_rules.sources.readers import (
    RESERVED_COLUMNS,
    RawTable,
    RowCollector,
    is_blank,
    open_workbook,
    read_data_file,
    relative_path,
    sheet_rows,
    xlsx_error_reason,
    xlsx_row,
    xlsx_text,
)

from .vocabulary import canonical_table, field_for, fold, is_ignored

__all__ = ["HEADER_SEARCH_ROWS", "SHEETS", "WORKBOOK_STEMS", "ExcelFollowupAdapter"]

WORKBOOK_STEMS = frozenset({"oppfolging"})
"""Folded stem of the workbook's file name (``oppfølging.xlsx`` folds to this too)."""

SHEETS: dict[str, str] = {
    "moter": "meetings",
    "vedtak": "decisions",
    "oppfolging": "followups",
    "avvik": "deviations",
}
"""Folded sheet name → collection."""

SHEET_TITLES = "Møter, Vedtak, Oppfølging, Avvik"

HEADER_SEARCH_ROWS = 50
"""How many rows from the top of a sheet are searched for its header row."""

_Row = tuple[int, list[str | None]]


class ExcelFollowupAdapter:
    """Meetings, decisions, follow-ups and deviations from ``oppfolging.xlsx``."""

    name = "excel-followup"
    description = (
        "follow-up workbook oppfolging.xlsx: sheets Møter, Vedtak, Oppfølging, Avvik "
        "with Norwegian headers (meetings, decisions, followups, deviations)"
    )

    def read(self, root: Path, manifest: Manifest) -> SourceOutput:
        out = SourceOutput()
        workbooks = _workbooks(root)
        if len(workbooks) > 1:
            names = ", ".join(p.name for p in workbooks)
            for path in workbooks:
                message = msg("source.excel.two_workbooks", names=names)
                out.problems.append(FileProblem("meetings", relative_path(path, root), message))
            return out
        for path in workbooks:
            _read_workbook(path, root, relative_path(path, root), manifest, out)
        return out


def _workbooks(root: Path) -> list[Path]:
    try:
        entries = sorted(root.iterdir())
    except OSError:
        return []
    return [
        p
        for p in entries
        if p.suffix.lower() == ".xlsx" and fold(p.stem) in WORKBOOK_STEMS and is_present(p)
    ]


def _read_workbook(path: Path, root: Path, rel: str, manifest: Manifest, out: SourceOutput) -> None:
    out.claimed.add(path.name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            workbook = open_workbook(read_data_file(path, root), path, rel)
        except DataFileError as exc:
            message = msg(
                "source.excel.workbook_unreadable", message=exc.message, sheets=SHEET_TITLES
            )
            out.problems.append(FileProblem("meetings", rel, message))
            return
        try:
            _read_sheets(workbook, path, rel, manifest, out)
        finally:
            workbook.close()


def _read_sheets(
    workbook: Any, path: Path, rel: str, manifest: Manifest, out: SourceOutput
) -> None:
    seen: dict[str, str] = {}
    for sheet in workbook.worksheets:
        collection = SHEETS.get(fold(str(sheet.title)))
        if collection is None:
            continue
        if collection in seen:
            message = msg(
                "source.excel.duplicate_sheet",
                first=repr(seen[collection]),
                second=repr(sheet.title),
                collection=collection,
            )
            out.problems.append(FileProblem(collection, rel, message))
            continue
        seen[collection] = sheet.title
        try:
            table = _sheet_table(sheet, rel, collection)
            out.tables.append(canonical_table(table, manifest))
        except DataFileError as exc:
            out.problems.append(FileProblem(collection, rel, exc.message, exc.line))
        except Exception as exc:  # rows are parsed lazily: corrupt sheet XML surfaces here
            reason = xlsx_error_reason(exc, path, rel)
            message = msg("source.excel.sheet_unreadable", sheet=repr(sheet.title), reason=reason)
            out.problems.append(FileProblem(collection, rel, message))
    if not seen:
        message = msg("source.excel.no_sheets", sheets=SHEET_TITLES)
        out.problems.append(FileProblem("meetings", rel, message))


def _sheet_table(sheet: Any, rel: str, collection: str) -> RawTable:
    """One sheet as a raw table with its workbook's header names."""
    title = str(sheet.title)
    rows = _text_rows(sheet, rel)
    header = _find_header(rows, collection)
    if header is None:
        examples = ", ".join(_example_headers(collection))
        raise DataFileError(
            rel,
            msg(
                "source.excel.no_header",
                sheet=repr(title),
                rows=HEADER_SEARCH_ROWS,
                examples=examples,
            ),
        )
    header_line, cells = header
    first = next(rows, None)
    if first is not None and _is_subheader(first[1], collection):
        cells = _merge_header(cells, first[1])
        first = None
    names = _names(cells, rel, title, header_line)
    table = RowCollector(n for n in names if n is not None)
    pending = [first] if first is not None else []
    for number, texts in (*pending, *rows):
        if all(is_blank(t) for t in texts):
            continue
        values, problems = xlsx_row(texts, names, number)
        table.add(number, values, problems, f"{title}!{number}")
    return table.table(collection, rel, header_line)


def _text_rows(sheet: Any, rel: str) -> Iterator[_Row]:
    for number, row in enumerate(sheet_rows(sheet, rel), start=1):
        yield number, [xlsx_text(v) for v in row]


def _known(text: str | None, collection: str) -> bool:
    return text is not None and field_for(collection, text) is not None


def _find_header(rows: Iterator[_Row], collection: str) -> _Row | None:
    """The first row with two or more known column names, within the search window."""
    for number, texts in rows:
        if sum(_known(t, collection) for t in texts) >= 2:
            return number, texts
        if number >= HEADER_SEARCH_ROWS:
            return None
    return None


def _is_subheader(texts: list[str | None], collection: str) -> bool:
    """Whether a row holds only column names (the second row of a two-row header)."""
    present = [t for t in texts if not is_blank(t)]
    return bool(present) and all(_known(t, collection) or is_ignored(str(t)) for t in present)


def _merge_header(head: list[str | None], sub: list[str | None]) -> list[str | None]:
    """Per column, the lower header's name where it has one, else the upper one's."""
    width = max(len(head), len(sub))
    head = head + [None] * (width - len(head))
    sub = sub + [None] * (width - len(sub))
    return [s if not is_blank(s) else h for h, s in zip(head, sub, strict=True)]


def _names(cells: list[str | None], rel: str, title: str, line: int) -> list[str | None]:
    names: list[str | None] = []
    for cell in cells:
        name = None if is_blank(cell) else str(cell)
        if name in RESERVED_COLUMNS:
            reserved = msg("source.excel.reserved_column", sheet=repr(title), name=repr(name))
            raise DataFileError(rel, reserved, line)
        if name is not None and name in names:
            twice = msg("source.excel.duplicate_column", sheet=repr(title), name=repr(name))
            raise DataFileError(rel, twice, line)
        names.append(name)
    return names


def _example_headers(collection: str) -> list[str]:
    examples = {
        "meetings": ["Id", "Organ", "Dato"],
        "decisions": ["Id", "Møte", "Type"],
        "followups": ["Id", "Vedtak", "Frist"],
        "deviations": ["Id", "Type", "Rapportert"],
    }
    return examples[collection]


@hookimpl
def secretariat_source_adapters() -> list[SourceAdapter]:
    return [ExcelFollowupAdapter()]
