"""Builders shared by tests: findings for reporter tests (test_reporters,
test_sarif_markdown), a check report document (test_diff, test_terminal_safety), and a
command run on a pseudo-terminal (test_stream_encodings, test_terminal_safety)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from typing import Any

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


def check_doc(findings: list[dict[str, Any]]) -> dict[str, Any]:
    """A minimal JSON report of ``check`` with these findings (region ``r``)."""
    return {
        "tool": {"name": "secretariat-rules", "version": "0"},
        "repository": "x",
        "region": "r",
        "ruleset": "national",
        "as_of": "2025-01-01",
        "period": {"start": None, "end": None},
        "summary": {},
        "findings": findings,
        "rules": [],
    }


def on_terminal(command: Sequence[str], env: Mapping[str, str] | None = None) -> tuple[int, bytes]:
    """Run ``command`` with its stdout on a pseudo-terminal: its exit code and what it showed."""
    import pty  # POSIX only: the callers skip on Windows

    master, slave = pty.openpty()
    environment = None if env is None else dict(env)
    child = subprocess.Popen(command, stdout=slave, stderr=subprocess.DEVNULL, env=environment)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal (EIO)
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    return child.wait(timeout=120), shown
