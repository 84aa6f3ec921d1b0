"""The waivers listing's value objects (``secretariat-rules waivers``), which reporters render.

Statuses (:data:`STATUSES`): every waiver is ``expired`` (``as_of`` after ``expires``),
else ``expiring`` (it expires within the listing's ``expiring_within`` days of ``as_of``)
or ``active``; an active or expiring waiver whose rule ran and that waives no finding is
also ``unused``. So a waiver has one or two statuses: ``expired``; ``active``;
``expiring``; ``active`` + ``unused``; ``expiring`` + ``unused``. An expired waiver is never
``unused`` (it waives nothing by definition; the check reports it as WAV001).
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Location

STATUSES = ("active", "expiring", "expired", "unused")
"""Every status, in the order a listing counts them."""


@dataclass(frozen=True)
class WaiverEntry:
    """One waiver of the file, with its statuses and the findings it waives."""

    rule: str
    subject: str
    reason: str
    approved_by: str
    expires: str
    """ISO date, the last day it applies."""
    case: str | None
    owner: str | None
    location: Location
    statuses: tuple[str, ...]
    """``expired``, ``active`` or ``expiring``, then ``unused`` if it is."""
    days_left: int
    """Days from ``as_of`` to ``expires`` (negative once expired)."""
    waived: tuple[str, ...]
    """The subjects (``collection/id``) of the findings it waives, sorted."""

    @property
    def is_problem(self) -> bool:
        """Expired or unused: what ``waivers --strict`` fails on."""
        return "expired" in self.statuses or "unused" in self.statuses


@dataclass(frozen=True)
class WaiverListing:
    """Every waiver of one data repository as of a date."""

    data_dir: str
    region: str
    ruleset: str
    as_of: str
    expiring_within: int
    entries: tuple[WaiverEntry, ...]

    def count(self, status: str) -> int:
        """How many waivers have ``status`` (one waiver may count under two)."""
        return sum(1 for e in self.entries if status in e.statuses)

    @property
    def counts(self) -> dict[str, int]:
        """Per status of :data:`STATUSES`, in that order."""
        return {status: self.count(status) for status in STATUSES}
