"""Built-in check kind ``attested``: a clause that a person answers for, not a record.

What it does
    Reads ``attestations.yaml`` at the root of the data repository (see
    :mod:`secretariat_rules.schema.attestations`) and looks up the answers whose ``item``
    is the rule's id. Answers dated after ``as_of`` are ignored (they did not exist yet);
    of the others the latest by ``date`` counts (on a tie, the later in the file). It is
    valid while ``as_of`` ≤ ``date`` + ``valid_days`` (a rule parameter, 365 in the
    national ruleset). The rule has a finding on ``attestations/<rule id>`` when the
    answer is missing, expired, ``partly`` or ``no``; its location is the counting
    answer's line (``attestations.yaml:LINE``); with no answer, the line of the item's
    commented-out template (``# - item: SEK101``, as ``init`` writes it), else the file alone.

    The file is parsed once per dataset and validated as a whole: a YAML syntax error, an
    entry that is not a mapping, an unknown key, a bad date, an answer other than
    ``yes``/``partly``/``no``, or an ``item`` that is not the id of an ``attested`` rule
    of the ruleset raises :class:`~secretariat_rules.exceptions.AttestationError` listing
    every problem with file:line (exit code 2 on the command line). A missing file means
    no answers.

Why
    Some clauses no record can prove ("the secretariat shall coordinate the cooperation",
    "may act as a neutral party on request"). The guidelines still bind; a named person
    answers for them, with evidence, and the answer goes stale after a year.

Example (SEK110 neutral-mediation-on-request)::

    params: {valid_days: 365}
    check: {kind: attested}

Passing, with ``as_of`` 2025-06-30::

    - {item: SEK110, answer: "yes", evidence: "Sak 53/24", by: Sekretariatsleder,
       date: 2024-06-30}              # exactly 365 days old: still valid

Failing: the same answer dated 2024-06-29 (expired), or a later answer ``partly``, gives
``attestations/SEK110`` at ``attestations.yaml:1``; no answer at all gives it at
``attestations.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .. import hookimpl
from ..exceptions import AttestationError, Problem
from ..findings import Location, RawFinding, Subject
from ..i18n.message import Msg, msg
from ..schema.attestations import Attestation
from ..sources.confine import confined_config, read_config_bytes
from ..yamlio import load_yaml, yaml_error_line
from .base import CheckConfig, CheckContext, CheckKind, CheckOutput

ATTESTATIONS_NAME = "attestations.yaml"
"""The file, at the root of the data repository."""

DEFAULT_VALID_DAYS = 365

TEMPLATE_LINE = re.compile(r"^#\s*-\s*item:\s*([A-Z]{3}[0-9]{3})\s*(?:#.*)?$")
"""A commented-out answer's first line, ``# - item: SEK101``: where an unanswered item's
finding points (the template ``init`` writes)."""

REASONS: dict[str, str] = {
    "missing": "attested.missing",
    "missing_before": "attested.missing_before",
    "template": "attested.template",
    "expired": "attested.expired",
    "partly": "attested.partly",
    "no": "attested.no",
}
"""The catalogue key of each reason a finding gives (:mod:`secretariat_rules.i18n.catalog`)."""


class AttestedConfig(CheckConfig):
    """Configuration of the ``attested`` check kind: none; the rule id is the item."""


@dataclass(frozen=True)
class Answer:
    """A valid answer and the line it starts on."""

    attestation: Attestation
    line: int | None
    order: int


@dataclass(frozen=True)
class Attestations:
    """The parsed file: every answer, by item."""

    exists: bool
    by_item: dict[str, list[Answer]]
    templates: dict[str, int] = field(default_factory=dict)
    """Line of each item's commented-out template (``# - item: SEK101``, as ``init`` writes)."""


def attested_items(ctx: CheckContext) -> frozenset[str] | None:
    """Ids of the ruleset's rules that have an ``attested`` check (enabled or not).

    None when the ruleset is not known (a check run on its own): items are then not
    checked against it.
    """
    if ctx.ruleset is None:
        return None
    return frozenset(
        rule.id
        for rule in ctx.ruleset.rules.values()
        if any(isinstance(config, AttestedConfig) for _, config in rule.configs)
    )


