"""``attestations.yaml`` (SPEC §4): a person's answers to the clauses no record can prove.

The file sits at the root of a data repository and is a YAML list::

    - item: SEK101            # the id of an attested rule of the ruleset
      answer: "yes"           # yes | partly | no, or ja | delvis | nei (unquoted yes/no too)
      evidence: Porteføljeoversikt 2024, lagt fram i AKG 25.01.2024   # text or a document id
      by: Sekretariatsleder
      date: 2025-03-15        # 2025-03-15 or 15.03.2025

``item``, ``answer`` and ``date`` are required; ``evidence`` and ``by`` are recommended but
optional, since SPEC §4 names no finding or error for their absence. Which items exist
depends on the ruleset: :func:`validate_attestations` is given them.

The file is read where every input is, at the boundary
(:func:`secretariat_rules.api.load_attestations`), with the same YAML and schema-error
mapping as the other configuration files (:mod:`secretariat_rules.yamlio`); the
``attested`` check is handed the validated :class:`Attestations`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, ValidationError, field_validator

from ..exceptions import AttestationError, Problem
from ..i18n.message import Msg, Text, msg
from ..yamlio import LineIndex, validation_problems
from .waivers import date_as_written, rule_id_as_written

ATTESTATIONS_NAME = "attestations.yaml"
"""The file, at the root of the data repository."""

TEMPLATE_LINE = re.compile(r"^#\s*-\s*item:\s*([A-Z]{3}[0-9]{3})\s*(?:#.*)?$")
"""A commented-out answer's first line, ``# - item: SEK101``: where an unanswered item's
finding points (the template ``init`` writes)."""

ITEM_PATTERN = r"^[A-Z]{3}\d{3}$"

Answer = Literal["yes", "partly", "no"]

_NORWEGIAN_ANSWERS = {"ja": "yes", "delvis": "partly", "nei": "no"}
"""SPEC §2.3: ``answer`` may be written in Norwegian (as written: lower case)."""


class Attestation(BaseModel):
    """One answer to one attested clause."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

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
        return date_as_written(value, example="2025-03-15")


class AttestationsFile(RootModel[list[Attestation]]):
    """The whole ``attestations.yaml``: a list of answers."""

    model_config = ConfigDict(defer_build=True)


@dataclass(frozen=True)
class PlacedAttestation:
    """A valid answer, the line it starts on and its place in the file."""

    attestation: Attestation
    line: int | None
    order: int


@dataclass(frozen=True)
class Attestations:
    """A validated ``attestations.yaml``: every answer, by item.

    The default is no file (``exists`` false, no answers): what a check sees when no
    attested rule runs, or on a dataset built without one.
    """

    exists: bool = False
    by_item: Mapping[str, Sequence[PlacedAttestation]] = field(default_factory=dict)
    templates: Mapping[str, int] = field(default_factory=dict)
    """Line of each item's commented-out template (``# - item: SEK101``, as ``init`` writes)."""


def _field(where: Text, message: Text) -> Msg:
    return msg("attested.error.field", where=where, message=message)


def template_lines(text: str) -> dict[str, int]:
    """The line of each item's commented-out template in the file's text (the first)."""
    templates: dict[str, int] = {}
    for number, line_text in enumerate(text.splitlines(), 1):
        if match := TEMPLATE_LINE.match(line_text.strip()):
            templates.setdefault(match.group(1), number)
    return templates


def validate_attestations(
    data: Any,
    index: LineIndex,
    known: frozenset[str] | None,
    templates: Mapping[str, int] | None = None,
    source: str = ATTESTATIONS_NAME,
) -> Attestations:
    """Validate the parsed file as a whole: every problem at once, each with file:line.

    An entry that is not a mapping, an unknown key, a bad date, an answer other than
    ``yes``/``partly``/``no``, or an ``item`` not in ``known`` is a problem; the data
    ``None`` (an empty file) has no answers.

    :param known: the items an answer may name; None accepts any rule id.
    :param source: the file as the error's head names it.
    :raises AttestationError: listing every problem (exit code 2 on the command line).
    """
    templates = dict(templates or {})
    if data is None:
        return Attestations(True, {}, templates)
    head = msg("attested.error.invalid", path=source)
    if not isinstance(data, list):
        problem = Problem(index.path, index.line(()) or 1, msg("attested.error.not_list"))
        raise AttestationError(head, [problem])
    problems: list[Problem] = []
    by_item: dict[str, list[PlacedAttestation]] = {}
    for i, entry in enumerate(data):
        line = index.line((i,))
        if not isinstance(entry, dict):
            problems.append(
                Problem(index.path, line, msg("attested.error.not_mapping", number=i + 1))
            )
            continue
        try:
            answer = Attestation.model_validate(entry)
        except ValidationError as exc:
            top = msg("attested.error.entry", number=i + 1)
            problems.extend(validation_problems(exc, index, at=(i,), top=top, say=_field))
            continue
        if known is not None and answer.item not in known:
            listed: str | Msg = ", ".join(sorted(known)) or msg("attested.error.none")
            unknown = msg("attested.error.unknown_item", item=answer.item, listed=listed)
            problems.append(Problem(index.path, index.line((i, "item")), unknown))
            continue
        by_item.setdefault(answer.item, []).append(PlacedAttestation(answer, line, i))
    if problems:
        raise AttestationError(head, problems)
    return Attestations(True, {k: tuple(v) for k, v in by_item.items()}, templates)


__all__ = [
    "ATTESTATIONS_NAME",
    "Answer",
    "Attestation",
    "Attestations",
    "AttestationsFile",
    "PlacedAttestation",
    "template_lines",
    "validate_attestations",
]
