"""The reporter interface: one reporter per module, each knowing one format.

A reporter must implement :meth:`Reporter.render` (the results of ``check``). It MAY also
implement ``render_audit(audit, options) -> str`` (:class:`AuditReporter`) to render the
cross-region audit of ``secretariat-rules audit``; the command refuses a format whose
reporter lacks it (exit code 2). The method is optional, so reporters written before it
existed keep working unchanged: :func:`audit_renderer` finds it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ..findings import Result

if TYPE_CHECKING:
    from ..audit_results import Audit


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
