"""The runner: a resolved ruleset on a dataset, giving findings and rule outcomes.

Data integrity findings come first (they are found while loading, on every record); then
every enabled, selected rule's checks run on one view of the dataset as of ``as_of``
(:mod:`.as_of`). The engine, not the checks, applies severity (modal verb,
override, ``effective_from``), merges a rule's findings to one per subject, renders
messages, fingerprints findings, and decides each rule's status.

Both kinds of rule take one path (:func:`run_one` over :func:`rule_runs`): a
:class:`RuleRun` is what the run needs of a rule, whether a data integrity rule (its
findings read from the dataset's ``issues``) or a ruleset's guideline rule (its checks).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

import polars as pl

from ..checks.base import CheckContext
from ..cycles import no_cycle_collection
from ..dataset import Dataset, empty_dataset
from ..exceptions import Problem, RulesetError, UsageError
from ..findings import (
    Finding,
    RawFinding,
    Result,
    RuleOutcome,
    Severity,
    Subject,
    finding_order,
    fingerprinter,
    new_finding,
    replaced,
)
from ..i18n.catalog import t
from ..i18n.message import Text, msg, render_text
from ..suggest import closest_rule_id
from ..version import __version__
from .as_of import as_of_view
from .conditions import ConditionError, rule_cannot_evaluate
from .data_rules import DATA_RULES, DataRule
from .ruleset import ResolvedRule, Ruleset, fix_text, ruleset_invalid
from .templates import subject_renderer
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
    """At most one finding per subject: reasons and locations of a subject combined.

    Findings of distinct subjects, each without a repeated reason or location (what a
    rule with one check gives), are already merged: the list comes back as it is.
    """
    raw = list(raw)
    if _merged(raw):
        return raw
    by_subject: dict[Subject, tuple[list[Text], list]] = {}
    for finding in raw:
        reasons, locations = by_subject.setdefault(finding.subject, ([], []))
        reasons.extend(r for r in finding.reasons if r not in reasons)
        locations.extend(loc for loc in finding.locations if loc not in locations)
    return [RawFinding(s, tuple(r), tuple(loc)) for s, (r, loc) in by_subject.items()]


def _merged(raw: list[RawFinding]) -> bool:
    """Whether :func:`merge` would give ``raw`` back: one finding per subject, reasons and
    locations tuples without repeats."""
    keys = {(f.subject.collection, f.subject.id) for f in raw}
    if len(keys) != len(raw):
        return False
    try:
        for f in raw:
            reasons, locations = f.reasons, f.locations
            if type(reasons) is not tuple or type(locations) is not tuple:
                return False
            if len(reasons) > 1 and len(set(reasons)) != len(reasons):
                return False
            if len(locations) > 1 and len(set(locations)) != len(locations):
                return False
    except TypeError:  # a reason that does not hash: the general path compares
        return False
    return True


def _message(lead: str, reasons: Sequence[Text], lang: str) -> str:
    if len(reasons) == 1 and type(reasons[0]) is str:  # the common case: one plain reason
        joined = reasons[0]
    else:
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
    """Run every check of one rule: its raw findings (not merged) and how many subjects
    were in scope; a condition that cannot be evaluated is a ruleset error."""
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
    return raw, evaluated


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


@dataclass(frozen=True)
class RuleRun:
    """One rule as a run treats it, data integrity or guideline rule alike.

    :func:`run` does the rest the same way for every rule: whether it runs (enabled,
    selected), the outcome of one that does not, and for one that does, merging its raw
    findings to one per subject, wording, fingerprinting, and its status.
    """

    id: str
    name: str
    clause: str
    section: str
    severity: Severity
    """As declared: the severity of the outcome of a rule that does not run."""
    effective: Severity
    """As applied on ``as_of``: of its findings and of its outcome when it runs."""
    title: str
    lead: str
    """The message template of a finding; ``{reasons}`` is where the reasons go."""
    evaluate: Callable[[], tuple[list[RawFinding], int]]
    """Its raw findings, and how many subjects were in scope (0: not applicable)."""
    enabled: bool = True
    disabled_reason: str | None = None


def data_rule_run(rule: DataRule, ds: Dataset, lang: str) -> RuleRun:
    """A data integrity rule: what loading ``ds`` tagged with its id; it applies to every run."""
    return RuleRun(
        str(rule.id),
        rule.name,
        "",
        "data",
        rule.severity,
        rule.severity,
        rule.title(lang),
        "{reasons}",
        lambda: (rule.found(ds), 1),
    )


def guideline_rule_run(
    rule: ResolvedRule, view: Dataset, opts: RunOptions, ruleset: Ruleset
) -> RuleRun:
    """A guideline rule of the ruleset: its checks on the ``as_of`` view."""
    return RuleRun(
        rule.id,
        rule.name,
        rule.clause,
        rule.section,
        rule.severity,
        _severity(rule, opts.as_of),
        rule.title.get(opts.lang),
        rule.message.get(opts.lang),
        lambda: run_rule(rule, view, opts, ruleset),
        rule.enabled,
        rule.disabled_reason.get(opts.lang) if rule.disabled_reason else None,
    )


def rule_runs(ds: Dataset, ruleset: Ruleset, opts: RunOptions) -> list[RuleRun]:
    """Every rule of a run: the data integrity rules first, then the ruleset's.

    The guideline rules see the records as they stood at the end of ``as_of`` (one view);
    the data integrity findings were found on every record while loading.
    """
    view = as_of_view(ds, opts.as_of)
    return [
        *(data_rule_run(rule, ds, opts.lang) for rule in DATA_RULES.values()),
        *(guideline_rule_run(rule, view, opts, ruleset) for rule in ruleset.rules.values()),
    ]


def run_one(rule: RuleRun, opts: RunOptions, region: str) -> tuple[list[Finding], RuleOutcome]:
    """One rule's findings and outcome (no findings if disabled or not selected)."""

    def outcome(status: str, reason: str | None, severity: Severity) -> RuleOutcome:
        return RuleOutcome(
            rule.id, rule.name, status, reason, rule.clause, rule.section, severity, rule.title
        )

    if not rule.enabled:
        return [], outcome("disabled", rule.disabled_reason, rule.severity)
    if not is_selected(rule.id, opts.select, opts.ignore):
        return [], outcome("disabled", t("rule.status.not_selected", opts.lang), rule.severity)
    raw, evaluated = rule.evaluate()
    merged = merge(raw)
    findings = _findings(rule, merged, opts.lang, region)
    if merged:
        return findings, outcome("failed", None, rule.effective)
    if evaluated:
        return findings, outcome("passed", None, rule.effective)
    nothing = t("rule.status.nothing_in_scope", opts.lang)
    return findings, outcome("not_applicable", nothing, rule.effective)


