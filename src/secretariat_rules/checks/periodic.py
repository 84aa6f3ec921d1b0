"""Built-in check kind ``periodic``: something required for each year or tertial.

What it does
    Splits the manifest's period into units (calendar years, or tertials T1 Jan–Apr,
    T2 May–Aug, T3 Sep–Dec), either every unit that ``overlapping`` the period or only
    those ``inside`` it. Each unit (or, with ``per``, each record of a collection for each
    unit) is a subject. For each requirement that is due (its ``due`` on or before
    ``as_of``), some ``candidates`` record must exist that satisfies every ``that``;
    without ``candidates``, the ``that`` conditions hold on the unit itself.

    Units offer ``unit`` (``2024`` or ``2024-T2``), ``unit_year``, ``unit_start`` and
    ``unit_end``. Where several candidates exist and none satisfies everything, the
    reasons of each are listed; with none, the ``missing`` reason.

Why
    Reports, budgets and statements are due per year or tertial; a missing one is a
    finding on ``periods/2024-T2``, not on any record.

Example (SEK015's annual budget)::

    check:
      kind: periodic
      unit: year
      require:
        - due: {field: unit_start, plus_days: 30}
          candidates:
            collection: reports
            where:
              - {field: kind, eq: annual_budget}
              - {field: period, eq: {outer: unit}}
              - {field: submitted, le: {var: as_of}}
          missing: {nb: "årsbudsjett for {unit} mangler", en: "no annual budget for {unit}"}

Passing: a report ``annual_budget`` for ``2024`` submitted 2024-01-20.
Failing: none, with as_of after 2024-01-31, gives ``periods/2024`` "no annual budget for 2024".
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Literal

import polars as pl
from pydantic import Field

from ..dataset import locations_of, subject_ids
from ..engine.conditions import (
    Compiler,
    Condition,
    ExistsSpec,
    Frame,
    Ref,
    Text,
    correlate,
    prepare,
)
from ..engine.templates import render
from ..findings import Location, RawFinding, Subject
from ..markers import hookimpl
from .base import (
    CheckConfig,
    CheckContext,
    CheckKind,
    CheckOutput,
    applies_expr,
    template_values,
)


class Candidates(ExistsSpec):
    """Records that could satisfy a requirement."""

    # the fields of an ``exists`` (collection, match, where); its model config is a check's


class CandidateTest(CheckConfig):
    """A condition a candidate (or the unit itself) must satisfy, and why it failed."""

    that: Condition
    reason: Text


class PeriodRequirement(CheckConfig):
    """One thing required per unit."""

    due: Ref | None = None
    when: Condition | None = None
    candidates: Candidates | None = None
    that: list[CandidateTest] = Field(default_factory=list)
    missing: Text | None = Field(None, description="reason when no candidate exists")


class PeriodicConfig(CheckConfig):
    """Configuration of the ``periodic`` check kind."""

    unit: Literal["year", "tertial"]
    select: Literal["overlapping", "inside"] = "overlapping"
    per: str | None = Field(None, description="collection: one subject per record and unit")
    per_where: list[Condition] = Field(default_factory=list)
    require: list[PeriodRequirement] = Field(min_length=1)


def period_units(unit: str, start: dt.date, end: dt.date, select: str) -> pl.DataFrame:
    """The years or tertials overlapping (or inside) ``start``..``end``."""
    rows = []
    for year in range(start.year, end.year + 1):
        spans = (
            [(str(year), dt.date(year, 1, 1), dt.date(year, 12, 31))]
            if unit == "year"
            else [
                (
                    f"{year}-T{t}",
                    dt.date(year, (t - 1) * 4 + 1, 1),
                    (dt.date(year + (t == 3), (t * 4) % 12 + 1, 1) - dt.timedelta(days=1)),
                )
                for t in (1, 2, 3)
            ]
        )
        for label, first, last in spans:
            overlaps = first <= end and last >= start
            inside = first >= start and last <= end
            if inside or (overlaps and select == "overlapping"):
                rows.append(
                    {"unit": label, "unit_year": year, "unit_start": first, "unit_end": last}
                )
    schema = {"unit": pl.Utf8, "unit_year": pl.Int64, "unit_start": pl.Date, "unit_end": pl.Date}
    return pl.DataFrame(rows, schema=schema)


class PeriodicCheck:
    """Something required for each year or tertial of the period."""

    name = "periodic"
    config_model = PeriodicConfig

    def run(self, config: PeriodicConfig, ctx: CheckContext) -> CheckOutput:
        compiler = Compiler(ctx.scope())
        units = period_units(config.unit, ctx.period_start, ctx.period_end, config.select)
        if config.per:
            frame = prepare(compiler, Frame.of(ctx.dataset, config.per), config.per_where)
            frame = frame.filter(compiler.all_of(frame, config.per_where))
            frame = frame.with_df(
                frame.df.drop("_rid").join(units, how="cross").with_row_index("_rid")
            )
            collection = config.per
        else:
            frame = Frame(ctx.dataset, units.with_row_index("_rid"), {})
            collection = "periods"
        reasons: dict[int, list[str]] = defaultdict(list)
        locs: dict[int, list[Location]] = defaultdict(list)
        due_rows: set[int] = set()
        for req in config.require:
            self._requirement(compiler, frame, req, ctx, reasons, locs, due_rows)
        return CheckOutput(self._findings(frame, collection, reasons, locs, ctx), len(due_rows))

    def _requirement(
        self,
        compiler: Compiler,
        frame: Frame,
        req: PeriodRequirement,
        ctx: CheckContext,
        reasons: dict[int, list[str]],
        locs: dict[int, list[Location]],
        due_rows: set[int],
    ) -> None:
        frame = prepare(compiler, frame, [req.when] if req.when else [], [req.due])
        applies = applies_expr(compiler, frame, req.when, req.due, ctx.as_of)
        rids = set(frame.df.filter(applies).get_column("_rid").to_list())
        due_rows.update(rids)
        if not rids:
            return
        if req.candidates is None:
            self._unit_tests(compiler, frame, req, ctx, rids, reasons)
            return
        inner = correlate(compiler, frame, req.candidates.collection, req.candidates.match)
        tests = [t.that for t in req.that]
        inner = prepare(compiler, inner, [*req.candidates.where, *tests])
        inner = inner.filter(
            pl.col("^_rid").is_in(pl.Series(sorted(rids)).implode())
            & compiler.all_of(inner, req.candidates.where)
        )
        fails = [f"__cfail{i}" for i in range(len(tests))]
        inner = inner.with_df(
            inner.df.with_columns(
                (~compiler.condition(inner, that).fill_null(False)).alias(name)
                for that, name in zip(tests, fails, strict=True)
            )
        )
        ok = pl.all_horizontal([~pl.col(c) for c in fails]) if fails else pl.lit(True)
        passed = set(inner.df.filter(ok).get_column("^_rid").to_list())
        texts = [t.reason.get(ctx.lang) for t in req.that]
        inner, cols = template_values(compiler, inner, texts)
        candidate_ids = subject_ids(req.candidates.collection, inner.df)
        rows = inner.df.select(*dict.fromkeys(["^_rid", *cols, *fails])).to_dicts()
        seen: set[int] = set()
        for cid, loc, row in zip(candidate_ids, locations_of(inner.df), rows, strict=True):
            rid = row["^_rid"]
            seen.add(rid)
            if rid in passed:
                continue
            values = {**ctx.template_extras(), **row}
            failed = [render(texts[i], values, ctx.lang) for i, c in enumerate(fails) if row[c]]
            reasons[rid].append(f"{cid}: {'; '.join(failed)}")
            locs[rid].append(loc)
        missing = sorted(rids - seen)
        if missing and req.missing is not None:
            self._missing(compiler, frame, missing, req.missing, ctx, reasons)

    def _unit_tests(
        self,
        compiler: Compiler,
        frame: Frame,
        req: PeriodRequirement,
        ctx: CheckContext,
        rids: set[int],
        reasons: dict[int, list[str]],
    ) -> None:
        tests = [t.that for t in req.that]
        frame = prepare(compiler, frame, tests)
        fails = [f"__ufail{i}" for i in range(len(tests))]
        frame = frame.with_df(
            frame.df.with_columns(
                (~compiler.condition(frame, that).fill_null(False)).alias(name)
                for that, name in zip(tests, fails, strict=True)
            )
        )
        texts = [t.reason.get(ctx.lang) for t in req.that]
        frame, cols = template_values(compiler, frame, texts)
        rows = frame.df.filter(pl.col("_rid").is_in(pl.Series(sorted(rids)).implode()))
        for row in rows.select(*dict.fromkeys(["_rid", *cols, *fails])).to_dicts():
            for i, c in enumerate(fails):
                if row[c]:
                    values = {**ctx.template_extras(), **row}
                    reasons[row["_rid"]].append(render(texts[i], values, ctx.lang))

    def _missing(
        self,
        compiler: Compiler,
        frame: Frame,
        rids: list[int],
        text: Text,
        ctx: CheckContext,
        reasons: dict[int, list[str]],
    ) -> None:
        template = text.get(ctx.lang)
        frame, cols = template_values(compiler, frame, [template])
        rows = frame.df.filter(pl.col("_rid").is_in(pl.Series(rids).implode()))
        for row in rows.select(*dict.fromkeys(["_rid", *cols])).to_dicts():
            reasons[row["_rid"]].append(
                render(template, {**ctx.template_extras(), **row}, ctx.lang)
            )

    def _findings(
        self,
        frame: Frame,
        collection: str,
        reasons: dict[int, list[str]],
        locs: dict[int, list[Location]],
        ctx: CheckContext,
    ) -> list[RawFinding]:
        if not reasons:
            return []
        rows = frame.df.filter(pl.col("_rid").is_in(pl.Series(sorted(reasons)).implode()))
        if collection == "periods":
            ids = rows.get_column("unit").to_list()
            own: list[Location | None] = [None] * rows.height
        else:
            ids = subject_ids(collection, rows)
            own = list(locations_of(rows))
        fallback = ctx.dataset.manifest_location("period")
        out = []
        for rid, sid, loc in zip(rows.get_column("_rid").to_list(), ids, own, strict=True):
            where = tuple(dict.fromkeys(locs.get(rid, []))) or ((loc,) if loc else (fallback,))
            out.append(RawFinding(Subject(collection, sid), tuple(reasons[rid]), where))
        return out


@hookimpl
def secretariat_check_kinds() -> list[CheckKind[PeriodicConfig]]:
    return [PeriodicCheck()]
