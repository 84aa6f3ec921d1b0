"""Findings, locations and results: frozen value objects passed from engine to reporters."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from enum import IntEnum, StrEnum
from operator import attrgetter

from .i18n.message import Text


class Severity(IntEnum):
    """Severity of a finding, ordered so that ``>=`` means "at least as severe"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return SEVERITY_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.strip().upper()]


SEVERITY_LABELS: dict[Severity, str] = {s: s.name.lower() for s in Severity}
"""``info``, ``warning``, ``error``: :attr:`Severity.label` without an enum lookup per call."""


MODAL_SEVERITY = {"skal": Severity.ERROR, "bør": Severity.WARNING, "kan": Severity.INFO}


class DataRuleId(StrEnum):
    """The ids of the data integrity rules (SPEC §4), defined here once.

    The loader (:mod:`~secretariat_rules.dataset`) and the source adapters tag what they
    find with these; :mod:`~secretariat_rules.engine.data_rules` gives each its name,
    severity and title. A member is a ``str`` (``DataRuleId.DAT001 == "DAT001"``).
    """

    DAT001 = "DAT001"
    """invalid-record: a record that breaks its collection's model."""
    DAT002 = "DAT002"
    """duplicate-id: a second record with the same id."""
    DAT003 = "DAT003"
    """dangling-reference: a reference to a record that does not exist."""
    DAT004 = "DAT004"
    """unreadable-file: a file that cannot be used."""
    DAT005 = "DAT005"
    """unknown-field: a field (or file) no model names."""
    DAT006 = "DAT006"
    """left-out-by-source: what a records-system source held but no record was made of."""
    DAT007 = "DAT007"
    """unmatched-correspondent: a correspondent that matches no party but resembles one."""
    DAT008 = "DAT008"
    """schema-violation: where a file breaks the official schema of its version."""


@dataclass(frozen=True, order=True)
class Location:
    """Where a record came from: a path relative to the data repository and a line.

    ``pointer`` is extra detail for sources without lines: ``Sheet!row`` for a workbook,
    an element path for XML.
    """

    path: str
    line: int | None = None
    pointer: str | None = None

    def __str__(self) -> str:
        text = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{text} ({self.pointer})" if self.pointer else text

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"path": self.path, "line": self.line}
        if self.pointer:
            out["pointer"] = self.pointer
        return out


@dataclass(frozen=True, order=True)
class Subject:
    """What a finding is about: ``collection/id`` (``periods/2024``, ``secretariat/x``...)."""

    collection: str
    id: str

    def __str__(self) -> str:
        return f"{self.collection}/{self.id}"

    @classmethod
    def parse(cls, text: str) -> Subject:
        collection, _, ident = text.partition("/")
        return cls(collection, ident)


@dataclass(frozen=True)
class RawFinding:
    """What a check kind yields: a subject, the reasons it failed, and where it came from.

    Check kinds know nothing of severity, rule texts, waivers or baselines: the engine
    turns a raw finding into a :class:`Finding`.
    """

    subject: Subject
    reasons: tuple[Text, ...]
    """Each reason a :class:`~secretariat_rules.i18n.message.Msg` or text in the run's language."""
    locations: tuple[Location, ...] = ()


@dataclass(frozen=True)
class WaiverRecord:
    """The waiver that waived a finding, as the reports show it (SPEC §7)."""

    reason: str
    approved_by: str
    expires: str
    """ISO date, the last day the waiver applies."""
    case: str | None = None
    owner: str | None = None


@dataclass(frozen=True)
class Finding:
    """One finding of one rule on one subject, ready for reporting."""

    rule: str
    name: str
    severity: Severity
    clause: str
    section: str
    subject: Subject
    message: str
    locations: tuple[Location, ...]
    fingerprint: str
    waived: bool = False
    waiver_reason: str | None = None
    waiver: WaiverRecord | None = None
    """The waiver that waived it (``waived``), with its approver, case, owner and expiry."""
    baselined: bool = False
    """The baseline holds this finding's fingerprint: it does not fail the run."""

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return finding_order(self)


_FINDING_DEFAULTS = {f.name: f.default for f in fields(Finding) if f.default is not MISSING}


def new_finding(
    rule: str,
    name: str,
    severity: Severity,
    clause: str,
    section: str,
    subject: Subject,
    message: str,
    locations: tuple[Location, ...],
    fingerprint: str,
) -> Finding:
    """``Finding(rule, ..., fingerprint)`` with the other fields at their defaults, for a
    loop making thousands: the instance's fields set at once, not one frozen-dataclass
    ``object.__setattr__`` each (1.9 against 0.5 µs)."""
    finding = object.__new__(Finding)
    values = {
        "rule": rule,
        "name": name,
        "severity": severity,
        "clause": clause,
        "section": section,
        "subject": subject,
        "message": message,
        "locations": locations,
        "fingerprint": fingerprint,
        **_FINDING_DEFAULTS,
    }
    object.__setattr__(finding, "__dict__", values)
    return finding


_FINDING_FIELDS = frozenset(f.name for f in fields(Finding))


