"""The data integrity rules (SPEC §4): fixed ids, names and severities.

DAT001–DAT005 are SPEC's. DAT006–DAT008 extend them for source adapters that read
records systems (Noark 5, eInnsyn): what such a source held but no record was made of,
correspondents that match no party but resemble one, and (with ``--schema-check``) where
a file breaks the official schema of its version. The canonical layout never reports
them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import Severity
from ..i18n.catalog import t


@dataclass(frozen=True)
class DataRule:
    id: str
    name: str
    severity: Severity

    def title(self, lang: str) -> str:
        """The rule's title in ``lang`` (catalogue ``rule.DATnnn.title``)."""
        return t(f"rule.{self.id}.title", lang)


DATA_RULES: dict[str, DataRule] = {
    r.id: r
    for r in (
        DataRule("DAT001", "invalid-record", Severity.ERROR),
        DataRule("DAT002", "duplicate-id", Severity.ERROR),
        DataRule("DAT003", "dangling-reference", Severity.ERROR),
        DataRule("DAT004", "unreadable-file", Severity.ERROR),
        DataRule("DAT005", "unknown-field", Severity.WARNING),
        DataRule("DAT006", "left-out-by-source", Severity.WARNING),
        DataRule("DAT007", "unmatched-correspondent", Severity.WARNING),
        DataRule("DAT008", "schema-violation", Severity.WARNING),
    )
}
