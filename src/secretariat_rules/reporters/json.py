"""The JSON reporter: SPEC §5's document, field for field, for machines and baselines.

One result gives one object; several give an array of them. Output is deterministic:
findings sorted by rule and subject, keys in the specified order, UTF-8 kept as is.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import orjson

from ..findings import (
    SEVERITY_LABELS,
    Finding,
    Result,
    RuleOutcome,
    Severity,
    WaiverRecord,
    finding_order,
)
from ..markers import hookimpl
from .base import Reporter, ReportOptions, repository_path, to_plain
from .reference import tailoring_entry

if TYPE_CHECKING:
    from ..audit_results import Audit, Matrix, RegionAudit

TOOL_NAME = "secretariat-rules"


class JsonReporter:
    """The machine-readable report; also the input of ``--baseline``."""

    name = "json"
    suffix = ".json"

    def render(self, results: Sequence[Result], options: ReportOptions) -> str:
        """Return one JSON object per result (an array when there are several)."""
        documents = [result_to_dict(result) for result in results]
        payload: Any = documents[0] if len(documents) == 1 else documents
        return indented_json(payload, exact=any(_has_float(doc) for doc in documents))

    def render_audit(self, audit: Audit, options: ReportOptions) -> str:
        """Return the audit as one JSON object (see :func:`audit_to_dict`)."""
        return json.dumps(audit_to_dict(audit), ensure_ascii=False, indent=2) + "\n"


def indented_json(payload: Any, *, exact: bool = False) -> str:
    """``json.dumps(payload, ensure_ascii=False, indent=2)`` and a newline, byte for byte.

    orjson's two-space indent writes the same bytes as the standard library for texts
    (raw UTF-8, the same escapes), integers, booleans, ``null``, lists and dicts (keys
    in insertion order, ``[]``/``{}`` when empty), and does it in C: at a million
    distributions the report's 23,514 findings took ≈1 s through ``json``'s pure-Python
    indenting encoder. Floats are written differently (``1e16`` against ``1e+16``), so
    ``exact=True`` (a document holding a float) keeps the standard library; so does
    anything orjson refuses (a lone surrogate, an integer past 64 bits, a non-text key).
    """
    if not exact:
        try:
            indented = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
            return orjson.dumps(payload, option=indented).decode()
        except (orjson.JSONEncodeError, TypeError):
            pass
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _has_float(document: dict[str, Any]) -> bool:
    """Whether a result document holds a float outside its findings.

    Findings are built here (:func:`_finding`) from texts, integers, booleans and
    ``None`` only, so only the other parts (sources, baseline...) are looked through.
    """
    return any(holds_float(value) for key, value in document.items() if key != "findings")


def holds_float(value: Any) -> bool:
    """Whether ``value`` (dicts, lists, tuples and scalars) holds a float anywhere: then
    :func:`indented_json` needs ``exact=True``."""
    stack = [value]  # a loop, not recursion: a SARIF log of 1M rows has ~600k values
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str or kind is int or kind is bool or item is None:
            continue
        if isinstance(item, float):
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return False


def result_to_dict(result: Result) -> dict[str, Any]:
    """The JSON document of one data repository's run.

    ``repository`` is the data repository as given on the command line (normalised by
    :func:`~secretariat_rules.reporters.base.repository_path`); finding paths are
    relative to it.

    With ``--baseline``, a ``baseline`` object adds the fingerprints that are new (not in
    the baseline) and those fixed since (in the baseline, gone now).

    When a source adapter reported an inventory (a records-system adapter: Noark 5,
    eInnsyn...), ``sources`` lists them: ``{"source", "files", "elements", "records",
    "left_out"}``, counts keyed by name in name order. The canonical layout reports none,
    so a canonical repository's document has exactly SPEC §5's keys.
    """
    document = {
        "tool": {"name": TOOL_NAME, "version": result.tool_version},
        "repository": repository_path(result.data_dir),
        "region": result.region,
        "ruleset": result.ruleset,
        "as_of": result.as_of,
        "period": {"start": result.period_start, "end": result.period_end},
        "summary": _summary(result),
        "findings": [_finding(f) for f in sorted(result.findings, key=finding_order)],
        "rules": [_rule(rule) for rule in sorted(result.rules, key=lambda r: r.id)],
    }
    if result.sources:
        document["sources"] = [source.to_dict() for source in result.sources]
    if result.baseline_fixed is not None:
        new = sorted(f.fingerprint for f in result.findings if not f.baselined)
        document["baseline"] = {"new": new, "fixed": list(result.baseline_fixed)}
    return document


def _summary(result: Result) -> dict[str, int]:
    """Unwaived findings per severity, waived findings, and rules checked and failed.

    The counts of :meth:`Result.count` and :attr:`Result.waived_count`, in one pass.
    """
    counts = dict.fromkeys(Severity, 0)
    waived = 0
    for finding in result.findings:
        if finding.waived:
            waived += 1
        else:
            counts[finding.severity] += 1
    return {
        "error": counts[Severity.ERROR],
        "warning": counts[Severity.WARNING],
        "info": counts[Severity.INFO],
        "waived": waived,
        "rules_checked": result.rules_checked,
        "rules_failed": result.rules_failed,
    }


def _finding(finding: Finding) -> dict[str, Any]:
    subject = finding.subject
    document = {
        "rule": finding.rule,
        "name": finding.name,
        "severity": SEVERITY_LABELS[finding.severity],
        "clause": finding.clause,
        "subject": {"collection": subject.collection, "id": subject.id},
        "message": finding.message,
        "locations": [
            {"path": loc.path, "line": loc.line, "pointer": loc.pointer}
            if loc.pointer
            else {"path": loc.path, "line": loc.line}
            for loc in finding.locations
        ],
        "fingerprint": finding.fingerprint,
        "waived": finding.waived,
    }
    if finding.waiver:
        document["waiver"] = _waiver(finding.waiver)
    return document


def _waiver(waiver: WaiverRecord) -> dict[str, Any]:
    """A waived finding's waiver: reason, approved_by, case, owner, expires."""
    return {
        "reason": waiver.reason,
        "approved_by": waiver.approved_by,
        "case": waiver.case,
        "owner": waiver.owner,
        "expires": waiver.expires,
    }


