"""``attestations.yaml`` (SPEC §4): a person's answers to the clauses no record can prove.

The file sits at the root of a data repository and is a YAML list::

    - item: SEK101            # the id of an attested rule of the ruleset
      answer: "yes"           # yes | partly | no, or ja | delvis | nei (unquoted yes/no too)
      evidence: Porteføljeoversikt 2024, lagt fram i AKG 25.01.2024   # text or a document id
      by: Sekretariatsleder
      date: 2025-03-15        # 2025-03-15 or 15.03.2025

``item``, ``answer`` and ``date`` are required; ``evidence`` and ``by`` are recommended but
optional, since SPEC §4 names no finding or error for their absence. Which items exist
depends on the ruleset, so "unknown item" is checked by the ``attested`` check kind.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator

from ..sources.values import parse_scalar
from .errors import SchemaValueError
from .waivers import rule_id_as_written

ITEM_PATTERN = r"^[A-Z]{3}\d{3}$"

Answer = Literal["yes", "partly", "no"]

_NORWEGIAN_ANSWERS = {"ja": "yes", "delvis": "partly", "nei": "no"}
"""SPEC §2.3: ``answer`` may be written in Norwegian (as written: lower case)."""


class Attestation(BaseModel):
    """One answer to one attested clause."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    item: str = Field(
        pattern=ITEM_PATTERN, description="rule id of the attested clause, e.g. SEK101"
    )
    answer: Answer = Field(
        description="yes (ja): in place; partly (delvis): partly in place; no (nei): not in place"
    )
    evidence: str | None = Field(None, description="what shows it (text or a document id)")
    by: str | None = Field(None, description="who answers (a name or a role)")
    date: dt.date = Field(description="when the answer was given; valid for valid_days after it")

    _item = field_validator("item", mode="before")(rule_id_as_written)

    @field_validator("answer", mode="before")
    @classmethod
    def _yaml_booleans(cls, value: Any) -> Any:
        """Unquoted ``yes``/``no`` are booleans to a YAML 1.1 loader: take them as meant.

        ``ja``, ``delvis`` and ``nei`` mean ``yes``, ``partly`` and ``no``.
        """
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, str) and value in _NORWEGIAN_ANSWERS:
            return _NORWEGIAN_ANSWERS[value]
        return value

    @field_validator("evidence", "by", mode="before")
    @classmethod
    def _scalar_as_text(cls, value: Any) -> Any:
        if isinstance(value, int | float | dt.date) and not isinstance(value, bool):
            return value.isoformat() if isinstance(value, dt.date) else str(value)
        if isinstance(value, str):
            return value.strip() or None
        return value

    @field_validator("date", mode="before")
    @classmethod
    def _norwegian_date(cls, value: Any) -> Any:
        """``2025-03-15`` or ``15.03.2025``, by the same rules as the data files."""
        if isinstance(value, dt.datetime):
            raise SchemaValueError(
                "error.value.date_not_datetime", example="2025-03-15", value=str(value)
            )
        if isinstance(value, str | dt.date):
            return parse_scalar(value, "date")
        return value


class AttestationsFile(RootModel[list[Attestation]]):
    """The whole ``attestations.yaml``: a list of answers."""


__all__ = ["Answer", "Attestation", "AttestationsFile"]
