"""The directorate's cross-region audit (SPEC §0 user 2, §6 ``audit``).

Every data repository is checked twice: against the national baseline and against its
own ruleset (the manifest's, else its region plugin's, else national). From the two
results the :class:`Audit` value is built:

* the regions, each ``ok``, ``broken`` (a configuration error: invalid manifest,
  ruleset, waivers...) or ``crashed`` (an unexpected exception, a bug in
  secretariat-rules or a plugin), the last two with their message;
* a region × rule :class:`Matrix` per ruleset (``national`` and ``own``), each cell a
  rule's status in that region: ``passed``, ``failed`` (with the number of unwaived
  findings), ``waived``, ``disabled`` (with the reason), ``not_applicable``, or
  ``absent`` (the rule is not in that region's ruleset);
* compliance per rule (share of regions passing it) and per region (share of its
  guideline rules passing);
* the tailoring register: how each region's own ruleset deviates from the baseline, as
  :func:`secretariat_rules.engine.tailoring.tailoring` computes it.

Compliance counts a cell as *assessed* when the rule ran and had something in scope
(``passed``, ``failed`` or ``waived``) and as *passing* when it is ``passed``; a waived
rule is an accepted deviation, not compliance. ``not_applicable``, ``disabled`` and
``absent`` cells are left out of both counts. Per-region compliance covers the guideline
rules only; the data integrity rules (DAT) are shown in the matrix but are not guideline
compliance.

Regions run in worker processes (:class:`~concurrent.futures.ProcessPoolExecutor`, the
``spawn`` start method: polars' thread pool is not safe to fork). Workers rebuild the
plugin registry from module names, so a job and its answer are plain picklable values
(:class:`AuditJob`, :class:`RegionAudit`). The audit lists regions in the order given,
whatever order the workers finish in, so equal input gives an equal audit for any
number of jobs.

The value objects (:class:`Audit`, :class:`RegionAudit`, :class:`Matrix`...) are defined
in :mod:`secretariat_rules.audit_results`, on the ground floor, so the reporters read them
without importing this module; they are re-exported here.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from . import audit_results
from .api import DEFAULT_RULESET, check_dataset, load_dataset, resolve_ruleset
from .audit_results import *  # noqa: F403 (the value objects, re-exported)
from .audit_results import (
    Audit,
    Cell,
    Compliance,
    Matrix,
    MatrixRow,
    RegionAudit,
    RuleColumn,
)
from .crashes import crash_summary
from .engine.ruleset import load_ruleset
from .engine.tailoring import tailoring
from .exit_codes import ExitCode, exit_code_for
from .findings import Result, RuleOutcome, Severity
from .i18n.message import Text, msg, ui_lang, using_lang
from .plugins import Registry, load_registry
from .schema.manifest import Period
from .sources.base import ReadOptions

__all__ = [
    "AuditJob",
    "audit_exit_code",
    "audit_region",
    "broken_region",
    "build_audit",
    "crashed_region",
    "run_audit",
]
__all__ += audit_results.__all__

DEFAULT_JOBS = 2


# --------------------------------------------------------------------------- the job


@dataclass(frozen=True)
class AuditJob:
    """What one worker needs to audit one data repository: plain, picklable values.

    :param plugins: extra plugin modules (``-p``), imported again in the worker.
    :param load_entry_points: load third-party plugins in the worker too.
    """

    data_dir: str
    baseline: str = DEFAULT_RULESET
    as_of: dt.date | None = None
    period: Period | None = None
    lang: str = "nb"
    fail_on: Severity | None = Severity.ERROR
    plugins: tuple[str, ...] = ()
    load_entry_points: bool = True
    schema_check: bool = False
    """Ask source adapters to validate against their official schema (DAT008)."""
    ui_lang: str | None = None
    """Language of the region's error message (a worker does not share the caller's)."""


# --------------------------------------------------------------------------- one region

_REGISTRIES: dict[tuple[tuple[str, ...], bool], Registry] = {}


def _registry_for(job: AuditJob) -> Registry:
    """The worker's registry, built once per process and plugin selection."""
    key = (job.plugins, job.load_entry_points)
    if key not in _REGISTRIES:
        _REGISTRIES[key] = load_registry(job.plugins, load_entry_points=job.load_entry_points)
    return _REGISTRIES[key]


