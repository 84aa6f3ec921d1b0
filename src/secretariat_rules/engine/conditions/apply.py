"""Making a :class:`~.plan.Plan`: reference joins and columns computed from related records.

Every function returns a new :class:`~.frame.Frame`; the one given is not changed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

import polars as pl

from ...exceptions import ConditionError
from ...i18n.message import msg
from ...polars_engine import engine_for
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


def correlate(
    compiler: Compiler,
    frame: Frame,
    collection: str,
    match: Mapping[str, str],
    outer: Iterable[str] | None = None,
) -> Frame:
    """The inner collection joined to the outer rows (outer columns prefixed ``^``).

    Joined on ``match`` (inner field → outer path) equalities; without any, every
    outer row meets every inner row, which is meant for small collections. ``outer``
    names the outer columns to carry (besides ``^_rid``); None carries every one.
    """
    frame = prepare(compiler, frame, paths=match.values())
    left_keys = [frame.resolve(path) for path in match.values()]
    carried = set(outer) if outer is not None else None
    outer_cols = [
        c
        for c in frame.df.columns
        if c != "_rid"
        and not c.startswith("__")
        and (carried is None or c in carried or c in left_keys)
    ]
    outer_df = frame.df.select(
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
        joined = outer_df.join(
            inner,
            left_on=["^" + k for k in left_keys],
            right_on=right_keys,
            how="inner",
            coalesce=False,
        )
    else:
        joined = outer_df.join(inner, how="cross")
    # its own row ids, so a correlated condition can nest inside this one
    joined = joined.with_row_index("_rid")
    specs = {s.name: s for s in frame.ds.fields[collection]}
    specs.update({"^" + k: v for k, v in frame.specs.items() if k in outer_cols})
    return Frame(frame.ds, joined, specs)


def related(
    compiler: Compiler,
    frame: Frame,
    collection: str,
    match: Mapping[str, str],
    where: Sequence[Condition],
    paths: Sequence[str] = (),
) -> Frame:
    """The related records (:func:`correlate`) where every ``where`` condition holds,
    prepared for ``paths``; only the outer columns these read are carried."""
    try:
        reads = outer_reads(compiler, frame, collection, where, paths)
    except ConditionError:  # reported in its place, below
        reads = None
    inner = correlate(compiler, frame, collection, match, reads)
    inner = prepare(compiler, inner, where, paths=paths)
    return inner.filter(compiler.all_of(inner, where))


def outer_reads(
    compiler: Compiler,
    frame: Frame,
    collection: str,
    where: Sequence[Condition],
    paths: Sequence[str] = (),
) -> set[str] | None:
    """The outer columns (unprefixed) that ``where`` and ``paths`` over ``collection``
    correlated to ``frame`` read; None when that is not known (a correlated condition
    nested inside, which may read any of them).

    Found by planning and compiling over the correlated schema with no rows.
    """
    outer = frame.df.head(0).select(
        pl.col("_rid").alias("^_rid"),
        *[pl.col(c).alias("^" + c) for c in frame.df.columns if c != "_rid" and c[:2] != "__"],
    )
    empty = pl.concat([outer, frame.ds.frame(collection).head(0)], how="horizontal")
    specs = {s.name: s for s in frame.ds.fields[collection]}
    specs.update({"^" + k: v for k, v in frame.specs.items()})
    probe = Frame(frame.ds, empty.with_row_index("_rid"), specs)
    planned = plan(probe, where, paths=paths)
    if planned.derived:
        return None
    probe = apply(compiler, probe, planned) if planned.steps else probe
    roots = set(compiler.all_of(probe, where).meta.root_names())
    roots |= {probe.resolve(path) for path in paths}
    roots |= {join.column for join in planned.joins}
    known = set(frame.df.columns)
    return {c[1:] for c in roots if c.startswith("^") and c[1:] in known}


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
    if how != "count" and spec.field is None:
        related(compiler, frame, spec.collection, spec.match, spec.where)  # its errors first
        raise ConditionError(msg("error.condition.needs_field", how=how))
    fields = [spec.field] if how != "count" and spec.field is not None else []
    by_key = _aggregate_by_key(compiler, frame, how, spec, name, fields)
    if by_key is not None:
        df = by_key
    else:
        inner = related(compiler, frame, spec.collection, spec.match, spec.where, fields)
        agg = _agg(inner, how, fields, name)
        grouped = inner.df.group_by("^_rid").agg(agg).rename({"^_rid": "_rid"})
        df = frame.df.join(grouped, on="_rid", how="left")
    if how in ("count", "sum"):
        df = df.with_columns(pl.col(name).fill_null(0))
    if spec.as_ is not None:
        df = df.with_columns(pl.col(name).alias(spec.as_))
    return frame.with_df(df)


def _agg(inner: Frame, how: str, fields: list[str], name: str) -> pl.Expr:
    if how == "count":
        return pl.len().cast(pl.Int64).alias(name)
    return getattr(pl.col(inner.resolve(fields[0])), how)().alias(name)


def _aggregate_by_key(
    compiler: Compiler, frame: Frame, how: str, spec: AggSpec, name: str, fields: list[str]
) -> pl.DataFrame | None:
    """The frame with the aggregate joined on the match keys, computed once per key over
    the related records, when these do not depend on the outer row (else None)."""
    if not spec.match:
        return None
    records = frame.ds.frame(spec.collection)
    if any(key not in records.columns for key in spec.match):
        return None
    try:
        prepared = prepare(compiler, frame, paths=spec.match.values())
        reads = outer_reads(compiler, prepared, spec.collection, spec.where, fields)
    except ConditionError:  # reported by the correlated computation
        return None
    if reads is None or reads:
        return None
    left = [prepared.resolve(path) for path in spec.match.values()]
    if any(c not in frame.df.columns for c in left):
        return None
    inner = prepare(compiler, Frame.of(frame.ds, spec.collection), spec.where, paths=fields)
    inner = inner.filter(compiler.all_of(inner, spec.where)) if spec.where else inner
    right = list(spec.match)
    renamed = {key: f"__key{i}" for i, key in enumerate(right)}
    # lazy: polars' default engine streams a long group-by; only the keys are joined
    grouped = inner.df.lazy().group_by(right).agg(_agg(inner, how, fields, name)).rename(renamed)
    added = (
        frame.df.lazy()
        .select(*dict.fromkeys(left))
        .join(
            grouped,
            left_on=left,
            right_on=list(renamed.values()),
            how="left",
            maintain_order="left",
        )
        .select(name)
        .collect(engine=engine_for(max(inner.df.height, frame.df.height)))
    )
    return _beside(frame.df, added)


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

    When neither the universe nor the related records depend on the outer row (the
    usual case: every party, every distribution of the document), they are computed
    once per key and joined to the rows on it (:func:`_coverage_by_key`).
    """
    by_key = _coverage_by_key(compiler, frame, spec)
    df = by_key if by_key is not None else _coverage_correlated(compiler, frame, spec)
    missing_name, late_name = derived_name("missing", spec), derived_name("late", spec)
    if late_name not in df.columns:
        df = df.with_columns(pl.lit(None, pl.List(pl.Utf8)).alias(late_name))
    df = df.with_columns(pl.col(missing_name).alias("missing"), pl.col(late_name).alias("late"))
    return frame.with_df(df)


