"""The ruleset file format: what a rule, a change to a rule and a ruleset's header may say.

The pydantic models a ruleset file is validated against (and ``json-schema`` publishes);
resolving the layers is :mod:`.ruleset_layers`, loading the chain :mod:`.ruleset`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from .conditions import Text

RULE_ID = r"^[A-Z]{3}\d{3}$"
RULE_NAME = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MAX_PARAM_MAGNITUDE = 10**15
"""Largest absolute value of a numeric rule parameter (days, hours, amounts in NOK)."""
_BoundedInt = Annotated[int, Field(ge=-MAX_PARAM_MAGNITUDE, le=MAX_PARAM_MAGNITUDE)]
_FiniteFloat = Annotated[
    float, Field(allow_inf_nan=False, ge=-MAX_PARAM_MAGNITUDE, le=MAX_PARAM_MAGNITUDE)
]
ParamValue = bool | _BoundedInt | _FiniteFloat | str | dt.date | None
"""A rule parameter: numbers are finite and bounded (``.nan`` would switch a rule off)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReasonText(Text):
    """A ``reason:`` in both languages, neither empty."""

    nb: str = Field(min_length=1)
    en: str = Field(min_length=1)


def _both_languages(value: object) -> object:
    """A plain-string reason reads the same in both languages."""
    if isinstance(value, str):
        if not value:
            raise PydanticCustomError(
                "string_too_short",
                "String should have at least {min_length} character",
                {"min_length": 1},
            )
        return {"nb": value, "en": value}
    return value


_NONEMPTY = {"type": "string", "minLength": 1}
Reason = Annotated[
    ReasonText,
    BeforeValidator(_both_languages),
    AfterValidator(lambda value: Text(nb=value.nb, en=value.en)),
    WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "object",
                    "properties": {"nb": _NONEMPTY, "en": _NONEMPTY},
                    "required": ["nb", "en"],
                    "additionalProperties": False,
                },
                _NONEMPTY,
            ],
            "description": "why: {nb, en}, or one plain string for both languages",
        }
    ),
]
"""The ``reason:`` of a rule added, changed or disabled by a layer, as a :class:`Text`:
``{nb, en}``, or one plain string for both languages (as rulesets wrote it before)."""


class RuleDef(_Model):
    """A complete rule, as first defined."""

    id: str = Field(pattern=RULE_ID)
    name: str = Field(pattern=RULE_NAME)
    clause: str
    modal: Literal["skal", "bør", "kan"]
    severity: Literal["error", "warning", "info"] | None = None
    title: Text
    message: Text
    fix: Text | None = Field(None, description="what to do to resolve a finding, concretely")
    guideline: str = Field(min_length=1, description="the guideline text it encodes, verbatim (nb)")
    semantics: Text | None = None
    params: dict[str, ParamValue] = Field(default_factory=dict)
    example: dict[str, ParamValue | list[str]] | None = Field(
        None, description="values of record placeholders for explain's example finding"
    )
    effective_from: dt.date | None = None
    check: dict[str, Any] | list[dict[str, Any]]
    enabled: bool = True
    reason: Reason | None = None


class RuleChange(_Model):
    """A change to a rule of the base ruleset; ``reason`` is mandatory."""

    id: str = Field(pattern=RULE_ID)
    reason: Reason
    enabled: bool | None = None
    clause: str | None = None
    modal: Literal["skal", "bør", "kan"] | None = None
    severity: Literal["error", "warning", "info"] | None = None
    title: Text | None = None
    message: Text | None = None
    fix: Text | None = None
    guideline: str | None = None
    semantics: Text | None = None
    params: dict[str, ParamValue] | None = None
    example: dict[str, ParamValue | list[str]] | None = None
    effective_from: dt.date | None = None
    check: dict[str, Any] | list[dict[str, Any]] | None = None


class RulesetHeader(_Model):
    """The top of a ruleset file (its rules are validated one by one)."""

    ruleset: str | None = None
    title: Text | None = None
    description: str | None = None
    extends: str | None = None
    rules: list[dict[str, Any]] = Field(default_factory=list)

    @field_validator("rules", mode="before")
    @classmethod
    def _empty_rules(cls, value: object) -> object:
        """``rules:`` with nothing under it (only comments) means no rules."""
        return [] if value is None else value
