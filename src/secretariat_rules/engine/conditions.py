"""Conditions as data: a small structured language compiled to polars expressions.

Rulesets never contain code. A condition is a YAML mapping:

- comparison: ``{field: PATH, OP: OPERAND}`` with OP one of ``eq ne lt le gt ge``,
  ``in``/``not_in`` (a list), ``present`` (true/false), ``in_period`` (true: the value
  lies in the manifest's period), ``is_date`` (true: the text is a valid date),
  ``under_domain_of_party`` (true: a host equals or is a subdomain of a party's domain).
  Instead of ``field`` the left side may be ``var`` (``as_of``, ``period_start``,
  ``period_end``, ``secretariat.FIELD``), ``param`` (a rule parameter: a ruleset's switch,
  e.g. ``{param: toll_money_forbidden, eq: false}``) or an aggregate
  ``sum``/``count``/``min``/``max`` over related records (``{sum: {collection, field,
  match, where, as: NAME}}``; ``as`` names the value for message templates).
- logic: ``{all: [...]}``, ``{any: [...]}``, ``{not: COND}``.
- ``{exists: {collection, match: {THEIR_FIELD: OUR_PATH}, where: [...]}}``: some related
  record matches.
- ``{covers: {collection, key, member, universe: {collection, field, where}, where,
  time, within_hours}}``: related records name every member of a universe (and, with
  ``within_hours``, each member's first ``time`` is within that many hours of the first
  of all).

A PATH follows references with dots: on decisions, ``meeting.body.kind`` joins meetings
and bodies. Inside a correlated condition (``exists``, ``covers``, aggregates) a name
that is not a field of the inner collection resolves to the outer record's, and
``{outer: PATH}`` says so explicitly. An OPERAND is a literal, ``{field: PATH}``,
``{outer: PATH}``, ``{var: NAME}`` or ``{param: NAME}``, with optional ``plus_days``,
``minus_days``, ``plus_months`` or ``plus_hours`` (a number or a parameter name).

Null semantics: a comparison with a missing value is unknown; unknown counts as false
wherever a decision is made (a scope excludes the record, a requirement fails).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Literal

import polars as pl
from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

from ..exceptions import ConditionError
from ..i18n.message import Msg, msg
from ..schema.errors import SchemaValueError
from ..schema.fields import FieldSpec
from ..sources.values import parse_expr

if TYPE_CHECKING:
    from ..dataset import Dataset

# ------------------------------------------------------------------------- models


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


Offset = int | str
"""A number, or the name of a rule parameter holding it."""


class Ref(_Model):
    """An operand naming a value: a field, an outer field, a variable or a parameter."""

    field: str | None = None
    outer: str | None = None
    var: str | None = None
    param: str | None = None
    plus_days: Offset | None = None
    minus_days: Offset | None = None
    plus_months: Offset | None = None
    plus_hours: Offset | None = None

    @model_validator(mode="after")
    def _one_source(self) -> Ref:
        given = [k for k in ("field", "outer", "var", "param") if getattr(self, k) is not None]
        if len(given) != 1:
            raise SchemaValueError("error.condition.operand_sources")
        return self


Literal_ = str | int | float | bool | dt.date
Operand = Ref | Literal_


class AggSpec(_Model):
    """Related records of a collection, matched to the current record."""

    collection: str
    field: str | None = None
    match: dict[str, str] = Field(default_factory=dict)
    where: list[Condition] = Field(default_factory=list)
    as_: str | None = Field(
        None, alias="as", description="name under which message templates see the value"
    )


class Compare(_Model):
    """A comparison of one value (a field, variable or aggregate) with an operand."""

    field: str | None = None
    var: str | None = None
    outer: str | None = None
    param: str | None = None
    sum: AggSpec | None = None
    count: AggSpec | None = None
    min: AggSpec | None = None
    max: AggSpec | None = None
    eq: Operand | None = None
    ne: Operand | None = None
    lt: Operand | None = None
    le: Operand | None = None
    gt: Operand | None = None
    ge: Operand | None = None
    in_: list[Literal_] | None = Field(None, alias="in")
    not_in: list[Literal_] | None = None
    present: bool | None = None
    in_period: bool | None = None
    is_date: bool | None = None
    under_domain_of_party: bool | None = None

    @model_validator(mode="after")
    def _shape(self) -> Compare:
        lefts = [
            k
            for k in ("field", "var", "outer", "param", "sum", "count", "min", "max")
            if getattr(self, k) is not None
        ]
        if len(lefts) != 1:
            raise SchemaValueError("error.condition.left_sides")
        ops = [k for k in OPS if getattr(self, k) is not None]
        if len(ops) != 1:
            operators = ", ".join(o.rstrip("_") for o in OPS)
            raise SchemaValueError("error.condition.operators", operators=operators)
        return self

    @property
    def op(self) -> str:
        return next(k for k in OPS if getattr(self, k) is not None)


OPS = (
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "in_",
    "not_in",
    "present",
    "in_period",
    "is_date",
    "under_domain_of_party",
)


class All(_Model):
    all: list[Condition]


class Any_(_Model):
    any: list[Condition]


class Not(_Model):
    not_: Condition = Field(alias="not")


class ExistsSpec(_Model):
    collection: str
    match: dict[str, str] = Field(default_factory=dict)
    where: list[Condition] = Field(default_factory=list)


class Exists(_Model):
    exists: ExistsSpec


class Universe(_Model):
    collection: str
    field: str = "id"
    where: list[Condition] = Field(default_factory=list)


class CoversSpec(_Model):
    collection: str
    key: str
    outer_key: str = "id"
    member: str
    universe: Universe
    where: list[Condition] = Field(default_factory=list)
    time: str | None = None
    within_hours: Offset | None = None
    require: Literal["all", "members", "timing"] = Field(
        "all", description="members: none missing; timing: none late; all: both"
    )


class Covers(_Model):
    covers: CoversSpec


def _condition_tag(value: Any) -> str:
    if isinstance(value, BaseModel):
        return type(value).__name__
    if isinstance(value, Mapping):
        for key, tag in (
            ("all", "All"),
            ("any", "Any_"),
            ("not", "Not"),
            ("exists", "Exists"),
            ("covers", "Covers"),
        ):
            if key in value:
                return tag
    return "Compare"


Condition = Annotated[
    Annotated[Compare, Tag("Compare")]
    | Annotated[All, Tag("All")]
    | Annotated[Any_, Tag("Any_")]
    | Annotated[Not, Tag("Not")]
    | Annotated[Exists, Tag("Exists")]
    | Annotated[Covers, Tag("Covers")],
    Discriminator(_condition_tag),
]

for _model in (AggSpec, Compare, All, Any_, Not, ExistsSpec, Universe, CoversSpec):
    _model.model_rebuild()


class Text(_Model):
    """A text in both languages."""

    nb: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nb


class Requirement(_Model):
    """One requirement on a subject: ``that`` must hold (``when`` it applies, once due)."""

    that: Condition
    reason: Text
    when: Condition | None = None
    due: Ref | None = None


# ------------------------------------------------------------------------- evaluation


def rule_cannot_evaluate(rule_id: str, exc: Exception) -> tuple[Msg, Msg]:
    """The message and the problem of the RulesetError that a failing condition becomes.

    ``rule SEK001: MESSAGE``: a :class:`ConditionError`'s message is nested as it is (a
    :class:`Msg` renders in the language the error is shown in); any other error (polars)
    gives the first line of its text.
    """
    given = exc.args[0] if isinstance(exc, ConditionError) and len(exc.args) == 1 else None
    message: object = given if isinstance(given, Msg) else str(exc).strip().splitlines()[0]
    return (
        msg("error.condition.cannot_evaluate", rule=rule_id),
        msg("error.condition.in_rule", rule=rule_id, message=message),
    )


@dataclass
class Scope:
    """Values a condition may name besides fields: parameters and variables."""

    params: Mapping[str, Any]
    variables: Mapping[str, Any]

    def number(self, value: Offset) -> float:
        if isinstance(value, str):
            if value not in self.params:
                raise ConditionError(msg("error.condition.unknown_param", name=value))
            got = self.params[value]
            if not isinstance(got, int | float):
                raise ConditionError(msg("error.condition.param_not_number", name=value))
            return float(got)
        return float(value)


@dataclass
class Frame:
    """A frame being evaluated, with the field specs of its columns for joins.

    Columns from an enclosing record carry a ``^`` prefix; joined references carry their
    path (``meeting.date``). ``_rid`` identifies rows across correlated sub-queries.
    """

    ds: Dataset
    df: pl.DataFrame
    specs: dict[str, FieldSpec] = field(default_factory=dict)

    @classmethod
    def of(cls, ds: Dataset, collection: str, df: pl.DataFrame | None = None) -> Frame:
        frame = ds.frame(collection) if df is None else df
        specs = {s.name: s for s in ds.fields[collection]}
        frame = frame.with_row_index("_rid")
        return cls(ds, frame, specs)

    # -- paths

    def resolve(self, path: str, outer: bool = False) -> str:
        """The column holding ``path``, joining referenced collections as needed."""
        if outer:
            return self.resolve("^" + path)
        if path in self.df.columns:
            return path
        parts = path.split(".")
        for i in range(len(parts) - 1, 0, -1):
            prefix = ".".join(parts[:i])
            base = self._existing(prefix)
            if base is not None:
                return self._join_path(base, parts[i:])
        head = self._existing(parts[0])
        if head is None:
            raise ConditionError(msg("error.condition.unknown_field", name=path))
        return head if len(parts) == 1 else self._join_path(head, parts[1:])

    def _existing(self, name: str) -> str | None:
        """Lexical lookup: the column ``name``, else the nearest enclosing ``^name``."""
        depth = max((len(c) - len(c.lstrip("^")) for c in self.df.columns), default=0)
        for level in range(depth + 1):
            candidate = "^" * level + name
            if candidate in self.df.columns:
                return candidate
        return None

    def _join_path(self, base: str, rest: list[str]) -> str:
        column = base
        for part in rest:
            spec = self.specs.get(column)
            if spec is None or spec.ref is None:
                raise ConditionError(msg("error.condition.not_reference", column=column, part=part))
            column = self._join_ref(column, spec.ref, part)
        return column

    def _join_ref(self, column: str, target: str, part: str) -> str:
        wanted = f"{column}.{part}"
        if wanted in self.df.columns:
            return wanted
        target_specs = {s.name: s for s in self.ds.fields[target]}
        if part not in target_specs and part not in self.ds.frame(target).columns:
            raise ConditionError(msg("error.condition.no_field", collection=target, field=part))
        other = self.ds.frame(target)
        cols = [c for c in other.columns if not c.startswith("_") and c != "id"]
        right = other.select(
            pl.col("id").alias("__key"), *[pl.col(c).alias(f"{column}.{c}") for c in cols]
        )
        self.df = self.df.join(right, left_on=column, right_on="__key", how="left", coalesce=True)
        if "__key" in self.df.columns:
            self.df = self.df.drop("__key")
        for c in cols:
            if c in target_specs:
                spec = target_specs[c]
                self.specs[f"{column}.{c}"] = spec
        return wanted

    def dtype(self, column: str) -> pl.DataType:
        return self.df.schema[column]


class Compiler:
    """Compiles conditions over a :class:`Frame` into boolean polars expressions.

    Correlated conditions (``exists``, ``covers``, aggregates) are computed with joins
    and added to the frame as columns; the returned expressions refer to those columns.
    """

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self._counter = 0
        self._covered: dict[tuple[int, str], tuple[str, str]] = {}

    def _new(self, stem: str) -> str:
        self._counter += 1
        return f"__{stem}{self._counter}"

    # -- conditions

    def condition(self, frame: Frame, cond: Any) -> pl.Expr:
        if isinstance(cond, All):
            exprs = [self.condition(frame, c) for c in cond.all]
            return pl.all_horizontal(exprs) if exprs else pl.lit(True)
        if isinstance(cond, Any_):
            exprs = [self.condition(frame, c) for c in cond.any]
            return pl.any_horizontal(exprs) if exprs else pl.lit(False)
        if isinstance(cond, Not):
            return ~self.condition(frame, cond.not_)
        if isinstance(cond, Exists):
            return self._exists(frame, cond.exists)
        if isinstance(cond, Covers):
            return self._covers(frame, cond.covers)
        assert isinstance(cond, Compare)
        return self._compare(frame, cond)

    def all_of(self, frame: Frame, conds: list[Any]) -> pl.Expr:
        """All conditions, unknown as false."""
        exprs = [self.condition(frame, c).fill_null(False) for c in conds]
        return pl.all_horizontal(exprs) if exprs else pl.lit(True)

    def _left(self, frame: Frame, cond: Compare) -> tuple[pl.Expr, pl.DataType]:
        if cond.field is not None:
            col = frame.resolve(cond.field)
            return pl.col(col), frame.dtype(col)
        if cond.outer is not None:
            col = frame.resolve(cond.outer, outer=True)
            return pl.col(col), frame.dtype(col)
        if cond.var is not None:
            value = self._var(cond.var)
            return pl.lit(value, dtype=_dtype_of(value)), _dtype_of(value)
        if cond.param is not None:
            if cond.param not in self.scope.params:
                raise ConditionError(msg("error.condition.unknown_param", name=cond.param))
            value = self.scope.params[cond.param]
            return pl.lit(value, dtype=_dtype_of(value)), _dtype_of(value)
        for how in ("sum", "count", "min", "max"):
            spec = getattr(cond, how)
            if spec is not None:
                col = self._aggregate(frame, how, spec)
                return pl.col(col), frame.dtype(col)
        raise ConditionError(msg("error.condition.no_left_side"))

    def _compare(self, frame: Frame, cond: Compare) -> pl.Expr:
        left, ltype = self._left(frame, cond)
        op = cond.op
        if op == "present":
            return left.is_not_null() if cond.present else left.is_null()
        if op == "in_period":
            start, end = self._var("period_start"), self._var("period_end")
            as_date = _as_date(left, ltype)
            inside = (as_date >= pl.lit(start)) & (as_date <= pl.lit(end))
            return inside if cond.in_period else ~inside
        if op == "is_date":
            valid = self._is_date(frame, left)
            return valid if cond.is_date else ~valid
        if op == "under_domain_of_party":
            col = self._under_party_domain(frame, left)
            return pl.col(col) if cond.under_domain_of_party else ~pl.col(col)
        if op in ("in_", "not_in"):
            values = getattr(cond, op)
            inside = left.is_in(pl.Series(values).implode()) if values else pl.lit(False)
            return pl.when(left.is_null()).then(None).otherwise(inside if op == "in_" else ~inside)
        right, rtype = self.operand(frame, getattr(cond, op), ltype)
        left, right = _align(left, ltype, right, rtype)
        return {
            "eq": left == right,
            "ne": left != right,
            "lt": left < right,
            "le": left <= right,
            "gt": left > right,
            "ge": left >= right,
        }[op]

    # -- operands

    def _var(self, name: str) -> Any:
        if name not in self.scope.variables:
            raise ConditionError(msg("error.condition.unknown_variable", name=name))
        return self.scope.variables[name]

    def operand(
        self, frame: Frame, value: Any, hint: pl.DataType | None = None
    ) -> tuple[pl.Expr, pl.DataType]:
        if not isinstance(value, Ref):
            return _literal(value, hint)
        if value.field is not None:
            col = frame.resolve(value.field)
            expr, dtype = pl.col(col), frame.dtype(col)
        elif value.outer is not None:
            col = frame.resolve(value.outer, outer=True)
            expr, dtype = pl.col(col), frame.dtype(col)
        elif value.var is not None:
            got = self._var(value.var)
            expr, dtype = pl.lit(got), _dtype_of(got)
        else:
            assert value.param is not None
            if value.param not in self.scope.params:
                raise ConditionError(msg("error.condition.unknown_param", name=value.param))
            expr, dtype = _literal(self.scope.params[value.param], hint)
        return self._offset(expr, dtype, value), dtype

    def date_of(self, frame: Frame, ref: Ref) -> pl.Expr:
        """A date-valued operand (due dates): datetimes are taken in Europe/Oslo."""
        expr, dtype = self.operand(frame, ref)
        return _as_date(expr, dtype)

    def _offset(self, expr: pl.Expr, dtype: pl.DataType, ref: Ref) -> pl.Expr:
        if ref.plus_days is not None:
            expr = expr + pl.duration(days=self.scope.number(ref.plus_days))
        if ref.minus_days is not None:
            expr = expr - pl.duration(days=self.scope.number(ref.minus_days))
        if ref.plus_hours is not None:
            expr = expr + pl.duration(hours=self.scope.number(ref.plus_hours))
        if ref.plus_months is not None:
            expr = expr.dt.offset_by(f"{int(self.scope.number(ref.plus_months))}mo")
        return expr

    # -- correlated sub-queries

    def correlate(self, frame: Frame, collection: str, match: Mapping[str, str]) -> Frame:
        """The inner collection joined to the outer rows (outer columns prefixed ``^``).

        Joined on ``match`` (inner field → outer path) equalities; without any, every
        outer row meets every inner row, which is meant for small collections.
        """
        left_keys = [frame.resolve(path) for path in match.values()]
        outer_cols = [c for c in frame.df.columns if c != "_rid" and not c.startswith("__")]
        outer = frame.df.select(
            pl.col("_rid").alias("^_rid"),
            *[pl.col(c).alias("^" + c) for c in outer_cols],
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

    def _matched_rids(self, frame: Frame, inner: Frame, where: list[Any]) -> pl.Series:
        mask = self.all_of(inner, where)
        return inner.df.filter(mask).get_column("^_rid").unique()

    def _exists(self, frame: Frame, spec: ExistsSpec) -> pl.Expr:
        inner = self.correlate(frame, spec.collection, spec.match)
        rids = self._matched_rids(frame, inner, spec.where)
        name = self._new("exists")
        frame.df = frame.df.with_columns(pl.col("_rid").is_in(rids.implode()).alias(name))
        return pl.col(name)

    def _aggregate(self, frame: Frame, how: str, spec: AggSpec) -> str:
        inner = self.correlate(frame, spec.collection, spec.match)
        inner.df = inner.df.filter(self.all_of(inner, spec.where))
        name = self._new(how)
        if how == "count":
            agg = pl.len().cast(pl.Int64).alias(name)
        else:
            if spec.field is None:
                raise ConditionError(msg("error.condition.needs_field", how=how))
            col = inner.resolve(spec.field)
            agg = getattr(pl.col(col), how)().alias(name)
        grouped = inner.df.group_by("^_rid").agg(agg).rename({"^_rid": "_rid"})
        frame.df = frame.df.join(grouped, on="_rid", how="left")
        if how in ("count", "sum"):
            frame.df = frame.df.with_columns(pl.col(name).fill_null(0))
        if spec.as_ is not None:
            frame.df = frame.df.with_columns(pl.col(name).alias(spec.as_))
        return name

    def _covers(self, frame: Frame, spec: CoversSpec) -> pl.Expr:
        key = (id(frame), spec.model_dump_json(exclude={"require"}))
        if key not in self._covered:
            self._covered[key] = self._coverage(frame, spec)
        missing, late = self._covered[key]
        if spec.require == "members":
            return pl.col(missing).is_null()
        if spec.require == "timing":
            return pl.col(late).is_null()
        return pl.col(missing).is_null() & pl.col(late).is_null()

    def _coverage(self, frame: Frame, spec: CoversSpec) -> tuple[str, str]:
        """Add list columns of the members each row misses and those it reached late.

        Also exposes them as ``missing`` and ``late`` for message templates, each late
        member with its first time as ``late_sent`` (``svv 2024-03-04 09:00``), and the
        records of those first late times as ``late_locations`` (where a finding that
        they are late is located: the distribution rows, not the document).
        """
        universe = self.correlate(frame, spec.universe.collection, {})
        universe.df = universe.df.filter(self.all_of(universe, spec.universe.where))
        member_col = universe.resolve(spec.universe.field)
        wanted = universe.df.select(
            pl.col("^_rid").alias("_rid"), pl.col(member_col).alias("__member")
        ).unique()
        related = self.correlate(frame, spec.collection, {spec.key: spec.outer_key})
        related.df = related.df.filter(self.all_of(related, spec.where))
        cols = [pl.col("^_rid").alias("_rid"), pl.col(spec.member).alias("__member")]
        if spec.time:
            cols.append(pl.col(spec.time).alias("__time"))
            cols += _provenance(related.df)
        got = related.df.select(cols)
        if spec.time:
            got = (
                got.sort("__time", "__file", "__line", nulls_last=True)
                .group_by("_rid", "__member")
                .agg(pl.col("__time", "__file", "__line", "__pointer").first())
            )
        else:
            got = got.unique()
        missing = wanted.join(got, on=["_rid", "__member"], how="anti")
        missing_name, late_name = self._new("missing"), self._new("late")
        df = frame.df.join(
            missing.group_by("_rid").agg(pl.col("__member").sort().alias(missing_name)),
            on="_rid",
            how="left",
        )
        if spec.time and spec.within_hours is not None:
            hours = self.scope.number(spec.within_hours)
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
        frame.df = df.with_columns(
            pl.col(missing_name).alias("missing"), pl.col(late_name).alias("late")
        )
        return missing_name, late_name

    def _is_date(self, frame: Frame, value: pl.Expr) -> pl.Expr:
        """Whether a text value is a valid date (a placeholder such as xx.xx.xx is not)."""
        name = self._new("probe")
        frame.df = frame.df.with_columns(value.cast(pl.Utf8).alias(name))
        spec = FieldSpec(name=name, kind="date", required=False)
        return parse_expr(name, spec).is_not_null()

    def _under_party_domain(self, frame: Frame, host: pl.Expr) -> str:
        name = self._new("domain")
        hosts = frame.df.select(
            pl.col("_rid"), host.cast(pl.Utf8).str.to_lowercase().alias("__host")
        )
        domains = frame.ds.frame("party_domains").select(pl.col("domain"), pl.col("party"))
        pairs = hosts.join(domains, how="cross").filter(
            (pl.col("__host") == pl.col("domain"))
            | pl.col("__host").str.ends_with(pl.lit(".") + pl.col("domain"))
        )
        owners = pairs.group_by("_rid").agg(pl.col("party").unique().sort().alias("domain_parties"))
        frame.df = frame.df.join(owners, on="_rid", how="left").with_columns(
            pl.col("domain_parties").is_not_null().alias(name)
        )
        return name


# ------------------------------------------------------------------------- helpers


def _provenance(df: pl.DataFrame) -> list[pl.Expr]:
    """A related record's file, line and pointer as ``__file``, ``__line``, ``__pointer``."""
    return [
        (pl.col(name) if name in df.columns else pl.lit(None, dtype)).alias(f"_{name}")
        for name, dtype in (("_file", pl.Utf8), ("_line", pl.Int64), ("_pointer", pl.Utf8))
    ]