def _timed(spec: CoversSpec) -> bool:
    return bool(spec.time) and spec.within_hours is not None


def _firsts(got: pl.DataFrame, by: str) -> pl.DataFrame:
    """Each (``by``, member)'s first time and the provenance of its record (earliest
    time, then file, then line; only members with several records are sorted)."""
    counted = got.with_columns(pl.len().over(by, "__member").alias("__n"))
    once = counted.filter(pl.col("__n") == 1).drop("__n")
    more = (
        counted.filter(pl.col("__n") > 1)
        .drop("__n")
        .sort("__time", "__file", "__line", nulls_last=True)
        .group_by(by, "__member")
        .agg(pl.col("__time", "__file", "__line", "__pointer").first())
    )
    return pl.concat([once, more])


def _late(
    compiler: Compiler, spec: CoversSpec, got: pl.LazyFrame, by: str = "__key"
) -> pl.LazyFrame:
    """Per ``by``: the late members, their first times (``late_sent``) and their records
    (``late_locations``); ``got`` holds the first times of the members of the universe,
    ``__first`` the first time of all."""
    hours = compiler.scope.number(spec.within_hours or 0)
    late = got.filter(pl.col("__time") > pl.col("__first") + pl.duration(hours=hours))
    shown = "%Y-%m-%d" if late.collect_schema()["__time"] == pl.Date else "%Y-%m-%d %H:%M"
    late = late.sort("__member").with_columns(
        (pl.col("__member") + " " + pl.col("__time").dt.strftime(shown)).alias("__sent"),
        pl.struct(
            pl.col("__file").alias("path"),
            pl.col("__line").alias("line"),
            pl.col("__pointer").alias("pointer"),
        ).alias("__where"),
    )
    return late.group_by(by, maintain_order=True).agg(
        pl.col("__member").alias(derived_name("late", spec)),
        pl.col("__sent").alias("late_sent"),
        pl.col("__where").sort_by(pl.col("__file"), pl.col("__line")).alias("late_locations"),
    )


