"""The waivers file (SPEC §7): findings a team accepts for a while, with reason and approver."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator

from ..sources.values import parse_scalar, printable
from .errors import SchemaValueError

RULE_ID = r"^[A-Z]{3}[0-9]{3}$"


def rule_id_as_written(value: Any) -> Any:
    """A rule id is matched as written: ``sek019`` is an error that names ``SEK019``."""
    if isinstance(value, str) and not re.fullmatch(RULE_ID, value):
        near = value.strip().upper()
        if re.fullmatch(RULE_ID, near):
            raise SchemaValueError(
                "error.waiver.rule_id_near", value=printable(value), near=repr(near)
            )
        raise SchemaValueError("error.waiver.rule_id", value=printable(value))
    return value


def date_as_written(value: Any, example: str = "2025-12-31") -> Any:
    """A date by the data-file rules: ``2025-12-31`` or ``31.12.2025`` (not a datetime).

    ``example`` is the date the error for a datetime shows as the form to write.
    """
    if isinstance(value, dt.datetime):
        raise SchemaValueError("error.value.date_not_datetime", example=example, value=str(value))
    if isinstance(value, str | dt.date):
        return parse_scalar(value, "date")
    return value


class Waiver(BaseModel):
    """One waiver: a rule and a subject (or glob pattern), why, who approved it, until when;
    optionally the approving decision's case number and the waiver's owner."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    rule: str = Field(pattern=RULE_ID, description="rule id, e.g. SEK019")
    subject: str = Field(
        min_length=1,
        description="subject (collection/id) or a glob pattern such as expenditures/*",
    )
    reason: str = Field(min_length=1, description="why the finding is accepted")
    approved_by: str = Field(min_length=1, description="a decision id or a name")
    expires: dt.date = Field(description="last day the waiver applies")
    case: str | None = Field(
        default=None,
        min_length=1,
        description="case number of the decision that approved it, e.g. 2024/1234",
    )
    owner: str | None = Field(
        default=None, min_length=1, description="who answers for it: a name or a party id"
    )

    _rule = field_validator("rule", mode="before")(rule_id_as_written)
    _expires = field_validator("expires", mode="before")(date_as_written)


class WaiverFile(RootModel[list[Waiver]]):
    """``waivers.yaml``: a list of waivers."""

    model_config = ConfigDict(defer_build=True)
