"""Making a :class:`~.plan.Plan`: reference joins and columns computed from related records.

Every function returns a new :class:`~.frame.Frame`; the one given is not changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import polars as pl

from ...exceptions import ConditionError
from ...i18n.message import msg
from .compile import Compiler, derived_name
from .frame import Frame, Join, apply_join
from .model import AggSpec, Compare, Condition, CoversSpec, ExistsSpec, Ref
from .plan import Derive, Plan, plan


def apply(compiler: Compiler, frame: Frame, planned: Plan) -> Frame:
    """A new frame with the planned joins made and columns computed."""
    for step in planned.steps:
        frame = (
            apply_join(frame, step) if isinstance(step, Join) else _derive(compiler, frame, step)
        )
    return frame


def prepare(
    compiler: Compiler,
    frame: Frame,
    conditions: Iterable[Condition] = (),
    refs: Iterable[Ref | None] = (),
    paths: Iterable[str] = (),
) -> Frame:
    """``frame`` with what ``conditions``, ``refs`` and ``paths`` need (see :func:`plan`)."""
    planned = plan(frame, conditions, refs, paths)
    return apply(compiler, frame, planned) if planned.steps else frame


def correlate(compiler: Compiler, frame: Frame, collection: str, match: Mapping[str, str]) -> Frame:
    """The inner collection joined to the outer rows (outer columns prefixed ``^``).

    Joined on ``match`` (inner field → outer path) equalities; without any, every
    outer row meets every inner row, which is meant for small collections.
    """
    frame = prepare(compiler, frame, paths=match.values())
    left_keys = [frame.resolve(path) for path in match.values()]
    outer_cols = [c for c in frame.df.columns if c != "_rid" and not c.startswith("__")]
    outer = frame.df.select(
        pl.col("_rid").alias("^_rid"), *[pl.col(c).alias("^" + c) for c in outer_cols]
    )
    inner = frame.ds.frame(collection)
    if match:
        right_keys = list(match.keys())
        for key in right_keys:
            if key not in inner.columns:
                raise ConditionError(
                    msg("error.condition.no_field", collection=collection, field=key)
                )
        joined = outer.join(
            inner,
            left_on=["^" + k for k in left_keys],
            right_on=right_keys,
            how="inner",
            coalesce=False,
        )
    else:
        joined = outer.join(inner, how="cross")
    # its own row ids, so a correlated condition can nest inside this one
    joined = joined.with_row_index("_rid")
    specs = {s.name: s for s in frame.ds.fields[collection]}
    specs.update({"^" + k: v for k, v in frame.specs.items()})
    return Frame(frame.ds, joined, specs)


def related(
    compiler: Compiler,
    frame: Frame,
    collection: str,
    match: Mapping[str, str],
    where: Sequence[Condition],
) -> Frame:
    """The related records (:func:`correlate`) where every ``where`` condition holds."""
    inner = correlate(compiler, frame, collection, match)
    inner = prepare(compiler, inner, where)
    return inner.filter(compiler.all_of(inner, where))


def _derive(compiler: Compiler, frame: Frame, step: Derive) -> Frame:
    spec = step.spec
    if isinstance(spec, ExistsSpec):
        inner = related(compiler, frame, spec.collection, spec.match, spec.where)
        rids = inner.df.get_column("^_rid").unique()
        return frame.with_df(
            frame.df.with_columns(pl.col("_rid").is_in(rids.implode()).alias(step.name))
        )
    if isinstance(spec, AggSpec):
        return _aggregate(compiler, frame, step.kind, spec, step.name)
    if isinstance(spec, CoversSpec):
        return coverage(compiler, frame, spec)
    return (
        probe(compiler, frame, spec, step.name)
        if step.kind == "probe"
        else domain(compiler, frame, spec, step.name)
    )


def _aggregate(compiler: Compiler, frame: Frame, how: str, spec: AggSpec, name: str) -> Frame:
    inner = related(compiler, frame, spec.collection, spec.match, spec.where)
    if how == "count":
        agg = pl.len().cast(pl.Int64).alias(name)
    else:
        if spec.field is None:
            raise ConditionError(msg("error.condition.needs_field", how=how))
        inner = prepare(compiler, inner, paths=[spec.field])
        agg = getattr(pl.col(inner.resolve(spec.field)), how)().alias(name)
    grouped = inner.df.group_by("^_rid").agg(agg).rename({"^_rid": "_rid"})
    df = frame.df.join(grouped, on="_rid", how="left")
    if how in ("count", "sum"):
        df = df.with_columns(pl.col(name).fill_null(0))
    if spec.as_ is not None:
        df = df.with_columns(pl.col(name).alias(spec.as_))
    return frame.with_df(df)


def probe(compiler: Compiler, frame: Frame, cond: Compare, name: str) -> Frame:
    """The left side of an ``is_date`` comparison as text, to be parsed as a date."""
    value, _ = compiler.left(frame, cond)
    return frame.with_df(frame.df.with_columns(value.cast(pl.Utf8).alias(name)))


def domain(compiler: Compiler, frame: Frame, cond: Compare, name: str) -> Frame:
    """Whether the host on the left equals or is under a party's domain; the parties as
    ``domain_parties``."""
    host, _ = compiler.left(frame, cond)
    hosts = frame.df.select(pl.col("_rid"), host.cast(pl.Utf8).str.to_lowercase().alias("__host"))
    domains = frame.ds.frame("party_domains").select(pl.col("domain"), pl.col("party"))
    pairs = hosts.join(domains, how="cross").filter(
        (pl.col("__host") == pl.col("domain"))
        | pl.col("__host").str.ends_with(pl.lit(".") + pl.col("domain"))
    )
    owners = pairs.group_by("_rid").agg(pl.col("party").unique().sort().alias("domain_parties"))
    df = frame.df.join(owners, on="_rid", how="left")
    return frame.with_df(df.with_columns(pl.col("domain_parties").is_not_null().alias(name)))


def coverage(compiler: Compiler, frame: Frame, spec: CoversSpec) -> Frame:
    """Add list columns of the members each row misses and those it reached late.

    Also exposes them as ``missing`` and ``late`` for message templates, each late
    member with its first time as ``late_sent`` (``svv 2024-03-04 09:00``), and the
    records of those first late times as ``late_locations`` (where a finding that
    they are late is located: the distribution rows, not the document).
    """
    universe = related(compiler, frame, spec.universe.collection, {}, spec.universe.where)
    universe = prepare(compiler, universe, paths=[spec.universe.field])
    member_col = universe.resolve(spec.universe.field)
    wanted = universe.df.select(
        pl.col("^_rid").alias("_rid"), pl.col(member_col).alias("__member")
    ).unique()
    inner = related(compiler, frame, spec.collection, {spec.key: spec.outer_key}, spec.where)
    cols = [pl.col("^_rid").alias("_rid"), pl.col(spec.member).alias("__member")]
    if spec.time:
        cols.append(pl.col(spec.time).alias("__time"))
        cols += _provenance(inner.df)
    got = inner.df.select(cols)
    if spec.time:
        got = (
            got.sort("__time", "__file", "__line", nulls_last=True)
            .group_by("_rid", "__member")
            .agg(pl.col("__time", "__file", "__line", "__pointer").first())
        )
    else:
        got = got.unique()
    missing = wanted.join(got, on=["_rid", "__member"], how="anti")
    missing_name, late_name = derived_name("missing", spec), derived_name("late", spec)
    df = frame.df.join(
        missing.group_by("_rid").agg(pl.col("__member").sort().alias(missing_name)),
        on="_rid",
        how="left",
    )
    if spec.time and spec.within_hours is not None:
        hours = compiler.scope.number(spec.within_hours)
        first = got.group_by("_rid").agg(pl.col("__time").min().alias("__first"))
        late = (
            got.join(wanted, on=["_rid", "__member"], how="semi")
            .join(first, on="_rid")
            .filter(pl.col("__time") > pl.col("__first") + pl.duration(hours=hours))
        )
        shown = "%Y-%m-%d" if late.schema["__time"] == pl.Date else "%Y-%m-%d %H:%M"
        late = late.sort("__member").with_columns(
            (pl.col("__member") + " " + pl.col("__time").dt.strftime(shown)).alias("__sent"),
            pl.struct(
                pl.col("__file").alias("path"),
                pl.col("__line").alias("line"),
                pl.col("__pointer").alias("pointer"),
            ).alias("__where"),
        )
        df = df.join(
            late.group_by("_rid", maintain_order=True).agg(
                pl.col("__member").alias(late_name),
                pl.col("__sent").alias("late_sent"),
                pl.col("__where")
                .sort_by(pl.col("__file"), pl.col("__line"))
                .alias("late_locations"),
            ),
            on="_rid",
            how="left",
        )
    else:
        df = df.with_columns(pl.lit(None, pl.List(pl.Utf8)).alias(late_name))
    df = df.with_columns(pl.col(missing_name).alias("missing"), pl.col(late_name).alias("late"))
    return frame.with_df(df)


def _provenance(df: pl.DataFrame) -> list[pl.Expr]:
    """A related record's file, line and pointer as ``__file``, ``__line``, ``__pointer``."""
    return [
        (pl.col(name) if name in df.columns else pl.lit(None, dtype)).alias(f"_{name}")
        for name, dtype in (("_file", pl.Utf8), ("_line", pl.Int64), ("_pointer", pl.Utf8))
    ]
