"""The waivers file (SPEC §7): findings a team accepts for a while, with reason and approver."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, RootModel


class Waiver(BaseModel):
    """One waiver: a rule and a subject (or glob pattern), why, who approved it, until when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str = Field(pattern=r"^[A-Z]{3}[0-9]{3}$", description="rule id, e.g. SEK019")
    subject: str = Field(
        min_length=1,
        description="subject (collection/id) or a glob pattern such as expenditures/*",
    )
    reason: str = Field(min_length=1, description="why the finding is accepted")
    approved_by: str = Field(min_length=1, description="a decision id or a name")
    expires: dt.date = Field(description="last day the waiver applies")


class WaiverFile(RootModel[list[Waiver]]):
    """``waivers.yaml``: a list of waivers."""
