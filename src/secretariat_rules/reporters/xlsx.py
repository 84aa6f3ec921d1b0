"""The Excel reporter (``--format xlsx``): a workbook for readers who work in spreadsheets.

* ``check``: a summary sheet (a row per data repository: region, ruleset, dates, counts),
  then a sheet per guideline section (data integrity first) with a row per finding.
* ``audit``: a summary sheet (a row per region: status, compliance, findings), the region
  × rule matrix against the national baseline and against each region's own ruleset
  (cells coloured by status as in the HTML report), then a sheet per region with its
  findings against both.

Finding rows have the columns rule, severity, clause, subject, message, fix, location and
waived (the audit's region sheets add the ruleset). Texts are in ``--lang`` (Norwegian by
default). Bytes are deterministic (:func:`.xlsx_book.workbook_bytes`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..findings import Finding, Result, Severity
from ..i18n.catalog import section_title, severity_label, t
from ..markers import hookimpl
from .base import BinaryOnly, Reporter, ReportOptions, by_section, cell_symbol, compliance_text
from .base import repository_path as shown

if TYPE_CHECKING:
    from openpyxl import Workbook

    from ..audit_results import Audit, Matrix

FIXED_DATE = dt.date(2000, 1, 1)
"""The workbook date when no ``as_of`` is known (an audit where each manifest sets it)."""

COLOURS = {
    "passed": "D6EFD6",
    "failed": "F6CCCC",
    "waived": "FBE7B5",
    "disabled": "E6E6E6",
    "not_applicable": "F3F3F3",
}
"""Matrix cell backgrounds by status, the HTML report's."""


def _date(texts: Sequence[str | None]) -> dt.date:
    """The workbook date: the latest ``as_of`` given, else :data:`FIXED_DATE`."""
    dates = sorted(dt.date.fromisoformat(text) for text in texts if text)
    return dates[-1] if dates else FIXED_DATE


def finding_header(lang: str) -> list[str]:
    """The columns of a finding row."""
    keys = ("rule", "severity", "clause", "subject", "message", "fix", "location", "waived")
    return [t(f"xlsx.column.{key}", lang) for key in keys]


def finding_row(finding: Finding, result: Result, lang: str) -> list[str | int | None]:
    """A finding as cells: texts, one location per line, waived ``ja``/``nei`` (+ reason)."""
    waived = t("xlsx.yes" if finding.waived else "xlsx.no", lang)
    if finding.waived and finding.waiver_reason:
        waived = f"{waived}: {finding.waiver_reason}"
    return [
        finding.rule,
        severity_label(finding.severity.label, lang),
        finding.clause,
        str(finding.subject),
        finding.message,
        result.rule_texts.get(finding.rule, {}).get("fix"),
        "\n".join(str(location) for location in finding.locations),
        waived,
    ]


def _summary_header(lang: str) -> list[str]:
    keys = ("column.region", "column.repository", "column.ruleset", "summary.as_of")
    counts = ("error", "warning", "info", "waived", "rules_checked", "rules_failed")
    return [t(f"xlsx.{key}", lang) for key in (*keys, "summary.period")] + [
        t(f"xlsx.summary.{key}", lang) for key in counts
    ]


def _summary_row(result: Result) -> list[str | int | None]:
    return [
        f"{result.region_name} ({result.region})" if result.region_name else result.region,
        shown(result.data_dir),
        result.ruleset,
        result.as_of,
        f"{result.period_start} – {result.period_end}",
        result.count(Severity.ERROR),
        result.count(Severity.WARNING),
        result.count(Severity.INFO),
        sum(1 for f in result.findings if f.waived),
        result.rules_checked,
        result.rules_failed,
    ]


