"""The runner: a resolved ruleset on a dataset, giving findings and rule outcomes.

Data integrity findings come first (they are found while loading, on every record); then
every enabled, selected rule's checks run on one view of the dataset as of ``as_of``
(:mod:`.as_of`). The engine, not the checks, applies severity (modal verb,
override, ``effective_from``), merges a rule's findings to one per subject, renders
messages, fingerprints findings, and decides each rule's status.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import polars as pl

from ..checks.base import CheckContext
from ..dataset import Dataset, empty_dataset
from ..exceptions import Problem, RulesetError, UsageError
from ..findings import Finding, RawFinding, Result, RuleOutcome, Severity, Subject, fingerprint
from ..i18n.catalog import t
from ..i18n.message import Text, msg, render_text
from ..suggest import closest_rule_id
from ..version import __version__
from .as_of import as_of_view
from .conditions import ConditionError, rule_cannot_evaluate
from .data_rules import DATA_RULES
from .ruleset import ResolvedRule, Ruleset, fix_text, ruleset_invalid
from .templates import render
from .waivers import PlacedWaiver, apply_waivers


@dataclass(frozen=True)
class RunOptions:
    """How to run: reference date, period, language, selection and failure threshold."""

    as_of: dt.date
    period_start: dt.date
    period_end: dt.date
    lang: str = "nb"
    fail_on: Severity | None = Severity.ERROR
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    waivers: tuple[PlacedWaiver, ...] = ()
    baseline: frozenset[str] | None = None


def check_selection(ids: Iterable[str], select: Sequence[str], ignore: Sequence[str]) -> None:
    """Refuse selectors that match no rule (a typo must not silently select nothing)."""
    known = list(ids)
    for option, values in (("--select", select), ("--ignore", ignore)):
        for value in values:
            if not any(rule_id.startswith(value) for rule_id in known):
                near = closest_rule_id(value, known)
                if near:
                    raise UsageError(
                        msg(
                            "rule.select.no_match_near",
                            option=option,
                            value=value,
                            quoted=repr(value),
                            near=repr(near),
                        )
                    )
                raise UsageError(
                    msg("rule.select.no_match", option=option, value=value, quoted=repr(value))
                )


def is_selected(rule_id: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """Whether a rule runs: selected (by id prefix, or all) and not ignored."""
    chosen = not select or any(rule_id.startswith(s) for s in select)
    return chosen and not any(rule_id.startswith(s) for s in ignore)


def merge(raw: Iterable[RawFinding]) -> list[RawFinding]:
    """At most one finding per subject: reasons and locations of a subject combined."""
    by_subject: dict[Subject, tuple[list[Text], list]] = {}
    for finding in raw:
        reasons, locations = by_subject.setdefault(finding.subject, ([], []))
        reasons.extend(r for r in finding.reasons if r not in reasons)
        locations.extend(loc for loc in finding.locations if loc not in locations)
    return [RawFinding(s, tuple(r), tuple(loc)) for s, (r, loc) in by_subject.items()]


def _message(lead: str, reasons: Sequence[Text], lang: str) -> str:
    joined = "; ".join(render_text(r, lang) for r in reasons)
    if "{reasons}" in lead:
        return lead.replace("{reasons}", joined)
    return f"{lead}: {joined}" if joined else lead


def _severity(rule: ResolvedRule, as_of: dt.date) -> Severity:
    if rule.effective_from is not None and as_of < rule.effective_from:
        return Severity.WARNING
    return rule.severity


def run_rule(
    rule: ResolvedRule, ds: Dataset, opts: RunOptions, ruleset: Ruleset | None = None
) -> tuple[list[RawFinding], int]:
    """Run every check of one rule; map a condition that cannot be evaluated to a ruleset error."""
    ctx = CheckContext(
        ds,
        rule.params,
        opts.as_of,
        opts.period_start,
        opts.period_end,
        opts.lang,
        rule.id,
        ruleset,
    )
    raw: list[RawFinding] = []
    evaluated = 0
    for kind, config in rule.configs:
        try:
            output = kind.run(config, ctx)
        except (ConditionError, pl.exceptions.PolarsError) as exc:
            index, where = rule.check_site or (None, ())
            heading, text = rule_cannot_evaluate(rule.id, exc)
            problem = Problem(
                index.path if index else "?", index.line(where) if index else None, text
            )
            raise RulesetError(heading, [problem]) from exc
        raw.extend(output.findings)
        evaluated += output.evaluated
    return merge(raw), evaluated


def dry_run(ruleset: Ruleset) -> None:
    """Evaluate every enabled rule on an empty dataset before any data is read.

    A check that names a collection, field, parameter or variable that does not exist, or
    compares values that cannot be compared, fails here; every such problem is reported at
    once with its file and line.

    :raises RulesetError: listing every rule that cannot be evaluated.
    """
    day = dt.date(2000, 1, 1)
    options = RunOptions(as_of=day, period_start=day, period_end=day)
    dataset = empty_dataset()
    problems: list[Problem] = []
    for rule in ruleset.rules.values():
        if not rule.enabled:
            continue
        try:
            run_rule(rule, dataset, options, ruleset)
        except RulesetError as exc:
            problems.extend(exc.problems)
    if problems:
        raise RulesetError(ruleset_invalid(ruleset.name), problems)


def run(ds: Dataset, ruleset: Ruleset, opts: RunOptions) -> Result:
    """Run a ruleset on a dataset."""
    region = ds.manifest.region
    check_selection([*ruleset.rules, *DATA_RULES], opts.select, opts.ignore)
    findings: list[Finding] = []
    outcomes: list[RuleOutcome] = []

    data_raw: dict[str, list[RawFinding]] = {rid: [] for rid in DATA_RULES}
    for rule_id, raw in ds.issues:
        data_raw[rule_id].append(raw)
    for rule_id, drule in DATA_RULES.items():
        if not is_selected(rule_id, opts.select, opts.ignore):
            outcomes.append(
                RuleOutcome(
                    rule_id,
                    drule.name,
                    "disabled",
                    t("rule.status.not_selected", opts.lang),
                    "",
                    "data",
                    drule.severity,
                    drule.title(opts.lang),
                )
            )
            continue
        merged = merge(data_raw[rule_id])
        for raw in merged:
            findings.append(
                Finding(
                    rule_id,
                    drule.name,
                    drule.severity,
                    "",
                    "data",
                    raw.subject,
                    "; ".join(render_text(r, opts.lang) for r in raw.reasons),
                    raw.locations,
                    fingerprint(rule_id, raw.subject, region),
                )
            )
        status = "failed" if merged else "passed"
        outcomes.append(
            RuleOutcome(
                rule_id,
                drule.name,
                status,
                None,
                "",
                "data",
                drule.severity,
                drule.title(opts.lang),
            )
        )

    # the guideline rules see the records as they stood at the end of as_of (one view)
    view = as_of_view(ds, opts.as_of)
    for rule in ruleset.rules.values():
        title = rule.title.get(opts.lang)
        if not rule.enabled:
            outcomes.append(
                RuleOutcome(
                    rule.id,
                    rule.name,
                    "disabled",
                    rule.disabled_reason.get(opts.lang) if rule.disabled_reason else None,
                    rule.clause,
                    rule.section,
                    rule.severity,
                    title,
                )
            )
            continue
        if not is_selected(rule.id, opts.select, opts.ignore):
            outcomes.append(
                RuleOutcome(
                    rule.id,
                    rule.name,
                    "disabled",
                    t("rule.status.not_selected", opts.lang),
                    rule.clause,
                    rule.section,
                    rule.severity,
                    title,
                )
            )
            continue
        raws, evaluated = run_rule(rule, view, opts, ruleset)
        severity = _severity(rule, opts.as_of)
        lead = rule.message.get(opts.lang)
        for raw in raws:
            message = _message(
                render(lead, {"id": raw.subject.id, "subject": str(raw.subject)}, opts.lang),
                raw.reasons,
                opts.lang,
            )
            findings.append(
                Finding(
                    rule.id,
                    rule.name,
                    severity,
                    rule.clause,
                    rule.section,
                    raw.subject,
                    message,
                    raw.locations,
                    fingerprint(rule.id, raw.subject, region),
                )
            )
        status = "failed" if raws else ("passed" if evaluated else "not_applicable")
        reason = (
            None if status != "not_applicable" else t("rule.status.nothing_in_scope", opts.lang)
        )
        outcomes.append(
            RuleOutcome(
                rule.id, rule.name, status, reason, rule.clause, rule.section, severity, title
            )
        )

    not_run = frozenset(o.id for o in outcomes if o.status == "disabled")
    known = frozenset(o.id for o in outcomes)
    findings = apply_waivers(
        findings, list(opts.waivers), opts.as_of, region, not_run, known, lang=opts.lang
    )
    fixed: tuple[str, ...] | None = None
    fixed_described: dict[str, str] = {}
    if opts.baseline is not None:
        current = {f.fingerprint for f in findings}
        findings = [replace(f, baselined=f.fingerprint in opts.baseline) for f in findings]
        fixed = tuple(sorted(opts.baseline - current))
        described: dict[str, str] = getattr(opts.baseline, "described", {})
        fixed_described = {fp: described[fp] for fp in fixed if described.get(fp)}
    findings.sort(key=lambda f: f.sort_key)
    outcomes = [_waived_status(o, findings, opts.lang) for o in outcomes]
    outcomes.sort(key=lambda o: o.id)
    rule_texts = {
        r.id: {
            "title": r.title.get(opts.lang),
            "guideline": r.guideline,
            "clause": r.clause,
            **({"fix": fix} if (fix := fix_text(r, opts.lang)) else {}),
        }
        for r in ruleset.rules.values()
    }
    return Result(
        tool_version=__version__,
        region=region,
        region_name=ds.manifest.name or region,
        ruleset=ruleset.name,
        as_of=opts.as_of.isoformat(),
        period_start=opts.period_start.isoformat(),
        period_end=opts.period_end.isoformat(),
        lang=opts.lang,
        fail_on=opts.fail_on,
        findings=tuple(findings),
        rules=tuple(outcomes),
        data_dir=str(ds.root),
        rule_texts=rule_texts,
        baseline_fixed=fixed,
        fixed_described=fixed_described,
        sources=tuple(inventory.summary() for inventory in ds.inventory),
    )


def _waived_status(outcome: RuleOutcome, findings: list[Finding], lang: str) -> RuleOutcome:
    """A failed rule whose every finding is waived has status ``waived``."""
    if outcome.status != "failed":
        return outcome
    own = [f for f in findings if f.rule == outcome.id]
    if own and all(f.waived for f in own):
        return replace(outcome, status="waived", reason=t("rule.status.all_waived", lang))
    return outcome
