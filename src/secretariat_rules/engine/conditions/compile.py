"""Compiling a condition to a polars expression: pure, over a frame already planned.

:class:`Compiler` reads the frame's columns and never changes the frame: every join a
path needs and every column a correlated condition (``exists``, ``covers``, aggregates,
``is_date``, ``under_domain_of_party``) computes must already be there, added by
:func:`~secretariat_rules.engine.conditions.plan.prepare`. Such a column is named after
the condition it computes (:func:`derived_name`), so compiling finds it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from typing import Any, Literal
from zoneinfo import ZoneInfo

import polars as pl

from ...exceptions import ConditionError
from ...i18n.message import msg
from ...schema.fields import FieldSpec
from ...sources.values import parse_expr
from .frame import Frame, Scope
from .model import (
    AggSpec,
    All,
    Any_,
    Compare,
    Condition,
    Covers,
    CoversSpec,
    Exists,
    ExistsSpec,
    Not,
    Ref,
)

Aggregate = Literal["sum", "count", "min", "max"]
AGGREGATES: tuple[Aggregate, ...] = ("sum", "count", "min", "max")
LEFTS = frozenset({"field", "var", "outer", "param", *AGGREGATES})
"""The options of a comparison that name its left side."""


class NotPlannedError(RuntimeError):
    """A column the compiled condition needs is not in the frame: prepare it first."""


def derived_name(kind: str, spec: ExistsSpec | AggSpec | CoversSpec | Compare) -> str:
    """The column computed for a correlated condition, named by what it computes.

    ``covers`` ignores ``require`` (members and timing share one computation), and
    ``is_date``/``under_domain_of_party`` depend only on their comparison's left side.
    """
    if isinstance(spec, CoversSpec):
        text = spec.model_dump_json(exclude={"require"})
    elif isinstance(spec, Compare):
        text = spec.model_dump_json(include=set(LEFTS))
    else:
        text = spec.model_dump_json()
    return f"__{kind}_{hashlib.sha1(text.encode()).hexdigest()[:12]}"


def _planned(frame: Frame, name: str) -> pl.Expr:
    if name not in frame.df.columns:
        raise NotPlannedError(f"column {name!r} is not planned: prepare the frame first")
    return pl.col(name)


class Compiler:
    """Compiles conditions over a planned :class:`Frame` into boolean polars expressions."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope

    # -- conditions

    def condition(self, frame: Frame, cond: Condition) -> pl.Expr:
        if isinstance(cond, All):
            exprs = [self.condition(frame, c) for c in cond.all]
            return pl.all_horizontal(exprs) if exprs else pl.lit(True)
        if isinstance(cond, Any_):
            exprs = [self.condition(frame, c) for c in cond.any]
            return pl.any_horizontal(exprs) if exprs else pl.lit(False)
        if isinstance(cond, Not):
            return ~self.condition(frame, cond.not_)
        if isinstance(cond, Exists):
            return _planned(frame, derived_name("exists", cond.exists))
        if isinstance(cond, Covers):
            return self._covers(frame, cond.covers)
        return self._compare(frame, cond)

    def all_of(self, frame: Frame, conds: Sequence[Condition]) -> pl.Expr:
        """All conditions, unknown as false."""
        exprs = [self.condition(frame, c).fill_null(False) for c in conds]
        return pl.all_horizontal(exprs) if exprs else pl.lit(True)

    def _covers(self, frame: Frame, spec: CoversSpec) -> pl.Expr:
        missing = _planned(frame, derived_name("missing", spec)).is_null()
        late = _planned(frame, derived_name("late", spec)).is_null()
        if spec.require == "members":
            return missing
        if spec.require == "timing":
            return late
        return missing & late

    def _compare(self, frame: Frame, cond: Compare) -> pl.Expr:
        left, ltype = self.left(frame, cond)
        op = cond.op
        if op == "present":
            return left.is_not_null() if cond.present else left.is_null()
        if op == "in_period":
            start, end = self.scope.var("period_start"), self.scope.var("period_end")
            after = on_day(left, ltype, "ge", start)
            before = on_day(left, ltype, "le", end)
            if after is not None and before is not None:
                inside = after & before
            else:
                as_date = _as_date(left, ltype)
                inside = (as_date >= pl.lit(start)) & (as_date <= pl.lit(end))
            return inside if cond.in_period else ~inside
        if op == "is_date":
            probe = derived_name("probe", cond)
            _planned(frame, probe)
            spec = FieldSpec(name=probe, kind="date", required=False)
            valid = parse_expr(probe, spec).is_not_null()
            return valid if cond.is_date else ~valid
        if op == "under_domain_of_party":
            owned = _planned(frame, derived_name("domain", cond))
            return owned if cond.under_domain_of_party else ~owned
        if op in ("in_", "not_in"):
            values = getattr(cond, op)
            inside = left.is_in(pl.Series(values).implode()) if values else pl.lit(False)
            return pl.when(left.is_null()).then(None).otherwise(inside if op == "in_" else ~inside)
        right, rtype = self.operand(frame, getattr(cond, op), ltype)
        if rtype == pl.Date:
            day = self._constant_day(getattr(cond, op))
            fast = on_day(left, ltype, op, day) if day is not None else None
            if fast is not None:
                return fast
        left, right = _align(left, ltype, right, rtype)
        return {
            "eq": left == right,
            "ne": left != right,
            "lt": left < right,
            "le": left <= right,
            "gt": left > right,
            "ge": left >= right,
        }[op]

    # -- values

    def value(
        self, frame: Frame, source: Compare | Ref, hint: pl.DataType | None, side: str
    ) -> tuple[pl.Expr, pl.DataType]:
        """A field, outer field, variable or parameter named by a comparison's left side
        or an operand (the one lookup of each). A variable as an operand is a plain
        literal; on the left it is typed as :func:`dtype_of` says."""
        if source.field is not None or source.outer is not None:
            if source.field is not None:
                col = frame.resolve(source.field)
            else:
                col = frame.resolve(str(source.outer), outer=True)
            return pl.col(col), frame.dtype(col)
        if source.var is not None:
            got = self.scope.var(source.var)
            typed = side == "left"
            return pl.lit(got, dtype=dtype_of(got) if typed else None), dtype_of(got)
        if source.param is not None:
            return _literal(self.scope.param(source.param), hint)
        raise ConditionError(msg("error.condition.no_left_side"))

    def left(self, frame: Frame, cond: Compare) -> tuple[pl.Expr, pl.DataType]:
        """The left side of a comparison: a value, or an aggregate's planned column."""
        for how in AGGREGATES:
            spec = getattr(cond, how)
            if spec is not None:
                name = derived_name(how, spec)
                return _planned(frame, name), frame.dtype(name)
        return self.value(frame, cond, None, "left")

    def operand(
        self, frame: Frame, value: Any, hint: pl.DataType | None = None
    ) -> tuple[pl.Expr, pl.DataType]:
        if not isinstance(value, Ref):
            return _literal(value, hint)
        expr, dtype = self.value(frame, value, hint, "operand")
        return self._offset(expr, value), dtype

    def date_of(self, frame: Frame, ref: Ref) -> pl.Expr:
        """A date-valued operand (due dates): datetimes are taken in Europe/Oslo."""
        expr, dtype = self.operand(frame, ref)
        return _as_date(expr, dtype)

    def due_by(self, frame: Frame, ref: Ref, day: dt.date) -> pl.Expr:
        """Whether the date of ``ref`` (:meth:`date_of`) is on or before ``day``."""
        expr, dtype = self.operand(frame, ref)
        fast = on_day(expr, dtype, "le", day)
        return fast if fast is not None else _as_date(expr, dtype) <= pl.lit(day)

    def _constant_day(self, value: Any) -> dt.date | None:
        """The date an operand stands for when it is one date for every row: a literal
        date or a variable holding one, without offsets (else None)."""
        if isinstance(value, Ref):
            offsets = (value.plus_days, value.minus_days, value.plus_hours, value.plus_months)
            if value.var is None or any(o is not None for o in offsets):
                return None
            value = self.scope.var(value.var)
        is_day = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
        return value if is_day else None

    def _offset(self, expr: pl.Expr, ref: Ref) -> pl.Expr:
        if ref.plus_days is not None:
            expr = expr + pl.duration(days=self.scope.number(ref.plus_days))
        if ref.minus_days is not None:
            expr = expr - pl.duration(days=self.scope.number(ref.minus_days))
        if ref.plus_hours is not None:
            expr = expr + pl.duration(hours=self.scope.number(ref.plus_hours))
        if ref.plus_months is not None:
            expr = expr.dt.offset_by(f"{int(self.scope.number(ref.plus_months))}mo")
        return expr