def _alone(
    compiler: Compiler, frame: Frame, collection: str, where: Sequence[Condition]
) -> Frame | None:
    """The records of ``collection`` where ``where`` holds, when these conditions do not
    depend on the outer row of ``frame`` (else None): :func:`_alone_lazily`, filtered."""
    lazily = _alone_lazily(compiler, frame, collection, where)
    if lazily is None:
        return None
    alone, mask = lazily
    return alone if mask is None else alone.filter(mask)


def _alone_lazily(
    compiler: Compiler,
    frame: Frame,
    collection: str,
    where: Sequence[Condition],
    rows: pl.Expr | None = None,
) -> tuple[Frame, pl.Expr | None] | None:
    """The records of ``collection``, prepared for ``where``, and the mask of those where
    ``where`` (and ``rows``) hold, when these conditions do not depend on the outer row of
    ``frame`` (else None). Unfiltered, for a lazy plan to apply the mask to the few
    columns it reads: ten million distributions are not copied whole. Where ``where``
    needs joins, only the records where ``rows`` holds are prepared (filtered first)."""
    try:
        reads = outer_reads(compiler, frame, collection, where)
    except ConditionError:  # reported by the correlated computation
        return None
    if reads is None or reads:
        return None
    alone = Frame.of(frame.ds, collection)
    if rows is not None and plan(alone, where).steps:
        alone, rows = alone.filter(rows), None
    alone = prepare(compiler, alone, where)
    keep = ([] if rows is None else [rows]) + ([compiler.all_of(alone, where)] if where else [])
    return alone, pl.all_horizontal(keep) if keep else None


