"""The Dataset: every collection of a data repository as a typed polars frame.

Raw tables (strings plus provenance) from the source adapters are typed here, column by
column, with the vectorised parsers of :mod:`.sources.values`; the data integrity rules
DAT001–DAT005 are found on the way. What the guideline rules see is clean: a record that
failed DAT001 is left out, of two records with one id (valid or not) only the first may
take part, a record whose required reference names no record that takes part is left
out, an optional such reference is null, and the rows of a file whose header lacks a
required column are left out. (The engine then sees these frames as of ``as_of``:
:mod:`.engine.as_of`.)

Besides the 16 collections, the manifest's facts become frames too (``parties``,
``party_domains``, ``bodies``, ``channels``, ``secretariat``), so rules treat them alike.
Every frame carries provenance columns ``_file``, ``_line``, ``_pointer`` and ``_row``.

Typing is :mod:`.dataset_typing`, duplicate ids, references and pruning
:mod:`.dataset_links`; this module holds the :class:`Dataset`, the manifest frames and
the assembly (:func:`build_dataset`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import polars as pl

from .dataset_links import (
    PROVENANCE,
    dedupe,
    find_dangling,
    id_series,
    locations_of,
    prune,
    prune_all,
    resolve_references,
    subject_ids,
)
from .dataset_typing import type_collection, type_collections
from .exceptions import ConditionError
from .findings import DataRuleId, Location, RawFinding, Subject
from .i18n.message import Text, msg
from .schema.attestations import Attestations
from .schema.collections import COLLECTION_FIELDS, COLLECTION_MODELS
from .schema.fields import FieldSpec
from .schema.manifest import Manifest
from .sources.base import FileProblem, SourceInventory, SourceNotice
from .sources.confine import UnrecognisedFile
from .sources.manifest import MANIFEST_NAME
from .sources.readers import RawTable
from .suggest import reference_guesser
from .yamlio import LineIndex

__all__ = [
    "MANIFEST_FIELDS",
    "PROVENANCE",
    "Dataset",
    "build_dataset",
    "dedupe",
    "empty_dataset",
    "file_problem_findings",
    "host_of",
    "locations_of",
    "manifest_frames",
    "notice_findings",
    "prune",
    "prune_all",
    "resolve_references",
    "subject_ids",
    "type_collection",
]


def _spec(name: str, kind: str = "str", ref: str | None = None) -> FieldSpec:
    return FieldSpec(name=name, kind=kind, required=False, ref=ref)  # type: ignore[arg-type]


MANIFEST_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "parties": (_spec("id", "id"), _spec("name"), _spec("kind"), _spec("org_number")),
    "party_domains": (_spec("party", ref="parties"), _spec("domain")),
    "bodies": (_spec("id", "id"), _spec("name"), _spec("kind")),
    "channels": (_spec("id", "id"), _spec("kind"), _spec("address"), _spec("host")),
    "secretariat": (
        _spec("id", "id"),
        _spec("leader_appointment_decision", ref="decisions"),
        _spec("employer_waiver_agreement"),
        _spec("mandate"),
        _spec("delegated_authority_nok", "amount"),
        _spec("toll_allowed", "bool"),
        _spec("toll_annual_cap_nok", "amount"),
        _spec("toll_basis"),
    ),
}
"""Frames made from the manifest, described like collections so rules can join them."""


@dataclass
class Dataset:
    """A data repository loaded for checking."""

    root: Path
    manifest: Manifest
    manifest_lines: LineIndex
    frames: dict[str, pl.DataFrame]
    fields: dict[str, tuple[FieldSpec, ...]]
    issues: list[tuple[DataRuleId, RawFinding]] = field(default_factory=list)
    """Data integrity findings: (rule id, finding)."""
    memo: dict[str, Any] = field(default_factory=dict)
    """Work that check kinds share across rules, derived from the frames, by key (an
    input such as :attr:`attestations` is not work: it is loaded at the boundary)."""
    inventory: list[SourceInventory] = field(default_factory=list)
    """Per source adapter that read something: files, elements seen, records, left out."""
    attestations: Attestations = field(default_factory=Attestations)
    """``attestations.yaml``, validated, loaded at the boundary when an ``attested`` rule
    runs (:func:`secretariat_rules.api.check_dataset`); by default no file."""

    def frame(self, name: str) -> pl.DataFrame:
        """The clean frame of a collection or manifest table."""
        try:
            return self.frames[name]
        except KeyError:
            known = ", ".join(sorted(self.frames))
            raise ConditionError(f"unknown collection {name!r} (known: {known})") from None

    def manifest_location(self, *key: str | int) -> Location:
        """Where a manifest key is written (``secretariat.yaml:LINE``)."""
        return Location(MANIFEST_NAME, self.manifest_lines.line(key))

    @property
    def record_count(self) -> int:
        return sum(self.frames[name].height for name in COLLECTION_MODELS)


# --------------------------------------------------------------------------- manifest frames


def host_of(kind: str, address: str) -> str:
    """The host of a channel: an e-mail address's domain, a URL's host name."""
    address = address.strip()
    if kind == "email":
        host = address.rsplit("@", 1)[-1]
    else:
        host = urlsplit(address if "://" in address else f"//{address}").hostname or ""
    return host.lower().rstrip(".")


def manifest_frames(manifest: Manifest, index: LineIndex) -> dict[str, pl.DataFrame]:
    """The manifest's facts as frames with provenance (``secretariat.yaml:LINE``)."""

    def frame(rows: list[dict[str, Any]], name: str) -> pl.DataFrame:
        schema: dict[str, pl.DataType] = {s.name: s.dtype for s in MANIFEST_FIELDS[name]}
        schema.update(_file=pl.Utf8(), _line=pl.Int64(), _pointer=pl.Utf8(), _row=pl.Int64())
        for i, row in enumerate(rows, start=1):
            row.setdefault("_file", MANIFEST_NAME)
            row.setdefault("_pointer", None)
            row["_row"] = i
        return pl.DataFrame(rows, schema=schema)

    parties = [
        {
            "id": p.id,
            "name": p.name,
            "kind": p.kind,
            "org_number": p.org_number,
            "_line": index.line(("parties", i)),
        }
        for i, p in enumerate(manifest.parties)
    ]
    domains = [
        {"party": p.id, "domain": d, "_line": index.line(("parties", i, "domains", j))}
        for i, p in enumerate(manifest.parties)
        for j, d in enumerate(p.domains)
    ]
    bodies = [
        {"id": b.id, "name": b.name, "kind": b.kind, "_line": index.line(("bodies", i))}
        for i, b in enumerate(manifest.bodies)
    ]
    channels = [
        {
            "id": c.address,
            "kind": c.kind,
            "address": c.address,
            "host": host_of(c.kind, c.address),
            "_line": index.line(("channels", i)),
        }
        for i, c in enumerate(manifest.channels)
    ]
    facts = manifest.secretariat
    toll = facts.toll_funding
    secretariat = [
        {
            "id": manifest.region,
            "leader_appointment_decision": facts.leader_appointment_decision,
            "employer_waiver_agreement": facts.employer_waiver_agreement,
            "mandate": facts.mandate,
            "delegated_authority_nok": facts.delegated_authority_nok,
            "toll_allowed": toll.allowed if toll else None,
            "toll_annual_cap_nok": toll.annual_cap_nok if toll else None,
            "toll_basis": toll.basis if toll else None,
            "_line": index.line(("secretariat",)),
        }
    ]
    return {
        "parties": frame(parties, "parties"),
        "party_domains": frame(domains, "party_domains"),
        "bodies": frame(bodies, "bodies"),
        "channels": frame(channels, "channels"),
        "secretariat": frame(secretariat, "secretariat"),
    }


