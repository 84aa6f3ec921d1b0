"""The JSON reporter: SPEC §5's document, field for field, for machines and baselines.

One result gives one object; several give an array of them. Output is deterministic:
findings sorted by rule and subject, keys in the specified order, UTF-8 kept as is.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .. import hookimpl
from ..findings import Finding, Location, Result, RuleOutcome, Severity
from .base import Reporter, ReportOptions

TOOL_NAME = "secretariat-rules"


class JsonReporter:
    """The machine-readable report; also the input of ``--baseline``."""

    name = "json"
    suffix = ".json"

    def render(self, results: Sequence[Result], options: ReportOptions) -> str:
        """Return one JSON object per result (an array when there are several)."""
        documents = [result_to_dict(result) for result in results]
        payload: Any = documents[0] if len(documents) == 1 else documents
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def result_to_dict(result: Result) -> dict[str, Any]:
    """The JSON document of one data repository's run.

    With ``--baseline``, a ``baseline`` object adds the fingerprints that are new (not in
    the baseline) and those fixed since (in the baseline, gone now).
    """
    document = {
        "tool": {"name": TOOL_NAME, "version": result.tool_version},
        "region": result.region,
        "ruleset": result.ruleset,
        "as_of": result.as_of,
        "period": {"start": result.period_start, "end": result.period_end},
        "summary": _summary(result),
        "findings": [_finding(f) for f in sorted(result.findings, key=lambda f: f.sort_key)],
        "rules": [_rule(rule) for rule in sorted(result.rules, key=lambda r: r.id)],
    }
    if result.baseline_fixed is not None:
        new = sorted(f.fingerprint for f in result.findings if not f.baselined)
        document["baseline"] = {"new": new, "fixed": list(result.baseline_fixed)}
    return document


def _summary(result: Result) -> dict[str, int]:
    """Unwaived findings per severity, waived findings, and rules checked and failed."""
    return {
        "error": result.count(Severity.ERROR),
        "warning": result.count(Severity.WARNING),
        "info": result.count(Severity.INFO),
        "waived": result.waived_count,
        "rules_checked": sum(1 for rule in result.rules if rule.status != "disabled"),
        "rules_failed": sum(1 for rule in result.rules if rule.status == "failed"),
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "name": finding.name,
        "severity": finding.severity.label,
        "clause": finding.clause,
        "subject": {"collection": finding.subject.collection, "id": finding.subject.id},
        "message": finding.message,
        "locations": [_location(loc) for loc in finding.locations],
        "fingerprint": finding.fingerprint,
        "waived": finding.waived,
    }


def _location(location: Location) -> dict[str, Any]:
    """``{"path", "line"}``, plus ``"pointer"`` only where the source has one."""
    out: dict[str, Any] = {"path": location.path, "line": location.line}
    if location.pointer:
        out["pointer"] = location.pointer
    return out


def _rule(rule: RuleOutcome) -> dict[str, Any]:
    return {"id": rule.id, "status": rule.status, "reason": rule.reason}


@hookimpl
def secretariat_reporters() -> list[Reporter]:
    """Provide the ``json`` reporter."""
    return [JsonReporter()]