def _coverage_by_key(compiler: Compiler, frame: Frame, spec: CoversSpec) -> pl.DataFrame | None:
    """The frame with the coverage columns, or None when the universe or the related
    records depend on the outer row.

    One lazy plan shaped like a hand-written query: the related records grouped by
    (key, member) to each member's first time, those by key to the number of members
    reached, the first time and the last member's first time. The members missing are
    the universe's less those reached, listed only for the keys that reached fewer than
    all (no rows × universe cross join); the late ones are looked for only in the keys
    whose last member came late, and only their records are read for provenance.
    Collected with polars' default engine, which streams the group-bys, unless the
    inputs are small (:func:`~secretariat_rules.polars_engine.engine_for`).
    """
    records = frame.ds.frame(spec.collection)
    if spec.key not in records.columns:
        return None
    universe = _alone(compiler, frame, spec.universe.collection, spec.universe.where)
    key = frame.resolve(spec.outer_key)
    keys = frame.df.get_column(key).unique().implode() if spec.where else None
    # with conditions on them, only the records of the keys of these rows are prepared
    rows = None if keys is None else pl.col(spec.key).is_in(keys)
    lazily = _alone_lazily(compiler, frame, spec.collection, spec.where, rows)
    if universe is None or lazily is None:
        return None
    inner, mask = lazily
    kept = inner.df.lazy() if mask is None else inner.df.lazy().filter(mask)
    universe = prepare(compiler, universe, paths=[spec.universe.field])
    members = universe.df.get_column(universe.resolve(spec.universe.field)).unique().sort()
    if members.null_count() or members.dtype != inner.df.schema.get(spec.member):
        return None
    categories = pl.Categories.random()
    coded = _coder(inner.df.schema[spec.key], categories)
    coded_member = _coder(members.dtype, categories)
    cols = [
        coded(pl.col(spec.key)).alias("__key"),
        coded_member(pl.col(spec.member)).alias("__member"),
    ]
    if spec.time:
        cols.append(pl.col(spec.time).alias("__time"))
    related_ = kept.select(cols).filter(pl.col("__key").is_not_null())
    if spec.time:
        firsts = related_.group_by("__key", "__member").agg(pl.col("__time").min())
    else:
        firsts = related_.unique()
    # read by several parts of the plan: computed once (polars would compute it per part,
    # as it would ``reached`` below)
    engine = engine_for(max(records.height, frame.df.height))
    firsts = firsts.collect(engine=engine).lazy()
    universal = pl.col("__member").is_in(coded_member(members).implode())
    wanted = firsts.filter(universal)
    # per key: the members of the universe reached, the first time of all, and the last
    # of the universe's members' first times (some member is late only if that is)
    # (plain aggregations of computed columns: polars' fast path, not filters per group)
    marked = firsts.with_columns(universal.alias("__u"))
    per_key = [pl.col("__u").sum().alias("__n")]
    if _timed(spec):
        marked = marked.with_columns(pl.when("__u").then("__time").alias("__utime"))
        per_key += [
            pl.col("__time").min().alias("__first"),
            pl.col("__utime").max().alias("__last"),
        ]
    reached = marked.group_by("__key").agg(per_key).filter(pl.col("__n") > 0)
    reached = reached.collect(engine=engine).lazy()
    missing_name = derived_name("missing", spec)
    everyone = pl.LazyFrame([pl.Series(missing_name, [members], pl.List(members.dtype))])
    # the keys some member is missing from: those that reached fewer than all, and
    # those of these rows that reached none (a null key reaches none)
    fewer = reached.filter(pl.col("__n") < members.len()).select("__key")
    short = (
        wanted.join(fewer, on="__key", how="semi")
        .group_by("__key")
        .agg(pl.col("__member").cast(members.dtype).alias("__reached"))
        .join(everyone, how="cross")
        .select(
            "__key",
            pl.col(missing_name).list.set_difference(pl.col("__reached")).list.sort(),
        )
    )
    keyed = frame.df.lazy().select(coded(pl.col(key)).alias("__key"))
    unseen = (
        keyed.unique()
        .join(reached, on="__key", how="anti")
        .join(everyone if members.len() else everyone.clear(), how="cross")
    )
    added = keyed.join(
        pl.concat([short, unseen]),
        on="__key",
        how="left",
        maintain_order="left",
        nulls_equal=True,
    )
    if _timed(spec):
        hours = pl.duration(hours=compiler.scope.number(spec.within_hours or 0))
        late_keys = reached.filter(pl.col("__last") > pl.col("__first") + hours)
        pairs = (
            wanted.join(late_keys.select("__key", "__first"), on="__key")
            .filter(pl.col("__time") > pl.col("__first") + hours)
            .with_columns(
                pl.col("__key").cast(inner.df.schema[spec.key]),
                pl.col("__member").cast(members.dtype),
            )
        )
        late = _late(compiler, spec, _late_records(spec, kept, pairs))
        late = late.with_columns(coded(pl.col("__key")))
        added = added.join(late, on="__key", how="left", maintain_order="left")
    return _beside(frame.df, added.collect(engine=engine).drop("__key"))