# ------------------------------------------------------------------------- helpers


def dtype_of(value: Any) -> pl.DataType:
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
    return pl.lit(value, dtype=dtype_of(value)), dtype_of(value)


def _is_datetime(dtype: pl.DataType) -> bool:
    return isinstance(dtype, pl.Datetime)


OSLO = "Europe/Oslo"
"""The time zone in which a datetime's date is taken."""


def on_day(expr: pl.Expr, dtype: pl.DataType, op: str, day: Any) -> pl.Expr | None:
    """``expr``'s date in Europe/Oslo compared (``op``: ``eq ne lt le gt ge``) with the
    date ``day``, for a zoned datetime: as instants against the start of ``day`` and of
    the next day there, so the column is not converted (the same result, nulls
    included). None for anything else (a date, a naive datetime, not a date)."""
    zoned = isinstance(dtype, pl.Datetime) and dtype.time_zone is not None
    is_day = isinstance(day, dt.date) and not isinstance(day, dt.datetime)
    if not zoned or not is_day or day >= dt.date.max or op not in _ON_DAY:
        return None
    assert isinstance(dtype, pl.Datetime)
    start, next_day = (_day_starts(d, dtype) for d in (day, day + dt.timedelta(days=1)))
    return _ON_DAY[op](expr, start, next_day)


_ON_DAY = {
    "eq": lambda x, start, end: (x >= start) & (x < end),
    "ne": lambda x, start, end: (x < start) | (x >= end),
    "lt": lambda x, start, end: x < start,
    "le": lambda x, start, end: x < end,
    "gt": lambda x, start, end: x >= end,
    "ge": lambda x, start, end: x >= start,
}


def _day_starts(day: dt.date, dtype: pl.Datetime) -> pl.Expr:
    """The instant ``day`` begins in Europe/Oslo, as a literal of ``dtype``."""
    begins = dt.datetime.combine(day, dt.time(0), ZoneInfo(OSLO))
    utc = begins.astimezone(dt.UTC).replace(tzinfo=None)
    literal = pl.lit(utc, pl.Datetime(dtype.time_unit)).dt.replace_time_zone("UTC")
    return literal.dt.convert_time_zone(str(dtype.time_zone))


def _as_date(expr: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    if _is_datetime(dtype):
        return expr.dt.convert_time_zone(OSLO).dt.date()
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
