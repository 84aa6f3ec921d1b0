"""What a condition is evaluated against: a :class:`Frame` (rows and the field specs of
its columns), the :class:`Scope` of parameters and variables, and the one path lookup.

A path (``meeting.body.kind``) names a column of the frame, or follows references to
other collections. :func:`resolve_path` says which column holds it and which reference
joins (:class:`Join`, plain data) the frame still needs for that; planning collects the
joins, compiling requires there are none left.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import polars as pl

from ...exceptions import ConditionError
from ...i18n.message import msg
from ...schema.fields import FieldSpec
from .model import Offset

if TYPE_CHECKING:
    from ...dataset import Dataset


@dataclass(frozen=True)
class Scope:
    """Values a condition may name besides fields: parameters and variables."""

    params: Mapping[str, Any]
    variables: Mapping[str, Any]

    def param(self, name: str) -> Any:
        """The rule parameter ``name`` (the one parameter lookup)."""
        if name not in self.params:
            raise ConditionError(msg("error.condition.unknown_param", name=name))
        return self.params[name]

    def var(self, name: str) -> Any:
        """The variable ``name`` (``as_of``, ``period_start``, ``secretariat.FIELD``...)."""
        if name not in self.variables:
            raise ConditionError(msg("error.condition.unknown_variable", name=name))
        return self.variables[name]

    def number(self, value: Offset) -> float:
        """A number, or the number held by the parameter it names."""
        if isinstance(value, str):
            got = self.param(value)
            if not isinstance(got, int | float):
                raise ConditionError(msg("error.condition.param_not_number", name=value))
            return float(got)
        return float(value)


@dataclass(frozen=True)
class Join:
    """A reference followed: the collection ``target`` joined on the reference column
    ``column``, its fields added as ``column.FIELD``."""

    column: str
    target: str


@dataclass(frozen=True)
class Frame:
    """A frame being evaluated, with the field specs of its columns for joins.

    Columns from an enclosing record carry a ``^`` prefix; joined references carry their
    path (``meeting.date``). ``_rid`` identifies rows across correlated sub-queries.
    A frame is a value: planning and filtering return new frames.
    """

    ds: Dataset
    df: pl.DataFrame
    specs: Mapping[str, FieldSpec] = field(default_factory=dict)

    @classmethod
    def of(cls, ds: Dataset, collection: str, df: pl.DataFrame | None = None) -> Frame:
        frame = ds.frame(collection) if df is None else df
        specs = {s.name: s for s in ds.fields[collection]}
        return cls(ds, frame.with_row_index("_rid"), specs)

    def with_df(self, df: pl.DataFrame) -> Frame:
        """The same frame with other rows or more columns."""
        return Frame(self.ds, df, self.specs)

    def filter(self, predicate: pl.Expr) -> Frame:
        return self.with_df(self.df.filter(predicate))

    def resolve(self, path: str, outer: bool = False) -> str:
        """The column holding ``path``; the frame must already have its joins (planned)."""
        column, joins = resolve_path(self.ds, self.df.columns, self.specs, path, outer)
        if joins:
            raise ConditionError(msg("error.condition.unknown_field", name=path))
        return column

    def dtype(self, column: str) -> pl.DataType:
        return self.df.schema[column]


def resolve_path(
    ds: Dataset,
    columns: list[str],
    specs: Mapping[str, FieldSpec],
    path: str,
    outer: bool = False,
) -> tuple[str, list[Join]]:
    """The column that holds ``path`` and the joins still needed to add it.

    Lexical: a name that is not a column resolves to the nearest enclosing ``^name``;
    the longest prefix that is a column is followed through references from there.
    """
    if outer:
        path = "^" + path
    if path in columns:
        return path, []
    known = set(columns)
    depth = max((len(c) - len(c.lstrip("^")) for c in columns), default=0)

    def existing(name: str) -> str | None:
        for level in range(depth + 1):
            if "^" * level + name in known:
                return "^" * level + name
        return None

    parts = path.split(".")
    for i in range(len(parts) - 1, 0, -1):
        base = existing(".".join(parts[:i]))
        if base is not None:
            return _follow(ds, known, dict(specs), base, parts[i:])
    head = existing(parts[0])
    if head is None:
        raise ConditionError(msg("error.condition.unknown_field", name=path))
    return _follow(ds, known, dict(specs), head, parts[1:])


def _follow(
    ds: Dataset, known: set[str], specs: dict[str, FieldSpec], base: str, rest: list[str]
) -> tuple[str, list[Join]]:
    """Follow references from ``base`` through ``rest``, noting the joins not yet made."""
    column, joins = base, []
    for part in rest:
        spec = specs.get(column)
        if spec is None or spec.ref is None:
            raise ConditionError(msg("error.condition.not_reference", column=column, part=part))
        wanted = f"{column}.{part}"
        if wanted not in known:
            target = spec.ref
            target_specs = {s.name: s for s in ds.fields[target]}
            if part not in target_specs and part not in ds.frame(target).columns:
                raise ConditionError(msg("error.condition.no_field", collection=target, field=part))
            joins.append(Join(column, target))
            known |= {f"{column}.{c}" for c in joined_columns(ds, target)}
            specs.update({f"{column}.{c}": s for c, s in target_specs.items()})
        column = wanted
    return column, joins


def joined_columns(ds: Dataset, target: str) -> list[str]:
    """The fields of ``target`` a reference join adds (not ``id``, not internal ones)."""
    return [c for c in ds.frame(target).columns if not c.startswith("_") and c != "id"]


def apply_join(frame: Frame, join: Join) -> Frame:
    """The frame with ``join`` made: ``target``'s fields as ``column.FIELD`` columns."""
    ds = frame.ds
    cols = joined_columns(ds, join.target)
    right = ds.frame(join.target).select(
        pl.col("id").alias("__key"), *[pl.col(c).alias(f"{join.column}.{c}") for c in cols]
    )
    df = frame.df.join(right, left_on=join.column, right_on="__key", how="left", coalesce=True)
    if "__key" in df.columns:
        df = df.drop("__key")
    target_specs = {s.name: s for s in ds.fields[join.target]}
    specs = {
        **frame.specs,
        **{f"{join.column}.{c}": target_specs[c] for c in cols if c in target_specs},
    }
    return Frame(ds, df, specs)
