"""The SARIF 2.1.0 reporter, for GitHub code scanning and other SARIF viewers.

One ``run`` per result (per data repository). ``tool.driver.rules`` lists every rule of
the result (and any rule that only its findings name, such as ``WAV001``), in id order,
each with its title, the guideline text verbatim with its clause, and its level; a
``result`` per finding carries ``ruleId``/``ruleIndex``, ``level``, the message, the
locations and ``partialFingerprints`` (the finding's stable fingerprint, which is what
waivers and baselines use too). A waived finding is kept, with an ``external``
suppression whose justification is the waiver's reason; with ``--baseline``, every result
has a ``baselineState`` (``unchanged`` when the baseline holds it, else ``new``).

**Artifact URIs.** Finding paths are relative to the data repository, but GitHub code
scanning resolves ``artifactLocation.uri`` against the root of the checked-out source
repository, which is usually the working directory and often *contains* the data
repository (``secretariat-rules check data/ --format sarif``). So URIs are written
relative to :attr:`SarifReporter.source_root` (default: the working directory at render
time) with ``uriBaseId`` ``%SRCROOT%``:

* data repository inside the source root: ``uri`` = ``<data dir relative to the
  root>/<path>`` (``data/documents.csv``), and ``%SRCROOT%`` is left for the consumer to
  bind to its checkout, as GitHub does;
* data repository elsewhere: ``uri`` = ``<path>`` and ``run.originalUriBaseIds`` binds
  ``%SRCROOT%`` to the data repository's absolute ``file:`` URI, so the log stays
  resolvable.

A location path that is already absolute becomes a ``file:`` URI of its own. A finding
without any location (GitHub requires one) points at the repository's manifest
``secretariat.yaml``, marked ``"repositoryLevel": true``.

Output is deterministic: no timestamps, no invocation details, results sorted by rule,
subject and fingerprint, ``json.dumps(indent=2)`` with UTF-8 kept as is.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from .. import hookimpl
from ..findings import Finding, Location, Result, RuleOutcome, Severity
from ..i18n.catalog import section_title, t
from .base import Reporter, ReportOptions

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "secretariat-rules"
INFORMATION_URI = "https://pypi.org/project/secretariat-rules/"
SRCROOT = "%SRCROOT%"
"""The ``uriBaseId`` of every relative artifact URI: the root of the source checkout."""
FINGERPRINT_KEY = "secretariatRules/v1"
"""Key of the finding fingerprint in ``partialFingerprints`` (versioned, as SARIF asks)."""
MANIFEST = "secretariat.yaml"
"""Where a finding without a location points: the data repository's manifest."""

LEVELS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}
"""SARIF ``level`` of each severity."""


class SarifReporter:
    """SARIF 2.1.0: rules with their guideline text, findings as results."""

    name = "sarif"
    suffix = ".sarif"

    def __init__(self, source_root: str | Path | None = None) -> None:
        self.source_root = source_root
        """Directory artifact URIs are relative to (``%SRCROOT%``); None: the working
        directory when rendering. Set it when the tool runs outside the checkout root."""

    def render(self, results: Sequence[Result], options: ReportOptions) -> str:
        """Return one SARIF log with a run per result."""
        root = Path(self.source_root) if self.source_root is not None else Path.cwd()
        log = {
            "$schema": SARIF_SCHEMA,
            "version": SARIF_VERSION,
            "runs": [sarif_run(result, options.lang, root) for result in results],
        }
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def sarif_run(result: Result, lang: str, source_root: Path) -> dict[str, Any]:
    """The ``run`` object of one result; ``lang`` is for labels the reporter adds."""
    prefix, base_ids = uri_base(result.data_dir, source_root)
    rules = _rules(result)
    index = {rule.id: i for i, rule in enumerate(rules)}
    findings = sorted(result.findings, key=lambda f: (f.sort_key, f.fingerprint))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": result.tool_version,
                "informationUri": INFORMATION_URI,
                "rules": [_descriptor(rule, result, lang) for rule in rules],
            }
        },
        "automationDetails": {"id": f"{TOOL_NAME}/{result.region}/"},
    }
    if base_ids:
        run["originalUriBaseIds"] = base_ids
    run["language"] = result.lang
    run["results"] = [
        _result(f, index[f.rule], prefix, baseline=result.baseline_fixed is not None)
        for f in findings
    ]
    properties: dict[str, Any] = {
        "region": result.region,
        "regionName": result.region_name,
        "ruleset": result.ruleset,
        "asOf": result.as_of,
        "period": {"start": result.period_start, "end": result.period_end},
        "failOn": result.fail_on.label if result.fail_on is not None else None,
    }
    if result.baseline_fixed is not None:
        properties["baselineFixed"] = list(result.baseline_fixed)
    run["properties"] = properties
    return run


