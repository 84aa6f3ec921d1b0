"""``--history DIR``: earlier JSON reports kept in a directory, and the trend across them.

A run's JSON report is kept as ``audit-<as_of>.json`` (``audit``) or
``check-<region>-<as_of>.json`` (``check``, one repository): :func:`history_name`. Only
files named so are read (:func:`read_history`); one that is not a report of the kind is
skipped with a warning. A run with the same ``as_of`` as a kept one replaces it.

:func:`trend` turns the runs, ordered by ``as_of``, into a plain document: compliance
per region (an audit's national-matrix figure; for ``check``, rules passed of rules
assessed) and per rule, and the rules newly broken (passed, now failed) and newly fixed
(failed, now passed) between consecutive runs. The ``trend`` reporters render it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .exceptions import UsageError
from .i18n.message import Msg, msg
from .report_diff import audit_as_of, report_kind

__all__ = ["history_name", "read_history", "snapshot", "trend", "trend_stem"]

_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_AUDIT = re.compile(rf"audit-({_DATE})\.json")
_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


def _region_part(region: str) -> str:
    return _SAFE.sub("_", region) or "_"


def run_as_of(doc: Mapping[str, Any]) -> str | None:
    """The date a check or audit JSON document is for."""
    if report_kind(doc) == "audit":
        return audit_as_of(doc)
    as_of = doc.get("as_of")
    return as_of if isinstance(as_of, str) else None


def history_name(doc: Mapping[str, Any]) -> str:
    """The file name a run's JSON document is kept under.

    :raises UsageError: the document has no ``as_of`` to name it by.
    """
    as_of = run_as_of(doc)
    if as_of is None or not re.fullmatch(_DATE, as_of):
        raise UsageError(msg("trend.error.no_as_of"))
    if report_kind(doc) == "audit":
        return f"audit-{as_of}.json"
    return f"check-{_region_part(str(doc['region']))}-{as_of}.json"


def trend_stem(doc: Mapping[str, Any]) -> str:
    """The trend files' name without suffix: ``trend`` (audit), ``trend-<region>`` (check)."""
    if report_kind(doc) == "audit":
        return "trend"
    return f"trend-{_region_part(str(doc['region']))}"


def _pattern(doc: Mapping[str, Any]) -> re.Pattern[str]:
    if report_kind(doc) == "audit":
        return _AUDIT
    return re.compile(rf"check-{re.escape(_region_part(str(doc['region'])))}-({_DATE})\.json")


def check_history_dir(directory: Path) -> None:
    """Refuse (exit 2) a ``--history`` path that exists and is not a directory."""
    if directory.exists() and not directory.is_dir():
        raise UsageError(msg("trend.error.not_dir", path=str(directory)))


def read_history(
    directory: Path, current: Mapping[str, Any]
) -> tuple[list[tuple[str, dict[str, Any]]], list[Msg]]:
    """The kept runs of ``current``'s kind (and region, for ``check``) as ``(as_of,
    document)`` by date, and a warning for each such file that could not be used."""
    pattern, kind = _pattern(current), report_kind(current)
    runs: list[tuple[str, dict[str, Any]]] = []
    warnings: list[Msg] = []
    if not directory.is_dir():
        return runs, warnings
    for path in sorted(directory.iterdir()):
        match = pattern.fullmatch(path.name)
        if match is None or not path.is_file():
            continue
        try:
            doc = json.loads(path.read_bytes().decode("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            warnings.append(
                msg("trend.warning.corrupt", path=str(path), reason=msg("trend.reason.not_json"))
            )
            continue
        if report_kind(doc) != kind or (
            kind == "check" and doc.get("region") != current.get("region")
        ):
            warnings.append(
                msg("trend.warning.corrupt", path=str(path), reason=msg("trend.reason.shape"))
            )
            continue
        runs.append((match.group(1), doc))
    return runs, warnings


def _share(passing: int, assessed: int) -> dict[str, Any]:
    return {
        "passing": passing,
        "assessed": assessed,
        "share": None if not assessed else round(passing / assessed, 4),
    }


def snapshot(doc: Mapping[str, Any]) -> dict[str, Any]:
    """One run's figures: ``regions`` (id → compliance), ``rules`` (id → compliance),
    ``status`` ((region, rule) → status), ``names`` (region id → name)."""
    if report_kind(doc) == "check":
        region = str(doc["region"])
        statuses = {(region, r["id"]): r["status"] for r in doc["rules"]}
        assessed = [s for s in statuses.values() if s in ("passed", "failed")]
        rules = {
            rule: _share(int(status == "passed"), 1)
            for (_, rule), status in statuses.items()
            if status in ("passed", "failed")
        }
        passing = sum(1 for s in assessed if s == "passed")
        return {
            "regions": {region: _share(passing, len(assessed))},
            "rules": rules,
            "status": statuses,
            "names": {region: region},
        }
    matrix = doc["matrices"].get("national") or {"rules": [], "rows": []}
    regions: dict[str, Any] = {}
    status: dict[tuple[str, str], str] = {}
    for row in matrix["rows"]:
        regions[row["region"]] = row.get("compliance")
        for rule, cell in (row.get("cells") or {}).items():
            status[(row["region"], rule)] = cell["status"]
    rules = {rule["id"]: rule["compliance"] for rule in matrix["rules"]}
    names = {r["id"]: r.get("name") or r["id"] for r in doc["regions"]}
    return {"regions": regions, "rules": rules, "status": status, "names": names}


def _changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    old, new = before["status"], after["status"]
    broken = [
        {"region": region, "rule": rule}
        for (region, rule), status in sorted(new.items())
        if status == "failed" and old.get((region, rule)) == "passed"
    ]
    fixed = [
        {"region": region, "rule": rule}
        for (region, rule), status in sorted(new.items())
        if status == "passed" and old.get((region, rule)) == "failed"
    ]
    return {"broken": broken, "fixed": fixed}


def trend(runs: Sequence[tuple[str, Mapping[str, Any]]]) -> dict[str, Any]:
    """The trend document of runs (``(as_of, document)``; a later one of the same date
    replaces an earlier), ordered by ``as_of``."""
    by_date = dict(runs)
    dates = sorted(by_date)
    shots = [snapshot(by_date[d]) for d in dates]
    kind = report_kind(by_date[dates[-1]]) if dates else "audit"
    names: dict[str, str] = {}
    for shot in shots:
        names.update(shot["names"])
    region_ids = sorted({r for shot in shots for r in shot["regions"]})
    rule_ids = sorted({r for shot in shots for r in shot["rules"]})
    return {
        "kind": kind,
        "runs": dates,
        "regions": [
            {
                "region": region,
                "name": names.get(region, region),
                "compliance": [shot["regions"].get(region) for shot in shots],
            }
            for region in region_ids
        ],
        "rules": [
            {"rule": rule, "compliance": [shot["rules"].get(rule) for shot in shots]}
            for rule in rule_ids
        ],
        "changes": [
            {"from": dates[i - 1], "to": dates[i], **_changes(shots[i - 1], shots[i])}
            for i in range(1, len(shots))
        ],
    }
