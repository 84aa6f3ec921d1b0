"""The data integrity rules DAT001–DAT005 (SPEC §4): fixed ids, names and severities."""

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
    )
}