def uri_base(data_dir: str, source_root: Path) -> tuple[str, dict[str, Any] | None]:
    """The URI prefix of the data repository's paths and the ``originalUriBaseIds``.

    Inside ``source_root``: (``"<relative dir>/"`` or ``""``, None). Elsewhere: (``""``,
    ``%SRCROOT%`` bound to the data repository's absolute ``file:`` URI).
    """
    data = Path(data_dir).resolve()
    try:
        relative = data.relative_to(source_root.resolve())
    except ValueError:
        return "", {SRCROOT: {"uri": data.as_uri().rstrip("/") + "/"}}
    text = relative.as_posix()
    return ("" if text == "." else text + "/"), None


def _rules(result: Result) -> list[RuleOutcome]:
    """Every rule of the result, plus rules only findings name, in id order."""
    rules = {rule.id: rule for rule in result.rules}
    for finding in sorted(result.findings, key=lambda f: f.sort_key):
        rules.setdefault(finding.rule, RuleOutcome.of_finding(finding))
    return [rules[rule_id] for rule_id in sorted(rules)]


def _descriptor(rule: RuleOutcome, result: Result, lang: str) -> dict[str, Any]:
    """The ``reportingDescriptor`` of a rule: names, guideline text, level, clause."""
    texts = result.rule_texts.get(rule.id, {})
    title = rule.title or texts.get("title") or rule.name
    clause = rule.clause or texts.get("clause") or ""
    guideline = texts.get("guideline") or ""
    clause_label = t("clause", lang, clause=clause) if clause else ""
    full = guideline or title  # the guideline verbatim, then its clause
    if guideline and clause_label:
        full += f" ({clause_label})"
    heading = f"**{rule.id} {title}**"
    section = section_title(rule.section, lang) if rule.section else ""
    context = [part for part in (clause_label, section) if part]
    markdown = heading + (" — " + ", ".join(context) if context else "")
    if guideline:
        markdown += "\n\n" + "\n".join(f"> {line}".rstrip() for line in guideline.splitlines())
    configuration: dict[str, Any] = {"level": LEVELS[rule.severity]}
    if rule.status == "disabled":
        configuration["enabled"] = False
    properties: dict[str, Any] = {
        "clause": clause,
        "section": rule.section,
        "status": rule.status,
    }
    if rule.reason:
        properties["reason"] = rule.reason
    properties["tags"] = [TOOL_NAME, f"section-{rule.section}" if rule.section else "section-none"]
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": title},
        "fullDescription": {"text": full},
        "help": {"text": full, "markdown": markdown},
        "defaultConfiguration": configuration,
        "properties": properties,
    }


def _result(finding: Finding, rule_index: int, prefix: str, *, baseline: bool) -> dict[str, Any]:
    """The ``result`` of one finding."""
    locations = [_location(loc, prefix) for loc in finding.locations]
    if not locations:
        locations = [_location(Location(MANIFEST), prefix)]
        locations[0]["properties"] = {"repositoryLevel": True}
    out: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": locations,
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
    }
    if finding.waived:
        suppression: dict[str, Any] = {"kind": "external"}
        if finding.waiver_reason:
            suppression["justification"] = finding.waiver_reason
        out["suppressions"] = [suppression]
    if baseline:
        out["baselineState"] = "unchanged" if finding.baselined else "new"
    out["properties"] = {
        "subject": str(finding.subject),
        "severity": finding.severity.label,
        "clause": finding.clause,
        "section": finding.section,
    }
    return out


def _location(location: Location, prefix: str) -> dict[str, Any]:
    """A ``location``: the artifact URI, the line as ``region.startLine`` when known."""
    if Path(location.path).is_absolute():
        artifact: dict[str, Any] = {"uri": Path(location.path).as_uri()}
    else:
        path = PurePosixPath(location.path.replace("\\", "/")).as_posix()
        artifact = {"uri": quote(prefix + path, safe="/"), "uriBaseId": SRCROOT}
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if location.line is not None and location.line >= 1:
        physical["region"] = {"startLine": location.line}
    out: dict[str, Any] = {"physicalLocation": physical}
    if location.pointer:
        out["properties"] = {"pointer": location.pointer}
    return out


@hookimpl
def secretariat_reporters() -> list[Reporter]:
    """Provide the ``sarif`` reporter."""
    return [SarifReporter()]