def _findings(rule: RuleRun, merged: list[RawFinding], lang: str, region: str) -> list[Finding]:
    """The rule's findings of its merged raw findings: worded, fingerprinted.

    What every finding of the rule shares (its texts, severity, the lead template split,
    the fingerprint's rule and region) is taken once, not per finding.
    """
    lead = subject_renderer(rule.lead, lang)
    fingerprint_of = fingerprinter(rule.id, region)
    rule_id, name, severity, clause, section = (
        rule.id,
        rule.name,
        rule.effective,
        rule.clause,
        rule.section,
    )
    findings = []
    for finding in merged:
        subject = finding.subject
        text = str(subject)
        findings.append(
            new_finding(
                rule_id,
                name,
                severity,
                clause,
                section,
                subject,
                _message(lead(subject.id, text), finding.reasons, lang),
                finding.locations,
                fingerprint_of(text),
            )
        )
    return findings


def run(ds: Dataset, ruleset: Ruleset, opts: RunOptions) -> Result:
    """Run a ruleset on a dataset."""
    region = ds.manifest.region
    check_selection([*ruleset.rules, *DATA_RULES], opts.select, opts.ignore)
    findings: list[Finding] = []
    outcomes: list[RuleOutcome] = []
    with no_cycle_collection():
        for rule in rule_runs(ds, ruleset, opts):
            found, outcome = run_one(rule, opts, region)
            findings.extend(found)
            outcomes.append(outcome)
        not_run = frozenset(o.id for o in outcomes if o.status == "disabled")
        known = frozenset(o.id for o in outcomes)
        findings = apply_waivers(
            findings, list(opts.waivers), opts.as_of, region, not_run, known, lang=opts.lang
        )
        findings, fixed, fixed_described = apply_baseline(findings, opts.baseline)
        findings.sort(key=finding_order)
    failed = {f.rule for f in findings}
    unwaived = {f.rule for f in findings if not f.waived}
    outcomes = [_waived_status(o, failed - unwaived, opts.lang) for o in outcomes]
    outcomes.sort(key=lambda o: o.id)
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
        rule_texts=rule_texts(ruleset, opts.lang),
        baseline_fixed=fixed,
        fixed_described=fixed_described,
        sources=tuple(inventory.summary() for inventory in ds.inventory),
    )


def apply_baseline(
    findings: list[Finding], baseline: frozenset[str] | None
) -> tuple[list[Finding], tuple[str, ...] | None, dict[str, str]]:
    """Mark the findings the baseline holds; the baseline's fingerprints that no longer occur.

    :returns: the findings, the fixed fingerprints (sorted; None without a baseline), and
        ``RULE collection/id`` of each fixed one the baseline described.
    """
    if baseline is None:
        return findings, None, {}
    current = {f.fingerprint for f in findings}
    marked = [replaced(f, baselined=f.fingerprint in baseline) for f in findings]
    fixed = tuple(sorted(baseline - current))
    described: dict[str, str] = getattr(baseline, "described", {})
    return marked, fixed, {fp: described[fp] for fp in fixed if described.get(fp)}


def rule_texts(ruleset: Ruleset, lang: str) -> dict[str, dict[str, str]]:
    """Per guideline rule, the texts the reports show: title, guideline, clause, fix."""
    return {
        r.id: {
            "title": r.title.get(lang),
            "guideline": r.guideline,
            "clause": r.clause,
            **({"fix": fix} if (fix := fix_text(r, lang)) else {}),
        }
        for r in ruleset.rules.values()
    }


def _waived_status(outcome: RuleOutcome, all_waived: set[str], lang: str) -> RuleOutcome:
    """A failed rule whose every finding is waived (its id in ``all_waived``) has status
    ``waived``."""
    if outcome.status != "failed":
        return outcome
    if outcome.id in all_waived:
        return replace(outcome, status="waived", reason=t("rule.status.all_waived", lang))
    return outcome
