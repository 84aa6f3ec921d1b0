"""The source adapter interface: read one layout of a data repository into raw tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..schema.manifest import Manifest
from .readers import RawTable


@dataclass(frozen=True)
class FileProblem:
    """A file that cannot be used (DAT004): unreadable, or a second file for a collection."""

    collection: str
    path: str
    message: str
    line: int | None = None


@dataclass
class SourceOutput:
    """What an adapter read: raw tables per collection, and the files it could not use."""

    tables: list[RawTable] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    claimed: set[str] = field(default_factory=set)
    """Names of the files in the repository root the adapter read or refused: a root file
    no adapter claims (and no allow-list names) is a DAT005 warning."""


class SourceAdapter(Protocol):
    """Reads a data repository's files into raw tables (strings plus provenance)."""

    name: str
    """Adapter name a manifest's ``source:`` refers to."""
    description: str

    def read(self, root: Path, manifest: Manifest) -> SourceOutput:
        """Read every collection this adapter finds under ``root``; never raise on bad data."""
        ...
