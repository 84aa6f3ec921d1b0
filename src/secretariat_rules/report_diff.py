"""``diff``: what changed between two JSON reports of ``check`` or ``audit``.

A finding is the same finding in both reports when its region and ``fingerprint`` are
(the fingerprint is stable across runs: SPEC §5). An audit's findings are those of each
region against its own ruleset (what ``--fail-on`` judges), else against the national
baseline when the own run is missing. The result is a plain document (:func:`diff_reports`)
that the ``diff`` reporters render; everything in it is sorted, so the same two reports
give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .exceptions import UsageError
from .findings import Severity
from .i18n.message import msg
from .safe_files import read_regular_file

__all__ = ["LoadedReport", "diff_reports", "load_report", "new_failing"]


@dataclass(frozen=True)
class LoadedReport:
    """One report read for a diff: its kind, date and findings (each with ``region``)."""

    path: str
    kind: str
    as_of: str | None
    findings: tuple[dict[str, Any], ...]


def _is_check(doc: object) -> bool:
    return (
        isinstance(doc, dict)
        and isinstance(doc.get("findings"), list)
        and isinstance(doc.get("rules"), list)
        and isinstance(doc.get("region"), str)
    )


def _is_audit(doc: object) -> bool:
    return (
        isinstance(doc, dict)
        and isinstance(doc.get("audit"), dict)
        and isinstance(doc.get("regions"), list)
        and isinstance(doc.get("matrices"), dict)
    )


def report_kind(doc: object) -> str | None:
    """``"check"``, ``"audit"``, or ``None`` for a document that is neither."""
    return "check" if _is_check(doc) else "audit" if _is_audit(doc) else None


def _finding(raw: object, region: str, where: str) -> dict[str, Any]:
    if not (
        isinstance(raw, dict)
        and isinstance(raw.get("fingerprint"), str)
        and isinstance(raw.get("rule"), str)
        and raw.get("severity") in ("error", "warning", "info")
    ):
        raise UsageError(msg("diff.error.not_report", path=where))
    given = raw.get("subject")
    subject: dict[str, Any] = given if isinstance(given, dict) else {}
    return {
        "region": region,
        "rule": raw["rule"],
        "severity": raw["severity"],
        "subject": f"{subject.get('collection', '')}/{subject.get('id', '')}",
        "message": str(raw.get("message", "")),
        "fingerprint": raw["fingerprint"],
        "waived": bool(raw.get("waived", False)),
    }


def _check_findings(doc: Mapping[str, Any], where: str) -> list[dict[str, Any]]:
    return [_finding(f, str(doc["region"]), where) for f in doc["findings"]]


def _audit_findings(doc: Mapping[str, Any], where: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for region in doc["regions"]:
        results = region.get("results") if isinstance(region, dict) else None
        if not isinstance(results, dict):
            raise UsageError(msg("diff.error.not_report", path=where))
        chosen = results.get("own") or results.get("national")
        if chosen is None:
            continue  # a broken or crashed region: nothing assessed
        if not _is_check(chosen):
            raise UsageError(msg("diff.error.not_report", path=where))
        out.extend(_check_findings(chosen, where))
    return out


def parse_report(doc: object, where: str) -> LoadedReport:
    """A parsed JSON document as a report, or :class:`UsageError` naming ``where``."""
    if isinstance(doc, list) and doc and all(_is_check(d) for d in doc):
        raise UsageError(msg("diff.error.several", path=where))
    kind = report_kind(doc)
    if kind is None or not isinstance(doc, dict):
        raise UsageError(msg("diff.error.not_report", path=where))
    if kind == "check":
        as_of, findings = doc.get("as_of"), _check_findings(doc, where)
    else:
        as_of, findings = audit_as_of(doc), _audit_findings(doc, where)
    return LoadedReport(where, kind, as_of if isinstance(as_of, str) else None, tuple(findings))


def audit_as_of(doc: Mapping[str, Any]) -> str | None:
    """The audit's ``--as-of``, else the latest date its regions' runs were for."""
    given = doc.get("audit", {}).get("as_of")
    if isinstance(given, str):
        return given
    dates = [
        run["as_of"]
        for region in doc.get("regions", [])
        if isinstance(region, dict) and isinstance(region.get("results"), dict)
        for run in region["results"].values()
        if isinstance(run, dict) and isinstance(run.get("as_of"), str)
    ]
    return max(dates) if dates else None


def read_json(path: Path, option: str) -> object:
    """The JSON document of a file named on the command line (exit 2 if it is none)."""
    data = read_regular_file(path, option)
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(msg("diff.error.not_json", path=str(path), reason=str(exc))) from None


def load_report(path: Path) -> LoadedReport:
    """Read a JSON report of ``check`` or ``audit`` (:class:`UsageError` naming the file)."""
    return parse_report(read_json(path, "diff"), str(path))


def _order(finding: Mapping[str, Any]) -> tuple[str, ...]:
    return (
        finding["region"],
        finding["rule"],
        finding["subject"],
        finding["fingerprint"],
        finding["message"],
    )


def _keyed(findings: Iterable[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for finding in sorted(findings, key=_order):
        out.setdefault((finding["region"], finding["fingerprint"]), finding)
    return out


def _counts(
    groups: Mapping[str, list[dict[str, Any]]], field: str, label: str
) -> list[dict[str, Any]]:
    keys = sorted({f[field] for findings in groups.values() for f in findings})
    return [
        {label: key, **{name: sum(1 for f in groups[name] if f[field] == key) for name in groups}}
        for key in keys
    ]


def diff_reports(old: LoadedReport, new: LoadedReport) -> dict[str, Any]:
    """The diff document: new, fixed and (counted) unchanged findings, per rule and region.

    :raises UsageError: the two reports are of different kinds (a check and an audit).
    """
    if old.kind != new.kind:
        raise UsageError(
            msg(
                "diff.error.mixed",
                old=old.path,
                new=new.path,
                old_kind=msg(f"diff.kind.{old.kind}"),
                new_kind=msg(f"diff.kind.{new.kind}"),
            )
        )
    before, after = _keyed(old.findings), _keyed(new.findings)
    groups = {
        "new": [after[k] for k in sorted(after.keys() - before.keys())],
        "fixed": [before[k] for k in sorted(before.keys() - after.keys())],
        "unchanged": [after[k] for k in sorted(after.keys() & before.keys())],
    }
    for name in ("new", "fixed"):
        groups[name].sort(key=_order)
    return {
        "kind": new.kind,
        "old": {"report": old.path, "as_of": old.as_of},
        "new": {"report": new.path, "as_of": new.as_of},
        "summary": {name: len(found) for name, found in groups.items()},
        "by_rule": _counts(groups, "rule", "rule"),
        "by_region": _counts(groups, "region", "region"),
        "new_findings": groups["new"],
        "fixed_findings": groups["fixed"],
    }


def new_failing(document: Mapping[str, Any], threshold: Severity | None) -> bool:
    """Whether a new, unwaived finding is at or above ``threshold`` (never for ``None``)."""
    if threshold is None:
        return False
    return any(
        not f["waived"] and Severity.parse(f["severity"]) >= threshold
        for f in document["new_findings"]
    )
