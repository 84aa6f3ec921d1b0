"""Builders of findings for reporter tests (shared by test_reporters and test_sarif_markdown)."""

from __future__ import annotations

from secretariat_rules.findings import Finding, Location, Severity, Subject, fingerprint

REGION = "miljoloftet"


def fp(rule: str, subject: str) -> str:
    """The fingerprint of ``rule`` on ``subject`` in :data:`REGION`."""
    return fingerprint(rule, Subject.parse(subject), REGION)


def finding(
    rule: str,
    name: str,
    severity: Severity,
    clause: str,
    section: str,
    subject: str,
    message: str,
    *locations: Location,
    waiver: str | None = None,
    baselined: bool = False,
) -> Finding:
    """A finding as the engine makes it, waived when ``waiver`` gives a reason."""
    return Finding(
        rule=rule,
        name=name,
        severity=severity,
        clause=clause,
        section=section,
        subject=Subject.parse(subject),
        message=message,
        locations=locations,
        fingerprint=fp(rule, subject),
        waived=waiver is not None,
        waiver_reason=waiver,
        baselined=baselined,
    )


LATE_DOCUMENT: dict[str, str] = {
    "id": "D1",
    "title": "Saksliste",
    "kind": "saksdokument",
    "date": "2024-03-01",
    "archive_ref": "2024/1-1",
    "archived": "2024-03-09",
}
"""A document archived 8 days after its date: late (SEK025) under the default of 5 days."""
