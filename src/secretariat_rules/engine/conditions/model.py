"""The condition language as data: pydantic models of conditions, operands and requirements.

See :mod:`secretariat_rules.engine.conditions` for the language itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

from ...exceptions import ConditionError
from ...i18n.message import Msg, msg
from ...schema.errors import SchemaValueError


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