def audit_region(job: AuditJob, registry: Registry | None = None) -> RegionAudit:
    """Check one data repository against the baseline and its own ruleset.

    Never raises for a region's own trouble: a configuration error gives a ``broken``
    region with the message, an unexpected exception a ``crashed`` one with the
    exception's type and message and its traceback. Messages are in ``job.ui_lang``.
    """
    with using_lang(job.ui_lang):
        return _audit_region(job, registry)


def _audit_region(job: AuditJob, registry: Registry | None) -> RegionAudit:
    try:
        registry = registry or _registry_for(job)
        options = ReadOptions(schema_check=job.schema_check)
        dataset = load_dataset(job.data_dir, registry=registry, options=options)
        own_rules = resolve_ruleset(None, dataset, registry)
        base_rules = load_ruleset(job.baseline, registry.rulesets, registry.check_kinds)
        results = [
            check_dataset(
                dataset,
                rules,
                as_of=job.as_of,
                period=job.period,
                lang=job.lang,
                fail_on=job.fail_on,
            )
            for rules in (base_rules, own_rules)
        ]
        return RegionAudit(
            id=dataset.manifest.region,
            name=results[1].region_name,
            data_dir=job.data_dir,
            status="ok",
            ruleset=own_rules.name,
            layers=tuple(own_rules.layers),
            national=results[0],
            own=results[1],
            tailoring=tuple(tailoring(own_rules, base_rules)),
        )
    except Exception as exc:  # the region's own trouble: the others still run
        if exit_code_for(exc) is ExitCode.CONFIG_ERROR:
            return broken_region(job.data_dir, str(exc))
        return crashed_region(job.data_dir, exc, traceback.format_exc())  # a bug


def broken_region(data_dir: str, message: str, trace: str | None = None) -> RegionAudit:
    """A region that could not be audited (configuration error), named after its directory.

    With ``trace`` it is a crash instead (status ``crashed``); see :func:`crashed_region`.
    """
    name = Path(data_dir).name or data_dir
    status = "broken" if trace is None else "crashed"
    return RegionAudit(
        id=name, name=name, data_dir=data_dir, status=status, message=message, traceback=trace
    )


def crashed_region(
    data_dir: str, exc: BaseException, trace: str, context: Text = ""
) -> RegionAudit:
    """A region stopped by an unexpected exception: a bug, with the traceback kept.

    The message names the exception's type and where it was raised, not its message,
    which may quote data (see :mod:`secretariat_rules.crashes`); the traceback has it.
    The message is in :func:`ui_lang`.
    """
    summary = crash_summary(exc)
    if context:
        message = msg("cli.audit.region_crashed.in", context=context, summary=summary)
    else:
        message = msg("cli.audit.region_crashed", summary=summary)
    return broken_region(data_dir, str(message), trace)


def audit_exit_code(audit: Audit) -> ExitCode:
    """The exit code of an audit (SPEC §6): 3 if a region crashed (an internal error, a
    bug), else 2 if a region is broken (a configuration error in that region), else 1 if
    a region has findings at or above ``fail_on`` against its own ruleset, else 0.

    A crash outranks a broken region: a bug is reported as a bug whatever else went
    wrong. The national matrix is information, not a gate.
    """
    if audit.crashed:
        return ExitCode.INTERNAL_ERROR
    if audit.broken:
        return ExitCode.CONFIG_ERROR
    return ExitCode.FINDINGS if audit.failing else ExitCode.OK


# --------------------------------------------------------------------------- running

Progress = Callable[[int, int, RegionAudit], None]
"""Called as each region finishes: (number done, total, the region)."""