# --------------------------------------------------------------------------- assembly


def file_problem_findings(problems: Iterable[FileProblem]) -> list[tuple[DataRuleId, RawFinding]]:
    """One DAT004 finding per collection whose file(s) could not be used."""
    by_collection: dict[str, list[FileProblem]] = defaultdict(list)
    for problem in problems:
        by_collection[problem.collection].append(problem)
    out = []
    for collection, items in by_collection.items():
        reasons = tuple(
            dict.fromkeys(msg("data.at_path", path=p.path, message=p.message) for p in items)
        )
        locs = tuple(Location(p.path, p.line) for p in items)
        out.append((DataRuleId.DAT004, RawFinding(Subject("files", collection), reasons, locs)))
    return out


def notice_findings(notices: Iterable[SourceNotice]) -> list[tuple[DataRuleId, RawFinding]]:
    """Source adapters' DAT006–DAT008 notices as findings: one per rule and subject.

    An adapter may give one notice per reason (``3 × arkivnotat ...``, ``1 × ...``); the
    notices of one rule on one file are one finding with every reason and location, in
    the order given, so each finding keeps a fingerprint of its own (rule + subject).
    """
    merged: dict[tuple[DataRuleId, str], tuple[dict[Text, None], dict[Location, None]]] = {}
    for notice in notices:
        reasons, locations = merged.setdefault((notice.rule, notice.subject), ({}, {}))
        reasons.update(dict.fromkeys(notice.reasons))
        locations.update(dict.fromkeys(Location(*where) for where in notice.locations))
    return [
        (rule, RawFinding(Subject.parse(subject), tuple(reasons), tuple(locations)))
        for (rule, subject), (reasons, locations) in merged.items()
    ]


