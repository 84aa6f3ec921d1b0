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


@dataclass(frozen=True)
class DataRule:
    id: str
    name: str
    severity: Severity
    title_nb: str
    title_en: str

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_nb


DATA_RULES: dict[str, DataRule] = {
    r.id: r
    for r in (
        DataRule("DAT001", "invalid-record", Severity.ERROR, "Ugyldig post", "Invalid record"),
        DataRule("DAT002", "duplicate-id", Severity.ERROR, "Dobbel id", "Duplicate id"),
        DataRule(
            "DAT003",
            "dangling-reference",
            Severity.ERROR,
            "Henvisning til noe som ikke finnes",
            "Dangling reference",
        ),
        DataRule(
            "DAT004", "unreadable-file", Severity.ERROR, "Fil som ikke kan leses", "Unreadable file"
        ),
        DataRule("DAT005", "unknown-field", Severity.WARNING, "Ukjent felt", "Unknown field"),
        DataRule(
            "DAT006",
            "left-out-by-source",
            Severity.WARNING,
            "Utelatt fra kilden",
            "Left out by the source adapter",
        ),
        DataRule(
            "DAT007",
            "unmatched-correspondent",
            Severity.WARNING,
            "Korrespondansepart som ikke er en part",
            "Correspondent that matches no party",
        ),
        DataRule(
            "DAT008",
            "schema-violation",
            Severity.WARNING,
            "Brudd på skjemaet for formatet",
            "Violation of the format's official schema",
        ),
    )
}