class XlsxReporter(BinaryOnly):
    """An Excel workbook (Office Open XML), byte-identical for equal input."""

    name = "xlsx"
    suffix = ".xlsx"
    binary = True

    def render_bytes(self, results: Sequence[Result], options: ReportOptions) -> bytes:
        """The check workbook: summary, then a sheet per guideline section."""
        from .xlsx_book import new_workbook, sheet_title, table, workbook_bytes

        lang = options.lang
        book = new_workbook()
        summary = book.create_sheet(sheet_title(t("xlsx.sheet.summary", lang), []))
        table(summary, _summary_header(lang), [_summary_row(r) for r in results])
        many = len(results) > 1
        owner = {id(f): r for r in results for f in r.findings}
        findings = [f for r in results for f in r.findings]
        for section, group in by_section(findings):
            sheet = book.create_sheet(sheet_title(section_title(section, lang), book.sheetnames))
            header = finding_header(lang)
            rows = [finding_row(f, owner[id(f)], lang) for f in group]
            if many:
                header = [t("xlsx.column.repository", lang), *header]
                rows = [
                    [shown(owner[id(f)].data_dir), *row] for f, row in zip(group, rows, strict=True)
                ]
            table(sheet, header, rows)
        title = t("xlsx.summary.title", lang)
        return workbook_bytes(book, _date([r.as_of for r in results]), title, lang)

    def render_audit_bytes(self, audit: Audit, options: ReportOptions) -> bytes:
        """The audit workbook: summary, both matrices, a sheet per region."""
        from .xlsx_book import new_workbook, sheet_title, table, workbook_bytes

        lang = options.lang
        book = new_workbook()
        _audit_summary(book, audit, lang)
        for matrix in audit.matrices:
            _matrix_sheet(book, matrix, lang)
        for region in audit.regions:
            sheet = book.create_sheet(sheet_title(region.id, book.sheetnames))
            header = [t("xlsx.column.ruleset", lang), *finding_header(lang)]
            rows = [
                [result.ruleset, *finding_row(f, result, lang)]
                for result in (region.own, region.national)
                if result is not None
                for _section, group in by_section(result.findings)
                for f in group
            ]
            if not region.ok:
                rows = [[None, None, None, None, None, region.message, None, None, None]]
            table(sheet, header, rows)
        dates = [audit.as_of] if audit.as_of else [r.own.as_of for r in audit.regions if r.own]
        return workbook_bytes(book, _date(dates), t("xlsx.summary.audit_title", lang), lang)


def _audit_summary(book: Workbook, audit: Audit, lang: str) -> None:
    from .xlsx_book import sheet_title, table

    sheet = book.create_sheet(sheet_title(t("xlsx.sheet.summary", lang), []))
    header = [
        t("xlsx.column.region", lang),
        t("audit.name", lang),
        t("xlsx.column.repository", lang),
        t("xlsx.column.ruleset", lang),
        t("xlsx.column.status", lang),
        t("audit.compliance.national", lang, baseline=audit.baseline),
        t("audit.compliance.own", lang),
        t("xlsx.column.findings", lang),
    ]
    rows: list[list[str | int | None]] = []
    for region in audit.regions:
        compliance = [
            next((row.compliance for row in m.rows if row.region == region.id), None)
            for m in audit.matrices
        ]
        rows.append(
            [
                region.id,
                region.name,
                shown(region.data_dir),
                region.ruleset,
                t(f"audit.status.{region.status}", lang),
                *(compliance_text(c) for c in compliance),
                len(region.own.findings) if region.own else None,
            ]
        )
    table(sheet, header, rows)


def _matrix_sheet(book: Workbook, matrix: Matrix, lang: str) -> None:
    """Regions down, rules across; cells coloured by status; compliance both ways."""
    from .xlsx_book import fill, sheet_title, table

    wanted = t(f"xlsx.sheet.matrix.{matrix.key}", lang)
    sheet = book.create_sheet(sheet_title(wanted, book.sheetnames))
    header = [
        t("xlsx.column.region", lang),
        *(rule.id for rule in matrix.rules),
        t("xlsx.summary.compliance", lang),
    ]
    rows: list[list[str | int | None]] = []
    for row in matrix.rows:
        cells = row.cells or ()
        rows.append(
            [row.region, *(cell_symbol(c, lang) for c in cells), compliance_text(row.compliance)]
        )
    rows.append(
        [t("xlsx.summary.compliance", lang), *(compliance_text(c) for c in matrix.by_rule), None]
    )
    table(sheet, header, rows)
    for index, row in enumerate(matrix.rows, start=2):
        for column, cell in enumerate(row.cells or (), start=2):
            if cell.status in COLOURS:
                fill(sheet, index, column, COLOURS[cell.status])


@hookimpl
def secretariat_reporters() -> list[Reporter]:
    """Provide the ``xlsx`` reporter."""
    return [XlsxReporter()]
