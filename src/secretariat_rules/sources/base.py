"""The source adapter interface: read one layout of a data repository into raw tables."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from ..findings import DataRuleId, SourceSummary
from ..i18n.message import Text
from ..schema.manifest import Manifest
from .readers import RawTable


@dataclass(frozen=True)
class FileProblem:
    """A file that cannot be used (DAT004): unreadable, or a second file for a collection."""

    collection: str
    path: str
    message: Text
    line: int | None = None


@dataclass(frozen=True)
class SourceNotice:
    """A finding a source adapter reports about what it read (SPEC §4, DAT006–DAT008).

    ``DAT006`` (left-out-by-source): elements of the source that became no record, with
    the reason and their count: nothing is dropped silently. ``DAT007``
    (unmatched-correspondent): correspondents that match no party but resemble one, so
    the user can add an ``aliases:`` entry. ``DAT008`` (schema-violation, only with
    ``ReadOptions.schema_check``): where the file breaks the official schema of its
    version, the records are still read. ``subject`` is ``files/PATH`` (the source
    file, relative to the data repository); ``reasons`` are the finding's lines;
    ``locations`` the elements concerned (path, line, pointer).
    """

    rule: Literal[DataRuleId.DAT006, DataRuleId.DAT007, DataRuleId.DAT008]
    subject: str
    reasons: tuple[Text, ...]
    locations: tuple[tuple[str, int | None, str | None], ...] = ()


@dataclass
class SourceInventory:
    """What one source adapter saw and made of it: shown by ``validate`` and the reports.

    Counts are plain integers keyed by name, so a report can list them in sorted order:
    ``elements`` by element kind (``journalpost``, ``moetemappe``...), ``records`` by
    collection, ``left_out`` by reason (the same reasons the DAT006 findings give).
    A ``left_out`` reason is a stable English key (of the JSON report); ``labels`` says
    it in the report's language (reason → :class:`~secretariat_rules.i18n.message.Msg`),
    see :meth:`leave_out`. A reason without a label is shown as written.
    """

    source: str
    files: list[str] = field(default_factory=list)
    elements: Counter[str] = field(default_factory=Counter)
    records: Counter[str] = field(default_factory=Counter)
    left_out: Counter[str] = field(default_factory=Counter)
    labels: dict[str, Text] = field(default_factory=dict)

    def leave_out(self, reason: str, label: Text | None = None, count: int = 1) -> None:
        """Count ``count`` elements left out for ``reason``; ``label`` is how it reads."""
        self.left_out[reason] += count
        if label is not None:
            self.labels[reason] = label

    def as_dict(self) -> dict[str, object]:
        """Plain, deterministically ordered form (for the JSON report)."""
        return {
            "source": self.source,
            "files": sorted(self.files),
            "elements": dict(sorted(self.elements.items())),
            "records": dict(sorted(self.records.items())),
            "left_out": dict(sorted(self.left_out.items())),
        }

    def summary(self) -> SourceSummary:
        """The frozen, sorted form a :class:`~secretariat_rules.findings.Result` carries."""
        return SourceSummary(
            source=self.source,
            files=tuple(sorted(self.files)),
            elements=tuple(sorted(self.elements.items())),
            records=tuple(sorted(self.records.items())),
            left_out=tuple(sorted(self.left_out.items())),
            left_out_labels=tuple(
                (reason, self.labels[reason])
                for reason in sorted(self.labels)
                if reason in self.left_out
            ),
        )


@dataclass(frozen=True)
class ReadOptions:
    """Options of one load that adapters may honour (all off by default).

    An adapter receives them when its ``read`` takes an ``options`` keyword argument;
    an adapter whose ``read(root, manifest)`` takes two arguments keeps working.
    """

    schema_check: bool = False
    """Validate source files against their official schema (``--schema-check``)."""


@dataclass
class SourceOutput:
    """What an adapter read: raw tables per collection, and the files it could not use."""

    tables: list[RawTable] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    claimed: set[str] = field(default_factory=set)
    """Names of the files in the repository root the adapter read or refused: a root file
    no adapter claims (and no allow-list names) is a DAT005 warning."""
    notices: list[SourceNotice] = field(default_factory=list)
    """The DAT006–DAT008 findings: what the adapter left out, could not match, or found
    breaking the schema."""
    inventory: SourceInventory | None = None
    """Files read, elements seen, records produced, elements left out; None when the
    adapter found nothing to read."""


class SourceAdapter(Protocol):
    """Reads a data repository's files into raw tables (strings plus provenance)."""

    name: str
    """Adapter name a manifest's ``source:`` refers to."""
    description: str

    def read(self, root: Path, manifest: Manifest) -> SourceOutput:
        """Read every collection this adapter finds under ``root``; never raise on bad data.

        An adapter may also accept ``options: ReadOptions`` as a keyword argument.
        """
        ...
