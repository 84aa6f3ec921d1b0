"""Waivers and baselines: how a team adopts the gate gradually (SPEC §7).

A waiver applies to the findings of its rule whose subject matches its ``subject``
(exactly or as a glob pattern) while ``as_of`` is on or before ``expires``. A waived
finding is reported as waived and does not fail the run. An expired waiver no longer
applies and is itself reported (WAV001); a waiver whose rule ran and matched nothing is
reported too (WAV002), so stale entries do not pile up. A waiver of a rule that did not
run (left out by ``--select``/``--ignore``, by ``validate``, or disabled) is not judged.

A baseline is a previous JSON report: findings whose fingerprint it holds do not fail
the run; fingerprints it holds that no longer occur are reported as fixed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from pydantic import ValidationError

from ..exceptions import UsageError, WaiverError
from ..findings import (
    Finding,
    Location,
    Result,
    Severity,
    Subject,
    WaiverRecord,
    fingerprint,
    replaced,
)
from ..i18n.message import Msg, msg, ui_lang
from ..safe_files import read_regular_file
from ..schema.waivers import Waiver, WaiverFile
from ..suggest import closest_rule_id
from ..waiver_status import WaiverEntry, WaiverListing
from ..yamlio import read_config, validation_problems

WAIVERS_NAME = "waivers.yaml"


@dataclass(frozen=True)
class PlacedWaiver:
    """A waiver with the file and line it was written on."""

    waiver: Waiver
    location: Location

    def record(self) -> WaiverRecord:
        """The waiver as a waived finding carries it to the reports."""
        w = self.waiver
        return WaiverRecord(w.reason, w.approved_by, w.expires.isoformat(), w.case, w.owner)

    def matches(self, finding: Finding) -> bool:
        return finding.rule == self.waiver.rule and fnmatchcase(
            str(finding.subject), self.waiver.subject
        )


def load_waivers(path: Path, display: str) -> list[PlacedWaiver]:
    """Parse and validate a waivers file; every problem at once, with file:line.

    :raises WaiverError: the file is unreadable or invalid (exit code 2).
    """
    data, index = read_config(path, display, WaiverError, "waivers")
    if data is None:
        return []
    try:
        waivers = WaiverFile.model_validate(data).root
    except ValidationError as exc:
        message = msg("waiver.file.invalid", path=display)
        raise WaiverError(message, validation_problems(exc, index)) from exc
    return [PlacedWaiver(w, Location(display, index.line((i,)))) for i, w in enumerate(waivers)]


def apply_waivers(
    findings: list[Finding],
    waivers: list[PlacedWaiver],
    as_of: dt.date,
    region: str,
    not_run: frozenset[str] = frozenset(),
    known: frozenset[str] | None = None,
    lang: str | None = None,
) -> list[Finding]:
    """Mark waived findings; add a finding per expired waiver and per unused waiver.

    ``not_run``: ids of known rules that did not run; their waivers are never unused
    (a waiver of an unknown rule id, a typo, still is). ``known``: the ruleset's rule ids;
    an unused waiver of another id says so and names the closest. The WAV findings'
    messages are in ``lang``, the report's language (default :func:`ui_lang`).
    """
    lang = lang or ui_lang()
    out: list[Finding] = []
    used: set[int] = set()
    active: dict[str, list[tuple[int, PlacedWaiver]]] = {}  # by rule, in file order
    for i, placed in enumerate(waivers):
        if as_of <= placed.waiver.expires:
            active.setdefault(placed.waiver.rule, []).append((i, placed))
    for finding in findings:
        own = active.get(finding.rule)  # a waiver matches only findings of its rule
        match = next(((i, w) for i, w in own if w.matches(finding)), None) if own else None
        if match is None:
            out.append(finding)
            continue
        used.add(match[0])
        record = match[1].record()
        out.append(replaced(finding, waived=True, waiver_reason=record.reason, waiver=record))
    for i, placed in enumerate(waivers):
        w = placed.waiver
        if as_of > w.expires:
            expired = msg(
                "waiver.expired",
                rule=w.rule,
                subject=w.subject,
                approved_by=w.approved_by,
                expires=str(w.expires),
            )
            out.append(_meta("WAV001", "waiver-expired", region, placed, expired.render(lang)))
        elif i not in used and w.rule not in not_run:
            unused = _unused(w.rule, w.subject, known)
            out.append(_meta("WAV002", "waiver-unused", region, placed, unused.render(lang)))
    return out


def _unused(rule: str, subject: str, known: frozenset[str] | None) -> Msg:
    """The WAV002 message; for a rule id the ruleset lacks, it says so (and names the closest)."""
    if known is None or rule in known:
        return msg("waiver.unused", rule=rule, subject=subject)
    near = closest_rule_id(rule, known)
    if near:
        return msg("waiver.unused_unknown_near", rule=rule, subject=subject, near=repr(near))
    return msg("waiver.unused_unknown", rule=rule, subject=subject)


def _meta(rule: str, name: str, region: str, placed: PlacedWaiver, message: str) -> Finding:
    subject = Subject("waivers", f"{placed.waiver.rule}:{placed.waiver.subject}")
    return Finding(
        rule=rule,
        name=name,
        severity=Severity.WARNING,
        clause="",
        section="data",
        subject=subject,
        message=message,
        locations=(placed.location,),
        fingerprint=fingerprint(rule, subject, region),
    )


class Baseline(frozenset[str]):
    """The fingerprints of a previous report; ``described`` gives each one's
    ``RULE collection/id`` so a report can list the fixed ones by name."""

    described: dict[str, str]

    def __new__(cls, described: Mapping[str, str]) -> Baseline:
        self = super().__new__(cls, described)
        self.described = dict(described)
        return self


def load_baseline(path: Path) -> Baseline:
    """The fingerprints of a previous JSON report (one object, or an array of them).

    The file may lie anywhere but must be a regular file (a FIFO or a directory is
    refused without blocking), UTF-8 (a BOM is allowed) and a secretariat-rules JSON
    report.

    :raises UsageError: the file is not such a report; the message names the path.
    """
    raw = read_regular_file(path, "--baseline")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        reason = msg("waiver.baseline.not_utf8", byte=exc.start + 1)
        raise UsageError(msg("waiver.baseline.not_report", path=str(path), reason=reason)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"{path}:{exc.lineno}"
        raise UsageError(msg("waiver.baseline.not_report", path=where, reason=exc.msg)) from None
    except (ValueError, RecursionError) as exc:  # an integer of 5000 digits; deep nesting
        why = (
            "waiver.baseline.too_deep"
            if isinstance(exc, RecursionError)
            else "waiver.baseline.long_number"
        )
        message = msg("waiver.baseline.not_report", path=str(path), reason=msg(why))
        raise UsageError(message) from None
    reports = data if isinstance(data, list) else [data]
    try:
        return Baseline(
            {_fingerprint_of(f): _describe(f) for report in reports for f in _findings_of(report)}
        )
    except (KeyError, TypeError):
        raise UsageError(msg("waiver.baseline.not_ours", path=str(path))) from None


def _findings_of(report: object) -> list[object]:
    if not isinstance(report, dict) or not isinstance(report.get("findings"), list):
        raise TypeError("not a report")
    findings: list[object] = report["findings"]
    return findings


def _describe(finding: object) -> str:
    """``SEK025 documents/D1`` from a report's finding, or ``""`` if it lacks them."""
    if not isinstance(finding, dict):
        return ""
    rule, subject = finding.get("rule"), finding.get("subject")
    if not isinstance(rule, str) or not isinstance(subject, dict):
        return ""
    collection, ident = subject.get("collection"), subject.get("id")
    if not isinstance(collection, str) or not isinstance(ident, str):
        return rule
    return f"{rule} {collection}/{ident}"


