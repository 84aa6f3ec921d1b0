"""The reporter interface: one reporter per module, each knowing one format.

A reporter must implement :meth:`Reporter.render` (the results of ``check``). It MAY also
implement ``render_audit(audit, options) -> str`` (:class:`AuditReporter`) to render the
cross-region audit of ``secretariat-rules audit``; the command refuses a format whose
reporter lacks it (exit code 2). The method is optional, so reporters written before it
existed keep working unchanged: :func:`audit_renderer` finds it.

A reporter of a binary format (``xlsx``, ``pdf``) sets ``binary = True`` and implements
``render_bytes`` (and ``render_audit_bytes`` for audits) (:class:`BinaryReporter`); its
``render`` raises :class:`~secretariat_rules.exceptions.UsageError`. Callers use
:func:`render_report` and :func:`render_audit_report`, which give text or bytes; text
reporters (and third-party ones) need no change.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from pydantic import BaseModel

from ..cycles import no_cycle_collection
from ..exceptions import UsageError
from ..findings import Finding, Result, Severity
from ..i18n.catalog import t
from ..i18n.message import msg

if TYPE_CHECKING:
    from ..audit_results import Audit, Cell, Compliance


def text_table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows for a terminal: columns padded to their widest cell, two spaces apart, each
    line indented two spaces, trailing blanks cut (the first row is the header, if any)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


@dataclass(frozen=True)
class ReportOptions:
    """Options every reporter may honour."""

    lang: str = "nb"
    color: bool = False
    inventory: bool = False
    """Show each source's inventory in the text report (``validate`` sets it; the JSON,
    HTML and Markdown reports show it whenever a source reported one)."""


class Reporter(Protocol):
    """Renders the results of one run (one per data repository) in one format."""

    name: str
    """Format name used by ``--format`` (``text``, ``json``, ``junit``...)."""
    suffix: str
    """File suffix for ``--output`` defaults (``.txt``, ``.json``, ``.xml``...)."""

    def render(self, results: Sequence[Result], options: ReportOptions) -> str:
        """Return the whole report as text; deterministic for equal input."""
        ...


@runtime_checkable
class AuditReporter(Protocol):
    """A reporter that can also render an audit (the optional ``render_audit`` method)."""

    name: str
    suffix: str

    def render(self, results: Sequence[Result], options: ReportOptions) -> str: ...

    def render_audit(self, audit: Audit, options: ReportOptions) -> str:
        """Return the whole audit report as text; deterministic for equal input.

        :param audit: regions, the national and own-ruleset matrices with compliance,
            the tailoring register, and each region's two results for drill-down.
        """
        ...


@runtime_checkable
class BinaryReporter(Protocol):
    """A reporter of a binary format (``binary = True``): bytes, written only to a file."""

    name: str
    suffix: str
    binary: bool

    def render_bytes(self, results: Sequence[Result], options: ReportOptions) -> bytes:
        """Return the whole report as bytes; byte-identical for equal input."""
        ...


class BinaryOnly:
    """For a binary reporter: ``render`` and ``render_audit`` refuse (a usage error), since
    its report is bytes (``render_bytes``, ``render_audit_bytes``)."""

    name: str

    def render(self, results: Sequence[Result], options: ReportOptions) -> str:
        """Refused: the report is binary."""
        raise UsageError(msg("report.binary.text", format=self.name))

    def render_audit(self, audit: Audit, options: ReportOptions) -> str:
        """Refused: the report is binary."""
        raise UsageError(msg("report.binary.text", format=self.name))


def is_binary(reporter: object) -> bool:
    """Whether ``reporter`` writes a binary format (``binary = True`` and ``render_bytes``)."""
    return getattr(reporter, "binary", False) is True and isinstance(reporter, BinaryReporter)


def render_report(
    reporter: Reporter, results: Sequence[Result], options: ReportOptions
) -> str | bytes:
    """The report of ``results``: bytes from a binary reporter, else its text.

    The cycle collector is paused meanwhile (:mod:`~secretariat_rules.cycles`): a report
    of many findings builds many small objects at once.
    """
    with no_cycle_collection():
        if is_binary(reporter):
            return reporter.render_bytes(results, options)  # type: ignore[attr-defined]
        return reporter.render(results, options)


def render_audit_report(
    reporter: AuditReporter, audit: Audit, options: ReportOptions
) -> str | bytes:
    """The audit report: bytes from a binary reporter (``render_audit_bytes``), else text."""
    if is_binary(reporter):
        return reporter.render_audit_bytes(audit, options)  # type: ignore[attr-defined]
    return reporter.render_audit(audit, options)


def repository_path(data_dir: str) -> str:
    """The data repository as given on the command line, normalised for display.

    ``./data/``, ``data//`` and ``data/sub/..`` all read ``data``; forward slashes on
    every platform; an absolute path stays absolute. Reports never resolve symlinks or
    make the path absolute, so equal command lines give byte-identical reports.
    """
    return PurePath(os.path.normpath(data_dir or ".")).as_posix()


def audit_renderer(reporter: Reporter) -> AuditReporter | None:
    """The reporter as an :class:`AuditReporter`, or ``None`` if it cannot render audits."""
    return reporter if isinstance(reporter, AuditReporter) else None


# --------------------------------------------------------------------------- shared helpers


def section_order(section: str) -> tuple[int, int, str]:
    """Sort key: ``data`` first, then numeric sections by number, then any other name."""
    if section == "data":
        return (0, 0, "")
    if section.isdigit():
        return (1, int(section), section)
    return (2, 0, section)


def by_section(
    findings: Iterable[Finding], key: Callable[[Finding], Any] = lambda f: f.sort_key
) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by section (in :func:`section_order`), sorted within a section by
    ``key`` (default: rule and subject, :attr:`Finding.sort_key`)."""
    ordered = sorted(findings, key=lambda f: (section_order(f.section), key(f)))
    return [(section, list(group)) for section, group in groupby(ordered, key=lambda f: f.section)]


def cell_symbol(cell: Cell, lang: str) -> str:
    """The short mark of an audit matrix cell, as the legend (``audit.legend``) explains it."""
    return {
        "passed": "✓",
        "failed": str(cell.count),
        "waived": t("audit.symbol.waived", lang),
        "disabled": "d",
        "not_applicable": "–",
    }.get(cell.status, "")


def compliance_text(compliance: Compliance | None) -> str:
    """``27/34 79 %``, or ``–`` for a region that was not assessed."""
    if compliance is None:
        return "–"
    return f"{compliance.passing}/{compliance.assessed} {compliance.percent()}"


def to_plain(value: Any) -> Any:
    """A JSON-ready copy: texts as ``{nb, en}``, severities as labels, dates as ISO text."""
    if isinstance(value, BaseModel):
        return to_plain(value.model_dump(mode="json", by_alias=True))
    if isinstance(value, Severity):
        return value.label
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    return value


def dump_json(data: Any) -> str:
    """Deterministic JSON (sorted keys, two-space indent, UTF-8 kept), ending in a newline."""
    return json.dumps(to_plain(data), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
