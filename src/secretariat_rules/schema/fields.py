"""Field specifications derived from the pydantic collection models.

A collection is defined once, as a pydantic model (see :mod:`.collections`). From that
one definition this module derives, per field, what the columnar loader needs: the value
kind (how text is parsed), whether it is required, the enumeration, and the record,
party or body it references. JSON Schema comes from the same model via pydantic.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args, get_origin

import polars as pl
from pydantic import BaseModel, ConfigDict, Field

FieldKind = Literal["str", "id", "date", "datetime", "bool", "amount", "int", "enum", "period"]

POLARS_TYPES: dict[str, pl.DataType] = {
    "str": pl.Utf8(),
    "id": pl.Utf8(),
    "enum": pl.Utf8(),
    "period": pl.Utf8(),
    "date": pl.Date(),
    "datetime": pl.Datetime("us", "Europe/Oslo"),
    "bool": pl.Boolean(),
    "amount": pl.Float64(),
    "int": pl.Int64(),
}


@dataclass(frozen=True)
class Ref:
    """Marks a field as a reference to another collection (or ``parties``/``bodies``)."""

    target: str


@dataclass(frozen=True)
class Kind:
    """Overrides the value kind inferred from the annotation (``amount``, ``period``...)."""

    kind: FieldKind


Amount = Annotated[float, Kind("amount")]
"""NOK excluding VAT; accepts Norwegian notations (``kr 825 000,50``)."""

_YEAR = r"(?:[1-9]\d{3}|0[1-9]\d{2}|00[1-9]\d|000[1-9])"
"""Four digits, not ``0000`` (there is no year 0)."""

PeriodText = Annotated[str, Kind("period"), Field(pattern=rf"^{_YEAR}(-T[123]|-{_YEAR})?$")]
"""``2024``, ``2024-T2`` or a year range ``2024-2027``."""

Year = Annotated[int, Field(ge=1, le=9999)]
"""A calendar year: there is no year 0, and four digits at most."""

YearOrTertial = Annotated[str, Kind("period"), Field(pattern=rf"^{_YEAR}(-T[123])?$")]
"""``2024`` or ``2024-T2``."""


class Record(BaseModel):
    """Base of every collection model: unknown fields are reported, values are strict."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


@dataclass(frozen=True)
class FieldSpec:
    """What the loader needs to know about one field of a collection."""

    name: str
    kind: FieldKind
    required: bool
    ref: str | None = None
    enum: tuple[str, ...] = ()
    default: Any = None
    description: str = ""
    pattern: str | None = None
    minimum: int | None = None
    """Smallest valid value of an ``int`` field (from ``Field(ge=...)``)."""
    maximum: int | None = None
    """Largest valid value of an ``int`` field (from ``Field(le=...)``)."""

    @property
    def dtype(self) -> pl.DataType:
        return POLARS_TYPES[self.kind]


def _strip_optional(annotation: Any) -> Any:
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _kind_of(annotation: Any, metadata: list[Any]) -> tuple[FieldKind, tuple[str, ...]]:
    for item in metadata:
        if isinstance(item, Kind):
            return item.kind, ()
    annotation = _strip_optional(annotation)
    if get_origin(annotation) is Annotated:
        base, *extra = get_args(annotation)
        return _kind_of(base, list(extra))
    if get_origin(annotation) is Literal:
        return "enum", tuple(str(a) for a in get_args(annotation))
    simple: dict[Any, FieldKind] = {
        str: "str",
        dt.date: "date",
        dt.datetime: "datetime",
        bool: "bool",
        float: "amount",
        int: "int",
    }
    if annotation in simple:
        return simple[annotation], ()
    raise TypeError(f"unsupported field annotation {annotation!r}")


def _pattern_of(annotation: Any, metadata: list[Any]) -> str | None:
    for item in metadata:
        pattern = getattr(item, "pattern", None)
        if isinstance(pattern, str):
            return pattern
    annotation = _strip_optional(annotation)
    if get_origin(annotation) is Annotated:
        return _pattern_of(None, list(get_args(annotation)[1:]))
    return None


def _bound(metadata: list[Any], name: str) -> int | None:
    """``ge``/``le`` of a field's constraints (annotated-types ``Ge``/``Le``), if any."""
    for item in metadata:
        value = getattr(item, name, None)
        if isinstance(value, int):
            return value
    return None


def field_specs(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """The :class:`FieldSpec` of every field of a collection model, in declaration order."""
    specs = []
    for name, info in model.model_fields.items():
        metadata = list(info.metadata)
        annotation = info.annotation
        ref = next((m.target for m in metadata if isinstance(m, Ref)), None)
        if ref is None and get_origin(_strip_optional(annotation)) is Annotated:
            inner = get_args(_strip_optional(annotation))[1:]
            ref = next((m.target for m in inner if isinstance(m, Ref)), None)
        kind, enum = _kind_of(annotation, metadata)
        pattern = _pattern_of(annotation, metadata)
        if name == "id":
            kind = "id"
        default = None if info.is_required() else info.default
        specs.append(
            FieldSpec(
                name=name,
                kind=kind,
                required=info.is_required(),
                ref=ref,
                enum=enum,
                default=default,
                description=info.description or "",
                pattern=pattern,
                minimum=_bound(metadata, "ge"),
                maximum=_bound(metadata, "le"),
            )
        )
    return tuple(specs)