def replaced(finding: Finding, **changes: object) -> Finding:
    """``dataclasses.replace(finding, **changes)`` without the frozen dataclass's
    ``__init__`` (0.8 against 5 µs): marking every finding of a run as baselined.

    :raises TypeError: a change names no field of :class:`Finding`.
    """
    unknown = changes.keys() - _FINDING_FIELDS
    if unknown:
        raise TypeError(f"Finding has no field {sorted(unknown)[0]!r}")
    copy = object.__new__(Finding)
    object.__setattr__(copy, "__dict__", {**finding.__dict__, **changes})
    return copy


finding_order: Callable[[Finding], tuple[str, str, str]] = attrgetter(
    "rule", "subject.collection", "subject.id"
)
""":attr:`Finding.sort_key` of a finding (rule, collection, id), for ``sort(key=...)``."""


def fingerprint(rule: str, subject: Subject, region: str) -> str:
    """The stable identity of a finding: rule + subject + region, hashed."""
    return fingerprinter(rule, region)(str(subject))


def fingerprinter(rule: str, region: str) -> Callable[[str], str]:
    """:func:`fingerprint` for one rule and region, taking the subject's text: for a loop."""
    head, tail = f"{rule}\x1f", f"\x1f{region}"
    sha256 = hashlib.sha256

    def of(subject: str) -> str:
        return sha256(f"{head}{subject}{tail}".encode()).hexdigest()[:16]

    return of


Counts = tuple[tuple[str, int], ...]
"""Counts by name, in name order: ``(("journalpost", 12), ("moetemappe", 2))``."""


@dataclass(frozen=True)
class SourceSummary:
    """What one source adapter read: its inventory, frozen for the reporters.

    ``elements`` by element kind, ``records`` by collection, ``left_out`` by reason; each
    sorted by name (see :class:`~secretariat_rules.sources.base.SourceInventory`).
    """

    source: str
    files: tuple[str, ...] = ()
    elements: Counts = ()
    records: Counts = ()
    left_out: Counts = ()
    left_out_labels: tuple[tuple[str, Text], ...] = ()
    """How a ``left_out`` reason reads in a report (reason → text), sorted by reason; a
    reason not listed reads as written. Not in the JSON form, which is keyed by reason."""

    def label(self, reason: str) -> Text:
        """The text a report shows for the ``left_out`` ``reason`` (else the reason)."""
        return dict(self.left_out_labels).get(reason, reason)

    def to_dict(self) -> dict[str, object]:
        """The JSON form: ``{"source", "files", "elements", "records", "left_out"}``."""
        return {
            "source": self.source,
            "files": list(self.files),
            "elements": dict(self.elements),
            "records": dict(self.records),
            "left_out": dict(self.left_out),
        }


RULE_STATUSES = ("passed", "failed", "waived", "disabled", "not_applicable")


@dataclass(frozen=True)
class RuleOutcome:
    """How one rule of the resolved ruleset fared in a run."""

    id: str
    name: str
    status: str
    reason: str | None = None
    clause: str = ""
    section: str = ""
    severity: Severity = Severity.ERROR
    title: str = ""

    @classmethod
    def of_finding(cls, finding: Finding) -> RuleOutcome:
        """The outcome of a rule known only from its finding (e.g. a WAV finding)."""
        return cls(
            id=finding.rule,
            name=finding.name,
            status="failed",
            clause=finding.clause,
            section=finding.section,
            severity=finding.severity,
        )


@dataclass(frozen=True)
class Result:
    """Everything a reporter needs about one data repository's run."""

    tool_version: str
    region: str
    region_name: str
    ruleset: str
    as_of: str
    period_start: str
    period_end: str
    lang: str
    fail_on: Severity | None
    findings: tuple[Finding, ...]
    rules: tuple[RuleOutcome, ...]
    data_dir: str = "."
    rule_texts: dict[str, dict[str, str]] = field(default_factory=dict)
    baseline_fixed: tuple[str, ...] | None = None
    """With a baseline: fingerprints it holds that no longer occur (fixed); else None."""
    fixed_described: dict[str, str] = field(default_factory=dict)
    """``RULE collection/id`` of each fixed fingerprint, where the baseline said it."""
    sources: tuple[SourceSummary, ...] = ()
    """Per source adapter that reported an inventory (records-system adapters), in the
    manifest's ``source:`` order; empty for the canonical layout."""

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity and not f.waived)

    @property
    def rules_checked(self) -> int:
        """Rules that ran (every status but ``disabled``)."""
        return sum(1 for rule in self.rules if rule.status != "disabled")

    @property
    def rules_failed(self) -> int:
        return sum(1 for rule in self.rules if rule.status == "failed")

    @property
    def waived_count(self) -> int:
        return sum(1 for f in self.findings if f.waived)

    @property
    def failing(self) -> tuple[Finding, ...]:
        """Findings that fail the run: at or above ``fail_on``, not waived, not in the baseline."""
        if self.fail_on is None:
            return ()
        return tuple(
            f
            for f in self.findings
            if not f.waived and not f.baselined and f.severity >= self.fail_on
        )
