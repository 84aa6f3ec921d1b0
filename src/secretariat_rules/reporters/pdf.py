"""The PDF/A reporter (``--format pdf``): the HTML report as an A4 annex for case papers.

The content is the HTML reporter's (:mod:`.html`), laid out for print by
:mod:`.pdf_print` and rendered as PDF/A-3b with embedded fonts by WeasyPrint; the
document's dates are the report's ``as_of`` (no clock), so equal input gives equal bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..findings import Result
from ..markers import hookimpl
from .base import BinaryOnly, Reporter, ReportOptions
from .html import HtmlReporter
from .pdf_print import pdfa_bytes

if TYPE_CHECKING:
    from ..audit_results import Audit

FIXED_DATE = dt.date(2000, 1, 1)
"""The document date when no ``as_of`` is known (an audit where each manifest sets it)."""


def _date(texts: Sequence[str | None]) -> dt.date:
    """The document date: the latest ``as_of`` given, else :data:`FIXED_DATE`."""
    dates = sorted(dt.date.fromisoformat(text) for text in texts if text)
    return dates[-1] if dates else FIXED_DATE


class PdfReporter(BinaryOnly):
    """A PDF/A-3b document, byte-identical for equal input."""

    name = "pdf"
    suffix = ".pdf"
    binary = True

    def render_bytes(self, results: Sequence[Result], options: ReportOptions) -> bytes:
        """The check report as PDF/A."""
        plain = ReportOptions(lang=options.lang, inventory=options.inventory)
        html = HtmlReporter().render(results, plain)
        return pdfa_bytes(html, options.lang, _date([r.as_of for r in results]))

    def render_audit_bytes(self, audit: Audit, options: ReportOptions) -> bytes:
        """The audit report as PDF/A."""
        html = HtmlReporter().render_audit(audit, ReportOptions(lang=options.lang))
        dates = [audit.as_of] if audit.as_of else [r.own.as_of for r in audit.regions if r.own]
        return pdfa_bytes(html, options.lang, _date(dates))


@hookimpl
def secretariat_reporters() -> list[Reporter]:
    """Provide the ``pdf`` reporter."""
    return [PdfReporter()]