def build_dataset(
    root: Path,
    manifest: Manifest,
    index: LineIndex,
    tables: list[RawTable],
    problems: list[FileProblem],
    unrecognised: Iterable[UnrecognisedFile] = (),
    notices: Iterable[SourceNotice] = (),
    inventory: Iterable[SourceInventory] = (),
) -> Dataset:
    """Type, validate, de-duplicate and link the raw tables into a :class:`Dataset`.

    A file problem (DAT004) affects that file only: the tables other files or other
    source adapters read for the same collection are still typed and checked. Each file
    in ``unrecognised`` is one DAT005 warning on ``files/NAME``; source notices are
    DAT006–DAT008 findings, one per rule and subject (:func:`notice_findings`).

    ``tables`` is consumed (emptied), so that each collection's raw frames can be freed
    as soon as it is typed.
    """
    issues = file_problem_findings(problems)
    for item in unrecognised:
        finding = RawFinding(Subject("files", item.name), (item.message,), (Location(item.name),))
        issues.append((DataRuleId.DAT005, finding))
    issues.extend(notice_findings(notices))
    by_collection: dict[str, list[RawTable]] = defaultdict(list)
    for table in tables:
        by_collection[table.collection].append(table)
    tables.clear()  # consumed: a collection's raw frames are freed once it is typed

    frames = manifest_frames(manifest, index)
    fields: dict[str, tuple[FieldSpec, ...]] = dict(MANIFEST_FIELDS)
    known: dict[str, pl.Series] = {
        "parties": id_series(dict.fromkeys(p.id for p in manifest.parties).keys()),
        "bodies": id_series(dict.fromkeys(b.id for b in manifest.bodies).keys()),
    }
    # the small collections typed together; each table dropped from by_collection when typed
    for collection, (typed, used_ids, typing_issues) in type_collections(by_collection):
        issues.extend(typing_issues)
        frames[collection] = typed
        fields[collection] = COLLECTION_FIELDS[collection]
        known[collection] = used_ids

    guess = reference_guesser(manifest.parties, manifest.bodies, _IdSets(known))
    linked = [*COLLECTION_MODELS, "secretariat"]
    # a reference into a collection with an unreadable file (DAT004) may name a record of
    # that file: not DAT003 (one finding naming the file, not one per reference); the
    # reference still takes no part in the guideline rules (prune_all)
    unreadable = {p.collection for p in problems}
    # a collection whose records all take part keeps every id it knows: a reference that
    # is not dangling names a kept record, and pruning need not test it again
    whole = {n for n, ids in known.items() if _keeps_all(frames.get(n), len(ids))}
    settled: dict[str, set[str]] = {}
    for name in linked:
        checked = tuple(s for s in fields[name] if s.ref not in unreadable)
        dangling, columns = find_dangling(name, frames[name], checked, known, guess)
        issues.extend((DataRuleId.DAT003, f) for f in dangling)
        settled[name] = {s.name for s in checked if s.ref in whole and s.name not in columns}
    frames = prune_all(frames, fields, linked, settled=settled)
    return Dataset(root, manifest, index, frames, fields, issues, inventory=list(inventory))


def _keeps_all(frame: pl.DataFrame | None, known: int) -> bool:
    """Whether ``frame``'s ids are all ``known`` of its collection's ids: its ids are some
    of them (only records with a known id are typed, each id once), so as many suffice."""
    return frame is not None and "id" in frame.columns and frame.height == known


class _IdSets(Mapping[str, AbstractSet[str]]):
    """The ids of ``known`` as sets, each made once, when a guess first asks (only for a
    dangling reference: the references themselves are tested against the Series)."""

    def __init__(self, known: Mapping[str, pl.Series]) -> None:
        self.known = known
        self.sets: dict[str, frozenset[str]] = {}

    def __getitem__(self, name: str) -> AbstractSet[str]:
        if name not in self.sets:
            self.sets[name] = frozenset(self.known[name].to_list())
        return self.sets[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.known)

    def __len__(self) -> int:
        return len(self.known)


def empty_dataset() -> Dataset:
    """A dataset with every frame and no records (for validating rulesets by a dry run)."""
    from .schema.manifest import Manifest

    manifest = Manifest(region="dry-run")
    return build_dataset(Path("/nonexistent/dry-run"), manifest, LineIndex(MANIFEST_NAME), [], [])
