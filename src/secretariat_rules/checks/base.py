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
from ..engine.templates import all_placeholders
from ..findings import Location, RawFinding, Subject
from .rendering import render_columns

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
        applies = applies & compiler.due_by(frame, due, as_of).fill_null(False)
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

    Only the failing rows are prepared for the reasons' templates, and the reasons are
    filled column by column (:func:`~.rendering.render_columns`): each row's text is
    what :func:`~secretariat_rules.engine.templates.render` gives for
    ``{**extra, **row}``.
    """
    texts = [r.reason.get(lang) for r in requirements]
    failing = frame.filter(pl.any_horizontal([pl.col(c) for c in fail_columns]))
    if failing.df.height == 0:
        return []
    failing, value_cols = template_values(compiler, failing, texts)
    ids = subject_ids(collection, failing.df)
    locs = [location] * failing.df.height if location else locations_of(failing.df)
    timing = [fail_columns[i] for i, r in enumerate(requirements) if _locates_late(r)]
    late = LATE_LOCATIONS if timing and LATE_LOCATIONS in failing.df.columns else None
    wanted = [*value_cols, *fail_columns, *([late] if late else [])]
    rows = failing.df.select(*dict.fromkeys(wanted))
    reasons = rows.select(
        pl.when(pl.col(c)).then(render_columns(texts[i], rows, extra, lang)).alias(f"__r{i}")
        for i, c in enumerate(fail_columns)
    )
    found = zip(*(reasons.get_column(c).to_list() for c in reasons.columns), strict=True)
    lates = _late_locations(rows, late, timing) if late and location is None else {}
    return [
        RawFinding(
            Subject(collection, sid),
            tuple(r for r in texts_of_row if r is not None),
            (loc, *lates.get(i, ())),
        )
        for i, (sid, loc, texts_of_row) in enumerate(zip(ids, locs, found, strict=True))
    ]


def _late_locations(rows: pl.DataFrame, late: str, timing: Sequence[str]) -> dict[int, list]:
    """Per row (by position) where a timing requirement failed: its late records."""
    some = pl.col(late).list.len().fill_null(0) > 0
    failed = pl.any_horizontal([pl.col(c) for c in timing]).fill_null(False)
    located = (
        rows.with_row_index("__i")
        .filter(some & failed)
        .select("__i", pl.col(late))
        .explode(late)
        .unnest(late)
        .select("__i", "path", "line", "pointer")
    )
    out: dict[int, list] = {}
    for i, path, line, pointer in located.iter_rows():
        out.setdefault(i, []).append(Location(path, line, pointer))
    return out


LATE_LOCATIONS = "late_locations"
"""The column of the records a ``covers`` timing requirement found late."""


def _locates_late(requirement: Requirement) -> bool:
    """Whether a requirement's failure is located at late related records."""
    that = requirement.that
    return isinstance(that, Covers) and that.covers.require == "timing"
