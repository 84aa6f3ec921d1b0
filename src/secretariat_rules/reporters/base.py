"""The reporter interface: one reporter per module, each knowing one format."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ..findings import Result


@dataclass(frozen=True)
class ReportOptions:
    """Options every reporter may honour."""

    lang: str = "nb"
    color: bool = False


class Reporter(Protocol):
    """Renders the results of one run (one per data repository) in one format."""

    name: str
    """Format name used by ``--format`` (``text``, ``json``, ``junit``...)."""
    suffix: str
    """File suffix for ``--output`` defaults (``.txt``, ``.json``, ``.xml``...)."""

    def render(self, results: Sequence[Result], options: ReportOptions) -> str:
        """Return the whole report as text; deterministic for equal input."""
        ...
