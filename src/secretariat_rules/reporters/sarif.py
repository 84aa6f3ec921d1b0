"""The SARIF 2.1.0 reporter, for GitHub code scanning and other SARIF viewers.

One ``run`` per result (per data repository). ``tool.driver.rules`` lists every rule of
the result (and any rule that only its findings name, such as ``WAV001``), in id order,
each with its title, the guideline text verbatim with its clause, and its level; a
``result`` per finding carries ``ruleId``/``ruleIndex``, ``level``, the message, the
locations and ``partialFingerprints`` (the finding's stable fingerprint, which is what
waivers and baselines use too). A waived finding is kept, with an ``external``
suppression whose justification is the waiver's reason; with ``--baseline``, every result
has a ``baselineState`` (``unchanged`` when the baseline holds it, else ``new``).

**One run per data repository**, each with its own ``automationDetails.id``
``secretariat-rules/<region>/<repository>/`` (the repository as given on the command
line, normalised; ``#2``... when the same one is given again), so that GitHub code
scanning accepts one upload of several repositories (it keys a run on that id).

**Artifact URIs** are relative to the data repository (SPEC §5), with ``uriBaseId``
``DATAROOT``; ``run.originalUriBaseIds`` binds ``DATAROOT`` to the repository as given:
a relative one (``data/``, ``./`` for ``.``) relative to ``%SRCROOT%``, the root of the
source checkout that a consumer such as GitHub binds to its checkout (a CI usually runs
the tool from there); an absolute one as its ``file:`` URI. Nothing depends on the
working directory at render time, nor is any path resolved.

A location path that is already absolute becomes a ``file:`` URI of its own. A finding
without any location (GitHub requires one) points at the repository's manifest
``secretariat.yaml``, marked ``"repositoryLevel": true``.

Output is deterministic: no timestamps, no invocation details, results sorted by rule,
subject and fingerprint, ``json.dumps(indent=2)`` with UTF-8 kept as is.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from ..findings import Finding, Location, Result, RuleOutcome, Severity
from ..i18n.catalog import section_title, t
from ..markers import hookimpl
from .base import Reporter, ReportOptions, repository_path
from .json import holds_float, indented_json
from .markdown import escape

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "secretariat-rules"
INFORMATION_URI = "https://pypi.org/project/secretariat-rules/"
SRCROOT = "%SRCROOT%"
"""The root of the source checkout; a relative data repository is relative to it."""
DATA_ROOT = "DATAROOT"
"""The ``uriBaseId`` of every relative artifact URI: the data repository."""
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

    def render(self, results: Sequence[Result], options: ReportOptions) -> str:
        """Return one SARIF log with a run per result."""
        ids = automation_ids([(r.region, r.data_dir) for r in results])
        log = {
            "$schema": SARIF_SCHEMA,
            "version": SARIF_VERSION,
            "runs": [
                sarif_run(result, options.lang, run_id)
                for result, run_id in zip(results, ids, strict=True)
            ],
        }
        return indented_json(log, exact=_has_float(log))


def _has_float(log: dict[str, Any]) -> bool:
    """Whether the log holds a float outside its results (:func:`_result` builds those
    from texts, integers and booleans only), so :func:`indented_json` must be exact."""
    runs = log["runs"]
    outside = [{k: v for k, v in run.items() if k != "results"} for run in runs]
    return holds_float({**log, "runs": outside})


def automation_ids(entries: Sequence[tuple[str, str]]) -> list[str]:
    """``secretariat-rules/<region>/<repository>/`` per (region, data directory), unique.

    The working directory (``check .``, the usual CI job) is ``secretariat-rules/<region>/``,
    the id earlier versions wrote for every run, so code scanning keeps matching the
    alerts of earlier uploads (it keys an analysis on the id without its last part).
    """
    seen: dict[str, int] = {}
    out = []
    for region, data_dir in entries:
        repo = repository_path(data_dir).strip("/")
        run_id = f"{TOOL_NAME}/{region}" if repo in ("", ".") else f"{TOOL_NAME}/{region}/{repo}"
        seen[run_id] = seen.get(run_id, 0) + 1
        if seen[run_id] > 1:
            run_id += f" #{seen[run_id]}"
        out.append(run_id + "/")
    return out


def sarif_run(result: Result, lang: str, run_id: str | None = None) -> dict[str, Any]:
    """The ``run`` object of one result; ``lang`` is for labels the reporter adds.

    :param run_id: its ``automationDetails.id`` (default: from the region and repository).
    """
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
        "automationDetails": {
            "id": run_id or automation_ids([(result.region, result.data_dir)])[0]
        },
        "originalUriBaseIds": {DATA_ROOT: repository_base(result.data_dir, lang)},
    }
    run["language"] = result.lang
    run["results"] = [
        _result(f, index[f.rule], baseline=result.baseline_fixed is not None) for f in findings
    ]
    properties: dict[str, Any] = {
        "repository": repository_path(result.data_dir),
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


def repository_base(data_dir: str, lang: str = "nb") -> dict[str, Any]:
    """The ``artifactLocation`` that ``DATAROOT`` stands for: the data repository.

    As given on the command line (normalised, never resolved): a relative repository
    relative to ``%SRCROOT%`` (``data/``; ``./`` for ``.``), an absolute one as its
    ``file:`` URI. The URI ends with ``/``, as SARIF requires of a base.
    """
    repo = repository_path(data_dir)
    description = {"text": t("sarif.repository", lang)}
    if PurePosixPath(repo).is_absolute():
        uri = Path(repo).as_uri().rstrip("/") + "/"
        return {"uri": uri, "description": description}
    relative = "./" if repo == "." else quote(repo, safe="/") + "/"
    return {"uri": relative, "uriBaseId": SRCROOT, "description": description}


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
    # the ruleset's texts as literal Markdown: a ruleset may come from the data repository
    heading = f"**{escape(f'{rule.id} {title}')}**"
    section = section_title(rule.section, lang) if rule.section else ""
    context = [escape(part) for part in (clause_label, section) if part]
    markdown = heading + (" — " + ", ".join(context) if context else "")
    if guideline:
        quoted = (f"> {escape(line)}".rstrip() for line in guideline.splitlines())
        markdown += "\n\n" + "\n".join(quoted)
    help_text = full
    fix = texts.get("fix")
    if fix:  # what to do: the help a reader of the alert needs (SARIF 2.1.0 §3.49.14)
        help_text += f"\n\n{t('fix', lang)}: {fix}"
        markdown += f"\n\n**{escape(t('fix', lang))}:** {escape(fix)}"
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
        "help": {"text": help_text, "markdown": markdown},
        "defaultConfiguration": configuration,
        "properties": properties,
    }


def _result(finding: Finding, rule_index: int, *, baseline: bool) -> dict[str, Any]:
    """The ``result`` of one finding."""
    locations = [_location(loc) for loc in finding.locations]
    if not locations:
        locations = [_location(Location(MANIFEST))]
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


def _location(location: Location) -> dict[str, Any]:
    """A ``location``: the artifact URI (relative to ``DATAROOT``, the data repository,
    unless the path is absolute), the line as ``region.startLine`` when known."""
    physical: dict[str, Any] = {"artifactLocation": dict(_artifact(location.path))}
    if location.line is not None and location.line >= 1:
        physical["region"] = {"startLine": location.line}
    out: dict[str, Any] = {"physicalLocation": physical}
    if location.pointer:
        out["properties"] = {"pointer": location.pointer}
    return out


@lru_cache(maxsize=4096)
def _artifact(path: str) -> dict[str, Any]:
    """The ``artifactLocation`` of a path (a report's few files, each worked out once)."""
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    posix = PurePosixPath(path.replace("\\", "/")).as_posix()
    return {"uri": quote(posix, safe="/"), "uriBaseId": DATA_ROOT}


@hookimpl
def secretariat_reporters() -> list[Reporter]:
    """Provide the ``sarif`` reporter."""
    return [SarifReporter()]