def _coder(dtype: pl.DataType, categories: pl.Categories) -> Callable[[Any], Any]:
    """How a key or member column of ``dtype`` enters the coverage plan: texts as
    categoricals, whose group-bys and joins work on 32-bit codes (at ten million
    distributions the (document, party) group-by peaks 700 MB lower); others as they are.
    The plan casts back before any text leaves it. ``categories`` is the plan's own, not
    polars' global one, which would keep every document id for the life of the process."""
    if dtype == pl.Utf8:
        categorical = pl.Categorical(categories)
        return lambda column: column.cast(categorical)
    return lambda column: column


def _beside(df: pl.DataFrame, added: pl.DataFrame) -> pl.DataFrame:
    """``added`` (one row per row of ``df``) as more columns of ``df``; a name ``df``
    has already gets the suffix ``_right``, as a join gives it."""
    clash = {c: f"{c}_right" for c in added.columns if c in df.columns}
    return df.hstack((added.rename(clash) if clash else added).get_columns())


def _late_records(spec: CoversSpec, records: pl.LazyFrame, pairs: pl.LazyFrame) -> pl.LazyFrame:
    """The late (key, member) ``pairs`` (their first times, and the key's ``__first``)
    with the provenance of each one's first record: earliest time, then file, then line,
    then position among the records."""
    on = ["__key", "__member", "__time"]
    located = (
        records.select(
            pl.col(spec.key).alias("__key"),
            pl.col(spec.member).alias("__member"),
            pl.col(str(spec.time)).alias("__time"),
            *_provenance(records.collect_schema().names()),
            pl.int_range(pl.len()).alias("__position"),
        )
        .join(pairs, on=on, how="inner")
        .sort("__file", "__line", "__position", nulls_last=True)
        .unique(["__key", "__member"], keep="first", maintain_order=True)
    )
    return located.drop("__position")


def _coverage_correlated(compiler: Compiler, frame: Frame, spec: CoversSpec) -> pl.DataFrame:
    """The frame with the coverage columns, the universe and the related records found
    for each outer row."""
    universe = related(
        compiler, frame, spec.universe.collection, {}, spec.universe.where, [spec.universe.field]
    )
    member_col = universe.resolve(spec.universe.field)
    wanted = universe.df.select(
        pl.col("^_rid").alias("_rid"), pl.col(member_col).alias("__member")
    ).unique()
    inner = related(compiler, frame, spec.collection, {spec.key: spec.outer_key}, spec.where)
    cols = [pl.col("^_rid").alias("_rid"), pl.col(spec.member).alias("__member")]
    if spec.time:
        cols += [pl.col(spec.time).alias("__time"), *_provenance(inner.df.columns)]
    got = inner.df.select(cols)
    got = _firsts(got, "_rid") if spec.time else got.unique()
    missing = wanted.join(got, on=["_rid", "__member"], how="anti")
    df = frame.df.join(
        missing.group_by("_rid").agg(
            pl.col("__member").sort().alias(derived_name("missing", spec))
        ),
        on="_rid",
        how="left",
    )
    if _timed(spec):
        first = got.group_by("_rid").agg(pl.col("__time").min().alias("__first"))
        reached = got.join(wanted, on=["_rid", "__member"], how="semi").join(first, on="_rid")
        late = _late(compiler, spec, reached.lazy(), "_rid").collect(engine=engine_for(got.height))
        df = df.join(late, on="_rid", how="left")
    return df


def _provenance(columns: Collection[str]) -> list[pl.Expr]:
    """A related record's file, line and pointer as ``__file``, ``__line``, ``__pointer``
    (null where the records' ``columns`` have none)."""
    return [
        (pl.col(name) if name in columns else pl.lit(None, dtype)).alias(f"_{name}")
        for name, dtype in (("_file", pl.Utf8), ("_line", pl.Int64), ("_pointer", pl.Utf8))
    ]