def _fingerprint_of(finding: object) -> str:
    if not isinstance(finding, dict) or not isinstance(finding.get("fingerprint"), str):
        raise TypeError("not a finding")
    value: str = finding["fingerprint"]
    return value


def waiver_listing(
    result: Result, waivers: Sequence[PlacedWaiver], expiring_within: int
) -> WaiverListing:
    """Every waiver with its statuses (:mod:`~secretariat_rules.waiver_status`), judged
    by ``result``, the check that applied them (its ``as_of``, its findings).

    A waived finding counts for the first active waiver that matches it (as
    :func:`apply_waivers` chose); a waiver is unused when the check reported it (WAV002).
    """
    as_of = dt.date.fromisoformat(result.as_of)
    unused = {f.locations for f in result.findings if f.rule == "WAV002"}
    active = [i for i, p in enumerate(waivers) if as_of <= p.waiver.expires]
    waived: dict[int, list[str]] = {i: [] for i in active}
    for finding in result.findings:
        if finding.waived:
            owner = next((i for i in active if waivers[i].matches(finding)), None)
            if owner is not None:
                waived[owner].append(str(finding.subject))
    entries = []
    for i, placed in enumerate(waivers):
        w = placed.waiver
        days = (w.expires - as_of).days
        if days < 0:
            statuses: tuple[str, ...] = ("expired",)
        else:
            statuses = ("expiring",) if days <= expiring_within else ("active",)
            if (placed.location,) in unused:
                statuses += ("unused",)
        entries.append(
            WaiverEntry(
                rule=w.rule,
                subject=w.subject,
                reason=w.reason,
                approved_by=w.approved_by,
                expires=w.expires.isoformat(),
                case=w.case,
                owner=w.owner,
                location=placed.location,
                statuses=statuses,
                days_left=days,
                waived=tuple(sorted(waived.get(i, ()))),
            )
        )
    return WaiverListing(
        data_dir=result.data_dir,
        region=result.region,
        ruleset=result.ruleset,
        as_of=result.as_of,
        expiring_within=expiring_within,
        entries=tuple(entries),
    )
