"""Built-in check kind ``record``: requirements on each record of a collection in scope.

What it does
    For each record of ``collection`` that is in scope (every ``where`` condition holds,
    the ``in_period`` date lies in the manifest's period, and ``due`` is on or before
    ``as_of``), every requirement whose ``when`` holds and whose own ``due`` has come
    must hold. One finding per record lists the reason of every failed requirement.

Why
    Most guideline clauses are per-record duties with a date: a meeting prepared, a
    document archived within days, an expenditure authorised.

Example (SEK025 documents-archived)::

    check:
      kind: record
      collection: documents
      where: [{field: kind, in: [saksdokument, referat]}]
      in_period: date
      due: {field: date, plus_days: archive_within_days}
      require:
        - that: {field: archive_ref, present: true}
          reason: {nb: "mangler arkivreferanse", en: "no archive reference"}

Passing: a referat dated 2024-03-01 archived 2024-03-04 with ref ``2024/12-3``.
Failing: the same archived 2024-03-09 (8 days) gives ``documents/D1`` with that reason.
"""

from __future__ import annotations

from pydantic import Field

from ..engine.conditions import Compare, Compiler, Condition, Frame, Ref, Requirement, prepare
from ..markers import hookimpl
from .base import (
    CheckConfig,
    CheckContext,
    CheckKind,
    CheckOutput,
    failing_findings,
    mark_requirements,
)


class RecordConfig(CheckConfig):
    """Configuration of the ``record`` check kind."""

    collection: str = Field(description="collection (or manifest table) whose records are checked")
    where: list[Condition] = Field(default_factory=list, description="scope conditions")
    in_period: str | None = Field(None, description="path of the date that must lie in the period")
    due: Ref | None = Field(
        None, description="the record is not checked while this date is after as_of"
    )
    require: list[Requirement] = Field(min_length=1)
    locate: list[str] | None = Field(
        None, description="report at this manifest key instead of the record (secretariat facts)"
    )


class RecordCheck:
    """Requirements on each record of a collection in scope."""

    name = "record"
    config_model = RecordConfig

    def run(self, config: RecordConfig, ctx: CheckContext) -> CheckOutput:
        compiler = Compiler(ctx.scope())
        where = list(config.where)
        if config.in_period:
            where.append(Compare.model_validate({"field": config.in_period, "in_period": True}))
        frame = prepare(compiler, Frame.of(ctx.dataset, config.collection), where, [config.due])
        scope = compiler.all_of(frame, where)
        if config.due is not None:
            scope = scope & compiler.due_by(frame, config.due, ctx.as_of).fill_null(False)
        frame, fails = mark_requirements(compiler, frame.filter(scope), config.require, ctx.as_of)
        location = ctx.dataset.manifest_location(*config.locate) if config.locate else None
        findings = failing_findings(
            compiler,
            frame,
            config.collection,
            config.require,
            fails,
            ctx.lang,
            ctx.template_extras(),
            location,
        )
        evaluated = int(frame.df.get_column("__due").sum())
        return CheckOutput(findings, evaluated)


@hookimpl
def secretariat_check_kinds() -> list[CheckKind[RecordConfig]]:
    return [RecordCheck()]