def _rule(rule: RuleOutcome) -> dict[str, Any]:
    return {"id": rule.id, "status": rule.status, "reason": rule.reason}


def audit_to_dict(audit: Audit) -> dict[str, Any]:
    """The JSON document of an audit.

    ``regions`` in the order given, each with both results as SPEC §5 documents;
    ``matrices.national`` and ``matrices.own`` with their rules, a row per region (cells
    keyed by rule id; ``null`` for a broken region) and compliance both ways; ``tailoring``
    per region as the ``rules`` command's JSON gives it.
    """
    return {
        "tool": {"name": TOOL_NAME, "version": audit.tool_version},
        "audit": {
            "baseline": audit.baseline,
            "as_of": audit.as_of,
            "fail_on": audit.fail_on.label if audit.fail_on else "never",
        },
        "summary": {
            "regions": len(audit.regions),
            "ok": sum(1 for r in audit.regions if r.ok),
            "broken": len(audit.broken),
            "crashed": len(audit.crashed),
            "failing": len(audit.failing),
        },
        "regions": [_region(region) for region in audit.regions],
        "matrices": {matrix.key: _matrix(matrix, audit) for matrix in audit.matrices},
        "tailoring": [
            {
                "region": region.id,
                "ruleset": region.ruleset,
                "layers": list(region.layers),
                "baseline": audit.baseline,
                "items": to_plain([tailoring_entry(item, audit.lang) for item in region.tailoring]),
            }
            for region in audit.regions
            if region.ok
        ],
    }


def _region(region: RegionAudit) -> dict[str, Any]:
    return {
        "id": region.id,
        "name": region.name,
        "data_dir": repository_path(region.data_dir),
        "status": region.status,
        "message": region.message,
        "ruleset": region.ruleset,
        "failing": region.failing,
        "results": {
            "national": result_to_dict(region.national) if region.national else None,
            "own": result_to_dict(region.own) if region.own else None,
        },
    }


def _matrix(matrix: Matrix, audit: Audit) -> dict[str, Any]:
    return {
        "rules": [
            {
                "id": rule.id,
                "name": rule.name,
                "title": rule.title,
                "section": rule.section,
                "severity": rule.severity,
                "compliance": compliance.to_dict(),
            }
            for rule, compliance in zip(matrix.rules, matrix.by_rule, strict=True)
        ],
        "rows": [
            {
                "region": row.region,
                "data_dir": repository_path(region.data_dir),
                "cells": (
                    None
                    if row.cells is None
                    else {
                        rule.id: cell.to_dict()
                        for rule, cell in zip(matrix.rules, row.cells, strict=True)
                    }
                ),
                "compliance": row.compliance.to_dict() if row.compliance else None,
            }
            for row, region in zip(matrix.rows, audit.regions, strict=True)
        ],
    }


@hookimpl
def secretariat_reporters() -> list[Reporter]:
    """Provide the ``json`` reporter."""
    return [JsonReporter()]
