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

    The file is read once per run, only when an ``attested`` rule runs, and validated as
    a whole: a YAML syntax error, an entry that is not a mapping, an unknown key, a bad
    date, an answer other than ``yes``/``partly``/``no``, or an ``item`` that is not the
    id of an ``attested`` rule of the ruleset raises
    :class:`~secretariat_rules.exceptions.AttestationError` listing every problem with
    file:line (exit code 2 on the command line). A missing file means no answers.

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
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from ..findings import Location, RawFinding, Subject
from ..i18n.message import Msg, msg
from ..markers import hookimpl
from ..schema.attestations import ATTESTATIONS_NAME, PlacedAttestation
from .base import CheckConfig, CheckContext, CheckKind, CheckOutput

if TYPE_CHECKING:
    from ..engine.ruleset import Ruleset

__all__ = [
    "ATTESTATIONS_NAME",
    "AttestedCheck",
    "AttestedConfig",
    "attested_items",
    "counting_answer",
    "needs_attestations",
]

DEFAULT_VALID_DAYS = 365

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


def _is_attested(configs: Iterable[tuple[object, object]]) -> bool:
    return any(isinstance(config, AttestedConfig) for _, config in configs)


def attested_items(ruleset: Ruleset) -> frozenset[str]:
    """Ids of the ruleset's rules that have an ``attested`` check (enabled or not): the
    items an answer may name."""
    return frozenset(rule.id for rule in ruleset.rules.values() if _is_attested(rule.configs))


def needs_attestations(
    ruleset: Ruleset, runs: Callable[[str], bool] = lambda rule_id: True
) -> bool:
    """Whether an enabled ``attested`` rule that ``runs`` (is selected) needs the file."""
    return any(
        rule.enabled and runs(rule.id) and _is_attested(rule.configs)
        for rule in ruleset.rules.values()
    )


def _given(value: str | None) -> str | Msg:
    """An answer's text, or ``(mangler)`` / ``(missing)`` when it gives none."""
    return msg("value.missing") if value is None else value


def counting_answer(
    answers: Sequence[PlacedAttestation], as_of: dt.date
) -> PlacedAttestation | None:
    """The latest answer dated on or before ``as_of`` (the later in the file on a tie)."""
    given = [a for a in answers if a.attestation.date <= as_of]
    if not given:
        return None
    return max(given, key=lambda a: (a.attestation.date, a.order))


class AttestedCheck:
    """A clause answered in ``attestations.yaml``. A pure check, it reads no file: the
    file is read and validated where every input is, at the boundary
    (:func:`secretariat_rules.api.check_dataset`), and handed over as
    ``ctx.dataset.attestations``."""

    name = "attested"
    config_model = AttestedConfig

    def run(self, config: AttestedConfig, ctx: CheckContext) -> CheckOutput:
        item = ctx.rule_id
        attestations = ctx.dataset.attestations
        answers = attestations.by_item.get(item, ())
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
def secretariat_check_kinds() -> list[CheckKind[AttestedConfig]]:
    return [AttestedCheck()]
