"""The value objects of an audit: what ``secretariat-rules audit`` found (ground floor).

:mod:`secretariat_rules.audit` computes them; the reporters only read them. They live
here, below every other layer, so a reporter can render an audit without importing the
audit machinery (the API, the engine, the plugin registry), and ``reporters.base`` does
not import ``audit``: that was the import circle api → plugins → hookspecs →
reporters.base → audit → api.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .findings import Result, Severity
from .version import __version__

if TYPE_CHECKING:
    from .engine.tailoring import Tailoring

__all__ = [
    "CELL_STATUSES",
    "DEFAULT_BASELINE",
    "RULESET_KEYS",
    "Audit",
    "Cell",
    "Compliance",
    "Matrix",
    "MatrixRow",
    "RegionAudit",
    "RuleColumn",
]

DEFAULT_BASELINE = "national"
"""The baseline an audit compares against by default (``api.DEFAULT_RULESET``)."""

RULESET_KEYS = ("national", "own")
"""The two matrices of an audit: against the baseline, and against each region's own."""

CELL_STATUSES = ("passed", "failed", "waived", "disabled", "not_applicable", "absent")
"""A rule outcome's status (:data:`~secretariat_rules.findings.RULE_STATUSES`) or absent."""


@dataclass(frozen=True)
class RegionAudit:
    """One data repository's part of the audit.

    A ``broken`` region (configuration error) has a ``message``; a ``crashed`` one
    (unexpected exception) a ``message`` and the ``traceback``. Neither has results; its
    ``id`` is then the directory's name.
    """

    id: str
    name: str
    data_dir: str
    status: str
    message: str | None = None
    ruleset: str | None = None
    layers: tuple[str, ...] = ()
    national: Result | None = None
    own: Result | None = None
    tailoring: tuple[Tailoring, ...] = ()
    traceback: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def crashed(self) -> bool:
        """Stopped by an unexpected exception (a bug), not by a configuration error."""
        return self.status == "crashed"

    def result(self, key: str) -> Result | None:
        """The result against ``national`` or ``own``."""
        return self.national if key == "national" else self.own

    @property
    def failing(self) -> bool:
        """Findings against its own ruleset at or above ``fail_on`` (unwaived)."""
        return self.own is not None and bool(self.own.failing)


@dataclass(frozen=True)
class RuleColumn:
    """A rule of a matrix, described by the first region (in order) that has it."""

    id: str
    name: str
    title: str
    section: str
    severity: str


@dataclass(frozen=True)
class Cell:
    """One rule in one region: its status, failing findings, and the reason if any."""

    status: str
    count: int = 0
    reason: str | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"status": self.status}
        if self.status == "failed":
            out["count"] = self.count
        if self.reason:
            out["reason"] = self.reason
        return out


@dataclass(frozen=True)
class Compliance:
    """``passing`` of ``assessed``; the share is ``None`` when nothing was assessed."""

    passing: int
    assessed: int

    @property
    def share(self) -> float | None:
        return None if not self.assessed else self.passing / self.assessed

    def percent(self) -> str:
        """``83 %`` (rounded down, so 100 % means every one), or ``–``."""
        share = self.share
        return "–" if share is None else f"{self.passing * 100 // self.assessed} %"

    def to_dict(self) -> dict[str, object]:
        share = self.share
        return {
            "passing": self.passing,
            "assessed": self.assessed,
            "share": None if share is None else round(share, 4),
        }


@dataclass(frozen=True)
class MatrixRow:
    """A region's row: a cell per column (``None`` for a broken region)."""

    region: str
    cells: tuple[Cell, ...] | None
    compliance: Compliance | None


@dataclass(frozen=True)
class Matrix:
    """The region × rule matrix of one ruleset key, with compliance both ways."""

    key: str
    rules: tuple[RuleColumn, ...]
    rows: tuple[MatrixRow, ...]
    by_rule: tuple[Compliance, ...]

    def cell(self, region: str, rule: str) -> Cell | None:
        """The cell of ``region`` (id) and ``rule``; ``None`` if broken or unknown.

        Two data directories of one region (the same records in two layouts, say) have a
        row each; this looks at the first.
        """
        index = next((i for i, r in enumerate(self.rules) if r.id == rule), None)
        for row in self.rows:
            if row.region == region and row.cells is not None and index is not None:
                return row.cells[index]
        return None


@dataclass(frozen=True)
class Audit:
    """The directorate's view of every region: regions, two matrices, tailoring."""

    regions: tuple[RegionAudit, ...]
    national: Matrix
    own: Matrix
    baseline: str = DEFAULT_BASELINE
    lang: str = "nb"
    fail_on: Severity | None = Severity.ERROR
    as_of: str | None = None
    tool_version: str = __version__

    @property
    def matrices(self) -> tuple[Matrix, Matrix]:
        """The national matrix, then the own-ruleset one."""
        return (self.national, self.own)

    @property
    def broken(self) -> tuple[RegionAudit, ...]:
        """Regions stopped by a configuration error (status ``broken``)."""
        return tuple(r for r in self.regions if r.status == "broken")

    @property
    def crashed(self) -> tuple[RegionAudit, ...]:
        """Regions stopped by an unexpected exception (status ``crashed``): bugs."""
        return tuple(r for r in self.regions if r.status == "crashed")

    @property
    def unassessed(self) -> tuple[RegionAudit, ...]:
        """Regions that could not be audited: broken or crashed, in the order given."""
        return tuple(r for r in self.regions if not r.ok)

    @property
    def failing(self) -> tuple[RegionAudit, ...]:
        """Regions with failing findings against their own ruleset."""
        return tuple(r for r in self.regions if r.failing)

    @property
    def region_ids(self) -> tuple[str, ...]:
        """The distinct regions, in the order first given (several repositories may share one)."""
        return tuple(dict.fromkeys(r.id for r in self.regions))

    def tailoring_groups(self) -> list[tuple[RegionAudit, tuple[int, ...]]]:
        """Each assessed region's tailoring once per (region, ruleset): the first repository's
        audit and the positions in :attr:`regions` of every repository that shares it."""
        groups: dict[tuple[str, str | None], list[int]] = {}
        for position, region in enumerate(self.regions):
            if region.ok:
                groups.setdefault((region.id, region.ruleset), []).append(position)
        return [(self.regions[found[0]], tuple(found)) for found in groups.values()]
