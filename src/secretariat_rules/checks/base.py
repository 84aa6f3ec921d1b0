"""The check-kind interface and the machinery the standard kinds share.

A check kind is a pydantic configuration model (``extra="forbid"``) plus a function that
yields raw findings. It knows nothing of severity, waivers or baselines: the engine
applies those.

:class:`CheckKind` is generic over its configuration: a kind whose ``config_model`` is
``RecordConfig`` is a ``CheckKind[RecordConfig]`` and its ``run`` takes a
``RecordConfig`` (the engine validates a rule's ``check`` with ``config_model`` and
hands the result to that same kind's ``run``, so no re-check is needed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import polars as pl
from pydantic import BaseModel, ConfigDict

from ..dataset import Dataset, locations_of, subject_ids
from ..engine.conditions import (
    Compiler,
    Condition,
    Covers,
    Frame,
    Ref,
    Requirement,
    Scope,
    prepare,
)
from ..engine.templates import all_placeholders, render
from ..findings import Location, RawFinding, Subject

if TYPE_CHECKING:
    from ..engine.ruleset import Ruleset


class CheckConfig(BaseModel):
    """Base of every check kind's configuration: unknown options are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


@dataclass
class CheckContext:
    """What a check may know about the run."""

    dataset: Dataset
    params: Mapping[str, Any]
    as_of: dt.date
    period_start: dt.date
    period_end: dt.date
    lang: str = "nb"
    rule_id: str = ""
    ruleset: Ruleset | None = None
    """The resolved ruleset being run (a kind may need its other rules, e.g. ``attested``)."""

    def template_extras(self) -> dict[str, Any]:
        """Values every message template may name: parameters and variables."""
        scope = self.scope()
        return {**scope.variables, **scope.params}

    def scope(self) -> Scope:
        """Parameters and variables (``as_of``, ``period_start``, ``secretariat.*``...)."""
        variables: dict[str, Any] = {
            "as_of": self.as_of,
            "period_start": self.period_start,
            "period_end": self.period_end,
        }
        secretariat = self.dataset.frame("secretariat")
        if secretariat.height:
            for key, value in secretariat.row(0, named=True).items():
                if not key.startswith("_"):
                    variables[f"secretariat.{key}"] = value
        return Scope(self.params, variables)


@dataclass
class CheckOutput:
    """Raw findings, and how many subjects were in scope (0 means not applicable)."""

    findings: list[RawFinding] = field(default_factory=list)
    evaluated: int = 0


ConfigT = TypeVar("ConfigT", bound=CheckConfig)
"""A check kind's configuration model (a :class:`CheckConfig`)."""


class CheckKind(Protocol[ConfigT]):
    """A kind of check, named in a ruleset's ``check.kind``, configured by ``ConfigT``.

    Structural: a class with a ``name``, a ``config_model`` and a matching ``run`` is
    one, e.g.::

        class MaxAmountCheck:
            name = "max_amount"
            config_model = MaxAmountConfig

            def run(self, config: MaxAmountConfig, ctx: CheckContext) -> CheckOutput: ...

    A registry of several kinds holds ``CheckKind[Any]`` (bare ``CheckKind``): each
    kind's ``run`` receives what its own ``config_model`` validated.
    """

    name: str

    @property
    def config_model(self) -> type[ConfigT]:
        """The pydantic model of the kind's configuration."""
        ...

    def run(self, config: ConfigT, ctx: CheckContext) -> CheckOutput:
        """Evaluate the configured check on the dataset."""
        ...


def applies_expr(
    compiler: Compiler, frame: Frame, when: Condition | None, due: Ref | None, as_of: dt.date
) -> pl.Expr:
    """Whether a requirement applies: its ``when`` holds and its ``due`` date has come.

    ``frame`` must be prepared for ``when`` and ``due``
    (:func:`~secretariat_rules.engine.conditions.prepare`).
    """
    applies = pl.lit(True)
    if when is not None:
        applies = applies & compiler.condition(frame, when).fill_null(False)
    if due is not None:
        applies = applies & (compiler.date_of(frame, due) <= pl.lit(as_of)).fill_null(False)
    return applies