def load_attestations(root: Path, known: frozenset[str] | None) -> Attestations:
    """Parse and validate ``attestations.yaml`` of a data repository.

    :param known: the items an answer may name; None accepts any rule id.
    :raises AttestationError: with every problem, each with file:line.
    """
    found = confined_config(root, ATTESTATIONS_NAME, AttestationError, "attestations file")
    if found is None:
        return Attestations(False, {})
    path = found
    raw = read_config_bytes(path, str(path), AttestationError, "attestations file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AttestationError(
            msg("attested.error.not_utf8", path=str(path), reason=exc.reason)
        ) from None
    try:
        data, index = load_yaml(text, ATTESTATIONS_NAME)
    except yaml.YAMLError as exc:
        line = yaml_error_line(exc)
        problem = Problem(
            ATTESTATIONS_NAME, line, msg("attested.error.invalid_yaml", problem=_yaml_problem(exc))
        )
        raise AttestationError(_invalid(path), [problem]) from exc
    templates: dict[str, int] = {}
    for number, line_text in enumerate(text.splitlines(), 1):
        if match := TEMPLATE_LINE.match(line_text.strip()):
            templates.setdefault(match.group(1), number)
    if data is None:
        return Attestations(True, {}, templates)
    if not isinstance(data, list):
        problem = Problem(ATTESTATIONS_NAME, index.line(()) or 1, msg("attested.error.not_list"))
        raise AttestationError(_invalid(path), [problem])

    problems: list[Problem] = []
    by_item: dict[str, list[Answer]] = {}
    for i, entry in enumerate(data):
        line = index.line((i,))
        if not isinstance(entry, dict):
            problems.append(
                Problem(
                    ATTESTATIONS_NAME,
                    line,
                    msg("attested.error.not_mapping", number=i + 1),
                )
            )
            continue
        try:
            answer = Attestation.model_validate(entry)
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(p for p in err["loc"] if isinstance(p, str | int))
                where: str | Msg = ".".join(str(p) for p in loc)
                if not where:
                    where = msg("attested.error.entry", number=i + 1)
                message = err["msg"].removeprefix("Value error, ")
                problem_text = msg("attested.error.field", where=where, message=message)
                problems.append(Problem(ATTESTATIONS_NAME, index.line((i, *loc)), problem_text))
            continue
        if known is not None and answer.item not in known:
            listed: str | Msg = ", ".join(sorted(known)) or msg("attested.error.none")
            unknown = msg("attested.error.unknown_item", item=answer.item, listed=listed)
            problems.append(Problem(ATTESTATIONS_NAME, index.line((i, "item")), unknown))
            continue
        by_item.setdefault(answer.item, []).append(Answer(answer, line, i))
    if problems:
        raise AttestationError(_invalid(path), problems)
    return Attestations(True, by_item, templates)


def _given(value: str | None) -> str | Msg:
    """An answer's text, or ``(mangler)`` / ``(missing)`` when it gives none."""
    return msg("value.missing") if value is None else value


def _invalid(path: Path) -> Msg:
    return msg("attested.error.invalid", path=str(path))


def _yaml_problem(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None)
    return str(problem) if problem else str(exc).splitlines()[0]


def attestations_of(ctx: CheckContext) -> Attestations:
    """The dataset's attestations, parsed once per dataset (and per set of known items)."""
    known = attested_items(ctx)
    key = f"attested:{ATTESTATIONS_NAME}"
    cached = ctx.dataset.memo.get(key)
    if cached is not None and cached[0] == known:
        parsed: Attestations = cached[1]
        return parsed
    parsed = load_attestations(ctx.dataset.root, known)
    ctx.dataset.memo[key] = (known, parsed)
    return parsed


def counting_answer(answers: list[Answer], as_of: dt.date) -> Answer | None:
    """The latest answer dated on or before ``as_of`` (the later in the file on a tie)."""
    given = [a for a in answers if a.attestation.date <= as_of]
    if not given:
        return None
    return max(given, key=lambda a: (a.attestation.date, a.order))


class AttestedCheck:
    """A clause answered in ``attestations.yaml``."""

    name = "attested"
    config_model = AttestedConfig

    def run(self, config: Any, ctx: CheckContext) -> CheckOutput:
        assert isinstance(config, AttestedConfig)
        item = ctx.rule_id
        attestations = attestations_of(ctx)
        answers = attestations.by_item.get(item, [])
        answer = counting_answer(answers, ctx.as_of)
        subject = Subject("attestations", item)
        if answer is None:
            line = None if answers else attestations.templates.get(item)
            key = "missing_before" if answers else "template" if line else "missing"
            reason = msg(REASONS[key], as_of=ctx.as_of, item=item)
            location = Location(ATTESTATIONS_NAME, line)
            return CheckOutput([RawFinding(subject, (reason,), (location,))], 1)
        given = answer.attestation
        valid_days = ctx.params.get("valid_days", DEFAULT_VALID_DAYS)
        valid_until = given.date + dt.timedelta(days=int(valid_days))
        values = {
            "date": given.date,
            "by": _given(given.by),
            "evidence": _given(given.evidence),
            "valid_until": valid_until,
            "as_of": ctx.as_of,
        }
        reasons: list[Msg] = []
        if ctx.as_of > valid_until:
            reasons.append(msg(REASONS["expired"], **values))
        if given.answer != "yes":
            reasons.append(msg(REASONS[given.answer], **values))
        if not reasons:
            return CheckOutput([], 1)
        location = Location(ATTESTATIONS_NAME, answer.line)
        return CheckOutput([RawFinding(subject, tuple(reasons), (location,))], 1)


@hookimpl
def secretariat_check_kinds() -> list[CheckKind]:
    return [AttestedCheck()]
