"""The data integrity rules (SPEC §4): names, severities and titles of the fixed ids.

The ids are :class:`~secretariat_rules.findings.DataRuleId` (defined once, on the ground
floor, so that the loader and the source adapters tag what they find with them).
DAT001–DAT005 are SPEC's. DAT006–DAT008 extend them for source adapters that read
records systems (Noark 5, eInnsyn): what such a source held but no record was made of,
correspondents that match no party but resemble one, and (with ``--schema-check``) where
a file breaks the official schema of its version. The canonical layout never reports
them.

The runner runs them through the same path as the guideline rules: each reads, from the
loaded dataset's :attr:`~secretariat_rules.dataset.Dataset.issues`, the findings tagged
with its id (:meth:`DataRule.found`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..findings import DataRuleId, RawFinding, Severity
from ..i18n.catalog import t

if TYPE_CHECKING:
    from ..dataset import Dataset


@dataclass(frozen=True)
class DataRule:
    id: DataRuleId
    name: str
    severity: Severity

    def title(self, lang: str) -> str:
        """The rule's title in ``lang`` (catalogue ``rule.DATnnn.title``)."""
        return t(f"rule.{self.id}.title", lang)

    def found(self, ds: Dataset) -> list[RawFinding]:
        """The findings the loading tagged with this rule's id, in the order found."""
        return [raw for rule_id, raw in ds.issues if rule_id == self.id]


DATA_RULES: dict[str, DataRule] = {
    r.id: r
    for r in (
        DataRule(DataRuleId.DAT001, "invalid-record", Severity.ERROR),
        DataRule(DataRuleId.DAT002, "duplicate-id", Severity.ERROR),
        DataRule(DataRuleId.DAT003, "dangling-reference", Severity.ERROR),
        DataRule(DataRuleId.DAT004, "unreadable-file", Severity.ERROR),
        DataRule(DataRuleId.DAT005, "unknown-field", Severity.WARNING),
        DataRule(DataRuleId.DAT006, "left-out-by-source", Severity.WARNING),
        DataRule(DataRuleId.DAT007, "unmatched-correspondent", Severity.WARNING),
        DataRule(DataRuleId.DAT008, "schema-violation", Severity.WARNING),
    )
}
"""Every data integrity rule by id, in id order."""
