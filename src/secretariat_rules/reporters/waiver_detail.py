"""A waived finding's waiver as the reports show it: labelled fields, in the report's language."""

from __future__ import annotations

from ..findings import Finding, WaiverRecord
from ..i18n.catalog import t


def waiver_fields(record: WaiverRecord, lang: str) -> list[tuple[str, str]]:
    """``(label, value)`` for reason, approver, case and owner (when given), expiry."""
    pairs = [
        ("reason", record.reason),
        ("approved_by", record.approved_by),
        ("case", record.case),
        ("owner", record.owner),
        ("expires", record.expires),
    ]
    return [(t(f"waivers.field.{key}", lang), value) for key, value in pairs if value]


def finding_waiver(finding: Finding, lang: str) -> list[tuple[str, str]]:
    """The fields of the waiver that waived ``finding`` (only its reason if the finding
    was built without the record, e.g. by a plugin); empty when it is not waived."""
    if not finding.waived:
        return []
    if finding.waiver is not None:
        return waiver_fields(finding.waiver, lang)
    return [(t("waivers.field.reason", lang), finding.waiver_reason or "-")]