def mark_requirements(
    compiler: Compiler, frame: Frame, requirements: Sequence[Requirement], as_of: dt.date
) -> tuple[Frame, list[str]]:
    """The frame with a ``__failN`` column per requirement, and their names.

    A requirement fails where it applies (``when`` holds and it is due by ``as_of``) and
    ``that`` does not hold (unknown counts as not holding). Also adds ``__due`` (any
    requirement due) so callers can count the subjects actually checked.
    """
    conditions = [c for r in requirements for c in (r.when, r.that) if c is not None]
    frame = prepare(compiler, frame, conditions, [r.due for r in requirements])
    names, marks, due_any = [], [], []
    for i, req in enumerate(requirements):
        applies = applies_expr(compiler, frame, req.when, req.due, as_of)
        holds = compiler.condition(frame, req.that).fill_null(False)
        names.append(f"__fail{i}")
        marks += [(applies & ~holds).alias(f"__fail{i}"), applies.alias(f"__applies{i}")]
        due_any.append(pl.col(f"__applies{i}"))
    df = frame.df.with_columns(marks) if marks else frame.df
    due = pl.any_horizontal(due_any) if due_any else pl.lit(False)
    return frame.with_df(df.with_columns(due.alias("__due"))), names


def template_values(
    compiler: Compiler, frame: Frame, templates: Sequence[str]
) -> tuple[Frame, list[str]]:
    """The frame with the columns the templates name, and those columns (a placeholder
    that cannot be resolved is skipped: it stays as written in the message)."""
    columns = []
    for name in all_placeholders(templates):
        try:
            frame = prepare(compiler, frame, paths=[name])
            columns.append(frame.resolve(name))
        except Exception:  # an unknown placeholder stays as written in the message
            continue
    return frame, columns


def failing_findings(
    compiler: Compiler,
    frame: Frame,
    collection: str,
    requirements: Sequence[Requirement],
    fail_columns: Sequence[str],
    lang: str,
    extra: Mapping[str, Any],
    location: Location | None = None,
) -> list[RawFinding]:
    """One raw finding per row with a failed requirement, listing every reason.

    A finding is located at the record; where a ``covers`` timing requirement failed,
    also at the related records that came late (the late distribution rows), after it.
    SPEC §2.2: a finding carries the provenance of the records it is about — the
    subject and the rows that broke it.
    """
    texts = [r.reason.get(lang) for r in requirements]
    frame, value_cols = template_values(compiler, frame, texts)
    failing = frame.df.filter(pl.any_horizontal([pl.col(c) for c in fail_columns]))
    if failing.height == 0:
        return []
    ids = subject_ids(collection, failing)
    locs = [location] * failing.height if location else locations_of(failing)
    timing = {fail_columns[i] for i, r in enumerate(requirements) if _locates_late(r)}
    late = LATE_LOCATIONS if timing and LATE_LOCATIONS in frame.df.columns else None
    wanted = [*value_cols, *fail_columns, *([late] if late else [])]
    rows = failing.select(*dict.fromkeys(wanted)).to_dicts()
    out = []
    for sid, loc, row in zip(ids, locs, rows, strict=True):
        values = {**extra, **row}
        reasons = tuple(
            render(texts[i], values, lang) for i, c in enumerate(fail_columns) if row[c]
        )
        where: tuple[Location, ...] = (loc,)
        if late and location is None and row[late] and any(row[c] for c in timing):
            where += tuple(Location(d["path"], d["line"], d["pointer"]) for d in row[late])
        out.append(RawFinding(Subject(collection, sid), reasons, where))
    return out


LATE_LOCATIONS = "late_locations"
"""The column of the records a ``covers`` timing requirement found late."""


def _locates_late(requirement: Requirement) -> bool:
    """Whether a requirement's failure is located at late related records."""
    that = requirement.that
    return isinstance(that, Covers) and that.covers.require == "timing"