def run_audit(
    data_dirs: Sequence[str | Path],
    *,
    baseline: str = DEFAULT_RULESET,
    as_of: dt.date | None = None,
    period: Period | None = None,
    lang: str = "nb",
    fail_on: Severity | None = Severity.ERROR,
    jobs: int = DEFAULT_JOBS,
    plugins: Sequence[str] = (),
    load_entry_points: bool = True,
    registry: Registry | None = None,
    progress: Progress | None = None,
    schema_check: bool = False,
) -> Audit:
    """Audit every data repository and build the :class:`Audit`.

    :param jobs: worker processes; ``1`` (or a single repository) runs in this process.
    :param plugins: extra plugin modules, loaded in every worker too.
    :param registry: used when running in this process (else built from ``plugins``);
        workers always build their own from ``plugins`` and ``load_entry_points``.
    :param progress: called in this process as each region finishes, in finishing order.
    :param schema_check: ask source adapters to validate against their official schema.
    """
    job_list = [
        AuditJob(
            data_dir=str(path),
            baseline=baseline,
            as_of=as_of,
            period=period,
            lang=lang,
            fail_on=fail_on,
            plugins=tuple(plugins),
            load_entry_points=load_entry_points,
            schema_check=schema_check,
            ui_lang=ui_lang(),
        )
        for path in data_dirs
    ]
    total = len(job_list)
    regions: list[RegionAudit | None] = [None] * total
    if jobs <= 1 or total <= 1:
        if registry is None and job_list:
            registry = load_registry(plugins, load_entry_points=load_entry_points)
        for index, job in enumerate(job_list):
            regions[index] = audit_region(job, registry)
            if progress:
                progress(index + 1, total, regions[index])  # type: ignore[arg-type]
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(jobs, total), mp_context=context) as pool:
            futures: dict[Future[RegionAudit], int] = {
                pool.submit(audit_region, job): index for index, job in enumerate(job_list)
            }
            for done, future in enumerate(as_completed(futures), start=1):
                index = futures[future]
                try:
                    region = future.result()
                except Exception as exc:  # the worker process itself died
                    region = crashed_region(
                        job_list[index].data_dir,
                        exc,
                        "".join(traceback.format_exception(exc)),
                        msg("cli.audit.worker_failed"),
                    )
                regions[index] = region
                if progress:
                    progress(done, total, region)
    return build_audit(
        [r for r in regions if r is not None],
        baseline=baseline,
        lang=lang,
        fail_on=fail_on,
        as_of=as_of.isoformat() if as_of else None,
    )


# --------------------------------------------------------------------------- building


def build_audit(
    regions: Sequence[RegionAudit],
    *,
    baseline: str = DEFAULT_RULESET,
    lang: str = "nb",
    fail_on: Severity | None = Severity.ERROR,
    as_of: str | None = None,
) -> Audit:
    """The audit of regions already checked: matrices and compliance."""
    ordered = tuple(regions)
    return Audit(
        regions=ordered,
        national=build_matrix("national", ordered),
        own=build_matrix("own", ordered),
        baseline=baseline,
        lang=lang,
        fail_on=fail_on,
        as_of=as_of,
    )


def _columns(key: str, regions: Sequence[RegionAudit]) -> tuple[RuleColumn, ...]:
    """Every rule any region's result has, in id order, described by the first."""
    columns: dict[str, RuleColumn] = {}
    for region in regions:
        result = region.result(key)
        for outcome in result.rules if result else ():
            if outcome.id not in columns:
                columns[outcome.id] = RuleColumn(
                    id=outcome.id,
                    name=outcome.name,
                    title=outcome.title,
                    section=outcome.section,
                    severity=outcome.severity.label,
                )
    return tuple(columns[rule_id] for rule_id in sorted(columns))


def _cell(outcome: RuleOutcome | None, result: Result) -> Cell:
    if outcome is None:
        return Cell("absent")
    if outcome.status == "failed":
        count = sum(1 for f in result.findings if f.rule == outcome.id and not f.waived)
        return Cell("failed", count, outcome.reason)
    return Cell(outcome.status, 0, outcome.reason)


def _compliance(cells: Sequence[Cell]) -> Compliance:
    assessed = [c for c in cells if c.status in ("passed", "failed", "waived")]
    return Compliance(sum(1 for c in assessed if c.status == "passed"), len(assessed))


def build_matrix(key: str, regions: Sequence[RegionAudit]) -> Matrix:
    """The matrix of ``national`` or ``own`` results."""
    columns = _columns(key, regions)
    rows: list[MatrixRow] = []
    for region in regions:
        result = region.result(key)
        if result is None:
            rows.append(MatrixRow(region.id, None, None))
            continue
        outcomes = {o.id: o for o in result.rules}
        cells = tuple(_cell(outcomes.get(c.id), result) for c in columns)
        guideline = [cell for cell, c in zip(cells, columns, strict=True) if c.section != "data"]
        rows.append(MatrixRow(region.id, cells, _compliance(guideline)))
    by_rule = tuple(
        _compliance([row.cells[i] for row in rows if row.cells is not None])
        for i in range(len(columns))
    )
    return Matrix(key, columns, tuple(rows), by_rule)