def _dtype_of(value: Any) -> pl.DataType:
    if isinstance(value, bool):
        return pl.Boolean()
    if isinstance(value, dt.datetime):
        return pl.Datetime("us", "Europe/Oslo")
    if isinstance(value, dt.date):
        return pl.Date()
    if isinstance(value, int):
        return pl.Int64()
    if isinstance(value, float):
        return pl.Float64()
    return pl.Utf8()


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _literal(value: Any, hint: pl.DataType | None) -> tuple[pl.Expr, pl.DataType]:
    if (
        isinstance(value, str)
        and hint is not None
        and hint in (pl.Date, pl.Date())
        and _ISO_DATE.match(value)
    ):
        value = dt.date.fromisoformat(value)
    return pl.lit(value, dtype=_dtype_of(value)), _dtype_of(value)


def _is_datetime(dtype: pl.DataType) -> bool:
    return isinstance(dtype, pl.Datetime)


def _as_date(expr: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    if _is_datetime(dtype):
        return expr.dt.convert_time_zone("Europe/Oslo").dt.date()
    return expr


def _align(
    left: pl.Expr, ltype: pl.DataType, right: pl.Expr, rtype: pl.DataType
) -> tuple[pl.Expr, pl.Expr]:
    """Compare a datetime with a date on the date (Europe/Oslo)."""
    if _is_datetime(ltype) and rtype == pl.Date:
        return _as_date(left, ltype), right
    if _is_datetime(rtype) and ltype == pl.Date:
        return left, _as_date(right, rtype)
    return left, right
